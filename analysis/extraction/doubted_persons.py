"""Persons of one word the rules found that the tagger doubts: a word mentioned once, in no
engagement, that the tagger gives a marginal under one half (`الوزير استعرض`, `الملك وضيفاه`, `الرئيس
المصري وتمنياته`, `الرئاسة`): the verb or noun after a title that the title scan took for a surname.
A person named twice or more, or a party of an engagement, stays; so does a name of two words or more
(on the CHECK pool dropping those too cost person recall 0.002: the tagger doubts some real full names).

Pure Python. The tagger's marginal is `actor_cues.tagger_agreement`, read with the rules' mentions
among its features (the model learnt where the rules are wrong).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from analysis.arabic import name_key
from analysis.extraction.actor_cues import tagger_agreement
from analysis.extraction.actors import ActorAnalysis
from analysis.extraction.results import ActorKind, ExtractedActor, ExtractedEngagement

# Under this marginal the tagger reads the rules' name as no person (the `tagger:<0.5` band): on the
# write-from pool the 4 such one-word persons named once and in no engagement were all wrong (4
# outlets); CHECK pool person precision 0.916 -> 0.923, recall unchanged.
DOUBT = 0.5


def doubted_persons_dropped(
    analysis: ActorAnalysis,
    actors: Sequence[ExtractedActor],
    engagements: Sequence[ExtractedEngagement],
    *,
    added: Collection[str] = (),
) -> list[ExtractedActor]:
    """`actors` without the one-word persons the rules found once that the tagger doubts and no
    engagement has; `added`: name keys of the persons the tagger or the caller added (they stay)."""
    agreement = tagger_agreement(analysis)
    if agreement is None:
        return list(actors)
    parties = {p.name for e in engagements for p in e.participants}
    spans: dict[str, set[tuple[int, int]]] = {}
    for m in analysis.mentions:
        spans.setdefault(m.actor, set()).add((m.start, m.end))
    added = set(added)
    return [a for a in actors if not _doubted(a, agreement, parties, spans, added)]


def _doubted(
    actor: ExtractedActor,
    agreement: dict[str, float],
    parties: set[str],
    spans: dict[str, set[tuple[int, int]]],
    added: set[str],
) -> bool:
    return (
        actor.kind == ActorKind.PERSON
        and len(actor.name.split()) == 1
        and actor.name not in parties
        and len(spans.get(actor.name, ())) == 1
        and agreement.get(actor.name, 1.0) < DOUBT
        and not {name_key(n) for n in (actor.name, *actor.aliases)} & added
    )
