"""The scale benchmark measures what it says: its plain script finds and embeds the
sentences with numbers, its recall of an exact index is 1, and a run prints every figure."""

from __future__ import annotations

import re

from benchmark_scripts import load

from factcheck.embeddings.hashing import HashingEmbedder

scale = load("scale")


def test_the_plain_script_embeds_the_sentences_that_hold_a_number(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nAcme hired 300 people. Nothing else happened!\nوقّع ٧٠٠ موظف على الرسالة.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("No figures at all here.\n", encoding="utf-8")
    result = scale.plain_run(tmp_path, HashingEmbedder())
    assert result["sentences"] == 2 and result["seconds"] > 0


def test_a_run_prints_every_figure_of_each_size_and_their_growth(tmp_path, capsys):
    scale.main(["--sizes", "15", "30", "--skip-ratio", "--skip-plain", "--keep", str(tmp_path)])
    out = capsys.readouterr().out
    for size in (15, 30):
        line = next(line for line in out.splitlines() if line.startswith(f"{size} sources"))
        for figure in ("claims", "per 1,000 claims", "of the full run", "a fresh clone", "each one hashed", "peak RSS", "database", "recall@", "precision", "recall"):
            assert figure in line, (figure, line)
    assert re.search(r"growth 15 -> 30 sources: reconcile per 1,000 claims x[0-9.]+, check seconds x[0-9.]+", out)
    assert (tmp_path / "size-30" / "claims.db").is_file()


def test_the_ratio_and_plain_runs_report_their_figures(tmp_path):
    ratio = scale.run_ratio(12, "hashing", 7, tmp_path / "ratio")
    assert ratio["texts"] >= ratio["embedded"] > 0 and 0 < ratio["ratio"]
    plain = scale.run_plain(12, "hashing", 7, tmp_path / "plain")
    assert plain["plain_sentences"] > 0 and plain["plain_s"] > 0 and plain["factcheck_s"] > 0
