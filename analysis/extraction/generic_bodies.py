"""Generic state bodies: `الجيش العراقي`, `القوات التركية`, `الحكومة اليمنية` — a head noun for a
state's army, forces or government with the state's nationality adjective after it.

Such a phrase names no organisation of its own: ../shared/gold/CONVENTIONS.md lists it only when
it takes part in an engagement. The actor stage gives it a mention so that the engagement stage
can take it as a party where it is one (the subject or object of a trigger); `parties_only`
drops it from the actors of a document where it took part in nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import name_key, normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_records import Mention, _Doc
from analysis.extraction.actor_tokens import _ARTICLE, Token, _forms, _is_stop, _strip_clitic_offset
from analysis.extraction.results import ActorKind, ExtractedActor, ExtractedEngagement

HEADS = frozenset(normalize(w) for w in "الجيش القوات الحكومة".split())


def _head(tok: Token) -> str | None:
    if tok.kind != "w":
        return None
    return next((f for f in _forms(tok.n) if f in HEADS), None)


def body_at(tokens: Sequence[Token], i: int) -> int | None:
    """The end (exclusive) of a generic body starting at token `i`: its head and a definite
    nationality adjective right after it (`للجيش اللبناني`, `والقوات الأميركية`)."""
    if _head(tokens[i]) is None or i + 1 >= len(tokens):
        return None
    adj = tokens[i + 1]
    if adj.kind != "w" or not adj.n.startswith(_ARTICLE) or adj.n not in lx.DEMONYM_FORMS:
        return None
    if i + 2 < len(tokens) and _named_on(tokens[i + 2]):
        return None  # `الجيش السوري الحر`: a named body, not a state's army
    return i + 2


_TIME_NOUNS = frozenset(normalize(w) for w in "الشهر الأسبوع العام السنة الأسابيع الأشهر الأيام".split())


def _named_on(tok: Token) -> bool:
    """A definite adjective that goes on with the name (`الجيش السوري الحر`); not a time phrase
    (`الشهر المقبل`), a rank or title opening a name (`الجيش الأميركي الجنرال X`), or a second
    nationality joined by `و` (`القوات الأميركية والبريطانية`)."""
    if tok.kind != "w" or not tok.n.startswith(_ARTICLE) or _is_stop(tok.n) or tok.n in lx.DEMONYM_FORMS:
        return False
    return not (tok.n in _TIME_NOUNS or tok.n in lx.RANKS or tok.n in lx.PERSON_TITLE_HEADS)


@lru_cache(maxsize=4096)
def is_generic_body(name: str) -> bool:
    """`الجيش العراقي`, `القوات التركية`: a generic body's name (an actor or mention name)."""
    words = normalize(name).split()
    return len(words) == 2 and words[0] in HEADS and words[1] in lx.DEMONYM_FORMS


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
        off = _strip_clitic_offset(tok, _head(tok))
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


def parties_only(
    actors: list[ExtractedActor], engagements: Sequence[ExtractedEngagement]
) -> list[ExtractedActor]:
    """The actors without the generic bodies that take part in no engagement."""
    parties = {p.name for e in engagements for p in e.participants}
    return [a for a in actors if a.name in parties or not is_generic_body(a.name)]
