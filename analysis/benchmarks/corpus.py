"""A deterministic synthetic corpus of Arabic news pages for the performance benchmarks.

Articles are built from the sentence patterns of DOMAIN.md: titled names, meeting / visit /
talks / call / agreement triggers, dates in the three month families and in numeric form,
relative and weekday dates, page chrome and bylines around the body, clitics glued onto names,
and orthographic variants (tatweel, diacritics, alef forms, ى/ي, ة/ه, Eastern digits).

Pure Python, no Django; the words come from `vocabulary`. The same seed gives byte-identical files, and article `i` depends only
on the seed and `i`, so a smaller corpus is a prefix of a larger one.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from analysis.arabic import months
from analysis.benchmarks.vocabulary import (
    AGENCIES,
    EASTERN_DIGITS,
    FIELDS,
    FILLERS,
    FIRST,
    HONORIFIC,
    LAST,
    MINISTRIES,
    ORGANIZATIONS,
    OUTLETS,
    PERSIAN_DIGITS,
    QUOTES,
    RANKS,
    SECTION_HEADINGS,
    SECTIONS,
    STATE_WEIGHTS,
    STATES,
    TEASERS,
    TITLES,
    TOPICS,
    State,
)

CORPUS_VERSION = "1"
DEFAULT_SEED = 7
PERSON_POOL = 3000
EVENT_SPREAD = (
    1.6  # article i draws events from [0, EVENT_SPREAD * i + 20): later articles reuse earlier events
)

# ---------------------------------------------------------------------------------------------
# Actors and events


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # full name as first introduced (without the title)
    short: str  # the later, shorter mention: the family name
    title: str
    rank: str
    state: State

    @property
    def honorific(self) -> str:
        return HONORIFIC[self.state.culture]


@dataclass(frozen=True, slots=True)
class Event:
    """A fact the corpus reports: one engagement, possibly in several articles."""

    index: int
    type: str  # meeting, visit, talks, call, agreement
    participants: tuple[Person, ...]
    day: date
    city: str
    planned: bool = False


def _person(seed: int, index: int) -> Person:
    rng = random.Random(f"{seed}:person:{index}")
    state = rng.choices(STATES, weights=STATE_WEIGHTS)[0]
    culture = state.culture
    first = rng.choice(FIRST[culture])
    last = rng.choice(LAST[culture])
    if culture == "arab" and rng.random() < 0.35:  # a father's name between: عمار عبد الكريم الحكيم
        name = f"{first} {rng.choice(FIRST[culture])} {last}"
    else:
        name = f"{first} {last}"
    others = [s for s in STATES if s is not state]
    other = rng.choice(others)
    org = rng.choice(ORGANIZATIONS)
    title = rng.choice(TITLES).format(
        adj=state.adj, adj_f=state.adj_f, other=other.name, org=org, org_bare=org.removeprefix("هيئة ")
    )
    rank = rng.choice(RANKS[culture]) if RANKS[culture] and rng.random() < 0.15 else ""
    return Person(name=name, short=last, title=title, rank=rank, state=state)


class ActorPool:
    """The corpus's persons, generated once per seed (index -> Person)."""

    def __init__(self, seed: int, size: int = PERSON_POOL) -> None:
        self.seed = seed
        self.persons = [_person(seed, i) for i in range(size)]

    def pick(self, rng: random.Random) -> Person:
        """Skewed: a few actors are in many events, most in a few."""
        return self.persons[int(len(self.persons) * rng.random() ** 2.2)]


def _event(pool: ActorPool, index: int) -> Event:
    rng = random.Random(f"{pool.seed}:event:{index}")
    kind = rng.choices(("meeting", "visit", "talks", "call", "agreement"), weights=(5, 3, 3, 2, 1))[0]
    first = pool.pick(rng)
    participants = [first]
    wanted = 3 if kind == "meeting" and rng.random() < 0.15 else 2
    while len(participants) < wanted:
        other = pool.pick(rng)
        if other.short != first.short and all(other.name != p.name for p in participants):
            participants.append(other)
    day = date(2014, 1, 1) + timedelta(days=rng.randrange(0, 11 * 365))
    host = participants[1] if kind == "visit" else rng.choice(participants)
    return Event(index, kind, tuple(participants), day, host.state.capital, planned=rng.random() < 0.06)


# ---------------------------------------------------------------------------------------------
# Date phrases


def _digits(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.06:
        return text.translate(EASTERN_DIGITS)
    if roll < 0.08:
        return text.translate(PERSIAN_DIGITS)
    return text


def _day_phrase(rng: random.Random, day: date, published: date) -> str:
    """A day-precision phrase for `day`, in one of the forms the press uses."""
    lev, egy, mag = (
        months.LEVANTINE[day.month - 1],
        months.EGYPTIAN[day.month - 1],
        months.MAGHREBI[day.month - 1],
    )
    delta = (published - day).days
    if delta == 0 and rng.random() < 0.5:
        return "اليوم"
    if delta == 1 and rng.random() < 0.5:
        return "أمس"
    if 1 <= delta <= 6 and rng.random() < 0.5:
        return months.WEEKDAYS[day.weekday()]
    forms = (
        f"في {day.day} {lev}/{egy} {day.year}",
        f"في {day.day} {egy}/{lev} {day.year}",
        f"في {day.day} {egy} {day.year}",
        f"في {day.day} {lev} {day.year}",
        f"في {day.day} {mag} {day.year}",
        f"يوم {months.WEEKDAYS[day.weekday()]} الموافق {day.day}/{day.month}/{day.year}",
        f"في {day.day}/{day.month}/{day.year}",
        f"بتاريخ {day.day:02d}-{day.month:02d}-{day.year}",
        f"في {day.day}{egy} عام{day.year}",
        f"يوم {months.WEEKDAYS[day.weekday()]} {day.day} {lev} {day.year}",
    )
    return _digits(rng, rng.choice(forms))


def _month_phrase(rng: random.Random, day: date) -> str:
    lev, egy = months.LEVANTINE[day.month - 1], months.EGYPTIAN[day.month - 1]
    forms = (
        f"في {egy} {day.year}",
        f"في {lev}/{egy} {day.year}",
        f"في {lev} {day.year}",
        f"خلال {lev}{day.year}",
        f"أواخر {egy}/{lev} {day.year}",
    )
    return _digits(rng, rng.choice(forms))


def _date_phrase(rng: random.Random, day: date, published: date) -> str:
    roll = rng.random()
    if roll < 0.72:
        return _day_phrase(rng, day, published)
    if roll < 0.88:
        return _month_phrase(rng, day)
    if roll < 0.95:
        return _digits(rng, f"عام {day.year}")
    return ""  # the text does not say when


# ---------------------------------------------------------------------------------------------
# Sentences


@dataclass(slots=True)
class _Writer:
    """Writes one article's sentences, introducing each person with a title once, shortly after."""

    rng: random.Random
    published: date
    introduced: set[str] = field(default_factory=set)
    deck: list[str] = field(default_factory=list)

    def ref(self, person: Person, *, quoted: bool = False) -> str:
        if person.name in self.introduced:
            roll = self.rng.random()
            if roll < 0.2:
                return f"{person.honorific} {person.short}"
            if roll < 0.3:
                return f"{person.title} {person.short}"
            return person.short
        self.introduced.add(person.name)
        name = f"{person.rank} {person.name}".strip()
        if quoted or self.rng.random() < 0.12:
            name = f"(({name}))" if self.rng.random() < 0.6 else f"“{name}”"
        if self.rng.random() < 0.2:
            return f"{person.title}، {name}"
        return f"{person.title} {name}"

    def one_of(self, *builders: Callable[[], str]) -> str:
        """Build only the chosen sentence, so a person is introduced in the sentence that is kept."""
        return self.rng.choice(builders)()

    def date(self, day: date) -> str:
        return _date_phrase(self.rng, day, self.published)

    def event(self, event: Event) -> str:
        rng = self.rng
        a, b = event.participants[0], event.participants[1]
        topic = rng.choice(TOPICS)
        when = self.date(event.day)
        w = f" {when}" if when else ""
        city = event.city
        if event.planned:
            return self.one_of(
                lambda: f"ومن المقرر أن يزور {self.ref(a)} {city}{w} للقاء {self.ref(b)}.",
                lambda: f"وسيزور {self.ref(a)} {city}{w}، حيث يلتقي {self.ref(b)} لبحث {topic}.",
            )
        if event.type == "meeting":
            if len(event.participants) > 2:
                c = event.participants[2]
                first = self.ref(a)
                return f"واجتمع {first}{w} في {city} مع كل من {self.ref(b)} و{self.ref(c)}، وجرى بحث {topic}."
            return self.one_of(
                lambda: (
                    f"استقبل {self.ref(a)}{w} بمكتبه في {city} {self.ref(b)}. وجرى خلال اللقاء بحث {topic}."
                ),
                lambda: f"التقى {self.ref(a)} {self.ref(b)} في {city}{w}، وبحث الجانبان {topic}.",
                lambda: f"وجرى{w} في {city} لقاء بين {self.ref(a)} و{self.ref(b)}، تناول {topic}.",
                lambda: f"وبحث {self.ref(a)} مع {self.ref(b)} خلال لقائهما ب{city}{w} {topic}.",
            )
        if event.type == "visit":
            return self.one_of(
                lambda: f"وصل {self.ref(a)} إلى {city}{w} في زيارة رسمية، والتقى خلالها {self.ref(b)}.",
                lambda: f"زار {self.ref(a)} {city}{w}، حيث التقى {self.ref(b)} وبحث معه {topic}.",
                lambda: f"وكان {self.ref(a)} قد زار {b.state.name}{w} والتقى {self.ref(b)}.",
            )
        if event.type == "talks":
            return self.one_of(
                lambda: f"أجرى {self.ref(a)}{w} في {city} مباحثات مع {self.ref(b)} تناولت {topic}.",
                lambda: f"وناقش {self.ref(a)} و{self.ref(b)} في {city}{w} {topic}.",
            )
        if event.type == "call":
            return self.one_of(
                lambda: f"تلقى {self.ref(a)}{w} اتصالاً هاتفياً من {self.ref(b)}، جرى خلاله بحث {topic}.",
                lambda: f"وبحث {self.ref(a)} في اتصال هاتفي مع {self.ref(b)}{w} {topic}.",
            )
        domain = rng.choice(FIELDS)
        return f"ووقّع {self.ref(a)} و{self.ref(b)} في {city}{w} مذكرة تفاهم للتعاون في مجال {domain}."

    def follow_up(self, event: Event) -> str:
        rng = self.rng
        a = rng.choice(event.participants)
        others = [p for p in event.participants if p is not a]
        quote = rng.choice(QUOTES)
        ministry = rng.choice(MINISTRIES)
        return self.one_of(
            lambda: f"وقال {self.ref(a)} في بيان إن “{quote}”.",
            lambda: f"وأكد {self.ref(a)} أن {quote}.",
            lambda: (
                f"وأكدت {ministry} {a.state.adj_f} في بيان لها أن {self.ref(a)} و{self.ref(others[0])} "
                f"تبادلا الآراء بشأن {rng.choice(TOPICS)}."
            ),
            lambda: f"وأشار {self.ref(a)} إلى أهمية {rng.choice(TOPICS)}.",
        )

    def filler(self) -> str:
        rng = self.rng
        if not self.deck:  # each background sentence once before any repeats
            self.deck = rng.sample(FILLERS, len(FILLERS))
        s1, s2 = rng.sample(STATES, 2)
        return self.deck.pop().format(
            state=s1.name, state2=s2.name, adj=s1.adj, adj_f=s1.adj_f, org=rng.choice(ORGANIZATIONS)
        )


# ---------------------------------------------------------------------------------------------
# Orthographic variants

_DIACRITICS = ("\u064e", "\u064f", "\u0650", "\u0651", "\u0652")
_NON_JOINING = set("اأإآدذرزوؤءة")


def _vary_word(rng: random.Random, word: str) -> str:
    roll = rng.random()
    letters = [i for i, ch in enumerate(word) if "\u0621" <= ch <= "\u064a"]
    if len(letters) < 4:
        return word
    if roll < 0.25:  # tatweel inside a word: الحشـد
        for i in letters[1:-1]:
            if word[i] not in _NON_JOINING and word[i + 1 : i + 2] and "\u0621" <= word[i + 1] <= "\u064a":
                return word[: i + 1] + "\u0640" + word[i + 1 :]
        return word
    if roll < 0.5:  # a diacritic: أهميَّة
        i = rng.choice(letters[1:])
        return word[: i + 1] + rng.choice(_DIACRITICS) + word[i + 1 :]
    if roll < 0.7 and word[0] in "أإ":  # hamza dropped: اكد، اركان
        return "ا" + word[1:]
    if roll < 0.85 and word.endswith("ة"):
        return word[:-1] + "ه"
    if word.endswith("ي"):
        return word[:-1] + "ى"
    return word


def _vary(rng: random.Random, text: str, rate: float) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if rng.random() < rate:
            words[i] = _vary_word(rng, word)
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# Pages


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    index: int
    text: str
    title: str
    published: date
    events: tuple[Event, ...]


def _clock(rng: random.Random) -> str:
    return f"{rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d}"


def _title(rng: random.Random, event: Event) -> str:
    a, b = event.participants[0], event.participants[1]
    return rng.choice(
        (
            f"{a.title.split(' ')[0]} {a.short} في {event.city} لبحث {rng.choice(TOPICS)}",
            f"أهميَّة العلاقات بين {a.state.name} و{b.state.name}",
            f"{a.state.name} و{b.state.name}: نحو شراكة أمنية جديدة؟",
            f"لقاء {a.short} و{b.short}: {rng.choice(TOPICS)}",
            f"{b.state.name} تعرض تعاوناً عسكرياً على {a.state.name}",
        )
    )


def _body(writer: _Writer, events: list[Event]) -> list[str]:
    """Paragraphs: a background opening, each event reported and followed up, background between."""
    rng = writer.rng
    paragraphs: list[str] = []
    if rng.random() < 0.4:
        paragraphs.append(" ".join(writer.filler() for _ in range(rng.randrange(2, 5))))
    for n, event in enumerate(events):
        sentences = [writer.event(event)]
        for _ in range(rng.randrange(1, 4)):
            sentences.append(writer.follow_up(event) if rng.random() < 0.5 else writer.filler())
        paragraphs.append(" ".join(sentences))
        if n == 0 and rng.random() < 0.3:
            paragraphs.append(rng.choice(SECTION_HEADINGS))
        for _ in range(rng.randrange(1, 5)):
            paragraphs.append(" ".join(writer.filler() for _ in range(rng.randrange(2, 6))))
    return paragraphs


def _page(rng: random.Random, title: str, published: date, body: list[str]) -> str:
    """The body inside one of four page layouts, with menus, bylines, teasers and footers."""
    latin, outlet = rng.choice(OUTLETS)
    author = f"{rng.choice(FIRST['arab'])} {rng.choice(FIRST['arab'])} {rng.choice(LAST['arab'])}"
    teaser_day = published - timedelta(days=rng.randrange(1, 400))
    teasers = rng.sample(TEASERS, 4)
    layout = rng.randrange(4)
    if layout == 0:  # menus, numbered breadcrumbs, bullet date, `كتب /` byline, teasers with their dates
        menu = "\n".join(f"  • {s}" for s in rng.sample(SECTIONS, 6))
        head = (
            f"edition\n{latin}\n{menu}\n  1. الرئيسية\n  2. مقالات\n  3. {title}\n"
            f"{title}\nمقالات\n\n{title}\n\n"
            f"  • {published.day} {months.LEVANTINE[published.month - 1]} {published.year} {_clock(rng)}\n\n"
            f"كتب /   {author}\n\n \n\n"
        )
        tail_items = "\n".join(f"{t}\nمقالات\n\n{t}\n" for t in teasers)
        tail = (
            f"\n\nالأكثر متابعة\n\nالكل\n{teasers[0]}\n\n  • {teaser_day.day} "
            f"{months.LEVANTINE[teaser_day.month - 1]} {teaser_day.year}\n{tail_items}\n{latin}\n\n"
            f"{outlet}: وكالة اخبارية عامة مستقلة.\n\nالأقسام\n\n  • أخبار\n  • مقالات وكتاب\n\n"
            "روابط مهمة\n\n  • سياسة الخصوصية\n  • من نحن\n  • اتصل بنا\n\nتابعونا"
        )
        return head + "\n\n".join(body) + tail
    if (
        layout == 1
    ):  # ad line, `جريدة X > section > title`, `نشر في:` stamp, `ترجمة:` and `عن:` lines, comments
        head = (
            f"اعلان ممول\n\nTOP\n\nجريدة {outlet} > سياسية > {title}\n\n{title}\n\n"
            f"نشر في: {published.day} {months.EGYPTIAN[published.month - 1]}, {published.year}: "
            f"{_clock(rng)} م\n\n"
            f" ترجمة: {author}\n\n"
        )
        tail = (
            f"\n\n عن: {rng.choice(AGENCIES)}\n\nانضم الى المحادثة\n\n{rng.randrange(50, 300)} حرف متبقي\n\n"
            f"جميع التعليقات 1\n\n  1. Anonymous\n\n    {rng.choice(QUOTES)} ...\n\nملاحق {outlet}\n\n"
            f"مقالات ذات صلة\n\n{teaser_day.day:02d}-{teaser_day.month:02d}-{teaser_day.year}\n\n"
            f"{teasers[1]}\n\n"
            "linkedin facebook pinterest youtube rss twitter instagram"
        )
        return head + "\n\n".join(body) + tail
    if layout == 2:  # a site's last-update stamp (not the article's date), `المصدر /`, print and share links
        stamp = published + timedelta(days=rng.randrange(30, 700))
        head = (
            f"التحديث الاخير بتاريخ|{months.WEEKDAYS[stamp.weekday()]}, {months.EGYPTIAN[stamp.month - 1]} "
            f"{stamp.day}, {stamp.year}\n\n{title}\n\n"
        )
        tail = (
            f"\nالمصدر / {outlet}\n\nطباعة الخبر طباعة الخبر ارسال الخبر الى صديق ارسال الخبر الى صديق"
            "\n\nاضافة تعليق"
        )
        return head + "\n\n".join(body) + tail
    # a bare agency page: title, dateline `city - `, paragraphs on consecutive lines
    city = rng.choice(STATES).capital
    return f"{title}\n\n{city} - " + "\n".join(body) + f"\n\nاقرأ أيضاً\n{teasers[2]}\n{teasers[3]}"


def article(pool: ActorPool, index: int) -> GeneratedArticle:
    """Article `index` of the corpus for `pool.seed`."""
    rng = random.Random(f"{pool.seed}:article:{index}")
    spread = int(EVENT_SPREAD * index) + 20
    wanted = rng.choices((1, 2, 3, 4), weights=(3, 4, 2, 1))[0]
    event_ids = sorted({rng.randrange(spread) for _ in range(wanted)})
    events = [_event(pool, i) for i in event_ids]
    latest = max(e.day for e in events)
    published = latest + timedelta(days=rng.choice((0, 1, 1, 2, 3, 5, 12, 40)))
    events.sort(key=lambda e: e.day, reverse=rng.random() < 0.7)
    writer = _Writer(rng, published)
    title = _title(rng, events[0])
    body = [_vary(rng, paragraph, 0.04) for paragraph in _body(writer, events)]
    text = _page(rng, title, published, body) + "\n"
    return GeneratedArticle(index, text, title, published, tuple(events))


def articles(*, docs: int, seed: int = DEFAULT_SEED) -> Iterator[GeneratedArticle]:
    pool = ActorPool(seed)
    for index in range(docs):
        yield article(pool, index)


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    folder: Path
    docs: int
    seed: int
    bytes: int
    digest: str  # sha256 over the files' names and contents, in order


def corpus_write(*, folder: Path, docs: int, seed: int = DEFAULT_SEED) -> CorpusInfo:
    """Write `docs` articles as UTF-8 files `00000.txt`... into `folder` (emptied of old .txt files first)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    digest = hashlib.sha256()
    total = 0
    width = max(5, len(str(docs - 1)))
    for generated in articles(docs=docs, seed=seed):
        name = f"{generated.index:0{width}d}.txt"
        data = generated.text.encode("utf-8")
        (folder / name).write_bytes(data)
        digest.update(name.encode() + b"\0" + data)
        total += len(data)
    info = CorpusInfo(folder, docs, seed, total, digest.hexdigest())
    manifest = {"version": CORPUS_VERSION, "docs": docs, "seed": seed, "bytes": total, "sha256": info.digest}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return info


def search_queries(*, seed: int = DEFAULT_SEED, count: int = 40) -> list[str]:
    """What analysts type into search: full names, family names, organisations, states, topics."""
    rng = random.Random(f"{seed}:queries")
    pool = ActorPool(seed)
    queries: list[str] = []
    kinds = (
        lambda: pool.pick(rng).name,
        lambda: pool.pick(rng).short,
        lambda: rng.choice(ORGANIZATIONS),
        lambda: rng.choice(STATES).name,
        lambda: " ".join(rng.choice(TOPICS).split()[:2]),
        lambda: f"{pool.pick(rng).short} {rng.choice(STATES).capital}",
    )
    while len(queries) < count:
        queries.append(kinds[len(queries) % len(kinds)]())
    return queries
