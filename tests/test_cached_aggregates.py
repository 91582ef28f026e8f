"""The timeline's data-wide aggregates are cached, and an ingest or a curation change shows at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis import selectors
from analysis.services import curation
from analysis.services.ingestion import document_ingest
from tests.factories import actor_create, article_text, document_create, engagement_create, scripted_extract

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, analyst):
    client.force_login(analyst)
    return client


def _page(reader) -> str:
    response = reader.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_reuses_the_cached_aggregates(reader):
    actor = actor_create(name="سيرغي لافروف")
    engagement_create(actors=[actor], date="2024-02-01")
    document_create(outlet="روسيا اليوم")
    with CaptureQueriesContext(connection) as first:
        _page(reader)
    with CaptureQueriesContext(connection) as second:
        html = _page(reader)
    assert len(second) < len(first)
    assert "روسيا اليوم" in html and "سيرغي لافروف" in html


def test_an_ingest_shows_its_outlet_actor_and_month_at_once(
    reader, analyst, tmp_path: Path, django_capture_on_commit_callbacks
):
    html = _page(reader)
    assert "ناصر الجديد" not in html
    assert selectors.engagement_month_counts(filters=selectors.TimelineFilters()) == []
    version = selectors.data_version()
    text = article_text(
        actors=[("ناصر الجديد", "person"), ("بلد", "state")],
        engagements=[("visit", "2023-07-04", ["ناصر الجديد", "بلد"])],
        published="2023-07-05",
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):  # the test runs inside a transaction
        outcome = document_ingest(path=path, extractor=scripted_extract, extractor_version="v1")
    assert outcome.document_id
    assert selectors.data_version() > version
    months = selectors.engagement_month_counts(filters=selectors.TimelineFilters())
    assert [(row["month"], row["count"]) for row in months] == [(date(2023, 7, 1), 1)]
    html = _page(reader)
    assert "ناصر الجديد" in html  # the actor suggestions (and the timeline) are fresh
    assert f'value="document:{outcome.document_id}"' in html  # and the source filter's documents


def test_a_curation_change_shows_at_once(reader, analyst):
    actor = actor_create(name="سيرغي لافروف")
    visit = engagement_create(actors=[actor], date="2024-02-01", type="visit")
    before = selectors.engagement_month_counts(filters=selectors.TimelineFilters())
    assert [row["count"] for row in before] == [1]
    _page(reader)
    assert selectors.engagement_count(filters=selectors.TimelineFilters()) == 1
    curation.engagements_reject(engagements=[visit], user=analyst)
    assert selectors.engagement_month_counts(filters=selectors.TimelineFilters()) == []
    assert selectors.engagement_count(filters=selectors.TimelineFilters()) == 0
    actor.name = "سيرغي فيكتوروفيتش لافروف"
    curation.actor_update(actor=actor, user=analyst)
    other = actor_create(name="فاعل آخر")
    engagement_create(actors=[actor, other], date="2024-03-01")
    curation.actor_update(actor=other, user=analyst)
    assert "سيرغي فيكتوروفيتش لافروف" in _page(reader)


def test_the_plain_timeline_is_rendered_once_for_every_reader_until_a_write(reader, client, curator):
    actor = actor_create(name="سيرغي لافروف")
    visit = engagement_create(actors=[actor], date="2024-02-01", type="visit")
    card = f'data-engagement-card="{visit.pk}"'
    assert card in _page(reader)
    client.force_login(curator)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert card in response.content.decode()
    assert not [query for query in queries if "analysis_engagement" in query["sql"]], "served from the cache"
    curation.engagements_reject(engagements=[visit], user=curator)
    assert card not in _page(reader)


def test_an_actors_page_is_rendered_once_until_a_write_changes_it(reader, analyst):
    actor = actor_create(name="سيرغي لافروف")
    other = actor_create(name="فاعل آخر")
    engagement_create(actors=[actor, other], date="2024-02-01", type="visit")
    url = f"/actors/{actor.slug}/"
    assert "سيرغي لافروف" in reader.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        html = reader.get(url).content.decode()
    assert "سيرغي لافروف" in html and "فاعل آخر" in html
    assert not [query for query in queries if "analysis_actor" in query["sql"]], "served from the cache"
    ranged = reader.get(url, {"date_from": "2024", "date_to": "2024"}).content.decode()
    assert "date_from=2024&amp;date_to=2024" in ranged and "date_from=2024" not in html
    actor.name = "سيرغي فيكتوروفيتش لافروف"
    curation.actor_update(actor=actor, user=analyst)
    assert "سيرغي فيكتوروفيتش لافروف" in reader.get(url).content.decode()


def test_a_search_is_written_once_until_a_write_changes_it(reader, analyst):
    actor = actor_create(name="سيرغي لافروف")
    document_create(text="التقى سيرغي لافروف نظيره في موسكو.")
    assert "سيرغي لافروف" in reader.get("/search/", {"q": "لافروف"}).content.decode()
    with CaptureQueriesContext(connection) as queries:
        html = reader.get("/search/", {"q": "لافروف"}, headers={"HX-Request": "true"}).content.decode()
    assert "سيرغي لافروف" in html and "<title>«لافروف»" in html
    assert not [query for query in queries if "analysis_document" in query["sql"]], "served from the cache"
    actor.name = "سيرغي فيكتوروفيتش لافروف"
    curation.actor_update(actor=actor, user=analyst)
    assert "سيرغي فيكتوروفيتش لافروف" in reader.get("/search/", {"q": "لافروف"}).content.decode()


def test_with_the_page_cache_off_every_profile_and_search_does_its_work(reader, settings):
    settings.DASHBOARD_PAGE_CACHE = False  # as the benchmarks time them
    actor = actor_create(name="سيرغي لافروف")
    document_create(text="التقى سيرغي لافروف نظيره في موسكو.")
    for url in (f"/actors/{actor.slug}/", "/search/?q=لافروف"):
        reader.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert "سيرغي لافروف" in reader.get(url).content.decode()
        assert [query for query in queries if "analysis_actor" in query["sql"]], url
