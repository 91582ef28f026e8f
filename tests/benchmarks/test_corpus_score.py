"""`corpus_score`: `--cv --extra DIR` trains every fold on the extra sets too, each run in its own
folder (two runs at once do not overwrite each other's fold models); `--extra` alone is refused."""

from __future__ import annotations

import json
import subprocess
from types import SimpleNamespace

import pytest

from analysis.benchmarks import corpus_score


def test_extra_sets_join_the_training_of_every_fold(tmp_path, monkeypatch):
    calls = []

    def run(cmd, **kwargs):
        calls.append(cmd)
        return SimpleNamespace(stdout=json.dumps({"documents": []}))

    monkeypatch.setattr(subprocess, "run", run)
    extra = [tmp_path / "fresh1", tmp_path / "fresh2"]

    project = corpus_score.cross_validated_project(tmp_path / "work", extra)

    trainings = [cmd for cmd in calls if "train_extractor" in cmd]
    assert len(trainings) == corpus_score.FOLDS
    for fold, cmd in enumerate(trainings):
        assert cmd[cmd.index("--exclude-fold") + 1] == str(fold)
        assert cmd[cmd.index("--out") + 1].startswith(str(tmp_path / "work"))
        assert [cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--extra"] == [str(p) for p in extra]
    assert (project / "manage.py").is_file()


def test_extra_without_cv_is_refused(tmp_path):
    with pytest.raises(SystemExit):
        corpus_score.main(["--part", "dev", "--extra", str(tmp_path)])


def test_a_part_is_linked_into_a_new_folder_of_the_run(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_score, "CORPUS", tmp_path / "corpus")

    folder = corpus_score.part_gold_dir(["A01", "B02"], tmp_path / "run" / "gold")

    assert sorted(p.name for p in folder.iterdir()) == ["A01.json", "B02.json"]
    assert (folder / "A01.json").readlink() == tmp_path / "corpus" / "gold" / "A01.json"
    with pytest.raises(FileExistsError):  # never a folder another run is reading
        corpus_score.part_gold_dir(["A01"], folder)
