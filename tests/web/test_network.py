"""Who meets whom: the actor's counterparts on the profile, the timeline's network on its own tab."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analysis.selectors_views import Network
from analysis.web.network import ego_positions, spring_positions
from tests.factories import actor_create, engagement_create
from tests.web.support import figure_of

pytestmark = pytest.mark.django_db


def edge_widths(figure: dict, names: dict[int, str]) -> dict[str, float]:
    """Edge width by the other end's name, read from the edge traces' hover text."""
    hover = next(trace for trace in figure["data"] if trace["meta"] == "edge-hover")
    edges = [
        trace
        for trace in figure["data"]
        if str(trace["meta"]).startswith("edge-") and trace["meta"] != "edge-hover"
    ]
    by_count: dict[int, float] = {int(trace["meta"].split("-")[1]): trace["line"]["width"] for trace in edges}
    widths = {}
    for text in hover["text"]:
        pair, count = text.rsplit(": ", 1)
        widths[pair] = by_count[int(count)]
    return widths


def test_the_profile_loads_the_counterpart_network_for_the_timelines_date_range(reader, world):
    url = reverse("actor_network", args=[world.fayyad.slug])
    page = reader.get(world.fayyad.get_absolute_url(), {"date_from": "2024"}).content.decode()
    assert f'hx-get="{url}?date_from=2024&amp;date_to=" hx-trigger="load"' in page
    # in the workspace it takes the date fields as they are, and again when they change
    workspace = reader.get("/", {"profile": world.fayyad.slug, "date_from": "2024"}).content.decode()
    assert f'hx-get="{url}" hx-include="#date-from, #date-to"' in workspace
    assert 'hx-trigger="load, change from:#date-from, change from:#date-to"' in workspace


def test_the_counterpart_network_widens_edges_with_shared_engagements(reader, world):
    html = reader.get(f"/actors/{world.fayyad.slug}/network/").content.decode()
    figure = figure_of(html, f"network-figure-{world.fayyad.pk}")
    widths = edge_widths(figure, {})
    assert widths["فالح الفياض — روسيا"] > widths["فالح الفياض — ألبروس كوتراشيف"]  # two engagements, one
    assert widths["فالح الفياض — ألبروس كوتراشيف"] == widths["فالح الفياض — ميخائيل بوغدانوف"]
    actors = next(trace for trace in figure["data"] if trace["meta"] == "actors")
    slugs = {slug: url for slug, url in actors["customdata"]}
    assert slugs[world.russia.slug] == world.russia.get_absolute_url()  # a click opens the profile
    assert "كل التواريخ" in html
    assert f'<a class="actor-link" href="{world.russia.get_absolute_url()}">روسيا</a>' in html


def test_the_counterpart_network_follows_the_date_range(reader, world):
    html = reader.get(f"/actors/{world.fayyad.slug}/network/", {"date_from": "2024"}).content.decode()
    figure = figure_of(html, f"network-figure-{world.fayyad.pk}")
    assert set(edge_widths(figure, {})) == {"فالح الفياض — ألبروس كوتراشيف", "فالح الفياض — روسيا"}
    empty = reader.get(f"/actors/{world.fayyad.slug}/network/", {"date_to": "2000"}).content.decode()
    assert "لا نظراء له في هذه المدة" in empty and "network-figure" not in empty


def test_counterparts_who_meet_each_other_are_joined(reader, world):
    engagement_create(actors=[world.kutrashev, world.russia], date="2023-06-01")
    figure = figure_of(
        reader.get(f"/actors/{world.fayyad.slug}/network/").content.decode(),
        f"network-figure-{world.fayyad.pk}",
    )
    assert "ألبروس كوتراشيف — روسيا" in edge_widths(figure, {}) or "روسيا — ألبروس كوتراشيف" in edge_widths(
        figure, {}
    )


def test_the_timeline_network_tab_keeps_the_filters(reader, world):
    timeline = reader.get("/", {"type": "visit"}).content.decode()
    assert 'href="/network/?type=visit"' in timeline
    html = reader.get("/network/", {"type": "visit"}).content.decode()
    assert 'aria-current="page">من يلتقي مَن</a>' in html
    figure = figure_of(html, "timeline-network-figure")
    assert set(edge_widths(figure, {})) == {"فالح الفياض — ميخائيل بوغدانوف", "فالح الفياض — روسيا"}
    actors = next(trace for trace in figure["data"] if trace["meta"] == "actors")
    urls = {slug: url for slug, url in actors["customdata"]}
    # a click opens the actor's profile in the workspace, with the filters kept
    assert urls[world.bogdanov.slug].startswith("/?type=visit&profile=")


def test_the_timeline_network_has_an_arabic_empty_state(reader, world):
    html = reader.get("/network/", {"date_from": "1990", "date_to": "1991"}).content.decode()
    assert "لا لقاءات مشتركة تطابق هذه التصفية" in html and "timeline-network-figure" not in html


def test_layouts_are_deterministic_and_in_the_frame():
    actors = {pk: None for pk in range(1, 7)}
    network = Network(actors, [(1, 2, 5), (2, 3, 1), (3, 4, 2), (4, 5, 1), (5, 6, 1), (1, 6, 3)])
    first, again = spring_positions(network), spring_positions(network)
    assert first == again and all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    ego = ego_positions(Network(actors, [(1, 2, 3), (1, 3, 1)], center=1))
    assert ego[1] == (0.0, 0.0) and ego[2][1] == pytest.approx(1.0)  # the most frequent at the top


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("which", ["actor", "timeline", "timeline-filtered"])
def test_query_count_does_not_grow_with_engagements(reader, which):
    a, b = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    url = {
        "actor": f"/actors/{a.slug}/network/?date_from=2023",
        "timeline": "/network/",
        "timeline-filtered": f"/network/?actor={a.slug}&date_from=2023",
    }[which]
    others = [actor_create(name=f"فاعل {i}") for i in range(6)]
    for i in range(5):
        engagement_create(actors=[a, b, others[i]], date=f"2023-{i % 12 + 1:02d}-01")
    small = _queries(reader, url)
    for i in range(45):
        engagement_create(actors=[a, others[i % 6], others[(i + 1) % 6]], date=f"2023-{i % 12 + 1:02d}-02")
    assert _queries(reader, url) == small


def test_names_are_escaped_for_plotly_and_the_script_element(reader, world):
    from analysis.models import Actor

    Actor.objects.filter(pk=world.russia.pk).update(name='<a href="https://evil.example/">x</a></script>')
    for url, element in (
        (f"/actors/{world.fayyad.slug}/network/", f"network-figure-{world.fayyad.pk}"),
        ("/network/", "timeline-network-figure"),
        (f"/axis/?actor={world.russia.slug}", "axis-figure"),
    ):
        html = reader.get(url).content.decode()
        assert "x</a></script>" not in html  # the name cannot close the figure's <script>
        figure = figure_of(html, element)
        text = json.dumps(figure, ensure_ascii=False)
        assert "&lt;a href=" in text and "<a href" not in text, url  # plotly would draw a link


def test_the_new_views_require_login(client, world):
    for url in ("/axis/", "/network/", f"/actors/{world.fayyad.slug}/network/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url
