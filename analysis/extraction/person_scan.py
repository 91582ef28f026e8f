"""Persons named in a document, found in one pass over its tokens: after a title, after a speech or
contact verb (with or without a title after the name), after a description (`الفنان العراقي X`), or
before a title in apposition; then each found name becomes a person record with its mention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_records import Mention, _Doc, _Record
from analysis.extraction.actor_tokens import (
    _ARTICLE,
    _COMMAS,
    _QUOTES,
    Token,
    _forms,
    _strip_clitic_offset,
)
from analysis.extraction.described_persons import described_person_at, single_speaker_at
from analysis.extraction.lexical import is_given_name, reading
from analysis.extraction.name_overlaps import Found, settle_names
from analysis.extraction.name_tokens import _valid_name_token, _valid_name_word
from analysis.extraction.person_lists import dual_title_names, nationality_list_item
from analysis.extraction.person_names import (
    _NAME_OR_TITLE,
    _PATRONYMIC_CONNECTORS,
    _family_word,
    _name_ends_after,
    _parse_name,
)
from analysis.extraction.person_titles import (
    _CONTACT_VERBS,
    _NAME_OPENERS,
    _bare_name_ok,
    _clitic_first,
    _head_at,
    _parse_title,
    _second_of_pair,
)
from analysis.extraction.results import ActorKind
from analysis.extraction.title_appositions import _apposition, _title_after_name
from analysis.extraction.untitled_names import lineage_name, names_after_titles, ruler_name


@dataclass(slots=True)
class _Scan:
    persons: list[Found] = field(default_factory=list)
    after_titles: dict[int, tuple[int, int]] = field(default_factory=dict)  # name first -> title after it
    title_only: list[tuple[int, int]] = field(default_factory=list)  # titles with no name
    conjunction_first: set[int] = field(default_factory=set)  # names whose first word carries `و`
    preposition_first: set[int] = field(default_factory=set)  # `التقى بمظلوم عبدي`: carries `ب`
    eponyms: list[tuple[int, int]] = field(default_factory=list)  # `(مطار) الملك خالد`: no person


def scan_persons(tokens: Sequence[Token]) -> _Scan:
    """Every person's title and name, left to right; a title with no name is kept for later."""
    scan = _Scan()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = None
        pair = dual_title_names(tokens, i) if tok.kind == "w" else None
        if pair is not None:
            first, first_end, second, second_end, clitic = pair
            scan.persons += [(first, first, first, first_end), (second, second, second, second_end)]
            if clitic:
                scan.conjunction_first.add(second)  # `النائبين X وY`: two persons under one title
            nxt = second_end
        elif tok.kind == "w" and _head_at(tokens, i):
            nxt = _at_title(tokens, i, scan)
        elif tok.kind == "w" and (
            tok.n in lx.SPEECH_VERBS or tok.n in lx.AUXILIARY_KANA or tok.n in _CONTACT_VERBS
        ):
            nxt = _after_verb(tokens, i, scan)
        if (
            nxt is None
            and tok.article
            and described_person_at(tokens, i)
            and not _clitic_first(tokens[i + 2])
            and not name_words.feminine_participle(tokens[i + 2].text)  # a masculine nisba: a man's name
        ):
            end = _parse_name(tokens, i + 2)
            if end is not None:
                scan.persons.append((i, i + 2, i + 2, end))  # `المغني الكردي X`, `الفنان العراقي X`
                nxt = end
        if nxt is None and i > 0 and (tokens[i - 1].kind == "p" or tokens[i - 1].n in _NAME_OPENERS):
            nxt = _before_title(tokens, i, scan)
        if nxt is None and i > 0 and tokens[i - 1].text in _COMMAS and tok.n[:1] == "و":
            nxt = _list_item(tokens, i, scan)
        if nxt is None and (item_end := nationality_list_item(tokens, i, scan.persons)) is not None:
            scan.persons.append((i + 1, i + 1, i + 1, item_end))  # `، والتونسي X،`: the next of a list
            nxt = item_end
        if nxt is None:
            nxt = ruler_name(tokens, i, scan.persons)  # `حكومة X Y`: the one who leads it
        if nxt is None and tok.n in _KUNYA:
            nxt = _kunya(tokens, i, scan)
        if nxt is None and tok.n[:1] in "بل":
            nxt = _given_name_after_preposition(tokens, i, scan)
        if nxt is None and i + 1 < len(tokens) and tokens[i + 1].n in _PATRONYMIC_CONNECTORS:
            nxt = lineage_name(tokens, i, scan.persons)
        i = nxt if nxt is not None else i + 1
    scan.title_only = names_after_titles(tokens, scan.persons, scan.title_only)
    scan.persons.sort(key=lambda p: min(p[0], p[2]))
    _coordinated(tokens, scan)
    _conjunction_on_names(tokens, scan)
    scan.persons = settle_names(tokens, scan.persons)
    return scan


def _at_title(tokens: Sequence[Token], i: int, scan: _Scan) -> int:
    """A title head at `i`: its person (and a second one under a title in the dual, and a title in
    apposition after the name), or a title with no name; where the scan goes on."""
    if i > 0 and _eponym_noun(tokens[i - 1]):
        title_end, _, name_end = _parse_title(tokens, i)  # `مطار الملك خالد`: a place, not a person
        end = max(title_end, name_end or i + 1)
        scan.eponyms.append((i, end))
        return end
    given = _given_title_word(tokens, i)
    if given is not None:
        scan.persons.append((i, i, i, given))  # `د. أمير جبار الساعدي`: `أمير` is his given name
        return given
    title_end, name_first, name_end = _parse_title(tokens, i)
    if name_first is None or name_end is None:
        closed = _closed_apposition(tokens, title_end)
        if closed is not None:
            scan.persons.append((i, title_end, *closed))  # `القائد العام لقوات ... (قسد)، X،`
            return closed[1]
        if title_end - i >= 2 or _one_word_office(tokens, i):
            scan.title_only.append((i, title_end))  # `السلطان` alone: the one who holds that office
        return max(title_end, i + 1)
    holder = _holder_after_genitive(tokens, i, name_first, name_end)
    if holder is not None:
        # `المستشار الإعلامي للرئيس X Y`: X is the president, Y the adviser
        scan.persons.append((name_first, name_first, name_first, name_end))
        scan.persons.append((i, name_end, name_end, holder))
        return holder
    scan.persons.append((i, title_end, name_first, name_end))
    second = _second_of_pair(tokens, i, name_end)
    if second is not None:
        # `رئيسا روسيا وسوريا، «X» و«Y»`: the second name's mention starts at the name
        scan.persons.append((second[0], second[0], *second))
        return second[1]
    post = _apposition(tokens, name_end)
    if post is not None:
        scan.after_titles[name_first] = post
        return post[1]
    return name_end


def _one_word_office(tokens: Sequence[Token], i: int) -> bool:
    """`استقبل X السلطان في`: a definite title head alone, no rank, not the adjective of a definite
    noun before it (`الطرق البرية الرئيسة`: the main roads), nor the first of a list of titles
    (`يلتقي الأمير ورئيس الوزراء X`: which prince, the list does not say)."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tokens[i].article
        and tokens[i].n not in lx.RANKS
        and not (prev is not None and prev.kind == "w" and prev.article)
        and not (nxt is not None and nxt.n[:1] == "و" and _head_at(tokens, i + 1))
    )


def _eponym_noun(tok: Token) -> bool:
    """`مطار`, `مكتبة`: a noun named after a person with his title; not `بمكتبه` (`مكتب` and `ه`, his
    office), whose pronoun the folding of `ة` to `ه` hides: a noun with a pronoun is no construct."""
    return any(
        f in lx.EPONYM_NOUNS and not (f.endswith("ه") and tok.text.endswith("ه")) for f in _forms(tok.n)
    )


# A gap between a title and its name in commas holds no place or time adjunct of a verb (`في مكتبه`,
# `اليوم`): only what qualifies the title (`(قسد)`, `سابقا لدى بغداد`, `المعترف بها دوليا`).
_ADJUNCT_WORDS = frozenset(
    normalize(w)
    for w in "في اليوم أمس امس غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت مساء صباح خلال".split()
)


def _closed_apposition(tokens: Sequence[Token], title_end: int) -> tuple[int, int] | None:
    """A title that found no name, a few more words that qualify it and a comma, then a name closed by
    a comma with no title of its own (`... سابقا لدى بغداد، ثامر السبهان، وبحثا`): that name, the
    title's holder; a name by the lexicons, or words that are no common phrase (`(قسد)، مظلوم عبدي،`:
    names the lexicons do not know). (start, end) of the name, or None."""
    comma = next(
        (k for k in range(title_end, min(title_end + 5, len(tokens))) if tokens[k].text in _COMMAS), None
    )
    if comma is None or any(
        tokens[k].line_start
        or tokens[k].kind == "p"
        and tokens[k].text not in "()"
        or tokens[k].n in _ADJUNCT_WORDS
        for k in range(title_end, comma)
    ):
        return None
    start = comma + 1
    end = _parse_name(tokens, start) if start < len(tokens) and _valid_name_token(tokens[start]) else None
    if (
        end is None
        or end >= len(tokens)
        or tokens[end].text not in _COMMAS
        or not _evidence(tokens, start, end)
        and name_words.common_phrase([t.text for t in tokens[start:end]])
    ):
        return None
    if (
        _title_after_name(tokens, end, comma=True) is not None
        or tokens[start].n[:1] == "و"
        and len(tokens[start].n) > 3
    ):
        return None  # `، X، وزير ...`: a person of his own; `، وX`: the next of a list
    return start, end


def _holder_after_genitive(tokens: Sequence[Token], i: int, name_first: int, name_end: int) -> int | None:
    """A title whose last head takes `ل` (`المستشار الإعلامي للرئيس`) names the person it belongs to;
    a second name right after that one is the title's holder. Where that name ends."""
    inner = next((h for h in range(name_first - 1, i, -1) if _head_at(tokens, h)), None)
    if inner is None or tokens[inner].n[:1] != "ل" or name_end >= len(tokens) or tokens[name_end].line_start:
        return None
    end = _parse_name(tokens, name_end)
    return end if end is not None and _evidence(tokens, name_end, end) else None


def _given_title_word(tokens: Sequence[Token], i: int) -> int | None:
    """`أمير`, `ملك` without the article and not in construct with a place or a body (`أمير قطر`,
    `ملك الأردن`) but right before a name: a given name, the first of that name. Where it ends."""
    tok = tokens[i]
    if tok.article or tok.n not in _NAME_OR_TITLE or i + 1 >= len(tokens):
        return None
    end = _parse_name(tokens, i + 1)
    return end if end is not None and end - i <= 4 else None


def _after_verb(tokens: Sequence[Token], i: int, scan: _Scan) -> int | None:
    """A name right after a speech, contact or `كان` verb at `i` (after a contact verb, maybe with the
    verb's `ب`: `التقى بمظلوم عبدي`)."""
    tok, persons = tokens[i], scan.persons
    if i + 1 < len(tokens) and _head_at(tokens, i + 1):
        return None  # `وكان سلطان عمان X`: a title opens the subject, the title scan reads it next
    if tok.n in _CONTACT_VERBS and i + 1 < len(tokens) and _verbs_preposition(tokens[i + 1]):
        scan.preposition_first.add(i + 1)
    end = _parse_name(tokens, i + 1)
    if (
        end is None
        and (tok.n in lx.SPEECH_VERBS or tok.n in lx.AUXILIARY_KANA)
        and single_speaker_at(tokens, i + 1)
    ):
        persons.append((i + 1, i + 1, i + 1, i + 2))  # `وقال أوباما:`: a foreign name alone
        return i + 2
    if end is None:
        return None
    if _bare_name_ok(tokens, i, end):
        persons.append((i + 1, i + 1, i + 1, end))  # `وأكد علي الأمين أن`, `وكان وليد جنبلاط قد`
        return end
    after = _title_after_name(tokens, end, comma=False) if tok.n in lx.SPEECH_VERBS else None
    if after is None:
        return None
    persons.append((after[0], after[1], i + 1, end))  # `وقال X رئيس كتلة ...`
    return after[2]


def _verbs_preposition(tok: Token) -> bool:
    """`بمظلوم`: `ب` on a word much more common without it, itself no given name (not `بسام`)."""
    rest = tok.text[1:]
    return (
        tok.n[:1] == "ب"
        and len(tok.n) > 4
        and not is_given_name(tok.text)
        and _valid_name_word(rest)
        and name_words.clitic_and_article(tok.text, rest)
    )


def _before_title(tokens: Sequence[Token], i: int, scan: _Scan) -> int | None:
    """`رسالة من X، رئيس الوزراء ...`, `اتصالا من X وزير ...`: a name after a preposition or a mark,
    and its title after a comma or right after it."""
    if not _valid_name_token(tokens[i]):
        return None
    end = _parse_name(tokens, i)
    if end is None or end >= len(tokens) or not _evidence(tokens, i, end):
        return None  # `حضر الاستقبال، مساعد وزير ...`: a clause before the next title, no name
    # after a comma, or after a preposition a head in the construct state right after the name
    # (`من X وزير العلاقات`)
    construct = tokens[i - 1].n in _NAME_OPENERS and tokens[end].kind == "w" and not tokens[end].article
    if tokens[i - 1].text in _QUOTES and tokens[end].text in _QUOTES:
        # `«X Y» وزير الدفاع`: a quoted name and its title right after the closing mark
        after = _title_after_name(tokens, end + 1, comma=False)
        if after is not None and after[1] != after[2]:
            return None  # the title runs on to a name of its own: whose title it is is unclear
    else:
        after = _title_after_name(tokens, end, comma=not construct)
    if after is None:
        return None
    scan.persons.append((after[0], after[1], i, end))
    rest = tokens[i].text[1:]
    if (
        tokens[i].n[:1] == "و"
        and len(tokens[i].n) > 3
        and name_words.clitic_and_article(tokens[i].text, rest)
    ):
        scan.conjunction_first.add(i)  # `، وعادل عبد المهدي، رئيس ...`: the name without its `و`
    return after[2]


def _list_item(tokens: Sequence[Token], i: int, scan: _Scan) -> int | None:
    """`، وأسعد بن طارق آل سعيد نائب رئيس الوزراء`: the next person of a list, a name whose first word
    carries the conjunction, and the title after it."""
    tok = tokens[i]
    rest = tok.text[1:]
    if len(tok.n) < 4 or not _valid_name_word(rest) or not name_words.clitic_and_article(tok.text, rest):
        return None  # `وليد`: a name that starts with و is read as written
    end = _parse_name(tokens, i)
    after = _title_after_name(tokens, end, comma=False) if end is not None else None
    if after is None or end is None or not _evidence(tokens, i, end):
        return None
    scan.persons.append((after[0], after[1], i, end))
    scan.conjunction_first.add(i)
    return after[2]


_KUNYA = frozenset(normalize(w) for w in "أبو ابو وأبو وابو".split())


def _kunya(tokens: Sequence[Token], i: int, scan: _Scan) -> int | None:
    """`أبو مهدي المهندس`, `وأبو بكر البغدادي`: a kunya — `أبو`, a given name, and a family name —
    names a person without a title."""
    n_tok = len(tokens)
    if i + 2 >= n_tok or not is_given_name(tokens[i + 1].text):
        return None
    if tokens[i].n[:1] == "و":
        if not (tokens[i + 2].article and _family_word(tokens[i + 2]) and _name_ends_after(tokens, i + 3)):
            return None
        end = i + 3
        scan.conjunction_first.add(i)
    else:
        end = _parse_name(tokens, i)
        if end is None or end < i + 3:
            return None
    scan.persons.append((i, i, i, end))
    return end


def _given_name_after_preposition(tokens: Sequence[Token], i: int, scan: _Scan) -> int | None:
    """`بعد الإطاحة ببشار الأسد في`: `ب`/`ل` on a given name (pyarabic), the whole a word qalsadi does
    not analyse and the news writes far less often than the name alone (wordfreq), then one family
    name with the article where the name ends: a person named with no title."""
    tok, rest = tokens[i], tokens[i].text[1:]
    if not (
        i + 2 <= len(tokens) - 1
        and len(rest) >= 3
        and is_given_name(rest)
        and not name_words.ordinary(rest)
        and reading(tok.text) in ("", "U")
        and name_words.clitic_and_article(tok.text, rest)
        and tokens[i + 1].kind == "w"
        and not tokens[i + 1].line_start
        and _family_word(tokens[i + 1], inner=True)
        and _name_ends_after(tokens, i + 2)
    ):
        return None
    scan.persons.append((i, i, i, i + 2))
    scan.preposition_first.add(i)
    return i + 2


def _coordinated(tokens: Sequence[Token], scan: _Scan) -> None:
    """`جهود X وأبو مهدي المهندس`, `بين X وY`: a name joined by `و` to a person found without a title
    before it is a person too."""
    starts = {nf for _, _, nf, _ in scan.persons}
    for name_first in sorted(
        scan.conjunction_first | {nf for nf in starts if nf > 0 and tokens[nf - 1].n == "و"}
    ):
        joint = name_first if name_first in scan.conjunction_first else name_first - 1
        for size in (2, 3):
            start = joint - size
            if start < 1 or start in starts or _parse_name(tokens, start) != joint:
                continue
            before = tokens[start - 1]
            if _valid_name_token(before) and not before.article and _name_like(before.text):
                continue  # the name may begin earlier (`تحيات` is a noun, `محمد` a given name)
            scan.persons.append((start, start, start, joint))
            break
    scan.persons.sort(key=lambda p: min(p[0], p[2]))


def _conjunction_on_names(tokens: Sequence[Token], scan: _Scan) -> None:
    """`، وزير الدفاع، ونبيل فهمي وزير الخارجية`: a name's first word that carries `و` where the
    clitic reading is the common one (wordfreq) joins the name to a list; the name is read without
    it. Not `وليد`, `وائل`, `وفاء`: given names that begin with the letter. `، بسالم صالح بن بريك،`:
    `ب`/`ل` on a given name (pyarabic), the whole unanalysed, is the verb's preposition, dropped too."""
    for _, _, name_first, _ in scan.persons:
        tok = tokens[name_first]
        rest = tok.text[1:]
        if (
            tok.n[:1] in "وبل"
            and len(tok.n) >= 4
            and not is_given_name(tok.text)
            and _valid_name_word(rest)
            and name_words.clitic_and_article(tok.text, rest)
        ):
            if tok.n[:1] == "و":
                scan.conjunction_first.add(name_first)
            elif is_given_name(rest) and reading(tok.text) in ("", "U"):
                scan.preposition_first.add(name_first)


def _evidence(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Some word of the name is one by the lexicons (`name_words.name_evidence`)."""
    return any(name_words.name_evidence(t.text) for t in tokens[start:end])


def _name_like(word: str) -> bool:
    """A given name, or a word qalsadi reads as a proper noun or does not analyse."""
    codes = reading(word)
    return is_given_name(word) or "P" in codes or codes in ("", "U")


def add_persons(doc: _Doc, scan: _Scan) -> None:
    """A record for each person found (names linked by `person_record`), with its titles and mention."""
    tokens, text = doc.tokens, doc.text
    for first, end in scan.eponyms:
        doc.cover(first, end - 1)  # no later short form is found inside a place's name
    for title_first, title_end, name_first, name_end in scan.persons:
        clitic = name_first in scan.conjunction_first or name_first in scan.preposition_first
        name_start = tokens[name_first].start + (1 if clitic else 0)
        # one space between the words of a name a wrapped line breaks (`فائز\n\nالسراج`)
        rec = doc.person_record(" ".join(text[name_start : tokens[name_end - 1].end].split()))
        if title_end > title_first:
            title = _title_text(doc, title_first, title_end)
            if (
                title
                and title not in rec.titles
                and not (_address_only(title) and name_first in scan.after_titles)
            ):
                rec.titles.append(title)  # `معالي X وزير الطاقة`: the title is the apposition
        _honorific_form(doc, rec, title_end, name_first, name_end)
        first, last = min(title_first, name_first), max(title_end, name_end) - 1
        if name_first in scan.after_titles:
            a, b = scan.after_titles[name_first]
            title = text[tokens[a].start : tokens[b - 1].end].strip(" ،,")
            if title not in rec.titles:
                rec.titles.append(title)
            last = max(last, b - 1)
        mention = Mention(
            rec.key,
            ActorKind.PERSON,
            first,
            last,
            name_start,
            tokens[name_end - 1].end,
            title_first if title_end > title_first else None,
        )
        doc.add_mention(rec, mention)
        doc.cover(first, last)


def _honorific_form(doc: _Doc, rec: _Record, title_end: int, name_first: int, name_end: int) -> None:
    """`الملك عبد الله الثاني`, `الشيخ تميم`: a personal honorific right before the name is a form the
    text names him by (CONVENTIONS: aliases are forms that occur), kept as an alias."""
    if title_end != name_first or name_first == 0:
        return
    head = doc.tokens[name_first - 1]
    form = next((f for f in _forms(head.n) if f in lx.PERSONAL_HONORIFICS), None)
    if form is None:
        return
    start = head.start + _strip_clitic_offset(head, form)
    alias = " ".join(doc.text[start : doc.tokens[name_end - 1].end].split())
    if alias != rec.name and alias not in rec.aliases:
        rec.aliases.append(alias)


def _title_text(doc: _Doc, title_first: int, title_end: int) -> str:
    """A title as written, from its head without a clitic (`للرئيس الروسي` -> `الرئيس الروسي`)."""
    head_tok = doc.tokens[title_first]
    head_form = next((f for f in _forms(head_tok.n) if f in lx.PERSON_TITLE_HEADS), head_tok.n)
    title_start = head_tok.start + _strip_clitic_offset(head_tok, head_form)
    title = doc.text[title_start : doc.tokens[title_end - 1].end].strip(" ،,")
    if head_form.startswith(_ARTICLE) and not head_tok.article and title.startswith("لل"):
        title = _ARTICLE + title[2:]
    return title


def _address_only(title: str) -> bool:
    return all(
        w in lx.ADDRESS_HONORIFICS or w in lx.HONORIFICS or w in lx.PERSONAL_HONORIFICS or w == "السمو"
        for w in normalize(title).split()
    )
