"""CI outputs of `factcheck check`: GitHub annotations, step summary, SARIF.

The findings come from the shared report fixture (tests/reports/conftest.py), whose article
text tries to break every format, plus the locations and new-flags `check` adds.
"""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest

from factcheck.reports.ci import (
    FINGERPRINT_KEY,
    escape_data,
    escape_property,
    github_annotations,
    sarif,
    sarif_json,
    step_summary,
)


def _loc(path, line, column, length):
    return {"path": path, "line": line, "column": column, "end_line": line, "end_column": column + length}


@pytest.fixture
def findings(report):
    """The fixture's three discrepancies as `check` would hand them over: the second claim
    of each is the new one, except in the last, where neither is."""
    out = []
    for number, discrepancy in enumerate(report["discrepancies"]):
        finding = copy.deepcopy(discrepancy)
        finding["locations"] = [
            _loc(f"sources/{claim['source_id']}.txt", 10 + number * 3 + index, 5 + index, len(claim["quote"]))
            for index, claim in enumerate(finding["claims"])
        ]
        finding["new"] = [False, number < 2]
        out.append(finding)
    return out


def _commands(text):
    return [line for line in text.split("\n") if line]


def _parse_command(line):
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    level, props, message = match.groups()
    properties = dict(item.split("=", 1) for item in props.split(","))
    return level, properties, message


def _unescape(text):
    # What the runner does with an escaped value.
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


# -- escaping -------------------------------------------------------------------------------
def test_escaping_matches_the_toolkit():
    assert escape_data("50% of\r\nall: a,b") == "50%25 of%0D%0Aall: a,b"
    assert escape_property("50% of\r\nall: a,b") == "50%25 of%0D%0Aall%3A a%2Cb"
    # % first, so an escape is never escaped twice and a literal "%0A" stays literal.
    assert escape_data("%0A") == "%250A"


def test_hostile_summary_and_path_stay_in_one_command(findings):
    finding = findings[0]
    finding["summary"] = "100% sure\nof it\r\n::error file=x::injected"
    finding["locations"][1]["path"] = "sources/a,b:c%d.txt"
    finding["claims"][1]["quote"] = "more\nthan 500"
    text = github_annotations([finding])
    assert text.endswith("\n") and text.count("\n") == 1
    level, properties, message = _parse_command(text.rstrip("\n"))
    assert properties["file"] == "sources/a%2Cb%3Ac%25d.txt"
    assert _unescape(properties["file"]) == "sources/a,b:c%d.txt"
    assert message.startswith("100%25 sure%0Aof it%0D%0A::error file=x::injected")
    assert _unescape(message).startswith(finding["summary"])
    assert "more%0Athan 500" in message


def test_annotation_is_placed_at_the_new_claim(findings):
    lines = {_parse_command(line)[2]: _parse_command(line) for line in _commands(github_annotations(findings))}
    by_id = {}
    for level, properties, message in lines.values():
        by_id[re.search(r"d_[0-9a-f]{16}", _unescape(message)).group()] = properties
    for finding in findings:
        properties = by_id[finding["id"]]
        index = 1 if finding["new"][1] else 0
        location = finding["locations"][index]
        assert properties["file"] == location["path"]
        assert properties["line"] == str(location["line"])
        assert properties["col"] == str(location["column"])
        assert properties["endLine"] == str(location["end_line"])
        assert properties["endColumn"] == str(location["end_column"])


def test_first_claim_when_both_or_neither_are_new(findings):
    finding = findings[0]
    for new in ([True, True], [False, False]):
        finding["new"] = new
        _, properties, _ = _parse_command(github_annotations([finding]).rstrip("\n"))
        assert properties["line"] == str(finding["locations"][0]["line"])


def test_title_and_message(findings, parts):
    _, properties, message = _parse_command(github_annotations([findings[1]]).rstrip("\n"))
    assert _unescape(properties["title"]) == "factcheck: conflict (high)"
    message = _unescape(message)
    assert findings[1]["summary"] in message
    assert f"«{parts.QUOTE_A}»" in message and f"«{parts.QUOTE_E}»" in message
    assert f"{findings[1]['claims'][0]['source_id']}: «" in message
    assert f"{findings[1]['claims'][1]['source_id']} (new): «" in message
    assert f'factcheck ack {findings[1]["id"]} --note "..."' in message
    # Flags go into the title.
    _, properties, _ = _parse_command(github_annotations([findings[0]]).rstrip("\n"))
    assert _unescape(properties["title"]) == "factcheck: conflict (high, related sources)"


def test_levels(findings):
    findings[2]["severity"] = "low"
    findings[1]["severity"] = "medium"
    levels = {_parse_command(line)[1]["line"]: _parse_command(line)[0] for line in _commands(github_annotations(findings))}
    assert sorted(levels.values()) == ["error", "error", "warning"]
    custom = github_annotations(findings, level_for=lambda severity: "notice" if severity != "high" else "error")
    assert [_parse_command(line)[0] for line in _commands(custom)] == ["error", "notice", "notice"]
    with pytest.raises(ValueError):
        github_annotations(findings, level_for=lambda severity: "fatal")


def test_worst_first_and_empty(findings):
    findings[0]["severity"] = "low"
    text = github_annotations(findings)
    assert _commands(text)[-1].startswith("::warning ")
    assert github_annotations([]) == ""


def test_columns_only_for_a_one_line_span_and_missing_locations(findings):
    finding = findings[0]
    finding["locations"][1] = {"path": "sources/x.txt", "line": 3, "column": 4, "end_line": 5, "end_column": 2}
    _, properties, _ = _parse_command(github_annotations([finding]).rstrip("\n"))
    assert properties == {"file": "sources/x.txt", "line": "3", "endLine": "5", "title": properties["title"]}
    finding["locations"][1] = {"path": "sources/x.html", "line": None, "column": None, "end_line": None, "end_column": None}
    _, properties, _ = _parse_command(github_annotations([finding]).rstrip("\n"))
    assert set(properties) == {"file", "title"}


# -- step summary ---------------------------------------------------------------------------
def test_step_summary_lists_every_finding(findings):
    many = []
    for number in range(30):  # more than GitHub would annotate in one step
        finding = copy.deepcopy(findings[number % 3])
        finding["id"] = f"d_{number:016x}"
        many.append(finding)
    text = step_summary(many, "medium", known=2, below=5)
    assert text.startswith("## factcheck: 30 new discrepancies at or above medium")
    assert "2 discrepancies are already in the baseline; 5 below the threshold." in text
    rows = [line for line in text.split("\n") if line.startswith("| ") and "`d_" in line]
    assert len(rows) == 30
    for finding in many:
        assert f"`{finding['id']}`" in text


def test_step_summary_rows_survive_hostile_text(findings, parts):
    findings[0]["summary"] = "a | b\nc <script>alert(1)</script>"
    findings[0]["claims"][1]["quote"] = "x|y\r\nz `w` <script>"
    findings[0]["locations"][1]["path"] = "sources/a|b.txt"
    text = step_summary(findings, "medium", known=0, below=0)
    lines = text.split("\n")
    header = lines.index("| Severity | Kind | Where | What each source says | Id |")
    rows = lines[header + 2 : header + 2 + len(findings)]
    assert len(rows) == len(findings)
    for row in rows:
        # Five cells: exactly six unescaped pipes.
        assert len(re.findall(r"(?<!\\)\|", row)) == 6, row
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "sources/a\\|b.txt:" in text
    # Where: the new claim's path and line.
    assert f"`{findings[1]['locations'][1]['path']}:{findings[1]['locations'][1]['line']}`" in text
    assert f"`{findings[2]['locations'][0]['path']}:{findings[2]['locations'][0]['line']}`" in text


def test_step_summary_without_findings():
    text = step_summary([], "high", known=3, below=1)
    assert text.startswith("## factcheck: no new discrepancy at or above high")
    assert "|" not in text
    assert "3 discrepancies are already in the baseline; 1 below the threshold." in text


# -- SARIF ----------------------------------------------------------------------------------
_REGION = {
    "type": "object",
    "required": ["startLine", "startColumn", "endLine", "endColumn", "snippet"],
    "properties": {
        "startLine": {"type": "integer", "minimum": 1},
        "startColumn": {"type": "integer", "minimum": 1},
        "endLine": {"type": "integer", "minimum": 1},
        "endColumn": {"type": "integer", "minimum": 1},
        "snippet": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
    },
}
_PHYSICAL = {
    "type": "object",
    "required": ["artifactLocation", "region"],
    "properties": {
        "artifactLocation": {
            "type": "object",
            "required": ["uri", "uriBaseId"],
            "properties": {"uri": {"type": "string", "pattern": "^[^ :]+$"}, "uriBaseId": {"const": "%SRCROOT%"}},
        },
        "region": _REGION,
    },
}
_MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}
# The part of SARIF 2.1.0 (and of what GitHub code scanning requires) these outputs use.
SARIF_SUBSET = {
    "type": "object",
    "required": ["$schema", "version", "runs"],
    "properties": {
        "$schema": {"const": "https://json.schemastore.org/sarif-2.1.0.json"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "version", "rules"],
                                "properties": {
                                    "name": {"const": "factcheck"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription", "help"],
                                            "properties": {
                                                "id": {"enum": ["conflict", "precision", "supersession"]},
                                                "shortDescription": _MESSAGE,
                                                "help": _MESSAGE,
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "ruleId", "level", "message", "locations", "relatedLocations",
                                "partialFingerprints", "properties",
                            ],
                            "properties": {
                                "ruleId": {"enum": ["conflict", "precision", "supersession"]},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": _MESSAGE,
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {"physicalLocation": _PHYSICAL},
                                    },
                                },
                                "relatedLocations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["id", "physicalLocation", "message"],
                                        "properties": {
                                            "id": {"type": "integer", "minimum": 0},
                                            "physicalLocation": _PHYSICAL,
                                            "message": _MESSAGE,
                                        },
                                    },
                                },
                                "partialFingerprints": {
                                    "type": "object",
                                    "required": [FINGERPRINT_KEY],
                                    "additionalProperties": {"type": "string"},
                                },
                                "properties": {
                                    "type": "object",
                                    "required": ["severity", "confidence", "internal", "related_sources", "cluster_id"],
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_structure(findings):
    findings[2]["severity"] = "low"
    findings[2]["kind"] = "precision"
    log = sarif(findings, "0.1.0")
    jsonschema.validate(log, SARIF_SUBSET)
    run = log["runs"][0]
    assert run["tool"]["driver"]["version"] == "0.1.0"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["conflict", "precision", "supersession"]
    results = {r["partialFingerprints"][FINGERPRINT_KEY]: r for r in run["results"]}
    assert set(results) == {f["id"] for f in findings}
    assert [r["level"] for r in run["results"]] == ["error", "error", "note"]
    for finding in findings:
        result = results[finding["id"]]
        new = 1 if finding["new"][1] else 0
        assert result["ruleId"] == finding["kind"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding["kind"]
        assert result["message"]["text"] == finding["summary"]
        region = result["locations"][0]["physicalLocation"]["region"]
        location = finding["locations"][new]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            location["line"], location["column"], location["end_line"], location["end_column"],
        )
        assert region["snippet"]["text"] == finding["claims"][new]["quote"]
        related = result["relatedLocations"][0]
        other = finding["claims"][1 - new]
        assert related["id"] == 1
        assert other["source_id"] in related["message"]["text"] and other["quote"] in related["message"]["text"]
        assert related["physicalLocation"]["region"]["startLine"] == finding["locations"][1 - new]["line"]
        assert result["properties"] == {
            key: finding[key] for key in ("severity", "confidence", "internal", "related_sources", "dispute", "parties", "cluster_id")
        }


def test_sarif_uri_is_a_uri_reference(findings):
    findings[0]["locations"][1]["path"] = "sources/my file,a:b#1.txt"
    uri = sarif(findings[:1], "0.1.0")["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sources/my%20file%2Ca%3Ab%231.txt"


def test_sarif_is_deterministic(findings):
    first = sarif_json(findings, "0.1.0")
    second = sarif_json(list(reversed(copy.deepcopy(findings))), "0.1.0")
    assert first == second
    assert first.endswith("}\n")
    assert json.loads(first) == sarif(findings, "0.1.0")
    assert "أكثر من 500" in first  # ensure_ascii off: quotes stay readable
    assert not re.search(r"20\d\d-\d\d-\d\dT", first)  # no timestamps


def test_sarif_without_findings():
    log = sarif([], "0.1.0")
    jsonschema.validate(log, SARIF_SUBSET)
    assert log["runs"][0]["results"] == []
