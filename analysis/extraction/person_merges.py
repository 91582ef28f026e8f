"""Two records of one person, once every stage has added its persons: a shorter form of a full name
(`حفتر` beside `خليفة حفتر`, `بن بريك` beside `سالم صالح بن بريك`, `فهد الصباح` beside `فهد يوسف
سعود الصباح`) or the same name spaced another way (`داود أوغلو` beside `أحمد داودأوغلو`) becomes an
alias of the fuller name. The tagger's persons come in as known actors, which no earlier stage
compares with the rules' persons."""

from __future__ import annotations

from analysis.arabic import name_key, normalize
from analysis.extraction.actor_records import _FUZZY_LINK_LIMIT, _Doc, _fathers_name, _joined_abd, _Record
from analysis.extraction.results import ActorKind

_SON = normalize("بن")
_COMPOUND_SECOND = frozenset(name_key(w) for w in "الله الدين".split())  # `عبد الله`: no given name alone
_SONS = frozenset(normalize(w) for w in "بن ابن".split())


def _words(name: str) -> list[str]:
    """The words of a name's key, a joined or spaced `عبد` written one way (`عبد اللهيان` as
    `عبداللهيان`, before the key drops the article), `ابن` as `بن`."""
    return [_SON if w in _SONS else w for w in name_key(_joined_abd(normalize(name))).split()]


def same_name_key(name: str) -> str:
    """A key two spellings of one name share where `name_key` tells them apart (`عبد العزيز`,
    `عبدالعزيز`; `ابن`, `بن`)."""
    return " ".join(_words(name))


def _subsequence(short: list[str], full: list[str]) -> bool:
    it = iter(full)
    return all(w in it for w in short)


def short_form_of(short_name: str, full_name: str) -> bool:
    """`short_name` names the person `full_name` names (`_short_form` of their words)."""
    return _short_form(_words(short_name), _words(full_name))


def _short_form(short: list[str], full: list[str]) -> bool:
    """The name of words `short` names the person `full` names: its words are some of the full name's,
    in order, ending on its surname and (two words or more) opening on its given name or on `بن` (`بن بريك`),
    not the father's name (`سلمان` of `محمد بن سلمان`); or it is the given name alone (not half of
    `نور الدين`); or it is the full name or its end spaced another way (`داود اوغلو`, `داوداوغلو`)."""
    if not short or short == full:
        return False
    if _spaced_end(short, full):
        return True
    if len(short) == 1 < len(full) and short[0] == full[0] and full[1] not in _COMPOUND_SECOND:
        return True  # `الشيخ مشعل` for `مشعل الأحمد الجابر الصباح`: the given name alone
    if len(short) >= len(full) or short[-1] != full[-1] or _fathers_name(" ".join(full), " ".join(short)):
        return False
    return _subsequence(short, full) and (len(short) == 1 or short[0] in (full[0], _SON))


def _spaced_end(short: list[str], full: list[str]) -> bool:
    """The words of `short`, run together, are the full name's last words (or all of it) run together,
    in another number of words."""
    joined = "".join(short)
    return any("".join(full[k:]) == joined and len(full) - k != len(short) for k in range(len(full)))


def merge_short_forms(doc: _Doc) -> None:
    """Each person record whose name is a short form (`short_form_of`) of exactly one other person's
    becomes part of that person: its mentions, its name and aliases as aliases, its titles."""
    people = [
        r
        for r in {id(r): r for r in doc.table.records.values()}.values()
        if r.kind == ActorKind.PERSON and r.mentions
    ]
    if len(people) >= _FUZZY_LINK_LIMIT:
        return  # a list of hundreds of names, not an article: 1000 persons took a second to compare
    words = {id(r): _words(r.name) for r in people}
    people.sort(key=lambda r: -len(words[id(r)]))
    gone: set[int] = set()
    for rec in people:
        fuller = [
            other
            for other in people
            if other is not rec and id(other) not in gone and _short_form(words[id(rec)], words[id(other)])
        ]
        if len(fuller) > 1 and all(words[id(f)][-1] == words[id(rec)][-1] for f in fuller):
            fuller = _introduced_first(fuller)
        if len(fuller) == 1:
            _merge(doc, rec, fuller[0])
            gone.add(id(rec))


def _introduced_first(fuller: list[_Record]) -> list[_Record]:
    """Of the persons a surname may name (`الشرع` of `أحمد الشرع` and `ماهر الشرع`), the one the
    document names first: news names its main person first (a given name two persons share names
    neither)."""
    starts = sorted((min(m.start for m in r.mentions), k) for k, r in enumerate(fuller))
    (first, k), (second, _) = starts[:2]
    return [fuller[k]] if first < second else fuller


def _merge(doc: _Doc, short: _Record, full: _Record) -> None:
    for form in (short.name, *short.aliases):
        if normalize(form) != normalize(full.name) and form not in full.aliases:
            full.aliases.append(form)
    full.titles.extend(t for t in short.titles if t not in full.titles)
    for m in short.mentions:
        m.actor = full.key
    full.mentions.extend(short.mentions)
    short.mentions.clear()
    for table in (doc.table.records, doc.table.every_key, doc.person_by_key):
        for key, rec in list(table.items()):
            if rec is short:
                if table is doc.table.records:
                    del table[key]
                else:
                    table[key] = full
