"""Tokens of a document: words, digits and marks, and where a line starts."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind


def _persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_a_long_line_broken_inside_a_sentence_goes_on_on_the_next():
    text = "وقال البيان إن الحكومة تدعم المبادرة التي يقودها الأمين العام\nلمنظمة التعاون الإقليمي سامر الخطيب في المنطقة."
    assert not [t.text for t in tokenize(text) if t.line_start]
    assert _persons(text) == {"سامر الخطيب"}


def test_a_short_line_or_one_closed_by_a_mark_ends_there():
    text = "زيارة الأمين العام\nسامر الخطيب يصل إلى بغداد.\nوقال الوزير"
    assert [t.text for t in tokenize(text) if t.line_start] == ["سامر", "وقال"]
