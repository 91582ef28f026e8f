"""The sequence tagger's parts on made-up sentences: features, gold names as BIO labels, spans and names."""

from __future__ import annotations

from analysis.extraction.actors import find_actors, tokenize
from analysis.extraction.tagger.features import sentence_features
from analysis.extraction.tagger.labels import bio_labels
from analysis.extraction.tagger.spans import Span, span_name, spans, split_spans

GOLD = {
    "actors": [
        {"name": "سامي الخطيب", "aliases": ["الخطيب"], "kind": "person"},
        {"name": "هانز مولر", "aliases": [], "kind": "person"},
        {"name": "ألمانيا", "aliases": ["برلين"], "kind": "state"},
        {"name": "حلف الشمال", "aliases": [], "kind": "organization"},
    ]
}


def features_of(text: str) -> tuple[list, list[set[str]]]:
    tokens = tokenize(text)
    rows = sentence_features(tokens, find_actors(text, tokens=tokens).mentions)
    return tokens, [set(row) for row in rows]


def test_features_read_the_word_its_clitic_the_lexicons_the_rules_and_the_neighbours():
    tokens, rows = features_of("قال وزير الخارجية سامي الخطيب إن وفدا وصل إلى برلين والتقى بالخطيب.")
    words = [t.text for t in tokens]
    minister, surname, berlin = (
        rows[words.index("وزير")],
        rows[words.index("الخطيب")],
        rows[words.index("برلين")],
    )
    assert {"w=وزير", "lex=title"} <= minister
    assert {"w=الخطيب", "art", "rule=I-person", "-1:w=سامي", "1:w=ان"} <= surname
    assert "lex=geo" in berlin
    assert "first" in rows[0] and "-1:edge" in rows[0]
    clitic = rows[words.index("بالخطيب")]
    assert {"b=خطيب", "clitic=بال"} <= clitic


def test_gold_names_and_aliases_are_tagged_where_they_occur_with_or_without_a_clitic():
    text = "واستقبل لسامي الخطيب وهانز مولر في برلين، ثم غادر الخطيب. والخطيبة ليست اسما."
    tokens = tokenize(text)
    tagged = {t.text: label for t, label in zip(tokens, bio_labels(tokens, GOLD), strict=True)}
    assert tagged["لسامي"] == "B-PER" and tagged["الخطيب"] in ("I-PER", "B-PER")
    assert tagged["وهانز"] == "B-PER" and tagged["مولر"] == "I-PER"
    assert tagged["برلين"] == "B-GEO"
    assert tagged["غادر"] == "O" and tagged["والخطيبة"] == "O"
    labels = bio_labels(tokens, GOLD)
    assert labels[[t.text for t in tokens].index("الخطيب", 3)] == "B-PER"  # the alias alone


def test_the_full_name_wins_over_its_alias():
    tokens = tokenize("وصل سامي الخطيب.")
    assert bio_labels(tokens, GOLD) == ["O", "B-PER", "I-PER", "O"]


def test_spans_from_labels_and_a_stray_inside_label_opens_a_span():
    assert spans(["O", "B-PER", "I-PER", "I-ORG", "O", "I-PER"]) == [
        Span("PER", 1, 2),
        Span("ORG", 3, 3),
        Span("PER", 5, 5),
    ]


def test_a_span_is_cut_where_a_word_with_a_preposition_and_the_article_starts_a_new_phrase():
    tokens = tokenize("أشاد أردوغان بالكاظمي")
    assert split_spans([Span("PER", 1, 2)], tokens) == [Span("PER", 1, 1), Span("PER", 2, 2)]


def test_a_name_drops_a_clitic_the_text_or_the_word_frequencies_show():
    text = "قال بوتين إن وبوتين وفاليري غيراسيموف التقيا للمالكي ووليد وباسم"
    tokens = tokenize(text)
    at = {t.text: k for k, t in enumerate(tokens)}
    assert span_name(text, tokens, Span("PER", at["وبوتين"], at["وبوتين"])) == "بوتين"
    assert span_name(text, tokens, Span("PER", at["وفاليري"], at["غيراسيموف"])) == "فاليري غيراسيموف"
    assert span_name(text, tokens, Span("PER", at["بوتين"], at["بوتين"])) == "بوتين"
    assert span_name(text, tokens, Span("PER", at["للمالكي"], at["للمالكي"])) == "المالكي"
    assert span_name(text, tokens, Span("PER", at["ووليد"], at["ووليد"])) == "وليد"
    assert span_name(text, tokens, Span("PER", at["وباسم"], at["وباسم"])) == "باسم"


def test_a_new_person_needs_a_full_name_not_a_noun_phrase():
    from analysis.extraction.tagger.persons import _full_name

    assert _full_name("باسم العوادي") and _full_name("بشار الأسد") and _full_name("هانز مولر")
    assert not _full_name("مولر")  # a short form
    assert not _full_name("القصر الحكومي") and not _full_name("بالقصر الحكومي")  # the article
    assert not _full_name("بطائرتين مسيرتين")  # a preposition and a noun
    assert not _full_name("سلمان بن")  # cut at a connector


def test_a_span_is_cut_before_a_second_name_joined_by_and():
    tokens = tokenize("قتل سليماني وأبو مهدي المهندس")
    assert split_spans([Span("PER", 1, 4)], tokens) == [Span("PER", 1, 1), Span("PER", 2, 4)]


def test_the_name_ali_is_no_stop_word_but_the_preposition_is():
    from analysis.extraction.tagger.features import lexicon_word

    ali, ala = tokenize("علي على")
    assert not lexicon_word(ali.text, ali.n, ali.kind) and lexicon_word(ala.text, ala.n, ala.kind)


def test_latin_words_in_lower_case_are_markup_not_a_name():
    from analysis.extraction.tagger.persons import _latin_lower_case

    assert _latin_lower_case("blockquote class") and _latin_lower_case("data lang")
    assert not _latin_lower_case("Mike Pence") and not _latin_lower_case("بشار الأسد")


def test_a_tagged_span_after_an_eponym_noun_or_opening_with_a_verb_is_no_person():
    from analysis.extraction.actors import tokenize
    from analysis.extraction.name_tokens import verb_shaped
    from analysis.extraction.tagger.persons import _eponym_before

    tokens = tokenize("وصل إلى مطار الملك خالد الدولي")
    assert _eponym_before(tokens, 4)  # `خالد`, after `مطار الملك`
    assert verb_shaped("يؤكدان") and not verb_shaped("يوسف")


def test_a_preposition_on_a_common_word_opens_no_new_person_but_a_given_name_with_ba_does():
    from analysis.extraction.tagger.persons import _full_name

    assert not _full_name("بحسن الاستقبال")  # `ب` and `حسن`, far commoner alone
    assert _full_name("باسم العوادي") and _full_name("بسام الخطيب")


def test_a_word_with_a_preposition_the_text_writes_without_it_is_no_part_of_a_tagged_name():
    from analysis.extraction.tagger.persons import _preposition_inside
    from analysis.extraction.tagger.spans import written_words

    tokens = tokenize("قتل سليماني في بغداد، وعين قاآني خلفا لسليماني.")
    assert _preposition_inside(tokens, Span("PER", 7, 8), written_words(tokens))
    assert not _preposition_inside(tokens, Span("PER", 6, 7), written_words(tokens))


def test_kana_in_the_dual_and_its_verb_are_no_tagged_person():
    from analysis.extraction.pipeline import extract_document

    text = "وأطلقت مركبتان عسكريتان النار. المركبتان كانتا تقلان سبعة عناصر من الجبهة، أطلقوا قذائف باتجاه المكان."
    assert not [a for a in extract_document(text).actors if a.kind == "person"]


def test_a_tagged_span_with_a_present_verb_after_its_first_word_is_no_person():
    from analysis.extraction.tagger.persons import _verb_inside

    tokens = tokenize("وقال إن حجم المناورة وتنوعه يتسعان كل عام.")
    assert _verb_inside(tokens, Span("PER", 4, 5))  # `وتنوعه يتسعان`: a clause, not a name
    assert not _verb_inside(tokens, Span("PER", 2, 3))


def test_a_tagged_span_that_takes_the_verbs_object_after_its_first_word_is_no_person():
    from analysis.extraction.tagger.persons import _object_inside

    tokens = tokenize("نقل الأمير خالد تحيات خادم الحرمين")
    assert _object_inside(tokens, Span("PER", 2, 3))  # `خالد تحيات`: the prince and his greetings
    assert not _object_inside(tokens, Span("PER", 4, 5))


def test_a_tagged_span_with_a_noun_and_its_pronoun_after_its_first_word_is_no_person():
    from analysis.extraction.tagger.persons import _object_inside

    tokens = tokenize("وأضاف أن الجانبين سيستعرضان إمكانياتهما، ويتبادلان الخبرات.")
    assert _object_inside(tokens, Span("PER", 3, 4))


def test_a_quoted_span_after_a_common_definite_noun_names_a_thing_not_a_person():
    from analysis.extraction.tagger.persons import _quoted_thing

    tokens = tokenize("يتكون الأسطول من المدمرة “شانغ شونغ”، والقائم بالأعمال في ليبيا “جيرمي برنت”.")
    assert _quoted_thing(tokens, Span("PER", 5, 6))  # a destroyer's name
    assert not _quoted_thing(tokens, Span("PER", 14, 15))  # a person's, after a place


def test_a_new_person_of_one_word_needs_the_models_surer_confidence_and_no_common_word():
    from analysis.extraction.tagger.persons import SINGLE_CONFIDENCE, _single_surname

    assert _single_surname("بايدن", SINGLE_CONFIDENCE) and _single_surname("حمدوك", 0.95)
    assert not _single_surname("بايدن", SINGLE_CONFIDENCE - 0.1)  # a full name's confidence is not enough
    assert not _single_surname("الحكومي", 0.95)  # an ordinary word of the language
    assert not _single_surname("جو بايدن", 0.95)  # a full name is `_full_name`'s


def test_a_surname_alone_between_lexicon_words_is_a_window_for_the_tagger():
    from analysis.extraction.tagger.persons import _windows

    tokens = tokenize("وقال إن إدارة بايدن، في حين")
    surname = next(k for k, t in enumerate(tokens) if t.text == "بايدن")
    assert any(surname in window for window in _windows(tokens, set()))
    assert not any(surname in window for window in _windows(tokens, {surname}))  # the rules' mention


def test_a_given_name_that_names_a_place_too_or_a_connector_may_open_a_tagged_name():
    from analysis.extraction.tagger.persons import _plain_words

    tokens = tokenize("ضم الوفد جون ماكين وآل صادق في بغداد")
    assert _plain_words(tokens, Span("PER", 2, 3))  # `جون`: a given name and a place
    assert _plain_words(tokens, Span("PER", 4, 5))  # `وآل`: a connector of names
    assert not _plain_words(tokens, Span("PER", 6, 7))  # `في بغداد`: a stop word and a place
