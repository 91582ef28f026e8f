"""How common a word is in Arabic text, from wordfreq's Arabic list.

wordfreq (Robyn Speer et al.): code Apache-2.0, word lists CC-BY-SA 4.0. Its list is loaded once per
process (about 0.6 s) on the first lookup.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from analysis.arabic import normalize

_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_NORMALIZED_WORDS = 120_000  # the normalized table covers words down to a zipf of about 2.5


@cache
def _tables() -> tuple[dict[str, float], dict[str, float]]:
    """wordfreq's Arabic frequencies by surface form, and by `normalize`d form for its top words."""
    import wordfreq

    surface = wordfreq.get_frequency_dict("ar", wordlist="best")
    folded: dict[str, float] = {}
    for word in wordfreq.top_n_list("ar", _NORMALIZED_WORDS):
        key = normalize(word)
        folded[key] = folded.get(key, 0.0) + surface.get(word, 0.0)
    return surface, folded


@lru_cache(maxsize=65536)
def word_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` (log10 of its count per billion words): 7 for `في`, about 5
    for a common noun, under 3 for a rare word or most foreign names, 0 when wordfreq has never seen it.
    The word is looked up as written (without diacritics), then in its `normalize`d spelling."""
    surface, folded = _tables()
    bare = _MARKS_RE.sub("", word)
    freq = max(surface.get(bare, 0.0), folded.get(normalize(bare), 0.0))
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0
