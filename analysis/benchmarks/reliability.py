"""Reliability of stated confidences (issue 18), on a held-out gold set, and the calibrator fitted on it.

    python -m analysis.benchmarks.reliability [--gold DIR --texts DIR ...] [--with-spent] [--fit [--out FILE]]
        [--calibrator FILE] [--readme]

The set must be articles the rules were NOT written from (default: pass 1's 12 spent blind articles of
`../shared/corpus`, `spent_blind_pass1` in tests/data/corpus_split.json; the lead's fresh set with
`--gold ../newcorpus/gold --texts ../newcorpus/texts`; `--gold`/`--texts` pairs repeat, and
`--with-spent` adds the spent 12 to them). Each text is extracted once, in this process,
with the shipped models (no training: seconds). Each predicted engagement is right when it matches a
gold engagement as `../shared/tools/score.py` matches one, each actor when score.py's `match_actor`
finds it a gold actor (its own functions, imported).

Printed, for engagements and actors: the table of what the shipped calibrator states (a held-out
check when it was fitted on another set), and the table of leave-one-article-out cross-validation of
a calibrator fitted on this set (each article's facts stated by a calibrator fitted on the other
articles' facts). Each table: buckets of stated confidence 0-0.5, 0.5-0.7, 0.7-0.85, 0.85-1 with the
share right, the expected calibration error, and the precision of the most confident third.
`--fit` writes the calibrator fitted on the whole set (with its cross-validated tables) to
`analysis/extraction/models/calibration.json` (`--out` elsewhere); `--calibrator FILE` states the
facts with that file's calibrators instead of the shipped one (fit on one set with `--fit --out FILE`,
then judge another set with `--calibrator FILE`: a held-out check); `--readme` writes the tables into
README.md between its reliability markers.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from analysis.benchmarks.corpus_score import CORPUS, ROOT, SCORE, SPLIT
from analysis.extraction import calibration
from analysis.extraction.calibration import (
    INNER_FOLDS,
    PARTIES_ACTOR,
    Calibrator,
    fit,
    fit_by_article,
    folds_by_article,
    parties_actor_cue,
)
from analysis.extraction.training import PACKAGED_MODELS, text_sha256, trained_on

BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))
README = ROOT / "README.md"
BEGIN, END = "<!-- reliability:begin -->", "<!-- reliability:end -->"
SUBJECTS = {"engagement": "engagements", "actor": "actors"}


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Fact:
    """One extracted fact of one article: its cues, the confidence the extractor stated, and whether
    the gold confirms it."""

    article: str
    cues: tuple[str, ...]
    stated: float | None
    right: bool
    # an engagement's parties: each one's actor cues (None for a name with no actor of the document);
    # the band of their calibrated confidences is a cue, computed per fold (`with_parties_band`)
    parties: tuple[tuple[str, ...] | None, ...] = ()


def _actor_map(document: dict, gold: dict, score) -> tuple[dict[str, int | None], list[bool]]:
    """score.py's map from predicted names to gold actors, and whether each predicted actor is right."""
    pred_map, right = {}, []
    for a in document.get("actors", []):
        names = [a.get("name", ""), *a.get("aliases", [])]
        j = score.match_actor(score.name_keys(names), gold["actors"])
        right.append(j is not None)
        for n in names:
            pred_map[score.norm(n)] = j
    return pred_map, right


def judged(document: dict, gold: dict, score) -> list[bool]:
    """Whether each predicted engagement is right as score.py counts a predicted engagement."""
    gactors = gold["actors"]
    pred_map, _ = _actor_map(document, gold, score)

    def gold_ids(names):
        out = set()
        for n in names:
            j = pred_map.get(score.norm(n))
            j = score.match_actor(score.keys(n), gactors) if j is None else j
            if j is not None:
                out.add(j)
        return out

    gengs = gold["engagements"]
    gsets = [{score.match_actor(score.keys(n), gactors) for n in ge["participants"]} - {None} for ge in gengs]

    def fits(pe, pids, k):
        gs = gsets[k]
        if len(gs) >= 2:
            return len(gs & pids) >= 2
        loc = score.norm(gengs[k].get("location") or "")
        loc_ok = bool(loc) and loc in score.name_keys([pe.get("location") or ""])
        return bool(gs) and gs <= pids and (loc_ok or pe.get("type") == gengs[k]["type"])

    return [
        any(fits(pe, gold_ids(pe.get("participants", [])), k) for k in range(len(gengs)))
        for pe in document.get("engagements", [])
    ]


def document_facts(article: str, document: dict, gold: dict, score) -> dict[str, list[Fact]]:
    """The engagements and actors of one extracted document, judged against its gold."""
    _, actors_right = _actor_map(document, gold, score)
    actor_cues = {a.get("name"): tuple(a.get("cues", [])) for a in document.get("actors", [])}
    return {
        "engagement": [
            Fact(
                article,
                tuple(c for c in e.get("cues", []) if not c.startswith(f"{PARTIES_ACTOR}:")),
                e.get("confidence"),
                ok,
                tuple(actor_cues.get(name) for name in e.get("participants", [])),
            )
            for e, ok in zip(document.get("engagements", []), judged(document, gold, score), strict=True)
        ],
        "actor": [
            Fact(article, tuple(a.get("cues", [])), a.get("confidence"), ok)
            for a, ok in zip(document.get("actors", []), actors_right, strict=True)
        ],
    }


def extracted_facts(
    gold_dir: Path, text_dir: Path, ids: Sequence[str] | None = None
) -> dict[str, list[Fact]]:
    """Extract every text of the set (in this process, with the current model folder) and judge it."""
    from analysis.extraction.pipeline import extract_document

    score = _score_module()
    out: dict[str, list[Fact]] = {subject: [] for subject in SUBJECTS}
    for text in set_texts(gold_dir, text_dir, ids):
        document = extract_document(text.read_text(encoding="utf-8")).to_contract(str(text))
        gold = json.loads((gold_dir / f"{text.stem}.json").read_text(encoding="utf-8"))
        for subject, facts in document_facts(text.stem, document, gold, score).items():
            out[subject] += facts
    return out


def set_texts(gold_dir: Path, text_dir: Path, ids: Sequence[str] | None = None) -> list[Path]:
    """The texts of a set that have a gold file (only `ids` when given)."""
    texts = (text_dir / f"{path.stem}.txt" for path in sorted(gold_dir.glob("*.json")))
    return [t for t in texts if t.is_file() and (ids is None or t.stem in ids)]


def trained_overlap(texts: Sequence[Path]) -> int | None:
    """How many of these texts the current models were trained on (`models/training.json`); None when
    the model folder does not say."""
    seen = trained_on()
    if seen is None:
        return None
    return sum(text_sha256(t.read_text(encoding="utf-8")) in seen for t in texts)


def held_out_line(overlap: int | None, articles: int) -> str:
    if overlap is None:
        return "Held out from the models: unknown (the model folder has no training.json)."
    if overlap:
        return f"**Not held out**: the models were trained on {overlap} of these {articles} articles."
    return f"Held out from the models: none of these {articles} articles is in their training.json."


OUTER_FOLDS = 10  # above this many articles, folds of articles instead of one article out


def with_parties_band(fact: Fact, actor_model: Calibrator) -> Fact:
    """The engagement fact with the band of its parties' confidences as `actor_model` states them."""
    ps = [None if cues is None else actor_model.probability(cues) for cues in fact.parties]
    return replace(fact, cues=(*fact.cues, *parties_actor_cue(ps)))


def actor_models_out_of_fold(actors: Sequence[Fact], l2: float) -> dict[str, Calibrator]:
    """For each article, an actor calibrator fitted without its group of articles (INNER_FOLDS
    groups): the confidences an engagement calibrator learns from are held out, as at run time."""
    out = {}
    for group in folds_by_article([f.article for f in actors], INNER_FOLDS):
        model = fit([(f.cues, f.right) for f in actors if f.article not in group], l2)
        out.update(dict.fromkeys(group, model))
    return out


def engagement_training(facts: Sequence[Fact], actors: Sequence[Fact], l2: float | None = None) -> list[Fact]:
    """Engagement facts with their parties' band from out-of-fold actor calibrators (unchanged when
    there are no actor facts); `l2`: the actor calibrators' penalty, chosen here when not given."""
    if not actors:
        return list(facts)
    if l2 is None:
        l2 = fit_by_article([(f.cues, f.right) for f in actors], [f.article for f in actors]).report["l2"]
    models = actor_models_out_of_fold(actors, l2)
    fallback = fit([(f.cues, f.right) for f in actors], l2)
    return [with_parties_band(f, models.get(f.article, fallback)) for f in facts]


def cross_validated(facts: Sequence[Fact], actors: Sequence[Fact] = ()) -> list[tuple[float, bool]]:
    """Each article's facts stated by a calibrator fitted without them (`fit_by_article`: its penalty
    chosen inside the training articles only): one article out, or ten folds of articles when there
    are more than 20. With `actors` (for engagements), the parties' band comes from actor calibrators
    fitted without the article too. Returned in the order of `facts`."""
    articles = [f.article for f in facts]
    distinct = sorted(set(articles) | {f.article for f in actors})
    groups = (
        [{a} for a in distinct]
        if len(distinct) <= 2 * OUTER_FOLDS
        else folds_by_article(distinct, OUTER_FOLDS)
    )
    stated: dict[int, float] = {}
    for group in groups:
        train = [f for f in facts if f.article not in group]
        held = [(k, f) for k, f in enumerate(facts) if f.article in group]
        if not held:
            continue
        if actors:
            known = [f for f in actors if f.article not in group]
            actor_model = fit_by_article([(f.cues, f.right) for f in known], [f.article for f in known])
            train = engagement_training(train, known, actor_model.report["l2"])
            held = [(k, with_parties_band(f, actor_model)) for k, f in held]
        model = (
            fit_by_article([(f.cues, f.right) for f in train], [f.article for f in train])
            if train
            else Calibrator({}, 0.0)
        )
        for k, f in held:
            stated[k] = model.probability(f.cues)
    return [(stated[k], f.right) for k, f in enumerate(facts)]


@dataclass(frozen=True)
class Reliability:
    rows: list[tuple[str, int, float | None, float | None]]  # bucket, count, mean stated, share right
    ece: float
    top_third_precision: float
    facts: int
    unstated: int
    share_right: float
    brier: float  # mean squared error of the stated confidences (a proper score: lower is better)
    brier_constant: float  # the same if every fact were stated at the share right (no cue used)


def top_third_precision(stated: Sequence[tuple[float, bool]]) -> float:
    """The share right among the most confident third. Facts tied at the cut share it: the tied group
    counts at its own share right for the places left (not in whatever order the facts came)."""
    if not stated:
        return 0.0
    k = math.ceil(len(stated) / 3)
    cut = sorted((p for p, _ in stated), reverse=True)[k - 1]
    above = [ok for p, ok in stated if p > cut]
    tied = [ok for p, ok in stated if p == cut]
    return (sum(above) + (k - len(above)) * sum(tied) / len(tied)) / k


def reliability(pairs: Sequence[tuple[float | None, bool]]) -> Reliability:
    stated = [(p, ok) for p, ok in pairs if p is not None]
    rows, ece = [], 0.0
    for k, (lo, hi) in enumerate(BUCKETS):
        inside = [(p, ok) for p, ok in stated if lo <= p < hi or (k == len(BUCKETS) - 1 and p == hi)]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            share = sum(ok for _, ok in inside) / len(inside)
            ece += len(inside) / len(stated) * abs(mean - share)
            rows.append((f"{lo:g}–{hi:g}", len(inside), round(mean, 3), round(share, 3)))
        else:
            rows.append((f"{lo:g}–{hi:g}", 0, None, None))
    precision = top_third_precision(stated)
    share = sum(ok for _, ok in pairs) / len(pairs) if pairs else 0.0
    brier = sum((p - ok) ** 2 for p, ok in stated) / len(stated) if stated else 0.0
    constant = sum(ok for _, ok in stated) / len(stated) if stated else 0.0
    brier_constant = sum((constant - ok) ** 2 for _, ok in stated) / len(stated) if stated else 0.0
    return Reliability(
        rows,
        round(ece, 3),
        round(precision, 3),
        len(pairs),
        len(pairs) - len(stated),
        round(share, 3),
        round(brier, 3),
        round(brier_constant, 3),
    )


def markdown(r: Reliability, noun: str = "engagements", where: str = "") -> str:
    lines = [
        f"| stated confidence | {noun} | mean stated | share right |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {n} | {'—' if mean is None else f'{mean:.3f}'} | {'—' if share is None else f'{share:.3f}'} |"
            for name, n, mean, share in r.rows
        ),
        "",
        f"Expected calibration error (over these buckets): **{r.ece:.3f}**; precision of the most confident "
        f"third: **{r.top_third_precision:.3f}**; {r.facts} {noun}{where}, {r.share_right:.3f} of them right, "
        f"{r.unstated} without a stated confidence. Brier score {r.brier:.3f} (stating the share right for "
        f"all: {r.brier_constant:.3f}).",
    ]
    return "\n".join(lines)


def readme_write(table: str, command: str) -> None:
    text = README.read_text(encoding="utf-8")
    block = f"{BEGIN}\nReproduce: `{command}`\n\n{table}\n{END}"
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Confidence reliability (issue 18)\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def restated(facts: dict[str, list[Fact]], calibrators: dict[str, Calibrator]) -> dict[str, list[Fact]]:
    """The facts with the confidences `calibrators` state from their cues (an engagement's parties'
    band from the actor calibrator), as the extractor would with that model file; None without a
    calibrator for the subject."""
    actor_model = calibrators.get("actor")
    out = {}
    for subject, found in facts.items():
        model = calibrators.get(subject)
        if subject == "engagement" and actor_model is not None:
            found = [with_parties_band(f, actor_model) for f in found]
        out[subject] = [
            replace(f, stated=None if model is None else model.probability(f.cues)) for f in found
        ]
    return out


def report(
    facts: dict[str, list[Fact]],
    set_name: str,
    overlap: int | None = None,
    calibrators: dict[str, Calibrator] | None = None,
) -> tuple[str, dict[str, dict]]:
    """The tables for every subject, and a summary per subject for the model file's report.
    `calibrators`: the ones that state the facts (the shipped ones when None)."""
    shown = facts if calibrators is None else restated(facts, calibrators)
    given = calibrators is not None
    calibrators = calibrators if given else calibration.load_calibrators()
    articles = len({f.article for fs in facts.values() for f in fs})
    parts, summary = [held_out_line(overlap, articles)], {}
    where = f" on {articles} articles of {set_name}"
    for subject, noun in SUBJECTS.items():
        cv = reliability(cross_validated(facts[subject], facts["actor"] if subject == "engagement" else ()))
        stated = reliability([(f.stated, f.right) for f in shown[subject]])
        parts.append(f"**{noun.capitalize()}, cross-validated by article**\n\n" + markdown(cv, noun, where))
        if stated.facts > stated.unstated:
            fitted_on = calibrators.get(subject, Calibrator({}, 0.0)).report.get("set")
            how = (
                "in-sample: it was fitted on this set" if fitted_on == set_name else f"fitted on {fitted_on}"
            )
            parts.append(
                f"{noun.capitalize()}, as the {'given' if given else 'shipped'} calibrator states them ({how}):\n\n"
                + markdown(stated, noun, where)
            )
        summary[subject] = {
            "set": set_name,
            "articles": articles,
            "facts": cv.facts,
            "share_right": cv.share_right,
            "cv_ece": cv.ece,
            "cv_top_third_precision": cv.top_third_precision,
            "cv_rows": [list(row) for row in cv.rows],
            "trained_on_overlap": overlap,
        }
    return "\n\n".join(parts), summary


def spent_ids() -> list[str]:
    return json.loads(SPLIT.read_text(encoding="utf-8"))["spent_blind_pass1"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, action="append", help="gold files of a held-out set (repeatable)"
    )
    parser.add_argument("--texts", type=Path, action="append", help="their texts, <id>.txt (one per --gold)")
    parser.add_argument("--with-spent", action="store_true", help="the spent 12 too, beside the --gold sets")
    parser.add_argument("--fit", action="store_true", help="write the calibrator fitted on this set")
    parser.add_argument("--out", type=Path, default=PACKAGED_MODELS / calibration.MODEL_FILE)
    parser.add_argument(
        "--calibrator", type=Path, help="state the facts with this calibrator file (fitted on another set)"
    )
    parser.add_argument("--readme", action="store_true", help="write the tables into README.md")
    args = parser.parse_args(argv)
    golds, texts = args.gold or [], args.texts or []
    if len(golds) != len(texts):
        parser.error("each --gold goes with one --texts")
    sets = [(gold, text, None, f"`{gold}`") for gold, text in zip(golds, texts, strict=True)]
    if args.with_spent or not sets:
        sets.append((CORPUS / "gold", CORPUS / "texts", spent_ids(), "pass 1's spent blind part"))
    t0 = time.perf_counter()
    overlap = trained_overlap([t for gold, text, ids, _ in sets for t in set_texts(gold, text, ids)])
    if args.fit and overlap:
        print(
            f"the models were trained on {overlap} of these articles: no calibrator is fitted on them",
            file=sys.stderr,
        )
        return 2
    facts: dict[str, list[Fact]] = {subject: [] for subject in SUBJECTS}
    for k, (gold, text, ids, _) in enumerate(sets):
        for subject, found in extracted_facts(gold, text, ids).items():
            # articles of different sets stay different articles in the cross-validation
            facts[subject] += (
                [replace(f, article=f"{k}:{f.article}") for f in found] if len(sets) > 1 else found
            )
    if not facts["engagement"] and not facts["actor"]:
        print(
            f"no article with both a gold file and a text in {[(str(g), str(t)) for g, t, _, _ in sets]}",
            file=sys.stderr,
        )
        return 2
    given = calibration.load_calibrators_from(args.calibrator) if args.calibrator else None
    table, summary = report(facts, " and ".join(name for _, _, _, name in sets), overlap, given)
    print(table)
    print(f"\n({time.perf_counter() - t0:.1f} s)")
    if args.fit:
        calibrators = {}
        for subject in SUBJECTS:
            training = facts[subject]
            if subject == "engagement":
                training = engagement_training(training, facts["actor"])
            model = fit_by_article([(f.cues, f.right) for f in training], [f.article for f in training])
            calibrators[subject] = Calibrator(model.weights, model.bias, {**model.report, **summary[subject]})
        calibration.save(calibrators, args.out)
        print(f"calibrator written to {args.out}")
    if args.readme:
        given = "".join(f" --gold {g} --texts {t}" for g, t in zip(golds, texts, strict=True))
        readme_write(
            table,
            "python -m analysis.benchmarks.reliability"
            + given
            + (" --with-spent" if args.with_spent else ""),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
