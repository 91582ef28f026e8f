"""Fighting between two sides: `اشتباكات بين A وB`, `تبادل القصف بين A من جهة، وB من جهة أخرى`."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def attacks(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ATTACK]


def test_clashes_between_two_forces_are_an_attack_of_both():
    text = "واندلعت مساء أمس اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع شرق المدينة."
    assert {"الجيش السوداني", "قوات الدعم السريع"} in attacks(text)


def test_fire_exchanged_between_two_sides_each_named_with_its_side():
    text = "وتشهد المنطقة تبادلا متقطعا للقصف بين الجيش التركي من جهة، وحزب العمال الكردستاني من جهة أخرى."
    assert {"الجيش التركي", "حزب العمال الكردستاني"} in attacks(text)


def test_a_quoted_second_side_is_still_a_side():
    text = 'وتتواصل المعارك في الشمال بين القوات العراقية و"تنظيم الدولة" منذ أسابيع.'
    assert {"القوات العراقية", "تنظيم الدولة"} in attacks(text)


def test_fighting_to_be_stopped_is_no_attack():
    text = "ودعا المبعوث إلى وقف القتال بين الجيش السوداني وقوات الدعم السريع فورا."
    assert attacks(text) == []


def test_an_exchange_of_prisoners_is_no_attack():
    text = "واتفق الطرفان على تبادل الأسرى بين الجيش السوداني وقوات الدعم السريع الأسبوع المقبل."
    assert attacks(text) == []


def test_fighting_told_after_a_strike_of_one_side_is_another_engagement():
    text = (
        "وأعلن الجيش التركي قصف مواقع لحزب العمال الكردستاني في شمال العراق. "
        "ويأتي ذلك في ظل تبادل القصف بين الجيش التركي وحزب العمال الكردستاني منذ أشهر."
    )
    assert attacks(text).count({"الجيش التركي", "حزب العمال الكردستاني"}) == 2
