"""The home page in a real Chromium: right-to-left, Arabic, htmx, and nothing fetched from elsewhere."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_arabic_right_to_left_and_offline(
    analyst_page, live_server, external_requests, console_errors, screenshot
):
    page = analyst_page
    response = page.goto(live_server.url + "/")

    assert response.ok
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    heading = page.locator("h1").first
    assert heading.is_visible()
    assert any("\u0600" <= ch <= "\u06ff" for ch in heading.inner_text())
    # Arabic glyphs are shaped right-to-left: the heading's text starts at its right edge.
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')")
    screenshot()
    assert external_requests == []
    assert console_errors == []
