"""The reliability table of engagement confidences (issue 18), from cross-validation on the dev part.

    python -m analysis.benchmarks.reliability [--reuse] [--readme]

Each dev fold is extracted with models trained without it (`corpus_score.cross_validated_project`;
the 12 blind articles are never read); each predicted engagement is judged right when it matches a
gold engagement as `../shared/tools/score.py` matches one (its own functions, imported). Printed: for
the stated-confidence buckets 0-0.5, 0.5-0.7, 0.7-0.85, 0.85-1, how many engagements and the share
right; the expected calibration error over those buckets; the precision of the most confident third.
`--reuse` reads the last cross-validated output instead of training again; `--readme` writes the
table into README.md between its reliability markers.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis.benchmarks.corpus_score import CORPUS, ROOT, SCORE, cross_validated_project, part_ids

BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))
README = ROOT / "README.md"
BEGIN, END = "<!-- reliability:begin -->", "<!-- reliability:end -->"


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judged(document: dict, gold: dict, score) -> list[tuple[float | None, bool]]:
    """(stated confidence, right as score.py counts a predicted engagement) for each engagement."""
    gactors = gold["actors"]
    pred_map = {}
    for a in document.get("actors", []):
        names = [a.get("name", ""), *a.get("aliases", [])]
        j = score.match_actor(score.name_keys(names), gactors)
        for n in names:
            pred_map[score.norm(n)] = j

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

    out = []
    for pe in document.get("engagements", []):
        pids = gold_ids(pe.get("participants", []))
        out.append((pe.get("confidence"), any(fits(pe, pids, k) for k in range(len(gengs)))))
    return out


@dataclass(frozen=True)
class Reliability:
    rows: list[tuple[str, int, float | None, float | None]]  # bucket, count, mean stated, share right
    ece: float
    top_third_precision: float
    engagements: int
    unstated: int


def reliability(pairs: list[tuple[float | None, bool]]) -> Reliability:
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
    ranked = sorted(stated, key=lambda pair: -pair[0])
    top = ranked[: math.ceil(len(ranked) / 3)]
    precision = sum(ok for _, ok in top) / len(top) if top else 0.0
    return Reliability(rows, round(ece, 3), round(precision, 3), len(pairs), len(pairs) - len(stated))


def markdown(r: Reliability, noun: str = "engagements") -> str:
    lines = [
        f"| stated confidence | {noun} | mean stated | share right |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {n} | {'—' if mean is None else f'{mean:.3f}'} | {'—' if share is None else f'{share:.3f}'} |"
            for name, n, mean, share in r.rows
        ),
        "",
        f"Expected calibration error (over these buckets): **{r.ece:.3f}**; precision of the most confident "
        f"third: **{r.top_third_precision:.3f}**; {r.engagements} {noun} on the 48 dev "
        f"articles, {r.unstated} without a stated confidence.",
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


def candidate_pairs(folds: Path) -> list[tuple[float | None, bool]]:
    """Every candidate the interaction stage scores on each dev fold (rule engagements and the pairs
    and visits it does not emit alike), with the held-out model's calibrated probability and whether
    it would hit a gold engagement (`interactions.labels`, score.py's matching)."""
    from analysis.extraction.interactions.learn import labelled_documents
    from analysis.extraction.interactions.model import MODEL_FILE, InteractionModel
    from analysis.extraction.training import gold_documents

    out = []
    for fold in range(4):
        models = folds / f"fold{fold}"
        model = InteractionModel.from_json(json.loads((models / MODEL_FILE).read_text(encoding="utf-8")))
        documents = gold_documents(CORPUS / "gold", CORPUS / "texts", part_ids("dev", fold=fold))
        for doc in labelled_documents(documents, models):
            for ex in doc.examples:
                if ex.label is not None:
                    kind = ex.candidate.kind
                    p = model.probability(ex.features, kind) if kind in model.calibration else None
                    out.append((p, bool(ex.label)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="read the last cross-validated output")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    output = ROOT / "var" / "cv" / "project" / "extracted.json"
    if not (args.reuse and output.is_file()):
        output = cross_validated_project() / "extracted.json"
    documents = {Path(d["path"]).stem: d for d in json.loads(output.read_text(encoding="utf-8"))["documents"]}
    score = _score_module()
    pairs = []
    for i in part_ids("dev"):
        gold = json.loads((CORPUS / "gold" / f"{i}.json").read_text(encoding="utf-8"))
        if i in documents:
            pairs += judged(documents[i], gold, score)
    table = markdown(reliability(pairs), "predicted engagements")
    candidates = reliability(candidate_pairs(output.parent.parent))
    table += (
        "\n\nEvery candidate the stage scores (the pairs and visits it does not emit included), "
        "same folds:\n\n" + markdown(candidates, "candidates")
    )
    print(table)
    if args.readme:
        readme_write(table, "python -m analysis.benchmarks.reliability --readme")
    return 0


if __name__ == "__main__":
    sys.exit(main())
