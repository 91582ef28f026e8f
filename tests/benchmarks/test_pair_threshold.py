"""`python -m analysis.benchmarks.pair_threshold`: leave one gold set out, the held set's F1 with the
rules alone and with the pairs the model accepts at each threshold. Made-up articles: a working session
the rules miss (gold) beside a criticism that is no engagement."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.benchmarks.pair_threshold import main

HOSTS = ["كريم الحداد", "سامي الخطيب", "رامي العلي", "عادل السعدي", "فارس الجبوري", "ماجد الربيعي"]
GUESTS = ["هانز مولر", "جان دوبوا", "بيتر شميت", "مارك لوران", "توماس فيشر", "بول مارتان"]
CRITICS = ["سعد الزبيدي", "وليد النعيمي", "جميل الساعدي", "باسم الموسوي", "خالد الشمري", "علاء الحسني"]


def write_set(folder: Path, rows: range) -> str:
    (folder / "gold").mkdir(parents=True)
    (folder / "texts").mkdir()
    for k in rows:
        host, guest, critic = HOSTS[k], GUESTS[k], CRITICS[k]
        text = (
            f"وعقد وزير المالية {host} جلسة عمل مطولة مع السفير الألماني {guest}.\n"
            f"وانتقد النائب {critic} تصريحات وزير المالية {host}."
        )
        gold = {
            "actors": [{"name": n, "kind": "person", "aliases": []} for n in (host, guest, critic)],
            "engagements": [
                {"type": "meeting", "participants": [host, guest], "date": None, "location": None}
            ],
        }
        (folder / "texts" / f"m{k}.txt").write_text(text, encoding="utf-8")
        (folder / "gold" / f"m{k}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return str(folder)


def test_each_held_set_gains_what_the_pairs_the_others_taught_add(tmp_path, capsys):
    a, b = write_set(tmp_path / "a", range(0, 3)), write_set(tmp_path / "b", range(3, 6))

    assert main(["--set", f"a={a}", "--set", f"b={b}", "--grid", "0.5", "1.0"]) == 0

    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert set(rows) == {"a", "b", "mean"}
    for held in ("a", "b"):
        rules, at_half, never = rows[held]
        assert float(rules) == 0.0  # the rules miss every working session
        assert float(at_half) == 1.0  # learnt from the other set, each is found, the criticism is not
        assert float(never) == 0.0
