"""Where an engagement happened: a place after `في`/`إلى` near the trigger, or the place of
the item's dateline."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_geo import _geo_at
from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import Mention
from analysis.extraction.frame_doc import CITY_WORDS, COMMAS, PLACE_PREPS, TALK_TYPES, Doc
from analysis.extraction.results import ActorKind, EngagementType
from analysis.extraction.venues import venue_near


def skip_words(doc: Doc, k: int, count: int) -> int:
    """The token index `count` words after `k`, not counting date expressions."""
    n = len(doc.tokens)
    while k < n - 1 and count > 0:
        k += 1
        if not doc.in_date[k]:
            count -= 1
    return k + 1


_ESCORT_NOUNS = frozenset(normalize(w) for w in "والوفد والوفود".split())
_ESCORT_ADJ = frozenset(normalize(w) for w in "المرافق المرافقة".split())
_ESCORT_PRONOUNS = frozenset(normalize(w) for w in "له لها لهم لهما".split())


def past_escort(doc: Doc, k: int) -> int:
    """`X، والوفد المرافق له`: the last token of the delegation said to come with the party that
    ends at `k` (the place after it is as near the party as one right after its name); else `k`."""
    n = len(doc.tokens)
    q = k + 1
    if q < n and doc.tokens[q].kind == "p" and doc.tokens[q].text in COMMAS:
        q += 1
    if q + 1 >= n or doc.tokens[q].n not in _ESCORT_NOUNS or doc.tokens[q + 1].n not in _ESCORT_ADJ:
        return k
    return q + 2 if q + 2 < n and doc.tokens[q + 2].n in _ESCORT_PRONOUNS else q + 1


def event_location(
    doc: Doc, i: int, rng: range, prev_boundary: int, next_boundary: int, etype: EngagementType
) -> str | None:
    """A place after `في`/`إلى` (or a capital written `بموسكو`), nearest the trigger."""
    candidates: list[tuple[int, str]] = []
    lo = max(rng.start, prev_boundary + 1)
    if etype == EngagementType.VISIT:
        next_boundary = _past_capital(doc, lo, next_boundary, rng)
    elif etype in TALK_TYPES and (venue := venue_near(doc, i, lo, next_boundary)) is not None:
        return venue  # `استقبل X بقصر الاتحادية Y`: the building, before the city around it
    geos = doc.geo_between(lo, next_boundary)
    starts = {m.first for m in geos}
    for m in geos:
        prev = doc.tokens[m.first - 1].n if m.first - 1 >= rng.start else ""
        if prev in CITY_WORDS and m.last + 1 in starts:
            continue  # `العاصمة السعودية الرياض`: the country's adjective, the city after it
        if prev in lx.DEMONYM_FORMS and m.first - 2 >= rng.start and doc.tokens[m.first - 2].n in CITY_WORDS:
            prev = "العاصمه"  # `العاصمة الإيرانية طهران`, `مدينة أربيل`
        elif prev in CITY_WORDS:
            prev = "العاصمه"
        clitic = m.start > doc.tokens[m.first].start and doc.tokens[m.first].n[:1] in "بل"
        direct = (
            etype == EngagementType.VISIT
            and m.first > i
            and (prev in ("في", "الي", "الى") or right_after_subject(doc, i, m))
        )
        target = etype == EngagementType.ATTACK and prev == "علي"  # `هجوماً بصواريخ على أربيل`
        if prev in PLACE_PREPS or clitic or direct or target:
            if prev == "العاصمه" or prev in PLACE_PREPS or clitic or direct or target:
                candidates.append((abs(m.first - i), doc.text[m.start : m.end]))
    if not candidates and etype == EngagementType.VISIT:
        # `وصل إلى العاصمة الإيرانية`: the capital named by its country's adjective
        for k in range(max(i + 1, lo), min(next_boundary, len(doc.tokens)) - 1):
            if (
                doc.tokens[k].n in CITY_WORDS
                and doc.tokens[k - 1].n in ("الي", "الى", "في")
                and doc.tokens[k + 1].n in lx.DEMONYM_FORMS
            ):
                return doc.text[doc.tokens[k].start : doc.tokens[k + 1].end]
    if not candidates:
        return None
    candidates.sort()
    return candidates[0][1]


def _past_capital(doc: Doc, lo: int, hi: int, rng: range) -> int:
    """`إلى العاصمة السعودية الرياض`: a destination begun before `hi` is read to its city's end
    (the capital word, its country's adjective and the city are one phrase)."""
    for k in range(lo + 1, min(hi, rng.stop)):
        if doc.tokens[k].n in CITY_WORDS and doc.tokens[k - 1].n in ("الي", "الى", "في"):
            if k + 1 < rng.stop and doc.tokens[k + 1].n in lx.DEMONYM_FORMS:
                return max(hi, min(k + 3, rng.stop))
    return hi


def right_after_subject(doc: Doc, i: int, place: Mention, *, venue: bool = False) -> bool:
    """`زار الفياض موسكو`, `بزيارة روسيا`: the place is the verb's object (with `venue`, also
    after `مقر`: `زار X مقر الجبهة`)."""
    k = i + 1
    while k < place.first:
        m = doc.inside[k]
        if m is not None:
            k = m.last + 1
            continue
        seat = venue and k == place.first - 1 and doc.tokens[k].n in ("مقر", "مبني")
        if doc.tokens[k].kind == "w" and doc.tokens[k].n not in ("((", "))") and not seat:
            return False
        k += 1
    return True


_DASHES = ("-", "–", "—", "/")


def dateline_place(doc: Doc, rng: range) -> str | None:
    """`موسكو - أجرى ...`: a place and a dash opening the sentence."""
    first = rng.start
    m = doc.inside[first] if first < len(doc.inside) else None
    geo = doc.geo_at.get(first)
    if geo is None or m is not None and m.kind == ActorKind.PERSON:
        return None
    nxt = geo.last + 1
    if nxt < rng.stop and doc.tokens[nxt].text == "(":  # `بغداد (أ ف ب) -`: the agency in brackets
        close = next((k for k in range(nxt + 1, min(nxt + 6, rng.stop)) if doc.tokens[k].text == ")"), None)
        if close is not None and close + 1 < rng.stop and doc.tokens[close + 1].text in _DASHES:
            return doc.text[geo.start : geo.end]
    if nxt < rng.stop and doc.tokens[nxt].text in _DASHES:
        return doc.text[geo.start : geo.end]
    # `أبوظبي في 14 مايو/ وام/`, `عمان 5 شباط (بترا)-`: the place and the day of a dateline
    k = nxt + 1 if nxt < rng.stop and doc.tokens[nxt].n == "في" else nxt
    if k < rng.stop and doc.in_date[k]:
        while k < rng.stop and doc.in_date[k]:
            k += 1
        if k < rng.stop and doc.tokens[k].text in ("-", "–", "—", "/", "("):
            return doc.text[geo.start : geo.end]
    return None


def first_dateline(doc: Doc) -> str | None:
    """The place of the item's dateline, in one of its first sentences."""
    for s in range(min(3, len(doc.sentences))):
        rng = doc.sentence_tokens(s)
        if rng and (place := dateline_place(doc, rng)) is not None:
            return place
    return None


def segment_place(doc: Doc, obj: tuple[Mention, int, int, str]) -> str | None:
    """The place named after one object of a list, before the next (`برئيس النظام X في دمشق`)."""
    m, _, seg_end, _ = obj
    for k in range(m.last + 1, min(seg_end, len(doc.tokens))):
        if doc.inside[k] is not None and doc.inside[k].kind not in (ActorKind.STATE, ActorKind.PLACE):
            return None
        geo = doc.geo_at.get(k)
        if geo is None:
            continue
        prev = doc.tokens[k - 1].n
        capital = prev in lx.DEMONYM_FORMS and doc.tokens[k - 2].n in CITY_WORDS  # `العاصمة اللبنانية بيروت`
        if prev in PLACE_PREPS | CITY_WORDS or capital:
            return doc.text[geo.start : geo.end]
    return None


def elsewhere(a: str | None, b: str | None) -> bool:
    """Two places in two states (`بغداد`, `أنقرة`; not `موسكو` and `العاصمة الروسية`, nor a venue
    and a city, `القصر الجمهوري` and `بغداد`): two reports of the same parties there are two engagements."""
    first, second = states_named(a), states_named(b)
    return bool(first) and bool(second) and not first & second


def states_named(place: str | None) -> frozenset[str]:
    """The states a place names, itself or by its capital (`بغداد`: العراق); none for a venue."""
    tokens = tokenize(place or "")
    found = (_geo_at(tokens, k) for k in range(len(tokens)))
    return frozenset(hit[1] for hit in found if hit is not None and hit[2] == ActorKind.STATE)
