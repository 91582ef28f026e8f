"""The static files storage: the URLs whitenoise's storage gives, computed once per name."""

from __future__ import annotations

from whitenoise.storage import CompressedStaticFilesStorage

from analysis.staticfiles import CompressedStaticFiles


def test_each_files_url_is_whitenoises_and_is_kept(tmp_path):
    storage = CompressedStaticFiles(location=tmp_path, base_url="/static/")
    plain = CompressedStaticFilesStorage(location=tmp_path, base_url="/static/")
    for name in ("css/app.css", "vendor/plotly.min.js", "fonts/نص عربي.woff2"):
        assert storage.url(name) == plain.url(name) == storage.url(name)
    assert storage.url("fonts/نص عربي.woff2") == "/static/fonts/%D9%86%D8%B5%20%D8%B9%D8%B1%D8%A8%D9%8A.woff2"
    storage.base_url = "/assets/"  # kept: computed once, not per request
    assert storage.url("css/app.css") == "/static/css/app.css"
