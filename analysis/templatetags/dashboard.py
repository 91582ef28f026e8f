"""Template helpers for the dashboard: Arabic dates at their precision and view-state links."""

from __future__ import annotations

import json
from datetime import date

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html

from analysis.extraction import months
from analysis.forms import STATE_PARAMS
from analysis.models import Precision

register = template.Library()

# Levantine/Iraqi month names (the readership's); the Egyptian/Gulf names go in a tooltip.
LEVANTINE_MONTHS = months.LEVANTINE
EGYPTIAN_MONTHS = months.EGYPTIAN
UNKNOWN_DATE = "تاريخ غير معروف"


def format_partial_date(day: date | None, precision: str, months: tuple[str, ...] = LEVANTINE_MONTHS) -> str:
    """`1 شباط 2024`, `أيار 2022`, `2016` or `تاريخ غير معروف`."""
    if day is None or precision == Precision.UNKNOWN:
        return UNKNOWN_DATE
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return f"{months[day.month - 1]} {day.year}"
    return f"{day.day} {months[day.month - 1]} {day.year}"


def iso_partial_date(day: date | None, precision: str) -> str:
    if day is None or precision == Precision.UNKNOWN:
        return ""
    return {Precision.YEAR: f"{day:%Y}", Precision.MONTH: f"{day:%Y-%m}"}.get(precision, day.isoformat())


@register.simple_tag
def partial_date(day: date | None, precision: str = Precision.DAY) -> str:
    """A <time> element: Levantine month names, the Egyptian ones in its title."""
    text = format_partial_date(day, precision)
    if text == UNKNOWN_DATE:
        return format_html('<span class="date unknown">{}</span>', text)
    return format_html(
        '<time class="date" datetime="{}" title="{}">{}</time>',
        iso_partial_date(day, precision),
        format_partial_date(day, precision, EGYPTIAN_MONTHS),
        text,
    )


@register.simple_tag
def date_text(day: date | None, precision: str = Precision.DAY) -> str:
    return format_partial_date(day, precision)


@register.filter
def month_name(month: int) -> str:
    return LEVANTINE_MONTHS[int(month) - 1]


@register.simple_tag(takes_context=True)
def state_query(context, **changes) -> str:
    """The current view's query string (filters and open panes) with `changes` applied; '' drops a key."""
    request = context["request"]
    state = context.get("state")
    query = state.copy() if isinstance(state, QueryDict) else QueryDict(mutable=True)
    if state is None:
        for key in STATE_PARAMS:
            values = [value for value in request.GET.getlist(key) if value]
            if values:
                query.setlist(key, values)
    for key, value in changes.items():
        if value in ("", None):
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def hx_vals(**values) -> str:
    return json.dumps({key: str(value) for key, value in values.items()}, ensure_ascii=False)


def _workspace_url(context, **changes) -> str:
    return reverse("timeline") + state_query(context, **changes)


@register.simple_tag(takes_context=True)
def actor_link(context, actor) -> str:
    """A link to the actor: in the workspace it opens the profile pane (and pushes its URL)."""
    if not context.get("workspace"):
        return format_html('<a class="actor-link" href="{}">{}</a>', actor.get_absolute_url(), actor.name)
    return format_html(
        '<a class="actor-link" href="{}" hx-get="{}" hx-include="#filters" hx-vals="{}" '
        'hx-target="#profile-pane" hx-push-url="true">{}</a>',
        _workspace_url(context, profile=actor.slug),
        reverse("timeline"),
        hx_vals(profile=actor.slug),
        actor.name,
    )


@register.simple_tag(takes_context=True)
def engagement_href(context, engagement) -> str:
    """`href` (and in the workspace the hx-* attributes that open the detail pane) for an <a>."""
    if not context.get("workspace"):
        return format_html('href="{}"', engagement.get_absolute_url())
    return format_html(
        'href="{}" hx-get="{}" hx-include="#filters" hx-vals="{}" hx-target="#engagement-pane" '
        'hx-push-url="true" data-engagement="{}"',
        _workspace_url(context, engagement=engagement.pk),
        reverse("timeline"),
        hx_vals(engagement=engagement.pk),
        engagement.pk,
    )


def arabic_count(number: int, one: str, two: str, few: str, many: str) -> str:
    """`حدث واحد`, `حدثان`, `3 أحداث`, `11 حدثًا` (few is 3–10, many is 11 and up)."""
    if number == 1:
        return one
    if number == 2:
        return two
    if 3 <= number % 100 <= 10:
        return f"{number} {few}"
    if number == 0:
        return f"لا {few}"
    return f"{number} {many}"


@register.filter
def sources_count(number: int) -> str:
    return arabic_count(number or 0, "مصدر واحد", "مصدران", "مصادر", "مصدرًا")


@register.filter
def engagements_count(number: int) -> str:
    return arabic_count(number or 0, "حدث واحد", "حدثان", "أحداث", "حدثًا")


@register.filter
def mentions_count(number: int) -> str:
    return arabic_count(number or 0, "إشارة واحدة", "إشارتان", "إشارات", "إشارة")


@register.filter
def documents_count(number: int) -> str:
    return arabic_count(number or 0, "وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة")


@register.filter
def counterparts_of(engagement, actor) -> list[str]:
    """Names of the engagement's other participants (uses the prefetched participations)."""
    return [p.actor.name for p in engagement.participations.all() if p.actor_id != actor.pk]
