"""The tagger trained by `manage.py train_extractor` on a few made-up gold articles, then used."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from analysis.extraction.actors import find_actors, tokenize
from analysis.extraction.pipeline import TAGGER_NOTICE, extract_document
from analysis.extraction.tagger import MODEL_NAME, loaded_tagger
from analysis.extraction.tagger.model import tag

ARTICLES = {
    "x1": (
        "بغداد - استقبل رئيس الوزراء كريم الحداد السفير الألماني هانز مولر في بغداد أمس. "
        "وبحث الحداد مع هانز مولر ملفات التعاون. ووصل سامر الدباغ إلى بغداد مساء أمس.",
        ["كريم الحداد", "هانز مولر", "سامر الدباغ"],
    ),
    "x2": (
        "أربيل - التقى وزير الخارجية سامي الخطيب نظيره الفرنسي جان دوبوا. "
        "وغادر جان دوبوا أربيل بعد أن رافقه سامر الدباغ إلى المطار.",
        ["سامي الخطيب", "جان دوبوا", "سامر الدباغ"],
    ),
    "x3": (
        "البصرة - زار سامر الدباغ مدينة البصرة والتقى المحافظ رامي العلي. "
        "وأعلن رامي العلي أن سامر الدباغ سيعود الشهر المقبل.",
        ["سامر الدباغ", "رامي العلي"],
    ),
}


def write_gold(folder, articles) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, (text, persons) in articles.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        actors = [{"name": p, "aliases": [], "kind": "person", "title": None} for p in persons]
        gold = {"published": None, "actors": actors, "engagements": []}
        (folder / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def trained(tmp_path, monkeypatch):
    """A model folder trained on the made-up articles only (an empty corpus, no seeds)."""
    corpus, extra, models = tmp_path / "corpus", tmp_path / "extra", tmp_path / "models"
    (corpus / "gold").mkdir(parents=True)
    (corpus / "texts").mkdir()
    write_gold(extra, ARTICLES)
    call_command(
        "train_extractor", "--corpus", str(corpus), "--no-seeds",
        "--gold-dir", str(extra), "--text-dir", str(extra), "--out", str(models),
    )  # fmt: skip
    monkeypatch.setenv("EXTRACTION_MODELS", str(models))
    return models


def test_the_training_command_writes_a_small_model_from_the_gold_articles(trained):
    model = trained / MODEL_NAME
    assert model.is_file() and 0 < model.stat().st_size < 5_000_000


def test_the_model_loads_once_and_tags_a_trained_name(trained):
    assert loaded_tagger() is loaded_tagger() is not None
    text = "وقال سامر الدباغ إن الزيارة ناجحة."
    tokens = tokenize(text)
    labels, probabilities = tag(tokens, find_actors(text, tokens=tokens).mentions)
    assert labels[1:3] == ["B-PER", "I-PER"]
    assert all(0.5 < probabilities[k] <= 1.0 for k in (1, 2))


def test_without_a_model_the_pipeline_runs_the_rules_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path / "none"))
    result = extract_document("التقى وزير الخارجية سامي الخطيب نظيره الفرنسي جان دوبوا.")
    assert TAGGER_NOTICE in result.notices
    assert {"سامي الخطيب", "جان دوبوا"} <= {a.name for a in result.actors}


def test_with_the_model_a_person_the_rules_miss_is_found(trained, monkeypatch):
    text = "ووصل سامر الدباغ إلى الموصل صباح اليوم."
    monkeypatch.setenv("EXTRACTION_MODELS", str(trained.parent / "none"))
    assert "سامر الدباغ" not in {a.name for a in extract_document(text).actors}
    monkeypatch.setenv("EXTRACTION_MODELS", str(trained))
    result = extract_document(text)
    assert TAGGER_NOTICE not in result.notices
    assert "سامر الدباغ" in {a.name for a in result.actors if a.kind == "person"}


def test_only_the_windows_asked_for_are_tagged(trained):
    text = "وقال سامر الدباغ إن رامي العلي وصل."
    tokens = tokenize(text)
    mentions = find_actors(text, tokens=tokens).mentions
    labels, probabilities = tag(tokens, mentions, windows=[range(0, 4)])
    assert labels[1:3] == ["B-PER", "I-PER"] and set(labels[4:]) == {"O"}
    assert set(probabilities) == {1, 2}


def test_a_damaged_model_file_leaves_the_rules_running(tmp_path, monkeypatch):
    (tmp_path / MODEL_NAME).write_bytes(b"not a crfsuite model")
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path))
    result = extract_document("التقى وزير الخارجية سامي الخطيب نظيره الفرنسي جان دوبوا.")
    assert TAGGER_NOTICE in result.notices
    assert {"سامي الخطيب", "جان دوبوا"} <= {a.name for a in result.actors}
