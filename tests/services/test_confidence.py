"""Engagement and actor confidence (issue 18): computed from the extractor's confidence of each
reporting sentence or naming document, combined over independent sources; never a constant default."""

from __future__ import annotations

import pytest
from django.db.models import NOT_PROVIDED

from analysis.models import Actor, Engagement, Evidence, Mention
from analysis.services.confidence import (
    actors_confidence_refresh,
    corroborated,
    engagements_confidence_refresh,
)
from analysis.services.curation import actor_merge
from analysis.services.ingestion import document_ingest
from tests.factories import actor_create, article_text, document_create, engagement_create, scripted_extract
from tests.services.ingestion.reports import FAYYAD, KUTRASHEV, MEETING_DAY, write

pytestmark = pytest.mark.django_db


def test_independent_reports_combine_as_the_chance_that_one_is_right():
    assert corroborated([0.8]) == 0.8
    assert corroborated([0.8, 0.8]) == 0.96
    assert corroborated([]) is None
    assert corroborated([0.98, 0.983]) == 0.999  # two sure sources: never stated as certain


def _extractor(outlet: str, confidence: float | None, actor_confidence: float | None = None):
    def extract(raw_text: str, *, known_actors=()):
        result = scripted_extract(raw_text, known_actors=known_actors)
        result.metadata.outlet = outlet
        for actor in result.actors:
            actor.confidence = actor_confidence
        for engagement in result.engagements:
            engagement.confidence = confidence
            engagement.cues = ["found:rule", "trigger:verb", "named:2/2"]
        return result

    return extract


def _ingest(
    path, outlet: str, confidence: float | None, actor_confidence: float | None = None, version: str = "v1"
):
    extractor = _extractor(outlet, confidence, actor_confidence)
    return document_ingest(path=path, extractor=extractor, extractor_version=version)


def test_ingestion_stores_the_extractors_confidence_and_corroboration_raises_it(tmp_path):
    article = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])
    _ingest(write(tmp_path, "1.txt", article), "وكالة أ", 0.7)
    engagement = Engagement.objects.get()
    assert engagement.confidence == 0.7
    assert Evidence.objects.get().cues == "found:rule,trigger:verb,named:2/2"

    # the same outlet again (another article of it) is not independent: no change
    _ingest(write(tmp_path, "2.txt", article + "\nتكرار"), "وكالة أ", 0.6)
    engagement.refresh_from_db()
    assert engagement.confidence == 0.7

    _ingest(write(tmp_path, "3.txt", article + "\nمصدر آخر"), "وكالة ب", 0.7)
    engagement.refresh_from_db()
    assert engagement.confidence == pytest.approx(0.91)


def test_no_engagement_keeps_a_confidence_nothing_computed(tmp_path):
    """The old model default (0.5 for every fact) must never reach the dashboard."""
    article = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])
    _ingest(write(tmp_path, "1.txt", article), "وكالة أ", None)
    assert Engagement.objects.get().confidence is None
    by_hand = engagement_create(actors=[actor_create(name="هادي العامري")])
    assert by_hand.confidence is None
    field = Engagement._meta.get_field("confidence")
    assert field.null and field.default is NOT_PROVIDED


def test_the_real_extractor_gives_every_stored_engagement_a_computed_confidence(tmp_path, settings):
    from pathlib import Path

    seeds = sorted(Path(settings.BASE_DIR, "seeds").glob("*.txt"))[:2]
    for path in seeds:
        document_ingest(path=path)
    confidences = list(Engagement.objects.values_list("confidence", flat=True))
    assert confidences and all(c is not None and 0 < c <= 1 and c != 0.5 for c in confidences)
    assert all(Evidence.objects.values_list("cues", flat=True))


def test_refresh_recomputes_from_the_evidence_left():
    engagement = engagement_create(document=document_create(outlet="وكالة أ"), confidence=0.9)
    Evidence.objects.update(confidence=0.6)
    engagements_confidence_refresh(engagement_ids=[engagement.pk])
    engagement.refresh_from_db()
    assert engagement.confidence == 0.6


def test_an_engagement_just_created_gets_its_evidence_combined_without_reading_it():
    engagement = engagement_create(document=document_create(outlet="وكالة أ"))
    Engagement.objects.update(confidence=None)
    Evidence.objects.update(confidence=0.1)  # what a read would find: not what `created` says
    evidence = [(1, "وكالة أ", 0.8), (2, "وكالة أ", 0.6), (3, "وكالة ب", 0.5), (4, " ", 0.5)]
    assert (
        engagements_confidence_refresh(engagement_ids=[engagement.pk], created={engagement.pk: evidence}) == 1
    )
    engagement.refresh_from_db()
    assert engagement.confidence == corroborated(
        [0.8, 0.5, 0.5]
    )  # one source per outlet, a document without one its own


def test_an_actors_confidence_is_its_documents_combined_over_independent_sources(tmp_path):
    article = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])
    _ingest(write(tmp_path, "1.txt", article), "وكالة أ", 0.7, actor_confidence=0.6)
    fayyad = Actor.objects.get(name="فالح الفياض")
    assert fayyad.confidence == 0.6
    assert set(Mention.objects.filter(actor=fayyad).values_list("confidence", flat=True)) == {0.6}
    _ingest(write(tmp_path, "2.txt", article + "\nتكرار"), "وكالة أ", 0.7, actor_confidence=0.5)
    fayyad.refresh_from_db()
    assert fayyad.confidence == 0.6  # the same outlet: its best document counts
    _ingest(write(tmp_path, "3.txt", article + "\nمصدر آخر"), "وكالة ب", 0.7, actor_confidence=0.5)
    fayyad.refresh_from_db()
    assert fayyad.confidence == pytest.approx(0.8)
    assert fayyad.confidence_sources == {"وكالة أ": 0.6, "وكالة ب": 0.5}
    # each new document updated the per-source bests; recomputing from every mention agrees
    assert actors_confidence_refresh(actor_ids=Actor.objects.values_list("pk", flat=True)) == 0


def test_a_reextracted_document_replaces_its_actors_contribution(tmp_path):
    article = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])
    path = write(tmp_path, "1.txt", article)
    _ingest(path, "وكالة أ", 0.7, actor_confidence=0.9)
    assert Actor.objects.get(name="فالح الفياض").confidence == 0.9
    _ingest(path, "وكالة أ", 0.7, actor_confidence=0.4, version="v2")  # the extractor changed its mind
    assert Actor.objects.get(name="فالح الفياض").confidence == 0.4


def test_an_actor_nothing_calibrated_states_no_confidence_and_a_merge_recomputes_it(tmp_path):
    article = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY])
    _ingest(write(tmp_path, "1.txt", article), "وكالة أ", None, actor_confidence=None)
    assert set(Actor.objects.values_list("confidence", flat=True)) == {None}
    assert Actor._meta.get_field("confidence").default is NOT_PROVIDED
    other = actor_create(name="فالح فياض")
    document = document_create(outlet="وكالة ب")
    Mention.objects.create(document=document, actor=other, start=0, end=5, surface="فياض", confidence=0.9)
    kept = actor_merge(keep=Actor.objects.get(name="فالح الفياض"), drop=other)
    assert kept.confidence == 0.9
    kept.refresh_from_db()
    assert kept.confidence == 0.9


def test_the_real_extractor_gives_every_stored_actor_a_computed_confidence(settings):
    from pathlib import Path

    from analysis.extraction.calibration import load_calibrators

    if "actor" not in load_calibrators():
        pytest.skip("no packaged actor calibrator")
    for path in sorted(Path(settings.BASE_DIR, "seeds").glob("*.txt"))[:2]:
        document_ingest(path=path)
    confidences = list(Actor.objects.values_list("confidence", flat=True))
    assert confidences and all(c is not None and 0 < c < 1 for c in confidences)
