"""`manage.py detect_disagreements` flags data stored before the flags existed."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from analysis.models import Disagreement
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


def test_the_command_flags_a_misdated_pair_once():
    people = [actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")]
    engagement_create(actors=people, date="2024-02-01", document=document_create())
    engagement_create(actors=people, date="2024-02-09", document=document_create())
    out = io.StringIO()

    call_command("detect_disagreements", stdout=out)
    call_command("detect_disagreements", stdout=io.StringIO())

    assert list(Disagreement.objects.values_list("kind", "state")) == [("date", "open")]
    assert "1 new disagreements flagged" in out.getvalue()
