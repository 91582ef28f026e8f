"""When an engagement happened and whether it is planned: the date mention a trigger takes,
and the dates filled in afterwards from the engagement a clause continues, an earlier
report of the same parties, a visit, or the dateline."""

from __future__ import annotations

from datetime import date

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention
from analysis.extraction.background_notes import opens_background
from analysis.extraction.event_places import elsewhere
from analysis.extraction.frame_doc import AUXILIARIES, PAIRWISE, TALK_TYPES, Candidate, Doc, trigger_at
from analysis.extraction.item_day import dateline_date, describes_a_thing
from analysis.extraction.lexical import is_verb
from analysis.extraction.planned_clause import clause_verb, tomorrow_in
from analysis.extraction.results import DateMention, EngagementType
from analysis.extraction.visit_places import fill_visit_places


def is_planned(doc: Doc, i: int, rng: range, prev_boundary: int) -> bool:
    tok = doc.tokens[i].n
    base = tok[1:] if tok[:1] in "وف" else tok
    if base.startswith(("سي", "ست")) and trigger_at(doc.tokens[i]) and trigger_at(doc.tokens[i])[1]:
        return True
    if base[:1] in "يت" and i - 1 >= rng.start and doc.tokens[i - 1].n == "قد":
        return True  # `قد يزور`: a possibility, not a report (`قد زار` is one)
    lo = max(rng.start, prev_boundary + 1)
    verb = clause_verb(doc, i, lo)
    far = verb is not None and verb < i - 8  # the clause's verb, with its time and parties before the trigger
    start = max(lo, verb - 3) if far else max(lo, i - 8)
    if tomorrow_in(doc, start, min(rng.stop, i + 4)):
        return True
    if any(doc.tokens[k].n in lx.PLANNED_MARKERS or _future_light(doc.tokens[k].n) for k in range(start, i)):
        return True
    return _expected_noun(doc, i, rng) or _scheduled(doc, i, rng, start)


def _future_light(word: str) -> bool:
    """`وسيعقد الوزير ... اجتماعا`, `ستبدأ بتدريب`: a verb in the future tense (`س` before an
    imperfect) governing the trigger noun."""
    base = word[1:] if word[:1] in "وف" else word
    if base[:1] != "س" or base[1:2] not in ("ي", "ت", "ن"):
        return False
    return base[1:] in _IMPERFECT_LIGHT or base[1:] in _FUTURE_AUXILIARIES or is_verb(base[1:])


def _expected_noun(doc: Doc, i: int, rng: range) -> bool:
    """`زيارة مدفيديف المرتقبة`, `الاجتماع المقرر`: a trigger noun whose adjective (after its
    possessor, before any comma) says it is expected, not done; `مباحثاته مع X ستتركز على`: the
    noun opens a clause whose verb is future (not after a preposition: `وعقب اللقاء سيتوجه`)."""
    hit = trigger_at(doc.tokens[i])
    if hit is None or hit[1]:
        return False
    subject = i == rng.start or doc.tokens[i - 1].kind != "w" or doc.tokens[i - 1].n in _THAT
    subject = subject and doc.tokens[i].n[:1] not in "بل"
    for k in range(i + 1, min(rng.stop, i + 7)):  # past a possessor's title and name
        word = doc.tokens[k].n
        if doc.tokens[k].kind != "w":
            return False
        if word in lx.PLANNED_MARKERS or word.endswith("ه") and word[:-1] in lx.PLANNED_MARKERS:
            return True
        if subject and _future_light(word):
            return True
    return False


_THAT = frozenset(normalize(w) for w in "أن ان".split())
_ON = normalize("على")
_NOW_WORDS = frozenset(normalize(w) for w in "اليوم غدا غداً خلالها خلاله".split())
_IMPERFECT_LIGHT = frozenset(normalize(w) for w in "يقوم تقوم يجري تجري يعقد تعقد".split())
# `سيتم توقيع الاتفاق`, `ستكون الزيارة الأولى`: hollow verbs the lexicon does not read as verbs
_FUTURE_AUXILIARIES = frozenset(normalize(w) for w in "يتم تتم يكون تكون".split())


def _scheduled(doc: Doc, i: int, rng: range, start: int) -> bool:
    """`على أن يجتمع مع X`: agreed to come; `تصل X اليوم إلى بيروت`, `يقوم اليوم X بزيارة`,
    `يلتقي خلالها X`: the present tense of a news lead with today's or the trip's time is what
    is scheduled, not yet told as done (not after `كان`: `وكان X يزور`)."""
    tokens = doc.tokens
    if any(tokens[k].n == _ON and tokens[k + 1].n in _THAT for k in range(start, i - 1)):
        return True
    verb = next((k for k in range(i, start - 1, -1) if _imperfect(tokens[k].n)), None)
    if verb is None or any(tokens[k].n in AUXILIARIES for k in range(max(rng.start, verb - 3), verb)):
        return False
    reach = max(verb + 8, i)  # the time between the verb and the trigger it governs
    return any(tokens[k].n in _NOW_WORDS for k in range(max(rng.start, verb - 1), min(rng.stop, reach)))


_TODAY = normalize("اليوم")


def _today(doc: Doc, cand: Candidate) -> bool:
    """`اليوم` within a few words of the trigger: the engagement is on the item's own day."""
    rng = doc.sentence_tokens(cand.sentence)
    return any(
        doc.tokens[k].n == _TODAY
        for k in range(max(rng.start, cand.trigger - 10), min(rng.stop, cand.trigger + 6))
    )


def _imperfect(word: str) -> bool:
    """An imperfect trigger or light verb (`يزور`, `تصل`, `يقوم`); `تباحث`, `تسلم` read as past
    when no `ي` form of them is a trigger."""
    base = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    if base in _IMPERFECT_LIGHT:
        return True
    hit = lx.TRIGGERS.get(base)
    if hit is None or not hit[1]:
        return False
    return base[:1] == "ي" or base[:1] == "ت" and "ي" + base[1:] in lx.TRIGGERS


def date_for(doc: Doc, i: int, rng: range, prev_boundary: int, next_boundary: int) -> DateMention | None:
    tokens = doc.tokens
    s_start, s_end = tokens[rng.start].start, tokens[rng.stop - 1].end
    trig_start = tokens[i].start
    stop_char = tokens[next_boundary].start if next_boundary < rng.stop else s_end
    # `منذ 2011` dates a state of things; `التي قصفتها إيران الشهر الماضي` the relative clause's
    # verb, unless it describes the trigger noun itself (`الزيارة التي قام بها X في ...`)
    since = [
        t.start
        for k, t in enumerate(tokens[i:next_boundary], start=i)
        if t.n == "منذ" or t.n in _RELATIVES and k > i + 1
    ]
    after = [d for d in doc.dates_between(trig_start, stop_char) if not any(x < d.start for x in since)]
    if after:
        return after[0]
    if _owned_by_previous(doc, i, rng, prev_boundary):
        return None  # `أبرمت خلال الفصل الثاني من 2012 ...، في الوقت الذي يقوم فيه X بزيارة`
    lo_char = tokens[prev_boundary + 1].start if prev_boundary + 1 > rng.start else s_start
    before = [d for d in doc.dates_between(lo_char, trig_start)]
    if before:
        return before[-1]
    before = [d for d in doc.dates_between(s_start, trig_start)]
    if before:
        return before[-1]
    return None


_RELATIVES = frozenset(normalize(w) for w in "الذي التي الذين اللذين اللتين اللذان اللتان اللواتي".split())
_COMPLEMENTIZERS = frozenset(normalize(w) for w in "أن إن بأن وأن أنه أنها إنه إنها بأنه بأنها".split())
_NOT_REPORTED = frozenset(normalize(w) for w in "بعد قبل على منذ".split())


def _reports_day(doc: Doc, date: DateMention, i: int) -> bool:
    """`أعلن X، الأربعاء، أن الأسد قام بزيارة`, `قال بيان الأربعاء إن الأسد عاد عقب لقائه`: a date
    before `أن`/`إن` is the day of the report that clause hangs on: the engagement told in it takes
    it only as that day's news, when the text dates it no other way (`بعد أن`, `على أن` open no
    reported clause)."""
    tokens = doc.tokens
    k = i - 1
    while k >= 0 and tokens[k].start >= date.end:
        if tokens[k].n in _COMPLEMENTIZERS and (k == 0 or tokens[k - 1].n not in _NOT_REPORTED):
            return True
        k -= 1
    return False


def _owned_by_previous(doc: Doc, i: int, rng: range, prev_boundary: int) -> bool:
    """The dates before the trigger follow an engagement of another kind, past a comma: they
    are that one's (a signing's day is not the day of a visit told after it)."""
    if prev_boundary < rng.start:
        return False
    mine, theirs = trigger_at(doc.tokens[i]), trigger_at(doc.tokens[prev_boundary])
    if mine is None or theirs is None or compatible_types(mine[0], theirs[0]):
        return False
    if {mine[0], theirs[0]} <= TALK_TYPES | {EngagementType.VISIT}:
        return False  # `وصل X، اليوم السبت، إلى Y حيث سيلتقي Z`: the meetings of a visit share its day
    return any(doc.tokens[k].text in ("،", ",") for k in range(prev_boundary + 1, i))


def segment_date(doc: Doc, obj: tuple[Mention, int, int, str]) -> DateMention | None:
    m, _, seg_end, _ = obj
    end_char = doc.tokens[seg_end - 1].end if seg_end - 1 < len(doc.tokens) else len(doc.text)
    found = doc.dates_between(doc.tokens[m.last].end, end_char)
    return found[0] if found else None


def resolve_dates(
    doc: Doc,
    candidates: list[Candidate],
    sentence_had_engagement: dict[int, bool],
    published: date | None = None,
) -> None:
    """Fill missing dates: from the engagement a pro-drop clause continues, from an earlier
    report of the same parties, or from the sentence before when that one gave a date only.
    `published`: the article's own date when the cleaning took its stamp out of the text."""
    # A headline restates the story: its undated engagement is the one the body reports.
    for cand in [c for c in candidates if c.sentence == 0 and (c.date is None or c.date.value.year is None)]:
        keys = frozenset(m.actor for m, _ in cand.participants)
        later = next(
            (
                c
                for c in candidates
                if c.sentence > 0
                and c.emit
                and c.planned == cand.planned
                and not elsewhere(c.location, cand.location)
                and compatible_types(c.type, cand.type)
                and c.mutual == cand.mutual
                and frozenset(m.actor for m, _ in c.participants) == keys
            ),
            None,
        )
        if later is not None:
            cand.same_as = later
    dateline_day = dateline_date(doc, published)
    last_with: dict[tuple[frozenset[str], bool], Candidate] = {}
    for cand in candidates:
        if cand.same_as is not None or cand.tour_stop:
            continue
        report_day = None
        if cand.date is not None and not cand.planned and _reports_day(doc, cand.date, cand.trigger):
            report_day, cand.date = cand.date, None  # the day of the report, the story's if no other
        item_day = report_day or dateline_day
        keys = frozenset(m.actor for m, _ in cand.participants)
        group = (keys, cand.type in PAIRWISE, cand.mutual)  # fighting is no strike told again
        prev = last_with.get(group)
        if prev is None or prev.type != cand.type and not compatible_types(prev.type, cand.type):
            prev = None
        if cand.date is not None and cand.date.value.year is not None:
            if cand.emit:  # only a reported engagement is one a later report can repeat
                last_with[group] = cand
            continue
        source: DateMention | None = None
        if prev is not None and (prev.planned != cand.planned or elsewhere(prev.location, cand.location)):
            # `التقى X Y` ... `وسيجري X وY مباحثات`: one done, one still to come; `استقبل X في بغداد
            # Y` ... `اجتماعه مع Y في أنقرة`: each where it was: two engagements, not one told twice
            prev = None
        if prev is not None and not is_pluperfect(doc, cand):
            first = prev.same_as or prev  # `وكان X قد زار`: an earlier one, not this again
            cand.same_as = first
            if first.date is None and not first.planned and not cand.planned:
                # told first without a day, again later within the day's story (`وصل X اليوم
                # الخميس ... واجتمع على الفور مع Y`): the later telling dates the first
                first.date = _told_date(doc, cand, candidates, sentence_had_engagement, item_day)
            continue
        if cand.emit:
            last_with[group] = cand
        if cand.ongoing:
            cand.date = report_day
            continue  # `المفاوضات الجارية`: no day of its own, none borrowed
        if cand.planned and not _today(doc, cand):
            # a planned engagement happens on a day of its own: it takes no date told elsewhere
            ante = cand.inherited_from
            source = ante.date if ante is not None and ante.sentence == cand.sentence else None
        else:  # `تصل X اليوم`: scheduled for the day the item is dated
            source = _told_date(doc, cand, candidates, sentence_had_engagement, item_day)
        if source is not None and (cand.date is None or source.value.year is not None):
            cand.date = source
    fill_visit_places(doc, candidates)


_KANA = frozenset(normalize(w) for w in "كان وكان كانت وكانت".split())


def is_pluperfect(doc: Doc, cand: Candidate) -> bool:
    """`وكان X قد زار ...`, `وكان X، زار ...`: an earlier event, not the item's news."""
    rng = doc.sentence_tokens(cand.sentence)
    words = [doc.tokens[k].n for k in range(rng.start, min(cand.trigger + 1, rng.stop))]
    if "قد" in words:
        return any(w in AUXILIARIES for w in words)
    trigger = doc.tokens[cand.trigger].n.lstrip("وف")
    past = (hit := trigger_at(doc.tokens[cand.trigger])) is not None and hit[1] and trigger[:1] not in "يتس"
    return past and bool(words) and words[0] in _KANA  # `وكان X زار`: كان opens the sentence


ANAPHOR_LEADS = frozenset(
    normalize(w) for w in "عقب وعقب إثر اثر خلال وخلال هامش أثناء اثناء وفي في ختام".split()
)


def anaphoric_date(doc: Doc, cand: Candidate, candidates: list[Candidate]) -> DateMention | None:
    """`وعقب الاجتماع، استقبل ...`, `على هامش الزيارة`, `وتُوّج اللقاء بالتوقيع`: the date of the
    engagement referred to, the last dated one reported before."""
    rng = doc.sentence_tokens(cand.sentence)
    tokens = doc.tokens
    anaphor = any(
        (hit := trigger_at(tokens[k])) is not None
        and not hit[1]
        and (hit[2].startswith("ال") or _possessed(hit[2]))
        and (tokens[k - 1].n in ANAPHOR_LEADS or tokens[k].n[:1] != "و" and k < rng.start + 3)
        for k in range(rng.start + 1, rng.stop)
    )
    if not anaphor:
        return None
    for other in reversed(candidates[: candidates.index(cand)]):
        if other.sentence < cand.sentence and other.date is not None and other.date.value.day is not None:
            return other.date
    return None


_PRONOUNS = ("هما", "هم", "ها", "ه")


def _possessed(form: str) -> bool:
    """`لقائهما`, `زيارته`, `اجتماعها`: a trigger noun made definite by its possessive pronoun."""
    for suffix in _PRONOUNS:
        stem = form[: -len(suffix)]
        if form.endswith(suffix) and len(stem) > 2:
            bare = (
                stem,
                stem[:-1] + "ه" if stem.endswith("ت") else "",
                stem[:-1] + "ء" if stem.endswith("ي") else "",
            )
            if any(b and (hit := lx.TRIGGERS.get(b)) is not None and not hit[1] for b in bare):
                return True
    return False


def visit_date(cand: Candidate, candidates: list[Candidate]) -> DateMention | None:
    """A meeting the text gives no date for, held by someone on a visit reported just before:
    the visit's date (`جال X أمس على المسؤولين ... واستهل زيارته بلقاء Y`)."""
    if cand.type == EngagementType.VISIT:
        return None  # a second visit is another trip
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


def date_of_visit_meetings(cand: Candidate, candidates: list[Candidate]) -> DateMention | None:
    """An undated visit (`وكان X قد وصل إلى ...`) by someone whose meeting on that trip was told
    just before, or in the same sentence (`زار أنقرة في زيارة التقى خلالها Y في 16 تشرين الأول`):
    the meeting's date."""
    if cand.type != EngagementType.VISIT or cand.planned:
        return None
    visitor = cand.participants[0][0].actor
    at = candidates.index(cand)
    same_sentence = [c for c in candidates[at + 1 :] if c.sentence == cand.sentence]
    for other in [*same_sentence, *reversed(candidates[:at])]:
        if other.sentence < cand.sentence - 4:
            break
        if (
            other.type in TALK_TYPES
            and not other.planned
            and any(m.actor == visitor for m, _ in other.participants)
            and other.date is not None
            and other.date.value.day is not None
        ):
            return other.date
    return None


def compatible_types(a: EngagementType, b: EngagementType) -> bool:
    """Two reports may be one engagement: the same type, or a meeting and the talks held at it
    (a signing or a phone call is its own engagement)."""
    if a == b:
        return True
    return a in TALK_TYPES and b in TALK_TYPES


def _told_date(
    doc: Doc,
    cand: Candidate,
    candidates: list[Candidate],
    sentence_had_engagement: dict[int, bool],
    dateline_day: DateMention | None,
) -> DateMention | None:
    """The date of a reported engagement its own clause leaves out: the engagement it continues,
    the date-only sentence before, the engagement an anaphor names, the visit it was part of,
    or the item's dateline."""
    if cand.inherited_from is not None and cand.inherited_from.date is not None:
        return cand.inherited_from.date
    if cand.date is not None:
        return None
    before = cand.sentence - 1
    if (
        cand.sentence > 0
        and not sentence_had_engagement.get(before, True)
        and not opens_background(doc, before)
    ):
        s_start, s_end = doc.sentences[cand.sentence - 1]
        prev_dates = [
            d
            for d in doc.dates_between(s_start, s_end)
            if d.value.year is not None and not _ahead(d, dateline_day)
        ]
        if prev_dates:
            return prev_dates[-1]
    earlier = is_pluperfect(doc, cand)
    source = anaphoric_date(doc, cand, candidates) or date_of_visit_meetings(cand, candidates)
    if source is None and not earlier:
        source = _narrative_date(cand, candidates)
    if source is None:
        source = visit_date(cand, candidates)  # `وكان X قد التقى، في اليوم الأول من زيارته، Y`
    if source is None and not earlier:
        source = _named_again_date(doc, cand, sentence_had_engagement, dateline_day)
    if source is None and not earlier and not describes_a_thing(doc, cand):
        source = dateline_day
    return source


def _named_again_date(
    doc: Doc, cand: Candidate, sentence_had_engagement: dict[int, bool], day: DateMention | None
) -> DateMention | None:
    """`وقعت إيران مع العراق اتفاقا ... . وتبين الوثائق أن الجانبين توصلا إلى الاتفاق في نهاية
    نوفمبر`: the next sentence, telling no engagement of its own, names this one again with the
    definite article (the noun it was told with, no party's name or title, or a trigger noun of
    its kind) with a date right after it."""
    nxt = cand.sentence + 1
    if nxt >= len(doc.sentences) or sentence_had_engagement.get(nxt, True):
        return None
    tokens, rng = doc.tokens, doc.sentence_tokens(cand.sentence)
    told = {
        tokens[k].n.lstrip("وف").removesuffix("ا")
        for k in range(cand.trigger, min(rng.stop, cand.trigger + 6))
        if doc.inside[k] is None and k not in doc.mention_at
    }
    nxt_rng = doc.sentence_tokens(nxt)
    for k in nxt_rng:
        word = tokens[k].n.lstrip("وف")
        hit = trigger_at(tokens[k])
        if not word.startswith("ال") or not (
            word[2:] in told or hit is not None and not hit[1] and compatible_types(hit[0], cand.type)
        ):
            continue
        # a date opening within a few words: `الاتفاق في نهاية نوفمبر`, `الاجتماع الليلة الماضية`
        near, end = tokens[min(k + 3, nxt_rng.stop - 1)].end, doc.sentences[nxt][1]
        found = [
            d
            for d in doc.dates_between(tokens[k].end, end)
            if d.start <= near and d.value.year is not None and not _ahead(d, day)
        ]
        return found[0] if found else None
    return None


def _ahead(date: DateMention, day: DateMention | None) -> bool:
    """`date` is later than the item's `day` (`ستصل الطائرات في مارس من العام المقبل`): the time of
    something still to come, never the day of an engagement reported as done."""
    if day is None or day.value.day is None or date.value.year is None:
        return False
    told, now = date.value, day.value
    parts = [p for p in (told.year, told.month, told.day) if p is not None]
    return tuple(parts) > (now.year, now.month, now.day)[: len(parts)]


def _narrative_date(cand: Candidate, candidates: list[Candidate]) -> DateMention | None:
    """`وكان X زار أنقرة في 16 تشرين الأول ... . واجتمع X مع Y`: the next sentence goes on with
    the same subject's story, on the day the sentence before gave."""
    if cand.subject is None or cand.sentence == 0:
        return None
    for other in reversed(candidates[: candidates.index(cand)]):
        if other.sentence < cand.sentence - 1:
            break
        if (
            other.sentence == cand.sentence - 1
            and other.subject is not None
            and other.subject.actor == cand.subject.actor
            and other.date is not None
            and other.date.value.day is not None
            and not other.planned
        ):
            return other.date
    return None
