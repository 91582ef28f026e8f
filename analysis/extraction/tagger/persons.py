"""The tagger's persons as known actors for the rules' actor stage (`find_actors`).

Pure Python. Where the tagger tags a person the rules did not find, the name is handed to the
actor stage as a known actor, so the rules place its mentions, short forms and titles. Such a
person needs a full name (two words or more, not a definite noun phrase, not a preposition and a
noun, not ending on a name connector such as `بن`), words outside the lexicons, no overlap with anything the rules found,
and the model's confidence. Names the rules found are left as they are: on the development
articles the tagger's other boundaries for them were wrong more often than right.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import name_key, normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_tokens import _closing, _forms
from analysis.extraction.actors import ActorAnalysis, Token
from analysis.extraction.lexical import is_given_name, is_place_name, reading, word_zipf
from analysis.extraction.name_tokens import verb_shaped
from analysis.extraction.name_words import clitic_and_article, noun_after_name, noun_and_pronoun, ordinary
from analysis.extraction.results import ActorKind, KnownActor
from analysis.extraction.tagger import tagged_names
from analysis.extraction.tagger.features import lexicon_word, word_features
from analysis.extraction.tagger.spans import Span, written_words

MIN_CONFIDENCE = 0.6  # the model's mean probability of the span's labels
SINGLE_CONFIDENCE = 0.8  # a name of one word (0.6: check-pool person precision -0.002; 0.9: no gain)
CONTEXT = 2  # tokens of context around a stretch to tag: the features' reach
_ARTICLES = ("ال", "وال", "بال", "لل", "وبال", "ولل")  # not `فال`: `فالح` is a given name


def _full_name(name: str) -> bool:
    """Two words or more, the first without the article (a definite noun and its adjective,
    `القصر الحكومي`, is a place or a thing; `المالكي` alone is a short form), the last no
    connector (`سلمان بن` is cut short), the first no preposition and noun."""
    words = normalize(name).split()
    return (
        len(words) >= 2
        and words[-1] not in lx.NAME_CONNECTORS
        and not any(words[0].startswith(a) and len(words[0]) >= len(a) + 3 for a in _ARTICLES)
        and not _prepositional(words[0])
    )


def _single_surname(name: str, confidence: float) -> bool:
    """`بايدن`, `حمدوك`, `القذافي`: a name of one word that the model is surer of than of a full name,
    no ordinary word of the language (wordfreq, qalsadi) and no place by pyarabic. The rules take a
    one-word name only after a title; news names a head of state by his surname alone."""
    words = name.split()
    return (
        len(words) == 1 and confidence >= SINGLE_CONFIDENCE and not ordinary(name) and not is_place_name(name)
    )


def _eponym_before(tokens: Sequence[Token], first: int) -> bool:
    """`مطار الملك خالد الدولي`: the span follows an eponym noun (and maybe a title head), so it
    names a place, which the rules left out."""
    before = [t for t in tokens[max(0, first - 2) : first] if t.kind == "w"]
    return any(f in lx.EPONYM_NOUNS for t in before for f in _forms(t.n))


def _latin_lower_case(name: str) -> bool:
    """A word in Latin letters that does not begin with a capital (`blockquote class`): markup or
    running text, never a name, which Latin script capitalises."""
    return any(w.isascii() and w[:1].isalpha() and not w[:1].isupper() for w in name.split())


def _prepositional(word: str) -> bool:
    """`بطائرتين`, `بصواريخ`, `لقوات`: the preposition ب/ل on a noun, which qalsadi reads as a noun only
    and wordfreq finds commoner than the whole word. A name keeps its ب (`باسم`, `بشار`, `بلال`)."""
    rest = word[1:]
    if word[:1] not in "بل" or len(rest) < 3 or word_zipf(rest) <= word_zipf(word):
        return False
    # `بحسن`: the noun may have other readings (`حسن` is also a verb and a given name) when the clitic
    # reading is clearly the commoner one and the whole word is no given name nor proper noun
    return reading(rest) == "N" or (
        "N" in reading(rest)
        and clitic_and_article(word, rest)
        and not is_given_name(word)
        and "P" not in reading(word)
    )


def _preposition_inside(tokens: Sequence[Token], span: Span, written: frozenset[str]) -> bool:
    """A word after the first that is `ب`/`ل` on a word the document writes without it (`خلفا
    لسليماني` beside `سليماني`): a prepositional phrase after the name, no word of it."""
    return any(
        t.n[:1] in "بل" and len(t.n) >= 5 and t.n[1:] in written
        for t in tokens[span.first + 1 : span.last + 1]
    )


def _plain_words(tokens: Sequence[Token], span: Span) -> bool:
    """No word of the span is a lexicon word (a title, an institution, a place, a trigger, a stop word)
    but for one the lexicons also call a name: a given name that names a place too (`جون ماكين`,
    `خليفة حفتر`) or a connector of names (`آل صادق`, `ابن سلمان`)."""
    return not any(
        lexicon_word(t.text, t.n, t.kind) and not _NAME_CLASSES & set(word_features(t.text, t.n, t.kind))
        for t in tokens[span.first : span.last + 1]
    )


_NAME_CLASSES = frozenset({"lex=givenname", "lex=connector"})


def _verb_inside(tokens: Sequence[Token], span: Span) -> bool:
    """A present verb in the dual or plural anywhere in the span (`نطاق التمرين وتعقيده يتوسعان`:
    a clause's verb, no name), not only as its first word."""
    return any(verb_shaped(t.n) for t in tokens[span.first : span.last + 1] if t.kind == "w")


def _object_inside(tokens: Sequence[Token], span: Span) -> bool:
    """A word after the first that is a plural or a noun with a pronoun of the language (`خالد
    تحيات`, `علي يوسف قوله`, `سيستعرضان إمكانياتهما`): the object of a verb, no word of a name."""
    return any(
        noun_after_name(t.text) or noun_and_pronoun(t.text)
        for t in tokens[span.first + 1 : span.last + 1]
        if t.kind == "w"
    )


# What a person's quoted name may follow: his title, rank or honorific, his nationality, a place.
_PERSON_CONTEXT = frozenset(
    f"lex={name}"
    for name in ("title", "rank", "honorific", "demonym", "geo", "place", "givenname", "familyname")
)


def _quoted_thing(tokens: Sequence[Token], span: Span) -> bool:
    """`المدمرة “شانغ شونغ”`, `التمرين البحري « فينيكس اكسبراس »`: a span between quotation marks
    opened right after a definite word that is no title, rank, nationality or place names the thing
    that word is (a ship, an exercise); a person's quoted name follows his title."""
    before, after = span.first - 1, span.last + 1
    if before < 1 or after >= len(tokens) or _closing(tokens, before) != after:
        return False
    word = tokens[before - 1]
    classes = set(word_features(word.text, word.n, word.kind))
    return word.kind == "w" and word.article and not classes & _PERSON_CONTEXT


def _windows(tokens: Sequence[Token], covered: set[int]) -> list[range]:
    """Where a new person can be: runs of plain words outside the rules' mentions, with two tokens of
    context on each side (what the features look at). A run of one word is one too: a surname alone
    between lexicon words (`إدارة بايدن،`), which `_single_surname` may take."""
    plain = [
        k not in covered and t.kind == "w" and not lexicon_word(t.text, t.n, t.kind)
        for k, t in enumerate(tokens)
    ]
    windows: list[range] = []
    k = 0
    while k < len(tokens):
        end = k
        while end < len(tokens) and plain[end]:
            end += 1
        if end > k:
            first, last = max(0, k - CONTEXT), min(len(tokens), end + CONTEXT)
            if windows and windows[-1].stop >= first:
                first = windows.pop().start
            windows.append(range(first, last))
        k = end + 1 if end == k else end
    return windows


def known_persons(
    text: str, tokens: Sequence[Token], analysis: ActorAnalysis
) -> tuple[KnownActor, ...] | None:
    """Known actors for the persons the tagger adds; None without a model."""
    covered = {k for m in analysis.mentions for k in range(m.first, m.last + 1)}
    found = tagged_names(text, tokens, analysis.mentions, tags=("PER",), windows=_windows(tokens, covered))
    if found is None:
        return None
    known = {name_key(n) for a in analysis.actors if a.kind == ActorKind.PERSON for n in (a.name, *a.aliases)}
    names: dict[str, None] = {}
    written = written_words(tokens)
    for span, name, confidence in found:
        if (
            confidence >= MIN_CONFIDENCE
            and name_key(name) not in known
            and (_full_name(name) or _single_surname(name, confidence))
            and not _latin_lower_case(name)
            and not _verb_inside(tokens, span)
            and not _object_inside(tokens, span)
            and not _quoted_thing(tokens, span)
            and tokens[span.first].n not in lx.AUXILIARY_KANA  # `كانتا تقلان`: a verb and its verb
            and not _eponym_before(tokens, span.first)
            and _plain_words(tokens, span)
            and not _preposition_inside(tokens, span, written)
            and not covered.intersection(range(span.first, span.last + 1))
        ):
            names[name] = None
    return tuple(KnownActor(name=name, kind=ActorKind.PERSON) for name in names)
