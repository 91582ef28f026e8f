"""Missiles and drones launched, intercepted or destroyed: attacks between the two sides."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def attacks(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ATTACK]


def test_a_group_saying_it_launched_missiles_toward_a_state_attacked_that_state():
    text = "قالت حركة الجهاد الموالية لإيران إنها أطلقت 12 صاروخا صوب أهداف أردنية."
    assert attacks(text) == [{"حركة الجهاد", "الأردن"}]


def test_who_intercepted_a_missile_another_launched_was_attacked_by_it():
    text = "وأعلنت قيادة التحالف أن قوات الدفاع الجوي الكويتي اعترضت صاروخا أطلقته جماعة أنصار الشريعة باتجاه مدينة الجهراء."
    assert attacks(text) == [{"جماعة أنصار الشريعة", "قوات الدفاع الجوي الكويتي"}]


def test_destroying_the_missiles_of_a_group_is_an_attack_on_it():
    text = "وأعلنت القوات الفرنسية تدمير ثلاث طائرات مسيرة تابعة لحركة الشباب قبل إطلاقها."
    assert attacks(text) == [{"القوات الفرنسية", "حركة الشباب"}]


def test_launching_something_that_is_no_projectile_is_no_attack():
    text = "وأطلقت وزارة الصحة الأردنية حملة وطنية باتجاه المدارس في مصر."
    assert attacks(text) == []


def test_a_group_firing_a_missile_at_a_ship_attacked_alone_when_no_party_was_struck():
    text = "وقال الجيش إن حركة الشباب أطلقت صاروخا على سفينة تجارية قرب الساحل."
    assert attacks(text) == [{"حركة الشباب"}]


def test_a_missile_fired_at_nothing_is_no_attack():
    text = "وقالت وزارة الدفاع إن حركة الشباب أطلقت صاروخا سقط في البحر."
    assert attacks(text) == []
