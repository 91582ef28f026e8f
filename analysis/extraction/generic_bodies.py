"""Generic state bodies: `الجيش العراقي`, `القوات التركية`, `الحكومة اليمنية` — a head noun for a
state's army, forces or government with the state's nationality adjective after it, perhaps past
the words for a branch (`القوات البحرية الجزائرية`, `القوات المسلحة الملكية المغربية`), or a navy
(`البحرية الأمريكية`; not the adjective after a definite noun, `القطع البحرية المصرية`); heads,
branches and the family-name nationalities read as such only after a head (`الجيش السوداني`) are in
`data/bodies.json`.

Such a phrase names no organisation of its own: ../shared/gold/CONVENTIONS.md lists it only when
it takes part in an engagement. The actor stage gives it a mention so that the engagement stage
can take it as a party where it is one (the subject or object of a trigger); `parties_only`
drops it from the actors of a document where it took part in nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from analysis.arabic import name_key, normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_geo import _is_geo
from analysis.extraction.actor_records import Mention, _Doc
from analysis.extraction.actor_tokens import _ARTICLE, Token, _forms, _is_stop, _strip_clitic_offset
from analysis.extraction.results import ActorKind, ExtractedActor, ExtractedEngagement

_DATA = json.loads((Path(__file__).parent / "data" / "bodies.json").read_text(encoding="utf-8"))
HEADS = frozenset(normalize(w) for w in _DATA["heads"])
MILITARY_HEADS = frozenset(normalize(w) for w in _DATA["military_heads"])
GOVERNMENT_HEADS = HEADS - MILITARY_HEADS
BRANCHES = frozenset(normalize(w) for w in _DATA["branches"])
CONSTRUCT_HEADS = frozenset(normalize(w) for w in _DATA["construct_heads"])
CONSTRUCT_GENITIVES = frozenset(normalize(w) for w in _DATA["construct_genitives"])
_MAX_BRANCHES = 2
EPITHETS = frozenset(normalize(w) for w in _DATA["epithets"])
# `أفراد الجيش X`, `عناصر من القوات X`: members or units of a body, before it
PERSONNEL = frozenset(normalize(w) for w in _DATA["personnel"])
# nationalities after a head: places.json's, and the family-name ones (`السوداني`, `السودانية`)
HEAD_DEMONYMS = frozenset(lx.DEMONYM_FORMS) | frozenset(
    normalize("ال" + stem + end) for stem in _DATA["head_demonyms"] for end in ("", "ة")
)
INDEFINITE_HEADS = frozenset(normalize(w) for w in _DATA["indefinite_heads"])
INDEFINITE_BRANCHES = frozenset(normalize(w) for w in _DATA["indefinite_branches"])


def _head(tok: Token) -> str | None:
    if tok.kind != "w":
        return None
    return next((f for f in _forms(tok.n) if f in HEADS), None)


def _construct_head(tokens: Sequence[Token], i: int) -> bool:
    """`جيش الاحتلال`, `وطيران الاحتلال`: an indefinite head in construct with a genitive that,
    with a nationality after it, still names that state's body."""
    tok = tokens[i]
    return (
        tok.kind == "w"
        and i + 1 < len(tokens)
        and any(f in CONSTRUCT_HEADS for f in _forms(tok.n))
        and tokens[i + 1].n in CONSTRUCT_GENITIVES
    )


def _indefinite_end(tokens: Sequence[Token], i: int) -> int | None:
    """`طائرات حربية تركية`: an indefinite head, its branch words and an indefinite nationality;
    None without a branch (`مقاتلات أميركية`: the state, as this press writes it)."""
    if tokens[i].kind != "w" or not any(f in INDEFINITE_HEADS for f in _forms(tokens[i].n)):
        return None
    k = i + 1
    while k < len(tokens) and k - i <= _MAX_BRANCHES and tokens[k].n in INDEFINITE_BRANCHES:
        k += 1
    if k == i + 1 or k >= len(tokens):
        return None
    adj = tokens[k]
    if adj.kind != "w" or adj.n.startswith(_ARTICLE) or adj.n not in lx.DEMONYM_FORMS:
        return None
    return k + 1


def body_at(tokens: Sequence[Token], i: int) -> int | None:
    """The end (exclusive) of a generic body starting at token `i`: its head and a definite
    nationality adjective right after it (`للجيش اللبناني`, `والقوات الأميركية`), a head in
    construct (`جيش الاحتلال الإسرائيلي`), or an indefinite one with its branch (`طائرات حربية تركية`)."""
    if (end := _indefinite_end(tokens, i)) is not None:
        return end
    construct = _construct_head(tokens, i)
    head = _head(tokens[i])
    if (head is None and not construct) or i + 1 >= len(tokens):
        return None
    if (
        head == tokens[i].n in BRANCHES
        and i > 0
        and tokens[i - 1].kind == "w"
        and tokens[i - 1].n.startswith(_ARTICLE)
    ):
        return (
            None  # `القطع البحرية المصرية`: a branch's adjective after a definite noun, not `البحرية المصرية`
        )
    k = i + 2 if construct else i + 1
    while k < len(tokens) and k - i <= _MAX_BRANCHES and tokens[k].kind == "w" and tokens[k].n in BRANCHES:
        k += 1  # `القوات البحرية`, `القوات المسلحة الملكية`
    if k >= len(tokens):
        return None
    adj = tokens[k]
    if adj.kind != "w" or not adj.n.startswith(_ARTICLE) or adj.n not in HEAD_DEMONYMS:
        return None
    if k + 1 < len(tokens) and tokens[k + 1].n in EPITHETS:
        return k + 2  # `الجيش الأردني العربي`: the army's own epithet closes its name
    if k + 1 < len(tokens) and tokens[k + 1].n in lx.DEMONYM_FORMS:
        return None  # `المقاتلات الأميركية الفرنسية`: a joint force, named by its two states
    if k + 1 < len(tokens) and _named_on(tokens[k + 1]):
        return None  # `الجيش السوري الحر`: a named body, not a state's army
    return k + 1


_TIME_NOUNS = frozenset(normalize(w) for w in "الشهر الأسبوع العام السنة الأسابيع الأشهر الأيام".split())


def _named_on(tok: Token) -> bool:
    """A definite adjective that goes on with the name (`الجيش السوري الحر`); not a time phrase
    (`الشهر المقبل`), a rank or title opening a name (`الجيش الأميركي الجنرال X`), a second
    nationality joined by `و` (`القوات الأميركية والبريطانية`), a state or place, the verb's other
    party (`وسلمت الحكومة الروسية العراق`), or a word on the next line (a headline's end)."""
    if tok.kind != "w" or not tok.n.startswith(_ARTICLE) or _is_stop(tok.n) or tok.n in lx.DEMONYM_FORMS:
        return False
    if tok.line_start or _is_geo(tok.n):
        return False
    return not (tok.n in _TIME_NOUNS or tok.n in lx.RANKS or tok.n in lx.PERSON_TITLE_HEADS)


@lru_cache(maxsize=4096)
def is_generic_body(name: str) -> bool:
    """`الجيش العراقي`, `القوات التركية`: a generic body's name (an actor or mention name)."""
    words = normalize(name).split()
    if len(words) >= 3 and words[0] in INDEFINITE_HEADS:
        return (
            len(words) <= 2 + _MAX_BRANCHES
            and all(w in INDEFINITE_BRANCHES for w in words[1:-1])
            and words[-1] in lx.DEMONYM_FORMS
        )
    if len(words) >= 3 and words[0] in CONSTRUCT_HEADS and words[1] in CONSTRUCT_GENITIVES:
        words = words[1:]  # `سلاح البحرية الملكي البحريني`: the genitive stands as the head
        return (
            len(words) <= 2 + _MAX_BRANCHES
            and all(w in BRANCHES for w in words[1:-1])
            and words[-1] in HEAD_DEMONYMS
        )
    return (
        2 <= len(words) <= 2 + _MAX_BRANCHES
        and words[0] in HEADS
        and all(w in BRANCHES for w in words[1:-1])
        and words[-1] in HEAD_DEMONYMS
    ) or (len(words) >= 3 and words[-1] in EPITHETS and is_generic_body(" ".join(words[:-1])))


def is_military_body(name: str) -> bool:
    """`الجيش العراقي`, `القوات البحرية التركية`: a generic body that is a state's army or forces."""
    return (
        is_generic_body(name)
        and normalize(name).split()[0] in MILITARY_HEADS | INDEFINITE_HEADS | CONSTRUCT_HEADS
    )


def government_of(mentions: Sequence[Mention], state: str) -> Mention | None:
    """The first mention of `state`'s government by its nationality (`الحكومة الروسية`), if any:
    the state acting as a seller or a supplier where the goods only carry its adjective."""
    for m in mentions:
        words = normalize(m.actor).split()
        if not m.embedded and is_generic_body(m.actor) and words[0] in GOVERNMENT_HEADS:
            if lx.DEMONYM_FORMS.get(words[-1]) == state:
                return m
    return None


def forces_of(mentions: Sequence[Mention], state: str) -> Mention | None:
    """The first mention of `state`'s forces by their nationality (`الجيش الإسرائيلي`), if any: the
    attacker or the target an attack names only by its adjective (`هجوم إسرائيلي على لبنان`)."""
    for m in mentions:
        if m.embedded or m.kind != ActorKind.ORGANIZATION or not is_military_body(m.actor):
            continue
        if lx.DEMONYM_FORMS.get(normalize(m.actor).split()[-1]) == state:
            return m
    return None


def find_generic_bodies(doc: _Doc, in_title: list[bool], org_covered: list[bool]) -> None:
    """Mentions of generic bodies outside persons' names and organisations' names (inside a
    title, `رئيس الحكومة العراقية X`, they are embedded: no party)."""
    tokens = doc.tokens
    for k in range(len(tokens) - 1):
        if org_covered[k] or org_covered[k + 1]:
            continue
        end = body_at(tokens, k)
        if end is None:
            continue
        tok = tokens[k]
        head = _head(tok) or next(f for f in _forms(tok.n) if f in CONSTRUCT_HEADS | INDEFINITE_HEADS)
        off = _strip_clitic_offset(tok, head)
        name = doc.text[tok.start + off : tokens[end - 1].end]
        if tok.n.startswith(("لل", "ولل", "فلل")):  # `للجيش` -> `الجيش`, the mention on the whole word
            lam = tok.text.index("ل") + 1
            name, off = "ا" + doc.text[tok.start + lam : tokens[end - 1].end], 0
        embedded = any(in_title[k:end]) or any(doc.covered[k:end])
        if embedded and name_key(name) not in doc.table.records:
            continue
        rec = doc.table.add(name, ActorKind.ORGANIZATION, name_key(name))
        mention = Mention(
            rec.key,
            ActorKind.ORGANIZATION,
            k,
            end - 1,
            tok.start + off,
            tokens[end - 1].end,
            embedded=embedded,
        )
        doc.add_mention(rec, mention)
        for s in range(k, end):
            org_covered[s] = True
        if not embedded and (second := _elided_body(tokens, end, name)) is not None:
            rec = doc.table.add(second, ActorKind.ORGANIZATION, name_key(second))
            adj = tokens[end]
            doc.add_mention(rec, Mention(rec.key, ActorKind.ORGANIZATION, end, end, adj.start + 1, adj.end))
            org_covered[end] = True


def _elided_body(tokens: Sequence[Token], end: int, name: str) -> str | None:
    """`الجيش الجزائري والروسي`: a second nationality joined by `و` to a body is the same body of
    that state (`الجيش الروسي`), its head and branches left unsaid; its name, with those of the
    first (`name`)."""
    if end >= len(tokens) or tokens[end].kind != "w" or not tokens[end].n.startswith("وال"):
        return None
    if tokens[end - 1].n in EPITHETS:
        return None  # `الجيش الأردني العربي والقوات ...`: the epithet closed the first name
    adj = tokens[end].n[1:]
    if adj not in HEAD_DEMONYMS or end + 1 < len(tokens) and _named_on(tokens[end + 1]):
        return None
    return " ".join([*name.split()[:-1], tokens[end].text[1:]])


def parties_only(
    actors: list[ExtractedActor], engagements: Sequence[ExtractedEngagement]
) -> list[ExtractedActor]:
    """The actors without the generic bodies that take part in no engagement."""
    parties = {p.name for e in engagements for p in e.participants}
    return [a for a in actors if a.name in parties or not is_generic_body(a.name)]
