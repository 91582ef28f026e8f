"""Features of a pair candidate: what the document's output already says of the pair (linked or not,
by which engagement types, found by a rule or by the pair model), the interaction model's probability
for it, how often and where the document names the two together, their kinds and nationalities,
whether they are its leading persons, and the triggers and link words of the sentences naming both.

Pure Python; binary string features (bucketed counts), as `interactions.features`. They read the
rules' output on purpose: the model is trained only on sets no rule was written from.
"""

from __future__ import annotations

from analysis.extraction.interactions.candidates import Document
from analysis.extraction.interactions.features import bucket, state_of
from analysis.extraction.interactions.merge import engagement_type
from analysis.extraction.pair_review.candidates import PairCandidate
from analysis.extraction.results import ActorKind, ExtractedEngagement

PROBABILITY_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# the interaction model's features of a sentence that name its cues, kept for the pair (prefix `pair|`)
SENTENCE_CUES = ("trig=", "btw=", "btw_trig=", "near=", "in_list", "b_prev=", "quote", "negation", "hedge")


def _probability_bucket(p: float | None) -> str:
    if p is None:
        return "none"
    return f"{max(e for e in PROBABILITY_EDGES if e <= p + 1e-9):.1f}"


def _found(e: ExtractedEngagement) -> str:
    """`pair` for an engagement the interaction model made, else `rule`."""
    return "pair" if "found:pair" in e.cues else "rule"


def _output_features(doc: Document, pair: PairCandidate) -> list[str]:
    """What the output says: the types of the engagements linking the pair, who found them, how many
    parties they have; and how many of the two take part in some output engagement."""
    if not pair.linked:
        out = ["linked=none"]
    else:
        out = sorted({f"linked={e.type}" for e in pair.engagements})
        out += sorted({f"linked_by={_found(e)}" for e in pair.engagements})
        out.append(f"linked_n={min(max(len(e.participants) for e in pair.engagements), 4)}")
        out += sorted(
            {f"linked_cue={c}" for e in pair.engagements for c in e.cues if not c.startswith("found:")}
        )
        out += sorted({f"linked_status={e.status}" for e in pair.engagements})
    partners = [_partners(doc, n) for n in pair.parties]
    links = sorted(len(p) for p in partners)
    out += [f"links_min={bucket(links[0], (0, 1, 2))}", f"links_max={bucket(links[1], (0, 1, 2, 3))}"]
    if (partners[0] & partners[1]) - set(pair.parties):
        out.append("shared_partner")  # both linked to one third actor: mostly one side of it
    if _persons_cover(doc, pair):
        out.append("persons_cover")
    out.append(f"doc_engagements={bucket(len(doc.engagements), (0, 1, 2, 3, 5, 8))}")
    return out


def _partners(doc: Document, name: str) -> set[str]:
    """The actors an output engagement links `name` with."""
    return {
        p.name for e in doc.engagements if any(q.name == name for q in e.participants) for p in e.participants
    } - {name}


def _side(doc: Document, name: str) -> set[str]:
    """The states an actor stands for: a state itself, a person's title states."""
    if doc.kinds.get(name) == ActorKind.STATE:
        return {state_of(name)}
    return set(doc.states.get(name, set()))


def _persons_cover(doc: Document, pair: PairCandidate) -> bool:
    """A pair with a state whose two sides an output engagement of persons already links (`العراق`-
    `الصين` beside a meeting of the Iraqi minister and the Chinese ambassador): annotators give the persons."""
    if all(doc.kinds.get(n) != ActorKind.STATE for n in pair.parties):
        return False
    sides = [_side(doc, n) for n in pair.parties]
    for e in doc.engagements:
        persons = [p.name for p in e.participants if doc.kinds.get(p.name) == ActorKind.PERSON]
        own = [_side(doc, n) for n in persons]
        if any(sides[0] & x for x in own) and any(sides[1] & y for y in own) and len(persons) >= 2:
            return True
    return False


def _actor_features(doc: Document, pair: PairCandidate) -> list[str]:
    """The two actors: kinds, nationality (one state's persons, a person and their own state), how
    often the document names each, whether they are its leading persons."""
    a, b = pair.parties
    kinds = "-".join(sorted(str(doc.kinds.get(n, "unknown")) for n in pair.parties))
    out = [f"kinds={kinds}", f"leading={len(doc.leading & set(pair.parties))}"]
    states = [doc.states.get(n, set()) for n in pair.parties]
    if states[0] & states[1]:
        out.append("same_state")
    if any(state_of(other) in own for own, other in ((states[0], b), (states[1], a))):
        out.append("own_state")
    seen = sorted(doc.mention_counts.get(n, 0) for n in pair.parties)
    out += [f"seen_min={bucket(seen[0], (0, 1, 2, 3, 5))}", f"seen_max={bucket(seen[1], (0, 1, 2, 3, 5, 8))}"]
    return out


def _takes_part(e: ExtractedEngagement, pair: PairCandidate) -> bool:
    return any(p.name in pair.parties for p in e.participants)


def _sentence_features(pair: PairCandidate) -> list[str]:
    """The sentences naming both: how many, the first one's place, the nearest distance, and their cues."""
    named = pair.named_readings()
    out = [f"co={bucket(len(named), (0, 1, 2, 3, 5))}"]
    if not named:
        return out
    first = min(r.candidate.sentence.index for r in named)
    out.append(f"first={bucket(first, (0, 1, 2, 3, 6))}")
    # the most output engagements of either party in one sentence naming both
    here = max(sum(_takes_part(e, pair) for e in r.candidate.sentence.rules) for r in named)
    out.append(f"here={bucket(here, (0, 1, 2))}")
    gaps = [int(f.removeprefix("pair|gap=")) for r in named for f in r.features if f.startswith("pair|gap=")]
    if gaps:
        out.append(f"gap={bucket(min(gaps), (0, 1, 2, 3, 5, 8, 13))}")
    cues = {
        f.removeprefix("pair|")
        for r in named
        for f in r.features
        if f.startswith("pair|") and f.removeprefix("pair|").startswith(SENTENCE_CUES)
    }
    return out + sorted(f"s:{c}" for c in cues)


def pair_features(doc: Document, pair: PairCandidate) -> list[str]:
    """Every feature of `pair`, with two crossings a linear model cannot make itself: the interaction
    model's probability and the actors' kinds, each with whether the output links the pair."""
    p = _probability_bucket(pair.probability())
    linked = "linked" if pair.linked else "open"
    out = _output_features(doc, pair) + _actor_features(doc, pair) + _sentence_features(pair)
    out.append(f"im={p}")
    named = pair.named_readings()
    if named:
        best = max(named, key=lambda r: (r.probability or 0.0, -r.candidate.sentence.index))
        out += [f"best:{f.removeprefix('pair|')}" for f in best.features if f.startswith("pair|")]
        if not pair.linked:
            out.append(f"made={engagement_type(doc, best.candidate)}")  # the type it would be given
    return [f"{linked}|{f}" for f in out] + [f"status={linked}"]
