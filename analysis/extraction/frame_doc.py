"""The document as the engagement rules read it: sentences, tokens with the actor mention
over each, date and place mentions by position; the trigger and candidate records the
frames fill."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import ActorAnalysis, Mention, Token, _forms
from analysis.extraction.address_pronouns import address_mentions
from analysis.extraction.body_heads import met_through_head
from analysis.extraction.dual_parties import dual_parties
from analysis.extraction.non_parties import in_time_phrase, is_source, is_title_possessor
from analysis.extraction.own_country import own_country_mentions
from analysis.extraction.results import ActorKind, DateMention, EngagementType, Role
from analysis.extraction.wrapped_lines import soft_breaks

# a sentence ends at a stop before a space, the end, or an Arabic letter (`العراق.وأكد`: no space)
SENTENCE_END_RE = re.compile(r"[.!?؟]+[\"”»’')]*(?=\s|$|[\u0621-\u064A])|\n+")


def is_abbreviation(text: str, dot: int) -> bool:
    """A single letter before the dot (`أ.د.`, `د.`)."""
    if dot < 1 or not text[dot - 1].isalpha():
        return False
    return dot < 2 or text[dot - 2] in " \t\n.("


QUOTE_MARKS = set('"“”«»')


COMMAS = {"،", ",", "؛", ";"}


PAIRWISE = {EngagementType.MEETING, EngagementType.TALKS, EngagementType.CALL, EngagementType.AGREEMENT}


STATE_PARTIES = {
    EngagementType.ATTACK,
    EngagementType.ARMS_TRANSFER,
    EngagementType.TRAINING,
    EngagementType.AGREEMENT,
}


HEDGED_TYPES = {EngagementType.ARMS_TRANSFER, EngagementType.TRAINING, EngagementType.ATTACK}


LIGHT_VERBS = frozenset(
    normalize(prefix + w)
    for w in "كرر أجرى بدأ اختتم أنهى استهل يجري سيجري تجري ستجري يبدأ قام عقد أجرت بدأت بدأوا بدأا اختتمت استهلت قامت عقدت يقوم تقوم سيقوم ستقوم يعقد سيعقد تعقد تبدأ سيبدأ ستبدأ نفذ نفذت ينفذ تنفذ".split()
    for prefix in ("", "و", "ف")
)


AGENT_SKIP = frozenset(
    normalize(w)
    for w in (
        "التي الذي قام قامت يقوم تقوم بها به وفد وفدا من رفيع "
        "يجريها يجريه تجريها تجريه أجراها أجراه أجرتها أجرته رسمية"
    ).split()
)


POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما")


AUXILIARIES = frozenset(normalize(w) for w in "قد لقد كان وكان كانت وكانت".split())


BETWEEN = "بين"


WITH = "مع"


PLACE_PREPS = frozenset(normalize(w) for w in "في إلى الى لدى نحو قرب العاصمة".split())


_PLACE_LEADS = PLACE_PREPS | lx.QUARTERS


def place_before(doc: Doc, k: int) -> bool:
    """`في`, a quarter (`جنوب`: `data/places.json`) or a place's name (`كردستان`) at `k`: a state
    named right after it is where something happened (`في بغداد`, `جنوب لبنان`, `كردستان العراق`)."""
    m = doc.inside[k]
    return doc.tokens[k].n in _PLACE_LEADS or m is not None and m.kind == ActorKind.PLACE


CITY_WORDS = frozenset(normalize(w) for w in "العاصمة عاصمة مدينة المدينة محافظة إقليم اقليم".split())


DUAL_ENDINGS = ("يا", "ا")


POSSESSIVE_FORMS = frozenset(
    f
    for f in lx.TRIGGERS
    if f.endswith(("ته", "تها", "يه", "ئه", "ءه", "عه", "عها", "اته", "ها", "اله", "وله"))
    and not f.startswith("ال")
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, without surrounding whitespace."""
    spans = []
    start = 0
    soft = soft_breaks(text)
    for m in SENTENCE_END_RE.finditer(text):
        if m.group().startswith(".") and is_abbreviation(text, m.start()):
            continue  # `أ.د.`, `د.`: an abbreviation, not the end of a sentence
        if m.group() == "\n" and m.start() in soft:
            continue  # a hard-wrapped page's line break inside a sentence
        end = m.end() if not m.group().startswith("\n") else m.start()
        add_span(text, start, end, spans)
        start = m.end()
    add_span(text, start, len(text), spans)
    return spans


def add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass(slots=True)
class Trigger:
    index: int  # token index
    type: EngagementType
    verb: bool
    form: str  # the matched normalized form (clitic removed)
    active: bool = True  # False: a boundary only (anaphoric, negated, hedged)
    conj: bool = False  # written with a leading و / ف


@dataclass(slots=True)
class Candidate:
    type: EngagementType
    participants: list[tuple[Mention, Role]]
    sentence: int
    trigger: int
    date: DateMention | None = None
    location: str | None = None
    planned: bool = False
    subject: Mention | None = None
    inherited_from: Candidate | None = None
    same_as: Candidate | None = None  # an earlier report of this engagement in the document
    emit: bool = True  # False: kept only as the subject a later clause continues
    tour_stop: bool = False  # one place of a tour's list: dated by the tour, never merged
    claim_sentence: int | None = None  # the sentence where a group claims this attack
    ongoing: bool = False  # `المفاوضات الجارية`: under way, on no one day
    mutual: bool = False  # fighting between two sides: not the same report as one side's strike


def trigger_at(tok: Token) -> tuple[EngagementType, bool, str, bool] | None:
    if tok.kind != "w":
        return None
    for f in _forms(tok.n):
        hit = lx.TRIGGERS.get(f)
        if hit:
            conj = f != tok.n and tok.n[:1] in "وف"
            return hit[0], hit[1], f, conj
    return None


class Doc:
    def __init__(self, text: str, analysis: ActorAnalysis, dates: Sequence[DateMention]) -> None:
        self.text = text
        self.tokens = analysis.tokens
        self.mentions = analysis.mentions
        self.sentences = split_sentences(text)
        self.sent_of_token = self._token_sentences()
        # tokens that may open a tour (`جولة`) or a claim (`تبنّت`, `أعلنت`), by sentence
        self.tour_words: dict[int, list[int]] = {}
        self.claim_words: dict[int, list[int]] = {}
        for k, tok in enumerate(self.tokens):
            if "جول" in tok.n:
                self.tour_words.setdefault(self.sent_of_token[k], []).append(k)
            elif "تبن" in tok.n or "علن" in tok.n:
                self.claim_words.setdefault(self.sent_of_token[k], []).append(k)
        self.mention_at: dict[int, Mention] = {}
        self.inside: list[Mention | None] = [None] * len(self.tokens)
        for m in self.mentions:
            if m.embedded or self._in_unnamed_title(m) or is_source(self.tokens, m):
                continue
            if is_title_possessor(self.tokens, m) or in_time_phrase(self.tokens, m):
                continue
            if m.first not in self.mention_at or self.mention_at[m.first].kind != ActorKind.PERSON:
                self.mention_at[m.first] = m
            for k in range(m.first, m.last + 1):
                if self.inside[k] is None or m.kind == ActorKind.PERSON:
                    self.inside[k] = m
        self._add_address_mentions()
        self._add_own_country_mentions(analysis)
        # `بين الرئيسين`: one word, two persons (read where a trigger's objects are collected)
        self.pair_at = dual_parties(self.tokens, self.mentions, analysis.actors)
        self.dates = sorted(dates, key=lambda d: (d.start, d.end))
        self._date_starts = [d.start for d in self.dates]
        self.geo_at: dict[int, Mention] = {}
        for m in self.mentions:
            if m.kind in (ActorKind.STATE, ActorKind.PLACE) and not m.embedded:
                self.geo_at.setdefault(m.first, m)
        self.in_date = [False] * len(self.tokens)
        if self.dates:
            spans = sorted((d.start, d.end) for d in self.dates)
            j = 0
            for k, tok in enumerate(self.tokens):
                while j < len(spans) and spans[j][1] <= tok.start:
                    j += 1
                if j < len(spans) and spans[j][0] <= tok.start and tok.end <= spans[j][1]:
                    self.in_date[k] = True

    def _add_address_mentions(self) -> None:
        """`لمعاليه`, `سموه`: a form of address with a pronoun is a mention of the person it
        stands for (`address_pronouns`), where no longer mention covers the word."""
        persons = sorted(
            {id(m): m for m in self.mention_at.values() if m.kind == ActorKind.PERSON}.values(),
            key=lambda m: m.first,
        )
        clause_words = [trigger_at(tok) is not None for tok in self.tokens]
        found = address_mentions(self.tokens, persons, self.sent_of_token, clause_words)
        for m in found:
            held = self.inside[m.first]
            if held is not None and held.first != held.last:
                continue
            self.mention_at[m.first] = m
            self.inside[m.first] = m
        if found:
            self.mentions = sorted([*self.mentions, *found], key=lambda m: (m.first, m.last))

    def _add_own_country_mentions(self, analysis: ActorAnalysis) -> None:
        """`بلاده`: the state of the one named before it (`own_country`), where no mention covers it."""
        persons = [m for m in self.mentions if m.kind == ActorKind.PERSON]
        found = [
            m
            for m in own_country_mentions(self.tokens, persons, self.sent_of_token, analysis.actors)
            if self.inside[m.first] is None
        ]
        for m in found:
            self.mention_at[m.first] = m
            self.inside[m.first] = m
        if found:
            self.mentions = sorted([*self.mentions, *found], key=lambda m: (m.first, m.last))

    def _in_unnamed_title(self, m: Mention) -> bool:
        """`رئيس هيئة الأركان الإيراني يلتقي ...`, `مقتل قائد فيلق القدس`: the body is part of an
        unnamed person's title, not a party (CONVENTIONS: a title alone adds no organisation)."""
        if m.kind != ActorKind.ORGANIZATION or m.first == 0:
            return False
        if met_through_head(self.tokens, m):
            return False
        return any(f in lx.PERSON_TITLE_HEADS for f in _forms(self.tokens[m.first - 1].n))

    def _token_sentences(self) -> list[int]:
        out = []
        s = 0
        for tok in self.tokens:
            while s < len(self.sentences) - 1 and tok.start >= self.sentences[s][1]:
                s += 1
            out.append(s)
        return out

    def sentence_tokens(self, s: int) -> range:
        if not hasattr(self, "_ranges"):
            ranges: dict[int, list[int]] = {}
            for i, v in enumerate(self.sent_of_token):
                ranges.setdefault(v, [i, i])[1] = i
            self._ranges = ranges
        found = self._ranges.get(s)
        return range(found[0], found[1] + 1) if found else range(0)

    def dates_between(self, a: int, b: int) -> list[DateMention]:
        lo = bisect_left(self._date_starts, a)
        hi = bisect_right(self._date_starts, b)
        return [d for d in self.dates[lo:hi] if d.end <= b]

    def geo_between(self, a: int, b: int) -> list[Mention]:
        """Place and state mentions starting at token indexes `a <= i < b`."""
        return [self.geo_at[k] for k in range(a, b) if k in self.geo_at]


def is_arg(m: Mention, etype: EngagementType) -> bool:
    if m.embedded:
        return False
    if m.kind in (ActorKind.PERSON, ActorKind.ORGANIZATION):
        return True
    return m.kind == ActorKind.STATE and etype in STATE_PARTIES


def sentence_words(doc: Doc, rng: range) -> set[str]:
    words = set()
    for k in rng:
        if doc.tokens[k].kind == "w":
            words.update(_forms(doc.tokens[k].n))
    return words


def next_words(doc: Doc, i: int, count: int, rng: range) -> set[str]:
    words = set()
    k = i + 1
    while k < rng.stop and len(words) < count:
        m = doc.inside[k]
        if m is not None:
            k = m.last + 1
            words.add("<actor>")
            continue
        if doc.tokens[k].kind == "w":
            words.add(doc.tokens[k].n)
        k += 1
    return words


MULTILATERAL = {EngagementType.MEETING, EngagementType.TALKS}
# a state after one is the other side of a transfer or a deal (`سلمت إلى سورية`, `من روسيا`)
PARTY_PREPOSITIONS = frozenset(normalize(w) for w in "إلى الى من مع".split())
# `وفد برئاسة X`: X leads the delegation, X is no object of `ب`
LEADING_WORDS = frozenset(normalize(w) for w in "رئاسة قيادة".split())
# a trigger noun after one names what someone came or gathered for (`بهدف لقاء X`, `لغرض التدريب`)
PURPOSE_WORDS = frozenset(normalize(w) for w in "بهدف لهدف بغرض لغرض بغية لأجل".split())
ATTENDANCE = frozenset(normalize(w) for w in "بمشاركة وبمشاركة بحضور وبحضور".split())


def pseudo_mention(actor: str, i: int) -> Mention:
    return Mention(actor, ActorKind.STATE, i, i, 0, 0, embedded=False)


def unique_mentions(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


def unique_parts(parts: list[tuple[Mention, Role]]) -> list[tuple[Mention, Role]]:
    seen: set[str] = set()
    out = []
    for m, role in parts:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append((m, role))
    return out


TALK_TYPES = {EngagementType.MEETING, EngagementType.TALKS}
