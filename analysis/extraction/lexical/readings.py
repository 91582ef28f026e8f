"""Whether a word reads as a verb, a noun, a proper noun or a particle, from qalsadi.

qalsadi (Taha Zerrouki), GPL-3.0, a morphological analyser over the arramooz dictionary (GPL-3.0).
It takes about 5 ms a word, so its readings of wordfreq's 60,000 most frequent Arabic words are
computed once by `python -m analysis.extraction.lexical.build` and shipped in `data/readings.tsv`
(sorted, so the file does not depend on qalsadi's hash-seed-dependent order). A word outside the
table is rare: its reading is unknown (`""`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.arabic import normalize
from analysis.extraction.lexical.build import READINGS_PATH
from analysis.extraction.lexical.sorted_words import SortedWords

_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")


class _Readings:
    """Words with their codes, kept compact: each code string once, each word's by its index."""

    def __init__(self, codes_of: dict[str, str]) -> None:
        self._codes = sorted(set(codes_of.values()))
        index = {codes: i for i, codes in enumerate(self._codes)}
        self._words = SortedWords.of({word: index[codes] for word, codes in codes_of.items()}, "B")

    def get(self, word: str) -> str:
        i = self._words.get(word, -1)
        return self._codes[i] if i >= 0 else ""


@cache
def _table() -> tuple[_Readings, _Readings]:
    """Codes by surface form, and by `normalize`d form (the union of the readings of its spellings)."""
    surface: dict[str, str] = {}
    folded: dict[str, set[str]] = {}
    with READINGS_PATH.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            word, codes = line.rstrip("\n").split("\t")
            surface[word] = codes
            folded.setdefault(normalize(word), set()).update(codes)
    return _Readings(surface), _Readings({key: "".join(sorted(codes)) for key, codes in folded.items()})


@lru_cache(maxsize=65536)
def reading(word: str) -> str:
    """qalsadi's readings of `word` as sorted codes: `V` verb, `N` noun, `P` proper noun, `S` particle or
    pronoun, `U` not analysed; `""` when the word is too rare to be in the table. `سيبحث` -> `V`,
    `موقف` -> `N`, `عاد` -> `NSV`."""
    surface, folded = _table()
    bare = _MARKS_RE.sub("", word)
    return surface.get(bare) or folded.get(normalize(bare))


def verb_only(word: str) -> bool:
    """qalsadi reads the word as a verb and as nothing else (`سيبحث`, `يجري`): never part of a name."""
    return reading(word) == "V"


_PRESENT_PREFIX_SWAP = {"ي": "ت", "ت": "ي"}


def _paradigm(word: str) -> tuple[str, ...]:
    """Other forms of the verb `word` would be: the other person of the present (`يلخص` -> `تلخص`)
    and the bare stem (`لخص`), or the perfect without its ending (`بدأت` -> `بدأ`)."""
    if word[:1] in _PRESENT_PREFIX_SWAP and len(word) > 3:
        return (_PRESENT_PREFIX_SWAP[word[0]] + word[1:], word[1:])
    if word.endswith("ت") and len(word) > 3:
        return (word[:-1],)
    return ()


@lru_cache(maxsize=65536)
def is_verb(word: str) -> bool:
    """A verb, never a name: qalsadi reads it only as a verb and the rest of its paradigm is read as a
    verb too (`سيبحث`, `يلخص`, `بدأت`). A transliterated name qalsadi takes for a verb has no such
    paradigm (`يوري`: `وري` is no word, `سيرغي`: `يرغي` is rare). A future `س` and a conjunction
    `و`/`ف` are stripped first."""
    bare = _MARKS_RE.sub("", word)
    candidates = (bare, bare[1:]) if bare[:1] in "وف" and len(bare) > 4 else (bare,)
    return any(_confirmed_verb(form) for form in candidates)


def _confirmed_verb(word: str) -> bool:
    if reading(word) != "V":
        return False
    if word[:1] == "س" and word[1:2] in _PRESENT_PREFIX_SWAP:
        word = word[1:]
    forms = _paradigm(word)
    return bool(forms) and all("V" in reading(form) for form in forms)
