"""Reading cost per document by format: the same articles as plain text, a saved web page
(trafilatura), a PDF printed by Chromium (pdfminer.six) and a .docx (python-docx).

The articles are the first `docs` of the benchmark corpus; each is wrapped in a page with menus, a
sidebar of dated headlines, a footer and its date in the metadata, printed to PDF and written to
.docx, then `extraction.read.article_read` is timed on every file (the median per document; the
ratio is against reading the .txt). Needs no database. PDF printing needs Chromium and Playwright
(a dev dependency); without them the PDF row says why it is missing.
"""

from __future__ import annotations

import html
import os
import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from analysis.extraction.read import article_read

FORMATS = ("text", "html", "pdf", "docx")
PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-05T08:00:00+03:00">
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2024-03-05"}}</script>
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav></header>
<main><article><h1>{title}</h1>{body}</article>
<aside><h2>الأكثر قراءة</h2><ul><li><time datetime="2023-01-02">2023-01-02</time> وزير يستقبل نظيره</li>
<li><time datetime="2022-05-06">2022-05-06</time> رئيس الوزراء يلتقي السفير</li></ul></aside></main>
<footer><p>جميع الحقوق محفوظة © 2026</p></footer></body></html>
"""
PRINT = (
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>'
    'body {{ font-family: "Noto Naskh Arabic", serif; font-size: 13pt; }}</style></head><body>{body}</body></html>'
)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _files_write(*, sources: list[Path], folder: Path) -> str | None:
    """Each source as .html, .docx and (when Chromium is at hand) .pdf; the reason PDFs are missing."""
    import docx

    for source in sources:
        lines = _paragraphs(source.read_text(encoding="utf-8"))
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        page = PAGE.format(title=html.escape(lines[0][:80]), body=body)
        (folder / f"{source.stem}.html").write_text(page, encoding="utf-8")
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(folder / f"{source.stem}.docx")
        shutil.copyfile(source, folder / source.name)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not Path(chromium).exists():
        return f"no Chromium at {chromium}"
    # Playwright's sync API refuses to run where an asyncio loop is running (a test process that
    # already drove a browser): a thread of its own has none.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_pdfs_print, sync_playwright, chromium, sources, folder).result()
    return None


def _pdfs_print(sync_playwright, chromium: str, sources: list[Path], folder: Path) -> None:
    """Print each source to PDF with Chromium (as an analyst's saved report would be)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        for source in sources:
            body = "".join(f"<p>{html.escape(line)}</p>" for line in _paragraphs(source.read_text("utf-8")))
            page.set_content(PRINT.format(body=body))
            page.pdf(path=str(folder / f"{source.stem}.pdf"), format="A4")
        browser.close()


def reading_bench(*, corpus_dir: Path, docs: int = 40, log=print) -> dict:
    """Median milliseconds to read one document in each format, and the ratio to the text path."""
    sources = sorted(corpus_dir.glob("*.txt"))[:docs]
    folder = corpus_dir.parent / "reading"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    missing_pdf = _files_write(sources=sources, folder=folder)
    suffix = {"text": ".txt", "html": ".html", "pdf": ".pdf", "docx": ".docx"}
    results: dict = {"docs": len(sources)}
    for fmt in FORMATS:
        paths = [folder / f"{s.stem}{suffix[fmt]}" for s in sources]
        if not all(p.exists() for p in paths):
            results[fmt] = {"missing": missing_pdf or "not written"}
            continue
        article_read(path=paths[0])  # imports and first-use caches are not a per-document cost
        samples = []
        for path in paths:
            start = time.perf_counter()
            article_read(path=path)
            samples.append((time.perf_counter() - start) * 1000)
        results[fmt] = {
            "median_ms": round(statistics.median(samples), 2),
            "mean_ms": round(statistics.fmean(samples), 2),
            "max_ms": round(max(samples), 2),
        }
    text_ms = results["text"]["median_ms"]
    for fmt in FORMATS[1:]:
        if "median_ms" in results[fmt] and text_ms:
            results[fmt]["ratio_to_text"] = round(results[fmt]["median_ms"] / text_ms, 1)
    shown = ", ".join(
        f"{fmt} {results[fmt]['median_ms']} ms" if "median_ms" in results[fmt] else f"{fmt} missing"
        for fmt in FORMATS
    )
    log(f"reading: {len(sources)} documents, median per document: {shown}")
    return results
