"""Training labels: which candidates a gold annotation confirms, matched the way
`../shared/tools/score.py` matches (names folded the same way; an engagement with two or more
gold participants needs two of them, a one-participant engagement needs its participant and its
type or location).

Pure Python; used only to train.
"""

from __future__ import annotations

import re

from analysis.extraction.interactions.candidates import Candidate

_DIAC = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def fold(s: str | None) -> str:
    """score.py's normalisation of a name."""
    if not s:
        return ""
    s = _DIAC.sub("", s)
    s = re.sub(r"[إأآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    s = re.sub(r"[()\"'“”«»\[\]،,.:؛]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def keys(name: str | None) -> set[str]:
    n = fold(name)
    if not n:
        return set()
    return {n, " ".join(t[2:] if t.startswith("ال") and len(t) > 4 else t for t in n.split())}


class GoldIndex:
    """A gold file's actors and engagements, ready for matching extracted names."""

    def __init__(self, gold: dict, actor_forms: dict[str, list[str]]) -> None:
        self.actor_keys = [
            set().union(*(keys(n) for n in [a["name"], *a.get("aliases", [])])) for a in gold["actors"]
        ]
        self.engagements = gold["engagements"]
        self.parties = [
            {j for n in e["participants"] if (j := self._match(keys(n))) is not None}
            for e in self.engagements
        ]
        self.of_actor: dict[str, int | None] = {}
        for name, forms in actor_forms.items():
            self.of_actor[name] = self._match(set().union(*(keys(f) for f in forms)))

    def _match(self, ks: set[str]) -> int | None:
        for i, gk in enumerate(self.actor_keys):
            if ks & gk:
                return i
        return None

    def gold_of(self, name: str) -> int | None:
        if name in self.of_actor:
            return self.of_actor[name]
        return self._match(keys(name))

    def matches(self, parties: set[int], etype: str | None, location: str | None) -> list[int]:
        """Indexes of the gold engagements an extracted engagement with these parties would hit."""
        out = []
        for k, gs in enumerate(self.parties):
            if len(gs) >= 2:
                ok = len(gs & parties) >= 2
            else:
                loc = fold(self.engagements[k].get("location"))
                loc_ok = bool(loc) and loc in keys(location)
                ok = bool(gs) and gs <= parties and (loc_ok or etype == self.engagements[k]["type"])
            if ok:
                out.append(k)
        return out

    def core(self) -> list[int]:
        return [k for k, e in enumerate(self.engagements) if e.get("core", True)]


def candidate_hits(cand: Candidate, gold: GoldIndex) -> list[int]:
    """The gold engagements this candidate would hit if emitted (a visit candidate as a visit)."""
    parties = {j for n in cand.parties if (j := gold.gold_of(n)) is not None}
    if cand.rule is not None:
        return gold.matches(parties, str(cand.rule.type), cand.rule.location)
    if cand.place is not None:
        return gold.matches(parties, "visit", cand.place.actor)
    return gold.matches(parties, None, None)
