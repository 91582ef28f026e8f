"""Given names, family names and place names from pyarabic's proper-noun list.

pyarabic (Taha Zerrouki), GPL-3.0. Its `propernouns.TEXT` labels each proper noun: `nom` a given
name, `nasab`/`laqab`/`kabila` a lineage, epithet or tribe (family names), `konia` a kunya
(`أبو X`), and `اسم علم - مكان …` a place (city, capital, country, river). The package's own
`PROPER_NOUNS` dict is empty (it splits the text on tabs, the text uses spaces) and leaves out the
places (`TEXT2`), so both texts are read here. Single words only, `normalize`d; loaded once per process.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.arabic import normalize

_LINE_RE = re.compile(r"^(?P<lexeme>\S+(?: \S+)*?)\s+(?P<label>[A-Za-z]+\d*|اسم علم.*)$")
_FAMILY_LABELS = frozenset({"nasab", "laqab", "kabila"})


@cache
def _lists() -> dict[str, frozenset[str]]:
    from pyarabic.propernouns import TEXT, TEXT2

    found: dict[str, set[str]] = {"given": set(), "family": set(), "place": set()}
    for line in (TEXT + TEXT2).splitlines():
        m = _LINE_RE.match(line.strip())
        if m is None or " " in m["lexeme"] or "-" in m["lexeme"]:
            continue
        label = m["label"].lower()
        kind = (
            "given"
            if label == "nom"
            else "family"
            if label.rstrip("0123456789") in _FAMILY_LABELS
            else "place"
            if label.startswith("اسم علم")
            else None
        )
        if kind is not None:
            found[kind].add(normalize(m["lexeme"]))
    return {kind: frozenset(words) for kind, words in found.items()}


def is_given_name(word: str) -> bool:
    """`محمد`, `إبراهيم`, `يوسف`: a given name of pyarabic's list (classical Arabic names)."""
    return normalize(word) in _lists()["given"]


def is_family_name(word: str) -> bool:
    """A lineage, epithet or tribe name of pyarabic's list (`الأنصاري`, `قريش`)."""
    return normalize(word) in _lists()["family"]


def is_place_name(word: str) -> bool:
    """A one-word city, region, country, sea or river of pyarabic's list (`ييكاتيرينبرغ`)."""
    return normalize(word) in _lists()["place"]
