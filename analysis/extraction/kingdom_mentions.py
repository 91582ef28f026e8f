"""`المملكة`, `السلطنة` written alone: the one kingdom (sultanate) the document names. A state's long
forms (`places.json`, and the forms the text wrote: `مملكة البحرين`) say which kind of state it is;
when the document names exactly one state of that kind, the bare word is a mention of it (`بين المملكة
وإيران`, `وصل المملكة`); with none or several, it is no one's."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_records import Mention, _Doc, _Record
from analysis.extraction.actor_tokens import _forms, _strip_clitic_offset
from analysis.extraction.results import ActorKind

# the bare nouns that single out a kind of state (every state is a `دولة`: that one does not)
BARE_NOUNS = frozenset(normalize(w) for w in ("المملكة", "السلطنة"))


def _kinds(rec: _Record) -> set[str]:
    """The state nouns (`مملكه`, `سلطنه`) the state's listed and written forms open with."""
    forms = (rec.name, *lx.STATES.get(rec.name, ()), *rec.aliases)
    return {_strip_article(normalize(f).split()[0]) for f in forms if f.strip()}


def find_kingdom_mentions(doc: _Doc, in_title: list[bool], taken: list[bool]) -> None:
    """Mentions of the one kingdom or sultanate of the document written as `المملكة`/`السلطنة`
    (embedded inside a person's title); `taken` marks the tokens other names cover."""
    states = [r for r in {id(r): r for r in doc.table.records.values()}.values() if r.kind == ActorKind.STATE]
    by_noun: dict[str, _Record | None] = {}
    for noun in BARE_NOUNS:
        fits = [r for r in states if _strip_article(noun) in _kinds(r)]
        by_noun[noun] = fits[0] if len(fits) == 1 else None
    for k, tok in enumerate(doc.tokens):
        if tok.kind != "w" or taken[k]:
            continue
        noun = next((f for f in _forms(tok.n) if f in BARE_NOUNS), None)
        rec = by_noun.get(noun) if noun else None
        if rec is None:
            continue
        off = _strip_clitic_offset(tok, noun)
        surface = doc.text[tok.start + off : tok.end]
        if not tok.n.startswith(("لل", "ولل", "فلل")) and surface not in rec.aliases:
            rec.aliases.append(surface)
        doc.add_mention(
            rec, Mention(rec.key, ActorKind.STATE, k, k, tok.start + off, tok.end, embedded=in_title[k])
        )
