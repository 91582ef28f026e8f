"""Curation as training data (issue 18): `manage.py export gold PATH` writes curated documents in
CONVENTIONS.md's format, rejected facts left out of the gold (negative examples), and a model
retrained on them with `train_extractor --gold-dir/--text-dir` gets the curated document right.

The articles are made up, in the style of the pattern they teach: a denied meeting (`ونفى مكتب
الوزير أن يكون X قد التقى Y`) that today's rules report as a meeting."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from analysis.models import Engagement
from analysis.services.ingestion import document_ingest

pytestmark = pytest.mark.django_db

PEOPLE = [
    (
        "وزير الداخلية العراقي",
        "عبد الأمير الشمري",
        "السفير البريطاني",
        "ستيفن هيتشن",
        "القائد الإيراني",
        "حسن كاظمي",
    ),
    (
        "رئيس أركان الجيش العراقي",
        "عبد الأمير يارالله",
        "السفير الفرنسي",
        "باتريك دوريل",
        "المبعوث الروسي",
        "سيرغي لافرين",
    ),
    (
        "مستشار الأمن الوطني",
        "قاسم الأعرجي",
        "السفيرة الأمريكية",
        "ألينا رومانوسكي",
        "المسؤول السوري",
        "علي مملوك",
    ),
    ("وزير الدفاع العراقي", "ثابت العباسي", "السفير التركي", "علي رضا كوناي", "القيادي اللبناني", "محمد رعد"),
]


def article(k: int) -> str:
    host_title, host, guest_title, guest, denied_title, denied = PEOPLE[k]
    return (
        f"بغداد - {k + 3} آذار 2024\n"
        f"استقبل {host_title} {host} {guest_title} {guest} في بغداد وبحث معه التعاون الأمني.\n"
        f"ونفى مكتب {host_title} أن يكون {host} قد التقى {denied_title} {denied} خلال الشهر الماضي.\n"
    )


def pairs(text: str) -> set[frozenset[str]]:
    from analysis.extraction.pipeline import extract_document

    return {frozenset(p.name for p in e.participants) for e in extract_document(text).engagements}


@pytest.fixture
def curated(tmp_path, admin_user):
    """Four articles ingested; in each, the curator verifies the meeting and rejects the denied one."""
    from analysis.services import curation

    for k in range(4):
        path = tmp_path / "in" / f"{k}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(article(k), encoding="utf-8")
        document_ingest(path=path)
    for _, host, _, guest, _, denied in PEOPLE:
        mine = Engagement.objects.filter(participations__actor__name=host)
        curation.engagements_verify(
            engagements=mine.filter(participations__actor__name=guest), user=admin_user
        )
        curation.engagements_reject(
            engagements=mine.filter(participations__actor__name=denied), user=admin_user
        )
    return tmp_path


def test_export_gold_writes_curated_documents_with_rejected_facts_left_out(curated):
    out = curated / "gold"
    call_command("export", "gold", str(out))

    files = sorted(out.glob("*.json"))
    assert len(files) == 4 and len(list(out.glob("*.txt"))) == 4
    gold = json.loads(files[0].read_text(encoding="utf-8"))
    assert files[0].with_suffix(".txt").read_text(encoding="utf-8").strip() == article(0).strip()
    assert [set(e["participants"]) for e in gold["engagements"]] == [{"عبد الأمير الشمري", "ستيفن هيتشن"}]
    assert gold["engagements"][0]["type"] == "meeting" and gold["engagements"][0]["reviewed"] is True
    assert [set(e["participants"]) for e in gold["rejected"]] == [{"عبد الأمير الشمري", "حسن كاظمي"}]
    names = {a["name"]: a for a in gold["actors"]}
    assert {"عبد الأمير الشمري", "ستيفن هيتشن", "حسن كاظمي"} <= set(names)
    assert names["ستيفن هيتشن"]["kind"] == "person"


def test_a_model_retrained_on_the_export_gets_the_curated_document_right(curated, monkeypatch):
    out, models = curated / "gold", curated / "models"
    call_command("export", "gold", str(out))
    text = article(0)
    denied = frozenset({"عبد الأمير الشمري", "حسن كاظمي"})
    met = frozenset({"عبد الأمير الشمري", "ستيفن هيتشن"})
    before = pairs(text)
    assert denied in before  # the packaged model keeps the denied meeting

    empty_corpus = curated / "corpus"
    (empty_corpus / "gold").mkdir(parents=True)
    # a small corpus (the five seed articles) and the export: seconds, not the whole dev part
    call_command(
        "train_extractor",
        "--corpus",
        str(empty_corpus),
        "--gold-dir",
        str(out),
        "--text-dir",
        str(out),
        "--out",
        str(models),
    )
    monkeypatch.setenv("EXTRACTION_MODELS", str(models))
    after = pairs(text)
    assert met in after and denied not in after
