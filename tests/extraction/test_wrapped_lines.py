"""A hard-wrapped page's line breaks inside a sentence are no sentence ends."""

from analysis.extraction.frame_doc import split_sentences
from analysis.extraction.wrapped_lines import soft_breaks

LINE = "وقالت الوزارة في بيان لها اليوم إن المباحثات تناولت سبل تعزيز التعاون العسكري بين البلدين في"
WRAPPED = "\n".join(
    [
        "عنوان الخبر",
        LINE,
        "مجالات التدريب والتسليح وتبادل الخبرات وأكدت أن الجانبين اتفقا على مواصلة التنسيق المشترك في",
        "المرحلة المقبلة.",
        "وأضاف البيان أن وزير الدفاع التقى نظيره في العاصمة وبحث معه العلاقات الثنائية بين البلدين",
        "الصديقين.",
    ]
)


def test_a_wrapped_page_joins_the_lines_of_a_sentence():
    sentences = [WRAPPED[a:b] for a, b in split_sentences(WRAPPED)]
    assert sentences[0] == "عنوان الخبر"
    assert sentences[1].startswith("وقالت") and sentences[1].endswith("المقبلة.")
    assert sentences[2].startswith("وأضاف") and sentences[2].endswith("الصديقين.")


def test_the_first_line_stays_apart_as_the_page_may_take_it_for_the_headline():
    assert WRAPPED.index("\n") not in soft_breaks(WRAPPED)


def test_paragraphs_of_long_lines_are_no_wrapped_page():
    paragraph = LINE + " " + LINE + " " + LINE
    text = "\n".join([paragraph, paragraph, paragraph, paragraph])
    assert soft_breaks(text) == frozenset()
    assert len(split_sentences(text)) == 4


def test_a_line_that_ends_with_a_stop_ends_its_sentence():
    text = "\n".join(["عنوان", LINE + ".", LINE, LINE, "وانتهى."])
    breaks = soft_breaks(text)
    assert len(text.split("\n")[0]) + 1 + len(LINE) + 1 not in breaks
