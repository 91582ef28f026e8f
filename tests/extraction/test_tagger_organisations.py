"""The tagger's organisations handed to the actor stage (`tagger/organisations.py`), on made-up sentences."""

from __future__ import annotations

from analysis.arabic import name_key
from analysis.extraction.actor_records import Mention
from analysis.extraction.actors import find_actors, tokenize
from analysis.extraction.results import ActorKind
from analysis.extraction.tagger.organisations import (
    _after_preposition,
    _mention_runs,
    _named,
    _overlaps_mention,
    known_organisations,
)
from analysis.extraction.tagger.spans import Span


def test_a_tagged_organisation_of_one_word_is_no_common_word_of_the_language():
    assert _named("داعش") and _named("البيشمركة") and _named("مجموعة فاغنر")
    assert not _named("التحالف") and not _named("الوزارة") and not _named("الحشد")


def test_a_state_force_named_by_its_head_and_branch_alone_is_handed_to_the_actor_stage():
    text = "أعلنت القوات البحرية أنها اعترضت سفينة في البحر الأحمر يوم الثلاثاء."
    tokens = tokenize(text)
    known = known_organisations(text, tokens, find_actors(text, tokens=tokens))
    assert known is not None
    assert [k.name for k in known] == ["القوات البحرية"]


def test_an_organisation_in_a_person_title_is_no_part_of_a_longer_name():
    text = "وقال رئيس بعثة الاتحاد الإفريقي موسى محمد إن الوفد وصل، ونفذ جيش الاحتلال الإسرائيلي غارة."
    tokens = tokenize(text)
    runs = _mention_runs(tokens, find_actors(text, tokens=tokens))
    assert tuple(name_key("الاتحاد الإفريقي").split()) not in runs
    assert tuple(name_key("الاحتلال الإسرائيلي").split()) in runs


def test_a_tagged_organisation_after_a_preposition_is_a_genitive_not_a_party():
    tokens = tokenize("خلال دورة الجمعية العامة للأمم المتحدة في نيويورك")
    un = next(k for k, t in enumerate(tokens) if t.text == "للأمم")
    assert _after_preposition(tokens, Span("ORG", un, un + 1))
    assert not _after_preposition(tokens, Span("ORG", un - 2, un - 1))


def test_a_state_named_inside_an_organisation_does_not_block_it_but_a_person_does():
    state = Mention("الولايات المتحدة", ActorKind.STATE, 2, 3, 0, 0)
    person = Mention("خليفة حفتر", ActorKind.PERSON, 2, 3, 0, 0)
    assert not _overlaps_mention(Span("ORG", 1, 3), [state])  # `جيش الولايات المتحدة`
    assert _overlaps_mention(Span("ORG", 2, 3), [state])  # the state itself
    assert _overlaps_mention(Span("ORG", 1, 3), [person])


def test_an_organisation_the_rules_missed_is_handed_to_the_actor_stage():
    text = "شنت مجموعة فاغنر هجوما على مواقع الجيش المصري في شمال البلاد يوم الثلاثاء."
    tokens = tokenize(text)
    known = known_organisations(text, tokens, find_actors(text, tokens=tokens))
    assert known is not None
    assert [(k.name, k.kind) for k in known] == [
        ("مجموعة فاغنر", ActorKind.ORGANIZATION)
    ]  # not the rules' army
