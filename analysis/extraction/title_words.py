"""Whether one word inside a title chain belongs to it, from the word alone: a title head with a
possessive pronoun (`مبعوثها`), another party's head (`نظيره`, `برئيس`), a body's noun in the construct
state (`لفرقة`) or a definite word naming a body (`البرلمان`). `person_titles` walks the chain."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_geo import _is_geo
from analysis.extraction.actor_tokens import _ARTICLE, _DIACRITICS_RE, Token, _forms
from analysis.extraction.name_tokens import _conjunction_on_word
from analysis.extraction.person_names import _parse_name
from analysis.extraction.title_holders import COUNTERPARTS

_POSSESSIVES = ("هما", "هم", "ها", "ه")
_HAMZAS = "أإآ"


def other_hamza(written: str, head: str) -> bool:
    """The word as written (without a clitic) puts another hamza where every spelling of the title
    head `head` (folded) has one: `إلى الأمام` (forward) is not `الإمام`. A word written without the
    hamza stays ambiguous, and so the head."""
    written = _DIACRITICS_RE.sub("", written)
    spellings = [s for s in lx.HEAD_SPELLINGS.get(head, ()) if len(s) == len(written)]
    return bool(spellings) and any(
        ch in _HAMZAS and all(s[p] in _HAMZAS and s[p] != ch for s in spellings)
        for p, ch in enumerate(written)
    )


@lru_cache(maxsize=65536)
def _possessed_head(n: str, written: str) -> bool:
    """A title head without the article and with a possessive pronoun (`مبعوثها`, `سفيرهم`,
    `مستشاره`), the pronoun standing for the state or person whose official he is. The pronoun is
    read from the word as written: `محافظة`, `كبيرة` end with ة, no pronoun."""
    if n in lx.PERSON_TITLE_HEADS or n.startswith(_ARTICLE):
        return False
    suffix = next((p for p in _POSSESSIVES if written.endswith(p) and len(n) - len(p) >= 3), None)
    stem = n[: -len(suffix)] if suffix is not None else None
    return stem is not None and stem in lx.PERSON_TITLE_HEADS


def _body_in_construct(tok: Token) -> bool:
    """A body's noun without the article (`لفرقة`, `تنظيم`, `قائد`): in the construct state, the
    quoted phrase after it is its genitive, the body's name, not a person's."""
    return (
        tok.kind == "w"
        and not tok.article
        and tok.n not in lx.RANKS  # `الفريق ركن “X”`: a rank's quoted name is a person's
        and any(f in lx.ORG_HEADS or f in lx.TITLE_WORDS for f in _forms(tok.n))
    )


def _other_party_head(n: str) -> bool:
    """A counterpart (`نظيره`) or a title head governed by `ب` (`برئيس`, `بوزير`): inside a title
    chain, the title of another person, never more of the first one's."""
    if n in COUNTERPARTS:
        return True
    return (
        n[:1] == "ب"
        and n not in lx.PERSON_TITLE_HEADS
        and n[1:] in lx.PERSON_TITLE_HEADS
        and n[1:] not in lx.HEAD_NEEDS_NEXT
    )


def _body_word(definite: str) -> bool:
    """A definite word that names a body or a title's word (`البرلمان`, `الأمم`, `الخارجية`)."""
    stem = _strip_article(definite)
    return (
        definite in lx.INSTITUTION_WORDS
        or definite in lx.DEFINITE_ORG_HEADS
        or stem in lx.ORG_HEADS
        or stem in lx.TITLE_WORDS
        or _is_geo(definite)
    )


def second_portfolio(tokens: Sequence[Token], i: int, j: int) -> bool:
    """`و` on a noun in construct with a definite word, right before a name: a title's second portfolio
    (`وزير الشؤون القانونية وحقوق الإنسان X`), not the next party of a list, which has no name there."""
    return (
        j > i + 1
        and _conjunction_on_word(tokens[j])
        and j + 2 < len(tokens)
        and tokens[j + 1].kind == "w"
        and tokens[j + 1].article
        and _parse_name(tokens, j + 2) is not None
    )
