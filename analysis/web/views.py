"""Pages and their HTMX partials: one view per page, the fragment picked by `#partial`.

The timeline at `/` is the analyst's workspace: its query string holds the filters and the open
panes (`engagement`, `profile`), so every state has a URL that renders the same full page without
JS. HTMX requests name the pane they replace (`HX-Target`) and get only that partial.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from math import ceil
from typing import TypeVar

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from analysis import selectors
from analysis.kept import Kept
from analysis.models import Actor, Document, Engagement, Evidence
from analysis.templatetags.dashboard import figure_script
from analysis.web import charts
from analysis.web.cards import EngagementCard, engagement_cards
from analysis.web.confidence import actor_badge_html, confidence_note
from analysis.web.formats import LEVANTINE_MONTHS, UNKNOWN_DATE, html_escape
from analysis.web.forms import TimelineFilterForm
from analysis.web.highlight import Highlight, excerpt_bounds, highlight_text, name_highlights, search_snippet
from analysis.web.links import Links, state_of

PAGE_SIZE = 40
PROFILE_ENGAGEMENTS = 25
PROFILE_DOCUMENTS = 20
ACTOR_SUGGESTIONS = 12
T = TypeVar("T")


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _is_fragment(request: HtmxHttpRequest) -> bool:
    """An HTMX request for a part of the page (a history restore wants the whole page)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


@dataclass
class TimelineEntry:
    """An engagement in the timeline, with the group headings that start before it."""

    engagement: Engagement | EngagementCard
    year_heading: str = ""
    month_heading: str = ""


def _group_key(day: date | None, precision: str) -> tuple[str, str]:
    if day is None or precision == "unknown":
        return UNKNOWN_DATE, ""
    year = str(day.year)
    if precision == "year":
        return year, "دون شهر محدَّد"
    return year, f"{LEVANTINE_MONTHS[day.month - 1]} {year}"


def _timeline_entries(
    engagements: list[Engagement | EngagementCard], after: tuple[str, str]
) -> list[TimelineEntry]:
    """Entries with a year heading where the year changes and a month heading where the month does;
    `after` is the last group of the previous page, so a continued group gets no second heading."""
    entries, (last_year, last_month) = [], after
    for engagement in engagements:
        year, month = _group_key(engagement.date_start, engagement.date_precision)
        entry = TimelineEntry(engagement)
        if year != last_year:
            entry.year_heading, last_month = year, ""
        if month and month != last_month:
            entry.month_heading = month
        last_year, last_month = year, month or last_month
        entries.append(entry)
    return entries


@dataclass(frozen=True)
class TimelinePage:
    """What the template needs of a page of the timeline (the names of Django's `Page`)."""

    number: int
    count: int
    has_next: bool
    next_after: int | None  # the last engagement shown: the next page starts after it

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def _timeline_page(form: TimelineFilterForm, page_number: int, links: Links) -> dict:
    """A page of the timeline: after the engagement `after` names (the "more" link's keyset), or for a
    page number alone (a typed URL, the link back), the page at that offset."""
    filters = form.timeline_filters()
    count = selectors.engagement_count(filters=filters)
    after = form.cleaned_data.get("after")
    number = max(1, page_number) if after else min(max(1, page_number), max(1, ceil(count / PAGE_SIZE)))
    page = selectors.engagement_page(
        filters=filters, after=after, offset=(number - 1) * PAGE_SIZE, size=PAGE_SIZE
    )
    previous = page.previous
    group = _group_key(previous["date_start"], previous["date_precision"]) if previous else ("", "")
    cards = engagement_cards(page.rows, links, current=form.cleaned_data.get("engagement"))
    last = page.rows[-1]["id"] if page.rows else None
    return {
        "page": TimelinePage(number, count, page.has_next, last),
        "feed_html": _feed_html(_timeline_entries(cards, group)),
    }


def _feed_html(entries: list[TimelineEntry]) -> SafeString:
    """The timeline's cards with their year and month headings, joined in Python: the template's loop over
    40 entries was a fifth of the page's time, which came to ~5 times its SQL (issue 15's ratio <= 3)."""
    parts = []
    for entry in entries:
        if entry.year_heading:
            parts.append(f'<h2 class="year-heading">{html_escape(entry.year_heading)}</h2>')
        if entry.month_heading:
            parts.append(f'<h3 class="month-heading">{html_escape(entry.month_heading)}</h3>')
        parts.append(entry.engagement.html)
    return SafeString("\n".join(parts))


def _timeline_results(
    form: TimelineFilterForm, links: Links, page_number: int = 1, *, fragment: bool
) -> dict:
    """The list, its chart and count; in a fragment the actor chips it swaps out of band, in the whole
    page the filter form."""
    filters = form.timeline_filters()
    context = {**_timeline_page(form, page_number, links), "chart": _timeline_chart(filters)}
    if fragment:
        return context | _actor_options(form)
    return context | {"filter_form_html": _filter_form_html(form, links)}


# The query parameters the filter form shows (`timeline.html#filter-form`): its HTML is theirs alone.
FORM_PARAMS = (
    "actor",
    "actor_q",
    "date_from",
    "date_to",
    "type",
    "source",
    "status",
    "review",
    "disagree",
    "confidence",
)


def _filter_form_html(form: TimelineFilterForm, links: Links) -> str:
    """The filter form as HTML, rendered once per data version and values of its fields: its ~230 source
    options, the actor suggestions and ~60 template nodes were ~2.5 ms of a ~9 ms timeline page (issue
    15's ratio of the page to its SQL). It shows nothing of the reader (no user, no token)."""
    values = [(name, form.data.getlist(name)) for name in FORM_PARAMS]
    digest = hashlib.sha256(repr((links.timeline, values)).encode()).hexdigest()[:32]

    def render_form() -> str:
        context = {"form": form, "links": links, **_actor_options(form)}
        return render_to_string("analysis/timeline.html#filter-form", context)

    return selectors.cached(f"timeline-form:{digest}", render_form)


def _timeline_chart(filters: selectors.TimelineFilters) -> SafeString | None:
    """The engagements over time, as the script that holds the chart's figure; unfiltered, one chart of all
    the data, built and written once per data version (writing its JSON was ~0.14 ms of each request)."""

    def build() -> SafeString | None:
        return _chart_script(selectors.engagement_month_counts(filters=filters))

    return (
        selectors.cached("timeline-chart-script", build)
        if filters == selectors.TimelineFilters()
        else build()
    )


_CHARTS_KEPT = 256  # charts kept written (~10 KB each): the filters in use
_charts_written: Kept[SafeString | None] = Kept(_CHARTS_KEPT)


def _chart_script(rows: list[dict]) -> SafeString | None:
    """The chart of these month counts as its script, written once per counts: building the figure and its
    JSON was ~0.45 ms of a filtered timeline page (issue 15's ratio of the page to its SQL)."""

    def write() -> SafeString | None:
        figure = charts.engagements_over_time(rows)
        return figure_script(figure, "timeline-figure") if figure else None

    return _charts_written.get(tuple(tuple(row.items()) for row in rows), write)


def _actor_options(form: TimelineFilterForm) -> dict:
    data = getattr(form, "cleaned_data", {})
    selected = [actor.pk for actor in data.get("actor") or ()]
    query = data.get("actor_q") or ""
    if not query:  # the busiest actors: cached until the data changes
        suggestions = selectors.actor_choices_top(limit=ACTOR_SUGGESTIONS // 2, exclude=selected)
        return {"actor_suggestions": suggestions, "actor_query": query}
    suggestions = selectors.actor_search(key=selectors.search_key(query)).exclude(pk__in=selected)
    return {"actor_suggestions": suggestions[:ACTOR_SUGGESTIONS], "actor_query": query}


def _evidence_excerpt(evidence: Evidence, engagement: Engagement) -> SafeString:
    """The evidence sentence with some context, the sentence marked and the actors' mentions linked."""
    text = evidence.document.text
    left, right = excerpt_bounds(text, evidence.start, evidence.end)
    window = text[left:right]
    participants = {p.actor_id for p in engagement.participations.all()}
    mentions = [
        Highlight(
            m.start,
            m.end,
            "mention",
            m.actor.get_absolute_url(),
            m.actor.name,
            css_class="mention participant" if m.actor_id in participants else "mention",
        )
        for m in evidence.document.mentions.all()
        if m.start < right and m.end > left
    ]
    named = {m.title for m in mentions if m.css_class != "mention"}
    names = [
        (form, p.actor.name, p.actor.get_absolute_url())
        for p in engagement.participations.all()
        if p.actor.name not in named
        for form in [p.actor.name, *(alias.name for alias in p.actor.aliases.all())]
    ]
    found = name_highlights(window, names, offset=left, css_class="mention participant")
    mentions = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)] + found
    spans = [Highlight(evidence.start, evidence.end, "evidence"), *mentions]
    body = highlight_text(window, spans, offset=left)
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(text) else ""
    return mark_safe(f"{escape(prefix)}{body}{escape(suffix)}")  # noqa: S308 - parts are escaped


def _engagement_context(pk: int) -> dict:
    try:
        engagement = selectors.engagement_detail(pk=pk)
    except Engagement.DoesNotExist as error:
        raise Http404("لا يوجد حدث بهذا الرقم.") from error
    sources = [
        {"evidence": evidence, "excerpt": _evidence_excerpt(evidence, engagement)}
        for evidence in engagement.evidence.all()
    ]
    disagreements = selectors.engagement_disagreements(engagement_id=pk)
    note = confidence_note(engagement, engagement.evidence.all())
    return {
        "engagement": engagement,
        "sources": sources,
        "confidence_note": note,
        "disagreements": disagreements,
    }


def _profile_context(slug: str) -> dict:
    try:
        actor = selectors.actor_profile(slug=slug)
    except Actor.DoesNotExist as error:
        raise Http404("لا يوجد فاعل بهذا المعرّف.") from error
    engagements = selectors.actor_engagements(actor=actor, limit=PROFILE_ENGAGEMENTS)
    counterparts = selectors.actor_counterparts(actor=actor)
    titles: dict[str, list] = {}
    for title in actor.titles.all():
        titles.setdefault(title.title, []).append(title)
    return {
        "actor": actor,
        "actor_confidence_badge": actor_badge_html(actor.confidence),
        "actor_titles": list(titles.items()),
        "actor_engagements": _timeline_entries(engagements, ("", "")),
        "actor_engagement_count": selectors.actor_engagement_count(actor=actor),
        "counterparts": counterparts,
        "counterparts_chart": charts.counterparts_bar(counterparts),
        "counterparts_chart_id": f"counterparts-figure-{actor.pk}",
        "actor_documents": selectors.actor_documents(actor=actor, limit=PROFILE_DOCUMENTS),
    }


def _timeline_part(form: TimelineFilterForm, target: str, links: Links) -> tuple[str, dict]:
    """The partial an HTMX request targets and its context, or ("", the whole workspace)."""
    data = form.cleaned_data
    if target == "engagement-pane":
        return target, _engagement_context(data["engagement"]) if data.get("engagement") else {}
    if target == "profile-pane":
        return target, _profile_context(data["profile"]) if data.get("profile") else {}
    if target == "actor-options":
        return target, _actor_options(form)
    if target.startswith("timeline-more"):
        return "timeline-page", _timeline_page(form, data.get("page") or 1, links)
    if target == "timeline-results":
        return target, _timeline_results(form, links, fragment=True)
    context = _timeline_results(form, links, data.get("page") or 1, fragment=False)
    if data.get("engagement"):
        context |= _engagement_context(data["engagement"])
    if data.get("profile"):
        context |= _profile_context(data["profile"])
    return "", context


def _workspace_context(form: TimelineFilterForm, links: Links, *, fragment: bool) -> dict:
    return {
        "form": form,
        "workspace": True,
        "fragment": fragment,
        "current_engagement": form.cleaned_data.get("engagement"),
        "charts": True,
        "nav": "timeline",
        "links": links,
    }


def _home_workspace() -> str:
    """The plain workspace (no filter, no pane, first page) as HTML, rendered once per data version and
    shared by every reader and process: it is the same for all until the data changes, and its list
    query, cards and filter form were ~95% of the page's time (at 100,000 engagements 8 requests/s
    before, see README)."""

    def render_workspace() -> str:
        form = TimelineFilterForm(QueryDict())
        form.is_valid()
        links = Links(QueryDict(), workspace=True)
        context = _workspace_context(form, links, fragment=False) | _timeline_results(
            form, links, fragment=False
        )
        # no request: nothing of one reader's (user, permissions, CSRF token) can reach the shared HTML
        return render_to_string("analysis/timeline.html#workspace", context | {"state": QueryDict()})

    return selectors.cached("timeline-home", render_workspace)


# Where `_workspace_page` fills in a part: unguessable, so that no query string can write one.
_SLOT = f"\ue000{secrets.token_hex(8)}:"
_SLOT_END = "\ue000"
_SLOTTED = ("filter_form_html", "chart", "feed_html", "csrf_token")
_PAGES_KEPT = 256  # the pages (~4 KB each without their slots) kept rendered: readers, query strings
_pages: Kept[tuple[str, tuple[tuple[str, str], ...]]] = Kept(_PAGES_KEPT)


def _workspace_page(request: HtmxHttpRequest, context: dict) -> HttpResponse:
    """The timeline page with no pane open, its template rendered once per reader (what the header shows of
    them), URL, the names of the actors filtered by and page of the list (its number, count and where the
    next page starts), with slots for what each request computes: the filter form, the chart, the cards and
    the CSRF token, joined in. Rendering it was ~1.1 of a ~3.5 ms page, whose ratio to its SQL is to stay
    <= 3 (issue 15)."""
    filled = {name: context[name] or "" for name in _SLOTTED[:-1]} | {"csrf_token": get_token(request)}
    user = request.user
    reader = (user.pk, user.get_username(), user.is_staff) + tuple(
        user.has_perm(permission)
        for permission in ("analysis.add_importbatch", "analysis.change_disagreement")
    )
    # the page title names the actors filtered by: a curator's rename shows at once
    named = [actor.name for actor in context["form"].cleaned_data.get("actor") or ()]
    key = repr((request.get_full_path(), reader, context["page"], named, [bool(v) for v in filled.values()]))

    def write() -> tuple[str, tuple[tuple[str, str], ...]]:
        slots = {name: SafeString(f"{_SLOT}{name}{_SLOT_END}") if filled[name] else "" for name in _SLOTTED}
        html = render_to_string("analysis/timeline.html", context | slots, request=request)
        first, *rest = html.split(_SLOT)
        return first, tuple(tuple(piece.split(_SLOT_END, 1)) for piece in rest)

    first, pieces = _pages.get(key, write)
    return HttpResponse(first + "".join(f"{filled[name]}{after}" for name, after in pieces))


@require_GET
@vary_on_headers("HX-Request", "HX-Target", "HX-History-Restore-Request")
def timeline(request: HtmxHttpRequest) -> HttpResponse:
    """The workspace: filters and timeline, engagement detail and actor profile panes."""
    target = (request.htmx.target or "") if _is_fragment(request) else ""
    if not request.GET and not target:
        page = {"workspace_html": _home_workspace(), "charts": True, "nav": "timeline"}
        return render(request, "analysis/timeline.html", page)
    form = TimelineFilterForm(request.GET)
    form.is_valid()
    links = Links(state_of(request), workspace=True)
    partial, context = _timeline_part(form, target, links)
    context = _workspace_context(form, links, fragment=bool(partial)) | context
    if not partial and not context.get("engagement") and not context.get("actor"):  # no pane open
        return _workspace_page(request, context)
    template_name = "analysis/timeline.html" + (f"#{partial}" if partial else "")
    return render(request, template_name, context)


@require_GET
@vary_on_headers("HX-Request")
def engagement_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    template_name = "analysis/engagement_detail.html"
    if _is_fragment(request):
        template_name += "#engagement-detail"
    return render(request, template_name, {**_engagement_context(pk), "fragment": _is_fragment(request)})


def _page_part_cached(name: str, render: Callable[[], T]) -> T:
    """`render()` once per data version under `name` (`selectors.cached`); with `DASHBOARD_PAGE_CACHE` off
    (the benchmarks, which time the page's own work) on every request."""
    return selectors.cached(name, render) if settings.DASHBOARD_PAGE_CACHE else render()


@dataclass(frozen=True, slots=True)
class ProfileHtml:
    """An actor's profile as its page shows it: the actor's name and slug (title, breadcrumbs) and the
    profile written out (`includes/actor_profile.html`), with or without a chart."""

    name: str
    slug: str
    html: SafeString
    charts: bool


def _profile_html(slug: str, query: QueryDict) -> ProfileHtml:
    """The actor's page's profile, rendered once per data version, actor and date range of its network (the
    one part the URL changes): the same for every reader (no user, no token). Its seven queries and its
    template were ~11 ms of Python a profile, a quarter of the load mix's (issue 15)."""
    date_range = (query.get("date_from", ""), query.get("date_to", ""))
    digest = hashlib.sha256(repr((slug, date_range)).encode()).hexdigest()[:32]

    def render_profile() -> ProfileHtml:
        context = _profile_context(slug) | {
            "links": Links(QueryDict(), workspace=False),  # one for every link
            "network_dates": date_range,
        }
        html = render_to_string("analysis/includes/actor_profile.html", context)
        actor = context["actor"]
        return ProfileHtml(actor.name, actor.slug, SafeString(html), bool(context["counterparts_chart"]))

    return _page_part_cached(f"actor-profile:{digest}", render_profile)


@require_GET
@vary_on_headers("HX-Request")
def actor_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    template_name = "analysis/actor_detail.html"
    if _is_fragment(request):
        template_name += "#actor-profile"
    profile = _profile_html(slug, request.GET)
    return render(request, template_name, {"profile": profile, "charts": profile.charts})


@require_GET
def document_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    try:
        document = selectors.document_detail(pk=pk)
    except Document.DoesNotExist as error:
        raise Http404("لا توجد وثيقة بهذا الرقم.") from error
    highlights = [
        Highlight(m.start, m.end, "mention", m.actor.get_absolute_url(), m.actor.name, anchor=f"m-{m.pk}")
        for m in document.mentions.all()
    ] + [Highlight(e.start, e.end, "evidence", anchor=f"ev-{e.pk}") for e in document.evidence.all()]
    context = {
        "document": document,
        "highlighted_text": highlight_text(document.text, highlights),
        "engagements": engagement_cards(
            list(selectors.document_engagements(document=document)), Links(QueryDict(), workspace=False)
        ),
    }
    return render(request, "analysis/document_detail.html", context)


def _search_hits_html(query: str) -> SafeString:
    """The actors and documents matching `query`, written once per data version and query: the same for
    every reader. Their five queries, snippets and template were ~11 ms of Python a search, a quarter of the
    load mix's (issue 15)."""

    def render_hits() -> SafeString:
        folded = selectors.search_key(query, for_names=False)
        documents = list(selectors.document_search(query=folded)[:30])
        lexemes = selectors.search_lexemes(text=f"{folded} {query}") if documents else []
        for document in documents:
            document.headline_html = search_snippet(document.text, lexemes)
        actors = selectors.actor_search(key=selectors.search_key(query))[:15]
        context = {"query": query, "documents": documents, "actors": actors}
        return SafeString(render_to_string("analysis/search.html#search-hits", context))

    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return _page_part_cached(f"search-hits:{digest}", render_hits)


@require_GET
@vary_on_headers("HX-Request")
def search(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    context: dict = {"query": query, "nav": "search", "fragment": _is_fragment(request)}
    if query:
        context["search_hits"] = _search_hits_html(query)
    template_name = "analysis/search.html"
    if _is_fragment(request):
        template_name += "#search-results"
    return render(request, template_name, context)
