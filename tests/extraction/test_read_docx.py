"""Word files: an article written to .docx reads as its text; a damaged one is refused."""

from __future__ import annotations

import pytest

from analysis.extraction.pipeline import extract_document
from analysis.extraction.read import DocumentError, article_read
from tests.extraction import article_files as files


def engagements(result) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((str(e.type), tuple(sorted(p.name for p in e.participants))) for e in result.engagements)


@pytest.mark.parametrize("article", files.ARTICLES)
def test_an_article_written_to_docx_gives_the_engagements_of_its_text(corpus_folder, article):
    text = article_read(path=corpus_folder / f"{article}.txt")
    word = article_read(path=corpus_folder / f"{article}.docx")

    assert word.format == "docx"
    assert word.text.split("\n") == files.paragraphs(text.text)
    from_word = extract_document(word.text, metadata=word.metadata)
    from_text = extract_document(text.text)
    assert engagements(from_word) == engagements(from_text) and engagements(from_text)


def test_a_word_table_reads_cell_by_cell_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("قبل الجدول")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "الخلية الأولى", "الخلية الثانية"
    document.add_paragraph("بعد الجدول")
    document.save(tmp_path / "table.docx")

    assert (
        article_read(path=tmp_path / "table.docx").text
        == "قبل الجدول\nالخلية الأولى\nالخلية الثانية\nبعد الجدول"
    )


def test_a_corrupt_docx_is_refused_with_the_reason(tmp_path):
    whole = files.docx_write(text="زار الوزير بغداد.", path=tmp_path / "whole.docx")
    cut = files.corrupt_docx(whole, path=tmp_path / "cut.docx")

    with pytest.raises(DocumentError, match="^corrupt Word document"):
        article_read(path=cut)
