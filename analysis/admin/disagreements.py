"""The queue of sources that disagree: a curator reads the readings side by side and picks the right one
(`services.disagreement`), or records that there is no conflict. The queue opens on the open flags."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from analysis import selectors
from analysis.admin.engagements import engagement_date_label
from analysis.models import Disagreement, Engagement, Evidence
from analysis.services.disagreement import disagreement_dismiss, disagreement_resolve
from analysis.services.history import CurationError


def _engagement_summary(engagement: Engagement | None) -> str:
    if engagement is None:
        return "—"
    return format_html(
        '<a href="{}">#{}</a> {} {}',
        reverse("admin:analysis_engagement_change", args=[engagement.pk]),
        engagement.pk,
        engagement.get_type_display(),
        engagement_date_label(engagement),
    )


class StateFilter(admin.SimpleListFilter):
    """The queue opens on the flags waiting for a decision; the decided ones are a click away."""

    title = "الحالة"
    parameter_name = "state"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Disagreement.State.choices, (self.ALL, "الكل")]

    def choices(self, changelist):
        chosen = self.value() or Disagreement.State.OPEN
        for value, label in self.lookup_choices:
            yield {
                "selected": chosen == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        chosen = self.value() or Disagreement.State.OPEN
        return queryset if chosen == self.ALL else queryset.filter(state=chosen)


@admin.register(Disagreement)
class DisagreementAdmin(admin.ModelAdmin):
    list_display = ("kind", "engagements_shown", "readings_shown", "state", "created_at", "resolution")
    list_display_links = ("kind",)
    list_filter = (StateFilter, "kind")
    list_select_related = ("engagement", "other")
    list_per_page = 50
    ordering = ("-created_at", "-id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # flags come from ingestion

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # a decision is resolved or dismissed, never erased

    def get_queryset(self, request: HttpRequest) -> QuerySet[Disagreement]:
        places = Prefetch(
            "engagement__evidence", queryset=Evidence.objects.only("id", "engagement_id", "location")
        )
        return super().get_queryset(request).prefetch_related(places)

    @admin.display(description="الأحداث")
    def engagements_shown(self, disagreement: Disagreement) -> str:
        sides = [disagreement.engagement] + ([disagreement.other] if disagreement.other_id else [])
        return format_html_join(mark_safe("<br>"), "{}", ((_engagement_summary(e),) for e in sides))

    @admin.display(description="ما تقوله المصادر")
    def readings_shown(self, disagreement: Disagreement) -> str:
        if disagreement.kind == Disagreement.Kind.PLACE:
            places = sorted({row.location for row in disagreement.engagement.evidence.all() if row.location})
            return " ↔ ".join(places) or "—"
        sides = [e for e in (disagreement.engagement, disagreement.other) if e is not None]
        return " ↔ ".join(e.date_text or engagement_date_label(e) for e in sides)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        """The readings side by side and the decision (not a model form: the services make the change)."""
        disagreement = self.get_object(request, object_id)
        if disagreement is None:
            raise Http404("لا يوجد اختلاف بهذا الرقم.")
        if not self.has_view_or_change_permission(request, disagreement):
            raise PermissionDenied
        can_decide = self.has_change_permission(request, disagreement)
        error = ""
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            try:
                if request.POST.get("decision") == "dismiss":
                    disagreement_dismiss(disagreement=disagreement, user=request.user)
                    self.message_user(request, "سُجِّل أن لا تعارض هنا؛ خرج الحدث من القائمة.", messages.SUCCESS)
                else:
                    kept = disagreement_resolve(
                        disagreement=disagreement, reading=request.POST.get("reading", ""), user=request.user
                    )
                    self.message_user(
                        request, f"حُسم الاختلاف؛ الحدث #{kept.pk} يحمل الرواية المختارة.", messages.SUCCESS
                    )
                return HttpResponseRedirect(reverse("admin:analysis_disagreement_changelist"))
            except CurationError as failure:
                error = str(failure)
        (item,) = selectors.disagreement_readings(disagreements=[disagreement]) or [None]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"اختلاف المصادر في {disagreement.get_kind_display()}",
            "disagreement": disagreement,
            "item": item,
            "can_decide": can_decide and disagreement.state == Disagreement.State.OPEN,
            "error": error,
        }
        return TemplateResponse(request, "admin/analysis/disagreement/resolve.html", context)
