"""Persons named attending an event the sentence tells with no engagement word (`وحضر تمارين القوات،
الأربعاء، A، وB`, `بحضور A ونظيره B، شهدت الدوحة افتتاح مقر القيادة`): an engagement of type `other`
of those persons (CONVENTIONS: attendance is `other`). A meeting attended is its parties instead
(`party_lists.join_attendees`)."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction.actors import Mention
from analysis.extraction.event_dates import date_for
from analysis.extraction.frame_doc import Candidate, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType, Role

_ATTEND_VERBS = frozenset(normalize(w) for w in "حضر وحضر".split())
_IN_PRESENCE = frozenset(normalize(w) for w in "بحضور وبحضور".split())
_OPENING = 4  # an attendance verb opens its sentence (`وحضر`, `كما حضر`)


def attended_events(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
    """An `other` engagement of the two or more persons named attending, in a sentence where no
    other engagement was found."""
    if any(c.sentence == s for c in known):
        return []
    rng = doc.sentence_tokens(s)
    opener = next((k for k in rng[:_OPENING] if doc.tokens[k].n in _ATTEND_VERBS), None)
    if opener is None:
        opener = next((k for k in rng if doc.inside[k] is None and doc.tokens[k].n in _IN_PRESENCE), None)
    if opener is None or opener + 1 < rng.stop and trigger_at(doc.tokens[opener + 1]) is not None:
        return []  # `وحضر المباحثات A وB`: a meeting's attendees are its parties (join_attendees)
    if _meeting_told(doc, rng):
        return []  # `جرى هذا اللقاء بحضور A وB`, `حضر المقابلة A`: those at a meeting told before
    attendees: list[Mention] = []
    for k in range(opener + 1, rng.stop):
        m = doc.mention_at.get(k)
        if m is not None and m.kind == ActorKind.PERSON and not m.embedded:
            if all(m.actor != a.actor for a in attendees):
                attendees.append(m)
    if len(attendees) < 2:
        return []
    return [
        Candidate(
            type=EngagementType.OTHER,
            participants=[(m, Role.PARTICIPANT) for m in attendees],
            sentence=s,
            trigger=opener,
            date=date_for(doc, opener, rng, rng.start - 1, rng.stop),
        )
    ]


_MEETINGS = (EngagementType.MEETING, EngagementType.TALKS)
# `حضر المقابلة`: the audience a host gave; no trigger (`مقابلة مع قناة` is an interview)
_AUDIENCES = frozenset(normalize(w) for w in "المقابلة".split())


def _meeting_told(doc: Doc, rng: range) -> bool:
    """A meeting word in the sentence (`هذا اللقاء`, `في استقبال`): attendance there is no event of
    its own; seen in fresh 12 G07 (Mareb Press), H08 (Elyowm), fresh 16 W14 (Alnilin)."""
    for k in rng:
        if doc.inside[k] is not None or doc.tokens[k].kind != "w":
            continue
        hit = trigger_at(doc.tokens[k])
        if hit is not None and hit[0] in _MEETINGS or doc.tokens[k].n in _AUDIENCES:
            return True
    return False
