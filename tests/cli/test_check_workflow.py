"""The CI gate in a scratch git repository, as a team would use it (hashing model: fast)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[2] / "sources"
CONTRADICTION = (
    "رسالة الموظفين\n\n"
    "وقّع 300 فقط من موظفي OpenAI على الرسالة الموجهة لمجلس الإدارة، بحسب المتحدث باسم الشركة.\n"
)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.email=a@b.c", "-c", "user.name=Analyst", *args], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def fc(repo: Path, *args, db: str = "claims.db", env=None):
    return runner.invoke(app, ["--db", str(repo / db), "--model", "hashing", "--no-progress", *map(str, args)], env=env)


@pytest.fixture
def repo(tmp_path):
    repo = tmp_path / "newsroom"
    (repo / "sources").mkdir(parents=True)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, repo / "sources" / path.name)
    git(repo, "init", "-q", "-b", "main")
    update = fc(repo, "baseline", "update", "--sources", repo / "sources")
    assert update.exit_code == 0, update.output
    git(repo, "add", "sources")
    git(repo, "commit", "-qm", "seed sources and their baseline")
    return repo


def test_ci_gate(repo, tmp_path):
    sources = repo / "sources"
    baseline = json.loads((sources / "factcheck-baseline.json").read_text())
    assert baseline["discrepancies"] and all(e["status"] == "acknowledged" for e in baseline["discrepancies"].values())
    assert fc(repo, "check", sources).exit_code == 0

    (sources / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")  # untracked, like a new PR file
    text = fc(repo, "check", sources, "--since", "HEAD")
    assert text.exit_code == 1, text.output
    assert "sources/005_contradiction.txt:3:" in text.output

    github = fc(repo, "check", sources, "--since", "HEAD", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")})
    assert github.exit_code == 1
    assert "::error file=sources/005_contradiction.txt,line=3," in github.output
    assert "005_contradiction" in (tmp_path / "summary.md").read_text()

    sarif = fc(repo, "check", sources, "--since", "HEAD", "--format", "sarif")
    assert sarif.exit_code == 1
    log = json.loads(sarif.output)
    results = log["runs"][0]["results"]
    assert results and results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sources/005_contradiction.txt"
    assert results[0]["partialFingerprints"] and results[0]["relatedLocations"]

    report = json.loads(fc(repo, "check", sources, "--format", "json").output)
    for finding in report["new"]:
        ack = fc(repo, "ack", finding["id"], "--note", "the company's own count; under review", "--sources", sources)
        assert ack.exit_code == 0, ack.output
    assert fc(repo, "check", sources, "--since", "HEAD").exit_code == 0

    # the decision travels with the repository: a fresh clone with no database agrees
    git(repo, "add", "sources")
    git(repo, "commit", "-qm", "new source, acknowledged")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    assert fc(clone, "check", clone / "sources", "--since", "HEAD~1").exit_code == 0

    # an unreadable source fails the tool, with one line
    (sources / "006_broken.txt").write_bytes(b"\x00\xff\x00binary")
    broken = fc(repo, "check", sources)
    assert broken.exit_code == 2
    assert "006_broken.txt" in broken.output and "Traceback" not in broken.output
    assert len(broken.output.strip().splitlines()) == 1


def test_since_limits_findings_to_changed_sources(repo):
    sources = repo / "sources"
    (sources / "factcheck-baseline.json").unlink()  # nothing acknowledged any more
    everything = json.loads(fc(repo, "check", sources, "--fail-on", "low", "--format", "json").output)
    assert everything["new"]
    only_changes = json.loads(fc(repo, "check", sources, "--fail-on", "low", "--since", "HEAD", "--format", "json").output)
    assert only_changes["new"] == [] and only_changes["elsewhere"] == len(everything["new"])


def test_bad_revision_is_one_line(repo):
    result = fc(repo, "check", repo / "sources", "--since", "no-such-branch")
    assert result.exit_code == 2 and "not a revision" in result.output


def test_dismiss_unknown_id_and_prefix(repo):
    sources = repo / "sources"
    assert fc(repo, "dismiss", "d_nope", "--reason", "x", "--sources", sources).exit_code == 2
    some_id = next(iter(json.loads((sources / "factcheck-baseline.json").read_text())["discrepancies"]))
    result = fc(repo, "dismiss", some_id[:10], "--reason", "same figure, different rounding", "--sources", sources)
    assert result.exit_code == 0, result.output
    entry = json.loads((sources / "factcheck-baseline.json").read_text())["discrepancies"][some_id]
    assert entry["status"] == "dismissed" and entry["note"] == "same figure, different rounding" and entry["author"] == "Analyst" or entry["author"]


def test_baseline_update_drops_gone_entries(repo):
    sources = repo / "sources"
    path = sources / "factcheck-baseline.json"
    data = json.loads(path.read_text())
    data["discrepancies"]["d_0000000000000000"] = {"status": "acknowledged", "note": "old", "author": "x", "summary": ""}
    path.write_text(json.dumps(data))
    result = fc(repo, "baseline", "update", "--sources", sources, "--prune-only")
    assert result.exit_code == 0 and "1 dropped" in result.output
    assert "d_0000000000000000" not in json.loads(path.read_text())["discrepancies"]


def test_review_show_sources_claims(repo):
    sources = repo / "sources"
    (sources / "factcheck-baseline.json").unlink()
    assert fc(repo, "ingest", sources).exit_code == 0
    review = json.loads(fc(repo, "review", "--sources", sources, "--format", "json").output)
    assert review and all(d["status"] == "open" for d in review)
    table = fc(repo, "review", "--sources", sources, "--all")
    assert table.exit_code == 0 and review[0]["id"] in table.output
    shown = json.loads(fc(repo, "show", review[0]["id"], "--format", "json").output)
    for claim, ctx in zip(shown["claims"], shown["contexts"]):
        assert ctx["context"][ctx["quote_start"] : ctx["quote_end"]] == claim["quote"]
    assert fc(repo, "show", review[0]["id"]).exit_code == 0
    assert fc(repo, "show", "d_missing").exit_code == 2
    listed = json.loads(fc(repo, "sources", "--format", "json").output)
    assert len(listed) == 5 and all(s["claims"] > 0 for s in listed)
    assert fc(repo, "sources").exit_code == 0
    grep = json.loads(fc(repo, "claims", "--grep", "موظفي", "--format", "json").output)
    assert grep and all("موظفي" in c["text"] for c in grep)
    one = json.loads(fc(repo, "claims", "--source", "002_ade957fd3a304f06", "--format", "json").output)
    assert one and {c["source_id"] for c in one} == {"002_ade957fd3a304f06"}
    assert fc(repo, "claims", "--source", "nope").exit_code == 2
    assert fc(repo, "claims").exit_code == 0


def test_terminal_output_names_sources_marks_spans_and_takes_short_ids(repo):
    sources = repo / "sources"
    (sources / "factcheck-baseline.json").unlink()
    assert fc(repo, "ingest", sources).exit_code == 0
    review = json.loads(fc(repo, "review", "--sources", sources, "--format", "json").output)
    titles = {s["id"]: s["title"] for s in json.loads(fc(repo, "sources", "--format", "json").output)}
    table = fc(repo, "review", "--sources", sources)
    # sources by title, not by file name; ids whole, however narrow the output
    assert table.exit_code == 0 and all(d["id"] in table.output for d in review)
    assert "002_ade957fd3a304f06" not in table.output and titles["002_ade957fd3a304f06"].split()[0] in table.output
    listed = fc(repo, "claims", "--source", "002")  # a unique prefix of a source id
    assert listed.exit_code == 0 and all(c["id"] in listed.output for c in json.loads(fc(repo, "claims", "--source", "002_ade957fd3a304f06", "--format", "json").output))
    ambiguous = fc(repo, "claims", "--source", "00")
    assert ambiguous.exit_code == 2 and "'00' is the start of 5 source ids" in ambiguous.output
    # a discrepancy by the shortest prefix that is its own; a shared prefix is called so
    ids = [d["id"] for d in review]
    short = next(i[:n] for i in ids for n in range(3, len(i)) if sum(j.startswith(i[:n]) for j in ids) == 1)
    shown = fc(repo, "show", short)
    assert shown.exit_code == 0, shown.output
    target = json.loads(fc(repo, "show", short, "--format", "json").output)
    assert target["id"].startswith(short)
    for claim, ctx in zip(target["claims"], target["contexts"]):  # not a terminal: the span in visible marks
        assert f"⟦{claim['quote']}⟧" in shown.output
    both = fc(repo, "show", "d_")
    assert both.exit_code == 2 and f"is the start of {len(ids)} discrepancy ids" in both.output and "give more of the id" in both.output
    # no empty tables
    none = fc(repo, "claims", "--grep", "لا يوجد هذا النص")
    assert none.exit_code == 0 and none.output.startswith("no claims whose sentence contains") and "┏" not in none.output


def test_empty_workspace_says_so(tmp_path):
    db = tmp_path / "empty.db"
    listed = runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", "sources"])
    assert listed.exit_code == 0 and listed.output.startswith("no sources stored yet") and "┏" not in listed.output
    review = runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", "review", "--sources", str(tmp_path)])
    assert review.exit_code == 0 and review.output.startswith("no open discrepancies"), review.output
