"""PDF files: Chromium's Arabic PDFs read back in logical order; scans and locked files refused."""

from __future__ import annotations

from functools import cache

import pytest

from analysis.extraction.pipeline import extract_document
from analysis.extraction.read import DocumentError, article_read
from analysis.extraction.read_pdf import visual_to_logical
from tests.extraction import article_files as files


@cache
def _extracted(path):
    article = article_read(path=path)
    return article, extract_document(article.text, metadata=article.metadata)


def printed_words(text: str) -> list[str]:
    """The words Chromium can print with the fonts installed (no CJK font: `人民网` prints as nothing)."""
    return [word for word in text.split() if not any("\u2e80" <= ch <= "\u9fff" for ch in word)]


def engagements(result) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((str(e.type), tuple(sorted(p.name for p in e.participants))) for e in result.engagements)


@pytest.mark.browser
@pytest.mark.parametrize("article", files.ARTICLES)
def test_an_article_printed_to_pdf_gives_the_engagements_and_actors_of_its_text(corpus_pdfs, article):
    text, from_text = _extracted(corpus_pdfs / f"{article}.txt")
    pdf, from_pdf = _extracted(corpus_pdfs / f"{article}.pdf")

    assert pdf.format == "pdf"
    assert pdf.text.split() == printed_words(text.text)  # every word, in reading order
    assert engagements(from_pdf) == engagements(from_text) and engagements(from_text)
    assert sorted(a.name for a in from_pdf.actors) == sorted(a.name for a in from_text.actors)


@pytest.mark.parametrize(
    ("drawn", "read"),
    [
        ("ةرايز يف وكسوم", "موسكو في زيارة"),
        ("2012 ماع يف", "في عام 2012"),  # a number keeps its digits' order
        ("رالود تارايلم 4,2 ةميقب", "بقيمة 4,2 مليارات دولار"),
        ("16-F تارئاط", "طائرات F-16"),
        ("2013-12-05 خيراتب", "بتاريخ 05-12-2013"),  # an Arabic number's dashes stand outside it
        ("%60 ةبسنب", "بنسبة 60%"),
        ("12:26 ةعاسلا", "الساعة 12:26"),  # a colon holds it together
        ("(ب ف أ) دادغب", "بغداد (أ ف ب)"),  # brackets drawn mirrored
        ("Reuters ةلاكو تلاق", "قالت وكالة Reuters"),
        ("Hello world.", "Hello world."),  # a line with no Arabic stays as drawn
    ],
)
def test_a_right_to_left_line_is_put_back_in_reading_order(drawn, read):
    assert visual_to_logical(list(drawn)) == read


@pytest.mark.browser
def test_scanned_and_password_protected_pdfs_are_refused_with_the_reason(corpus_pdfs, browser, tmp_path):
    page = browser.new_page()
    scan = files.scanned_pdf(page, text=files.corpus_text(files.ARTICLES[0]), path=tmp_path / "scan.pdf")
    page.close()
    locked = files.protected_pdf(corpus_pdfs / f"{files.ARTICLES[0]}.pdf", path=tmp_path / "locked.pdf")

    with pytest.raises(DocumentError, match=r"^scanned PDF: 1 page\(s\) of images with no text layer"):
        article_read(path=scan)
    with pytest.raises(DocumentError, match="^password-protected PDF"):
        article_read(path=locked)


@pytest.mark.browser
def test_the_format_comes_from_the_content_not_the_name(corpus_pdfs, tmp_path):
    misnamed = tmp_path / "report.txt"
    misnamed.write_bytes((corpus_pdfs / f"{files.ARTICLES[0]}.pdf").read_bytes())

    assert article_read(path=misnamed).format == "pdf"
