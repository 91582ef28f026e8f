"""Selectors of the actor profile and the search page: the profile's engagements as rows, newest first, with
the other participants; searches that leave the planner as they found it."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from analysis import selectors
from analysis.models import Engagement, Evidence
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


def test_an_actors_engagements_come_newest_first_with_the_others_taking_part_and_their_sources():
    fayyad = actor_create(name="فالح الفياض")
    kutrashev, bogdanov = actor_create(name="ألبروس كوتراشيف"), actor_create(name="ميخائيل بوغدانوف")
    first, second = document_create(), document_create()
    visit = engagement_create(actors=[fayyad, bogdanov], type="visit", date="2022-05", document=first)
    meeting = engagement_create(actors=[bogdanov, fayyad, kutrashev], date="2024-02-01", document=first)
    Evidence.objects.create(engagement=meeting, document=second, start=0, end=4, sentence="التقى")
    undated = engagement_create(actors=[fayyad], type="statement")
    engagement_create(actors=[fayyad], date="2025", review=Engagement.Review.REJECTED)
    engagement_create(actors=[kutrashev], date="2024-06")  # not his

    rows = selectors.actor_engagements(actor=fayyad, limit=10)

    assert [row.pk for row in rows] == [meeting.pk, visit.pk, undated.pk]
    assert [row.others for row in rows] == [
        ("ألبروس كوتراشيف", "ميخائيل بوغدانوف"),
        ("ميخائيل بوغدانوف",),
        (),
    ]
    assert [row.source_count for row in rows] == [2, 1, 0]
    assert (rows[1].type, str(rows[1].date_start), rows[1].date_precision) == ("visit", "2022-05-01", "month")
    assert [row.pk for row in selectors.actor_engagements(actor=fayyad, limit=1)] == [meeting.pk]


def _planner() -> tuple[str, str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'),"
            " current_setting('work_mem')"
        )
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_a_search_finds_documents_and_actors_and_leaves_the_planners_settings_on():
    fayyad = actor_create(name="فالح الفياض")
    document = document_create(text="التقى فالح الفياض السفير الروسي في بغداد.")

    with connection.cursor() as cursor:  # a work_mem of the session's own: kept, not reset to the default
        cursor.execute("SET work_mem = '3MB'")
    try:
        before = _planner()
        assert before == ("on", "on", "3MB")
        for outer in (False, True):  # on its own (a request), and inside a transaction that goes on after it
            with transaction.atomic() if outer else connection.cursor():
                found = list(selectors.document_search(query=selectors.search_key("الفياض", for_names=False)))
                actors = list(selectors.actor_search(key=selectors.search_key("الفياض")))
                assert [d.pk for d in found] == [document.pk] and [a.pk for a in actors] == [fayyad.pk]
                assert _planner() == before
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET work_mem")
