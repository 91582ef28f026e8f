"""Article text that carries markup, scripts or bidi overrides is shown as text everywhere.

Every field an article (or an analyst) can fill holds a payload that would set `window.__pwned`
or open a dialog if it ran. The server-side tests read the HTML of every page; the browser tests
load each page in Chromium with the page's CSP switched off (`bypass_csp`), so that what they
prove is the escaping itself, not the policy behind it, open the HTMX panes, hover the charts,
and check that nothing ran, nothing was injected and no override leaked out of its field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse

from analysis.models import Actor, ActorTitle, Document, Engagement, Mention
from tests.factories import actor_create, document_create, engagement_create

SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'; alert('img')\">"
SVG = "<svg onload=\"window.__pwned='svg'\"></svg>"
LINK = '<a href="https://evil.example/">اضغط هنا</a>'
BOLD = "<b>عريض</b>"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed
PAYLOADS = (SCRIPT, IMG, SVG, LINK)
RAW_MARKUP = re.compile(
    r"<script>window\.__pwned|<img src=x onerror|<svg onload|<a href=\"https://evil\.example|<b>عريض"
)
ESCAPED = re.compile(r"&lt;(?:script|img|svg|a|b)\b|\\u003C(?:script|img|svg|a|b)\b")


@dataclass
class HostileWorld:
    fayyad: Actor
    kutrashev: Actor
    russia: Actor
    document: Document
    meeting: Engagement
    talks: Engagement


def hostile_world_create() -> HostileWorld:
    fayyad = actor_create(
        name=f"فالح الفياض {IMG}",
        slug="hostile-fayyad",
        aliases=[f"الفياض {SCRIPT}"],
        description=SCRIPT,
        name_en=LINK,
        is_curated=True,
    )
    kutrashev = actor_create(name=f"{RLO}ألبروس كوتراشيف {SVG}", slug="hostile-kutrashev")
    russia = actor_create(name=f"روسيا {LINK} {BOLD}", kind="state", slug="hostile-russia")
    first = f"التقى فالح الفياض {IMG} السفير ألبروس كوتراشيف {SCRIPT} في بغداد {RLO}يوم الخميس {SVG}."
    second = f"وبحث الفياض مع روسيا {LINK} التعاون العسكري."
    text = f"بغداد – {BOLD}\n\n{first} وأكد الجانبان أهمية العلاقات.\n\n{second}\n"
    document = document_create(
        text=text,
        title=f"عنوان {SCRIPT} {RLO}مقلوب",
        outlet=f"وكالة {IMG}",
        author=LINK,
        source_path=f"/tmp/{SVG}.txt",
    )
    for actor, surface in ((fayyad, "فالح الفياض"), (kutrashev, "ألبروس كوتراشيف"), (russia, "روسيا")):
        start = text.index(surface)
        Mention.objects.create(
            document=document, actor=actor, start=start, end=start + len(surface), surface=surface
        )
    ActorTitle.objects.create(actor=fayyad, title=f"رئيس {SCRIPT}", document=document)
    meeting = engagement_create(actors=[fayyad, kutrashev], date="2024-02-01", location=f"بغداد {SVG}")
    Engagement.objects.filter(pk=meeting.pk).update(date_text=f"الخميس {IMG}")
    talks = engagement_create(actors=[fayyad, russia], type="talks", date="2024-03", location=f"موسكو {RLO}x")
    for engagement, sentence in ((meeting, first), (talks, second)):
        start = text.index(sentence)
        engagement.evidence.create(
            document=document, start=start, end=start + len(sentence), sentence=sentence
        )
    return HostileWorld(fayyad, kutrashev, russia, document, meeting, talks)


def dashboard_urls(world: HostileWorld) -> list[str]:
    timeline = reverse("timeline")
    return [
        timeline,
        f"{timeline}?engagement={world.meeting.pk}",
        f"{timeline}?profile={world.fayyad.slug}",
        f"{timeline}?actor={world.fayyad.slug}&actor_q={SCRIPT}&date_from={IMG}",
        reverse("engagement_detail", args=[world.meeting.pk]),
        reverse("engagement_detail", args=[world.talks.pk]),
        reverse("actor_detail", args=[world.fayyad.slug]),
        reverse("actor_detail", args=[world.kutrashev.slug]),
        reverse("document_detail", args=[world.document.pk]),
        f"{reverse('search')}?q=الفياض",
        f"{reverse('search')}?q={IMG}",
    ]


def admin_urls(world: HostileWorld) -> list[str]:
    urls = []
    for model, pk in (
        ("document", world.document.pk),
        ("actor", world.fayyad.pk),
        ("actor", world.kutrashev.pk),
        ("engagement", world.meeting.pk),
    ):
        urls += [
            reverse(f"admin:analysis_{model}_changelist"),
            reverse(f"admin:analysis_{model}_change", args=[pk]),
            reverse(f"admin:analysis_{model}_history", args=[pk]),
        ]
    urls.append(reverse("admin:analysis_alias_changelist"))
    urls.append(reverse("admin:analysis_engagement_changelist") + "?q=الفياض")
    return urls


# ---------------------------------------------------------------------------------------------
# The HTML as served


@pytest.mark.django_db
def test_every_page_serves_hostile_text_escaped(client, admin_client, analyst):
    world = hostile_world_create()
    client.force_login(analyst)
    pages = [(client, url) for url in dashboard_urls(world)] + [
        (admin_client, url) for url in admin_urls(world)
    ]
    problems = []
    for browser, url in pages:
        response = browser.get(url)
        if response.status_code != 200:
            problems.append(f"{url}: HTTP {response.status_code}")
            continue
        html = response.content.decode()
        if raw := RAW_MARKUP.findall(html):
            problems.append(f"{url}: markup from the data is live HTML: {sorted(set(raw))}")
        if not ESCAPED.search(html):
            problems.append(f"{url}: shows none of the hostile text (expected it escaped, not dropped)")
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_htmx_fragments_serve_hostile_text_escaped(client, analyst):
    world = hostile_world_create()
    client.force_login(analyst)
    timeline = reverse("timeline")
    fragments = [
        (f"{timeline}?engagement={world.meeting.pk}", "engagement-pane"),
        (f"{timeline}?profile={world.fayyad.slug}", "profile-pane"),
        (f"{timeline}?actor_q=الفياض", "actor-options"),
        (timeline, "timeline-results"),
        (reverse("engagement_detail", args=[world.meeting.pk]), "engagement-detail"),
        (reverse("actor_detail", args=[world.fayyad.slug]), "actor-profile"),
    ]
    for url, target in fragments:
        response = client.get(url, headers={"HX-Request": "true", "HX-Target": target})
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<html" not in html, f"{url} ({target}) sent the whole page, not the fragment"
        assert not RAW_MARKUP.search(html), f"{url} ({target}): {RAW_MARKUP.findall(html)}"


# ---------------------------------------------------------------------------------------------
# In Chromium, with the CSP switched off

CANARY = """
window.__dialogs = [];
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective));
"""
INJECTED = """
() => {
  const found = Array.from(document.querySelectorAll(
    "img[src='x'], [onerror], [onload], svg[onload], script:not([src]):not([type='application/json'])"
  ));
  found.push(...Array.from(document.querySelectorAll("a")).filter(
    (a) => ((a.getAttribute("href") || "") + (a.getAttribute("xlink:href") || "")).includes("evil.example")
  ));
  found.push(...Array.from(document.querySelectorAll("b")).filter((b) => b.textContent === "عريض"));
  return found.map((element) => element.outerHTML.slice(0, 80));
}
"""
# Text nodes holding an explicit bidi control must sit in an element that isolates them
# (unicode-bidi: isolate / plaintext, as <bdi> or dir="..." give) or be alone in their block;
# otherwise an unclosed override reverses the text that follows it on the page.
BIDI_LEAKS = r"""
() => {
  const controls = /[\u202a-\u202e\u2066-\u2069]/;
  const leaks = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!controls.test(node.data)) continue;
    let element = node.parentElement, safe = false;
    if (element.closest("svg text")) continue;  // an SVG text element is laid out on its own
    while (element) {
      const style = getComputedStyle(element);
      if (["isolate", "isolate-override", "plaintext"].includes(style.unicodeBidi)) { safe = true; break; }
      if (style.display !== "inline" && style.display !== "contents") {
        safe = element.textContent.trim() === node.data.trim();
        break;
      }
      element = element.parentElement;
    }
    if (!safe && node.parentElement.closest("title, script, style, textarea, input, option") === null) {
      leaks.push(node.parentElement.tagName.toLowerCase() + ": " + node.data.trim().slice(0, 60));
    }
  }
  return leaks;
}
"""


def _watch(page) -> list[str]:
    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.add_init_script(CANARY)
    return dialogs


def _ran_or_injected(page, url: str) -> list[str]:
    problems = []
    if (pwned := page.evaluate("window.__pwned")) is not None:
        problems.append(f"{url}: a payload ran (window.__pwned = {pwned!r})")
    if injected := page.evaluate(INJECTED):
        problems.append(f"{url}: elements from the data: {injected}")
    return problems


def _hover_charts(page) -> list[str]:
    """Hover every bar of every chart on the page; return the hover labels' text."""
    labels = []
    bars = page.locator(".plotly-chart .bars .point path")
    for index in range(bars.count()):
        bars.nth(index).hover(force=True)
        page.wait_for_timeout(60)
        labels.append(page.locator(".plotly-chart .hoverlayer").first.text_content() or "")
    return labels


@pytest.mark.browser
@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.django_db(transaction=True)
def test_no_script_from_the_data_runs_on_any_dashboard_page(analyst_page, live_server, external_requests):
    page = analyst_page
    dialogs = _watch(page)
    world = hostile_world_create()
    problems: list[str] = []
    hover_labels: list[str] = []
    timeline = reverse("timeline")
    pages = [  # the pages where scripts draw or swap in what the server sent
        timeline,
        f"{timeline}?engagement={world.meeting.pk}",
        f"{timeline}?profile={world.fayyad.slug}",
        reverse("engagement_detail", args=[world.meeting.pk]),
        reverse("actor_detail", args=[world.fayyad.slug]),
        reverse("document_detail", args=[world.document.pk]),
        f"{reverse('search')}?q=الفياض",
    ]
    for path in pages:
        url = live_server.url + path
        response = page.goto(url)
        assert response.ok, url
        hover_labels += _hover_charts(page)
        problems += _ran_or_injected(page, path)
        if leaks := page.evaluate(BIDI_LEAKS):
            problems.append(f"{path}: bidi override not isolated: {leaks}")

    # The same content arriving through HTMX swaps: open the engagement pane and the profile pane.
    page.goto(live_server.url + timeline)
    page.locator(f"[data-engagement-card='{world.meeting.pk}'] a.engagement-link").click()
    page.locator("#engagement-pane .evidence, #engagement-pane mark").first.wait_for()
    page.locator("#engagement-pane a.actor-link").first.click()
    page.locator("#profile-pane .pane-tools").wait_for()
    page.wait_for_load_state("networkidle")
    hover_labels += _hover_charts(page)
    problems += _ran_or_injected(page, "timeline after HTMX swaps")
    if leaks := page.evaluate(BIDI_LEAKS):
        problems.append(f"timeline after HTMX swaps: bidi override not isolated: {leaks}")

    assert problems == [], "\n".join(problems)
    assert dialogs == []
    assert external_requests == []
    # The counterparts chart names the hostile actors: its labels show their markup as text.
    assert any(
        "<svg onload" in label or '<a href="https://evil.example/">' in label for label in hover_labels
    ), hover_labels


@pytest.fixture
def admin_page(page, live_server, admin_client, admin_user):
    session = admin_client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": live_server.url}]
    )
    return page


@pytest.mark.browser
@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.django_db(transaction=True)
def test_no_script_from_the_data_runs_in_the_admin(admin_page, live_server, external_requests):
    page = admin_page
    dialogs = _watch(page)
    world = hostile_world_create()
    problems: list[str] = []
    for path in [url for url in admin_urls(world) if "/history/" not in url]:
        response = page.goto(live_server.url + path)
        assert response.ok, path
        problems += _ran_or_injected(page, path)
    assert problems == [], "\n".join(problems)
    assert dialogs == []
    assert external_requests == []
