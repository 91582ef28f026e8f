"""A verb set off by commas from its subject or its noun (`أن موسكو ستقوم، في وقت قريب، بتوريد دفعة
من المقاتلات إلى الجزائر`, `أن الولايات المتحدة الأمريكية، وافقت، على بيع خمس طائرات للعراق`): the
commas and a comma-bounded time or place between are no end of its clause."""

from __future__ import annotations

from analysis.extraction.actors import Mention
from analysis.extraction.arguments import subject_before
from analysis.extraction.frame_doc import COMMAS, Doc, trigger_at
from analysis.extraction.results import EngagementType

_ASIDE_WORDS = 4  # `، في وقت قريب،`, `، خلال الأسبوع المقبل،`


def word_before_aside(doc: Doc, i: int, rng: range, verbs: frozenset[str]) -> int | None:
    """One of `verbs` before `i` past a comma (`وافقت، على`) or past a comma-bounded aside
    (`ستقوم، في وقت قريب، بتوريد`); None when there is no such comma or verb."""
    k = i - 1
    if k <= rng.start or doc.tokens[k].text not in COMMAS:
        return None
    if _verb_at(doc, k - 1, verbs):
        return k - 1
    opening = next(
        (q for q in range(k - 1, max(rng.start, k - 10) - 1, -1) if doc.tokens[q].text in COMMAS), None
    )
    if (
        opening is not None
        and opening > rng.start
        and _aside(doc, opening + 1, k)
        and _verb_at(doc, opening - 1, verbs)
    ):
        return opening - 1  # `، في وقت قريب،`: the time between
    return None


def _verb_at(doc: Doc, k: int, verbs: frozenset[str]) -> bool:
    return doc.inside[k] is None and doc.tokens[k].n in verbs


def _aside(doc: Doc, start: int, stop: int) -> bool:
    """A short comma-bounded segment that names no actor and holds no trigger: a time or a manner."""
    words = [q for q in range(start, stop) if doc.tokens[q].kind == "w"]
    return 0 < len(words) <= _ASIDE_WORDS and all(
        doc.inside[q] is None and trigger_at(doc.tokens[q]) is None for q in range(start, stop)
    )


def subject_before_aside(doc: Doc, verb: int, rng: range, etype: EngagementType) -> list[Mention]:
    """The subject before a verb, also when a comma sets the verb off (`أن الولايات المتحدة، وافقت`)."""
    found = subject_before(doc, verb, rng, etype)
    if found or verb - 1 <= rng.start or doc.tokens[verb - 1].text not in COMMAS:
        return found
    return subject_before(doc, verb - 1, rng, etype)
