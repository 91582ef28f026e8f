"""Arguments of a trigger inside its clause: the subject before a verb or after it, objects
after it (`مع`, `ب`, `بين`, lists), the agent of a verbal noun, a relative's antecedent,
and the comma-bounded adverbials skipped on the way."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token, _forms
from analysis.extraction.clean import normalize
from analysis.extraction.frame_doc import (
    AGENT_SKIP,
    ATTENDANCE,
    AUXILIARIES,
    BETWEEN,
    COMMAS,
    LIGHT_VERBS,
    PLACE_PREPS,
    POSSESSIVE_FORMS,
    QUOTE_MARKS,
    WITH,
    Candidate,
    Doc,
    is_arg,
    trigger_at,
)
from analysis.extraction.results import ActorKind, EngagementType


def inside_adverbial(doc: Doc, i: int, rng: range) -> bool:
    """The token sits in a comma-bounded time or place phrase (`، في اليوم الأول من زيارته،`)."""
    k = i - 1
    while k >= max(rng.start, i - 8):
        if doc.tokens[k].text in COMMAS:
            end = adverbial_end(doc, k + 1, rng.stop)
            return end is not None and end > i
        k -= 1
    return False


def definite_trigger_is_new(doc: Doc, i: int, rng: range, after_visit: bool, *, first: bool = False) -> bool:
    """A definite trigger noun usually refers back (`اللقاء`, `الزيارة`); it opens a new
    engagement after a light verb (`كرر الزيارة`), before `التي قام بها`, or as
    `والاجتماع مع` after a visit in the same sentence."""
    tokens = doc.tokens
    if after_visit:
        return True
    if i - 1 >= rng.start and tokens[i - 1].n in LIGHT_VERBS:
        return True
    nxt = [tokens[k].n for k in range(i + 1, min(i + 3, rng.stop))]
    if len(nxt) >= 2 and nxt[0] in ("التي", "الذي") and nxt[1].startswith(("قام", "اجر", "جر")):
        return True
    # `المفاوضات الجارية في جنيف بين إيران وفرنسا`, and as the sentence's first engagement
    # `تنحصر مهامها في الاجتماع، الأحد، مع اللجنة`: an engagement that names its own parties
    if any(tokens[k].n in ATTENDANCE for k in range(max(rng.start, i - 25), i)):
        return True  # `بحضور A وB جرى ... في ختام المباحثات التوقيع`: told with its attendees
    markers = (BETWEEN, WITH) if first else (BETWEEN,)
    return any(
        tokens[k].n in markers and doc.inside[k + 1] is not None
        for k in range(i + 1, min(i + 6, rng.stop - 1))
    )


def collect_after(
    doc: Doc, start: int, stop: int, etype: EngagementType
) -> list[tuple[Mention, int, int, str]]:
    """Argument mentions from `start`, each with its segment (token range) and the marker
    before it (`مع`, `ب`, `بين` or ``). Stops at a quotation, a negation or a new clause."""
    tokens = doc.tokens
    found: list[tuple[Mention, int, int, str]] = []
    seg_start = start
    marker = ""
    between_at = stop
    k = start
    while k < stop:
        m = doc.inside[k]
        if m is not None and m.first == k:
            # `المفاوضات الجارية في جنيف بين إيران وفرنسا`: states the talks are between, not
            # states in the topic after them (`بحث العلاقات بين البلدين`)
            states_between = marker == BETWEEN and between_at - start <= 4 and not m.embedded
            if is_arg(m, etype) or m.kind == ActorKind.STATE and states_between:
                found.append((m, seg_start, stop, marker or _b_clitic_marker(tokens, m)))
            k = m.last + 1
            continue
        tok = tokens[k]
        if tok.kind == "p":
            quoted = doc.inside[k + 1] if k + 1 < stop else None
            if tok.text in QUOTE_MARKS and quoted is not None and _quote_after(doc, quoted.last + 1):
                k += 1  # `« حيدر العبادي »`: a name in quotes
                continue
            if tok.text in QUOTE_MARKS and k > start and doc.inside[k - 1] is not None:
                k += 1  # the quote that closes it
                continue
            if tok.text in QUOTE_MARKS:
                close = _closing_quote(doc, k, stop) if etype in _GOODS_TYPES else None
                if close is None:
                    break  # a quotation: what was said is not who took part
                k = close + 1  # `مقاتلات من طراز "سوخوي 25"`: a short name in quotes
                continue
            if tok.text in COMMAS:
                nxt = k + 1
                if nxt < stop and doc.inside[nxt] is not None and adverbial_end(doc, nxt, stop) is None:
                    if found:
                        found[-1] = (found[-1][0], found[-1][1], k, found[-1][3])
                    seg_start = k = nxt  # `، ورئيس ...`: the next party of a list
                    continue
                after_comma = _past_comma(doc, nxt, stop, etype)
                if after_comma is None:
                    break
                k = after_comma
                continue
            k += 1
            continue
        if tok.kind == "w":
            if tok.n in lx.NEGATIONS or (tok.n[:1] == "و" and tok.n[1:] in lx.NEGATIONS):
                break
            if tok.n in _NEW_CLAUSE and k != start:
                break  # `زارت القاعدة ... وإن المستشارين ...`: another clause, other parties
            if tok.n in (WITH, BETWEEN) or tok.n in ("ب",):
                if tok.n == BETWEEN and marker != BETWEEN and not _topic_between(tokens, start, k):
                    between_at = k
                marker = tok.n
            elif trigger_at(tok) and trigger_at(tok)[1] and k != start:
                break
        k += 1
    if found:
        last = found[-1]
        found[-1] = (last[0], last[1], min(last[2], stop), last[3])
    return found


_NEW_CLAUSE = frozenset(normalize(w) for w in "وإن وأن فإن حيث فيما بينما".split())


def _topic_between(tokens: Sequence[Token], start: int, k: int) -> bool:
    """`بحث آفاق التعاون بين العراق وروسيا`: the states after `بين` are the topic's, not the parties."""
    return any(f in lx.NON_NAME_NOUNS for q in range(start, k) for f in _forms(tokens[q].n))


def _quote_after(doc: Doc, k: int) -> bool:
    return k < len(doc.tokens) and doc.tokens[k].text in QUOTE_MARKS


def _closing_quote(doc: Doc, k: int, stop: int) -> int | None:
    """The quote mark that closes a name of at most four words opened at `k`, or None."""
    for q in range(k + 1, min(k + 6, stop)):
        tok = doc.tokens[q]
        if tok.text in QUOTE_MARKS:
            return q if q > k + 1 else None
        if tok.kind == "p" and tok.text not in "-–" or doc.inside[q] is not None:
            return None
    return None


_LEADING = frozenset(normalize(w) for w in "رئاسة قيادة".split())


def _b_clitic_marker(tokens: Sequence[Token], m: Mention) -> str:
    """`ب` when a titled person is written with the preposition attached (`برئيس الوزراء X`)."""
    first_tok = tokens[m.first].n
    if first_tok[1:] in _LEADING:
        return ""  # `وفد برئاسة X`: X leads the delegation, X is no object
    if (
        first_tok[:1] == "ب"
        and m.kind == ActorKind.PERSON
        and len(first_tok) > 3
        and first_tok[1:] in _forms(first_tok)
        and m.title_first is not None
    ):
        return "ب"
    return ""


_SEGMENT_PREPOSITIONS = frozenset(normalize(w) for w in "في على خلال لدى عند من".split())


def _past_comma(doc: Doc, nxt: int, stop: int, etype: EngagementType) -> int | None:
    """Where the arguments go on after a comma at `nxt - 1`, or None when the clause ends there:
    past an adverbial (`، في طهران أمس (الأحد)،`, `، بمطار جدة،`, `، في لقاءين منفصلين،`),
    at `مع`/`بين`, or in the victims of the same attack."""
    tokens = doc.tokens
    if (
        etype in _GOODS_TYPES
        and nxt + 1 < stop
        and tokens[nxt].n in _PARTY_PREPOSITIONS
        and doc.inside[nxt + 1]
    ):
        return nxt  # `، من روسيا،`: the supplier of a transfer
    q = adverbial_end(doc, nxt, stop)
    if q is not None:
        return q
    if nxt < stop and tokens[nxt].n in (WITH, BETWEEN):
        return nxt  # `، مع السفير ...`: the object after an adverbial
    seg_words = 0
    q = nxt
    while q < stop and tokens[q].text not in COMMAS:
        if doc.inside[q] is not None and doc.inside[q].first == q:
            break
        if tokens[q].kind == "w" and not doc.in_date[q]:
            seg_words += 1
        q += 1
    closed = q < stop and tokens[q].text in COMMAS
    if closed and (seg_words <= 1 or seg_words <= 4 and _opens_with_preposition(tokens[nxt])):
        return q
    if closed and etype in _GOODS_TYPES and seg_words <= 8 and not _has_verb(doc, nxt, q):
        return q  # `وتسلم العراق، الشهر الماضي، خمس مقاتلات، من روسيا`: what was handed over
    if etype == EngagementType.ATTACK and any(
        (hit := trigger_at(tokens[x])) is not None and hit[0] == EngagementType.ATTACK for x in range(nxt, q)
    ):
        return nxt  # `، ما أسفر عن مقتل ...`: the victims of the same attack
    return None


_GOODS_TYPES = (EngagementType.ARMS_TRANSFER, EngagementType.TRAINING)


def _has_verb(doc: Doc, a: int, b: int) -> bool:
    return any((hit := trigger_at(doc.tokens[q])) is not None and hit[1] for q in range(a, b))


def _opens_with_preposition(tok: Token) -> bool:
    """`في ...`, `على ...`, `بمطار ...`: a prepositional phrase, an adverbial between commas."""
    if tok.kind != "w":
        return False
    return (
        tok.n in _SEGMENT_PREPOSITIONS or tok.n[:1] == "ب" and len(tok.n) > 3 and tok.n[1:] in _forms(tok.n)
    )


ADVERBIAL_WORDS = frozenset(
    normalize(w)
    for w in (
        "في ب من الى إلى يوم مساء صباح ليلة فجر ظهر اليوم أمس امس حاليا حالياً العاصمة مدينة "
        "على هامش خلال أثناء اثناء الأول الثاني الثالث الأخير الاخير"
    ).split()
)


VENUE_WORDS = frozenset(normalize(w) for w in "مقر قصر مكتب مبنى".split())


def anaphoric_noun(tok: Token) -> bool:
    """`الزيارة`, `زيارته`: a trigger noun that refers back to an engagement already told."""
    hit = trigger_at(tok)
    return hit is not None and not hit[1] and (hit[2].startswith("ال") or hit[2] in POSSESSIVE_FORMS)


def adverbial_end(doc: Doc, k: int, stop: int) -> int | None:
    """The closing comma of a comma-bounded segment from `k` that holds only dates, places and
    their prepositions (`في طهران أمس (الأحد)`, `اليوم الثلاثاء`), or a title in apposition to
    the name before it (`، رئيس أركان الجيش،`); None for any other segment."""
    tokens = doc.tokens
    q = k
    words = 0
    title = k < stop and doc.inside[k] is None and is_title_head(tokens[k])
    venue = False  # after `بمقر`, `في قصر`: the rest names the venue
    while q < stop and tokens[q].text not in COMMAS:
        tok = tokens[q]
        m = doc.inside[q]
        if m is not None and not title:
            if m.kind not in (ActorKind.STATE, ActorKind.PLACE) and not (
                m.kind == ActorKind.ORGANIZATION and (venue or q > k and tokens[q - 1].n in ADVERBIAL_WORDS)
            ):
                return None
            q = m.last + 1
            continue
        if m is not None:
            if m.kind == ActorKind.PERSON:
                return None  # a title that names someone is not an apposition
            q = m.last + 1
            continue
        if tok.kind == "w" and not doc.in_date[q]:
            if title:
                if trigger_at(tok) or tok.n in lx.STOPWORDS and tok.n not in ("في", "لدي"):
                    return None
            elif any(f in VENUE_WORDS for f in _forms(tok.n)):
                venue = True
            elif not (venue or any(f in ADVERBIAL_WORDS for f in _forms(tok.n)) or anaphoric_noun(tok)):
                return None
            words += 1
        q += 1
    if q >= stop or q == k or words > 8:
        return None
    return q


CARRY_WORDS = frozenset(normalize(w) for w in "حيث ثم وثم كما".split())


def is_coordinated(doc: Doc, m: Mention) -> bool:
    """The mention is joined to the one before it by `و` (`ورئيس ...`, `و محمد`)."""
    tok = doc.tokens[m.first]
    if tok.n[:1] == "و" and len(tok.n) > 3 and any(f != tok.n for f in _forms(tok.n)):
        return True
    return m.first > 0 and doc.tokens[m.first - 1].n == "و"


def is_title_head(tok: Token) -> bool:
    return tok.kind == "w" and any(f in lx.PERSON_TITLE_HEADS for f in _forms(tok.n))


_ATTRIBUTIONS = frozenset(normalize(w) for w in "وفق ووفق وفقا حسب بحسب وبحسب عن نقلا لـ ل".split())


def _bare_verb(tok: Token) -> bool:
    """A verb written without `و`, `ف` or `ل` before it."""
    hit = trigger_at(tok)
    return hit is not None and hit[1] and hit[2] == tok.n


def _named_subject(doc: Doc, m: Mention) -> bool:
    """`إن الدليمي، زار`: a person before a comma is the subject of the verb after it, unless
    the phrase only names a source (`ووفق وكالة الأنباء، استقبل`)."""
    if m.kind != ActorKind.PERSON:
        return False
    return m.first == 0 or doc.tokens[m.first - 1].n not in _ATTRIBUTIONS


def subject_before(doc: Doc, trig_index: int, rng: range, etype: EngagementType) -> list[Mention]:
    """Mentions ending right before a verb (SVO): `... فالح الفياض التقى`, `كوتراشيف والخزعلي ناقشا`."""
    tokens = doc.tokens
    k = trig_index - 1
    while k >= rng.start and (
        (
            tokens[k].kind == "p"
            and (
                tokens[k].text in "()"
                or tokens[k].text in QUOTE_MARKS
                or k == trig_index - 1
                and tokens[k].text in COMMAS
            )
        )
        or (tokens[k].kind == "w" and tokens[k].n in AUXILIARIES)
    ):
        k -= 1  # `وكان فلان قد التقى`, `قائد "فيلق القدس" زار`, `إن الدليمي، زار`
    if k < rng.start or doc.inside[k] is None:
        return []
    m = doc.inside[k]
    if not is_arg(m, etype):
        return []
    if tokens[trig_index - 1].text in COMMAS and not (
        _named_subject(doc, m) and _bare_verb(tokens[trig_index])
    ):
        return []  # `، والتقى`, `، لبحث`: a clause joined to the sentence's own subject
    out = [m]
    while m.first - 1 >= rng.start and doc.inside[m.first - 1] is not None:
        prev = doc.inside[m.first - 1]
        if prev is m or not is_arg(prev, etype) or not tokens[m.first].n.startswith("و"):
            break
        out.insert(0, prev)
        m = prev
    return out


_THAT_PRONOUNS = frozenset(
    normalize(w) for w in "أنه أنها انه انها بأنه بأنها بانه بانها أنهم انهم أنهما انهما".split()
)


def reported_subject(doc: Doc, i: int, rng: range, etype: EngagementType) -> Mention | None:
    """`أعلنت موسكو أمس أنها أبرمت ...`, `أكد X أنه التقى ...`: the pronoun after `أن` is the
    subject of the reporting verb, the party named before it."""
    k = i - 1
    while k >= rng.start and (doc.in_date[k] or doc.tokens[k].n in AUXILIARIES):
        k -= 1
    if k < rng.start or doc.tokens[k].n not in _THAT_PRONOUNS:
        return None
    q = k - 1
    while q >= max(rng.start, k - 8):
        m = doc.inside[q]
        if m is not None:
            return m if is_arg(m, etype) else None
        q -= 1
    return None


def previous_arg(doc: Doc, before: int, rng: range, etype: EngagementType) -> Mention | None:
    k = before - 1
    while k >= rng.start:
        m = doc.inside[k]
        if (
            m is not None
            and is_arg(m, etype)
            and m.kind == ActorKind.PERSON
            or (m is not None and m.kind == ActorKind.ORGANIZATION and is_arg(m, etype))
        ):
            return m
        k -= 1
    return None


_TIME_WORDS = frozenset(normalize(w) for w in "اليوم أمس امس غدا غداً حاليا حالياً صباح مساء".split())
_LIST_OPENERS = frozenset(normalize(w) for w in "كل من كلا كلا من".split())


def light_verb_subjects(doc: Doc, i: int, rng: range, etype: EngagementType) -> list[Mention]:
    """The parties between a light verb and its verbal noun: `عقد X ونظيره Y جلسة مباحثات`,
    `بدأ كل من A، وB، وC، اجتماعاً`, `أجرى X، زيارة`, `عقد X والوفد المرافق له في مقر ... اجتماعاً`."""
    tokens = doc.tokens
    v = i - 1
    while v >= max(rng.start, i - 25) and not (doc.inside[v] is None and tokens[v].n in LIGHT_VERBS):
        hit = trigger_at(tokens[v]) if doc.inside[v] is None else None
        if hit is not None and hit[1]:
            return []  # another verb's clause
        v -= 1
    if v < max(rng.start, i - 25):
        return []
    found: list[Mention] = []
    k = v + 1
    while k < i:
        m = doc.inside[k]
        if m is not None:
            if not is_arg(m, etype) or found and not (is_coordinated(doc, m) or tokens[k - 1].text in COMMAS):
                break
            found.append(m)
            k = m.last + 1
            continue
        tok = tokens[k]
        skip_mark = tok.kind == "p" and (tok.text in COMMAS or tok.text in "()" or tok.text in QUOTE_MARKS)
        if (
            skip_mark
            or tok.n == "و"
            or doc.in_date[k]
            or tok.n in _TIME_WORDS
            or tok.n in _LIST_OPENERS
            and not found
        ):
            k += 1
            continue
        break
    return found


def antecedent_candidate(
    doc: Doc, s: int, in_sentence: list[Candidate], previous: list[Candidate]
) -> Candidate | None:
    for cand in reversed(in_sentence):
        if cand.subject is not None:
            return cand
    for cand in reversed(previous):
        if cand.sentence < s - 3:
            break
        if cand.subject is not None and cand.subject.kind == ActorKind.PERSON:
            return cand
    return None


def stands_alone(doc: Doc, m: Mention, trigger: int) -> bool:
    """A state named as a party: right after the trigger, after punctuation or joined by `و`;
    not with `ب` attached (`(بصنعاء)`: where, not who)."""
    if m.start > doc.tokens[m.first].start and doc.text[m.start - 1] == "ب":
        return False
    prev = m.first - 1
    if prev <= trigger:
        return True
    tok = doc.tokens[prev]
    return tok.kind == "p" or doc.tokens[m.first].n[:1] == "و" and m.start > doc.tokens[m.first].start


_PARTY_PREPOSITIONS = frozenset(normalize(w) for w in "إلى الى من مع".split())


def receives_or_gives(doc: Doc, m: Mention) -> bool:
    """A state after `إلى`, `من`, `مع` or with `ل` attached (`سلمت إلى سورية`, `من روسيا`,
    `للعراق`): the other side of a transfer or a deal, not a place."""
    tok = doc.tokens[m.first]
    if tok.n[:1] == "ل" and normalize(m.actor) in _forms(tok.n)[1:]:
        return True
    return m.first > 0 and doc.tokens[m.first - 1].n in _PARTY_PREPOSITIONS


def has_b_clitic(tokens: Sequence[Token], m: Mention) -> bool:
    """`بالرئيس X`, `بنظيره X`: the mention is governed by `ب` (not `برئاسة X`: X leads)."""
    tok = tokens[m.first]
    return tok.n.startswith("ب") and m.start > tok.start and tok.n[1:] not in _LEADING


def last_two_persons(doc: Doc, i: int, rng: range) -> list[Mention] | None:
    seen: list[Mention] = []
    k = i - 1
    while k >= rng.start and len(seen) < 2:
        m = doc.inside[k]
        if m is not None and m.kind == ActorKind.PERSON and not m.embedded:
            if all(x.actor != m.actor for x in seen):
                seen.insert(0, m)
            k = m.first - 1
            continue
        k -= 1
    return seen if len(seen) == 2 else None


def agent_after(doc: Doc, i: int, stop: int, etype: EngagementType, *, light: bool) -> Mention | None:
    """The doer named right after a verbal noun: `زيارة رئيس ...`, `التي قام بها ...`, `وفد من ...`."""
    k = i + 1
    skipped = 0
    while k < stop and skipped <= 4:
        m = doc.inside[k]
        if m is not None and m.first == k:
            return m if is_arg(m, etype) and m.kind != ActorKind.STATE else None
        tok = doc.tokens[k]
        if tok.kind == "w" and (tok.n in AGENT_SKIP or light and skipped == 0 and tok.n not in lx.STOPWORDS):
            skipped += 1
            k += 1
            continue
        if tok.kind == "p" and tok.text in COMMAS | set("()"):
            k += 1
            continue
        return None
    return None


ESCORT_WORDS = frozenset(normalize(w) for w in "والوفد الوفد المرافق المرافقه له لها".split())


def relative_antecedent(doc: Doc, rel: int, rng: range) -> Mention | None:
    """The person a relative pronoun at `rel` refers to: the mention right before it, past a
    comma and `والوفد المرافق له`; None when another noun (`الملحق العسكري الذي`) is nearer."""
    k = rel - 1
    while k >= max(rng.start, rel - 8):
        m = doc.inside[k]
        if m is not None:
            return m if m.kind == ActorKind.PERSON else None
        tok = doc.tokens[k]
        if tok.kind == "w" and tok.n not in ESCORT_WORDS:
            return None
        k -= 1
    return None


def fronted_subject(doc: Doc, i: int, rng: range) -> Mention | None:
    """For a sentence that opens with `خلال لقائه ...،`: the person named right after the
    comma and its verb (`، أكد رئيس الوزراء X`)."""
    if i - rng.start > 2:
        return None
    k = i + 1
    while k < rng.stop and doc.tokens[k].text not in COMMAS:
        m = doc.inside[k]
        k = m.last + 1 if m is not None else k + 1
    for q in range(k + 1, min(k + 4, rng.stop)):
        m = doc.inside[q]
        if m is not None:
            return m if m.kind == ActorKind.PERSON else None
    return None


def b_clitic_noun(tok: Token) -> bool:
    """`بلقاء`, `باجتماع`: a trigger noun governed by the preposition ب."""
    return tok.n[:1] == "ب" and tok.n[1:] in lx.TRIGGERS and not lx.TRIGGERS[tok.n[1:]][1]


def as_place(doc: Doc, m: Mention) -> bool:
    """A state named after `في`/`إلى` (`في بغداد`) is where something happened, not a party."""
    return m.kind == ActorKind.STATE and m.first > 0 and doc.tokens[m.first - 1].n in PLACE_PREPS
