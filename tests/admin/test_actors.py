"""Actors and aliases in the admin: merge, split, alias edits, and what the timeline shows after."""

from __future__ import annotations

import pytest
from django.urls import reverse

from analysis.arabic import name_key
from analysis.models import Actor, Alias, Engagement
from tests.admin.helpers import ACTORS, form_data
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


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
