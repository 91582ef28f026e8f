"""Arabic-Stopwords' classes: which function words govern the word after them."""

from analysis.extraction.lexical import governing_particle


def test_prepositions_adverbs_and_an_govern_the_next_word():
    for word in ("على", "في", "مع", "لدى", "أن"):
        assert governing_particle(word), word


def test_particles_that_are_also_names_do_not():
    for word in ("ما", "لي", "أبي"):
        assert not governing_particle(word), word
    assert not governing_particle("محمد")  # no function word at all


def test_particles_are_known_as_written():
    from analysis.extraction.lexical import particle

    assert particle("إلا") and particle("حتى") and particle("على")
    assert not particle("علي") and not particle("محمد")
