"""Which person of a document holds a title named with no name: what a title says of its holder
(the states its nationality adjectives and place names give, its office, its words) and the
choices that stay unambiguous when several persons share a title — the one of no other state for
a bare title (`وزير الدفاع` beside `وزير الدفاع السعودي`), the counterpart of the same office
(`نظيره اللبناني`: the Lebanese holder of the other party's office)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_geo import _geo_at
from analysis.extraction.actor_records import _Record
from analysis.extraction.actor_tokens import Token, _forms, tokenize
from analysis.extraction.results import ActorKind

COUNTERPARTS = frozenset(normalize(w) for w in "نظير نظيره نظيرته نظيرها".split())
_SENTENCE_ENDS = frozenset(".!?؟")
_STATE_PREPOSITIONS = frozenset(normalize(w) for w in "في لدى".split())
_COUNTERPART_HEADS = frozenset(_strip_article(w) for w in COUNTERPARTS)
# Heads whose feminine (`وزيرة`, `سفيرة`) names the same office; not `نظير` (`نظيره` is his counterpart).
_MASCULINE_HEADS = frozenset(normalize(w) for w in "رئيس وزير سفير نائب مستشار مبعوث مدير أمين وكيل".split())
# A title of these words alone (`الفريق أول`, `الشيخ`) is a rank or a form of address, no office.
_RANKS_AND_HONORIFICS = lx.RANKS | lx.PERSONAL_HONORIFICS


@lru_cache(maxsize=4096)
def _title_parts(title: str) -> tuple[frozenset[str], frozenset[str], str]:
    """The states a title names (`الروسي`, `لروسيا الاتحادية`, `في سلطنة عمان`), its other words
    without clitics or article (`رئيس هيئة الحشد`), and its head (`وزير`)."""
    return _parts(tuple(tokenize(title)))


def _parts(tokens: Sequence[Token]) -> tuple[frozenset[str], frozenset[str], str]:
    states: list[str] = []
    words: set[str] = set()
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.kind != "w":
            k += 1
            continue
        if (named := _state_at(tokens, k)) is not None:
            states.append(named[0])
            k = named[1]
            continue
        if tok.n not in lx.STOPWORDS:
            words.add(_bare(tok.n))
        k += 1
    head = next((_bare(t.n) for t in tokens if t.kind == "w"), "")
    return frozenset(states), frozenset(words), head


def _state_at(tokens: Sequence[Token], k: int) -> tuple[str, int] | None:
    """The state a nationality adjective or a state's name at word `k` names, and where it ends."""
    state = next((lx.DEMONYM_FORMS[f] for f in _forms(tokens[k].n) if f in lx.DEMONYM_FORMS), None)
    if state is not None:
        return state, k + 1
    geo = _geo_at(tokens, k)
    return (geo[1], geo[0]) if geo is not None and geo[2] == ActorKind.STATE else None


@lru_cache(maxsize=65536)
def _bare(n: str) -> str:
    """A word without its clitics and article: the title head or title word it reads as, else the
    last reading (`لرئيس` -> `رئيس`, `والعاهل` -> `عاهل`)."""
    forms = _forms(n)
    known = next((f for f in forms if f in lx.PERSON_TITLE_HEADS or f in lx.TITLE_WORDS), forms[-1])
    return _strip_article(known)


def title_head(title: str) -> str:
    """`وزير` of `وزير الخارجية`, `رئيس` of `الرئيس`: the office a title names first."""
    return _title_parts(title)[2]


def title_states(title: str) -> frozenset[str]:
    return _title_parts(title)[0]


@lru_cache(maxsize=4096)
def title_nation(title: str) -> str | None:
    """The holder's state: the first a title names (`سفير الكويت لدى العراق`: الكويت; `رئيسا روسيا
    وسوريا`: روسيا, the second is the other holder's)."""
    tokens = tokenize(title)
    return next(
        (named[0] for k, t in enumerate(tokens) if t.kind == "w" and (named := _state_at(tokens, k))), None
    )


def span_parts(tokens: Sequence[Token], a: int, b: int) -> tuple[frozenset[str], frozenset[str], str]:
    """`_title_parts` of the title tokens `a..b-1` of a document."""
    return _parts(tokens[a:b])


def by_title_words(
    people: Sequence[_Record], tokens: Sequence[Token], a: int, b_max: int
) -> tuple[list[_Record], int]:
    """`القنصل العام الأمريكي السابق` for `القنصل الأمريكي السابق`, `رئيس الحشد الشعبي العراقي` for
    `رئيس هيئة الحشد الشعبي في العراق`: the persons whose title has the same head and whose words
    hold the words of the title-only mention (its longest stretch from `a` that ends at a word of its
    own) or are held by them, three shared at least (the order and an `العام` may differ; a
    nationality adjective and the state's name count as one word); and where that stretch ends."""
    for b in range(b_max, a + 2, -1):
        if tokens[b - 1].kind != "w" or tokens[b - 1].n in lx.STOPWORDS:
            continue  # `لرئيس الحشد الشعبي العراقي إلى`
        found = _holding_words(people, tokens, a, b)
        if found:
            return found, b
    return [], b_max


def _holding_words(people: Sequence[_Record], tokens: Sequence[Token], a: int, b: int) -> list[_Record]:
    states, words, head = span_parts(tokens, a, b)
    wanted = words | {"@" + s for s in states}
    found = []
    for rec in people:
        for title in rec.titles:
            have_states, have_words, have_head = _title_parts(title)
            have = have_words | {"@" + s for s in have_states}
            if have_head == head and len(have & wanted) >= 3 and (have <= wanted or wanted <= have):
                found.append(rec)
                break
    return found


def of_no_state(matches: list[_Record], tokens: Sequence[Token], a: int, b: int) -> list[_Record]:
    """A title that names no state (`وزير الدفاع`), held by several persons: the one whose titles
    name no state either, when only one's do (the others are foreign: `وزير الدفاع السعودي`)."""
    if len(matches) < 2 or span_parts(tokens, a, b)[0]:
        return matches
    home = [r for r in matches if not any(title_states(t) for t in r.titles)]
    return home if len(home) == 1 else matches


def of_named_state(matches: list[_Record], tokens: Sequence[Token], a: int, b: int) -> list[_Record]:
    """Of the persons a title-only mention matched, those of a state it names (in its words `a..b-1`,
    or right after them: `وزير الخارجية` + `في سلطنة عمان`, `العماني`): a person whose titles name
    states, none of them the mention's, holds another office (not `وزير الخارجية في الحكومة
    اليمنية`)."""
    states = set(span_parts(tokens, a, b)[0])
    k = b + 1 if b < len(tokens) and tokens[b].n in _STATE_PREPOSITIONS else b
    if k < len(tokens) and tokens[k].kind == "w" and (named := _state_at(tokens, k)) is not None:
        states.add(named[0])
    if not states:
        return matches
    return [
        rec
        for rec in matches
        if not any(title_states(t) for t in rec.titles) or any(title_states(t) & states for t in rec.titles)
    ]


def not_of_counterparts_state(
    matches: list[_Record], tokens: Sequence[Token], b: int, person_at: dict[int, _Record]
) -> list[_Record]:
    """A title-only mention ending at `b - 1` whose counterpart follows in its sentence, with no
    person between (`وزير الدفاع يستقبل نظيره الروسي`), is of another state than the counterpart's:
    not a person all of whose titles name that state."""
    k = b
    while k < len(tokens) and tokens[k].text not in _SENTENCE_ENDS and not tokens[k].line_start:
        if k in person_at:
            return matches
        if tokens[k].n in COUNTERPARTS and k + 1 < len(tokens):
            state = lx.DEMONYM_FORMS.get(tokens[k + 1].n)
            if state is None:
                return matches
            return [rec for rec in matches if not all(title_nation(t) == state for t in rec.titles)]
        k += 1
    return matches


def same_head(matches: list[_Record], head: str) -> list[_Record]:
    """Of several persons of one nationality matched by a generic word (`الموفد الفرنسي` beside
    `السفير الفرنسي`), the one whose title has that very head, when only one has."""
    if len(matches) < 2:
        return matches
    stem = _strip_article(head)
    own = [r for r in matches if any(_title_parts(t)[2] == stem for t in r.titles)]
    return own if len(own) == 1 else matches


def counterpart(
    people: Sequence[_Record],
    tokens: Sequence[Token],
    a: int,
    other: tuple[_Record | None, str] | None,
) -> list[_Record]:
    """`نظيره اللبناني` at `a`: the persons whose title names that state and has the head of the
    other party's office (`other`: the person named before it in the sentence and his head, or
    the head of a title-only mention there), unless a person is named only as a counterpart of that
    state (`نظيره الروسي X`: the same one again); else the one holder of that office whose titles name
    no state, when the other party's titles name another state (`الرئيس الفرنسي X نظيره اللبناني` beside
    `رئيس الجمهورية Y`, `الرئيس Y`: a document names its own officials without their state)."""
    if a + 1 >= len(tokens) or tokens[a].n not in COUNTERPARTS:
        return []
    words = _title_words(tokens, a, a + 2)
    partners = [
        rec
        for rec in people
        if (other is None or rec is not other[0])
        and rec.titles
        and all(title_head(t) in _COUNTERPART_HEADS for t in rec.titles)
        and any(_title_words(tokenize(t), 0, 2) == words for t in rec.titles)
    ]
    if partners or other is None:
        return partners  # named before only as a counterpart of that state: the same one again
    state = lx.DEMONYM_FORMS.get(tokens[a + 1].n)
    rec_other, head = other
    if state is None or not head:
        return []
    named = [
        rec
        for rec in people
        if rec is not rec_other
        and any(title_nation(t) == state and office_head(t) == head for t in rec.titles)
    ]
    if named or rec_other is None or state in {title_nation(t) for t in rec_other.titles}:
        return named
    return unstated_holder(people, head, rec_other)


def unstated_holder(people: Sequence[_Record], head: str, other: _Record | None = None) -> list[_Record]:
    """A document names its own officials without their state (`الرئيس X` beside `الرئيس المصري`):
    for a title of a state none of whose persons holds that office, the one person (not `other`)
    whose titles name no state and have the office `head`; of several, the one with a title in the
    very words of one of `other`'s (`الرئيس` for `الرئيس الفرنسي`, not `رئيس مجلس النواب`)."""
    head = _masculine(_strip_article(head))
    found = [
        rec
        for rec in people
        if rec is not other
        and rec.titles
        and not any(title_states(t) for t in rec.titles)
        and any(office_head(t) == head for t in rec.titles)
    ]
    if len(found) > 1 and other is not None:
        offices = {_title_parts(t)[1] for t in other.titles if title_head(t) not in _COUNTERPART_HEADS}
        found = [rec for rec in found if any(_title_parts(t)[1] in offices for t in rec.titles)]
    return found if len(found) == 1 else []


def sole_holder(people: Sequence[_Record], head: str) -> list[_Record]:
    """`السلطان`, `الوزير` alone: the one person whose office (a title other than a rank or a form of
    address alone) has that head; none when two hold it."""
    head = _masculine(_strip_article(head))
    found = [rec for rec in people if any(office_head(t) == head for t in _offices(rec.titles))]
    return found if len(found) == 1 else []


def office_head(title: str) -> str:
    """The office a title names first, the same for a woman (`وزيرة` -> `وزير`)."""
    return _masculine(title_head(title))


def _masculine(head: str) -> str:
    return head[:-1] if head.endswith("ه") and head[:-1] in _MASCULINE_HEADS else head


def other_party(
    tokens: Sequence[Token],
    a: int,
    person_at: dict[int, _Record],
    title_heads: dict[int, str],
) -> tuple[_Record | None, str] | None:
    """The party a counterpart at `a` is the counterpart of: the nearest person (by the last token
    of a mention, `person_at`) or title-only mention (by its last token, `title_heads`) before it
    in the sentence, with the head of its office (a counterpart title of his own says none)."""
    k = a - 1
    while k >= 0 and tokens[k].text not in _SENTENCE_ENDS and not tokens[k + 1].line_start:
        if k in person_at:
            rec = person_at[k]
            heads = {office_head(t) for t in _offices(rec.titles)} - _COUNTERPART_HEADS
            return (rec, next(iter(heads))) if len(heads) == 1 else None
        if k in title_heads:
            return None, _masculine(title_heads[k])
        k -= 1
    return None


def _offices(titles: Sequence[str]) -> list[str]:
    """The titles that name an office: not a rank or a form of address alone (`الفريق`, `الفريق أول
    الشيخ`, `الأمير`), which a person has beside his office (`الفريق X رئيس الأركان`: his office is
    `رئيس`); all of them when none names more."""
    offices = [
        t for t in titles if not all(w.n in _RANKS_AND_HONORIFICS for w in tokenize(t) if w.kind == "w")
    ]
    return offices or list(titles)


def foreign_appositions(
    tokens: Sequence[Token],
    persons: Sequence[tuple[int, int, int, int]],
    after_titles: dict[int, tuple[int, int]],
) -> list[tuple[int, int]]:
    """Titles in apposition after a name that has its own title before it, but that are another
    person's: a counterpart (`الرئيس الفرنسي X نظيره اللبناني`: the Lebanese president), or the
    title another person of the document is named with (`التقى رئيس المجلس A، وزير الأمن
    الإيراني،` beside `وزير الأمن الإيراني B`: one office, one holder), or a title of another state
    than the one before the name (`رئيس الحشد في العراق A وزير الدولة السعودي`). Taken out of
    `after_titles` (name start -> title span) and returned as the title-only mentions they are.
    `persons`: (title start, title end, name start, name end) of each person the scan found."""
    held: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for title_first, title_end, name_first, name_end in persons:
        if title_end > title_first:
            name = tuple(t.n for t in tokens[name_first:name_end])
            held.setdefault(_title_words(tokens, title_first, title_end), set()).add(name)
    found = []
    for title_first, title_end, name_first, name_end in persons:
        if name_first not in after_titles or title_end <= title_first:
            continue
        a, b = after_titles[name_first]
        name = tuple(t.n for t in tokens[name_first:name_end])
        own, other = _own_state(tokens, title_first, title_end), _own_state(tokens, a, b)
        if (
            tokens[a].n in COUNTERPARTS
            or held.get(_title_words(tokens, a, b), set()) - {name}
            or own is not None
            and other is not None
            and own != other
        ):
            del after_titles[name_first]
            found.append((a, b))
    return found


def _own_state(tokens: Sequence[Token], a: int, b: int) -> str | None:
    """The state a title's words `a..b-1` make its holder's: the first named by an adjective or a
    name, not one after `ب` (`بمكتبه بالخرطوم`: where he was, in a title that ran on)."""
    for k in range(a, b):
        if tokens[k].kind != "w" or (tokens[k].n.startswith("ب") and _geo_at(tokens, k) is not None):
            continue
        if (named := _state_at(tokens, k)) is not None:
            return named[0]
    return None


def _title_words(tokens: Sequence[Token], a: int, b: int) -> tuple[str, ...]:
    return tuple(_bare(t.n) for t in tokens[a:b] if t.kind == "w")
