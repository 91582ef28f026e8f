"""Sources that disagree on the timeline: the card's mark, the filter, the readings side by side."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis.models import Disagreement
from tests.dashboard_data import world_create
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


def misdated_pair(actors, day: int):
    """Two reports of one meeting, a few days apart, each from its own source, flagged."""
    first = engagement_create(
        actors=actors,
        date=f"2023-03-{day:02d}",
        document=document_create(outlet="المدى"),
        sentence="التقى الطرفان أمس.",
    )
    second = engagement_create(
        actors=actors,
        date=f"2023-03-{day + 4:02d}",
        document=document_create(outlet="روسيا اليوم"),
        sentence="عقد الطرفان لقاءً اليوم.",
    )
    Disagreement.objects.create(
        kind="date", engagement=first, other=second, key=f"date:{first.pk}:{second.pk}"
    )
    return first, second


def test_a_flagged_engagement_carries_a_mark_and_the_filter_shows_only_those(reader):
    world = world_create()
    first, second = misdated_pair([world.fayyad, world.kutrashev], 3)

    html = reader.get("/").content.decode()
    assert html.count("badge disagree") == 2

    filtered = reader.get("/", {"disagree": "1"}).content.decode()
    assert filtered.count('data-engagement-card="') == 2
    assert f'data-engagement-card="{world.meeting.pk}"' not in filtered
    assert 'name="disagree" value="1" checked' in filtered


def test_dismissed_flags_leave_the_card_and_the_filter(reader):
    world = world_create()
    first, _ = misdated_pair([world.fayyad, world.kutrashev], 3)
    Disagreement.objects.update(state="dismissed")

    assert "badge disagree" not in reader.get("/").content.decode()
    assert 'data-engagement-card="' not in reader.get("/", {"disagree": "1"}).content.decode()


def test_the_timeline_costs_the_same_queries_with_2_or_30_flagged_engagements(reader):
    world = world_create()
    misdated_pair([world.fayyad, world.kutrashev], 1)
    reader.get("/", {"disagree": "1"})  # the steady state: the filter form rendered once for these values
    with CaptureQueriesContext(connection) as few:
        reader.get("/", {"disagree": "1"})
    for day in range(2, 16):
        people = [actor_create(name=f"فاعل {day}"), actor_create(name=f"فاعل آخر {day}")]
        misdated_pair(people, day)
    with CaptureQueriesContext(connection) as many:
        html = reader.get("/", {"disagree": "1"}).content.decode()

    assert html.count("badge disagree") == 30
    assert len(many) == len(few)


def test_the_detail_pane_shows_the_conflicting_sentences_side_by_side(reader):
    world = world_create()
    first, second = misdated_pair([world.fayyad, world.kutrashev], 3)

    html = reader.get("/", {"engagement": first.pk}).content.decode()

    section = html[html.index('class="disagreements"') :]
    assert "تختلف المصادر في <strong>التاريخ</strong>" in section
    assert section.index("الرواية 1") < section.index("التقى الطرفان أمس.") < section.index("الرواية 2")
    assert section.index("الرواية 2") < section.index("عقد الطرفان لقاءً اليوم.")
    assert "3 آذار 2023" in section and "7 آذار 2023" in section
    assert "احسم الاختلاف" not in section  # an analyst reads; a curator decides


def test_an_engagement_whose_sources_agree_shows_no_disagreement(reader):
    world = world_create()

    html = reader.get("/", {"engagement": world.meeting.pk}).content.decode()

    assert 'class="disagreements"' not in html
