"""The import page through Django's test client: curators only, each file's outcome, refusals that store nothing."""

from __future__ import annotations

from functools import partial

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analysis.models import Document, ImportBatch, ImportFile
from analysis.services import imports
from analysis.services.ingestion import document_ingest
from tests.factories import article_text, scripted_extract
from tests.services.ingestion.reports import FAYYAD, KUTRASHEV, MEETING_DAY

pytestmark = pytest.mark.django_db

ARTICLE = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY], body="مقال للاستيراد").encode()
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50


@pytest.fixture
def inline_reading(monkeypatch):
    """Read a batch in the request's thread (the test's transaction), with the scripted extraction."""

    def extract(raw_text: str, *, known_actors=(), metadata=None):  # a Word file's own metadata aside
        return scripted_extract(raw_text, known_actors=known_actors)

    monkeypatch.setattr(
        imports, "document_ingest", partial(document_ingest, extractor=extract, extractor_version="v1")
    )
    monkeypatch.setattr(
        imports, "batch_thread_start", lambda batch_id: imports.import_batch_run(batch_id=batch_id)
    )


def upload(client, *files, **headers):
    return client.post(
        "/import/", {"files": [SimpleUploadedFile(name, content) for name, content in files]}, **headers
    )


def outcomes() -> list[tuple[str, str]]:
    return list(ImportFile.objects.order_by("position").values_list("name", "outcome"))


def test_an_analyst_cannot_open_the_import_page_or_upload(client, analyst):
    client.force_login(analyst)

    assert client.get("/import/").status_code == 403
    assert upload(client, ("a.txt", ARTICLE)).status_code == 403
    assert ImportBatch.objects.count() == 0 and Document.objects.count() == 0


def test_the_import_page_says_nothing_was_uploaded_yet(client, curator):
    client.force_login(curator)

    html = client.get("/import/").content.decode()

    assert "لم تُرفع ملفات بعد" in html and 'type="file"' in html and "multiple" in html


def test_a_good_file_a_duplicate_and_a_binary_file_get_three_outcomes(
    client, curator, inline_reading, django_capture_on_commit_callbacks
):
    client.force_login(curator)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, ("good.txt", ARTICLE), ("again.txt", ARTICLE), ("image.txt", BINARY))

    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/import/{batch.pk}/"
    assert outcomes() == [("good.txt", "stored"), ("again.txt", "duplicate"), ("image.txt", "refused")]
    assert Document.objects.count() == 1
    assert Document.objects.get().source_path == f"upload/{batch.pk}/good.txt"
    html = client.get(response["Location"]).content.decode()
    assert "قُرئ 3 من 3" in html and "ملف ثنائي وليس نصًّا" in html and "الوثيقة المحفوظة من قبل" in html
    assert "every 1s" not in html  # finished: the page stops polling
    assert ImportFile.objects.exclude(content=None).count() == 0  # the bytes are not kept


def test_an_htmx_upload_answers_with_the_batch_that_polls_until_read(client, curator, monkeypatch):
    client.force_login(curator)
    monkeypatch.setattr(imports, "batch_thread_start", lambda batch_id: None)

    response = upload(client, ("good.txt", ARTICLE), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="import-batch")

    html = response.content.decode()
    batch = ImportBatch.objects.get()
    assert response.status_code == 200 and "<html" not in html
    assert f'hx-get="/import/{batch.pk}/"' in html and 'hx-trigger="every 1s"' in html
    assert "قُرئ 0 من 1" in html and "في الانتظار" in html
    assert 'id="recent-batches"' in html and 'hx-swap-oob="true"' in html and "لم تُرفع ملفات بعد" not in html
    assert response["HX-Push-Url"] == f"/import/{batch.pk}/"


def test_files_over_the_size_limit_or_of_another_type_are_refused_and_change_nothing(
    client, curator, monkeypatch
):
    client.force_login(curator)
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 100)
    started = []
    monkeypatch.setattr(imports, "batch_thread_start", started.append)

    upload(client, ("long.txt", ARTICLE), ("photo.png", BINARY), ("notes", b"text"))

    rows = list(ImportFile.objects.order_by("position").values_list("outcome", "reason", "content"))
    assert [outcome for outcome, _, _ in rows] == ["refused"] * 3
    assert "أكبر من الحد" in rows[0][1] and "«.png» غير مقبول" in rows[1][1] and "دون امتداد" in rows[2][1]
    assert all(content is None for _, _, content in rows)
    assert started == [] and ImportBatch.objects.get().finished_at is not None
    assert Document.objects.count() == 0


def test_an_upload_without_files_is_refused_with_a_message(client, curator):
    client.force_login(curator)

    response = client.post("/import/", {})

    assert response.status_code == 400 and "اختر ملفًّا واحدًا على الأقل" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_a_batch_whose_thread_died_is_resumed(
    client, curator, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(curator)
    started = []
    monkeypatch.setattr(imports, "batch_thread_start", started.append)
    upload(client, ("good.txt", ARTICLE))
    batch = ImportBatch.objects.get()
    ImportFile.objects.update(outcome="reading")
    ImportBatch.objects.update(heartbeat_at=batch.created_at - imports.STALLED_AFTER * 2)

    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/import/{batch.pk}/")

    assert started == [batch.pk]
    assert outcomes() == [("good.txt", "waiting")]


def test_a_word_file_is_read_like_the_command_reads_it(
    client, curator, inline_reading, django_capture_on_commit_callbacks
):
    import io

    import docx

    word = docx.Document()
    for line in ARTICLE.decode().splitlines():
        word.add_paragraph(line)
    data = io.BytesIO()
    word.save(data)
    client.force_login(curator)

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, ("article.docx", data.getvalue()), ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 600))

    assert outcomes() == [("article.docx", "stored"), ("old.doc", "refused")]
    assert "«.doc» غير مقبول" in ImportFile.objects.get(name="old.doc").reason
    assert "فالح الفياض" in Document.objects.get().text
