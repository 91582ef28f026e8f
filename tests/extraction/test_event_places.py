"""Where an engagement happened (event_places): the place after its trigger, the dateline's."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def places(text: str) -> dict[tuple[str, frozenset[str]], str | None]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return {(str(e.type), frozenset(p.name for p in e.participants)): e.location for e in found}


def test_a_visit_to_the_capital_named_by_its_country_s_adjective_goes_to_the_city() -> None:
    text = (
        "ومن المتوقع أن يصل المبعوث الأممي مارتن غريفيث خلال الأيام القليلة القادمة إلى العاصمة السعودية "
        "الرياض لعقد لقاءات."
    )
    assert places(text)[("visit", frozenset({"مارتن غريفيث"}))] == "الرياض"


def test_a_place_after_the_delegation_that_came_with_the_party_is_the_engagement_s() -> None:
    arrival = (
        "وصل رئيس وزراء باكستان، محمد شهباز شريف، والوفد المرافق له، مساء الخميس، إلى محافظة جدة غرب "
        "المملكة العربية السعودية."
    )
    assert places(arrival)[("visit", frozenset({"محمد شهباز شريف"}))] == "جدة"
    reception = (
        "استقبل الرئيس السوري أحمد الشرع، يوم الخميس 7 آب، وزير الخارجية التركي هاكان فيدان والوفد "
        "المرافق له في العاصمة دمشق."
    )
    assert places(reception)[("meeting", frozenset({"أحمد الشرع", "هاكان فيدان"}))] == "دمشق"


def test_one_who_heads_to_a_place_visits_it() -> None:
    text = (
        "توجه وزير الدفاع الايراني العميد امير حاتمي صباح اليوم الى العاصمة الروسية موسكو تلبية لدعوة "
        "من نظيره الروسي."
    )
    assert places(text)[("visit", frozenset({"امير حاتمي"}))] == "موسكو"
    thanks = "وتوجه الرئيس العراقي برهم صالح بالشكر إلى الرئيس الفرنسي إيمانويل ماكرون."
    assert not [key for key in places(thanks) if key[0] == "visit"]
