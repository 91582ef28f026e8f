from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from analysis import selectors


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    return render(request, "analysis/timeline.html", {"documents": selectors.document_list()})
