"""Trigger words with a second sense: `وقع` written without its shadda is `وقّع` (signed) or
`وقع` (happened, fell: `وقعت اشتباكات بين A وB`, `وقع الانفجار قرب مقر X`).

It is a signing when the shadda is written, when a pronoun object is attached (`وقعها`), when
what was signed follows in the clause (`وقع X اتفاقية`, `وقعت على مذكرة`) or is what a relative
clause describes (`الصفقة التي وقعت`); the word
lists are data (`data/triggers.json`: `ambiguous_signing`, `signed_documents`).
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import _forms
from analysis.extraction.frame_doc import Doc

_SHADDA = "\u0651"
_REACH = 6  # other words from the verb to the document signed (`وقع X وY، أمس، في بغداد، اتفاقية`)
_ON = frozenset(normalize(w) for w in "على عليها عليه عليهما".split())  # `وقعت على`, `وقع عليها`


def another_sense(doc: Doc, i: int, rng: range, form: str) -> bool:
    """The signing verb at `i` reads as `happened` here: no shadda, no object pronoun and no
    document signed after it in its clause."""
    if form not in lx.AMBIGUOUS_SIGNING or _SHADDA in doc.tokens[i].text:
        return False
    if _signed_thing_before(doc, i, rng):
        return False
    words = 0
    for k in range(i + 1, rng.stop):
        tok = doc.tokens[k]
        if tok.kind != "w" or doc.inside[k] is not None or doc.in_date[k]:
            continue  # the signatories and the day between the verb and the document
        if tok.n in _ON or any(f in lx.SIGNED_DOCUMENTS for f in _forms(tok.n)):
            return False
        words += 1
        if words > _REACH:
            break
    return True


def _signed_thing_before(doc: Doc, i: int, rng: range) -> bool:
    """`الصفقة ... التي وقعت`: a relative clause about a document just named."""
    if i - 1 < rng.start or doc.tokens[i - 1].n not in lx.RELATIVES:
        return False
    before = range(max(rng.start, i - 12), i - 1)
    return any(any(f in lx.SIGNED_DOCUMENTS for f in _forms(doc.tokens[k].n)) for k in before)
