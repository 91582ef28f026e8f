"""Summonses (`استدعت`, `باستدعاء`): the summoner and the envoy's state, or the envoy when named."""

from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import EngagementType

LEAD = "قال مصدر دبلوماسي إن الأزمة تتصاعد منذ أيام. "


def others(text: str) -> list[set[str]]:
    return [
        {p.name for p in e.participants}
        for e in extract_document(text).engagements
        if e.type == EngagementType.OTHER
    ]


def test_an_unnamed_ambassador_summoned_stands_for_his_state():
    text = LEAD + "وأعلنت أنقرة أنها ستستدعي السفير الفرنسي لديها لإبلاغه احتجاجها."
    assert others(text) == [{"تركيا", "فرنسا"}]


def test_a_state_recalling_its_own_envoy_engages_the_state_he_serves_in():
    text = LEAD + "وكانت الجزائر قد قامت باستدعاء سفيرها من باريس للتشاور."
    assert others(text) == [{"الجزائر", "فرنسا"}]


def test_a_situation_that_calls_for_something_summons_no_one():
    text = LEAD + "وقال الوزير سامي الخطيب إن الأزمة مع تركيا تستدعي حلاً عاجلاً."
    assert others(text) == []


def test_a_ministry_named_before_the_verb_summons_the_named_envoy_after_it():
    text = (
        LEAD
        + "وقالت الوزارة إن وزارة الخارجية الأردنية؛ استدعت اليوم، سفير الأردن لدى دمشق؛ سامي المجالي، للتشاور."
    )
    assert {"وزارة الخارجية الأردنية", "سامي المجالي"} in others(text)
