"""The attacker named in a relative clause after an attack noun: `هجوم جوي شنّته الولايات المتحدة
على ...`, `لهجوم نفّذته جماعة X على منطقة Y`. The light verb (`data/triggers.json`,
`attack_light_verbs`) carries a pronoun for the noun (`شنّته`, `نفّذتها`), so the party right after it
(past commas and time words) is the one who attacked; a state is one too (plain Arabic grammar:
an indefinite noun's relative clause needs no `الذي`)."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention
from analysis.extraction.arguments import as_place
from analysis.extraction.frame_doc import COMMAS, Candidate, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType

_OBJECT_PRONOUNS = ("ه", "ها", "هما", "هم")
_ADJECTIVE_GAP = 2  # `هجوم جوي شنته`, `غارات جوية مكثفة نفذتها`


def _relative_light_verb(word: str) -> bool:
    """`شنته`, `ونفذتها`: an attack light verb with an object pronoun attached."""
    stem = word.lstrip("وف")
    return any(stem.endswith(p) and stem[: -len(p)] in lx.ATTACK_LIGHT_VERBS for p in _OBJECT_PRONOUNS)


def relative_attacker(doc: Doc, i: int, stop: int) -> Mention | None:
    """The party after a relative attack light verb that follows the attack noun at `i` (past at
    most two adjectives), or None."""
    k = i + 1
    while k < stop and k - i <= _ADJECTIVE_GAP + 1:
        tok = doc.tokens[k]
        if tok.kind != "w" or doc.inside[k] is not None:
            return None
        if _relative_light_verb(tok.n):
            break
        k += 1
    else:
        return None
    if k >= stop or k - i > _ADJECTIVE_GAP + 1:
        return None
    for q in range(k + 1, min(k + 4, stop)):
        m = doc.inside[q]
        if m is not None:
            return m if m.first == q and not m.embedded else None
        tok = doc.tokens[q]
        if not (tok.kind == "p" and tok.text in COMMAS or doc.in_date[q]):
            return None
    return None


REPELLING = lx._fold_list("repelling_verbs")
_REPEL_REACH = 4  # words between the verb and its attack noun (`تصدت بسرعة وحزم لهجوم`)


def defender(doc: Doc, i: int, rng: range) -> Mention | None:
    """`تصدّت X بسرعة لهجوم ...`, `X تصدى لهجوم`: the one who repelled an attack (the noun with
    `ل`) was attacked by it: the party right before or right after the repelling verb."""
    if not doc.tokens[i].n.startswith("ل"):
        return None
    verb = next(
        (
            k
            for k in range(i - 1, max(rng.start, i - _REPEL_REACH) - 1, -1)
            if doc.tokens[k].n.lstrip("وف") in REPELLING
        ),
        None,
    )
    if verb is None:
        return None
    for k in (verb - 1, verb + 1):
        m = doc.inside[k] if rng.start <= k < rng.stop else None
        if m is not None and not m.embedded:
            return m
    return None


_TARGETS = frozenset(normalize(w) for w in "على ضد وعلى وضد".split())


def targets_only(doc: Doc, i: int, objects: list[list[Mention]]) -> bool:
    """`غارات على مواقع لـA وB`: every party after the attack at `i` stands after its `على`/`ضد`,
    none but a place before it (`عمليات في اليمن ضد A وB`); they are what was struck, side by side, not the two sides of the attack."""
    if not objects:
        return False
    first = min(o[0].first for o in objects)
    return any(doc.tokens[k].n in _TARGETS for k in range(i + 1, first)) and all(
        doc.inside[k] is None or as_place(doc, doc.inside[k]) for k in range(i + 1, first)
    )


_KILLING = ("قتل", "اغتال")


def relative_striker(
    doc: Doc, i: int, rng: range, objects: list[tuple[Mention, int, int, str]]
) -> Mention | None:
    """An attack verb opening a relative clause names who struck the thing described, even with no
    party struck: `قاعدة الأسد، التي قصفتها إيران` (a pronoun for the antecedent on the verb: the
    subject follows it), `وإسرائيل التي قصفت ميناء المدينة` (no pronoun: the antecedent struck)."""
    if i - 1 < rng.start or doc.tokens[i - 1].n not in lx.RELATIVES:
        return None
    if not all(o[0].kind == ActorKind.PLACE or as_place(doc, o[0]) for o in objects):
        return None  # a party struck: the frame's own parties
    if doc.tokens[i].n.startswith(_KILLING):
        return None  # `القائد الذي قتل عام 2015`: written without vowels, most often passive
    if doc.tokens[i].n.endswith(_OBJECT_PRONOUNS):
        m = doc.inside[i + 1] if i + 1 < rng.stop else None
        return m if m is not None and m.first == i + 1 and not m.embedded else None
    m = doc.inside[i - 2] if i - 2 >= rng.start else None
    return m if m is not None and m.last == i - 2 and not m.embedded else None


def described_attack(doc: Doc, i: int, rng: range, told: list[Candidate]) -> Candidate | None:
    """`نفذت X غارة جوية استهدفت مواقع لـY`: an attack verb right after an indefinite attack noun
    (past at most two adjectives) opens the noun's relative clause; it tells what that attack struck,
    so its doer is the noun's (the candidate the noun made in this sentence), None when none."""
    k = i - 1
    while k >= rng.start and i - k <= _ADJECTIVE_GAP and _adjective(doc, k):
        k -= 1
    if k < rng.start or doc.inside[k] is not None or doc.tokens[k].n.startswith(_ARTICLE):
        return None
    hit = trigger_at(doc.tokens[k])
    if hit is None or hit[0] != EngagementType.ATTACK or hit[1]:
        return None
    return next((c for c in reversed(told) if c.trigger == k and c.subject is not None), None)


_ARTICLE = normalize("ال")


def _adjective(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    return (
        tok.kind == "w"
        and doc.inside[k] is None
        and trigger_at(tok) is None
        and not tok.n.startswith(_ARTICLE)
    )
