"""wordfreq's Zipf frequencies, looked up as written or normalized."""

from analysis.extraction.lexical import word_zipf


def test_common_words_score_higher_than_rare_names():
    assert word_zipf("في") > 6
    assert word_zipf("موقف") > 4
    assert word_zipf("ماكسيموف") < 3


def test_spelling_and_diacritics_do_not_change_the_lookup():
    assert word_zipf("اضافة") == word_zipf("إضافة") or word_zipf("اضافة") > 3
    assert word_zipf("مُوَقَّف") == word_zipf("موقف")


def test_an_unseen_word_is_zero():
    assert word_zipf("قزبرطلوش") == 0.0


def test_the_compact_table_gives_wordfreqs_own_frequency_for_every_word_it_holds():
    import wordfreq

    from analysis.extraction.lexical.frequency import _tables

    surface, _ = _tables()
    pack = wordfreq.get_frequency_dict("ar", wordlist="best")
    assert len(surface) == len(pack)
    sample = sorted(pack)[::997]
    assert [surface.get(w) for w in sample] == [pack[w] for w in sample]
    assert surface.get("قزبرطلوش") == 0.0


def test_the_table_is_written_once_to_the_cache_and_read_back_equal(tmp_path, monkeypatch):
    from analysis.extraction.lexical import frequency

    monkeypatch.setenv("EXTRACTION_CACHE", str(tmp_path))
    frequency._tables.cache_clear()
    try:
        built = frequency._tables()
        files = list(tmp_path.glob("wordfreq-ar-*.bin"))
        assert len(files) == 1
        frequency._tables.cache_clear()
        read = frequency._tables()
        assert read is not built
        for word in ("في", "موقف", "ماكسيموف", "قال", "قزبرطلوش"):
            assert read[0].get(word) == built[0].get(word)
            assert read[1].get(word) == built[1].get(word)
        files[0].write_bytes(b"not a table")  # a damaged file is rebuilt, not trusted
        frequency._tables.cache_clear()
        assert frequency._tables()[0].get("في") == built[0].get("في")
    finally:
        frequency._tables.cache_clear()
