"""Helpers the web-layer tests share."""

from __future__ import annotations

import json


def figure_of(html: str, element_id: str) -> dict:
    """The plotly figure a page passes to its script through `json_script`."""
    start = html.index(f'<script id="{element_id}" type="application/json">')
    return json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
