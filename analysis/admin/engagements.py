"""Engagements in the admin: their date as one partial date, participants and evidence inline, filters by
outlet, document, actor kind and year; every change through `services.curation`."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html_join

from analysis.admin.base import (
    SNIPPET_LENGTH,
    ChangeReasonFormsetMixin,
    CuratedHistoryAdmin,
    NormalizedSearchMixin,
    RelatedHistory,
    TimestampsMixin,
    count_of,
)
from analysis.arabic import DateValue
from analysis.models import (
    Actor,
    Document,
    Engagement,
    Evidence,
    Participation,
    Precision,
)
from analysis.services import curation
from analysis.web.forms import partial_date_clean


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


@admin.display(description="الثقة", ordering=F("confidence").asc(nulls_last=True))
def engagement_confidence_label(engagement: Engagement) -> str:
    """The computed confidence; sorting by it puts the least certain first (issue 18)."""
    return "—" if engagement.confidence is None else f"{round(engagement.confidence * 100)}٪"


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
        engagement_confidence_label,
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
            .annotate(source_total=count_of(Evidence, "engagement", distinct="document"))
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
