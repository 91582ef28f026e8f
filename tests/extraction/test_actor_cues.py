"""What an actor's confidence rests on (analysis/extraction/actor_cues.py), on made-up sentences."""

from __future__ import annotations

import pytest

from analysis.extraction.actor_cues import tagger_band
from analysis.extraction.pipeline import extract_document
from analysis.extraction.tagger import loaded_tagger


def _cues(text: str) -> dict[str, list[str]]:
    return {a.name: a.cues for a in extract_document(text).actors}


def test_how_each_actor_was_found_and_what_it_does_in_the_document():
    cues = _cues(
        "استقبل وزير الخارجية العراقي فؤاد حسين السفير الفرنسي باتريك دوريل في بغداد. "
        "وأكد حسين أن العراق يريد علاقات جيدة مع فرنسا."
    )
    assert cues["فؤاد حسين"][:2] == ["kind:person", "found:title"]
    assert "role:party" in cues["فؤاد حسين"]
    assert "mentions:2" in cues["فؤاد حسين"]  # the full name, then the surname alone
    assert cues["فرنسا"][:2] == ["kind:state", "found:gazetteer"]
    assert "role:party" not in cues["فرنسا"]


@pytest.mark.parametrize(
    ("p", "band"), [(0.2, "tagger:<0.5"), (0.5, "tagger:0.5+"), (0.9, "tagger:0.8+"), (0.99, "tagger:0.95+")]
)
def test_the_tagger_marginal_is_read_in_bands(p, band):
    assert tagger_band(p) == band


def test_the_tagger_is_surer_of_a_titled_name_than_of_a_noun_the_rules_took_for_one():
    if loaded_tagger() is None:
        pytest.skip("no packaged tagger")
    cues = _cues("التقى الرئيس العراقي برهم صالح وزير خارجيته جون في بغداد.")
    bands = {name: next(c for c in codes if c.startswith("tagger:")) for name, codes in cues.items()}
    assert bands["برهم صالح"] == "tagger:0.95+"
    assert all(band == "tagger:<0.5" for name, band in bands.items() if name.startswith("خارجيته"))
