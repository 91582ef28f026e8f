"""Confidence in a real Chromium (issue 18): the timeline's "at least N%" filter, the card badge and the
detail pane's explanation, and the admin's curation list sorted least certain first; axe clean."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_dashboard import cards, serious_violations
from tests.factories import actor_create, document_create, engagement_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "التقى فالح الفياض السفير الروسي ألبروس كوتراشيف في بغداد."


@pytest.fixture
def engagements():
    fayyad = actor_create(name="فالح الفياض", slug="فالح-الفياض")
    kutrashev = actor_create(name="ألبروس كوتراشيف", slug="ألبروس-كوتراشيف")
    source = document_create(text=SENTENCE, title="لقاء في بغداد", outlet="المدى")
    made = {}
    for day, confidence in (
        ("2024-02-01", 0.95),
        ("2024-01-01", 0.8),
        ("2023-12-01", 0.6),
        ("2023-11-01", None),
    ):
        made[confidence] = engagement_create(
            actors=[fayyad, kutrashev], date=day, document=source, sentence=SENTENCE, confidence=confidence
        )
    made[0.95].evidence.update(confidence=0.95, cues="found:rule,trigger:verb,named:2/2")
    return made


def test_timeline_filter_at_least_n_percent(
    analyst_page, live_server, engagements, screenshot, console_errors
):
    page = analyst_page
    page.goto(live_server.url + "/")
    expect(cards(page)).to_have_count(4)
    expect(cards(page).first.locator(".badge.confidence")).to_have_text("الثقة 95٪")
    expect(cards(page).last.locator(".badge.confidence")).to_have_count(0)  # none computed: none stated

    page.fill("#confidence-min", "70")
    page.press("#confidence-min", "Enter")
    expect(cards(page)).to_have_count(2)
    expect(page).to_have_url(re.compile(r"confidence=70"))
    screenshot("at-least-70")

    cards(page).first.locator(".engagement-link").click()
    note = page.locator(".confidence-note")
    expect(note).to_have_text(re.compile(r"^95٪؛ "))
    expect(note).to_contain_text("من مصدر واحد (المدى)")
    expect(note).to_contain_text("بفعل دالّ على الحدث")
    screenshot("detail-pane")
    assert serious_violations(page) == []
    assert console_errors == []


def sorted_by_confidence(page, url: str, expected: list[str]) -> None:
    """Open an admin list, sort it by its confidence column and check the rows' order, axe clean
    (the list itself: Django's own search box above it has an axe finding, label-title-only, not ours)."""
    page.goto(url)
    page.locator("#result_list thead th", has_text="الثقة").locator("a").first.click()
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(len(expected))
    for k, text in enumerate(expected):
        expect(rows.nth(k)).to_contain_text(text)
    results = Axe().run(page, context="#result_list")
    assert [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}] == []


def test_admin_curation_list_sorts_least_certain_first(curator_page, live_server, engagements):
    url = live_server.url + "/admin/analysis/engagement/"
    sorted_by_confidence(curator_page, url, ["60٪", "80٪", "95٪", "—"])


@pytest.fixture
def actors_stated():
    from analysis.models import Actor

    for name, confidence in (("فؤاد حسين", 0.93), ("جبار الساعدي", 0.41), ("هادي العامري", None)):
        actor = actor_create(name=name)
        Actor.objects.filter(pk=actor.pk).update(confidence=confidence)
    return {actor.name: actor for actor in Actor.objects.all()}


def test_an_actors_profile_states_its_confidence_only_when_computed(
    analyst_page, live_server, actors_stated, console_errors
):
    page = analyst_page
    page.goto(live_server.url + actors_stated["فؤاد حسين"].get_absolute_url())
    expect(page.locator(".profile-sub .badge.confidence")).to_have_text("الثقة 93٪")
    assert serious_violations(page) == []
    page.goto(live_server.url + actors_stated["هادي العامري"].get_absolute_url())
    expect(page.locator(".profile-sub .badge.confidence")).to_have_count(0)  # none computed: none stated
    assert console_errors == []


def test_admin_actor_list_sorts_least_certain_first(curator_page, live_server, actors_stated):
    sorted_by_confidence(curator_page, live_server.url + "/admin/analysis/actor/", ["41٪", "93٪", "—"])
