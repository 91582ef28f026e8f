"""Which person of a document a title with no name stands for (`title_holders`, through
`short_forms.link_title_only`)."""

from analysis.extraction.actors import find_actors
from analysis.extraction.title_holders import title_states


def holders(text: str) -> list[tuple[str, str]]:
    analysis = find_actors(text)
    return [(m.actor, text[m.start : m.end]) for m in analysis.mentions if m.title_only]


def test_a_title_names_its_state_by_an_adjective_or_by_the_states_name():
    assert title_states("وزير الدفاع لروسيا الاتحادية") == {"روسيا"}
    assert title_states("وزير الخارجية في سلطنة عمان") == {"سلطنة عمان"}
    assert title_states("الوزير العماني") == {"سلطنة عمان"}
    assert title_states("وزير الدفاع") == frozenset()


def test_a_bare_title_is_the_holder_of_no_other_state():
    text = (
        "استقبل وزير الدفاع الشيخ سالم الفهد، اليوم، الأمير فهد بن سعد وزير الدفاع السعودي. "
        "وفي وقت سابق التقى وزير الدفاع بالسفير الأردني خالد العمري."
    )
    assert ("سالم الفهد", "وزير الدفاع") in holders(text)


def test_a_bare_title_held_by_two_persons_of_no_state_stays_unresolved():
    text = (
        "التقى وزير الدفاع سالم الفهد، ووزير الدفاع السابق ناصر العلي في الكويت. "
        "وقال وزير الدفاع إن اللقاء كان مثمرا."
    )
    assert not [h for h in holders(text) if h[1] == "وزير الدفاع"]


def test_a_title_in_other_words_with_the_states_name_for_its_adjective():
    text = (
        "استقبل رئيس هيئة الحشد الشعبي في العراق كريم الساعدي وزير الخارجية التركي أحمد يلماز. "
        "وتأتي الزيارة بعد أسبوع من زيارة لرئيس الحشد الشعبي العراقي إلى أنقرة."
    )
    assert ("كريم الساعدي", "رئيس الحشد الشعبي العراقي") in holders(text)


def test_an_envoy_of_a_nationality_is_the_one_whose_title_says_envoy():
    text = (
        "التقى الموفد الرئاسي الفرنسي جان بيار دوران رئيس الحكومة، بحضور السفير الفرنسي لدى لبنان "
        "مارك لوفيفر. ثم توجه الموفد الفرنسي للقاء رئيس مجلس النواب."
    )
    assert ("جان بيار دوران", "الموفد الفرنسي") in holders(text)


def test_a_counterpart_is_the_holder_of_the_same_office_of_that_state():
    text = (
        "وصل وزير الخارجية الليبي عادل المبروك إلى القاهرة، حيث التقى رئيس الوزراء المصري سامح عزت "
        "ووزير الخارجية المصري حازم نور. وشكر الوزير الليبي نظيره المصري على حسن الاستقبال."
    )
    assert ("حازم نور", "نظيره المصري") in holders(text)


def test_a_counterpart_of_another_office_is_no_holder():
    text = (
        "التقى الرئيس الفرنسي جان لوران وزير الخارجية اللبناني سامي حداد في باريس. "
        "وسيستقبل الرئيس الفرنسي نظيره اللبناني الشهر المقبل."
    )
    assert not [h for h in holders(text) if h[1] == "نظيره اللبناني"]


def test_a_nationality_is_the_states_name_in_the_holders_title():
    text = (
        "وصل وزير خارجية البحرين خالد الفاضل إلى بغداد في زيارة رسمية. "
        "ومن المقرر أن يلتقي الوزير البحريني نظيره العراقي سامي الجبوري."
    )
    assert ("خالد الفاضل", "الوزير البحريني") in holders(text)


def test_a_title_with_a_nationality_its_holder_lacks_is_another_person():
    text = (
        "وصل وزير الدفاع سامي الجبوري إلى واشنطن في زيارة رسمية. "
        "وأبلغ وزير الدفاع الأميركي نظيره العراقي رغبة بلاده في الشراكة."
    )
    assert not [h for h in holders(text) if h[1].startswith("وزير الدفاع")]


def test_a_title_whose_genitive_differs_is_another_person():
    text = (
        "استقبل رئيس مجلس الشورى الإيراني علي مرادي الوفد في طهران. "
        "والتقى رئيس مجلس النواب نبيل الرئيس الإيراني في القصر."
    )
    assert not [h for h in holders(text) if h[1].startswith("رئيس مجلس")]


def test_a_counterpart_is_the_holder_of_that_office_named_without_a_state():
    text = (
        "استقبل رئيس الجمهورية سمير داود رئيس مجلس النواب كمال حداد. وقال الرئيس سمير داود إن اللقاء مثمر. "
        "وسيستقبل الرئيس الفرنسي جان لوران نظيره اللبناني في باريس الشهر المقبل."
    )
    assert ("سمير داود", "نظيره اللبناني") in holders(text)


def test_a_counterpart_of_a_woman_holds_her_office():
    text = (
        "وصل وزير الخارجية التركي أحمد يلماز إلى بغداد. "
        "وسلمت وزيرة الخارجية الأمريكية سارة جونسون نظيرها التركي رسالة للحكومة."
    )
    assert ("أحمد يلماز", "نظيرها التركي") in holders(text)


def test_a_nationality_title_is_the_one_holder_of_that_office_named_without_a_state():
    text = (
        "استقبل الرئيس عادل منصور قائد القيادة المركزية الأمريكية الفريق أول جون ميلر في القاهرة. "
        "ونقل ميلر تحيات إدارته، وهو ما رحب به الرئيس المصري."
    )
    assert ("عادل منصور", "الرئيس المصري") in holders(text)


def test_a_nationality_title_with_two_holders_named_without_a_state_stays_unresolved():
    text = "استقبل الرئيس عادل منصور في القاهرة الرئيس سامي العلي. ورحب الرئيس المصري بالزيارة."
    assert not [h for h in holders(text) if h[1] == "الرئيس المصري"]


def test_another_persons_title_after_a_titled_name_is_that_person():
    text = (
        "استقبل الرئيس العراقي كريم سالم وزير الأمن الإيراني حسن مرادي في بغداد. "
        "كما التقى رئيس المجلس الأعلى العراقي عمار ناصر، وزير الأمن الإيراني، وأكدا أهمية التعاون."
    )
    analysis = find_actors(text)
    assert ("حسن مرادي", "وزير الأمن الإيراني") in holders(text)
    nasser = next(a for a in analysis.actors if a.name == "عمار ناصر")
    assert nasser.titles == ["رئيس المجلس الأعلى العراقي"]


def test_a_counterpart_after_a_titled_name_is_the_other_party():
    text = (
        "التقى وزير الخارجية الأردني سامر خليل في عمان. "
        "واستقبل وزير الخارجية السوري ماهر الخطيب نظيره الأردني في دمشق."
    )
    analysis = find_actors(text)
    assert ("سامر خليل", "نظيره الأردني") in holders(text)
    khatib = next(a for a in analysis.actors if a.name == "ماهر الخطيب")
    assert khatib.titles == ["وزير الخارجية السوري"]


def test_a_title_of_another_state_is_not_the_holder_of_that_office():
    text = (
        "بحث وزير الخارجية في الحكومة اليمنية سالم الحداد، اليوم، مع وزير الخارجية في سلطنة عمان "
        "الجهود المبذولة لإنهاء الحرب."
    )
    assert not [h for h in holders(text) if h[1].startswith("وزير الخارجية")]


def test_the_party_of_a_counterpart_is_not_of_the_counterparts_state():
    text = (
        "وزير الدفاع يستقبل نظيره الروسي في القاهرة. "
        "استقبل مطار القاهرة وزير الدفاع الروسي سيرغي بتروف في زيارة رسمية."
    )
    found = holders(text)
    assert ("سيرغي بتروف", "نظيره الروسي") in found
    assert not [h for h in found if h[1] == "وزير الدفاع"]


def test_a_counterpart_of_another_office_is_not_the_first_counterpart_again():
    text = (
        "وقع وزير الدفاع المصري كريم التازي ونظيره الفرنسي جان لوران على الصفقة. "
        "وحضر التوقيع السفير المصري في باريس سامي الحداد، ونظيره الفرنسي في القاهرة."
    )
    assert not [
        h for h in holders(text) if h[1].startswith("ونظيره الفرنسي") or h[1].startswith("نظيره الفرنسي")
    ]


def test_a_person_named_only_as_a_counterpart_is_that_counterpart_again():
    text = (
        "بحث وزير الدفاع الروسي سيرغي بتروف مع نظيره السوداني ياسين عثمان التعاون العسكري. "
        "وخاطب وزير الدفاع الروسي نظيره السوداني قائلا إن الفرصة سانحة."
    )
    assert ("ياسين عثمان", "نظيره السوداني") in holders(text)


def test_a_title_of_another_state_after_a_titled_name_is_not_his():
    text = "التقى رئيس المجلس الأعلى العراقي كريم سالم، وزير الداخلية الأردني، وبحثا التعاون الأمني."
    analysis = find_actors(text)
    salem = next(a for a in analysis.actors if a.name == "كريم سالم")
    assert salem.titles == ["رئيس المجلس الأعلى العراقي"]


def test_a_title_after_a_title_and_a_comma_is_another_persons():
    text = (
        "سلم السفير الفرنسي لدى تونس مراد الشامي دعوة لرئيس المجلس الأعلى سالم الحداد. "
        "واستقبل رئيس المجلس الأعلى، السفير الفرنسي، بمقر المجلس اليوم."
    )
    found = holders(text)
    assert ("سالم الحداد", "رئيس المجلس الأعلى") in found
    assert ("مراد الشامي", "السفير الفرنسي") in found


def test_the_counterpart_of_a_person_with_a_rank_holds_his_office():
    text = (
        "استقبل وزير الدفاع سامي العتيبي اللواء خالد المطيري رئيس الأركان الأردني. "
        "والتقى الفريق أحمد الزعبي رئيس أركان الجيش المصري، نظيره الأردني، في القاهرة."
    )
    assert ("خالد المطيري", "نظيره الأردني") in holders(text)


def test_a_title_names_its_holder_past_its_forms_of_address():
    text = (
        "استقبل وزير الخارجية سالم العلي السفير الأردني خالد المطيري. "
        "ونقل سعادة السفير الأردني رسالة خطية إلى معالي وزير الخارجية."
    )
    found = holders(text)
    assert ("خالد المطيري", "سعادة السفير الأردني") in found
    assert ("سالم العلي", "معالي وزير الخارجية") in found


def test_one_definite_head_alone_is_the_one_holder_of_that_office():
    text = (
        "بدأ سلطان عمان فهد بن سعيد زيارة لإيران. واستقبل نائب الرئيس الإيراني سامي رضائي السلطان في المطار."
    )
    assert ("فهد بن سعيد", "السلطان") in holders(text)
    # the adjective of a definite noun is no title; two presidents: `الرئيس` alone names neither
    assert not [
        h
        for h in holders("التقى الرئيس المصري خالد فهمي وزير النقل سامر العلي لبحث الطرق الرئيسة.")
        if h[1] == "الرئيسة"
    ]
    two = "التقى الرئيس المصري خالد فهمي الرئيس التونسي سامر العلي. وأكد الرئيس أهمية التعاون."
    assert not [h for h in holders(two) if h[1] == "الرئيس"]
