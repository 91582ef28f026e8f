"""An event watched (`حضر تمارين A وB، ... Z`): the watcher is no party of the event."""

from analysis.extraction.pipeline import extract_document


def parties(text: str) -> list[set[str]]:
    return [{p.name for p in e.participants} for e in extract_document(text).engagements]


def test_the_one_who_attends_an_exercise_does_not_train():
    text = (
        "وقال المتحدث العسكري إن التدريبات تسير بنجاح. "
        "وحضر تمارين القوات الليبية، الخميس، رئيس الأركان الفريق سالم القطراني."
    )
    assert all("سالم القطراني" not in p for p in parties(text))


def test_two_armies_holding_an_exercise_train_together():
    text = "وقال المتحدث العسكري إن الأمور تسير بنجاح. ونفذ الجيش الليبي والجيش التونسي مناورات مشتركة قرب الحدود."
    assert {"الجيش الليبي", "الجيش التونسي"} in parties(text)
