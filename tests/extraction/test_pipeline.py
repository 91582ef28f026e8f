"""The entry point: whole documents in, a consistent result out, for any text at all."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.extraction.pipeline import NER_NOTICE, extract_document
from analysis.extraction.results import ActorKind, EngagementType, KnownActor

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARABIC_PIECES = [
    "التقى",
    "استقبل",
    "زار",
    "رئيس",
    "هيئة",
    "الحشد",
    "الشعبي",
    "فالح",
    "الفياض",
    "السفير",
    "الروسي",
    "في",
    "بغداد",
    "موسكو",
    "مع",
    "كل",
    "من",
    "و",
    "،",
    ".",
    "((",
    "))",
    "“",
    "”",
    "1/2/2024",
    "الخميس",
    "كانون الثاني",
    "2024",
    "ولم",
    "يلتقِ",
    "بين",
    "هجوم",
    "مقتل",
    "الجنرال",
    "\n",
    "  • ",
    "الأكثر متابعة",
    "أبو",
    "عبد",
    "ـ",
    "ً",
    "٣",
    "۴",
    "ی",
    "ک",
    "لل",
    "زيارة",
    "إلى",
    "التي",
    "قام",
    "بها",
    "التقيا",
    "ناقش",
]


def assert_offsets_hold(result) -> None:
    text = result.text
    for actor in result.actors:
        for span in actor.mentions:
            assert text[span.start : span.end] == span.text
    for engagement in result.engagements:
        for span in (engagement.evidence, *engagement.more_evidence):
            assert text[span.start : span.end] == span.text
        names = {a.name for a in result.actors}
        assert all(p.name in names or p.name for p in engagement.participants)


def test_seed_document_end_to_end():
    raw = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    result = extract_document(raw)
    assert result.metadata.title.startswith("مركز دراسات الحرب")
    persons = {a.name for a in result.actors if a.kind == ActorKind.PERSON}
    assert persons == {"إلبروس كوتراشيف", "عمار الحكيم", "فالح الفياض", "محمد شياع السوداني", "قيس الخزعلي"}
    meetings = [e for e in result.engagements if e.type == EngagementType.MEETING]
    assert [e.date.iso for e in meetings] == ["2024-01-31", "2024-02-01", "2024-02-05", "2024-02-20"]
    assert_offsets_hold(result)
    contract = result.to_contract("x.txt")
    assert contract["engagements"][0]["participants"] == ["إلبروس كوتراشيف", "عمار الحكيم"]


def test_participants_are_actors_of_the_same_result():
    for path in sorted(SEEDS.glob("*.txt")):
        result = extract_document(path.read_text(encoding="utf-8"))
        names = {a.name for a in result.actors}
        for engagement in result.engagements:
            assert {p.name for p in engagement.participants} <= names, path.name


def test_deterministic():
    raw = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    assert extract_document(raw).to_contract("a") == extract_document(raw).to_contract("a")


def test_known_actor_names_are_used():
    known = [KnownActor(name="فالح فياض", kind=ActorKind.PERSON, aliases=("فالح الفياض", "الفياض"))]
    raw = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    result = extract_document(raw, known_actors=known)
    assert "فالح فياض" in {a.name for a in result.actors}
    assert all("فالح الفياض" != p.name for e in result.engagements for p in e.participants)
    assert any("فالح فياض" in {p.name for p in e.participants} for e in result.engagements)


def test_missing_ner_model_is_reported_not_fatal(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    from analysis.extraction import pipeline

    monkeypatch.setattr(pipeline, "_NER_STATE", {})
    result = extract_document("التقى رئيس الوزراء محمد شياع السوداني السفير الروسي إلبروس كوتراشيف.")
    assert NER_NOTICE in result.notices
    assert len(result.engagements) == 1


def test_a_damaged_ner_model_is_reported_not_fatal(monkeypatch, tmp_path):
    (tmp_path / "data" / "ner" / "arabert").mkdir(parents=True)  # the folder, but no model in it
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    from analysis.extraction import pipeline

    monkeypatch.setattr(pipeline, "_NER_STATE", {})
    result = extract_document("التقى رئيس الوزراء محمد شياع السوداني السفير الروسي إلبروس كوتراشيف.")
    assert any("could not be loaded" in notice for notice in result.notices)
    assert len(result.engagements) == 1


def test_ner_person_labels_become_names_of_two_words_or_more():
    from analysis.extraction.pipeline import person_names

    tokens = ["استقبل", "محمد", "شياع", "السوداني", "الوزير", "لافروف", "في", "بغداد", "علي", "رضا"]
    labels = ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-PERS", "O", "B-LOC", "B-PERS", "I-PERS"]
    assert person_names(tokens, labels) == ["محمد شياع السوداني", "علي رضا"]
    assert person_names(tokens, ["O"] * len(tokens)) == []


def test_empty_binary_and_huge_inputs():
    assert extract_document("").engagements == []
    junk = extract_document("\x00\xff\ud800 \x1b[0m" * 50)
    assert_offsets_hold(junk)
    huge = extract_document("التقى رئيس الوزراء محمد شياع السوداني السفير الروسي إلبروس كوتراشيف. " * 3000)
    assert huge.engagements and any("cut" in n for n in huge.notices)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ARABIC_PIECES) | st.text(max_size=8), max_size=60).map(" ".join))
def test_no_arabic_like_text_crashes_and_every_span_slices_the_text(text):
    result = extract_document(text)
    assert not [n for n in result.notices if "failed" in n]
    assert_offsets_hold(result)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_no_text_at_all_crashes(text):
    result = extract_document(text)
    assert not [n for n in result.notices if "failed" in n]
    assert_offsets_hold(result)


ANOTHER_OUTLET = "\n".join(
    [
        "بغداد اليوم",
        "آخر الأخبار | أمني | سياسي",
        "السوداني يتلقى اتصالاً هاتفياً من بلينكن",
        "2024-01-15 | 09:12",
        "تلقى رئيس مجلس الوزراء محمد شياع السوداني، مساء الأحد، اتصالاً هاتفياً "
        "من وزير الخارجية الأمريكي أنتوني بلينكن، جرى خلاله بحث التطورات في المنطقة.",
        "وفي سياق متصل، قصفت طائرات أمريكية مقرا لكتائب حزب الله في "
        "القائم، ما أسفر عن مقتل القيادي في الكتائب أبو تقوى السعيدي.",
        "وكان رئيس إقليم كوردستان نيجيرفان بارزاني قد التقى "
        "في طهران الأسبوع الماضي الرئيس الإيراني إبراهيم رئيسي.",
        "أخبار ذات صلة",
        "بارزاني يلتقي بلينكن في واشنطن",
        "2024/02/27",
        "",
    ]
)


def test_a_page_from_another_outlet():
    result = extract_document(ANOTHER_OUTLET)
    assert result.metadata.title == "السوداني يتلقى اتصالاً هاتفياً من بلينكن"
    assert result.metadata.published.isoformat() == "2024-01-15"
    assert "2024/02/27" not in result.text
    by_type = {e.type: e for e in result.engagements}
    call = by_type[EngagementType.CALL]
    assert [p.name for p in call.participants] == ["محمد شياع السوداني", "أنتوني بلينكن"]
    assert call.date.iso == "2024-01-14" and call.more_evidence[0].text.startswith("السوداني يتلقى")
    attack = by_type[EngagementType.ATTACK]
    assert {p.name for p in attack.participants} == {"الولايات المتحدة", "كتائب حزب الله", "أبو تقوى السعيدي"}
    meeting = by_type[EngagementType.MEETING]
    assert {p.name for p in meeting.participants} == {"نيجيرفان بارزاني", "إبراهيم رئيسي"}
    assert meeting.location == "طهران" and meeting.date.iso == "2024-01"
    assert len(result.engagements) == 3


def test_no_stage_fails_quietly_on_real_articles():
    """A stage's exception becomes a notice so one odd page never stops a run; on the seeds and the
    real corpus no stage may fail, or a bug would silently drop a document's facts."""
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "texts"
    paths = sorted(SEEDS.glob("*.txt")) + sorted(corpus.glob("*.txt"))
    failed = {}
    for path in paths:
        notices = extract_document(path.read_text(encoding="utf-8")).notices
        if bad := [n for n in notices if "failed" in n or "could not" in n]:
            failed[path.name] = bad
    assert failed == {}


def test_an_organisation_only_the_tagger_finds_takes_part_in_an_engagement():
    result = extract_document("شنت مجموعة فاغنر هجوما على مواقع الجيش المصري في شمال البلاد يوم الثلاثاء.")
    assert ("مجموعة فاغنر", ActorKind.ORGANIZATION) in [(a.name, a.kind) for a in result.actors]
    assert any("مجموعة فاغنر" in [p.name for p in e.participants] for e in result.engagements)
