"""Actors and their aliases in the admin: edit, merge and split them through `services.curation`."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import F, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from analysis.admin.base import (
    ChangeReasonFormsetMixin,
    CuratedHistoryAdmin,
    NormalizedSearchMixin,
    RelatedHistory,
    TimestampsMixin,
    count_of,
)
from analysis.arabic import name_key
from analysis.models import (
    Actor,
    ActorTitle,
    Alias,
    Mention,
    Participation,
)
from analysis.services import curation


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
    list_display = (
        "name",
        "kind",
        "alias_list",
        "engagement_count",
        "mention_count",
        "confidence_label",
        "is_curated",
    )
    list_filter = ("kind", "is_curated")
    search_fields = ("name", "name_en", "aliases__name")
    search_key_fields = ("name_key", "aliases__key")
    fields = (
        "name",
        "kind",
        "name_en",
        "description",
        "slug",
        "name_key",
        "confidence",
        "is_curated",
        "updated",
    )
    readonly_fields = ("slug", "name_key", "confidence", "is_curated", "updated")
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
                engagement_total=count_of(Participation, "actor"),
                mention_total=count_of(Mention, "actor"),
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

    @admin.display(description="الثقة", ordering=F("confidence").asc(nulls_last=True))
    def confidence_label(self, actor: Actor) -> str:
        """The computed confidence; sorting by it puts the least certain actors first (issue 18)."""
        return "—" if actor.confidence is None else f"{round(actor.confidence * 100)}٪"

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
