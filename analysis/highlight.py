"""Escaped HTML for document text with evidence and actor mentions highlighted.

Raw text is never marked safe: every piece of it goes through `escape`, and the markup around
it is built with `format_html`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
