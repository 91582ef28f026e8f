"""Mentions that name no party: a source after an attribution, a name in a time phrase, a title's possessor."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def parties_of(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found]


def test_the_ministry_a_statement_is_attributed_to_takes_no_part_in_the_call():
    text = (
        "ووفق بيان لوزارة الخارجية المصرية أمس جاء ذلك خلال اتصال هاتفي تلقاه الوزير سامح شكري "
        "من نظيره الأردني أيمن الصفدي."
    )
    assert parties_of(text) == [{"سامح شكري", "أيمن الصفدي"}]


def test_a_source_named_with_bihasab_is_not_a_party():
    text = "وبحسب ما أعلنه الكرملين، التقى الرئيس فلاديمير بوتين الرئيس التركي رجب طيب أردوغان في سوتشي."
    assert parties_of(text) == [{"فلاديمير بوتين", "رجب طيب أردوغان"}]


def test_the_president_whose_envoy_attends_does_not_attend():
    text = "وعقد الرئيس مسعود بارزاني اجتماعاً مع الجنرال جون ألين، المبعوث الخاص للرئيس أوباما، في واشنطن."
    assert parties_of(text) == [{"مسعود بارزاني", "جون ألين"}]


def test_a_name_after_naib_is_whose_deputy_not_who_met():
    text = "وعقد الرئيس رجب طيب أردوغان اجتماعاً مطولاً مع نائب ترامب في أنقرة."
    assert all("ترامب" not in parties for parties in parties_of(text))


def test_a_president_whose_election_or_last_day_dates_the_news_takes_no_part_in_it():
    text = "بعد فوز الرئيس الفرنسي جان دوران، التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في عمان."
    assert parties_of(text) == [{"أيمن الصفدي", "سامح شكري"}]
    text = "والتقى الوزير سامح شكري في آخر يوم كامل للرئيس السابق جان دوران في منصبه نظيره أيمن الصفدي."
    assert parties_of(text) == [{"سامح شكري", "أيمن الصفدي"}]


def test_a_name_after_an_arrival_or_with_no_time_preposition_is_no_time_phrase():
    from analysis.extraction.non_parties import in_time_phrase

    def person_in_time_phrase(text: str) -> bool:
        analysis = find_actors(text)
        return any(in_time_phrase(analysis.tokens, m) for m in analysis.mentions if m.kind == "person")

    assert person_in_time_phrase("بعد فوز الرئيس الفرنسي جان دوران بالانتخابات")
    assert not person_in_time_phrase("وعقب وصول الوزير سامح شكري إلى عمان، التقى نظيره")  # the visitor
    assert not person_in_time_phrase("هنأ الملك فوز الرئيس الفرنسي جان دوران")  # no time phrase


def test_a_minister_who_ends_his_talks_in_a_time_phrase_still_takes_part_in_them():
    text = "وعقب انتهاء الوزير سامح شكري من محادثاته مع نظيره أيمن الصفدي، عقد مؤتمرا صحفيا."
    assert {"سامح شكري", "أيمن الصفدي"} in parties_of(text)
