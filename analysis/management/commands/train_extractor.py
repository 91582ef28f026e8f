"""Retrain the extractor's learned stages from gold annotations, reproducibly.

    python manage.py train_extractor                      # corpus dev part + seeds -> packaged models
    python manage.py train_extractor --exclude-fold 2 --out var/cv/fold2
    python manage.py train_extractor --gold-dir EXPORT/ --text-dir EXPORT/   # curated gold beside them
    python manage.py train_extractor --extra ../newcorpus --extra ../newcorpus2  # sets with gold/ + texts/
    python manage.py train_extractor --stage interactions --extra ../newcorpus   # one stage, others kept
    python manage.py train_extractor --stage pair_review --extra ../newcorpus11 --extra ../newcorpus12

The pair review (`pair_review`) learns from the `--extra` sets ONLY, never the corpus, the seeds or
`--gold-dir`: it reads the rules' output, and the rules were written from those. Give it sets no rule
was written from; its thresholds are chosen by leaving one of them out, and without `--extra` (or when
it gains nothing held out) it writes no model file and the stage is off. The blind part of the corpus
(tests/data/corpus_split.json) is never trained on. `--gold-dir/--text-dir` pairs and `--extra` folders repeat; a text given twice (same sha256) is trained on once. Each stage
writes its model file into --out (default: analysis/extraction/models, the files that ship), beside
`training.json`, the id and sha256 of every text it learnt from.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from analysis.benchmarks.corpus_score import CORPUS, FOLDS, part_ids
from analysis.extraction.training import (
    LEARNED_STAGES,
    PACKAGED_MODELS,
    distinct_texts,
    gold_documents,
    train_all,
)

STAGES = {name.split(".")[2]: name for name in LEARNED_STAGES}  # tagger, interactions, pair_review

SEED_GOLD = Path(settings.BASE_DIR).parent / "shared" / "gold" / "seeds"
SEED_TEXTS = Path(settings.BASE_DIR) / "seeds"


class Command(BaseCommand):
    help = "Train the extractor's learned stages on the corpus's dev part, the seeds and any extra gold."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with gold/ and texts/")
        parser.add_argument("--exclude-fold", type=int, choices=range(FOLDS), help="leave out one dev fold")
        parser.add_argument("--no-seeds", action="store_true", help="do not train on the seed articles")
        parser.add_argument("--gold-dir", type=Path, action="append", default=[], help="extra gold files")
        parser.add_argument("--text-dir", type=Path, action="append", default=[], help="their texts")
        parser.add_argument(
            "--extra",
            type=Path,
            action="append",
            default=[],
            help="a set with gold/, texts/ (repeatable); the only data the pair_review stage learns from: "
            "give it sets no rule was written from",
        )
        parser.add_argument("--out", type=Path, default=PACKAGED_MODELS, help="where the model files go")
        parser.add_argument(
            "--stage", choices=sorted(STAGES), action="append", help="train only this stage (repeatable)"
        )

    def handle(self, *args, **options):
        corpus: Path = options["corpus"]
        if not (corpus / "gold").is_dir():
            raise CommandError(f"{corpus}: no gold/ folder (the annotated corpus is needed to train)")
        if len(options["gold_dir"]) != len(options["text_dir"]):
            raise CommandError("give one --text-dir for each --gold-dir")
        ids = part_ids("dev")
        if options["exclude_fold"] is not None:
            held = set(part_ids("dev", fold=options["exclude_fold"]))
            ids = [i for i in ids if i not in held]
        documents = gold_documents(corpus / "gold", corpus / "texts", ids)
        if not options["no_seeds"] and SEED_GOLD.is_dir():
            documents += gold_documents(SEED_GOLD, SEED_TEXTS)
        pairs = [(g, t, None) for g, t in zip(options["gold_dir"], options["text_dir"], strict=True)]
        for extra in options["extra"]:
            if not (extra / "gold").is_dir() or not (extra / "texts").is_dir():
                raise CommandError(f"{extra}: an extra set needs gold/ and texts/ folders")
            pairs.append((extra / "gold", extra / "texts", str(extra)))
        for gold_dir, text_dir, extra_set in pairs:
            found = gold_documents(gold_dir, text_dir, extra_set=extra_set)
            if not found:
                raise CommandError(f"{gold_dir}: no gold file with its text in {text_dir}")
            documents += found
        documents = distinct_texts(documents)
        stages = [STAGES[s] for s in options["stage"]] if options["stage"] else LEARNED_STAGES
        reports = train_all(documents, options["out"], stages)
        for stage, report in reports.items():
            self.stdout.write(f"{stage}: {json.dumps(report, ensure_ascii=False)}")
        self.stdout.write(
            self.style.SUCCESS(f"trained {len(reports)} stage(s) on {len(documents)} documents")
        )
