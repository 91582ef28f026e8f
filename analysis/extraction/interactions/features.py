"""Features of a candidate interaction: the trigger words around its parties (the trigger lexicon,
verbs and nominal forms), the linking words between them, their kinds, their distance, what the
rules made of them, and the sentence's negation, hedging, quotation and future markers.

Pure Python. Each feature is a string (a binary indicator) prefixed by the candidate's kind (rule /
pair / visit): each kind weighs its cues on its own (a cue of the rules' engagements, which are
mostly right, says little about a pair the rules left out).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token
from analysis.extraction.interactions.candidates import Candidate, Document, Sentence
from analysis.extraction.interactions.words import token_reading, trigger_of

# Words that link two parties of one interaction (`مع`, `بين … و`, `كل من`, `لدى`) or open a place.
LINKS = frozenset(normalize(w) for w in "مع بين كل من لدى و ب عن إلى في نظيره نظيرها".split())
_QUOTES = frozenset('"“”«»')
_TOKENS_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21)


_CAPITALS = {normalize(c): normalize(state) for state, capitals in lx.STATES.items() for c in capitals}


def state_of(place: str) -> str:
    """The state a place name stands for (`موسكو` -> روسيا), normalized; else the name itself."""
    n = normalize(place)
    return _CAPITALS.get(n, n)


def bucket(n: int, edges: Sequence[int] = _TOKENS_BUCKETS) -> str:
    """The largest edge not above `n` (a coarse, monotone reading of a count)."""
    return str(max((e for e in edges if e <= n), default=edges[0]))


def sentence_features(doc: Document, sent: Sentence) -> list[str]:
    """Cues of the whole sentence, shared by its candidates."""
    tokens = doc.analysis.tokens
    out = [
        f"sent={bucket(sent.index, (0, 1, 2, 3, 6, 12))}",
        f"actors={bucket(len(sent.mentions), (0, 1, 2, 3, 5))}",
    ]
    types = set()
    for i in sent.tokens:
        tok = tokens[i]
        word = token_reading(tok)
        if word.trigger is not None:
            types.add(f"trig={word.trigger[0]}:{'v' if word.trigger[1] else 'n'}")
        out.extend(word.cues - {"visit_word"})
        if tok.kind == "p" and tok.text in _QUOTES:
            out.append("quote")
    out.extend(sorted(types) or ["no_trigger"])
    return sorted(set(out))


def _span(m: Mention | None) -> tuple[int, int]:
    """Token span of a mention with its title; an implied party sits before the sentence."""
    if m is None:
        return (-1, -1)
    return (m.title_first if m.title_first is not None else m.first, m.last)


def _between(doc: Document, sent: Sentence, a: tuple[int, int], b: tuple[int, int]) -> list[str]:
    """Cues between two spans (`a` before `b`): link words, triggers, other mentions, distance."""
    tokens = doc.analysis.tokens
    lo, hi = max(a[1] + 1, sent.tokens.start), b[0]
    out = [f"gap={bucket(max(hi - lo, 0))}"]
    others = 0
    for i in range(lo, hi):
        tok = tokens[i]
        if tok.kind == "w" and tok.n in LINKS:
            out.append(f"btw={tok.n}")
        elif tok.kind == "p" and tok.text in "،,":
            out.append("btw=comma")
        if (hit := trigger_of(tok)) is not None:
            out.append(f"btw_trig={hit[0]}")
    for m in sent.mentions:
        if lo <= m.first < hi:
            others += 1
    out.append(f"btw_mentions={bucket(others, (0, 1, 2))}")
    if others and all(
        tokens[i].kind == "p" or tokens[i].n in LINKS or any(m.first <= i <= m.last for m in sent.mentions)
        for i in range(lo, hi)
    ):
        out.append("in_list")
    if b[0] < len(tokens) and b[0] >= 0:
        first = tokens[b[0]]
        if first.kind == "w" and first.n[:1] in "وبل" and first.n not in LINKS:
            out.append(f"b_clitic={first.n[:1]}")
        if b[0] - 1 >= sent.tokens.start:
            prev = tokens[b[0] - 1]
            out.append(f"b_prev={prev.n if prev.n in LINKS else ('comma' if prev.text in '،,' else 'other')}")
    return out


Nearest = tuple[int, int, tuple[str, bool], str]  # distance, token, (type, is a verb), before/between/after


def _nearest_trigger(doc: Document, sent: Sentence, a: tuple[int, int], b: tuple[int, int]) -> Nearest | None:
    """The trigger closest to the pair (the first of equals), outside both parties."""
    tokens = doc.analysis.tokens
    best = None
    for i in sent.tokens:
        hit = trigger_of(tokens[i])
        if hit is None or a[0] <= i <= a[1] or b[0] <= i <= b[1]:
            continue
        where = "before" if i < a[0] else ("between" if i < b[0] else "after")
        dist = min(abs(i - x) for x in (*a, *b) if x >= 0) if b[0] >= 0 else abs(i - a[0])
        if best is None or dist < best[0]:
            best = (dist, i, hit, where)
    return best


def _nearest_cues(nearest: Nearest | None) -> list[str]:
    """The nearest trigger's type, where it stands (before, between, after) and how far."""
    if nearest is None:
        return ["near=none"]
    dist, _, (etype, verb), where = nearest
    return [
        f"near_pair={etype}:{where}:{bucket(dist, (0, 1, 3))}",
        f"near={etype}:{where}",
        f"near_pos={where}",
        f"near_dist={bucket(dist, (0, 1, 2, 4, 8))}",
        f"near_verb={verb}",
    ]


def _party(m: Mention | None, doc: Document, name: str, slot: str) -> list[str]:
    if m is None:
        return [f"{slot}=implied:{doc.kinds.get(name, 'unknown')}"]
    out = [f"{slot}={m.kind}", f"{slot}_seen={bucket(doc.mention_counts.get(name, 0), (0, 1, 2, 3, 5))}"]
    if m.title_only:
        out.append(f"{slot}_title_only")
    elif m.title_first is not None:
        out.append(f"{slot}_titled")
    return out


def _rule_cues(cand: Candidate) -> list[str]:
    """What the rules made of a rule candidate. A new candidate reads none of the rules' output: the
    model learns from every pair what a pair that interacts looks like, whoever found it (on the
    articles it learns from the rules are in-sample and miss little; on unseen news they miss more,
    and a pair model that leaned on them would not believe it)."""
    if cand.rule is None:
        return []
    e = cand.rule
    return [
        f"rule={e.type}",
        f"rule_status={e.status}",
        f"rule_n={min(len(e.participants), 3)}",
        f"rule_loc={e.location is not None}",
        f"rule_dated={e.date.year is not None}",
        f"rules_here={bucket(len(cand.sentence.rules), (0, 1, 2))}",
    ]


def word_class(tok: Token) -> str:
    """A word read by its class, not its form: a link word itself, else a trigger's type (verb or
    noun), a speech verb, or any word. Unseen news words the pair's context with words the training
    articles never used: their class still says something where the form says nothing."""
    if tok.kind != "w":
        return "punct"
    if tok.n in LINKS:
        return tok.n
    word = token_reading(tok)
    if word.trigger is not None:
        return f"trig:{word.trigger[0]}:{'v' if word.trigger[1] else 'n'}"
    if "speech" in word.cues:
        return "speech"
    return "word"


PAIR_WINDOW = 8  # the words between two parties are read when at most this many tokens part them


def _pair_words(doc: Document, cand: Candidate, a: tuple[int, int], b: tuple[int, int]) -> list[str]:
    """The words of a pair's context (a pair candidate only): the classes of those between its parties
    when they stand close (`word_class`, each once: the raw forms memorised the training articles),
    the two words before the first and the word after the second (class and form); how often the document names the two together and whether they are its leading
    persons; whether the sentence is the headline."""
    tokens, sent = doc.analysis.tokens, cand.sentence
    out = []
    if a[0] >= 0:
        if b[0] - a[1] - 1 <= PAIR_WINDOW:
            out += sorted(
                {f"wb={word_class(tokens[i])}" for i in range(a[1] + 1, b[0]) if tokens[i].kind == "w"}
            )
        for slot, i in (("wpre", a[0] - 1), ("wpre2", a[0] - 2), ("wpost", b[1] + 1)):
            if sent.tokens.start <= i < sent.tokens.stop:
                out += [f"{slot}={word_class(tokens[i])}", f"{slot}r={tokens[i].n}"]
    out.append(f"co={bucket(doc.pair_counts.get(frozenset(cand.parties), 0), (0, 1, 2, 3))}")
    out.append(f"leading={len(doc.leading & set(cand.parties))}")
    if sent.index == 0:
        out.append("headline")
    return out


def candidate_features(doc: Document, cand: Candidate, shared: Sequence[str]) -> list[str]:
    """Every feature of `cand`, given its sentence's features `shared`."""
    sent = cand.sentence
    spans = [_span(m) for m in cand.mentions]
    if cand.place is not None:
        spans.append(_span(cand.place))
    out = list(shared) + _rule_cues(cand)
    for slot, (name, m) in zip(("a", "b"), zip(cand.parties, cand.mentions, strict=False), strict=False):
        out += _party(m, doc, name, slot)
    own = [doc.states.get(n, set()) for n in cand.parties]
    others = [cand.place.actor] if cand.place is not None else list(cand.parties)
    if any(state_of(o) in states for states in own for o in others):
        out.append("own_state")
    if cand.place is not None:
        out.append(f"place={cand.place.kind}")
        prev = cand.place.first - 1
        if prev >= sent.tokens.start:
            word = doc.analysis.tokens[prev].n
            out.append(f"place_prev={word if word in LINKS else 'other'}")
    if len(spans) >= 2:
        a, b = sorted(spans[:2])
        nearest = _nearest_trigger(doc, sent, a, b)
        out += _between(doc, sent, a, b) + _nearest_cues(nearest)
        out.append(f"kinds={'-'.join(sorted(f for f in out if f.startswith(('a=', 'b='))))}")
        if cand.kind == "pair":
            out += _pair_words(doc, cand, a, b)
    prefix = cand.kind
    return [f"{prefix}|{f}" for f in out] + [f"kind={prefix}"]
