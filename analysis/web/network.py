"""Who meets whom (issue 14): the network of an actor's counterparts on the profile, and the network of
the timeline's filtered engagements on its own tab.

An edge's width grows with the engagements the pair shares. The profile's network (the actor in the
middle, the counterparts around) follows the timeline's date range; the timeline's network places
actors with a force layout, those who meet often close together. Clicking an actor opens their profile
(static/js/graphs.js); the list under each figure holds the same links for keyboards and readers.
"""

from __future__ import annotations

import math

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from analysis import selectors, selectors_views
from analysis.models import Actor
from analysis.selectors_views import Network
from analysis.web.charts import FONT, _figure, _layout, plotly_text
from analysis.web.formats import arabic_count
from analysis.web.forms import TimelineFilterForm
from analysis.web.links import Links, state_of

EDGE_COLOR = "rgba(11, 92, 173, 0.45)"
NODE_COLOR = "#0b5cad"
CENTER_COLOR = "#b83232"
LABELLED = 30  # the busiest actors have their name written; every actor has it on hover


def ego_positions(network: Network) -> dict[int, tuple[float, float]]:
    """The actor in the middle, the counterparts on a circle, the most frequent at the top going
    right to left."""
    others = [b for a, b, _ in network.edges if a == network.center]
    positions = {network.center: (0.0, 0.0)}
    for rank, pk in enumerate(others):
        angle = math.pi / 2 + 2 * math.pi * rank / max(1, len(others))
        positions[pk] = (math.cos(angle), math.sin(angle))
    return positions


def spring_positions(network: Network, iterations: int = 60) -> dict[int, tuple[float, float]]:
    """A force-directed layout (Fruchterman-Reingold, from a circle: the same input gives the same
    picture): pairs that share more engagements pull harder."""
    import numpy as np

    ids = sorted(network.actors)
    if len(ids) < 2:
        return {pk: (0.0, 0.0) for pk in ids}
    index = {pk: i for i, pk in enumerate(ids)}
    n = len(ids)
    weights = np.zeros((n, n))
    for a, b, count in network.edges:
        weights[index[a], index[b]] = weights[index[b], index[a]] = 1 + math.log(count)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    x, y = np.cos(angles), np.sin(angles)
    k, step = math.sqrt(4 / n), 0.2
    diagonal = np.diag_indices(n)
    for _ in range(iterations):
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        distance = np.sqrt(np.maximum(dx * dx + dy * dy, 1e-4))
        force = k * k / (distance * distance) - weights * (distance / k)
        force[diagonal] = 0
        move_x, move_y = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        length = np.maximum(np.sqrt(move_x * move_x + move_y * move_y), 1e-9)
        scale = np.minimum(length, step) / length
        x, y = x + move_x * scale, y + move_y * scale
        step *= 0.95
    x, y = x - x.mean(), y - y.mean()
    extent = max(np.abs(x).max(), np.abs(y).max(), 1e-9)
    return {pk: (float(x[i] / extent), float(y[i] / extent)) for pk, i in index.items()}


def network_figure(
    network: Network, positions: dict[int, tuple[float, float]], urls: dict[int, str]
) -> dict | None:
    """Edges whose width grows with the shared engagements, actors sized by their engagements in the
    figure; each actor's `customdata` is `[slug, url]`. None without an edge."""
    if not network.edges:
        return None
    heaviest = max(count for _, _, count in network.edges)
    weight = {pk: 0 for pk in network.actors}
    for a, b, count in network.edges:
        weight[a] += count
        weight[b] += count
    data = [
        dict(
            type="scatter",
            mode="lines",
            x=[positions[a][0], positions[b][0]],
            y=[positions[a][1], positions[b][1]],
            line=dict(width=1 + 9 * count / heaviest, color=EDGE_COLOR),
            hoverinfo="skip",
            meta=f"edge-{count}",
        )
        for a, b, count in sorted(network.edges, key=lambda edge: edge[2])
    ]
    names = {pk: plotly_text(actor.name) for pk, actor in network.actors.items()}
    data.append(
        dict(
            type="scatter",
            mode="markers",
            x=[(positions[a][0] + positions[b][0]) / 2 for a, b, _ in network.edges],
            y=[(positions[a][1] + positions[b][1]) / 2 for a, b, _ in network.edges],
            marker=dict(size=10, color="rgba(0, 0, 0, 0)"),
            text=[f"{names[a]} — {names[b]}: {count}" for a, b, count in network.edges],
            hovertemplate="%{text}<extra></extra>",
            meta="edge-hover",
        )
    )
    actors = sorted(network.actors, key=lambda pk: (-weight[pk], network.actors[pk].name))
    labelled = set(actors[:LABELLED])
    biggest = max(weight.values())
    data.append(
        dict(
            type="scatter",
            mode="markers+text",
            x=[positions[pk][0] for pk in actors],
            y=[positions[pk][1] for pk in actors],
            text=[names[pk] if pk in labelled else "" for pk in actors],
            textposition="top center",
            textfont=dict(family=FONT, size=13),
            hovertext=[f"{names[pk]}: {weight[pk]}" for pk in actors],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[[network.actors[pk].slug, urls[pk]] for pk in actors],
            marker=dict(
                size=[12 + 16 * math.sqrt(weight[pk] / biggest) for pk in actors],
                color=[CENTER_COLOR if pk == network.center else NODE_COLOR for pk in actors],
                opacity=1,
                line=dict(color="#ffffff", width=1.5),
            ),
            meta="actors",
        )
    )
    hidden = dict(visible=False, range=[-1.3, 1.3], fixedrange=False)
    return _figure(
        data=data,
        layout=_layout(
            height=460 if network.center else 620,
            showlegend=False,
            hovermode="closest",
            dragmode="pan",
            xaxis=dict(hidden, autorange="reversed"),
            yaxis=dict(hidden, range=[-1.25, 1.3], scaleanchor="x"),
            margin=dict(l=10, r=10, t=10, b=10),
        ),
    )


def _edge_rows(network: Network) -> list[tuple]:
    """`(actor, actor, count)` rows for the list under the figure, most shared first."""
    return [(network.actors[a], network.actors[b], count) for a, b, count in network.edges]


@require_GET
def actor_network(request: HttpRequest, slug: str) -> HttpResponse:
    """The counterparts of an actor in the timeline's date range, as a fragment of the profile."""
    try:
        actor = Actor.objects.only("id", "name", "slug").get(slug=slug)
    except Actor.DoesNotExist as error:
        raise Http404("لا يوجد فاعل بهذا المعرّف.") from error
    form = TimelineFilterForm(request.GET)
    form.is_valid()
    filters = form.timeline_filters()
    network = selectors_views.counterpart_network(
        actor=actor, date_from=filters.date_from, date_to=filters.date_to
    )
    urls = {pk: reverse("actor_detail", args=[a.slug]) for pk, a in network.actors.items()}
    counterparts = [(network.actors[b], count) for a, b, count in network.edges if a == actor.pk]
    context = {
        "actor": actor,
        "network_figure": network_figure(network, ego_positions(network), urls),
        "counterparts": counterparts,
        "network_figure_id": f"network-figure-{actor.pk}",
        "date_from": form.data.get("date_from", "") if filters.date_from else "",
        "date_to": form.data.get("date_to", "") if filters.date_to else "",
    }
    return render(request, "analysis/includes/actor_network.html", context)


@require_GET
def timeline_network(request: HttpRequest) -> HttpResponse:
    """The timeline's tab of who meets whom: the pairs sharing the most engagements under its filters."""
    form = TimelineFilterForm(request.GET)
    form.is_valid()
    filters = form.timeline_filters()
    network = selectors_views.timeline_network(filters=filters)
    links = Links(state_of(request), workspace=True)
    urls = {pk: links.workspace_url("profile", a.slug) for pk, a in network.actors.items()}
    if filters == selectors.TimelineFilters():  # the layout of all the data, once per data version
        positions = selectors.cached("timeline-network-layout", lambda: spring_positions(network))
    else:
        positions = spring_positions(network)
    figure = network_figure(network, positions, urls)
    context = {
        "form": form,
        "network_figure": figure,
        "pairs": [(a, b, count, urls[a.pk], urls[b.pk]) for a, b, count in _edge_rows(network)],
        "pairs_count": arabic_count(len(network.edges), "زوج واحد", "زوجان", "أزواج", "زوجًا"),
        "nav": "timeline",
        "charts": bool(figure),
        "links": links,
        "workspace": True,
    }
    return render(request, "analysis/network.html", context)
