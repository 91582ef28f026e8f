"""Actors in a document: persons (found by the title that introduces them), organisations,
states (capitals standing for them) and places, with every mention's offsets.

Rules, not a gazetteer of people: a person is a title chain (`رئيس هيئة الحشد الشعبي`)
followed by a name, or a name after a speech verb followed by a title. Later short forms
(`الفياض`, `السيد الفياض`, `فياض`) and title-only mentions (`رئيس هيئة الحشد الشعبي`) are
linked back to the person. Known actors curated by analysts are matched by their aliases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.clean import key_variants, name_key, normalize
from analysis.extraction.lexical import reading, same_name, same_word, word_zipf
from analysis.extraction.results import ActorKind, EngagementType, ExtractedActor, KnownActor, Span

__all__ = ["ActorAnalysis", "Mention", "Token", "find_actors", "tokenize"]

_TOKEN_RE = re.compile(
    r"(?P<w>[\u0621-\u063a\u0640-\u065f\u0670-\u06d3A-Za-z]+)"
    r"|(?P<d>[0-9\u0660-\u0669\u06f0-\u06f9]+)"
    r"|(?P<p>[^\s\w\u0600-\u06ff]|[\u060c\u061b\u061f\u066a-\u066d\u06d4])"
)
_ARTICLE = "ال"
_DIACRITICS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_QUOTES = set("()\"'“”«»‘’[]")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")
_COMMAS = {"،", ","}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    n: str  # normalized
    kind: str  # "w" word, "d" digits, "p" punctuation
    article: bool = False  # written with the article `ال` (bare alef), not `أل`/`إل`


@lru_cache(maxsize=65536)
def _word_reading(word: str) -> tuple[str, bool]:
    """A token's normalized form, and whether it is written with the bare article (words recur)."""
    return normalize(word), _DIACRITICS_RE.sub("", word).startswith(_ARTICLE)


def tokenize(text: str) -> list[Token]:
    """Words, digit runs and punctuation marks with their offsets into `text`."""
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        n, article = _word_reading(word)
        tokens.append(Token(word, m.start(), m.end(), n, m.lastgroup or "p", article))
    return tokens


@dataclass(slots=True)
class Mention:
    """One stretch of text that denotes an actor (tokens `first..last`, inclusive)."""

    actor: str
    kind: ActorKind
    first: int
    last: int
    start: int  # offsets of the name (or of the whole mention when it has no title)
    end: int
    title_first: int | None = None  # a title chain before the name, when there is one
    embedded: bool = False  # inside another actor's title or name: not an engagement party
    title_only: bool = False


@dataclass(slots=True)
class ActorAnalysis:
    actors: list[ExtractedActor]
    mentions: list[Mention]  # sorted by position
    tokens: list[Token]


@dataclass(slots=True)
class _Record:
    name: str
    kind: ActorKind
    key: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    surname: tuple[str, ...] = ()
    first_name: str = ""
    known: bool = False


# ---------------------------------------------------------------------------------------------
# small predicates


@lru_cache(maxsize=65536)
def _forms(n: str) -> tuple[str, ...]:
    """The token and its clitic-stripped readings, most literal first."""
    out = [n]
    if n.startswith(("ولل", "فلل")) and len(n) > 4:
        out.append(_ARTICLE + n[3:])
    elif n.startswith("لل") and len(n) > 3:
        out.append(_ARTICLE + n[2:])
    if len(n) > 3 and n[0] in "وف":
        out.append(n[1:])
        if len(n) > 4 and n[1] in "بل":
            out.append(n[2:])
    if len(n) > 3 and n[0] in "بلك":
        out.append(n[1:])
    return tuple(dict.fromkeys(out))


def _definite(n: str) -> str | None:
    """The article-bearing reading of a token (`والدفاع` -> `الدفاع`), or None."""
    for f in _forms(n):
        if f.startswith(_ARTICLE) and len(f) > 3:
            return f
    return None


def _is_stop(n: str) -> bool:
    return n in lx.STOPWORDS or (n[:1] in "وف" and n[1:] in lx.STOPWORDS)


def _is_trigger(n: str) -> bool:
    return any(f in lx.TRIGGERS for f in _forms(n))


def _is_geo(n: str) -> bool:
    return any(f in _GEO_SINGLE for f in _forms(n))


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
        and (n.startswith(("لل", "ولل", "فلل")) or name_words.clitic_and_article(tok.text, definite))
    ):
        return False  # `للجيش`, `والدفاع`: a preposition or conjunction and the article (not `فاليري`)
    for f in _forms(n):
        if f in lx.TITLE_WORDS or f in lx.ORG_HEADS:
            return False
        if f in lx.PERSON_TITLE_HEADS or f in lx.SPEECH_VERBS:
            return False
    if n in lx.TITLE_WORDS or n in lx.DEMONYM_FORMS or n in lx.ORG_HEADS or _is_geo(n):
        return False
    return True


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


def _head_at(tokens: Sequence[Token], i: int) -> int:
    """Number of tokens a person-title head at `i` takes (0 when there is none)."""
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "title"):
        return 0
    for f in _forms(tok.n):
        if f in lx.PERSON_TITLE_HEADS:
            need = lx.HEAD_NEEDS_NEXT.get(f)
            if need is None:
                optional = lx.HEAD_OPTIONAL_NEXT.get(f)
                if optional and i + 1 < len(tokens) and tokens[i + 1].n in optional:
                    return 2
                return 1
            if i + 1 < len(tokens) and tokens[i + 1].n in need:
                return 2
            return 0
    return 0


def _parse_name(tokens: Sequence[Token], j: int, *, article_first: bool = False) -> int | None:
    """End (exclusive) of a personal name starting at `j`: two to five words, joined by
    connectors (`بن`, `آل`, `بو`, `عبد`), the last one possibly with the article
    (`فالح الفياض`, `ثابت محمد سعيد العباسي`, `محمد الصالح بن بيشة`). A name longer than
    two bare words must end at a clear boundary. `article_first`: after a military rank a
    given name may carry the article (`الفريق أول السعيد شنقريحة`)."""
    n_tok = len(tokens)
    units = 0
    bare = 0
    k = j
    while k < n_tok and units < 5:
        tok = tokens[k]
        if tok.kind != "w":
            break
        if tok.n in lx.NAME_CONNECTORS and k + 1 < n_tok:
            q = k + 1
            while q < n_tok and tokens[q].n in lx.NAME_CONNECTORS and q - k < 3:
                q += 1
            nxt = tokens[q] if q < n_tok else None
            if (
                nxt is None
                or nxt.kind != "w"
                or _stop_token(nxt)
                or _is_trigger(nxt.n)
                or tokens[q - 1].n != "عبد"
                and any(f in lx.PERSON_TITLE_HEADS for f in _forms(nxt.n))
                and not (nxt.n in lx.TITLES_AS_SURNAMES and _ends_name_here(tokens, q + 1))
                or not (nxt.article or _valid_name_token(nxt) or k > j)
            ):
                break
            if units >= 2 and not _name_ends_after(tokens, q + 1) and not _tail_ends(tokens, q + 1, 1):
                break
            k = q + 1
            units += 1
            bare += 1
            continue
        if tok.article:
            if units == 0:
                if not (
                    article_first
                    and not _known_word(tok.n)
                    and tok.n not in lx.TITLE_WORDS
                    and k + 1 < n_tok
                    and tokens[k + 1].kind == "w"
                    and not tokens[k + 1].article
                    and _valid_name_token(tokens[k + 1])
                ):
                    break
                k += 1
                units += 1
                bare += 1
                continue
            if tok.n == "الله" and units >= 1 and tokens[k - 1].n not in lx.NAME_CONNECTORS:
                k += 1  # `حسن نصر الله`, `محمد حسين فضل الله`: a compound with the divine name
                units += 1
                continue
            if tok.n in _REGNAL_ORDINALS and units >= 1 and _name_ends_after(tokens, k + 1):
                k += 1  # `عبد الله الثاني،`, `محمد السادس`: a sovereign's ordinal closes the name
                units += 1
                break
            if tok.n in lx.TITLES_AS_SURNAMES and units >= 1 and _ends_name_here(tokens, k + 1):
                k += 1  # `علي الأمين أن`, `ولد محمد الأمين،`: a family name, not a new title
                units += 1
                break
            if _is_stop(tok.n) or _is_trigger(tok.n) or tok.n in lx.PERSON_TITLE_HEADS:
                break
            if (
                tok.n in lx.TITLE_WORDS
                or _is_geo(tok.n)
                or tok.n.endswith("ات")
                or tok.n in lx.NON_NAME_NOUNS
            ):
                break  # `العلاقات`, `التطورات`: a plural noun, not a family name
            if bare >= 2 and not tok.n.endswith("ي"):
                break  # after two given names only a nisba (`محمد شياع السوداني`), not `... المعرض`
            nxt = tokens[k + 1] if k + 1 < n_tok else None
            if (
                nxt is not None
                and nxt.kind == "w"
                and nxt.article
                and not _known_word(nxt.n)
                and (tokens[j].n[:1] in "لب" or bare >= 2 and nxt.n.endswith(("ي", "يه")))
            ):
                # a noun and its adjective (`الجوانب الرئيسية`) after a full name, or a
                # preposition's phrase (`لتعزيز التعاون العسكري`): not a surname
                break
            k += 1
            units += 1
            if k < n_tok and tokens[k].n in lx.NAME_CONNECTORS and units < 4:
                continue  # `محمد الصالح بن بيشة`: the name goes on after a connector
            e = k
            while e < n_tok and units + e - k < 5 and _family_word(tokens[e]):
                e += 1
            if e > k and _name_ends_after(tokens, e):
                units += e - k  # `مشعل الأحمد الجابر الصباح`: a chain of family names
                k = e
            break
        given_before_bin = units == 0 and k + 1 < n_tok and tokens[k + 1].n in ("بن", "ابن")  # `ثاني بن أحمد`
        if (
            not (_valid_name_token(tok) or units > 0 and tok.n in _NAME_OR_TITLE or given_before_bin)
            or bare >= 4
        ):
            break
        if tok.n in lx.TOUR_NOUNS:
            break  # `بارو جولته`: a possessed noun, not a family name
        if (
            units == 0
            and (
                re.match(r"^[وف][يتن]\w{2,}(?:ان|ون|ين|وا|ا)$", tok.n)
                or re.match(r"^[يت]\w{3,}(?:ان|ون)$", tok.n)
            )
            or re.match(r"^[وف][يت]\w{3,}ان$", tok.n)  # a dual present verb, never `ويلسون`
        ):
            break  # `ويبحثان`, `ويتناولا`, `يبحثان`, `كوريا ويشهدان`: a verb, not a name
        if (
            units == 1
            and tok.n[:1] in "بل"
            and len(tok.n) > 3
            and (
                tokens[j].n[:1] in "يت"
                and (tok.n.endswith("ه") or tok.n[1:].startswith(_ARTICLE))
                or name_words.ordinary(tokens[j].text)
                and "V" in reading(tokens[j].text)
                and word_zipf(tok.text[1:]) >= name_words.WORD_ZIPF  # not `جان لوران`
            )
        ):
            break  # `يقوم بجولة`, `عاد بهدوء`: a verb and its prepositional phrase
        if bare >= 2 and (
            tok.n[:1] == "و"
            or _CLITIC_MASDAR_RE.match(tok.n)
            or name_words.ordinary(tok.text)  # `عبد الله غل قريبا`, `كينيث ماكنزي عاد`
            or not _tail_ends(tokens, k + 1, 3 - bare)
        ):
            break  # a third or fourth bare word only when the name clearly ends soon after
        k += 1
        units += 1
        bare += 1
    if units < 2 or all(name_words.ordinary(t.text) and t.n not in lx.NAME_CONNECTORS for t in tokens[j:k]):
        return None  # `إعلام الوزارة`, `مكافحة الإرهاب`: common words, no name (`عبد الله الثاني` is one)
    return k


# Verbs of meeting, visiting and calling (with و/ف): a bare name right after one, followed by
# the title of the person met, is the subject.
_CONTACT_VERBS = frozenset(
    prefix + form
    for form, (etype, verb) in lx.TRIGGERS.items()
    if verb
    and etype in (EngagementType.MEETING, EngagementType.TALKS, EngagementType.VISIT, EngagementType.CALL)
    for prefix in ("", "و", "ف")
)


def _bare_name_ok(tokens: Sequence[Token], verb: int, end: int) -> bool:
    """A name with no title, in a place only a person's name takes: between a speech verb and
    `أن`/`إن`/`خلال`/`في` (`وأكد علي الأمين أن`), or between `كان` and `قد` (`وكان X قد زار`)."""
    if any(f in lx.SPEAKER_NOUNS for f in _forms(tokens[verb + 1].n)) or _geo_at(tokens, verb + 1):
        return False  # `وقال شهود عيان`, `وكانت سلطنة عمان قد`
    if any(
        tokens[k].n in lx.DEMONYM_FORMS or _is_geo(tokens[k].n) or tokens[k].n.endswith("ات")
        for k in range(verb + 1, end)
    ):
        return False  # a place, a nationality or a plural (`عشرات المتظاهرين`) is no name
    if end >= len(tokens):
        return False
    nxt = tokens[end].n
    if tokens[verb].n in lx.AUXILIARY_KANA:
        return nxt == "قد"
    if tokens[verb].n in _CONTACT_VERBS:
        return _head_at(tokens, end) > 0  # `والتقى جبران باسيل السفير الأمريكي`
    if tokens[end].text in _COMMAS and end + 1 < len(tokens):
        nxt = tokens[end + 1].n
    return nxt in lx.BARE_NAME_FOLLOWERS


def _ends_name_here(tokens: Sequence[Token], k: int) -> bool:
    """Nothing name-like follows: the end, punctuation, a stop word or a verb's complement."""
    if k >= len(tokens) or tokens[k].kind != "w":
        return True
    n = tokens[k].n
    if n in ("العام", "العامه", "عام", "عامه"):
        return False  # `الأمين العام`
    if not tokens[k].article and any(f in lx.PERSON_TITLE_HEADS for f in _forms(n)):
        return True  # `محمد الأمين وزير ...`: an apposition follows
    return _is_stop(n) or _is_trigger(n) or n in lx.SPEECH_VERBS or n in lx.NON_NAME_NOUNS


def _family_word(tok: Token) -> bool:
    """An article-bearing word that may continue a Gulf-style chain of family names."""
    n = tok.n
    return (
        tok.kind == "w"
        and tok.article
        and not _known_word(n)
        and n not in lx.NON_NAME_NOUNS
        and n not in lx.TITLE_WORDS
        and n not in lx.INSTITUTION_WORDS
        and _strip_article(n) not in lx.TITLE_WORDS
        and _strip_article(n) not in lx.ORG_HEADS
        and not n.endswith(("ات", "ه", "ون", "ين"))
    )


# `باجتياح`, `بإرسال`, `لاستئناف`: a preposition and a verbal noun, the verb's complement
_CLITIC_MASDAR_RE = re.compile(r"^[بل](?:ا\wت\wا\w|است\w\wا\w|ا\w\wا\w)ه?$")
_NAME_OR_TITLE = frozenset(normalize(w) for w in "أمير امير ملك".split())  # `حسين أمير عبداللهيان`
_REGNAL_ORDINALS = frozenset(normalize(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع".split())
# A comma, or the semicolon some outlets write for one (`سفير العراق لدى طهران؛ نصير عبدالمحسن،`), between
# a title and its name.
_TITLE_NAME_SEPARATORS = {*_COMMAS, "؛"}


def _tail_ends(tokens: Sequence[Token], k: int, budget: int) -> bool:
    """The name may close at `k`, or after at most `budget` more bare words and a surname."""
    if _name_ends_after(tokens, k):
        return True
    tok = tokens[k]
    if tok.kind != "w" or _known_word(tok.n) or tok.n in lx.NON_NAME_NOUNS:
        return False
    if tok.article:
        # a nisba surname (`العباسي`) or an adjective of the phrase around the name (`المرتقبة`);
        # any other definite noun is more likely the object (`دعم الحوار`)
        return tok.n.endswith(("ي", "ه"))
    if budget <= 0 or tok.n[:1] == "و" or not _valid_name_token(tok):
        return False
    return _tail_ends(tokens, k + 1, budget - 1)


def _name_ends_after(tokens: Sequence[Token], k: int) -> bool:
    if k >= len(tokens):
        return True
    tok = tokens[k]
    return (
        tok.kind != "w"
        or _is_stop(tok.n)
        or _is_trigger(tok.n)
        or _is_geo(tok.n)
        or (tok.n[:1] == "و" and len(tok.n) > 3)
        or any(f in lx.PERSON_TITLE_HEADS for f in _forms(tok.n))
        or tok.n in lx.NON_NAME_NOUNS
        or name_words.prepositional_phrase(tok.text)  # `أردوغان بأول زيارة`
    )


_CLOSERS = {"(": ")", "«": "»", "“": "”", '"': '"', "'": "'", "[": "]"}


def _closing(tokens: Sequence[Token], j: int, reach: int = 6) -> int | None:
    """Index of the mark closing the quote or parenthesis opened at `j`, within `reach` tokens."""
    want = _CLOSERS.get(tokens[j].text)
    if want is None:
        return None
    for k in range(j + 1, min(j + reach + 2, len(tokens))):
        if tokens[k].text == want:
            return k
        if tokens[k].kind == "p" and tokens[k].text not in "-/":
            return None
    return None


def _skip_quotes(tokens: Sequence[Token], k: int) -> int:
    while k < len(tokens) and tokens[k].kind == "p" and tokens[k].text in _QUOTES:
        k += 1
    return k


def _parse_title(tokens: Sequence[Token], i: int) -> tuple[int, int | None, int | None]:
    """From a title head at `i`: (end of the title chain, name start, name end)."""
    n_tok = len(tokens)
    j = i + _head_at(tokens, i)
    title_end = j
    while j < n_tok:
        tok = tokens[j]
        if tok.kind == "p":
            if tok.text in _QUOTES:
                close = _closing(tokens, j)
                prev_n = tokens[j - 1].n if j > i else ""
                if (
                    close is not None
                    and tokens[j + 1].kind == "w"
                    and (tok.text == "(" or any(f in lx.ORG_HEADS for f in _forms(prev_n)))
                    and _parse_name(tokens, close + 1) is not None
                ):
                    # `(سي آي إيه)`, `لشركة "بايكار"`: part of the title, never the name
                    j = close + 1
                    title_end = j
                    continue
                j += 1
                continue
            if tok.text in _TITLE_NAME_SEPARATORS:
                k = _skip_quotes(tokens, j + 1)
                if k < n_tok and tokens[k].n in lx.ADDRESS_HONORIFICS:
                    break  # `، سعادة Y`: the next person
                if k < n_tok and _head_at(tokens, k) and not tokens[k].n.startswith(("و", "ف")):
                    j = k + _head_at(tokens, k)
                    title_end = j
                    continue
                if k < n_tok:
                    end = _parse_name(tokens, k)
                    if end is not None:
                        return title_end, k, end
            break
        if tok.kind != "w":
            break
        n = tok.n
        if n[:1] in "وف" and n[1:] in lx.PERSON_TITLE_HEADS and not n[1:].startswith(_ARTICLE):
            break  # `ورئيس ...`: the next person of a list begins
        if (
            tok.article
            and j - i >= 2
            and n in lx.PERSON_TITLE_HEADS
            and n not in lx.RANKS
            and n not in _PERSONAL_HONORIFICS
            and j + 1 < n_tok
            and tokens[j + 1].n in lx.DEMONYM_FORMS
        ):
            break  # `رئيس الوفد الوطني السفير الروسي ...`: a second person's title begins
        if not tok.article and not _agreeing_adjective(tokens, i, j):
            end = _parse_name(tokens, j)
            if end is None and _single_name_at(tokens, j):
                end = j + 1  # `للرئيس أوباما`, `الرئيس الأمريكي ترامب`: one foreign name
        elif j > i and tokens[j - 1].n in lx.RANKS:
            end = _parse_name(tokens, j, article_first=True)
        else:
            end = None
        if end is not None and n not in lx.TITLE_WORDS:
            prev = tokens[j - 1]
            if (
                prev.kind == "w"
                and not prev.article
                and (prev.n in _REGION_WORDS or any(f in lx.ORG_HEADS for f in _forms(prev.n)))
                and _parse_name(tokens, j + 1) is not None
            ):
                j += 1  # `رئيس حكومة إقليم كوردستان مسرور بارزاني`: the genitive names a place
                title_end = j
                continue
            return title_end, j, end
        if (
            not tok.article
            and j + 1 < n_tok
            and tokens[j + 1].n in ("بن", "ابن")
            and (end := _parse_name(tokens, j)) is not None
        ):
            return title_end, j, end  # `الدكتور ثاني بن أحمد الزيودي`: a given name before بن
        forms = _forms(n)
        if any(
            f in lx.TITLE_WORDS or f in lx.PERSON_TITLE_HEADS or f in lx.DEMONYM_FORMS for f in forms
        ) or _is_geo(n):
            j += 1
            title_end = j
            continue
        if n in ("في", "لدي", "الي", "الى"):
            k = j + 1
            geo = _geo_at(tokens, k) if k < n_tok and tokens[k].kind == "w" else None
            if geo is not None and geo[0] - k >= 2:
                j = title_end = geo[0]  # `في الجمهورية الإسلامية الإيرانية`, `في سلطنة عمان`: the whole name
                continue
            if (
                k < n_tok
                and tokens[k].kind == "w"
                and (
                    _is_geo(tokens[k].n)
                    or tokens[k].n in lx.TITLE_WORDS
                    or tokens[k].n in lx.INSTITUTION_WORDS
                    or (tokens[k].article and _strip_article(tokens[k].n) in lx.ORG_HEADS)
                )
            ):
                j = k
                continue
            break
        definite = _definite(n)
        if definite and not _is_stop(n) and not _is_trigger(n) and n not in lx.STOPWORDS:
            j += 1
            title_end = j
            continue
        if (
            n in lx.TITLE_TIME_WORDS
            and j > i + 1
            and j + 1 < n_tok
            and _parse_name(tokens, j + 1) is not None
        ):
            j += 1  # `أمين المجلس الأعلى آنذاك علي شمخاني`
            title_end = j
            continue
        break
    return title_end, None, None


def _described_person_at(tokens: Sequence[Token], i: int) -> bool:
    """`المغني الكردي`, `الفنان العراقي`: a definite noun of no title list and a masculine nisba
    adjective, which describe the person named right after them."""
    if i + 2 >= len(tokens) or tokens[i + 1].kind != "w" or not tokens[i + 1].article:
        return False
    noun, adjective = tokens[i].n, tokens[i + 1].n
    return (
        adjective.endswith("ي")  # masculine singular, as a person's description is (not `القوات الروسية`)
        and len(adjective) > 4
        and not _known_word(noun)
        and not _reads_as(noun, "org")
        and not _reads_as(noun, "definite_org")
        and noun not in lx.INSTITUTION_WORDS
        and not _is_geo(adjective)
    )


def _clitic_first(tok: Token) -> bool:
    """`وتراجع`, `لإيجاد`: a conjunction or preposition on a more common word, no given name."""
    rest = tok.text[1:]
    return (
        tok.n[:1] in "وفلب"
        and word_zipf(rest) >= name_words.WORD_ZIPF
        and name_words.clitic_and_article(tok.text, rest)
    )


def _second_of_pair(tokens: Sequence[Token], head: int, end: int) -> tuple[int, int] | None:
    """After a title in the dual (`وزيرا`, `رئيسا`) and a first name ending at `end`, the second
    name joined by `و` (quotes around either allowed): its (start, end)."""
    if not any(f in lx.DUAL_HEADS for f in _forms(tokens[head].n)):
        return None
    k = _skip_quotes(tokens, end)
    if k >= len(tokens) or tokens[k].n != "و":
        return None
    start = _skip_quotes(tokens, k + 1)
    second = _parse_name(tokens, start) if start < len(tokens) else None
    return (start, second) if second is not None else None


def _single_speaker_at(tokens: Sequence[Token], j: int) -> bool:
    """One foreign word right after a speech verb and before a colon or `أن`/`إن`: its speaker."""
    if j + 1 >= len(tokens) or not (tokens[j + 1].text == ":" or tokens[j + 1].n in _THAT):
        return False
    tok = tokens[j]
    codes = reading(tok.text)
    return (
        _valid_name_token(tok)
        and (codes in ("", "U") or "P" in codes)
        and not name_words.ordinary(tok.text)
        and not any(f in lx.SPEAKER_NOUNS for f in _forms(tok.n))
    )


_THAT = frozenset(normalize(w) for w in "أن إن بأن".split())


def _single_name_at(tokens: Sequence[Token], j: int) -> bool:
    """A name of one word right after a title head (and its nationality): a word qalsadi does not
    analyse or reads as a proper noun, no common word, and nothing name-like after it."""
    tok = tokens[j]
    before = j - 2 if tokens[j - 1].n in lx.DEMONYM_FORMS else j - 1
    if before < 0 or not _head_at(tokens, before) or not _valid_name_token(tok):
        return False
    codes = reading(tok.text)
    if not (codes in ("", "U") or "P" in codes) or name_words.ordinary(tok.text):
        return False
    nxt = j + 1
    return nxt >= len(tokens) or tokens[nxt].kind != "w" or not _valid_name_token(tokens[nxt])


def _agreeing_adjective(tokens: Sequence[Token], i: int, j: int) -> bool:
    """`مساعدة سخية`: right after an indefinite feminine head, a feminine word is its adjective (the
    head is a noun, `assistance`), not a name."""
    head = tokens[i]
    return j == i + 1 and not head.article and head.n.endswith("ه") and tokens[j].n.endswith("ه")


_PERSONAL_HONORIFICS = frozenset(
    normalize(w)
    for w in "الأمير الأميرة الشيخ الشيخة السيد السيدة الدكتور الأستاذ الحاج الملك السلطان".split()
)
_REGION_WORDS = frozenset(
    normalize(w) for w in "إقليم اقليم محافظة ولاية منطقة مدينة جمهورية دولة بلدية".split()
)


_LOOSE_G = str.maketrans({"غ": "ج", "ك": "ج"})


def _loose(key: str) -> str:
    """A surname key with the letters that spell a foreign g folded together."""
    return key.translate(_LOOSE_G)


def _variant_surname(
    n: str, by_ends: dict[str, list[tuple[str, list[_Record]]]]
) -> tuple[dict[int, _Record], str]:
    """The persons whose surname (five letters or more) the token spells another way — a long vowel
    more or less, a letter changed (`ماكسيموف`, `ماكسيوف` for `مكسيموف`), compared by rapidfuzz —
    and the reading of the token (without its clitic) that matched. `by_ends`: the loose surnames
    by their first and last letters, which a variant keeps."""
    for form in _forms(n):
        v = _loose(_strip_article(form))
        found = {
            id(r): r
            for surname, recs in by_ends.get(v[:1] + v[-1:], ())
            if abs(len(v) - len(surname)) <= 2 and same_word(v, surname)
            for r in recs
        }
        if found:
            return found, form
    return {}, n


@lru_cache(maxsize=65536)
def _loose_variants(n: str) -> tuple[str, ...]:
    """`_loose` of each of a token's `key_variants` (asked of every word of a document)."""
    return tuple(dict.fromkeys(_loose(v) for v in key_variants(n)))


_ENVOYS = frozenset(normalize(w) for w in "موفد مبعوث ضيف زاير".split())


def _by_nationality(people, head: str, adjective: str) -> list[_Record]:
    """`الموفد الأميركي`, `الوزير التركي`: the one person of the document whose title has that
    nationality (and that office, unless the head is a generic envoy word)."""
    state = lx.DEMONYM_FORMS.get(adjective)
    if state is None:
        return []
    stem = _strip_article(head)
    found = []
    for rec in people:
        words = [w for t in rec.titles for w in normalize(t).split()]
        if not any(lx.DEMONYM_FORMS.get(w) == state for w in words):
            continue
        if stem in _ENVOYS or any(stem in _strip_article(w) for w in words):
            found.append(rec)
    return found


def _apposition(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """A title without a name right after a name (`كوريلا قائد القيادة المركزية`,
    `شنقريحة، رئيس أركان الجيش`): (start, end) of that title, or None. Without a comma only
    a head in the construct state, so a definite title-only object (`السفير الأمريكي`) is not taken."""
    n_tok = len(tokens)
    comma = k < n_tok and tokens[k].text in _COMMAS
    a = k + 1 if comma else k
    if a >= n_tok or tokens[a].kind != "w" or tokens[a].n not in lx.PERSON_TITLE_HEADS:
        return None
    if not comma and tokens[a].article:
        return None
    title_end, name_first, _ = _parse_title(tokens, a)
    if name_first is not None and not comma:
        # `محمد بن سلمان ولي العهد رئيس مجلس الوزراء، رئيس وزراء ماليزيا أنور إبراهيم`: the title
        # right after a name is that name's; the one after the comma opens the next person
        cut = next((c for c in range(a + 2, name_first) if tokens[c].text in _COMMAS), None)
        if cut is None or cut + 1 >= n_tok or not _head_at(tokens, cut + 1):
            return None  # `أمين عام الأمم المتحدة، سامي المطيري`: a title and, after the comma, its name
        return a, cut
    if name_first is not None or title_end - a < 2:
        return None
    if comma and not (title_end >= n_tok or tokens[title_end].kind == "p"):
        return None  # `، رئيس الوزراء يستقبل`: not a closed apposition
    return a, title_end


# Prepositions after which a name may stand with its title after it (`رسالة من X، رئيس الوزراء`).
_NAME_OPENERS = frozenset(normalize(w) for w in "من مع إلى الى عن لدى بين عند".split())


def _title_after_name(tokens: Sequence[Token], end: int, *, comma: bool) -> tuple[int, int, int] | None:
    """The title in apposition after a name ending at `end` (after a comma, or, when `comma` is
    False, also right after it): (title start, title end, where the scan goes on). When the title
    ends in another person's name (`مستشار رئيس الوزراء العراقي نوري المالكي`) the scan goes on at
    the inner title (`رئيس ...`) to find that person."""
    n_tok = len(tokens)
    has_comma = end < n_tok and tokens[end].text in _COMMAS
    if comma and not has_comma:
        return None
    k = end + 1 if has_comma else end
    if k >= n_tok or not _head_at(tokens, k):
        return None
    title_end, name_first, _ = _parse_title(tokens, k)
    if name_first is None:
        return (k, title_end, title_end) if title_end - k >= 2 else None
    inner = next((h for h in range(k + 1, name_first) if _head_at(tokens, h)), None)
    return (k, name_first, inner) if inner is not None else None


def _span_text(text: str, tokens: Sequence[Token], a: int, b: int) -> str:
    return text[tokens[a].start : tokens[b - 1].end]


_PATRONYMIC_CONNECTORS = frozenset(normalize(w) for w in "بن ابن بنت ولد".split())


def _strip_clitic_offset(tok: Token, bare: str) -> int:
    """Characters of `tok.text` taken by a clitic, given the reading `bare` of it."""
    extra = len(tok.n) - len(bare)
    if extra <= 0:
        return 0
    seen = 0
    for idx, ch in enumerate(tok.text):
        if normalize(ch):
            seen += 1
        if seen == extra:
            return idx + 1
    return 0


# ---------------------------------------------------------------------------------------------
# geography


def _geo_tables() -> tuple[dict[tuple[str, ...], tuple[str, ActorKind]], frozenset[str]]:
    table: dict[tuple[str, ...], tuple[str, ActorKind]] = {}
    for canonical, others in lx.STATES.items():
        for form in (canonical, *others):
            table[tuple(normalize(form).split())] = (canonical, ActorKind.STATE)
    for place in (*lx.PLACES, *lx.PLACE_PHRASES):
        table.setdefault(tuple(normalize(place).split()), (place, ActorKind.PLACE))
    for variant, place in lx.PLACE_VARIANTS.items():
        table.setdefault(tuple(normalize(variant).split()), table[tuple(normalize(place).split())])
    singles = frozenset(k[0] for k in table if len(k) == 1)
    return table, singles


_GEO, _GEO_SINGLE = _geo_tables()
_GEO_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in sorted(_GEO, key=len, reverse=True):
    _GEO_FIRST.setdefault(_key[0], []).append(_key)


@lru_cache(maxsize=65536)
def _reads_as(n: str, role: str) -> bool:
    """Whether one of the word's readings (`_forms`) can open a person title (`title`), an
    organisation (`org`), a definite group (`definite_org`) or a state/place name (`geo`).

    The token scanners ask this of every word of a document; the answer depends on the word alone."""
    forms = _forms(n)
    if role == "title":
        return any(f in lx.PERSON_TITLE_HEADS for f in forms)
    if role == "org":
        return any(f in lx.ORG_HEADS for f in forms)
    if role == "definite_org":
        return bool(_DEFINITE_ORG_STEMS.search(n)) and any(f in lx.DEFINITE_ORG_HEADS for f in forms)
    if role == "geo":
        return any(f in _GEO_FIRST for f in forms)
    raise ValueError(role)


def _geo_at(tokens: Sequence[Token], i: int) -> tuple[int, str, ActorKind, int] | None:
    """(end, canonical, kind, clitic chars) of a state or place named at token `i`."""
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "geo"):
        return None
    for f in _forms(tok.n):
        for key in _GEO_FIRST.get(f, ()):
            size = len(key)
            if i + size > len(tokens):
                continue
            if all(tokens[i + s].kind == "w" and tokens[i + s].n == key[s] for s in range(1, size)):
                hit = _GEO[key]
                return i + size, hit[0], hit[1], _strip_clitic_offset(tok, f)
    return None


# ---------------------------------------------------------------------------------------------
# the analysis


class _Table:
    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}
        self.every_key: dict[str, _Record] = {}  # keys a record was ever filed under

    def add(self, name: str, kind: ActorKind, key: str | None = None) -> _Record:
        key = key or name_key(name)
        rec = self.records.get(key)
        if rec is None:
            rec = _Record(name=name, kind=kind, key=key)
            self.records[key] = rec
            self.every_key[key] = rec
        elif name != rec.name and name not in rec.aliases:
            rec.aliases.append(name)
        return rec


@lru_cache(maxsize=200_000)
def _known_keys(known: KnownActor) -> tuple[tuple[str, ...], ...]:
    """The name keys of a known actor's name and aliases, as token tuples; kept across documents."""
    keys = (name_key(form) for form in (known.name, *known.aliases))
    return tuple(tuple(key.split()) for key in keys if key)


_KnownIndex = tuple[dict[str, list[tuple[int, int, tuple[str, ...]]]], dict[str, int]]
# The last known-actors tuple and its index: ingestion passes the same actors document after document.
_LAST_KNOWN: list = [None, ({}, {})]


def _known_index(known_actors: Sequence[KnownActor]) -> _KnownIndex:
    """First key token -> [(known actor's position, key's position, key)], and for persons each full key ->
    the position of the first known actor that has it.

    Kept between calls: when the next tuple keeps the previous one's actors (the same objects) and only
    appends actors or replaces one with a version that has more aliases, the index is extended, not rebuilt.
    """
    if not known_actors:
        return {}, {}
    last, (by_first, person_keys) = _LAST_KNOWN
    if last is known_actors:
        return by_first, person_keys
    changed = _known_changes(last, known_actors)
    if changed is None:
        last, by_first, person_keys, changed = None, {}, {}, range(len(known_actors))
    for a in changed:
        known = known_actors[a]
        before = set(_known_keys(last[a])) if last is not None and a < len(last) else set()
        is_person = ActorKind(known.kind) == ActorKind.PERSON
        for b, key in enumerate(_known_keys(known)):
            if key in before:
                continue
            by_first.setdefault(key[0], []).append((a, b, key))
            full = " ".join(key)
            if is_person and (full not in person_keys or a < person_keys[full]):
                person_keys[full] = a
    if isinstance(known_actors, tuple):
        _LAST_KNOWN[:] = [known_actors, (by_first, person_keys)]
    return by_first, person_keys


def _known_changes(last: Sequence[KnownActor] | None, new: Sequence[KnownActor]) -> list[int] | None:
    """Positions to (re)index when `new` grows `last`: appended actors, and actors replaced by a version with
    the same name and kind and more aliases. None when the index must be rebuilt."""
    if not isinstance(last, tuple) or not isinstance(new, tuple) or len(new) < len(last):
        return None
    changed = [a for a, (old, cur) in enumerate(zip(last, new, strict=False)) if old is not cur]
    for a in changed:
        old, cur = last[a], new[a]
        if (old.name, old.kind) != (cur.name, cur.kind) or cur.aliases[: len(old.aliases)] != old.aliases:
            return None
    return changed + list(range(len(last), len(new)))


def find_actors(
    text: str, *, known_actors: Sequence[KnownActor] = (), tokens: list[Token] | None = None
) -> ActorAnalysis:
    """Every actor the rules or the known actors find in `text`, with their mentions."""
    tokens = tokens if tokens is not None else tokenize(text)
    n_tok = len(tokens)
    covered = [False] * n_tok  # token belongs to a person's name or title
    persons: list[tuple[int, int, int, int]] = []  # (title_first, title_end, name_first, name_end)
    after_titles: dict[int, tuple[int, int]] = {}  # name_first -> a title in apposition after the name
    title_only: list[tuple[int, int]] = []

    i = 0
    while i < n_tok:
        tok = tokens[i]
        if tok.kind == "w" and _head_at(tokens, i):
            title_end, name_first, name_end = _parse_title(tokens, i)
            if name_first is not None and name_end is not None:
                persons.append((i, title_end, name_first, name_end))
                second = _second_of_pair(tokens, i, name_end)
                if second is not None:
                    # `رئيسا روسيا وسوريا، «X» و«Y»`: the second name's mention starts at the name
                    persons.append((second[0], second[0], *second))
                    i = second[1]
                    continue
                i = name_end
                post = _apposition(tokens, name_end)
                if post is not None:
                    after_titles[name_first] = post
                    i = post[1]
                continue
            if title_end - i >= 2:
                title_only.append((i, title_end))
            i = max(title_end, i + 1)
            continue
        if tok.kind == "w" and (
            tok.n in lx.SPEECH_VERBS or tok.n in lx.AUXILIARY_KANA or tok.n in _CONTACT_VERBS
        ):
            end = _parse_name(tokens, i + 1)
            if end is None and tok.n in lx.SPEECH_VERBS and _single_speaker_at(tokens, i + 1):
                persons.append((i + 1, i + 1, i + 1, i + 2))  # `وقال أوباما:`: a foreign name alone
                i += 2
                continue
            if end is not None and _bare_name_ok(tokens, i, end):
                # `وأكد علي الأمين أن`, `وكان وليد جنبلاط قد`: a name with no title at all
                persons.append((i + 1, i + 1, i + 1, end))
                i = end
                continue
            after = (
                _title_after_name(tokens, end, comma=False)
                if end is not None and tok.n in lx.SPEECH_VERBS
                else None
            )
            if after is not None:
                persons.append((after[0], after[1], i + 1, end))  # `وقال X رئيس كتلة ...`
                i = after[2]
                continue
        if tok.article and _described_person_at(tokens, i) and not _clitic_first(tokens[i + 2]):
            end = _parse_name(tokens, i + 2)
            if end is not None:
                persons.append((i, i + 2, i + 2, end))  # `المغني الكردي X`, `الفنان العراقي X`
                i = end
                continue
        if (
            i > 0
            and (tokens[i - 1].kind == "p" or tokens[i - 1].n in _NAME_OPENERS)
            and _valid_name_token(tok)
        ):
            end = _parse_name(tokens, i)
            after = _title_after_name(tokens, end, comma=True) if end is not None else None
            if after is not None:
                persons.append((after[0], after[1], i, end))  # `رسالة من X، رئيس الوزراء`
                i = after[2]
                continue
        i += 1

    # A "name" that starts with another person's surname is that person's short form
    # (`السفير ماكسيموف قدم` after `ماكسيم ماكسيموف`), left to the short-form pass.
    full_surnames: dict[str, set[int]] = {}
    for idx, (_, _, nf, ne) in enumerate(persons):
        if ne - nf >= 2 and tokens[ne - 2].n not in _PATRONYMIC_CONNECTORS:
            full_surnames.setdefault(name_key(tokens[ne - 1].n), set()).add(idx)

    def _surname_first(idx: int) -> bool:
        owners = full_surnames.get(name_key(tokens[persons[idx][2]].n), set())
        return bool(owners - {idx})

    persons = [p for idx, p in enumerate(persons) if not _surname_first(idx)]

    table = _Table()
    mentions: list[Mention] = []
    person_by_key: dict[str, _Record] = {}

    def person_record(name: str) -> _Record:
        key = name_key(name)
        if key in person_by_key:
            rec = person_by_key[key]
            if name != rec.name and name not in rec.aliases:
                rec.aliases.append(name)
            return rec
        others = (
            person_by_key.items() if len(person_by_key) < 300 else ()
        )  # fuzzy linking is for articles, not lists
        for other_key, rec in others:
            if (
                other_key == key
                or same_name(other_key, key)
                or other_key.endswith(" " + key)
                or key.endswith(" " + other_key)
                or " " not in key
                and same_word(key, other_key.rsplit(" ", 1)[-1])  # `السفير ماكسيوف`
            ):
                if len(key) > len(rec.key) and not rec.known:
                    rec.aliases.append(rec.name)
                    rec.name, rec.key = name, key
                    table.records[key] = rec
                    table.every_key[key] = rec
                elif name != rec.name and name not in rec.aliases:
                    rec.aliases.append(name)
                person_by_key[key] = rec
                return rec
        rec = table.add(name, ActorKind.PERSON, key)
        person_by_key[key] = rec
        return rec

    for title_first, title_end, name_first, name_end in persons:
        name = _span_text(text, tokens, name_first, name_end)
        rec = person_record(name)
        if title_end > title_first:
            head_tok = tokens[title_first]
            head_form = next((f for f in _forms(head_tok.n) if f in lx.PERSON_TITLE_HEADS), head_tok.n)
            title_start = head_tok.start + _strip_clitic_offset(head_tok, head_form)
            title = text[title_start : tokens[title_end - 1].end].strip(" ،,")
            if head_form.startswith(_ARTICLE) and not head_tok.article and title.startswith("لل"):
                title = _ARTICLE + title[2:]  # `للرئيس الروسي` -> `الرئيس الروسي`
            address_only = all(
                w in lx.ADDRESS_HONORIFICS or w in lx.HONORIFICS or w in _PERSONAL_HONORIFICS or w == "السمو"
                for w in normalize(title).split()
            )
            if title and title not in rec.titles and not (address_only and name_first in after_titles):
                rec.titles.append(title)  # `معالي X وزير الطاقة`: the title is the apposition
        first, last = min(title_first, name_first), max(title_end, name_end) - 1
        if name_first in after_titles:
            a, b = after_titles[name_first]
            title = text[tokens[a].start : tokens[b - 1].end].strip(" ،,")
            if title not in rec.titles:
                rec.titles.append(title)
            last = max(last, b - 1)
        m = Mention(
            rec.key,
            ActorKind.PERSON,
            first,
            last,
            tokens[name_first].start,
            tokens[name_end - 1].end,
            title_first if title_end > title_first else None,
        )
        rec.mentions.append(m)
        mentions.append(m)
        for k in range(first, last + 1):
            covered[k] = True

    # Known actors: aliases matched with the same normalization. One pass over the tokens through an
    # index of the known actors' first key tokens; known actors are applied in the order given, each
    # left to right, so an earlier known actor wins an overlap.
    index, person_keys = _known_index(known_actors)
    matches: dict[int, dict[int, tuple[int, tuple[str, ...]]]] = {}  # known -> token -> (key position, key)
    for k_idx in range(n_tok) if index else ():
        tok = tokens[k_idx]
        if tok.kind != "w":
            continue
        for variant in key_variants(tok.n):
            for a, b, key in index.get(variant, ()):
                size = len(key)
                if k_idx + size > n_tok:
                    continue
                if all(name_key(tokens[k_idx + s].n) == key[s] for s in range(1, size)):
                    at = matches.setdefault(a, {})
                    if k_idx not in at or b < at[k_idx][0]:
                        at[k_idx] = (b, key)
    for a in sorted(matches):
        known = known_actors[a]
        for k_idx in sorted(matches[a]):
            if covered[k_idx]:
                continue
            key = matches[a][k_idx][1]
            size = len(key)
            kind = ActorKind(known.kind)
            if kind == ActorKind.PERSON:
                rec = person_by_key.get(name_key(known.name))
                if rec is None:
                    rec = table.add(known.name, kind)
                    person_by_key[rec.key] = rec
                rec.known = True
            else:
                rec = table.add(known.name, kind)
            if rec.name != known.name:
                rec.aliases.append(rec.name)
                rec.name = known.name
            rec.known = True
            for t in known.titles:
                if t not in rec.titles:
                    rec.titles.append(t)
            tok = tokens[k_idx]
            off = _strip_clitic_offset(
                tok,
                next((f for f in _forms(tok.n) if _strip_article(f) == key[0] or f == key[0]), tok.n),
            )
            m = Mention(rec.key, kind, k_idx, k_idx + size - 1, tok.start + off, tokens[k_idx + size - 1].end)
            rec.mentions.append(m)
            mentions.append(m)
            for s in range(size):
                covered[k_idx + s] = True
    # Persons whose discovered name is a known actor's alias take the known name (the first such known actor).
    claims: dict[int, tuple[int, _Record]] = {}
    for key, rec in list(person_by_key.items()):
        a = person_keys.get(key)
        if a is not None and not rec.known and (id(rec) not in claims or a < claims[id(rec)][0]):
            claims[id(rec)] = (a, rec)
    for a, rec in claims.values():
        known = known_actors[a]
        if rec.name != known.name:
            rec.aliases.append(rec.name)
            rec.name = known.name
        rec.known = True

    # Short forms: the surname alone, after an honorific, or the full name without a title.
    people = {id(r): r for r in person_by_key.values()}.values()
    surnames: dict[str, list[_Record]] = {}
    for rec in people:
        parts = name_key(rec.name).split()
        if len(parts) < 2:
            continue
        surname = parts[-1]
        patronymic = parts[-2] in _PATRONYMIC_CONNECTORS  # `محمد بن سلمان`: سلمان is the father
        if len(surname) >= 3 and surname not in lx.STOPWORDS and not patronymic:
            surnames.setdefault(surname, []).append(rec)
        rec.first_name = parts[0]
    loose_surnames: dict[str, list[_Record]] = {}
    for surname, recs in surnames.items():
        if len(surname) >= 5:
            loose_surnames.setdefault(_loose(surname), []).extend(recs)
    by_ends: dict[str, list[tuple[str, list[_Record]]]] = {}
    for surname, recs in loose_surnames.items():
        by_ends.setdefault(surname[:1] + surname[-1:], []).append((surname, recs))
    for k_idx in range(n_tok):
        tok = tokens[k_idx]
        if covered[k_idx] or tok.kind != "w":
            continue
        cands = {id(r): r for v in key_variants(tok.n) for r in surnames.get(v, ())}
        if not cands and loose_surnames:
            # `لانجلي` for `لانغلي`: one foreign g written ج, غ or ك
            cands = {id(r): r for v in _loose_variants(tok.n) for r in loose_surnames.get(v, ())}
        variant = None
        if not cands and by_ends and len(tok.n) >= 5 and not name_words.ordinary(tok.text):
            cands, variant = _variant_surname(tok.n, by_ends)  # `ماكسيموف` for `مكسيموف`
        if len(cands) != 1:
            continue
        rec = next(iter(cands.values()))
        first = k_idx
        off = 0
        if k_idx > 0 and not covered[k_idx - 1] and tokens[k_idx - 1].kind == "w":
            prev = tokens[k_idx - 1]
            if rec.first_name in key_variants(prev.n):
                first = k_idx - 1
                given = next((f for f in _forms(prev.n) if f == rec.first_name), prev.n)
                off = _strip_clitic_offset(prev, given)  # `وأنور إبراهيم` -> `أنور إبراهيم`
        if first == k_idx:
            bare = variant or next((f for f in _forms(tok.n) if _strip_article(f) in surnames), tok.n)
            off = _strip_clitic_offset(tok, bare)
        surface = text[tokens[first].start + off : tok.end]
        clitic_left = (
            first == k_idx
            and not off
            and variant is None
            and tok.n not in surnames
            and _strip_article(tok.n) not in surnames
        )
        if not clitic_left and normalize(surface) != normalize(rec.name) and surface not in rec.aliases:
            rec.aliases.append(surface)
        if k_idx > 0 and any(f in lx.HONORIFICS for f in _forms(tokens[k_idx - 1].n)) and first == k_idx:
            first = k_idx - 1
            honorific = text[tokens[first].start : tok.end]
            if honorific not in rec.aliases and normalize(honorific) != normalize(rec.name):
                rec.aliases.append(
                    text[
                        tokens[first].start
                        + _strip_clitic_offset(
                            tokens[first], next(f for f in _forms(tokens[first].n) if f in lx.HONORIFICS)
                        ) : tok.end
                    ]
                )
        elif first == k_idx and k_idx > 1 and tokens[k_idx - 1].n in lx.RANKS:
            # `الفريق أول كوريلا`, `اللواء الركن باقري`: a rank of several words before the surname
            r = k_idx - 1
            while r > max(0, k_idx - 4) and tokens[r - 1].n in lx.RANKS and not covered[r - 1]:
                r -= 1
            if any(f in lx.HONORIFICS for f in _forms(tokens[r].n)) and not covered[r]:
                first = r
        m = Mention(rec.key, ActorKind.PERSON, first, k_idx, tokens[first].start + off, tok.end)
        rec.mentions.append(m)
        mentions.append(m)
        for s in range(first, k_idx + 1):
            covered[s] = True

    # Title-only mentions that name exactly one person of this document.
    person_titles = [(rec, name_key(t)) for rec in people for t in rec.titles]
    for a, b_max in title_only:
        if any(covered[a:b_max]):
            continue
        matches: list[_Record] = []
        b = b_max
        head_tok = tokens[a]
        head_form = next((f for f in _forms(head_tok.n) if f in lx.PERSON_TITLE_HEADS), head_tok.n)
        head_start = head_tok.start + _strip_clitic_offset(head_tok, head_form)
        while b - a >= 2 and not matches:
            key = name_key(text[head_start : tokens[b - 1].end])
            if tokens[b - 1].kind == "w":
                matches = list(
                    {
                        id(r): r for r, tkey in person_titles if tkey == key or tkey.startswith(key + " ")
                    }.values()
                )
            if not matches:
                b -= 1
        if not matches and b_max - a >= 2:
            matches = _by_nationality(people, head_form, tokens[a + 1].n)
            b = a + 2
        if len(matches) == 1:
            rec = matches[0]
            m = Mention(
                rec.key, ActorKind.PERSON, a, b - 1, head_start, tokens[b - 1].end, a, title_only=True
            )
            rec.mentions.append(m)
            mentions.append(m)
            for s in range(a, b):
                covered[s] = True

    in_title = [False] * n_tok
    for m in mentions:
        if m.kind == ActorKind.PERSON:
            for s in range(m.first, m.last + 1):
                in_title[s] = True

    # Organisations: a head noun and its genitive chain.
    org_spans: list[tuple[int, int]] = []
    k_idx = 0
    while k_idx < n_tok:
        end = _org_at(tokens, k_idx) or _definite_org_at(tokens, k_idx)
        if end is None:
            k_idx += 1
            continue
        tok = tokens[k_idx]
        head = next(f for f in _forms(tok.n) if f in lx.ORG_HEADS or f in lx.DEFINITE_ORG_HEADS)
        off = _strip_clitic_offset(tok, head)
        name = text[tok.start + off : tokens[end - 1].end]
        embedded = any(in_title[k_idx:end])
        org_spans.append((k_idx, end))
        if not embedded or name_key(name) in table.records:
            rec = _org_record(table, name)
            m = Mention(
                rec.key,
                ActorKind.ORGANIZATION,
                k_idx,
                end - 1,
                tok.start + off,
                tokens[end - 1].end,
                embedded=embedded,
            )
            rec.mentions.append(m)
            mentions.append(m)
        for s in range(k_idx, end):
            in_title[s] = in_title[s] or False
        k_idx = end
    org_covered = [False] * n_tok
    for a, b in org_spans:
        for s in range(a, b):
            org_covered[s] = True
    # Bare forms of organisations seen with their head (`الحشد الشعبي`).
    tails: dict[tuple[str, ...], _Record] = {}
    for rec in list(table.records.values()):
        if rec.kind == ActorKind.ORGANIZATION:
            parts = tuple(name_key(rec.name).split()[1:])
            if len(parts) >= 2:
                tails.setdefault(parts, rec)
    if tails:
        first_parts = {parts[0] for parts in tails}
        for k_idx in range(n_tok):
            if org_covered[k_idx] or covered[k_idx] or tokens[k_idx].kind != "w":
                continue
            if first_parts.isdisjoint(key_variants(tokens[k_idx].n)):
                continue
            for parts, rec in tails.items():
                size = len(parts)
                if k_idx + size > n_tok or parts[0] not in key_variants(tokens[k_idx].n):
                    continue
                if all(name_key(tokens[k_idx + s].n) == parts[s] for s in range(1, size)):
                    tok = tokens[k_idx]
                    bare = next((f for f in _forms(tok.n) if _strip_article(f) == parts[0]), tok.n)
                    off = _strip_clitic_offset(tok, bare)
                    surface = text[tok.start + off : tokens[k_idx + size - 1].end]
                    if surface not in rec.aliases and surface != rec.name:
                        rec.aliases.append(surface)
                    m = Mention(
                        rec.key,
                        ActorKind.ORGANIZATION,
                        k_idx,
                        k_idx + size - 1,
                        tok.start + off,
                        tokens[k_idx + size - 1].end,
                        embedded=any(in_title[k_idx : k_idx + size]),
                    )
                    rec.mentions.append(m)
                    mentions.append(m)
                    for s in range(k_idx, k_idx + size):
                        org_covered[s] = True
                    break

    # States and places.
    k_idx = 0
    while k_idx < n_tok:
        if covered[k_idx] and not in_title[k_idx]:
            k_idx += 1
            continue
        hit = _geo_at(tokens, k_idx)
        if hit is None:
            k_idx += 1
            continue
        end, canonical, kind, off = hit
        embedded = any(in_title[k_idx:end]) or any(org_covered[k_idx:end])
        if k_idx > 0 and any(f in lx.LANDMARK_WORDS for f in _forms(tokens[k_idx - 1].n)):
            embedded = True  # `شارع فلسطين`: a street, not the state
        tok = tokens[k_idx]
        surface = text[tok.start + off : tokens[end - 1].end]
        key = name_key(canonical)
        if not embedded or key in table.records:
            rec = table.add(canonical, kind, key)
            clean_alias = off > 0 or not tok.n.startswith(("لل", "ولل", "فلل"))
            if (
                clean_alias
                and surface != rec.name
                and normalize(surface) != normalize(rec.name)
                and surface not in rec.aliases
            ):
                rec.aliases.append(surface)
            m = Mention(
                rec.key, kind, k_idx, end - 1, tok.start + off, tokens[end - 1].end, embedded=embedded
            )
            rec.mentions.append(m)
            mentions.append(m)
        k_idx = end

    mentions.sort(key=lambda m: (m.first, m.last))
    actors = []
    unique = list({id(r): r for r in table.records.values()}.values())
    for rec in unique:
        if rec.kind == ActorKind.ORGANIZATION and rec.aliases:
            # The form the document uses most often (with its head noun) names the organisation.
            counts: dict[str, int] = {}
            for m in rec.mentions:
                counts[text[m.start : m.end]] = counts.get(text[m.start : m.end], 0) + 1
            full = [
                f
                for f in (rec.name, *rec.aliases)
                if len(f.split()) > len(min((rec.name, *rec.aliases), key=lambda x: len(x.split())).split())
            ]
            best = max(full or [rec.name], key=lambda f: (counts.get(f, 0), len(f)))
            if best != rec.name:
                rec.aliases = [rec.name, *[a for a in rec.aliases if a != best]]
                rec.name = best
        if not rec.mentions:
            continue
        aliases = [a for a in dict.fromkeys(rec.aliases) if normalize(a) != normalize(rec.name)]
        spans = sorted({(m.start, m.end) for m in rec.mentions})
        actors.append(
            ExtractedActor(
                name=rec.name,
                kind=rec.kind,
                aliases=aliases,
                titles=list(rec.titles),
                mentions=[Span(text[s:e], s, e) for s, e in spans],
            )
        )
    # Mentions point at the record key; give them the final display name.
    key_to_name = {key: rec.name for key, rec in table.every_key.items()}
    for m in mentions:
        m.actor = key_to_name.get(m.actor, m.actor)
    order = {ActorKind.PERSON: 0, ActorKind.ORGANIZATION: 1, ActorKind.STATE: 2, ActorKind.PLACE: 3}
    actors.sort(key=lambda a: (order[a.kind], a.mentions[0].start if a.mentions else 0))
    return ActorAnalysis(actors=actors, mentions=mentions, tokens=tokens)


def _strip_article(token: str) -> str:
    if token.startswith(_ARTICLE) and len(token) > 4:
        return token[2:]
    return token


_DEFINITE_ORG_STEMS = re.compile("|".join(sorted({h[2:5] for h in lx.DEFINITE_ORG_HEADS})))


def _definite_org_at(tokens: Sequence[Token], i: int) -> int | None:
    """`المقاومة الإسلامية (في العراق)`: a definite group noun, one or two nisba adjectives, and
    the country it operates in."""
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "definite_org"):
        return None
    n_tok = len(tokens)
    j = i + 1
    while j < n_tok and j - i <= 2 and tokens[j].kind == "w" and tokens[j].n.startswith(_ARTICLE):
        if not tokens[j].n.endswith(("يه", "ي")) or _is_stop(tokens[j].n) or _is_geo(tokens[j].n):
            break
        j += 1
    if j == i + 1:
        return None
    if j + 1 < n_tok and tokens[j].n == "في" and (geo := _geo_at(tokens, j + 1)) is not None:
        if geo[2] == ActorKind.STATE and geo[3] == 0:
            return geo[0]
    return j


def _org_at(tokens: Sequence[Token], i: int) -> int | None:
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "org"):
        return None
    n_tok = len(tokens)
    j = i + 1
    end = None
    construct = 0
    seen_definite = False
    while j < n_tok:
        t = tokens[j]
        if t.kind != "w":
            break
        definite = _definite(t.n)
        if definite in _ORG_ENDERS:
            break
        if (
            definite
            and not _is_stop(t.n)
            and not _is_trigger(t.n)
            and not (t.n != definite and definite in lx.STOPWORDS)
        ):
            if t.n != definite and t.n[0] not in "و" and seen_definite:
                break  # `بالدعوة`, `للحشد`: a new phrase, not the name going on
            seen_definite = True
            j += 1
            end = j
            continue
        if not seen_definite and construct < 2 and _valid_org_word(t.n):
            construct += 1
            j += 1
            end = j
            continue
        if (
            t.n == "في"
            and seen_definite
            and j + 1 < n_tok
            and (
                any(f in lx.ORG_HEADS for f in _forms(tokens[j + 1].n))
                or tokens[j + 1].n in lx.INSTITUTION_WORDS
            )
        ):
            j += 1
            if not tokens[j].article:
                j += 1
                end = j
                seen_definite = False
                construct = 1
            continue
        break
    if end is None:
        return None
    if not seen_definite and construct == 1 and tokens[i + 1].n in lx.TITLE_WORDS:
        return None
    return end


_ORG_ENDERS = frozenset(
    normalize(w)
    for w in "المدعومة المدعوم الموالية الموالي التابعة التابع المقربة المرتبطة المقرب المرتبط".split()
)


def _valid_org_word(n: str) -> bool:
    if n.endswith(("يه", "ي")) and len(n) > 3:
        return False  # an indefinite adjective (`مؤسسة عسكرية`), not a name
    return (
        not (_is_stop(n) or _is_trigger(n) or n in lx.DEMONYM_FORMS or n in lx.PERSON_TITLE_HEADS)
        and len(n) >= 2
    )


def _org_record(table: _Table, name: str) -> _Record:
    key = name_key(name)
    parts = key.split()
    for rec in table.records.values():
        if rec.kind != ActorKind.ORGANIZATION:
            continue
        other = rec.key.split()
        same_tail = len(parts) >= 3 and parts[1:] == other[1:]
        subset = (
            parts[0] == other[0]
            and len(parts) >= 2
            and len(other) >= 2
            and (set(parts) <= set(other) or set(other) <= set(parts))
        )
        if rec.key == key or same_tail or subset:
            if len(key) > len(rec.key) and subset and not same_tail:
                rec.aliases.append(rec.name)
                table.records.pop(rec.key)
                rec.name, rec.key = name, key
                table.records[key] = rec
                table.every_key[key] = rec
            elif name != rec.name and name not in rec.aliases:
                rec.aliases.append(name)
            return rec
    return table.add(name, ActorKind.ORGANIZATION, key)
