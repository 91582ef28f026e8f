"""The pair review: its candidates, its decision rule, the scorer's counting it is chosen by, the stage
with a hand-made model and without one, and training on a small made-up set."""

from __future__ import annotations

import json

import pytest

from analysis.extraction.interactions.labels import GoldIndex
from analysis.extraction.interactions.model import InteractionModel
from analysis.extraction.pair_review.candidates import document_pairs
from analysis.extraction.pair_review.decisions import NEVER, Scored, decide, together
from analysis.extraction.pair_review.learn import train
from analysis.extraction.pair_review.model import MODEL_FILE, add_threshold, load_review_model
from analysis.extraction.pair_review.scoring import document_counts, prediction_of
from analysis.extraction.pair_review.selection import choose
from analysis.extraction.pair_review.stage import review_document, review_inputs, review_pairs
from analysis.extraction.pipeline import extract_document
from analysis.extraction.training import GoldDocument

# a meeting the rules read, then a working session they miss (`عقد … جلسة عمل مع`)
TEXT = (
    "استقبل وزير الخارجية سامي الخطيب السفير الفرنسي جان دوبوا في بغداد.\n"
    "وعقد وزير المالية كريم الحداد جلسة عمل مطولة مع السفير الألماني هانز مولر."
)


@pytest.fixture
def no_models(tmp_path, monkeypatch):
    """A model folder with no model at all: the rules alone, and no pair review."""
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv("EXTRACTION_MODELS", str(folder))
    return folder


def stage_input(text: str):
    with review_inputs() as seen:
        extract_document(text)
    return seen[0]


def parties(engagements) -> list[set[str]]:
    return [{p.name for p in e.participants} for e in engagements]


def test_every_pair_named_together_or_linked_by_the_output_is_a_candidate(no_models):
    given = stage_input(TEXT)
    pairs = {
        p.key: p for p in document_pairs(review_document(given.text, given.analysis, given.engagements), None)
    }

    assert set(pairs) == {
        frozenset({"سامي الخطيب", "جان دوبوا"}),
        frozenset({"سامي الخطيب", "العراق"}),  # Baghdad stands for its state, a party
        frozenset({"جان دوبوا", "العراق"}),
        frozenset({"كريم الحداد", "هانز مولر"}),
    }
    assert pairs[frozenset({"سامي الخطيب", "جان دوبوا"})].linked
    assert not pairs[frozenset({"كريم الحداد", "هانز مولر"})].linked
    [reading] = pairs[frozenset({"كريم الحداد", "هانز مولر"})].readings
    assert reading.candidate.sentence.index == 1 and reading.named


def test_an_open_pair_is_added_at_add_and_an_engagement_dropped_only_when_every_pair_is_below_drop():
    ab, ac, bc, de = (frozenset(p) for p in ("AB", "AC", "BC", "DE"))
    pairs = [Scored(ab, True, 0.05), Scored(ac, True, 0.3), Scored(bc, True, 0.05), Scored(de, False, 0.6)]
    engagements = [["A", "B"], ["A", "B", "C"], ["A"]]

    kept, added = decide(pairs, engagements, add=0.5, drop=0.1)

    assert kept == [1, 2]  # A-B goes; A-B-C keeps its one believed pair; one party is never judged
    assert added == [3]
    assert decide(pairs, engagements, add=NEVER, drop=0.0) == ([0, 1, 2], [])


def test_pairs_linking_three_parties_each_to_each_are_one_engagement_and_a_star_stays_pairs():
    here, there = (10, "training"), (90, "meeting")
    added = [
        (frozenset("AB"), here),
        (frozenset("AC"), here),
        (frozenset("BC"), here),
        (frozenset("XY"), there),
        (frozenset("XZ"), there),
    ]
    assert together(added) == [[0, 1, 2], [3], [4]]


def test_the_scorer_matches_each_gold_engagement_once_and_a_made_pair_counts_only_as_a_pair():
    gold = GoldIndex(
        {
            "actors": [{"name": n, "aliases": []} for n in ("A", "B", "C")],
            "engagements": [
                {"type": "meeting", "participants": ["A", "B"], "date": None},
                {"type": "visit", "participants": ["A"], "date": None, "location": None},
            ],
        },
        {},
    )
    meeting = prediction_of(0, {0, 1}, "meeting", None, None, gold)
    twice = document_counts([meeting, meeting], gold)
    assert (twice.predictions, twice.hits, twice.gold, twice.gold_hit) == (2, 2, 2, 1)
    visit_pair = prediction_of(5, {0, 2}, "visit", None, None, gold)
    assert visit_pair.fits == (1,)  # score.py lets A and C's `visit` hit A's own visit
    assert prediction_of(5, {0, 2}, "visit", None, None, gold, pairs_only=True).fits == ()


def test_a_hand_made_model_adds_the_open_pair_and_drops_the_engagement_it_doubts(no_models):
    believed = {"open|kinds=person-person": 6.0, "status=linked": -6.0}  # open pairs of persons only
    model = InteractionModel(believed, -3.0, {"pair": 0.5}, 0.5)
    model.save(no_models / MODEL_FILE)

    result = extract_document(TEXT)

    assert parties(result.engagements) == [{"كريم الحداد", "هانز مولر"}]
    [made] = result.engagements
    assert made.evidence.text.startswith("وعقد وزير المالية")
    assert "found:pair" in made.cues
    assert {a.name for a in result.actors} >= {"كريم الحداد", "هانز مولر"}


def test_without_a_model_file_the_stage_changes_nothing(no_models):
    given = stage_input(TEXT)
    engagements = list(given.engagements)

    assert load_review_model() is None
    assert review_pairs(given.text, given.analysis, given.dates, engagements) is engagements
    assert parties(extract_document(TEXT).engagements) == [{"سامي الخطيب", "جان دوبوا"}]


HOSTS = ["كريم الحداد", "سامي الخطيب", "رامي العلي", "عادل السعدي", "فارس الجبوري", "ماجد الربيعي"]
GUESTS = ["هانز مولر", "جان دوبوا", "بيتر شميت", "مارك لوران", "توماس فيشر", "بول مارتان"]
CRITICS = ["سعد الزبيدي", "وليد النعيمي", "جميل الساعدي", "باسم الموسوي", "خالد الشمري", "علاء الحسني"]


def made_up_set(extra_set: str | None) -> list[GoldDocument]:
    """Articles with a working session the rules miss (gold) and a criticism (no engagement)."""
    documents = []
    for k, (host, guest, critic) in enumerate(zip(HOSTS, GUESTS, CRITICS, strict=True)):
        text = (
            f"وعقد وزير المالية {host} جلسة عمل مطولة مع السفير الألماني {guest}.\n"
            f"وانتقد النائب {critic} تصريحات وزير المالية {host}."
        )
        gold = {
            "actors": [{"name": n, "kind": "person", "aliases": []} for n in (host, guest, critic)],
            "engagements": [{"type": "meeting", "participants": [host, guest], "date": None}],
        }
        documents.append(GoldDocument(f"made{k}", text, gold, extra_set=extra_set))
    return documents


def test_training_on_a_small_made_up_set_writes_a_model_that_adds_what_the_rules_miss(no_models):
    unseen = "وعقد وزير المالية أنور الحلبي جلسة عمل مطولة مع السفير الألماني فرانك هوفمان."
    assert extract_document(unseen).engagements == []

    report = train(made_up_set("made-up"), no_models)

    saved = json.loads((no_models / MODEL_FILE).read_text(encoding="utf-8"))
    assert report["documents"] == 6 and report["positives"] == 6 and report["mean_gain"] > 0.005
    assert set(report["held_out"]) == {"fold0", "fold1", "fold2"}  # one set: its documents in folds
    assert saved["accept"]["pair"] == report["add"] and saved["drop"] == report["drop"]
    model = load_review_model()
    assert model is not None and add_threshold(model) == report["add"]
    assert parties(extract_document(unseen).engagements) == [{"أنور الحلبي", "فرانك هوفمان"}]
    critic = "وانتقد النائب سعيد الراوي تصريحات وزير المالية أنور الحلبي."
    assert extract_document(critic).engagements == []


def test_training_learns_only_from_extra_sets_and_without_them_leaves_the_stage_off(no_models):
    (no_models / MODEL_FILE).write_text("{}", encoding="utf-8")

    report = train(made_up_set(None), no_models)

    assert report["documents"] == 0 and "skipped" in report
    assert not (no_models / MODEL_FILE).exists()


def test_the_choice_is_the_best_mean_gain_that_no_held_set_pays_for_and_the_guard_allows():
    unchanged, bold, modest, barred = (NEVER, 0.0), (0.3, 0.0), (0.6, 0.2), (0.5, 0.1)
    table = {
        "f1": {unchanged: 0.50, bold: 0.60, modest: 0.53, barred: 0.70},
        "f2": {unchanged: 0.50, bold: 0.49, modest: 0.52, barred: 0.70},  # bold costs f2 0.01
    }
    allowed = {0.1: {unchanged, bold, modest}}  # the guard documents fall too far at `barred`

    best = choose({0.1: table}, allowed)

    assert (best.add, best.drop) == modest
    assert best.mean == pytest.approx(0.025) and best.worst == pytest.approx(0.02)
    assert (choose({0.1: table}, {0.1: {unchanged}}).add, best.c) == (NEVER, 0.1)
