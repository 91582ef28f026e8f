"""Engagements: who met, visited, called or attacked whom, when and where, and the sentence
that says so.

A trigger word (`التقى`, `استقبل`, `زيارة`, `مباحثات`, `هجوم` ...) opens a candidate; its
parties are the actor mentions around it (subject before or right after a verb, objects after
it, `مع`, `بين`), with pro-drop subjects taken from the engagement before. Dates come from
the date mentions in the trigger's stretch of the sentence, locations from `في`/`إلى` + a place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.arabic import DateValue, normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import ActorAnalysis, Mention, Token, _forms
from analysis.extraction.results import (
    UNKNOWN_DATE,
    ActorKind,
    DateMention,
    EngagementType,
    ExtractedEngagement,
    Participant,
    Role,
    Span,
    Status,
)

__all__ = ["find_engagements", "split_sentences"]

_SENTENCE_END_RE = re.compile(r"[.!?؟]+[\"”»’')]*(?=\s|$)|\n+")


def _is_abbreviation(text: str, dot: int) -> bool:
    """A single letter before the dot (`أ.د.`, `د.`)."""
    if dot < 1 or not text[dot - 1].isalpha():
        return False
    return dot < 2 or text[dot - 2] in " \t\n.("


_QUOTE_MARKS = set('"“”«»')
_COMMAS = {"،", ",", "؛", ";"}
_PAIRWISE = {EngagementType.MEETING, EngagementType.TALKS, EngagementType.CALL, EngagementType.AGREEMENT}
_STATE_PARTIES = {
    EngagementType.ATTACK,
    EngagementType.ARMS_TRANSFER,
    EngagementType.TRAINING,
    EngagementType.AGREEMENT,
}
_HEDGED = {EngagementType.ARMS_TRANSFER, EngagementType.TRAINING, EngagementType.ATTACK}
_LIGHT_VERBS = frozenset(
    normalize(prefix + w)
    for w in "كرر أجرى بدأ اختتم أنهى استهل يجري يبدأ قام عقد".split()
    for prefix in ("", "و", "ف")
)
_AGENT_SKIP = frozenset(normalize(w) for w in "التي الذي قام قامت بها به وفد وفدا من رفيع".split())
_POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما")
_AUXILIARIES = frozenset(normalize(w) for w in "قد لقد كان وكان كانت وكانت".split())
_BETWEEN = "بين"
_WITH = "مع"
_PLACE_PREPS = frozenset(normalize(w) for w in "في إلى الى لدى نحو قرب العاصمة".split())
_CITY_WORDS = frozenset(normalize(w) for w in "العاصمة عاصمة مدينة المدينة محافظة إقليم اقليم".split())
_DUAL_ENDINGS = ("يا", "ا")
_POSSESSIVE_FORMS = frozenset(
    f
    for f in lx.TRIGGERS
    if f.endswith(("ته", "تها", "يه", "ئه", "ءه", "عه", "عها", "اته", "ها", "اله")) and not f.startswith("ال")
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, without surrounding whitespace."""
    spans = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue  # `أ.د.`, `د.`: an abbreviation, not the end of a sentence
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass(slots=True)
class _Trigger:
    index: int  # token index
    type: EngagementType
    verb: bool
    form: str  # the matched normalized form (clitic removed)
    active: bool = True  # False: a boundary only (anaphoric, negated, hedged)
    conj: bool = False  # written with a leading و / ف


@dataclass(slots=True)
class _Candidate:
    type: EngagementType
    participants: list[tuple[Mention, Role]]
    sentence: int
    trigger: int
    date: DateMention | None = None
    location: str | None = None
    planned: bool = False
    subject: Mention | None = None
    inherited_from: _Candidate | None = None
    same_as: _Candidate | None = None  # an earlier report of this engagement in the document
    emit: bool = True  # False: kept only as the subject a later clause continues
    tour_stop: bool = False  # one place of a tour's list: dated by the tour, never merged
    claim_sentence: int | None = None  # the sentence where a group claims this attack


def _trigger_at(tok: Token) -> tuple[EngagementType, bool, str, bool] | None:
    if tok.kind != "w":
        return None
    for f in _forms(tok.n):
        hit = lx.TRIGGERS.get(f)
        if hit:
            conj = f != tok.n and tok.n[:1] in "وف"
            return hit[0], hit[1], f, conj
    return None


class _Doc:
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
            if m.embedded:
                continue
            if m.first not in self.mention_at or self.mention_at[m.first].kind != ActorKind.PERSON:
                self.mention_at[m.first] = m
            for k in range(m.first, m.last + 1):
                if self.inside[k] is None or m.kind == ActorKind.PERSON:
                    self.inside[k] = m
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


def _is_arg(m: Mention, etype: EngagementType) -> bool:
    if m.embedded:
        return False
    if m.kind in (ActorKind.PERSON, ActorKind.ORGANIZATION):
        return True
    return m.kind == ActorKind.STATE and etype in _STATE_PARTIES


def find_engagements(
    text: str, analysis: ActorAnalysis, dates: Sequence[DateMention], *, headline: str | None = None
) -> list[ExtractedEngagement]:
    """Every engagement the rules find in `text`, each with its evidence sentence.

    `headline`: the page title when `text` starts with it. A headline's engagement is kept
    only as more evidence for the same engagement in the body: headlines compress and mislead."""
    doc = _Doc(text, analysis, dates)
    candidates: list[_Candidate] = []
    sentence_used_dates: dict[int, bool] = {}
    for s in range(len(doc.sentences)):
        found = _sentence_candidates(doc, s, candidates)
        found.extend(_tour_stops(doc, s, found))
        found.extend(_claimed_attacks(doc, s, candidates))
        sentence_used_dates[s] = bool(found)
        candidates.extend(found)
    _resolve_dates(doc, candidates, sentence_used_dates)
    title_end = len(headline.rstrip()) if headline and text.startswith(headline.rstrip()) else 0
    candidates = [
        c
        for c in candidates
        if c.emit and (c.same_as is not None or doc.sentences[c.sentence][0] >= title_end)
    ]
    return _to_engagements(doc, candidates)


def _sentence_candidates(doc: _Doc, s: int, previous: list[_Candidate]) -> list[_Candidate]:
    rng = doc.sentence_tokens(s)
    if not rng:
        return []
    tokens = doc.tokens
    triggers: list[_Trigger] = []
    visit_seen = False
    for i in rng:
        if doc.inside[i] is not None:
            continue
        hit = _trigger_at(tokens[i])
        if hit is None:
            continue
        etype, verb, form, conj = hit
        trig = _Trigger(i, etype, verb, form, conj=conj)
        prev_words = [tokens[k].n for k in range(max(rng.start, i - 2), i) if tokens[k].kind == "w"]
        if any(w in lx.NEGATIONS for w in prev_words):
            trig.active = False
        elif not verb and form.startswith("ال"):
            trig.active = _definite_trigger_is_new(doc, i, rng, visit_seen and conj)
        if not verb and _next_words(doc, i, 3, rng) & lx.DEMONSTRATIVES:
            trig.active = False
        if etype == EngagementType.STATEMENT and not verb:
            trig.active = False
        if etype in _HEDGED and _hedged(doc, rng):
            trig.active = False
        if etype == EngagementType.VISIT:
            visit_seen = True
        triggers.append(trig)

    triggers = [t for t in triggers if t.verb or not _inside_adverbial(doc, t.index, rng)]
    out: list[_Candidate] = []
    for t_idx, trig in enumerate(triggers):
        if not trig.active:
            continue
        next_boundary = triggers[t_idx + 1].index if t_idx + 1 < len(triggers) else rng.stop
        if trig.type == EngagementType.ATTACK:
            # a second attack word in the same stretch (`هجوم ... بمقتل`) belongs to the first
            j = t_idx + 1
            while j < len(triggers) and triggers[j].type == EngagementType.ATTACK and not triggers[j].verb:
                j += 1
            next_boundary = triggers[j].index if j < len(triggers) else rng.stop
        prev_boundary = triggers[t_idx - 1].index if t_idx > 0 else rng.start - 1
        cand = _build(doc, s, rng, trig, prev_boundary, next_boundary, out, previous)
        out.extend(cand)
    return out


def _tour_stops(doc: _Doc, s: int, found: list[_Candidate]) -> list[_Candidate]:
    """`اختتم X جولة أوروبية شملت بروكسل وباريس ولندن`: one visit by X to each listed place,
    dated to the month of the sentence's date (the stops' own days are not given)."""
    if s not in doc.tour_words:
        return []
    rng = doc.sentence_tokens(s)
    tokens = doc.tokens
    out: list[_Candidate] = []
    for k in doc.tour_words[s]:
        if tokens[k].kind != "w" or doc.inside[k] is not None:
            continue
        if not any(f in lx.TOUR_NOUNS for f in _forms(tokens[k].n)):
            continue
        verb = next(
            (
                j
                for j in range(k + 1, min(k + 18, rng.stop))
                if doc.inside[j] is None and any(f in lx.TOUR_INCLUDES for f in _forms(tokens[j].n))
            ),
            None,
        )
        if verb is None:
            continue
        # `بجولة الرئيس التركي X الخليجية ... التي شملت`: the tour's owner in the genitive, or
        # `اختتم X جولة ... شملت`: the subject before it
        visitor = next(
            (
                doc.mention_at[j]
                for j in [*range(k + 1, min(k + 3, verb)), *range(k - 1, rng.start - 1, -1)]
                if j in doc.mention_at
                and doc.mention_at[j].kind == ActorKind.PERSON
                and not doc.mention_at[j].embedded
            ),
            None,
        )
        if visitor is None:
            continue
        stops: list[Mention] = []
        p = verb + 1
        while p < rng.stop:
            geo = doc.geo_at.get(p)
            if geo is not None:
                stops.append(geo)
                p = geo.last + 1
            elif (
                tokens[p].kind != "w"
                or tokens[p].n in ("و", "،", ",")
                or any(f in lx.TOUR_LIST_FILLERS for f in _forms(tokens[p].n))
            ):
                p += 1
            else:
                break
        if not stops:
            continue
        date = _date_for(doc, k, rng, rng.start - 1, rng.stop) or next(
            (c.date for c in found if c.date is not None and c.date.value.year is not None), None
        )
        if date is not None and date.value.month is not None:
            date = DateMention(
                date.text, date.start, date.end, DateValue(date.value.year, date.value.month), date.source
            )
        # `جولة تشمل أيضاً الدوحة`: the present tense lists stops still to come
        planned = _planned(doc, k, rng, rng.start - 1) or tokens[verb].n.lstrip("و").startswith(
            ("تشمل", "تضم")
        )
        for stop in stops:
            out.append(
                _Candidate(
                    type=EngagementType.VISIT,
                    participants=[(visitor, Role.VISITOR)],
                    sentence=s,
                    trigger=k,
                    date=date,
                    location=doc.text[stop.start : stop.end],
                    planned=planned,
                    subject=visitor,
                    tour_stop=True,
                )
            )
    return out


def _claimed_attacks(doc: _Doc, s: int, known: list[_Candidate]) -> list[_Candidate]:
    """`تعرّضت قاعدة تضم قوات أمريكية لهجوم ... . وتبنّت X الهجوم`: X is the attacker of the
    attack told just before (or named in the claim, `أعلنت X مسؤوليتها عن استهداف ...`)."""
    if s not in doc.claim_words:
        return []
    rng = doc.sentence_tokens(s)
    tokens = doc.tokens
    for v in doc.claim_words[s]:
        n = tokens[v].n
        if tokens[v].kind != "w" or doc.inside[v] is not None:
            continue
        if not any(f in lx.CLAIM_VERBS for f in _forms(n)):
            continue
        claimant = next(
            (
                doc.mention_at[k]
                for k in range(v + 1, min(v + 4, rng.stop))
                if k in doc.mention_at
                and doc.mention_at[k].kind in (ActorKind.ORGANIZATION, ActorKind.PERSON)
                and not doc.mention_at[k].embedded
            ),
            None,
        )
        if claimant is None:
            continue
        after = [
            k for k in range(claimant.last + 1, min(claimant.last + 14, rng.stop)) if tokens[k].kind == "w"
        ]
        words = [tokens[k].n for k in after]
        claims_responsibility = any(w in lx.CLAIM_RESPONSIBILITY for w in words)
        is_adoption = not tokens[v].n.lstrip("وف").startswith(("اعلن", "أعلن"))
        act = next((k for k in after if any(f in lx.CLAIMED_ACTS for f in _forms(tokens[k].n))), None)
        first_word = next((k for k in after if not doc.in_date[k]), None)
        announces_act = act is not None and act == first_word  # `أعلنت X، عصر اليوم، استهداف قاعدة`
        if not (is_adoption or claims_responsibility or announces_act):
            continue
        anaphor = next((k for k in after if tokens[k].n.lstrip("و") in lx.CLAIMED_ANAPHORS), None)
        if act is not None and (anaphor is None or act < anaphor):
            where, trig = rng, act  # the claim names the act and its target
        elif anaphor is not None and s > 0:
            where = doc.sentence_tokens(s - 1)
            earlier = [c for c in known if c.sentence == s - 1 and c.type == EngagementType.ATTACK]
            if earlier:
                target = earlier[-1]
                if all(m.actor != claimant.actor for m, _ in target.participants):
                    target.participants.insert(0, (claimant, Role.INITIATOR))
                    target.claim_sentence = s
                return []
            trig = next(
                (k for k in where if (hit := _trigger_at(tokens[k])) and hit[0] == EngagementType.ATTACK),
                None,
            )
            if trig is None:
                continue
        else:
            continue
        victim = _nearest_demonym(doc, trig, where)
        if victim is None and where is not rng and anaphor is not None:
            victim = _nearest_demonym(doc, anaphor, range(anaphor, rng.stop))  # `الهجوم على القوات الأمريكية`
        if victim is None or victim == claimant.actor:
            continue
        sentence = doc.sent_of_token[trig]
        return [
            _Candidate(
                type=EngagementType.ATTACK,
                participants=[(claimant, Role.INITIATOR), (_pseudo_mention(victim, trig), Role.PARTICIPANT)],
                sentence=sentence,
                trigger=trig,
                date=_date_for(doc, trig, where, where.start - 1, where.stop),
                location=_location(doc, trig, where, where.start - 1, where.stop, EngagementType.ATTACK),
                claim_sentence=s if sentence != s else None,
            )
        ]
    return []


def _nearest_demonym(doc: _Doc, i: int, rng: range) -> str | None:
    """The state whose nationality adjective stands nearest the attack word (`قوات أمريكية`)."""
    found = [
        (abs(k - i), state)
        for k in rng
        if doc.inside[k] is None and (state := lx.DEMONYM_FORMS.get(doc.tokens[k].n))
    ]
    return min(found)[1] if found else None


def _hedged(doc: _Doc, rng: range) -> bool:
    """A hedge word in the sentence (`قد يكون`, `ربما`); `وكان X قد شنّ` is a pluperfect, not one."""
    hedges = _sentence_words(doc, rng) & lx.HEDGES
    if hedges != {"قد"}:
        return bool(hedges)
    words = [doc.tokens[k].n for k in rng]
    return not any(w in _AUXILIARIES for w in words[: words.index("قد")])


def _attack_light_verb(doc: _Doc, attacker: Mention, i: int, rng: range) -> bool:
    """An attack light verb just before the attacker or between it and the attack noun."""
    lo = max(rng.start, attacker.first - 2)
    return any(
        doc.inside[k] is None and doc.tokens[k].n.lstrip("وف") in lx.ATTACK_LIGHT_VERBS
        for k in [*range(lo, attacker.first), *range(attacker.last + 1, i)]
    )


def _inside_adverbial(doc: _Doc, i: int, rng: range) -> bool:
    """The token sits in a comma-bounded time or place phrase (`، في اليوم الأول من زيارته،`)."""
    k = i - 1
    while k >= max(rng.start, i - 8):
        if doc.tokens[k].text in _COMMAS:
            end = _adverbial_end(doc, k + 1, rng.stop)
            return end is not None and end > i
        k -= 1
    return False


def _sentence_words(doc: _Doc, rng: range) -> set[str]:
    words = set()
    for k in rng:
        if doc.tokens[k].kind == "w":
            words.update(_forms(doc.tokens[k].n))
    return words


def _next_words(doc: _Doc, i: int, count: int, rng: range) -> set[str]:
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


def _definite_trigger_is_new(doc: _Doc, i: int, rng: range, after_visit: bool) -> bool:
    """A definite trigger noun usually refers back (`اللقاء`, `الزيارة`); it opens a new
    engagement after a light verb (`كرر الزيارة`), before `التي قام بها`, or as
    `والاجتماع مع` after a visit in the same sentence."""
    tokens = doc.tokens
    if after_visit:
        return True
    if i - 1 >= rng.start and tokens[i - 1].n in _LIGHT_VERBS:
        return True
    nxt = [tokens[k].n for k in range(i + 1, min(i + 3, rng.stop))]
    return len(nxt) >= 2 and nxt[0] in ("التي", "الذي") and nxt[1].startswith(("قام", "اجر", "جر"))


def _collect_after(
    doc: _Doc, start: int, stop: int, etype: EngagementType
) -> list[tuple[Mention, int, int, str]]:
    """Argument mentions from `start`, each with its segment (token range) and the marker
    before it (`مع`, `ب`, `بين` or ``). Stops at a quotation, a negation or a new clause."""
    tokens = doc.tokens
    found: list[tuple[Mention, int, int, str]] = []
    seg_start = start
    marker = ""
    k = start
    while k < stop:
        m = doc.inside[k]
        if m is not None and m.first == k:
            if _is_arg(m, etype):
                mk = marker
                first_tok = tokens[m.first].n
                if (
                    not mk
                    and first_tok[:1] == "ب"
                    and m.kind == ActorKind.PERSON
                    and len(first_tok) > 3
                    and ("ب" + first_tok[1:] == first_tok and first_tok[1:] in _forms(first_tok))
                    and m.title_first is not None
                ):
                    mk = "ب"
                found.append((m, seg_start, stop, mk))
            k = m.last + 1
            continue
        tok = tokens[k]
        if tok.kind == "p":
            if tok.text in _QUOTE_MARKS:
                break
            if tok.text in _COMMAS:
                nxt = k + 1
                q = _adverbial_end(doc, nxt, stop)
                if q is not None:
                    k = q  # `، في طهران أمس (الأحد)،`: a time or place between verb and object
                    continue
                if nxt < stop and tokens[nxt].n in (_WITH, _BETWEEN):
                    k = nxt  # `، مع السفير ...`: the object after an adverbial
                    continue
                seg_words = 0
                q = nxt
                while q < stop and tokens[q].text not in _COMMAS:
                    if doc.inside[q] is not None and doc.inside[q].first == q:
                        break
                    if tokens[q].kind == "w" and not doc.in_date[q]:
                        seg_words += 1
                    q += 1
                if nxt < stop and doc.inside[nxt] is not None:
                    if found:
                        found[-1] = (found[-1][0], found[-1][1], k, found[-1][3])
                    seg_start = nxt
                    k = nxt
                    continue
                if seg_words <= 1 and q < stop and tokens[q].text in _COMMAS:
                    k = q
                    continue
                if etype == EngagementType.ATTACK and any(
                    (hit := _trigger_at(tokens[x])) is not None and hit[0] == EngagementType.ATTACK
                    for x in range(nxt, q)
                ):
                    k = nxt  # `، ما أسفر عن مقتل ...`: the victims of the same attack
                    continue
                break
            k += 1
            continue
        if tok.kind == "w":
            if tok.n in lx.NEGATIONS or (tok.n[:1] == "و" and tok.n[1:] in lx.NEGATIONS):
                break
            if tok.n in (_WITH, _BETWEEN) or tok.n in ("ب",):
                marker = tok.n
            elif _trigger_at(tok) and _trigger_at(tok)[1] and k != start:
                break
        k += 1
    if found:
        last = found[-1]
        found[-1] = (last[0], last[1], min(last[2], stop), last[3])
    return found


_ADVERBIAL_WORDS = frozenset(
    normalize(w)
    for w in (
        "في ب من الى إلى يوم مساء صباح ليلة فجر ظهر اليوم أمس امس حاليا حالياً العاصمة مدينة "
        "على هامش خلال أثناء اثناء الأول الثاني الثالث الأخير الاخير"
    ).split()
)
_VENUE_WORDS = frozenset(normalize(w) for w in "مقر قصر مكتب مبنى".split())


def _anaphoric_noun(tok: Token) -> bool:
    """`الزيارة`, `زيارته`: a trigger noun that refers back to an engagement already told."""
    hit = _trigger_at(tok)
    return hit is not None and not hit[1] and (hit[2].startswith("ال") or hit[2] in _POSSESSIVE_FORMS)


def _adverbial_end(doc: _Doc, k: int, stop: int) -> int | None:
    """The closing comma of a comma-bounded segment from `k` that holds only dates, places and
    their prepositions (`في طهران أمس (الأحد)`, `اليوم الثلاثاء`), or a title in apposition to
    the name before it (`، رئيس أركان الجيش،`); None for any other segment."""
    tokens = doc.tokens
    q = k
    words = 0
    title = k < stop and doc.inside[k] is None and _is_title_head(tokens[k])
    venue = False  # after `بمقر`, `في قصر`: the rest names the venue
    while q < stop and tokens[q].text not in _COMMAS:
        tok = tokens[q]
        m = doc.inside[q]
        if m is not None and not title:
            if m.kind not in (ActorKind.STATE, ActorKind.PLACE) and not (
                m.kind == ActorKind.ORGANIZATION and (venue or q > k and tokens[q - 1].n in _ADVERBIAL_WORDS)
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
                if _trigger_at(tok) or tok.n in lx.STOPWORDS and tok.n not in ("في", "لدي"):
                    return None
            elif any(f in _VENUE_WORDS for f in _forms(tok.n)):
                venue = True
            elif not (venue or any(f in _ADVERBIAL_WORDS for f in _forms(tok.n)) or _anaphoric_noun(tok)):
                return None
            words += 1
        q += 1
    if q >= stop or q == k or words > 8:
        return None
    return q


_CARRY_WORDS = frozenset(normalize(w) for w in "حيث ثم وثم كما".split())


def _coordinated(doc: _Doc, m: Mention) -> bool:
    """The mention is joined to the one before it by `و` (`ورئيس ...`, `و محمد`)."""
    tok = doc.tokens[m.first]
    if tok.n[:1] == "و" and len(tok.n) > 3 and any(f != tok.n for f in _forms(tok.n)):
        return True
    return m.first > 0 and doc.tokens[m.first - 1].n == "و"


def _is_title_head(tok: Token) -> bool:
    return tok.kind == "w" and any(f in lx.PERSON_TITLE_HEADS for f in _forms(tok.n))


def _subject_before(doc: _Doc, trig_index: int, rng: range, etype: EngagementType) -> list[Mention]:
    """Mentions ending right before a verb (SVO): `... فالح الفياض التقى`, `كوتراشيف والخزعلي ناقشا`."""
    tokens = doc.tokens
    k = trig_index - 1
    while k >= rng.start and (
        (tokens[k].kind == "p" and tokens[k].text in "()")
        or (tokens[k].kind == "w" and tokens[k].n in _AUXILIARIES)
    ):
        k -= 1  # `وكان فلان قد التقى`
    if k < rng.start or doc.inside[k] is None:
        return []
    m = doc.inside[k]
    if not _is_arg(m, etype):
        return []
    out = [m]
    while m.first - 1 >= rng.start and doc.inside[m.first - 1] is not None:
        prev = doc.inside[m.first - 1]
        if prev is m or not _is_arg(prev, etype) or not tokens[m.first].n.startswith("و"):
            break
        out.insert(0, prev)
        m = prev
    return out


def _previous_arg(doc: _Doc, before: int, rng: range, etype: EngagementType) -> Mention | None:
    k = before - 1
    while k >= rng.start:
        m = doc.inside[k]
        if (
            m is not None
            and _is_arg(m, etype)
            and m.kind == ActorKind.PERSON
            or (m is not None and m.kind == ActorKind.ORGANIZATION and _is_arg(m, etype))
        ):
            return m
        k -= 1
    return None


def _antecedent(
    doc: _Doc, s: int, in_sentence: list[_Candidate], previous: list[_Candidate]
) -> _Candidate | None:
    for cand in reversed(in_sentence):
        if cand.subject is not None:
            return cand
    for cand in reversed(previous):
        if cand.sentence < s - 3:
            break
        if cand.subject is not None and cand.subject.kind == ActorKind.PERSON:
            return cand
    return None


def _build(
    doc: _Doc,
    s: int,
    rng: range,
    trig: _Trigger,
    prev_boundary: int,
    next_boundary: int,
    in_sentence: list[_Candidate],
    previous: list[_Candidate],
) -> list[_Candidate]:
    tokens = doc.tokens
    etype = trig.type
    i = trig.index
    after = _collect_after(doc, i + 1, next_boundary, etype)
    subjects: list[Mention] = []
    objects: list[tuple[Mention, int, int, str]] = []
    antecedent: _Candidate | None = None
    invited_planned = False
    relative = i - 1 >= rng.start and tokens[i - 1].n in lx.RELATIVES
    possessive = not trig.verb and trig.form in _POSSESSIVE_FORMS

    if trig.verb:
        before = [] if relative else _subject_before(doc, i, rng, etype)
        if not before and not relative and tokens[i].n[:1] == "ف" and trig.conj:
            # `وواصل X جولته، فزار A`: the ف-clause keeps the sentence's subject
            lead = next(
                (
                    doc.mention_at[k]
                    for k in range(rng.start, i)
                    if k in doc.mention_at
                    and doc.mention_at[k].kind == ActorKind.PERSON
                    and not doc.mention_at[k].embedded
                ),
                None,
            )
            before = [lead] if lead is not None else []
        if before:
            subjects = before
            objects = after
        elif relative:
            objects = after
            antecedent_arg = _relative_antecedent(doc, i - 1, rng)
            if antecedent_arg is not None:
                subjects = [antecedent_arg]  # `... لانغلي، الذي يقوم بزيارة`: the relative's antecedent
        elif not after:
            if trig.form.endswith(_DUAL_ENDINGS) and etype in _PAIRWISE:
                pair = _last_two_persons(doc, i, rng)
                if pair:
                    subjects = pair
            if not subjects:
                antecedent = _antecedent(doc, s, in_sentence, previous)
                if antecedent is not None:
                    subjects = [antecedent.subject]
        else:
            marked = after[0][3] in (_WITH, "ب") or _has_b_clitic(tokens, after[0][0])
            same_sentence_ante = next((c for c in reversed(in_sentence) if c.subject is not None), None)
            carried = (
                same_sentence_ante is not None
                and same_sentence_ante.subject.kind == ActorKind.PERSON
                and (trig.conj or i - 1 >= rng.start and tokens[i - 1].n in _CARRY_WORDS)
                and (len(after) == 1 or _coordinated(doc, after[1][0]))
            )
            if carried:
                # `وصل X ...، حيث التقى A وB`: X met A and X met B
                antecedent = same_sentence_ante
                subjects = [antecedent.subject]
                objects = after
            elif marked or (
                len(after) == 1
                and same_sentence_ante is not None
                and etype in _PAIRWISE | {EngagementType.MEETING}
            ):
                antecedent = same_sentence_ante or _antecedent(doc, s, in_sentence, previous)
                subjects = [antecedent.subject] if antecedent is not None else []
                objects = after
            else:
                subjects = [after[0][0]]
                objects = after[1:]
    else:
        if etype in _PAIRWISE and any(
            tokens[k].n == _BETWEEN for k in range(i + 1, min(i + 5, next_boundary))
        ):
            objects = [a for a in after]
        elif possessive:
            ante = _previous_arg(doc, i, rng, etype)
            same = next((c for c in reversed(in_sentence) if c.subject is not None), None)
            if same is not None:
                subjects = [same.subject]
                antecedent = same
            elif ante is not None:
                subjects = [ante]
            elif (late := _fronted_subject(doc, i, rng)) is not None:
                subjects = [late]  # `وخلال لقائه مع X، أكد Y ...`: Y met X
            else:
                antecedent = _antecedent(doc, s, in_sentence, previous)
                subjects = [antecedent.subject] if antecedent is not None else []
            objects = after
        elif etype in _PAIRWISE and _b_clitic_noun(tokens[i]) and (ante := _previous_arg(doc, i, rng, etype)):
            subjects = [ante]  # `استهل X زيارته بلقاء Y`: X met Y
            objects = [a for a in after if a[0] is not ante]
        else:
            agent = _agent_after(
                doc, i, next_boundary, etype, light=i - 1 >= rng.start and tokens[i - 1].n in _LIGHT_VERBS
            )
            if agent is not None:
                subjects = [agent]
                objects = [a for a in after if a[0] is not agent]
            elif trig.conj and etype in _PAIRWISE:
                same = next((c for c in reversed(in_sentence) if c.subject is not None), None)
                if same is not None:
                    subjects = [same.subject]
                    antecedent = same
                objects = after
            elif etype in _PAIRWISE:
                prev = _previous_arg(doc, i, rng, etype)
                pair = _last_two_persons(doc, i, rng) if not after else None
                if pair and _coordinated(doc, pair[1]):
                    subjects = pair  # `عقد X ونظيره Y جلسة مباحثات`
                elif prev is not None:
                    subjects = [prev]
                objects = after
            elif etype == EngagementType.VISIT:
                invited = _invited_visitor(doc, i, rng)
                if invited is not None:
                    subjects = [invited]
                    invited_planned = True
                elif _in_visit_phrase(doc, i, rng):
                    visitor = _previous_arg(doc, i, rng, etype)
                    if visitor is not None and visitor.kind == ActorKind.PERSON:
                        subjects = [visitor]  # `وصل X إلى بيروت في زيارة رسمية`
            elif etype == EngagementType.ATTACK:
                objects = after
                attacker = _previous_arg(doc, i, rng, etype)
                if attacker is not None and _attack_light_verb(doc, attacker, i, rng):
                    subjects = [attacker]  # `شنّ الحرس الثوري هجوماً`, `وكان X قد شنّ هجوماً`

    status_planned = invited_planned or _planned(doc, i, rng, prev_boundary)
    # where it happened is named near the trigger and its parties, not in the topic after them
    # (`بحثا الأوضاع في غزة`); a phone call has no venue
    reach = _skip_words(
        doc,
        max([i] + [m.last for m in subjects if m is not None] + [o[0].last for o in objects]),
        6 if etype == EngagementType.VISIT else 4,
    )
    location = (
        None
        if etype == EngagementType.CALL
        else _location(doc, i, rng, prev_boundary, min(next_boundary, reach), etype)
    )
    if location is None and antecedent is not None and antecedent.sentence == s and antecedent.location:
        location = antecedent.location
    if location is None:
        location = _dateline(doc, rng)

    results: list[_Candidate] = []
    subject = subjects[0] if subjects else None

    def make(parts: list[tuple[Mention, Role]], date: DateMention | None) -> _Candidate:
        return _Candidate(
            type=etype,
            participants=parts,
            sentence=s,
            trigger=i,
            date=date,
            location=location,
            planned=status_planned,
            subject=subject,
            inherited_from=antecedent,
        )

    trigger_date = _date_for(doc, i, rng, prev_boundary, next_boundary)
    if trigger_date is None and etype == EngagementType.ATTACK:
        # `قُتل X بغارة ... استهدفت سيارته في بغداد مساء الأربعاء`: one attack told in a chain
        trigger_date = _date_for(doc, i, rng, prev_boundary, rng.stop)
    if etype == EngagementType.AGREEMENT and (signatories := _signatories(doc, i, rng)):
        # `ووقّعه عن الجانب الإيراني A، وعن الجانب العراقي B`
        return [make([(m, Role.PARTICIPANT) for m in signatories], trigger_date)]
    attendees = _attendees(doc, i, rng) if not trig.verb and etype in _MULTILATERAL else None
    if attendees is not None and not subjects:
        # `احتضنت بغداد اجتماعاً ... بمشاركة A، وB، وC`: one meeting of everyone listed
        return [make([(m, Role.PARTICIPANT) for m in attendees], trigger_date)]
    if etype == EngagementType.VISIT:
        if subject is None:
            return []
        if location is None and i + 1 < rng.stop and tokens[i + 1].n in lx.HOST_COUNTRY_WORDS:
            # `يزور المملكة حالياً`: the dateline's place, or the host country as written
            location = _first_dateline(doc) or doc.text[tokens[i + 1].start : tokens[i + 1].end]
        visit = make([(subject, Role.VISITOR)], trigger_date)
        visit.emit = location is not None  # `زار X اليرزة`: no known place, but X goes on as subject
        host = next((o[0] for o in objects if o[0].kind == ActorKind.PERSON and o[0] is not subject), None)
        if trig.verb and host is not None and _right_after_subject(doc, i, host):
            # `فزار البطريرك الماروني X في بكركي`: visiting a person is meeting them
            call_on = make([(subject, Role.VISITOR), (host, Role.HOST)], trigger_date)
            call_on.type = EngagementType.MEETING
            return [visit, call_on]
        return [visit]
    if etype == EngagementType.STATEMENT:
        if subject is None or subject.kind != ActorKind.PERSON:
            return []
        statement = make([(subject, Role.INITIATOR)], trigger_date)
        statement.location = _dateline(doc, rng)  # a place inside what was said is not where
        return [statement]
    if etype in _PAIRWISE:
        subject_kind = subject.kind if subject is not None else None
        objs = [o for o in objects if o[0].kind != ActorKind.STATE or etype == EngagementType.AGREEMENT]
        if subject_kind == ActorKind.PERSON:
            objs = [o for o in objs if o[0].kind == ActorKind.PERSON]
        host = trig.form.startswith(("استقبل", "يستقبل", "سيستقبل", "استقبال"))
        if subject is not None and len(subjects) >= 2 and not objs:
            parts = [(m, Role.PARTICIPANT) for m in _unique(subjects)]
            if len(parts) >= 2:
                results.append(make(parts, trigger_date))
            return results
        if subject is None:
            if objs and objs[0][3] == _WITH:
                return results  # `اجتمع مع كل من A و B` with no one found to have met them
            if any(o[0].kind == ActorKind.PERSON for o in objs):
                objs = [o for o in objs if o[0].kind == ActorKind.PERSON]
            parts = [(o[0], Role.PARTICIPANT) for o in objs]
            parts = _unique_parts(parts)
            if len(parts) >= 2:
                results.append(make(parts, trigger_date))
            return results
        per_object_dates = [_segment_date(doc, o) for o in objs]
        use_segments = len(objs) > 1 and sum(d is not None for d in per_object_dates) >= 2
        for obj, seg_date in zip(objs, per_object_dates, strict=True):
            if obj[0].actor == subject.actor:
                continue
            roles = (Role.HOST, Role.GUEST) if host else (Role.PARTICIPANT, Role.PARTICIPANT)
            parts = [(subject, roles[0]), (obj[0], roles[1])]
            for extra_subject in subjects[1:]:
                parts.insert(1, (extra_subject, roles[0]))
            date = seg_date if use_segments and seg_date is not None else trigger_date
            results.append(make(_unique_parts(parts), date))
        return results
    # attacks, arms transfers, training: every party named in the stretch; a state only when
    # it stands as a party (`هاجمت إيران`), not as a place (`قرب مطار بغداد`)
    parties: list[Mention] = [m for m in subjects if not _as_place(doc, m)] + [
        o[0] for o in objects if o[0].kind != ActorKind.STATE or _stands_alone(doc, o[0], i)
    ]
    attacker = _demonym_state(doc, i, next_boundary) if etype == EngagementType.ATTACK else None
    parts = _unique_parts([(m, Role.PARTICIPANT) for m in parties])
    if attacker is not None and all(p[0].actor != attacker for p in parts):
        parts.insert(0, (_pseudo_mention(attacker, i), Role.INITIATOR))
    if len(parts) < 2:
        return []
    return [make(parts, trigger_date)]


def _skip_words(doc: _Doc, k: int, count: int) -> int:
    """The token index `count` words after `k`, not counting date expressions."""
    n = len(doc.tokens)
    while k < n - 1 and count > 0:
        k += 1
        if not doc.in_date[k]:
            count -= 1
    return k + 1


def _stands_alone(doc: _Doc, m: Mention, trigger: int) -> bool:
    prev = m.first - 1
    if prev <= trigger:
        return True
    tok = doc.tokens[prev]
    return tok.kind == "p" or doc.tokens[m.first].n[:1] == "و" and m.start > doc.tokens[m.first].start


def _has_b_clitic(tokens: Sequence[Token], m: Mention) -> bool:
    tok = tokens[m.first]
    return tok.n.startswith("ب") and m.start > tok.start


def _last_two_persons(doc: _Doc, i: int, rng: range) -> list[Mention] | None:
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


def _agent_after(doc: _Doc, i: int, stop: int, etype: EngagementType, *, light: bool) -> Mention | None:
    """The doer named right after a verbal noun: `زيارة رئيس ...`, `التي قام بها ...`, `وفد من ...`."""
    k = i + 1
    skipped = 0
    while k < stop and skipped <= 4:
        m = doc.inside[k]
        if m is not None and m.first == k:
            return m if _is_arg(m, etype) and m.kind != ActorKind.STATE else None
        tok = doc.tokens[k]
        if tok.kind == "w" and (tok.n in _AGENT_SKIP or light and skipped == 0 and tok.n not in lx.STOPWORDS):
            skipped += 1
            k += 1
            continue
        if tok.kind == "p" and tok.text in _COMMAS | set("()"):
            k += 1
            continue
        return None
    return None


_ESCORT_WORDS = frozenset(normalize(w) for w in "والوفد الوفد المرافق المرافقه له لها".split())


def _relative_antecedent(doc: _Doc, rel: int, rng: range) -> Mention | None:
    """The person a relative pronoun at `rel` refers to: the mention right before it, past a
    comma and `والوفد المرافق له`; None when another noun (`الملحق العسكري الذي`) is nearer."""
    k = rel - 1
    while k >= max(rng.start, rel - 8):
        m = doc.inside[k]
        if m is not None:
            return m if m.kind == ActorKind.PERSON else None
        tok = doc.tokens[k]
        if tok.kind == "w" and tok.n not in _ESCORT_WORDS:
            return None
        k -= 1
    return None


_MULTILATERAL = {EngagementType.MEETING, EngagementType.TALKS}
_ATTENDANCE = frozenset(normalize(w) for w in "بمشاركة وبمشاركة بحضور وبحضور".split())


def _attendees(doc: _Doc, i: int, rng: range) -> list[Mention] | None:
    """Persons listed after `بمشاركة`/`بحضور` following a meeting noun (at least two), or None."""
    k = i + 1
    while k < rng.stop and doc.tokens[k].n not in _ATTENDANCE:
        hit = _trigger_at(doc.tokens[k]) if doc.inside[k] is None else None
        if hit is not None and hit[1]:
            return None
        k += 1
    if k >= rng.stop:
        return None
    found: list[Mention] = []
    while k < rng.stop:
        m = doc.inside[k]
        if m is not None and m.first == k:
            if m.kind == ActorKind.PERSON and all(x.actor != m.actor for x in found):
                found.append(m)
            k = m.last + 1
            continue
        hit = _trigger_at(doc.tokens[k])
        if hit is not None and hit[1]:
            break
        k += 1
    return found if len(found) >= 2 else None


_SIDE_WORDS = frozenset(normalize(w) for w in "الجانب جانب الطرف طرف".split())


def _signatories(doc: _Doc, i: int, rng: range) -> list[Mention] | None:
    """Persons who sign `عن الجانب X` (for side X) after a signing word: two or more, or None."""
    found: list[Mention] = []
    side = False
    k = i + 1
    while k < rng.stop:
        m = doc.inside[k]
        if m is not None and m.first == k:
            if side and m.kind == ActorKind.PERSON and all(x.actor != m.actor for x in found):
                found.append(m)
            side = side and m.kind != ActorKind.PERSON  # `عن جانب دولة الإمارات X`: the side's name
            k = m.last + 1
            continue
        tok = doc.tokens[k]
        if tok.n in _SIDE_WORDS and k - 1 > i and doc.tokens[k - 1].n in ("عن", "وعن"):
            side = True
        k += 1
    return found if len(found) >= 2 else None


def _fronted_subject(doc: _Doc, i: int, rng: range) -> Mention | None:
    """For a sentence that opens with `خلال لقائه ...،`: the person named right after the
    comma and its verb (`، أكد رئيس الوزراء X`)."""
    if i - rng.start > 2:
        return None
    k = i + 1
    while k < rng.stop and doc.tokens[k].text not in _COMMAS:
        m = doc.inside[k]
        k = m.last + 1 if m is not None else k + 1
    for q in range(k + 1, min(k + 4, rng.stop)):
        m = doc.inside[q]
        if m is not None:
            return m if m.kind == ActorKind.PERSON else None
    return None


def _b_clitic_noun(tok: Token) -> bool:
    """`بلقاء`, `باجتماع`: a trigger noun governed by the preposition ب."""
    return tok.n[:1] == "ب" and tok.n[1:] in lx.TRIGGERS and not lx.TRIGGERS[tok.n[1:]][1]


def _in_visit_phrase(doc: _Doc, i: int, rng: range) -> bool:
    """`في زيارة`, `بزيارة` (after `يقوم/قام`): a visit noun that describes its sentence's subject."""
    tok = doc.tokens[i]
    if tok.n.startswith(("بزيار", "وبزيار")):
        return True
    return i - 1 >= rng.start and doc.tokens[i - 1].n == "في"


def _invited_visitor(doc: _Doc, i: int, rng: range) -> Mention | None:
    """`قدم دعوة للغانمي بزيارة روسيا`: the invited person is the visitor (a planned visit)."""
    window = [doc.tokens[k].n for k in range(max(rng.start, i - 4), i)]
    if not any(w in lx.PLANNED_MARKERS for w in window):
        return None
    k = i - 1
    while k >= max(rng.start, i - 3):
        m = doc.inside[k]
        if m is not None and m.kind == ActorKind.PERSON and doc.tokens[m.first].n.startswith("ل"):
            return m
        k -= 1
    return None


def _planned(doc: _Doc, i: int, rng: range, prev_boundary: int) -> bool:
    tok = doc.tokens[i].n
    base = tok[1:] if tok[:1] in "وف" else tok
    if base.startswith(("سي", "ست")) and _trigger_at(doc.tokens[i]) and _trigger_at(doc.tokens[i])[1]:
        return True
    if base[:1] in "يت" and i - 1 >= rng.start and doc.tokens[i - 1].n == "قد":
        return True  # `قد يزور`: a possibility, not a report (`قد زار` is one)
    start = max(rng.start, prev_boundary + 1, i - 8)
    return any(doc.tokens[k].n in lx.PLANNED_MARKERS for k in range(start, i))


def _location(
    doc: _Doc, i: int, rng: range, prev_boundary: int, next_boundary: int, etype: EngagementType
) -> str | None:
    """A place after `في`/`إلى` (or a capital written `بموسكو`), nearest the trigger."""
    candidates: list[tuple[int, str]] = []
    lo = max(rng.start, prev_boundary + 1)
    for m in doc.geo_between(lo, next_boundary):
        prev = doc.tokens[m.first - 1].n if m.first - 1 >= rng.start else ""
        if prev in lx.DEMONYM_FORMS and m.first - 2 >= rng.start and doc.tokens[m.first - 2].n in _CITY_WORDS:
            prev = "العاصمه"  # `العاصمة الإيرانية طهران`, `مدينة أربيل`
        elif prev in _CITY_WORDS:
            prev = "العاصمه"
        clitic = m.start > doc.tokens[m.first].start and doc.tokens[m.first].n[:1] in "بل"
        direct = (
            etype == EngagementType.VISIT
            and m.first > i
            and (prev in ("في", "الي", "الى") or _right_after_subject(doc, i, m))
        )
        target = etype == EngagementType.ATTACK and prev == "علي"  # `هجوماً بصواريخ على أربيل`
        if prev in _PLACE_PREPS or clitic or direct or target:
            if prev == "العاصمه" or prev in _PLACE_PREPS or clitic or direct or target:
                candidates.append((abs(m.first - i), doc.text[m.start : m.end]))
    if not candidates and etype == EngagementType.VISIT:
        # `وصل إلى العاصمة الإيرانية`: the capital named by its country's adjective
        for k in range(max(i + 1, lo), min(next_boundary, len(doc.tokens)) - 1):
            if (
                doc.tokens[k].n in _CITY_WORDS
                and doc.tokens[k - 1].n in ("الي", "الى", "في")
                and doc.tokens[k + 1].n in lx.DEMONYM_FORMS
            ):
                return doc.text[doc.tokens[k].start : doc.tokens[k + 1].end]
    if not candidates:
        return None
    candidates.sort()
    return candidates[0][1]


def _right_after_subject(doc: _Doc, i: int, place: Mention) -> bool:
    """`زار الفياض موسكو`, `بزيارة روسيا`: the place is the verb's object."""
    k = i + 1
    while k < place.first:
        m = doc.inside[k]
        if m is not None:
            k = m.last + 1
            continue
        if doc.tokens[k].kind == "w" and doc.tokens[k].n not in ("((", "))"):
            return False
        k += 1
    return True


def _dateline(doc: _Doc, rng: range) -> str | None:
    """`موسكو - أجرى ...`: a place and a dash opening the sentence."""
    first = rng.start
    m = doc.inside[first] if first < len(doc.inside) else None
    geo = doc.geo_at.get(first)
    if geo is None or m is not None and m.kind == ActorKind.PERSON:
        return None
    nxt = geo.last + 1
    if nxt < rng.stop and doc.tokens[nxt].text in ("-", "–", "—", "/"):
        return doc.text[geo.start : geo.end]
    # `أبوظبي في 14 مايو/ وام/`, `عمان 5 شباط (بترا)-`: the place and the day of a dateline
    k = nxt + 1 if nxt < rng.stop and doc.tokens[nxt].n == "في" else nxt
    if k < rng.stop and doc.in_date[k]:
        while k < rng.stop and doc.in_date[k]:
            k += 1
        if k < rng.stop and doc.tokens[k].text in ("-", "–", "—", "/", "("):
            return doc.text[geo.start : geo.end]
    return None


def _date_for(doc: _Doc, i: int, rng: range, prev_boundary: int, next_boundary: int) -> DateMention | None:
    tokens = doc.tokens
    s_start, s_end = tokens[rng.start].start, tokens[rng.stop - 1].end
    trig_start = tokens[i].start
    stop_char = tokens[next_boundary].start if next_boundary < rng.stop else s_end
    since = [t.start for t in tokens[i:next_boundary] if t.n == "منذ"]
    after = [d for d in doc.dates_between(trig_start, stop_char) if not any(x < d.start for x in since)]
    if after:
        return after[0]
    lo_char = tokens[prev_boundary + 1].start if prev_boundary + 1 > rng.start else s_start
    before = [d for d in doc.dates_between(lo_char, trig_start)]
    if before:
        return before[-1]
    before = [d for d in doc.dates_between(s_start, trig_start)]
    if before:
        return before[-1]
    return None


def _segment_date(doc: _Doc, obj: tuple[Mention, int, int, str]) -> DateMention | None:
    m, _, seg_end, _ = obj
    end_char = doc.tokens[seg_end - 1].end if seg_end - 1 < len(doc.tokens) else len(doc.text)
    found = doc.dates_between(doc.tokens[m.last].end, end_char)
    return found[0] if found else None


def _as_place(doc: _Doc, m: Mention) -> bool:
    """A state named after `في`/`إلى` (`في بغداد`) is where something happened, not a party."""
    return m.kind == ActorKind.STATE and m.first > 0 and doc.tokens[m.first - 1].n in _PLACE_PREPS


def _demonym_state(doc: _Doc, i: int, stop: int) -> str | None:
    """`هجوم الطائرة المسيرة الأميركية`, `طائرات إسرائيلية غارة`: the attacker's nationality."""
    ahead = [k for k in range(i + 1, min(i + 12, stop)) if doc.inside[k] is None][:4]
    for k in [*ahead, *range(i - 1, max(i - 4, -1), -1)]:
        if doc.inside[k] is not None:
            continue
        state = lx.DEMONYM_FORMS.get(doc.tokens[k].n)
        if state:
            return state
    return None


def _pseudo_mention(actor: str, i: int) -> Mention:
    return Mention(actor, ActorKind.STATE, i, i, 0, 0, embedded=False)


def _unique(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


def _unique_parts(parts: list[tuple[Mention, Role]]) -> list[tuple[Mention, Role]]:
    seen: set[str] = set()
    out = []
    for m, role in parts:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append((m, role))
    return out


def _resolve_dates(doc: _Doc, candidates: list[_Candidate], sentence_had_engagement: dict[int, bool]) -> None:
    """Fill missing dates: from the engagement a pro-drop clause continues, from an earlier
    report of the same parties, or from the sentence before when that one gave a date only."""
    # A headline restates the story: its undated engagement is the one the body reports.
    for cand in [c for c in candidates if c.sentence == 0 and (c.date is None or c.date.value.year is None)]:
        keys = frozenset(m.actor for m, _ in cand.participants)
        later = next(
            (
                c
                for c in candidates
                if c.sentence > 0
                and _compatible(c.type, cand.type)
                and frozenset(m.actor for m, _ in c.participants) == keys
            ),
            None,
        )
        if later is not None:
            cand.same_as = later
    dateline_day = _dateline_day(doc)
    last_with: dict[tuple[frozenset[str], bool], _Candidate] = {}
    for cand in candidates:
        if cand.same_as is not None or cand.tour_stop:
            continue
        keys = frozenset(m.actor for m, _ in cand.participants)
        group = (keys, cand.type in _PAIRWISE)
        prev = last_with.get(group)
        if prev is None or prev.type != cand.type and not _compatible(prev.type, cand.type):
            prev = None
        if cand.date is not None and cand.date.value.year is not None:
            last_with[group] = cand
            continue
        source: DateMention | None = None
        if prev is not None:
            cand.same_as = prev.same_as or prev
            continue
        last_with[group] = cand
        if cand.inherited_from is not None and cand.inherited_from.date is not None:
            source = cand.inherited_from.date
        if (
            source is None
            and cand.date is None
            and cand.sentence > 0
            and not sentence_had_engagement.get(cand.sentence - 1, True)
        ):
            s_start, s_end = doc.sentences[cand.sentence - 1]
            prev_dates = [d for d in doc.dates_between(s_start, s_end) if d.value.year is not None]
            if prev_dates:
                source = prev_dates[-1]
        if source is None and cand.date is None:
            source = (
                _anaphoric_date(doc, cand, candidates)
                or _visit_date(cand, candidates)
                or _date_of_visit_meetings(cand, candidates)
            )
        if source is None and cand.date is None and not cand.planned and not _pluperfect(doc, cand):
            source = dateline_day
        if source is not None and (cand.date is None or source.value.year is not None):
            cand.date = source


def _first_dateline(doc: _Doc) -> str | None:
    """The place of the item's dateline, in one of its first sentences."""
    for s in range(min(3, len(doc.sentences))):
        rng = doc.sentence_tokens(s)
        if rng and (place := _dateline(doc, rng)) is not None:
            return place
    return None


def _dateline_day(doc: _Doc) -> DateMention | None:
    """The day of an agency item's dateline (`أبوظبي في 14 مايو/ وام/`, `عمان 5 شباط (بترا)-`):
    the date of everything the item reports without a date of its own."""
    for s in range(min(3, len(doc.sentences))):
        rng = doc.sentence_tokens(s)
        if not rng or _dateline(doc, rng) is None:
            continue
        head = doc.tokens[min(rng.start + 6, rng.stop - 1)].end
        found = [d for d in doc.dates_between(doc.tokens[rng.start].start, head) if d.value.day is not None]
        return found[0] if found else None
    return None


def _pluperfect(doc: _Doc, cand: _Candidate) -> bool:
    """`وكان X قد زار ...`: an earlier event, not the item's news."""
    rng = doc.sentence_tokens(cand.sentence)
    words = [doc.tokens[k].n for k in range(rng.start, min(cand.trigger + 1, rng.stop))]
    return any(w in _AUXILIARIES for w in words) and "قد" in words


_ANAPHOR_LEADS = frozenset(
    normalize(w) for w in "عقب وعقب إثر اثر خلال وخلال هامش أثناء اثناء وفي في ختام".split()
)


def _anaphoric_date(doc: _Doc, cand: _Candidate, candidates: list[_Candidate]) -> DateMention | None:
    """`وعقب الاجتماع، استقبل ...`, `على هامش الزيارة`, `وتُوّج اللقاء بالتوقيع`: the date of the
    engagement referred to, the last dated one reported before."""
    rng = doc.sentence_tokens(cand.sentence)
    tokens = doc.tokens
    anaphor = any(
        (hit := _trigger_at(tokens[k])) is not None
        and not hit[1]
        and hit[2].startswith("ال")
        and (tokens[k - 1].n in _ANAPHOR_LEADS or tokens[k].n[:1] != "و" and k < rng.start + 3)
        for k in range(rng.start + 1, rng.stop)
    )
    if not anaphor:
        return None
    for other in reversed(candidates[: candidates.index(cand)]):
        if other.sentence < cand.sentence and other.date is not None and other.date.value.day is not None:
            return other.date
    return None


def _visit_date(cand: _Candidate, candidates: list[_Candidate]) -> DateMention | None:
    """A meeting the text gives no date for, held by someone on a visit reported just before:
    the visit's date (`جال X أمس على المسؤولين ... واستهل زيارته بلقاء Y`)."""
    names = {m.actor for m, _ in cand.participants}
    for other in reversed(candidates[: candidates.index(cand)]):
        if other.sentence < cand.sentence - 8:
            break
        if (
            other.type == EngagementType.VISIT
            and not other.tour_stop
            and other.participants[0][0].actor in names
            and other.date is not None
            and other.date.value.year is not None
            and not other.planned
        ):
            return other.date
    return None


_TALK_TYPES = {EngagementType.MEETING, EngagementType.TALKS}


def _date_of_visit_meetings(cand: _Candidate, candidates: list[_Candidate]) -> DateMention | None:
    """An undated visit (`وكان X قد وصل إلى ...`) by someone whose meeting on that trip was told
    just before: the meeting's date."""
    if cand.type != EngagementType.VISIT or cand.planned:
        return None
    visitor = cand.participants[0][0].actor
    for other in reversed(candidates[: candidates.index(cand)]):
        if other.sentence < cand.sentence - 4:
            break
        if (
            other.type in _TALK_TYPES
            and not other.planned
            and any(m.actor == visitor for m, _ in other.participants)
            and other.date is not None
            and other.date.value.day is not None
        ):
            return other.date
    return None


def _compatible(a: EngagementType, b: EngagementType) -> bool:
    """Two reports may be one engagement: the same type, or a meeting and the talks held at it
    (a signing or a phone call is its own engagement)."""
    if a == b:
        return True
    return a in _TALK_TYPES and b in _TALK_TYPES


def _to_engagements(doc: _Doc, candidates: list[_Candidate]) -> list[ExtractedEngagement]:
    out: list[ExtractedEngagement] = []
    seen: dict[int, list[tuple[EngagementType, frozenset[str], str | None]]] = {}
    made: dict[int, ExtractedEngagement] = {}
    deferred: list[_Candidate] = []
    for cand in candidates:
        keys = frozenset(m.actor for m, _ in cand.participants)
        if cand.same_as is not None and id(cand.same_as) not in made:
            deferred.append(cand)
            continue
        if cand.same_as is not None:
            target = made[id(cand.same_as)]
            start, end = doc.sentences[cand.sentence]
            if start != target.evidence.start and (
                not target.more_evidence or target.more_evidence[-1].start != start
            ):
                target.more_evidence.append(Span(doc.text[start:end], start, end))
            if target.location is None:
                target.location = cand.location
            continue
        in_sentence = seen.setdefault(cand.sentence, [])
        if any(
            t == cand.type and keys <= k and (not cand.tour_stop or place == cand.location)
            for t, k, place in in_sentence
        ):
            continue
        in_sentence.append((cand.type, keys, cand.location))
        start, end = doc.sentences[cand.sentence]
        date = cand.date
        made[id(cand)] = ExtractedEngagement(
            type=cand.type,
            participants=[Participant(name=m.actor, role=role) for m, role in cand.participants],
            evidence=Span(doc.text[start:end], start, end),
            date=date.value if date is not None else UNKNOWN_DATE,
            date_text=date.text if date is not None else None,
            location=cand.location,
            status=Status.PLANNED if cand.planned else Status.REPORTED,
        )
        if cand.claim_sentence is not None:
            c_start, c_end = doc.sentences[cand.claim_sentence]
            made[id(cand)].more_evidence.append(Span(doc.text[c_start:c_end], c_start, c_end))
        out.append(made[id(cand)])
    # drop a same-sentence engagement whose parties are a strict subset of another's
    for cand in deferred:
        target = made.get(id(cand.same_as))
        if target is not None:
            start, end = doc.sentences[cand.sentence]
            target.more_evidence.insert(0, Span(doc.text[start:end], start, end))
    by_sentence: dict[int, list[ExtractedEngagement]] = {}
    for e in out:
        by_sentence.setdefault(e.evidence.start, []).append(e)
    result = []
    for e in out:
        keys = {p.name for p in e.participants}
        if any(
            o is not e and o.type == e.type and keys < {p.name for p in o.participants}
            for o in by_sentence[e.evidence.start]
        ):
            continue
        result.append(e)
    return result
