"""The parse suites are well formed, and their scorer judges a parse result as documented:
overlap with the span, every expected field equal (numbers within a relative 1e-3), and
{"none": true} cases passing only when no quantity overlaps. Nothing here runs the parser."""

from __future__ import annotations

import json

import pytest
from benchmark_scripts import load

SUITE_NAMES = ("dates_ar", "dates_en", "money_ar", "money_en", "percent_ar", "percent_en", "ranges_ar", "ranges_en")




ps = load("parse_suites")


# --- the suite files -------------------------------------------------------------------------


def test_the_eight_suites_are_there():
    assert sorted(p.stem for p in ps.SUITES_DIR.glob("*.jsonl")) == list(SUITE_NAMES)


@pytest.mark.parametrize("name", SUITE_NAMES)
def test_a_suite_is_well_formed_and_large_enough(name):
    cases = ps.load_suite(ps.SUITES_DIR / f"{name}.jsonl")  # schema, span once, known keys
    assert len(cases) >= 30
    assert all(c["id"].startswith(f"{name}-") for c in cases)
    splits = [c["split"] for c in cases]
    assert set(splits) == {"dev", "heldout"}
    assert 0.25 <= splits.count("heldout") / len(cases) <= 0.4
    negatives = [c for c in cases if c["expect"].get("none")]
    assert 1 <= len(negatives) <= len(cases) // 5
    assert {c["split"] for c in negatives} == {"dev", "heldout"}
    for case in cases:
        start, end = ps.span_range(case)
        assert case["text"][start:end] == case["span"]


def test_ids_are_unique_across_suites():
    ids = [c["id"] for name in SUITE_NAMES for c in ps.load_suite(ps.SUITES_DIR / f"{name}.jsonl")]
    assert len(ids) == len(set(ids))


def test_the_arabic_suites_are_written_in_arabic():
    for name in SUITE_NAMES:
        for case in ps.load_suite(ps.SUITES_DIR / f"{name}.jsonl"):
            has_arabic = any("\u0600" <= ch <= "\u06ff" for ch in case["text"])
            assert has_arabic == name.endswith("_ar"), case["id"]


# --- refusing a malformed file ---------------------------------------------------------------

GOOD = {"id": "x-01", "text": "Between 20 and 35 people died.", "span": "Between 20 and 35", "expect": {"low": 20, "high": 35}, "split": "dev"}


def _with(**changes):
    case = dict(GOOD)
    for key, value in changes.items():
        if value is None:
            case.pop(key)
        else:
            case[key] = value
    return json.dumps(case)


MALFORMED = [
    ("not json", "{not json", "not JSON"),
    ("a list", "[1, 2]", "JSON object"),
    ("missing span", _with(span=None), "missing span"),
    ("unknown key", _with(notes="x"), "unknown key notes"),
    ("span absent", _with(span="Between 20 and 36"), "does not occur"),
    ("span twice", _with(text="20 died; 20 were hurt.", span="20"), "more than once"),
    ("span overlapping itself", _with(text="It was 111 days.", span="11"), "more than once"),
    ("bad split", _with(split="test"), "split must be"),
    ("unknown expect key", _with(expect={"vaule": 3}), "unknown expect key vaule"),
    ("empty expect", _with(expect={}), "non-empty object"),
    ("none with a value", _with(expect={"none": True, "value": 3}), "stand alone"),
    ("none false", _with(expect={"none": False}), "stand alone"),
    ("value not a number", _with(expect={"value": "3"}), "must be a number"),
    ("value a boolean", _with(expect={"value": True}), "must be a number"),
    ("unit not a string", _with(expect={"value": 3, "unit": 4}), "must be a string"),
    ("bad published", _with(published="22/11/2023"), "published must be a date"),
    ("empty text", _with(text=""), "text must be a non-empty string"),
    ("repeated id", json.dumps(GOOD) + "\n" + json.dumps(GOOD), "repeats"),
]


@pytest.mark.parametrize("label, content, message", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_suite_is_refused_with_one_line_and_exit_2(tmp_path, capsys, label, content, message):
    (tmp_path / "bad.jsonl").write_text(content + "\n", encoding="utf-8")
    with pytest.raises(ps.SuiteError, match=message):
        ps.load_suite(tmp_path / "bad.jsonl")
    assert ps.main([], directory=tmp_path, parse=lambda case: pytest.fail("must not parse")) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: bad.jsonl:")


def test_an_unknown_suite_name_is_refused(tmp_path, capsys):
    (tmp_path / "ok.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    assert ps.main(["--suite", "nope"], directory=tmp_path, parse=lambda case: {}) == 2
    assert "no suite named 'nope'" in capsys.readouterr().err


def test_an_empty_suite_is_refused(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(ps.SuiteError, match="holds no case"):
        ps.load_suite(tmp_path / "empty.jsonl")


# --- judging a parse result ------------------------------------------------------------------

TEXT = "Officials said between 20 and 35 people died on 17 November 2023."
SPAN = "between 20 and 35"  # characters 15 to 32


def q(start, end, **fields):
    return {"text": TEXT[start:end], "char_start": start, "char_end": end, **fields}


def case(expect, text=TEXT, span=SPAN):
    return {"id": "t-01", "text": text, "span": span, "expect": expect, "split": "dev"}


JUDGED = [
    ("exact span, right range", {"low": 20, "high": 35}, {"quantities": [q(15, 32, low=20, high=35, value=None)]}, True),
    ("partial overlap is enough", {"low": 20, "high": 35}, {"quantities": [q(23, 32, low=20, high=35)]}, True),
    ("one character of overlap", {"value": 35}, {"quantities": [q(31, 33, value=35)]}, True),
    ("touching the end is not overlap", {"value": 35}, {"quantities": [q(32, 37, value=35)]}, False),
    ("touching the start is not overlap", {"value": 35}, {"quantities": [q(0, 15, value=35)]}, False),
    ("wrong value", {"low": 20, "high": 35}, {"quantities": [q(15, 32, value=55, low=None, high=None)]}, False),
    ("a field missing from the item", {"low": 20, "high": 35, "unit": "person"}, {"quantities": [q(15, 32, low=20, high=35)]}, False),
    ("fields must hold on one item", {"low": 20, "high": 35}, {"quantities": [q(15, 25, low=20, high=None), q(25, 32, low=None, high=35)]}, False),
    ("any overlapping item may match", {"value": 35}, {"quantities": [q(15, 25, value=20), q(25, 32, value=35)]}, True),
    ("relative tolerance 1e-3", {"value": 66.667}, {"quantities": [q(15, 32, value=200 / 3)]}, True),
    ("within a relative 1e-3", {"value": 66.667}, {"quantities": [q(15, 32, value=66.7)]}, True),
    ("outside a relative 1e-3", {"value": 66.667}, {"quantities": [q(15, 32, value=66.8)]}, False),
    ("large numbers scale the tolerance", {"value": 3.5e9}, {"quantities": [q(15, 32, value=3_500_100_000)]}, True),
    ("absolute tolerance near zero", {"value": 0}, {"quantities": [q(15, 32, value=1e-12)]}, True),
    ("a boolean is not a number", {"value": 1}, {"quantities": [q(15, 32, value=True)]}, False),
    ("a numeric string is not a number", {"value": 20}, {"quantities": [q(15, 32, value="20")]}, False),
    ("strings compare exactly", {"value": 20, "qualifier": "at_least"}, {"quantities": [q(15, 32, value=20, qualifier="at_most")]}, False),
    ("nothing parsed", {"value": 20}, {"quantities": [], "dates": []}, False),
    ("no keys at all", {"value": 20}, {}, False),
]


@pytest.mark.parametrize("label, expect, parsed, passed", JUDGED, ids=[j[0] for j in JUDGED])
def test_judging_a_quantity(label, expect, parsed, passed):
    assert ps.judge(case(expect), parsed)[0] is passed


DATE_SPAN = "17 November 2023"  # characters 48 to 64


def d(start, end, **fields):
    return {"text": TEXT[start:end], "char_start": start, "char_end": end, **fields}


DATES = [
    ("right day", {"date": "2023-11-17"}, [d(48, 64, date="2023-11-17", precision="day")], True),
    ("wrong day", {"date": "2023-11-17"}, [d(48, 64, date="2023-11-16")], False),
    ("precision checked when expected", {"date": "2023-11-17", "precision": "range"}, [d(48, 64, date="2023-11-17", precision="day")], False),
    ("an unresolved date expected and given", {"date": None}, [d(48, 64, date=None)], True),
    ("an unresolved date expected, a day given", {"date": None}, [d(48, 64, date="2023-11-17")], False),
    ("an unresolved date expected, nothing given", {"date": None}, [], False),
    ("a quantity has no date field", {"date": None}, [], False),
]


@pytest.mark.parametrize("label, expect, dates, passed", DATES, ids=[x[0] for x in DATES])
def test_judging_a_date(label, expect, dates, passed):
    parsed = {"quantities": [q(48, 50, value=17)], "dates": dates}
    assert ps.judge(case(expect, span=DATE_SPAN), parsed)[0] is passed


NONE_CASES = [
    ("nothing overlaps", {"quantities": [q(15, 32, low=20, high=35)], "dates": []}, True),
    ("a quantity overlaps", {"quantities": [q(48, 50, value=17)], "dates": []}, False),
    ("only a date overlaps", {"quantities": [], "dates": [d(48, 64, date="2023-11-17")]}, True),
    ("empty result", {}, True),
]


@pytest.mark.parametrize("label, parsed, passed", NONE_CASES, ids=[x[0] for x in NONE_CASES])
def test_judging_a_none_case(label, parsed, passed):
    ok, near = ps.judge(case({"none": True}, span=DATE_SPAN), parsed)
    assert ok is passed
    assert len(near) == (0 if passed else 1)


def test_the_span_is_found_in_arabic_text_by_character():
    text = "قتل ما بين عشرين وخمسة وثلاثين شخصا."
    span = "ما بين عشرين وخمسة وثلاثين"
    start = text.index(span)
    hit = {"char_start": start + 3, "char_end": start + 7, "low": 20, "high": 35}
    assert ps.judge(case({"low": 20, "high": 35}, text=text, span=span), {"quantities": [hit]})[0]
    assert not ps.judge(case({"low": 20, "high": 35}, text=text, span=span), {"quantities": [hit | {"char_start": 0, "char_end": start}]})[0]


# --- the run ---------------------------------------------------------------------------------


def _suite_dir(tmp_path):
    rows = {
        "b_suite": [
            {"id": "b-01", "text": "About 40 died.", "span": "About 40", "expect": {"value": 40}, "split": "dev"},
            {"id": "b-02", "text": "About 50 died.", "span": "About 50", "expect": {"value": 50}, "split": "dev"},
            {"id": "b-03", "text": "About 60 died.", "span": "About 60", "expect": {"value": 60}, "split": "heldout"},
        ],
        "a_suite": [
            {"id": "a-01", "text": "The third time.", "span": "third", "expect": {"none": True}, "split": "dev", "published": "2024-05-08"},
        ],
    }
    for name, cases in rows.items():
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return tmp_path


def _fake_parse(c):
    """Reads 'About N' as N, except 50, which it gets wrong; reads nothing in an ordinal."""
    if "About" not in c["text"]:
        return {"quantities": [], "dates": []}
    n = int(c["text"].split()[1])
    return {"quantities": [{"text": f"About {n}", "char_start": 0, "char_end": 8, "value": 55 if n == 50 else n}], "dates": []}


def test_the_table_counts_each_suite_and_averages_the_suites(tmp_path, capsys):
    assert ps.main(["--split", "dev"], directory=_suite_dir(tmp_path), parse=_fake_parse) == 0
    assert capsys.readouterr().out.splitlines() == [
        "split: dev",
        "suite           cases  passed  percent",
        "a_suite             1       1   100.0%",
        "b_suite             2       1    50.0%",
        "mean over suites                 75.0%",
    ]


def test_splits_limit_and_suite_choice(tmp_path, capsys):
    directory = _suite_dir(tmp_path)
    ps.main(["--split", "heldout", "--suite", "b_suite"], directory=directory, parse=_fake_parse)
    assert capsys.readouterr().out.splitlines()[2:] == ["b_suite             1       1   100.0%", "mean over suites                100.0%"]
    ps.main(["--split", "all", "--limit", "2"], directory=directory, parse=_fake_parse)
    assert capsys.readouterr().out.splitlines()[3] == "b_suite             2       1    50.0%"


def test_failures_name_the_case_and_what_overlapped(tmp_path, capsys):
    assert ps.main(["--show-failures"], directory=_suite_dir(tmp_path), parse=_fake_parse) == 0
    out = capsys.readouterr().out
    assert "b-02  span 'About 50'" in out
    assert '  expected: {"value": 50}' in out
    assert '"value": 55' in out
    assert "b-01" not in out and "a-01" not in out


def test_a_parser_that_raises_fails_its_case_and_the_run_goes_on(tmp_path, capsys):
    def broken(c):
        if c["id"] == "b-01":
            raise ValueError("boom")
        return _fake_parse(c)

    assert ps.main(["--show-failures"], directory=_suite_dir(tmp_path), parse=broken) == 0
    out = capsys.readouterr().out
    assert "b_suite             2       0     0.0%" in out
    assert "error:    ValueError: boom" in out


def test_the_output_is_the_same_every_run(tmp_path, capsys):
    directory = _suite_dir(tmp_path)
    outputs = []
    for _ in range(2):
        ps.main(["--split", "all", "--show-failures"], directory=directory, parse=_fake_parse)
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_the_published_date_is_handed_to_the_parser(tmp_path, capsys):
    seen = []
    ps.main(["--suite", "a_suite"], directory=_suite_dir(tmp_path), parse=lambda c: seen.append(c.get("published")) or {})
    assert seen == ["2024-05-08"]


CLI_CASES = [
    ({"text": "-3.2% in Q3"}, False, ["parse", "--format", "json", "--", "-3.2% in Q3"]),
    ({"text": "yesterday", "published": "2024-05-08"}, False, ["parse", "--format", "json", "--published", "2024-05-08", "--", "yesterday"]),
    ({"text": "05/06/2023", "locale": "en_US"}, False, ["parse", "--format", "json", "--", "05/06/2023"]),
    ({"text": "05/06/2023", "locale": "en_US"}, True, ["parse", "--format", "json", "--locale", "en_US", "--", "05/06/2023"]),
]


@pytest.mark.parametrize("c, takes_locale, tail", CLI_CASES)
def test_the_cli_command_line(c, takes_locale, tail):
    command = ps.cli_command(c, takes_locale)
    assert command[: len(ps.CLI)] == ps.CLI
    assert command[len(ps.CLI) :] == tail
