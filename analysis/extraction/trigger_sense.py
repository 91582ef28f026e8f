"""Trigger words with a second sense: `وقع` written without its shadda is `وقّع` (signed) or
`وقع` (happened, fell: `وقعت اشتباكات بين A وB`, `وقع الانفجار قرب مقر X`); `سلّم`, `تسلّم`,
`استلم` hand over or receive weapons only with goods or a letter in the clause (`تسلم X مهامه
من Y` took office; `سلم نفسه` surrendered); `توصل` agrees only when it reaches an agreement
(`توصل A وB إلى اتفاق`, not `توصلت التحقيقات إلى نتيجة`); `توجه` visits only a place after
`إلى` (`توجه X إلى موسكو`, not `توجه X بالشكر إلى Y`); `هاجم X Y، قائلاً` attacks in words.

It is a signing when the shadda is written, when a pronoun object is attached (`وقعها`), when
what was signed follows in the clause (`وقع X اتفاقية`, `وقعت على مذكرة`) or is what a relative
clause describes (`الصفقة التي وقعت`); the word
lists are data (`data/triggers.json`: `ambiguous_signing`, `signed_documents`, `handing_over`, `handed_goods`, `letters`, `heading`, `reaching`, `verbal_attacks`, `speech_markers`).
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import _forms
from analysis.extraction.frame_doc import CITY_WORDS, Doc

_SHADDA = "\u0651"
_REACH = 6  # other words from the verb to the document signed (`وقع X وY، أمس، في بغداد، اتفاقية`)
_UNDERSTANDING = frozenset(normalize(w) for w in "تفاهم تفاهمات التفاهم".split())
_TO = frozenset(normalize(w) for w in "إلى الى".split())
_ON = frozenset(normalize(w) for w in "على عليها عليه عليهما".split())  # `وقعت على`, `وقع عليها`


def another_sense(doc: Doc, i: int, rng: range, form: str) -> bool:
    """The verb at `i` has its other sense here: a signing verb with no shadda, no object pronoun
    and no document signed; a handing-over verb with no goods and no letter handed."""
    if form in lx.HANDING_OVER or form in lx.SELLING:
        return not _object_after(doc, i, rng, lx.HANDED_GOODS | lx.LETTERS)
    if form in lx.VERBAL_ATTACKS:
        return any(doc.tokens[k].n in lx.SPEECH_MARKERS for k in range(i + 1, rng.stop))
    if form in lx.HEADING:
        return not _heads_to_place(doc, i, rng)
    if form in lx.REACHING:
        return not _object_after(doc, i, rng, lx.SIGNED_DOCUMENTS | _UNDERSTANDING)
    if form not in lx.AMBIGUOUS_SIGNING or _SHADDA in doc.tokens[i].text:
        return False
    if _signed_thing_before(doc, i, rng):
        return False
    return not _object_after(doc, i, rng, lx.SIGNED_DOCUMENTS, _ON)


def _object_after(
    doc: Doc, i: int, rng: range, objects: frozenset[str], also: frozenset[str] = frozenset()
) -> bool:
    """One of `objects` within a few words after the verb, past the parties and the day."""
    words = 0
    for k in range(i + 1, rng.stop):
        tok = doc.tokens[k]
        if tok.kind != "w" or doc.inside[k] is not None or doc.in_date[k]:
            continue  # the signatories and the day between the verb and the document
        if tok.n in also or any(f in objects or f.removeprefix("ال") in objects for f in _forms(tok.n)):
            return True
        words += 1
        if words > _REACH:
            break
    return False


def _heads_to_place(doc: Doc, i: int, rng: range) -> bool:
    """`توجه X، صباح اليوم، إلى العاصمة الروسية موسكو`: the first `إلى` after the verb, past the
    one heading there and the day, opens a place (not `توجه X بالشكر إلى Y`)."""
    words = 0
    for k in range(i + 1, rng.stop - 1):
        tok = doc.tokens[k]
        if tok.kind != "w" or doc.inside[k] is not None or doc.in_date[k]:
            continue
        if tok.n in _TO:
            return doc.geo_at.get(k + 1) is not None or doc.tokens[k + 1].n in CITY_WORDS
        words += 1
        if words > _REACH:
            break
    return False


def _signed_thing_before(doc: Doc, i: int, rng: range) -> bool:
    """`الصفقة ... التي وقعت`: a relative clause about a document just named."""
    if i - 1 < rng.start or doc.tokens[i - 1].n not in lx.RELATIVES:
        return False
    before = range(max(rng.start, i - 12), i - 1)
    return any(any(f in lx.SIGNED_DOCUMENTS for f in _forms(doc.tokens[k].n)) for k in before)
