"""A scan's names checked against one another: a "name" that is another person's short form or first
name, one that holds two persons (a title's genitive and its holder, a verb's subject and object),
and a quoted name, which is one name whatever its words are elsewhere."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import name_key
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_tokens import Token, _closing
from analysis.extraction.lexical import is_given_name
from analysis.extraction.name_tokens import _valid_name_token
from analysis.extraction.person_names import _PATRONYMIC_CONNECTORS, _REGNAL_ORDINALS

# (title first, title end, name first, name end): a person's title (empty when first == end) and name.
Found = tuple[int, int, int, int]


def settle_names(tokens: Sequence[Token], persons: list[Found]) -> list[Found]:
    """The scan's persons once their names are checked against one another."""
    persons = _without_first_name_alone(tokens, _without_surname_first(tokens, persons))
    persons = _split_after_named_person(tokens, persons)
    return _without_other_surname_last(tokens, persons)


def _without_surname_first(tokens: Sequence[Token], persons: list[Found]) -> list[Found]:
    """A "name" that starts with another person's surname is that person's short form (`السفير
    ماكسيموف قدم` after `ماكسيم ماكسيموف`), left to the short-form pass; not when that word is also
    a given name and the rest is a name of its own (`فؤاد حسين` ... `نظيره حسين أمير عبداللهيان`)."""
    full_surnames: dict[tuple[str, bool], set[int]] = {}
    for idx, (_, _, nf, ne) in enumerate(persons):
        if ne - nf >= 2 and tokens[ne - 2].n not in _PATRONYMIC_CONNECTORS:
            full_surnames.setdefault((name_key(tokens[ne - 1].n), tokens[ne - 1].article), set()).add(idx)
    # the same word as written, with the article or without it: `صباح الأحمد` is no short form of `الصباح`
    return [
        p
        for idx, p in enumerate(persons)
        if not full_surnames.get((name_key(tokens[p[2]].n), tokens[p[2]].article), set()) - {idx}
        or _given_name_first(tokens, p)
    ]


def _without_first_name_alone(tokens: Sequence[Token], persons: list[Found]) -> list[Found]:
    """A title and one word that is the first name of a person named in full (`الرئيس بشار` beside
    `بشار الأسد`) is no person of its own."""
    first_names = {name_key(tokens[nf].n) for _, _, nf, ne in persons if ne - nf >= 2}
    return [p for p in persons if p[3] - p[2] != 1 or name_key(tokens[p[2]].n) not in first_names]


def _split_after_named_person(tokens: Sequence[Token], persons: list[Found]) -> list[Found]:
    """`المستشار الإعلامي للرئيس نبيه بري علي حمدان`: a "name" that begins with the full name of a
    person found elsewhere and goes on with two words or more is that person (whose title the first
    title is a genitive of) and then the name of the title's holder."""
    keys = [name_key(t.n) for t in tokens]
    full_names = {tuple(keys[nf:ne]) for _, _, nf, ne in persons if ne - nf >= 2}
    out: list[Found] = []
    for found in persons:
        title_first, title_end, first, end = found
        inner = next(
            (
                m
                for m in range(end - first - 2, 1, -1)
                if tuple(keys[first : first + m]) in full_names
                and tokens[first + m].n not in lx.NAME_CONNECTORS  # `فيصل بن فرحان بن عبدالله`: one name
            ),
            None,
        )
        if inner is None or title_end == title_first:
            out.append(found)
            continue
        out.append((first, first, first, first + inner))
        out.append((title_first, first + inner, first + inner, end))
    return out


def _without_other_surname_last(tokens: Sequence[Token], persons: list[Found]) -> list[Found]:
    """`استقبل الرئيس X Y هوكشتاين`, `دعا الأمير X بن Y الكاظمي`: a name that ends with the surname of
    another person named in full, after a word that is not in that person's name, ends before it —
    a verb's subject and then its object. The rest must stay a name: two words or more, or one that
    is itself the surname of a third person (`الرئيس عون لودريان`); `حافظ الأسد` beside `بشار الأسد`
    stays whole, and so do the names of a dynasty (`علي جراح الصباح`, `صباح الأحمد الجابر الصباح`)."""
    keys = [name_key(t.n) for t in tokens]
    surnames: dict[str, set[tuple[int, int]]] = {}
    for _, _, nf, ne in persons:
        if ne - nf >= 2:
            surnames.setdefault(keys[ne - 1], set()).add((nf, ne))

    def whole(a: int, b: int) -> bool:
        """A full name that opens with no other person's surname (not `عون لودريان` itself)."""
        return not any((c, d) != (a, b) for c, d in surnames.get(keys[a], ()))

    def other_surname(nf: int, ne: int, word: int) -> bool:
        """The word at `word` ends the full name of someone else: a name that shares no other word
        with ours, spaced or not (`عبد الأمير الشمري` and `عبد الأمير كامل الشمري` are one man)."""
        ours = keys[nf:word]
        for a, b in surnames.get(keys[word], ()):
            theirs = keys[a : b - 1]
            if (a, b) == (nf, ne) or not whole(a, b) or set(ours) & set(theirs):
                continue
            if tokens[b - 2].article:
                continue  # `ناصر الأحمد الجابر الصباح`: a chain of families ends on a dynasty kin share
            if b - a >= 3 and ne - nf >= 3:
                continue  # `محمد علي إسماعيل` and `حسين أحمد إسماعيل`: two full names of one family
            if not ours or not ("".join(ours).startswith(theirs[0]) or "".join(theirs).startswith(ours[0])):
                return True
        return False

    out: list[Found] = []
    for title_first, title_end, nf, ne in persons:
        if (
            ne - nf >= 2
            and tokens[ne - 2].n not in lx.NAME_CONNECTORS
            and not tokens[ne - 2].article  # `صباح الأحمد الجابر الصباح` beside `علي جراح الصباح`: a chain
            and tokens[ne - 1].n not in _REGNAL_ORDINALS  # `عبد الله الثاني` beside `آل ثاني`
            and not _quoted(tokens, nf, ne)  # `المشير “خليفة حفتر”`: quoted as one name
            and other_surname(nf, ne, ne - 1)
            and (ne - nf >= 3 or other_surname(nf, ne, nf))
        ):
            ne -= 1
        out.append((title_first, title_end, nf, ne))
    return out


def _quoted(tokens: Sequence[Token], first: int, end: int) -> bool:
    """The words from `first` to `end` stand between quotation marks, as one name."""
    return first > 0 and _closing(tokens, first - 1) == end


def _given_name_first(tokens: Sequence[Token], found: Found) -> bool:
    """The name begins with a given name and ends with a word the lexicons call a name."""
    _, _, first, end = found
    return (
        end - first >= 2
        and is_given_name(tokens[first].text)
        and name_words.name_evidence(tokens[end - 1].text)
    )


def quoted_name(tokens: Sequence[Token], first: int, close: int) -> bool:
    """Two to four words between quotation marks right after a title: one name when the first is a
    name word without the article (not `“الفرص المستقبلية”`, `"زيارة عمل"`), none is a particle or a
    verb, the last is a name by the lexicons, and they are no common phrase."""
    words = tokens[first:close]
    return (
        2 <= len(words) <= 4
        and all(t.kind == "w" and not name_words.never_in_name(t.text) for t in words)
        and not words[0].article
        and _valid_name_token(words[0])
        and name_words.name_evidence(words[-1].text)
        and not name_words.common_phrase([t.text for t in words])
    )
