"""Escaped HTML for document text with evidence and actor mentions highlighted.

Raw text is never marked safe: every piece of it goes through `escape`, and the markup around
it is built with `format_html`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "evidence" or "mention"
    href: str = ""  # a mention's actor page
    title: str = ""  # a mention's actor name
    anchor: str = ""  # an id placed where the span starts (e.g. "ev-12")
    css_class: str = "mention"


def excerpt_bounds(text: str, start: int, end: int, context: int = 160) -> tuple[int, int]:
    """A window of about `context` characters either side of [start, end), cut at whitespace."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return left, right


def _mention_markup(fragment: str, mention: Highlight) -> SafeString:
    if mention.href:
        return format_html(
            '<a class="{}" href="{}" title="{}">{}</a>',
            mention.css_class,
            mention.href,
            mention.title,
            fragment,
        )
    return format_html('<span class="{}" title="{}">{}</span>', mention.css_class, mention.title, fragment)


def highlight_text(text: str, highlights: Iterable[Highlight], *, offset: int = 0) -> SafeString:
    """`text` (which starts at `offset` in its document) as escaped HTML with the highlights applied."""
    spans = [
        Highlight(
            max(h.start - offset, 0),
            min(h.end - offset, len(text)),
            h.kind,
            h.href,
            h.title,
            h.anchor,
            h.css_class,
        )
        for h in highlights
        if h.end > offset and h.start < offset + len(text)
    ]
    anchors: dict[int, list[str]] = {}
    for span in spans:
        if span.anchor:
            anchors.setdefault(span.start, []).append(span.anchor)
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans), *anchors})
    segments: list[tuple[bool, Highlight | None, int, int]] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        in_evidence = any(s.kind == "evidence" and s.start <= left and right <= s.end for s in spans)
        mention = next((s for s in spans if s.kind == "mention" and s.start <= left and right <= s.end), None)
        segments.append((in_evidence, mention, left, right))

    out: list[str] = []
    group: list[str] = []
    group_evidence = False

    def flush() -> None:
        if group:
            body = mark_safe("".join(group))  # noqa: S308 - every part is escaped or format_html output
            out.append(format_html('<mark class="evidence">{}</mark>', body) if group_evidence else body)
            group.clear()

    for in_evidence, mention, left, right in segments:
        if in_evidence != group_evidence:
            flush()
            group_evidence = in_evidence
        for anchor in anchors.pop(left, []):
            group.append(format_html('<span class="anchor" id="{}"></span>', anchor))
        fragment = escape(text[left:right])
        group.append(_mention_markup(fragment, mention) if mention else fragment)
    flush()
    return mark_safe("".join(out))  # noqa: S308 - built from escaped parts only


def name_highlights(
    text: str, names: Iterable[tuple[str, str, str]], *, offset: int = 0, css_class: str = "mention"
) -> list[Highlight]:
    """Mentions found by looking for (surface form, actor name, href) triples in `text`: a fallback
    for documents that have no stored Mention rows."""
    found: list[Highlight] = []
    taken: list[tuple[int, int]] = []
    for surface, title, href in sorted(names, key=lambda n: -len(n[0])):
        if len(surface) < 3:
            continue
        position = text.find(surface)
        while position != -1:
            end = position + len(surface)
            word_start = position
            while word_start > 0 and text[word_start - 1].isalpha():
                word_start -= 1
            glued = text[word_start:position]  # a clitic or article glued on: وال، بـ، لل
            if len(glued) <= 4 and set(glued) <= CLITIC_LETTERS:
                position = word_start
            else:
                position = -1  # inside another word
            if position != -1 and not any(position < t_end and t_start < end for t_start, t_end in taken):
                taken.append((position, end))
                found.append(
                    Highlight(position + offset, end + offset, "mention", href, title, css_class=css_class)
                )
            position = text.find(surface, end)
    return found


CLITIC_LETTERS = set("وفبلكا")


# ---------------------------------------------------------------------------------------------
# Search snippets


@lru_cache(maxsize=1)
def _letter_classes() -> tuple[dict[str, str], str]:
    """For each folded letter, a regex class of every letter `normalize` folds to it (أ إ آ ا -> ا),
    and a pattern for what it drops (diacritics, tatweel). Built on first use: camel-tools loads then."""
    from analysis.arabic import normalize

    members: dict[str, set[str]] = {}
    for code in [
        *range(0x0621, 0x064B),
        *range(0x0671, 0x06D4),
        *range(0x0660, 0x066A),
        *range(0x06F0, 0x06FA),
    ]:
        ch = chr(code)
        folded = normalize(ch)
        if len(folded) == 1:
            members.setdefault(folded, {folded}).add(ch)
    classes = {folded: "[" + "".join(sorted(chars)) + "]" for folded, chars in members.items()}
    dropped = "".join(ch for ch in map(chr, range(0x0600, 0x0700)) if normalize(ch) == "")
    return classes, f"[{dropped}\u200c\u200d]*"


@lru_cache(maxsize=512)
def _hits_pattern(lexemes: tuple[str, ...]) -> re.Pattern[str] | None:
    """The stems as they may be written: any letter variant, diacritics or tatweel between letters."""
    from analysis.arabic import normalize

    classes, skip = _letter_classes()
    cores = set()
    for lexeme in lexemes:
        folded = normalize(lexeme)
        if len(folded) >= 2:
            cores.add(skip.join(classes.get(ch, re.escape(ch)) for ch in folded))
    if not cores:
        return None
    return re.compile("|".join(sorted(cores, key=len, reverse=True)), re.IGNORECASE)


_WORD_RE = re.compile(r"\S+")
_REACH = 40  # characters per word to look at around a hit, generously


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640\u200c\u200d"


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return start, end


def _window(text: str, start: int, end: int, *, before: int, after: int) -> tuple[int, int]:
    """From `before` words before the hit to `after` words after its start, cut at whitespace."""
    head = list(_WORD_RE.finditer(text, max(0, start - before * _REACH), start))
    left = head[-before].start() if before and len(head) >= before else head[0].start() if head else start
    tail = []
    for match in _WORD_RE.finditer(text, start, min(len(text), start + after * _REACH)):
        tail.append(match)
        if len(tail) == after:
            break
    return left, max(end, tail[-1].end() if tail else end)


def search_snippet(text: str, lexemes: Iterable[str], *, words: int = 30, fragments: int = 2) -> SafeString:
    """Up to `fragments` windows of the written text around the words that match the search stems
    (the lexemes PostgreSQL made of the query), the words marked; the text's start when none match.

    Done here rather than with `ts_headline`, which parses each whole document in the database."""
    pattern = _hits_pattern(tuple(sorted(set(lexemes))))
    windows: list[tuple[int, int]] = []
    hits: list[tuple[int, int]] = []
    for match in pattern.finditer(text) if pattern else ():
        start, end = _whole_word(text, match.start(), match.end())
        if windows and start < windows[-1][1]:
            if not hits or start >= hits[-1][1]:
                hits.append((start, end))
            continue
        if len(windows) == fragments:
            break
        windows.append(_window(text, start, end, before=words // 4, after=words - words // 4))
        hits.append((start, end))
    if not windows:
        _, right = _window(text, 0, 0, before=0, after=words)
        return mark_safe(html.escape(text[:right]) + (" …" if text[right:].strip() else ""))  # noqa: S308
    pieces = []
    for left, right in windows:
        spans = [Highlight(start, end, "hit") for start, end in hits if left <= start and end <= right]
        pieces.append(_marked(text[left:right], spans, left))
    prefix = "… " if text[: windows[0][0]].strip() else ""
    suffix = " …" if text[windows[-1][1] :].strip() else ""
    return mark_safe(prefix + " … ".join(pieces) + suffix)  # noqa: S308 - pieces are escaped


def _marked(fragment: str, hits: list[Highlight], offset: int) -> str:
    """`fragment` escaped, its hits in <mark> (html.escape: the same escaping, without the lazy wrapper)."""
    out, at = [], 0
    for hit in hits:
        out.append(html.escape(fragment[at : hit.start - offset]))
        out.append(f"<mark>{html.escape(fragment[hit.start - offset : hit.end - offset])}</mark>")
        at = hit.end - offset
    out.append(html.escape(fragment[at:]))
    return "".join(out)
