"""`manage.py reextract`: every stored document through the current extractor, from its stored text,
with curators' decisions (verified, rejected, edited, merged) kept."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from analysis.models import Actor, Document, Engagement
from analysis.services import curation

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def facts() -> set[tuple]:
    """The engagements an analyst sees (not rejected): type, date and who took part."""
    return {
        (e.type, e.date_start, frozenset(p.actor.name for p in e.participations.select_related("actor")))
        for e in Engagement.objects.exclude(review="rejected").prefetch_related("participations")
    }


def reextract() -> str:
    out = StringIO()
    call_command("reextract", "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_reextract_reads_the_stored_text_and_keeps_every_curated_decision(tmp_path, curator):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    call_command("ingest", str(folder), "--no-progress", stdout=StringIO(), stderr=StringIO())
    engagements = list(Engagement.objects.order_by("pk"))
    verified, rejected, edited = engagements[0], engagements[1], engagements[2]
    curation.engagements_verify(engagements=[verified], user=curator)
    curation.engagements_reject(engagements=[rejected], user=curator)
    edited.location = "مكان صححه المنسق"
    curation.engagement_update(
        engagement=edited, user=curator, changed_fields=["location"], reason="تصحيح المكان"
    )
    # Two persons who never meet (a curator merging spellings of one name would be such a pair).
    persons = list(Actor.objects.filter(kind="person").order_by("pk"))
    keep, drop = next(
        (a, b)
        for i, a in enumerate(persons)
        for b in persons[i + 1 :]
        if not Engagement.objects.filter(participations__actor=a).filter(participations__actor=b).exists()
    )
    curation.actor_merge(keep=keep, drop=drop, user=curator)
    documents, before = Document.objects.count(), facts()
    shutil.rmtree(folder)  # the article files are gone: only the stored text is left

    summary = reextract()

    assert f"Re-extracted {documents} of {documents} documents" in summary
    assert Engagement.objects.get(pk=verified.pk).review == "verified"
    assert Engagement.objects.get(pk=rejected.pk).review == "rejected"
    assert Engagement.objects.get(pk=edited.pk).location == "مكان صححه المنسق"
    assert not Actor.objects.filter(pk=drop.pk).exists()
    assert not Actor.objects.filter(name=drop.name).exclude(pk=keep.pk).exists()
    assert Document.objects.count() == documents
    assert before <= facts()  # nothing an analyst saw is lost (the merged alias may find more)


def test_reextract_with_nothing_stored_says_so():
    assert "No stored document" in reextract()


def test_stale_reextracts_only_documents_of_another_extractor_version(tmp_path):
    call_command("ingest", str(SEEDS), "--no-progress", stdout=StringIO(), stderr=StringIO())
    Document.objects.filter(pk=Document.objects.order_by("pk").first().pk).update(extractor_version="old")
    out = StringIO()
    call_command("reextract", "--stale", "--no-progress", stdout=out, stderr=StringIO())
    assert "Re-extracted 1 of 1 documents" in out.getvalue()
    assert not Document.objects.filter(extractor_version="old").exists()
