"""Who may see what: login for the dashboard, staff for the admin, the two groups, the local admin."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_an_htmx_request_without_login_sends_the_whole_tab_to_the_login_page(client):
    response = client.get("/", HTTP_HX_REQUEST="true")

    assert response["HX-Redirect"] == "/accounts/login/?next=/"


def test_the_login_page_is_arabic_right_to_left(client):
    response = client.get("/accounts/login/?next=/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "تسجيل الدخول" in page and 'name="password"' in page


def test_an_analyst_logs_in_and_lands_on_the_dashboard(client, analyst):
    response = client.post(
        "/accounts/login/", {"username": "analyst", "password": "analyst-password-1", "next": "/"}
    )

    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_in_arabic(client, analyst):
    response = client.post("/accounts/login/", {"username": "analyst", "password": "wrong"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_setting_opens_read_only_anonymous_access(client, settings):
    settings.DASHBOARD_ANONYMOUS_READ = True

    assert client.get("/").status_code == 200
    assert client.post("/").status_code == 302  # reading only: a write still asks for a login


def test_health_check_and_admin_login_need_no_dashboard_login(client):
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("admin:login")).status_code == 200
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("admin:login"))  # the admin's own staff login


def test_an_analyst_reads_the_dashboard_but_not_the_admin(client, analyst):
    client.force_login(analyst)

    assert client.get("/").status_code == 200
    response = client.get(reverse("admin:analysis_engagement_changelist"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_a_curator_works_in_the_admin_but_not_on_users(client, curator):
    client.force_login(curator)

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:analysis_engagement_changelist")).status_code == 200
    assert client.get(reverse("admin:analysis_actor_add")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get("/").status_code == 200


def test_the_groups_carry_the_right_permissions():
    analyst = set(Group.objects.get(name="analyst").permissions.values_list("codename", flat=True))
    curator = set(Group.objects.get(name="curator").permissions.values_list("codename", flat=True))

    assert {"view_engagement", "view_actor", "view_document", "view_evidence"} <= analyst
    assert not {p for p in analyst if not p.startswith("view_")}
    assert {
        "change_engagement",
        "delete_actor",
        "add_alias",
        "change_participation",
        "delete_evidence",
    } <= curator
    assert "change_document" not in curator and "add_document" not in curator  # ingestion writes documents


def test_ensure_local_admin_creates_a_superuser_with_a_stable_password(settings, tmp_path, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.delenv("LOCAL_ADMIN_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path

    first, second = StringIO(), StringIO()
    call_command("ensure_local_admin", stdout=first)
    call_command("ensure_local_admin", stdout=second)

    password = (tmp_path / "local_admin.txt").read_text().strip()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.check_password(password)
    for output in (first.getvalue(), second.getvalue()):
        assert "http://127.0.0.1:8000/admin/" in output
        assert "username:  admin" in output and f"password:  {password}" in output
    assert "created" in first.getvalue() and "exists" in second.getvalue()


def test_ensure_local_admin_takes_the_password_from_the_environment(settings, tmp_path, monkeypatch, client):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LOCAL_ADMIN_PASSWORD", "from-the-env-42")

    call_command("ensure_local_admin", stdout=StringIO())

    assert client.login(username="admin", password="from-the-env-42")
    assert not (tmp_path / "local_admin.txt").exists()
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_account_menu_logs_out_with_a_post(client, curator):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = curator
    html = render_to_string("registration/account_nav.html", {"user": curator}, request=request)
    assert "curator" in html and reverse("admin:index") in html
    assert 'method="post" action="/accounts/logout/"' in html

    client.force_login(curator)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_a_users_permissions_are_read_once_and_a_change_of_group_shows_on_the_next_page(
    client, analyst, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def header_links() -> tuple[bool, bool]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("search")).content.decode()
        assert not [q for q in queries if "auth_permission" in q["sql"]]  # the cached set, not a query
        return f'href="{reverse("import")}"' in page, "اختلافات المصادر" in page

    client.force_login(analyst)
    client.get(reverse("search"))  # reads the analyst's permissions into the cache
    assert header_links() == (False, False)

    curators = Group.objects.get(name="curator")
    with django_capture_on_commit_callbacks(execute=True):
        analyst.groups.add(curators)
    assert client.get(reverse("search")).status_code == 200
    assert header_links() == (True, True)  # a curator now: import and the disagreements' review list

    with django_capture_on_commit_callbacks(execute=True):
        curators.user_set.remove(analyst)
    client.get(reverse("search"))
    assert header_links() == (False, False)

    with django_capture_on_commit_callbacks(execute=True):  # the group's permissions, not the user's groups
        Group.objects.get(name="analyst").permissions.add(Permission.objects.get(codename="add_importbatch"))
    client.get(reverse("search"))
    assert header_links() == (True, False)
