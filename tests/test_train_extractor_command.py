"""`manage.py train_extractor` with several extra gold sets: each `--extra` folder (gold/ + texts/)
and each `--gold-dir/--text-dir` pair is learnt from, a text given twice once, and `training.json`
names every text the models learnt from (id and sha256). Small made-up articles, no corpus, no seeds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from analysis.extraction.tagger import MODEL_NAME
from analysis.extraction.training import MANIFEST

SET_A = {
    "a1": ("بغداد - استقبل الوزير كريم الحداد السفير هانز مولر في بغداد أمس.", ["كريم الحداد", "هانز مولر"]),
    "a2": ("أربيل - التقى سامي الخطيب نظيره جان دوبوا في أربيل.", ["سامي الخطيب", "جان دوبوا"]),
}
SET_B = {
    "b1": ("البصرة - زار سامر الدباغ مدينة البصرة والتقى المحافظ رامي العلي.", ["سامر الدباغ", "رامي العلي"]),
}


def write_set(folder: Path, articles: dict) -> Path:
    """A gold set laid out as the fresh sets are: `gold/<id>.json` and `texts/<id>.txt`."""
    (folder / "gold").mkdir(parents=True)
    (folder / "texts").mkdir()
    for stem, (text, persons) in articles.items():
        (folder / "texts" / f"{stem}.txt").write_text(text, encoding="utf-8")
        actors = [{"name": p, "aliases": [], "kind": "person", "title": None} for p in persons]
        gold = {"published": None, "actors": actors, "engagements": []}
        (folder / "gold" / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture
def empty_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    (corpus / "texts").mkdir()
    return corpus


def train(corpus: Path, out: Path, *args: str) -> list[dict]:
    call_command("train_extractor", "--corpus", str(corpus), "--no-seeds", "--out", str(out), *args)
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))["documents"]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_two_extra_sets_are_both_learnt_and_recorded(tmp_path, empty_corpus):
    a, b = write_set(tmp_path / "a", SET_A), write_set(tmp_path / "b", SET_B)

    manifest = train(empty_corpus, tmp_path / "models", "--extra", str(a), "--extra", str(b))

    assert (tmp_path / "models" / MODEL_NAME).is_file()
    expected = [{"id": i, "sha256": sha(text)} for i, (text, _) in sorted({**SET_A, **SET_B}.items())]
    assert manifest == expected


def test_an_extra_set_and_a_gold_dir_pair_combine_and_a_text_given_twice_counts_once(tmp_path, empty_corpus):
    a, b = write_set(tmp_path / "a", SET_A), write_set(tmp_path / "b", SET_B)
    pair = ["--gold-dir", str(b / "gold"), "--text-dir", str(b / "texts")]
    twice = ["--gold-dir", str(a / "gold"), "--text-dir", str(a / "texts")]

    manifest = train(empty_corpus, tmp_path / "models", "--extra", str(a), *pair, *twice)

    assert sorted(row["id"] for row in manifest) == ["a1", "a2", "b1"]


def test_an_extra_folder_without_gold_and_texts_is_refused(tmp_path, empty_corpus):
    (tmp_path / "loose").mkdir()
    with pytest.raises(CommandError, match="gold/ and texts/"):
        train(empty_corpus, tmp_path / "models", "--extra", str(tmp_path / "loose"))
    assert not (tmp_path / "models").exists()


def test_a_gold_folder_whose_texts_are_elsewhere_is_refused_rather_than_learnt_as_nothing(
    tmp_path, empty_corpus
):
    a = write_set(tmp_path / "a", SET_A)
    with pytest.raises(CommandError, match="no gold file with its text"):
        train(empty_corpus, tmp_path / "models", "--gold-dir", str(a / "gold"), "--text-dir", str(a / "gold"))


def test_one_stage_retrained_keeps_the_other_stages_model_and_the_texts_it_learnt_from(
    tmp_path, empty_corpus
):
    a, b = write_set(tmp_path / "a", SET_A), write_set(tmp_path / "b", SET_B)
    out = tmp_path / "models"
    train(empty_corpus, out, "--extra", str(a))
    tagger = (out / MODEL_NAME).read_bytes()

    manifest = train(empty_corpus, out, "--stage", "interactions", "--extra", str(b))

    assert (out / MODEL_NAME).read_bytes() == tagger  # the tagger was not retrained on set b
    assert sorted(row["id"] for row in manifest) == ["a1", "a2", "b1"]


def test_the_pair_review_learns_from_the_extra_sets_only_the_other_gold_only_guards_its_choice(
    tmp_path, empty_corpus, capsys
):
    curated = write_set(tmp_path / "curated", SET_B)
    articles = {
        f"{stem}{k}": (f"{text}\nوقال المتحدث {k}.", persons)
        for k in range(2)
        for stem, (text, persons) in SET_A.items()
    }
    extra = write_set(tmp_path / "fresh", articles)
    pair = ["--gold-dir", str(curated / "gold"), "--text-dir", str(curated / "texts")]

    train(empty_corpus, tmp_path / "models", "--stage", "pair_review", "--extra", str(extra), *pair)

    out = capsys.readouterr().out.splitlines()
    report = json.loads(
        next(x for x in out if x.startswith("analysis.extraction.pair_review")).split(": ", 1)[1]
    )
    assert report["sets"] == [str(extra)]
    assert report["documents"] == 4 and report["guard_documents"] == 1
