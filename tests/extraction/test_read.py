"""Reading article files: every supported encoding, damaged UTF-8, HTML to text, folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.extraction.read import (
    DocumentError,
    article_paths,
    article_read,
    document_read,
    html_to_text,
    text_decode,
)

ARABIC = "استقبل رئيس هيئة الحشد الشعبي فالح الفياض السفير الروسي في بغداد.\nوناقش الجانبان التعاون."


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_text_decode_reads_every_supported_encoding(encoding):
    text, _ = text_decode(data=ARABIC.encode(encoding))

    assert text.lstrip("\ufeff") == ARABIC


def test_damaged_utf8_is_still_utf8_not_windows_1256_mojibake():
    data = ARABIC.encode("utf-8")
    space = data.index(b" ")
    cut_off, _ = text_decode(data=data[:-2])  # without the final "." and half of the letter before it
    stray, _ = text_decode(data=data[:space] + b"\xff" + data[space:])

    assert cut_off == ARABIC[:-2]
    assert stray.replace("\ufffd", "") == ARABIC and stray.count("\ufffd") == 1


def test_an_unreadable_file_fails(tmp_path):
    path = write(tmp_path, "secret.txt", ARABIC)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads whatever the mode says; a file the kernel refuses to read
        path = Path("/proc/self/mem")

    with pytest.raises(DocumentError, match="unreadable"):
        document_read(path=path)


def test_html_becomes_text_without_scripts_or_styles_and_keeps_block_breaks():
    html = (
        "<html><head><title>عنوان</title><style>p{color:red}</style></head><body>"
        "<p>الفقرة &amp; الأولى</p><script>var x = '<p>لا</p>';</script><div>الفقرة<br>الثانية</div>"
        "</body></html>"
    )

    assert html_to_text(html=html) == "عنوان\n\nالفقرة & الأولى\n\nالفقرة\nالثانية"


def test_folders_give_their_txt_and_html_files_and_a_symlink_loop_ends(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "a.txt", ARABIC)
    write(tmp_path / "sub", "b.html", f"<p>{ARABIC}</p>")
    write(tmp_path, "notes.md", ARABIC)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)

    assert [p.name for p in article_paths(paths=[tmp_path])] == ["a.txt", "b.html"]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("iso8859-6", ARABIC),
        (
            "cp1252",
            "Le ministre a rencontré son homologue à Bagdad pour évoquer la coopération entre les deux pays.",
        ),
    ],
)
def test_legacy_encodings_are_recognised_by_charset_normalizer_not_assumed(encoding, text):
    decoded, found = text_decode(data=text.encode(encoding))

    assert decoded == text and found == encoding


def test_the_format_comes_from_the_content_not_the_extension(tmp_path):
    page = write(
        tmp_path,
        "saved.txt",
        f"<!-- saved from url=(0023)https://example.com/ -->\n<html><body><p>{ARABIC}</p></body></html>",
    )
    old_word = tmp_path / "report.docx"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)

    assert article_read(path=page).format == "html"
    with pytest.raises(DocumentError, match=r"old binary Word \(.doc\)"):
        article_read(path=old_word)
