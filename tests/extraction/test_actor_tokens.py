"""Tokens of a document: words, digits and marks, and where a line starts."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind

WRAPPED = (
    "وقال البيان الصادر عن المكتب الإعلامي إن الحكومة تدعم المبادرة\n"
    "السياسية التي يقودها في هذه المرحلة الدقيقة من تاريخ البلاد الأمين العام\n"
    "لمنظمة التعاون الإقليمي سامر الخطيب الذي يزور العاصمة في الأيام المقبلة\n"
    "ويلتقي خلالها كبار المسؤولين."
)


def _persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_a_hard_wrapped_page_goes_on_across_its_long_open_lines():
    assert not [t.text for t in tokenize(WRAPPED) if t.line_start]
    assert _persons(WRAPPED) == {"سامر الخطيب"}


def test_a_short_line_one_closed_by_a_mark_or_one_long_open_line_ends_there():
    text = "زيارة الأمين العام\nسامر الخطيب يصل إلى بغداد.\nوقال الوزير"
    assert [t.text for t in tokenize(text) if t.line_start] == ["سامر", "وقال"]
    headline = "وزير الخارجية يبحث مع نظيره سبل تعزيز التعاون في مجال الطاقة\nسامر الخطيب يصل."
    assert [t.text for t in tokenize(headline) if t.line_start] == ["سامر"]


def test_the_ligature_of_allah_is_part_of_a_word_and_folds_to_its_letters():
    tokens = tokenize("الملك عبدﷲ الثاني")
    assert [t.text for t in tokens] == ["الملك", "عبدﷲ", "الثاني"]
    assert tokens[1].n == "عبدالله"
    names = [a.name for a in find_actors("وحمل رسالة من جلالة الملك عبدﷲ الثاني الى الرئيس.").actors]
    assert "عبدﷲ الثاني" in names
