"""The objects of a trigger: the party mentions after it up to the end of its clause, with the
marker before each (`مع`, `ب`, `بين`), past the comma-bounded times, places and appositions
between a verb and its objects, and stopping at a quotation, a negation or a new clause."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token, _forms
from analysis.extraction.arguments import is_title_head
from analysis.extraction.body_members import members_marker
from analysis.extraction.delegations import headed_delegation_at
from analysis.extraction.frame_doc import (
    BETWEEN,
    COMMAS,
    LEADING_WORDS,
    MULTILATERAL,
    PARTY_PREPOSITIONS,
    POSSESSIVE_FORMS,
    QUOTE_MARKS,
    WITH,
    Doc,
    is_arg,
    trigger_at,
)
from analysis.extraction.generic_bodies import is_military_body
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


def _takes_part(m: Mention, etype: EngagementType, marker: str, between_gap: int, topic: bool) -> bool:
    """Whether a mention after the trigger is one of its parties. `between_gap`: tokens from the
    trigger to a `بين` (the talks' own `بين`, near it, or a topic's); `topic`: no own `بين` seen."""
    # `المفاوضات الجارية في جنيف بين إيران وفرنسا`: states the talks are between, not states in the
    # topic after them (`بحث العلاقات بين البلدين`)
    states_between = marker == BETWEEN and between_gap <= 4 and not m.embedded
    attended = marker == ATTENDED and not m.embedded  # `قمة يحضرها قادة A، ومصر، والأردن`
    # `بحث العلاقات بين الجيشين السوداني والروسي`: a state's army, like the state, is the topic's
    # (a government, `التعاون بين الحكومة التركية وحكومة X`, stays a party of talks)
    topic_body = marker == BETWEEN and topic and is_military_body(m.actor)
    return (is_arg(m, etype) and not topic_body) or (
        m.kind == ActorKind.STATE and (states_between or attended)
    )


def _past_quote(doc: Doc, k: int, start: int, stop: int, etype: EngagementType) -> int | None:
    """Where the clause goes on after the quote mark at `k`, or None when a quotation starts there."""
    quoted = doc.inside[k + 1] if k + 1 < stop else None
    if quoted is not None and _quote_after(doc, quoted.last + 1):
        return k + 1  # `« حيدر العبادي »`: a name in quotes
    if k > start and doc.inside[k - 1] is not None:
        return k + 1  # the quote that closes it
    close = _closing_quote(doc, k, stop) if etype in _NAMED_GOODS_TYPES else None
    return None if close is None else close + 1  # `مقاتلات من طراز "سوخوي 25"`: a short name


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
            if _takes_part(m, etype, marker, between_at - start, between_at == stop):
                own = marker or _b_clitic_marker(tokens, m) or members_marker(doc, m, start, etype)
                found.append((m, seg_start, stop, own))
            k = m.last + 1
            continue
        if m is None and k in doc.pair_at:  # `بين الرئيسين`: the two persons the dual stands for
            found.extend((p, seg_start, stop, marker) for p in doc.pair_at[k])
            k += 1
            continue
        tok = tokens[k]
        if tok.kind == "p":
            if tok.text in QUOTE_MARKS:
                past = _past_quote(doc, k, start, stop, etype)
                if past is None:
                    break  # a quotation: what was said is not who took part
                k = past
                continue
            if tok.text in COMMAS:
                nxt = k + 1
                listed = marker in (ATTENDED, BETWEEN)  # `بين إيران، وفرنسا`, `يحضرها قادة مصر، والأردن`
                if (
                    nxt < stop
                    and doc.inside[nxt] is not None
                    and (listed or adverbial_end(doc, nxt, stop) is None)
                ):
                    if found:
                        found[-1] = (found[-1][0], found[-1][1], k, found[-1][3])
                    seg_start = k = nxt  # `، ورئيس ...`: the next party of a list
                    continue
                after_comma = _past_comma(doc, nxt, stop, etype)
                if after_comma is None:
                    break
                if marker == ATTENDED:
                    marker = ""  # `استقبل X بحضور Y، اليوم Z`: past the adverbial, the object again
                k = after_comma
                continue
            k += 1
            continue
        if tok.kind == "w":
            if tok.n in lx.NEGATIONS or (tok.n[:1] == "و" and tok.n[1:] in lx.NEGATIONS):
                break
            if found and etype != EngagementType.ATTACK and tok.n in lx.AGAINST_ENEMY:
                break  # `تدريب القوات العراقية بهدف التصدي لتنظيم Y`: Y is fought, not a party
            if tok.n in _NEW_CLAUSE and k != start:
                break  # `زارت القاعدة ... وإن المستشارين ...`: another clause, other parties
            if tok.n[:1] == "و" and tok.n in lx.SPEECH_VERBS and k != start:
                break  # `صفقة السلاح المقدمة للجيش ... وأكد وزير الدفاع X`: a sentence run on
            if found and _relative_clause(doc, k, stop):
                break  # `استقبل X الذي حمل رسالة من Y`: Y is in what describes X, not an object
            if tok.n in _ATTEND_MARKERS and etype in MULTILATERAL:
                marker = ATTENDED
            elif _b_honorific(tok):
                marker = "ب"  # `اتصالاً بدولة الأستاذ Y`, `بمعالي Y`
            elif tok.n == _AND_WITH:
                marker = WITH  # `مع A، ومع B`: one more party met
            elif tok.n in (WITH, BETWEEN) or tok.n in ("ب",):
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


def _relative_clause(doc: Doc, k: int, stop: int) -> bool:
    """A relative pronoun right after a party, opening a clause with a word that is not a name
    (`X الذي حمل`, `X، التي سلمته`): a description of that party, up to the end of the stretch."""
    tokens = doc.tokens
    word = tokens[k].n
    relative = word in lx.RELATIVES or word[:1] == "و" and word[1:] in lx.RELATIVES  # `والتي`
    if not relative or k + 1 >= stop or doc.inside[k + 1] is not None:
        return False
    before = _before_aside(tokens, k - 1)
    while before >= 0 and tokens[before].kind == "p" and tokens[before].text in COMMAS | QUOTE_MARKS:
        before -= 1
    return before >= 0 and doc.inside[before] is not None and tokens[k + 1].kind == "w"


def _before_aside(tokens: Sequence[Token], k: int) -> int:
    """The token before a short aside in brackets ending at `k` (`X (قسد) والتي`), else `k`."""
    if k < 0 or tokens[k].text != ")":
        return k
    opening = next((j for j in range(k - 1, max(k - 5, -1), -1) if tokens[j].text == "("), None)
    return k if opening is None else opening - 1


ATTENDED = "attended"  # the marker of parties listed as attending
_ATTEND_MARKERS = frozenset(
    normalize(w) for w in "يحضرها يحضره ويحضرها ويحضره حضرها حضره بمشاركة وبمشاركة بحضور وبحضور".split()
)


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


def _b_clitic_marker(tokens: Sequence[Token], m: Mention) -> str:
    """`ب` when a titled person is written with the preposition attached (`برئيس الوزراء X`)."""
    first_tok = tokens[m.first].n
    if first_tok[1:] in LEADING_WORDS:
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
    if etype in MULTILATERAL and nxt < stop and tokens[nxt].n in _ATTEND_MARKERS:
        return nxt  # `، يحضرها قادة ...`: those who attend
    if (
        etype in _GOODS_TYPES
        and nxt + 1 < stop
        and tokens[nxt].n in PARTY_PREPOSITIONS
        and doc.inside[nxt + 1]
    ):
        return nxt  # `، من روسيا،`: the supplier of a transfer
    q = adverbial_end(doc, nxt, stop)
    if q is not None:
        return q
    if etype == EngagementType.AGREEMENT and _signed_document_at(doc, nxt, stop):
        return nxt  # `وقع X، اليوم، على اتفاق تعاون مع Y`: what was signed, then with whom
    if nxt < stop and tokens[nxt].n in (WITH, BETWEEN, _AND_WITH):
        return nxt  # `، مع السفير ...`: the object after an adverbial; `، ومع B`: one more
    if (q := _among_them(doc, nxt, stop)) is not None:
        return q  # `لقاءات مع المسؤولين، على رأسهم A، وB`: the persons of the group named
    if etype == EngagementType.CALL and nxt + 1 < stop and tokens[nxt].n == "من" and doc.inside[nxt + 1]:
        return nxt  # `تلقى X اتصالاً هاتفياً، أمس، من Y`: the caller after an adverbial
    if (
        nxt + 2 < stop
        and tokens[nxt].n in _ADDITION
        and tokens[nxt + 1].n in _ADDITION_TO
        and doc.inside[nxt + 2]
    ):
        return nxt + 2  # `قمة تجمع A وB، إضافة إلى C`: one more of the same list
    if nxt + 1 < stop and tokens[nxt].n in _ALSO and _titled_person_next(doc, nxt + 1, stop):
        return nxt + 1  # `التقى A، وكذلك بولي العهد B`, `، وكذا وزير الخارجية C`: one more party
    if (
        nxt + 2 < stop
        and tokens[nxt].n in _HEADED_BY
        and tokens[nxt + 1].n in _HEADED_BY_NEXT
        and _titled_person_next(doc, nxt + 2, stop)
    ):
        return nxt + 2  # `التقى لجنة، على رأسها A`, `لقاءات مع المسؤولين، على رأسهم B`: its members
    if etype in _PERSONAL_TYPES and _titled_party_next(doc, nxt, stop):
        return nxt  # `استقبل X، قبل ظهر اليوم، رئيس مجلس الوزراء بالإنابة ووزير الداخلية Y`
    if nxt + 1 < stop and _b_honorific(tokens[nxt]) and doc.inside[nxt + 1] is not None:
        return nxt  # `أجرى X اتصالاً، بدولة الأستاذ Y`: the object, addressed with honour
    if etype in _PERSONAL_TYPES and headed_delegation_at(doc, nxt, stop):
        return nxt  # `التقى X، في عمان اليوم، وفداً عسكرياً برئاسة Y`: the delegation's head
    if (q := _open_adverbial(doc, nxt, stop)) is not None:
        return q  # `استقبل X، في بغداد اليوم Y`: an adverbial the object closes, not a comma
    if etype == EngagementType.ARMS_TRANSFER and nxt < stop and tokens[nxt].n in lx.LETTERS:
        return nxt  # `تسلم X، اليوم، رسالة من Y`: the letter handed over after the adverbial
    seg_words = 0
    q = nxt
    while q < stop and tokens[q].text not in COMMAS:
        m = doc.inside[q]
        if m is not None and m.first == q and m.kind in (ActorKind.STATE, ActorKind.PLACE):
            q = m.last + 1  # `، في منتجع صلاح الدين،`: a place inside the adverbial
            continue
        if m is not None and m.first == q:
            break
        if tokens[q].kind == "w" and not doc.in_date[q]:
            seg_words += 1
        q += 1
    closed = q < stop and tokens[q].text in COMMAS
    if closed and (seg_words <= 1 or seg_words <= 4 and _opens_with_preposition(tokens[nxt])):
        return q
    if closed and etype in _GOODS_TYPES and seg_words <= 8 and not _has_verb(doc, nxt, q):
        return q  # `وتسلم العراق، الشهر الماضي، خمس مقاتلات، من روسيا`: what was handed over
    if etype == EngagementType.ATTACK and nxt < stop and tokens[nxt].n in _TARGET_PREPOSITIONS:
        return nxt  # `هجوم شنّته X، مساء الأحد، على مواقع تابعة لـY`: the target after an adverbial
    if etype == EngagementType.ATTACK and any(
        (hit := trigger_at(tokens[x])) is not None and hit[0] == EngagementType.ATTACK for x in range(nxt, q)
    ):
        return nxt  # `، ما أسفر عن مقتل ...`: the victims of the same attack
    return None


_GOODS_TYPES = (EngagementType.ARMS_TRANSFER, EngagementType.TRAINING)
_PERSONAL_TYPES = (EngagementType.MEETING, EngagementType.TALKS)
# a short name in quotes goes on with the clause: the goods, or the deal for them (`اتفاقية لشراء
# طائرات "إف 16" من Y`)
_NAMED_GOODS_TYPES = (*_GOODS_TYPES, EngagementType.AGREEMENT)
_TARGET_PREPOSITIONS = frozenset(normalize(w) for w in "على ضد".split())
_AND_WITH = normalize("ومع")
# `على رأسهم`, `في مقدمتهم`, `بينهم`, `ومنهم`: words that go on to name members of a group
_AMONG = tuple(
    tuple(normalize(w) for w in phrase.split())
    for phrase in "على رأسهم|وعلى رأسهم|في مقدمتهم|وفي مقدمتهم|بينهم|من بينهم|ومنهم|منهم".split("|")
)


def _among_them(doc: Doc, nxt: int, stop: int) -> int | None:
    """The first member named after `على رأسهم`, `في مقدمتهم`, `بينهم` right after a comma, or None."""
    tokens = doc.tokens
    for phrase in _AMONG:
        end = nxt + len(phrase)
        if end < stop and all(tokens[nxt + j].n == w for j, w in enumerate(phrase)):
            m = doc.inside[end]
            return end if m is not None and m.first == end and m.kind == ActorKind.PERSON else None
    return None


def _b_honorific(tok: Token) -> bool:
    """`بدولة`, `بمعالي`, `بفخامة`: `ب` with a form of address, before the name it honours."""
    return tok.kind == "w" and tok.n[:1] == "ب" and tok.n[1:] in lx.ADDRESS_HONORIFICS


_ADDITION = frozenset(normalize(w) for w in "إضافة اضافة بالإضافة بالاضافة علاوة فضلا فضلاً".split())
_ADDITION_TO = frozenset(normalize(w) for w in "إلى الى على عن".split())


_HEADED_BY = frozenset(normalize(w) for w in "على وعلى في وفي".split())
_HEADED_BY_NEXT = frozenset(normalize(w) for w in "رأسها رأسهم راسها راسهم رأسه مقدمتهم مقدمتها".split())
_ALSO = frozenset(normalize(w) for w in "وكذلك كذلك وكذا وأيضا وأيضاً وايضا".split())


def _titled_person_next(doc: Doc, k: int, stop: int) -> bool:
    """A person named at `k`, or after a title that opens at `k` (`بولي العهد ورئيس الوزراء X`),
    with no punctuation or verb between."""
    if doc.inside[k] is None and not is_title_head(doc.tokens[k]):
        return False
    for q in range(k, min(k + 8, stop)):
        m, tok = doc.inside[q], doc.tokens[q]
        if m is not None:
            return m.kind == ActorKind.PERSON
        if tok.kind != "w" or (hit := trigger_at(tok)) is not None and hit[1]:
            return False
    return False


def _titled_party_next(doc: Doc, nxt: int, stop: int) -> bool:
    """After a comma, a title that runs on to a person the name's mention does not hold from its
    head (`، رئيس مجلس الوزراء بالإنابة ووزير الداخلية X`, `، أمين المجلس ... وممثل المرشد X`):
    one more party of the clause, not the end of it."""
    return nxt < stop and is_title_head(doc.tokens[nxt]) and _titled_person_next(doc, nxt, stop)


def _open_adverbial(doc: Doc, nxt: int, stop: int) -> int | None:
    """The person right after a time, place or venue phrase that opens with a preposition or a
    time after the comma (`، في بغداد اليوم /السبت/ وزير الأمن X`, `، اليوم الأحد (16 نيسان) X`,
    `، بقصر الاتحادية الفريق أول X`): where the objects go on, else None."""
    tokens = doc.tokens
    if nxt >= stop or not (_opens_with_preposition(tokens[nxt]) or _opens_with_time(doc, nxt)):
        return None
    q = nxt
    venue = False  # after `بقصر`, `في مكتبه`: the words up to the person name the venue
    while q < stop and q - nxt <= 12:
        tok, m = tokens[q], doc.inside[q]
        if m is not None:
            if m.kind == ActorKind.PERSON:
                return q if q > nxt + 1 else None
            if m.kind not in (ActorKind.STATE, ActorKind.PLACE) and not (
                venue and m.kind == ActorKind.ORGANIZATION
            ):
                return None  # `، بمقر وزارة الدفاع X`: a body after a venue word names the venue
            q = m.last + 1
            continue
        if tok.kind == "p" and tok.text in COMMAS | QUOTE_MARKS:
            return None
        if tok.n == WITH and q > nxt and q + 1 < stop and doc.inside[q + 1] is not None:
            return q  # `، اليوم الاثنين مع وزير الدفاع X`: the time ends at `مع` and its party
        if tok.kind == "w" and (_venue_word(tok.n) or tok.n in _CITY_WORDS):
            venue = True  # `في مدينة سان بطرسبورغ X`: the words up to the person name the city
        elif tok.kind == "w" and venue and not trigger_at(tok) and tok.n not in lx.STOPWORDS:
            pass  # `، بقصر الاتحادية الفريق أول X`: the venue's name
        elif tok.kind == "w" and not doc.in_date[q] and not any(f in ADVERBIAL_WORDS for f in _forms(tok.n)):
            return None
        q += 1
    return None


_CITY_WORDS = frozenset(normalize(w) for w in "مدينة بمدينة العاصمة بالعاصمة".split())


def _opens_with_time(doc: Doc, k: int) -> bool:
    """`، اليوم الأحد (16 نيسان) ...`, `، أمس ...`: a time phrase opens the segment."""
    tok = doc.tokens[k]
    return tok.kind == "w" and (doc.in_date[k] or tok.n in _TIME_OPENERS)


_TIME_OPENERS = frozenset(normalize(w) for w in "اليوم أمس امس صباح مساء ظهر يوم".split())


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
        "على هامش خلال أثناء اثناء الأول الثاني الثالث الأخير الاخير الأولى الثانية الأخيرة الاخيرة "
        "الحالية الرسمية"
    ).split()
)


VENUE_WORDS = frozenset(normalize(w) for w in "مقر قصر مكتب مبنى قيادة القيادة".split())
_POSSESSIVE_SUFFIXES = ("ه", "ها", "هم")


def _venue_word(word: str) -> bool:
    """`بمقر`, `في قصر`, and with a possessive pronoun `في مكتبه`, `بمقرها`: a venue follows."""
    stems = [word] + [
        word[: -len(s)] for s in _POSSESSIVE_SUFFIXES if word.endswith(s) and len(word) > len(s) + 2
    ]
    return any(f in VENUE_WORDS for stem in stems for f in _forms(stem))


def anaphoric_noun(tok: Token) -> bool:
    """`الزيارة`, `زيارته`: a trigger noun that refers back to an engagement already told."""
    hit = trigger_at(tok)
    return hit is not None and not hit[1] and (hit[2].startswith("ال") or hit[2] in POSSESSIVE_FORMS)


_ON = normalize("على")


def _signed_document_at(doc: Doc, k: int, stop: int) -> bool:
    """A document signed named at `k`, perhaps after `على` (`على اتفاق`, `مذكرة تفاهم`)."""
    k += k + 1 < stop and doc.tokens[k].n == _ON
    if k >= stop or doc.inside[k] is not None or doc.tokens[k].kind != "w":
        return False
    return any(
        f in lx.SIGNED_DOCUMENTS or f.removeprefix("ال") in lx.SIGNED_DOCUMENTS
        for f in _forms(doc.tokens[k].n)
    )


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
            elif _venue_word(tok.n):
                venue = True
            elif not (venue or any(f in ADVERBIAL_WORDS for f in _forms(tok.n)) or anaphoric_noun(tok)):
                return None
            words += 1
        q += 1
    if q >= stop or q == k or words > 8:
        return None
    return q
