"""A sentence whose analysis fails is skipped, named everywhere, and stored; --strict stops."""

import json

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.store.database import Store

runner = CliRunner()

ARTICLE = (
    "Plant closure\n\n"
    "The company said 300 workers lost their jobs in March 2024.\n"
    "A poisonpill sentence claims 999 workers were hired.\n"
    "Officials counted 12 sites in the region.\n"
)
OTHER = "Plant closure, again\n\nOnly 150 workers lost their jobs in March 2024, the union said.\n"


@pytest.fixture
def folder(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / "b.txt").write_text(OTHER, encoding="utf-8")
    return sources


def _invoke(db, *args):
    return runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", *map(str, args)])


def test_run_skips_the_sentence_names_it_and_goes_on(tmp_path, folder, poisoned):
    db = tmp_path / "claims.db"
    result = _invoke(db, "run", folder, "-o", tmp_path / "reports")
    assert result.exit_code == 0, result.output
    assert "1 sentence skipped" in result.output
    bad = ARTICLE.index("A poisonpill")
    assert f"skipped: a.txt: sentence 2 (characters {bad}-" in result.output
    assert "RuntimeError: cannot read this sentence" in result.output

    report = json.loads((tmp_path / "reports" / "report.json").read_text(encoding="utf-8"))
    [entry] = report["skipped"]
    assert entry["source_id"] == "a" and entry["start"] == bad and entry["text"].startswith("A poisonpill sentence")
    store = Store(db)
    assert [c["quote"] for c in store.claims(source_id="a")] == ["300", "March 2024", "12"]
    assert "could not be analysed" in (tmp_path / "reports" / "report.md").read_text(encoding="utf-8")


def test_the_skipped_sentence_goes_when_its_source_is_read_cleanly(tmp_path, folder, poisoned, monkeypatch):
    db = tmp_path / "claims.db"
    assert _invoke(db, "ingest", folder).exit_code == 0
    (folder / "a.txt").write_text(ARTICLE.replace("poisonpill", "plain"), encoding="utf-8")
    again = _invoke(db, "ingest", folder)
    assert again.exit_code == 0 and "skipped" not in again.output
    assert Store(db).skipped_sentences() == []


def test_strict_stops_before_anything_is_stored(tmp_path, folder, poisoned):
    db = tmp_path / "claims.db"
    result = _invoke(db, "--strict", "run", folder, "-o", tmp_path / "reports")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: a.txt: a sentence could not be analysed (RuntimeError")
    assert Store(db).source_ids() == []


def test_check_names_skipped_sentences_in_json(tmp_path, folder, poisoned):
    result = _invoke(tmp_path / "claims.db", "check", folder, "--format", "json", "--fail-on", "high")
    data = json.loads(result.stdout)
    assert [s["sentence_index"] for s in data["skipped_sentences"]] == [2]
    assert result.exit_code in (0, 1)


def test_parse_reports_skipped_and_strict_stops(poisoned):
    result = runner.invoke(app, ["parse", "It said 3 people came. A poisonpill 5 here.", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["sentence_index"] for s in data["skipped"]] == [1]
    strict = runner.invoke(app, ["--strict", "parse", "It said 3 people came. A poisonpill 5 here."])
    assert strict.exit_code == 2 and "stopped by --strict" in strict.output
