"""The analyst's workspace in a real Chromium: filters, panes, history, profile, search, accessibility."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from analysis.models import Engagement
from tests import conftest as shared
from tests.browser.support import serious_violations
from tests.dashboard_data import world_create
from tests.factories import actor_create, engagement_create

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    return world_create()


def cards(page):
    return page.locator("#timeline-results .engagement-card")


def test_filter_by_actor_and_date_range(analyst_page, live_server, world, screenshot, console_errors):
    page = analyst_page
    page.goto(live_server.url + "/")
    expect(cards(page)).to_have_count(5)
    expect(page.locator("#timeline-results .plotly-chart .main-svg").first).to_be_visible()
    screenshot("all")

    page.fill("#actor-q", "بوغد")
    option = page.locator("#actor-options label", has_text="ميخائيل بوغدانوف")
    expect(option).to_be_visible()
    option.locator("input").check()
    expect(cards(page)).to_have_count(1)
    expect(page).to_have_url(re.compile(r"actor=%D9%85"))
    expect(page.locator("#actor-selected input:checked")).to_have_count(1)
    expect(cards(page).first).to_contain_text("أيار 2022")
    screenshot("actor")

    page.locator("#actor-selected input").uncheck()
    expect(cards(page)).to_have_count(5)
    page.fill("#date-from", "2024")
    page.fill("#date-to", "2024-02")
    page.press("#date-to", "Enter")
    expect(cards(page)).to_have_count(1)
    expect(cards(page).first).to_contain_text("1 شباط 2024")
    expect(page).to_have_url(re.compile(r"date_from=2024&date_to=2024-02$"))
    screenshot("dates")
    assert console_errors == []


def test_back_button_restores_the_previous_filter(analyst_page, live_server, world, screenshot):
    page = analyst_page
    page.goto(live_server.url + "/?type=visit")
    expect(cards(page)).to_have_count(2)
    page.select_option("#id_type", "meeting")
    expect(cards(page)).to_have_count(1)
    expect(page).to_have_url(re.compile(r"type=meeting"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"type=visit"))
    expect(cards(page)).to_have_count(2)
    expect(page.locator("#id_type")).to_have_value("visit")
    expect(page.locator("#timeline-results .plotly-chart .main-svg").first).to_be_visible()
    screenshot("restored")
    page.go_forward()
    expect(cards(page)).to_have_count(1)
    expect(page.locator("#id_type")).to_have_value("meeting")


def test_open_engagement_and_profile_from_the_keyboard(analyst_page, live_server, world, screenshot):
    page = analyst_page
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(live_server.url + "/")
    first = page.locator(".timeline-feed .engagement-link").first
    first.focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".timeline-feed .engagement-link").nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowDown")  # the 2024-02-01 meeting (after the planned visit of March)
    page.keyboard.press("Enter")
    sources = page.locator("#engagement-pane .source-card")
    expect(sources).to_have_count(2)
    expect(page).to_have_url(re.compile(rf"engagement={world.meeting.pk}"))
    boxes = [sources.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2, "the two sources sit side by side"
    assert boxes[0]["x"] > boxes[1]["x"], "the first source is on the right"
    expect(page.locator("#engagement-pane .excerpt a.mention").first).to_be_visible()

    page.locator("#engagement-pane .participant-list a", has_text="ألبروس كوتراشيف").click()
    expect(page.locator("#profile-pane .actor-profile h2")).to_have_text("ألبروس كوتراشيف")
    expect(page).to_have_url(re.compile(rf"engagement={world.meeting.pk}.*profile="))
    expect(page).to_have_title(re.compile("ألبروس كوتراشيف"))
    screenshot("three-panes")

    page.reload()  # the pushed URL reproduces the whole view
    expect(page.locator("#engagement-pane .source-card")).to_have_count(2)
    expect(page.locator("#profile-pane .actor-profile h2")).to_have_text("ألبروس كوتراشيف")


def test_seed_meeting_of_1_february_2024_has_two_sources_side_by_side(analyst_page, live_server, screenshot):
    call_command("ingest", str(SEEDS), stdout=io.StringIO())
    meeting = Engagement.objects.get(date_start="2024-02-01", type="meeting")
    page = analyst_page
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(live_server.url + "/")
    page.fill("#actor-q", "كوتراشيف")
    page.locator("#actor-options label", has_text="كوتراشيف").first.locator("input").check()
    page.fill("#date-from", "2024-02-01")
    page.fill("#date-to", "2024-02-01")
    page.press("#date-to", "Enter")
    expect(cards(page)).to_have_count(1)
    expect(cards(page).first).to_contain_text("1 شباط 2024")
    expect(cards(page).first).to_contain_text("مصدران")

    cards(page).first.locator(".engagement-link").click()
    sources = page.locator("#engagement-pane .source-card")
    expect(sources).to_have_count(2)
    expect(page).to_have_url(re.compile(rf"engagement={meeting.pk}"))
    boxes = [sources.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] > boxes[1]["x"]
    for i in range(2):
        expect(sources.nth(i).locator("mark.evidence").first).to_be_visible()
        expect(sources.nth(i).locator("a.mention.participant")).not_to_have_count(0)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot()

    sources.first.locator(".source-foot a").click()
    expect(page.locator(".document-text :target")).to_have_count(1)


def test_actor_profile_page(analyst_page, live_server, world, screenshot, console_errors):
    page = analyst_page
    page.goto(live_server.url + world.fayyad.get_absolute_url())
    expect(page).to_have_title(re.compile("فالح الفياض"))
    expect(page.locator(".actor-profile h2")).to_have_text("فالح الفياض")
    expect(page.locator(".chips")).to_contain_text("فياض")
    expect(page.locator(".mini-timeline li")).to_have_count(4)
    expect(page.locator(".plotly-chart .main-svg").first).to_be_visible()
    screenshot()
    assert console_errors == []


def test_search_as_you_type(analyst_page, live_server, world, screenshot):
    page = analyst_page
    page.goto(live_server.url + "/search/")
    page.locator("#search-q").press_sequentially("كوتراشيف", delay=30)
    expect(page.locator("#document-hits")).to_be_visible()
    expect(page.locator(".hit-list mark").first).to_be_visible()
    expect(page.locator("#search-results")).to_contain_text(world.source_b.title)
    expect(page.locator("#search-results a", has_text="ألبروس كوتراشيف")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    screenshot()


def test_every_page_passes_axe(analyst_page, live_server, world, screenshot):
    page = analyst_page
    urls = {
        "timeline": f"/?engagement={world.meeting.pk}&profile={world.fayyad.slug}",
        "empty": "/?date_from=1990&date_to=1991",
        "engagement": world.meeting.get_absolute_url(),
        "actor": world.kutrashev.get_absolute_url(),
        "document": world.source_a.get_absolute_url(),
        "search": "/search/?q=الفياض",
    }
    failures = {}
    for name, url in urls.items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert page.title().strip(), url
        screenshot(name)
        violations = serious_violations(page)
        if violations:
            failures[name] = violations
    assert failures == {}


def test_the_workspace_works_without_javascript(analyst_page, live_server, world, browser):
    context = browser.new_context(
        java_script_enabled=False, locale="ar", viewport={"width": 1440, "height": 900}
    )
    context.add_cookies(analyst_page.context.cookies())
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.fill("#actor-q", "بوغدانوف")
    page.press("#actor-q", "Enter")  # the plain GET form: suggestions come back in the whole page
    page.locator("#actor-options label", has_text="ميخائيل بوغدانوف").locator("input").check()
    page.get_by_role("button", name="طبّق التصفية").click()
    expect(cards(page)).to_have_count(1)
    cards(page).first.locator(".engagement-link").click()
    expect(page.locator("#engagement-pane .source-card")).to_have_count(1)
    expect(page).to_have_url(re.compile(rf"actor=.*engagement={world.visit.pk}"))
    page.locator("#engagement-pane .participant-list a", has_text="فالح الفياض").click()
    expect(page.locator("#profile-pane .actor-profile h2")).to_have_text("فالح الفياض")
    expect(cards(page)).to_have_count(1)  # the filter is still applied
    folder = shared.ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "test_the_workspace_works_without_javascript.png"), full_page=True)
    context.close()


def test_engagements_dated_to_a_year_only_have_their_own_bar(analyst_page, live_server, screenshot):
    actor = actor_create(name="فالح الفياض")
    for day in ("2024", "2024", "2024-01-15", "2024-03-02"):
        engagement_create(actors=[actor], date=day)
    page = analyst_page
    page.goto(live_server.url + "/")
    expect(cards(page)).to_have_count(4)
    ticks = page.locator("#timeline-results .plotly-chart .xtick text")
    expect(ticks.filter(has_text="2024 (دون شهر)")).to_be_visible()
    expect(ticks.filter(has_text="كانون الثاني 2024")).to_be_visible()
    expect(page.locator("#timeline-results .month-heading", has_text="دون شهر محدَّد")).to_be_visible()
    screenshot()
