"""Persons the rules found that the tagger doubts (analysis/extraction/doubted_persons.py), on made-up
sentences."""

from __future__ import annotations

import pytest

from analysis.extraction.pipeline import extract_document
from analysis.extraction.tagger import loaded_tagger


def _persons(text: str) -> set[str]:
    return {a.name for a in extract_document(text).actors if a.kind == "person"}


@pytest.fixture(autouse=True)
def _tagger():
    if loaded_tagger() is None:
        pytest.skip("no packaged tagger")


def test_a_verb_after_a_title_named_once_is_no_person():
    persons = _persons(
        "استقبل وزير الخارجية العراقي فؤاد حسين السفير الفرنسي في بغداد. "
        "وأضاف البيان أن الوزير استعرض خلال اللقاء تاريخ العلاقات بين البلدين."
    )
    assert "فؤاد حسين" in persons
    assert "استعرض" not in persons


def test_a_wish_after_a_title_is_no_person():
    persons = _persons(
        "استقبل الملك حمد بن عيسى آل خليفة السفير المصري في المنامة، وكلفه بنقل تحياته إلى "
        "الرئيس المصري وتمنياته لشعب مصر بدوام الرقي."
    )
    assert "حمد بن عيسى آل خليفة" in persons
    assert not any("تمنيات" in name for name in persons)
