"""The documents' admin: read their text and metadata, find them by normalized search."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from analysis.admin.base import NormalizedSearchMixin, count_of
from analysis.models import (
    Document,
    Evidence,
)


@admin.register(Document)
class DocumentAdmin(NormalizedSearchMixin, admin.ModelAdmin):
    """Ingested articles. Ingestion writes them; curators read them and may delete one."""

    list_display = ("title_display", "outlet", "published_on", "engagement_count", "ingested_at")
    list_filter = ("outlet", ("published_on", admin.DateFieldListFilter))
    search_fields = ("title", "outlet", "author", "source_path")
    search_text_fields = ("normalized_text",)
    date_hierarchy = "published_on"
    fields = (
        "title",
        "outlet",
        "author",
        "published_on",
        "source_path",
        "sha256",
        "extractor_version",
        "ingested_at",
        "updated_at",
        "text",
    )
    readonly_fields = fields
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        return (
            super()
            .get_queryset(request)
            .defer("raw_text", "text", "normalized_text")
            .annotate(engagement_total=count_of(Evidence, "document", distinct="engagement"))
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Document | None = None) -> bool:
        return False

    @admin.display(description="العنوان", ordering="title")
    def title_display(self, document: Document) -> str:
        return document.title or document.source_path

    @admin.display(description="الأحداث", ordering="engagement_total")
    def engagement_count(self, document: Document) -> str:
        url = reverse("admin:analysis_engagement_changelist")
        return format_html('<a href="{}?document={}">{}</a>', url, document.pk, document.engagement_total)
