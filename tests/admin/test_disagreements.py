"""The admin queue of sources that disagree: listed, decided through the services, closed to analysts."""

from __future__ import annotations

import pytest

from analysis.models import Disagreement, Engagement
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db

QUEUE = "/admin/analysis/disagreement/"


@pytest.fixture
def flag():
    people = [actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")]
    first = engagement_create(
        actors=people, date="2024-02-01", document=document_create(), sentence="التقيا الخميس."
    )
    second = engagement_create(
        actors=people, date="2024-02-04", document=document_create(), sentence="التقيا الأحد."
    )
    return Disagreement.objects.create(
        kind="date", engagement=first, other=second, key=f"date:{first.pk}:{second.pk}"
    )


def test_the_queue_opens_on_the_flags_waiting_for_a_decision(curator_client, flag):
    decided = Disagreement.objects.create(
        kind="place", engagement=flag.engagement, key="place:x", state="dismissed"
    )

    html = curator_client.get(QUEUE).content.decode()

    assert f"{QUEUE}{flag.pk}/change/" in html and f"{QUEUE}{decided.pk}/change/" not in html
    assert "2024-02-01 ↔ 2024-02-04" in html
    assert f"{QUEUE}{decided.pk}/change/" in curator_client.get(QUEUE, {"state": "all"}).content.decode()


def test_choosing_a_reading_in_the_queue_merges_the_two_engagements(curator_client, flag):
    page = curator_client.get(f"{QUEUE}{flag.pk}/change/").content.decode()
    assert "التقيا الخميس." in page and "التقيا الأحد." in page and 'type="radio"' in page

    response = curator_client.post(
        f"{QUEUE}{flag.pk}/change/", {"reading": flag.engagement_id, "decision": "resolve"}
    )

    assert response.status_code == 302
    (engagement,) = Engagement.objects.all()
    assert str(engagement.date_start) == "2024-02-01" and engagement.evidence.count() == 2
    flag.refresh_from_db()
    assert flag.state == "resolved"
    assert "الحالة: <strong>حُسم" in curator_client.get(f"{QUEUE}{flag.pk}/change/").content.decode()


def test_no_choice_is_an_error_and_changes_nothing(curator_client, flag):
    html = curator_client.post(f"{QUEUE}{flag.pk}/change/", {"decision": "resolve"}).content.decode()

    assert "اختر إحدى الروايتين" in html
    assert Engagement.objects.count() == 2


def test_dismissing_keeps_both_engagements(curator_client, flag):
    curator_client.post(f"{QUEUE}{flag.pk}/change/", {"decision": "dismiss"})

    flag.refresh_from_db()
    assert flag.state == "dismissed" and Engagement.objects.count() == 2


def test_an_analyst_cannot_open_the_queue(client, analyst, flag):
    client.force_login(analyst)

    assert client.get(QUEUE).status_code == 302  # to the admin login: not staff
    assert client.post(f"{QUEUE}{flag.pk}/change/", {"decision": "dismiss"}).status_code == 302
    flag.refresh_from_db()
    assert flag.state == "open"
