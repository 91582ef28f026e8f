"""The day of an item's news: the day of its dateline, the day its lead gives, or the stamp above
the story that the cleaning took out of the text; and which engagements take it (not one a relative
clause in the past tells of, as what a thing is). Pure Python."""

from __future__ import annotations

from datetime import date

from analysis.extraction import lexicon as lx
from analysis.extraction.event_places import dateline_place
from analysis.extraction.frame_doc import Candidate, Doc
from analysis.extraction.results import DateMention, DateValue

__all__ = ["dateline_date", "describes_a_thing", "lead_date", "stamp_date"]


def dateline_date(doc: Doc, published: date | None = None) -> DateMention | None:
    """The day of an agency item's dateline (`أبوظبي في 14 مايو/ وام/`, `عمان 5 شباط (بترا)-`):
    the date of everything the item reports without a date of its own. A dateline without its day
    (`بغداد (أ ف ب) -`) has it on the stamp line above, which the cleaning took into `published`."""
    for s in range(min(3, len(doc.sentences))):
        rng = doc.sentence_tokens(s)
        if not rng or dateline_place(doc, rng) is None:
            continue
        head = doc.tokens[min(rng.start + 6, rng.stop - 1)].end
        found = [d for d in doc.dates_between(doc.tokens[rng.start].start, head) if d.value.day is not None]
        return found[0] if found else stamp_date(published)
    # no dateline: the lead's day, else the stamp above the story the cleaning took out of it
    return lead_date(doc) or stamp_date(published)


def stamp_date(published: date | None) -> DateMention | None:
    """The article's stamp (`الخميس 15 مارس 2018 05:40`) that the cleaning moved out of the text into
    its metadata: the day of the news it reports without a date of its own, as a dateline is."""
    if published is None:
        return None
    return DateMention(published.isoformat(), 0, 0, DateValue.of(published))


def lead_date(doc: Doc) -> DateMention | None:
    """The day the item's first sentences give (a stamp above the story, or the lead's
    `صباح اليوم السبت 16/7/2022`): the day of the news it reports without a date of its own."""
    for s in range(min(3, len(doc.sentences))):
        start, end = doc.sentences[s]
        found = [
            d for d in doc.dates_between(start, end) if d.value.day is not None and d.value.year is not None
        ]
        if found:
            return found[0]
    return None


def describes_a_thing(doc: Doc, cand: Candidate) -> bool:
    """`صفقة الأسلحة التي وقعها X خلال زيارته`: an engagement told in a relative clause in the past
    (its noun before the pronoun, or its word inside the clause) tells what a thing is, not the
    item's news: it takes no day from the dateline."""
    rng = doc.sentence_tokens(cand.sentence)
    back = range(cand.trigger - 1, max(rng.start, cand.trigger - 8) - 1, -1)
    ahead = range(cand.trigger + 1, min(rng.stop - 1, cand.trigger + 6))
    for span in (back, ahead):
        for k in span:
            tok = doc.tokens[k]
            if tok.kind == "p":
                break
            if tok.n in lx.RELATIVES:
                if doc.tokens[k + 1].n[:1] not in "يتس":
                    return True
                break
    return False
