"""Links that keep the view's state."""

from __future__ import annotations

import pytest
from django.template import Context
from django.urls import reverse

from analysis.templatetags.dashboard import state_query
from analysis.web.links import Links, state_of


@pytest.mark.parametrize(
    "query",
    [
        "",
        "engagement=7",
        "actor=a&actor=%D8%A8&date_from=2024&profile=x-1",
        "profile=x-1&engagement=3&page=2",
    ],
)
def test_workspace_links_keep_the_state_as_state_query_does(rf, query):
    """Links encode the state once and fill in each value: the same URLs as `{% state_query %}`."""
    context = Context({"request": rf.get(f"/?{query}"), "workspace": True})
    links = Links(state_of(context["request"]), workspace=True)
    for key, value in [("engagement", 42), ("profile", "فالح-الفياض 2"), ("engagement", 7)]:
        assert links.workspace_url(key, value) == reverse("timeline") + state_query(context, **{key: value})
