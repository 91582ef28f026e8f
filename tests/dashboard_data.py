"""A small world for the dashboard's tests: two sources reporting one meeting, dates at every precision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.models import Actor, Document, Engagement, Evidence, Mention
from tests.factories import actor_create, document_create, engagement_create

MEETING_A = (
    "التقى رئيس هيئة الحشد الشعبي فالح الفياض السفير الروسي ألبروس كوتراشيف"
    " في بغداد يوم الخميس الموافق 1/2/2024."
)
MEETING_B = "وبحث الفياض مع كوتراشيف خلال لقائهما في بغداد تعزيز التعاون بين البلدين."
VISIT = "وكان الفياض قد زار موسكو في أيار 2022 والتقى نائب وزير الخارجية ميخائيل بوغدانوف."


@dataclass
class World:
    fayyad: Actor
    kutrashev: Actor
    bogdanov: Actor
    russia: Actor
    source_a: Document
    source_b: Document
    meeting: Engagement
    visit: Engagement
    talks: Engagement
    statement: Engagement
    planned: Engagement


def evidence_add(engagement: Engagement, document: Document, sentence: str) -> Evidence:
    start = document.text.index(sentence)
    return Evidence.objects.create(
        engagement=engagement, document=document, start=start, end=start + len(sentence), sentence=sentence
    )


def mention_add(document: Document, actor: Actor, surface: str) -> Mention:
    start = document.text.index(surface)
    return Mention.objects.create(
        document=document, actor=actor, start=start, end=start + len(surface), surface=surface
    )


def world_create() -> World:
    fayyad = actor_create(name="فالح الفياض", aliases=["فياض", "أبو فالح"], slug="فالح-الفياض")
    kutrashev = actor_create(name="ألبروس كوتراشيف", aliases=["كوتراشيف"], slug="ألبروس-كوتراشيف")
    bogdanov = actor_create(name="ميخائيل بوغدانوف", aliases=["بوغدانوف"], slug="ميخائيل-بوغدانوف")
    russia = actor_create(name="روسيا", kind="state", slug="روسيا")
    source_a = document_create(
        text=f"بغداد – المدى\n\n{MEETING_A} وأكد الجانبان أهمية العلاقات.\n\n{VISIT}\n",
        title="الفياض يبحث مع السفير الروسي التعاون الأمني",
        outlet="المدى",
        published_on=date(2024, 2, 2),
    )
    source_b = document_create(
        text=f"موسكو – وكالات\n\nقالت السفارة الروسية إن {MEETING_B} وأضافت أن اللقاء كان مثمرًا.\n",
        title="السفارة الروسية: لقاء مثمر مع رئيس الحشد",
        outlet="روسيا اليوم",
        published_on=date(2024, 2, 3),
    )
    meeting = engagement_create(actors=[fayyad, kutrashev], date="2024-02-01", location="بغداد")
    evidence_add(meeting, source_a, MEETING_A)
    evidence_add(meeting, source_b, MEETING_B)
    mention_add(source_a, fayyad, "فالح الفياض")
    mention_add(source_a, kutrashev, "ألبروس كوتراشيف")
    visit = engagement_create(actors=[fayyad, bogdanov], type="visit", date="2022-05", location="موسكو")
    evidence_add(visit, source_a, VISIT)
    talks = engagement_create(actors=[russia, fayyad], type="talks", date="2016")
    statement = engagement_create(actors=[kutrashev], type="statement", date=None)
    planned = engagement_create(actors=[fayyad, russia], type="visit", date="2024-03-10", status="planned")
    return World(
        fayyad, kutrashev, bogdanov, russia, source_a, source_b, meeting, visit, talks, statement, planned
    )
