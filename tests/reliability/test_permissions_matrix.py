"""Who may do what, URL by URL: every route of the URLconf (walked, not listed by hand) and every
admin action, for an anonymous visitor, an analyst and a curator, with the status each must get.
An analyst (read-only) who GETs and POSTs everything changes nothing in the database.

A route the matrix cannot fill in (a new parameter, a new kind of page) fails the test: whoever
adds a URL says here who may use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from analysis.models import Disagreement, Engagement, ImportBatch
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db

ANONYMOUS, ANALYST, CURATOR = "anonymous", "analyst", "curator"
ROLES = (ANONYMOUS, ANALYST, CURATOR)
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"

# Pages anyone may open; everything else of the dashboard asks for a login.
PUBLIC = {"login", "healthz", "admin:login"}
# The dashboard's own pages, all read-only (GET); a POST is refused (405) once logged in.
DASHBOARD_READS = {
    "timeline",
    "engagement_detail",
    "actor_detail",
    "document_detail",
    "search",
    "timeline_axis",
    "network",
    "actor_network",
}
# The import pages: curators only (analysts get 403); a batch's page is read-only.
IMPORTS = {"import", "import_batch"}


@dataclass(frozen=True)
class Route:
    """One URL pattern of the URLconf, made concrete."""

    pattern: str  # the pattern as written, e.g. "admin/analysis/actor/<path:object_id>/delete/"
    name: str  # "namespace:name", or "" for an unnamed one
    url: str
    model: tuple[str, str] | None = None  # (app_label, model_name) for the admin's per-model pages
    admin_action: str | None = None  # changelist, add, change, delete, history, view_on_site ...


def _patterns(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name or ""
            yield prefix + str(pattern.pattern), name


@pytest.fixture
def world(django_user_model):
    """One row of everything a URL can point at."""
    fayyad = actor_create(name="فالح الفياض", aliases=["الفياض"], is_curated=True)
    kutrashev = actor_create(name="ألبروس كوتراشيف")
    document = document_create(text="التقى فالح الفياض السفير ألبروس كوتراشيف في بغداد.")
    meeting = engagement_create(actors=[fayyad, kutrashev], date="2024-02-01", document=document)
    engagement_create(actors=[fayyad], type="call", date="2024-03", document=document)
    someone = django_user_model.objects.create_user(username="someone", password="someone-password-1")
    AccessAttempt.objects.create(
        username="x",
        ip_address="10.0.0.1",
        failures_since_start=1,
        user_agent="",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
    )
    AccessLog.objects.create(username="someone", ip_address="10.0.0.1", user_agent="", path_info="/")
    AccessFailureLog.objects.create(username="x", ip_address="10.0.0.1", user_agent="", path_info="/")
    Disagreement.objects.create(kind="place", engagement=meeting, key=f"place:{meeting.pk}")
    batch = ImportBatch.objects.create()
    return {"actor": fayyad, "document": document, "engagement": meeting, "user": someone, "batch": batch}


def _object_of(app_label: str, model_name: str):
    model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    return model.objects.order_by("pk").first()


def _history_id(instance) -> int:
    """A history row of `instance` (made on the spot for rows the factories wrote without one)."""
    history = type(instance).history
    if not history.filter(id=instance.pk).exists():
        instance.save()
    return history.filter(id=instance.pk).latest("history_id").history_id


ADMIN_MODEL = re.compile(r"^admin/(?P<app>\w+)/(?P<model>\w+)/(?P<rest>.*)$")


def _routes(world) -> list[Route]:
    """Every pattern of the URLconf as a concrete URL; a pattern it cannot fill in fails the test."""
    routes, unknown = [], []
    for pattern, name in _patterns(get_resolver().url_patterns):
        if name in DASHBOARD_READS or name in PUBLIC or name in {"logout", "admin:logout"}:
            kwargs = {
                "engagement_detail": {"pk": world["engagement"].pk},
                "actor_detail": {"slug": world["actor"].slug},
                "actor_network": {"slug": world["actor"].slug},
                "document_detail": {"pk": world["document"].pk},
            }.get(name, {})
            routes.append(Route(pattern, name, reverse(name, kwargs=kwargs)))
        elif name in IMPORTS:
            kwargs = {"pk": world["batch"].pk} if name == "import_batch" else {}
            routes.append(Route(pattern, name, reverse(name, kwargs=kwargs)))
        elif name in {
            "admin:index",
            "admin:password_change",
            "admin:password_change_done",
            "admin:autocomplete",
            "admin:jsi18n",
        }:
            routes.append(Route(pattern, name, reverse(name)))
        elif name == "admin:view_on_site":
            engagement = world["engagement"]
            content_type = ContentType.objects.get_for_model(engagement)
            routes.append(
                Route(
                    pattern,
                    name,
                    reverse(name, args=[content_type.pk, engagement.pk]),
                    ("analysis", "engagement"),
                    "view_on_site",
                )
            )
        elif name == "admin:app_list":
            for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
                routes.append(
                    Route(
                        pattern,
                        name,
                        reverse(name, kwargs={"app_label": app_label}),
                        (app_label, ""),
                        "app_list",
                    )
                )
        elif pattern == "admin/(?P<url>.*)$":
            routes.append(Route(pattern, name, "/admin/no-such-page/", None, "catch_all"))
        elif match := ADMIN_MODEL.match(pattern):
            app, model, rest = match["app"], match["model"], match["rest"]
            instance = _object_of(app, model)
            if instance is None:
                unknown.append(pattern)
                continue
            base = f"/admin/{app}/{model}/"
            action, url = {
                "": ("changelist", base),
                "add/": ("add", f"{base}add/"),
                "<path:object_id>/change/": ("change", f"{base}{instance.pk}/change/"),
                "<path:object_id>/delete/": ("delete", f"{base}{instance.pk}/delete/"),
                "<path:object_id>/history/": ("history", f"{base}{instance.pk}/history/"),
                "<path:object_id>/": ("redirect", f"{base}{instance.pk}/"),
                "<id>/password/": ("password", f"{base}{instance.pk}/password/"),
                "^([^/]+)/history/([^/]+)/$": ("history_row", None),
            }.get(rest, (None, None))
            if action == "history_row":
                url = f"{base}{instance.pk}/history/{_history_id(instance)}/"
            if action is None:
                unknown.append(pattern)
                continue
            routes.append(Route(pattern, name, url, (app, model), action))
        else:
            unknown.append(pattern)
    assert unknown == [], "routes the permission matrix does not know how to reach"
    return routes


# What each role gets, as (status, where a redirect goes or None).
REDIRECT_LOGIN = (302, LOGIN)
REDIRECT_ADMIN_LOGIN = (302, ADMIN_LOGIN)
ACTION_PERMISSION = {
    "changelist": "view",
    "change": "view",
    "history": "view",
    "history_row": "view",
    "redirect": "view",
    "add": "add",
    "delete": "delete",
    "password": "change",
}


def _expected(route: Route, role: str, method: str, user) -> tuple[int, str | None]:
    name = route.name
    if name == "healthz":
        return (200, None) if method == "GET" else (405, None)
    if name in {"login", "admin:login"}:
        if role != ANONYMOUS and name == "admin:login" and method == "GET":
            return (200, None) if role == ANALYST else (302, "/admin/")
        return (200, None)
    if name == "logout":
        if role == ANONYMOUS and method == "GET":
            return REDIRECT_LOGIN
        return (405, None) if method == "GET" else (302, LOGIN)
    if name in DASHBOARD_READS:
        if role == ANONYMOUS:
            return REDIRECT_LOGIN
        return (200, None) if method == "GET" else (405, None)
    if name in IMPORTS:
        if role == ANONYMOUS:
            return REDIRECT_LOGIN
        if name == "import_batch" and method == "POST":
            return (405, None)
        if role == ANALYST:
            return (403, None)
        return (200, None) if method == "GET" else (400, None)  # a POST without files: the form's error
    # The admin: staff only; the rest go to its login page.
    if name == "admin:logout":
        if role != CURATOR:
            return (302, "/admin/")
        return (405, None) if method == "GET" else (302, LOGIN)
    if role != CURATOR:
        return REDIRECT_ADMIN_LOGIN
    if name in {"admin:autocomplete", "admin:jsi18n", "admin:password_change_done"} and method == "POST":
        return (405, None)
    if name in {"admin:index", "admin:password_change", "admin:password_change_done", "admin:jsi18n"}:
        return (200, None)  # a POST to the password form: the form again, with its errors
    if name == "admin:autocomplete":
        return (403, None)  # no field named to complete
    if route.admin_action == "catch_all":
        return (404, None)
    if route.admin_action == "view_on_site":
        return (302, None)  # to the engagement's page on the dashboard
    app, model = route.model
    if route.admin_action == "app_list":
        visible = any(
            user.has_perm(f"{app}.view_{m._meta.model_name}")
            or user.has_perm(f"{app}.change_{m._meta.model_name}")
            for m in admin.site._registry
            if m._meta.app_label == app
        )
        return (200, None) if visible else (404, None)
    if route.admin_action == "redirect":
        return (302, None)  # to the change page, which checks the permission
    needed = ACTION_PERMISSION[route.admin_action]
    allowed = user.has_perm(f"{app}.{needed}_{model}") or (
        needed == "view" and user.has_perm(f"{app}.change_{model}")
    )
    return (200, None) if allowed else (403, None)


@pytest.fixture
def users(django_user_model, analyst):
    curator = django_user_model.objects.create_user(
        username="curator", password="curator-password-1", is_staff=True
    )
    curator.groups.add(Group.objects.get(name="curator"))
    return {ANONYMOUS: None, ANALYST: analyst, CURATOR: curator}


def _browser(user) -> Client:
    browser = Client()
    if user is not None:
        browser.force_login(user)
    return browser


def _outcome(response) -> tuple[int, str | None]:
    location = response.get("Location")
    if response.status_code == 302 and location:
        return 302, location.split("?")[0] if location.split("?")[0] in {
            LOGIN,
            ADMIN_LOGIN,
            "/admin/",
        } else None
    return response.status_code, None


def _database_state() -> dict[str, str]:
    """A digest of every table's rows, but sessions and the login log (axes' AccessLog): logging out
    writes them."""
    state = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in {"django_session", "axes_accesslog"}:
                continue
            cursor.execute(
                f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"
            )
            state[table] = cursor.fetchone()[0]
        cursor.execute("SELECT last_value FROM analysis_data_version")
        state["data_version"] = str(cursor.fetchone()[0])
    return state


def test_every_url_answers_each_role_as_expected(world, users):
    routes = _routes(world)
    browsers = {role: _browser(users[role]) for role in ROLES}
    wrong = {}
    for role in ROLES:
        user = users[role]
        for route in routes:
            for method in ("GET", "POST"):
                if method == "POST" and role == CURATOR and route.admin_action not in (None, "catch_all"):
                    continue  # a curator's writes in the admin: the admin tests and the actions below
                if method == "POST" and role == CURATOR and route.name in {"admin:password_change"}:
                    continue
                browser = browsers[role]
                response = browser.get(route.url) if method == "GET" else browser.post(route.url, {})
                if route.name in {"logout", "admin:logout"} and user is not None:
                    browser.force_login(user)
                found, expected = _outcome(response), _expected(route, role, method, user)
                if found != expected:
                    wrong[f"{role} {method} {route.url}"] = f"got {found}, expected {expected}"
    assert wrong == {}
    assert len(routes) >= 60  # the whole URLconf, the admin's per-model pages included


def _actions() -> list[tuple[type, str]]:
    """Every action of every model admin, as a superuser sees them."""
    from django.contrib.auth import get_user_model

    superuser = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    found = []
    for model, model_admin in admin.site._registry.items():
        for name in model_admin.get_actions(request):
            found.append((model, name))
    return found


def _action_post(browser: Client, model, name: str):
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True)[:2])
    return browser.post(changelist, {"action": name, "_selected_action": pks, "index": 0})


def test_every_admin_action_is_refused_to_anonymous_and_analysts_and_allowed_to_curators_by_permission(
    world, users
):
    actions = _actions()
    assert {name for _, name in actions} >= {
        "verify_selected",
        "reject_selected",
        "merge_actors",
        "split_aliases",
        "delete_selected",
    }
    wrong = {}
    curator = users[CURATOR]
    for model, name in actions:
        for role in (ANONYMOUS, ANALYST):
            response = _action_post(_browser(users[role]), model, name)
            if _outcome(response) != REDIRECT_ADMIN_LOGIN:
                wrong[f"{role} {model.__name__}.{name}"] = _outcome(response)
        model_admin = admin.site._registry[model]
        request = RequestFactory().get("/admin/")
        request.user = curator
        may = name in model_admin.get_actions(request)
        response = _action_post(_browser(curator), model, name)
        if not model_admin.has_view_or_change_permission(request):
            expected = (403, None)
        elif may:
            expected = (200, None) if name in {"delete_selected", "merge_actors"} else (302, None)
        elif not model_admin.get_actions(request):
            expected = (200, None)  # no action at all for the curator here: the list, nothing done
        else:
            expected = (302, None)  # "no action selected": the list again, nothing done
        if _outcome(response) != expected:
            wrong[f"curator {model.__name__}.{name}"] = f"got {_outcome(response)}, expected {expected}"
    assert wrong == {}


def test_a_curator_action_takes_effect(world, users):
    response = _action_post(_browser(users[CURATOR]), Engagement, "verify_selected")
    assert response.status_code == 302
    assert set(Engagement.objects.values_list("review", flat=True)) == {Engagement.Review.VERIFIED}


def test_an_analyst_changes_nothing_anywhere(world, users):
    analyst = users[ANALYST]
    routes = _routes(world)
    browser = _browser(analyst)
    before = _database_state()
    for model, name in _actions():
        _action_post(browser, model, name)
        pks = list(model.objects.values_list("pk", flat=True)[:2])
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        browser.post(changelist, {"action": name, "_selected_action": pks, "post": "yes", "index": 0})
    logouts = [route for route in routes if route.name in {"logout", "admin:logout"}]
    for route in [route for route in routes if route not in logouts] + logouts:
        for data in ({}, {"name": "تغيير", "review": "verified", "post": "yes", "q": "x"}):
            browser.get(route.url)
            browser.post(route.url, data)
    assert _database_state() == before
