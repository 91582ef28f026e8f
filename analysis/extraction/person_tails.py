"""Words a person's name swallowed: the rules ran the name on into the sentence (`لاريجاني حرص سورية`,
`ترامب لتخفيف وطأة`, `الملك سلمان بن عبد العزيز مأدبة سحور`), where the tagger is sure of the name's
first words and reads the last ones as no name. The person keeps the words the tagger is sure of;
where another person of the document already has that name, the swallowing one is the same person.

Pure Python. The marginals are the tagger's (`tagger.model.word_marginals`), read with the rules'
mentions among its features. An engagement's party is renamed in its engagements too (one that another
person already names stays as it is). The pipeline cuts after stating confidence, so a cut person keeps
the cues of the name the rules found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from analysis.arabic import normalize
from analysis.extraction.actor_cues import _name_span
from analysis.extraction.actors import ActorAnalysis, Token
from analysis.extraction.person_merges import same_name_key
from analysis.extraction.results import ActorKind, ExtractedActor, ExtractedEngagement, Span
from analysis.extraction.tagger.model import word_marginals

# The tagger's marginal over which a word is surely a name's, and under which surely none: on the
# write-from pool and the corpus no right name had its last words under 0.1 after words over 0.9.
SURE = 0.9
NONE = 0.1


def tails_cut(
    analysis: ActorAnalysis, actors: Sequence[ExtractedActor], engagements: Sequence[ExtractedEngagement]
) -> list[ExtractedActor]:
    """`actors` with the swallowed words cut from the persons' names, their aliases and mentions (and
    a person merged away when its cut name is another person's); `engagements` name the cut parties."""
    parties = {p.name for e in engagements for p in e.participants}
    cuts = {
        actor.name: cut
        for actor in actors
        if actor.kind == ActorKind.PERSON and (cut := _cut(analysis, actor)) is not None
    }
    if not cuts:
        return list(actors)
    keys = {
        same_name_key(n)
        for a in actors
        if a.kind == ActorKind.PERSON and a.name not in cuts
        for n in (a.name, *a.aliases)
    }
    out: list[ExtractedActor] = []
    renamed: dict[str, str] = {}
    for actor in actors:
        if actor.name not in cuts:
            out.append(actor)
        elif same_name_key(cuts[actor.name].text) not in keys:
            out.append(_cut_actor(actor, cuts[actor.name]))
            renamed[actor.name] = cuts[actor.name].text
        elif actor.name in parties:
            out.append(actor)  # the same person as another, but a party under this name
    for e in engagements:
        e.participants = [replace(p, name=renamed.get(p.name, p.name)) for p in e.participants]
    return out


def _cut_actor(actor: ExtractedActor, cut: Span) -> ExtractedActor:
    """The actor named `cut`: each alias and mention that ends on the swallowed words without them."""
    tail = actor.name[len(cut.text) :]
    aliases = [a.removesuffix(tail).rstrip() for a in actor.aliases]
    mentions = [
        Span(m.text.removesuffix(tail).rstrip(), m.start, m.end - len(tail)) if m.text.endswith(tail) else m
        for m in actor.mentions
    ]
    return replace(
        actor,
        name=cut.text,
        aliases=list(dict.fromkeys(a for a in aliases if a and a != cut.text)),
        mentions=mentions,
    )


def _cut(analysis: ActorAnalysis, actor: ExtractedActor) -> Span | None:
    """The name without its last words where the tagger is sure of the words before them and reads
    them as no name, in the mention that writes the full name; None when nothing is cut."""
    tokens = analysis.tokens
    spans = [
        span
        for m in analysis.mentions
        if m.actor == actor.name and (span := _name_span(tokens, m)) is not None and span[1] > span[0]
    ]
    full = [s for s in spans if _written(tokens, *s) == normalize(actor.name)]
    if not full:
        return None
    first, last = full[0]
    marginals = word_marginals(tokens, analysis.mentions, [(first, last, "PER")])
    if not marginals:
        return None
    ps = marginals[0]
    for c in range(len(ps) - 1, 0, -1):
        end = tokens[first + c - 1].end - tokens[first].start
        if (
            all(p < NONE for p in ps[c:])
            and all(p >= SURE for p in ps[:c])
            and normalize(actor.name[:end]) == _written(tokens, first, first + c - 1)
        ):
            return Span(actor.name[:end], tokens[first].start, tokens[first + c - 1].end)
    return None


def _written(tokens: Sequence[Token], first: int, last: int) -> str:
    return normalize(" ".join(t.text for t in tokens[first : last + 1]))
