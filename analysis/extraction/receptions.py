"""Receptions: `وكان في استقباله X` (X received the one the sentence is about) and `وكان في
استقبال A لدى وصوله B` (B received A). The one received is the guest, those named after the
reception word (past an arrival phrase) are the hosts: one meeting each, wherever the phrase
stands (after a visit in the same sentence, in the next sentence, or alone)."""

from __future__ import annotations

from dataclasses import replace

from analysis.arabic import normalize
from analysis.extraction.actor_records import Mention
from analysis.extraction.address_pronouns import address_form
from analysis.extraction.arguments import escorted
from analysis.extraction.clause_objects import collect_after
from analysis.extraction.dual_parties import dual_head
from analysis.extraction.frame_doc import AUXILIARIES, Candidate, Doc, trigger_at, unique_mentions
from analysis.extraction.results import ActorKind, EngagementType, Role

RECEPTION_NOUNS = frozenset(normalize(w) for w in "استقبال استقباله استقبالها استقبالهم استقبالهما".split())
_IN = normalize("في")
_ARRIVAL_LEADS = frozenset(normalize(w) for w in "لدى عند فور بعد".split())


def is_reception(doc: Doc, i: int, rng: range) -> bool:
    """`كان في استقباله`, `وكانت في استقبال`: the reception word after `في` and a form of `كان`;
    `واستقبل سموه لدى وصوله`: the one told before was received on arrival."""
    tokens = doc.tokens
    if received_on_arrival(doc, i, rng) is not None:
        return True
    if i - 2 < rng.start or tokens[i].n not in RECEPTION_NOUNS or tokens[i - 1].n != _IN:
        return False
    return tokens[i - 2].n in AUXILIARIES or tokens[i - 2].n.lstrip("و") in ("سيكون", "يكون")


_RECEIVED = normalize("استقبل")
_ARRIVAL_NOUNS = frozenset(normalize(w) for w in "وصوله وصولها وصولهم وصولهما".split())


def received_on_arrival(doc: Doc, i: int, rng: range) -> int | None:
    """`واستقبل سموه لدى وصوله، A، وB`: the verb read in the passive (no one named before the
    arrival phrase but a pronoun of address); where its hosts start, else None."""
    tokens = doc.tokens
    if tokens[i].n.removeprefix("و") != _RECEIVED:
        return None
    k = i + 1
    if k < rng.stop and address_form(tokens[k].n) is not None:
        k += 1
    if k + 1 < rng.stop and tokens[k].n in _ARRIVAL_LEADS and tokens[k + 1].n in _ARRIVAL_NOUNS:
        return k + 2
    return None


def reception_parties(doc: Doc, i: int, rng: range, possessor: list) -> tuple[list, list]:
    """The guests and the hosts of the reception word at `i`. `possessor`: the party a pronoun on
    the word stands for (`استقباله`), found by the caller like any possessor."""
    tokens = doc.tokens
    start = received_on_arrival(doc, i, rng) or i + 1
    guests = [m for m in possessor if m.first < i]  # those named after the word are its hosts
    if tokens[i].n == normalize("استقبال"):
        first = doc.inside[i + 1] if i + 1 < rng.stop else None
        if first is None or first.kind not in (ActorKind.PERSON, ActorKind.ORGANIZATION):
            return [], []
        guests, start = [first], first.last + 1
    if start < rng.stop and tokens[start].n in _ARRIVAL_LEADS:
        start += 2  # `لدى وصوله`: the arrival phrase, then its place and the hosts
    after = collect_after(doc, start, rng.stop, EngagementType.MEETING)
    hosts = [a[0] for a in after if a[0].kind in (ActorKind.PERSON, ActorKind.ORGANIZATION)]
    if any(m.kind == ActorKind.PERSON for m in hosts):
        hosts = [m for m in hosts if m.kind == ActorKind.PERSON]
    guest_names = {m.actor for m in guests}
    return guests, [m for m in unique_mentions(hosts) if m.actor not in guest_names]


def reception_candidates(make, guests: list, hosts: list) -> list[Candidate]:
    """One meeting of the guest with each host (`make`: the frame's candidate maker)."""
    if not guests:
        return []
    guest = guests[0]
    return [make([(guest, Role.GUEST), (host, Role.HOST)]) for host in hosts]


def escorted_guest(doc: Doc, i: int, subjects: list, objects: list) -> Mention | None:
    """`كما استقبل X ... والوفد المرافق له`: a reception verb with no subject before it whose
    first party after it came with a delegation; X is the guest, received by the host told before."""
    if doc.tokens[i].n.lstrip("و") != _RECEIVED or any(m.first < i for m in subjects):
        return None
    first = min([*subjects, *(o[0] for o in objects)], key=lambda m: m.first, default=None)
    if first is None or first.kind != ActorKind.PERSON or not escorted(doc, first):
        return None
    return first


def escorted_visits(doc: Doc, rng: range, received: list[Candidate]) -> list[Candidate]:
    """`استقبل X، في مطار الكويت، Y والوفد المرافق له`: a guest received with the delegation that
    came with him is on a visit where he is received (the reception's place), unless the
    sentence tells that visit itself (`الذي يزور المملكة`, `خلال زيارته`)."""
    if any((hit := trigger_at(doc.tokens[k])) is not None and hit[0] == EngagementType.VISIT for k in rng):
        return []
    out: list[Candidate] = []
    for cand in received:
        guest = next((m for m, role in cand.participants if role == Role.GUEST), None)
        if (
            guest is None
            or guest.kind != ActorKind.PERSON
            or cand.location is None
            or not _escort_next(doc, guest)
        ):
            continue
        # the host stays the subject a later `كما استقبل` continues
        visit = replace(cand, type=EngagementType.VISIT, participants=[(guest, Role.VISITOR)])
        out.append(visit)
    return out


_ESCORT_NOUNS = frozenset(normalize(w) for w in "والوفد والوفود".split())


def _escort_next(doc: Doc, guest: Mention) -> bool:
    """`Y، وزير الدفاع السعودي، والوفد المرافق له`: the delegation named next after the guest, no
    other party between (`X رئيس الإقليم والوفد المرافق له`: the delegation is the other one's)."""
    s = doc.sent_of_token[guest.last]
    for k in range(guest.first + 1, min(guest.last + 16, len(doc.tokens))):
        if doc.sent_of_token[k] != s or doc.inside[k] is not None and doc.inside[k].actor != guest.actor:
            return False
        if doc.tokens[k].n in _ESCORT_NOUNS:
            return True
    return False


def dual_object_guests(doc: Doc, i: int, subjects: list, after: list) -> list[Mention]:
    """`كما استقبل النائبين X وY`: a verb with no subject before it and, right after it, a title in the
    dual in the accusative (`-ين`; the subject would be `النائبان`): the two persons it names (`after`:
    the parties after the verb) are the verb's objects, received by the one told before; or none."""
    if any(m.first < i for m in subjects) or i + 1 >= len(doc.tokens):
        return []
    dual = doc.tokens[i + 1]
    if not (dual.article and dual.n.endswith("ين") and dual_head(dual) is not None):
        return []
    pair = [a[0] for a in after if a[0].kind == ActorKind.PERSON][:2]
    return pair if len(pair) == 2 and pair[0].first == i + 2 else []
