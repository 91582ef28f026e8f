"""Curation services: bulk review, actor merge, alias split, edits — each leaves an audit trail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analysis.arabic import DateValue, name_key
from analysis.models import Actor, ActorTitle, Alias, Document, Engagement, Evidence, Mention, Participation
from analysis.services import curation
from analysis.services.engagement_identity import engagement_fingerprint
from analysis.services.ingestion import document_ingest
from tests.factories import actor_create, article_text, document_create, engagement_create, scripted_extract

pytestmark = pytest.mark.django_db


def mention_add(*, document: Document, actor: Actor, surface: str) -> Mention:
    start = document.text.index(surface)
    return Mention.objects.create(
        document=document, actor=actor, start=start, end=start + len(surface), surface=surface
    )


def evidence_add(*, engagement: Engagement, document: Document, sentence: str) -> Evidence:
    start = document.text.index(sentence)
    return Evidence.objects.create(
        engagement=engagement, document=document, start=start, end=start + len(sentence), sentence=sentence
    )


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_user(
        username="curator", password="curator-password-1", is_staff=True
    )


def test_verify_in_bulk_records_who_and_why_in_history(curator):
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    first, second = (
        engagement_create(actors=[fayyad, kutrashev], date="2024-02-01"),
        engagement_create(actors=[fayyad], date="2024-02-01"),
    )
    already = engagement_create(actors=[kutrashev], date="2024-02-01", review=Engagement.Review.VERIFIED)

    changed = curation.engagements_verify(engagements=Engagement.objects.all(), user=curator)

    assert changed == 2
    assert set(Engagement.objects.values_list("review", flat=True)) == {"verified"}
    record = first.history.latest()
    assert record.history_user == curator
    assert record.history_change_reason == "توثيق"
    delta = record.diff_against(record.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "review"] == [
        ("review", "extracted", "verified")
    ]
    assert second.history.count() == 2
    assert already.history.count() == 1  # nothing to record: it was verified already


def test_the_first_change_to_an_ingested_row_still_shows_before_and_after(curator):
    # Ingestion writes with bulk_create, which leaves no history behind.
    (engagement,) = Engagement.objects.bulk_create(
        [
            Engagement(
                type="meeting", date_start=date(2024, 2, 1), date_end=date(2024, 2, 1), date_precision="day"
            )
        ]
    )
    assert engagement.history.count() == 0

    curation.engagements_verify(engagements=[engagement], user=curator)

    change, baseline = engagement.history.order_by("-history_date")
    assert (baseline.history_user, baseline.history_change_reason, baseline.review) == (
        None,
        curation.BASELINE_REASON,
        "extracted",
    )
    assert change.history_user == curator
    assert [(c.old, c.new) for c in change.diff_against(baseline).changes if c.field == "review"] == [
        ("extracted", "verified")
    ]


def test_reject_in_bulk_keeps_the_rows_and_marks_them_rejected(curator):
    engagement = engagement_create(actors=[actor_create(name="قيس الخزعلي")], date="2024-02-01")

    assert curation.engagements_reject(engagements=[engagement], user=curator) == 1

    engagement.refresh_from_db()
    assert engagement.review == Engagement.Review.REJECTED
    assert engagement.history.latest().history_user == curator
    assert curation.engagements_reject(engagements=[engagement], user=curator) == 0


def test_merge_moves_everything_to_the_survivor_and_collapses_duplicates(curator):
    document = document_create(text="التقى السفير ألبروس كوتراشيف رئيس الهيئة. وقال كوتراشيف إن اللقاء مهم.")
    keep = actor_create(name="ألبروس كوتراشيف", aliases=("السفير الروسي",))
    drop = actor_create(name="كوتراشيف", aliases=("السفير الروسي", "البروس"))
    Alias.objects.filter(actor=drop, key=name_key("السفير الروسي")).update(source=Alias.Source.CURATED)
    other = actor_create(name="فالح الفياض")
    ActorTitle.objects.create(actor=keep, title="السفير الروسي في العراق", document=document)
    ActorTitle.objects.create(actor=drop, title="السفير الروسي في العراق", document=document)
    ActorTitle.objects.create(actor=drop, title="سفير روسيا", document=document)
    mention_add(document=document, actor=keep, surface="ألبروس كوتراشيف")
    Mention.objects.create(document=document, actor=drop, start=47, end=55, surface="كوتراشيف")
    both = engagement_create(actors=[keep, other], date="2024-02-01", document=document)
    Participation.objects.filter(engagement=both, actor=keep).update(role=Participation.Role.PARTICIPANT)
    Participation.objects.create(
        engagement=engagement_create(actors=[other], date="2024-02-01", type="call"),
        actor=drop,
        role=Participation.Role.GUEST,
    )
    Participation.objects.create(engagement=both, actor=drop, role=Participation.Role.GUEST)

    survivor = curation.actor_merge(keep=keep, drop=drop, user=curator)

    assert survivor.pk == keep.pk
    assert not Actor.objects.filter(pk=drop.pk).exists()
    aliases = {a.key: a.source for a in keep.aliases.all()}
    assert aliases[name_key("كوتراشيف")] == Alias.Source.CURATED  # the dropped name became an alias
    assert aliases[name_key("السفير الروسي")] == Alias.Source.CURATED  # curated on either side stays curated
    assert name_key("البروس") in aliases
    assert sorted(keep.titles.values_list("title", flat=True)) == ["السفير الروسي في العراق", "سفير روسيا"]
    assert Mention.objects.filter(actor=keep).count() == 2
    # One actor, one participation per engagement; the more specific role survives.
    assert list(both.participations.filter(actor=keep).values_list("role", flat=True)) == ["guest"]
    assert keep.participations.count() == 2
    keep.refresh_from_db()
    assert keep.is_curated
    deleted = Actor.history.filter(id=drop.pk, history_type="-").get()
    assert deleted.history_user == curator
    assert deleted.history_change_reason == "دمج «كوتراشيف» في «ألبروس كوتراشيف»"


def test_merge_refuses_an_actor_with_itself():
    actor = actor_create(name="روسيا", kind=Actor.Kind.STATE)
    with pytest.raises(curation.CurationError):
        curation.actor_merge(keep=actor, drop=actor)


def test_merging_several_is_all_or_nothing(curator):
    keep = actor_create(name="روسيا", kind=Actor.Kind.STATE)
    moscow = actor_create(name="موسكو", kind=Actor.Kind.STATE)
    kremlin = actor_create(name="الكرملين", kind=Actor.Kind.ORGANIZATION)

    curation.actors_merge(keep=keep, drops=[keep, moscow, kremlin], user=curator)

    assert list(Actor.objects.values_list("name", flat=True)) == ["روسيا"]
    assert {a.name for a in keep.aliases.all()} == {"موسكو", "الكرملين"}

    gone = Actor(pk=10**9, name="غير موجود")
    survivor = actor_create(name="العراق", kind=Actor.Kind.STATE)
    baghdad = actor_create(name="بغداد", kind=Actor.Kind.STATE)
    with pytest.raises(Actor.DoesNotExist):
        curation.actors_merge(keep=survivor, drops=[baghdad, gone], user=curator)
    assert Actor.objects.filter(pk=baghdad.pk).exists()  # the first merge was rolled back


def test_split_moves_the_alias_its_mentions_and_the_engagements_only_it_names(curator):
    text = "استقبل قيس الخزعلي السفير. ثم التقى ليث الخزعلي الوزير."
    document = document_create(text=text)
    qais = actor_create(name="قيس الخزعلي", aliases=("الخزعلي", "ليث الخزعلي"))
    wrong = Alias.objects.get(actor=qais, key=name_key("ليث الخزعلي"))
    mention_add(document=document, actor=qais, surface="قيس الخزعلي")
    mention_add(document=document, actor=qais, surface="ليث الخزعلي")
    first = engagement_create(actors=[qais], date="2024-02-01")
    evidence_add(engagement=first, document=document, sentence="استقبل قيس الخزعلي السفير.")
    second = engagement_create(actors=[qais], date="2024-02-01")
    evidence_add(engagement=second, document=document, sentence="ثم التقى ليث الخزعلي الوزير.")

    new = curation.alias_split(alias=wrong, user=curator)

    assert new.name == "ليث الخزعلي" and new.kind == qais.kind and new.is_curated
    assert list(new.aliases.values_list("name", "source")) == [("ليث الخزعلي", "curated")]
    assert list(new.mentions.values_list("surface", flat=True)) == ["ليث الخزعلي"]
    assert list(qais.mentions.values_list("surface", flat=True)) == ["قيس الخزعلي"]
    assert list(second.actors.all()) == [new]
    assert list(first.actors.all()) == [qais]
    assert Alias.history.filter(id=wrong.pk).latest().history_user == curator


def test_split_refuses_the_actors_own_name():
    actor = actor_create(name="فالح الفياض", aliases=("فالح الفياض", "الفياض"))
    with pytest.raises(curation.CurationError):
        curation.alias_split(alias=actor.aliases.get(key=actor.name_key))


def test_editing_a_fact_marks_the_engagement_edited_but_reviewing_does_not(curator):
    engagement = engagement_create(
        actors=[actor_create(name="روسيا", kind=Actor.Kind.STATE)], date="2024-02-01"
    )

    engagement.review = Engagement.Review.VERIFIED
    curation.engagement_update(engagement=engagement, user=curator, changed_fields=["review"])
    assert not Engagement.objects.get(pk=engagement.pk).is_edited

    engagement.date_start, engagement.date_end, engagement.date_precision = (
        date(2024, 2, 2),
        date(2024, 2, 2),
        "day",
    )
    curation.engagement_update(engagement=engagement, user=curator, changed_fields=["date_start", "date_end"])
    stored = Engagement.objects.get(pk=engagement.pk)
    assert stored.is_edited and stored.date_start == date(2024, 2, 2)
    record = stored.history.latest()
    assert record.history_user == curator
    assert "date_start" in record.history_change_reason
    assert {c.field for c in record.diff_against(record.prev_record).changes} >= {"date_start", "is_edited"}


def test_renaming_an_actor_keeps_the_former_name_as_an_alias(curator):
    actor = actor_create(name="الفياض")

    actor.name = "فالح الفياض"
    curation.actor_update(actor=actor, user=curator)

    stored = Actor.objects.get(pk=actor.pk)
    assert (stored.name_key, stored.is_curated) == (name_key("فالح الفياض"), True)
    assert list(stored.aliases.values_list("name", flat=True)) == ["الفياض"]
    assert stored.history.latest().history_user == curator


def test_alias_add_makes_a_curated_alias_under_the_normalized_key(curator):
    actor = actor_create(name="ألبروس كوتراشيف", aliases=("ألبروس كوتراشيف",))

    alias = curation.alias_add(actor=actor, name="إلبروس كوتراشيف", user=curator)

    assert alias.source == Alias.Source.CURATED
    assert alias.key == name_key("ألبروس كوتراشيف")  # same key: the existing alias became curated
    assert actor.aliases.count() == 1
    assert curation.alias_add(actor=actor, name="السفير كوتراشيف", user=curator).key == name_key(
        "السفير كوتراشيف"
    )


# Curation and ingestion ------------------------------------------------------------------

FAYYAD = ("فالح الفياض", "person", ["الفياض"], "رئيس هيئة الحشد الشعبي")
KUTRASHEV = ("ألبروس كوتراشيف", "person", ["كوتراشيف"], "السفير الروسي في العراق")


def ingest(folder: Path, name: str, text: str, *, version: str = "v1"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return document_ingest(path=path, extractor=scripted_extract, extractor_version=version)


def test_after_a_merge_new_documents_resolve_to_the_survivor(tmp_path, curator):
    ingest(tmp_path, "1.txt", article_text(actors=[("عبد العزيز المحمداوي", "person", [], "رئيس الأركان")]))
    ingest(tmp_path, "2.txt", article_text(actors=[("أبو فدك", "person", [], "")]))
    keep, drop = Actor.objects.get(name="عبد العزيز المحمداوي"), Actor.objects.get(name="أبو فدك")

    curation.actor_merge(keep=keep, drop=drop, user=curator)
    ingest(
        tmp_path,
        "3.txt",
        article_text(
            actors=[("أبو فدك", "person", [], ""), FAYYAD],
            engagements=[("meeting", "2024-03-05", ["أبو فدك", "فالح الفياض"])],
        ),
    )

    assert set(Actor.objects.values_list("name", flat=True)) == {"عبد العزيز المحمداوي", "فالح الفياض"}
    engagement = Engagement.objects.get()
    assert keep in engagement.actors.all()
    assert set(Mention.objects.values_list("actor__name", flat=True)) == {
        "عبد العزيز المحمداوي",
        "فالح الفياض",
    }


def test_after_a_merge_another_source_of_the_same_meeting_joins_the_existing_engagement(tmp_path, curator):
    meeting = ("meeting", "2024-03-05", ["أبو فدك", "فالح الفياض"])
    ingest(
        tmp_path, "1.txt", article_text(actors=[("أبو فدك", "person", [], ""), FAYYAD], engagements=[meeting])
    )
    ingest(tmp_path, "2.txt", article_text(actors=[("عبد العزيز المحمداوي", "person", [], "")]))
    keep = Actor.objects.get(name="عبد العزيز المحمداوي")
    curation.actor_merge(keep=keep, drop=Actor.objects.get(name="أبو فدك"), user=curator)

    ingest(
        tmp_path,
        "3.txt",
        article_text(
            actors=[("عبد العزيز المحمداوي", "person", [], ""), FAYYAD],
            engagements=[("meeting", "2024-03-05", ["عبد العزيز المحمداوي", "فالح الفياض"])],
            body="مصدر ثان",
        ),
    )

    engagement = Engagement.objects.get()  # one meeting, not a second one under the survivor's name
    assert engagement.evidence.count() == 2
    assert set(engagement.actors.values_list("name", flat=True)) == {"عبد العزيز المحمداوي", "فالح الفياض"}


def test_a_curators_alias_resolves_new_documents_to_that_actor(tmp_path, curator):
    ingest(tmp_path, "1.txt", article_text(actors=[FAYYAD]))
    fayyad = Actor.objects.get()

    curation.alias_add(actor=fayyad, name="أبو علي البصري", user=curator)
    ingest(
        tmp_path,
        "2.txt",
        article_text(
            actors=[("أبو علي البصري", "person", [], ""), KUTRASHEV],
            engagements=[("meeting", "2024-03-05", ["أبو علي البصري", "ألبروس كوتراشيف"])],
        ),
    )

    assert Actor.objects.count() == 2
    assert fayyad in Engagement.objects.get().actors.all()
    assert scripted_extract.calls[-1][0].aliases[-1] == "أبو علي البصري"  # the extraction was told


def test_curated_engagements_survive_reingestion_as_the_curator_left_them(tmp_path, curator):
    text = article_text(
        actors=[FAYYAD, KUTRASHEV],
        engagements=[
            ("meeting", "2024-02-01", ["فالح الفياض", "ألبروس كوتراشيف"]),
            ("call", "2023-06-01", ["فالح الفياض", "ألبروس كوتراشيف"]),
            ("visit", "2023-05-01", ["فالح الفياض", "ألبروس كوتراشيف"]),
        ],
    )
    ingest(tmp_path, "1.txt", text)
    verified = Engagement.objects.get(type="meeting")
    corrected = Engagement.objects.get(type="call")
    rejected = Engagement.objects.get(type="visit")
    curation.engagements_verify(engagements=[verified], user=curator)
    corrected.date_start, corrected.date_end, corrected.date_precision = (
        date(2023, 6, 3),
        date(2023, 6, 3),
        "day",
    )
    curation.engagement_update(engagement=corrected, user=curator, changed_fields=["date_start"])
    curation.engagements_reject(engagements=[rejected], user=curator)
    before = {
        e.pk: (e.updated_at, e.date_start, e.date_precision, e.review, e.is_edited)
        for e in Engagement.objects.all()
    }

    ingest(tmp_path, "1.txt", text, version="v2")  # re-extraction of the same article
    # another source reporting them, the call on the date the curator set
    ingest(tmp_path, "2.txt", text.replace("2023-06-01", "2023-06-03") + "\nمصدر آخر يروي الزيارة نفسها.")

    after = {
        e.pk: (e.updated_at, e.date_start, e.date_precision, e.review, e.is_edited)
        for e in Engagement.objects.all()
    }
    assert after == before
    assert Engagement.objects.filter(review="rejected").get() == rejected
    for engagement in (verified, corrected, rejected):
        assert engagement.history.latest().history_user == curator  # ingestion recorded no change over it


# Merges and the identity of engagements ------------------------------------------------------

MUHANDIS, ABU_FADAK = ("عبد العزيز المحمداوي", "person", [], "رئيس الأركان"), ("أبو فدك", "person", [], "")


def report(tmp_path: Path, name: str, *, by: str, body: str, when: str = "2024-03-05"):
    """An article on the meeting of Fayyad with `by` (one of the two spellings) on `when`."""
    actor = MUHANDIS if by == MUHANDIS[0] else ABU_FADAK
    return ingest(
        tmp_path,
        name,
        article_text(actors=[actor, FAYYAD], engagements=[("meeting", when, [by, FAYYAD[0]])], body=body),
    )


def test_after_a_merge_the_engagements_carry_the_fingerprint_a_new_report_computes(tmp_path, curator):
    report(tmp_path, "1.txt", by="أبو فدك", body="مصدر أول")
    ingest(tmp_path, "2.txt", article_text(actors=[MUHANDIS]))
    keep = Actor.objects.get(name=MUHANDIS[0])

    curation.actor_merge(keep=keep, drop=Actor.objects.get(name="أبو فدك"), user=curator)

    engagement = Engagement.objects.get()
    fayyad = Actor.objects.get(name=FAYYAD[0])
    assert engagement.fingerprint == engagement_fingerprint(
        type="meeting",
        actor_ids=[keep.pk, fayyad.pk],
        when=DateValue(2024, 3, 5),
        document_sha256="",
        evidence_start=0,
    )
    report(tmp_path, "3.txt", by=MUHANDIS[0], body="مصدر ثان")
    engagement = Engagement.objects.get()  # one meeting with two sources
    assert engagement.evidence.count() == 2
    assert set(engagement.actors.values_list("name", flat=True)) == {MUHANDIS[0], FAYYAD[0]}


def test_a_merge_makes_one_engagement_of_a_meeting_reported_under_both_names(tmp_path, curator):
    report(tmp_path, "1.txt", by="أبو فدك", body="مصدر أول")
    report(tmp_path, "2.txt", by=MUHANDIS[0], body="مصدر ثان")
    assert Engagement.objects.count() == 2  # two actors yet, so two meetings
    keep = Actor.objects.get(name=MUHANDIS[0])

    curation.actor_merge(keep=keep, drop=Actor.objects.get(name="أبو فدك"), user=curator)

    engagement = Engagement.objects.get()
    assert engagement.evidence.count() == 2
    assert sorted(engagement.participations.values_list("actor__name", flat=True)) == sorted(
        [MUHANDIS[0], FAYYAD[0]]
    )
    report(tmp_path, "3.txt", by="أبو فدك", body="مصدر ثالث")  # the old spelling now resolves to keep
    report(tmp_path, "4.txt", by=MUHANDIS[0], body="مصدر رابع")
    assert Engagement.objects.get().evidence.count() == 4


def test_merged_engagements_keep_what_a_curator_decided(tmp_path, curator):
    report(tmp_path, "1.txt", by="أبو فدك", body="مصدر أول")
    report(tmp_path, "2.txt", by=MUHANDIS[0], body="مصدر ثان")
    reported_by_abu_fadak, reported_by_muhandis = Engagement.objects.order_by("pk")
    curation.engagements_verify(engagements=[reported_by_muhandis], user=curator)
    reported_by_abu_fadak.location = "بغداد"
    curation.engagement_update(engagement=reported_by_abu_fadak, user=curator, changed_fields=["location"])

    curation.actor_merge(
        keep=Actor.objects.get(name=MUHANDIS[0]), drop=Actor.objects.get(name="أبو فدك"), user=curator
    )

    engagement = Engagement.objects.get()
    assert (engagement.review, engagement.is_edited, engagement.location) == ("verified", True, "بغداد")
    assert engagement.evidence.count() == 2
    gone = Engagement.history.filter(history_type="-").get()
    assert gone.history_user == curator and gone.history_change_reason.startswith("دمج «أبو فدك»")


def test_a_merge_that_would_join_a_verified_and_a_rejected_engagement_is_refused(tmp_path, curator):
    report(tmp_path, "1.txt", by="أبو فدك", body="مصدر أول")
    report(tmp_path, "2.txt", by=MUHANDIS[0], body="مصدر ثان")
    first, second = Engagement.objects.order_by("pk")
    curation.engagements_verify(engagements=[first], user=curator)
    curation.engagements_reject(engagements=[second], user=curator)

    with pytest.raises(curation.CurationError, match="متعارض"):
        curation.actor_merge(
            keep=Actor.objects.get(name=MUHANDIS[0]), drop=Actor.objects.get(name="أبو فدك"), user=curator
        )

    assert Actor.objects.filter(name="أبو فدك").exists()  # nothing changed
    assert sorted(Engagement.objects.values_list("review", flat=True)) == ["rejected", "verified"]
