"""Lexical resources from maintained packages, each loaded once per process on first use.

| function | answers | package (license) |
|---|---|---|
| `word_zipf(word)` | how common the word is (Zipf scale, 0 unseen) | wordfreq (Apache-2.0; lists CC-BY-SA 4.0) |
| `is_given_name(word)` | a given name (`محمد`) | pyarabic proper nouns (GPL-3.0) |
| `is_family_name(word)` | a lineage, epithet or tribe name | pyarabic proper nouns (GPL-3.0) |
| `is_place_name(word)` | a one-word city, region or country | pyarabic proper nouns (GPL-3.0) |
| `reading(word)` / `verb_only(word)` / `is_verb(word)` | qalsadi's verb/noun/proper/particle readings; a verb its paradigm confirms | qalsadi, arramooz (GPL-3.0) |
| `particle(word)` | a particle (`إلا`, `حتى`, `سوف`) | Arabic-Stopwords (GPL) |
| `governing_particle(word)` | a function word that governs the next word's case (`على`, `مع`, `أن`) | Arabic-Stopwords (GPL) |
| `same_word(a, b)` / `same_name(a, b)` | spelling variants of a name | rapidfuzz (MIT) |

Every function takes a word as written or `normalize`d, and is pure and cached.
"""

from analysis.extraction.lexical.frequency import word_zipf
from analysis.extraction.lexical.fuzzy import same_name, same_word
from analysis.extraction.lexical.names import is_family_name, is_given_name, is_place_name
from analysis.extraction.lexical.particles import governing_particle, particle
from analysis.extraction.lexical.readings import is_verb, reading, verb_only

__all__ = [
    "governing_particle",
    "is_family_name",
    "is_given_name",
    "is_place_name",
    "is_verb",
    "particle",
    "reading",
    "same_name",
    "same_word",
    "verb_only",
    "word_zipf",
]
