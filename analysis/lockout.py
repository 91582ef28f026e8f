"""Login throttling with django-axes: after 5 failed logins for a username or from an address, that
username or address is refused for 15 minutes (settings `AXES_*`). The attempts and lockouts are
listed in the admin for superusers ("Axes"), where a lockout can also be lifted.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"أُوقف الدخول مؤقتًا بعد {settings.AXES_FAILURE_LIMIT} محاولات فاشلة لهذا الحساب أو من هذا العنوان. "
        f"حاول مرة أخرى بعد {minutes} دقيقة، أو اطلب من مسؤول اللوحة رفع الإيقاف."
    )


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before any password is tried. A call without a request (the shell, a test's
    `client.login`) is not a login over the web: it is passed on to the next backend unthrottled."""

    def authenticate(self, request: HttpRequest | None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """The login page it came from (the dashboard's or the admin's) with the lockout as its error, 429."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    username = request.POST.get("username", "")
    if request.path == reverse("admin:login"):
        form = _form_with_error(AdminAuthenticationForm(request, initial={"username": username}))
        context = {**admin.site.each_context(request), "form": form, "title": "تسجيل الدخول"}
        return render(request, "admin/login.html", context, status=status)
    form = _form_with_error(AuthenticationForm(request, initial={"username": username}))
    context = {"form": form, "next": request.POST.get("next", request.GET.get("next", ""))}
    return render(request, "registration/login.html", context, status=status)


def _form_with_error(form: AuthenticationForm) -> AuthenticationForm:
    """An empty login form (the password is never sent back) carrying the lockout message."""
    form.cleaned_data, form._errors = {}, ErrorDict()
    form.add_error(None, lockout_message())
    return form


def client_address(request: HttpRequest) -> str | None:
    """The address failures are counted for: the peer, or behind a trusted proxy (DJANGO_BEHIND_PROXY)
    the address that proxy appended last to X-Forwarded-For (the ones before it can be forged)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
