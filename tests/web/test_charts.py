"""Figures read right to left and never let data inject markup into plotly labels."""

import json
from datetime import date
from types import SimpleNamespace

from django.utils.html import json_script

from analysis.templatetags.dashboard import figure_script
from analysis.web.charts import _template_json, counterparts_bar, engagements_over_time


def test_timeline_figure_runs_right_to_left_with_arabic_month_labels():
    figure = engagements_over_time(
        [
            {"month": date(2024, 2, 1), "type": "meeting", "count": 2},
            {"month": date(2024, 4, 1), "type": "visit", "count": 1},
        ]
    )
    assert figure["layout"]["xaxis"]["autorange"] == "reversed"
    assert figure["layout"]["yaxis"]["side"] == "right"
    assert figure["data"][0]["x"] == ["شباط 2024", "آذار 2024", "نيسان 2024"]
    assert figure["data"][0]["y"] == [2, 0, 0] and figure["data"][0]["name"] == "لقاء"


def test_long_spans_are_counted_by_year():
    figure = engagements_over_time(
        [
            {"month": date(2016, 12, 1), "type": "meeting", "count": 1},
            {"month": date(2024, 2, 1), "type": "meeting", "count": 3},
        ]
    )
    assert figure["data"][0]["x"][0] == "2016" and figure["data"][0]["y"][-1] == 3


def test_nothing_to_draw():
    assert engagements_over_time([]) is None and counterparts_bar([]) is None


def test_counterpart_names_are_escaped_for_plotly():
    figure = counterparts_bar([SimpleNamespace(name='<a href="https://evil.example/">x</a>', shared_count=2)])
    assert "<a" not in figure["data"][0]["y"][0]


def test_an_engagement_dated_to_a_year_only_is_not_counted_in_january():
    figure = engagements_over_time(
        [
            {"month": date(2024, 1, 1), "year_only": False, "type": "meeting", "count": 1},
            {"month": date(2024, 1, 1), "year_only": True, "type": "meeting", "count": 4},
            {"month": date(2024, 3, 1), "year_only": False, "type": "visit", "count": 2},
        ]
    )
    meetings = figure["data"][0]
    assert meetings["x"] == ["2024 (دون شهر)", "كانون الثاني 2024", "شباط 2024", "آذار 2024"]
    assert meetings["y"] == [4, 1, 0, 0]


def test_a_year_without_dated_months_gets_only_its_own_bar_and_long_spans_count_it_in_its_year():
    figure = engagements_over_time(
        [
            {"month": date(2023, 1, 1), "year_only": True, "type": "talks", "count": 2},
            {"month": date(2024, 5, 1), "year_only": False, "type": "talks", "count": 1},
        ]
    )
    assert figure["data"][0]["x"][0] == "2023 (دون شهر)" and figure["data"][0]["y"][0] == 2
    assert "كانون الثاني 2023" not in figure["data"][0]["x"]
    by_year = engagements_over_time(
        [
            {"month": date(2016, 1, 1), "year_only": True, "type": "talks", "count": 2},
            {"month": date(2024, 5, 1), "year_only": False, "type": "talks", "count": 1},
        ]
    )
    assert by_year["data"][0]["x"][0] == "2016" and by_year["data"][0]["y"][0] == 2
    only_years = engagements_over_time(
        [{"month": date(2020, 1, 1), "year_only": True, "type": "call", "count": 3}]
    )
    assert only_years["data"][0]["x"] == ["2020"] and only_years["data"][0]["y"] == [3]


def test_figure_script_writes_what_json_script_writes_for_the_figure_with_its_template():
    figure = counterparts_bar([SimpleNamespace(name="</script><b>&</b>", shared_count=2)])
    whole = {"data": figure["data"], "layout": {**figure["layout"], "template": json.loads(_template_json())}}
    assert figure_script(figure, "counterparts-1") == json_script(whole, "counterparts-1")
    assert "</script><b>" not in figure_script(figure, "counterparts-1")
