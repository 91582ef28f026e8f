"""`manage.py extract`: the extraction contract as JSON, a readable summary, bad files reported.

No `django_db` mark: pytest-django blocks database access here, so these tests also prove the
command never opens a connection.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(autouse=True)
def no_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the extract command must not touch the database")

    monkeypatch.setattr(connection, "ensure_connection", refuse)


def run(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("extract", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_json_follows_the_extraction_contract():
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    out, err, error = run("--json", *files)
    assert error is None and err == ""
    documents = json.loads(out)["documents"]
    assert [d["path"] for d in documents] == files
    first = documents[0]
    assert set(first) >= {"path", "title", "outlet", "author", "published", "actors", "engagements"}
    assert first["published"] == "2024-02-14"
    assert {"name", "aliases", "kind", "title"} <= set(first["actors"][0])
    meeting = first["engagements"][0]
    assert meeting["participants"] == ["فالح الفياض", "ألبروس كوتراشيف"]
    assert meeting["date"] == "2024-02-01" and meeting["date_precision"] == "day"
    assert meeting["status"] == "reported" and meeting["type"] == "meeting"
    assert meeting["evidence"]["text"].startswith("استقبل رئيس هيئة الحشد الشعبي")
    assert "\\u" not in out  # Arabic printed as Arabic


def test_a_bad_file_is_reported_and_the_others_still_processed(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    missing = tmp_path / "missing.txt"
    good = next(SEEDS.glob("004_*.txt"))
    out, err, error = run("--json", str(missing), str(binary), str(good))
    assert error is not None
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert str(missing) in lines[0] and "no such file" in lines[0]
    assert str(binary) in lines[1] and "binary file" in lines[1]
    assert "Traceback" not in err
    assert [d["path"] for d in json.loads(out)["documents"]] == [str(good)]


def test_a_folder_stands_for_its_articles_read_as_ingest_reads_them(tmp_path):
    seed = next(SEEDS.glob("000_*.txt"))
    (tmp_path / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-16")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")

    out, err, error = run("--json", str(tmp_path))

    assert error is None and err == ""
    (document,) = json.loads(out)["documents"]
    assert document["path"] == str(tmp_path / "a.txt")
    assert document["engagements"][0]["participants"] == ["فالح الفياض", "ألبروس كوتراشيف"]


def test_readable_summary_without_json():
    out, _, error = run(str(next(SEEDS.glob("002_*.txt"))))
    assert error is None
    assert "published: 2020-02-09" in out
    assert "المدى" in out
    assert "عثمان الغانمي" in out and "ماكسيم ماكسيموف" in out
    assert "2020-02-06" in out


def test_non_zero_exit_status_from_the_shell(tmp_path):
    import subprocess
    import sys

    project = Path(__file__).resolve().parent.parent
    r = subprocess.run(
        [sys.executable, "manage.py", "extract", "--json", str(tmp_path / "nope.txt")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode != 0
    assert "nope.txt" in r.stderr and "Traceback" not in r.stderr


def test_web_pages_and_word_files_are_extracted_like_their_text(tmp_path):
    from datetime import date

    import docx

    from tests.extraction.article_files import HEADLINE, news_page

    seed = next(SEEDS.glob("000_*.txt"))
    body = "\n".join(line for line in seed.read_text(encoding="utf-8").splitlines()[1:] if line.strip())
    (tmp_path / "page.html").write_text(news_page(text=body, title=HEADLINE, published=date(2024, 2, 14)))
    word = docx.Document()
    for line in body.splitlines():
        word.add_paragraph(line)
    word.save(tmp_path / "report.docx")

    out, err, error = run("--json", str(tmp_path / "page.html"), str(tmp_path / "report.docx"))

    assert error is None and err == ""
    page, report = json.loads(out)["documents"]
    assert page["published"] == "2024-02-14" and page["title"] == HEADLINE
    assert page["engagements"] and [e["type"] for e in page["engagements"]] == [
        e["type"] for e in report["engagements"]
    ]
