"""`بلاده`, `لبلاده`: "his country" stands for the state of the one it refers back to (`قال وزير
الدفاع الإيراني X إن بلاده ستوقع مع روسيا اتفاقية`: إيران signs with روسيا). The engagement rules read
it as a mention of that state, like a form of address with a pronoun (`address_pronouns`).

The one referred to is the nearest before the word in its sentence: a person whose title names a state
(`title_holders.title_nation`), or an official left unnamed with the state's adjective (`قال وزير
الدفاع الأردني إن بلاده`); else the last such person named in the two sentences before."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_records import Mention
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.results import ActorKind, ExtractedActor
from analysis.extraction.title_holders import title_nation

_HIS_COUNTRY = frozenset(normalize(w) for w in ("بلاده", "بلادها"))
_BACK_SENTENCES = 2
_TITLE_REACH = 3  # `وزير الدفاع الأردني`, `رئيس هيئة الأركان التركي`: title words before the adjective


def own_country_mentions(
    tokens: Sequence[Token],
    persons: Sequence[Mention],
    sentence_of: Sequence[int],
    actors: Sequence[ExtractedActor],
) -> list[Mention]:
    """A state mention at each `بلاده` whose state can be told; `persons`: person mentions in order."""
    nation = {
        a.name: n
        for a in actors
        if a.kind == ActorKind.PERSON and (n := next((s for t in a.titles if (s := title_nation(t))), None))
    }
    by_last = {m.last: m for m in persons if m.actor in nation}
    out: list[Mention] = []
    for k, tok in enumerate(tokens):
        if tok.kind != "w" or not _HIS_COUNTRY.intersection(_forms(tok.n)):
            continue
        state = _in_sentence(tokens, by_last, nation, sentence_of, k) or _told_before(
            persons, nation, sentence_of, k
        )
        if state is not None:
            out.append(Mention(state, ActorKind.STATE, k, k, tok.start, tok.end))
    return out


def _in_sentence(
    tokens: Sequence[Token],
    by_last: dict[int, Mention],
    nation: dict[str, str],
    sentence_of: Sequence[int],
    k: int,
) -> str | None:
    q = k - 1
    while q >= 0 and sentence_of[q] == sentence_of[k]:
        if q in by_last:
            return nation[by_last[q].actor]
        if _unnamed_official(tokens, q):
            return lx.DEMONYM_FORMS[tokens[q].n]
        q -= 1
    return None


def _unnamed_official(tokens: Sequence[Token], q: int) -> bool:
    """A state's adjective after a title head (`وزير الدفاع الأردني`, `السفير الروسي`)."""
    tok = tokens[q]
    if tok.kind != "w" or not tok.n.startswith("ال") or tok.n not in lx.DEMONYM_FORMS:
        return False
    before = range(max(0, q - _TITLE_REACH), q)
    return any(any(f in lx.PERSON_TITLE_HEADS for f in _forms(tokens[b].n)) for b in before)


def _told_before(
    persons: Sequence[Mention], nation: dict[str, str], sentence_of: Sequence[int], k: int
) -> str | None:
    s = sentence_of[k]
    person = next(
        (
            m
            for m in reversed(persons)
            if m.last < k and s - sentence_of[m.first] <= _BACK_SENTENCES and m.actor in nation
        ),
        None,
    )
    return nation[person.actor] if person is not None else None
