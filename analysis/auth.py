"""Who may see what: the dashboard asks for a login unless anonymous reading is switched on."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django_htmx.http import HttpResponseClientRedirect

from analysis import selectors

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _user_by_pk(*, pk: int) -> QuerySet:
    return get_user_model().objects.filter(pk=pk).values_list(*_user_fields())


def _user_fields() -> list[str]:
    return [field.attname for field in get_user_model()._meta.concrete_fields]


class CachedPermissionsBackend(ModelBackend):
    """Django's `ModelBackend`, each user's permission set cached under the data version: the layout's
    `perms` checks cost every page two joined queries and ~2 ms of Python. A change to a user's groups or
    permissions or to a group's permissions advances the version (`analysis.signals`), which every
    process reads, so the next page shows it. The signed-in user is read with a query compiled once."""

    def get_user(self, user_id) -> AbstractBaseUser | None:
        """The user of the session, as `ModelBackend.get_user` gives it: building and compiling its query
        was ~0.4 ms of the ~3 ms of Python every page pays before its view (issue 15's load test)."""
        if not isinstance(user_id, int):
            return super().get_user(user_id)
        rows = selectors.compiled_rows(("session-user",), _user_by_pk, pk=user_id)
        if not rows:
            return None
        user = get_user_model().from_db(connection.alias, _user_fields(), rows[0])
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):  # once a request, as ModelBackend keeps it
            everything = super().get_all_permissions
            key = f"permissions:{user_obj.pk}:{int(user_obj.is_superuser)}"
            user_obj._perm_cache = selectors.cached(key, lambda: everything(user_obj))
        return user_obj._perm_cache


class DashboardLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's `LoginRequiredMiddleware`, letting through what must stay reachable.

    The admin keeps its own staff login, the health check answers anyone, and with
    `DASHBOARD_ANONYMOUS_READ` on, anonymous visitors may read (GET/HEAD) but not write.
    """

    exempt_namespaces = frozenset({"admin"})
    exempt_url_names = frozenset({"healthz", "health"})

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and (
            self.exempt_namespaces.intersection(match.namespaces) or match.url_name in self.exempt_url_names
        ):
            return None
        if getattr(settings, "DASHBOARD_ANONYMOUS_READ", False) and request.method in READ_METHODS:
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request: HttpRequest, view_func) -> HttpResponse:
        response = super().handle_no_permission(request, view_func)
        if getattr(request, "htmx", False):
            # A fragment request would swap the login page into a panel: send the whole tab there.
            return HttpResponseClientRedirect(response["Location"])
        return response
