"""A learned sequence tagger for person, organisation and place names (issue 13, item 2).

Pure Python. `train` is the learned-stage entry point (`training.LEARNED_STAGES`); `tagged_names`
runs the packaged model over a document's tokens, with the rules' mentions as features.

    features.py  what the model sees of each token
    labels.py    gold names located in their texts, as BIO labels
    spans.py     BIO labels back to names
    model.py     training, the model file, tagging
    persons.py   the persons the pipeline takes from it (those the rules missed)
    organisations.py  the organisations it takes from it, likewise
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from statistics import fmean

from analysis.extraction.actors import Mention, Token
from analysis.extraction.tagger.model import MODEL_NAME, loaded_tagger, tag, train
from analysis.extraction.tagger.spans import Span, span_name, spans, split_spans, written_words

__all__ = ["MODEL_NAME", "loaded_tagger", "tagged_names", "train"]


def tagged_names(
    text: str,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    tags: Collection[str] = ("PER", "ORG", "GEO"),
    windows: Sequence[range] | None = None,
) -> list[tuple[Span, str, float]] | None:
    """Every span the model tags with one of `tags` (in `windows` only, when given), with the name it
    writes and the model's mean probability of its labels; None without a model file."""
    tagged = tag(tokens, mentions, windows)
    if tagged is None:
        return None
    labels, probabilities = tagged
    written = written_words(tokens)
    return [
        (
            span,
            span_name(text, tokens, span, written),
            fmean(probabilities[k] for k in range(span.first, span.last + 1)),
        )
        for span in split_spans(spans(labels), tokens)
        if span.tag in tags
    ]
