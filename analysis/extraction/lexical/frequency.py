"""How common a word is in Arabic text, from wordfreq's Arabic list.

wordfreq (Robyn Speer et al.): code Apache-2.0, word lists CC-BY-SA 4.0. Its list has 620,000 words;
as a Python dictionary it takes about 115 MB in every process that extracts (each ingest worker).
So the first process on a machine reads wordfreq's list once and writes it as a compact table (every
word in one sorted string, an array of offsets, an array of frequencies) to a cache file
(`$EXTRACTION_CACHE`, default `~/.cache/arabic-analysis`); every process then loads that file in
well under a second and searches it by bisection, in about 20 MB. The file's name carries the
wordfreq version and a digest of `normalize`, so a new version of either builds a new table.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import tempfile
from functools import cache, lru_cache
from pathlib import Path

from analysis.arabic import normalize
from analysis.extraction.lexical.sorted_words import SortedWords

_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_NORMALIZED_WORDS = 120_000  # the normalized table covers words down to a zipf of about 2.5
_FORMAT = 2


def _wordfreq_tables() -> tuple[SortedWords, SortedWords]:
    """wordfreq's Arabic frequencies by surface form, and by `normalize`d form for its top words."""
    import wordfreq

    surface = wordfreq.get_frequency_dict("ar", wordlist="best")
    folded: dict[str, float] = {}
    for word in wordfreq.top_n_list("ar", _NORMALIZED_WORDS):
        key = normalize(word)
        folded[key] = folded.get(key, 0.0) + surface.get(word, 0.0)
    return SortedWords.of(surface), SortedWords.of(folded)


def _cache_path() -> Path:
    from importlib.metadata import version

    probe = normalize("إأآٱى ةؤئ ـــ ۱۲ ١٢ كي ک")
    digest = hashlib.sha256(f"{_FORMAT} {_NORMALIZED_WORDS} {probe}".encode()).hexdigest()[:12]
    folder = Path(os.environ.get("EXTRACTION_CACHE") or Path.home() / ".cache" / "arabic-analysis")
    return folder / f"wordfreq-ar-{version('wordfreq')}-{digest}.bin"


@cache
def _tables() -> tuple[SortedWords, SortedWords]:
    """The compact tables from the cache file, built from wordfreq when it is missing or unreadable.
    The file is written to a temporary name and renamed, so parallel first runs never see half a file."""
    path = _cache_path()
    try:
        with path.open("rb") as stream:
            return SortedWords.read(stream), SortedWords.read(stream)
    except (OSError, ValueError, EOFError, KeyError):
        pass
    tables = _wordfreq_tables()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as stream:
            for table in tables:
                table.write(stream)
        os.replace(stream.name, path)
    except OSError:
        pass  # a read-only home: this process keeps its tables, the next one builds them again
    return tables


@lru_cache(maxsize=65536)
def word_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` (log10 of its count per billion words): 7 for `في`, about 5
    for a common noun, under 3 for a rare word or most foreign names, 0 when wordfreq has never seen it.
    The word is looked up as written (without diacritics), then in its `normalize`d spelling."""
    surface, folded = _tables()
    bare = _MARKS_RE.sub("", word)
    freq = max(surface.get(bare, 0.0), folded.get(normalize(bare), 0.0))
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0
