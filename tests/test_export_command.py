"""`manage.py export`: engagements (CSV with ACLED-like columns, JSON Lines with their sources)
and actors, to standard output or a file."""

from __future__ import annotations

import csv
import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis.models import ActorTitle
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    fayyad = actor_create(name="فالح الفياض", aliases=["الفياض"])
    kutrashev = actor_create(name="ألبروس كوتراشيف", aliases=["كوتراشيف"])
    first = document_create(outlet="المعلومة", published_on=date(2024, 2, 14), source_path="seeds/000.txt")
    second = document_create(outlet="الحشد الشعبي", published_on=None, source_path="seeds/004.txt")
    ActorTitle.objects.create(actor=kutrashev, title="السفير الروسي في العراق", document=first)
    engagement = engagement_create(
        actors=[fayyad, kutrashev], date="2024-02-01", document=first, sentence="استقبل الفياض السفير الروسي"
    )
    engagement.location = "بغداد"
    engagement.save()
    engagement.evidence.create(document=second, start=10, end=40, sentence="التقى الفياض كوتراشيف")
    engagement_create(actors=[fayyad], date="2022-05", type="visit")
    engagement_create(actors=[fayyad], date=None, type="call", review="rejected")
    return engagement


def export(*args: str) -> str:
    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def test_engagements_as_jsonl_carry_participants_and_every_source(meeting):
    rows = [json.loads(line) for line in export("engagements", "--format", "jsonl").splitlines()]

    assert [r["date"] for r in rows] == ["2022-05", "2024-02-01"]
    row = rows[1]
    assert row["id"] == meeting.pk
    assert (row["date_precision"], row["type"], row["status"], row["location"]) == (
        "day",
        "meeting",
        "reported",
        "بغداد",
    )
    assert row["participants"] == ["فالح الفياض", "ألبروس كوتراشيف"]
    assert [(s["outlet"], s["published"], s["evidence"]) for s in row["sources"]] == [
        ("المعلومة", "2024-02-14", "استقبل الفياض السفير الروسي"),
        ("الحشد الشعبي", None, "التقى الفياض كوتراشيف"),
    ]
    assert all(isinstance(s["document"], int) for s in row["sources"])


def test_engagements_as_csv_have_acled_like_columns_and_leave_out_rejected_ones(meeting):
    rows = list(csv.DictReader(StringIO(export("engagements", "--format", "csv"))))

    assert len(rows) == 2
    assert list(rows[0]) == [
        "id", "event_date", "date_precision", "event_type", "status", "review", "actor1", "actor2",
        "assoc_actors", "location", "source", "source_count", "notes",
    ]  # fmt: skip
    assert rows[0]["event_date"] == "2022-05" and rows[0]["date_precision"] == "month"
    day = rows[1]
    assert (day["actor1"], day["actor2"], day["source_count"]) == ("فالح الفياض", "ألبروس كوتراشيف", "2")
    assert day["source"] == "المعلومة; الحشد الشعبي"


def test_actors_export_names_kinds_aliases_titles_and_engagement_counts(meeting):
    rows = [json.loads(line) for line in export("actors", "--format", "jsonl").splitlines()]

    by_name = {r["name"]: r for r in rows}
    assert by_name["ألبروس كوتراشيف"] == {
        "name": "ألبروس كوتراشيف",
        "kind": "person",
        "aliases": ["كوتراشيف"],
        "titles": ["السفير الروسي في العراق"],
        "engagements": 1,
    }
    assert by_name["فالح الفياض"]["engagements"] == 2


def test_actors_csv_has_the_five_columns(meeting):
    rows = list(csv.DictReader(StringIO(export("actors"))))

    assert list(rows[0]) == ["name", "kind", "aliases", "titles", "engagements"]
    assert {r["name"]: r["aliases"] for r in rows}["فالح الفياض"] == "الفياض"


def test_export_to_a_file(meeting, tmp_path):
    target = tmp_path / "engagements.jsonl"
    err = StringIO()

    call_command("export", "engagements", "--format", "jsonl", "--output", str(target), stderr=err)

    assert len(target.read_text(encoding="utf-8").splitlines()) == 2
    assert "2 engagements written" in err.getvalue()


def test_export_to_an_unwritable_place_is_a_clear_error(meeting, tmp_path):
    with pytest.raises(CommandError, match="No such file or directory"):
        export("engagements", "--output", str(tmp_path / "missing" / "out.csv"))


def test_the_export_query_count_does_not_grow_with_the_data(meeting):
    with CaptureQueriesContext(connection) as small:
        export("engagements", "--format", "jsonl")
    for n in range(20):
        engagement_create(
            actors=[actor_create(name=f"فاعل {n}")], date=f"2020-01-{n + 1:02d}", document=document_create()
        )
    with CaptureQueriesContext(connection) as large:
        export("engagements", "--format", "jsonl")

    assert len(large) == len(small)
