"""Engagements in the admin: the changelist, its filters and actions, and the change form's dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analysis.models import Actor, Engagement
from tests.admin.helpers import ENGAGEMENTS, form_data
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


def test_engagement_list_shows_what_a_curator_decides_on_without_extra_queries(curator_client):
    def make(n: int) -> None:
        state = actor_create(name=f"دولة {n}", kind=Actor.Kind.STATE)
        for _ in range(n):
            document = document_create(text="التقى الوزير نظيره في موسكو لبحث التعاون.")
            engagement = engagement_create(
                actors=[actor_create(name="وزير"), state],
                date="2024-02-01",
                document=document,
                sentence=document.text,
            )
            engagement_create(
                actors=list(engagement.actors.all()),
                date="2024-02-01",
                document=document_create(text="خبر آخر عن اللقاء نفسه."),
            )

    make(2)
    curator_client.get(ENGAGEMENTS)  # the curator's permissions are read once, then cached
    with CaptureQueriesContext(connection) as few:
        curator_client.get(ENGAGEMENTS)
    make(6)
    with CaptureQueriesContext(connection) as many:
        page = curator_client.get(ENGAGEMENTS).content.decode()

    assert len(many) == len(few)
    assert "2024-02-01" in page  # the date at its precision
    assert "التقى الوزير نظيره في موسكو" in page  # the evidence
    assert "مستخرَج آليًّا" in page  # the review state


def test_filters_by_review_source_actor_kind_and_year(curator_client):
    iraq = actor_create(name="العراق", kind=Actor.Kind.STATE)
    person = actor_create(name="فالح الفياض")
    almada = engagement_create(
        actors=[iraq],
        date="2024-02-01",
        document=document_create(outlet="المدى"),
        review=Engagement.Review.VERIFIED,
    )
    older = engagement_create(
        actors=[person], date="2019-09-03", document=document_create(outlet="الشرق الأوسط")
    )

    def shown(**params) -> set[int]:
        return {row.pk for row in curator_client.get(ENGAGEMENTS, params).context["cl"].result_list}

    assert shown(review__exact="verified") == {almada.pk}
    assert shown(outlet="الشرق الأوسط") == {older.pk}
    assert shown(actor_kind="state") == {almada.pk}
    assert shown(year="2019") == {older.pk}
    assert shown(date_precision__exact="day") == {almada.pk, older.pk}


def test_bulk_verify_and_reject_from_the_changelist(curator_client, curator):
    first, second, third = (
        engagement_create(actors=[actor_create(name=f"فاعل {n}")], date="2024-02-01") for n in range(3)
    )

    curator_client.post(ENGAGEMENTS, {"action": "verify_selected", "_selected_action": [first.pk, second.pk]})
    curator_client.post(ENGAGEMENTS, {"action": "reject_selected", "_selected_action": [third.pk]})

    reviews = dict(Engagement.objects.values_list("pk", "review"))
    assert reviews == {first.pk: "verified", second.pk: "verified", third.pk: "rejected"}
    assert third.history.latest().history_user == curator


def test_correcting_the_date_marks_the_engagement_edited_and_shows_in_history(curator_client, curator):
    engagement = engagement_create(
        actors=[actor_create(name="فالح الفياض")], date="2024-02-01", document=document_create()
    )
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])
    data = form_data(curator_client.get(url))
    assert data["date_value"] == "2024-02-01"

    response = curator_client.post(url, {**data, "date_value": "2024-02"})

    assert response.status_code == 302
    engagement.refresh_from_db()
    assert (engagement.date_start, engagement.date_end, engagement.date_precision) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
        "month",
    )
    assert engagement.is_edited
    history = curator_client.get(reverse("admin:analysis_engagement_history", args=[engagement.pk]))
    page = history.content.decode()
    assert "curator" in page  # who
    assert "تعديل: التاريخ" in page  # why
    assert "<del>يوم</del> ← <ins>شهر</ins>" in page  # before → after, as the curator reads them
    assert "<del>2024-02-01</del> ← <ins>2024-02-29</ins>" in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date_value": "2024-13"}, "date_value"),
        ({"date_value": "2024-02-30"}, "date_value"),
        ({"date_precision": "unknown"}, "date_precision"),
        ({"date_start": "2024-02-05", "date_end": "2024-02-03"}, "date_end"),
    ],
)
def test_impossible_dates_are_refused(curator_client, changes, field):
    engagement = engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01")
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])

    response = curator_client.post(url, {**form_data(curator_client.get(url)), **changes})

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert Engagement.objects.get(pk=engagement.pk).date_start == date(2024, 2, 1)


def test_clearing_the_date_makes_it_unknown(curator_client):
    engagement = engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01")
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])

    assert (
        curator_client.post(url, {**form_data(curator_client.get(url)), "date_value": ""}).status_code == 302
    )

    engagement.refresh_from_db()
    assert (engagement.date_start, engagement.date_end, engagement.date_precision) == (None, None, "unknown")
    assert "غير معروف" in curator_client.get(ENGAGEMENTS).content.decode()


def test_a_range_of_days_is_edited_with_the_three_fields(curator_client):
    engagement = engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01")
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])
    data = {**form_data(curator_client.get(url)), "date_start": "2024-02-01", "date_end": "2024-02-03"}

    assert curator_client.post(url, data).status_code == 302

    engagement.refresh_from_db()
    assert (engagement.date_end, engagement.date_precision, engagement.is_edited) == (
        date(2024, 2, 3),
        "day",
        True,
    )
    assert "2024-02-01 – 2024-02-03" in curator_client.get(ENGAGEMENTS).content.decode()


def test_verifying_in_the_form_is_not_an_edit_but_changing_participants_is(curator_client):
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    engagement = engagement_create(actors=[fayyad], date="2024-02-01")
    url = reverse("admin:analysis_engagement_change", args=[engagement.pk])

    curator_client.post(url, {**form_data(curator_client.get(url)), "review": "verified"})
    engagement.refresh_from_db()
    assert engagement.review == "verified" and not engagement.is_edited

    data = form_data(curator_client.get(url))
    data["participations-TOTAL_FORMS"] = "2"
    data["participations-1-actor"] = kutrashev.pk
    data["participations-1-role"] = "guest"
    data["participations-1-engagement"] = engagement.pk
    response = curator_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    engagement.refresh_from_db()
    assert set(engagement.actors.all()) == {fayyad, kutrashev}
    assert engagement.is_edited
    added = kutrashev.participations.get().history.latest()
    assert added.history_user.username == "curator"
    history = curator_client.get(reverse("admin:analysis_engagement_history", args=[engagement.pk]))
    page = history.content.decode()
    assert "سجل المشاركون" in page
    assert "ألبروس كوتراشيف (الضيف)" in page  # the participant the curator added, with who did it
    assert page.count("curator") >= 2


def test_a_curator_adds_an_engagement_by_hand(curator_client):
    fayyad = actor_create(name="فالح الفياض")
    url = reverse("admin:analysis_engagement_add")
    data = form_data(curator_client.get(url))
    assert data["review"] == "verified"  # entered by hand: vouched for
    data.update(
        {
            "type": "call",
            "date_value": "2024-03",
            "participations-TOTAL_FORMS": "1",
            "participations-0-actor": fayyad.pk,
            "participations-0-role": "initiator",
        }
    )

    response = curator_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    engagement = Engagement.objects.get()
    assert (engagement.type, engagement.date_precision, engagement.is_edited) == ("call", "month", True)
    assert engagement.fingerprint.startswith("curated:")
    assert list(engagement.actors.all()) == [fayyad]


def test_an_engagement_deleted_in_the_admin_leaves_the_timeline_at_once(
    curator_client, django_capture_on_commit_callbacks
):
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    engagement_create(actors=[fayyad], date="2024-02-01")
    meeting = engagement_create(actors=[kutrashev], date="2024-03-05")
    page = curator_client.get("/").content.decode()
    assert "حدثان" in page and "ألبروس كوتراشيف" in page  # the count and the actor suggestions, now cached

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse("admin:analysis_engagement_delete", args=[meeting.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    page = curator_client.get("/").content.decode()
    assert "حدث واحد" in page and "حدثان" not in page
    assert "ألبروس كوتراشيف" not in page  # no longer suggested: no engagement left
