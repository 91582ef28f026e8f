"""Curation in the admin: Arabic, right-to-left, every change through `analysis.services.curation`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import smart_split, unescape_string_literal
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from analysis.arabic import DateValue, name_key, normalize
from analysis.models import (
    Actor,
    ActorTitle,
    Alias,
    Document,
    Engagement,
    Evidence,
    Mention,
    Participation,
    Precision,
)
from analysis.services import curation
from analysis.web.forms import partial_date_clean

admin.site.site_header = "إدارة رصد العلاقات الأمنية"
admin.site.site_title = "رصد العلاقات الأمنية"
admin.site.index_title = "تنقيح الوقائع المستخرَجة"

SNIPPET_LENGTH = 140


def _count_of(model, field: str, *, distinct: str | None = None) -> Coalesce:
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


# Documents -------------------------------------------------------------------------------


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
            .annotate(engagement_total=_count_of(Evidence, "document", distinct="engagement"))
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


# Actors and aliases ----------------------------------------------------------------------


class AliasInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        seen: dict[str, str] = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            name = form.cleaned_data.get("name")
            if not name:
                continue
            key = name_key(name)
            if not key:
                form.add_error("name", "الاسم فارغ بعد التطبيع.")
            elif key in seen:
                form.add_error("name", f"يطابق «{seen[key]}» بعد التطبيع؛ اكتفِ بأحدهما.")
            else:
                seen[key] = name


class AliasInline(admin.TabularInline):
    model = Alias
    formset = AliasInlineFormSet
    fields = ("name", "key", "source_label")
    readonly_fields = ("key", "source_label")
    extra = 1
    verbose_name = "اسم بديل"
    verbose_name_plural = "الأسماء البديلة (تُطابَق بعد التطبيع عند الإدخال التالي)"

    @admin.display(description="المصدر")
    def source_label(self, alias: Alias) -> str:
        return alias.get_source_display() if alias.pk else "منقَّح عند الحفظ"


class ActorTitleInline(admin.TabularInline):
    model = ActorTitle
    fields = ("title", "document", "seen_on")
    readonly_fields = fields
    extra = 0
    verbose_name_plural = "المناصب كما وردت"

    def has_add_permission(self, request: HttpRequest, obj: Actor | None = None) -> bool:
        return False


@admin.register(Actor)
class ActorAdmin(NormalizedSearchMixin, ChangeReasonFormsetMixin, TimestampsMixin, CuratedHistoryAdmin):
    list_display = ("name", "kind", "alias_list", "engagement_count", "mention_count", "is_curated")
    list_filter = ("kind", "is_curated")
    search_fields = ("name", "name_en", "aliases__name")
    search_key_fields = ("name_key", "aliases__key")
    fields = ("name", "kind", "name_en", "description", "slug", "name_key", "is_curated", "updated")
    readonly_fields = ("slug", "name_key", "is_curated", "updated")
    inlines = (AliasInline, ActorTitleInline)
    related_history = (
        RelatedHistory(
            "الأسماء البديلة", Alias, "actor_id", lambda r, names: f"{r.name} ({r.get_source_display()})"
        ),
        RelatedHistory(
            "المشاركات",
            Participation,
            "actor_id",
            lambda r, names: f"الحدث {r.engagement_id} ({r.get_role_display()})",
        ),
    )
    actions = ("merge_actors",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("aliases", queryset=Alias.objects.order_by("name")))
            .annotate(
                engagement_total=_count_of(Participation, "actor"),
                mention_total=_count_of(Mention, "actor"),
            )
        )

    @admin.display(description="الأسماء البديلة")
    def alias_list(self, actor: Actor) -> str:
        names = [alias.name for alias in actor.aliases.all() if alias.name != actor.name]
        return "، ".join(names[:6]) + ("…" if len(names) > 6 else "")

    @admin.display(description="الأحداث", ordering="engagement_total")
    def engagement_count(self, actor: Actor) -> int:
        return actor.engagement_total

    @admin.display(description="الإشارات", ordering="mention_total")
    def mention_count(self, actor: Actor) -> int:
        return actor.mention_total

    def save_model(self, request: HttpRequest, obj: Actor, form, change: bool) -> None:
        curation.actor_update(actor=obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Alias:
            return super().save_formset(request, form, formset, change)
        reason = f"تعديل من صفحة «{form.instance}»"[: curation.REASON_MAX_LENGTH]
        touched = [
            f.instance.pk for f in formset.initial_forms if f.has_changed() or f in formset.deleted_forms
        ]
        curation.history_baseline_ensure(model=Alias, pks=touched)
        for alias in formset.save(commit=False):
            curation.alias_save(alias=alias, user=request.user)
        for alias in formset.deleted_objects:
            alias._change_reason = reason
            alias.delete()

    @admin.action(description="دمج الفاعلين المحدَّدين في فاعل واحد…", permissions=["change", "delete"])
    def merge_actors(self, request: HttpRequest, queryset: QuerySet[Actor]) -> HttpResponse | None:
        actors = list(queryset.order_by("-engagement_total", "name"))
        if len(actors) < 2:
            self.message_user(request, "اختر فاعلَين أو أكثر لدمجهم.", messages.WARNING)
            return None
        error = ""
        if request.POST.get("post") == "yes":
            keep = next((a for a in actors if str(a.pk) == request.POST.get("keep")), None)
            if keep is None:
                error = "اختر الفاعل الذي يبقى."
            else:
                try:
                    curation.actors_merge(keep=keep, drops=actors, user=request.user)
                except curation.CurationError as refused:
                    error = str(refused)
                else:
                    self.message_user(
                        request,
                        f"دُمج {len(actors) - 1} في «{keep.name}»؛ أصبحت أسماؤهم أسماءً بديلة له.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:analysis_actor_change", args=[keep.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "دمج الفاعلين",
            "subtitle": None,
            "opts": self.model._meta,
            "actors": actors,
            "suggested": actors[0],
            "error": error,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_actors",
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/analysis/actor/merge.html", context)


@admin.register(Alias)
class AliasAdmin(NormalizedSearchMixin, CuratedHistoryAdmin):
    list_display = ("name", "actor", "actor_kind", "key", "source")
    list_filter = ("source", ("actor__kind", admin.ChoicesFieldListFilter))
    list_select_related = ("actor",)
    search_fields = ("name", "actor__name")
    search_key_fields = ("key", "actor__name_key")
    fields = ("actor", "name", "key", "source")
    readonly_fields = ("key", "source")
    autocomplete_fields = ("actor",)
    actions = ("split_aliases",)

    @admin.display(description="نوع الفاعل", ordering="actor__kind")
    def actor_kind(self, alias: Alias) -> str:
        return alias.actor.get_kind_display()

    def save_model(self, request: HttpRequest, obj: Alias, form, change: bool) -> None:
        curation.alias_save(alias=obj, user=request.user)

    @admin.action(description="فصل الأسماء المحدَّدة إلى فاعلين جدد", permissions=["add", "change"])
    def split_aliases(self, request: HttpRequest, queryset: QuerySet[Alias]) -> None:
        for alias in queryset.select_related("actor"):
            try:
                actor = curation.alias_split(alias=alias, user=request.user)
            except curation.CurationError as error:
                self.message_user(request, f"«{alias.name}»: {error}", messages.ERROR)
                continue
            url = reverse("admin:analysis_actor_change", args=[actor.pk])
            self.message_user(
                request,
                format_html('فُصل «{}» إلى فاعل جديد: <a href="{}">{}</a>', alias.name, url, actor.name),
            )


# Engagements -----------------------------------------------------------------------------


def engagement_date_value(engagement: Engagement) -> DateValue | None:
    """The engagement's dates as one prefix date, when they are exactly that (not a range)."""
    value = curation.engagement_when(engagement)
    if value.start != engagement.date_start or value.end != engagement.date_end:
        return None
    return value


@admin.display(description="التاريخ", ordering="date_start")
def engagement_date_label(engagement: Engagement) -> str:
    value = engagement_date_value(engagement)
    if value is not None:
        return value.iso or "غير معروف"
    return f"{engagement.date_start:%Y-%m-%d} – {engagement.date_end:%Y-%m-%d}"


class EngagementForm(forms.ModelForm):
    date_value = forms.CharField(
        label="التاريخ",
        required=False,
        help_text="سنة (2024) أو شهر (2024-02) أو يوم (2024-02-01)؛ فارغ: غير معروف. "
        "لمدى من الأيام اترك هذا الحقل كما هو وعدِّل الحقول الثلاثة التالية.",
    )

    class Meta:
        model = Engagement
        fields = (
            "type",
            "status",
            "review",
            "location",
            "date_value",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
        )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        value = engagement_date_value(self.instance)
        self.initial["date_value"] = (value.iso or "") if value is not None else ""
        self.fields["date_value"].widget.attrs.update({"dir": "ltr", "placeholder": "2024-02-01"})

    def clean_date_value(self) -> DateValue | None:
        if "date_value" not in self.changed_data:
            return None
        text = self.cleaned_data["date_value"]
        return partial_date_clean(text) if text.strip() else DateValue()

    def clean(self) -> dict:
        data = super().clean()
        value = data.get("date_value")
        if value is not None:
            data["date_start"], data["date_end"] = value.start, value.end
            data["date_precision"] = value.precision.value
            return data
        start, end, precision = data.get("date_start"), data.get("date_end"), data.get("date_precision")
        if precision == Precision.UNKNOWN:
            if start or end:
                self.add_error("date_precision", "للتاريخ المعروف دقة: يوم أو شهر أو سنة.")
            return data
        if precision and start is None:
            self.add_error("date_start", "التاريخ بهذه الدقة يحتاج إلى بدايته.")
            return data
        if start and end is None:
            natural = DateValue.of(start)
            natural = {
                Precision.MONTH: DateValue(natural.year, natural.month),
                Precision.YEAR: DateValue(natural.year),
            }.get(precision, natural)
            data["date_end"] = end = natural.end
        if start and end and end < start:
            self.add_error("date_end", "نهاية المدى قبل بدايته.")
        return data


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ("actor", "role")
    autocomplete_fields = ("actor",)
    extra = 0
    verbose_name_plural = "المشاركون"


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = Evidence
        fields = ("document", "start", "end", "date_text")

    def clean(self) -> dict:
        data = super().clean()
        document, start, end = data.get("document"), data.get("start"), data.get("end")
        if document is not None and start is not None and end is not None:
            if not start < end <= len(document.text):
                self.add_error("end", f"المدى خارج نص الوثيقة (طوله {len(document.text)}).")
            else:
                self.instance.sentence = document.text[start:end]
        return data


class EvidenceInline(admin.StackedInline):
    model = Evidence
    form = EvidenceForm
    fields = (("document", "start", "end"), "sentence", "date_text")
    readonly_fields = ("sentence",)
    autocomplete_fields = ("document",)
    extra = 0
    verbose_name_plural = "الأدلة من المصادر"


class EngagementIdFilterMixin:
    """Filters whose lookups come from other tables filter by id, so rows never repeat."""

    def engagements_where(self, queryset: QuerySet[Engagement], **lookup) -> QuerySet[Engagement]:
        ids = Engagement.objects.filter(**lookup).values("pk")
        return queryset.filter(pk__in=ids)


class OutletFilter(EngagementIdFilterMixin, admin.SimpleListFilter):
    title = "الوسيلة"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        outlets = Document.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True)
        return [(outlet, outlet) for outlet in outlets.distinct()]

    def queryset(self, request, queryset):
        if self.value():
            return self.engagements_where(queryset, evidence__document__outlet=self.value())
        return queryset


class DocumentFilter(EngagementIdFilterMixin, admin.SimpleListFilter):
    title = "الوثيقة"
    parameter_name = "document"

    shown = 20

    def lookups(self, request, model_admin):
        """The latest documents, and the chosen one (reached from a document's engagement count)."""
        latest = (
            Document.objects.filter(evidence__isnull=False)
            .order_by("-ingested_at")
            .values("pk")[: self.shown]
        )
        chosen = self.value() if (self.value() or "").isdigit() else None
        documents = Document.objects.filter(Q(pk__in=latest) | Q(pk=chosen)).only(
            "id", "title", "source_path"
        )
        return [(str(document.pk), str(document)[:60]) for document in documents.order_by("-ingested_at")]

    def queryset(self, request, queryset):
        if self.value():
            return self.engagements_where(queryset, evidence__document_id=self.value())
        return queryset


class ActorKindFilter(EngagementIdFilterMixin, admin.SimpleListFilter):
    title = "نوع الفاعل"
    parameter_name = "actor_kind"

    def lookups(self, request, model_admin):
        return Actor.Kind.choices

    def queryset(self, request, queryset):
        if self.value():
            return self.engagements_where(queryset, participations__actor__kind=self.value())
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = "السنة"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Engagement.objects.exclude(date_start=None)
            .annotate(year=ExtractYear("date_start"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(date_start__year=int(self.value()))
        return queryset


@admin.register(Engagement)
class EngagementAdmin(NormalizedSearchMixin, ChangeReasonFormsetMixin, TimestampsMixin, CuratedHistoryAdmin):
    form = EngagementForm
    list_display = (
        engagement_date_label,
        "type",
        "participant_list",
        "location",
        "source_count",
        "review",
        "is_edited",
        "evidence_snippet",
    )
    list_display_links = (engagement_date_label, "type")
    list_filter = (
        "review",
        "status",
        "type",
        "date_precision",
        YearFilter,
        OutletFilter,
        DocumentFilter,
        ActorKindFilter,
        "is_edited",
    )
    date_hierarchy = "date_start"
    search_fields = ("location", "date_text", "participations__actor__name", "evidence__sentence")
    search_key_fields = ("participations__actor__name_key", "participations__actor__aliases__key")
    search_text_fields = ("location",)
    fieldsets = (
        (None, {"fields": ("type", "status", "review", "location")}),
        ("التاريخ", {"fields": ("date_value", ("date_start", "date_end", "date_precision"), "date_text")}),
        ("الأصل", {"fields": ("is_edited", "confidence", "fingerprint", "created", "updated")}),
    )
    readonly_fields = ("is_edited", "confidence", "fingerprint", "created", "updated")
    inlines = (ParticipationInline, EvidenceInline)
    related_history = (
        RelatedHistory(
            "المشاركون",
            Participation,
            "engagement_id",
            lambda r, names: f"{names.get(r.actor_id, f'#{r.actor_id}')} ({r.get_role_display()})",
        ),
        RelatedHistory(
            "الأدلة", Evidence, "engagement_id", lambda r, names: f"وثيقة {r.document_id}: {r.sentence[:80]}"
        ),
    )
    actions = ("verify_selected", "reject_selected")
    list_per_page = 50

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        """An engagement a curator enters by hand is one they vouch for."""
        return {"review": Engagement.Review.VERIFIED, **super().get_changeform_initial_data(request)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Engagement]:
        return (
            super()
            .get_queryset(request)
            .annotate(source_total=_count_of(Evidence, "engagement", distinct="document"))
            .prefetch_related(
                Prefetch(
                    "participations", queryset=Participation.objects.select_related("actor").order_by("id")
                ),
                Prefetch(
                    "evidence",
                    queryset=Evidence.objects.order_by("document_id", "start").only(
                        "id", "engagement_id", "document_id", "start", "sentence"
                    ),
                ),
            )
        )

    @admin.display(description="المشاركون")
    def participant_list(self, engagement: Engagement) -> str:
        return format_html_join(
            "، ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:analysis_actor_change", args=[p.actor_id]), p.actor.name)
                for p in engagement.participations.all()
            ),
        )

    @admin.display(description="المصادر", ordering="source_total")
    def source_count(self, engagement: Engagement) -> int:
        return engagement.source_total

    @admin.display(description="الدليل")
    def evidence_snippet(self, engagement: Engagement) -> str:
        evidence = next(iter(engagement.evidence.all()), None)
        if evidence is None:
            return "—"
        sentence = evidence.sentence
        return sentence if len(sentence) <= SNIPPET_LENGTH else sentence[: SNIPPET_LENGTH - 1] + "…"

    def save_model(self, request: HttpRequest, obj: Engagement, form, change: bool) -> None:
        if change and not form.has_changed():
            return
        labels = "، ".join(str(form.fields[name].label) for name in form.changed_data)
        curation.engagement_update(
            engagement=obj,
            user=request.user,
            changed_fields=form.changed_data,
            reason=f"تعديل: {labels}" if change else "",
        )

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if change and any(formset.has_changed() for formset in formsets):
            curation.engagement_mark_edited(engagement=form.instance, user=request.user)

    @admin.action(description="توثيق الأحداث المحدَّدة", permissions=["change"])
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Engagement]) -> None:
        count = curation.engagements_verify(engagements=queryset, user=request.user)
        self.message_user(request, f"وُثِّق {count} من الأحداث.", messages.SUCCESS)

    @admin.action(description="رفض الأحداث المحدَّدة", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Engagement]) -> None:
        count = curation.engagements_reject(engagements=queryset, user=request.user)
        self.message_user(request, f"رُفض {count} من الأحداث.", messages.SUCCESS)
