"""Missiles and drones launched: an attack of the one who launched them.

`قالت X إنها أطلقت صواريخ صوب أهداف سعودية`: X attacked the state toward which they flew (a state
named, or its nationality adjective). `اعترضت Y صاروخاً أطلقته X`: a projectile with a pronoun on
the launch verb is what the clause before took (intercepted, shot down): X attacked Y. A launch verb
takes a projectile (`data/triggers.json`: `launch_verbs`, `projectiles`, `interceptions`,
`launch_toward`); without one it launches something else (`أطلق مبادرة`). Plain Arabic grammar.
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.event_dates import date_for
from analysis.extraction.event_places import event_location
from analysis.extraction.frame_doc import Candidate, Doc, pseudo_mention
from analysis.extraction.results import ActorKind, EngagementType, Role

LAUNCH_VERBS = lx._fold_list("launch_verbs")
PROJECTILES = lx._fold_list("projectiles")
INTERCEPTIONS = lx._fold_list("interceptions")
TOWARD = lx._fold_list("launch_toward")
_OBJECT_PRONOUNS = ("هما", "ها", "ه", "هم")
_SAID_THAT = frozenset(normalize(w) for w in "إنها أنها إنه أنه بأنها بأنه إنهم أنهم".split())
_PREPOSITIONS = frozenset(normalize(w) for w in "مع في من إلى الى على عن".split())
_REACH = 4  # words between the verb and its projectile (`أطلقت 17 طائرة`)
_TARGET_REACH = 8  # words from the projectile to `صوب`/`باتجاه` and its target


def _launch_form(word: str) -> tuple[bool, bool]:
    """(a launch verb, with an object pronoun attached: `أطلقته`, `أطلقهما`)."""
    stem = word[1:] if word[:1] in "وف" and word[1:].startswith(("أ", "ا", "ت", "ي")) else word
    if stem in LAUNCH_VERBS:
        return True, False
    return any(stem.endswith(p) and stem[: -len(p)] in LAUNCH_VERBS for p in _OBJECT_PRONOUNS), True


def _projectile(doc: Doc, k: int) -> bool:
    return doc.tokens[k].kind == "w" and any(f in PROJECTILES for f in _forms(doc.tokens[k].n))


def _party(m: Mention | None) -> bool:
    return m is not None and not m.embedded and m.kind in (ActorKind.ORGANIZATION, ActorKind.STATE)


def _free_mention(doc: Doc, q: int, rng: range) -> bool:
    """A mention at `q` that is no preposition's object (`المتحالفة مع إيران`, `الموالية لإيران`)."""
    m = doc.inside[q]
    if not _party(m) or m.first != q:
        return False
    tok = doc.tokens[q]
    attached = m.start > tok.start and tok.text[: m.start - tok.start].lstrip("وف") in _CLITICS
    return not attached and not (q > rng.start and doc.tokens[q - 1].n in _PREPOSITIONS)


_CLITICS = frozenset("لبك")


def _launcher(doc: Doc, v: int, rng: range, relative: bool) -> Mention | None:
    """Who launched: after a relative verb (`أطلقته X`), or the verb's subject: right after it
    (`أطلقت X صواريخ`), right before it (`X أطلقت`), or the speaker of `إنها أطلقت`."""
    if relative or (v + 1 < rng.stop and _party(doc.inside[v + 1])):
        m = doc.inside[v + 1] if v + 1 < rng.stop else None
        return m if _party(m) and m.first == v + 1 else None
    k = v - 1
    while k >= rng.start and doc.in_date[k]:
        k -= 1
    if k >= rng.start and _party(doc.inside[k]):
        return doc.inside[k]
    if k < rng.start or doc.tokens[k].n not in _SAID_THAT:
        return None
    return next((doc.inside[q] for q in range(k - 1, rng.start - 1, -1) if _free_mention(doc, q, rng)), None)


def _target(doc: Doc, start: int, rng: range) -> Mention | None:
    """The state the projectiles flew toward: a mention or a nationality adjective after `صوب`."""
    stop = min(start + _TARGET_REACH, rng.stop)
    toward = next((k for k in range(start, stop) if doc.tokens[k].n in TOWARD), None)
    if toward is None:
        return None
    for k in range(toward + 1, min(toward + 4, rng.stop)):
        m = doc.inside[k]
        if m is not None:
            return m if m.kind == ActorKind.STATE else None
        if (state := lx.DEMONYM_FORMS.get(doc.tokens[k].n)) is not None:
            return pseudo_mention(state, k)
    return None


def _interceptor(doc: Doc, projectile: int, rng: range) -> Mention | None:
    """`اعترضت Y صاروخاً`, `تمكن Y من اعتراض صاروخين`: the subject before the interception word
    that takes the projectile."""
    word = next(
        (
            k
            for k in range(projectile - 1, max(rng.start, projectile - 8) - 1, -1)
            if any(f in INTERCEPTIONS for f in _forms(doc.tokens[k].n))
        ),
        None,
    )
    if word is None:
        return None
    return next(
        (
            doc.inside[q]
            for q in range(word - 1, max(rng.start, word - 10) - 1, -1)
            if _free_mention(doc, q, rng)
        ),
        None,
    ) or next(
        (doc.inside[q] for q in range(word + 1, projectile) if _free_mention(doc, q, rng)),
        None,
    )


def launched_attacks(doc: Doc, s: int) -> list[Candidate]:
    """The attacks of the launch verbs of sentence `s` (see the module's docstring)."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for v in rng:
        tok = doc.tokens[v]
        if tok.kind != "w" or doc.inside[v] is not None:
            continue
        verb, relative = _launch_form(tok.n)
        if not verb:
            continue
        if relative:
            projectile = next(
                (k for k in range(v - 1, max(rng.start, v - 4) - 1, -1) if _projectile(doc, k)), None
            )
        else:
            projectile = next(
                (k for k in range(v + 1, min(v + 1 + _REACH, rng.stop)) if _projectile(doc, k)), None
            )
        if projectile is None:
            continue
        launcher = _launcher(doc, v, rng, relative)
        if launcher is None:
            continue
        other = _interceptor(doc, projectile, rng) if relative else None
        other = other or _target(doc, max(v, projectile) + 1, rng)
        if other is None and not relative and _aimed(doc, projectile + 1, rng):
            out.append(_attack(doc, s, v, rng, launcher, None))  # `أطلق X صاروخا على سفينة`
            continue
        if other is None or other.actor == launcher.actor:
            continue
        out.append(_attack(doc, s, v, rng, launcher, other))
    return out + _owned_projectiles(doc, s, rng)


_AIMED = TOWARD | frozenset(normalize(w) for w in "استهدف استهدفت يستهدف تستهدف".split())


def _aimed(doc: Doc, start: int, rng: range) -> bool:
    """The projectile flew at something (`على سفن`, `صوب المدينة`, `استهدف سفينة`): an attack, by its
    launcher alone when no party was struck (not a test fired into the sea)."""
    return any(doc.tokens[k].n in _AIMED for k in range(start, min(start + _TARGET_REACH, rng.stop)))


def _attack(doc: Doc, s: int, v: int, rng: range, attacker: Mention, other: Mention | None) -> Candidate:
    return Candidate(
        type=EngagementType.ATTACK,
        participants=[(attacker, Role.INITIATOR)]
        + ([(other, Role.PARTICIPANT)] if other is not None else []),
        sentence=s,
        trigger=v,
        date=date_for(doc, v, rng, rng.start - 1, rng.stop),
        location=event_location(doc, v, rng, rng.start - 1, rng.stop, EngagementType.ATTACK),
        subject=attacker,
    )


_OWNED = frozenset(normalize(w) for w in "تابع تابعة تابعين تابعتين التابع التابعة التابعين".split())


def _owned_projectiles(doc: Doc, s: int, rng: range) -> list[Candidate]:
    """`أعلنت X تدمير صاروخين تابعين للحوثيين`: X struck the ones whose projectiles it destroyed
    or intercepted (the owner named after `تابع`)."""
    out: list[Candidate] = []
    for k in rng:
        if doc.inside[k] is not None or not any(f in INTERCEPTIONS for f in _forms(doc.tokens[k].n)):
            continue
        projectile = next((q for q in range(k + 1, min(k + 4, rng.stop)) if _projectile(doc, q)), None)
        if projectile is None:
            continue
        owned = next(
            (q for q in range(projectile + 1, min(projectile + 4, rng.stop)) if doc.tokens[q].n in _OWNED),
            None,
        )
        owner = doc.inside[owned + 1] if owned is not None and owned + 1 < rng.stop else None
        if not _party(owner) or owner.first != owned + 1:
            continue
        striker = next(
            (
                doc.inside[q]
                for q in range(k - 1, max(rng.start, k - 8) - 1, -1)
                if _free_mention(doc, q, rng)
            ),
            None,
        )
        if striker is not None and striker.actor != owner.actor:
            out.append(_attack(doc, s, k, rng, striker, owner))
    return out
