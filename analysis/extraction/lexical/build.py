"""Rebuild the morphological readings table shipped in `data/readings.tsv`.

qalsadi analyses a word in about 5 ms, too slow to run on every word of every document, so its
readings of the most frequent Arabic words (wordfreq's list) are computed once here and shipped;
`analysis.extraction.lexical.readings` reads the table. Reproducible: the word list and the
analyses are sorted, so the file does not depend on the hash seed.

    python -m analysis.extraction.lexical.build [--words 60000]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

READINGS_PATH = Path(__file__).with_name("data") / "readings.tsv"
_ARABIC_WORD_RE = re.compile("[\u0621-\u064a]+")

# qalsadi's word types folded to one letter each: V verb, N noun, P proper noun, S stop word
# (a particle, pronoun or auxiliary), U no analysis.
_CODES = (("Verb", "V"), ("Noun:noun_prop", "P"), ("Noun", "N"), ("STOPWORD", "S"), ("unknown", "U"))


def reading_codes(analyses: Iterable[object]) -> str:
    """qalsadi's analyses of one word as a sorted string of codes (`NV`: a noun or a verb)."""
    codes = set()
    for analysis in analyses:
        kind = str(analysis.get_type())
        codes.add(next((code for prefix, code in _CODES if kind.startswith(prefix)), "U"))
    if len(codes) > 1:
        codes.discard("U")
    return "".join(sorted(codes)) or "U"


def frequent_words(count: int) -> list[str]:
    """The `count` most frequent Arabic-letter words of wordfreq's Arabic list, most frequent first."""
    import wordfreq

    words = (w for w in wordfreq.top_n_list("ar", count * 2) if _ARABIC_WORD_RE.fullmatch(w))
    return list(dict.fromkeys(words))[:count]


def build(words: list[str]) -> list[tuple[str, str]]:
    import qalsadi.analex

    analyser = qalsadi.analex.Analex()
    return [(word, reading_codes(analyser.check_word(word))) for word in words]


def write(rows: list[tuple[str, str]], path: Path = READINGS_PATH) -> None:
    header = f"# qalsadi {version('qalsadi')} readings of wordfreq {version('wordfreq')} Arabic words\n"
    body = "".join(f"{word}\t{codes}\n" for word, codes in sorted(rows))
    path.write_text(header + body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60000)
    args = parser.parse_args()
    write(build(frequent_words(args.words)))


if __name__ == "__main__":
    main()
