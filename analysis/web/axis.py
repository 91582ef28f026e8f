"""The time axis above the timeline's list (issue 14): every engagement drawn at its precision.

Time runs right to left (oldest on the right, as the chart of counts has it). One lane per selected
actor, else one per engagement type. A day is a mark, a month a band across the month, a year a paler,
wider band across the year; planned engagements are hatched bands and open marks. Over
`AXIS_MAX_EVENTS` engagements the axis draws how many start in each month instead, and says so.
The page loads it after the list (`hx-trigger="revealed"`); static/js/graphs.js opens a clicked
engagement in the detail pane as its card does.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from analysis import selectors, selectors_views
from analysis.models import Engagement, Precision
from analysis.selectors import TimelineFilters
from analysis.web.charts import FONT, TYPE_COLORS, _figure, _layout, plotly_text
from analysis.web.formats import LEVANTINE_MONTHS, engagements_count, format_partial_date
from analysis.web.forms import TimelineFilterForm

DAY_MS = 86_400_000
TYPE_LABELS = dict(Engagement.Type.choices)
PLANNED = Engagement.Status.PLANNED
# (precision, band thickness in lanes, opacity): a year is a wide pale band, a month a narrower one.
BANDS = ((Precision.YEAR, 0.72, 0.3), (Precision.MONTH, 0.42, 0.75))
PLANNED_LABEL = f" ({Engagement.Status.PLANNED.label})"
# Dates on the axis as digits at every zoom (plotly would write English month names): 2024-02-01,
# 2024-02, 2024.
TICK_FORMATS = [
    dict(dtickrange=[None, 28 * DAY_MS], value="%Y-%m-%d"),
    dict(dtickrange=[28 * DAY_MS, 365 * DAY_MS], value="%Y-%m"),
    dict(dtickrange=[365 * DAY_MS, None], value="%Y"),
]


def _lanes(filters: TimelineFilters, kinds: set[str]) -> list[tuple[str, str]]:
    """`(key, label)` of each lane, top to bottom: the selected actors, else the types drawn."""
    if filters.actors:
        return [(str(actor.pk), plotly_text(actor.name)) for actor in filters.actors]
    return [(kind, label) for kind, label in Engagement.Type.choices if kind in kinds]


def _iso(day: date) -> str:
    return day.isoformat()


def _hover(event: selectors_views.AxisEvent) -> list:
    label = TYPE_LABELS.get(event.type, event.type) + (PLANNED_LABEL if event.status == PLANNED else "")
    written = event.date_text or format_partial_date(event.date_start, event.precision)
    people = "، ".join(event.participants) or "لا مشاركين مسجَّلين"
    return [event.pk, label, plotly_text(people), plotly_text(written)]


HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>"


def _placed(events, filters: TimelineFilters) -> list[tuple[str, selectors_views.AxisEvent]]:
    """`(lane key, event)`: in each lane of a selected actor it takes part in, else in its type's lane."""
    if not filters.actors:
        return [(event.type, event) for event in events]
    return [
        (str(pk), event) for event in events for pk in event.actor_ids if pk in {a.pk for a in filters.actors}
    ]


def events_figure(events: list[selectors_views.AxisEvent], filters: TimelineFilters) -> dict | None:
    """The engagements at their precision, one lane per actor or type; None when nothing is dated."""
    if not events:
        return None
    placed = _placed(events, filters)
    lanes = _lanes(filters, {event.type for event in events})
    label_of = dict(lanes)
    data = []
    for precision, thickness, opacity in BANDS:
        for planned in (False, True):
            chosen = [
                (lane, e)
                for lane, e in placed
                if e.precision == precision and (e.status == PLANNED) == planned
            ]
            if not chosen:
                continue
            colors = [TYPE_COLORS.get(e.type, "#8a94a6") for _, e in chosen]
            marker = dict(color=colors, opacity=opacity, line=dict(color=colors, width=1))
            if planned:
                marker |= dict(
                    color="#ffffff", pattern=dict(shape="/", fgcolor=colors, size=6, solidity=0.35)
                )
            data.append(
                dict(
                    type="bar",
                    orientation="h",
                    name=f"{precision.label}{PLANNED_LABEL if planned else ''}",
                    base=[_iso(e.date_start) for _, e in chosen],
                    x=[((e.date_end - e.date_start).days + 1) * DAY_MS for _, e in chosen],
                    y=[label_of[lane] for lane, _ in chosen],
                    width=thickness,
                    marker=marker,
                    customdata=[_hover(e) for _, e in chosen],
                    hovertemplate=HOVER,
                    meta=f"axis-{precision}{'-planned' if planned else ''}",
                )
            )
    for planned in (False, True):
        chosen = [
            (lane, e)
            for lane, e in placed
            if e.precision == Precision.DAY and (e.status == PLANNED) == planned
        ]
        if not chosen:
            continue
        colors = [TYPE_COLORS.get(e.type, "#8a94a6") for _, e in chosen]
        data.append(
            dict(
                type="scatter",
                mode="markers",
                name=f"{Precision.DAY.label}{PLANNED_LABEL if planned else ''}",
                x=[_iso(e.date_start) for _, e in chosen],
                y=[label_of[lane] for lane, _ in chosen],
                marker=dict(
                    color=colors,
                    size=11,
                    symbol="diamond-open" if planned else "circle",
                    line=dict(color=colors if planned else "#ffffff", width=2 if planned else 1),
                ),
                customdata=[_hover(e) for _, e in chosen],
                hovertemplate=HOVER,
                meta=f"axis-day{'-planned' if planned else ''}",
            )
        )
    first = min(e.date_start for e in events)
    last = max(e.date_end for e in events)
    return _axis_figure(data, [label for _, label in lanes], first, last)


def _axis_figure(data: list[dict], lanes: list[str], first: date, last: date) -> dict:
    pad = max(timedelta(days=10), (last - first) / 30)
    return _figure(
        data=data,
        layout=_layout(
            height=110 + 46 * len(lanes),
            barmode="overlay",
            showlegend=False,
            dragmode="pan",
            hovermode="closest",
            xaxis=dict(
                type="date",
                autorange="reversed",
                range=[_iso(last + pad), _iso(first - pad)],
                showgrid=True,
                gridcolor="#e3e7ee",
                tickformatstops=TICK_FORMATS,
                automargin=True,
            ),
            yaxis=dict(
                type="category",
                side="right",
                categoryorder="array",
                categoryarray=lanes,
                autorange="reversed",
                fixedrange=True,
                automargin=True,
            ),
            margin=dict(l=10, r=min(260, 16 + 8 * max(len(lane) for lane in lanes)), t=10, b=10),
            hoverlabel=dict(font=dict(family=FONT), align="right"),
        ),
    )


def density_figure(rows: list[selectors_views.MonthDensity], filters: TimelineFilters) -> dict | None:
    """Engagements per month and lane as a heat strip; engagements known only by their year are left
    out (the caption counts them). None when nothing is dated to a month."""
    rows = [row for row in rows if row.precision != Precision.YEAR]
    if not rows:
        return None
    lanes = _lanes(filters, {row.lane for row in rows})
    first, last = min(row.month for row in rows), max(row.month for row in rows)
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    column = {day: i for i, day in enumerate(months)}
    row_of = {key: i for i, (key, _) in enumerate(lanes)}
    counts = [[0] * len(months) for _ in lanes]
    for row in rows:
        if row.lane in row_of:
            counts[row_of[row.lane]][column[row.month]] += row.count
    return _axis_figure(
        [
            dict(
                type="heatmap",
                x=[_iso(day + timedelta(days=14)) for day in months],
                y=[label for _, label in lanes],
                z=[[n or None for n in lane] for lane in counts],
                text=[[f"{LEVANTINE_MONTHS[day.month - 1]} {day.year}" for day in months] for _ in lanes],
                colorscale=[[0, "#dbe8f6"], [1, "#0b3d75"]],
                showscale=False,
                xgap=1,
                ygap=4,
                hovertemplate="%{y}<br>%{text}: %{z}<extra></extra>",
                meta="axis-density",
            )
        ],
        [label for _, label in lanes],
        first,
        datetime(last.year + (last.month == 12), last.month % 12 + 1, 1).date() - timedelta(days=1),
    )


def _density_context(filters: TimelineFilters, count: int) -> dict:
    rows = selectors_views.axis_density(filters=filters)
    year_only = sum(row.count for row in rows if row.precision == Precision.YEAR)
    return {
        "axis_figure": density_figure(rows, filters),
        "axis_density": True,
        "axis_count": engagements_count(count),
        "axis_year_only": engagements_count(year_only) if year_only else "",
        "axis_limit": selectors_views.AXIS_MAX_EVENTS,
    }


def axis_context(filters: TimelineFilters) -> dict:
    """The figure (events or density) and what the caption says about it; the density of all the data
    is built once per data version."""
    count = selectors_views.axis_count(filters=filters)
    if count > selectors_views.AXIS_MAX_EVENTS:
        if filters == TimelineFilters():
            return selectors.cached("axis-density", lambda: _density_context(filters, count))
        return _density_context(filters, count)
    figure = events_figure(selectors_views.axis_events(filters=filters), filters) if count else None
    return {"axis_figure": figure, "axis_density": False, "axis_count": engagements_count(count)}


@require_GET
def timeline_axis(request: HttpRequest) -> HttpResponse:
    """The axis for the timeline's filters, as a fragment the timeline loads when it scrolls into view."""
    form = TimelineFilterForm(request.GET)
    form.is_valid()
    filters = form.timeline_filters()
    context = axis_context(filters) | {"by_actor": bool(filters.actors), "form": form}
    return render(request, "analysis/includes/timeline_axis.html", context)
