"""How the dashboard words a confidence (analysis/web/confidence.py)."""

from __future__ import annotations

import pytest

from analysis.models import Evidence
from analysis.web.confidence import card_badge_html, confidence_note, cues_sentence
from tests.factories import document_create, engagement_create

pytestmark = pytest.mark.django_db


def test_no_badge_and_no_note_without_a_computed_confidence():
    assert card_badge_html(None) == ""
    engagement = engagement_create(document=document_create(outlet="المدى"))
    assert confidence_note(engagement, engagement.evidence.all()) == ""


def test_the_note_names_the_independent_sources_and_the_best_sentences_cues():
    engagement = engagement_create(document=document_create(outlet="المدى"), confidence=0.96)
    other = document_create(outlet="روسيا اليوم")
    Evidence.objects.filter(engagement=engagement).update(
        confidence=0.8, cues="found:rule,trigger:noun,named:1/2"
    )
    Evidence.objects.create(
        engagement=engagement,
        document=other,
        start=0,
        end=5,
        sentence="التقى",
        confidence=0.8,
        cues="found:rule,trigger:verb,named:2/2,marker:hedge",
    )
    note = confidence_note(engagement, engagement.evidence.select_related("document"))
    assert note.startswith("96٪؛ من مصدرين مستقلين (")
    assert "المدى" in note and "روسيا اليوم" in note
    assert "بفعل دالّ على الحدث" in note or "باسم دالّ على الحدث" in note


def test_cue_codes_read_as_arabic_phrases():
    assert cues_sentence(["found:pair", "named:1/2", "marker:negation", "unknown"]) == (
        "اقترحه النموذج المتعلِّم من طرفين في جملة واحدة، بعض الأطراف من جملة سابقة، في الجملة نفي"
    )
    assert "الثقة 72٪" in card_badge_html(0.72)


def test_an_actors_profile_shows_its_computed_confidence_and_none_when_nothing_computed_it(reader):
    from tests.factories import actor_create

    computed = actor_create(name="فؤاد حسين")
    computed.confidence = 0.87
    computed.save()
    page = reader.get(computed.get_absolute_url()).content.decode()
    assert 'class="badge confidence"' in page and "الثقة 87٪" in page
    uncomputed = actor_create(name="هادي العامري")
    page = reader.get(uncomputed.get_absolute_url()).content.decode()
    assert 'class="badge confidence"' not in page and "الثقة" not in page


def test_the_party_cues_are_worded_and_counts_are_left_out():
    sentence = cues_sentence(["found:rule", "parties:2", "parties:persons", "party_tagger:<0.5"])
    assert sentence == "وجدته قاعدة من قواعد المستخرِج، الأطراف أشخاص، نموذج الأسماء يشكّ في اسم أحد الأطراف"
