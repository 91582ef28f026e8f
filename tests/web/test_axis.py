"""The time axis above the timeline's list: each engagement at its precision, lanes, density, queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis import selectors_views
from analysis.models import Engagement
from tests.factories import actor_create, engagement_create
from tests.web.support import figure_of

pytestmark = pytest.mark.django_db

DAY_MS = 86_400_000


def traces(figure: dict) -> dict[str, dict]:
    return {trace["meta"]: trace for trace in figure["data"]}


def test_the_timeline_loads_the_axis_for_its_filters_when_it_scrolls_into_view(reader, world):
    html = reader.get("/", {"type": "visit", "engagement": world.visit.pk}).content.decode()
    slot = html[html.index('id="timeline-axis"') : html.index("</div>", html.index('id="timeline-axis"'))]
    assert 'hx-get="/axis/?type=visit"' in slot and 'hx-trigger="revealed"' in slot
    assert "جارٍ تحميل المحور الزمني" in slot
    assert html.index('id="timeline-axis"') < html.index('id="timeline-feed"')  # above the list


def test_each_engagement_is_drawn_at_its_precision_in_its_type_lane(reader, world):
    Engagement.objects.filter(pk=world.meeting.pk).update(date_text="يوم الخميس الموافق 1/2/2024")
    html = reader.get("/axis/").content.decode()
    by_meta = traces(figure_of(html, "axis-figure"))
    assert set(by_meta) == {"axis-day", "axis-day-planned", "axis-month", "axis-year"}
    day, planned = by_meta["axis-day"], by_meta["axis-day-planned"]
    assert day["x"] == ["2024-02-01"] and day["y"] == ["لقاء"]
    assert planned["x"] == ["2024-03-10"] and planned["marker"]["symbol"] == "diamond-open"
    month, year = by_meta["axis-month"], by_meta["axis-year"]
    assert (month["base"], month["x"], month["y"]) == (["2022-05-01"], [31 * DAY_MS], ["زيارة"])
    assert (year["base"], year["x"], year["y"]) == (["2016-01-01"], [366 * DAY_MS], ["مباحثات"])
    assert year["width"] > month["width"]  # a year band is wider (and paler) than a month's
    # hover: type, participants and the date as written; the first item opens the engagement
    pk, label, people, written = day["customdata"][0]
    assert pk == world.meeting.pk and label == "لقاء" and "فالح الفياض" in people and "كوتراشيف" in people
    assert written == "يوم الخميس الموافق 1/2/2024"  # as the source wrote it
    assert by_meta["axis-day-planned"]["customdata"][0][1] == "زيارة (مخطَّط)"
    layout = figure_of(html, "axis-figure")["layout"]
    assert layout["xaxis"]["autorange"] == "reversed" and layout["yaxis"]["categoryarray"] == [
        "لقاء",
        "زيارة",
        "مباحثات",
    ]
    assert layout["dragmode"] == "pan"


def test_one_lane_per_selected_actor_with_each_actors_engagements(reader, world):
    url = f"/axis/?actor={world.fayyad.slug}&actor={world.bogdanov.slug}"
    figure = figure_of(reader.get(url).content.decode(), "axis-figure")
    assert figure["layout"]["yaxis"]["categoryarray"] == ["فالح الفياض", "ميخائيل بوغدانوف"]
    drawn = {
        (pk, lane)
        for trace in figure["data"]
        for (pk, *_), lane in zip(trace["customdata"], trace["y"], strict=True)
    }
    fayyad, bogdanov = "فالح الفياض", "ميخائيل بوغدانوف"
    assert drawn == {
        (world.meeting.pk, fayyad),
        (world.visit.pk, fayyad),
        (world.visit.pk, bogdanov),
        (world.talks.pk, fayyad),
        (world.planned.pk, fayyad),
    }


def test_the_timelines_filters_apply(reader, world):
    html = reader.get("/axis/", {"date_from": "2024", "status": "reported"}).content.decode()
    drawn = [row[0] for trace in figure_of(html, "axis-figure")["data"] for row in trace["customdata"]]
    assert drawn == [world.meeting.pk]


def test_nothing_dated_gives_an_arabic_empty_state(reader, world):
    html = reader.get("/axis/", {"date_from": "1990", "date_to": "1991"}).content.decode()
    assert 'id="axis-figure"' not in html and "لا أحداث مؤرَّخة تطابق هذه التصفية" in html


def test_over_the_limit_it_draws_engagements_per_month_and_says_so(reader, world, monkeypatch):
    monkeypatch.setattr(selectors_views, "AXIS_MAX_EVENTS", 3)
    html = reader.get("/axis/").content.decode()
    (density,) = figure_of(html, "axis-figure")["data"]
    assert density["type"] == "heatmap" and density["y"] == ["لقاء", "زيارة"]
    column = density["x"].index("2024-02-15")
    assert density["z"][0][column] == 1 and density["text"][0][column] == "شباط 2024"
    assert density["z"][1][density["x"].index("2022-05-15")] == 1
    assert "أكثر من 3 حدث" in html and "يُرسم عدد الأحداث التي تبدأ في كل شهر" in html
    assert "المؤرَّخة بالسنة فقط غير مرسومة هنا (حدث واحد)" in html  # the talks of 2016


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("density", [False, True])
@pytest.mark.parametrize("filtered", [False, True])
def test_query_count_does_not_grow_with_engagements(reader, monkeypatch, density, filtered):
    if density:
        monkeypatch.setattr(selectors_views, "AXIS_MAX_EVENTS", 3)
    a, b = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    url = f"/axis/?actor={a.slug}&actor={b.slug}&date_from=2023" if filtered else "/axis/"
    for i in range(5):
        engagement_create(actors=[a, b], date=f"2023-{i % 12 + 1:02d}", location="بغداد")
    small = _queries(reader, url)
    for i in range(45):
        engagement_create(actors=[a, b], date=f"2023-{i % 12 + 1:02d}-{i % 27 + 1:02d}", status="planned")
    assert _queries(reader, url) == small


def test_density_rows_count_each_selected_actors_engagements_per_month(world):
    rows = selectors_views.axis_density(
        filters=selectors_views.TimelineFilters(actors=(world.fayyad, world.kutrashev))
    )
    counted = {(row.lane, row.month, row.precision): row.count for row in rows}
    assert counted[(str(world.kutrashev.pk), date(2024, 2, 1), "day")] == 1
    assert counted[(str(world.fayyad.pk), date(2016, 1, 1), "year")] == 1
    assert sum(n for (lane, _, _), n in counted.items() if lane == str(world.fayyad.pk)) == 4
