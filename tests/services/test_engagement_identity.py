"""The one merge rule: ingestion and curation make the same events of the same reports, and an
engagement a curator edits carries the fingerprint a new report of it computes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from analysis.arabic import DateValue
from analysis.models import Actor, Document, Engagement
from analysis.services import curation
from analysis.services.engagement_identity import engagement_compatible, engagement_fingerprint
from analysis.services.ingestion import document_ingest
from tests.admin.helpers import form_data
from tests.factories import actor_create, article_text, engagement_create, scripted_extract

pytestmark = pytest.mark.django_db

MUHANDIS, ABU_FADAK = "عبد العزيز المحمداوي", "أبو فدك"
FAYYAD = ("فالح الفياض", "person", [], "رئيس هيئة الحشد الشعبي")
KUTRASHEV = ("ألبروس كوتراشيف", "person", [], "السفير الروسي في العراق")


def report(folder: Path, name: str, *, by: str, when: str, location: str = "", body: str = ""):
    """An article on a meeting of `by` with Fayyad on `when` (a day or a month)."""
    path = folder / name
    path.write_text(
        article_text(
            actors=[(by, "person", [], ""), FAYYAD],
            engagements=[("meeting", when, [by, FAYYAD[0]], location)],
            body=body or name,
        ),
        encoding="utf-8",
    )
    return document_ingest(path=path, extractor=scripted_extract, extractor_version="v1")


def the_event() -> tuple:
    """The one stored event as an analyst reads it: what, when, where, who, and from which sources."""
    (engagement,) = Engagement.objects.all()
    return (
        engagement.type,
        engagement.date_start,
        engagement.date_end,
        engagement.date_precision,
        engagement.date_text,
        engagement.location,
        engagement.status,
        sorted(engagement.actors.values_list("name", flat=True)),
        sorted(engagement.evidence.values_list("document__source_path", "sentence")),
    )


@pytest.mark.parametrize("day_first", [True, False], ids=["day-report-first", "month-report-first"])
def test_a_pair_of_reports_is_the_same_event_through_an_ingest_and_through_an_actor_merge(
    tmp_path, curator, day_first
):
    day = {"when": "2024-03-05", "location": ""}
    month = {"when": "2024-03", "location": "بغداد"}
    first, second = (day, month) if day_first else (month, day)

    # Through an ingest: the analysts already know that أبو فدك is المحمداوي.
    actor_create(name=MUHANDIS, is_curated=True, aliases=[ABU_FADAK])
    report(tmp_path, "1.txt", by=ABU_FADAK, **first)
    report(tmp_path, "2.txt", by=MUHANDIS, **second)
    through_ingest = the_event()

    Document.objects.all().delete()
    Engagement.objects.all().delete()
    Actor.objects.all().delete()

    # Through a merge: two actors, so two events, until a curator merges them.
    keep = actor_create(name=MUHANDIS, is_curated=True)
    report(tmp_path, "1.txt", by=ABU_FADAK, **first)
    report(tmp_path, "2.txt", by=MUHANDIS, **second)
    assert Engagement.objects.count() == 2
    curation.actor_merge(keep=keep, drop=Actor.objects.get(name=ABU_FADAK), user=curator)
    through_merge = the_event()

    assert through_merge == through_ingest
    assert through_merge[1:4] == (date(2024, 3, 5), date(2024, 3, 5), "day")  # the finer date wins
    assert through_merge[5] == "بغداد"  # and the month report's place is kept
    assert len(through_merge[-1]) == 2


def test_after_a_merge_a_day_and_a_month_report_are_one_event_that_later_reports_join(tmp_path, curator):
    report(tmp_path, "1.txt", by=ABU_FADAK, when="2024-03")
    report(tmp_path, "2.txt", by=MUHANDIS, when="2024-03-05")
    keep = Actor.objects.get(name=MUHANDIS)

    curation.actor_merge(keep=keep, drop=Actor.objects.get(name=ABU_FADAK), user=curator)

    engagement = Engagement.objects.get()
    assert (engagement.date_start, engagement.date_precision) == (date(2024, 3, 5), "day")
    assert engagement.evidence.count() == 2
    fayyad = Actor.objects.get(name=FAYYAD[0])
    assert engagement.fingerprint == engagement_fingerprint(
        type="meeting",
        actor_ids=[keep.pk, fayyad.pk],
        when=DateValue(2024, 3, 5),
        document_sha256="",
        evidence_start=0,
    )
    report(tmp_path, "3.txt", by=ABU_FADAK, when="2024-03-05")  # the old name, the exact day
    report(tmp_path, "4.txt", by=MUHANDIS, when="2024-03")  # the month again
    assert Engagement.objects.get().evidence.count() == 4


def test_after_a_merge_two_days_and_a_month_stay_apart_as_at_ingestion(tmp_path, curator):
    report(tmp_path, "1.txt", by=MUHANDIS, when="2024-03-05")
    report(tmp_path, "2.txt", by=MUHANDIS, when="2024-03-20")
    report(tmp_path, "3.txt", by=ABU_FADAK, when="2024-03")

    curation.actor_merge(
        keep=Actor.objects.get(name=MUHANDIS), drop=Actor.objects.get(name=ABU_FADAK), user=curator
    )

    # Which of the two meetings the month report tells of is not known: it stays its own event.
    assert sorted(Engagement.objects.values_list("date_precision", flat=True)) == ["day", "day", "month"]


def test_a_date_corrected_in_the_admin_gives_the_engagement_the_fingerprint_of_that_date(
    tmp_path, client, curator
):
    actors = [FAYYAD, KUTRASHEV]
    meeting = ("meeting", "2024-02-01", [FAYYAD[0], KUTRASHEV[0]])
    (tmp_path / "1.txt").write_text(article_text(actors=actors, engagements=[meeting]), encoding="utf-8")
    document_ingest(path=tmp_path / "1.txt", extractor=scripted_extract, extractor_version="v1")
    engagement = Engagement.objects.get()
    client.force_login(curator)
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])

    response = client.post(url, {**form_data(client.get(url)), "date_value": "2024-02-03"})

    assert response.status_code == 302
    engagement.refresh_from_db()
    actor_ids = list(engagement.actors.values_list("pk", flat=True))
    assert engagement.fingerprint == engagement_fingerprint(
        type="meeting", actor_ids=actor_ids, when=DateValue(2024, 2, 3), document_sha256="", evidence_start=0
    )
    # Another meeting of the two on the 1st, reported later, is not taken for the one moved to the 3rd.
    (tmp_path / "2.txt").write_text(
        article_text(actors=actors, engagements=[meeting], body="لقاء آخر"), encoding="utf-8"
    )
    document_ingest(path=tmp_path / "2.txt", extractor=scripted_extract, extractor_version="v1")
    assert sorted(Engagement.objects.values_list("date_start", flat=True)) == [
        date(2024, 2, 1),
        date(2024, 2, 3),
    ]


def test_a_participant_added_in_the_admin_is_in_the_fingerprint_and_a_full_report_joins(
    tmp_path, client, curator
):
    fayyad, kutrashev = actor_create(name=FAYYAD[0]), actor_create(name=KUTRASHEV[0])
    engagement = engagement_create(actors=[fayyad], date="2024-02-01")
    client.force_login(curator)
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])
    data = form_data(client.get(url))
    data["participations-TOTAL_FORMS"] = "2"
    data["participations-1-actor"] = kutrashev.pk
    data["participations-1-role"] = "guest"
    data["participations-1-engagement"] = engagement.pk

    assert client.post(url, data).status_code == 302

    engagement.refresh_from_db()
    assert engagement.fingerprint == engagement_fingerprint(
        type="meeting",
        actor_ids=[fayyad.pk, kutrashev.pk],
        when=DateValue(2024, 2, 1),
        document_sha256="",
        evidence_start=0,
    )
    (tmp_path / "1.txt").write_text(
        article_text(
            actors=[FAYYAD, KUTRASHEV], engagements=[("meeting", "2024-02-01", [FAYYAD[0], KUTRASHEV[0]])]
        ),
        encoding="utf-8",
    )
    document_ingest(path=tmp_path / "1.txt", extractor=scripted_extract, extractor_version="v1")
    assert Engagement.objects.get().evidence.count() == 1  # joined the curated event, no second one


@pytest.mark.parametrize(
    ("stored", "reported", "one_event"),
    [
        ("2024-03-05", DateValue(2024, 3, 5), True),
        ("2024-03-05", DateValue(2024, 3), True),
        ("2024-03", DateValue(2024, 3, 5), True),
        ("2024-03", DateValue(2024), True),
        ("2024-03-05", DateValue(2024), False),  # a day and a year: too far apart to tell
        ("2024-03-05", DateValue(2024, 3, 6), False),
        ("2024-03", DateValue(2024, 4, 1), False),
    ],
)
def test_compatible_dates_are_the_same_or_adjacent_precisions_that_contain_each_other(
    stored, reported, one_event
):
    engagement = engagement_create(date=stored)
    assert engagement_compatible(engagement, reported) is one_event
