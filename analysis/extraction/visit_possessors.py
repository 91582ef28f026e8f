"""Whose visit a visit noun with a pronoun tells of (`زيارته`, `وصوله`) when the sentence names
someone else first.

- On an arrival that opens the sentence (`ولدى وصوله إلى المطار، استقبل X Y`): the one received,
  Y, arrived; X, the reception verb's subject, is his host.
- In a relative clause (`التقى X Y، الذي أطلعه على نتائج زيارته`): the pronoun is the relative
  clause's subject's, Y, the person the relative pronoun refers to, not the main clause's subject.

Plain Arabic grammar (a fronted adverbial's pronoun, a relative clause's antecedent).
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention
from analysis.extraction.arguments import fronted_subject, relative_antecedent
from analysis.extraction.frame_doc import Doc
from analysis.extraction.results import ActorKind

_RECEIVES = normalize("استقبل")
_RELATIVE_REACH = 8  # tokens from the relative pronoun to the noun (`الذي أطلعه على نتائج زيارته`)


def received_on_arrival(doc: Doc, i: int, rng: range) -> Mention | None:
    """For an arrival noun opening the sentence whose clause a reception verb follows after the
    comma (`ولدى وصوله ...، استقبل X Y`): the first person named after the verb's subject."""
    host = fronted_subject(doc, i, rng)
    if host is None:
        return None
    verb = host.first - 1
    while verb > i and doc.tokens[verb].kind == "w" and doc.inside[verb] is None:
        verb -= 1  # back past the subject's title to the verb
    if not doc.tokens[verb + 1].n.removeprefix("و").startswith(_RECEIVES):
        return None
    return next(
        (
            m
            for q in range(host.last + 1, rng.stop)
            if (m := doc.inside[q]) is not None and m.kind == ActorKind.PERSON
        ),
        None,
    )


def relative_clause_possessor(doc: Doc, i: int, rng: range) -> Mention | None:
    """For a noun at `i` in a relative clause (`Y، الذي أطلعه على زيارته`): the person the relative
    pronoun refers to (`arguments.relative_antecedent`), when no one is named between it and the noun."""
    for k in range(i - 1, max(rng.start, i - _RELATIVE_REACH) - 1, -1):
        if doc.inside[k] is not None or doc.tokens[k].kind != "w":
            return None
        if doc.tokens[k].n in lx.RELATIVES:
            return relative_antecedent(doc, k, rng)
    return None
