"""Lexical resources the tagger's features read: word frequency, given names, place names.

Pure Python, offline, loaded once per process on first use.
- `wordfreq` (Apache-2.0; the Arabic list is built from Wikipedia, subtitles, news and web text,
  CC BY-SA 4.0): a word's Zipf frequency. Names are rare, function words and verbs common.
- `pyarabic.propernouns` (GPL-3.0): its list of Arabic given names (`nom`) and its gazetteer of
  countries, capitals and cities.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.extraction.clean import normalize

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")


@lru_cache(maxsize=65536)
def zipf(word: str) -> int:
    """The word's Zipf frequency in Arabic, rounded down (0: not in the list, 7: the commonest)."""
    from wordfreq import zipf_frequency

    return int(zipf_frequency(_DIACRITICS.sub("", word), "ar"))


@cache
def _given_names() -> frozenset[str]:
    from pyarabic.propernouns import TEXT

    names = set()
    for line in TEXT.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].lower() == "nom":
            names.add(normalize(parts[0]))
    return frozenset(names)


@cache
def _place_names() -> frozenset[str]:
    from pyarabic.propernouns import TEXT2

    places = set()
    for line in TEXT2.splitlines():
        parts = re.split(r"\s{2,}|\t", line.strip(), maxsplit=1)
        if len(parts) == 2 and "مكان" in parts[1]:
            places.update(normalize(w) for w in parts[0].replace("-", " ").split())
    return frozenset(places)


def given_name(word: str) -> bool:
    """Whether a normalized word (no clitic, no article) is a given name in pyarabic's list."""
    return word in _given_names()


def place_name(word: str) -> bool:
    """Whether a normalized word is (part of) a place in pyarabic's gazetteer."""
    return word in _place_names()
