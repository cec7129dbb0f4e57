"""What `factcheck check` hands to a CI system: GitHub annotations, a step summary, SARIF.

Every function takes *findings*: discrepancy dicts exactly as in the JSON report, plus

- ``locations``: ``[loc_a, loc_b]`` in the order of ``claims``, each
  ``{"path", "line", "column", "end_line", "end_column"}`` (POSIX path relative to the
  repository root; 1-based lines and columns, columns counting characters, ``end_column``
  the column just after the quote's last character). A location may be ``None`` or lack
  ``line`` when a claim cannot be placed in a file line (HTML: offsets index the extracted
  article text); the output then names the file, or nothing, instead of a line.
- ``new``: ``[bool, bool]``, which claim(s) come from a changed source.

Each finding is reported at its *new* claim (the first with ``new`` true, else the first):
that is the line a pull request changed, where a reviewer can act on it. The other claim
is named in the message (annotations, summary) or as a related location (SARIF).

Article text is hostile input: quotes and summaries are escaped for each format so that a
source cannot start a second workflow command, break a Markdown table, or inject HTML.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import quote as _uri_quote

from factcheck.reports.markdown import escape_markdown
from factcheck.reports.presentation import worst_first

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
# partialFingerprints key: code scanning matches a result across runs by it, and the
# discrepancy id is already stable across machines and runs (docs/contracts.md).
FINGERPRINT_KEY = "factcheckDiscrepancy/v1"

SEVERITIES = ("high", "medium", "low")
KINDS = ("conflict", "precision", "supersession")
GITHUB_LEVELS = ("error", "warning", "notice")
_SARIF_LEVELS = {"high": "error", "medium": "warning", "low": "note"}

# Per kind: display name, usual level (a result's own level overrides it), short and full
# description (the contract's definition), help text in Markdown.
_RULES = {
    "conflict": (
        "Conflict",
        "error",
        "Two sources give figures for the same thing that cannot both be true.",
        "The two claims are about one slot (the same thing counted, paid or dated, for the same "
        "subject and time) and their literal intervals cannot both hold, even allowing for "
        "rounding. High severity, or medium when the figures are within 5% of each other.",
        "Read both sentences. If one source is wrong or out of date, correct the source; "
        "if the difference is understood, record it with `factcheck ack ID --note \"...\"`; "
        "if the two figures are not about the same thing, `factcheck dismiss ID --reason \"...\"`.",
    ),
    "precision": (
        "Precision",
        "warning",
        "Two sources give compatible figures for the same thing, one more precise than the other.",
        "Both claims can be true, but one is more precise (\"more than 700\" vs \"738\"). Medium "
        "severity when an editor would not write one for the other (\"more than 500\" for 700), "
        "low when they also agree as a journalist reads them.",
        "A reader may take the two for different counts. Prefer the precise figure, or record "
        "the difference with `factcheck ack ID --note \"...\"` (`factcheck dismiss ID --reason "
        "\"...\"` if they are not about the same thing).",
    ),
    "supersession": (
        "Supersession",
        "warning",
        "A later or updated report replaces an earlier figure for the same thing.",
        "Both sources carry dates, the dates differ, and the figures differ beyond precision: "
        "the later report replaces the earlier figure. Medium severity.",
        "The later figure is probably the current one. Check that the earlier source is not "
        "presented as current, then `factcheck ack ID --note \"...\"`.",
    ),
}

# GitHub stores at most 1 MiB of step summary per step and drops a larger one entirely,
# so a pathological run keeps the headline and as many rows as fit instead.
_SUMMARY_LIMIT_BYTES = 1_000_000


# -- helpers shared by the formats ----------------------------------------------------------
def _sorted(findings: list[dict]) -> list[dict]:
    """Worst first, in the order every listing uses (:func:`factcheck.reports.presentation.worst_first`):
    GitHub shows only the first few annotations of a step, so the ones that matter most
    come first; and the same input gives the same bytes."""
    return sorted(findings, key=worst_first)


def _new_index(finding: dict) -> int:
    """Which claim the finding is reported at: the first new one, else the first."""
    for index, is_new in enumerate(finding.get("new") or []):
        if is_new:
            return index
    return 0


def _location(finding: dict, index: int) -> dict | None:
    locations = finding.get("locations") or []
    return locations[index] if index < len(locations) else None


def _where(location: dict | None) -> str:
    if not location or not location.get("path"):
        return ""
    if location.get("line") is None:
        return location["path"]
    return f"{location['path']}:{location['line']}"


def _flags(finding: dict) -> list[str]:
    return [name.replace("_", " ") for name in ("internal", "dispute", "related_sources") if finding.get(name)]


def _ack_hint(discrepancy_id: str) -> str:
    return f'factcheck ack {discrepancy_id} --note "..."'


# -- GitHub workflow commands ----------------------------------------------------------------
def escape_data(text: str) -> str:
    """Escape a workflow command's message as @actions/core does (``escapeData``).

    >>> escape_data("100% sure\\r\\nnext")
    '100%25 sure%0D%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value as @actions/core does (``escapeProperty``).

    >>> escape_property("sources/a,b:c.txt")
    'sources/a%2Cb%3Ac.txt'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _default_level(severity: str) -> str:
    return "warning" if severity == "low" else "error"


def github_annotations(findings: list[dict], level_for: Callable[[str], str] | None = None) -> str:
    """One GitHub Actions workflow command per finding, worst first, one per line.

    Each is placed at the finding's new claim::

        ::error file=PATH,line=L,col=C,endLine=L,endColumn=C2,title=factcheck: conflict (high)::MESSAGE

    The level is ``level_for(severity)`` (``error``, ``warning`` or ``notice``); by default
    ``error`` for high and medium, ``warning`` for low. The message gives the summary, both
    quotes with their source ids (the new one marked), and how to acknowledge the
    discrepancy. Values are escaped exactly as GitHub's toolkit does, so no text from a
    source can end the command or start another. Columns are only sent for a one-line
    span, because GitHub refuses them when the start and end lines differ. Returns ``""``
    for no findings, else the commands with a trailing newline.
    """
    level_for = level_for or _default_level
    lines = []
    for finding in _sorted(findings):
        level = level_for(finding["severity"])
        if level not in GITHUB_LEVELS:
            raise ValueError(f"level_for returned {level!r}; expected one of {', '.join(GITHUB_LEVELS)}")
        new = _new_index(finding)
        properties = _annotation_position(_location(finding, new))
        properties.append(("title", _title(finding)))
        rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
        lines.append(f"::{level} {rendered}::{escape_data(_annotation_message(finding, new))}")
    return "".join(line + "\n" for line in lines)


def _annotation_position(location: dict | None) -> list[tuple[str, object]]:
    if not location or not location.get("path"):
        return []
    properties: list[tuple[str, object]] = [("file", location["path"])]
    line = location.get("line")
    if line is None:
        return properties
    properties.append(("line", line))
    end_line = location.get("end_line") or line
    if end_line == line:
        if location.get("column") is not None:
            properties.append(("col", location["column"]))
        properties.append(("endLine", end_line))
        if location.get("end_column") is not None:
            properties.append(("endColumn", location["end_column"]))
    else:
        properties.append(("endLine", end_line))
    return properties


def _title(finding: dict) -> str:
    details = ", ".join([finding["severity"], *_flags(finding)])
    return f"factcheck: {finding['kind']} ({details})"


def _annotation_message(finding: dict, new: int) -> str:
    lines = [finding["summary"]]
    for index, claim in enumerate(finding["claims"]):
        marker = " (new)" if (finding.get("new") or [False, False])[index] else ""
        where = _where(_location(finding, index))
        lines.append(f"{claim['source_id']}{marker}: «{claim['quote']}»" + (f" at {where}" if where and index != new else ""))
    lines.append(f"{finding['id']}: if this is known, record it with {_ack_hint(finding['id'])}")
    return "\n".join(lines)


# -- step summary ---------------------------------------------------------------------------
def step_summary(findings: list[dict], fail_on: str, known: int, below: int) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY`` listing every finding, worst first.

    GitHub shows only a few annotations per step; the summary shows them all: a headline
    with counts (new at or above ``fail_on``, ``known`` in the baseline, ``below`` the
    threshold), then a table of severity, kind, where (path:line of the new claim), what
    each source says (the summary and both quotes), and the id; then how to record a
    decision. Text from sources is escaped so it cannot break a table row or inject HTML.
    Only past GitHub's 1 MiB limit are rows left out, with a line saying how many.
    """
    ordered = _sorted(findings)
    if ordered:
        headline = (
            f"## factcheck: {_count(len(ordered), 'new discrepancy', 'new discrepancies')} "
            f"at or above {escape_markdown(fail_on)}"
        )
    else:
        headline = f"## factcheck: no new discrepancy at or above {escape_markdown(fail_on)}"
    counts = [
        f"{_count(known, 'discrepancy is', 'discrepancies are')} already in the baseline; "
        f"{below} below the threshold."
    ]
    if ordered:
        by_severity = ", ".join(
            f"{n} {severity}" for severity in SEVERITIES if (n := sum(f["severity"] == severity for f in ordered))
        )
        counts.insert(0, f"By severity: {by_severity}.")
    head = [headline, "", " ".join(counts), ""]
    if not ordered:
        return "\n".join(head)

    table = [
        "| Severity | Kind | Where | What each source says | Id |",
        "|---|---|---|---|---|",
    ]
    tail = [
        "",
        "Each row is a discrepancy the baseline does not know yet. If it is understood, record it "
        '(`factcheck ack ID --note "..."`, or `factcheck dismiss ID --reason "..."` when the two '
        "claims are not about the same thing) and commit the baseline file; otherwise correct the source.",
        "",
    ]
    size = len("\n".join(head + table + tail).encode("utf-8")) + 200
    rows = []
    for finding in ordered:
        row = _summary_row(finding)
        size += len(row.encode("utf-8")) + 1
        if size > _SUMMARY_LIMIT_BYTES:
            break
        rows.append(row)
    left_out = len(ordered) - len(rows)
    if left_out:
        rows.append(
            f"| | | | {left_out} more left out: GitHub keeps at most 1 MiB of summary; "
            "run `factcheck check --format json` for all | |"
        )
    return "\n".join(head + table + rows + tail)


def _summary_row(finding: dict) -> str:
    new = _new_index(finding)
    says = [escape_markdown(finding["summary"])]
    for index, claim in enumerate(finding["claims"]):
        marker = " (new)" if (finding.get("new") or [False, False])[index] else ""
        says.append(f"{_code(claim['source_id'])}{marker}: «{escape_markdown(claim['quote'])}»")
    kind = escape_markdown(finding["kind"]) + "".join(f" ({flag})" for flag in _flags(finding))
    where = _where(_location(finding, new))
    cells = [
        escape_markdown(finding["severity"]),
        kind,
        _code(where) if where else "—",
        # <br> is the one way to break a line inside a GFM table cell; everything around it
        # is escaped, so it is the only HTML in the cell.
        "<br>".join(says),
        _code(finding["id"]),
    ]
    return "| " + " | ".join(cells) + " |"


def _code(text: str) -> str:
    """A code span when the text allows one (no backtick, and no pipe, which splits a GFM
    table cell even inside a code span); otherwise escaped plain text."""
    if text and not any(char in text for char in "`|") and text.isprintable():
        return f"`{text}`"
    return escape_markdown(text)


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


# -- SARIF ------------------------------------------------------------------------------------
def sarif(findings: list[dict], version: str) -> dict:
    """A SARIF 2.1.0 log of the findings, for GitHub code scanning and other SARIF viewers.

    One run of tool ``factcheck`` (``version``) with one rule per kind (conflict,
    precision, supersession). One result per finding, worst first: ``ruleId`` the kind,
    ``level`` error/warning/note for high/medium/low, ``message.text`` the summary,
    ``locations`` the new claim (path relative to ``%SRCROOT%``, the quote's region and
    snippet), ``relatedLocations`` the other claim, ``partialFingerprints`` the
    discrepancy id (stable across runs, so code scanning tracks one alert per
    discrepancy), ``properties`` severity, confidence, internal, related_sources,
    dispute, parties and cluster_id. Columns count Unicode code points (``columnKind``), as the locations do.
    Deterministic: no timestamps, stable order.
    """
    rule_index = {kind: index for index, kind in enumerate(KINDS)}
    results = []
    for finding in _sorted(findings):
        new = _new_index(finding)
        other = 1 - new
        claims = finding["claims"]
        result: dict = {"ruleId": finding["kind"]}
        if finding["kind"] in rule_index:
            result["ruleIndex"] = rule_index[finding["kind"]]
        result |= {
            "level": _SARIF_LEVELS[finding["severity"]],
            "message": {"text": finding["summary"]},
            "locations": [],
            "relatedLocations": [],
            "partialFingerprints": {FINGERPRINT_KEY: finding["id"]},
            "properties": {
                "severity": finding["severity"],
                "confidence": finding["confidence"],
                "internal": finding["internal"],
                "related_sources": finding["related_sources"],
                "dispute": finding.get("dispute", False),
                "parties": list(finding.get("parties", [])),
                "cluster_id": finding["cluster_id"],
            },
        }
        physical = _physical_location(_location(finding, new), claims[new]["quote"])
        if physical:
            result["locations"].append({"physicalLocation": physical})
        related = {
            "id": 1,
            "message": {"text": f"{claims[other]['source_id']} says «{claims[other]['quote']}»"},
        }
        physical = _physical_location(_location(finding, other), claims[other]["quote"])
        if physical:
            related["physicalLocation"] = physical
        result["relatedLocations"].append(related)
        results.append(result)

    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": {"name": "factcheck", "version": version, "rules": [_rule(kind) for kind in KINDS]}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def sarif_json(findings: list[dict], version: str) -> str:
    """:func:`sarif` as JSON text: indented by 2, non-ASCII kept as is, trailing newline."""
    return json.dumps(sarif(findings, version), indent=2, ensure_ascii=False) + "\n"


def _rule(kind: str) -> dict:
    name, level, short, full, help_text = _RULES[kind]
    return {
        "id": kind,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": level},
        "help": {"text": help_text.replace("`", ""), "markdown": help_text},
        "properties": {"tags": ["factcheck", kind]},
    }


def _physical_location(location: dict | None, snippet: str) -> dict | None:
    if not location or not location.get("path"):
        return None
    # A URI reference, not a file name: spaces, '%', '#', '?' and non-ASCII letters are
    # percent-encoded, and so is ':' (a first segment "a:b" would read as a URI scheme).
    physical: dict = {"artifactLocation": {"uri": _uri_quote(location["path"], safe="/"), "uriBaseId": "%SRCROOT%"}}
    if location.get("line") is not None:
        region: dict = {"startLine": location["line"]}
        if location.get("column") is not None:
            region["startColumn"] = location["column"]
        if location.get("end_line") is not None:
            region["endLine"] = location["end_line"]
        if location.get("end_column") is not None:
            region["endColumn"] = location["end_column"]
        region["snippet"] = {"text": snippet}
        physical["region"] = region
    return physical
