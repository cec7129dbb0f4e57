"""Score a factcheck report against a labelled ("gold") file of expected discrepancies.

A gold file is TOML written by an analyst who read the articles (not by copying a report).
It has two kinds of tables; every quote must be an exact substring of the named source::

    # A discrepancy that must be reported.
    [[expected]]
    a = {source = "002_ade957fd3a304f06", quote = "أكثر من 500"}
    b = {source = "001_eb0aed705e4d506f", quote = "700 من أصل 770"}
    kinds = ["precision", "supersession"]   # acceptable kinds (non-empty)
    severity = ["medium"]                   # optional: acceptable severities
    note = "signatures still being added"   # optional

    # A pair that must NOT be reported as a conflict.
    [[not_conflict]]
    a = {source = "004_3076a2bc8538e4c1", quote = "175000 دولار", context = "راتب أساسي"}
    b = {source = "004_3076a2bc8538e4c1", quote = "275000 دولار أمريكي"}
    reason = "base salary of 2015 vs the founding team's salary of 2016"
    not_reported = false                    # optional: true = must not be reported at all

Keys of a side (``a``/``b``): ``source`` (source id, the file stem), ``quote`` (the mention
as written) and an optional ``context``: a substring of the claim's sentence, for a quote
that occurs more than once or that another quote contains. Unknown keys are errors.

Matching a report discrepancy to a gold pair: the discrepancy's two claims come from the
gold pair's two sources (either order) and, side by side, each gold quote matches the
claim's ``quote``: equal, or one contains the other, after whitespace normalisation (and,
when a ``context`` is given, the claim's ``text`` contains it or lies within it: a context
may run over two sentences of one quotation). The report states each
disagreement once per reading: when five sources say $2.1 billion and one says $1.4 billion,
it pairs the odd one with one of the five. Given the stored claims, :func:`score` therefore
also accepts a discrepancy whose claims say the same as the gold's claims, in the same
cluster (``found_through_agreeing`` counts those).

Scoring (:func:`score`):

- ``expected``/``found``/``recall``: expected pairs matched by at least one discrepancy;
  recall = found / expected (1.0 when nothing is expected).
- ``kind_correct``: found pairs where some matching discrepancy has an acceptable kind
  (and, when ``severity`` is given, an acceptable severity). ``missed`` lists the others,
  with ``why`` = ``not reported`` or ``wrong kind: ...``.
- ``false_conflicts``: ``not_conflict`` pairs reported with kind ``conflict`` (or reported
  at all, when ``not_reported = true``).
- ``flagged``: all discrepancies in the report; ``flagged_conflicts``: those of kind conflict;
  ``flagged_unexpected``: those that match no expected pair (false alarms, when the gold
  file lists every real disagreement, as it should).

Malformed files raise :class:`factcheck.errors.ConfigError` with a one-line message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.config import load_toml
from factcheck.errors import ConfigError
from factcheck.reconcile.reconciler import reading

KINDS = ("conflict", "precision", "supersession")
SEVERITIES = ("high", "medium", "low")
_SIDE_KEYS = {"source", "quote", "context"}
_EXPECTED_KEYS = {"a", "b", "kinds", "severity", "note"}
_NOT_CONFLICT_KEYS = {"a", "b", "reason", "not_reported"}
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Side:
    """One claim of a gold pair: its source id, its quote and an optional sentence context."""

    source: str
    quote: str
    context: str | None = None

    def matches(self, claim: dict) -> bool:
        if claim.get("source_id") != self.source:
            return False
        want, got = _norm(self.quote), _norm(str(claim.get("quote") or ""))
        if not got or not (want == got or want in got or got in want):
            return False
        if self.context is None:
            return True
        context, text = _norm(self.context), _norm(str(claim.get("text") or ""))
        # the claim's sentence holds the context, or lies inside it: a context may run over
        # two sentences of one quotation ('"I will not resign. I was elected ...," he said')
        return context in text or (bool(text) and text in context)

    def label(self) -> str:
        return f"{self.source}:«{self.quote}»"


@dataclass(frozen=True)
class Expected:
    """A discrepancy that must be reported, with the kinds (and severities) accepted."""

    a: Side
    b: Side
    kinds: tuple[str, ...]
    severity: tuple[str, ...] | None = None
    note: str = ""


@dataclass(frozen=True)
class NotConflict:
    """A pair that must not be reported as a conflict (nor at all, with ``not_reported``)."""

    a: Side
    b: Side
    reason: str = ""
    not_reported: bool = False


@dataclass
class Gold:
    """A loaded gold file."""

    expected: list[Expected] = field(default_factory=list)
    not_conflict: list[NotConflict] = field(default_factory=list)
    path: str = "<gold>"


# -- loading -------------------------------------------------------------------------------
def _fail(where: str, message: str) -> ConfigError:
    return ConfigError(f"{where}: {message}")


def _string(value, where: str, key: str, required: bool = True) -> str | None:
    if value is None:
        if required:
            raise _fail(where, f"missing key '{key}'")
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' must be a non-empty string")
    return value


def _side(entry: dict, key: str, where: str) -> Side:
    raw = entry.get(key)
    if raw is None:
        raise _fail(where, f"missing key '{key}'")
    if not isinstance(raw, dict):
        raise _fail(where, f"'{key}' must be a table like {{source = ..., quote = ...}}")
    unknown = sorted(set(raw) - _SIDE_KEYS)
    if unknown:
        raise _fail(where, f"unknown key '{key}.{unknown[0]}' (allowed: context, quote, source)")
    return Side(
        source=_string(raw.get("source"), where, f"{key}.source"),
        quote=_string(raw.get("quote"), where, f"{key}.quote"),
        context=_string(raw.get("context"), where, f"{key}.context", required=False),
    )


def _choices(value, where: str, key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise _fail(where, f"'{key}' must be a non-empty list of strings")
    for item in value:
        if item not in allowed:
            raise _fail(where, f"unknown {key[:-1] if key == 'kinds' else key} '{item}' (allowed: {', '.join(allowed)})")
    return tuple(value)


def _check_keys(entry, allowed: set[str], where: str) -> None:
    if not isinstance(entry, dict):
        raise _fail(where, "must be a table")
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise _fail(where, f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")


def parse_gold(data: dict, path: str = "<gold>") -> Gold:
    """Validate a parsed TOML document (see the module docstring) into a :class:`Gold`."""
    unknown = sorted(set(data) - {"expected", "not_conflict"})
    if unknown:
        raise _fail(path, f"unknown top-level key '{unknown[0]}' (allowed: [[expected]], [[not_conflict]])")
    gold = Gold(path=path)
    for section in ("expected", "not_conflict"):
        entries = data.get(section, [])
        if not isinstance(entries, list):
            raise _fail(path, f"'{section}' must be an array of tables ([[{section}]])")
        for i, entry in enumerate(entries, 1):
            where = f"{path}: [[{section}]] #{i}"
            if section == "expected":
                _check_keys(entry, _EXPECTED_KEYS, where)
                if "kinds" not in entry:
                    raise _fail(where, "missing key 'kinds'")
                severity = entry.get("severity")
                gold.expected.append(
                    Expected(
                        a=_side(entry, "a", where),
                        b=_side(entry, "b", where),
                        kinds=_choices(entry["kinds"], where, "kinds", KINDS),
                        severity=None if severity is None else _choices(severity, where, "severity", SEVERITIES),
                        note=_string(entry.get("note"), where, "note", required=False) or "",
                    )
                )
            else:
                _check_keys(entry, _NOT_CONFLICT_KEYS, where)
                flag = entry.get("not_reported", False)
                if not isinstance(flag, bool):
                    raise _fail(where, "'not_reported' must be true or false")
                gold.not_conflict.append(
                    NotConflict(
                        a=_side(entry, "a", where),
                        b=_side(entry, "b", where),
                        reason=_string(entry.get("reason"), where, "reason", required=False) or "",
                        not_reported=flag,
                    )
                )
    return gold


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold TOML file; ConfigError (one line) when it is malformed."""
    path = Path(path)
    data = load_toml(path, "gold file")
    return parse_gold(data, str(path))


# -- scoring -------------------------------------------------------------------------------
def pair_matches(a: Side, b: Side, discrepancy: dict) -> bool:
    """Whether a report discrepancy is about the gold pair (a, b), in either order."""
    claims = discrepancy.get("claims") or []
    if len(claims) != 2:
        return False
    x, y = claims
    return (a.matches(x) and b.matches(y)) or (a.matches(y) and b.matches(x))


def _brief(d: dict) -> dict:
    claims = d.get("claims") or [{}, {}]
    return {
        "id": d.get("id"),
        "kind": d.get("kind"),
        "severity": d.get("severity"),
        "claims": [f"{c.get('source_id')}:«{c.get('quote')}»" for c in claims],
    }


def agreeing_claims(report: dict, claims: Iterable[dict]) -> dict[str, list[dict]]:
    """For each claim in a report cluster, the claims of its cluster that say the same thing
    (itself included): the report states a disagreement once per reading, against one of them."""
    by_id = {c["id"]: c for c in claims}
    same: dict[str, list[dict]] = {}
    for cluster in report.get("clusters") or []:
        groups: dict[tuple, list[dict]] = {}
        for claim_id in cluster.get("claim_ids") or []:
            if claim_id in by_id:
                groups.setdefault(reading(by_id[claim_id]), []).append(by_id[claim_id])
        for members in groups.values():
            for m in members:
                same[m["id"]] = members
    return same


def _matches_through(a: Side, b: Side, discrepancy: dict, same: dict[str, list[dict]]) -> bool:
    """Whether the discrepancy is about (a, b) once each of its claims may stand for the
    claims of its cluster that say the same thing."""
    claims = discrepancy.get("claims") or []
    if len(claims) != 2:
        return False
    xs, ys = (same.get(c.get("id"), [c]) for c in claims)
    return (any(a.matches(x) for x in xs) and any(b.matches(y) for y in ys)) or (
        any(a.matches(y) for y in ys) and any(b.matches(x) for x in xs)
    )


def score(report: dict, gold: Gold, claims: Iterable[dict] | None = None) -> dict:
    """Compare a report dict (the JSON report) with a gold file; see the module docstring.

    With ``claims`` (the stored claims, as ``Factcheck.claims()`` gives them), an expected
    pair also counts as found when the report states its disagreement through claims that
    say the same as the gold's (same cluster, same reading): ``found_through_agreeing``.
    """
    discrepancies = list(report.get("discrepancies") or [])
    same = agreeing_claims(report, claims) if claims is not None else {}
    found = kind_correct = through = 0
    missed: list[dict] = []
    for exp in gold.expected:
        hits = [d for d in discrepancies if pair_matches(exp.a, exp.b, d)]
        if not hits and same:
            hits = [d for d in discrepancies if _matches_through(exp.a, exp.b, d, same)]
            through += bool(hits)
        pair = [exp.a.label(), exp.b.label()]
        if not hits:
            missed.append({"pair": pair, "why": "not reported", "kinds": list(exp.kinds), "note": exp.note})
            continue
        found += 1
        good = [
            d for d in hits
            if d.get("kind") in exp.kinds and (exp.severity is None or d.get("severity") in exp.severity)
        ]
        if good:
            kind_correct += 1
        else:
            got = ", ".join(sorted({f"{d.get('kind')}/{d.get('severity')}" for d in hits}))
            want = "|".join(exp.kinds) + ("/" + "|".join(exp.severity) if exp.severity else "")
            missed.append({"pair": pair, "why": f"wrong kind: {got} (want {want})", "kinds": list(exp.kinds),
                           "note": exp.note, "reported": [_brief(d) for d in hits]})
    def expected_somewhere(d: dict) -> bool:
        return any(pair_matches(e.a, e.b, d) or (same and _matches_through(e.a, e.b, d, same)) for e in gold.expected)

    unexpected = [d for d in discrepancies if not expected_somewhere(d)]
    false_conflicts: list[dict] = []
    for nc in gold.not_conflict:
        for d in discrepancies:
            if not pair_matches(nc.a, nc.b, d):
                continue
            if d.get("kind") == "conflict" or nc.not_reported:
                entry = _brief(d)
                entry.update(pair=[nc.a.label(), nc.b.label()], reason=nc.reason, not_reported=nc.not_reported)
                false_conflicts.append(entry)
    n = len(gold.expected)
    return {
        "expected": n,
        "found": found,
        "found_through_agreeing": through,
        "recall": round(found / n, 4) if n else 1.0,
        "kind_correct": kind_correct,
        "missed": missed,
        "not_conflict": len(gold.not_conflict),
        "false_conflicts": false_conflicts,
        "flagged": len(discrepancies),
        "flagged_unexpected": len(unexpected),
        "flagged_conflicts": sum(1 for d in discrepancies if d.get("kind") == "conflict"),
    }


def format_gold_report(result: dict, fmt: str = "text") -> str:
    """The score as text for people (or ``fmt="json"``, stable JSON for scripts)."""
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True)
    lines = [
        f"expected discrepancies: {result['expected']}",
        f"found: {result['found']} (recall {result['recall']:.2f})"
        + (
            f", {result['found_through_agreeing']} of them through claims that say the same"
            if result.get("found_through_agreeing")
            else ""
        ),
        f"right kind: {result['kind_correct']}/{result['expected']}",
        f"false conflicts: {len(result['false_conflicts'])}"
        + (f" (of {result['not_conflict']} not-conflict pairs)" if "not_conflict" in result else ""),
        f"flagged: {result['flagged']} discrepancies, {result['flagged_conflicts']} conflicts"
        + (f"; {result['flagged_unexpected']} match no expected pair" if "flagged_unexpected" in result else ""),
    ]
    if result["missed"]:
        lines.append("missed:")
        for m in result["missed"]:
            lines.append(f"  - {m['pair'][0]} vs {m['pair'][1]}: {m['why']}")
    if result["false_conflicts"]:
        lines.append("false conflicts:")
        for f in result["false_conflicts"]:
            what = "reported" if f.get("not_reported") and f["kind"] != "conflict" else "conflict"
            lines.append(f"  - {f['pair'][0]} vs {f['pair'][1]}: {what} as {f['kind']}/{f['severity']} ({f['id']})")
    return "\n".join(lines)
