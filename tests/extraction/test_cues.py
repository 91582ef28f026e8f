"""The cues an engagement's confidence rests on (interactions/cues.py), on made-up sentences."""

from __future__ import annotations

from analysis.extraction.pipeline import extract_document


def _by_pair(text: str) -> dict[frozenset[str], list[str]]:
    return {frozenset(p.name for p in e.participants): e.cues for e in extract_document(text).engagements}


def test_a_rule_meeting_with_a_verb_and_both_parties_named():
    cues = _by_pair("استقبل وزير الداخلية العراقي عبد الأمير الشمري السفير البريطاني ستيفن هيتشن في بغداد.")
    assert cues[frozenset({"عبد الأمير الشمري", "ستيفن هيتشن"})][:3] == [
        "found:rule",
        "trigger:verb",
        "named:2/2",
    ]


def test_a_denial_is_a_cue_of_the_engagement_it_surrounds():
    text = (
        "استقبل وزير الدفاع العراقي ثابت العباسي السفير التركي علي رضا كوناي في بغداد.\n"
        "ونفى مكتب وزير الدفاع أن يكون العباسي قد التقى القيادي اللبناني محمد رعد."
    )
    cues = _by_pair(text)
    denied = cues[frozenset({"ثابت العباسي", "محمد رعد"})]
    assert "marker:hedge" in denied
    assert "marker:hedge" not in cues[frozenset({"ثابت العباسي", "علي رضا كوناي"})]


def test_how_far_apart_the_parties_stand_and_what_parts_them():
    near = _by_pair("استقبل وزير الداخلية العراقي عبد الأمير الشمري السفير البريطاني ستيفن هيتشن في بغداد.")
    assert "distance:near" in near[frozenset({"عبد الأمير الشمري", "ستيفن هيتشن"})]
    assert "clause:apart" not in near[frozenset({"عبد الأمير الشمري", "ستيفن هيتشن"})]
    apart = _by_pair(
        "وقال وزير الخارجية العراقي فؤاد حسين، خلال لقائه وزير الخارجية التركي هاكان فيدان في أنقرة، إن العلاقات جيدة."
    )
    assert "clause:apart" in apart[frozenset({"فؤاد حسين", "هاكان فيدان"})]
