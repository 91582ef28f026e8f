"""Persons the title scan does not reach: lineage names with no title, and names after a title that
the document's other names reveal."""

from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind


def persons(text: str) -> dict[str, object]:
    return {a.name: a for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_a_name_with_a_patronymic_connector_is_a_person_without_a_title():
    found = persons("وبحث الأمين العام للمنظمة مع سلطان عمان، قابوس بن سعيد، تطورات الأوضاع.")
    assert "قابوس بن سعيد" in found
    found = persons("وهنأ الرئيس نظيره على فوز مرشحها سيدي ولد الطالب، مؤكدا أهمية ذلك.")
    assert "سيدي ولد الطالب" in found


def test_a_verb_or_a_preposition_before_a_surname_that_begins_with_bin_is_no_name():
    found = persons("وأفادت الوكالة بأن مباحثات الوزير مع بن مبارك، التي جرت أمس، كانت مثمرة.")
    assert not any(name.startswith("مع") for name in found)


def test_a_word_that_opens_another_persons_name_is_a_given_name_after_a_title():
    found = persons(
        "واستقبل الرئيس رئيس الديوان الملكي ناصر الخطيب ووزير الخارجية ناصر جودة حيث نقل الخطيب رسالة."
    )
    assert "ناصر الخطيب" in found and "ناصر جودة" in found
    assert found["ناصر جودة"].title == "وزير الخارجية"


def test_the_name_a_government_or_a_rule_is_called_by_is_a_person():
    found = persons(
        "وتدعم دول أخرى حكومة كمال الزناتي التي كلفها البرلمان، منذ سقوط نظام إبراهيم مرعي عام 1990."
    )
    assert {"كمال الزناتي", "إبراهيم مرعي"} <= set(found)


def test_a_government_of_a_place_or_of_common_words_names_no_person():
    assert not persons("وقالت حكومة إقليم الشمال إن حكومة تصريف الأعمال ستجتمع.")
