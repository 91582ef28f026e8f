"""Titles of persons: a title chain and the name after it (`رئيس هيئة الحشد الشعبي فالح الفياض`), a
title after a name, two persons under a title in the dual, a name after a speech verb, one foreign
name after a title."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_geo import _geo_at, _is_geo, _reads_as
from analysis.extraction.actor_tokens import (
    _ARTICLE,
    _COMMAS,
    _QUOTES,
    Token,
    _closing,
    _definite,
    _forms,
    _is_stop,
    _is_trigger,
    _skip_quotes,
    _strip_clitic_offset,
)
from analysis.extraction.dual_parties import dual_head
from analysis.extraction.lexical import is_given_name, is_place_name, reading, word_zipf
from analysis.extraction.name_overlaps import quoted_name
from analysis.extraction.name_tokens import (
    _known_word,
    _valid_name_token,
    foreign_al_name,
    foreign_then_feminine_noun,
    possessed_title_word,
    title_dual,
)
from analysis.extraction.names_after_heads import (
    compound_given_name_alone,
    particle_shaped_name,
    title_shaped_given_name,
)
from analysis.extraction.person_lists import second_name
from analysis.extraction.person_names import _definite_given_name, _name_ends_after, _parse_name
from analysis.extraction.results import EngagementType
from analysis.extraction.title_words import (
    _body_in_construct,
    _body_word,
    _other_party_head,
    _possessed_head,
    other_hamza,
    second_portfolio,
)


def _head_at(tokens: Sequence[Token], i: int) -> int:
    """Number of tokens a person-title head at `i` takes (0 when there is none)."""
    tok = tokens[i]
    if tok.kind == "w" and (_possessed_head(tok.n, tok.text) or _joined_possessed_head(tokens, i)):
        return 1  # `مبعوثها الخاص إلى اليمن، X`, `ومعاونه X`: its envoy, and his deputy
    if tok.kind != "w":
        return 0
    if i + 1 < len(tokens) and any(
        f not in lx.PERSON_TITLE_HEADS and tokens[i + 1].n in lx.HEAD_NEEDS_NEXT.get(f, ())
        for f in _forms(tok.n)
    ):
        return 2  # `سلطان عمان`: a given name (`سلطان بن سلمان`) that is a title before its place
    if not _reads_as(tok.n, "title"):
        return 0
    if _adjective_after_noun(tokens, i):
        return 0  # `المؤتمر الصحفي`: the nisba agrees with the noun before it, no person's title
    for f in _forms(tok.n):
        if f in lx.PERSON_TITLE_HEADS and not other_hamza(tok.text[_strip_clitic_offset(tok, f) :], f):
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


def _joined_possessed_head(tokens: Sequence[Token], i: int) -> bool:
    """`، ومعاونه X`: `و`/`ف` on a possessed title head, the next person of a list; not when a title
    head of its own follows (`وقائدها الإمام X`: that head takes the name)."""
    tok = tokens[i]
    return (
        tok.n[:1] in "وف"
        and _possessed_head(tok.n[1:], tok.text[1:])
        and not (i + 1 < len(tokens) and _head_at(tokens, i + 1))
    )


def _adjective_after_noun(tokens: Sequence[Token], i: int) -> bool:
    """A title head that is also a nisba adjective (`الصحفي`, `السياسي`) right after a definite noun
    of no title list: the noun's adjective (`المؤتمر الصحفي`, `المكتب السياسي`)."""
    tok, prev = tokens[i], tokens[i - 1] if i > 0 else None
    return (
        prev is not None
        and tok.article
        and tok.n.endswith("ي")
        and prev.kind == "w"
        and prev.article
        and not tok.line_start
        and not any(f in lx.PERSON_TITLE_HEADS or f in lx.TITLE_WORDS for f in _forms(prev.n))
        and _strip_article(prev.n) not in lx.TITLE_WORDS
    )


# A comma, or the semicolon some outlets write for one (`سفير العراق لدى طهران؛ نصير عبدالمحسن،`), between
# a title and its name.
_TITLE_NAME_SEPARATORS = {*_COMMAS, "؛"}


# A step of the title walk: ("go", next j, title end), ("name", name start, name end) or ("stop", 0, 0).
_Step = tuple[str, int, int]
_STOP: _Step = ("stop", 0, 0)


def _parse_title(tokens: Sequence[Token], i: int) -> tuple[int, int | None, int | None]:
    """From a title head at `i`: (end of the title chain, name start, name end)."""
    j = i + _head_at(tokens, i)
    title_end = j
    comma = None  # the first comma the chain went on past, to a title head
    while j < len(tokens):
        tok = tokens[j]
        if tok.line_start:
            break  # a headline's title does not run into the next line
        if tok.kind == "p":
            action, a, b = _title_mark(tokens, i, j, title_end)
            if action == "go" and comma is None and tok.text in _TITLE_NAME_SEPARATORS:
                comma = j
        elif tok.kind != "w":
            break
        else:
            action, a, b = _title_word(tokens, i, j, title_end)
        if action == "name":
            return title_end, a, b
        if action == "stop":
            break
        j, title_end = a, b
    if comma is not None:
        # `استقبل رئيس المجلس، السفير الفرنسي،`, `X رئيس الأركان، نظيره الأردني،`: past a comma a title
        # head goes on with the same person's title only when a name closes it (`رئيس المجلس، الفريق
        # أول X`); with no name, each title is its own mention
        return comma, None, None
    return title_end, None, None


def _title_mark(tokens: Sequence[Token], i: int, j: int, title_end: int) -> _Step:
    """A quote, parenthesis, comma or abbreviation's full stop inside a title."""
    n_tok = len(tokens)
    tok = tokens[j]
    if tok.text == "." and j > i and tokens[j - 1].n in lx.TITLE_ABBREVIATIONS and tokens[j - 1].kind == "w":
        return ("go", j + 1, j + 1)  # `السفير د. اسماعيل شفيق محسن`: the doctor's abbreviation
    if tok.text in _QUOTES:
        close = _closing(tokens, j)
        prev_n = tokens[j - 1].n if j > i else ""
        if close is not None and j > i and _body_in_construct(tokens[j - 1]):
            return ("go", close + 1, close + 1)  # `القائد السابق لفرقة «...» في`: the body's name
        if (
            close is not None
            and tokens[j + 1].kind == "w"
            and (tok.text == "(" or any(f in lx.ORG_HEADS for f in _forms(prev_n)))
            and _parse_name(tokens, close + 1) is not None
        ):
            return ("go", close + 1, close + 1)  # `(سي آي إيه)`, `لشركة "بايكار"`: part of the title
        if close is not None and j > i and quoted_name(tokens, j + 1, close):
            return ("name", j + 1, close)  # `وزير الدفاع “محمد وجدي غونول”`: the marks hold one name
        return ("go", j + 1, title_end)
    if tok.text in _TITLE_NAME_SEPARATORS:
        k = _skip_quotes(tokens, j + 1)
        if k < n_tok and tokens[k].n in lx.ADDRESS_HONORIFICS:
            return _STOP  # `، سعادة Y`: the next person
        if k < n_tok and _head_at(tokens, k) and not tokens[k].n.startswith(("و", "ف")):
            return ("go", k + _head_at(tokens, k), k + _head_at(tokens, k))
        if k < n_tok:
            end = _parse_name(tokens, k)
            if end is not None and not name_words.common_phrase([t.text for t in tokens[k:end]]):
                return ("name", k, end)  # not `أكد الأمير، أثناء المكالمة، ...`: a clause goes on
    return _STOP


def _title_word(tokens: Sequence[Token], i: int, j: int, title_end: int) -> _Step:
    """A word inside a title: the name it leads to, or the title going on, or its end."""
    tok = tokens[j]
    n = tok.n
    if n in lx.TITLE_ABBREVIATIONS and j + 1 < len(tokens) and tokens[j + 1].text == ".":
        return ("go", j + 1, title_end)  # `د.`: its full stop comes next
    if n[:1] in "وف" and n[1:] in lx.PERSON_TITLE_HEADS and not n[1:].startswith(_ARTICLE):
        return _STOP  # `ورئيس ...`: the next person of a list begins
    if j > i and _address_form(n) and any(_address_form(t.n) for t in tokens[i:j]):
        return _STOP  # `فخامة الرئيس الإيراني معالي الوزير`: one form of address each, a second person
    if j > i and (_other_party_head(n) or tok.article and dual_head(tok) is not None):
        return (
            _STOP  # `الرئيس الإيراني نظيره العراقي`, `جمع الرئيس الأمريكي برئيس الوزراء`, `الرئيس النائبين`
        )
    if (
        tok.article
        and j - i >= 2
        and n in lx.PERSON_TITLE_HEADS
        and n not in lx.RANKS
        and n not in lx.PERSONAL_HONORIFICS
        and j + 1 < len(tokens)
        and tokens[j + 1].n in lx.DEMONYM_FORMS
    ):
        return _STOP  # `رئيس الوفد الوطني السفير الروسي ...`: a second person's title begins
    if (
        j > i
        and _head_optional_word(tokens, i, n)
        and not any(_head_optional_word(tokens, i, t.n) for t in tokens[i + 1 : j])
    ):
        return ("go", j + 1, j + 1)  # `المتحدث الرسمي باسم X`: the spokesman's `باسم` after his adjective
    step = _name_in_title(tokens, i, j)
    return step if step is not None else _title_goes_on(tokens, i, j, title_end)


def _address_form(n: str) -> bool:
    """`معالي`, `فخامة`, `سعادة`: a form of address (titles.json address_honorifics)."""
    return any(f in lx.ADDRESS_HONORIFICS for f in _forms(n))


def _head_optional_word(tokens: Sequence[Token], i: int, n: str) -> bool:
    """A word the title's head may take next (`باسم` of `المتحدث`, titles.json), met further on in the
    title: the title goes on through it, no name begins with it (the caller takes it once: `المتحدث باسم
    الحكومة باسم العوادي`, a second one opens the spokesman's name)."""
    return any(n in lx.HEAD_OPTIONAL_NEXT.get(f, ()) for f in _forms(tokens[i].n))


def _definite_and_nisba(tokens: Sequence[Token], k: int) -> bool:
    """A definite noun and its nisba adjective (`الحشد الشعبي`): a body a title may belong to."""
    return (
        k + 1 < len(tokens)
        and tokens[k].article
        and tokens[k + 1].kind == "w"
        and tokens[k + 1].article
        and tokens[k + 1].n.endswith(("ي", "يه"))
        and not _is_stop(tokens[k].n)
    )


def _name_in_title(tokens: Sequence[Token], i: int, j: int) -> _Step | None:
    """The name that closes the title at `j`, when one starts there."""
    tok = tokens[j]
    if _clitic_first(tok):
        return None  # `نائب رئيسها وسليماني`, `... وقادة`: `و` on a common word joins the next party
    if not tok.article and not _agreeing_adjective(tokens, i, j):
        end = _parse_name(tokens, j)
        if end is None and _single_name_at(tokens, j):
            end = j + 1  # `للرئيس أوباما`, `الرئيس الأمريكي ترامب`: one foreign name
        if end is None and j > i:
            end = particle_shaped_name(tokens, j) or title_shaped_given_name(tokens, j)  # `الإيراني أمير X`
        if end is None and compound_given_name_alone(tokens, j):
            end = j + 2  # `الملك عبد الله،`: a sovereign named by his given name
    elif j > i and (
        tokens[j - 1].n in lx.RANKS or foreign_al_name(tok.text) or _definite_given_name(tokens, j)
    ):
        end = _parse_name(tokens, j, article_first=True)  # `الفريق أول السعيد X`, `السفيرة اليزابيث X`
    else:
        end = j + 1 if _definite_surname_at(tokens, i, j) else None
    if end is not None and _clause_words(tokens, j, end):
        return None  # `أكد نائب الوزير الإيراني حرص الجمهورية على ...`: the verb's object, no name
    if end is not None and tok.n not in lx.TITLE_WORDS:
        prev = tokens[j - 1]
        if (
            prev.kind == "w"
            and not prev.article
            and (prev.n in _REGION_WORDS or any(f in lx.ORG_HEADS for f in _forms(prev.n)))
            and _parse_name(tokens, j + 1) is not None
        ):
            return ("go", j + 1, j + 1)  # `رئيس حكومة إقليم كوردستان مسرور بارزاني`: a place's name
        return ("name", j, end)
    if (
        not tok.article
        and j + 1 < len(tokens)
        and tokens[j + 1].n in ("بن", "ابن")
        and (end := _parse_name(tokens, j)) is not None
    ):
        return ("name", j, end)  # `الدكتور ثاني بن أحمد الزيودي`: a given name before بن
    return None


def _clause_words(tokens: Sequence[Token], j: int, end: int) -> bool:
    """Words of the language and no name (`name_words.common_phrase`), with no connector (`ولد`)."""
    words = tokens[j:end]
    return not any(t.n in lx.NAME_CONNECTORS for t in words) and name_words.common_phrase(
        [t.text for t in words]
    )


def _title_goes_on(tokens: Sequence[Token], i: int, j: int, title_end: int) -> _Step:
    """Whether the title goes on past the word at `j` (a title word, a place, a genitive)."""
    n_tok = len(tokens)
    n = tokens[j].n
    if j > i and n in lx.TITLE_WORD_NEXT.get(tokens[j - 1].n, ()):
        return ("go", j + 1, j + 1)  # `رئيس أركان حرب القوات المسلحة`
    geo = _geo_at(tokens, j) if j > i else None
    if geo is not None and geo[0] - j >= 2:
        return ("go", geo[0], geo[0])  # `سفير سلطنة عمان المعتمد`: a state of two words, whole
    if (
        any(
            f in lx.TITLE_WORDS or f in lx.PERSON_TITLE_HEADS or f in lx.DEMONYM_FORMS or f in lx.ORG_HEADS
            for f in _forms(n)
        )
        or _is_geo(n)
        or possessed_title_word(n)
        or _strip_article(n) in lx.ADDRESS_HONORIFICS  # `وزير الدفاع صاحب السمو الملكي الأمير X`
    ):
        return ("go", j + 1, j + 1)
    if n == "ما" and j + 2 < n_tok and tokens[j + 1].n in _SO_CALLED and j > i:
        return ("go", j + 2, title_end)  # `رئيس ما يسمى بالمجلس السياسي، X`: the so-called body
    if n in ("في", "لدي", "الي", "الى", "عن"):  # `النائب عن ائتلاف دولة القانون X`
        k = j + 1
        geo = _geo_at(tokens, k) if k < n_tok and tokens[k].kind == "w" else None
        if geo is not None and geo[0] - k >= 2:
            return ("go", geo[0], geo[0])  # `في الجمهورية الإسلامية الإيرانية`, `في سلطنة عمان`
        if k < n_tok and tokens[k].kind == "w" and not tokens[k].article and is_place_name(tokens[k].text):
            return ("go", k + 1, k + 1)  # `نائب سفير واشنطن في عمّان X`: a city of pyarabic's list
        if n in ("الي", "الى") and k < n_tok and tokens[k].n in lx.PERSON_TITLE_HEADS:
            return _STOP  # `ونقل وزير الخارجية المصري إلى رئيس الوزراء`: the one he addressed
        if (
            k < n_tok
            and tokens[k].kind == "w"
            and (
                _is_geo(tokens[k].n)
                or tokens[k].n in lx.TITLE_WORDS
                or possessed_title_word(tokens[k].n)  # `سفير ... لدى بلادنا X`
                or tokens[k].n in lx.INSTITUTION_WORDS
                or (tokens[k].article and _strip_article(tokens[k].n) in lx.ORG_HEADS)
                or tokens[k].n in lx.ORG_HEADS  # `النائب عن حركة ...`
                or _definite_and_nisba(tokens, k)  # `معاون قائد ... في الحشد الشعبي X`
            )
        ):
            return ("go", k, title_end)
        return _STOP
    if n.startswith(("بال", "وبال")) and j > i and not _body_word(n[n.index("ال") :]):
        return _STOP  # `الوزير الروسي بالمطار الفريق أول X`: a place or a means, no more of the title
    if _definite(n) and not _is_stop(n) and not _is_trigger(n) and n not in lx.STOPWORDS:
        return ("go", j + 1, j + 1)
    if not tokens[j].article and not _is_stop(n) and j + 1 < n_tok and _geo_at(tokens, j + 1) is not None:
        return ("go", j + 1, j + 1)  # `قائد عمليات حزام بغداد`: a noun in construct with a place
    if n in lx.TITLE_TIME_WORDS and j > i + 1 and j + 1 < n_tok and _parse_name(tokens, j + 1) is not None:
        return ("go", j + 1, j + 1)  # `أمين المجلس الأعلى آنذاك علي شمخاني`
    if second_portfolio(tokens, i, j):
        return ("go", j + 1, j + 1)  # `وزير الشؤون القانونية وحقوق الإنسان أحمد عرمان`
    return _STOP


_SO_CALLED = frozenset(normalize(w) for w in "يسمى تسمى يعرف تعرف".split())


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
    second = second_name(tokens, _skip_quotes(tokens, end))
    return None if second is None else second[:2]


def _single_name_at(tokens: Sequence[Token], j: int) -> bool:
    """A name of one word right after a title head (and its nationality): a word qalsadi does not
    analyse or reads as a proper noun, or a given name with no verb reading (`الملك سلمان`, not
    `المبعوث الأميركي حمل`), no common word, and nothing name-like after it."""
    tok = tokens[j]
    before = j - 2 if tokens[j - 1].n in lx.DEMONYM_FORMS else j - 1
    if before < 0 or not _head_at(tokens, before) or not _valid_name_token(tok):
        return False
    codes = reading(tok.text)
    # a given name that may also be read as a verb (`حمل`, `نصر`) is more likely the title's verb
    given = is_given_name(tok.text) and "V" not in codes
    if name_words.ordinary(tok.text):
        return False
    nxt_tok = tokens[j + 1] if j + 1 < len(tokens) else None
    construct = nxt_tok is not None and nxt_tok.n in lx.TITLE_WORDS and nxt_tok.n not in lx.PERSON_TITLE_HEADS
    if construct and title_dual(tok.n, ("ي",)):
        return False  # `برئاسة وزيري خارجية البلدين`: a title in the construct dual (not `رئيسي وزير`)
    if not (codes in ("", "U") or "P" in codes or given or _rare_after_definite_head(tokens, before, j)):
        return False
    nxt = j + 1
    return (
        nxt >= len(tokens)
        or tokens[nxt].kind != "w"
        or not _valid_name_token(tokens[nxt])
        or foreign_then_feminine_noun(tok.text, tokens[nxt].text)
        or name_words.noun_after_name(tokens[nxt].text)  # `الأمير خالد تحيات`
    )


def _definite_surname_at(tokens: Sequence[Token], i: int, j: int) -> bool:
    """`الوزير البوسعيدي،`, `الإمام الخامنئي و`: right after a definite title head (and its
    nationality), a definite word that is a name by the lexicons (unanalysed, a proper noun or a family
    name), with and without its article, and no ordinary or lexicon word, where a name ends: the
    person's family name."""
    tok = tokens[j]
    before = j - 2 if tokens[j - 1].n in lx.DEMONYM_FORMS else j - 1
    return (
        before == i
        and tokens[i].article
        and _head_at(tokens, i) == 1
        and name_words.name_evidence(tok.text)
        and name_words.name_evidence(tok.text[2:])  # not `الأممي`, `الخاص`: adjectives of the language
        and not name_words.ordinary(tok.text)
        and not _known_word(tok.n)
        and _strip_article(tok.n) not in lx.ORG_HEADS
        and tok.n not in lx.INSTITUTION_WORDS
        and (j + 1 >= len(tokens) or tokens[j + 1].kind != "w" or _name_ends_after(tokens, j + 1))
    )


def _rare_after_definite_head(tokens: Sequence[Token], head: int, j: int) -> bool:
    """`الرئيس روحاني للرئيس`, `الرئيس بري:`: a word without the article cannot be the adjective of a
    definite title head (an adjective agrees in definiteness), so a word rarer than the language's
    ordinary words, of no feminine, plural or particle shape, closed by the end of a name, stands in
    apposition: his name. Not after `في` (`في الشيخ جراح`: a quarter named after a man)."""
    tok = tokens[j]
    return (
        tokens[head].article
        and not tok.article
        and (head == 0 or tokens[head - 1].n != "في")
        and word_zipf(tok.text) < name_words.ORDINARY_ZIPF
        and not name_words.no_name_shape(tok.text)
        and (j + 1 >= len(tokens) or tokens[j + 1].kind != "w" or _name_ends_after(tokens, j + 1))
    )


def _agreeing_adjective(tokens: Sequence[Token], i: int, j: int) -> bool:
    """`مساعدة سخية`: right after an indefinite feminine head, a feminine word is its adjective (the
    head is a noun, `assistance`), not a name."""
    head = tokens[i]
    return j == i + 1 and not head.article and head.n.endswith("ه") and tokens[j].n.endswith("ه")


_REGION_WORDS = frozenset(
    normalize(w) for w in "إقليم اقليم محافظة ولاية منطقة مدينة جمهورية دولة بلدية".split()
)


# Prepositions after which a name may stand with its title after it (`رسالة من X، رئيس الوزراء`).
_NAME_OPENERS = frozenset(normalize(w) for w in "من مع إلى الى عن لدى بين عند لسان".split())


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
    evidence = _definite_given_name(tokens, verb + 1) or any(
        name_words.name_evidence(t.text) for t in tokens[verb + 1 : end]
    )
    if end >= len(tokens) or not evidence:
        return False  # `وأعلن إحراز تقدم في`: common words, no name
    nxt = tokens[end].n
    if tokens[verb].n in lx.AUXILIARY_KANA:
        return nxt == "قد"
    if tokens[verb].n in _CONTACT_VERBS:
        at = end + 1 if tokens[end].text in _COMMAS and end + 1 < len(tokens) else end
        return _head_at(tokens, at) > 0  # `والتقى جبران باسيل السفير الأمريكي`, `التقى X، نائب رئيس ...`
    if tokens[end].text in _COMMAS and end + 1 < len(tokens):
        nxt = tokens[end + 1].n
    return nxt in lx.BARE_NAME_FOLLOWERS
