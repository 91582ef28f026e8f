"""Arabic text folded for comparison: normalization, name keys, digits, bidi controls.

Pure Python. `normalize` (with `normalize_with_map` for offsets), `name_key` and `key_variants`
are the one place where Arabic text is folded for matching; extraction, ingestion, search and the
admin reuse them. `fold_digits` and `strip_bidi` are the one way to read digits and drop controls.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "DIGIT_FOLD",
    "fold_digits",
    "key_variants",
    "name_key",
    "normalize",
    "normalize_with_map",
    "strip_article",
    "strip_bidi",
]

# Arabic-Indic and Persian (Eastern Arabic-Indic) digits to ASCII.
DIGIT_FOLD = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_DIGITS = str.maketrans(DIGIT_FOLD)


def fold_digits(text: str) -> str:
    """`٢٠٢٤` and `۲۰۲۴` as `2024`; nothing else changes."""
    return text.translate(_DIGITS)


# Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) and the marks
# (ALM LRM RLM): invisible, and a word split by one is still one word.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_MARKS = "\u061c\u200e\u200f"
_NO_BIDI_CONTROLS = dict.fromkeys(map(ord, _BIDI_CONTROLS))
_NO_BIDI = dict.fromkeys(map(ord, _BIDI_CONTROLS + _BIDI_MARKS))


def strip_bidi(text: str, *, marks: bool = False) -> str:
    """`text` without bidi embeddings, overrides and isolates; with `marks`, without ALM/LRM/RLM too."""
    return text.translate(_NO_BIDI if marks else _NO_BIDI_CONTROLS)


_TATWEEL = "\u0640"
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"}
_EXTRA_FOLD = {"ؤ": "و", "ئ": "ي", "ی": "ي", "ي": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه", "ٱ": "ا"}


# camel-tools' folds written out: what `dediac_ar` drops (its AR_DIAC_CHARSET: fathatan to sukun and the
# dagger alef) and what `normalize_alef_ar`, `normalize_alef_maksura_ar` and `normalize_teh_marbuta_ar`
# change. Importing `camel_tools.utils` builds sets of every Unicode character by category, ~30 MB in each
# process (the ingest's parent and each of its workers, each web worker) for these 15 characters.
_DIACRITICS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
_LETTER_FOLD = {"إ": "ا", "أ": "ا", "ٱ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}


def _build_fold_table() -> dict[str, str]:
    """Per-character folding, so that `normalize_with_map` can point back into the text."""
    table: dict[str, str] = {}
    for code in list(range(0x0600, 0x0700)) + list(range(0x0750, 0x0780)):
        ch = chr(code)
        if ch == _TATWEEL or ch in _DIACRITICS:
            table[ch] = ""
            continue
        folded = _LETTER_FOLD.get(ch, ch)
        folded = _EXTRA_FOLD.get(folded, folded)
        if folded != ch:
            table[ch] = folded
    table.update(DIGIT_FOLD)
    for ch in _ZERO_WIDTH:
        table[ch] = ""
    table["\u0670"] = ""  # dagger alef
    table["\ufdf2"] = "الله"  # the ligature some outlets print (`عبدﷲ الثاني`)
    return table


_FOLD = _build_fold_table()
_FOLD_TRANSLATION = str.maketrans(_FOLD)


def normalize(text: str) -> str:
    """Fold Arabic text for matching: no diacritics or tatweel, one alef, ي for ى/ی, ه for ة,
    ASCII digits, lower-case Latin. Not length-preserving: use `normalize_with_map` for offsets."""
    return text.translate(_FOLD_TRANSLATION).lower()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """`normalize(text)` plus, for each folded character, its index in `text`.

    A match `folded[a:b]` covers `text[pos[a]:pos[b-1] + 1]`.
    """
    out: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        folded = _FOLD.get(ch, ch)
        for f in folded:
            out.append(f.lower())
            pos.append(i)
    return "".join(out), pos


_PUNCT_RE = re.compile(r"[()\[\]{}\"'“”«»‹›،,.:;؛!?؟\-–—_/\\|<>*•]+")
_CLITIC_PREFIXES = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


def strip_article(token: str) -> str:
    """A (normalized) token without its article: `الحشد` -> `حشد`; a short word keeps it (`الله`)."""
    if token.startswith("ال") and len(token) > 4:
        return token[2:]
    return token


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A key for comparing names: normalized, punctuation dropped, the article removed.

    Clitics are removed where they are unambiguous (`والعراق`, `بالعراق`, `للحشد`); a bare
    name that merely starts with a clitic letter (`بوغدانوف`) is left alone. Use
    `key_variants` when a token in running text may carry a clitic.
    """
    tokens = _PUNCT_RE.sub(" ", normalize(name)).split()
    out = []
    for token in tokens:
        out.append(strip_article(_unambiguous_clitics(token)))
    return " ".join(out)


def _unambiguous_clitics(token: str) -> str:
    if token.startswith(("ولل", "فلل")) and len(token) > 4:
        return "ال" + token[3:]
    if token.startswith("لل") and len(token) > 3:
        return "ال" + token[2:]
    for prefix in ("وبال", "وال", "فال", "بال", "كال", "فبال"):
        if token.startswith(prefix) and len(token) > len(prefix) + 1:
            return "ال" + token[len(prefix) :]
    return token


@lru_cache(maxsize=65536)
def key_variants(token: str) -> frozenset[str]:
    """Keys a (normalized) running-text token may stand for, with and without clitics."""
    forms = {token, _unambiguous_clitics(token)}
    if len(token) > 3 and token[0] in _CLITIC_PREFIXES:
        rest = token[1:]
        forms.add(rest)
        if len(rest) > 3 and rest[0] in _PREPOSITIONS:
            forms.add(rest[1:])
    if len(token) > 3 and token[0] in _PREPOSITIONS:
        forms.add(token[1:])
    return frozenset(strip_article(f) for f in forms if f)
