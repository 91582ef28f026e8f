"""A letter carried from one party to another (`زار X موسكو حاملاً رسالة من A إلى B`, `استقبل B
الوزير X الذي حمل رسالة من A`), or addressed from one to another (`سلم X رسالة موجهة من A إلى B`):
an engagement of type `other` (CONVENTIONS: delivered letters are `other`) between the sender, the
carrier and the recipient; or handed to the host of a meeting (`استقبل B X، الذي سلمه رسالة من A`).

The carrying, addressing and letter words are data (`data/triggers.json`: `carrying`,
`handing_to_pronoun`, `addressed`, `letters`).
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.arguments import previous_arg
from analysis.extraction.event_dates import date_for
from analysis.extraction.frame_doc import COMMAS, Candidate, Doc, unique_parts
from analysis.extraction.results import ActorKind, EngagementType, Role

_SENDER_REACH = 6  # tokens from the letter word to `من` (`رسالة شفوية خطية من`)
_RECIPIENT_REACH = 20  # tokens from the sender to `إلى` (past the sender's title)
_FROM = "من"
_TO = frozenset(normalize(w) for w in ("إلى", "الى"))


def carried_letters(doc: Doc, s: int, found: list[Candidate]) -> list[Candidate]:
    """One `other` engagement for each letter carried in sentence `s` with at least two parties."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        if doc.inside[k] is not None or doc.tokens[k].n not in lx.CARRYING:
            continue
        bearer = _verb_subject(doc, k, rng)
        start = bearer.last + 1 if bearer is not None else k + 1
        letter = next(
            (
                q
                for q in range(start, min(start + 3, rng.stop))
                if any(f in lx.LETTERS for f in _forms(doc.tokens[q].n))
            ),
            None,
        )
        if letter is None:
            continue
        sender = _party_after(doc, letter + 1, min(letter + _SENDER_REACH, rng.stop), (_FROM,))
        recipient = _party_after(
            doc, (sender.last + 1) if sender else letter + 1, min(letter + _RECIPIENT_REACH, rng.stop), _TO
        )
        carrier = bearer or _carrier(doc, k, rng, [c for c in found if c.sentence == s])
        parts = _letter_parts(sender, carrier, recipient)
        if len(parts) < 2:
            continue
        actors = {m.actor for m, _ in parts}
        told = [c for c in found if c.type == EngagementType.OTHER]
        if any(c.sentence == s and {m.actor for m, _ in c.participants} >= actors for c in told):
            continue  # `سلم X رسالة من A إلى B`: already told by the handing-over verb
        cand = Candidate(
            type=EngagementType.OTHER,
            participants=parts,
            sentence=s,
            trigger=k,
            date=date_for(doc, k, rng, rng.start - 1, rng.stop),
            subject=carrier,
        )
        # the same letter told again (`ناقلاً رسالة إلى بوتين` ... `حاملاً رسالة من المالكي إلى بوتين`):
        # the telling that names more parties is the engagement, the other more evidence of it
        earlier = next(
            (c for c in told if c.sentence != s and c.same_as is None and _same_letter(c, cand)), None
        )
        if earlier is not None and len(earlier.participants) < len(parts):
            earlier.same_as = cand
        elif earlier is not None:
            cand.same_as = earlier
        out.append(cand)
    return out


_ADDRESSED_REACH = 8  # tokens from the letter word to `موجهة` (`رسالة مماثلة للرئيس، موجهة`)


def addressed_letters(doc: Doc, s: int, found: list[Candidate]) -> list[Candidate]:
    """`سلم X رسالة خطية، موجهة من A إلى B`, `تسلم X رسالة موجهة إلى B من A`: a letter addressed
    from one party to another, with the one who hands it over or receives it: an `other` engagement."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        if doc.inside[k] is not None or not any(f in lx.LETTERS for f in _forms(doc.tokens[k].n)):
            continue
        addressed = next(
            (
                q
                for q in range(k + 1, min(k + 1 + _ADDRESSED_REACH, rng.stop))
                if doc.tokens[q].n in lx.ADDRESSED
            ),
            None,
        )
        if addressed is None:
            continue
        reach = min(addressed + _RECIPIENT_REACH, rng.stop)
        sender = _party_after(doc, addressed + 1, reach, (_FROM,))
        addressee = _party_after(doc, addressed + 1, reach, _TO)
        in_sentence = [c for c in found if c.sentence == s and c.trigger < k]
        bearer = next((c.subject for c in reversed(in_sentence) if c.subject is not None), None)
        if bearer is None or bearer.kind != ActorKind.PERSON:
            bearer = _person_before(doc, k, rng)
        parts = _letter_parts(sender, bearer, addressee)
        actors = {m.actor for m, _ in parts}
        told = [c for c in found if c.sentence == s and c.type == EngagementType.OTHER]
        if len(parts) < 2 or any({m.actor for m, _ in c.participants} >= actors for c in told):
            continue
        out.append(
            Candidate(
                type=EngagementType.OTHER,
                participants=parts,
                sentence=s,
                trigger=k,
                date=date_for(doc, k, rng, rng.start - 1, rng.stop),
                subject=bearer,
            )
        )
    return out


_MEETINGS = (EngagementType.MEETING, EngagementType.TALKS)


def letters_handed_to_host(doc: Doc, s: int, found: list[Candidate]) -> list[Candidate]:
    """`استقبل B X، الذي سلمه رسالة من A`, `التقى X B، وسلمه رسالة من A`: the pronoun on the handing
    verb is the other party of the meeting told before it in the sentence; the one who hands it over
    is the relative's antecedent, or that meeting's subject: an `other` engagement of the three."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        if doc.inside[k] is not None or doc.tokens[k].n not in lx.HANDING_TO_PRONOUN:
            continue
        words = range(k + 1, min(k + 3, rng.stop))
        letter = next((q for q in words if any(f in lx.LETTERS for f in _forms(doc.tokens[q].n))), None)
        meeting = next((c for c in reversed(found) if c.sentence == s and c.trigger < k), None)
        if (
            letter is None
            or meeting is None
            or meeting.type not in _MEETINGS
            or len(meeting.participants) != 2
        ):
            continue
        sender = _sender_after(doc, letter + 1, min(letter + _SENDER_REACH, rng.stop))
        named = [m for m, _ in meeting.participants if m.last < k]
        relative = doc.tokens[k - 1].n in lx.RELATIVES
        # `X، الذي سلمه`: the party named last before it; `وسلمه`: the meeting's subject
        carrier = max(named, key=lambda m: m.last, default=None) if relative else meeting.subject
        if sender is None or carrier is None:
            continue
        others = [m for m, _ in meeting.participants if m.actor != carrier.actor]
        parts = _letter_parts(sender, carrier, *others)
        if len(others) != 1 or len(parts) < 3:
            continue
        out.append(
            Candidate(
                type=EngagementType.OTHER,
                participants=parts,
                sentence=s,
                trigger=k,
                date=meeting.date,
                subject=carrier,
            )
        )
    return out


def _letter_parts(sender: Mention | None, *others: Mention | None) -> list[tuple[Mention, Role]]:
    """A letter's parties: its sender first (the initiator), then whoever carries or receives it; each
    actor once, the ones not found left out."""
    roles = [(sender, Role.INITIATOR), *((m, Role.PARTICIPANT) for m in others)]
    return unique_parts([(m, role) for m, role in roles if m is not None])


def _sender_after(doc: Doc, a: int, b: int) -> Mention | None:
    """The party named within two words after `من` (`من أخيه الرئيس A`, `من الملك A`)."""
    start = next((q for q in range(a, b) if doc.tokens[q].n == _FROM), None)
    if start is None:
        return None
    for q in range(start + 1, min(start + 4, len(doc.tokens))):
        m = doc.inside[q]
        if m is not None and not m.embedded:
            return m if m.kind != ActorKind.PLACE else None
    return None


def _person_before(doc: Doc, k: int, rng: range) -> Mention | None:
    """The person named last before token `k` in its sentence."""
    for q in range(k - 1, rng.start - 1, -1):
        m = doc.inside[q]
        if m is not None and m.kind == ActorKind.PERSON and not m.embedded:
            return m
    return None


def _verb_subject(doc: Doc, k: int, rng: range) -> Mention | None:
    """The person named right after a carrying verb, before the letter (`ونقل X، رسالة من A`,
    `وحمل X رسالة`): the verb's subject, who carries it."""
    m = doc.inside[k + 1] if k + 1 < rng.stop else None
    if m is None or m.first != k + 1 or m.kind != ActorKind.PERSON or m.embedded:
        return None
    return m


def _same_letter(a: Candidate, b: Candidate) -> bool:
    """Two letters with the same carrier going to the same recipient (or one naming no recipient)."""
    if a.subject is None or b.subject is None or a.subject.actor != b.subject.actor:
        return False
    first, second = ({m.actor for m, _ in c.participants} for c in (a, b))
    return first <= second or second <= first


def _party_after(doc: Doc, a: int, b: int, leads: tuple[str, ...] | frozenset[str]) -> Mention | None:
    """The party right after one of the `leads` words (`من A`, `إلى B`) between `a` and `b`; for
    `إلى`, also a titled person with `ل` attached (`للرئيس الروسي X`)."""
    for q in range(a, b):
        m = doc.inside[q]
        if m is not None and m.first == q and _TO <= set(leads) and _lam_titled(doc, m):
            return m
        if q + 1 < b and doc.tokens[q].n in leads and (m := doc.inside[q + 1]) is not None:
            if m.kind != ActorKind.PLACE:
                return m
    return None


def _lam_titled(doc: Doc, m: Mention) -> bool:
    word = doc.tokens[m.first].n
    return m.kind == ActorKind.PERSON and m.title_first == m.first and word.startswith("ل") and len(word) > 3


def _carrier(doc: Doc, k: int, rng: range, in_sentence: list[Candidate]) -> Mention | None:
    """Who carries it: the party a relative pronoun before the carrying word describes (`X الذي
    حمل`), else the subject of the clause the participle goes with (`زار X موسكو، حيث التقى Y،
    حاملاً`: X), else the person named last before it."""
    q = k - 1
    if q >= rng.start and doc.tokens[q].n in lx.RELATIVES:
        q -= 1
        while q >= rng.start and doc.tokens[q].text in COMMAS:
            q -= 1
        return doc.inside[q] if q >= rng.start else None
    subject = next(
        (c.subject for c in reversed(in_sentence) if c.trigger < k and c.subject is not None), None
    )
    if subject is not None and subject.kind == ActorKind.PERSON:
        return subject
    m = previous_arg(doc, k, rng, EngagementType.OTHER)
    return m if m is not None and m.kind == ActorKind.PERSON else None
