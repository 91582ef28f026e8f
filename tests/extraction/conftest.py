"""Article files made once per run from the corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

import pytest

from tests.extraction import article_files as files


@pytest.fixture(scope="session")
def corpus_folder(tmp_path_factory):
    if not (files.CORPUS / "texts").is_dir():
        pytest.skip(f"no corpus at {files.CORPUS}")
    folder = tmp_path_factory.mktemp("articles")
    for article in files.ARTICLES:
        text = files.corpus_text(article)
        (folder / f"{article}.txt").write_text(text, encoding="utf-8")
        page = files.news_page(text=text, title=files.HEADLINE, published=files.corpus_published(article))
        (folder / f"{article}.html").write_text(page, encoding="utf-8")
        files.docx_write(text=text, path=folder / f"{article}.docx")
    return folder


@pytest.fixture(scope="session")
def corpus_pdfs(corpus_folder, browser):
    """Each article printed to PDF by Chromium."""
    page = browser.new_page()
    for article in files.ARTICLES:
        files.pdf_print(page, text=files.corpus_text(article), path=corpus_folder / f"{article}.pdf")
    page.close()
    return corpus_folder
