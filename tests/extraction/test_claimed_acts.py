"""An attack its doer announces: the announcer struck the first party named after the act."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def attacks(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ATTACK]


def test_announcing_a_strike_past_the_day_and_an_about_names_who_struck_whom():
    text = "أعلن الجيش الكيني، اليوم الثلاثاء، عن قصف مواقع لحركة الشباب قرب الحدود."
    assert attacks(text) == [{"الجيش الكيني", "حركة الشباب"}]


def test_announcing_that_it_carried_out_a_raid_on_a_group():
    text = "وأعلن الجيش الكيني أنه نفذ غارة استهدفت قياديا في حركة الشباب."
    assert attacks(text) == [{"الجيش الكيني", "حركة الشباب"}]


def test_announcing_a_missile_launched_at_a_company():
    text = "وأعلنت حركة الشباب إطلاق صاروخ على منشأة تابعة لشركة النفط الوطنية."
    assert attacks(text) == [{"حركة الشباب", "شركة النفط الوطنية"}]


def test_announcing_the_launch_of_a_campaign_with_a_body_is_no_attack():
    assert attacks("وأعلنت وزارة الصحة الكينية إطلاق حملة مع منظمة الصحة العالمية.") == []


def test_announcing_its_own_strike_with_a_pronoun_on_the_act():
    text = (
        "وكان جيش الاحتلال الإسرائيلي أطلق اليوم عدة قذائف على عدة بلدات. "
        "وأعلن حزب الله اللبناني، اليوم السبت، استهدافه لقوة عسكرية إسرائيلية داخل منزل في مستوطنة دوفيف."
    )
    assert {"حزب الله اللبناني", "جيش الاحتلال الإسرائيلي"} in attacks(text)
