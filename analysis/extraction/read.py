"""Article files in, article text out: find the files, tell their format from their content, decode.

Pure Python (no Django), shared by `manage.py extract` and ingestion, so both read a file the same
way. Text: UTF-8 (with or without BOM, a few damaged bytes kept), UTF-16, else the encoding
charset-normalizer finds (Windows-1256 Arabic when it reads as Arabic). HTML pages: the article
through trafilatura (`read_html`); PDF: pdfminer.six (`read_pdf`); Word: python-docx (`read_docx`).
`article_read` gives the text with what the file says about the article (title, author, date);
an unusable file raises `DocumentError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from analysis.extraction.results import DocumentMetadata

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xhtml", ".pdf", ".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_FILE_BYTES = 10 * 1024 * 1024  # a news article is a few KB; the pipeline reads at most 400,000 characters


class DocumentError(Exception):
    """An expected reason not to read a file (empty, binary, undecodable, unreadable ...)."""


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """An article file read: its text (as a .txt would give it), its format, and what the file itself
    says about the article (a page's meta tags and JSON-LD; None for plain text)."""

    text: str
    format: str  # "text", "html", "pdf" or "docx"
    metadata: DocumentMetadata | None = None
    notices: tuple[str, ...] = ()


def article_paths(*, paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files to ingest: each file given, and the article files (ARTICLE_SUFFIXES) under each folder given.

    Symbolic links to folders are not followed, so a folder that loops through a link ends.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.append(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs.sort()
            found.extend(
                Path(root) / name for name in sorted(files) if Path(name).suffix.lower() in ARTICLE_SUFFIXES
            )
    return found


def _plausible_share(text: str) -> float:
    """The share of characters that belong in Arabic or Latin prose (letters, digits, punctuation)."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if ch in "\n\r\t\f" or (0x20 <= code < 0x7F) or (0xA0 <= code < 0x250):
            good += 1
        elif 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0x8A0 <= code <= 0x8FF:
            good += 1
        elif 0x2000 <= code <= 0x206F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            good += 1
    return good / len(text)


_CONTROL_CHAR_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls except \t \n \f \r


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHAR_RE.findall(text)) / len(text)


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if 0x600 <= ord(ch) <= 0x6FF or 0xFB50 <= ord(ch) <= 0xFEFF) / len(letters)


def text_decode(*, data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding).

    UTF-8 with or without BOM, UTF-16 with a BOM or recognised by its byte pattern, else the
    encoding charset-normalizer finds (`_decode_detected`). Raises DocumentError otherwise.
    """
    if not data.strip():
        raise DocumentError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16"), "utf-16"
    sample = data[:65536]
    if b"\x00" in sample or _control_share(sample[:4096].decode("latin-1")) > 0.05:
        if len(data) % 2 == 0:
            for encoding in ("utf-16-le", "utf-16-be"):
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if _plausible_share(text[:20000]) >= 0.95 and _control_share(text[:20000]) < 0.01:
                    return text, encoding
        raise DocumentError("binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _utf8_damaged(data)
    if text is not None:
        if _control_share(text[:20000]) > 0.01:
            raise DocumentError("binary file (not text)")
        return text, "utf-8"
    return _decode_detected(data)


def _decode_detected(data: bytes) -> tuple[str, str]:
    """Bytes that are neither UTF-8 nor UTF-16: the encoding charset-normalizer finds.

    An Arabic legacy page is most often Windows-1256, which also decodes ISO-8859-6 and Mac Arabic
    bytes into something; among the encodings charset-normalizer finds plausible, the first whose
    text reads as Arabic is taken, Windows-1256 first when it is one of them. Text in another
    script is taken when charset-normalizer finds it coherent.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    found = [m.encoding for m in matches]
    candidates = sorted(found, key=lambda e: e != "cp1256") + (["cp1256"] if "cp1256" not in found else [])
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _control_share(text[:20000]) > 0.01:
            raise DocumentError("binary file (not text)")
        if _arabic_share(text[:20000]) >= 0.3:
            return text, codecs.lookup(encoding).name
    best = matches[0] if matches else None
    if best is not None and best.chaos < 0.1 and best.coherence > 0.2:
        text = data.decode(best.encoding)
        if _control_share(text[:20000]) <= 0.01:
            return text, codecs.lookup(best.encoding).name
    raise DocumentError("undecodable: not UTF-8, UTF-16 or text in an encoding that could be recognised")


def _utf8_damaged(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a last character cut off, a stray byte), or None.

    Another encoding read as UTF-8 breaks at nearly every non-ASCII byte; a few errors among many
    well-formed multi-byte characters is UTF-8 damaged on the way: kept, a cut-off end dropped, a
    stray byte as U+FFFD. (Read as Windows-1256 instead, the whole article would be mojibake.)
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    well_formed = sum(1 for ch in text if ord(ch) > 0x7F) - broken
    if well_formed == 0 or broken > max(3, well_formed // 100):
        return None
    return text.rstrip("\ufffd")


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(f"undecodable: invalid {encoding} at byte {error.start}") from None


class _HtmlText(HTMLParser):
    """HTML to text with the standard library: scripts and styles dropped, blocks on their own lines."""

    BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 "
        "h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr td th title ul".split()
    )
    SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(*, html: str) -> str:
    """The visible text of an HTML page, one block per line."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text, blank = [], False
    for line in lines:
        if line:
            text.append(line)
            blank = False
        elif not blank and text:
            text.append("")
            blank = True
    return "\n".join(text).strip()


_HTML_START_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|meta\s|title)[\s>]", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip()
    while head.startswith("<!--"):  # a saved page often starts with a comment (`saved from url=...`)
        head = head[head.find("-->") + 3 :].lstrip() if "-->" in head else ""
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip()
    return bool(_HTML_START_RE.match(head))


def file_format(*, data: bytes, suffix: str = "") -> str:
    """The format of a file's bytes: "pdf", "docx", "html" or "text"; the content decides, the
    extension only where the content says nothing (a bare fragment of HTML saved as .html)."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        raise DocumentError("an old binary Word (.doc) or Office file: save it as .docx")
    return "html" if suffix in HTML_SUFFIXES else "text"


def _file_bytes(path: Path) -> bytes:
    try:
        status = path.stat()
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except OSError as error:
        raise DocumentError(f"unreadable: {error.strerror or error}") from None
    if not path.is_file():
        raise DocumentError("not a regular file")
    if status.st_size > MAX_FILE_BYTES:
        size, limit = status.st_size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
        raise DocumentError(f"too large ({size} MB; the limit is {limit} MB)")
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(f"unreadable: {error.strerror or error}") from None


def article_read(*, path: str | os.PathLike) -> ArticleFile:
    """An article file read whatever its format. Raises DocumentError with a one-line reason."""
    path = Path(path)
    data = _file_bytes(path)
    kind = file_format(data=data, suffix=path.suffix.lower())
    if kind == "pdf":
        from analysis.extraction.read_pdf import pdf_text

        article = ArticleFile(text=pdf_text(data=data), format="pdf")
    elif kind == "docx":
        from analysis.extraction.read_docx import docx_read

        article = docx_read(data=data)
    else:
        text, _encoding = text_decode(data=data)
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        if _looks_like_html(text):  # a page: its article found among menus and sidebars
            from analysis.extraction.read_html import html_read

            article = html_read(html=text)
        elif kind == "html":  # a fragment of markup (no <html>, <head> or <body>): all of it is text
            article = ArticleFile(text=html_to_text(html=text), format="html")
        else:
            article = ArticleFile(text=text, format="text")
    text = article.text.strip()
    if not text:
        raise DocumentError("empty: no text")
    return ArticleFile(text=text, format=article.format, metadata=article.metadata, notices=article.notices)


def document_read(*, path: str | os.PathLike) -> str:
    """The text of an article file (`article_read` without what the file says about it)."""
    return article_read(path=path).text


def text_sha256(*, text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
