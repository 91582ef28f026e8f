"""Saved web pages: the article among the page's chrome (trafilatura), its date from the metadata."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from analysis.extraction import read_html
from analysis.extraction.pipeline import extract_document
from analysis.extraction.read import DocumentError, article_read
from tests.extraction import article_files as files


@cache
def _extracted(path):
    article = article_read(path=path)
    return article, extract_document(article.text, metadata=article.metadata)


def engagements(result) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((str(e.type), tuple(sorted(p.name for p in e.participants))) for e in result.engagements)


@pytest.mark.parametrize("article", files.ARTICLES)
def test_a_saved_page_gives_the_engagements_of_its_text_and_none_from_the_chrome(corpus_folder, article):
    _, from_text = _extracted(corpus_folder / f"{article}.txt")
    page, from_page = _extracted(corpus_folder / f"{article}.html")

    assert page.format == "html" and page.notices == ()
    assert engagements(from_page) == engagements(from_text) and engagements(from_text)
    chrome = [headline for _, headline in files.OTHER_HEADLINES] + ["الرئيسية", "جميع الحقوق محفوظة"]
    assert not [piece for piece in chrome if piece in from_page.text]
    assert from_page.metadata.published == files.corpus_published(article)
    assert from_page.metadata.title == files.HEADLINE


def test_the_publication_date_comes_from_the_metadata_not_the_dates_on_the_page():
    sentence = "زار وزير الخارجية العراقي فؤاد حسين عمان والتقى نظيره أيمن الصفدي لبحث العلاقات الثنائية."
    page = files.news_page(text="\n".join([sentence] * 3), title=files.HEADLINE, published=date(2021, 3, 4))

    found = read_html.html_read(html=page)

    assert found.metadata.published == date(2021, 3, 4)  # not 2026-12-07 in the header, nor the sidebar's
    assert extract_document(found.text, metadata=found.metadata).metadata.published == date(2021, 3, 4)
    assert extract_document(found.text).metadata.published is None  # the text alone gives no date
    assert "2023-06-20" not in found.text and "كانون الأول 2026" not in found.text


def test_a_page_trafilatura_cannot_read_falls_back_to_the_whole_page_with_a_notice(monkeypatch):
    sentence = (
        "التقى رئيس الوزراء العراقي محمد شياع السوداني السفير التركي في بغداد وبحثا ملف المياه والحدود."
    )
    page = f"<html><body><div>{sentence}</div></body></html>"
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *args, **kwargs: None)

    found = read_html.html_read(html=page)

    assert found.text == sentence
    assert found.notices == (read_html.FALLBACK_NOTICE,)


def test_a_page_with_no_article_is_refused(tmp_path):
    path = tmp_path / "politics.html"
    path.write_text(files.chrome_only_page(), encoding="utf-8")

    with pytest.raises(DocumentError, match="no article"):
        article_read(path=path)
