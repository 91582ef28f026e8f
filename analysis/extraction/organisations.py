"""Organisations named in a document: a head noun and its genitive chain (`هيئة الحشد الشعبي`), a
definite group and its nisba (`المقاومة الإسلامية في العراق`), and later the same name without its
head (`الحشد الشعبي`)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import key_variants, name_key, normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_geo import _geo_at, _is_geo, _reads_as
from analysis.extraction.actor_records import Mention, _Doc, _Record, _Table
from analysis.extraction.actor_tokens import (
    _ARTICLE,
    Token,
    _definite,
    _forms,
    _is_stop,
    _is_trigger,
    _strip_clitic_offset,
)
from analysis.extraction.generic_bodies import find_generic_bodies
from analysis.extraction.lexical import reading, word_zipf
from analysis.extraction.results import ActorKind


def _definite_org_at(tokens: Sequence[Token], i: int) -> int | None:
    """`المقاومة الإسلامية (في العراق)`: a definite group noun, one or two nisba adjectives, and
    the country it operates in."""
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "definite_org"):
        return None
    n_tok = len(tokens)
    j = i + 1
    while j < n_tok and j - i <= 2 and tokens[j].kind == "w" and tokens[j].n.startswith(_ARTICLE):
        if not tokens[j].n.endswith(("يه", "ي")) or _is_stop(tokens[j].n) or _is_geo(tokens[j].n):
            break
        j += 1
    if j == i + 1:
        return None
    if j + 1 < n_tok and tokens[j].n == "في" and (geo := _geo_at(tokens, j + 1)) is not None:
        if geo[2] == ActorKind.STATE and geo[3] == 0:
            return geo[0]
    return j


def _org_at(tokens: Sequence[Token], i: int) -> int | None:
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "org"):
        return None
    n_tok = len(tokens)
    j = i + 1
    end = None
    construct = 0
    seen_definite = False
    while j < n_tok:
        t = tokens[j]
        if t.kind != "w":
            break
        definite = _definite(t.n)
        if definite in _ORG_ENDERS:
            break
        if (
            definite
            and not _is_stop(t.n)
            and not _is_trigger(t.n)
            and not (t.n != definite and definite in lx.STOPWORDS)
        ):
            if t.n != definite and t.n[0] not in "و" and seen_definite:
                break  # `بالدعوة`, `للحشد`: a new phrase, not the name going on
            prev = tokens[j - 1]
            if seen_definite and prev.article and prev.n.endswith("ي") and not t.n.endswith(("ي", "ه")):
                break  # `جماعة الحوثي التقدم`: after a nisba only an adjective goes on with the name
            seen_definite = True
            j += 1
            end = j
            continue
        if not seen_definite and construct < 2 and _valid_org_word(t.n):
            construct += 1
            j += 1
            end = j
            continue
        if (
            t.n == "في"
            and seen_definite
            and j + 1 < n_tok
            and (
                any(f in lx.ORG_HEADS for f in _forms(tokens[j + 1].n))
                or tokens[j + 1].n in lx.INSTITUTION_WORDS
            )
        ):
            j += 1
            if not tokens[j].article:
                j += 1
                end = j
                seen_definite = False
                construct = 1
            continue
        break
    if end is None:
        return None
    if not seen_definite and construct == 1 and tokens[i + 1].n in lx.TITLE_WORDS:
        return None
    return end


_ORG_ENDERS = frozenset(
    normalize(w)
    for w in "المدعومة المدعوم الموالية الموالي التابعة التابع المقربة المرتبطة المقرب المرتبط".split()
)


# `أن`/`إن` with a pronoun (`أعلنت حركة X أنها ...`): the clause the name is the subject of
_THAT_WITH_PRONOUN = frozenset(
    normalize(that + pronoun) for that in ("أن", "إن", "بأن", "لأن") for pronoun in ("ه", "ها", "هم", "هما")
)


def _valid_org_word(n: str) -> bool:
    if n.endswith(("يه", "ي")) and len(n) > 3:
        return False  # an indefinite adjective (`مؤسسة عسكرية`), not a name
    if n in _THAT_WITH_PRONOUN or _clitic_phrase(n):
        return False
    return (
        not (_is_stop(n) or _is_trigger(n) or n in lx.DEMONYM_FORMS or n in lx.PERSON_TITLE_HEADS)
        and len(n) >= 2
        and not name_words.never_in_name(n)  # `جماعة داعش مؤكدا`: a participle after the name
    )


def _clitic_phrase(n: str) -> bool:
    """`وحماس`, `ومؤسسات`, `بصاروخ`: a conjunction or a preposition on a word, opening a phrase of
    its own after a name (`حركة فتح وحماس`, `شركة أرامكو بصاروخ`). By wordfreq: the word without
    its first letter is a commoner word than the word as written (not `بوكو`, `لبنان`, `ولاية`)."""
    if len(n) < 4 or n[0] not in _CLITICS:
        return False
    return word_zipf(n[1:]) > word_zipf(n)


_CLITICS = frozenset("وبلكف")


def _org_record(table: _Table, name: str) -> _Record:
    key = name_key(name)
    parts = key.split()
    for rec in table.records.values():
        if rec.kind != ActorKind.ORGANIZATION:
            continue
        other = rec.key.split()
        same_tail = len(parts) >= 3 and parts[1:] == other[1:]
        subset = (
            parts[0] == other[0]
            and len(parts) >= 2
            and len(other) >= 2
            and (set(parts) <= set(other) or set(other) <= set(parts))
        )
        if rec.key == key or same_tail or subset:
            if len(key) > len(rec.key) and subset and not same_tail:
                rec.aliases.append(rec.name)
                table.records.pop(rec.key)
                rec.name, rec.key = name, key
                table.records[key] = rec
                table.every_key[key] = rec
            elif name != rec.name and name not in rec.aliases:
                rec.aliases.append(name)
            return rec
    return table.add(name, ActorKind.ORGANIZATION, key)


_NEWS = frozenset(normalize(w) for w in "أنباء الأنباء للأنباء الإخبارية".split())


def _news_agency(tokens: Sequence[Token], first: int, end: int) -> bool:
    """`وكالة الأنباء السعودية`, `وكالة أنباء فارس`, `وكالة تسنيم للأنباء`: a news agency."""
    return any(f == "وكاله" for f in _forms(tokens[first].n)) and any(
        tokens[k].n in _NEWS for k in range(first + 1, min(end + 1, len(tokens)))
    )


_QUOTES = frozenset('"“”«»')
_QUOTED_WORDS = 3  # words of a name in quotes after its head (`جبهة “البوليساريو”`)


def _quoted_org_at(tokens: Sequence[Token], i: int) -> tuple[int, int, int] | None:
    """`جبهة “البوليساريو”`, `ميليشيات جبهة “X”`, `تنظيم «الدولة الإسلامية»`: head nouns of an
    organisation, then its name in quotes; (first, last) tokens of the quoted name and the end of
    the phrase (past the closing quote). The name is the quoted words, as news write it alone."""
    k = i
    while (
        k < len(tokens)
        and k - i < 2
        and tokens[k].kind == "w"
        and any(f in lx.ORG_HEADS for f in _forms(tokens[k].n))
    ):
        k += 1
    if k == i or k >= len(tokens) or tokens[k].text not in _QUOTES:
        return None
    q = k + 1
    while q < len(tokens) and q - k <= _QUOTED_WORDS and tokens[q].kind == "w" and not _is_stop(tokens[q].n):
        q += 1
    if q == k + 1 or q >= len(tokens) or tokens[q].text not in _QUOTES:
        return None
    if all(any(f in _DESCRIPTORS for f in _forms(tokens[h].n)) for h in range(i, k)):
        return k + 1, q - 1, q + 1
    return i, q, q + 1  # `كتائب "حزب الله"`: a head that is part of the name (not Hezbollah itself)


# heads that only say what kind of group the quoted name is (`تنظيم «داعش»`, `جبهة “البوليساريو”`,
# `شركة “رايثيون”`: the company is named alone, as news write it)
_DESCRIPTORS = frozenset(
    normalize(w) for w in "تنظيم جبهة حركة جماعة ميليشيا مليشيا ميليشيات مليشيات شركة".split()
)


def find_organisations(doc: _Doc, in_title: list[bool]) -> list[bool]:
    """Mentions of organisations (embedded when inside a person's title); the tokens they cover."""
    tokens, text, table = doc.tokens, doc.text, doc.table
    org_covered = [False] * len(tokens)
    k_idx = 0
    while k_idx < len(tokens):
        if (quoted := _quoted_org_at(tokens, k_idx)) is not None:
            _add_quoted(doc, in_title, org_covered, k_idx, quoted)
            k_idx = quoted[2]
            continue
        end = _org_at(tokens, k_idx) or _definite_org_at(tokens, k_idx)
        if end is None:
            k_idx += 1
            continue
        tok = tokens[k_idx]
        head = next(f for f in _forms(tok.n) if f in lx.ORG_HEADS or f in lx.DEFINITE_ORG_HEADS)
        off = _strip_clitic_offset(tok, head)
        name = text[tok.start + off : tokens[end - 1].end]
        embedded = any(in_title[k_idx:end])
        if _news_agency(tokens, k_idx, end):
            pass  # media are no actors (../shared/gold/CONVENTIONS.md); its words are still taken
        elif not embedded or name_key(name) in table.records:
            rec = _org_record(table, name)
            mention = Mention(
                rec.key,
                ActorKind.ORGANIZATION,
                k_idx,
                end - 1,
                tok.start + off,
                tokens[end - 1].end,
                embedded=embedded,
            )
            doc.add_mention(rec, mention)
        for s in range(k_idx, end):
            org_covered[s] = True
        k_idx = end
    _find_bare_forms(doc, in_title, org_covered)
    _find_member_plurals(doc, in_title, org_covered)
    find_generic_bodies(doc, in_title, org_covered)
    return org_covered


def _add_quoted(
    doc: _Doc, in_title: list[bool], org_covered: list[bool], start: int, quoted: tuple[int, int, int]
) -> None:
    first, last, end = quoted
    tokens = doc.tokens
    off = _strip_clitic_offset(
        tokens[first], next((f for f in _forms(tokens[first].n) if f in lx.ORG_HEADS), tokens[first].n)
    )
    name = doc.text[tokens[first].start + off : tokens[last].end]
    embedded = any(in_title[start:end])
    if not embedded or name_key(name) in doc.table.records:
        rec = _org_record(doc.table, name)
        mention = Mention(
            rec.key,
            ActorKind.ORGANIZATION,
            first,
            last,
            tokens[first].start + off,
            tokens[last].end,
            embedded=embedded,
        )
        doc.add_mention(rec, mention)
    for s in range(start, end):
        org_covered[s] = True


def _find_bare_forms(doc: _Doc, in_title: list[bool], org_covered: list[bool]) -> None:
    """Bare forms of organisations seen with their head (`الحشد الشعبي` after `هيئة الحشد الشعبي`)."""
    tails: dict[tuple[str, ...], _Record] = {}
    for rec in list(doc.table.records.values()):
        if rec.kind == ActorKind.ORGANIZATION:
            parts = tuple(name_key(rec.name).split()[1:])
            if len(parts) >= 2:
                tails.setdefault(parts, rec)
    if not tails:
        return
    first_parts = {parts[0] for parts in tails}
    for k_idx, tok in enumerate(doc.tokens):
        if org_covered[k_idx] or doc.covered[k_idx] or tok.kind != "w":
            continue
        if first_parts.isdisjoint(key_variants(tok.n)):
            continue
        for parts, rec in tails.items():
            if _bare_form_at(doc, k_idx, parts, rec, in_title):
                for s in range(k_idx, k_idx + len(parts)):
                    org_covered[s] = True
                break


def _bare_form_at(doc: _Doc, k_idx: int, parts: tuple[str, ...], rec: _Record, in_title: list[bool]) -> bool:
    tokens = doc.tokens
    size = len(parts)
    if k_idx + size > len(tokens) or parts[0] not in key_variants(tokens[k_idx].n):
        return False
    if not all(name_key(tokens[k_idx + s].n) == parts[s] for s in range(1, size)):
        return False
    tok = tokens[k_idx]
    bare = next((f for f in _forms(tok.n) if _strip_article(f) == parts[0]), tok.n)
    off = _strip_clitic_offset(tok, bare)
    surface = doc.text[tok.start + off : tokens[k_idx + size - 1].end]
    if surface not in rec.aliases and surface != rec.name:
        rec.aliases.append(surface)
    mention = Mention(
        rec.key,
        ActorKind.ORGANIZATION,
        k_idx,
        k_idx + size - 1,
        tok.start + off,
        tokens[k_idx + size - 1].end,
        embedded=any(in_title[k_idx : k_idx + size]),
    )
    doc.add_mention(rec, mention)
    return True


def _member_plurals(doc: _Doc) -> dict[str, _Record]:
    """`الحوثيون`, `الحوثيين` for `جماعة الحوثي`: the plural of the nisba a group's head governs
    (its members, standing for the group); not of an adjective (`الاتحاد الوطني`: no `الوطنيون`)."""
    plurals: dict[str, _Record] = {}
    for rec in list(doc.table.records.values()):
        parts = normalize(rec.name).split()
        named = rec.kind == ActorKind.ORGANIZATION and len(parts) == 2 and not parts[0].startswith(_ARTICLE)
        last = parts[-1] if named else ""
        if (
            last.startswith(_ARTICLE)
            and last.endswith("ي")
            and len(last) > 5
            and last not in lx.DEMONYM_FORMS
        ):
            for ending in ("ون", "ين"):
                plurals.setdefault(last + ending, rec)
    return plurals


def _find_member_plurals(doc: _Doc, in_title: list[bool], org_covered: list[bool]) -> None:
    plurals = _member_plurals(doc)
    for k_idx, tok in enumerate(doc.tokens):
        if org_covered[k_idx] or doc.covered[k_idx] or tok.kind != "w":
            continue
        plural = next((f for f in _forms(tok.n) if f in plurals or _group_plural(f)), None)
        if plural is None:
            continue
        surface = _article_surface(doc, tok, plural)
        if plural not in plurals:  # one group for both cases (`الحوثيون`, `الحوثيين`)
            rec = _org_record(doc.table, surface)
            plurals.update({plural[:-2] + ending: rec for ending in ("ون", "ين")})
        rec = plurals[plural]
        if surface not in rec.aliases and surface != rec.name:
            rec.aliases.append(surface)
        doc.add_mention(
            rec,
            Mention(
                rec.key,
                ActorKind.ORGANIZATION,
                k_idx,
                k_idx,
                tok.start + _strip_clitic_offset(tok, plural),
                tok.end,
                embedded=in_title[k_idx],
            ),
        )
        org_covered[k_idx] = True


def _article_surface(doc: _Doc, tok: Token, form: str) -> str:
    """The word as written, without its clitics, with the article `لل` elided (`للحوثيين`)."""
    off = _strip_clitic_offset(tok, form)
    if tok.n.startswith(("لل", "ولل", "فلل")):
        return "ا" + doc.text[tok.start + tok.text.index("ل") + 1 : tok.end]
    return doc.text[tok.start + off : tok.end]


def _group_plural(form: str) -> bool:
    """`الحوثيون`, `الحوثيين` with no `جماعة الحوثي` in the document: the plural of a nisba the
    dictionary does not know (qalsadi reads neither it nor its singular under any hamza) names the
    followers of a person or a clan, a group; a nisba of the language (`الإرهابيين`, `الإسلاميين`)
    or of a people (`الإيرانيين`) does not."""
    if not (form.startswith(_ARTICLE) and form.endswith(("يون", "يين")) and len(form) > 7):
        return False
    singular = form[:-2]
    if reading(form) != "U" or any(normalize(v) in lx.DEMONYM_FORMS for v in _hamza_forms(singular)):
        return False
    return all(reading(v) in ("U", "", None) for v in _hamza_forms(singular))


def _hamza_forms(word: str) -> list[str]:
    """`الاسلامي` is also `الإسلامي`, `الأسلامي`, `الآسلامي`: the hamza the writer left off."""
    if word[2:3] not in "اأإآ" or not word[2:3]:
        return [word]
    return [word[:2] + a + word[3:] for a in "اأإآ"]
