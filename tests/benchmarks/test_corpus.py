"""The synthetic corpus: deterministic, varied like real pages, and readable by the pipeline."""

from __future__ import annotations

import re

import pytest

from analysis.arabic import months
from analysis.benchmarks.corpus import (
    ActorPool,
    article,
    articles,
    corpus_write,
)


def _files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.txt"))}


def test_same_seed_writes_byte_identical_files(tmp_path):
    first = corpus_write(folder=tmp_path / "a", docs=25, seed=3)
    second = corpus_write(folder=tmp_path / "b", docs=25, seed=3)

    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert first.digest == second.digest
    assert len(_files(tmp_path / "a")) == 25


def test_another_seed_writes_other_articles(tmp_path):
    corpus_write(folder=tmp_path / "a", docs=10, seed=3)
    corpus_write(folder=tmp_path / "b", docs=10, seed=4)

    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert all(a[name] != b[name] for name in a)


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path):
    corpus_write(folder=tmp_path / "small", docs=5, seed=3)
    corpus_write(folder=tmp_path / "large", docs=40, seed=3)

    large = _files(tmp_path / "large")
    assert all(large[name] == data for name, data in _files(tmp_path / "small").items())


def test_rewriting_a_folder_leaves_no_stale_articles(tmp_path):
    corpus_write(folder=tmp_path, docs=12, seed=3)
    corpus_write(folder=tmp_path, docs=4, seed=3)

    assert len(_files(tmp_path)) == 4


def test_articles_carry_the_forms_of_real_pages():
    text = "\n".join(a.text for a in articles(docs=300, seed=3))

    assert any(month in text for month in months.LEVANTINE)
    assert any(month in text for month in months.EGYPTIAN)
    assert any(month in text for month in ("جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت"))
    assert re.search(r"\d{1,2}/\d{1,2}/\d{4}", text)  # numeric day/month/year
    assert re.search(r"[٠-٩]{4}", text)  # Eastern Arabic digits
    assert "\u0640" in text  # tatweel
    assert "((" in text and "“" in text  # names in double parentheses and curly quotes
    assert "كتب /" in text and "ترجمة:" in text and "المصدر /" in text  # bylines
    assert "الأكثر متابعة" in text and "التحديث الاخير بتاريخ" in text  # page chrome
    assert re.search(r"\bب(?:موسكو|بغداد|طهران|أنقرة|دمشق)", text) or "بمكتبه" in text
    for trigger in ("استقبل", "التقى", "زار", "مباحثات", "اتصالاً هاتفياً", "وقّع", "من المقرر"):
        assert trigger in text


def test_many_actors_take_part():
    pool = ActorPool(3)
    events = [event for a in articles(docs=400, seed=3) for event in a.events]
    people = {person.name for event in events for person in event.participants}

    assert len({person.name for person in pool.persons}) > 1500
    assert len(people) > 300
    assert len({person.title for person in pool.persons}) > 300


def test_the_pipeline_finds_the_engagements_written_into_articles():
    pipeline = pytest.importorskip("analysis.extraction.pipeline")
    pool = ActorPool(3)
    generated = [article(pool, index) for index in range(40)]
    found_in_articles = 0
    events_found = events_written = 0
    for item in generated:
        result = pipeline.extract_document(item.text)
        found_in_articles += bool(result.engagements)
        extracted = [" ".join(p.name for p in e.participants) for e in result.engagements]
        for event in item.events:
            events_written += 1
            short_names = [person.short for person in event.participants]
            events_found += any(all(name in joined for name in short_names) for joined in extracted)

    assert found_in_articles >= 0.8 * len(generated)
    assert events_found >= 0.4 * events_written
