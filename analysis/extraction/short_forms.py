"""Later mentions of the persons a document names: the surname alone (`الفياض`), after an honorific
(`السيد الفياض`) or a rank, in another spelling (`ماكسيوف`), the full name without a title, and a
title with no name (`رئيس هيئة الحشد الشعبي`) that only one of its persons holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analysis.arabic import key_variants, name_key, normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction import title_holders as titles
from analysis.extraction.actor_geo import _reads_as
from analysis.extraction.actor_records import Mention, _Doc, _Record
from analysis.extraction.actor_tokens import Token, _forms, _strip_clitic_offset
from analysis.extraction.name_variants import variant_spelling
from analysis.extraction.person_names import _PATRONYMIC_CONNECTORS
from analysis.extraction.results import ActorKind

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
    for form, v in _loose_readings(n):
        found = {
            id(r): r
            for surname, recs in by_ends.get(v[:1] + v[-1:], ())
            if abs(len(v) - len(surname)) <= 2 and variant_spelling(v, surname)
            for r in recs
        }
        if found:
            return found, form
    return {}, n


@lru_cache(maxsize=65536)
def _loose_readings(n: str) -> tuple[tuple[str, str], ...]:
    """Each reading of a token without its clitic, with that reading's loose surname key."""
    return tuple((form, _loose(_strip_article(form))) for form in _forms(n))


@lru_cache(maxsize=65536)
def _loose_variants(n: str) -> tuple[str, ...]:
    """`_loose` of each of a token's `key_variants` (asked of every word of a document)."""
    return tuple(dict.fromkeys(_loose(v) for v in key_variants(n)))


_ENVOYS = frozenset(normalize(w) for w in "موفد مبعوث ضيف زاير".split())


def _by_nationality(people, head: str, adjective: str) -> list[_Record]:
    """`الموفد الأميركي`, `الوزير التركي`, `الوزير البحريني`: the persons of the document whose title
    names that state, by the adjective or by its name (`وزير خارجية البحرين`), and has that office
    (unless the head is a generic envoy word)."""
    state = lx.DEMONYM_FORMS.get(adjective)
    if state is None:
        return []
    stem = _strip_article(head)
    found = []
    for rec in people:
        words = [w for t in rec.titles for w in normalize(t).split()]
        if not any(titles.title_nation(t) == state for t in rec.titles):
            continue
        counterpart = any(w in titles.COUNTERPARTS for w in words)  # `نظيره الصومالي`: the same office
        if stem in _ENVOYS or counterpart or any(stem in _strip_article(w) for w in words):
            found.append(rec)
    return found


@dataclass(slots=True)
class _Surnames:
    exact: dict[str, list[_Record]]  # surname key -> persons
    loose: dict[str, list[_Record]]  # the same with a foreign g folded (`_loose`), five letters or more
    by_ends: dict[str, list[tuple[str, list[_Record]]]]  # loose surnames by first and last letter


# The second word of a compound name, never a surname alone.
_COMPOUND_ENDS = frozenset(normalize(w) for w in "الله الدين".split())


def _surnames(people: list[_Record]) -> _Surnames:
    exact: dict[str, list[_Record]] = {}
    for rec in people:
        parts = name_key(rec.name).split()
        if len(parts) < 2:
            if parts and len(parts[0]) >= 3 and parts[0] not in lx.STOPWORDS and parts[0][:1] != "و":
                # `الوزير ظريف ... والتقى ظريف`: a person named by one word is named by it again (not
                # a word read with `و` before it, `الرئيس المصري وتمنياته`: no name)
                exact.setdefault(parts[0], []).append(rec)
            continue
        surname = parts[-1]
        patronymic = parts[-2] in _PATRONYMIC_CONNECTORS  # `محمد بن سلمان`: سلمان is the father
        compound = surname in _COMPOUND_ENDS  # `يار الله`, `بدر الدين`: half a name
        if len(surname) >= 3 and surname not in lx.STOPWORDS and not patronymic and not compound:
            exact.setdefault(surname, []).append(rec)
        rec.first_name = parts[0]
    loose: dict[str, list[_Record]] = {}
    for surname, recs in exact.items():
        if len(surname) >= 5:
            loose.setdefault(_loose(surname), []).extend(recs)
    by_ends: dict[str, list[tuple[str, list[_Record]]]] = {}
    for surname, recs in loose.items():
        by_ends.setdefault(surname[:1] + surname[-1:], []).append((surname, recs))
    return _Surnames(exact, loose, by_ends)


def link_short_forms(doc: _Doc) -> None:
    """Each word not yet taken that is the surname of exactly one person becomes its mention (with
    the given name, an honorific or a rank before it)."""
    index = _surnames(list({id(r): r for r in doc.person_by_key.values()}.values()))
    for k_idx, tok in enumerate(doc.tokens):
        if doc.covered[k_idx] or tok.kind != "w":
            continue
        cands = {id(r): r for v in key_variants(tok.n) for r in index.exact.get(v, ())}
        if not cands and index.loose:
            # `لانجلي` for `لانغلي`: one foreign g written ج, غ or ك
            cands = {id(r): r for v in _loose_variants(tok.n) for r in index.loose.get(v, ())}
        variant = None
        if not cands and index.by_ends and len(tok.n) >= 5 and not name_words.ordinary(tok.text):
            cands, variant = _variant_surname(tok.n, index.by_ends)  # `ماكسيموف` for `مكسيموف`
        if len(cands) == 1 and not (k_idx > 0 and _reads_as(doc.tokens[k_idx - 1].n, "org")):
            # not `جماعة الحوثي`: a surname after an organisation's head noun names the organisation
            _add_short_form(doc, k_idx, next(iter(cands.values())), variant, index.exact)


def _add_short_form(
    doc: _Doc, k_idx: int, rec: _Record, variant: str | None, surnames: dict[str, list[_Record]]
) -> None:
    tokens, text, covered = doc.tokens, doc.text, doc.covered
    tok = tokens[k_idx]
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
    if first == k_idx:
        first = _honorific_or_rank_before(doc, k_idx, rec)
    doc.add_mention(rec, Mention(rec.key, ActorKind.PERSON, first, k_idx, tokens[first].start + off, tok.end))
    doc.cover(first, k_idx)


def _honorific_or_rank_before(doc: _Doc, k_idx: int, rec: _Record) -> int:
    """Where a surname's mention starts: at an honorific before it (`السيد الفياض`, kept as an alias)
    or at a rank of several words (`الفريق أول كوريلا`, `اللواء الركن باقري`)."""
    tokens, text, covered = doc.tokens, doc.text, doc.covered
    tok = tokens[k_idx]
    if k_idx > 0 and any(f in lx.HONORIFICS for f in _forms(tokens[k_idx - 1].n)):
        first = k_idx - 1
        honorific = text[tokens[first].start : tok.end]
        if honorific not in rec.aliases and normalize(honorific) != normalize(rec.name):
            head = next(f for f in _forms(tokens[first].n) if f in lx.HONORIFICS)
            rec.aliases.append(
                text[tokens[first].start + _strip_clitic_offset(tokens[first], head) : tok.end]
            )
        return first
    if k_idx > 1 and tokens[k_idx - 1].n in lx.RANKS:
        r = k_idx - 1
        while r > max(0, k_idx - 4) and tokens[r - 1].n in lx.RANKS and not covered[r - 1]:
            r -= 1
        if any(f in lx.HONORIFICS for f in _forms(tokens[r].n)) and not covered[r]:
            return r
    return k_idx


def link_title_only(doc: _Doc, title_only: list[tuple[int, int]]) -> None:
    """A title with no name (`رئيس هيئة الحشد الشعبي`, `الموفد الأميركي`, `نظيره اللبناني`) that
    names exactly one person of the document: a mention of that person."""
    tokens = doc.tokens
    people = list({id(r): r for r in doc.person_by_key.values()}.values())
    person_titles = [(rec, name_key(t)) for rec in people for t in rec.titles]
    person_at = {
        m.last: rec
        for m in doc.mentions
        if m.kind == ActorKind.PERSON
        and not m.embedded
        and (rec := doc.table.every_key.get(m.actor)) is not None
    }
    title_heads = {b - 1: titles.span_parts(tokens, a, a + 1)[2] for a, b in title_only}
    for a, b_max in title_only:
        if any(doc.covered[a:b_max]):
            continue
        head_tok = tokens[a]
        head_form = next((f for f in _forms(head_tok.n) if f in lx.PERSON_TITLE_HEADS), head_tok.n)
        head_start = head_tok.start + _strip_clitic_offset(head_tok, head_form)
        before = (person_at, title_heads)
        matches, b = _holders(doc, people, person_titles, before, a, b_max)
        office = _past_forms_of_address(tokens, a, b_max)
        if not matches and office > a:
            # `سعادة السفير الصيني`, `لمعالي وزير الخارجية الأمريكي`: the office after the form of address
            matches, b = _holders(doc, people, person_titles, before, office, b_max)
        if len(matches) == 1:
            rec = matches[0]
            mention = Mention(
                rec.key, ActorKind.PERSON, a, b - 1, head_start, tokens[b - 1].end, a, title_only=True
            )
            doc.add_mention(rec, mention)
            doc.cover(a, b - 1)
            person_at[b - 1] = rec


def _holders(
    doc: _Doc,
    people: list[_Record],
    person_titles: list[tuple[_Record, str]],
    before: tuple[dict[int, _Record], dict[int, str]],
    a: int,
    b_max: int,
) -> tuple[list[_Record], int]:
    """The persons the title-only mention `a..b_max-1` names, and where the words that name them end;
    `before`: the persons and title-only mentions by their last token, for a counterpart's other party."""
    tokens = doc.tokens
    head_tok = tokens[a]
    head_form = next((f for f in _forms(head_tok.n) if f in lx.PERSON_TITLE_HEADS), head_tok.n)
    head_start = head_tok.start + _strip_clitic_offset(head_tok, head_form)
    if b_max - a == 1:
        matches, b = titles.sole_holder(people, head_form), a + 1  # `السلطان` alone
    elif head_form in titles.COUNTERPARTS:
        # `نظيره الفرنسي` names an office by the other party's: the same words may be two persons
        other = titles.other_party(tokens, a, *before)
        matches, b = titles.counterpart(people, tokens, a, other), a + 2
    else:
        matches, b = _by_title(doc, people, person_titles, a, b_max, head_start)
    matches = titles.of_named_state(matches, tokens, a, b)
    return titles.not_of_counterparts_state(matches, tokens, b, before[0]), b


def _past_forms_of_address(tokens: Sequence[Token], a: int, b_max: int) -> int:
    """The first word of a title-only mention past its forms of address (`معالي`, `سعادة`, `السيد`),
    when a word of the title is left (`معالي السيد وزير الخارجية`: `وزير`); else `a`."""
    k = a
    while k < b_max and any(
        f in lx.ADDRESS_HONORIFICS or f in lx.PERSONAL_HONORIFICS for f in _forms(tokens[k].n)
    ):
        k += 1
    return k if k < b_max else a


def _by_title(
    doc: _Doc,
    people: list[_Record],
    person_titles: list[tuple[_Record, str]],
    a: int,
    b_max: int,
    head_start: int,
) -> tuple[list[_Record], int]:
    """The persons a title-only mention (not a counterpart) names, and where it ends: by a title
    that begins with its words, by its nationality, by the words of a title in another order."""
    tokens = doc.tokens
    head_form = next((f for f in _forms(tokens[a].n) if f in lx.PERSON_TITLE_HEADS), tokens[a].n)
    matches, b = _by_title_key(doc, person_titles, a, b_max, head_start)
    matches = titles.of_no_state(matches, tokens, a, b)
    if not matches and b_max - a >= 2:
        matches = titles.same_head(_by_nationality(people, head_form, tokens[a + 1].n), head_form)
        if not matches and tokens[a + 1].n in lx.DEMONYM_FORMS:
            matches = titles.unstated_holder(people, head_form)  # `الرئيس المصري` for `الرئيس X`
        b = a + 2
    if not matches:
        matches, b = titles.by_title_words(people, tokens, a, b_max)
    return matches, b


def _by_title_key(
    doc: _Doc, person_titles: list[tuple[_Record, str]], a: int, b_max: int, head_start: int
) -> tuple[list[_Record], int]:
    """The persons one of whose titles is the title-only mention's words or begins with them (the
    longest such stretch from its head), and where that stretch ends. A stretch that leaves out the
    title's nationality (`وزير الدفاع` of `وزير الدفاع الأميركي`) is another title, and so is one
    that leaves out the genitive of its last noun where the person's title goes on otherwise
    (`رئيس مجلس` of `رئيس مجلس النواب`, not of `رئيس مجلس الشورى`)."""
    tokens, text = doc.tokens, doc.text
    matches: list[_Record] = []
    b = b_max
    while b - a >= 2 and not matches:
        key = name_key(text[head_start : tokens[b - 1].end])
        cut = _cut_short(tokens, b) if b < b_max else None
        if tokens[b - 1].kind == "w" and cut != "nationality":
            matches = list(
                {
                    id(r): r
                    for r, tkey in person_titles
                    if tkey == key or tkey.startswith(key + " ") and cut != "genitive"
                }.values()
            )
        if not matches:
            b -= 1
    return matches, b


def _cut_short(tokens: Sequence[Token], b: int) -> str | None:
    """How the title goes on at `b`: with its nationality adjective, or with the genitive of a noun
    in the construct state at `b - 1`."""
    nxt, last = tokens[b], tokens[b - 1]
    if nxt.kind != "w":
        return None
    if nxt.n in lx.DEMONYM_FORMS:
        return "nationality"
    return "genitive" if nxt.article and not last.article and last.n not in lx.STOPWORDS else None
