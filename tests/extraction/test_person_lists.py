"""Persons in a list under one title: a title in the dual and its two names, and the items of a list
each led by a nationality adjective."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import find_actors
from analysis.extraction.person_lists import dual_title_names, nationality_list_item
from analysis.extraction.results import ActorKind


def _persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_a_title_in_the_dual_names_the_two_persons_after_it():
    assert _persons("واستقبل الرئيس النائبين سليم الخوري وجورج عطالله في مكتبه.") >= {
        "سليم الخوري",
        "جورج عطالله",
    }
    assert "النائبين سليم الخوري" not in _persons("واستقبل الرئيس النائبين سليم الخوري وجورج عطالله.")
    tokens = tokenize("وحضر الوزيران ناصر الحربي و فهد العتيبي.")
    assert dual_title_names(tokens, 1) is not None


def test_a_dual_word_with_one_name_or_none_names_no_pair():
    assert dual_title_names(tokenize("وبحث الوزيران سبل التعاون."), 1) is None
    assert dual_title_names(tokenize("واستقبل النائبين سليم الخوري."), 1) is None


def test_the_next_items_of_a_list_of_persons_after_their_nationality():
    text = "وبحث الوزير مع وزراء الداخلية السعودي الأمير فيصل بن سعد، والتونسي رضا بلحاج، والعماني اللواء سالم البوسعيدي، اوجه التعاون."
    assert _persons(text) >= {"فيصل بن سعد", "رضا بلحاج", "سالم البوسعيدي"}


def test_a_nationality_after_a_comma_and_no_person_before_opens_no_name():
    tokens = tokenize("وبحث الجانبان التعاون، والتونسي رضا بلحاج،")
    assert nationality_list_item(tokens, 4, []) is None
