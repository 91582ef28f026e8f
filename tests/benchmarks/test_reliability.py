"""The reliability command (analysis/benchmarks/reliability.py): its arithmetic, its cross-validation by
article, and a run on a small made-up held-out set that writes a calibrator."""

from __future__ import annotations

import json

import pytest

from analysis.benchmarks.reliability import SCORE, Fact, cross_validated, main, markdown, reliability
from analysis.extraction.calibration import load_calibrators


def test_buckets_share_right_ece_and_the_most_confident_third():
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.6, True), (0.6, False), (None, True)]
    r = reliability(pairs)
    rows = {name: (n, mean, share) for name, n, mean, share in r.rows}
    assert rows["0.85–1"] == (10, 0.95, 0.9)
    assert rows["0.5–0.7"] == (2, 0.6, 0.5)
    assert rows["0–0.5"][0] == 0
    assert r.ece == round((10 / 12) * 0.05 + (2 / 12) * 0.1, 3)
    # the four most confident of twelve stated are four of ten tied at 0.95, nine of them right
    assert r.top_third_precision == 0.9
    assert r.unstated == 1
    assert "| 0.85–1 | 10 | 0.950 | 0.900 |" in markdown(r)
    assert "13 engagements on 3 articles, 0.846 of them right, 1 without a stated confidence" in markdown(
        r, where=" on 3 articles"
    )


def test_the_most_confident_third_does_not_depend_on_the_order_of_tied_facts():
    facts = [(0.9, True), (0.8, False), (0.8, True), (0.8, True), (0.5, False), (0.5, True)]
    assert reliability(facts).top_third_precision == reliability(facts[::-1]).top_third_precision
    assert reliability(facts).top_third_precision == round((1 + 2 / 3) / 2, 3)


def test_each_article_is_stated_by_a_calibrator_fitted_without_it():
    # a cue that is right everywhere but in article C: held out, C's facts are stated high and are wrong
    facts = [Fact(a, ("cue",), None, True) for a in "AB" for _ in range(10)]
    facts += [Fact("C", ("cue",), None, False) for _ in range(5)]
    pairs = cross_validated(facts)
    c_stated = [
        p
        for (p, ok), f in zip(pairs, sorted(facts, key=lambda f: f.article), strict=True)
        if f.article == "C"
    ]
    assert all(p > 0.9 for p in c_stated)


ARTICLES = {
    "x1": (
        "استقبل وزير الخارجية العراقي فؤاد حسين السفير الفرنسي باتريك دوريل في بغداد.",
        [("فؤاد حسين", "person"), ("باتريك دوريل", "person")],
        [["فؤاد حسين", "باتريك دوريل"]],
    ),
    "x2": (
        "التقى رئيس الوزراء العراقي محمد شياع السوداني وزير الدفاع التركي يشار غولر.",  # no place: no visit
        [("محمد شياع السوداني", "person"), ("يشار غولر", "person")],
        [],  # the gold says no meeting: the extracted one is wrong
    ),
    "x3": (
        "بحث وزير الداخلية العراقي عبد الأمير الشمري مع السفير البريطاني ستيفن هيتشن التعاون الأمني.",
        [("عبد الأمير الشمري", "person")],  # the gold misses the ambassador: one actor wrong
        [["عبد الأمير الشمري", "ستيفن هيتشن"]],  # one gold party: right with the type (talks)
    ),
}


needs_score = pytest.mark.skipif(not SCORE.is_file(), reason="../shared/tools/score.py is absent")


@needs_score
def test_a_held_out_set_is_judged_and_its_calibrator_written(tmp_path, capsys):
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    for article, (text, actors, engagements) in ARTICLES.items():
        (texts / f"{article}.txt").write_text(text, encoding="utf-8")
        record = {
            "actors": [{"name": n, "aliases": [], "kind": k} for n, k in actors],
            "engagements": [{"type": "talks", "participants": p, "date": None} for p in engagements],
        }
        (gold / f"{article}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "models" / "calibration.json"
    out.parent.mkdir()
    assert main(["--gold", str(gold), "--texts", str(texts), "--fit", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "**Engagements, cross-validated by article**" in printed
    assert "3 engagements on 3 articles" in printed and "0.667 of them right" in printed
    assert "**Actors, cross-validated by article**" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["engagement"]["report"]["facts"] == 3 and saved["engagement"]["report"]["right"] == 2
    assert (
        saved["actor"]["report"]["facts"] > saved["actor"]["report"]["right"]
    )  # one person is not in the gold
    assert load_calibrators()  # the packaged one is untouched by --out
    # two sets (here the same one twice) are one set of twice the articles, each its own in the folds
    assert main(["--gold", str(gold), "--texts", str(texts), "--gold", str(gold), "--texts", str(texts)]) == 0
    assert "6 engagements on 6 articles" in capsys.readouterr().out
    # the written file states a set's facts (on another set: a held-out check; here the same set)
    assert main(["--gold", str(gold), "--texts", str(texts), "--calibrator", str(out)]) == 0
    assert "Engagements, as the given calibrator states them (in-sample" in capsys.readouterr().out


@needs_score
def test_no_calibrator_is_fitted_on_articles_the_models_were_trained_on(tmp_path, monkeypatch, capsys):
    from analysis.extraction.training import GoldDocument, manifest_write

    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    text, actors, engagements = ARTICLES["x1"]
    (texts / "x1.txt").write_text(text, encoding="utf-8")
    record = {"actors": [{"name": n, "aliases": [], "kind": k} for n, k in actors], "engagements": []}
    (gold / "x1.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    models = tmp_path / "models"
    models.mkdir()
    manifest_write([GoldDocument("x1", text, record)], models)
    monkeypatch.setenv("EXTRACTION_MODELS", str(models))
    out = models / "calibration.json"
    assert main(["--gold", str(gold), "--texts", str(texts), "--fit", "--out", str(out)]) == 2
    assert "trained on 1 of these articles" in capsys.readouterr().err
    assert not out.exists()
    assert main(["--gold", str(gold), "--texts", str(texts)]) == 0
    assert "**Not held out**: the models were trained on 1 of these 1 articles." in capsys.readouterr().out


def test_above_twenty_articles_the_folds_are_groups_of_articles_and_every_fact_is_stated_once():
    facts = [
        Fact(f"a{k:02}", ("cue",) if k % 2 else ("other",), None, k % 3 != 0)
        for k in range(25)
        for _ in range(2)
    ]
    pairs = cross_validated(facts)
    assert len(pairs) == len(facts)
    assert [ok for _, ok in pairs] == [f.right for f in facts]
    assert all(0 < p < 1 for p, _ in pairs)
