"""Hard-wrapped pages: a text saved with a line break every hundred-odd characters, mid-sentence
(`... جرى توقيعه مع شركة “ساب”\n(مقرها السويد) لشراء طائرات ...`). Such a break is no sentence end.

A page is hard-wrapped when its long lines are short (WRAP_WIDTH characters or fewer at the 90th
percentile) and at least WRAPPED_LINES of them stop on a letter, as a cut does; a break then joins two
lines when the first stops on a letter, a digit or a comma and is nearly as long as the page's lines."""

from __future__ import annotations

import re

WRAP_WIDTH = 200  # the width of a wrapped page's lines (V07, E06, G06 of the write-from sets: 150-190)
FULL_LINE = 0.6  # a line this share of the page's width or longer was cut by the wrap
WRAPPED_LINES = 3
LONG_LINE_WORDS = 8
_OPEN_END = re.compile(r"[\u0621-\u064a0-9،,]\s*$")


def soft_breaks(text: str) -> frozenset[int]:
    """Offsets of the line breaks inside sentences of a hard-wrapped page (none for other pages)."""
    lines = text.split("\n")
    long_lengths = sorted(len(line) for line in lines if len(line.split()) >= LONG_LINE_WORDS)
    if len(long_lengths) < WRAPPED_LINES:
        return frozenset()
    width = long_lengths[int(0.9 * (len(long_lengths) - 1))]
    if width > WRAP_WIDTH:
        return frozenset()
    cut = [_OPEN_END.search(line) is not None and len(line) >= FULL_LINE * width for line in lines]
    if sum(cut) < WRAPPED_LINES:
        return frozenset()
    breaks: set[int] = set()
    offset = 0
    for i, line in enumerate(lines[:-1]):
        offset += len(line)
        if i > 0 and cut[i] and lines[i + 1].strip():
            breaks.add(offset)
        offset += 1
    return frozenset(breaks)
