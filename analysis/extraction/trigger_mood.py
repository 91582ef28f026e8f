"""Whether a trigger tells of an engagement at all: one negated, denied, rejected or only
proposed is no engagement (CONVENTIONS: quotes, praise and commentary are not engagements).

- A negation governs the trigger through the words that carry it to the noun: `لن يكون هناك
  لقاء`, `لم يتم عقد اجتماع`, `لا يسعى للقاء`, `نفى إجراء اتصال`; `لا سيما`, `لا يزال` are no
  negation.
- A rejection (`رفض لقاء X`, `يرفض زيارة`) or a proposal (`اقتراح X بزيارة`, `عرض للقاء`)
  before a trigger noun: the engagement is refused or offered, not reported.
- A judgement (`تعد هذه ضربة قوية لـX`, `يمثل ذلك هجوماً على`): the noun characterises.
- A condition or a yes/no question (`إذا التقى X`, `في حال زار X`, `لو اجتمع`, `هل يلتقي`).

Plain Arabic grammar; the word lists are in `data/triggers.json` (`negation_bridges`,
`rejections`, `demands`, `modal_nouns`, `evaluations`, `conditionals`).
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.frame_doc import Doc

_REACH = 4  # words between a negation and its trigger (`لن يكون هناك أي لقاء`)
_NOT_NEGATING = frozenset(normalize(w) for w in "سيما يزال تزال زال زالت يزالون".split())
_NO = frozenset(normalize(w) for w in "لا ولا".split())


def is_unreal(doc: Doc, i: int, rng: range, verb: bool) -> bool:
    """The trigger at `i` is negated, denied, rejected, only proposed, or a judgement."""
    if _negated(doc, i, rng) or _hypothetical(doc, i, rng):
        return True
    return not verb and (_refused_or_offered(doc, i, rng) or _judged(doc, i, rng))


def _judged(doc: Doc, i: int, rng: range) -> bool:
    """`وتعد هذه ضربة قوية لحكومة X`, `يشكل ذلك هجوماً على`: a noun said of something by an
    evaluating verb characterises it; it reports no engagement."""
    words = [k for k in range(max(rng.start, i - 3), i) if doc.tokens[k].kind == "w"]
    while words and doc.tokens[words[-1]].n in lx.DEMONSTRATIVES:
        words.pop()
    return bool(words) and doc.tokens[words[-1]].n in lx.EVALUATIONS


def _negated(doc: Doc, i: int, rng: range) -> bool:
    """A negation among the two words before the trigger (`لم يلتق`, `ولن تشهد زيارة`), or
    further back through words that carry it to the trigger (`لن يكون هناك أي لقاء`); a denial
    (`نفى إجراء اتصال`) only through those."""
    tokens = doc.tokens
    k, words = i - 1, 0
    while k >= rng.start and words < _REACH and tokens[k].kind == "w" and doc.inside[k] is None:
        n = tokens[k].n
        if n in _NO and tokens[k + 1].n not in _NOT_NEGATING or n in lx.NEGATIONS:
            return words < 2 or all(tokens[q].n in lx.NEGATION_BRIDGES for q in range(k + 1, i))
        words += 1
        k -= 1
    return _denied(doc, i, rng)


_DENIAL_REACH = 8  # tokens from a denial to its trigger: `نفت الرئاسة المصرية إجراء اتصال`


def _denied(doc: Doc, i: int, rng: range) -> bool:
    """A denial verb whose object the trigger is: after the verb, its subject (an actor or up to
    two words), then only words that carry the denial on (`نفت الرئاسة إجراء اتصال`)."""
    tokens = doc.tokens
    k = next(
        (q for q in range(i - 1, max(rng.start, i - _DENIAL_REACH) - 1, -1) if tokens[q].n in lx.DENIALS),
        None,
    )
    if k is None:
        return False
    j = k + 1
    if j < i and doc.inside[j] is not None:
        j = doc.inside[j].last + 1
    else:
        words = 0
        while j < i and words < 2 and tokens[j].kind == "w" and tokens[j].n not in lx.NEGATION_BRIDGES:
            j, words = j + 1, words + 1
    return all(tokens[q].kind == "w" and tokens[q].n in lx.NEGATION_BRIDGES for q in range(j, i))


def _refused_or_offered(doc: Doc, i: int, rng: range) -> bool:
    """`رفض لقاء X`, `اقتراح بوتين بزيارة`, `ضرورة اجتماع اللجنة`, `طالب X بعقد لقاء`: the word
    before the noun (past a light noun such as `عقد`, and the possessor or the demander) refuses,
    proposes, calls for or demands it."""
    k = i - 1
    if k >= rng.start and doc.tokens[k].n in _LIGHT_NOUNS:
        k -= 1  # `بعقد لقاء`, `إجراء محادثات`
    if k >= rng.start and doc.inside[k] is not None:
        k = doc.inside[k].first - 1  # `اقتراح بوتين بزيارة`: past the proposer
    elif k >= rng.start and doc.tokens[k].kind == "w" and _possessor_word(doc.tokens[k].n):
        k -= 1  # the proposer not recognised as an actor: one word
    if k < rng.start or doc.tokens[k].kind != "w":
        return False
    n = doc.tokens[k].n
    return n in lx.MODAL_NOUNS or n in lx.REJECTIONS or n in lx.DEMANDS


_LIGHT_NOUNS = frozenset(
    normalize(w) for w in "عقد بعقد لعقد إجراء اجراء بإجراء باجراء لإجراء لاجراء".split()
)
_CONDITION_REACH = 12  # words from `إذا`, `لو`, `هل` to a trigger they govern


def _hypothetical(doc: Doc, i: int, rng: range) -> bool:
    """A condition or a yes/no question before the trigger in its sentence (`إذا التقى X`, `وفي
    حال زار X ...، فسيلتقي Y`, `لو اجتمع X`, `هل يلتقي X`): supposed or asked, not reported."""
    words = [k for k in range(rng.start, i) if doc.tokens[k].kind == "w"][-_CONDITION_REACH:]
    for k in words:
        n = doc.tokens[k].n
        if n in lx.CONDITIONALS or n == _STATE and k > rng.start and doc.tokens[k - 1].n in _IN:
            return True
    return False


_STATE = normalize("حال")
_IN = frozenset(normalize(w) for w in "في وفي".split())


def _possessor_word(n: str) -> bool:
    return (
        n not in lx.STOPWORDS and n not in lx.MODAL_NOUNS and n not in lx.REJECTIONS and n not in lx.TRIGGERS
    )
