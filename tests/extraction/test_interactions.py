"""The interaction stage: candidates, features, training on a small made-up gold set, and decisions."""

from __future__ import annotations

import json

import pytest

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.calibration import load_calibrators
from analysis.extraction.interactions.candidates import (
    build_document,
    document_candidates,
    fills_gap,
    sentence_candidates,
)
from analysis.extraction.interactions.features import candidate_features, sentence_features, word_class
from analysis.extraction.interactions.learn import labelled_documents, train
from analysis.extraction.interactions.merge import covering, decide
from analysis.extraction.interactions.model import MODEL_FILE, InteractionModel, load_model
from analysis.extraction.interactions.stage import rule_outputs
from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import EngagementType, Status
from analysis.extraction.training import GoldDocument

MINISTERS = [
    ("كريم الحداد", "هانز مولر"),
    ("سامي الخطيب", "جان دوبوا"),
    ("رامي العلي", "بيتر شميت"),
    ("عادل السعدي", "مارك لوران"),
    ("فارس الجبوري", "توماس فيشر"),
    ("ماجد الربيعي", "بول مارتان"),
    ("حسن الكعبي", "كلاوس فاغنر"),
    ("نزار الدباغ", "لوك بيرنار"),
]


def rule_output(text: str):
    with rule_outputs() as seen:
        extract_document(text)
    return seen[0]


def candidates_of(text: str):
    out = rule_output(text)
    doc = build_document(out.text, out.analysis, out.engagements)
    return doc, document_candidates(doc)


def features_of(doc, cand) -> set[str]:
    return set(candidate_features(doc, cand, sentence_features(doc, cand.sentence)))


def test_every_pair_of_a_sentence_and_each_visitor_with_a_place_is_a_candidate():
    text = "وزار وزير المالية كريم الحداد مدينة البصرة وعقد جلسة عمل مع السفير الألماني هانز مولر."
    doc, cands = candidates_of(text)
    pairs = {frozenset(c.parties) for c in cands if c.kind == "pair"}
    visits = {(c.parties[0], c.place.actor) for c in cands if c.place is not None}
    assert frozenset({"كريم الحداد", "هانز مولر"}) in pairs
    assert {("كريم الحداد", "البصرة"), ("هانز مولر", "البصرة")} <= visits


def test_a_pair_the_rules_report_is_their_engagement_not_a_second_candidate():
    doc, cands = candidates_of("ناقش وزير الخارجية سامي الخطيب والسفير الفرنسي جان دوبوا ملفات التعاون.")
    [rule] = [c for c in cands if c.kind == "rule"]
    assert set(rule.parties) == {"سامي الخطيب", "جان دوبوا"}
    assert not [c for c in cands if c.kind == "pair"]
    assert "rule|rule=talks" in features_of(doc, rule)


def test_while_training_a_pair_the_rules_report_is_a_labelled_example_of_a_pair_too(tmp_path):
    text = "ناقش وزير الخارجية سامي الخطيب والسفير الفرنسي جان دوبوا ملفات التعاون."
    doc, _ = candidates_of(text)
    [pair] = [c for c in sentence_candidates(doc.sentences[0], covered=True) if c.kind == "pair"]
    assert set(pair.parties) == {"سامي الخطيب", "جان دوبوا"}
    gold = {
        "actors": [{"name": n, "kind": "person", "aliases": []} for n in pair.parties],
        "engagements": [
            {"type": "talks", "participants": list(pair.parties), "date": None, "location": None}
        ],
    }
    [labelled] = labelled_documents([GoldDocument("t", text, gold)], tmp_path)
    assert [ex.label for ex in labelled.examples if ex.candidate.kind == "pair"] == [1]
    assert not fills_gap(pair)  # the rules read this sentence: the pair never becomes a second engagement


def test_a_new_pair_of_persons_or_of_states_may_become_an_engagement_where_the_rules_read_nothing():
    doc, cands = candidates_of("وعقد وزير المالية كريم الحداد جلسة عمل مع السفير الألماني هانز مولر.")
    [pair] = [c for c in cands if c.kind == "pair"]
    assert fills_gap(pair)
    doc, cands = candidates_of("وتعرض روسيا تعاونا عسكريا مع العراق.")
    states = [c for c in cands if c.kind == "pair"]
    assert states and all(fills_gap(c) for c in states)


def test_a_pair_reads_the_words_between_its_parties_and_how_often_the_document_names_them_together():
    doc, cands = candidates_of(
        "وعقد وزير المالية كريم الحداد جلسة عمل مع السفير الألماني هانز مولر.\n"
        "وشكر هانز مولر الوزير كريم الحداد."
    )
    pair = next(c for c in cands if c.kind == "pair" and c.sentence.index == 0)
    feats = features_of(doc, pair)
    assert {"pair|wb=word", "pair|wb=مع", "pair|co=2", "pair|leading=2", "pair|headline"} <= feats
    assert {"pair|wpre=word", "pair|wprer=وعقد"} <= feats  # the word before: its class and its form
    assert "pair|wb=جلسه" not in feats  # between the parties, a word's class only: forms memorise


def test_a_context_word_is_read_by_its_class_a_link_word_by_itself():
    words = tokenize("والتقى مع وقال جلسة ، اجتماع")
    assert [word_class(t) for t in words] == [
        "trig:meeting:v",
        "مع",
        "speech",
        "word",
        "punct",
        "trig:meeting:n",
    ]


def test_features_read_the_link_word_the_trigger_and_the_markers():
    doc, cands = candidates_of("وعقد وزير المالية كريم الحداد جلسة عمل مع السفير الألماني هانز مولر.")
    [pair] = [c for c in cands if c.kind == "pair"]
    feats = features_of(doc, pair)
    assert {"kind=pair", "pair|btw=مع", "pair|no_trigger"} <= feats
    doc, cands = candidates_of(
        "ولن يلتقي وزير المالية كريم الحداد السفير الألماني هانز مولر اليوم، ومن المقرر أن يزوره غدا."
    )
    cand = next(c for c in cands if c.kind != "visit")
    assert {f"{cand.kind}|{f}" for f in ("negation", "planned_marker", "trig=meeting:v")} <= features_of(
        doc, cand
    )


def test_the_model_scores_with_its_weights():
    model = InteractionModel(weights={"a": 2.0, "b": -2.0}, bias=0.0)
    assert model.probability(["a"]) > 0.85 > 0.15 > model.probability(["b"])
    assert model.probability(["a", "a", "b"]) == pytest.approx(0.5)


def _gold_document(k: int, host: str, guest: str, critic: str) -> GoldDocument:
    """A made-up article: a working session the rules miss (gold), and a criticism (not an engagement)."""
    text = (
        f"وعقد وزير المالية {host} جلسة عمل مطولة مع السفير الألماني {guest}.\n"
        f"وانتقد النائب {critic} تصريحات وزير المالية {host}."
    )
    gold = {
        "actors": [{"name": n, "kind": "person", "aliases": []} for n in (host, guest, critic)],
        "engagements": [{"type": "meeting", "participants": [host, guest], "date": None, "location": None}],
    }
    return GoldDocument(id=f"made{k}", text=text, gold=gold)


CRITICS = [
    "سعد الزبيدي",
    "وليد النعيمي",
    "جميل الساعدي",
    "باسم الموسوي",
    "خالد الشمري",
    "علاء الحسني",
    "منير العبيدي",
    "يوسف الطائي",
]


def test_training_on_a_small_gold_set_makes_the_stage_find_what_the_rules_miss(tmp_path, monkeypatch):
    docs = [_gold_document(k, h, g, c) for k, ((h, g), c) in enumerate(zip(MINISTERS, CRITICS, strict=True))]
    report = train(docs, tmp_path)
    saved = json.loads((tmp_path / MODEL_FILE).read_text(encoding="utf-8"))
    assert report["documents"] == 8 and report["positives"] >= 8
    assert saved["weights"]["pair|btw=مع"] > 0
    unseen = "وعقد وزير المالية أنور الحلبي جلسة عمل مطولة مع السفير الألماني فرانك هوفمان."
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path / "none"))
    assert extract_document(unseen).engagements == []
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path))
    [found] = extract_document(unseen).engagements
    assert {p.name for p in found.participants} == {"أنور الحلبي", "فرانك هوفمان"}
    assert found.evidence.text.startswith("وعقد وزير المالية")
    assert found.confidence is None  # a folder without a calibrator states no confidence
    critic = "وانتقد النائب سعيد الراوي تصريحات وزير المالية أنور الحلبي."
    assert extract_document(critic).engagements == []


def test_rule_engagements_pass_unchanged_without_a_model(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTION_MODELS", str(tmp_path))
    [e] = extract_document(
        "ناقش وزير الخارجية سامي الخطيب والسفير الفرنسي جان دوبوا ملفات التعاون."
    ).engagements
    assert e.confidence is None


def test_the_packaged_models_give_every_engagement_a_computed_confidence(monkeypatch):
    monkeypatch.delenv("EXTRACTION_MODELS", raising=False)
    if load_model() is None or "engagement" not in load_calibrators():
        pytest.skip("no packaged interaction model or calibrator")
    text = (
        "استقبل وزير الخارجية سامي الخطيب السفير الفرنسي جان دوبوا في بغداد. "
        "وزار وزير المالية كريم الحداد مدينة البصرة حيث التقى المحافظ رامي العلي."
    )
    found = extract_document(text).engagements
    assert found
    assert all(e.confidence is not None and 0.0 < e.confidence <= 1.0 for e in found)
    assert all(e.confidence != 0.5 for e in found)  # not the database's placeholder


def test_a_planned_interaction_of_a_pair_is_not_folded_into_its_reported_one():
    text = (
        "الخارجية تعلن نتائج الجولة الدبلوماسية الأخيرة في أوروبا.\n"
        "أشاد وزير الخارجية سامي الخطيب بالسفير الفرنسي جان دوبوا أمس. "
        "ومن المقرر أن يعقد الخطيب ودوبوا جلسة ثانية الأسبوع المقبل."
    )
    doc, cands = candidates_of(text)
    past, coming = sorted(
        (c for c in cands if c.kind == "pair" and c.sentence.index > 0), key=lambda c: c.sentence.start
    )
    made, extra = decide([(past, 0.9), (coming, 0.8)], [], doc=doc)
    assert len(made) == 2 and not extra
    assert len(decide([(past, 0.9), (coming, 0.8)], [])[0]) == 1  # training's simulation: one
    reported = [(frozenset(past.parties), EngagementType.MEETING)]
    assert covering(coming, reported, [Status.REPORTED], Status.PLANNED) is None
    assert covering(past, reported, [Status.REPORTED], Status.REPORTED) == 0


def test_a_headline_in_its_own_tense_joins_the_interaction_the_body_tells():
    text = (
        "وزير الخارجية سامي الخطيب يلتقي السفير الفرنسي جان دوبوا\n"
        "ومن المقرر أن يعقد الخطيب ودوبوا جلسة الأسبوع المقبل."
    )
    doc, cands = candidates_of(text)
    headline, body = sorted((c for c in cands if c.kind == "pair"), key=lambda c: c.sentence.start)
    assert headline.sentence.index == 0 and body.sentence.index == 1
    made, extra = decide([(headline, 0.9), (body, 0.8)], [], doc=doc)
    assert [cand for cand, _ in made.values()] == [body]  # the body's sentence is the evidence
    assert [(cand, k) for cand, k, _ in extra] == [(headline, None)]
