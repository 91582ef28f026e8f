"""Spelling variants of one name (`مكسيموف` / `ماكسيموف`, `ألبروس` / `اليبروس`), with rapidfuzz.

rapidfuzz (Max Bachmann), MIT.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

# A transliterated name may gain or lose a long vowel (ا و ي) or change one letter: one edit in a
# word of five letters or more, two in a word of seven or more (`مكسيموف` / `ماكسيوف`).
_MIN_LENGTH = 5
_LONG = 7


def same_word(a: str, b: str) -> bool:
    """Two (normalized) words that spell the same name: equal, or within one edit (two for long words)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < _MIN_LENGTH:
        return False
    allowed = 2 if shorter >= _LONG else 1
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def same_name(a: str, b: str) -> bool:
    """Two name keys of as many words, all spelled the same but for variants in at most one word."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return len(differing) <= 1 and all(same_word(x, y) for x, y in differing)
