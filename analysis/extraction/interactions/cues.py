"""What an engagement's confidence rests on, as short codes a reader can be told (issue 18): how it
was found (a rule, or the learned stage from a pair or a visit), its trigger (a verb, a noun, none),
whether its parties are named in the sentence or carried over from an earlier one, whether one is
named by a title only, whether they are mentioned again in the document, how far apart two named
parties stand and whether a comma or a speech verb parts them, and the sentence's hedge, negation and
future markers. The web layer words them in Arabic; the codes themselves are stable.

Pure Python; read from the candidate and the features the model scored.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.extraction.interactions.candidates import Candidate, Document

FOUND = {"rule": "found:rule", "pair": "found:pair", "visit": "found:visit"}
MARKERS = ("hedge", "negation", "planned_marker")
NEAR, FAR = 3, 8  # tokens between two parties named in one sentence (features' `gap=` buckets)


def engagement_cues(doc: Document, cand: Candidate, features: Sequence[str]) -> list[str]:
    """The cue codes of one scored candidate (in a fixed order)."""
    prefix = f"{cand.kind}|"
    own = {f.removeprefix(prefix) for f in features if f.startswith(prefix)}
    triggers = [f for f in own if f.startswith("trig=")]
    out = [FOUND[cand.kind]]
    if any(f.endswith(":v") for f in triggers):
        out.append("trigger:verb")
    elif triggers:
        out.append("trigger:noun")
    else:
        out.append("trigger:none")
    named = sum(m is not None for m in cand.mentions)
    out.append(f"named:{named}/{len(cand.parties)}")
    if any(m is not None and m.title_only for m in cand.mentions):
        out.append("title_only")
    if cand.parties and all(doc.mention_counts.get(n, 0) >= 2 for n in cand.parties):
        out.append("mentioned_again")
    gaps = [int(f.removeprefix("gap=")) for f in own if f.startswith("gap=")]
    if gaps and named == len(cand.mentions):  # both named in the sentence: how far apart
        out.append(
            "distance:near" if gaps[0] <= NEAR else ("distance:far" if gaps[0] >= FAR else "distance:mid")
        )
    if any(f in own for f in ("btw=comma", "btw_trig=statement")):
        out.append("clause:apart")  # a comma or a speech verb between the parties: not one clause
    out += [f"marker:{m}" for m in MARKERS if m in own]
    return out
