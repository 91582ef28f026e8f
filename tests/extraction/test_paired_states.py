"""Two states named by a dual word and two nationality adjectives (`وزيرا الدفاع التركي والسوري`)."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str) -> list[tuple[EngagementType, set[str]]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [(e.type, {p.name for p in e.participants}) for e in found]


def test_unnamed_ministers_of_two_nations_who_sign_make_their_states_the_parties():
    text = "قالت الوزارة إن وزيري الدفاع المغربي والتونسي وقعا مذكرة تفاهم للتعاون العسكري."
    assert (EngagementType.AGREEMENT, {"المغرب", "تونس"}) in engagements(text)


def test_the_two_sides_named_by_their_nationalities_agree():
    text = "وأوضح البيان أن الجانبين الأردني والعراقي اتفقا على تبادل الخبرات."
    assert (EngagementType.AGREEMENT, {"الأردن", "العراق"}) in engagements(text)


def test_the_two_sides_after_the_verb_are_its_subject():
    text = "ووقع الجانبان الأردني والعراقي اتفاقية للتعاون الأمني."
    assert (EngagementType.AGREEMENT, {"الأردن", "العراق"}) in engagements(text)


def test_named_ministers_are_the_parties_not_their_states():
    text = (
        "استقبل وزير الدفاع المغربي سامي الحداد وزير الدفاع التونسي كريم التازي. "
        "ووقع الوزيران المغربي والتونسي مذكرة تفاهم."
    )
    parties = [p for t, p in engagements(text) if t == EngagementType.AGREEMENT]
    assert {"المغرب", "تونس"} not in parties


def test_one_nationality_names_no_pair():
    text = "وقال إن وزيري الدفاع المغربي وقعا مذكرة تفاهم."
    assert all(p != {"المغرب"} and "المغرب" not in p for _, p in engagements(text))


def test_the_named_holders_of_the_dual_title_sign_not_their_states():
    text = (
        "استقبل الرئيس التونسي سامي الحداد وزير الخارجية الجزائري كريم التازي "
        "ووزير الخارجية المغربي ماجد السويدي. وقال البيان إن وزيري الخارجية الجزائري والمغربي وقعا مذكرة."
    )
    found = engagements(text)
    assert (EngagementType.AGREEMENT, {"كريم التازي", "ماجد السويدي"}) in found
    assert all(p != {"الجزائر", "المغرب"} for _, p in found)
