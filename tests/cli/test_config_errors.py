"""Every configuration mistake through `check` and `run`: exit 2, one line, nothing written."""

import json
import os

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ARTICLES = {
    "a.txt": "Staff revolt\n\nMore than 500 employees of Acme signed the letter to the board on Monday.\n",
    "b.txt": "Letter\n\nOnly 120 employees of Acme signed the letter to the board.\n",
}


def _thresholds(text):
    def setup(tmp_path, sources):
        path = tmp_path / "thresholds.toml"
        path.write_text(text, encoding="utf-8")
        return ["--thresholds", str(path)], {}

    return setup


def _aliases(text):
    def setup(tmp_path, sources):
        path = tmp_path / "aliases.toml"
        path.write_text(text, encoding="utf-8")
        return ["--aliases", str(path)], {}

    return setup


def _file_in_env(variable: str, name: str):
    """A setup that writes ``text`` to a file and names it in the environment ``variable``."""

    def given(text):
        def setup(tmp_path, sources):
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
            return [], {variable: str(path)}

        return setup

    return given


_lexicon = _file_in_env("FACTCHECK_LEXICON", "lexicon.toml")
_attribution = _file_in_env("FACTCHECK_ATTRIBUTION", "attribution.toml")
_events = _file_in_env("FACTCHECK_EVENTS", "events.toml")


def _baseline(text):
    def setup(tmp_path, sources):
        (sources / "factcheck-baseline.json").write_text(text, encoding="utf-8")
        return [], {}

    return setup


def _pair_judge(text):
    def setup(tmp_path, sources):
        path = tmp_path / "pairs.csv"
        if text is not None:
            path.write_bytes(text)
        return ["--pair-judge", str(path)], {}

    return setup


def _model(spec):
    return lambda tmp_path, sources: ([], {"FACTCHECK_MODEL": spec})


def _source(make):
    def setup(tmp_path, sources):
        make(tmp_path, sources)
        return [], {}

    return setup


CASES = {
    "thresholds inf": (_thresholds("align_score = inf\n"), "align_score must be a number from 0 to 1, not inf", "both"),
    "thresholds nan": (_thresholds("align_score = nan\n"), "align_score must be a number from 0 to 1, not nan", "both"),
    "thresholds cosine_floor 1": (_thresholds("cosine_floor = 1.0\n"), "cosine_floor must be a number from 0 to below 1", "both"),
    "thresholds neighbours -5": (_thresholds("neighbours = -5\n"), "neighbours must be an integer from 0 to 1000, not -5", "both"),
    "lexicon generic = 5": (_lexicon("generic = 5\n"), "'generic' must be a list of words (strings), not 5", "both"),
    "attribution saying = x": (_attribution('saying = "said"\n'), "saying must be a list of words", "both"),
    "attribution unknown list": (_attribution("talking = ['said']\n"), "unknown list 'talking'", "both"),
    "events ambiguous without objects": (_events('[[event]]\nname = "x"\nambiguous = ["signed"]\n'), "ambiguous verbs need objects", "both"),
    "events patient_only_after = yes": (_events('[[event]]\nname = "x"\npatient_only_after = "yes"\n'), "patient_only_after must be true or false", "both"),
    "alias entity = x": (_aliases('entity = "x"\n'), "'entity' must be written as [[entity]] tables", "both"),
    "model e5+": (_model("e5+"), "an empty name next to '+'", "both"),
    "thresholds event_disagree 0.3": (_thresholds("event_disagree = 0.3\n"), "event_disagree must be a number from 0.5 to 1, not 0.3", "both"),
    "pair judge missing": (_pair_judge(None), "pair judgement (--pair-judge, FACTCHECK_PAIR_JUDGE): ", "both"),
    "pair judge header": (_pair_judge(b"a,b\n1,2\n"), "missing column(s) s1, s2, stance", "both"),
    "pair judge stance": (_pair_judge(b"s1,s2,stance\nx,y,maybe\n"), "line 2: unknown stance 'maybe'", "both"),
    "pair judge binary": (_pair_judge(b"\xff\xfe\x00\x01"), "not UTF-8 text", "both"),
    "pair judge one class": (_pair_judge(b"s1,s2,stance\nx,y,agree\nz,w,agree\n"), "needs pairs labelled disagree and pairs labelled otherwise", "both"),
    "baseline format 99": (_baseline('{"format": 99, "discrepancies": {}}'), "has format 99", "check"),
    "baseline nested": (_baseline("[" * 100_000), "not valid JSON: nested too deeply", "check"),
    "source translation_of itself": (
        _source(lambda t, s: (s / "a.meta.toml").write_text('translation_of = "a"\n')),
        "field 'translation_of' names this source itself",
        "both",
    ),
    "source link to /etc/passwd": (
        _source(lambda t, s: (s / "passwd.txt").symlink_to("/etc/passwd")),
        "passwd.txt: a symbolic link to /etc/passwd, outside its own folder",
        "both",
    ),
    "source fifo": (_source(lambda t, s: os.mkfifo(s / "pipe.txt")), "pipe.txt: a FIFO (named pipe), not a regular file", "both"),
}


# the baseline is read by check only
RUNS = [(case, command) for case, (_, _, only) in CASES.items() for command in ("check", "run") if only in ("both", command)]


@pytest.mark.parametrize("case, command", RUNS, ids=[f"{case}-{command}" for case, command in RUNS])
def test_a_configuration_mistake_is_exit_2_and_one_line(tmp_path, case, command):
    setup, message, _ = CASES[case]
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    options, env = setup(tmp_path, sources)
    model = [] if "FACTCHECK_MODEL" in env else ["--model", "hashing"]
    db = tmp_path / "claims.db"
    args = [*model, "--db", str(db), "--no-progress", *options, command, str(sources)]
    if command == "run":
        args += ["-o", str(tmp_path / "reports")]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert any(message in line for line in errors), result.output
    assert "Traceback" not in result.output and "root:" not in result.output
    assert not (tmp_path / "reports").exists()
    if "--pair-judge" in options or any(key in env for key in ("FACTCHECK_ATTRIBUTION", "FACTCHECK_LEXICON", "FACTCHECK_EVENTS")):
        assert not db.exists()  # checked before the database is opened


def test_the_same_files_done_right_run_cleanly(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    (sources / "b.txt.lnk.txt").symlink_to("b.txt")  # a link inside the folder: read once, as b
    (sources / "a.meta.toml").write_text('translation_of = "b"\npublished = 2023-11-20\n[extra]\nnote = "x"\n')
    (tmp_path / "thresholds.toml").write_text("align_score = 0.5\nneighbours = 10\n[hashing]\ncosine_floor = 0.0\n")
    (tmp_path / "aliases.toml").write_text('[[entity]]\ncanonical = "Acme"\ntype = "organisation"\naliases = ["Acme Corp"]\n')
    (tmp_path / "lexicon.toml").write_text("generic = ['folk']\n")
    db = tmp_path / "claims.db"
    common = ["--model", "hashing", "--db", str(db), "--no-progress", "--thresholds", str(tmp_path / "thresholds.toml"), "--aliases", str(tmp_path / "aliases.toml")]
    env = {"FACTCHECK_LEXICON": str(tmp_path / "lexicon.toml")}
    result = CliRunner().invoke(app, [*common, "run", str(sources), "-o", str(tmp_path / "reports")], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "reports" / "report.json").read_text())
    assert [s["id"] for s in report["sources"]] == ["a", "b"]
    assert report["generated_by"]["thresholds"]["align_score"] == 0.5
    assert report["generated_by"]["thresholds"]["neighbours"] == 10
