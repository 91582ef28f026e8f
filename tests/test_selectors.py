"""Selectors that read the kept counts and the timeline's indexes: keyset pages walk the whole list."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import F

from analysis import selectors
from analysis.models import Actor, Engagement
from tests.factories import actor_create, engagement_create

pytestmark = pytest.mark.django_db


def _walk(filters: selectors.TimelineFilters, size: int) -> list[int]:
    """Every page from the first, each after the last engagement of the one before."""
    seen, after = [], None
    while True:
        page = selectors.engagement_page(filters=filters, after=after, offset=0, size=size)
        seen += [row["id"] for row in page.rows]
        if not page.has_next:
            return seen
        after = page.rows[-1]["id"]


def _expected(engagements) -> list[int]:
    return list(
        engagements.exclude(review=Engagement.Review.REJECTED)
        .order_by(F("date_start").desc(nulls_last=True), "-id")
        .values_list("id", flat=True)
    )


@pytest.fixture
def crowded():
    """Engagements sharing days (ties broken by id), at every precision, undated, some rejected."""
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    for n in range(60):
        when = ["2024-02-01", "2024-02", "2024", None, f"2023-{n % 12 + 1:02d}-{n % 27 + 1:02d}"][n % 5]
        review = Engagement.Review.REJECTED if n % 11 == 0 else Engagement.Review.EXTRACTED
        engagement_create(actors=[fayyad] if n % 3 else [fayyad, kutrashev], date=when, review=review)
    return fayyad, kutrashev


@pytest.mark.parametrize("size", [1, 7, 40])
def test_keyset_pages_walk_the_whole_timeline_without_gaps_or_repeats(crowded, size):
    walked = _walk(selectors.TimelineFilters(), size)
    assert walked == _expected(Engagement.objects.all()) and len(walked) == len(set(walked))


def test_keyset_pages_of_actors_and_a_date_range_walk_their_whole_list(crowded):
    fayyad, kutrashev = crowded
    filters = selectors.TimelineFilters(
        actors=(fayyad,), date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)
    )
    in_2024 = Engagement.objects.filter(participations__actor=fayyad, date_end__gte=date(2024, 1, 1)).filter(
        date_start__lte=date(2024, 12, 31)
    )
    assert _walk(filters, 5) == _expected(in_2024) != []
    both = selectors.TimelineFilters(actors=(fayyad, kutrashev))
    shared = Engagement.objects.filter(participations__actor=kutrashev)
    assert _walk(both, 3) == _expected(shared) != []


def test_a_page_number_without_a_cursor_shows_the_same_page_as_the_walk(crowded):
    by_cursor = _walk(selectors.TimelineFilters(), 10)
    third = selectors.engagement_page(filters=selectors.TimelineFilters(), after=None, offset=20, size=10)
    assert [row["id"] for row in third.rows] == by_cursor[20:30]
    assert third.previous["id"] == by_cursor[19]


def test_counts_and_the_chart_from_the_tally_match_a_count_of_the_engagements(crowded):
    fayyad, _ = crowded
    for filters in (
        selectors.TimelineFilters(),
        selectors.TimelineFilters(actors=(fayyad,), date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)),
        selectors.TimelineFilters(types=("meeting",), date_from=date(2023, 3, 1)),
    ):
        assert selectors._counted_by_tally(filters)
        assert selectors.engagement_count(filters=filters) == selectors._engagements_matching(filters).count()
        assert selectors.engagement_month_counts(filters=filters) == list(selectors._month_counts(filters))


def test_a_query_compiled_for_one_actor_serves_another_with_that_actors_engagements(crowded):
    fayyad, kutrashev = crowded
    for actor in (fayyad, kutrashev, fayyad):  # one shape of filters: one compiled walk, count and chart
        filters = selectors.TimelineFilters(actors=(actor,), date_from=date(2024, 1, 1))
        mine = Engagement.objects.filter(participations__actor=actor, date_end__gte=date(2024, 1, 1))
        assert _walk(filters, 4) == _expected(mine) != []
        assert selectors.engagement_count(filters=filters) == selectors._engagements_matching(filters).count()
        assert selectors.engagement_month_counts(filters=filters) == list(selectors._month_counts(filters))


def test_the_rejected_engagements_of_an_actor_walk_page_after_page(crowded):
    fayyad, _ = crowded
    filters = selectors.TimelineFilters(actors=(fayyad,), review=Engagement.Review.REJECTED)
    rejected = Engagement.objects.filter(participations__actor=fayyad, review=Engagement.Review.REJECTED)
    expected = list(
        rejected.order_by(F("date_start").desc(nulls_last=True), "-id").values_list("id", flat=True)
    )
    assert _walk(filters, 2) == expected and len(expected) > 2


def test_a_compiled_query_refuses_a_value_the_orm_changes():
    def containing(*, text: str):
        return Engagement.objects.filter(location__contains=text).values_list("id")

    with pytest.raises(ValueError, match="changed a stand-in"):
        selectors.compiled_rows(("test-contains",), containing, text="دمشق")


def test_actors_read_by_slug_are_the_actors_the_orm_reads_by_name():
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    Actor.objects.filter(pk=fayyad.pk).update(confidence=0.9, confidence_sources={"روسيا اليوم": 0.9})
    found = selectors.actors_by_slug(slugs=[fayyad.slug, kutrashev.slug, "لا-أحد"])
    fields = [field.attname for field in Actor._meta.concrete_fields]
    expected = Actor.objects.filter(slug__in=[fayyad.slug, kutrashev.slug])
    assert [[getattr(a, f) for f in fields] for a in found] == [
        [getattr(a, f) for f in fields] for a in expected
    ]
    assert [a.name for a in found] == ["ألبروس كوتراشيف", "فالح الفياض"]
    assert found[1].confidence_sources == {"روسيا اليوم": 0.9}
