"""Mentions that name no engagement party because of where they stand in their phrase.

- A source: the actor after an attribution (`وفق بيان للخارجية`, `بحسب ما أعلنه الكرملين`,
  `نقلاً عن بيان وزارة الدفاع`) is who tells the news, not who took part in it.
- A name in a time phrase: the genitive of a time or a change of office after a time preposition
  (`بعد فوز الرئيس X`, `في آخر يوم للرئيس X`, `في زمن الأمين العام X`) dates the news by
  someone else's moment; he takes no part in what the sentence tells.
- A title's possessor: a name in the genitive of another person's title (`اجتماع أردوغان بنائب
  ترامب`, `X، المبعوث الخاص للرئيس أوباما`) stands for the holder of that title, someone else.

Plain Arabic grammar (attribution phrases, the construct state); the word lists live in
`data/triggers.json` (`attributions`, `source_words`, `time_phrase_nouns`, `possessor_titles`).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token, _forms
from analysis.extraction.results import ActorKind

_REACH = 4  # words between the attribution and the source (`بحسب ما جاء في بيان`)
_QUOTES = set('"“”«»()')


def is_source(tokens: Sequence[Token], m: Mention) -> bool:
    """The mention follows an attribution word, with only source words (`بيان`, `ما أعلنه`)
    and punctuation between."""
    k = (m.title_first if m.title_first is not None else m.first) - 1
    words = 0
    while k >= 0 and words <= _REACH:
        tok = tokens[k]
        if tok.kind != "w":
            if tok.text not in _QUOTES and tok.text not in "ـ":
                return False
        elif tok.n in lx.ATTRIBUTIONS:
            return True
        elif tok.n in lx.SOURCE_WORDS or tok.n in ("ل", "لـ", "عن"):
            words += 1
        else:
            return False
        k -= 1
    return False


_TIME_PREPOSITIONS = frozenset(normalize(w) for w in "بعد وبعد قبل وقبل منذ عقب وعقب إثر في وفي خلال".split())
_TIME_REACH = 6  # words from the preposition to the noun (`في آخر يوم كامل`, `بعد أيام من فوز`)


def in_time_phrase(tokens: Sequence[Token], m: Mention) -> bool:
    """The mention (its title first) is the genitive of a time noun (`فوز`, `يوم`, `عهد`), right
    after it or past one adjective with `ل` on the title (`يوم كامل للرئيس`), and a time preposition
    opens the phrase at most a few words before the noun."""
    k = m.title_first if m.title_first is not None else m.first
    first = tokens[k].n
    back = 2 if first.startswith("ل") and k > 0 else 1  # `يوم كامل للرئيس`: past an adjective
    noun = next(
        (
            q
            for q in range(k - 1, max(-1, k - 1 - back), -1)
            if tokens[q].kind == "w" and tokens[q].n in lx.TIME_PHRASE_NOUNS
        ),
        None,
    )
    if noun is None or any(tokens[q].kind != "w" for q in range(noun + 1, k)):
        return False
    return any(
        tokens[q].kind == "w" and tokens[q].n in _TIME_PREPOSITIONS
        for q in range(max(0, noun - _TIME_REACH), noun)
    )


def is_title_possessor(tokens: Sequence[Token], m: Mention) -> bool:
    """A person whose title chain ends in a construct-state title of someone else: `نائب X`
    (an indefinite title word right before the name) or `المبعوث الخاص للرئيس X` (a title with
    `ل` before the name, after another title word)."""
    if m.kind != ActorKind.PERSON or m.title_first is None:
        return False
    name_first = next((k for k in range(m.first, m.last + 1) if tokens[k].start >= m.start), m.first)
    chain = [tokens[k] for k in range(m.title_first, name_first) if tokens[k].kind == "w"]
    if not chain:
        return False
    last = chain[-1]
    if _indefinite_possessor_title(last.n):
        return True
    lam = last.n.startswith("ل") and any(f != last.n and f in lx.PERSON_TITLE_HEADS for f in _forms(last.n))
    return lam and any(_possessor_title(t.n) for t in chain[:-1])


def _possessor_title(word: str) -> bool:
    return any(f in lx.POSSESSOR_TITLES or f.removeprefix("ال") in lx.POSSESSOR_TITLES for f in _forms(word))


def _indefinite_possessor_title(word: str) -> bool:
    """`نائب`, `بنائب`, `ومستشار`: the title word itself, with a clitic at most, no article."""
    return any(f in lx.POSSESSOR_TITLES for f in _forms(word))
