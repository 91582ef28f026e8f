"""Read queries. Views and charts call these; they never write."""

from __future__ import annotations

from django.db.models import QuerySet

from analysis.models import Document


def document_list() -> QuerySet[Document]:
    return Document.objects.only("id", "title", "source_path", "published_on")
