"""The JSON report: its bytes, and the schema that pins its structure.

The report is the contract scripts and CI pipelines build on, so it is written the same way
every time (same input, same bytes) and checked against ``report.schema.json``, which ships
inside the package.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from factcheck.errors import FactcheckError

SCHEMA_FILE = "report.schema.json"

# An error message quotes the offending value; a whole claim would make the "one line" unreadable.
_MAX_MESSAGE = 240


def render_json(report: dict) -> str:
    """Write ``report`` as JSON text: UTF-8 as is (Arabic stays readable), indented, keys in
    the order given, ending with a newline.

    Floats that hold whole numbers are written as integers, so a count reads ``500`` and
    ``1e12`` reads ``1000000000000``; fractions keep Python's shortest round-trip form.

    >>> render_json({"value": 500.0, "confidence": 0.75})
    '{\\n  "value": 500,\\n  "confidence": 0.75\\n}\\n'

    NaN and infinities are not JSON, so they raise ``ValueError`` rather than being written.
    """
    text = json.dumps(_integral_floats_as_ints(report), ensure_ascii=False, indent=2, allow_nan=False)
    return text + "\n"


def load_schema() -> dict:
    """Return the report's JSON Schema (draft 2020-12), read from the installed package.

    Each call returns a fresh dict, so a caller may change it without affecting validation.
    """
    return json.loads(_schema_text())


def validate_report(report: dict) -> None:
    """Raise ``FactcheckError`` with one line naming the first problem if ``report`` breaks
    the contract; return ``None`` when it holds.

    Two passes: the JSON Schema (structure, enums, id patterns), then what a schema cannot
    say: ids are unique, every reference (a discrepancy's cluster, a claim's source) resolves,
    and each claim's offsets really point at its quote inside its sentence, which is what
    the Markdown and HTML renderers rely on to highlight it.

    >>> validate_report({"schema_version": 1})
    Traceback (most recent call last):
    ...
    factcheck.errors.FactcheckError: invalid report at $: 'generated_by' is a required property
    """
    # best_match prefers the error nearest the root; among equals it keeps the first it is
    # given, so sorting by position first makes "the first error" the earliest in the file.
    errors = sorted(_validator().iter_errors(report), key=_position)
    error = best_match(errors)
    if error is not None:
        raise FactcheckError(_one_line(error.json_path, error.message))
    problem = _first_consistency_problem(report)
    if problem is not None:
        raise FactcheckError(_one_line(*problem))


def _integral_floats_as_ints(value: Any) -> Any:
    if isinstance(value, float):
        # is_integer() is False for NaN and infinities, which json.dumps then refuses.
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {key: _integral_floats_as_ints(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_integral_floats_as_ints(item) for item in value]
    return value


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("factcheck.reports").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _position(error: ValidationError) -> tuple:
    return tuple((0, step, "") if isinstance(step, int) else (1, 0, str(step)) for step in error.absolute_path)


def _one_line(path: str, message: str) -> str:
    message = " ".join(message.split())
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    return f"invalid report at {path}: {message}"


def _first_consistency_problem(report: dict) -> tuple[str, str] | None:
    """The checks that need the whole report at once; run only on a schema-valid report."""
    source_ids: set[str] = set()
    for i, source in enumerate(report["sources"]):
        if source["id"] in source_ids:
            return f"$.sources[{i}].id", f"duplicate source id {source['id']!r}"
        source_ids.add(source["id"])
    # translation_of is the user's metadata: it may name a source not (or no longer) in the corpus.

    cluster_ids: set[str] = set()
    for i, cluster in enumerate(report["clusters"]):
        where = f"$.clusters[{i}]"
        if cluster["id"] in cluster_ids:
            return f"{where}.id", f"duplicate cluster id {cluster['id']!r}"
        cluster_ids.add(cluster["id"])
        for j, source_id in enumerate(cluster["sources"]):
            if source_id not in source_ids:
                return f"{where}.sources[{j}]", f"unknown source id {source_id!r}"
        for j, row in enumerate(cluster["table"]):
            if row["source_id"] not in source_ids:
                return f"{where}.table[{j}].source_id", f"unknown source id {row['source_id']!r}"

    discrepancy_ids: set[str] = set()
    for i, discrepancy in enumerate(report["discrepancies"]):
        where = f"$.discrepancies[{i}]"
        if discrepancy["id"] in discrepancy_ids:
            return f"{where}.id", f"duplicate discrepancy id {discrepancy['id']!r}"
        discrepancy_ids.add(discrepancy["id"])
        if discrepancy["cluster_id"] not in cluster_ids:
            return f"{where}.cluster_id", f"unknown cluster id {discrepancy['cluster_id']!r}"
        for j, claim in enumerate(discrepancy["claims"]):
            problem = _claim_problem(claim, source_ids)
            if problem is not None:
                field, message = problem
                return f"{where}.claims[{j}].{field}", message
    return None


def _claim_problem(claim: dict, source_ids: set[str]) -> tuple[str, str] | None:
    if claim["source_id"] not in source_ids:
        return "source_id", f"unknown source id {claim['source_id']!r}"
    start, end = claim["sentence_start"], claim["sentence_end"]
    if not start <= claim["char_start"] <= claim["char_end"] <= end:
        return "char_start", (
            f"offsets out of order: sentence {start}..{end}, quote {claim['char_start']}..{claim['char_end']}"
        )
    quoted = claim["text"][claim["char_start"] - start : claim["char_end"] - start]
    if quoted != claim["quote"]:
        return "quote", f"the offsets point at {quoted!r} in the sentence, not at the quote {claim['quote']!r}"
    return None
