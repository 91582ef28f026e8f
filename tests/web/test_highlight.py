"""Highlighted document text: escaped, nested correctly, anchored."""

from analysis.web.highlight import Highlight, excerpt_bounds, highlight_text, name_highlights, search_snippet


def test_text_is_escaped_and_spans_nest():
    text = "قال <b>فالح الفياض</b> إن اللقاء تم."
    start = text.index("فالح")
    html = str(
        highlight_text(
            text,
            [
                Highlight(0, len(text), "evidence", anchor="ev-1"),
                Highlight(start, start + len("فالح الفياض"), "mention", "/actors/x/", 'A "B"'),
            ],
        )
    )
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.startswith('<mark class="evidence"><span class="anchor" id="ev-1"></span>')
    assert '<a class="mention" href="/actors/x/" title="A &quot;B&quot;">فالح الفياض</a>' in html
    assert html.count("<mark") == 1


def test_excerpt_window_cuts_at_spaces():
    text = "كلمة " * 100
    left, right = excerpt_bounds(text, 250, 260, context=40)
    assert text[left - 1] == " " and text[right] == " "


def test_names_are_found_with_clitics_but_not_inside_other_words():
    text = "وبحث والفياض مع الروسيةروسيا"
    found = [text[h.start : h.end] for h in name_highlights(text, [("فياض", "فالح الفياض", "/a/")])]
    assert found == ["والفياض"]
    assert name_highlights(text, [("روسيا", "روسيا", "/r/")]) == []


def test_search_snippet_marks_the_written_words_of_a_stem_and_escapes_the_rest():
    text = "مقدمة <b>قصيرة</b>. استقبل رئيس هيئة الحشـد الشعبي السفير الروسيّ في بغداد."

    snippet = search_snippet(text, ["روسي", "حشد"])

    assert "<mark>الحشـد</mark>" in snippet and "<mark>الروسيّ</mark>" in snippet
    assert "&lt;b&gt;" in snippet and "<b>" not in snippet


def test_search_snippet_without_a_hit_is_the_start_of_the_text():
    text = " ".join(f"كلمة{n}" for n in range(50))

    snippet = search_snippet(text, ["غائب"])

    assert "<mark>" not in snippet and snippet.startswith("كلمة0 ") and snippet.endswith(" …")
