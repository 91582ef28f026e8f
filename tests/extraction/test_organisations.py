"""Organisations: a head noun and its genitive chain, and where the name ends."""

from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind


def organisations(text: str) -> set[str]:
    return {a.name for a in find_actors(text).actors if a.kind == ActorKind.ORGANIZATION}


def test_after_a_nisba_only_an_adjective_goes_on_with_the_name():
    assert organisations("وبحث مع قيادات جماعة الحوثي التقدم في ملف المفاوضات.") == {"جماعة الحوثي"}
    assert "الحرس الثوري الإيراني" in organisations("وقال الحرس الثوري الإيراني إن الهجوم فشل.")


def test_a_surname_after_a_group_head_names_the_group_not_the_person():
    text = "التقى المبعوث زعيم الجماعة عبدالملك الحوثي، ثم بحث مع قيادات جماعة الحوثي التقدم في الملف."
    found = {a.name: a for a in find_actors(text).actors}
    assert "جماعة الحوثي" in found and found["جماعة الحوثي"].kind == ActorKind.ORGANIZATION
    assert [m.text for m in found["عبدالملك الحوثي"].mentions] == ["عبدالملك الحوثي"]


def test_a_participle_after_a_name_is_not_part_of_it():
    assert "جماعة داعش" in organisations("وتحدث عن التصدي لجماعة داعش مؤكدا أن الدعم يمر عبر الحكومة.")


def test_a_news_agency_is_no_actor_but_an_intelligence_agency_is():
    found = organisations(
        "وذكرت وكالة الأنباء الرسمية أن مدير وكالة المخابرات المركزية وصل. ونقلت وكالة مهر للأنباء الخبر."
    )
    assert not any("أنباء" in name or "مهر" in name for name in found)
    assert "وكالة المخابرات المركزية" in found


def test_the_plural_of_a_groups_nisba_is_the_group():
    text = "والتقى المبعوث قيادات حركة الأنصاري. وتوصلت الحكومة الصومالية والأنصاريون إلى اتفاق، وقال إن للأنصاريين مطالب."
    found = {a.name: a for a in find_actors(text).actors}
    assert set(found["حركة الأنصاري"].aliases) == {"الأنصاريون", "الأنصاريين"}
    text = "وقال حزب الاتحاد الوطني إن الوطنيين صوتوا للقرار."  # an adjective's plural is no member
    [party] = [a for a in find_actors(text).actors if a.kind == ActorKind.ORGANIZATION]
    assert party.aliases == []


def test_a_plural_nisba_the_dictionary_does_not_know_is_a_group_in_both_cases():
    text = "وقال الجيش إن الحوثيون أطلقوا صاروخا، وإن مواقع الحوثيين تعرضت للقصف."
    found = {a.name: a for a in find_actors(text).actors if a.kind == ActorKind.ORGANIZATION}
    assert list(found) == ["الحوثيون"] and found["الحوثيون"].aliases == ["الحوثيين"]


def test_a_plural_nisba_of_the_language_or_of_a_people_is_no_group():
    text = "وقال الوزير إن الإرهابيين والإسلاميين والإسرائيليين والايرانيين اجتمعوا."
    assert organisations(text) == set()


def test_that_with_a_pronoun_ends_a_name():
    assert organisations("وأعلنت حركة حماس أنها تدرس المقترح، وقالت حركة النجباء إنها مستعدة.") == {
        "حركة حماس",
        "حركة النجباء",
    }


def test_a_coalition_named_by_its_nisba_is_an_organisation():
    assert "التحالف الدولي" in organisations("وقصفت طائرات التحالف الدولي مواقع للتنظيم شرق المدينة.")
    assert "التحالف العربي" in organisations("وأعلن التحالف العربي اعتراض صاروخ فوق المدينة.")


def test_a_quoted_name_after_a_word_for_a_kind_of_group_is_the_group():
    found = organisations("وأعلن الجيش أنه صد هجوما شنته عناصر جبهة «النصرة» قرب الحدود.")
    assert "النصرة" in found and not any("جبهة" in name for name in found)


def test_a_quoted_name_after_a_head_that_belongs_to_it_keeps_the_head():
    found = organisations('وقصفت الطائرات مقرا لعصائب "أهل الحق" في المدينة.')
    assert 'عصائب "أهل الحق"' in found and "أهل الحق" not in found


def test_a_conjunction_or_a_preposition_on_a_common_word_ends_the_name():
    assert organisations("وشارك وفد من حركة فتح وحزب البعث في الاجتماع.") == {"حركة فتح", "حزب البعث"}
    assert "حركة فتح" in organisations("وقصفت الطائرات مقرات حركة فتح وحماس في المدينة.")
    assert "شركة أرامكو" in organisations("وأعلنت الجماعة استهداف شركة أرامكو بصاروخ أمس.")
    # a name whose first letter only looks like a clitic stays whole
    assert "جماعة بوكو حرام" in organisations("وقالت جماعة بوكو حرام إنها نفذت الهجوم.")


def test_a_time_of_day_ends_the_name():
    assert "حركة الجهاد" in organisations("وغادر وفد حركة الجهاد عصر اليوم العاصمة.")
    assert "حركة فتح" in organisations("وغادر وفد حركة فتح عصر اليوم العاصمة.")


def test_a_company_before_its_quoted_name_is_named_alone():
    text = "ووقعت وزارة الدفاع عقدا مع شركة “رايثيون” الأمريكية لتوريد منظومات دفاع جوي."
    assert "رايثيون" in organisations(text)
