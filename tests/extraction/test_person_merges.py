"""A shorter form or another spacing of a person's name, found as a person of its own, is an alias."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.person_merges import short_form_of
from analysis.extraction.results import ActorKind, KnownActor


def persons(text: str, *names: str) -> dict[str, object]:
    known = [KnownActor(name=n, kind=ActorKind.PERSON) for n in names]
    found = find_actors(text, known_actors=known).actors
    return {a.name: a for a in found if a.kind == ActorKind.PERSON}


def test_a_tagged_surname_is_an_alias_of_the_full_name():
    text = "والتقى المشير خليفة حفتر في بنغازي الوزير الروسي. وقال حفتر إن اللقاء كان مثمرا."
    found = persons(text, "خليفة حفتر", "حفتر")
    assert set(found) == {"خليفة حفتر"}
    assert "حفتر" in found["خليفة حفتر"].aliases
    assert len(found["خليفة حفتر"].mentions) == 2


def test_a_surname_two_persons_share_names_the_one_named_first():
    text = "زار أحمد الشرع موسكو مع وفد ضم ماهر الشرع. وقال الشرع إن الزيارة تاريخية."
    found = persons(text, "أحمد الشرع", "ماهر الشرع", "الشرع")
    assert set(found) == {"أحمد الشرع", "ماهر الشرع"}
    assert "الشرع" in found["أحمد الشرع"].aliases


def test_short_forms_of_a_full_name():
    assert short_form_of("بن بريك", "سالم صالح بن بريك")
    assert short_form_of("ابن سلمان", "محمد بن سلمان")
    assert short_form_of("فهد الصباح", "فهد يوسف سعود الصباح")
    assert short_form_of("محمد بن عبد الرحمن آل ثاني", "محمد بن عبدالرحمن بن جاسم آل ثاني")
    assert short_form_of("عبد اللهيان", "حسين أمير عبداللهيان")
    assert short_form_of("داود أوغلو", "أحمد داودأوغلو")


def test_a_given_name_alone_is_an_alias_of_the_one_person_it_opens():
    assert short_form_of("مشعل", "مشعل الأحمد الجابر الصباح")
    text = "استقبل خالد بن سلمان الوزير اليمني، ثم التقى خالد مشعل. وقال خالد إن اللقاء كان مثمرا."
    assert "خالد" in persons(text, "خالد بن سلمان", "خالد مشعل", "خالد")  # two persons open with it


def test_no_short_form_of_another_person():
    assert not short_form_of("سلمان", "محمد بن سلمان")  # the father
    assert not short_form_of("حافظ الأسد", "بشار حافظ الأسد")
    assert not short_form_of("بريجيت ماكرون", "إيمانويل ماكرون")
    assert not short_form_of("نور", "نور الدين الطبوبي")  # half a compound given name
