"""Persons named attending an event no engagement word tells are an `other` engagement of them."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_two_ministers_in_whose_presence_a_headquarters_opened_attended_it():
    text = (
        "بحضور وزير الدفاع الأردني سمير الخطيب ونظيره الكويتي فهد العلي، شهدت العاصمة عمان "
        "افتتاح مقر القيادة المشتركة."
    )
    found = engagements(text)
    assert [(e.type, {p.name for p in e.participants}) for e in found] == [
        (EngagementType.OTHER, {"سمير الخطيب", "فهد العلي"})
    ]


def test_a_king_and_his_chief_of_staff_attending_a_ceremony():
    text = "وحضر الاحتفال بيوم الجيش، الأربعاء، الملك عبد الله الثاني ورئيس الأركان اللواء مالك الحديد."
    found = engagements(text)
    assert [(e.type, {p.name for p in e.participants}) for e in found] == [
        (EngagementType.OTHER, {"عبد الله الثاني", "مالك الحديد"})
    ]


def test_those_attending_talks_are_no_event_of_their_own():
    text = (
        "بحث وزير الدفاع سمير الخطيب مع نظيره فهد العلي التعاون العسكري. وحضر المباحثات قائد "
        "القوات البرية اللواء مالك الحديد ومستشار الوزير اللواء سالم الفهد."
    )
    assert not [e for e in engagements(text) if e.type == EngagementType.OTHER]


def test_one_person_attending_is_no_engagement():
    text = "وحضر الحفل وزير الدفاع سمير الخطيب."
    assert not [e for e in engagements(text) if e.type == EngagementType.OTHER]


def test_those_at_a_meeting_told_before_are_no_event_of_their_own():
    text = (
        "استقبل وزير الدفاع سمير الخطيب قائد القيادة الأمريكية مايكل لانجلي. وجرى هذا اللقاء بحضور "
        "سفيرة الولايات المتحدة سينثيا كيرشت ومستشار الوزير اللواء سالم الفهد."
    )
    assert not [e for e in engagements(text) if e.type == EngagementType.OTHER]
