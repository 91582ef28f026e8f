from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers and docker-compose: the app answers, and so do the database and, with
    REDIS_URL, the shared cache (while it is down pages are served uncached, slower: 503 tells the
    operator)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    if settings.CACHE_SHARED and not cache.reachable():
        return HttpResponse("shared cache unreachable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
