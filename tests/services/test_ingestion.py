"""Ingestion service: reading files, resolving actors across sources, merging engagements,
idempotence, curated facts surviving re-extraction, and concurrent workers."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from analysis.extraction.read import DocumentError, article_paths, document_read, html_to_text, text_decode
from analysis.models import Actor, Alias, Document, Engagement, Evidence, Mention, Participation
from analysis.services.ingestion import IngestStatus, document_ingest, documents_ingest
from tests.factories import actor_create, article_text, scripted_extract

pytestmark = pytest.mark.django_db

FAYYAD = ("فالح الفياض", "person", ["الفياض", "السيد الفياض"], "رئيس هيئة الحشد الشعبي")
KUTRASHEV = ("ألبروس كوتراشيف", "person", ["كوتراشيف"], "السفير الروسي في العراق")
KUTRASHEV_VARIANT = ("إلبروس كوتراشيف", "person", [], "السفير الروسي")


def ingest(path: Path, *, version: str = "v1", reextract: bool = False):
    return document_ingest(
        path=path, extractor=scripted_extract, extractor_version=version, reextract=reextract
    )


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


# --- reading files --------------------------------------------------------------------------

ARABIC = "استقبل رئيس هيئة الحشد الشعبي فالح الفياض السفير الروسي في بغداد.\nوناقش الجانبان التعاون."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_text_decode_reads_every_supported_encoding(encoding):
    text, _ = text_decode(data=ARABIC.encode(encoding))

    assert text.lstrip("\ufeff") == ARABIC


def test_damaged_utf8_is_still_utf8_not_windows_1256_mojibake():
    data = ARABIC.encode("utf-8")
    space = data.index(b" ")
    cut_off, _ = text_decode(data=data[:-2])  # without the final "." and half of the letter before it
    stray, _ = text_decode(data=data[:space] + b"\xff" + data[space:])

    assert cut_off == ARABIC[:-2]
    assert stray.replace("\ufffd", "") == ARABIC and stray.count("\ufffd") == 1


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


def test_an_unreadable_file_fails(tmp_path):
    path = write(tmp_path, "secret.txt", ARABIC)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads whatever the mode says; a file the kernel refuses to read
        path = Path("/proc/self/mem")

    with pytest.raises(DocumentError, match="unreadable"):
        document_read(path=path)


def test_html_becomes_text_without_scripts_or_styles_and_keeps_block_breaks():
    html = (
        "<html><head><title>عنوان</title><style>p{color:red}</style></head><body>"
        "<p>الفقرة &amp; الأولى</p><script>var x = '<p>لا</p>';</script><div>الفقرة<br>الثانية</div>"
        "</body></html>"
    )

    assert html_to_text(html=html) == "عنوان\n\nالفقرة & الأولى\n\nالفقرة\nالثانية"


def test_folders_give_their_txt_and_html_files_and_a_symlink_loop_ends(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "a.txt", ARABIC)
    write(tmp_path / "sub", "b.html", f"<p>{ARABIC}</p>")
    write(tmp_path, "notes.md", ARABIC)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)

    assert [p.name for p in article_paths(paths=[tmp_path])] == ["a.txt", "b.html"]


# --- resolution across sources --------------------------------------------------------------


def test_spelling_variants_article_less_and_short_forms_resolve_to_one_actor(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[KUTRASHEV_VARIANT, ("فياض", "person", [], "")])))
    ingest(
        write(tmp_path, "3.txt", article_text(actors=[("كوتراشيف", "person", [], ""), ("الفياض", "person")]))
    )

    assert Actor.objects.filter(kind="person").count() == 2
    kutrashev = Actor.objects.get(name="ألبروس كوتراشيف")
    fayyad = Actor.objects.get(name="فالح الفياض")
    assert set(kutrashev.aliases.values_list("name", flat=True)) >= {"كوتراشيف"}
    assert {"الفياض", "السيد الفياض"} <= set(fayyad.aliases.values_list("name", flat=True))
    assert Mention.objects.filter(actor=kutrashev).values("document").distinct().count() == 3
    assert Mention.objects.filter(actor=fayyad).values("document").distinct().count() == 3
    assert set(kutrashev.titles.values_list("title", flat=True)) == {
        "السفير الروسي في العراق",
        "السفير الروسي",
    }


def test_a_short_form_shared_by_two_stored_people_is_not_guessed(tmp_path):
    actor_create(name="عمار الحكيم")
    actor_create(name="محمد باقر الحكيم")

    ingest(write(tmp_path, "1.txt", article_text(actors=[("الحكيم", "person", [], "")])))

    assert Actor.objects.filter(name_key="حكيم").count() == 1
    assert Actor.objects.count() == 3


def test_a_curated_alias_resolves_new_documents_to_the_curated_actor(tmp_path):
    curated = actor_create(name="أبو فدك المحمداوي", is_curated=True, aliases=["عبد العزيز المحمداوي"])
    actor_create(name="هادي العامري")  # extracted earlier, never curated: not passed to extraction

    ingest(
        write(
            tmp_path, "1.txt", article_text(actors=[("عبد العزيز المحمداوي", "person", [], "رئيس الأركان")])
        )
    )

    assert Actor.objects.count() == 2
    assert Mention.objects.get().actor == curated
    assert curated.titles.get().title == "رئيس الأركان"
    (known,) = scripted_extract.calls[-1]
    assert (known.name, known.aliases) == ("أبو فدك المحمداوي", ("عبد العزيز المحمداوي",))


def test_a_short_only_actor_takes_the_full_name_when_a_later_source_gives_it(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[("باتروشيف", "person", [], "")])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[("نيكولاي باتروشيف", "person", [], "")])))

    actor = Actor.objects.get()
    assert actor.name == "نيكولاي باتروشيف"
    assert list(actor.aliases.values_list("name", flat=True)) == ["باتروشيف"]


# --- engagements across sources -------------------------------------------------------------

MEETING_DAY = ("meeting", "2024-02-01", ["فالح الفياض", "ألبروس كوتراشيف"], "بغداد")


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


# --- repeated runs and curation -------------------------------------------------------------


def snapshot() -> dict:
    return {
        model.__name__: sorted(
            model.objects.values_list("id", "updated_at")
            if hasattr(model, "updated_at")
            else model.objects.values_list("id", flat=True)
        )
        for model in (Document, Actor, Alias, Engagement, Participation, Evidence, Mention)
    }


def test_running_twice_changes_nothing(tmp_path):
    write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY]))
    write(tmp_path, "2.txt", article_text(actors=[KUTRASHEV_VARIANT], body="ثان"))
    first = documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")
    before = snapshot()

    second = documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")

    assert (first.new, second.new, second.unchanged, second.updated) == (2, 0, 2, 0)
    assert snapshot() == before


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


# --- concurrency ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_workers_ingesting_the_same_folder_store_no_duplicates(tmp_path):
    people = [FAYYAD, KUTRASHEV, ("نيكولاي باتروشيف", "person", ["باتروشيف"], "")]
    for n in range(24):
        engagements = [("meeting", f"2024-02-{n % 6 + 1:02d}", ["فالح الفياض", "ألبروس كوتراشيف"])]
        if n % 3 == 0:
            engagements.append(("call", "2023-11", ["باتروشيف", "الفياض"]))
        short = [("الفياض", "person"), ("كوتراشيف", "person"), ("باتروشيف", "person")]
        write(
            tmp_path,
            f"{n:03d}.txt",
            article_text(
                actors=people if n % 2 else short[:2] + people, engagements=engagements, body=f"رقم {n}"
            ),
        )
    errors: list[BaseException] = []
    summaries = []

    def worker():
        try:
            summaries.append(
                documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")
            )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors and all(s.failed == 0 for s in summaries)
    assert sum(s.new for s in summaries) == 24
    assert Document.objects.count() == 24
    assert Actor.objects.count() == 3
    assert Engagement.objects.count() == 7
    assert Evidence.objects.count() == 24 + 8
    assert Alias.objects.filter(key="فياض").count() == 1


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


def test_stored_names_carry_no_bidi_controls(tmp_path):
    hidden = ("عثمان \u202eالغانمي\u202c", "person", ["\u200fالغانمي"], "رئيس \u2067الأركان\u2069")

    ingest(write(tmp_path, "1.txt", article_text(actors=[hidden])))

    actor = Actor.objects.get()
    assert actor.name == "عثمان الغانمي"
    assert list(actor.aliases.values_list("name", flat=True)) == ["الغانمي"]
    assert actor.titles.get().title == "رئيس الأركان"


def test_an_engagement_without_a_known_participant_is_not_stored(tmp_path):
    ingest(
        write(
            tmp_path,
            "1.txt",
            article_text(actors=[FAYYAD], engagements=[("meeting", "2024-02-01", ["مجهول"])]),
        )
    )

    assert Engagement.objects.count() == 0 and Evidence.objects.count() == 0


def test_a_source_reporting_the_date_a_curator_corrected_joins_the_curated_engagement(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])))
    curated = Engagement.objects.get()
    curated.date_start = curated.date_end = date(2024, 2, 3)
    curated.is_edited = True
    curated.save()
    corrected = ("meeting", "2024-02-03", ["فالح الفياض", "ألبروس كوتراشيف"])

    ingest(
        write(
            tmp_path, "2.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[corrected], body="ثان")
        )
    )
    ingest(
        write(
            tmp_path,
            "3.txt",
            article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY], body="ثالث"),
        )
    )

    engagement = Engagement.objects.get()
    assert engagement.date_start == date(2024, 2, 3) and engagement.is_edited
    assert engagement.evidence.values("document").distinct().count() == 3


def test_a_name_after_an_honorific_resolves_like_the_bare_short_form(tmp_path):
    mckenzie = actor_create(name="فرانك مكنزي")

    ingest(write(tmp_path, "1.txt", article_text(actors=[("الجنرال مكنزي", "person", [], "")])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[("السيد فرانك مكنزي", "person", [], "")])))

    assert Actor.objects.count() == 1
    assert Mention.objects.filter(actor=mckenzie).count() == 2


def test_an_honorific_is_not_taken_for_a_first_name(tmp_path):
    ingest(write(tmp_path, "1.txt", article_text(actors=[("مكنزي", "person", [], "")])))
    ingest(write(tmp_path, "2.txt", article_text(actors=[("الجنرال مكنزي", "person", [], "")])))

    assert list(Actor.objects.values_list("name", flat=True)) == ["مكنزي"]


@pytest.mark.django_db(transaction=True)
def test_worker_processes_store_one_meeting_from_many_sources(tmp_path):
    for n in range(6):
        text = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY], body=f"خبر رقم {n}")
        write(tmp_path, f"{n}.txt", text)
    seen = []

    summary = documents_ingest(
        paths=[tmp_path],
        extractor=scripted_extract,
        extractor_version="v1",
        workers=2,
        on_outcome=seen.append,
    )

    assert (summary.new, summary.failed) == (6, 0)
    assert [Path(outcome.path).name for outcome in seen] == [f"{n}.txt" for n in range(6)]
    assert sorted(Actor.objects.values_list("name", flat=True)) == sorted([FAYYAD[0], KUTRASHEV[0]])
    assert Engagement.objects.count() == 1
    assert Evidence.objects.values("document").distinct().count() == 6
