"""The time axis and the who-meets-whom networks in a real Chromium (issue 14).

Each test also saves the screenshot the README shows under docs/screenshots/."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from analysis import selectors_views
from tests.browser.support import readme_shot, serious_violations
from tests.dashboard_data import world_create
from tests.factories import actor_create, engagement_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Where each drawn item is, with the trace it belongs to: plotly draws one `.trace` group per trace,
# in the figure's order, bars in the bar layer and marks in the scatter layer.
DRAWN = """(chart) => {
  const drawn = {};
  for (const [layer, type] of [[".barlayer", "bar"], [".scatterlayer", "scatter"]]) {
    const metas = chart.data.filter((trace) => trace.type === type).map((trace) => trace.meta);
    chart.querySelectorAll(layer + " .trace").forEach((group, i) => {
      drawn[metas[i]] = Array.from(group.querySelectorAll(".point")).map((point, j) => {
        const box = point.getBoundingClientRect();
        const data = chart.data.find((trace) => trace.meta === metas[i]);
        return {
          width: box.width, x: box.x + box.width / 2, y: box.y + box.height / 2,
          key: data.customdata ? data.customdata[j][0] : null,
        };
      });
    });
  }
  return drawn;
}"""


@pytest.fixture
def world():
    return world_create()


@pytest.fixture(autouse=True)
def patient(page):
    """Plotly's 3.5 MB and the figures take a while on a loaded machine: wait longer than the defaults."""
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(90_000)
    expect.set_options(timeout=45_000)
    yield
    expect.set_options(timeout=5_000)


def reveal_lazy(page) -> None:
    """Scroll each lazily loaded part into view, as a reader would, so that htmx loads it."""
    for slot in page.locator("[hx-trigger*='revealed']").element_handles():
        try:
            slot.scroll_into_view_if_needed()
        except PlaywrightError:  # htmx swapped the slot out meanwhile: that part has loaded
            assert not slot.evaluate("e => e.isConnected")


def drawn_axis(page) -> dict:
    reveal_lazy(page)
    chart = page.locator("#timeline-axis .plotly-chart.is-drawn")
    expect(chart.locator(".main-svg").first).to_be_visible()
    chart.scroll_into_view_if_needed()
    return chart.evaluate(DRAWN)


def click_at(page, item: dict, hover: str = ".hoverlayer .hovertext") -> None:
    """Point at a drawn item until plotly shows its hover label, then click there."""
    page.mouse.move(item["x"] + 3, item["y"] + 3)
    page.mouse.move(item["x"], item["y"], steps=3)
    expect(page.locator(hover).first).to_be_visible()
    page.mouse.click(item["x"], item["y"])


def test_the_axis_draws_days_months_and_years_in_a_lane_per_actor(
    analyst_page, live_server, world, screenshot, console_errors
):
    page = analyst_page
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}/?actor={quote(world.fayyad.slug)}&actor={quote(world.bogdanov.slug)}")
    drawn = drawn_axis(page)
    ticks = page.locator("#timeline-axis .ytick text")
    expect(ticks).to_have_count(2)
    lanes = {tick.text_content(): tick.bounding_box()["y"] for tick in ticks.all()}
    assert lanes["فالح الفياض"] < lanes["ميخائيل بوغدانوف"]  # the first selected actor's lane on top
    (year,), months, (day,) = drawn["axis-year"], drawn["axis-month"], drawn["axis-day"]
    assert len(drawn["axis-day-planned"]) == 1
    # a year's band is about twelve times as wide as a month's; a day is a mark
    assert year["width"] > 8 * months[0]["width"] and months[0]["width"] > 1
    # the visit with both actors is drawn in both lanes: one above the other, at the same date
    assert {m["key"] for m in months} == {world.visit.pk} and len(months) == 2
    assert abs(months[0]["x"] - months[1]["x"]) < 1 and abs(months[0]["y"] - months[1]["y"]) > 20
    # oldest on the right: the 2016 talks right of the 2022 visit, right of the 2024 meeting
    assert year["x"] > months[0]["x"] > day["x"]
    # the lanes' order: the first actor's lane on top
    assert day["y"] < max(m["y"] for m in months)
    band = months[0]
    page.mouse.move(band["x"] + 3, band["y"] + 3)
    page.mouse.move(band["x"], band["y"], steps=3)
    label = page.locator(".hoverlayer .hovertext").first
    expect(label).to_contain_text("زيارة")  # type, participants, the date as written
    expect(label).to_contain_text("فالح الفياض، ميخائيل بوغدانوف")
    expect(label).to_contain_text(world.visit.date_text)
    page.mouse.move(0, 0)
    readme_shot(page.locator("#timeline-axis"), "time-axis")
    screenshot()
    assert console_errors == []


def test_over_the_limit_the_axis_draws_engagements_per_month_and_says_so(
    analyst_page, live_server, world, monkeypatch, console_errors
):
    monkeypatch.setattr(selectors_views, "AXIS_MAX_EVENTS", 3)  # the live server runs in this process
    actor = actor_create(name="هاكان فيدان")
    for month, times in ((1, 3), (2, 1), (4, 2), (7, 5), (11, 1)):
        for day in range(1, times + 1):
            engagement_create(actors=[actor, world.fayyad], date=f"2023-{month:02d}-{day:02d}")
    page = analyst_page
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(live_server.url + "/")
    chart = page.locator("#timeline-axis .plotly-chart.is-drawn")
    expect(chart.locator(".heatmaplayer image, .heatmaplayer .hm").first).to_be_attached()
    expect(page.locator("#timeline-axis .axis-note")).to_contain_text("أكثر من 3 حدث (16 حدثًا)")
    expect(page.locator("#timeline-axis .axis-note")).to_contain_text("يُرسم عدد الأحداث التي تبدأ في كل شهر")
    page.locator("#timeline-axis").scroll_into_view_if_needed()
    readme_shot(page.locator("#timeline-axis"), "time-axis-density")
    assert console_errors == []


def test_clicking_an_event_on_the_axis_opens_it_as_its_card_does(
    analyst_page, live_server, world, screenshot
):
    page = analyst_page
    page.goto(f"{live_server.url}/?date_from=2016")
    (day,) = drawn_axis(page)["axis-day"]
    assert day["key"] == world.meeting.pk
    click_at(page, day)
    expect(page.locator("#engagement-pane .source-card")).to_have_count(2)
    expect(page).to_have_url(re.compile(rf"engagement={world.meeting.pk}"))
    expect(
        page.locator(f'.engagement-card.is-current[data-engagement-card="{world.meeting.pk}"]')
    ).to_be_visible()
    from_axis = page.url
    screenshot()

    page.goto(f"{live_server.url}/?date_from=2016")
    page.locator(f'[data-engagement-card="{world.meeting.pk}"] .engagement-link').click()
    expect(page.locator("#engagement-pane .source-card")).to_have_count(2)
    assert page.url == from_axis  # the same URL state as clicking its card
    page.go_back()
    expect(page).to_have_url(re.compile(r"date_from=2016$"))


def nodes(page, chart_selector: str) -> dict:
    chart = page.locator(f"{chart_selector}.is-drawn")
    expect(chart.locator(".main-svg").first).to_be_visible()
    chart.scroll_into_view_if_needed()
    return {item["key"]: item for item in chart.evaluate(DRAWN)["actors"]}


def test_the_profile_network_opens_a_counterparts_profile(analyst_page, live_server, world, screenshot):
    page = analyst_page
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}/?profile={quote(world.fayyad.slug)}")
    found = nodes(page, "#profile-pane .network-chart")
    assert set(found) == {world.fayyad.slug, world.russia.slug, world.kutrashev.slug, world.bogdanov.slug}
    readme_shot(page.locator("#profile-pane .actor-network"), "actor-network")
    page.fill("#date-from", "2024")
    page.press("#date-from", "Enter")  # the timeline's date range: the network follows it
    expect(page.locator("#profile-pane .actor-network")).to_contain_text("من 2024")
    found = nodes(page, "#profile-pane .network-chart")
    assert set(found) == {world.fayyad.slug, world.russia.slug, world.kutrashev.slug}
    click_at(page, found[world.russia.slug])
    expect(page.locator("#profile-pane .actor-profile h2")).to_have_text("روسيا")
    expect(page).to_have_url(re.compile(rf"profile={re.escape(quote(world.russia.slug))}"))
    screenshot("workspace")

    page.goto(live_server.url + world.fayyad.get_absolute_url())
    click_at(page, nodes(page, ".network-chart")[world.kutrashev.slug])
    expect(page).to_have_url(re.compile(re.escape(quote(world.kutrashev.slug)) + "/$"))
    expect(page.locator(".actor-profile h2")).to_have_text("ألبروس كوتراشيف")


def test_the_network_tab_keeps_the_filters_and_opens_a_profile(analyst_page, live_server, world, screenshot):
    page = analyst_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{live_server.url}/?type=visit")
    page.get_by_role("link", name="من يلتقي مَن").click()
    expect(page).to_have_url(re.compile(r"/network/\?type=visit$"))
    found = nodes(page, ".network-chart")
    assert set(found) == {world.fayyad.slug, world.bogdanov.slug, world.russia.slug}
    click_at(page, found[world.bogdanov.slug])
    expect(page.locator("#profile-pane .actor-profile h2")).to_have_text("ميخائيل بوغدانوف")
    expect(page).to_have_url(re.compile(r"/\?type=visit&profile="))
    expect(page.locator("#timeline-results .engagement-card")).to_have_count(2)  # still filtered
    screenshot()

    # for the README: a few more actors who meet, unfiltered
    names = ("سيرغي لافروف", "فؤاد حسين", "عباس عراقجي", "هاكان فيدان", "محمد شياع السوداني")
    more = [actor_create(name=name) for name in names] + [world.fayyad, world.russia, world.kutrashev]
    meetings = {
        (0, 1): 4,
        (1, 2): 3,
        (1, 4): 2,
        (2, 3): 1,
        (3, 4): 2,
        (4, 5): 3,
        (0, 6): 2,
        (6, 7): 1,
        (1, 3): 1,
    }
    for (a, b), times in meetings.items():
        for day in range(1, times + 1):
            engagement_create(actors=[more[a], more[b]], date=f"2024-0{day}-1{a}")
    page.goto(f"{live_server.url}/network/")
    assert len(nodes(page, ".network-chart")) == 9
    readme_shot(page.locator(".network-page"), "network-tab")


def test_the_new_views_pass_axe_offline_and_within_the_csp(
    analyst_page, live_server, world, screenshot, external_requests, console_errors
):
    page = analyst_page
    urls = {
        "workspace": f"/?profile={quote(world.fayyad.slug)}",
        "axis-empty": "/?date_from=1990&date_to=1991",
        "actor": world.fayyad.get_absolute_url(),
        "network": "/network/",
        "network-empty": "/network/?date_from=1990&date_to=1991",
    }
    failures = {}
    for name, url in urls.items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        reveal_lazy(page)
        expect(page.locator(".slot-loading")).to_have_count(0)  # the lazy parts have loaded
        screenshot(name)
        violations = serious_violations(page)
        if violations:
            failures[name] = violations
    assert failures == {}
    assert external_requests == [] and console_errors == []  # a CSP violation is a console error
