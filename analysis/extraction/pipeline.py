"""One entry point: a saved article's text (and the actors already known) in, facts out.

Deterministic and total: any string gives an `ExtractionResult`; a failure inside a stage
is reported in `notices` instead of raised, so one odd page never stops an ingestion run.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from pathlib import Path

from analysis.arabic import name_key
from analysis.extraction import tagger
from analysis.extraction.actor_cues import actor_cues
from analysis.extraction.actors import ActorAnalysis, Token, find_actors, tokenize
from analysis.extraction.calibration import state_confidence
from analysis.extraction.clean import clean_document
from analysis.extraction.dates import find_dates
from analysis.extraction.doubted_persons import doubted_persons_dropped
from analysis.extraction.engagements import find_engagements
from analysis.extraction.generic_bodies import parties_only
from analysis.extraction.interactions.stage import refine_engagements
from analysis.extraction.pair_review.stage import review_pairs
from analysis.extraction.person_tails import tails_cut
from analysis.extraction.results import (
    ActorKind,
    DocumentMetadata,
    ExtractedActor,
    ExtractionResult,
    KnownActor,
)
from analysis.extraction.tagger.organisations import known_organisations
from analysis.extraction.tagger.persons import known_persons

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_CHARS",
    "NER_NOTICE",
    "TAGGER_NOTICE",
    "extract_document",
    "extract_with_timings",
]

# issue 13 stages (pass 2: rules-4); issue 18: calibrated engagement and actor confidence
EXTRACTOR_VERSION = "rules-12-pairs-3-calibrated-5"
MAX_CHARS = 200_000  # longer inputs are cut here: no news article is this long
NER_NOTICE = "camel-tools NER model not installed; using rule-based actors only"
TAGGER_NOTICE = "sequence tagger model not installed or unreadable; rule-based actors only"


# the learned stages after the rules' engagements, in order: timing name, stage, notice on failure
LEARNED_ENGAGEMENT_STAGES = (
    ("interactions", refine_engagements, "interaction model failed ({}); rule engagements only"),
    ("review", review_pairs, "pair review failed ({}); engagements not reviewed"),
)


def _ner_available() -> bool:
    """True when camel-tools' NER model data is on disk. Looked up by path: importing
    `camel_tools.data` or `camel_tools.ner` would try the network."""
    base = os.environ.get("CAMELTOOLS_DATA") or str(Path.home() / ".camel_tools")
    return (Path(base).expanduser() / "data" / "ner" / "arabert").is_dir()


_NER_STATE: dict[str, object] = {}
NER_SENTENCE = re.compile(r"[^.!?؟\n]+")


def _ner_recognizer():
    """camel-tools' NER model, loaded once, or None (with the notice that says why)."""
    if "recognizer" not in _NER_STATE:
        recognizer, notice = None, NER_NOTICE
        if _ner_available():
            try:
                from camel_tools.ner import NERecognizer

                recognizer, notice = NERecognizer.pretrained(), None
            except Exception as error:  # a damaged or incompatible download
                notice = f"camel-tools NER model could not be loaded ({type(error).__name__}); rule-based actors only"
        _NER_STATE.update(recognizer=recognizer, notice=notice)
    return _NER_STATE["recognizer"]


def _ner_notice() -> str | None:
    _ner_recognizer()
    return _NER_STATE["notice"]


def person_names(tokens: Sequence[str], labels: Sequence[str]) -> list[str]:
    """Names of two or more words that NER labels tag as persons (B-PERS, I-PERS ...)."""
    names: list[str] = []
    current: list[str] = []
    for token, label in zip(tokens, labels, strict=False):
        if label == "I-PERS" and current:
            current.append(token)
            continue
        if len(current) >= 2:
            names.append(" ".join(current))
        current = [token] if label == "B-PERS" else []
    if len(current) >= 2:
        names.append(" ".join(current))
    return names


def _ner_persons(text: str) -> tuple[KnownActor, ...]:
    """Persons the NER model finds, handed to the actor stage like known actors; () without the model."""
    recognizer = _ner_recognizer()
    if recognizer is None:
        return ()
    from camel_tools.tokenizers.word import simple_word_tokenize

    names: dict[str, None] = {}
    for sentence in NER_SENTENCE.findall(text):
        tokens = simple_word_tokenize(sentence)
        if tokens:
            names.update(dict.fromkeys(person_names(tokens, recognizer.predict_sentence(tokens))))
    return tuple(KnownActor(name=name, kind=ActorKind.PERSON) for name in names)


def extract_document(
    raw_text: str, *, known_actors: Sequence[KnownActor] = (), metadata: DocumentMetadata | None = None
) -> ExtractionResult:
    """Clean the page, then find its actors, dates and engagements.

    `metadata` is what the file itself says about the article (a web page's meta tags, read by
    `extraction.read_html`): each field it gives wins over what the cleaning reads from the text.
    """
    return extract_with_timings(raw_text, known_actors=known_actors, metadata=metadata)[0]


def _cleaned(
    raw_text: str, metadata: DocumentMetadata | None, notices: list[str]
) -> tuple[str, DocumentMetadata]:
    """The body without page chrome, and the metadata: the file's own first, the text's where the
    file says nothing. A page the cleaner fails on is used as it came (with a notice)."""
    try:
        cleaned = clean_document(raw_text)
        text, from_text = cleaned.text, cleaned.metadata
    except Exception as error:  # never let one page stop a run
        notices.append(f"cleaning failed ({type(error).__name__}); using the raw text")
        text, from_text = raw_text, DocumentMetadata()
    if metadata is None:
        return text, from_text
    return text, DocumentMetadata(
        title=metadata.title or from_text.title,
        outlet=metadata.outlet or from_text.outlet,
        author=metadata.author or from_text.author,
        published=metadata.published or from_text.published,
    )


def _tagged_actors(
    text: str, tokens: Sequence[Token], known_actors: Sequence[KnownActor]
) -> tuple[ActorAnalysis, tuple[KnownActor, ...]]:
    """The actors, found again with the persons and then the organisations the tagger adds as known
    actors; and those tagged actors."""
    analysis = find_actors(text, known_actors=known_actors, tokens=tokens)
    tagged: tuple[KnownActor, ...] = ()
    for more in (known_persons, known_organisations):
        if added := more(text, tokens, analysis):
            tagged = (*tagged, *added)
            analysis = find_actors(text, known_actors=(*known_actors, *tagged), tokens=tokens)
    return analysis, tagged


def _kept_actors(result: ExtractionResult, analysis: ActorAnalysis, added: set[str]) -> list[ExtractedActor]:
    """The actors without the generic bodies that take part in no engagement and without the
    one-word persons the tagger doubts (`doubted_persons`)."""
    actors = parties_only(result.actors, result.engagements)
    try:
        return doubted_persons_dropped(analysis, actors, result.engagements, added=added)
    except Exception as error:
        result.notices.append(f"doubted persons failed ({type(error).__name__}); all persons kept")
        return actors


def _cut_tails(result: ExtractionResult, analysis: ActorAnalysis) -> None:
    """The words persons' names swallowed cut off (`person_tails`), once their confidence is stated
    (the cues are the rules' actors')."""
    try:
        result.actors = tails_cut(analysis, result.actors, result.engagements)
    except Exception as error:
        result.notices.append(f"name tails failed ({type(error).__name__}); names kept as found")


def extract_with_timings(
    raw_text: str, *, known_actors: Sequence[KnownActor] = (), metadata: DocumentMetadata | None = None
) -> tuple[ExtractionResult, dict[str, float]]:
    """`extract_document` plus the seconds each stage took (for the benchmark)."""
    timings: dict[str, float] = {}
    notices: list[str] = []
    if not isinstance(raw_text, str):
        raw_text = "" if raw_text is None else str(raw_text)
    if len(raw_text) > MAX_CHARS:
        notices.append(f"text cut to its first {MAX_CHARS} characters")
        raw_text = raw_text[:MAX_CHARS]

    t0 = time.perf_counter()
    text, metadata = _cleaned(raw_text, metadata, notices)
    timings["clean"] = time.perf_counter() - t0
    result = ExtractionResult(text=text, metadata=metadata, notices=notices)
    if (ner := _ner_notice()) is not None:
        notices.append(ner)
    if tagger.loaded_tagger() is None:
        notices.append(TAGGER_NOTICE)

    t0 = time.perf_counter()
    try:
        dates = find_dates(text, published=metadata.published)
    except Exception as error:
        notices.append(f"date finding failed ({type(error).__name__})")
        dates = []
    timings["dates"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    try:
        if ner_persons := _ner_persons(text):
            known_actors = (*known_actors, *ner_persons)
        tokens = tokenize(text)
        analysis, tagged = _tagged_actors(text, tokens, known_actors)
        found_by = {
            "tagged": {name_key(k.name) for k in (*tagged, *ner_persons)},
            "known": {name_key(n) for k in known_actors for n in (k.name, *k.aliases)},
        }
        result.actors = analysis.actors
    except Exception as error:
        notices.append(f"actor finding failed ({type(error).__name__})")
        timings["actors"] = time.perf_counter() - t0
        return result, timings
    timings["actors"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    try:
        result.engagements = find_engagements(
            text, analysis, dates, headline=metadata.title, published=metadata.published
        )
    except Exception as error:
        notices.append(f"engagement finding failed ({type(error).__name__})")
    timings["engagements"] = time.perf_counter() - t0

    for name, stage, failure in LEARNED_ENGAGEMENT_STAGES:
        t0 = time.perf_counter()
        try:
            result.engagements = stage(
                text, analysis, dates, result.engagements, published=metadata.published
            )
        except Exception as error:
            notices.append(failure.format(type(error).__name__))
        timings[name] = time.perf_counter() - t0
    result.actors = _kept_actors(result, analysis, {*found_by["tagged"], *found_by["known"]})

    t0 = time.perf_counter()
    try:
        cues = actor_cues(analysis, result.engagements, tagged=found_by["tagged"], known=found_by["known"])
        state_confidence(result, cues)
    except Exception as error:
        notices.append(f"confidence failed ({type(error).__name__}); no confidence stated")
        for fact in (*result.actors, *result.engagements):
            fact.confidence = None
    timings["confidence"] = time.perf_counter() - t0
    _cut_tails(result, analysis)
    return result, timings
