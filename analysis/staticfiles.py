"""Static files: plotly.js served from the installed plotly package (one version, no CDN), and the storage
that gives their URLs."""

from __future__ import annotations

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedStaticFilesStorage

PLOTLY_JS = "vendor/plotly.min.js"
PLOTLY_DIR = Path(plotly.__file__).parent / "package_data"


class PlotlyFinder(BaseFinder):
    """Finds `vendor/plotly.min.js` in the plotly package's data."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=PLOTLY_DIR)
        self.storage.prefix = "vendor"

    def check(self, **kwargs):
        return []

    def find(self, path: str, find_all: bool = False, **kwargs):
        if path == PLOTLY_JS:
            match = str(PLOTLY_DIR / "plotly.min.js")
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns):
        yield "plotly.min.js", self.storage


class CompressedStaticFiles(CompressedStaticFilesStorage):
    """Whitenoise's compressed files, each file's URL computed once: every page asks for eight (`{% static %}`
    and htmx's script), ~0.15 ms of the ~4 ms of the timeline page's own work (issue 15's ratio to its SQL)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str | None, str] = {}  # the names templates ask for: a few dozen

    def url(self, name: str | None) -> str:
        url = self._urls.get(name)
        if url is None:
            url = self._urls[name] = super().url(name)
        return url
