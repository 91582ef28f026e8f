"""The engagement card, the one way a list of engagements shows an engagement."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from analysis import selectors
from analysis.models import Actor, Engagement
from analysis.web.cards import engagement_cards
from analysis.web.links import Links
from tests.factories import actor_create, engagement_create

pytestmark = pytest.mark.django_db


def _cards(*, review: str = "", current: int | None = None) -> dict[int, str]:
    filters = selectors.TimelineFilters(review=review)
    rows = selectors.engagement_page(filters=filters, after=None, offset=0, size=1000).rows
    cards = engagement_cards(rows, Links(QueryDict(), workspace=False), current=current)
    return {card.pk: card.html for card in cards}


def test_a_card_shows_type_date_place_badges_sources_and_participants():
    falih = actor_create(name="فالح الفياض")
    planned = engagement_create(
        actors=[falih],
        date="2024-02",
        type="visit",
        location="بغداد <العاصمة>",
        status=Engagement.Status.PLANNED,
        review=Engagement.Review.VERIFIED,
    )
    html = _cards()[planned.pk]
    assert '<span class="type-badge type-visit">زيارة</span>' in html
    assert "شباط 2024" in html and "، بغداد &lt;العاصمة&gt;" in html
    assert '<span class="badge planned">مخطَّط</span><span class="badge verified">موثَّق</span>' in html
    assert '<span class="source-count">لا مصادر</span>' in html
    assert f'href="{falih.get_absolute_url()}">فالح الفياض</a>' in html


def test_a_card_without_participants_says_so_and_the_current_one_is_marked():
    alone = engagement_create(review=Engagement.Review.REJECTED)
    html = _cards(review=Engagement.Review.REJECTED, current=alone.pk)[alone.pk]
    assert '<span class="muted">لا مشاركين مسجَّلين</span>' in html
    assert '<span class="badge rejected">مرفوض</span>' in html
    assert 'class="engagement-card is-current"' in html


def test_a_card_shown_again_shows_what_changed_in_its_engagement_and_participants():
    falih = actor_create(name="فالح الفياض")
    meeting = engagement_create(actors=[falih], date="2024-02-01", location="بغداد")
    for _ in range(2):  # written, then kept
        html = _cards()[meeting.pk]
        assert "، بغداد" in html and ">فالح الفياض</a>" in html and "is-current" not in html
    Actor.objects.filter(pk=falih.pk).update(name="فالح فياض")
    assert ">فالح فياض</a>" in _cards()[meeting.pk]
    Engagement.objects.filter(pk=meeting.pk).update(location="عمّان", review=Engagement.Review.VERIFIED)
    html = _cards()[meeting.pk]
    assert "، عمّان" in html and "بغداد" not in html and '<span class="badge verified">' in html
    assert "is-current" in _cards(current=meeting.pk)[meeting.pk]
