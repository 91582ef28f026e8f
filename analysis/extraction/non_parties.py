"""Mentions that name no engagement party because of where they stand in their phrase.

- A source: the actor after an attribution (`وفق بيان للخارجية`, `بحسب ما أعلنه الكرملين`,
  `نقلاً عن بيان وزارة الدفاع`) is who tells the news, not who took part in it.
- A title's possessor: a name in the genitive of another person's title (`اجتماع أردوغان بنائب
  ترامب`, `X، المبعوث الخاص للرئيس أوباما`) stands for the holder of that title, someone else.

Plain Arabic grammar (attribution phrases, the construct state); the word lists live in
`data/triggers.json` (`attributions`, `source_words`, `possessor_titles`).
"""

from __future__ import annotations

from collections.abc import Sequence

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
