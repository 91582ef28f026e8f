"""What an actor's confidence rests on (issue 18), as short stable codes: how it was found (a title
before the name, a gazetteer of states and places, the organisation rules, the sequence tagger, a
name rule, the known actors), how sure the sequence tagger is of its name (the rules' mentions among its features), how its mentions
agree (how often and in how many written forms it is named, by title only or not), what it does in
the document (a party or a place of an engagement) and what its name looks like.

Pure Python. The calibrator (`calibration.py`) turns these codes into a probability.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from analysis.arabic import name_key, normalize
from analysis.extraction.actors import ActorAnalysis, Mention, Token
from analysis.extraction.calibration import band
from analysis.extraction.lexical import is_family_name, is_given_name, reading
from analysis.extraction.results import ActorKind, ExtractedActor, ExtractedEngagement
from analysis.extraction.tagger.model import name_marginals

TAGS = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.STATE: "GEO",
    ActorKind.PLACE: "GEO",
}
# words of names that read as plain nouns (`عبد`, `الله`) and are no sign of a wrong name
NAME_NOUNS = frozenset(normalize(w) for w in "عبد الله بن ابن أبو ابو الدين آل".split())
# the head of a media organisation's name: the gold lists no media (../shared/gold/CONVENTIONS.md)
MEDIA_HEADS = frozenset(normalize(w) for w in "وكالة قناة صحيفة موقع شبكة تلفزيون إذاعة".split())
_LATIN = re.compile(r"[A-Za-z]")


def tagger_band(p: float) -> str:
    """`tagger:<0.5`, `tagger:0.5+`, `tagger:0.8+` or `tagger:0.95+`."""
    return band("tagger", p)


def _name_span(tokens: Sequence[Token], m: Mention) -> tuple[int, int] | None:
    """The tokens of a mention's name (its title left out); None for a title-only mention."""
    if m.title_only:
        return None
    inside = [k for k in range(m.first, m.last + 1) if tokens[k].start >= m.start and tokens[k].end <= m.end]
    return (inside[0], inside[-1]) if inside else None


def tagger_agreement(analysis: ActorAnalysis) -> dict[str, float] | None:
    """Each actor's mean tagger marginal over the names of its mentions; None without a tagger model."""
    kinds = {a.name: a.kind for a in analysis.actors}
    spans, owners = [], []
    for m in analysis.mentions:
        if m.actor in kinds and (span := _name_span(analysis.tokens, m)) is not None:
            spans.append((*span, TAGS[kinds[m.actor]]))
            owners.append(m.actor)
    marginals = name_marginals(analysis.tokens, analysis.mentions, spans)
    if marginals is None:
        return None
    by_actor: dict[str, list[float]] = {}
    for name, p in zip(owners, marginals, strict=True):
        by_actor.setdefault(name, []).append(p)
    return {name: sum(ps) / len(ps) for name, ps in by_actor.items()}


def _found(actor: ExtractedActor, tagged: Collection[str], known: Collection[str]) -> str:
    if actor.kind in (ActorKind.STATE, ActorKind.PLACE):
        return "found:gazetteer"
    if actor.kind == ActorKind.ORGANIZATION:
        return "found:organisation"
    if actor.titles:
        return "found:title"
    keys = {name_key(n) for n in (actor.name, *actor.aliases)}
    if keys & set(tagged):
        return "found:tagger"
    if keys & set(known):
        return "found:known"
    return "found:name"


def _name_cues(name: str) -> list[str]:
    words = normalize(name).split()
    out = [f"words:{min(len(words), 3)}{'+' if len(words) >= 3 else ''}"]
    if _LATIN.search(name):
        out.append("name:latin")
    if any(
        w not in NAME_NOUNS and reading(w) == "N" and not is_given_name(w) and not is_family_name(w)
        for w in words
    ):
        out.append("name:plain_noun")  # `ترامب تغريدة`, `خارجيته جون`: a noun taken into a name
    return out


def actor_cues(
    analysis: ActorAnalysis,
    engagements: Sequence[ExtractedEngagement],
    *,
    tagged: Collection[str] = (),
    known: Collection[str] = (),
) -> dict[str, list[str]]:
    """The cue codes of every actor of `analysis` (by name). `tagged`: name keys of the persons the
    tagger added; `known`: name keys of the known actors the caller passed."""
    agreement = tagger_agreement(analysis)
    mentions: dict[str, list[Mention]] = {}
    for m in analysis.mentions:
        mentions.setdefault(m.actor, []).append(m)
    parties = {p.name for e in engagements for p in e.participants}
    places = {e.location for e in engagements if e.location}
    out = {}
    for actor in analysis.actors:
        own = mentions.get(actor.name, [])
        codes = [f"kind:{actor.kind}", _found(actor, tagged, known)]
        if agreement is None:
            codes.append("tagger:none")
        elif actor.name in agreement:
            codes.append(tagger_band(agreement[actor.name]))
        else:
            codes.append("tagger:title_only")
        count = len({(m.start, m.end) for m in own})
        codes.append(f"mentions:{min(count, 3)}{'+' if count >= 3 else ''}")
        if actor.aliases:
            codes.append("forms:2+")
        if own and all(m.embedded for m in own):
            codes.append("embedded_only")
        if any(m.title_only for m in own):
            codes.append("title_only_mentions")
        if actor.name in parties:
            codes.append("role:party")
        if actor.name in places:
            codes.append("role:place")
        if actor.kind == ActorKind.PERSON:
            codes += _name_cues(actor.name)
        elif actor.kind == ActorKind.ORGANIZATION and normalize(actor.name).split()[0] in MEDIA_HEADS:
            codes.append("name:media")
        out[actor.name] = codes
    return out
