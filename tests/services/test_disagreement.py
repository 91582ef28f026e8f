"""Sources that disagree: flagged when documents are stored, decided by a curator with history kept."""

from __future__ import annotations

import pytest

from analysis.models import Disagreement, Engagement, Evidence
from analysis.services import curation
from analysis.services.disagreement import disagreement_dismiss, disagreement_resolve, disagreements_detect
from analysis.services.history import CurationError
from tests.factories import article_text
from tests.services.ingestion.reports import FAYYAD, KUTRASHEV, ingest, write

pytestmark = pytest.mark.django_db

BOGDANOV = ("ميخائيل بوغدانوف", "person", ["بوغدانوف"], "نائب وزير الخارجية")
PAIR = ["فالح الفياض", "ألبروس كوتراشيف"]


def report(tmp_path, name: str, *engagements, actors=(FAYYAD, KUTRASHEV)):
    return ingest(write(tmp_path, name, article_text(actors=actors, engagements=engagements, body=name)))


def flags(**lookup) -> list[tuple[str, str]]:
    return sorted(Disagreement.objects.filter(**lookup).values_list("kind", "state"))


def test_two_sources_naming_different_places_for_one_meeting_are_flagged(tmp_path):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, "بغداد"))
    report(tmp_path, "b.txt", ("meeting", "2024-02-01", PAIR, "موسكو"))

    (engagement,) = Engagement.objects.all()
    assert engagement.location == "بغداد"  # the first report's place; the second one disagrees
    assert flags() == [("place", "open")]
    assert sorted(Evidence.objects.values_list("location", flat=True)) == ["بغداد", "موسكو"]


def test_a_place_named_more_fully_is_no_disagreement(tmp_path):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, "بغداد"))
    report(tmp_path, "b.txt", ("meeting", "2024-02-01", PAIR, "العاصمة بغداد"))

    assert flags() == []


@pytest.mark.parametrize(
    ("second", "flagged"), [("2024-02-06", True), ("2024-02-15", True), ("2024-02-16", False)]
)
def test_the_same_meeting_from_another_source_within_14_days_is_likely_misdated(tmp_path, second, flagged):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", second, PAIR, ""))

    assert Engagement.objects.count() == 2
    assert flags() == ([("date", "open")] if flagged else [])


def test_two_meetings_a_week_apart_in_one_article_are_two_meetings(tmp_path):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""), ("meeting", "2024-02-08", PAIR, ""))

    assert flags() == []


def test_another_type_or_other_people_are_no_disagreement(tmp_path):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("call", "2024-02-03", PAIR, ""))
    report(
        tmp_path,
        "c.txt",
        ("meeting", "2024-02-03", ["فالح الفياض", "ميخائيل بوغدانوف"], ""),
        actors=(FAYYAD, BOGDANOV),
    )

    assert flags() == []


def test_a_source_naming_one_more_participant_on_the_same_day_is_flagged(tmp_path):
    trio = [*PAIR, "ميخائيل بوغدانوف"]
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", "2024-02-01", trio, ""), actors=(FAYYAD, KUTRASHEV, BOGDANOV))

    assert flags() == [("participants", "open")]


def test_choosing_a_date_folds_the_misdated_report_into_the_right_one_with_history(tmp_path, curator):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", "2024-02-05", PAIR, ""))
    flag = Disagreement.objects.get()
    right = Engagement.objects.get(date_start="2024-02-01")

    kept = disagreement_resolve(disagreement=flag, reading=str(right.pk), user=curator)

    (engagement,) = Engagement.objects.all()
    assert engagement.pk == kept.pk and str(engagement.date_start) == "2024-02-01"
    assert engagement.is_edited
    assert Evidence.objects.filter(engagement=engagement).values("document").distinct().count() == 2
    flag.refresh_from_db()
    assert flag.state == "resolved" and flag.resolved_by == curator and flag.engagement_id == engagement.pk
    reasons = set(Engagement.history.values_list("history_change_reason", flat=True))
    assert any(reason and "حسم اختلاف المصادر" in reason for reason in reasons)
    assert flags(state="open") == []


def test_choosing_the_fuller_list_of_participants_merges_the_two(tmp_path, curator):
    trio = [*PAIR, "ميخائيل بوغدانوف"]
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", "2024-02-01", trio, ""), actors=(FAYYAD, KUTRASHEV, BOGDANOV))
    fuller = Engagement.objects.filter(participations__actor__name="ميخائيل بوغدانوف").get()

    kept = disagreement_resolve(disagreement=Disagreement.objects.get(), reading=str(fuller.pk), user=curator)

    assert list(Engagement.objects.values_list("pk", flat=True)) == [kept.pk]
    assert kept.participations.count() == 3
    assert kept.evidence.count() == 2


def test_choosing_a_place_sets_it_and_keeps_the_engagement_from_later_ingestion(tmp_path, curator):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, "بغداد"))
    report(tmp_path, "b.txt", ("meeting", "2024-02-01", PAIR, "موسكو"))

    disagreement_resolve(disagreement=Disagreement.objects.get(), reading="موسكو", user=curator)

    engagement = Engagement.objects.get()
    assert engagement.location == "موسكو" and engagement.is_edited
    report(tmp_path, "c.txt", ("meeting", "2024-02-01", PAIR, "أربيل"))
    assert flags() == [("place", "resolved")]


def test_a_reading_no_source_gives_is_refused(tmp_path, curator):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, "بغداد"))
    report(tmp_path, "b.txt", ("meeting", "2024-02-01", PAIR, "موسكو"))

    with pytest.raises(CurationError):
        disagreement_resolve(disagreement=Disagreement.objects.get(), reading="باريس", user=curator)
    assert Engagement.objects.get().location == "بغداد"


def test_a_dismissed_flag_is_not_raised_again(tmp_path, curator):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", "2024-02-05", PAIR, ""))

    disagreement_dismiss(disagreement=Disagreement.objects.get(), user=curator)
    disagreements_detect(engagement_ids=Engagement.objects.values_list("pk", flat=True))

    assert flags() == [("date", "dismissed")]
    assert Engagement.objects.count() == 2


def test_an_open_flag_that_no_longer_holds_is_dropped(tmp_path, curator):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", "2024-02-05", PAIR, ""))
    moved = Engagement.objects.get(date_start="2024-02-05")
    Engagement.objects.filter(pk=moved.pk).update(date_start="2024-06-05", date_end="2024-06-05")

    disagreements_detect(engagement_ids=[moved.pk])

    assert flags() == []


def test_a_curator_fixing_the_date_in_the_admin_ends_the_flag(tmp_path, curator):
    report(tmp_path, "a.txt", ("meeting", "2024-02-01", PAIR, ""))
    report(tmp_path, "b.txt", ("meeting", "2024-02-05", PAIR, ""))
    misdated = Engagement.objects.get(date_start="2024-02-05")
    misdated.date_start = misdated.date_end = misdated.date_start.replace(month=6)

    curation.engagement_update(engagement=misdated, user=curator, changed_fields=["date_start", "date_end"])

    assert flags() == []
