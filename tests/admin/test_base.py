"""The admin as a whole: Arabic right-to-left pages, normalized search, history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin.helpers import ACTORS, ENGAGEMENTS
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


def test_admin_is_arabic_and_right_to_left(curator_client):
    page = curator_client.get(reverse("admin:index")).content.decode()

    assert '<html lang="ar" dir="rtl">' in page
    assert "admin/css/rtl.css" in page
    assert "إدارة رصد العلاقات الأمنية" in page
    assert "css/admin.css" in page  # the dashboard's Arabic font
    assert "الأحداث" in page and "الفاعلون" in page


def test_admin_stays_arabic_for_a_browser_that_prefers_english(curator_client):
    page = curator_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert 'dir="rtl"' in page


def test_search_finds_actors_whatever_the_hamza(curator_client):
    actor_create(name="إلبروس كوتراشيف", aliases=("السفير الروسي",))
    actor_create(name="فالح الفياض")

    page = curator_client.get(ACTORS, {"q": "ألبروس"}).content.decode()

    assert "إلبروس كوتراشيف" in page
    assert "فالح الفياض" not in page


def test_search_finds_engagements_by_participant_alias_and_documents_by_text(curator_client):
    kutrashev = actor_create(name="إلبروس كوتراشيف", aliases=("كوتراشيف",))
    document = document_create(text="استقبل رئيس الهيئة السفيرَ إلبروس كوتراشيف في بغداد.")
    found = engagement_create(actors=[kutrashev], date="2024-02-01", document=document)
    other = engagement_create(
        actors=[actor_create(name="قيس الخزعلي")],
        date="2024-02-01",
        document=document_create(text="لقاء آخر."),
    )

    response = curator_client.get(ENGAGEMENTS, {"q": "ألبروس"})
    shown = {row.pk for row in response.context["cl"].result_list}
    assert found.pk in shown and other.pk not in shown

    documents = curator_client.get(reverse("admin:analysis_document_changelist"), {"q": "السفير ألبروس"})
    assert [d.pk for d in documents.context["cl"].result_list] == [document.pk]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_renders_right_to_left_in_chromium(
    page, live_server, client, admin_user, external_requests, console_errors, screenshot
):
    from django.conf import settings

    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="إلبروس كوتراشيف")
    document = document_create(
        text="استقبل رئيس هيئة الحشد الشعبي فالح الفياض السفير الروسي إلبروس كوتراشيف."
    )
    engagement = engagement_create(
        actors=[fayyad, kutrashev], date="2024-02-01", document=document, sentence=document.text
    )
    client.force_login(admin_user)  # a superuser: a transactional test's flush removes the groups
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )

    page.goto(f"{live_server.url}{ENGAGEMENTS}?q=ألبروس")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('#content')).direction") == "rtl"
    # rtl.css mirrors the layout: the filter sidebar sits on the left, the first column on the right.
    filters = page.locator("#changelist-filter").bounding_box()
    table = page.locator("#result_list").bounding_box()
    assert filters["x"] < table["x"]
    first_header = page.locator("#result_list thead th").first.bounding_box()
    assert first_header["x"] > table["x"] + table["width"] / 2
    assert page.locator("#result_list tbody tr").count() == 1
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')")
    screenshot("changelist")

    page.goto(f"{live_server.url}{reverse('admin:analysis_engagement_change', args=[engagement.pk])}")
    assert page.locator("#id_date_value").input_value() == "2024-02-01"
    screenshot("change")
    assert external_requests == []
    assert console_errors == []
