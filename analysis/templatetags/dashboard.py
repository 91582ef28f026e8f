"""Template helpers for the dashboard: Arabic dates at their precision and view-state links."""

from __future__ import annotations

import html
import json
from datetime import date
from urllib.parse import quote_plus

from django import template
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from analysis.arabic import months
from analysis.charts import figure_json
from analysis.forms import STATE_PARAMS
from analysis.models import Engagement, Precision

register = template.Library()

# Levantine/Iraqi month names (the readership's); the Egyptian/Gulf names go in a tooltip.
LEVANTINE_MONTHS = months.LEVANTINE
EGYPTIAN_MONTHS = months.EGYPTIAN
UNKNOWN_DATE = "تاريخ غير معروف"


def _e(value: object) -> str:
    """`value` escaped for HTML text or a quoted attribute (what `django.utils.html.escape` does)."""
    return html.escape(str(value))


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
    if precision == Precision.YEAR:
        return f"{day:%Y}"
    return f"{day:%Y-%m}" if precision == Precision.MONTH else day.isoformat()


@register.simple_tag
def partial_date(day: date | None, precision: str = Precision.DAY) -> SafeString:
    """A <time> element: Levantine month names, the Egyptian ones in its title."""
    # Digits and the month tables' names only: nothing to escape.
    text = format_partial_date(day, precision)
    if text == UNKNOWN_DATE:
        return SafeString(f'<span class="date unknown">{text}</span>')
    return SafeString(
        f'<time class="date" datetime="{iso_partial_date(day, precision)}" '
        f'title="{format_partial_date(day, precision, EGYPTIAN_MONTHS)}">{text}</time>'
    )


@register.simple_tag
def document_hits(documents) -> SafeString:
    """The search page's document hits, one <li> each, written in Python: through the template's
    nodes (a date tag, a filter and a URL per hit) 30 hits cost ~6 ms a search."""
    items = []
    for document in documents:
        title = document.title or document.source_path
        if len(title) > 120:  # `truncatechars:120` (which counts letters without their diacritics)
            title = Truncator(title).chars(120)
        day = f" · {partial_date(document.published_on, Precision.DAY)}" if document.published_on else ""
        items.append(
            f'<li>\n          <a href="{_e(document.get_absolute_url())}">{_e(title)}</a>\n'
            f'          <span class="muted"><bdi>{_e(document.outlet)}</bdi>{day}</span>\n'
            f'          <p class="headline">{document.headline_html}</p>\n        </li>'
        )
    return SafeString("".join(items))


@register.simple_tag
def date_text(day: date | None, precision: str = Precision.DAY) -> str:
    return format_partial_date(day, precision)


@register.filter
def figure_script(figure: dict, element_id: str) -> SafeString:
    """A chart's figure in a `<script type="application/json">`, as `json_script` writes it."""
    return SafeString(f'<script id="{_e(element_id)}" type="application/json">{figure_json(figure)}</script>')


@register.filter
def month_name(month: int) -> str:
    return LEVANTINE_MONTHS[int(month) - 1]


def state_of(request: HttpRequest) -> QueryDict:
    """The view's state in the request's query string: its filters and open panes (not its page)."""
    query = QueryDict(mutable=True)
    for key in STATE_PARAMS:
        values = [value for value in request.GET.getlist(key) if value]
        if values:
            query.setlist(key, values)
    return query


def _state(context) -> QueryDict:
    """The context's `state`, else the request's."""
    state = context.get("state")
    if state is None:
        return state_of(context["request"])
    return state.copy() if isinstance(state, QueryDict) else QueryDict(mutable=True)


@register.simple_tag(takes_context=True)
def state_query(context, **changes) -> str:
    """The current view's query string (filters and open panes) with `changes` applied; '' drops a key."""
    query = _state(context)
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


class Links:
    """Where actor and engagement links go. In the workspace they open a pane and keep the view's state:
    the state is encoded (and escaped) once per key, and each link only fills in its value (a page prints
    ~130 links)."""

    def __init__(self, state: QueryDict, *, workspace: bool):
        self.state = state
        self.workspace = workspace
        self.timeline = reverse("timeline")
        self._timeline = _e(self.timeline)
        self._around: dict[str, tuple[str, str]] = {}
        self._escaped: dict[str, tuple[str, ...]] = {}
        self._actors: dict[tuple[str, str], SafeString] = {}

    @classmethod
    def of(cls, context) -> Links:
        """The context's `links`, or links for the context's state."""
        links = context.get("links")
        if isinstance(links, Links):
            return links
        return cls(
            _state(context) if context.get("workspace") else QueryDict(),
            workspace=bool(context.get("workspace")),
        )

    def workspace_url(self, key: str, value: object) -> str:
        """`{% url 'timeline' %}{% state_query key=value %}` for a non-empty value."""
        before, after = self._url_around(key)
        return f"{before}{quote_plus(str(value))}{after}"

    def _href(self, key: str, value: object) -> str:
        """`workspace_url` escaped for an attribute (the quoted value needs no escaping)."""
        if key not in self._escaped:
            self._escaped[key] = tuple(_e(part) for part in self._url_around(key))
        before, after = self._escaped[key]
        return f"{before}{quote_plus(str(value))}{after}"

    def _url_around(self, key: str) -> tuple[str, str]:
        """The workspace URL before and after the value of `key`."""
        if key not in self._around:
            query = self.state.copy()
            query[key] = ""  # where `state_query` puts the key: in its place, or last
            parts = list(query.lists())
            index = next(i for i, (name, _) in enumerate(parts) if name == key)
            before, after = (self._encoded(part) for part in (parts[:index], parts[index + 1 :]))
            self._around[key] = (
                f"{self.timeline}?{before}{'&' if before else ''}{quote_plus(key)}=",
                f"&{after}" if after else "",
            )
        return self._around[key]

    @staticmethod
    def _encoded(parts: list[tuple[str, list[str]]]) -> str:
        query = QueryDict(mutable=True)
        for name, values in parts:
            query.setlist(name, values)
        return query.urlencode()

    def actor(self, name: str, slug: str) -> SafeString:
        """A link to the actor: in the workspace it opens the profile pane (and pushes its URL)."""
        link = self._actors.get((name, slug))
        if link is None:
            if self.workspace:
                link = (
                    f'<a class="actor-link" href="{self._href("profile", slug)}" hx-get="{self._timeline}" '
                    f'hx-include="#filters" hx-vals="{_e(hx_vals(profile=slug))}" hx-target="#profile-pane" '
                    f'hx-push-url="true">{_e(name)}</a>'
                )
            else:
                link = (
                    f'<a class="actor-link" href="{_e(reverse("actor_detail", args=[slug]))}">{_e(name)}</a>'
                )
            self._actors[(name, slug)] = link = SafeString(link)
        return link

    def engagement(self, pk: int) -> SafeString:
        """`href` (and in the workspace the hx-* attributes that open the detail pane) for an <a>."""
        pk = int(pk)  # digits: nothing to escape or quote
        if not self.workspace:
            return SafeString(f'href="{reverse("engagement_detail", args=[pk])}"')
        return SafeString(
            f'href="{self._href("engagement", pk)}" hx-get="{self._timeline}" hx-include="#filters" '
            f'hx-vals="{{&quot;engagement&quot;: &quot;{pk}&quot;}}" hx-target="#engagement-pane" '
            f'hx-push-url="true" data-engagement="{pk}"'
        )


TYPE_LABELS = {kind: _e(label) for kind, label in Engagement.Type.choices}
PLANNED_BADGE = '<span class="badge planned">مخطَّط</span>'
BADGES = {
    Engagement.Review.VERIFIED: '<span class="badge verified">موثَّق</span>',
    Engagement.Review.REJECTED: '<span class="badge rejected">مرفوض</span>',
}
NO_PARTICIPANTS = '<span class="muted">لا مشاركين مسجَّلين</span>'


def engagement_card(
    engagement: dict, participants: list[SafeString], links: Links, *, current: bool = False
) -> SafeString:
    """The card of a `selectors.engagement_list` row: a link with its type, date and place that opens the
    engagement, its badges and number of sources, its participants' links. Written in Python: a template
    per card took longer than the page's SQL (40 cards)."""
    location, status, review, kind = (engagement[key] for key in ("location", "status", "review", "type"))
    badges = (
        (PLANNED_BADGE if status == "planned" else "")
        + BADGES.get(review, "")
        + f'<span class="source-count">{sources_count(engagement["source_count"])}</span>'
    )
    people = '<span class="sep" aria-hidden="true"> · </span>'.join(participants) or NO_PARTICIPANTS
    place = f'<span class="location">، {_e(location)}</span>' if location else ""
    label = TYPE_LABELS.get(kind) or _e(kind)
    # The id is an integer, the date and the number of sources are built from digits and fixed words.
    return SafeString(
        f'<article class="engagement-card{" is-current" if current else ""}" '
        f'data-engagement-card="{int(engagement["id"])}">\n'
        f'  <a class="engagement-link" {links.engagement(engagement["id"])}>'
        f'<span class="type-badge type-{_e(kind)}">{label}</span> '
        f"{partial_date(engagement['date_start'], engagement['date_precision'])}{place}</a>\n"
        f'  <span class="card-badges">{badges}</span>\n'
        f'  <p class="participants">{people}</p>\n'
        "</article>"
    )


@register.simple_tag(takes_context=True)
def actor_link(context, actor) -> str:
    """A link to the actor: in the workspace it opens the profile pane (and pushes its URL)."""
    return Links.of(context).actor(actor.name, actor.slug)


@register.simple_tag(takes_context=True)
def engagement_href(context, engagement) -> str:
    """`href` (and in the workspace the hx-* attributes that open the detail pane) for an <a>."""
    return Links.of(context).engagement(engagement.pk)


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
