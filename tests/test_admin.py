"""The curation admin as a curator uses it: Arabic RTL pages, normalized search, actions, history."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analysis.arabic import name_key
from analysis.models import Actor, Alias, Engagement
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db

ENGAGEMENTS = reverse("admin:analysis_engagement_changelist")
ACTORS = reverse("admin:analysis_actor_changelist")


@pytest.fixture
def curator(django_user_model):
    """A staff user whose only rights come from the `curator` group (not a superuser)."""
    user = django_user_model.objects.create_user(
        username="curator", password="curator-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name="curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def form_data(response) -> dict:
    """What the browser would post back from a rendered admin change form, unchanged."""
    data: dict = {}

    def add(form) -> None:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            elif isinstance(value, date):
                value = value.isoformat()
            data[form.add_prefix(name)] = value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


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


def test_merge_asks_which_actor_survives_then_merges(curator_client):
    keep = actor_create(name="ألبروس كوتراشيف")
    drop = actor_create(name="كوتراشيف")
    engagement_create(actors=[keep], date="2024-02-01")
    selection = {"action": "merge_actors", "_selected_action": [keep.pk, drop.pk]}

    confirm = curator_client.post(ACTORS, selection)

    assert confirm.status_code == 200
    assert [t.name for t in confirm.templates][0] == "admin/analysis/actor/merge.html"
    page = confirm.content.decode()
    assert f'name="keep" value="{keep.pk}" checked' in page  # the one with more engagements is proposed
    assert f'name="keep" value="{drop.pk}"' in page
    assert Actor.objects.count() == 2  # nothing merged before the curator confirms

    done = curator_client.post(ACTORS, {**selection, "post": "yes", "keep": drop.pk})

    assert done.status_code == 302
    assert list(Actor.objects.values_list("pk", flat=True)) == [drop.pk]
    assert Alias.objects.filter(actor=drop, key=name_key("ألبروس كوتراشيف"), source="curated").exists()


def test_split_alias_action_makes_a_new_actor(curator_client):
    actor = actor_create(name="قيس الخزعلي", aliases=("ليث الخزعلي",))
    alias = actor.aliases.get(key=name_key("ليث الخزعلي"))

    response = curator_client.post(
        reverse("admin:analysis_alias_changelist"),
        {"action": "split_aliases", "_selected_action": [alias.pk]},
        follow=True,
    )

    new = Actor.objects.get(name="ليث الخزعلي")
    assert new.pk != actor.pk
    assert "فُصل «ليث الخزعلي» إلى فاعل جديد" in response.content.decode()


def test_adding_an_alias_inline_stores_its_normalized_key(curator_client):
    actor = actor_create(name="ألبروس كوتراشيف")
    url = reverse("admin:analysis_actor_change", args=[actor.pk])
    data = form_data(curator_client.get(url))
    extra = int(data["aliases-TOTAL_FORMS"]) - 1
    data[f"aliases-{extra}-name"] = "((إلبروس كوتراشييف))"

    response = curator_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    alias = actor.aliases.get(name="((إلبروس كوتراشييف))")
    assert alias.key == name_key("إلبروس كوتراشييف") and alias.source == Alias.Source.CURATED


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


def test_the_survivors_history_shows_what_a_merge_moved(curator_client):
    keep = actor_create(name="ألبروس كوتراشيف")
    drop = actor_create(name="كوتراشيف", aliases=["السفير كوتراشيف"])
    engagement_create(actors=[drop], date="2024-02-01")
    curator_client.post(
        ACTORS,
        {"action": "merge_actors", "_selected_action": [keep.pk, drop.pk], "post": "yes", "keep": keep.pk},
    )

    page = curator_client.get(reverse("admin:analysis_actor_history", args=[keep.pk])).content.decode()

    reason = "دمج «كوتراشيف» في «ألبروس كوتراشيف»"
    # the actor itself, the moved alias, the new curated alias, the moved participation
    assert page.count(reason) >= 4
    assert "<del>كوتراشيف</del> ← <ins>ألبروس كوتراشيف</ins>" in page  # the alias changed hands
    assert "السفير كوتراشيف (مستخرَج)" in page


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


def test_a_documents_engagement_count_opens_its_engagements(curator_client):
    document = document_create(text="نص", title="لقاء في بغداد")
    mine = engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01", document=document)
    engagement_create(
        actors=[actor_create(name="قيس الخزعلي")], date="2024-02-01", document=document_create()
    )

    page = curator_client.get(reverse("admin:analysis_document_changelist")).content.decode()
    link = f"{ENGAGEMENTS}?document={document.pk}"
    assert f'href="{link}"' in page

    shown = curator_client.get(link).context["cl"].result_list
    assert [e.pk for e in shown] == [mine.pk]


# Changes made in the admin show on the dashboard at once -------------------------------------


def test_an_alias_corrected_and_one_deleted_in_the_admin_show_on_the_actor_page_at_once(
    curator_client, django_capture_on_commit_callbacks
):
    actor = actor_create(name="ألبروس كوتراشيف", aliases=("كوتراشيييف", "السفير الروسي"))
    engagement_create(actors=[actor], date="2024-02-01")
    profile = reverse("actor_detail", args=[actor.slug])
    assert "كوتراشيييف" in curator_client.get(profile).content.decode()
    curator_client.get("/")  # the timeline caches its aggregates
    url = reverse("admin:analysis_actor_change", args=[actor.pk])
    data = form_data(curator_client.get(url))
    rows = {data[f"aliases-{n}-name"]: n for n in range(int(data["aliases-INITIAL_FORMS"]))}
    data[f"aliases-{rows['كوتراشيييف']}-name"] = "كوتراشيف"
    data[f"aliases-{rows['السفير الروسي']}-DELETE"] = "on"

    with django_capture_on_commit_callbacks(execute=True) as committed:
        response = curator_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    assert len(committed) == 1  # one advance of the data version for the whole change
    page = curator_client.get(profile).content.decode()
    assert "كوتراشيف" in page
    assert "كوتراشيييف" not in page and "السفير الروسي" not in page


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


def test_an_actor_deleted_in_the_admin_leaves_the_timeline_suggestions_at_once(
    curator_client, django_capture_on_commit_callbacks
):
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    engagement_create(actors=[fayyad, kutrashev], date="2024-02-01")
    assert "ألبروس كوتراشيف" in curator_client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            ACTORS, {"action": "delete_selected", "_selected_action": [kutrashev.pk], "post": "yes"}
        )

    assert not Actor.objects.filter(pk=kutrashev.pk).exists()
    page = curator_client.get("/").content.decode()
    assert "ألبروس كوتراشيف" not in page and "فالح الفياض" in page


def test_merging_two_actors_makes_one_engagement_of_their_meeting_on_the_timeline(curator_client):
    fayyad = actor_create(name="فالح الفياض")
    keep, drop = actor_create(name="عبد العزيز المحمداوي"), actor_create(name="أبو فدك")
    engagement_create(actors=[keep, fayyad], date="2024-03-05", document=document_create())
    engagement_create(actors=[drop, fayyad], date="2024-03-05", document=document_create())
    assert "حدثان" in curator_client.get("/").content.decode()

    curator_client.post(
        ACTORS,
        {"action": "merge_actors", "_selected_action": [keep.pk, drop.pk], "post": "yes", "keep": keep.pk},
    )

    engagement = Engagement.objects.get()
    assert engagement.evidence.count() == 2
    assert "حدث واحد" in curator_client.get("/").content.decode()


def test_a_merge_that_would_contradict_a_curator_is_refused_with_a_reason(curator_client):
    fayyad = actor_create(name="فالح الفياض")
    keep, drop = actor_create(name="عبد العزيز المحمداوي"), actor_create(name="أبو فدك")
    engagement_create(actors=[keep, fayyad], date="2024-03-05", review=Engagement.Review.VERIFIED)
    engagement_create(actors=[drop, fayyad], date="2024-03-05", review=Engagement.Review.REJECTED)

    response = curator_client.post(
        ACTORS,
        {"action": "merge_actors", "_selected_action": [keep.pk, drop.pk], "post": "yes", "keep": keep.pk},
    )

    assert response.status_code == 200
    assert "متعارض" in response.content.decode()
    assert Actor.objects.count() == 3 and Engagement.objects.count() == 2
