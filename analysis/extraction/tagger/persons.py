"""The tagger's persons as known actors for the rules' actor stage (`find_actors`).

Pure Python. Where the tagger tags a person the rules did not find, the name is handed to the
actor stage as a known actor, so the rules place its mentions, short forms and titles. Where
the tagger and the rules disagree on the boundary of one name (`X Y يجري` against `X Y`), the
tagger's name is handed over with the rules' form as its alias: the actor stage then renames its
person to the tagger's form. A person the rules did not find at all needs a full name.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.extraction.actors import ActorAnalysis, Token
from analysis.extraction.clean import name_key, normalize
from analysis.extraction.results import ActorKind, KnownActor
from analysis.extraction.tagger import tagged_names


def _rule_names(text: str, tokens: Sequence[Token], analysis: ActorAnalysis) -> dict[int, tuple[int, str]]:
    """Each token inside a name the rules found -> (the name's first token, the name as written)."""
    by_token: dict[int, tuple[int, str]] = {}
    for m in analysis.mentions:
        if m.kind != ActorKind.PERSON or m.title_only or m.embedded:
            continue
        inside = [k for k in range(m.first, m.last + 1) if tokens[k].start >= m.start and tokens[k].end <= m.end]
        for k in inside:
            by_token[k] = (inside[0], text[m.start : m.end])
    return by_token


_ARTICLES = ("ال", "وال", "بال", "لل", "وبال", "ولل")  # not `فال`: `فالح` is a given name


def _full_name(name: str) -> bool:
    """A new person needs a full name: two words or more, the first without the article (a definite
    noun and its adjective, `القصر الحكومي`, is a place or a thing; `المالكي` alone is a short form)."""
    words = normalize(name).split()
    return len(words) >= 2 and not any(
        words[0].startswith(article) and len(words[0]) >= len(article) + 3 for article in _ARTICLES
    )


def known_persons(text: str, tokens: Sequence[Token], analysis: ActorAnalysis) -> tuple[KnownActor, ...] | None:
    """Known actors for the persons the tagger adds or names differently; None without a model."""
    found = tagged_names(text, tokens, analysis.mentions)
    if found is None:
        return None
    rule_names = _rule_names(text, tokens, analysis)
    known = {name_key(n) for a in analysis.actors if a.kind == ActorKind.PERSON for n in (a.name, *a.aliases)}
    persons = [(span, name) for span, name in found if span.tag == "PER"]
    out: dict[str, tuple[str, ...]] = {}
    for span, name in persons:
        key = name_key(name)
        if not key or key in known:
            continue
        overlap = {rule_names[k] for k in range(span.first, span.last + 1) if k in rule_names}
        if overlap:
            out.setdefault(name, tuple(sorted(rule for _, rule in overlap)))
        elif _full_name(name):
            out.setdefault(name, ())
    return tuple(KnownActor(name=name, kind=ActorKind.PERSON, aliases=aliases) for name, aliases in out.items())
