"""An organisation met through its people, with no named person of it acting, is the party."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType

LEAD = "قال مصدر مصري اليوم إن المفاوضات مستمرة في القاهرة منذ أسابيع. "


def parties(text: str, etype: EngagementType = EngagementType.MEETING) -> list[set[str]]:
    text = LEAD + text
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == etype]


def test_a_body_met_through_its_officials_written_with_b():
    text = "وأشار المصدر إلى أن وزير الخارجية المصري سامح شكري التقى بمسؤولي حركة حماس في القاهرة."
    assert {"سامح شكري", "حركة حماس"} in parties(text)


def test_a_delegation_from_a_body_received_by_a_named_host():
    text = "واستقبل وزير الخارجية المصري سامح شكري وفداً من حركة حماس في القاهرة."
    assert {"سامح شكري", "حركة حماس"} in parties(text)


def test_a_delegation_from_a_body_right_after_the_verb_is_its_subject():
    text = "والتقى وفد من حركة حماس وزير الخارجية المصري سامح شكري في القاهرة."
    assert {"سامح شكري", "حركة حماس"} in parties(text)


def test_people_of_a_body_joined_to_the_host_are_not_the_ones_met():
    text = "ونشرت الصحف صوراً لاستقبال وزير الخارجية المصري سامح شكري وعدد من قيادات حركة حماس للسفير السعودي محمد آل جابر."
    assert {"سامح شكري", "حركة حماس"} not in parties(text)


def test_a_body_met_through_its_unnamed_head_written_with_b():
    text = "والتقى وزير الخارجية المصري سامح شكري برئيس حركة حماس في القاهرة."
    assert {"سامح شكري", "حركة حماس"} in parties(text)


def test_an_unnamed_head_that_only_describes_adds_no_party():
    text = "وقال رئيس حركة حماس إن وزير الخارجية المصري سامح شكري زار غزة."
    assert all("حركة حماس" not in p for p in parties(text, EngagementType.VISIT))


def test_a_delegation_from_a_body_with_no_head_named_is_the_visitor():
    text = "ووصل وفد من حركة حماس إلى القاهرة لبحث التهدئة."
    assert {"حركة حماس"} in parties(text, EngagementType.VISIT)


def test_a_named_head_of_the_delegation_still_visits_for_it():
    text = "ووصل وفد من حركة حماس برئاسة خالد مشعل إلى القاهرة."
    assert {"خالد مشعل"} in parties(text, EngagementType.VISIT)
