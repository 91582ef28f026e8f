"""Spelling variants of one name: the same word transliterated another way (`مكسيموف`, `ماكسيموف`,
`ماكسيوف`), not another name one letter away (`أقدوغان` is not `أردوغان`).

`lexical.same_word` allows an edit or two; a variant keeps every consonant or changes it only for
one that writes the same foreign sound (a `g` as غ/ج/ك/ق, a `t` as ت/ط ...) or for a long vowel or
hamza seat. The edits come from rapidfuzz (MIT).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from analysis.extraction.lexical import is_given_name, same_name, same_word

# Letters that write the same sound in transliterations; a long vowel or hamza seat is one class.
_SOUND_CLASSES = ("اويىءأإآئؤةه", "غجكقگ", "تط", "سصثش", "زذظضد", "بپ", "فڤ", "هحخ")
_CLASS_OF = {letter: k for k, letters in enumerate(_SOUND_CLASSES) for letter in letters}


@lru_cache(maxsize=65536)
def variant_spelling(a: str, b: str) -> bool:
    """`a` and `b` (normalized words) spell one name: `same_word`, and every letter changed for
    another is one of the same sound."""
    if not same_word(a, b):
        return _long_vowel_more(a, b) or _long_vowel_more(b, a)
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            x, y = a[op.src_pos], b[op.dest_pos]
            if _CLASS_OF.get(x, x) != _CLASS_OF.get(y, y):
                return False
    return True


def _long_vowel_more(short: str, long: str) -> bool:
    """`براك` and `باراك`: a short foreign name (three letters or more, no Arabic given name) written
    with one long vowel more."""
    if len(long) != len(short) + 1 or len(short) < 3 or is_given_name(short) or is_given_name(long):
        return False  # `حسن` and `حسين`, `سعد` and `سعيد` are two names
    return any(long[k] in "اوي" and long[:k] + long[k + 1 :] == short for k in range(1, len(long) - 1))


def variant_name(a: str, b: str) -> bool:
    """Two name keys of as many words that differ by a spelling variant in at most one word."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or not (
        same_name(a, b) or sum(x != y for x, y in zip(words_a, words_b, strict=True)) == 1
    ):
        return False
    return all(x == y or variant_spelling(x, y) for x, y in zip(words_a, words_b, strict=True))
