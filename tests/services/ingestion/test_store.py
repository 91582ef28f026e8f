"""Storing a document: failures with their reason, engagements across sources and their dates,
re-extraction, and curated facts surviving it."""

from __future__ import annotations

import os
from datetime import date

import pytest

from analysis.models import Actor, Document, Engagement, Evidence, Mention, Participation
from analysis.services import curation
from analysis.services.ingestion import IngestStatus, document_ingest, documents_ingest
from tests.factories import article_text, scripted_extract
from tests.services.ingestion.reports import (
    ARABIC,
    FAYYAD,
    KUTRASHEV,
    MEETING_DAY,
    ingest,
    write,
)

pytestmark = pytest.mark.django_db


def test_the_same_article_in_four_encodings_is_one_document(tmp_path):
    text = article_text(actors=[FAYYAD], body=ARABIC)
    paths = [
        write(tmp_path, "a.txt", text, "utf-8"),
        write(tmp_path, "b.txt", text, "utf-8-sig"),
        write(tmp_path, "c.txt", text.replace("\n", "\r\n"), "utf-16"),
        write(tmp_path, "d.txt", text, "cp1256"),
    ]

    statuses = [ingest(p).status for p in paths]

    assert statuses == [IngestStatus.NEW] + [IngestStatus.UNCHANGED] * 3
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary"),
        ("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, d\u00e9j\u00e0 vu".encode("latin-1"), "undecodable"),
        (b"<html><body><script>alert(1)</script></body></html>", "empty"),
    ],
)
def test_unusable_files_fail_with_a_one_line_reason(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)

    outcome = ingest(path)

    assert outcome.status is IngestStatus.FAILED
    assert reason in outcome.reason and "\n" not in outcome.reason
    assert Document.objects.count() == 0


def test_missing_and_special_files_fail_with_their_reason(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")

    assert "not a regular file" in ingest(fifo).reason
    assert "no such file" in ingest(tmp_path / "dangling.txt").reason


def test_one_meeting_in_two_sources_is_one_engagement_with_two_evidence_rows(tmp_path):
    ingest(write(tmp_path, "000.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])))
    second = article_text(
        actors=[("الفياض", "person"), ("كوتراشيف", "person")],
        engagements=[("meeting", "2024-02-01", ["كوتراشيف", "الفياض"], "")],
        body="مصدر ثان",
    )
    ingest(write(tmp_path, "004.txt", second))

    engagement = Engagement.objects.get()
    assert engagement.evidence.values("document").distinct().count() == 2
    assert {a.name for a in engagement.actors.all()} == {"فالح الفياض", "ألبروس كوتراشيف"}
    assert (engagement.date_start, engagement.date_precision) == (date(2024, 2, 1), "day")
    assert engagement.location == "بغداد"


def test_dates_are_stored_at_their_precision(tmp_path):
    engagements = [
        ("visit", "2022-05", ["فالح الفياض", "روسيا"]),
        ("visit", "2016", ["فالح الفياض", "العراق"]),
        ("call", None, ["فالح الفياض", "ألبروس كوتراشيف"]),
    ]
    actors = [FAYYAD, KUTRASHEV, ("روسيا", "state"), ("العراق", "state")]
    ingest(write(tmp_path, "1.txt", article_text(actors=actors, engagements=engagements)))

    stored = {e.type + str(e.date_start): e for e in Engagement.objects.all()}
    may = stored["visit2022-05-01"]
    assert (may.date_precision, may.date_end) == ("month", date(2022, 5, 31))
    assert (stored["visit2016-01-01"].date_precision, stored["visit2016-01-01"].date_end) == (
        "year",
        date(2016, 12, 31),
    )
    assert stored["callNone"].date_precision == "unknown"


def test_a_month_report_joins_the_one_day_engagement_it_contains(tmp_path):
    actors = [FAYYAD, KUTRASHEV]
    ingest(write(tmp_path, "1.txt", article_text(actors=actors, engagements=[MEETING_DAY])))
    month = ("meeting", "2024-02", ["فالح الفياض", "ألبروس كوتراشيف"])
    ingest(write(tmp_path, "2.txt", article_text(actors=actors, engagements=[month], body="ثان")))

    engagement = Engagement.objects.get()
    assert engagement.date_precision == "day"
    assert engagement.evidence.count() == 2


def test_a_day_report_refines_a_month_engagement(tmp_path):
    actors = [FAYYAD, KUTRASHEV]
    ingest(
        write(
            tmp_path,
            "1.txt",
            article_text(
                actors=actors, engagements=[("meeting", "2024-02", ["فالح الفياض", "ألبروس كوتراشيف"])]
            ),
        )
    )
    ingest(write(tmp_path, "2.txt", article_text(actors=actors, engagements=[MEETING_DAY], body="ثان")))

    engagement = Engagement.objects.get()
    assert (engagement.date_start, engagement.date_precision) == (date(2024, 2, 1), "day")
    assert engagement.evidence.count() == 2


def test_unknown_dated_engagements_of_different_documents_stay_apart(tmp_path):
    undated = ("meeting", None, ["فالح الفياض", "ألبروس كوتراشيف"])
    ingest(write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[undated])))
    ingest(
        write(tmp_path, "2.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[undated], body="ثان"))
    )

    assert Engagement.objects.count() == 2
    assert Engagement.objects.filter(date_precision="unknown").count() == 2


def test_different_days_are_different_engagements(tmp_path):
    other_day = ("meeting", "2024-02-08", ["فالح الفياض", "ألبروس كوتراشيف"])
    ingest(
        write(
            tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY, other_day])
        )
    )

    assert Engagement.objects.count() == 2
    assert Participation.objects.count() == 4


def test_a_new_extractor_version_updates_extracted_facts(tmp_path):
    path = write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY]))
    ingest(path, version="v1")
    old = Engagement.objects.get()

    def better(raw_text, *, known_actors=()):
        result = scripted_extract(raw_text, known_actors=known_actors)
        result.engagements[0].location = "مكتب الفياض في بغداد"
        result.engagements[0].date = result.engagements[0].date.__class__(2024, 2, 2)
        return result

    outcome = document_ingest(path=path, extractor=better, extractor_version="v2")

    assert outcome.status is IngestStatus.UPDATED
    new = Engagement.objects.get()
    assert new.pk != old.pk and new.date_start == date(2024, 2, 2)
    assert Document.objects.get().extractor_version == "v2"
    assert Evidence.objects.count() == 1 and Mention.objects.count() == 2


def test_reextract_keeps_verified_edited_and_rejected_engagements_as_the_analyst_left_them(tmp_path):
    other = ("meeting", "2023-05-01", ["فالح الفياض", "ألبروس كوتراشيف"])
    third = ("call", "2023-06-01", ["فالح الفياض", "ألبروس كوتراشيف"])
    path = write(
        tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY, other, third])
    )
    ingest(path)
    verified = Engagement.objects.get(date_start=date(2024, 2, 1))
    verified.review = "verified"
    verified.save()
    edited = Engagement.objects.get(type="call")
    edited.date_start = edited.date_end = date(2023, 6, 3)
    edited.location = "أربيل"
    edited.is_edited = True
    edited.save()
    rejected = Engagement.objects.get(date_start=date(2023, 5, 1))
    rejected.review = "rejected"
    rejected.save()
    rejected.evidence.all().delete()
    curated = Actor.objects.get(name="فالح الفياض")
    curated.name, curated.is_curated = "فالح فيصل الفياض", True
    curated.save()
    before = {e.pk: (e.updated_at, e.date_start, e.location, e.review) for e in Engagement.objects.all()}

    outcome = ingest(path, version="v2")

    assert outcome.status is IngestStatus.UPDATED
    after = {e.pk: (e.updated_at, e.date_start, e.location, e.review) for e in Engagement.objects.all()}
    assert after == before
    assert rejected.evidence.count() == 0
    assert verified.evidence.count() == 1 and edited.evidence.count() == 1
    assert Actor.objects.get(pk=curated.pk).name == "فالح فيصل الفياض"


def test_a_rejected_engagement_is_not_recreated_by_another_source(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])))
    Engagement.objects.update(review="rejected")

    ingest(
        write(
            tmp_path, "2.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY], body="ثان")
        )
    )

    engagement = Engagement.objects.get()
    assert engagement.review == "rejected"
    assert engagement.evidence.count() == 1


def test_reextract_drops_an_engagement_the_new_extractor_no_longer_finds(tmp_path):
    path = write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY]))
    ingest(path)

    def finds_nothing(raw_text, *, known_actors=()):
        result = scripted_extract(raw_text, known_actors=known_actors)
        result.engagements = []
        return result

    document_ingest(path=path, extractor=finds_nothing, extractor_version="v2")

    assert Engagement.objects.count() == 0 and Evidence.objects.count() == 0


def test_reextract_flag_reruns_the_same_version(tmp_path):
    path = write(tmp_path, "1.txt", article_text(actors=[FAYYAD]))
    ingest(path)

    assert ingest(path).status is IngestStatus.UNCHANGED
    assert ingest(path, reextract=True).status is IngestStatus.UPDATED


def test_a_document_that_fails_while_storing_leaves_nothing_behind(tmp_path):
    path = write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY]))

    def broken(raw_text, *, known_actors=()):
        result = scripted_extract(raw_text, known_actors=known_actors)
        result.engagements[0].date = result.engagements[0].date.__class__(2024, 13, 1)
        return result

    summary = documents_ingest(paths=[path], extractor=broken, extractor_version="v1")

    assert summary.failed == 1 and "month must be in 1..12" in summary.failures[0].reason
    assert (Document.objects.count(), Actor.objects.count(), Mention.objects.count()) == (0, 0, 0)


def test_a_file_over_the_size_limit_fails_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as huge:
        huge.truncate(12 * 1024 * 1024)

    outcome = ingest(path)

    assert outcome.status is IngestStatus.FAILED
    assert outcome.reason == "too large (12 MB; the limit is 10 MB)"


def test_a_page_with_nothing_but_chrome_fails_and_stores_nothing(tmp_path):
    path = write(tmp_path, "chrome.txt", "الرئيسية\nأخبار\nمقالات\n")

    def only_chrome(raw_text, *, known_actors=()):
        result = scripted_extract(raw_text, known_actors=known_actors)
        result.text = ""
        return result

    outcome = document_ingest(path=path, extractor=only_chrome, extractor_version="v1")

    assert (outcome.status, outcome.reason) == (IngestStatus.FAILED, "no article text (only page chrome)")
    assert Document.objects.count() == 0


def test_an_engagement_without_a_known_participant_is_not_stored(tmp_path):
    ingest(
        write(
            tmp_path,
            "1.txt",
            article_text(actors=[FAYYAD], engagements=[("meeting", "2024-02-01", ["مجهول"])]),
        )
    )

    assert Engagement.objects.count() == 0 and Evidence.objects.count() == 0


def test_a_date_a_curator_corrected_keeps_its_source_on_reextraction_and_a_source_of_that_date_joins(
    tmp_path,
):
    first = write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY]))
    ingest(first)
    curated = Engagement.objects.get()
    curated.date_start = curated.date_end = date(2024, 2, 3)
    curation.engagement_update(engagement=curated, user=None, changed_fields=["date_start", "date_end"])
    corrected = ("meeting", "2024-02-03", ["فالح الفياض", "ألبروس كوتراشيف"])

    ingest(first, version="v2")  # its sentence still says the 1st: it stays the curated engagement's source
    ingest(
        write(
            tmp_path, "2.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[corrected], body="ثان")
        )
    )

    engagement = Engagement.objects.get()
    assert engagement.date_start == date(2024, 2, 3) and engagement.is_edited
    assert engagement.evidence.values("document").distinct().count() == 2
