"""What a function word does to the word after it, from Arabic-Stopwords' classed list.

Arabic-Stopwords (Taha Zerrouki), GPL (qalsadi depends on it). Its `classed_STOPWORDS` gives each
stop word's readings a part of speech (`type_word`), a class (`class_word`: `حرف جر` a preposition,
`ظرف` an adverb, `اسم إضافة` a noun always in construct, `الأسماء الخمسة` the five nouns ...) and
the case it governs in the word after it (`action`: `جار` genitive, `ناصب` accusative). Loaded once
per process.
"""

from __future__ import annotations

from functools import cache

_GOVERNING_ACTIONS = frozenset({"جار", "ناصب"})
# `أبي`, `ذو`: a noun of kinship or possession in construct, also a name (`أبي أحمد`)
_FIVE_NOUNS = "الأسماء الخمسة"


@cache
def _entries(word: str) -> tuple[dict, ...]:
    from arabicstopwords.arabicstopwords import classed_STOPWORDS

    return tuple(classed_STOPWORDS.get(word, ()))


def _readings(word: str) -> frozenset[tuple[str, str]]:
    return frozenset((entry["class_word"], entry["action"]) for entry in _entries(word))


def particle(word: str) -> bool:
    """`إلا`, `حتى`, `لو`, `سوف`: a word, as written, one of whose readings is a particle (`حرف`), never
    a word of a name (`علي` is none; `على` is)."""
    return any(entry["type_word"] == "حرف" for entry in _entries(word))


def governing_particle(word: str) -> bool:
    """`على`, `في`, `مع`, `لدى`, `أن`: a function word one of whose readings governs the word after it
    in the genitive or the accusative (a preposition, an adverb, a noun always in construct, `أن` and
    its sisters), so what follows is its complement, never the rest of a name; not `ما`, `لي` (Chinese
    names) nor `أبي` (an Ethiopian one), whose only governing reading is one of the five nouns."""
    return any(action in _GOVERNING_ACTIONS and cls != _FIVE_NOUNS for cls, action in _readings(word))
