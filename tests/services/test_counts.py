"""The counts the database keeps (migration 0008's triggers) equal a count from scratch after every kind
of write: ingest, curation edits and review, merges, deletes, bulk writes."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from analysis.models import (
    ActorCounterpart,
    ActorDocument,
    ActorEngagement,
    Document,
    Engagement,
    EngagementTally,
    Evidence,
    Mention,
    Participation,
)
from analysis.services import curation
from analysis.services.counts import counts_paused, counts_rebuild
from analysis.services.ingestion import documents_ingest
from tests.factories import actor_create, article_text, document_create, engagement_create, scripted_extract
from tests.services.ingestion.reports import FAYYAD, KUTRASHEV, write

pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    pass


def counts_kept() -> dict:
    """The four count tables, rows counted down to zero left out (reads skip them too)."""
    return {
        "tally": set(
            EngagementTally.objects.exclude(count=0).values_list(
                "actor_id", "type", "start_month", "end_month", "year_only", "count"
            )
        ),
        "actor engagements": set(
            ActorEngagement.objects.values_list("actor_id", "engagement_id", "sort_date")
        ),
        "counterparts": set(
            ActorCounterpart.objects.exclude(count=0).values_list("actor_id", "other_id", "count")
        ),
        "documents": set(
            ActorDocument.objects.exclude(mentions=0, reports=0).values_list(
                "actor_id", "document_id", "published_sort", "mentions", "reports"
            )
        ),
    }


def counts_from_scratch() -> dict:
    """What `counts_rebuild` computes from the data, without keeping it."""
    try:
        with transaction.atomic():
            counts_rebuild()
            expected = counts_kept()
            raise _Rollback
    except _Rollback:
        return expected


def assert_counts_right() -> dict:
    kept = counts_kept()
    assert kept == counts_from_scratch()
    return kept


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_user(
        username="curator", password="curator-password-1", is_staff=True
    )


@pytest.fixture
def people():
    return [actor_create(name=name) for name in ("فالح الفياض", "ألبروس كوتراشيف", "ميخائيل بوغدانوف")]


def test_ingest_keeps_the_counts(tmp_path):
    people = [FAYYAD, KUTRASHEV, ("نيكولاي باتروشيف", "person", ["باتروشيف"], "")]
    for n in range(6):
        engagements = [("meeting", f"2024-02-{n % 3 + 1:02d}", ["فالح الفياض", "ألبروس كوتراشيف"], "بغداد")]
        if n % 2:
            engagements.append(("call", "2023-11", ["نيكولاي باتروشيف", "فالح الفياض"], ""))
        write(tmp_path, f"{n}.txt", article_text(actors=people, engagements=engagements, body=f"رقم {n}"))

    documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")

    kept = assert_counts_right()
    total = sum(row[-1] for row in kept["tally"] if row[0] == EngagementTally.ALL_ACTORS)
    assert total == Engagement.objects.count() == 4  # three meeting days and one call
    assert kept["counterparts"] and kept["documents"] and kept["actor engagements"]


def test_curation_edits_review_and_deletes_keep_the_counts(curator, people):
    fayyad, kutrashev, bogdanov = people
    source = document_create(text="التقى الطرفان. وزار الوفد موسكو.", published_on=date(2024, 2, 2))
    meeting = engagement_create(actors=[fayyad, kutrashev], date="2024-02-01", document=source)
    other = document_create(text="زار الوفد موسكو.")
    visit = engagement_create(actors=[fayyad, bogdanov], type="visit", date="2022-05", document=other)
    engagement_create(actors=[kutrashev], date=None)
    Mention.objects.create(document=source, actor=bogdanov, start=0, end=5, surface="التقى")
    assert_counts_right()

    meeting.date_start, meeting.date_end, meeting.date_precision = date(2023, 12, 30), date(2024, 1, 2), "day"
    meeting.type = "talks"
    curation.engagement_update(engagement=meeting, user=curator, changed_fields=["date_start", "type"])
    assert_counts_right()
    curation.engagements_reject(engagements=[visit], user=curator)
    kept = assert_counts_right()
    assert all(engagement != visit.pk for _, engagement, _ in kept["actor engagements"])
    curation.engagements_verify(engagements=[visit], user=curator)
    assert_counts_right()

    Participation.objects.filter(engagement=meeting, actor=kutrashev).delete()
    Participation.objects.create(engagement=meeting, actor=bogdanov)
    assert_counts_right()
    Document.objects.filter(pk=source.pk).update(published_on=date(2020, 1, 1))
    assert_counts_right()
    Evidence.objects.filter(engagement=visit).update(engagement=meeting)
    assert_counts_right()
    visit.delete()
    assert_counts_right()
    source.delete()
    other.delete()
    kept = assert_counts_right()
    assert kept["documents"] == set()


def test_merges_keep_the_counts(curator, people):
    fayyad, kutrashev, bogdanov = people
    source = document_create(text="التقى الفياض كوتراشيف")
    engagement_create(actors=[fayyad, kutrashev], date="2024-02-01", document=source)
    engagement_create(actors=[bogdanov, kutrashev], date="2024-03", document=source)
    engagement_create(actors=[fayyad, bogdanov, kutrashev], type="call", date="2024")
    Mention.objects.create(document=source, actor=bogdanov, start=0, end=5, surface="التقى")
    Mention.objects.create(document=source, actor=fayyad, start=6, end=12, surface="الفياض")

    curation.actor_merge(keep=fayyad, drop=bogdanov, user=curator)

    kept = assert_counts_right()
    assert (fayyad.pk, kutrashev.pk, 3) in kept["counterparts"]
    assert all(bogdanov.pk not in row[:2] for row in kept["counterparts"])


def test_bulk_writes_keep_the_counts_and_a_paused_load_is_rebuilt(people):
    fayyad, kutrashev, _ = people
    engagements = Engagement.objects.bulk_create(
        Engagement(
            type="meeting",
            date_start=date(2024, 1, d),
            date_end=date(2024, 1, d),
            date_precision="day",
            fingerprint=f"bulk-{d}",
        )
        for d in range(1, 11)
    )
    Participation.objects.bulk_create(
        Participation(engagement=engagement, actor=actor)
        for engagement in engagements
        for actor in people[:2]
    )
    assert_counts_right()
    Engagement.objects.filter(pk__in=[e.pk for e in engagements[:4]]).update(review="rejected")
    assert_counts_right()

    with counts_paused():
        more = Engagement.objects.bulk_create(
            Engagement(type="call", date_start=None, date_end=None, fingerprint=f"paused-{n}")
            for n in range(3)
        )
        Participation.objects.bulk_create(Participation(engagement=e, actor=fayyad) for e in more)

    kept = assert_counts_right()
    assert (fayyad.pk, kutrashev.pk, 6) in kept["counterparts"]
    assert (fayyad.pk, "call", None, None, False, 3) in kept["tally"]
