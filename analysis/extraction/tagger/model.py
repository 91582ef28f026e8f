"""The tagger's model: a linear-chain CRF (`python-crfsuite`, MIT; CRFsuite, BSD) trained on gold
documents, written to one small file, loaded once per process.

Pure Python. Training reads each gold document as the pipeline does (`clean_document`, the
tokenizer, the rules' `find_actors` for the stacked features) and tags the gold names in it
(`labels.bio_labels`); each document is given twice, with and without the rules' tags, so that
the words themselves must carry the names too (the rules find most names; the model is asked for
the others). L-BFGS with L1 and L2 penalties is deterministic: the same documents give the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from analysis.extraction.actors import Mention, Token, find_actors, tokenize
from analysis.extraction.clean import clean_document
from analysis.extraction.tagger.features import rule_tags, sentence_features, token_rows
from analysis.extraction.tagger.labels import OUTSIDE, bio_labels
from analysis.extraction.training import GoldDocument, model_path

MODEL_NAME = "tagger.crfsuite"
TRAINING = {
    "c1": 0.05,  # L1: drops features that never help, keeps the file small
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
WITHOUT_RULES = True  # each document again without the rules' tags: the words must carry the names too
_TAGGERS: dict[Path, pycrfsuite.Tagger | None] = {}
CONTEXT = 2  # tokens on each side a window needs: the features look two tokens away


def document_tokens(raw_text: str) -> tuple[str, list[Token], list[Mention]]:
    """A raw page as the pipeline reads it: the cleaned text, its tokens and the rules' mentions."""
    text = clean_document(raw_text).text
    tokens = tokenize(text)
    return text, tokens, find_actors(text, tokens=tokens).mentions


def train(documents: Sequence[GoldDocument], out_dir: Path) -> dict:
    """Train on `documents`, write `out_dir/tagger.crfsuite`; the counts that went in."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(TRAINING)
    names = 0
    for document in documents:
        _, tokens, mentions = document_tokens(document.text)
        if not tokens:
            continue
        labels = bio_labels(tokens, document.gold)
        names += sum(label.startswith("B-") for label in labels)
        trainer.append(sentence_features(tokens, mentions), labels)
        if WITHOUT_RULES:
            trainer.append(sentence_features(tokens, ()), labels)
    path = out_dir / MODEL_NAME
    trainer.train(str(path))
    _TAGGERS.clear()  # a retrained file must be opened again
    return {"documents": len(documents), "names": names, "bytes": path.stat().st_size}


def loaded_tagger() -> pycrfsuite.Tagger | None:
    """The model of `model_path`, opened once per process; None when there is no model file or it
    cannot be read (a damaged file must not stop extraction: the rules run alone)."""
    path = model_path(MODEL_NAME)
    if path not in _TAGGERS:
        tagger = None
        if path.is_file():
            try:
                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
            except Exception:  # crfsuite reports a bad file as a generic error
                tagger = None
        _TAGGERS[path] = tagger
    return _TAGGERS[path]


def tag(
    tokens: Sequence[Token], mentions: Sequence[Mention], windows: Sequence[range] | None = None
) -> tuple[list[str], dict[int, float]] | None:
    """One BIO label per token, and for each token inside a name the model's probability of its label
    (its marginal); None without a model. With `windows`, only those stretches are tagged (each as a
    sequence of its own; the rest is `O`): the caller knows where a name it wants can be."""
    tagger = loaded_tagger()
    if tagger is None:
        return None
    labels = [OUTSIDE] * len(tokens)
    probabilities: dict[int, float] = {}
    tags = rule_tags(tokens, mentions)
    for window in [range(len(tokens))] if windows is None else windows:
        if not window:
            continue
        for i, label in enumerate(tagger.tag(token_rows(tokens, tags, window))):
            if label and label != OUTSIDE:
                labels[window[i]] = label
                probabilities[window[i]] = tagger.marginal(label, i)
    return labels, probabilities


def name_marginals(
    tokens: Sequence[Token], mentions: Sequence[Mention], spans: Sequence[tuple[int, int, str]]
) -> list[float] | None:
    """For each `(first, last, tag)` span, the model's mean marginal probability that the span is a
    name of that tag (`B-tag` on its first token, `I-tag` on the others), with the rules' `mentions`
    among its features as in the pipeline (the model learnt where the rules are wrong: `خارجيته جون`
    taken for a name after `وزير` gets 0.01); None without a model."""
    words = word_marginals(tokens, mentions, spans)
    return None if words is None else [sum(ps) / len(ps) for ps in words]


def word_marginals(
    tokens: Sequence[Token], mentions: Sequence[Mention], spans: Sequence[tuple[int, int, str]]
) -> list[list[float]] | None:
    """For each `(first, last, tag)` span, the model's marginal of each of its words (`B-tag` on the
    first, `I-tag` on the others); None without a model. Each span is read in a window of its own
    with the features' reach of context on each side."""
    tagger = loaded_tagger()
    if tagger is None:
        return None
    known = set(tagger.labels())
    tags = rule_tags(tokens, mentions)
    out = []
    for first, last, name_tag in spans:
        window = range(max(0, first - CONTEXT), min(len(tokens), last + CONTEXT + 1))
        tagger.set(token_rows(tokens, tags, window))
        out.append(
            [
                tagger.marginal(label, k - window.start) if label in known else 0.0
                for k in range(first, last + 1)
                for label in [f"{'B' if k == first else 'I'}-{name_tag}"]
            ]
        )
    return out
