"""Whether one word may be part of a person's name, from the word alone: the lexicon's lists (titles,
places, triggers, stop words) and the lexical resources (qalsadi's readings, wordfreq's frequencies,
pyarabic's names: see `analysis.extraction.lexical` for their licences). `person_names` parses
names from these words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_geo import _is_geo
from analysis.extraction.actor_tokens import (
    _ARTICLE,
    _DIACRITICS_RE,
    _TANWEEN_RE,
    Token,
    _definite,
    _forms,
    _is_stop,
    _is_trigger,
    _word_reading,
)
from analysis.extraction.address_pronouns import address_form
from analysis.extraction.lexical import is_family_name, is_given_name, reading, word_zipf


def _valid_name_token(tok: Token) -> bool:
    return tok.kind == "w" and _valid_name_word(tok.text)


@lru_cache(maxsize=65536)
def _valid_name_word(text: str) -> bool:
    """Whether a word may be part of a person's name (the answer depends on the word alone)."""
    n, article = _word_reading(text)
    tok = Token(text, 0, len(text), n, "w", article)
    if len(n) < 2 or not re.fullmatch(r"[\u0621-\u064aa-z]+", n):
        return False
    if _TANWEEN_RE.search(text) or n in lx.NON_NAME_NOUNS:
        return False  # `أفكاراً`, `نوعٍ`: an indefinite noun never names a person
    if (
        _stop_token(tok)
        or _trigger_token(tok)
        or name_words.never_in_name(tok.text)
        or name_words.prepositional_phrase(tok.text)
    ):
        return False  # `على` is a preposition, `علي` a name; `يجري`, `بأنه` are no names
    definite = _definite(n)
    if (
        not tok.article
        and definite is not None
        and not n.startswith(_ARTICLE)
        and (
            n.startswith(("لل", "ولل", "فلل"))
            or name_words.clitic_and_article(tok.text, definite)
            or _preposition_on_definite_word(tok.text, definite)
        )
    ):
        return False  # `للجيش`, `والدفاع`: a preposition or conjunction and the article (not `فاليري`)
    seatless = not any(c in text for c in "ئؤ")
    for f in _forms(n):
        if seatless and f in lx.SEATED_HAMZA_TITLES:
            continue  # `قايد` of `أحمد قايد صالح`: `قائد` written without its hamza is a name
        if f in lx.TITLE_WORDS or f in lx.ORG_HEADS or f in lx.PERSON_TITLE_HEADS:
            return False
        if f.endswith("ا") and f[:-1] in lx.PERSON_TITLE_HEADS:
            return False  # `موفدا من`, `مبعوثا`: a title in the accusative (his capacity), no name
        if f in lx.SPEECH_VERBS and not (n[:1] in name_words.NOUN_ONLY_CLITICS and f == n[1:]):
            return False  # `وقال`, not `كيري`: `ك` never goes on a verb
    if (
        n in lx.TITLE_WORDS
        and not (seatless and n in lx.SEATED_HAMZA_TITLES)
        or n in lx.DEMONYM_FORMS
        or n in lx.ORG_HEADS
        or _is_geo(n)
        and n not in _PLACE_OPENERS
    ):
        return False
    if title_dual(n, ("ان", "ين")):
        return False  # `المسؤولان`, `الوزيرين`: two officials, no name
    if n in lx.ADDRESS_HONORIFICS or _strip_article(n) in lx.ADDRESS_HONORIFICS:
        return False  # `صاحب السمو الملكي`: a form of address, no name
    if address_form(n) is not None:
        return False  # `لمعاليه`, `سموه`: a form of address with a pronoun, someone named before
    if (
        n.startswith(("وال", "فال"))
        and len(n) >= 6
        and "N" in reading(text[1:])
        and not name_words.name_evidence(text)
    ):
        return False  # `والأوسمة`: the conjunction and the article on a noun (not `والتر`, `فالح`)
    return not possessed_title_word(n)


def title_dual(n: str, endings: tuple[str, ...]) -> bool:
    """A title word in the dual (`المسؤولان`, `الوزيرين`; in the construct state `وزيري`, which the
    caller checks against the next word): the stem, without the article, is a title word or head."""
    stem = _strip_article(n)
    for ending in endings:
        base = stem.removesuffix(ending)
        if base != stem and len(base) >= 3 and (base in lx.TITLE_WORDS or base in lx.PERSON_TITLE_HEADS):
            return True
    return False


def _preposition_on_definite_word(text: str, definite: str) -> bool:
    """`بالتوفيق`, `بالمزيد`: `ب` and the article on a noun of the language (qalsadi reads it, the news
    writes it): no name opens so (`بالدوين`: `الدوين` is no word)."""
    rest = text[1:] if text[:1] == "ب" else ""
    return len(definite) >= 5 and "N" in reading(rest) and word_zipf(rest) >= name_words.WORD_ZIPF


# The first word of a place of two words, without the article (`صلاح` of `صلاح الدين`, `خان` of `خان
# يونس`): alone no place, and a given name or a family name (`صلاح النمروش`, `عمران خان`).
_PLACE_OPENERS = frozenset(
    normalize(p.split()[0]) for p in lx.PLACE_PHRASES if len(p.split()) >= 2 and not p.startswith("ال")
)


# Possessive pronouns on a noun (`خارجيته`, `وزرائها`, `بلادهم`, `بلادنا`), longest first.
_POSSESSIVES = ("هما", "هم", "ها", "ه", "نا")


@lru_cache(maxsize=65536)
def possessed_title_word(n: str) -> bool:
    """A title word with a possessive pronoun (`وزير خارجيته`, `رئيس وزرائها`, `سفير بلادنا`): the
    title goes on through it, and no name carries a possessive pronoun."""
    for suffix in _POSSESSIVES:
        stem = n.removesuffix(suffix)
        if stem == n or len(stem) < 3:
            continue
        # `خارجيت-ه`: the teh marbuta written open; `وزراي-ها` (`وزرائها`): the hamza on its seat
        nouns = (stem, stem[:-1] + {"ت": "ه", "ي": "ء"}.get(stem[-1], stem[-1]))
        if any(f in lx.TITLE_WORDS or f in lx.ORG_HEADS for f in nouns):
            return True
    return False


def _trigger_token(tok: Token) -> bool:
    """A trigger word as written or with a clitic, unless the clitic reading is the rarer one
    (`فيصل` is a name, not `ف` + `يصل`)."""
    forms = _forms(tok.n)
    return forms[0] in lx.TRIGGERS or any(
        f in lx.TRIGGERS and name_words.clitic_and_article(tok.text, f) for f in forms[1:]
    )


def _stop_token(tok: Token) -> bool:
    """A stop word as written: `على` is one, the name `علي` (folded alike) is not; nor is `آلان` (`الآن`)."""
    written = _DIACRITICS_RE.sub("", tok.text)
    written_ya = tok.n in lx.MAKSURA_STOPWORDS and written.endswith("ي")
    other_hamza = written not in lx.STOPWORD_SPELLINGS and any(c in written for c in "أإآ")
    return _is_stop(tok.n) and not written_ya and not other_hamza


def _known_word(n: str) -> bool:
    """A word of the lexicon (a title, a trigger, a stop word, a place): never a surname."""
    return (
        _is_stop(n)
        or _is_trigger(n)
        or _is_geo(n)
        or n in lx.TITLE_WORDS
        or n in lx.DEMONYM_FORMS
        or any(f in lx.PERSON_TITLE_HEADS for f in _forms(n))
    )


@lru_cache(maxsize=4096)
def foreign_al_name(word: str) -> bool:
    """`اليزابيث`, `الكسندر`, `اليكس`: a foreign given name that begins with the letters of the article.
    qalsadi, which analyses an Arabic definite noun, does not analyse it; the news never writes it
    without `ال` (wordfreq); and it does not end like a nisba family name (`الحلبوسي`)."""
    word = _DIACRITICS_RE.sub("", word)
    return (
        word.startswith(_ARTICLE)
        and len(word) >= 5
        and reading(word) == "U"
        and word_zipf(word[2:]) < 1.0
        and not word.endswith(("ي", "ة"))
    )


@lru_cache(maxsize=4096)
def _verb_and_pronoun(word: str) -> bool:
    """`رعاه`, `حفظه`, `يحفظه`: a verb and its object pronoun (`رعى` + `ه`), as in the blessing after a
    ruler's name."""
    word = _DIACRITICS_RE.sub("", word)
    if not word.endswith("ه") or len(word) < 4:
        return False
    stem = word[:-1]
    return any("V" in reading(form) for form in (stem, stem[:-1] + "ى" if stem.endswith("ا") else stem))


def _preposition_on_noun(word: str) -> bool:
    """`برفقة`, `لدعم`: `ب`/`ل` on a word qalsadi reads only as a noun of the language, the whole no
    name by the lexicons (not `بدوي`, `لطيف`)."""
    rest = word[1:]
    return (
        word[:1] in "بل"
        and len(rest) >= 3
        and reading(rest) == "N"
        and word_zipf(rest) >= name_words.WORD_ZIPF
        and not name_words.name_evidence(word)
    )


def preposition_on_common_word(word: str) -> bool:
    """`لمواصلة`, `لمصالح`, `لشبه`: `ل`/`ب` on a noun of the language that the news writes clearly more
    often without it (wordfreq), the whole no name by pyarabic or qalsadi: a prepositional phrase after
    a name (`الجنرال X لمواصلة المناقشات`), never a word inside one (not `بسام`, `بلينكن`, `بدوي`)."""
    rest = word[1:]
    return (
        word[:1] in "بل"
        and len(rest) >= 3
        and "N" in reading(rest)
        and word_zipf(rest) >= name_words.WORD_ZIPF
        and name_words.clitic_and_article(word, rest)
        and not is_given_name(word)
        and not is_family_name(word)
        and "P" not in reading(word)
    )


def _conjunction_on_word(tok: Token) -> bool:
    """`و` on a word of the language: the clitic reading is the common one."""
    rest = tok.text[1:]
    return (
        tok.n[:1] == "و"
        and len(tok.n) > 3
        and word_zipf(rest) >= name_words.WORD_ZIPF
        and name_words.clitic_and_article(tok.text, rest)
    )


@lru_cache(maxsize=65536)
def foreign_then_feminine_noun(first: str, word: str) -> bool:
    """A transliterated foreign word (qalsadi does not analyse it, no given name) and then a frequent
    Arabic noun written with `ة` (`تغريدة`, `رسالة`): no foreign name goes on with such a word."""
    return (
        reading(first) in ("", "U")
        and not is_given_name(first)
        and _DIACRITICS_RE.sub("", word).endswith("ة")
        and (name_words.ordinary(word) or name_words.feminine_noun(word))  # `عبداللهيان نافذة`
        and not is_family_name(word)
    )


_PLURAL_VERB_RE = re.compile(r"^[وف]?(?P<singular>[يتن]\w{2,})(?:ان|ون|ين|وا|ا)$")


def verb_shaped(n: str) -> bool:
    """`ويبحثان`, `ويتناولا`, `يؤكدان`: a present verb in the dual or plural (with `و`/`ف` or not),
    which opens no name: its singular is a verb by qalsadi (`يبحث`; not `وينستون`, `فيلتمان`)."""
    m = _PLURAL_VERB_RE.match(n)
    if m is None or not (n[:1] in "وف" or n[:1] in "يت" and re.match(r"^[يت]\w{3,}(?:ان|ون)$", n)):
        return False
    return "V" in reading(m.group("singular"))


def plain_noun(word: str) -> bool:
    """A word qalsadi reads only as a noun, common in the news (wordfreq) and no name by the lexicons
    (`مراسم`): no family name after a given name written with the article (not `بله`, `شنقريحة`)."""
    return (
        reading(word) == "N"
        and word_zipf(word) >= name_words.WORD_ZIPF
        and not name_words.name_evidence(word)
    )


def noun_phrase(first: Token, second: Token) -> bool:
    """Two ordinary words of the language, neither a name by the lexicons (`سلاح الجو`): before a nisba
    adjective with the article, a noun, its genitive and their adjective, not a given and family name."""
    return all(name_words.ordinary(t.text) and not name_words.name_evidence(t.text) for t in (first, second))


def head_alone(tokens: Sequence[Token], k: int, units: int) -> bool:
    """`واللواء محمد أمين،`: a title head without the article, after a given name, right before a mark:
    a head takes its genitive or adjective (`أمين عام`, `أمين سر`), so one with none is a name."""
    tok = tokens[k]
    return (
        units >= 1
        and is_given_name(tokens[k - 1].text)
        and not tok.article
        and tok.n in lx.PERSON_TITLE_HEADS
        and k + 1 < len(tokens)
        and tokens[k + 1].kind == "p"
        and tokens[k + 1].text not in "\"'«»“”()"
    )


def foreign_surname_read_as_verb(tokens: Sequence[Token], j: int, k: int) -> bool:
    """`الفريق مايكل أكس جاريت القائد العام`: after a foreign given name (a proper noun by qalsadi or
    no analysis, no Arabic given name) and a second name, a word qalsadi reads as a past verb that the
    news rarely writes (wordfreq), right before a mark or a definite title head: the transliterated
    surname, not a verb (which would take its object or preposition there, not `القائد العام`)."""
    first, tok = tokens[j].text, tokens[k]
    codes = reading(first)
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        k >= j + 2
        and (nxt is None or nxt.kind == "p" or nxt.article and nxt.n in lx.PERSON_TITLE_HEADS)
        and ("P" in codes or codes in ("", "U"))
        and not is_given_name(first)
        and tok.kind == "w"
        and not tok.article
        and tok.n[:1] not in "يتنسوفلب"  # no present, future, conjunction or preposition on it
        and reading(tok.text) == "V"
        and word_zipf(tok.text) < name_words.WORD_ZIPF
    )


def preposition_first(tok: Token) -> bool:
    """`لتعزيز`, `بتطوير`: `ل`/`ب` on a noun, which opens a prepositional phrase; not a given name that
    begins with the letter (`بدر`, `بشار`, `لطفي`)."""
    return tok.n[:1] in "لب" and not is_given_name(tok.text) and "N" in reading(tok.text[1:])


def family_name(tok: Token) -> bool:
    """`طارق عبد الله الفرج`, `ثامر عباس الغضبان`: after a given name and the father's, a definite
    word that is a name by the lexicons (pyarabic's family names, qalsadi's proper nouns or no
    analysis) and no ordinary word of the language (wordfreq) is the family name."""
    return not name_words.ordinary(tok.text) and name_words.name_evidence(tok.text)


def compound_given_name(tokens: Sequence[Token], j: int, end: int) -> bool:
    """`وزير الخارجية صلاح الدين مزوار.`: a place of two words after a definite word (which takes no
    genitive, unlike `محافظ صلاح الدين`) and before one name word where the name ends is a compound
    given name (`صلاح الدين`, `نور الدين`) and its family name."""
    return (
        j > 0
        and tokens[j - 1].article
        and end + 1 < len(tokens)
        and _valid_name_token(tokens[end])
        and name_words.name_evidence(tokens[end].text)
        and not name_words.ordinary(tokens[end].text)
        and tokens[end + 1].kind == "p"
    )


# Words of the time of day that are also given names (`صباح الأحمد الجابر الصباح`).
_TIME_GIVEN_NAMES = frozenset(normalize(w) for w in "صباح".split())


def time_word_given_name(tokens: Sequence[Token], j: int) -> int | None:
    """End of a name opened by a time-of-day word that is also a given name: the time word takes a
    day or a date after it (`صباح الأحد`, `صباح اليوم`), a given name a chain of at least two family
    names (`صباح الأحمد الجابر`), or the father's given name (pyarabic) and family names
    (`صباح جابر الأحمد`); right after a personal honorific (`الشيخ صباح الأحمد و`), one family name
    where the name ends (a time word takes no honorific)."""
    if j + 1 >= len(tokens) or tokens[j].n not in _TIME_GIVEN_NAMES or tokens[j].kind != "w":
        return None
    father = tokens[j + 1]
    end = j + 2 if _father_after_time_word(father) else j + 1
    while (
        end < min(len(tokens), j + 5)
        and tokens[end].article
        and not tokens[end].line_start
        and not _known_word(tokens[end].n)
        and _valid_name_token(tokens[end])
    ):
        end += 1
    honorific = j > 0 and tokens[j - 1].n in lx.PERSONAL_HONORIFICS
    return end if end - j >= 3 or honorific and end - j == 2 else None


def _father_after_time_word(tok: Token) -> bool:
    """`جابر` of `صباح جابر الأحمد`: a given name by pyarabic, bare, on the same line (no day or date
    word, which the lexicon knows: `صباح يوم`, `صباح الأحد`)."""
    return (
        tok.kind == "w"
        and not tok.article
        and not tok.line_start
        and is_given_name(tok.text)
        and not _known_word(tok.n)
        and _valid_name_token(tok)
    )
