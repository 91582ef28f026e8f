"""The tagger's organisations as known actors for the rules' actor stage (`find_actors`).

Pure Python. Where the tagger tags an organisation the rules did not find (`القوات الجوية المصرية`,
`مجموعة فاغنر`, `القيادة المركزية الأمريكية`, `سلاح الجو`), the name is handed to the actor stage as
a known organisation, so the engagement stages can take it as a party. Such a name needs the model's
confidence, no overlap with anything the rules found but a state or place inside it (`جيش الولايات
المتحدة`), no preposition on its first word, and two words or more unless its one word is no common
word of the language (`داعش`, not `التحالف`).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import name_key, normalize
from analysis.extraction.actors import ActorAnalysis, Mention, Token
from analysis.extraction.lexical import reading
from analysis.extraction.results import ActorKind, KnownActor
from analysis.extraction.tagger import tagged_names
from analysis.extraction.tagger.persons import _prepositional
from analysis.extraction.tagger.spans import Span

# the model's mean probability of the span's labels (write-from pool flat from 0.85 to 0.97)
MIN_CONFIDENCE = 0.9
_COMMON_CODES = frozenset("NSV")  # qalsadi's readings of a common word: noun, stop word, verb
_ARTICLE_CLITICS = ("بال", "لل", "وبال", "ولل")  # a preposition on the first word: `بالرئاسة التركية`


def _named(name: str) -> bool:
    """Two words or more, or one word that qalsadi cannot read as a common word (`داعش`, `قسد`,
    `البيشمركة`; not `التحالف`, `الوزارة`, `الحشد`)."""
    words = normalize(name).split()
    return len(words) >= 2 or (len(words) == 1 and not set(reading(words[0])) & _COMMON_CODES)


def _after_preposition(tokens: Sequence[Token], span: Span) -> bool:
    """The first word as written carries a preposition (`بالرئاسة التركية`, `لقصر الرئاسة`,
    `للأمم المتحدة`): the name is the genitive of a phrase before it (`الجمعية العامة للأمم
    المتحدة`, `مجلس الأمن التابع للأمم المتحدة`), no party of its own there."""
    first = tokens[span.first].n
    return first.startswith(_ARTICLE_CLITICS) or _prepositional(first)


def _mention_runs(tokens: Sequence[Token], analysis: ActorAnalysis) -> set[tuple[str, ...]]:
    """Every run of words inside a name the rules found, as name keys (to leave alone a name the
    rules read as part of a longer one: `الاحتلال الإسرائيلي` in `جيش الاحتلال الإسرائيلي`). Not
    inside a person's title: the organisation there (`رئيس بعثة الاتحاد الإفريقي موسى محمد`) is still
    an actor where it stands alone (../shared/gold/CONVENTIONS.md)."""
    runs: set[tuple[str, ...]] = set()
    for m in analysis.mentions:
        if m.kind == ActorKind.PERSON:
            continue
        words = tuple(name_key(t.n) for t in tokens[m.first : m.last + 1])
        runs.update(words[a:b] for a in range(len(words)) for b in range(a + 1, len(words) + 1))
    return runs


def _overlaps_mention(span: Span, mentions: Sequence[Mention]) -> bool:
    """A mention the rules found overlaps the span, other than a state or place named inside it after
    its head (`جيش الولايات المتحدة`, `شرطة الإمارات`, `وفد التفاوض لشمال وشرق سوريا`): the
    organisation is the longer name, of which the state is only a word."""
    return any(
        m.first <= span.last
        and m.last >= span.first
        and not (
            m.kind in (ActorKind.STATE, ActorKind.PLACE) and span.first < m.first and m.last <= span.last
        )
        for m in mentions
    )


def known_organisations(
    text: str, tokens: Sequence[Token], analysis: ActorAnalysis
) -> tuple[KnownActor, ...] | None:
    """Known actors for the organisations the tagger adds; None without a model."""
    found = tagged_names(text, tokens, analysis.mentions, tags=("ORG",))
    if found is None:
        return None
    known = {name_key(n) for a in analysis.actors for n in (a.name, *a.aliases)}
    runs = _mention_runs(tokens, analysis)
    names: dict[str, None] = {}
    for span, name, confidence in found:
        if (
            confidence >= MIN_CONFIDENCE
            and name_key(name) not in known
            and _named(name)
            and not _after_preposition(tokens, span)
            and tuple(name_key(name).split()) not in runs
            and not _overlaps_mention(span, analysis.mentions)
        ):
            names[name] = None
    return tuple(KnownActor(name=name, kind=ActorKind.ORGANIZATION) for name in names)
