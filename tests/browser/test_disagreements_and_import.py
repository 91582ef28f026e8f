"""Issue 14, parts 3 and 4 in a real Chromium: sources that disagree (flagged, listed, resolved from the
admin queue) and import in the browser (three outcomes, curators only). Screenshots for the README."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from analysis.arabic import DateValue
from analysis.extraction.results import (
    ActorKind,
    DocumentMetadata,
    EngagementType,
    ExtractedActor,
    ExtractedEngagement,
    ExtractionResult,
    Participant,
    Span,
)
from analysis.models import Disagreement, Document, Engagement
from analysis.services.ingestion import document_ingest
from tests.browser.support import readme_shot, serious_violations

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_0fe2ef76fa9356ca.txt"
BINARY = ROOT / "tests" / "data" / "bad_input" / "binary.txt"
PAIR = ["فالح الفياض", "ألبروس كوتراشيف"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Two made-up outlets report one meeting four days apart: (outlet, text, date, date as written).
MISDATED = (
    (
        "المدى",
        "التقى رئيس هيئة الحشد الشعبي فالح الفياض السفير الروسي ألبروس كوتراشيف في بغداد يوم الخميس 1 شباط 2024.",
        "2024-02-01",
        "يوم الخميس 1 شباط 2024",
    ),
    (
        "روسيا اليوم",
        "قالت السفارة الروسية إن السفير ألبروس كوتراشيف التقى فالح الفياض في بغداد يوم الاثنين 5 شباط 2024.",
        "2024-02-05",
        "يوم الاثنين 5 شباط 2024",
    ),
)


def made_up_extract(raw_text: str, *, known_actors=()) -> ExtractionResult:
    """What the pipeline would find in a `MISDATED` article: the two men, one meeting, its date and place."""
    outlet, sentence, iso, date_text = next(article for article in MISDATED if article[1] in raw_text)
    start = raw_text.index(sentence)
    actors = [
        ExtractedActor(
            name,
            ActorKind.PERSON,
            mentions=[Span(name, raw_text.index(name), raw_text.index(name) + len(name))],
        )
        for name in PAIR
    ]
    meeting = ExtractedEngagement(
        EngagementType.MEETING,
        [Participant(name) for name in PAIR],
        Span(sentence, start, start + len(sentence)),
        date=DateValue.from_iso(iso),
        date_text=date_text,
        location="بغداد",
    )
    return ExtractionResult(
        raw_text, DocumentMetadata(title=f"لقاء في بغداد ({outlet})", outlet=outlet), actors, [meeting]
    )


@pytest.fixture
def misdated_meeting(tmp_path):
    """The `MISDATED` articles stored by ingestion, which flags them."""
    for number, (outlet, sentence, _, _) in enumerate(MISDATED):
        path = tmp_path / f"{number}.txt"
        path.write_text(f"بغداد – {outlet}\n\n{sentence}\n")
        document_ingest(path=path, extractor=made_up_extract, extractor_version="v1")
    assert list(Disagreement.objects.values_list("kind", flat=True)) == ["date"]


def test_disagreeing_sources_are_flagged_listed_and_resolved_from_the_admin_queue(
    curator_page, live_server, misdated_meeting, screenshot, console_errors
):
    page = curator_page
    page.goto(live_server.url + "/")
    cards = page.locator("#timeline-results .engagement-card")
    expect(cards).to_have_count(2)
    expect(page.locator("#timeline-results .badge.disagree")).to_have_count(2)

    page.locator("#id_disagree").check()
    expect(page).to_have_url(re.compile(r"disagree=1"))
    expect(cards).to_have_count(2)
    cards.first.locator(".engagement-link").click()
    pane = page.locator("#engagement-pane .disagreements")
    expect(pane).to_be_visible()
    expect(pane.locator(".reading")).to_have_count(2)
    expect(pane.locator(".reading").nth(0)).to_contain_text("كوتراشيف")
    expect(pane).to_contain_text("1 شباط 2024")
    expect(pane).to_contain_text("5 شباط 2024")
    assert serious_violations(page) == []
    screenshot("timeline")
    readme_shot(page, "sources-disagree", full_page=True)

    pane.get_by_role("link", name="احسم الاختلاف في قائمة المراجعة").click()
    expect(page.locator(".disagreement-decision .reading")).to_have_count(2)
    assert serious_violations(page) == []
    screenshot("queue-decision")
    page.goto(live_server.url + "/admin/analysis/disagreement/")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    assert serious_violations(page) == []
    screenshot("queue")

    page.locator("#result_list tbody tr a").first.click()
    page.get_by_label("اعتمد الرواية 1").check()
    page.get_by_role("button", name="اعتمد الرواية المختارة").click()
    expect(page.locator(".messagelist")).to_contain_text("حُسم الاختلاف")
    expect(page.locator("#result_list")).to_have_count(0)  # the queue of open flags is empty

    assert Engagement.objects.count() == 1
    assert Engagement.objects.get().evidence.count() == 2
    page.goto(live_server.url + "/?disagree=1")
    expect(page.locator("#timeline-results div.empty-state")).to_contain_text("لا أحداث تطابق هذه التصفية")
    page.goto(live_server.url + "/")
    expect(cards).to_have_count(1)
    expect(page.locator("#timeline-results .badge.disagree")).to_have_count(0)
    assert console_errors == []


def test_an_upload_of_a_good_file_a_duplicate_and_a_binary_file_gives_three_outcomes(
    curator_page, live_server, tmp_path, screenshot, console_errors
):
    page = curator_page
    copy = tmp_path / "the-same-article.txt"
    shutil.copy(SEED, copy)
    page.goto(live_server.url + "/import/")
    expect(page.locator(".recent-batches .empty-state")).to_contain_text("لم تُرفع ملفات بعد")
    assert serious_violations(page) == []
    screenshot("empty")

    page.set_input_files("#id_files", [str(SEED), str(copy), str(BINARY)])
    page.get_by_role("button", name="ارفع واقرأ").click()
    expect(page.locator("#batch-status")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/import/\d+/$"))
    expect(page.locator("#batch-status[data-running='0']")).to_be_visible(timeout=180_000)

    items = page.locator(".outcome-list li")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_have_attribute("data-outcome", "stored")
    expect(items.nth(1)).to_have_attribute("data-outcome", "duplicate")
    expect(items.nth(2)).to_have_attribute("data-outcome", "refused")
    expect(items.nth(2)).to_contain_text("ملف ثنائي وليس نصًّا")
    expect(page.locator(".batch-counts")).to_contain_text("حُفظ 1 · مكرَّر 1 · مرفوض 1")
    assert serious_violations(page) == []
    screenshot("outcomes")
    readme_shot(page, "import", full_page=True)
    assert Document.objects.count() == 1
    assert console_errors == []


def test_an_analyst_gets_403_on_the_import_page(analyst_page, live_server, screenshot):
    page = analyst_page
    response = page.goto(live_server.url + "/import/")

    assert response.status == 403
    expect(page.locator("h1")).to_have_text("غير مسموح")
    expect(page.locator("[role=alert]")).to_contain_text("الاستيراد للمنقِّحين وحدهم")
    assert serious_violations(page) == []
    screenshot("forbidden")
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="استيراد")).to_have_count(0)
