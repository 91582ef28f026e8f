"""Engagements: who met, visited, called or attacked whom, when and where, and the sentence
that says so.

A trigger word (`التقى`, `استقبل`, `زيارة`, `مباحثات`, `هجوم` ...; `data/triggers.json`) opens a
candidate; its parties are the actor mentions around it, with pro-drop subjects taken from the
engagement before. Dates come from the date mentions in the trigger's stretch of the sentence,
locations from `في`/`إلى` + a place. The stages, one module each:

- `frame_doc`: the document as the rules read it (sentences, mentions, dates by position);
- `clause_objects`: the objects after a trigger, past adverbials, up to the clause's end;
- `arguments`: subjects (before a verb, after a light verb, in a reported `أنه`), agents,
  antecedents; `party_lists`: attendees, signatories, nationalities, unnamed officials;
- `roles`: who does it and to whom, for a verb or a verbal noun; `frames`: the candidates of
  one trigger by type (visit, pairwise meeting, transfer/attack); `tours_claims`: tours and
  claimed attacks;
- `event_places`, `event_dates`: where, and when (the date a trigger takes, then the dates
  filled from the engagement a clause continues, the trip, the story, the lead or dateline).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import ActorAnalysis, Token
from analysis.extraction.agreed_at_meetings import agreed_at_meetings
from analysis.extraction.arguments import definite_trigger_is_new
from analysis.extraction.attendance import attended_events
from analysis.extraction.clause_objects import inside_adverbial
from analysis.extraction.cooperation import cooperation_with_each
from analysis.extraction.documents_between import documents_between
from analysis.extraction.event_dates import resolve_dates
from analysis.extraction.fighting import fights_between
from analysis.extraction.frame_doc import (
    HEDGED_TYPES,
    Candidate,
    Doc,
    Trigger,
    next_words,
    split_sentences,
    trigger_at,
)
from analysis.extraction.frames import build, manner_of_verb
from analysis.extraction.joint_exercises import qualifies_engagement
from analysis.extraction.launches import launched_attacks
from analysis.extraction.letters import (
    addressed_letters,
    carried_letters,
    letters_handed_to_host,
)
from analysis.extraction.party_lists import is_hedged, join_attendees
from analysis.extraction.results import (
    UNKNOWN_DATE,
    DateMention,
    EngagementType,
    ExtractedEngagement,
    Participant,
    Span,
    Status,
)
from analysis.extraction.tours_claims import claimed_attacks, tour_stops
from analysis.extraction.trigger_mood import is_unreal
from analysis.extraction.trigger_sense import another_sense
from analysis.extraction.visit_company import fold_restated_visits
from analysis.extraction.visitors import guests_from_abroad
from analysis.extraction.watched_events import watched_stop

__all__ = ["find_engagements", "split_sentences"]


def find_engagements(
    text: str,
    analysis: ActorAnalysis,
    dates: Sequence[DateMention],
    *,
    headline: str | None = None,
    published: date | None = None,
) -> list[ExtractedEngagement]:
    """Every engagement the rules find in `text`, each with its evidence sentence.

    `headline`: the page title when `text` starts with it. A headline's engagement is kept
    only as more evidence for the same engagement in the body: headlines compress and mislead.
    `published`: the article's date (its stamp, which the cleaning may have taken out of `text`)."""
    doc = Doc(text, analysis, dates)
    candidates: list[Candidate] = []
    sentence_used_dates: dict[int, bool] = {}
    for s in range(len(doc.sentences)):
        found = _sentence_candidates(doc, s, candidates)
        found.extend(tour_stops(doc, s, found))
        found.extend(claimed_attacks(doc, s, candidates))
        found.extend(launched_attacks(doc, s))
        found.extend(carried_letters(doc, s, candidates + found))
        found.extend(addressed_letters(doc, s, candidates + found))
        found.extend(letters_handed_to_host(doc, s, candidates + found))
        found.extend(join_attendees(doc, s, candidates + found))
        found.extend(documents_between(doc, s, candidates + found))
        found.extend(agreed_at_meetings(doc, s, candidates + found))
        found.extend(cooperation_with_each(doc, s, candidates + found))
        found.extend(fights_between(doc, s, candidates + found))
        found.extend(attended_events(doc, s, candidates + found))
        sentence_used_dates[s] = bool(found)
        candidates.extend(found)
    resolve_dates(doc, candidates, sentence_used_dates, published)
    candidates.extend(guests_from_abroad(doc, candidates))
    title_end = len(headline.rstrip()) if headline and text.startswith(headline.rstrip()) else 0
    candidates = [
        c
        for c in candidates
        if c.emit and (c.same_as is not None or doc.sentences[c.sentence][0] >= title_end)
    ]
    return fold_restated_visits(_to_engagements(doc, candidates))


def _sentence_candidates(doc: Doc, s: int, previous: list[Candidate]) -> list[Candidate]:
    rng = doc.sentence_tokens(s)
    if not rng:
        return []
    tokens = doc.tokens
    triggers: list[Trigger] = []
    visit_seen = False
    for i in rng:
        if doc.inside[i] is not None:
            continue
        hit = trigger_at(tokens[i]) or _joint(doc, i, rng) or _operation_against(doc, i, rng)
        if hit is None:
            continue
        etype, verb, form, conj = hit
        if (verb or form in lx.SELLING) and another_sense(doc, i, rng, form):
            continue  # `وقعت اشتباكات بين A وB`: happened, not signed
        trig = Trigger(i, etype, verb, form, conj=conj)
        prev_words = [tokens[k].n for k in range(max(rng.start, i - 2), i) if tokens[k].kind == "w"]
        if is_unreal(doc, i, rng, verb):
            trig.active = False  # `لن يكون هناك لقاء`, `رفض لقاء X`, `ضرورة اجتماع اللجنة`
        elif not verb and form.startswith("ال"):
            trig.active = definite_trigger_is_new(doc, i, rng, visit_seen and conj, first=not triggers)
        if not verb and _this_one(doc, i, rng):
            trig.active = False  # `الزيارة هذه`, `زيارته تلك`: the one told before
        if etype == EngagementType.STATEMENT and prev_words[-1:] in (["ما"], ["كما"]):
            trig.active = False  # `بحسب ما صرّح به X`: X is the source of a report, not a statement
        if etype == EngagementType.STATEMENT and not verb:
            trig.active = False
        if etype in HEDGED_TYPES and is_hedged(doc, rng):
            trig.active = False
        if etype == EngagementType.VISIT:
            visit_seen = True
        triggers.append(trig)

    triggers = [
        t
        for t in triggers
        if t.verb or not inside_adverbial(doc, t.index, rng) and not manner_of_verb(doc, t, rng)
    ]
    out: list[Candidate] = []
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
        elif trig.type == EngagementType.AGREEMENT and _purchase_after(doc, triggers, t_idx):
            # `وقعت X اتفاقية لشراء طائرات من Y`: the deal's other side follows its purpose
            next_boundary = triggers[t_idx + 2].index if t_idx + 2 < len(triggers) else rng.stop
        elif (
            trig.verb
            and t_idx + 1 < len(triggers)
            and _time_frame(doc, trig.index, triggers[t_idx + 1].index)
        ):
            # `سيلتقي خلال زيارته A وB`: the visit frames the meetings, the objects follow it
            next_boundary = triggers[t_idx + 2].index if t_idx + 2 < len(triggers) else rng.stop
        prev_boundary = triggers[t_idx - 1].index if t_idx > 0 else rng.start - 1
        if not trig.verb:  # `حضر تمارين A وB، ... Z`: Z watched them, the parties end at the comma
            next_boundary = watched_stop(doc, trig.index, trig.type, next_boundary)
        cand = build(doc, s, rng, trig, prev_boundary, next_boundary, out, previous)
        out.extend(cand)
    return out


def _purchase_after(doc: Doc, triggers: list[Trigger], t_idx: int) -> bool:
    """The next trigger after an agreement is a purchase noun (`لشراء`)."""
    return t_idx + 1 < len(triggers) and doc.tokens[triggers[t_idx + 1].index].n in lx.BUYING


_PLACE_LEADS = frozenset(normalize(w) for w in "إلى الى في".split())
_ON = normalize("على")


def _joint(doc: Doc, i: int, rng: range) -> tuple[EngagementType, bool, str, bool] | None:
    """`مؤتمر صحفي مشترك مع X`, `تجمع حاشد مشترك مع X`: a joint appearance with X is a meeting;
    not a joint exercise (`التدريب العسكري المشترك مع X`: the training's other side)."""
    tok = doc.tokens[i].n
    if tok in lx.JOINT_WORDS and i + 1 < rng.stop and doc.tokens[i + 1].n == "مع":
        if qualifies_engagement(doc, i, rng) or any(
            _trained(doc.tokens[k]) for k in range(max(rng.start, i - _JOINT_REACH), i)
        ):
            return None  # `مناورات عسكرية مشتركة مع X`: the exercise's partner, no meeting
        return EngagementType.MEETING, False, tok, False
    return None


_JOINT_REACH = 3  # `مناورات بحرية عسكرية مشتركة مع`


def _trained(tok: Token) -> bool:
    hit = trigger_at(tok)
    return hit is not None and hit[0] == EngagementType.TRAINING


_OPERATIONS = frozenset(normalize(w) for w in "العملية عملية العمليات عمليات الحملة حملة".split())
_MILITARY = frozenset(normalize(w) for w in "العسكرية عسكرية".split())
_AGAINST = normalize("ضد")


def _operation_against(doc: Doc, i: int, rng: range) -> tuple[EngagementType, bool, str, bool] | None:
    """`العملية العسكرية التي تقوم بها X ... ضد Y`: a military operation against Y is an attack on it."""
    tok = doc.tokens[i].n
    if tok not in _OPERATIONS or i + 1 >= rng.stop or doc.tokens[i + 1].n not in _MILITARY:
        return None
    ahead = range(i + 2, min(i + 14, rng.stop))
    against = next((k for k in ahead if doc.tokens[k].n == _AGAINST), None)
    if against is None or any(
        doc.tokens[k].kind == "p" and doc.tokens[k].text != "(" for k in range(i, against)
    ):
        return None
    return EngagementType.ATTACK, False, tok, False


def _this_one(doc: Doc, i: int, rng: range) -> bool:
    """A demonstrative among the three words after a trigger noun points back to an engagement
    told before; one after `إلى`/`في` points at a place (`زيارته إلى هذا البلد`), one after the
    `على` of a signing at the document signed (`التوقيع على هذه الاتفاقية`), not at the signing."""
    words = [doc.tokens[k].n for k in range(i + 1, min(i + 5, rng.stop)) if doc.tokens[k].kind == "w"][:3]
    signing = (trigger_at(doc.tokens[i]) or (None,))[0] == EngagementType.AGREEMENT
    for j, w in enumerate(words):
        if w in lx.DEMONSTRATIVES:
            return not (j > 0 and (words[j - 1] in _PLACE_LEADS or signing and words[j - 1] == _ON))
    return bool(next_words(doc, i, 3, rng) & lx.DEMONSTRATIVES)


_TIME_FRAME_WORDS = frozenset(normalize(w) for w in "خلال وخلال أثناء اثناء هامش".split())


def _time_frame(doc: Doc, verb: int, noun: int) -> bool:
    """A trigger noun right after a verb in a time phrase (`التقى خلال زيارته`, `سيلتقي خلال
    هذه الزيارة`), past the verb's subject (`يلتقي وزير الخارجية السعودي خلال هذه الزيارة`): it
    tells when the verb's engagement happened, it does not end its clause."""
    subject = doc.inside[verb + 1] if verb + 1 < noun else None
    start = subject.last + 1 if subject is not None and subject.first == verb + 1 else verb + 1
    if noun - start > 3 or trigger_at(doc.tokens[noun]) is None or trigger_at(doc.tokens[noun])[1]:
        return False
    return any(doc.tokens[k].n in _TIME_FRAME_WORDS for k in range(start, noun))


def _to_engagements(doc: Doc, candidates: list[Candidate]) -> list[ExtractedEngagement]:
    out: list[ExtractedEngagement] = []
    seen: dict[int, list[tuple[EngagementType, frozenset[str], str | None]]] = {}
    made: dict[int, ExtractedEngagement] = {}
    deferred: list[Candidate] = []
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
