"""An organisation met through its people (`التقى X بمسؤولي البيت الشيعي`, `استقبل X وفداً من
حزب الله`, `بحث مع ممثلي الأمم المتحدة`): when no named person of it acts, the body is the party
(CONVENTIONS). Seen in Aliraqnet (AD01 `التقى بمسؤولي البيت الشيعي`), Manchette (V05 `يلتقي ...
بزعيم جماعة الحوثي`), Al-Harf 28 (D13 `بحث مع قيادات جماعة الحوثي`); a delegation of a body as the
visitor in Al-Waght (seed 003 `زيارة وفد من لجنة الأمن`), News33 (W05 `وفد من قيادات جيش الولايات
المتحدة`), Al-Mawkif (W10 `وصول وفد من الحركة`). The nouns are data (`data/triggers.json`:
`body_members`, `object_members`).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token, _forms
from analysis.extraction.body_heads import met_through_head
from analysis.extraction.frame_doc import PAIRWISE, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType

_LINKS = frozenset(normalize(w) for w in "من في عن".split())  # `وفداً من Y`, `المسؤولين في Y`
_QUANTIFIERS = frozenset(normalize(w) for w in "عدد كبار".split())  # `عدد من`, `كبار المسؤولين`


def members_marker(doc: Doc, m: Mention, start: int, etype: EngagementType) -> str:
    """`ب` when the organisation `m` is met through its people: after a noun for them (past `من`,
    `في`, `عن`, and `عدد من`, `كبار` before it: `استقبل X وفداً من Y`, `التقى X بمسؤولي Y`); after
    an unnamed head met as such (`التقى X برئيس Y`). `` otherwise: a noun at `start`, right after
    a verb, in a case the subject may have (`التقى وفد من Y X`: Y met X; not after a noun,
    `خلال استقباله وفد Y`), and one joined by `و` (`استقبال X وعدد من قيادات Y`: Y's people join X)."""
    if etype not in PAIRWISE:
        return ""  # `استهدفت غارة قادة Y`: the people hit, not met
    if met_through_head(doc.tokens, m):
        return "ب"
    k = members_phrase(doc, m)
    if k is None:
        return ""
    first = doc.tokens[k].n
    if _clitic(first, "و"):
        return ""
    if _clitic(first, "ب"):
        return "ب"
    hit = trigger_at(doc.tokens[start - 1]) if start > 0 else None
    subject_at = start if hit is not None and hit[1] else -1  # `التقى وفد من Y X`: a VSO subject
    return "" if k == subject_at and first not in lx.OBJECT_MEMBERS else "ب"


def members_phrase(doc: Doc, m: Mention) -> int | None:
    """Where the phrase of the organisation `m`'s people opens (`وفداً من Y`, `عدد من قيادات Y`,
    `كبار المسؤولين في Y`), or None when no noun for them comes right before it."""
    if m.kind != ActorKind.ORGANIZATION:
        return None
    tokens = doc.tokens
    k = m.first - 1
    if k >= 0 and tokens[k].n in _LINKS:
        k -= 1
    if k < 0 or doc.inside[k] is not None or not _word_in(tokens[k], lx.BODY_MEMBERS):
        return None
    if k >= 2 and tokens[k - 1].n in _LINKS and _word_in(tokens[k - 2], _QUANTIFIERS):
        k -= 2  # `عدد من قيادات Y`
    elif k >= 1 and _word_in(tokens[k - 1], _QUANTIFIERS):
        k -= 1  # `كبار المسؤولين في Y`
    return k


def _clitic(word: str, letter: str) -> bool:
    """`وعدد`, `بمسؤولي`: the letter is a clitic on a word of the phrase, not its first letter (`وفد`)."""
    words = lx.BODY_MEMBERS | _QUANTIFIERS
    return word[:1] == letter and word not in words and word[1:] in words


def _word_in(tok: Token, words: frozenset[str]) -> bool:
    return tok.kind == "w" and any(f in words for f in _forms(tok.n))


def sending_body(
    doc: Doc, i: int, rng: range, after: Sequence[tuple[Mention, int, int, str]]
) -> Mention | None:
    """`وصل وفد من حركة حماس إلى القاهرة`, `إن وفداً من Y وصل`: with no head named for the
    delegation of the visit verb at `i`, the organisation named right after its noun (past `من` and
    a noun for its people) is the visitor (CONVENTIONS: the body, when no named person of it acts)."""
    fronted = [doc.inside[k] for k in range(rng.start, i) if doc.inside[k] and doc.inside[k].first == k]
    return next((m for m in [*fronted, *(a[0] for a in after)] if delegation_of(doc, m)), None)


def delegation_of(doc: Doc, m: Mention) -> bool:
    """The organisation `m` is named right after a delegation noun, past `من` and a noun for its
    people (`وفد من Y`, `وفد Y`, `وفد من قيادات Y`)."""
    if m.kind != ActorKind.ORGANIZATION:
        return False
    tokens = doc.tokens
    people = lx.BODY_MEMBERS - lx.DELEGATIONS
    k = m.first - 1
    if k >= 1 and tokens[k].n in _LINKS and _word_in(tokens[k - 1], people):
        k -= 2  # `وفد من قيادات Y`
    elif k >= 1 and _word_in(tokens[k], people):
        k -= 1  # `وفد قيادات Y`
    if k >= 1 and tokens[k].n in _LINKS:
        k -= 1
    return k >= 0 and doc.inside[k] is None and _word_in(tokens[k], lx.DELEGATIONS)
