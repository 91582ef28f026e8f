"""Attackers named in a relative clause after the attack noun, and the party that repelled one."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def attacks(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ATTACK]


def test_the_party_after_a_relative_light_verb_is_the_attacker_even_a_state():
    text = 'وجاء ذلك بعد هجوم صاروخي شنته فرنسا، مساء الخميس، على مخازن تابعة لحركة "الشباب" في الصومال.'
    assert attacks(text) == [{"فرنسا", "الشباب"}]


def test_a_nationality_near_the_noun_does_not_replace_the_attacker_the_relative_names():
    text = "وسط غضب شعبي ليبي واسع جراء هجوم جوي نفذته مصر على مواقع تابعة لجماعة أنصار الشريعة."
    assert attacks(text) == [{"مصر", "جماعة أنصار الشريعة"}]


def test_the_party_that_repelled_an_attack_was_attacked_by_its_doer():
    text = "القوات المسلحة الأردنية تصدت بحزم لهجوم نفذته عناصر تنظيم «داعش» على موقع حدودي."
    assert attacks(text) == [{"داعش", "القوات المسلحة الأردنية"}]


def test_without_a_relative_light_verb_a_party_after_the_noun_is_no_attacker():
    text = "وأدان الوزير الهجوم على مواقع تابعة لحركة حماس."
    assert attacks(text) == []


def test_an_attack_verb_in_a_relative_clause_names_who_struck_alone():
    assert attacks("وزار الوزير قاعدة التاجي الجوية، التي قصفتها تركيا العام الماضي.") == [{"تركيا"}]
    assert attacks("وبحث الوفد التهدئة بين الفصائل وإثيوبيا التي قصفت مجددا مطار المدينة.") == [{"إثيوبيا"}]


def test_who_was_killed_in_a_relative_clause_struck_no_one():
    text = "والتقى عائلة أحد قادة قوات حرس الحدود الذي قتل عام 2016 في مواجهات."
    assert attacks(text) == []


def test_the_state_where_an_attack_struck_is_its_other_party_not_the_attackers_own():
    text = "أعلن الجيش التركي، الأحد، أنه نفذ غارات جوية على مواقع في العراق."
    assert attacks(text) == [{"الجيش التركي", "العراق"}]
    # its own state is no party: the army struck places on its own
    assert attacks("أعلن الجيش التركي أنه نفذ غارات على مواقع في تركيا.") == [{"الجيش التركي"}]


def test_an_occupation_army_is_the_attacker_of_the_strikes_it_announced():
    text = "أعلن جيش الاحتلال الإسرائيلي، الجمعة، أنه نفذ غارات على مواقع في لبنان."
    assert attacks(text) == [{"جيش الاحتلال الإسرائيلي", "لبنان"}]


def test_parties_side_by_side_after_the_target_preposition_were_struck_not_fighting():
    assert attacks("وشنت مقاتلات مجهولة غارات على مواقع لحركة الشباب وجماعة أنصار الشريعة.") == []
    assert attacks("وشنت فرنسا غارات على مواقع لحركة الشباب.") == [{"فرنسا", "حركة الشباب"}]


def test_an_attack_verb_after_an_indefinite_attack_noun_tells_what_that_attack_struck():
    text = "وأفاد مصدر بأن طائرات حربية تركية نفذت غارة جوية استهدفت مواقع تابعة لحزب العمال الكردستاني."
    assert attacks(text) == [{"طائرات حربية تركية", "حزب العمال الكردستاني"}]
