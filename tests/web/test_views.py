"""The dashboard's pages as a user sees them, through Django's test client."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis.models import Engagement
from tests.factories import actor_create, engagement_create

pytestmark = pytest.mark.django_db


def test_timeline_shows_dates_at_their_precision_grouped_by_year_and_month(reader, world):
    html = reader.get("/").content.decode()
    assert "1 شباط 2024" in html
    assert "أيار 2022" in html
    assert ">2016<" in html
    assert "تاريخ غير معروف" in html
    assert "مصدران" in html  # the meeting's two sources
    # newest first, grouped: year heading before month heading before the card
    assert html.index(">2024</h2>") < html.index("شباط 2024</h3>") < html.index(">2022</h2>")


def test_timeline_filters_by_actor_and_date_range(reader, world):
    html = reader.get("/", {"actor": world.bogdanov.slug}).content.decode()
    assert "أيار 2022" in html and "1 شباط 2024" not in html

    html = reader.get("/", {"date_from": "2024-02", "date_to": "2024-02"}).content.decode()
    assert "1 شباط 2024" in html and "أيار 2022" not in html and "تاريخ غير معروف" not in html

    html = reader.get("/", {"date_from": "٢٠٢٢", "date_to": "2022"}).content.decode()
    assert "أيار 2022" in html and "1 شباط 2024" not in html


def test_timeline_filters_by_type_status_and_source(reader, world):
    html = reader.get("/", {"type": "visit", "status": "planned"}).content.decode()
    assert "10 آذار 2024" in html and "أيار 2022" not in html
    html = reader.get("/", {"source": "outlet:روسيا اليوم"}).content.decode()
    assert "1 شباط 2024" in html and "أيار 2022" not in html
    html = reader.get("/", {"source": f"document:{world.source_a.pk}"}).content.decode()
    assert "1 شباط 2024" in html and "أيار 2022" in html and ">2016<" not in html


def test_rejected_engagements_are_hidden_unless_asked_for(reader, world):
    Engagement.objects.filter(pk=world.talks.pk).update(review="rejected")
    assert ">2016<" not in reader.get("/").content.decode()
    assert ">2016<" in reader.get("/", {"review": "rejected"}).content.decode()


def test_invalid_date_is_reported_and_ignored(reader, world):
    html = reader.get("/", {"date_from": "2024-13"}).content.decode()
    assert 'aria-invalid="true"' in html
    assert "1 شباط 2024" in html and "أيار 2022" in html
    assert (
        'id="date-hint">سنة أو شهر أو يوم: <span dir="ltr">2024</span> أو <span dir="ltr">2024-02</span>'
        in html
    )


def test_empty_filter_result_has_an_empty_state(reader, world):
    html = reader.get("/", {"date_from": "1990", "date_to": "1991"}).content.decode()
    assert "لا أحداث تطابق هذه التصفية" in html


def test_htmx_filter_request_gets_only_the_results_partial(reader, world):
    response = reader.get(
        "/", {"actor": world.bogdanov.slug}, headers={"HX-Request": "true", "HX-Target": "timeline-results"}
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "أيار 2022" in html and "1 شباط 2024" not in html
    assert 'hx-swap-oob="true"' in html  # selected actors follow the filter
    assert "HX-Request" in response["Vary"]


def test_history_restore_request_gets_the_full_page(reader, world):
    response = reader.get(
        "/",
        {"actor": world.bogdanov.slug},
        headers={"HX-Request": "true", "HX-Target": "timeline-results", "HX-History-Restore-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" in html and "hx-history-elt" in html
    assert f'value="{world.bogdanov.slug}" checked' in html


def test_engagement_url_renders_the_whole_workspace_with_both_sources(reader, world):
    url = f"/?actor={world.fayyad.slug}&engagement={world.meeting.pk}&profile={world.kutrashev.slug}"
    html = reader.get(url).content.decode()
    assert html.count('class="source-card"') == 2
    assert "المدى" in html and "روسيا اليوم" in html
    assert '<a class="mention participant"' in html  # stored mentions are highlighted
    assert f"/documents/{world.source_a.pk}/#ev-" in html
    assert 'class="actor-profile"' in html and "ألبروس كوتراشيف" in html
    assert "<title>لقاء 1 شباط 2024" in html


def test_engagement_pane_partial_and_standalone_page(reader, world):
    response = reader.get(
        "/", {"engagement": world.meeting.pk}, headers={"HX-Request": "true", "HX-Target": "engagement-pane"}
    )
    html = response.content.decode()
    assert "<html" not in html and html.count('class="source-card"') == 2
    assert f'name="engagement" value="{world.meeting.pk}"' in html
    page = reader.get(f"/engagements/{world.meeting.pk}/").content.decode()
    assert "<html" in page and page.count('class="source-card"') == 2


def test_excerpt_without_stored_mentions_highlights_participant_names(reader, world):
    html = reader.get(f"/engagements/{world.meeting.pk}/").content.decode()
    source_b = html[html.index("روسيا اليوم") :]
    assert '<a class="mention participant" href="/actors/' in source_b[: source_b.index("</blockquote>")]


def test_actor_profile(reader, world):
    html = reader.get(world.fayyad.get_absolute_url()).content.decode()
    assert "<title>فالح الفياض" in html
    assert "فياض" in html and "شخص" in html
    assert "1 شباط 2024" in html and "أيار 2022" in html
    assert "أبرز النظراء" in html and "ألبروس كوتراشيف" in html
    assert 'type="application/json"' in html
    assert world.source_a.title in html


def test_the_profiles_engagements_list_the_others_and_sources_and_open_the_engagement(reader, world):
    page = reader.get(world.fayyad.get_absolute_url()).content.decode()
    mini = page[page.index('<ol class="mini-timeline">') : page.index("</ol>", page.index("mini-timeline"))]
    assert mini.count("<li>") == 4  # not the statement, which is Kutrashev's alone
    assert (
        mini.index("10 آذار 2024") < mini.index("1 شباط 2024") < mini.index("أيار 2022") < mini.index("2016")
    )
    assert '<span class="mini-year">2024</span>' in mini and '<span class="mini-year">2016</span>' in mini
    assert "مع ألبروس كوتراشيف · مصدران" in mini and "مع روسيا · لا مصادر" in mini
    assert "فالح الفياض" not in mini
    assert f'href="/engagements/{world.meeting.pk}/"' in mini
    pane = reader.get("/", {"profile": world.fayyad.slug}).content.decode()
    assert (
        f'hx-vals="{{&quot;engagement&quot;: &quot;{world.meeting.pk}&quot;}}" hx-target="#engagement-pane"'
        in pane
    )


def test_the_profile_lists_the_actors_titles_with_when_and_where_each_was_seen(reader, world):
    from analysis.models import ActorTitle

    ActorTitle.objects.create(actor=world.kutrashev, title="السفير الروسي في العراق", document=world.source_a)
    ActorTitle.objects.create(
        actor=world.kutrashev,
        title="السفير الروسي في العراق",
        document=world.source_b,
        seen_on=date(2024, 3, 5),
    )
    page = reader.get(world.kutrashev.get_absolute_url()).content.decode()
    titles = page[page.index('<ul class="title-list">') : page.index("</ul>", page.index("title-list"))]
    assert titles.count("<li>") == 1 and "السفير الروسي في العراق" in titles
    assert titles.index("5 آذار 2024") < titles.index("روسيا اليوم") < titles.index("2 شباط 2024")
    assert titles.index("2 شباط 2024") < titles.index("المدى")  # no date of its own: its document's
    assert f'href="/documents/{world.source_a.pk}/"' in titles


def test_unknown_actor_and_engagement_are_404(reader, world):
    assert reader.get("/actors/لا-أحد/").status_code == 404
    assert reader.get("/engagements/999999/").status_code == 404


def test_document_page_escapes_text_and_highlights_spans(reader, world):
    world.source_b.text += "<script>alert(1)</script>"
    world.source_b.save()
    html = reader.get(f"/documents/{world.source_a.pk}/").content.decode()
    assert f'id="ev-{world.meeting.evidence.get(document=world.source_a).pk}"' in html
    assert '<mark class="evidence">' in html and '<a class="mention"' in html
    html_b = reader.get(f"/documents/{world.source_b.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html_b and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_b


def test_search_finds_documents_and_actors(reader, world):
    html = reader.get("/search/", {"q": "الفياض"}).content.decode()
    assert world.source_a.title in html
    assert "<mark>" in html
    assert world.fayyad.get_absolute_url() in html
    partial = reader.get("/search/", {"q": "كوتراشيف"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and world.source_b.title in partial


def test_search_actor_names_tolerate_spelling(reader, world):
    html = reader.get("/search/", {"q": "إلبروس"}).content.decode()
    assert world.kutrashev.get_absolute_url() in html


def test_actor_suggestions_as_you_type(reader, world):
    html = reader.get(
        "/", {"actor_q": "بوغدا"}, headers={"HX-Request": "true", "HX-Target": "actor-options"}
    ).content.decode()
    assert world.bogdanov.slug in html and world.kutrashev.slug not in html


@pytest.mark.skipif(
    "analysis.auth.DashboardLoginRequiredMiddleware" not in settings.MIDDLEWARE,
    reason="login middleware not on",
)
def test_pages_require_login(client, world):
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response["Location"]


def _queries(client, url: str) -> int:
    cache.clear()  # every query counted: the factories write without advancing the data version
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _engagements(n: int, actors) -> None:
    for i in range(n):
        engagement_create(actors=actors, date=f"2023-{i % 12 + 1:02d}-{i % 27 + 1:02d}", location="بغداد")


@pytest.mark.parametrize("path", ["timeline", "profile", "workspace", "filtered", "more", "search"])
def test_query_count_does_not_grow_with_engagements(reader, path):
    a, b = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    _engagements(5, [a, b])
    url = {
        "timeline": "/",
        "profile": f"/actors/{a.slug}/",
        "workspace": f"/?profile={a.slug}",
        "filtered": f"/?actor={a.slug}&date_from=2023&date_to=2023",
        "more": f"/?page=2&after={Engagement.objects.order_by('pk').first().pk}",
        "search": "/search/?q=الفياض",
    }[path]
    small = _queries(reader, url)
    _engagements(45, [a, b])
    assert _queries(reader, url) == small


def test_long_timelines_load_more_as_you_scroll(reader):
    a, b = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    for day in range(1, 46):
        engagement_create(actors=[a, b], date=f"2023-{(day - 1) // 28 + 1:02d}-{(day - 1) % 28 + 1:02d}")
    html = reader.get("/").content.decode()
    assert html.count('class="engagement-card') == 40
    assert "شباط 2023</h3>" in html and "كانون الثاني 2023</h3>" in html
    assert 'id="timeline-more-2"' in html and 'hx-trigger="revealed, click"' in html
    more = reader.get("/", {"page": 2}, headers={"HX-Request": "true", "HX-Target": "timeline-more-2"})
    rest = more.content.decode()
    assert rest.count('class="engagement-card') == 5
    assert "<h2" not in rest and "<h3" not in rest  # January 2023 goes on from page 1: no second heading
    assert "timeline-more-3" not in rest
    # without JS the same link shows page 2 as a whole page
    page_two = reader.get("/", {"page": 2}).content.decode()
    assert page_two.count('class="engagement-card') == 5 and "الأحداث السابقة" in page_two


def test_following_the_more_links_shows_every_engagement_once_in_order(reader):
    a, b = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    for n in range(95):  # many on one day: the order between them is the id's
        engagement_create(actors=[a, b], date="2023-05-01" if n % 2 else f"2022-{n % 12 + 1:02d}")
    html = reader.get("/").content.decode()
    shown = re.findall(r'data-engagement-card="(\d+)"', html)
    while more := re.search(r'id="(timeline-more-\d+)" class="load-more" href="([^"]+)"', html):
        target, href = more.group(1), more.group(2).replace("&amp;", "&")
        assert "after=" in href
        html = reader.get(href, headers={"HX-Request": "true", "HX-Target": target}).content.decode()
        shown += re.findall(r'data-engagement-card="(\d+)"', html)
    expected = Engagement.objects.order_by("-date_start", "-id").values_list("id", flat=True)
    assert [int(pk) for pk in shown] == list(expected) and "نهاية القائمة" in html


def test_every_participant_is_highlighted_even_without_a_stored_mention(reader, world):
    html = reader.get(f"/engagements/{world.visit.pk}/").content.decode()
    excerpt = html[html.index('<blockquote class="excerpt"') : html.index("</blockquote>")]
    assert 'class="mention participant"' in excerpt and 'title="ميخائيل بوغدانوف"' in excerpt
    assert 'class="mention participant" href="' + world.fayyad.get_absolute_url() in excerpt
    assert '<a class="mention" href="' + world.kutrashev.get_absolute_url() in excerpt  # not a participant


def test_the_open_engagement_is_marked_in_the_timeline_and_the_document_lists_its_cards(reader, world):
    html = reader.get("/", {"engagement": world.meeting.pk}).content.decode()
    assert f'<article class="engagement-card is-current" data-engagement-card="{world.meeting.pk}">' in html
    assert html.count("is-current") == 1
    page = reader.get(world.source_a.get_absolute_url()).content.decode()
    assert page.count('class="engagement-card"') == 2  # the meeting and the visit
    assert f'href="{world.meeting.get_absolute_url()}"' in page and "مصدران" in page
    assert f'<a class="actor-link" href="{world.fayyad.get_absolute_url()}">' in page


def test_the_chart_shows_engagements_dated_to_a_year_apart_from_january(reader):
    actor = actor_create(name="فالح الفياض")
    engagement_create(actors=[actor], date="2024")
    engagement_create(actors=[actor], date="2024")
    engagement_create(actors=[actor], date="2024-01-15")
    engagement_create(actors=[actor], date="2024-03-02", type="visit")
    cache.clear()
    html = reader.get("/").content.decode()
    figure = _chart(html)
    meetings = next(trace for trace in figure["data"] if trace["name"] == "لقاء")
    counts = dict(zip(meetings["x"], meetings["y"], strict=True))
    assert counts == {"كانون الثاني 2024": 1, "شباط 2024": 0, "آذار 2024": 0, "2024 (دون شهر)": 2}
    assert "دون شهر محدَّد" in html  # and the feed groups them under their year, without a month


def _chart(html: str) -> dict:
    start = html.index('<script id="timeline-figure" type="application/json">')
    return json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])


def test_the_unfiltered_chart_is_rebuilt_when_the_data_changes(reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # a committed write advances the data version
        engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01")
    assert _chart(reader.get("/").content.decode())["data"][0]["y"] == [1]
    with CaptureQueriesContext(connection) as again:
        assert _chart(reader.get("/").content.decode())["data"][0]["y"] == [1]
    assert not any("DATE_TRUNC" in query["sql"] for query in again)  # the chart is cached
    with django_capture_on_commit_callbacks(execute=True):
        engagement_create(date="2024-02-10")
    assert _chart(reader.get("/").content.decode())["data"][0]["y"] == [2]


def test_the_filter_form_rendered_once_per_data_version_shows_each_requests_values_and_new_data(
    reader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01")
    for _ in range(2):  # rendered, then from the cache
        first = reader.get("/", {"date_from": "2023", "type": "visit"}).content.decode()
        second = reader.get("/", {"date_from": "2024"}).content.decode()
        assert 'name="date_from" type="text" inputmode="numeric" dir="ltr" value="2023"' in first
        assert '<option value="visit" selected>' in first and '<option value="visit" selected>' not in second
        assert 'value="2024"' in second and 'value="2023"' not in second
        assert "ألبروس كوتراشيف" not in second
    with django_capture_on_commit_callbacks(execute=True):  # a new actor among the suggestions, not the list
        engagement_create(actors=[actor_create(name="ألبروس كوتراشيف")], date="2020-03-01")
    assert "ألبروس كوتراشيف" in reader.get("/", {"date_from": "2024"}).content.decode()


def test_a_timeline_page_asked_again_after_a_write_shows_the_new_count_and_cards(reader):
    fayyad = actor_create(name="فالح الفياض")
    engagement_create(actors=[fayyad], date="2024-02-01")
    for _ in range(2):  # rendered, then the workspace's template kept for this query string
        html = reader.get("/", {"page": 1, "type": "meeting"}).content.decode()
        assert html.count('class="engagement-card') == 1 and "حدث واحد" in html
    engagement_create(actors=[fayyad], date="2024-02-10")
    html = reader.get("/", {"page": 1, "type": "meeting"}).content.decode()
    assert html.count('class="engagement-card') == 2 and "حدثان" in html and "10 شباط 2024" in html
    assert 'name="type"' in html and '<option value="meeting" selected>' in html  # the form filled in


def test_readers_asking_for_the_same_timeline_page_each_see_their_own_header_and_token(
    client, analyst, curator, world
):
    for _ in range(2):  # rendered for each, then kept for each
        for user, others in ((curator, analyst), (analyst, curator)):
            client.force_login(user)
            html = client.get("/", {"page": 1}).content.decode()
            assert f'<span class="account-user">{user.username}</span>' in html
            assert f'<span class="account-user">{others.username}</span>' not in html
            assert ("التنقيح</a>" in html) == user.is_staff  # the admin link, for staff
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            assert re.fullmatch(r"[A-Za-z0-9]{64}", token) and f'"x-csrftoken": "{token}"' in html
            assert html.count('class="engagement-card') == 5


def test_a_kept_timeline_page_shows_an_actors_new_name_once_a_curator_renames_it(reader, curator):
    from analysis.services.curation import actor_update

    fayyad = actor_create(name="فالح الفياض")
    engagement_create(actors=[fayyad], date="2024-02-01")
    for _ in range(2):  # rendered, then the workspace's template kept for this query string
        html = reader.get("/", {"actor": fayyad.slug, "page": 1}).content.decode()
        assert "<title>فالح الفياض ·" in html
    fayyad.name = "فالح فياض"
    actor_update(actor=fayyad, user=curator, reason="الاسم كما يكتبه")
    html = reader.get("/", {"actor": fayyad.slug, "page": 1}).content.decode()
    assert "<title>فالح فياض ·" in html and "فالح الفياض" not in html.split("</title>")[0]


def test_a_filtered_chart_shown_again_counts_new_engagements(reader):
    fayyad = actor_create(name="فالح الفياض")
    engagement_create(actors=[fayyad], date="2024-02-01")
    for _ in range(2):  # drawn, then its script kept for these counts
        assert _chart(reader.get("/", {"actor": fayyad.slug}).content.decode())["data"][0]["y"] == [1]
    engagement_create(actors=[fayyad], date="2024-02-10")
    assert _chart(reader.get("/", {"actor": fayyad.slug}).content.decode())["data"][0]["y"] == [2]
