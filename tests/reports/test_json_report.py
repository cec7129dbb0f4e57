"""The JSON report: schema, validation, bytes."""

from __future__ import annotations

import copy
import doctest
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from factcheck.errors import FactcheckError
from factcheck.reports import json_report
from factcheck.reports.json_report import load_schema, render_json, validate_report


def test_schema_is_valid_draft_2020_12_and_documented():
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    for name in ("discrepancy", "claim", "source", "cluster", "cluster_row", "generated_by"):
        assert schema["$defs"][name]["additionalProperties"] is False, name


def test_load_schema_returns_a_fresh_copy():
    load_schema()["title"] = "changed"
    assert load_schema()["title"] != "changed"


def test_valid_report_passes(report):
    assert validate_report(report) is None


def test_date_claims_have_no_qualifier_or_unit(report):
    claim = report["discrepancies"][0]["claims"][0]
    claim.update(kind="date", value=None, low=None, high=None, unit=None, qualifier=None,
                 noun=None, total=None, date="2023-11", precision="month")
    validate_report(report)


def _delete(path):
    def mutate(report):
        *parents, last = path
        target = report
        for key in parents:
            target = target[key]
        del target[last]
    return mutate


def _set(path, value):
    def mutate(report):
        *parents, last = path
        target = report
        for key in parents:
            target = target[key]
        target[last] = value
    return mutate


CLAIM = ("discrepancies", 0, "claims", 0)
BROKEN = {
    "missing top-level key": (_delete(("clusters",)), "$: 'clusters' is a required property"),
    "missing generated_by key": (_delete(("generated_by", "model")), "$.generated_by"),
    "missing claim key": (_delete((*CLAIM, "quote")), "$.discrepancies[0].claims[0]"),
    "missing table key": (_delete(("clusters", 0, "table", 0, "published")), "$.clusters[0].table[0]"),
    "bad discrepancy kind": (_set(("discrepancies", 0, "kind"), "contradiction"), "$.discrepancies[0].kind"),
    "bad claim kind": (_set((*CLAIM, "kind"), "entity"), "$.discrepancies[0].claims[0].kind"),
    "bad severity": (_set(("discrepancies", 1, "severity"), "critical"), "$.discrepancies[1].severity"),
    "bad status": (_set(("discrepancies", 0, "status"), "ignored"), "$.discrepancies[0].status"),
    "bad qualifier": (_set((*CLAIM, "qualifier"), "roughly"), "$.discrepancies[0].claims[0].qualifier"),
    "extra top-level key": (_set(("generated_at",), "2024-01-01T00:00:00"), "generated_at"),
    "extra discrepancy key": (_set(("discrepancies", 0, "note"), "x"), "$.discrepancies[0]"),
    "extra claim key": (_set((*CLAIM, "confidence"), 0.5), "$.discrepancies[0].claims[0]"),
    "extra source key": (_set(("sources", 0, "encoding"), "utf-8"), "$.sources[0]"),
    "confidence 2.0": (_set(("discrepancies", 0, "confidence"), 2.0), "$.discrepancies[0].confidence"),
    "negative confidence": (_set(("discrepancies", 0, "confidence"), -0.1), "$.discrepancies[0].confidence"),
    "confidence as text": (_set(("discrepancies", 0, "confidence"), "0.9"), "$.discrepancies[0].confidence"),
    "internal not a bool": (_set(("discrepancies", 0, "internal"), 0), "$.discrepancies[0].internal"),
    "bad discrepancy id": (_set(("discrepancies", 0, "id"), "d_XYZ"), "$.discrepancies[0].id"),
    "bad cluster id": (_set(("clusters", 0, "id"), "cluster-1"), "$.clusters[0].id"),
    "bad claim id": (_set((*CLAIM, "id"), "q_1"), "$.discrepancies[0].claims[0].id"),
    "bad fingerprint": (_set(("generated_by", "corpus_fingerprint"), "abc"), "$.generated_by.corpus_fingerprint"),
    "one claim only": (lambda r: r["discrepancies"][0]["claims"].pop(), "$.discrepancies[0].claims"),
    "schema_version 1": (_set(("schema_version",), 1), "$.schema_version"),
    "bad date": (_set((*CLAIM, "date"), "17/11/2023"), "$.discrepancies[0].claims[0].date"),
    "value as text": (_set((*CLAIM, "value"), "500"), "$.discrepancies[0].claims[0].value"),
    "negative offset": (_set((*CLAIM, "char_start"), -1), "$.discrepancies[0].claims[0].char_start"),
    "threshold as text": (_set(("generated_by", "thresholds", "x"), "high"), "$.generated_by.thresholds"),
    # What a schema cannot say: references and offsets.
    "unknown cluster": (_set(("discrepancies", 0, "cluster_id"), "c_000000000000"), "$.discrepancies[0].cluster_id"),
    "unknown claim source": (_set((*CLAIM, "source_id"), "999_missing"), "$.discrepancies[0].claims[0].source_id"),
    "offsets off by one": (
        lambda r: r["discrepancies"][0]["claims"][0].update(
            char_start=r["discrepancies"][0]["claims"][0]["char_start"] + 1,
            char_end=r["discrepancies"][0]["claims"][0]["char_end"] + 1,
        ),
        "$.discrepancies[0].claims[0].quote",
    ),
    "quote outside sentence": (_set((*CLAIM, "sentence_start"), 10**6), "$.discrepancies[0].claims[0].char_start"),
    "duplicate discrepancy id": (_set(("discrepancies", 1, "id"), "d_0000000000000001"), "$.discrepancies[1].id"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_reports_are_rejected_with_one_line_naming_the_place(report, name):
    mutate, expected = BROKEN[name]
    mutate(report)
    with pytest.raises(FactcheckError) as raised:
        validate_report(report)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("invalid report at $")
    assert expected in message
    assert len(message) < 400


def test_render_json_is_deterministic_and_round_trips(report):
    text = render_json(report)
    assert text == render_json(copy.deepcopy(report))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert json.loads(text) == report
    validate_report(json.loads(text))


def test_render_json_keeps_key_order_and_arabic(report):
    text = render_json(report)
    assert list(json.loads(text)) == ["schema_version", "generated_by", "sources", "clusters", "discrepancies", "timeline", "skipped"]
    claim_keys = list(json.loads(text)["discrepancies"][0]["claims"][0])
    assert claim_keys == list(report["discrepancies"][0]["claims"][0])
    assert "أكثر من 500" in text and "\\u" not in text
    assert '\n  "generated_by": {\n    "version"' in text  # indent=2


def test_integral_floats_are_written_as_integers(report):
    report["discrepancies"][0]["claims"][0].update(value=1e12, low=1e12, high=1e12)
    text = render_json(report)
    assert '"value": 700,' in text and "700.0" not in text
    assert '"total": 770,' in text
    assert '"min_year": 1900' in text
    assert '"value": 1000000000000,' in text
    assert '"confidence": 0.875,' in text and '"approx_tolerance": 0.1' in text
    assert "1e+12" not in text


def test_render_json_refuses_nan(report):
    report["discrepancies"][0]["confidence"] = math.nan
    with pytest.raises(ValueError):
        render_json(report)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_finite_float_round_trips(number):
    assert json.loads(render_json({"value": number}))["value"] == number


def test_docstring_examples():
    assert doctest.testmod(json_report).failed == 0
