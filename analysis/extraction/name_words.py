"""Which words may belong to a person's name, decided from the lexical resources rather than lists.

A name is made of given names, family names and transliterated foreign names. An ordinary word of
the language — a frequent noun, adjective or adverb (`يومي`, `موقف`, `قريبا`), a verb (`سيبحث`,
`يجري`), a particle (`بأنه`) — ends a name, or shows that what follows a title is no name at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.extraction.lexical import is_family_name, is_given_name, is_verb, reading, word_zipf

# wordfreq Zipf above which a word that qalsadi reads only as a common word is taken for one: most
# given and family names of the news are rarer or are read as proper nouns (`أردوغان` 4.4 U,
# `قاسم` 4.4); `قريبا` 5.0, `عاد` 5.1, `إعلام` 4.7 are common words.
ORDINARY_ZIPF = 4.45
# A word seen at least this often is a word of the language, not a chance string (`هدوء` 4.3, `وران` 2.2).
WORD_ZIPF = 3.5
# A definite word rarer than this after a father's name is a family name (`القبيل` 3.9, `البنيان` 3.3),
# not a noun of the sentence (`الوفد` 4.2, `المرافق` 4.2).
FAMILY_ZIPF = 4.0
# The stem of an accusative noun must be at least this common (`قائل` 3.2, `قادم` 4.3).
ACCUSATIVE_STEM_ZIPF = 3.0
_COMMON_CODES = frozenset("NSV")
_PREPOSITION_CLITICS = "بلك"
NOUN_ONLY_CLITICS = "بك"  # `ل` also opens a verb (`ليبحث`); `ب` and `ك` only a noun
_CLITIC_MARGIN = 0.45
_PARTICIPLE_RE = re.compile("م[\u0621-\u064a]{3,}ا")


# A word more common still is one of the language's everyday words (`قريبا` 5.0, `عاد` 5.1): it
# does not go on a name of two words already, where a rarer common noun may be a third name
# (`اسماعيل شفيق محسن`, `محسن` 4.5).
EVERYDAY_ZIPF = 4.9


@lru_cache(maxsize=65536)
def everyday(word: str) -> bool:
    """An ordinary word seen as often as the language's everyday words."""
    return ordinary(word) and word_zipf(word) >= EVERYDAY_ZIPF


@lru_cache(maxsize=65536)
def ordinary(word: str) -> bool:
    """A frequent common word: qalsadi reads it only as a noun, verb or particle (no proper-noun
    reading) and it is no given name."""
    codes = reading(word)
    return (
        bool(codes)
        and set(codes) <= _COMMON_CODES
        and word_zipf(word) >= ORDINARY_ZIPF
        and not is_given_name(word)
    )


@lru_cache(maxsize=65536)
def name_evidence(word: str) -> bool:
    """Something in the lexicons says the word is a name: a given or family name in pyarabic's
    lists, a proper-noun reading, or no analysis at all (a foreign name: `جنبلاط`, `العوادي`) unless
    it ends like an Arabic feminine or plural (`متجاوزة`, rare but no name)."""
    codes = reading(word)
    unanalysed = codes in ("", "U") and not word.endswith(("ة", "ات"))  # not a rare feminine or plural
    return is_given_name(word) or is_family_name(word) or "P" in codes or unanalysed


_FORM_FOUR_PERFECT_RE = re.compile("أ[\u0621-\u064a]{2}[^اوىي]")


@lru_cache(maxsize=65536)
def finite_verb(word: str) -> bool:
    """A verb in the shape of a present (`تتمحور`, `يتوجه`: `ت`/`ي` and four letters or more, qalsadi
    reads it only as a verb) or of a perfect of the fourth form (`أوفد`, `أبلغ`: `أ` written and three
    letters, which qalsadi leaves unanalysed and no lexicon calls a name; `أحمد`, `أشرف` are names).
    After a full name it is the predicate of the name, not one more word of it (`كان الرئيس X Y أوفد`)."""
    codes = reading(word)
    if word[:1] in "يت" and len(word) >= 5:
        return codes == "V"
    return (
        _FORM_FOUR_PERFECT_RE.fullmatch(word) is not None
        and codes in ("", "U")
        and not is_given_name(word)
        and not is_family_name(word)
    )


def common_phrase(words: Sequence[str]) -> bool:
    """Words of the language and no name: none is one by the lexicons (`name_evidence`), none is rare
    and one is an ordinary word (`أثناء المكالمة`, `نقل خلاله تهنئة`); not `نبيل فهمي`, whose words
    are rarer, nor `سامي المطيري`, which ends on a definite nisba, the shape of a family name."""
    return (
        not (words[-1].startswith("ال") and words[-1].endswith("ي"))
        and not any(name_evidence(w) for w in words)
        and all(word_zipf(w) >= WORD_ZIPF for w in words)
        and any(ordinary(w) for w in words)
        and (any(no_name_shape(w) for w in words) or _everyday_definite(words[-1]))
    )


def _everyday_definite(word: str) -> bool:
    """`العمل`, `الوضع`: one of the language's everyday nouns with the article, no family name (those
    of the news are rarer or are names by the lexicons: `الصباح` is a given name too)."""
    return word.startswith("ال") and everyday(word) and not is_family_name(word)


def no_name_shape(word: str) -> bool:
    """A particle or adverb (`أثناء`), a feminine or plural noun (`ضرورة`, `المكالمة`, `هجمات`) or a
    word with a pronoun (`خلاله`): shapes no man's given name or surname has (`سامي الصالح` has none)."""
    return "S" in reading(word) or word.endswith(("ة", "ات", "ه"))


def feminine_noun(word: str) -> bool:
    """`نافذة`, `متعلقة`: a word with `ة` that qalsadi reads only as a noun, seen in the news now and
    then, and no name by the lexicons: no third word of a man's name (`خليفة` is a name by pyarabic;
    `زادة`, `قصرة` have other readings)."""
    return (
        word.endswith("ة")
        and reading(word) == "N"
        and word_zipf(word) >= WORD_ZIPF
        and not name_evidence(word)
    )


@lru_cache(maxsize=65536)
def never_in_name(word: str) -> bool:
    """A verb (`سيبحث`, `ويتناول`), a particle or pronoun (`بأنه`), a common noun in the indefinite
    accusative (`رأيا`, `موقفا`: the noun `رأي` and the `-an` ending) or a participle in it (`مؤكدا`):
    never a word of a name."""
    return (
        is_verb(word)
        or reading(word) == "S"
        or _indefinite_accusative(word)
        or _circumstantial(word)
        or _preposition_noun_pronoun(word)
        or noun_and_pronoun(word)
        or _conjunction_on_noun_and_pronoun(word)
        or _unanalysed_verb_and_pronoun(word)
    )


def _unanalysed_verb_and_pronoun(word: str) -> bool:
    """`هنأه`, `أبلغه`: a verb and its object pronoun that qalsadi leaves unanalysed, while it reads the
    word without the pronoun only as a verb (not `حمده`: `حمد` is a name too)."""
    stem = word[:-1]
    return (
        word.endswith("ه")
        and len(stem) >= 3
        and reading(word) in ("", "U")
        and reading(stem) == "V"
        and not is_given_name(word)
        and not is_family_name(word)
    )


def _conjunction_on_noun_and_pronoun(word: str) -> bool:
    """`وتحياته`, `وجهودهم`: the conjunction on a noun with a possessive pronoun, which no name is
    (a name that begins with `و`, `وليد`, carries no pronoun)."""
    return word[:1] in "وف" and len(word) > 4 and noun_and_pronoun(word[1:])


_PRONOUNS = ("هما", "هم", "ها", "ه", "نا")
# `تأكيد`, `تعقيد`, `تقدير`: the verbal noun of a doubled verb (`تفعيل`), which takes `ه` as his
# (`تأكيده`, `وتعقيده`): no woman's name is written in that shape with `ه` for `ة`
_FORM_TWO_MASDAR_RE = re.compile("ت[\u0621-\u064a]{2}ي[\u0621-\u064a]")


@lru_cache(maxsize=65536)
def noun_and_pronoun(word: str) -> bool:
    """`تحياته`, `زيارتهما`, `وزرائها`, `شعبنا`: a noun of the language with a possessive pronoun, which no
    name is (not a given or family name written so; `ه` only after an open `ت`: `ماجده` may be `ماجدة`;
    `نا` not after `ي`: `مارينا`, `كريستينا` are foreign names)."""
    if is_given_name(word) or is_family_name(word) or "P" in reading(word):
        return False
    for pronoun in _PRONOUNS:
        stem = word.removesuffix(pronoun)
        if pronoun == "ه" and not (stem.endswith("ت") or _FORM_TWO_MASDAR_RE.fullmatch(stem)):
            continue  # `ماجده`, `شيخه`: names some outlets write with ه for ة (no name is `تفعيلة`)
        if pronoun == "نا" and stem.endswith("ي"):
            continue
        if stem != word and len(stem) >= 3:
            nouns = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)  # `زيارت-ه`, `تحيات-ه`
            if any("N" in reading(n) and word_zipf(n) >= WORD_ZIPF and not is_given_name(n) for n in nouns):
                return True
    return False


def _preposition_noun_pronoun(word: str) -> bool:
    """`لشكره`, `بحضوره`, `لدعوته`: a preposition, a noun of the language and a pronoun, which no
    name is (`رشاد سلامة لشكره على ...`)."""
    if word[:1] not in "بل" or len(word) < 5:
        return False
    body = word[1:]
    for pronoun in _PRONOUNS:
        if body.endswith(pronoun) and len(body) - len(pronoun) >= 3:
            stem = body[: -len(pronoun)]
            noun = stem[:-1] + "ة" if stem.endswith("ت") else stem
            if "N" in reading(noun) and word_zipf(noun) >= WORD_ZIPF and not is_given_name(noun):
                return True
    return False


def _circumstantial(word: str) -> bool:
    """`مؤكدا`, `مشيرا`, `موضحا`: an active participle in the accusative, which follows a statement
    (`قال X مؤكدا`); qalsadi reads it only as a noun and it is common (`مايا`, `مارينا` are not)."""
    return (
        _PARTICIPLE_RE.fullmatch(word) is not None and reading(word) == "N" and word_zipf(word) >= WORD_ZIPF
    )


# `مُتعلِّقة`, `مُقاتِلة` (a participle of a derived verb) and `نافِذة` (of the simple verb): the feminine
# shapes of the active and passive participles
_FEMININE_PARTICIPLE_RE = re.compile("(?:م[\u0621-\u064a]{3,}|[\u0621-\u064a]ا[\u0621-\u064a]{2})ة")


@lru_cache(maxsize=65536)
def feminine_participle(word: str) -> bool:
    """`متعلقة`, `نافذة`, `مقاتلة`: a feminine participle or adjective of the language (qalsadi reads it
    only as a noun, the news writes it), no given or family name by pyarabic. A man's father's and
    family names are no such word (`عبدربه منصور هادي متعلقة بالعلاقات`: the letter's adjective);
    a woman's given name may be (`نادية`, `سامية`: pyarabic lacks many), so the caller leaves a
    name's first word alone."""
    return (
        _FEMININE_PARTICIPLE_RE.fullmatch(word) is not None
        and reading(word) == "N"
        and word_zipf(word) >= WORD_ZIPF
        and not is_given_name(word)
        and not is_family_name(word)
    )


def _indefinite_accusative(word: str) -> bool:
    """`رأيا`, `قائلا`, `قادما`: a noun of the language (qalsadi reads the stem only as a noun, seen in
    the news at least now and then) with the accusative `-an`; not a name that ends in `ا` (`رضا`,
    `ماريا`: their stems have other readings or none)."""
    stem = word[:-1]
    return (
        word.endswith("ا")
        and len(word) > 3
        and "N" in reading(word)
        and reading(stem) == "N"
        and word_zipf(stem) >= ACCUSATIVE_STEM_ZIPF
        and not is_given_name(word)
        and not is_given_name(stem)
    )


@lru_cache(maxsize=65536)
def prepositional_phrase(word: str) -> bool:
    """`بأول`, `لموقف`, `وبمشاركة`: a preposition (after a conjunction or not) on a common word, which
    is no name and ends one before it; not `كمال`, `بسام`, whose own reading is the more common."""
    rest = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    if len(rest) <= 3 or rest[0] not in _PREPOSITION_CLITICS:
        return False
    if rest.startswith("لل") and len(rest) >= 5:
        # `للبحث`, `للمشاركة`: `ل` on the article drops its alif (`ل` + `البحث`); the noun is the word
        # with the article restored
        return ordinary("ا" + rest[1:])
    if rest[0] in NOUN_ONLY_CLITICS and "N" not in reading(rest[1:]):
        return False  # `كيري` is no `ك` + `يري`: `ب` and `ك` go on nouns, never on a verb
    if not ordinary(rest[1:]):
        return False
    if not ordinary(word) and clitic_and_article(word, rest[1:]):
        return True
    # `بمناسبة`, `بحضور`: `ب`/`ل` and a noun of four letters or more as common as the phrase, and
    # no name by the lexicons (not `ك`: `كمال`, `كريم`; nor a short stem: `باسم`, `بشار` are names)
    return (
        rest[0] in "بل"
        and len(rest) >= 5
        and word_zipf(rest[1:]) >= word_zipf(word)
        and not is_family_name(word)
        and "P" not in reading(word)
        and not is_given_name(word)
    )


def clitic_and_article(word: str, stripped: str) -> bool:
    """`والدفاع` is `و` + `الدفاع`, `ويصل` is `و` + `يصل`; `فاليري` and `فيصل` are names that merely
    start so: the clitic reading is taken when the word without it is clearly the more common one
    (a conjunction costs a common word about half a Zipf point: `وقال` 5.3, `قال` 6.0; `فيصل` 4.8,
    `يصل` 5.1)."""
    return word_zipf(stripped) >= word_zipf(word) + _CLITIC_MARGIN


@lru_cache(maxsize=65536)
def plural_of_common_noun(word: str) -> bool:
    """`تحيات`, `تطلعات`: the sound plural of a noun of the language (`تحية` + `ات`) whose singular the
    news writes clearly more often (wordfreq), so no name that merely ends so (`عرفات`, `بركات`: their
    singulars are no more common), and no name by the lexicons."""
    singular = word[:-2] + "ة"
    return (
        word.endswith("ات")
        and len(word) >= 5
        and reading(word) in ("", "N")
        and "N" in reading(singular)
        and word_zipf(singular) >= max(WORD_ZIPF, word_zipf(word) + _CLITIC_MARGIN)
        and not is_given_name(word)
        and not is_family_name(word)
    )


@lru_cache(maxsize=65536)
def noun_with_his(word: str) -> bool:
    """`قوله`, `موقفه`: a noun of the language with `ه` (his), which no man's name is; not a name
    written with `ه` for `ة` (`سلامه`, `جمعه`: names by pyarabic) nor a given name with `ه` (`ماجده`)."""
    stem = word[:-1]
    return (
        word.endswith("ه")
        and len(stem) >= 3
        and "N" in reading(stem)
        and word_zipf(stem) >= WORD_ZIPF
        and "P" not in reading(word)
        and not is_given_name(word)
        and not is_given_name(stem)
        and not is_family_name(word)
    )


def noun_after_name(word: str) -> bool:
    """A plural or a noun with `ه` of the language (`تحيات`, `قوله`): the object of the verb that a
    name is the subject of (`نقل الأمير خالد تحيات`, `عن الوزير علي يوسف قوله`), never a word of it."""
    return plural_of_common_noun(word) or noun_with_his(word)
