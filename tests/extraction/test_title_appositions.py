"""A title in apposition right after a person's name."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.title_appositions import _apposition, _title_after_name


def _text(tokens, span):
    return " ".join(t.text for t in tokens[span[0] : span[1]])


def test_a_title_after_a_comma_or_a_head_in_construct_is_the_names():
    tokens = tokenize("سامر الخطيب، رئيس أركان الجيش، في")
    assert _text(tokens, _apposition(tokens, 2)) == "رئيس أركان الجيش"
    tokens = tokenize("سامر الخطيب قائد القوات البرية في")
    assert _text(tokens, _apposition(tokens, 2)) == "قائد القوات البرية"


def test_a_definite_title_without_a_comma_or_one_joined_by_wa_is_another_party():
    tokens = tokenize("استقبل سامر الخطيب السفير الأمريكي")
    assert _apposition(tokens, 3) is None
    tokens = tokenize("بين سامر الخطيب والعاهل الأردني")
    assert _title_after_name(tokens, 3, comma=False) is None
