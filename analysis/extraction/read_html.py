"""Saved web pages to article text with trafilatura (Apache-2.0) and htmldate (Apache-2.0).

trafilatura finds the article among the menus, sidebars, teasers and footers and gives its
paragraphs one a line, with the page's title, author and site name; htmldate reads the publication
date from the page's metadata only (`article:published_time`, JSON-LD `datePublished`, ...), never
from a date in its text. When trafilatura finds no article, the page's whole visible text
(`read.html_to_text`) is the fallback, and a notice says so; when that has no prose either, the page
is refused.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from analysis.extraction.read import ArticleFile, DocumentError, html_to_text
from analysis.extraction.results import DocumentMetadata

__all__ = ["html_read", "page_published"]

FALLBACK_NOTICE = (
    "trafilatura found no article in this page: its whole visible text was read instead "
    "(menus and sidebars may remain)"
)
PROSE_WORDS = 15  # a line this long is a paragraph; a menu item, teaser or date line is shorter
_SENTENCE_END = (".", "؟", "?", "!", "…", ":", '"', "”", "»")
# What a browser writes before the page when it saves it (`<!-- saved from url=... -->`, an XML
# declaration); trafilatura's parser reads nothing after it.
_PREAMBLE_RE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*)+", re.DOTALL)


def _has_prose(text: str) -> bool:
    """Whether the text has a paragraph: a long line, or a sentence of six words or more."""
    for line in text.splitlines():
        words = len(line.split())
        if words >= PROSE_WORDS or (words >= 6 and line.rstrip().endswith(_SENTENCE_END)):
            return True
    return False


def page_published(html: str) -> date | None:
    """The publication date the page's metadata gives, or None (a date in its text is not read)."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate gives up on some broken markup
        return None
    return date.fromisoformat(found) if found else None


def _quiet() -> None:
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def html_read(*, html: str) -> ArticleFile:
    """A page's article and metadata; the fallback, with its notice, when trafilatura finds none."""
    import trafilatura

    _quiet()
    html = _PREAMBLE_RE.sub("", html, count=1)
    try:
        found = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            favor_precision=True,
        )
    except Exception:  # a page trafilatura cannot parse falls back like a page with no article
        found = None
    published = page_published(html)
    text = (getattr(found, "text", None) or "").strip()
    if text and _has_prose(text):
        metadata = DocumentMetadata(
            title=found.title or None,
            outlet=found.sitename or None,
            author=found.author or None,
            published=published,
        )
        return ArticleFile(text=text, format="html", metadata=metadata)
    text = html_to_text(html=html)
    if not text:
        raise DocumentError("empty: the page has no visible text")
    if not _has_prose(text):
        raise DocumentError("no article in this page (only menus, links and headlines)")
    return ArticleFile(
        text=text,
        format="html",
        metadata=DocumentMetadata(published=published),
        notices=(FALLBACK_NOTICE,),
    )
