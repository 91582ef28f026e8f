"""Doc-level readings around a verbal noun that `roles.noun_roles` asks of its sentence: the two
persons before a dual verb tied to it (`A وB استعرضا خلال مكالمة`), a noun of purpose (`للقاء`,
`بهدف لقاء`), and the speaker of a `جاء ذلك خلال ...` sentence."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention
from analysis.extraction.arguments import last_two_persons
from analysis.extraction.frame_doc import PURPOSE_WORDS, Doc
from analysis.extraction.results import ActorKind

COMPLEMENTIZERS = frozenset(normalize(w) for w in "أن ان إن بأن بان".split())
_DURING = frozenset(normalize(w) for w in "خلال وخلال أثناء اثناء في".split())


def dual_doers(doc: Doc, i: int, rng: range) -> list[Mention] | None:
    """`A وB استعرضا خلال مكالمة هاتفية`: two persons joined by `و` right before a dual verb that
    a time phrase ties to the noun are the two parties of the call or meeting."""
    k = i - 1
    if k <= rng.start or doc.tokens[k].n not in _DURING:
        return None
    verb = doc.tokens[k - 1]
    if verb.kind != "w" or doc.inside[k - 1] is not None or not verb.n.endswith("ا"):
        return None
    pair = last_two_persons(doc, k - 1, rng)
    if pair is None or pair[1].last != k - 2 or not doc.tokens[pair[1].first].n.startswith("و"):
        return None
    return pair if pair[0].last + 1 == pair[1].first else None


SEQUENCE_WORDS = frozenset(normalize(w) for w in "عقب وعقب بعد وبعد قبل وقبل إثر اثر".split())


def for_purpose(doc: Doc, i: int, rng: range) -> bool:
    """A meeting noun after `بهدف`, `بغرض`, or with `ل` attached (`للقاء`): a purpose."""
    tok = doc.tokens[i].n
    if tok.startswith("لل") and tok[1:] in lx.TRIGGERS:
        return True
    return i - 1 >= rng.start and doc.tokens[i - 1].n in PURPOSE_WORDS


_CAME = frozenset(normalize(w) for w in "جاء وجاء جاءت وجاءت".split())


def that_came(doc: Doc, s: int) -> Mention | None:
    """`جاء ذلك خلال ...`: the sentence tells where the one before was said; its speaker is the
    first person named in that sentence."""
    rng = doc.sentence_tokens(s)
    words = [doc.tokens[k].n for k in rng if doc.tokens[k].kind == "w"][:2]
    if s == 0 or len(words) < 2 or words[0] not in _CAME or words[1] not in lx.DEMONSTRATIVES:
        return None
    before = doc.sentence_tokens(s - 1)
    return next(
        (
            doc.mention_at[k]
            for k in before
            if k in doc.mention_at and doc.mention_at[k].kind == ActorKind.PERSON
        ),
        None,
    )
