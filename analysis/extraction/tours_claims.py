"""Two frames that span a list or two sentences: the stops of a tour (`جولة شملت A وB`),
and an attack claimed after it was told (`وتبنّت X الهجوم`)."""

from __future__ import annotations

from analysis.arabic import DateValue
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.claimed_acts import announced_act, struck_party
from analysis.extraction.event_dates import date_for, is_planned
from analysis.extraction.event_places import event_location
from analysis.extraction.frame_doc import Candidate, Doc, pseudo_mention, trigger_at
from analysis.extraction.generic_bodies import forces_of
from analysis.extraction.party_lists import nearest_demonym
from analysis.extraction.results import ActorKind, DateMention, EngagementType, Role


def tour_stops(doc: Doc, s: int, found: list[Candidate]) -> list[Candidate]:
    """`اختتم X جولة أوروبية شملت بروكسل وباريس ولندن`: one visit by X to each listed place,
    dated to the month of the sentence's date (the stops' own days are not given)."""
    if s not in doc.tour_words:
        return []
    rng = doc.sentence_tokens(s)
    tokens = doc.tokens
    out: list[Candidate] = []
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
        date = date_for(doc, k, rng, rng.start - 1, rng.stop) or next(
            (c.date for c in found if c.date is not None and c.date.value.year is not None), None
        )
        if date is not None and date.value.month is not None:
            date = DateMention(
                date.text, date.start, date.end, DateValue(date.value.year, date.value.month), date.source
            )
        # `جولة تشمل أيضاً الدوحة`: the present tense lists stops still to come
        planned = is_planned(doc, k, rng, rng.start - 1) or tokens[verb].n.lstrip("و").startswith(
            ("تشمل", "تضم")
        )
        for stop in stops:
            out.append(
                Candidate(
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


def claimed_attacks(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
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
        announced = announced_act(doc, after)  # `أعلنت X، عصر اليوم، استهداف قاعدة`, `عن قصف`
        act = announced if announced is not None else act
        announces_act = announced is not None
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
                (k for k in where if (hit := trigger_at(tokens[k])) and hit[0] == EngagementType.ATTACK),
                None,
            )
            if trig is None:
                continue
        else:
            continue
        if where is rng and (struck := struck_party(doc, trig, rng, claimant)) is not None:
            return [_claimed(doc, s, trig, where, claimant, struck)]  # `قصف أهداف لحزب X`
        victim = nearest_demonym(doc, trig, where)
        if victim is None and where is not rng and anaphor is not None:
            victim = nearest_demonym(doc, anaphor, range(anaphor, rng.stop))  # `الهجوم على القوات الأمريكية`
        if victim is None or victim == claimant.actor:
            continue
        # `سفينة أميركية`: its forces
        struck = forces_of(doc.mentions, victim) or pseudo_mention(victim, trig)
        return [_claimed(doc, s, trig, where, claimant, struck)]
    return []


def _claimed(doc: Doc, s: int, trig: int, where: range, claimant: Mention, victim: Mention) -> Candidate:
    sentence = doc.sent_of_token[trig]
    return Candidate(
        type=EngagementType.ATTACK,
        participants=[(claimant, Role.INITIATOR), (victim, Role.PARTICIPANT)],
        sentence=sentence,
        trigger=trig,
        date=date_for(doc, trig, where, where.start - 1, where.stop),
        location=event_location(doc, trig, where, where.start - 1, where.stop, EngagementType.ATTACK),
        claim_sentence=s if sentence != s else None,
    )
