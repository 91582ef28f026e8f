"""An agreement named with its parties: a signed document (`اتفاق`, `اتفاقية`, `مذكرة تفاهم`,
`معاهدة`, `عقد`, `صفقة`; `data/triggers.json` `signed_documents`) followed by `بين A وB`
(`الاتفاق الأمني بين بغداد وطهران`, `اتفاق بين حركة فتح وحماس`) is an agreement of A and B,
with no signing verb in the sentence. `بين البلدين` (`الجانبين`, `الطرفين`) names the two states the
sentence names, when it names exactly two; `بين الجانبين الروسي والمصري`, the two states of the
adjectives (`paired_states`).

Only a document that the parties follow closely, with no party, place or other trigger between
(not `عقد لقاء ثنائي بين الرئيسين`: a meeting was held), and not negated or only proposed."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.event_dates import date_for, is_planned
from analysis.extraction.event_places import event_location
from analysis.extraction.frame_doc import (
    BETWEEN,
    COMMAS,
    QUOTE_MARKS,
    Candidate,
    Doc,
    pseudo_mention,
    trigger_at,
)
from analysis.extraction.paired_states import states_of_pair
from analysis.extraction.results import ActorKind, EngagementType, Role
from analysis.extraction.trigger_mood import is_unreal

_REACH = 5  # words from the document to `بين` (`اتفاقية التعاون العسكري المشترك بين`)
_PARTY_KINDS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.STATE)
# said, not signed (`إعلان`, `بيان`); `وثيقة` is also an adjective (`العلاقات الوثيقة بين البلدين`: close)
_NOT_SIGNED = frozenset(normalize(w) for w in "إعلان الإعلان بيان بيانا البيان وثيقة الوثيقة".split())


def documents_between(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
    """One agreement for each signed document of sentence `s` named with two or more parties."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        if not _document(doc, k) or is_unreal(doc, k, rng, False):
            continue
        between = _between_at(doc, k, rng)
        parties = parties_between(doc, between + 1, rng) if between is not None else []
        if len(parties) < 2 or _held(doc, k, max(m.last for m in parties if m.first > k) + 1, rng):
            continue
        if not told_already(parties, s, known + out):  # `وقّع A وB اتفاقية بين البلدين`: the signing's
            out.append(event_between(doc, s, k, EngagementType.AGREEMENT, parties))
    return out


def told_already(parties: list[Mention], s: int, candidates: list[Candidate]) -> bool:
    """Whether an engagement of sentence `s` already has all these parties."""
    names = {m.actor for m in parties}
    return any(c.sentence == s and names <= {m.actor for m, _ in c.participants} for c in candidates)


def event_between(
    doc: Doc, s: int, k: int, etype: EngagementType, parties: list[Mention], *, mutual: bool = False
) -> Candidate:
    """The engagement the trigger at `k` names with the parties after its `بين`, each a participant,
    dated and placed as sentence `s` says."""
    rng = doc.sentence_tokens(s)
    return Candidate(
        type=etype,
        participants=[(m, Role.PARTICIPANT) for m in parties],
        sentence=s,
        trigger=k,
        date=date_for(doc, k, rng, rng.start - 1, rng.stop),
        location=event_location(doc, k, rng, rng.start - 1, rng.stop, etype),
        planned=is_planned(doc, k, rng, rng.start - 1),
        mutual=mutual,
    )


def _document(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    if tok.kind != "w" or doc.inside[k] is not None:
        return False
    return any(f in lx.SIGNED_DOCUMENTS and f not in _NOT_SIGNED and not _plural(f) for f in _forms(tok.n))


def _plural(form: str) -> bool:
    """`الاتفاقات السابقة بين البلدين`, `العقود بين`: the body of deals between them, not one signed."""
    return form.endswith("ات") or form in _BROKEN_PLURALS


_BROKEN_PLURALS = frozenset(normalize(w) for w in "عقود العقود".split())


_HELD = normalize("عقد")  # also the verb `held` (`وعُقد بين الجانبين اجتماع`)
_HELD_EVENTS = (EngagementType.MEETING, EngagementType.TALKS)
_CLAUSE_OPENERS = frozenset(normalize(w) for w in "و قد وقد كما ثم فيما حيث".split())


def _held(doc: Doc, k: int, after: int, rng: range) -> bool:
    """`عقد بين A وB لقاء`: the word is the verb `held`, its object an engagement noun after the
    parties; so it is too when it opens a clause (`وقد عقد بين A وB ...`)."""
    if any(
        (hit := trigger_at(doc.tokens[q])) is not None and not hit[1] and hit[0] in _HELD_EVENTS
        for q in range(after, min(after + 3, rng.stop))
    ):
        return True
    if _HELD not in _forms(doc.tokens[k].n) or doc.tokens[k].n.startswith("ال"):
        return False
    before = doc.tokens[k - 1] if k > rng.start else None
    return before is None or before.kind == "p" or before.n in _CLAUSE_OPENERS or doc.tokens[k].n[:1] == "و"


def _between_at(doc: Doc, k: int, rng: range) -> int | None:
    """`بين` within a few words after the document, past its description and at most one comma."""
    commas = 0
    for q in range(k + 1, min(k + 1 + _REACH, rng.stop)):
        tok = doc.tokens[q]
        if tok.kind == "w" and tok.n == BETWEEN:
            return q
        if doc.inside[q] is not None or doc.in_date[q] or trigger_at(tok) is not None:
            return None
        if tok.kind == "p":
            commas += 1
            if tok.text not in COMMAS or commas > 1:
                return None
    return None


def parties_between(doc: Doc, q: int, rng: range) -> list[Mention]:
    """`A وB (وC)` right after `بين` (`بين A من جهة، وB من جهة أخرى`, a quoted name: `و"B"`);
    `البلدين`, the sentence's two states; `الجانبين الروسي والمصري`."""
    if q >= rng.stop:
        return []
    if (pair := states_of_pair(doc, q, rng.stop)) is not None:
        return pair[0]
    if doc.inside[q] is None and doc.tokens[q].n in lx.PAIRED_NOUNS:
        return _sentence_states(doc, rng, q)
    parties: list[Mention] = []
    joined = False
    q = _past_quote(doc, q, rng)
    while q < rng.stop and (m := doc.inside[q]) is not None and m.first == q and m.kind in _PARTY_KINDS:
        if parties and not (joined or _joined(doc, m)):
            break
        if all(p.actor != m.actor for p in parties):
            parties.append(m)
        q = _past_side(doc, _past_quote(doc, m.last + 1, rng), rng)
        joined = q < rng.stop and doc.tokens[q].n == "و"
        q = _past_quote(doc, q + 1 if joined else q, rng)
    return parties


_SIDE = normalize("جهة")
_OTHER = frozenset(normalize(w) for w in "أخرى ثانية".split())


def _past_quote(doc: Doc, q: int, rng: range) -> int:
    return q + 1 if q < rng.stop and doc.tokens[q].kind == "p" and doc.tokens[q].text in QUOTE_MARKS else q


def _past_side(doc: Doc, q: int, rng: range) -> int:
    """Past `من جهة` (`أخرى`) and its comma after a party: which side of the two it is."""
    if q + 1 < rng.stop and doc.tokens[q].n == "من" and doc.tokens[q + 1].n == _SIDE:
        q += 2
        q += 1 if q < rng.stop and doc.tokens[q].n in _OTHER else 0
        q += 1 if q < rng.stop and doc.tokens[q].text in COMMAS else 0
    return q


def _joined(doc: Doc, m: Mention) -> bool:
    """The mention is joined by `و` to the one before (`وطهران`, `و طهران`)."""
    return doc.tokens[m.first].n[:1] == "و" or m.first > 0 and doc.tokens[m.first - 1].n == "و"


def _sentence_states(doc: Doc, rng: range, at: int) -> list[Mention]:
    """The two states the sentence names (`بين البلدين`), or none when it names another number."""
    states: list[str] = []
    for k in rng:
        m = doc.mention_at.get(k)
        if m is not None and m.kind == ActorKind.STATE and m.actor not in states:
            states.append(m.actor)
    return [pseudo_mention(state, at) for state in states] if len(states) == 2 else []
