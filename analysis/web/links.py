"""Links that keep the view's state: in the workspace an actor or engagement link opens its pane and the
URL keeps the filters and open panes (`STATE_PARAMS`), so every state has a URL."""

from __future__ import annotations

import json
from functools import lru_cache
from urllib.parse import quote_plus

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString

from analysis.web.formats import html_escape as _e
from analysis.web.forms import STATE_PARAMS


def hx_vals(**values) -> str:
    """An `hx-vals` attribute's JSON."""
    return json.dumps({key: str(value) for key, value in values.items()}, ensure_ascii=False)


def state_of(request: HttpRequest) -> QueryDict:
    """The view's state in the request's query string: its filters and open panes (not its page)."""
    query = QueryDict(mutable=True)
    for key in STATE_PARAMS:
        values = [value for value in request.GET.getlist(key) if value]
        if values:
            query.setlist(key, values)
    return query


def context_state(context) -> QueryDict:
    """The context's `state`, else the request's."""
    state = context.get("state")
    if state is None:
        return state_of(context["request"])
    return state.copy() if isinstance(state, QueryDict) else QueryDict(mutable=True)


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
        self.view_key = (workspace, self.timeline, state.urlencode())  # what every link depends on

    @classmethod
    def of(cls, context) -> Links:
        """The context's `links`, or links for the context's state."""
        links = context.get("links")
        if isinstance(links, Links):
            return links
        return cls(
            context_state(context) if context.get("workspace") else QueryDict(),
            workspace=bool(context.get("workspace")),
        )

    def workspace_url(self, key: str, value: object) -> str:
        """`{% url 'timeline' %}{% state_query key=value %}` for a non-empty value."""
        before, after = self._url_around(key)
        return f"{before}{quote_plus(str(value))}{after}"

    def _href(self, key: str, value: object, *, quoted: str | None = None) -> str:
        """`workspace_url` escaped for an attribute (the quoted value needs no escaping); `quoted`: the value
        already quoted."""
        if key not in self._escaped:
            self._escaped[key] = tuple(_e(part) for part in self._url_around(key))
        before, after = self._escaped[key]
        return f"{before}{quote_plus(str(value)) if quoted is None else quoted}{after}"

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
                quoted, vals, text = _actor_link_parts(name, slug)
                link = (
                    f'<a class="actor-link" href="{self._href("profile", slug, quoted=quoted)}" '
                    f'hx-get="{self._timeline}" hx-include="#filters" hx-vals="{vals}" '
                    f'hx-target="#profile-pane" hx-push-url="true">{text}</a>'
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
            f'href="{self._href("engagement", pk, quoted=str(pk))}" hx-get="{self._timeline}" hx-include="#filters" '
            f'hx-vals="{{&quot;engagement&quot;: &quot;{pk}&quot;}}" hx-target="#engagement-pane" '
            f'hx-push-url="true" data-engagement="{pk}"'
        )


@lru_cache(maxsize=4096)
def _actor_link_parts(name: str, slug: str) -> tuple[str, str, str]:
    """An actor's slug quoted for a URL, its `hx-vals` and its name, escaped: the same on every page, and
    quoting an Arabic slug took ~70% of a timeline's 80 actor links (~1 ms of a ~10 ms page)."""
    return quote_plus(slug), _e(hx_vals(profile=slug)), _e(name)
