"""A form of address with a pronoun (`سموه`, `معاليه`, `لمعاليه`, `فخامته`: his Highness, his
Excellency) stands for a person named before it: the one last introduced with that form of address
(`سمو الشيخ A ... ومعالي B ... وناقش سموه مع معاليه`: A with B), else the last person named
before the clause it stands in (`نقلها الأمير X خلال استقبال الرئيس Y لسموه`: Y received X; the
pronoun is never the doer of its own clause). The engagement rules read it as a mention of that
person, like a title that names one (`short_forms.link_title_only`).

Plain Arabic grammar (a pronoun of address refers back; the forms of address are the titles data's
`address_honorifics`, less those that are common nouns too: `سعادته` is his happiness, `دولته` his
state)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_records import Mention
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.results import ActorKind

_PRONOUN = "ه"  # his: `معاليها` (her Excellency) would need the person's gender
_BACK_SENTENCES = 2  # sentences before the pronoun's own where its person may be named
_HONORIFIC_REACH = 3  # words before a mention's title where its form of address may stand


@lru_cache(maxsize=65536)
def address_form(word: str) -> str | None:
    """The form of address a word is with the pronoun `ه` on it (`سموه` -> `سمو`, `لفخامته` -> `فخامه`),
    else None; not a form of address that is also a common noun (`سعادته`: his happiness)."""
    for form in _forms(word):
        if not form.endswith(_PRONOUN) or len(form) < 4:
            continue
        stem = form[:-1]
        stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
        if stem in lx.ADDRESS_HONORIFICS and stem not in lx.ADDRESS_COMMON_NOUNS:
            return stem
    return None


def address_mentions(
    tokens: Sequence[Token],
    persons: Sequence[Mention],
    sentence_of: Sequence[int],
    clause_words: Sequence[bool],
) -> list[Mention]:
    """A mention of its person at each form of address with a pronoun that one can be found for.
    `persons`: the person mentions a party may be, in order; `clause_words`: the tokens that open
    a clause of their own (an engagement's verb or noun)."""
    out: list[Mention] = []
    for k, tok in enumerate(tokens):
        if tok.kind != "w" or (form := address_form(tok.n)) is None:
            continue
        person = _addressed(tokens, persons, k, form) or _told_before(persons, k, sentence_of, clause_words)
        if person is not None:
            out.append(Mention(person.actor, ActorKind.PERSON, k, k, tok.start, tok.end, k, title_only=True))
    return out


def _addressed(tokens: Sequence[Token], persons: Sequence[Mention], k: int, form: str) -> Mention | None:
    """The last person before `k` whose mention the same form of address opens (`معالي السيد X`,
    `صاحب السمو الملكي الأمير X`)."""
    for m in reversed(persons):
        if m.first >= k:
            continue
        start = m.title_first if m.title_first is not None else m.first
        words = range(max(0, start - _HONORIFIC_REACH), start + 1)
        if any(strip_article(tokens[q].n) == form or tokens[q].n == form for q in words):
            return m
    return None


def _told_before(
    persons: Sequence[Mention], k: int, sentence_of: Sequence[int], clause_words: Sequence[bool]
) -> Mention | None:
    """The last person named before the clause of `k` (opened by the last engagement word before
    it in its sentence), in its sentence or the two before."""
    s = sentence_of[k]
    opens = next((q for q in range(k - 1, -1, -1) if sentence_of[q] != s or clause_words[q]), k)
    limit = opens if sentence_of[opens] == s else k
    return next(
        (m for m in reversed(persons) if m.last < limit and s - sentence_of[m.first] <= _BACK_SENTENCES),
        None,
    )
