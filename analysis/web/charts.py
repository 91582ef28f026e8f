"""Plotly figures, built server-side from selector output and drawn by static/js/charts.js.

Figures are written as the plain JSON plotly.js reads (what `go.Figure(...).to_json()` produced)
without plotly's validating figure objects, which cost more than the page's SQL. `figure_json` adds
plotly's default template, the same for every figure and most of the text, encoded once per process.

Every figure reads right to left: time runs from right (oldest) to left (newest), value axes
sit on the right, and all labels are Arabic.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from datetime import date
from functools import cache

from analysis.arabic.months import LEVANTINE as LEVANTINE_MONTHS
from analysis.models import Actor, Engagement

FONT = "Noto Naskh Arabic, Noto Sans Arabic, serif"
TYPE_COLORS = {
    Engagement.Type.MEETING: "#0b5cad",
    Engagement.Type.VISIT: "#2e8540",
    Engagement.Type.TALKS: "#7a4fb5",
    Engagement.Type.CALL: "#c05621",
    Engagement.Type.STATEMENT: "#5b6472",
    Engagement.Type.AGREEMENT: "#b7791f",
    Engagement.Type.ARMS_TRANSFER: "#b83232",
    Engagement.Type.TRAINING: "#2c7a7b",
    Engagement.Type.ATTACK: "#7b341e",
    Engagement.Type.OTHER: "#8a94a6",
}
MAX_MONTHS = 36
YEAR_ONLY = 0  # a year's engagements without a month sort before its January, as in the timeline's list


@cache
def _template_json() -> str:
    """plotly's default template (the look `to_json()` embedded in every figure), as JSON."""
    import plotly.io as pio

    return json.dumps(pio.templates[pio.templates.default].to_plotly_json())


def _plain(value):
    """`value` without None entries, as plotly's figure objects leave unset properties out."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _figure(data: list[dict], layout: dict) -> dict:
    """The figure without its template, which `figure_json` adds."""
    return {"data": _plain(data), "layout": _plain(layout)}


# What `django.utils.html.json_script` escapes, so that the JSON cannot end its <script> element.
SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


def _script_safe(text: str) -> str:
    for character, escape in SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return text


@cache
def _template_script_json() -> str:
    return _script_safe(_template_json())


def figure_json(figure: dict) -> str:
    """The figure with plotly's default template, escaped for a <script> element as `json_script` does:
    the text `json_script` writes for the figure with `layout.template` last."""
    data, layout = json.dumps(figure["data"]), json.dumps(figure["layout"])
    joint = ", " if figure["layout"] else ""
    return (
        _script_safe(f'{{"data": {data}, "layout": {layout[:-1]}{joint}"template": ')
        + _template_script_json()
        + "}}"
    )


def _layout(**overrides) -> dict:
    base = dict(
        font=dict(family=FONT, size=14, color="#1d2430"),
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin=dict(l=10, r=10, t=10, b=10),
        hoverlabel=dict(font=dict(family=FONT)),
        separators=".,",
    )
    base.update(overrides)
    return base


def plotly_text(text: str) -> str:
    """Text from the data as plotly shows it: plotly reads tags such as <a href> in labels, so escape them."""
    return html.escape(text, quote=False)


def _month_range(first: date, last: date) -> list[tuple[int, int]]:
    months, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def engagements_over_time(rows: Iterable[dict]) -> dict | None:
    """Stacked bars of engagements per month (per year over long spans), one colour per type.

    `rows` are `{"month": date, "year_only": bool, "type": str, "count": int}` from
    `selectors.engagement_month_counts`. Engagements known only by their year are not put in a month:
    per month, they get a bar of their own before the year's January ("2024 (دون شهر)"; the list, newest
    first, shows them after the year's dated engagements); per year, they count in their year.
    Returns None when there is nothing dated to draw.
    """
    rows = list(rows)
    if not rows:
        return None
    first, last = min(r["month"] for r in rows), max(r["month"] for r in rows)
    months = [r["month"] for r in rows if not r.get("year_only")]
    by_year = not months or len(_month_range(first, last)) > MAX_MONTHS
    if by_year:
        buckets: list = list(range(first.year, last.year + 1))
        labels = [str(year) for year in buckets]
        keys = [row["month"].year for row in rows]
    else:
        years = sorted({r["month"].year for r in rows if r.get("year_only")})
        buckets = sorted(_month_range(min(months), max(months)) + [(year, YEAR_ONLY) for year in years])
        labels = [
            f"{year} (دون شهر)" if month == YEAR_ONLY else f"{LEVANTINE_MONTHS[month - 1]} {year}"
            for year, month in buckets
        ]
        keys = [
            (row["month"].year, YEAR_ONLY if row.get("year_only") else row["month"].month) for row in rows
        ]
    position = {bucket: i for i, bucket in enumerate(buckets)}
    counts: dict[str, list[int]] = {}
    for row, key in zip(rows, keys, strict=True):
        series = counts.setdefault(row["type"], [0] * len(buckets))
        series[position[key]] += row["count"]
    type_labels = dict(Engagement.Type.choices)
    return _figure(
        data=[
            dict(
                type="bar",
                x=labels,
                y=counts[kind],
                name=type_labels.get(kind, kind),
                marker=dict(color=TYPE_COLORS.get(kind, "#8a94a6")),
                hovertemplate="%{x}<br>%{fullData.name}: %{y}<extra></extra>",
            )
            for kind in type_labels
            if kind in counts
        ],
        layout=_layout(
            barmode="stack",
            showlegend=True,
            height=240,
            bargap=0.25,
            xaxis=dict(type="category", autorange="reversed", automargin=True),
            yaxis=dict(
                side="right",
                title=dict(text="عدد الأحداث"),
                rangemode="tozero",
                dtick=1 if max(sum(col) for col in zip(*counts.values(), strict=False)) <= 8 else None,
                automargin=True,
            ),
            legend=dict(orientation="h", x=1, xanchor="right", y=1.02, yanchor="bottom", traceorder="normal"),
            margin=dict(l=10, r=10, t=40, b=10),
        ),
    )


def counterparts_bar(counterparts: Iterable[Actor]) -> dict | None:
    """Horizontal bars of shared engagements per counterpart, longest at the top, growing leftwards."""
    counterparts = list(counterparts)
    if not counterparts:
        return None
    return _figure(
        data=[
            dict(
                type="bar",
                x=[actor.shared_count for actor in counterparts],
                y=[plotly_text(actor.name) for actor in counterparts],
                orientation="h",
                marker=dict(color="#0b5cad"),
                hovertemplate="%{y}: %{x} حدث مشترك<extra></extra>",
            )
        ],
        layout=_layout(
            height=60 + 32 * len(counterparts),
            xaxis=dict(autorange="reversed", rangemode="tozero", dtick=1, title=dict(text="أحداث مشتركة")),
            yaxis=dict(side="right", autorange="reversed", type="category", automargin=True),
            # automargin measures labels before the web font loads: leave room for the names.
            margin=dict(
                l=10, r=min(260, 16 + 8 * max(len(actor.name) for actor in counterparts)), t=10, b=10
            ),
        ),
    )
