"""The tagger's persons as known actors for the rules' actor stage (`find_actors`).

Pure Python. Where the tagger tags a person the rules did not find, the name is handed to the
actor stage as a known actor, so the rules place its mentions, short forms and titles. Where
the tagger and the rules start one name on the same word but end it apart (`X Y يجري` against
`X Y`), the tagger's name is handed over with the rules' form as its alias: the actor stage then
renames its person to the tagger's form. A person the rules did not find at all needs a full name.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import name_key, normalize
from analysis.extraction.actors import ActorAnalysis, Token
from analysis.extraction.results import ActorKind, KnownActor
from analysis.extraction.tagger import tagged_names
from analysis.extraction.tagger.features import word_features
from analysis.extraction.tagger.spans import Span


def _covered(analysis: ActorAnalysis) -> set[int]:
    """Tokens inside any mention the rules found (a person's title, an organisation, a state ...)."""
    return {k for m in analysis.mentions for k in range(m.first, m.last + 1)}


def _plain_words(tokens: Sequence[Token], span: Span) -> bool:
    """No word of the span is a lexicon word (a title, an institution, a place, a trigger, a stop word)."""
    return not any(
        f.startswith("lex=") and f != "lex=givenname" and f != "lex=familyname"
        for tok in tokens[span.first : span.last + 1]
        for f in word_features(tok.text, tok.n, tok.kind)
    )


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
    covered = _covered(analysis)
    known = {name_key(n) for a in analysis.actors if a.kind == ActorKind.PERSON for n in (a.name, *a.aliases)}
    persons = [(span, name) for span, name in found if span.tag == "PER"]
    out: dict[str, tuple[str, ...]] = {}
    for span, name in persons:
        key = name_key(name)
        if not key or key in known:
            continue
        overlap = {rule_names[k] for k in range(span.first, span.last + 1) if k in rule_names}
        if overlap:
            # Same first word, another last word: the tagger's name replaces the rules'.
            renamed = tuple(sorted(rule for first, rule in overlap if first == span.first))
            if len(overlap) == 1 and renamed and _full_name(name):
                out.setdefault(name, renamed)
        elif _full_name(name) and _plain_words(tokens, span) and not covered.intersection(range(span.first, span.last + 1)):
            out.setdefault(name, ())
    return tuple(KnownActor(name=name, kind=ActorKind.PERSON, aliases=aliases) for name, aliases in out.items())
