"""The engagement card: how every list of engagements (the timeline, a document's engagements) shows one.

Written in Python, not a template: a template per card took longer than the page's SQL (40 cards).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.utils.safestring import SafeString

from analysis import selectors
from analysis.kept import Kept
from analysis.models import Engagement
from analysis.web.confidence import card_badge_html
from analysis.web.formats import NO_PARTICIPANTS, partial_date_html, sources_count
from analysis.web.formats import html_escape as _e
from analysis.web.links import Links


@dataclass(frozen=True, slots=True)
class EngagementCard:
    """An engagement as a list of engagements shows it: its date (for the headings) and its card."""

    pk: int
    date_start: date | None
    date_precision: str
    html: SafeString


def engagement_cards(rows: list[dict], links: Links, current: int | None = None) -> list[EngagementCard]:
    """Cards for `selectors.engagement_page` rows, their participants fetched in one query."""
    participants: dict[int, list[tuple[str, str]]] = {row["id"]: [] for row in rows}
    for engagement_id, name, slug in selectors.engagement_participants(engagement_ids=participants):
        participants[engagement_id].append((name, slug))
    return [
        EngagementCard(
            row["id"],
            row["date_start"],
            row["date_precision"],
            _card(row, participants[row["id"]], links, current=row["id"] == current),
        )
        for row in rows
    ]


_CARDS_KEPT = 4096  # cards kept written, ~1.4 KB each (~6 MB a process): a few pages of each list in use
_cards_written: Kept[SafeString] = Kept(_CARDS_KEPT)


def _card(row: dict, people: list[tuple[str, str]], links: Links, *, current: bool) -> SafeString:
    """`_card_html` of the row, its participants (name, slug) and the links' view, written once for these
    values: everything the card shows is in the key, so a changed engagement gets a new card. Writing 40
    cards was ~0.6 ms of a ~3.5 ms timeline page, whose ratio to its SQL is to stay <= 3 (issue 15); a
    kept card costs its key, ~2 us."""
    key = (links.view_key, current, tuple(people), tuple(row.items()))
    return _cards_written.get(
        key,
        lambda: _card_html(row, [links.actor(name, slug) for name, slug in people], links, current=current),
    )


TYPE_LABELS = {kind: _e(label) for kind, label in Engagement.Type.choices}
PLANNED_BADGE = f'<span class="badge planned">{_e(Engagement.Status.PLANNED.label)}</span>'
BADGES = {
    review: f'<span class="badge {review}">{_e(review.label)}</span>'
    for review in (Engagement.Review.VERIFIED, Engagement.Review.REJECTED)
}
DISAGREE_BADGE = '<span class="badge disagree" title="مصادر هذا الحدث تختلف في تاريخه أو مكانه أو مشاركيه">المصادر تختلف</span>'
NO_PARTICIPANTS_HTML = f'<span class="muted">{NO_PARTICIPANTS}</span>'


# What a card writes of a date, a place, a number of sources or a confidence: one of a few thousand
# values each, written once per process (formatting and escaping them was half of 40 cards' ~0.25 ms)
_date_html = lru_cache(maxsize=8192)(partial_date_html)
_place_html = lru_cache(maxsize=4096)(lambda location: f'<span class="location">، {_e(location)}</span>')
_sources_html = lru_cache(maxsize=256)(lambda n: f'<span class="source-count">{sources_count(n)}</span>')
_confidence_html = lru_cache(maxsize=256)(card_badge_html)


def _card_html(
    engagement: dict, participants: list[SafeString], links: Links, *, current: bool = False
) -> SafeString:
    """The card of a `selectors.engagement_page` row: a link with its type, date and place that opens the
    engagement, its badges and number of sources, its participants' links. Written in Python: a template
    per card took longer than the page's SQL (40 cards)."""
    location, status, review, kind = (engagement[key] for key in ("location", "status", "review", "type"))
    badges = (
        (PLANNED_BADGE if status == "planned" else "")
        + BADGES.get(review, "")
        + (DISAGREE_BADGE if engagement.get("disagrees") else "")
        + _sources_html(engagement["source_count"])
        + _confidence_html(engagement.get("confidence"))
    )
    people = '<span class="sep" aria-hidden="true"> · </span>'.join(participants) or NO_PARTICIPANTS_HTML
    place = _place_html(location) if location else ""
    label = TYPE_LABELS.get(kind) or _e(kind)
    # The id is an integer, the date and the number of sources are built from digits and fixed words.
    return SafeString(
        f'<article class="engagement-card{" is-current" if current else ""}" '
        f'data-engagement-card="{int(engagement["id"])}">\n'
        f'  <a class="engagement-link" {links.engagement(engagement["id"])}>'
        f'<span class="type-badge type-{_e(kind)}">{label}</span> '
        f"{_date_html(engagement['date_start'], engagement['date_precision'])}{place}</a>\n"
        f'  <span class="card-badges">{badges}</span>\n'
        f'  <p class="participants">{people}</p>\n'
        "</article>"
    )
