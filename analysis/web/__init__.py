"""The analyst's web pages: everything between the selectors and the browser.

`views` and `urls` (one view per page, its HTMX fragment a named partial), `forms` (the timeline's
filters), `cards` (the one engagement card), `links` (links that keep the view's state), `formats`
(Arabic dates and counts), `charts` (Plotly figures), `highlight` (marked document text). Arabic text
helpers come from `analysis.arabic`; nothing here imports `analysis.extraction`.
"""
