"""Actor resolution across sources: spelling variants, short forms, curated aliases, honorifics."""

from __future__ import annotations

import pytest

from analysis.models import Actor, Mention
from tests.factories import actor_create, article_text, scripted_extract
from tests.services.ingestion.reports import (
    FAYYAD,
    KUTRASHEV,
    KUTRASHEV_VARIANT,
    ingest,
    write,
)

pytestmark = pytest.mark.django_db


def test_spelling_variants_article_less_and_short_forms_resolve_to_one_actor(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[KUTRASHEV_VARIANT, ("فياض", "person", [], "")])))
    ingest(
        write(tmp_path, "3.txt", article_text(actors=[("كوتراشيف", "person", [], ""), ("الفياض", "person")]))
    )

    assert Actor.objects.filter(kind="person").count() == 2
    kutrashev = Actor.objects.get(name="ألبروس كوتراشيف")
    fayyad = Actor.objects.get(name="فالح الفياض")
    assert set(kutrashev.aliases.values_list("name", flat=True)) >= {"كوتراشيف"}
    assert {"الفياض", "السيد الفياض"} <= set(fayyad.aliases.values_list("name", flat=True))
    assert Mention.objects.filter(actor=kutrashev).values("document").distinct().count() == 3
    assert Mention.objects.filter(actor=fayyad).values("document").distinct().count() == 3
    assert set(kutrashev.titles.values_list("title", flat=True)) == {
        "السفير الروسي في العراق",
        "السفير الروسي",
    }


def test_a_short_form_shared_by_two_stored_people_is_not_guessed(tmp_path):
    actor_create(name="عمار الحكيم")
    actor_create(name="محمد باقر الحكيم")

    ingest(write(tmp_path, "1.txt", article_text(actors=[("الحكيم", "person", [], "")])))

    assert Actor.objects.filter(name_key="حكيم").count() == 1
    assert Actor.objects.count() == 3


def test_a_curated_alias_resolves_new_documents_to_the_curated_actor(tmp_path):
    curated = actor_create(name="أبو فدك المحمداوي", is_curated=True, aliases=["عبد العزيز المحمداوي"])
    actor_create(name="هادي العامري")  # extracted earlier, never curated: not passed to extraction

    ingest(
        write(
            tmp_path, "1.txt", article_text(actors=[("عبد العزيز المحمداوي", "person", [], "رئيس الأركان")])
        )
    )

    assert Actor.objects.count() == 2
    assert Mention.objects.get().actor == curated
    assert curated.titles.get().title == "رئيس الأركان"
    (known,) = scripted_extract.calls[-1]
    assert (known.name, known.aliases) == ("أبو فدك المحمداوي", ("عبد العزيز المحمداوي",))


def test_a_short_only_actor_takes_the_full_name_when_a_later_source_gives_it(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[("باتروشيف", "person", [], "")])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[("نيكولاي باتروشيف", "person", [], "")])))

    actor = Actor.objects.get()
    assert actor.name == "نيكولاي باتروشيف"
    assert list(actor.aliases.values_list("name", flat=True)) == ["باتروشيف"]


def test_a_name_after_an_honorific_resolves_like_the_bare_short_form(tmp_path):
    mckenzie = actor_create(name="فرانك مكنزي")

    ingest(write(tmp_path, "1.txt", article_text(actors=[("الجنرال مكنزي", "person", [], "")])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[("السيد فرانك مكنزي", "person", [], "")])))

    assert Actor.objects.count() == 1
    assert Mention.objects.filter(actor=mckenzie).count() == 2


def test_an_honorific_is_not_taken_for_a_first_name(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[("مكنزي", "person", [], "")])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[("الجنرال مكنزي", "person", [], "")])))

    assert list(Actor.objects.values_list("name", flat=True)) == ["مكنزي"]


def test_stored_names_carry_no_bidi_controls(tmp_path):
    hidden = ("عثمان \u202eالغانمي\u202c", "person", ["\u200fالغانمي"], "رئيس \u2067الأركان\u2069")

    ingest(write(tmp_path, "1.txt", article_text(actors=[hidden])))

    actor = Actor.objects.get()
    assert actor.name == "عثمان الغانمي"
    assert list(actor.aliases.values_list("name", flat=True)) == ["الغانمي"]
    assert actor.titles.get().title == "رئيس الأركان"
