"""The day of an item's news: the stamp the cleaning took out of the text dates what the item tells
without a day of its own, not what a relative clause in the past describes."""

from __future__ import annotations

from datetime import date

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def stamped(text: str, published: date | None) -> dict[tuple[str, frozenset[str]], str | None]:
    found = find_engagements(
        text, find_actors(text), find_dates(text, published=published), published=published
    )
    return {(str(e.type), frozenset(p.name for p in e.participants)): e.date.iso for e in found}


def test_an_item_without_a_dateline_is_dated_by_the_stamp_the_cleaning_took_out():
    text = "استقبل وزير الدفاع سامي الحداد في مكتبه سفير الاتحاد الأوروبي كريم التازي، وبحثا التعاون."
    pair = ("meeting", frozenset({"سامي الحداد", "كريم التازي"}))
    assert stamped(text, date(2023, 10, 3))[pair] == "2023-10-03"
    assert stamped(text, None)[pair] is None  # no stamp, no day


def test_a_deal_a_relative_clause_describes_takes_no_day_from_the_stamp():
    text = (
        "نفى وزير الدفاع سامي الحداد وجود أي فساد في صفقة الأسلحة الروسية للعراق التي وقعها "
        "رئيس الوزراء كريم التازي خلال زيارته إلى موسكو."
    )
    days = stamped(text, date(2012, 12, 9))
    assert days and all(day is None for day in days.values())
