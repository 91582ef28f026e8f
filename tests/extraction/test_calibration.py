"""The calibration stage (analysis/extraction/calibration.py): cue features, the fitted calibrator, and
the confidences the extractor states with it or without it."""

from __future__ import annotations

import shutil

import pytest

from analysis.extraction.calibration import (
    L2_GRID,
    MODEL_FILE,
    Calibrator,
    features,
    fit,
    fit_by_article,
    load_calibrators,
    parties_actor_cue,
    save,
)
from analysis.extraction.pipeline import extract_document
from analysis.extraction.training import PACKAGED_MODELS

TEXT = (
    "استقبل وزير الخارجية العراقي فؤاد حسين السفير الفرنسي باتريك دوريل في بغداد. "
    "وبحث الجانبان العلاقات بين العراق وفرنسا."
)


def test_a_band_turns_on_the_bands_below_it_and_named_parties_read_all_or_part():
    assert features(["tagger:0.95+", "named:2/2"]) == [
        "named:all",
        "tagger:0.5+",
        "tagger:0.8+",
        "tagger:0.95+",
    ]
    assert features(["tagger:<0.5", "named:1/2", "mentions:3+"]) == [
        "mentions:2+",
        "mentions:3+",
        "named:part",
        "tagger:<0.5",
    ]


def test_the_fitted_calibrator_states_on_average_the_share_right_and_ranks_by_its_cues():
    facts = [(["trigger:verb"], True)] * 54 + [(["trigger:verb"], False)] * 6
    facts += [(["trigger:noun"], True)] * 12 + [(["trigger:noun"], False)] * 18
    model = fit(facts)
    stated = [model.probability(cues) for cues, _ in facts]
    assert abs(sum(stated) / len(stated) - 66 / 90) < 1e-3  # the bias is not penalised
    assert model.probability(["trigger:verb"]) > 0.8 > 0.5 > model.probability(["trigger:noun"])
    assert fit(facts) == model  # deterministic


def test_a_folder_without_a_calibrator_states_no_confidence(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path))
    result = extract_document(TEXT)
    assert result.engagements and result.actors
    assert all(fact.confidence is None for fact in (*result.actors, *result.engagements))
    assert all(fact.cues for fact in (*result.actors, *result.engagements))  # the cues are still read


def test_with_a_calibrator_every_fact_states_the_probability_of_its_cues(tmp_path, monkeypatch):
    for name in ("tagger.crfsuite", "interactions.json"):
        shutil.copy(PACKAGED_MODELS / name, tmp_path / name)
    engagements = Calibrator({"trigger:verb": 2.0}, 0.0)
    actors = Calibrator({"kind:person": 1.0, "kind:state": -1.0}, 0.0)
    save({"engagement": engagements, "actor": actors}, tmp_path / MODEL_FILE)
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path))
    assert set(load_calibrators()) == {"engagement", "actor"}
    result = extract_document(TEXT)
    for e in result.engagements:
        assert e.confidence == round(engagements.probability(e.cues), 3)
    by_name = {a.name: a for a in result.actors}
    assert by_name["فؤاد حسين"].confidence == round(actors.probability(["kind:person"]), 3) == 0.731
    assert by_name["فرنسا"].confidence == 0.269


def test_the_packaged_calibrator_was_fitted_on_articles_the_rules_were_not_written_from():
    calibrators = load_calibrators()
    if not calibrators:
        return
    for subject in ("engagement", "actor"):
        report = calibrators[subject].report
        assert "dev" not in report["set"]  # a held-out set: the spent blind part or a fresh one
        assert report["facts"] > report["right"] > 0


def test_the_penalty_is_chosen_by_articles_held_out_weak_for_a_clear_cue_strong_for_noise():
    clear, articles = [], []
    for k in range(16):
        clear += [(["trigger:verb"], True), (["trigger:verb"], True), (["trigger:noun"], False)]
        articles += [f"a{k}"] * 3
    assert fit_by_article(clear, articles).report["l2"] == min(L2_GRID)
    noise = [(["trigger:verb" if k % 3 else "trigger:noun"], k % 2 == 0) for k in range(48)]
    assert fit_by_article(noise, articles).report["l2"] == max(L2_GRID)


def test_an_engagements_parties_band_is_the_chance_that_every_party_is_right():
    assert parties_actor_cue([0.9, 0.8]) == ["parties_actor:0.7+"]  # 0.72
    assert parties_actor_cue([0.5]) == ["parties_actor:<0.6"]
    assert parties_actor_cue([0.9, None]) == []  # a party with no confidence: no band
    assert features(["parties_actor:0.8+"]) == [
        "parties_actor:0.6+",
        "parties_actor:0.7+",
        "parties_actor:0.8+",
    ]
    assert features(["tagger:title_only", "tagger:none"]) == ["tagger:none", "tagger:title_only"]


def test_no_corpus_article_makes_the_confidence_stage_fail():
    """The pipeline turns a stage's exception into a notice; a cue no code expected once did so silently."""
    from tests.extraction.article_files import CORPUS

    texts = sorted((CORPUS / "texts").glob("*.txt"))
    if not texts:
        pytest.skip(f"no corpus at {CORPUS}")
    for path in texts:
        result = extract_document(path.read_text(encoding="utf-8"))
        assert not [n for n in result.notices if "failed" in n], path.name
        assert all(a.cues for a in result.actors) and all(e.cues for e in result.engagements), path.name


def test_an_engagement_of_a_person_with_a_state_says_its_parties_are_of_mixed_kinds():
    from analysis.extraction.calibration import engagement_party_cues
    from analysis.extraction.results import ActorKind, ExtractedEngagement, Participant, Span

    def cues(*parties):
        e = ExtractedEngagement("meeting", [Participant(name) for name, _ in parties], Span("", 0, 0))
        return engagement_party_cues(e, dict(parties), {})

    assert "parties:mixed" in cues(("فؤاد حسين", ActorKind.PERSON), ("فرنسا", ActorKind.STATE))
    assert "parties:mixed" not in cues(("فؤاد حسين", ActorKind.PERSON), ("باتريك دوريل", ActorKind.PERSON))
    assert "parties:mixed" not in cues(("العراق", ActorKind.STATE), ("فرنسا", ActorKind.STATE))
