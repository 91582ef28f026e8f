"""`manage.py ingest` on a batch of web pages, PDFs and Word files: the readable ones are stored, each
unreadable one is refused with one line naming it and saying why."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from analysis.extraction.read_html import FALLBACK_NOTICE
from analysis.models import Document
from tests.extraction import article_files as files

pytestmark = pytest.mark.django_db

ARTICLE = (
    "بغداد - استقبل رئيس الوزراء العراقي محمد شياع السوداني في بغداد اليوم وزير الخارجية التركي هاكان فيدان، "
    "وبحث الجانبان ملف المياه وأمن الحدود بين البلدين.\n"
    "وقال بيان لمكتب رئيس الوزراء إن اللقاء تناول أيضا مشروع طريق التنمية والتعاون في مجال الطاقة."
)


@pytest.mark.browser
def test_a_mixed_batch_stores_the_readable_files_and_names_each_refused_one(tmp_path, browser):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "page.html").write_text(
        files.news_page(text=ARTICLE, title=files.HEADLINE, published=date(2024, 4, 22)), encoding="utf-8"
    )
    files.docx_write(text=ARTICLE.replace("اليوم", "أمس"), path=folder / "report.docx")
    page = browser.new_page()
    printed = files.pdf_print(page, text=ARTICLE.replace("بغداد -", "بغداد:"), path=folder / "printed.pdf")
    files.scanned_pdf(page, text=ARTICLE, path=folder / "scan.pdf")
    page.close()
    files.protected_pdf(printed, path=folder / "locked.pdf")
    files.corrupt_docx(folder / "report.docx", path=folder / "cut.docx")
    (folder / "politics.html").write_text(files.chrome_only_page(), encoding="utf-8")
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="4 of 7 documents failed"):
        call_command("ingest", str(folder), stdout=out, stderr=err)

    refused = sorted(err.getvalue().splitlines())
    assert refused == [
        f"{folder / 'cut.docx'}: corrupt Word document: not a readable .docx package",
        f"{folder / 'locked.pdf'}: password-protected PDF: save an unprotected copy to read it",
        f"{folder / 'politics.html'}: no article in this page (only menus, links and headlines)",
        f"{folder / 'scan.pdf'}: scanned PDF: 1 page(s) of images with no text layer; run OCR on it first",
    ]
    assert "Documents: 3 new, 0 unchanged, 0 updated, 4 failed." in out.getvalue()
    stored = {d.source_path.rsplit("/", 1)[-1]: d for d in Document.objects.all()}
    assert sorted(stored) == ["page.html", "printed.pdf", "report.docx"]
    assert stored["page.html"].published_on == date(2024, 4, 22)
    assert "الأكثر قراءة" not in stored["page.html"].text


def test_a_page_read_without_trafilatura_is_stored_with_a_notice_naming_it(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text(files.news_page(text=ARTICLE, title=files.HEADLINE, published=date(2024, 4, 22)))
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *args, **kwargs: None)
    out, err = StringIO(), StringIO()

    call_command("ingest", str(page), stdout=out, stderr=err)

    assert err.getvalue().splitlines() == [f"{page}: note: {FALLBACK_NOTICE}"]
    assert "Documents: 1 new" in out.getvalue()
    assert Document.objects.get().published_on == date(2024, 4, 22)  # the metadata still read
