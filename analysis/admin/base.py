"""What every curated model's admin shares: normalized search, timestamps, change reasons, and a history
that shows who changed what (with the related rows' history on the same page)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import smart_split, unescape_string_literal
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from analysis.arabic import name_key, normalize
from analysis.models import (
    Actor,
)
from analysis.services import curation

SNIPPET_LENGTH = 140


def count_of(model, field: str, *, distinct: str | None = None) -> Coalesce:
    """A correlated count that does not multiply the changelist's rows (unlike a join + Count)."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count(distinct or "pk", distinct=bool(distinct)))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class TimestampsMixin:
    """The bookkeeping timestamps, labelled in Arabic (the model fields have no verbose names)."""

    @admin.display(description="أُنشئ في")
    def created(self, obj) -> str:
        return date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT")

    @admin.display(description="عُدِّل في")
    def updated(self, obj) -> str:
        return date_format(timezone.localtime(obj.updated_at), "DATETIME_FORMAT")


class NormalizedSearchMixin:
    """Search that folds Arabic spelling: `ألبروس` finds `إلبروس`.

    Each word must match one of `search_fields` as written, one of `search_key_fields` through
    the extraction package's `name_key`, or one of `search_text_fields` through its `normalize`.
    """

    search_key_fields: tuple[str, ...] = ()
    search_text_fields: tuple[str, ...] = ()
    search_help_text = "يطابق البحث الكلمة مهما اختلف رسم الهمزات والتاء المربوطة والألف المقصورة والتشكيل."

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        condition = Q()
        for word in smart_split(search_term):
            if word[:1] in {'"', "'"} and word[-1:] == word[:1]:
                word = unescape_string_literal(word)
            if not word.strip():
                continue
            either = Q()
            for field in self.search_fields:
                either |= Q(**{f"{field}__icontains": word})
            key = name_key(word)
            for field in self.search_key_fields if key else ():
                either |= Q(**{f"{field}__icontains": key})
            text = normalize(word)
            for field in self.search_text_fields if text else ():
                either |= Q(**{f"{field}__icontains": text})
            condition &= either
        if not condition:
            return queryset, False
        matching = self.model._default_manager.filter(condition).values("pk")
        return queryset.filter(pk__in=matching), False


class ChangeReasonFormsetMixin:
    """Inline rows saved from the admin carry a change reason into the audit history."""

    def save_formset(self, request, form, formset, change):
        reason = f"تعديل من صفحة «{form.instance}»"[: curation.REASON_MAX_LENGTH]
        if hasattr(formset.model, "history"):
            touched = [
                f.instance.pk for f in formset.initial_forms if f.has_changed() or f in formset.deleted_forms
            ]
            curation.history_baseline_ensure(model=formset.model, pks=touched)
        for inline_form in formset.forms:
            inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)


class CuratorHistoryContextHelper(HistoricalRecordContextHelper):
    """Before/after values as a curator reads them: choice labels, نعم/لا, no bookkeeping fields."""

    hidden_fields = frozenset({"updated_at", "created_at"})

    def __init__(self, model, historical_record, *, actor_names: dict[int, str] | None = None, **kwargs):
        super().__init__(model, historical_record, **kwargs)
        self.actor_names = actor_names or {}

    def context_for_delta_changes(self, delta):
        shown = [change for change in delta.changes if change.field not in self.hidden_fields]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=shown))

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return "نعم" if value else "لا"
        if field.is_relation and field.related_model is Actor and isinstance(value, int):
            return self.actor_names.get(value, f"#{value}")
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        return super().prepare_delta_change_value(change, value)


@dataclasses.dataclass(frozen=True)
class RelatedHistory:
    """Rows of another model whose changes belong on this object's history page."""

    title: str
    model: type
    link: str  # the foreign key to the object, e.g. "engagement_id"
    describe: Callable[[object, dict[int, str]], str]  # (historical record, actor names) -> text


RELATED_HISTORY_LIMIT = 200


class CuratedHistoryAdmin(SimpleHistoryAdmin):
    """History pages in Arabic: each change's author, time, reason and before → after, for the
    object and for the rows shown inline with it (participants, evidence, aliases)."""

    object_history_template = "admin/analysis/object_history.html"
    object_history_list_template = "admin/analysis/object_history_list.html"
    related_history: tuple[RelatedHistory, ...] = ()

    def get_historical_record_context_helper(self, request, historical_record):
        return CuratorHistoryContextHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        sections = [self.related_history_section(section, object_id) for section in self.related_history]
        return super().history_view(
            request, object_id, {"related_history": sections, **(extra_context or {})}
        )

    def related_history_section(self, section: RelatedHistory, object_id: str) -> dict:
        ever_linked = section.model.history.filter(**{section.link: object_id}).values("id")
        records = list(
            section.model.history.filter(id__in=ever_linked)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:RELATED_HISTORY_LIMIT]
        )
        actor_ids = {getattr(r, "actor_id", None) for r in records} - {None}
        names = dict(
            Actor.history.filter(id__in=actor_ids).order_by("history_date").values_list("id", "name")
        )  # the last name each actor had, merged-away ones included
        names.update(Actor.objects.filter(pk__in=actor_ids).values_list("pk", "name"))
        newest_first: dict[int, list] = {}
        for record in records:
            newest_first.setdefault(record.id, []).append(record)
        for versions in newest_first.values():
            for newer, older in zip(versions, versions[1:], strict=False):
                delta = newer.diff_against(older, foreign_keys_are_objs=False)
                helper = CuratorHistoryContextHelper(section.model, newer, actor_names=names)
                newer.history_delta_changes = helper.context_for_delta_changes(delta)
        for record in records:
            record.description = section.describe(record, names)
        return {"title": section.title, "records": records}
