"""Words a person's name swallowed (analysis/extraction/person_tails.py), on made-up sentences."""

from __future__ import annotations

import pytest

from analysis.extraction.person_tails import _cut_actor
from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import ActorKind, ExtractedActor, Span
from analysis.extraction.tagger import loaded_tagger


def _persons(text: str) -> dict[str, ExtractedActor]:
    return {a.name: a for a in extract_document(text).actors if a.kind == ActorKind.PERSON}


@pytest.fixture
def tagger():
    if loaded_tagger() is None:
        pytest.skip("no packaged tagger")


def test_a_prepositional_phrase_after_a_surname_is_cut_off(tagger):
    persons = _persons(
        "وقال المسؤول إن طهران تريد فتح صفحة جديدة مع الإدارة الأمريكية برئاسة ترامب لتخفيف وطأة "
        "العقوبات عن بلادها."
    )
    assert "ترامب" in persons
    assert [m.text for m in persons["ترامب"].mentions] == ["ترامب"]


def test_a_cut_name_that_another_person_has_is_that_person(tagger):
    persons = _persons(
        "وأكد الرئيس الأسد والدكتور لاريجاني حرص سورية وإيران على الاستمرار بتعزيز العلاقات. "
        "وقال لاريجاني إن الزيارة مهمة."
    )
    assert [name for name in persons if "لاريجاني" in name] == ["لاريجاني"]


def test_an_object_after_a_full_name_is_cut_from_the_name_and_its_titled_alias(tagger):
    persons = _persons(
        "وجاء ذلك بعد يوم من إقامة العاهل السعودي الملك سلمان بن عبد العزيز مأدبة سحور على شرف "
        "الرئيس هادي في قصر السلام."
    )
    assert persons["سلمان بن عبد العزيز"].aliases == ["الملك سلمان بن عبد العزيز"]


def test_cutting_keeps_the_mentions_that_do_not_end_on_the_tail():
    actor = ExtractedActor(
        name="علي حسن قوله",
        kind=ActorKind.PERSON,
        aliases=["الوزير علي حسن قوله", "حسن"],
        mentions=[Span("علي حسن قوله", 10, 22), Span("حسن", 40, 43)],
    )
    cut = _cut_actor(actor, Span("علي حسن", 10, 17))
    assert cut.name == "علي حسن"
    assert cut.aliases == ["الوزير علي حسن", "حسن"]
    assert cut.mentions == [Span("علي حسن", 10, 17), Span("حسن", 40, 43)]


def test_a_party_keeps_its_engagement_under_the_cut_name(tagger):
    result = extract_document(
        "وجاء ذلك بعد يوم من إقامة العاهل السعودي الملك سلمان بن عبد العزيز مأدبة سحور على شرف "
        "الرئيس اليمني عبد ربه منصور هادي في قصر السلام بجدة."
    )
    persons = {a.name for a in result.actors if a.kind == ActorKind.PERSON}
    assert "سلمان بن عبد العزيز" in persons
    assert all(p.name in persons for e in result.engagements for p in e.participants if "سلمان" in p.name)
    assert any(p.name == "سلمان بن عبد العزيز" for e in result.engagements for p in e.participants)


def test_a_cut_name_that_another_person_spells_apart_is_that_person(tagger):
    persons = _persons(
        "وعقب ساعات على لقاء جمع الرئيس هادي بملك المملكة سلمان بن عبدالعزيز. ويأتي هذا اللقاء بعد يوم "
        "من إقامة العاهل السعودي الملك سلمان بن عبد العزيز مأدبة سحور على شرف الرئيس هادي في قصر السلام."
    )
    assert [name for name in persons if name.startswith("سلمان")] == ["سلمان بن عبدالعزيز"]
