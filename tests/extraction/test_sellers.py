"""The seller of an approved sale: the subject of `وافق` before the sale's `على`."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_the_one_who_approves_a_sale_of_arms_is_its_seller():
    text = "قالت الوزارة إن وزارة الخارجية التونسية وافقت على صفقة محتملة لبيع منظومة صواريخ للجزائر بقيمة مليار دولار."
    found = [e for e in engagements(text) if e.type == EngagementType.ARMS_TRANSFER]
    assert [{p.name for p in e.participants} for e in found] == [{"وزارة الخارجية التونسية", "الجزائر"}]


def test_a_minister_who_approves_a_visit_sells_nothing():
    text = "وافق وزير الدفاع التونسي سامي الحداد على زيارة وفد جزائري إلى تونس."
    assert [e for e in engagements(text) if e.type == EngagementType.ARMS_TRANSFER] == []
