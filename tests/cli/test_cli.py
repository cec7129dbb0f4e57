"""Every command through typer's CliRunner, exit codes included (fast: the hashing model)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def invoke(db_path, *args):
    return runner.invoke(app, ["--db", str(db_path), "--model", "hashing", "--no-progress", *map(str, args)])


ENGLISH = (
    "Employees threaten to quit\n\n"
    "More than 500 employees of Acme signed the letter to the board on Monday.\n"
    "The company invested $10 million in the new lab in 2021.\n"
)
CONTRADICTION = (
    "Acme staff letter\n\n"
    "Only 120 employees of Acme signed the letter to the board, according to the company.\n"
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    return folder


def test_help_everywhere():
    for command in ([], ["ingest"], ["reconcile"], ["report"], ["search"], ["run"], ["check"], ["remove"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, command
        assert "Usage" in result.output


def test_ingest_then_unchanged(corpus, db_path):
    first = invoke(db_path, "ingest", corpus)
    assert first.exit_code == 0, first.output
    assert "1 added" in first.output
    second = invoke(db_path, "ingest", corpus)
    assert "1 unchanged" in second.output and "0 texts embedded" in second.output


def test_ingest_bad_file_stores_nothing(corpus, db_path, tmp_path):
    invoke(db_path, "ingest", corpus)
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (corpus / "a.txt").write_text(ENGLISH + "It now employs 900 people.\n", encoding="utf-8")
    result = invoke(db_path, "ingest", corpus)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "b.txt" in result.output
    # a.txt's change was not half-applied either
    claims = invoke(db_path, "search", "employs people", "--format", "json")
    assert "900" not in claims.output


def test_ingest_missing_path(db_path, tmp_path):
    result = invoke(db_path, "ingest", tmp_path / "nope")
    assert result.exit_code == 2
    assert result.output.count("\n") <= 2 and "error:" in result.output


def test_remove(corpus, db_path):
    invoke(db_path, "ingest", corpus)
    assert invoke(db_path, "remove", "a").exit_code == 0
    result = invoke(db_path, "remove", "a")
    assert result.exit_code == 2 and "not stored" in result.output


def test_search_json_and_errors(corpus, db_path):
    assert invoke(db_path, "search", "anything").exit_code == 2  # nothing stored yet
    invoke(db_path, "ingest", corpus)
    result = invoke(db_path, "search", "how many employees signed the letter", "-k", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert "signed the letter" in hits[0]["text"]
    assert hits[0]["claims"][0]["quote"] == "More than 500"
    assert invoke(db_path, "search", "   ").exit_code == 2
    assert invoke(db_path, "search", "x", "-k", "0").exit_code == 2
    table = invoke(db_path, "search", "invested lab")
    assert table.exit_code == 0 and "10 million" in table.output


def test_reconcile_report_and_check(corpus, db_path, tmp_path):
    (corpus / "b.txt").write_text(CONTRADICTION, encoding="utf-8")
    assert invoke(db_path, "ingest", corpus).exit_code == 0
    rec = invoke(db_path, "reconcile")
    assert rec.exit_code == 0 and "1 discrepancies" in rec.output
    out = tmp_path / "r.json"
    assert invoke(db_path, "report", "--format", "json", "-o", out).exit_code == 0
    report = json.loads(out.read_text())
    (d,) = report["discrepancies"]
    assert d["kind"] == "conflict" and d["severity"] == "high"
    assert {c["quote"] for c in d["claims"]} == {"More than 500", "120"}
    md = invoke(db_path, "report", "--format", "md")
    assert md.exit_code == 0 and "conflict" in md.output
    assert invoke(db_path, "report", "--format", "html", "-o", tmp_path).exit_code == 2  # a folder

    check = invoke(db_path, "check", corpus)
    assert check.exit_code == 1
    assert d["id"] in check.output
    baseline = corpus / "factcheck-baseline.json"
    baseline.write_text(json.dumps({"format": 1, "discrepancies": {d["id"]: {"status": "acknowledged", "note": "known"}}}))
    assert invoke(db_path, "check", corpus).exit_code == 0
    assert invoke(db_path, "check", corpus, "--fail-on", "low", "--format", "json").exit_code == 0


def test_check_exit_2_on_unreadable_source(corpus, db_path):
    (corpus / "broken.txt").write_bytes(b"")
    result = invoke(db_path, "check", corpus)
    assert result.exit_code == 2
    assert "broken.txt" in result.output and "Traceback" not in result.output


def test_check_bad_baseline(corpus, db_path):
    (corpus / "factcheck-baseline.json").write_text("{not json")
    result = invoke(db_path, "check", corpus)
    assert result.exit_code == 2 and "baseline" in result.output


def test_run_writes_three_reports(corpus, db_path, tmp_path):
    out = tmp_path / "reports"
    result = invoke(db_path, "run", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    for name in ("report.json", "report.md", "report.html"):
        assert (out / name).exists() and str(out / name) in result.output.replace("\n", "")


def test_unknown_model_is_one_line(corpus, db_path):
    result = runner.invoke(app, ["--db", str(db_path), "--model", "no-such-model", "ingest", str(corpus)])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: unknown model")


def test_database_that_is_not_sqlite(corpus, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello" * 1000)
    result = invoke(bad, "ingest", corpus)
    assert result.exit_code == 2 and "not a usable factcheck database" in result.output
    assert bad.read_text() == "hello" * 1000  # never overwritten


def test_version():
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0 and result.output.strip()


def test_same_input_same_bytes(corpus, tmp_path):
    (corpus / "b.txt").write_text(CONTRADICTION, encoding="utf-8")
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        assert invoke(tmp_path / f"{name}.db", "run", corpus, "-o", out).exit_code == 0
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == {"report.json", "report.md", "report.html"}


def test_translation_of_an_absent_source_still_reports(corpus, db_path, tmp_path):
    (corpus / "a.meta.toml").write_text('translation_of = "gone"\ntitle = "Staff letter"\n', encoding="utf-8")
    out = tmp_path / "r.json"
    assert invoke(db_path, "ingest", corpus).exit_code == 0
    result = invoke(db_path, "report", "--format", "json", "-o", out)
    assert result.exit_code == 0, result.output
    (source,) = json.loads(out.read_text())["sources"]
    assert source["translation_of"] == "gone" and source["title"] == "Staff letter"


def test_parse_json_spans_slice_the_input():
    text = "وقرّر أربعة من أصل ستة أعضاء إقالة ألتمان في 16 نوفمبر 2023، بعد أن استثمرت مايكروسوفت أكثر من 10 مليارات دولار."
    seed_aliases = Path(__file__).resolve().parents[2] / "sources" / "aliases.toml"
    result = runner.invoke(app, ["--aliases", str(seed_aliases), "parse", text, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"quantities", "dates", "events", "entities", "skipped"}
    assert data["skipped"] == []
    for items in data.values():
        for item in items:
            assert text[item["char_start"] : item["char_end"]] == item["text"]
    four, money = data["quantities"]
    assert (four["value"], four["total"], four["noun"]) == (4, 6, "أعضاء")
    assert (money["low"], money["high"], money["qualifier"], money["unit"]) == (1e10, None, "more_than", "USD")
    assert [(d["date"], d["precision"]) for d in data["dates"]] == [("2023-11-16", "day")]
    assert {e["canonical"] for e in data["entities"]} == {"Sam Altman", "Microsoft"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # names no alias file lists: after a cue word, or rare in any Arabic word list
        ("استثمرت شركة نوران 40 مليون دولار في سالكو", [("نوران", "organisation", "نوران"), ("سالكو", "name", "سالكو")]),
        ("قال السيد فهد العتيبي إن الأرباح ارتفعت", [("فهد العتيبي", "person", "فهد العتيبي")]),
        ("Revenue at Alder Mining rose, said Carla Brandt.", [("Alder Mining", "organisation", "Alder Mining"), ("Carla Brandt", "speaker", "Carla Brandt")]),
    ],
)
def test_parse_finds_names_no_alias_file_lists(text, expected):
    result = runner.invoke(app, ["parse", text, "--format", "json"])
    assert result.exit_code == 0, result.output
    entities = json.loads(result.output)["entities"]
    assert [(e["canonical"], e["type"], e["text"]) for e in entities] == expected


def test_parse_published_resolves_weekdays_and_table_output():
    result = runner.invoke(app, ["parse", "About 700 employees signed on Friday.", "--published", "2023-11-21", "-f", "json"])
    (date,) = json.loads(result.output)["dates"]
    assert (date["date"], date["resolved_from"]) == ("2023-11-17", "published")
    table = runner.invoke(app, ["parse", "About 700 employees signed on Friday.", "--lang", "en"])
    assert table.exit_code == 0 and "about 700 staff" in table.output


def test_parse_reads_stdin():
    result = runner.invoke(app, ["parse", "-", "-f", "json"], input="Up to 30% of staff left.")
    (q,) = json.loads(result.output)["quantities"]
    assert (q["low"], q["high"], q["qualifier"], q["unit"]) == (None, 30, "at_most", "percent")


@pytest.mark.parametrize(
    "locale, date, readings",
    [
        (None, None, ["2023-04-05", "2023-05-04"]),  # valid both ways in English, no locale: unresolved
        ("en_US", "2023-05-04", None),
        ("en_GB", "2023-04-05", None),
    ],
)
def test_parse_locale_orders_numeric_dates(locale, date, readings):
    args = ["parse", "The contract was signed on 05/04/2023.", "-f", "json", *(["--locale", locale] if locale else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    (d,) = json.loads(result.output)["dates"]
    assert (d["date"], d["readings"], d["precision"]) == (date, readings, "day")
    assert {"date_end", "part", "calendar", "hijri", "readings"} <= set(d)


def test_parse_table_describes_the_new_date_forms():
    text = "Talks ran 15-17 November 2023. They resumed in mid-November 2023. بدأ الصيام في 15 رمضان 1445 هـ."
    result = runner.invoke(app, ["parse", text])
    assert result.exit_code == 0, result.output
    for words in ("15-17 November 2023", "mid-November 2023", "15 Ramadan 1445 (25 March"):
        assert words in result.output
    week = runner.invoke(app, ["parse", "The talks collapsed last week.", "--published", "2023-11-20"])
    assert "week 46 of 2023" in week.output


@pytest.mark.parametrize("args", [["  "], ["x", "--published", "2023-13-01"], ["x", "--published", "yesterday"], ["x", "--lang", "fr"], ["x", "--locale", "xx_YY"]])
def test_parse_errors(args):
    result = runner.invoke(app, ["parse", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_parse_bad_alias_file(tmp_path):
    bad = tmp_path / "a.toml"
    bad.write_text("[[entity]]\n", encoding="utf-8")
    result = runner.invoke(app, ["--aliases", str(bad), "parse", "x"])
    assert result.exit_code == 2 and result.output.startswith("error: alias file")


def test_eval_gold(corpus, db_path, tmp_path):
    (corpus / "b.txt").write_text(CONTRADICTION, encoding="utf-8")
    gold = tmp_path / "gold.toml"
    gold.write_text(
        '[[expected]]\na = {source = "a", quote = "More than 500"}\nb = {source = "b", quote = "120"}\nkinds = ["conflict"]\n',
        encoding="utf-8",
    )
    result = invoke(db_path, "eval", "gold", gold, "--sources", corpus, "--format", "json")
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)
    assert (scored["expected"], scored["found"], scored["recall"], scored["kind_correct"]) == (1, 1, 1.0, 1)
    text = invoke(db_path, "eval", "gold", gold)
    assert text.exit_code == 0 and "recall 1.00" in text.output
    gold.write_text("[[expected]]\n", encoding="utf-8")
    assert invoke(db_path, "eval", "gold", gold).exit_code == 2


def test_eval_search(corpus, db_path, tmp_path, monkeypatch):
    (corpus / "b.txt").write_text(CONTRADICTION, encoding="utf-8")
    queries = tmp_path / "queries.toml"
    queries.write_text(
        '[[query]]\ncorpus = "src"\ntext = "Acme signed the letter to the board"\nlang = "en"\n'
        '[[query.relevant]]\nfile = "b.txt"\ncontains = "Only 120 employees of Acme"\n'
        '[[query]]\ncorpus = "src"\ntext = "Employees threaten to quit"\nlang = "en"\n'
        '[[query.relevant]]\nfile = "a.txt"\ncontains = "Employees threaten to quit"\n'
        '[[query]]\ncorpus = "elsewhere"\ntext = "not asked of src"\n'
        '[[query.relevant]]\nfile = "a.txt"\ncontains = "whatever it says"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = invoke(db_path, "eval", "search", queries, "--sources", corpus, "-k", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)
    assert scored["queries"] == 2 and scored["k"] == 2
    first, second = scored["ranks"]
    assert first["rank"] in (1, 2) and first["reachable"]
    assert second == {"query": "Employees threaten to quit", "lang": "en", "rank": None, "reachable": False}  # a title holds no claim
    assert scored["unreachable"] == 1 and scored["mrr"] == pytest.approx(1 / first["rank"] / 2)
    text = invoke(db_path, "eval", "search", queries, "--sources", corpus)
    assert text.exit_code == 0 and text.output.startswith("queries: 2  MRR: ") and "(unreachable)" in text.output
    other = tmp_path / "other"
    other.mkdir()
    missing = invoke(db_path, "eval", "search", queries, "--sources", other)
    assert missing.exit_code == 2 and missing.output.startswith("error: no query of")
    queries.write_text('[[query]]\ncorpus = "src"\ntext = "x"\n', encoding="utf-8")
    bad = invoke(db_path, "eval", "search", queries, "--sources", corpus)
    assert bad.exit_code == 2 and "no relevant sentence" in bad.output


def test_models_build_e5_refuses_an_existing_folder(tmp_path):
    result = runner.invoke(app, ["models", "build-e5", str(tmp_path)])
    assert result.exit_code == 2 and "already exists" in result.output


def test_eval_pairs_with_word_signals_only(tmp_path):
    rows = [
        ("ارتفاع أسعار النفط عالميا", "أسعار النفط ترتفع عالميا", "agree"),
        ("ارتفاع أسعار النفط عالميا", "انخفاض أسعار النفط عالميا", "disagree"),
        ("الرئيس يزور باريس غدا", "الرئيس لن يزور باريس غدا", "disagree"),
        ("الرئيس يزور باريس غدا", "زيارة الرئيس إلى باريس غدا", "agree"),
        ("فوز الفريق بالبطولة", "مباراة كرة قدم في المدينة", "other"),
        ("مقتل 5 أشخاص في حادث", "مقتل 12 شخصا في حادث", "disagree"),
    ]
    body = "".join(f"{a},{b},{c}\n" for a, b, c in rows)
    train, test = tmp_path / "train.csv", tmp_path / "test.csv"
    train.write_text("s1,s2,stance\n" + body * 3, encoding="utf-8")
    test.write_text("s1,s2,stance\n" + body, encoding="utf-8")
    result = runner.invoke(app, ["eval", "pairs", str(test), "--train", str(train), "--pair-model", "none", "--format", "json"], env={"FACTCHECK_CACHE": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)
    assert scored["n"] == 6 and 0 <= scored["macro_f1"] <= 1
    assert scored["confusion"]["labels"] == ["agree", "disagree", "other"]
    bad = runner.invoke(app, ["eval", "pairs", str(tmp_path / "missing.csv"), "--train", str(train), "--pair-model", "none"])
    assert bad.exit_code == 2 and bad.output.startswith("error:")


@pytest.mark.parametrize(
    "data, line",
    [
        (b"\x00\x01binary\x00", "error: standard input: contains NUL bytes; this looks like a binary file, not text"),
        ("Up to 30% of staff left.".encode("utf-16"), None),  # decoded as a source file would be
    ],
)
def test_parse_reads_standard_input_as_a_source_file_is_read(data, line):
    result = runner.invoke(app, ["parse", "-", "-f", "json"], input=data)
    if line is None:
        assert result.exit_code == 0 and json.loads(result.output)["quantities"][0]["text"] == "Up to 30%"
    else:
        assert (result.exit_code, result.output.strip()) == (2, line)
