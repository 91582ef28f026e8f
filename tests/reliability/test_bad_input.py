"""A batch of hostile files through `manage.py ingest`: every file gets a one-line error naming it
and its reason, or a correct result; the rest of the batch lands; nothing stored before changes.

The batch is the corpus in tests/data/bad_input plus three files made here: a 50 MB file, a file
nobody may read (mode 000, and the child runs without root's power to read anyway), and a folder
that loops back on itself through symbolic links.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from analysis.models import Actor, ActorTitle, Alias, Document, Engagement, Evidence, Mention, Participation
from analysis.services.ingestion import documents_ingest
from tests.reliability.support import (
    BIDI_CONTROLS,
    DATA,
    SEEDS,
    child_env,
    database_url,
    manage,
    seed_text,
    socket_relay,
    without_file_read_override,
)

pytestmark = pytest.mark.django_db(transaction=True)

HUGE_BYTES = 50 * 1024 * 1024


def _stored_as_seed(prefix: str) -> Callable[[Document], None]:
    def check(document: Document) -> None:
        assert document.raw_text == seed_text(prefix).strip(), "decoded text differs from the UTF-8 original"
        assert document.mentions.exists(), "no actor found in a seed article"

    return check


def _stored_utf8_despite(damage: str) -> Callable[[Document], None]:
    """Damaged UTF-8 is still read as UTF-8: never as Windows-1256 mojibake (`ط§ظ„` for `ال`)."""

    def check(document: Document) -> None:
        original = (DATA / f"arabic_utf8_{damage}.txt").read_bytes()
        assert "ط§ظ„" not in document.raw_text, "read as Windows-1256: mojibake"
        if damage == "cut_off":
            assert document.raw_text == original.decode("utf-8", errors="ignore").strip()
        else:
            assert document.raw_text.count("\ufffd") == 1
            assert document.raw_text.replace("\ufffd", "") == seed_text("001").strip()

    return check


def _html_without_script(document: Document) -> None:
    for text in (document.raw_text, document.text):
        assert "ثابت العباسي" in text
        for injected in ("__pwned", "xss-", "document.write", "نص محقون", "tracker.example", "ads.example"):
            assert injected not in text, injected
    # Markup written as text in the article is the article's text, kept literally (and escaped on display).
    assert "<img src=x onerror=alert(1)>" in document.raw_text
    meetings = [f for f in _facts(document) if f[:2] == ("meeting", date(2024, 3, 12))]
    assert any("العباسي" in " ".join(f[3]) and "كوتراشيف" in " ".join(f[3]) for f in meetings), meetings


def _facts(document: Document) -> set[tuple]:
    """The engagements a document is evidence for: type, date, precision and participants' names."""
    return {
        (e.type, e.date_start, e.date_precision, tuple(sorted(p.actor.name for p in e.participations.all())))
        for e in Engagement.objects.filter(evidence__document=document).prefetch_related(
            "participations__actor"
        )
    }


def _bidi_same_as_plain(document: Document) -> None:
    names = list(Actor.objects.values_list("name", flat=True)) + list(
        Alias.objects.values_list("name", flat=True)
    )
    hidden = [name for name in names if BIDI_CONTROLS.intersection(name)]
    assert hidden == [], f"actor names carry bidi controls: {hidden!r}"
    # Invisible controls change nothing: the same facts as seed 002 without them (loop/article.txt).
    plain = Document.objects.get(source_path__endswith="loop/article.txt")
    assert _facts(document) == _facts(plain), f"{_facts(document) ^ _facts(plain)}"


def _loop_ingested_once(document: Document) -> None:
    assert Document.objects.filter(source_path__endswith="article.txt").count() == 1


# What each file of the batch gets. "error": exactly one line on stderr naming the file, its reason
# matching the pattern, and no document; "stored": a new document, checked by the function;
# "unchanged": the text of a document stored before (seed 000), so no new document and no error.
# fmt: off
EXPECTED: list[tuple[str, str, str | Callable[[Document], None]]] = [
    # file                      outcome      reason pattern or check
    ("empty.txt",               "error",     r"empty"),                          # zero bytes
    ("binary.txt",              "error",     r"binary"),                         # PNG bytes named .txt
    ("page_chrome_only.txt",    "error",     r"no article|page chrome|no text"), # menus and teasers only
    ("huge_50mb.txt",           "error",     r"too large.*\b50\b"),              # 50 MB, made here
    ("unreadable.txt",          "error",     r"unreadable.*permission denied"),  # mode 000, made here
    ("arabic_windows1256.txt",  "stored",    _stored_as_seed("001")),            # same text as the UTF-8 seed
    ("arabic_utf16.txt",        "stored",    _stored_as_seed("003")),            # same text as the UTF-8 seed
    ("arabic_utf8_cut_off.txt", "stored",    _stored_utf8_despite("cut_off")),   # ends mid-character
    ("arabic_utf8_stray_byte.txt", "stored", _stored_utf8_despite("stray_byte")), # one 0xFF byte inside
    ("article_with_script.html", "stored",   _html_without_script),              # visible text only
    ("bidi_controls.txt",       "stored",    _bidi_same_as_plain),               # as if the controls were not there
    ("loop/article.txt",        "stored",    _loop_ingested_once),               # the loop is not followed
    ("same_article_renamed.txt", "unchanged", "000"),                            # seed 000 under another name
]
# fmt: on


def _batch(folder: Path) -> Path:
    """The hostile batch as one folder, as an analyst would hand it over."""
    shutil.copytree(DATA, folder)
    line = seed_text("001").splitlines()[12] + "\n"
    chunk = (line * (1024 * 1024 // len(line.encode()) + 1)).encode()
    with open(folder / "huge_50mb.txt", "wb") as huge:
        while huge.tell() < HUGE_BYTES:
            huge.write(chunk)
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(seed_text("004"), encoding="utf-8")
    unreadable.chmod(0)
    loop = folder / "loop"
    loop.mkdir()
    (loop / "article.txt").write_text(seed_text("002"), encoding="utf-8")
    (loop / "again").symlink_to(".", target_is_directory=True)
    (loop / "up").symlink_to("..", target_is_directory=True)
    return folder


def _rows() -> dict[str, dict[int, tuple]]:
    """Every stored row of the analysis models, by model and primary key."""
    models = (Document, Actor, Alias, ActorTitle, Engagement, Participation, Evidence, Mention)
    return {
        model.__name__: {
            row[0]: row
            for row in model.objects.order_by("pk").values_list(
                "pk", *(f.attname for f in model._meta.concrete_fields if f.attname != "id")
            )
        }
        for model in models
    }


def _rows_of_documents(rows: dict[str, dict[int, tuple]], document_ids: set[int]) -> dict[str, dict]:
    """The documents with these ids and the mentions, evidence and titles that point into them."""
    fields = {
        "Mention": [f.attname for f in Mention._meta.concrete_fields],
        "Evidence": [f.attname for f in Evidence._meta.concrete_fields],
        "ActorTitle": [f.attname for f in ActorTitle._meta.concrete_fields],
    }
    kept = {"Document": {pk: row for pk, row in rows["Document"].items() if pk in document_ids}}
    for name, names in fields.items():
        position = names.index("document_id")
        kept[name] = {pk: row for pk, row in rows[name].items() if row[position] in document_ids}
    return kept


def _run_ingest(batch: Path) -> tuple[int, list[str], str]:
    connection.ensure_connection()
    with socket_relay(connection.settings_dict, batch.parent / "db") as reachable:
        env = child_env(DATABASE_URL=database_url(reachable))
        result = manage(
            "ingest", "--no-progress", str(batch), env=env, timeout=150, prefix=without_file_read_override()
        )
    output = result.stdout + result.stderr
    return result.returncode, result.stderr.splitlines(), output


def test_hostile_batch_gets_one_line_errors_or_correct_results_and_changes_nothing_stored(tmp_path):
    seeds = [next(SEEDS.glob("000_*.txt")), next(SEEDS.glob("004_*.txt"))]
    summary = documents_ingest(paths=seeds)
    assert summary.new == 2
    already = set(Document.objects.values_list("pk", flat=True))
    before = _rows()

    batch = _batch(tmp_path / "batch")
    returncode, stderr, output = _run_ingest(batch)

    assert "Traceback" not in output, output[-3000:]
    assert returncode == 1, output[-3000:]  # some files failed: said so in the exit status
    problems = []
    for name, outcome, detail in EXPECTED:
        path = batch / name
        lines = [line for line in stderr if Path(name).name in line and str(batch) in line]
        stored = Document.objects.filter(source_path=str(path)).first()
        if outcome == "error":
            if len(lines) != 1 or not re.search(detail, lines[0], re.I):
                problems.append(f"{name}: expected one error line matching {detail!r}, got {lines!r}")
            if stored is not None:
                problems.append(f"{name}: failed, but a document was stored")
        elif outcome == "stored":
            if lines:
                problems.append(f"{name}: expected to be stored, got {lines!r}")
            elif stored is None:
                problems.append(f"{name}: no document stored")
            else:
                try:
                    detail(stored)
                except AssertionError as error:
                    problems.append(f"{name}: {error}")
        else:
            original = Document.objects.get(source_path=str(next(SEEDS.glob(f"{detail}_*.txt"))))
            if lines or stored is not None:
                problems.append(
                    f"{name}: expected unchanged (the text of {original.source_path}), got {lines!r}"
                )
    assert problems == [], "\n".join(problems) + "\n\n" + output[-3000:]
    errors = sum(1 for _, outcome, _ in EXPECTED if outcome == "error")
    assert len([line for line in stderr if str(batch) in line]) == errors, "\n".join(stderr)
    after = _rows()
    assert _rows_of_documents(after, already) == _rows_of_documents(before, already)
    assert set(before["Actor"]) <= set(after["Actor"])
    assert set(before["Engagement"]) <= set(after["Engagement"])

    # The same batch again: the files that failed fail the same way, the rest is already stored,
    # and not one row anywhere changes.
    second_code, second_stderr, second_output = _run_ingest(batch)
    assert "Traceback" not in second_output
    assert second_code == 1
    assert sorted(second_stderr) == sorted(stderr)
    assert _rows() == after


def test_unreadable_file_is_unreadable_for_the_child():
    """The check above is honest: the child really cannot read a mode-000 file, even as root."""
    import subprocess
    import sys
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("نص")
    try:
        os.chmod(handle.name, 0)
        probe = subprocess.run(
            [*without_file_read_override(), sys.executable, "-c", f"open({handle.name!r}).read()"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        os.unlink(handle.name)
    assert probe.returncode != 0
    assert "PermissionError" in probe.stderr
