"""Article files made at test time from the corpus's plain texts (never copied into the project):
a saved news page around the text, the same text printed to PDF by Chromium, written to .docx."""

from __future__ import annotations

import base64
import html
import json
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
# Six articles outside the blind part (tests/data/corpus_split.json) with a known publication date and
# 3-6 engagements each from the .txt.
ARTICLES = ("B11", "B13", "C08", "C15", "D06", "D12")

OTHER_HEADLINES = (
    ("2019-03-14", "وزير الخارجية الأردني يستقبل نظيره المصري في عمّان"),
    ("2021-11-02", "رئيس الوزراء العراقي يلتقي السفير الأمريكي في بغداد"),
    ("2023-06-20", "الرئيس التركي يبحث مع نظيره الإيراني ملف الحدود"),
)


def corpus_text(article: str) -> str:
    return (CORPUS / "texts" / f"{article}.txt").read_text(encoding="utf-8")


def corpus_published(article: str) -> date | None:
    value = json.loads((CORPUS / "gold" / f"{article}.json").read_text(encoding="utf-8")).get("published")
    return date.fromisoformat(value[:10]) if value else None


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def news_page(*, text: str, title: str, published: date, outlet: str = "صحيفة الاختبار") -> str:
    """A saved news page: menus, a sidebar of other dated headlines, a footer, and the article with
    its date in `<meta property="article:published_time">` and JSON-LD (not in the visible text)."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    aside = "\n".join(
        f'<li><a href="/news/{i}"><time datetime="{day}">{day}</time> {html.escape(headline)}</a></li>'
        for i, (day, headline) in enumerate(OTHER_HEADLINES)
    )
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{published.isoformat()}T09:30:00+03:00",
            "author": {"@type": "Person", "name": "محرر الشؤون السياسية"},
            "publisher": {"@type": "Organization", "name": outlet},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(outlet)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(outlet)}">
<meta property="article:published_time" content="{published.isoformat()}T09:30:00+03:00">
<script type="application/ld+json">{ld}</script>
<style>body {{ font-family: sans-serif; }}</style>
</head>
<body>
<header><nav><ul>
<li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li>
<li><a href="/sport">رياضة</a></li><li><a href="/opinion">آراء</a></li></ul></nav>
<div class="today">الإثنين 7 كانون الأول 2026</div></header>
<main>
<article>
<h1>{html.escape(title)}</h1>
<div class="byline">محرر الشؤون السياسية</div>
<div class="article-body">
{body}
</div>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
</article>
<aside><h2>الأكثر قراءة</h2><ul>
{aside}
</ul></aside>
</main>
<footer><p>جميع الحقوق محفوظة © 2026 {html.escape(outlet)}</p>
<ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li></ul></footer>
<script>window.dataLayer = [];</script>
</body>
</html>
"""


def chrome_only_page() -> str:
    """A section front: menus, teasers and a footer, no article."""
    teasers = "\n".join(
        f'<li><a href="/news/{i}">{html.escape(headline)}</a> <time datetime="{day}">{day}</time></li>'
        for i, (day, headline) in enumerate(OTHER_HEADLINES)
    )
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>سياسة | صحيفة الاختبار</title></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li></ul></nav></header>
<main><h1>سياسة</h1><ul>{teasers}</ul></main>
<footer><p>جميع الحقوق محفوظة © 2026 صحيفة الاختبار</p></footer></body></html>
"""


HEADLINE = "تطورات العلاقات الإقليمية: قراءة في آخر المستجدات"  # the excerpts have none of their own


PRINT_STYLE = 'body { font-family: "Noto Naskh Arabic", serif; font-size: 13pt; margin: 0; }'


def _printable(text: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<style>{PRINT_STYLE}</style></head><body>{body}</body></html>"
    )


def pdf_print(page, *, text: str, path: Path) -> Path:
    """The text printed to PDF by Chromium (`page` is a Playwright page), in Noto Naskh Arabic."""
    page.set_content(_printable(text))
    page.pdf(
        path=str(path), format="A4", margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"}
    )
    return path


def scanned_pdf(page, *, text: str, path: Path) -> Path:
    """A scan: the text photographed (a screenshot) and printed as an image, with no text layer."""
    page.set_viewport_size({"width": 800, "height": 1000})
    page.set_content(_printable(text))
    image = base64.b64encode(page.screenshot(full_page=True)).decode("ascii")
    page.set_content(
        f'<html><body style="margin:0"><img src="data:image/png;base64,{image}" width="700"></body></html>'
    )
    page.pdf(path=str(path), format="A4")
    return path


def protected_pdf(source: Path, *, path: Path) -> Path:
    """A copy of a PDF that opens only with a password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="AES-256")
    with path.open("wb") as out:
        writer.write(out)
    return path


def docx_write(*, text: str, path: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for paragraph in paragraphs(text):
        document.add_paragraph(paragraph).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(path)
    return path


def corrupt_docx(source: Path, *, path: Path) -> Path:
    """A .docx cut off halfway through copying."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
