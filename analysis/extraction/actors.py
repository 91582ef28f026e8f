"""Actors in a document: persons (found by the title that introduces them), organisations,
states (capitals standing for them) and places, with every mention's offsets.

Rules, not a gazetteer of people: a person is a title chain (`رئيس هيئة الحشد الشعبي`)
followed by a name, or a name after a speech verb followed by a title. Later short forms
(`الفياض`, `السيد الفياض`, `فياض`) and title-only mentions (`رئيس هيئة الحشد الشعبي`) are
linked back to the person. Known actors curated by analysts are matched by their aliases.

The stages live in their own modules: `person_scan` (titles and names, with `person_titles` and
`person_names`), `known_actors`, `short_forms`, `organisations`, `actor_geo`; this module runs them
in order and gives the actors their final names.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import name_key, normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_geo import _geo_at
from analysis.extraction.actor_records import ActorAnalysis, Mention, _Doc, _Record
from analysis.extraction.actor_tokens import Token, _forms, _strip_clitic_offset, tokenize
from analysis.extraction.held_offices import held_before_names
from analysis.extraction.kingdom_mentions import find_kingdom_mentions
from analysis.extraction.known_actors import match_known
from analysis.extraction.organisations import find_organisations
from analysis.extraction.person_merges import merge_short_forms
from analysis.extraction.person_scan import add_persons, scan_persons
from analysis.extraction.results import ActorKind, ExtractedActor, KnownActor, Span
from analysis.extraction.short_forms import link_short_forms, link_title_only
from analysis.extraction.title_holders import foreign_appositions

__all__ = ["ActorAnalysis", "Mention", "Token", "_forms", "find_actors", "tokenize"]

_KIND_ORDER = {ActorKind.PERSON: 0, ActorKind.ORGANIZATION: 1, ActorKind.STATE: 2, ActorKind.PLACE: 3}


def find_actors(
    text: str, *, known_actors: Sequence[KnownActor] = (), tokens: list[Token] | None = None
) -> ActorAnalysis:
    """Every actor the rules or the known actors find in `text`, with their mentions."""
    tokens = tokens if tokens is not None else tokenize(text)
    doc = _Doc(text, tokens, [False] * len(tokens))
    scan = scan_persons(tokens)
    scan.title_only.extend(held_before_names(tokens, scan.persons, scan.after_titles))
    scan.title_only.extend(foreign_appositions(tokens, scan.persons, scan.after_titles))
    add_persons(doc, scan)
    match_known(doc, known_actors)
    link_short_forms(doc)
    link_title_only(doc, scan.title_only)
    in_title = [False] * len(tokens)
    for m in doc.mentions:
        if m.kind == ActorKind.PERSON:
            for s in range(m.first, m.last + 1):
                in_title[s] = True
    org_covered = find_organisations(doc, in_title)
    _find_places(doc, in_title, org_covered)
    taken = list(org_covered)
    for m in doc.mentions:
        for s in range(m.first, m.last + 1):
            taken[s] = True
    find_kingdom_mentions(doc, in_title, taken)
    merge_short_forms(doc)
    doc.mentions.sort(key=lambda m: (m.first, m.last))
    actors = [_extracted(doc.text, rec) for rec in {id(r): r for r in doc.table.records.values()}.values()]
    # Mentions point at the record key; give them the final display name.
    key_to_name = {key: rec.name for key, rec in doc.table.every_key.items()}
    for m in doc.mentions:
        m.actor = key_to_name.get(m.actor, m.actor)
    found = [a for a in actors if a is not None]
    found.sort(key=lambda a: (_KIND_ORDER[a.kind], a.mentions[0].start if a.mentions else 0))
    return ActorAnalysis(actors=found, mentions=doc.mentions, tokens=tokens)


def _find_places(doc: _Doc, in_title: list[bool], org_covered: list[bool]) -> None:
    """States and places (a state inside a title or an organisation's name is embedded; a state
    in a street name, `شارع فلسطين`, too)."""
    tokens, text, table = doc.tokens, doc.text, doc.table
    k_idx = 0
    while k_idx < len(tokens):
        if doc.covered[k_idx] and not in_title[k_idx]:
            k_idx += 1
            continue
        hit = _long_form_at(tokens, k_idx) or _geo_at(tokens, k_idx)
        if hit is None:
            k_idx += 1
            continue
        end, canonical, kind, off = hit
        embedded = any(in_title[k_idx:end]) or any(org_covered[k_idx:end])
        if k_idx > 0 and any(f in lx.LANDMARK_WORDS for f in _forms(tokens[k_idx - 1].n)):
            embedded = True
        tok = tokens[k_idx]
        surface = text[tok.start + off : tokens[end - 1].end]
        key = name_key(canonical)
        if not embedded or key in table.records:
            rec = table.add(canonical, kind, key)
            clean_alias = off > 0 or not tok.n.startswith(("لل", "ولل", "فلل"))
            if (
                clean_alias
                and surface != rec.name
                and normalize(surface) != normalize(rec.name)
                and surface not in rec.aliases
            ):
                rec.aliases.append(surface)
            mention = Mention(
                rec.key, kind, k_idx, end - 1, tok.start + off, tokens[end - 1].end, embedded=embedded
            )
            doc.add_mention(rec, mention)
        k_idx = end


# `جمهورية` before a state's name (`جمهورية فرنسا`), `الجمهورية` before its nationality (`الجمهورية الفرنسية`)
_STATE_NOUN_FORMS = lx.STATE_NOUNS | frozenset("ال" + noun for noun in lx.STATE_NOUNS)


def _long_form_at(tokens: Sequence[Token], i: int) -> tuple[int, str, ActorKind, int] | None:
    """`جمهورية فرنسا`, `ومملكة البحرين`, `دولة الإمارات العربية المتحدة`: a state's long form, a word
    for a state before its name; the state, named as `_geo_at` names it, over both (None when the
    name alone, or the state's listed form, is as long). `الجمهورية الإيرانية`, `الدولة الفرنسية`: the
    same word with the article before the state's nationality adjective."""
    tok = tokens[i]
    noun = next((f for f in _forms(tok.n) if f in _STATE_NOUN_FORMS), None) if tok.kind == "w" else None
    if noun is None or i + 1 >= len(tokens):
        return None
    if noun.startswith("ال"):  # `الجمهورية الإيرانية`, `والدولة الفرنسية`: the nationality names the state
        adj = tokens[i + 1]
        state = lx.DEMONYM_FORMS.get(adj.n) if adj.kind == "w" and adj.n.startswith("ال") else None
        if state is None or not adj.n.endswith("ه") or _geo_at(tokens, i) is not None:
            return None
        return i + 2, state, ActorKind.STATE, _strip_clitic_offset(tok, noun)
    name = _geo_at(tokens, i + 1)
    if name is None or name[2] != ActorKind.STATE or name[3] != 0:
        return None
    listed = _geo_at(tokens, i)
    if listed is not None and listed[0] >= name[0]:
        return None
    return name[0], name[1], ActorKind.STATE, _strip_clitic_offset(tok, noun)


def _extracted(text: str, rec: _Record) -> ExtractedActor | None:
    """The actor a record becomes (None when it has no mention); an organisation is named by the
    form with its head noun that the document uses most often."""
    if rec.kind == ActorKind.ORGANIZATION and rec.aliases:
        counts: dict[str, int] = {}
        for m in rec.mentions:
            counts[text[m.start : m.end]] = counts.get(text[m.start : m.end], 0) + 1
        forms = (rec.name, *rec.aliases)
        shortest = len(min(forms, key=lambda x: len(x.split())).split())
        full = [f for f in forms if len(f.split()) > shortest]
        best = max(full or [rec.name], key=lambda f: (counts.get(f, 0), len(f)))
        if best != rec.name:
            rec.aliases = [rec.name, *[a for a in rec.aliases if a != best]]
            rec.name = best
    if not rec.mentions:
        return None
    aliases = [a for a in dict.fromkeys(rec.aliases) if normalize(a) != normalize(rec.name)]
    spans = sorted({(m.start, m.end) for m in rec.mentions})
    return ExtractedActor(
        name=rec.name,
        kind=rec.kind,
        aliases=aliases,
        titles=list(rec.titles),
        mentions=[Span(text[s:e], s, e) for s, e in spans],
    )
