"""What a meeting agreed: `أعلن X بعد اجتماع مع Y أنه تم الاتفاق على وقف لإطلاق النار`, `في بيان
عقب اجتماع بين A وB، "الاتفاق على تشكيل لجنة"`. The agreement is a second engagement of the pair
that met, told after the meeting in the same sentence (gold lists the meeting and the agreement).
Seen across outlets: corpus C09 (Bahzani, DW text), fresh 11 AF04 (New Orient News).

Only `الاتفاق على` (agreed on), not the document (`اتفاق وقف إطلاق النار`: `documents_between`),
and only after a meeting, talks or call of exactly two parties."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction.frame_doc import Candidate, Doc
from analysis.extraction.results import EngagementType, Role
from analysis.extraction.trigger_mood import is_unreal

_AGREED = frozenset(normalize(w) for w in "الاتفاق الإتفاق".split())
_ON = normalize("على")
_ASIDE = frozenset(normalize(w) for w in "أيضا أيضاً ايضا كذلك".split())  # `تم الاتفاق أيضا على`
_TALKED = (EngagementType.MEETING, EngagementType.TALKS, EngagementType.CALL)


def agreed_at_meetings(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
    """One agreement for each `الاتفاق على` of sentence `s` told after a two-party meeting in it."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        if doc.inside[k] is not None or doc.tokens[k].n not in _AGREED or not _on_follows(doc, k, rng):
            continue
        meeting = next(
            (c for c in reversed(known) if c.sentence == s and c.trigger < k and c.type in _TALKED), None
        )
        if meeting is None or is_unreal(doc, k, rng, False):
            continue
        parties = list(dict.fromkeys(m.actor for m, _ in meeting.participants))
        if len(parties) != 2 or _agreed_already(set(parties), s, known + out):
            continue
        out.append(
            Candidate(
                type=EngagementType.AGREEMENT,
                participants=[(m, Role.PARTICIPANT) for m, _ in meeting.participants],
                sentence=s,
                trigger=k,
                date=meeting.date,
                location=meeting.location,
                planned=meeting.planned,
            )
        )
    return out


def _on_follows(doc: Doc, k: int, rng: range) -> bool:
    q = k + 1
    if q < rng.stop and doc.tokens[q].n in _ASIDE:
        q += 1
    return q < rng.stop and doc.tokens[q].n == _ON


def _agreed_already(parties: set[str], s: int, candidates: list[Candidate]) -> bool:
    return any(
        c.sentence == s
        and c.type == EngagementType.AGREEMENT
        and parties <= {m.actor for m, _ in c.participants}
        for c in candidates
    )
