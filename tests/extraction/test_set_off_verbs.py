"""A verb set off by commas (`X، وافقت، على بيع`, `X ستقوم، في وقت قريب، بتوريد`) keeps its subject."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def transfers(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ARMS_TRANSFER]


def test_an_approving_verb_between_commas_keeps_its_subject():
    text = "وذكر البيان أن فرنسا، وافقت، على بيع عشر مروحيات لقطر."
    assert {"فرنسا", "قطر"} in transfers(text)


def test_a_light_verb_before_a_time_aside_keeps_its_subject():
    text = "وقال المتحدث إن بكين ستقوم، في وقت قريب، بتوريد دفعة من الطائرات إلى باكستان."
    assert {"الصين", "باكستان"} in transfers(text)
