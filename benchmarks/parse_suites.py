"""How much of the way newsrooms write figures and dates `factcheck parse` reads correctly.

The suites in tests/fixtures/parse_suites/ (one JSON case per line; docs/evaluation.md,
"Parse suites") hold short Arabic and English news paragraphs, the exact span that carries a
number, range, amount, percentage or date, and the reading expected there. Each case's text goes
through the same library call as `factcheck parse --format json` (or, with --cli, through that
command itself). A case passes when some parsed quantity or date overlaps its span and every
expected field equals the parsed one (numbers within a relative 1e-3); a {"none": true} case
passes when no quantity overlaps its span (an ordinal read as a count would). Prints, per suite,
cases, passed and percent, then the mean of the suite percentages. It is a measurement: the exit
status is 0 whatever the score, and 2 with one line when a suite file is malformed.

    python benchmarks/parse_suites.py                      # the dev split of every suite
    python benchmarks/parse_suites.py --split heldout      # once, when a change is complete
    python benchmarks/parse_suites.py --suite money_ar --show-failures
    python benchmarks/parse_suites.py --cli --limit 3      # the first cases through the CLI itself
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import inspect
import json
import math
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITES_DIR = ROOT / "tests" / "fixtures" / "parse_suites"
SPLITS = ("dev", "heldout")
CASE_KEYS = {"id", "text", "span", "expect", "split"}
OPTIONAL_KEYS = {"published", "locale"}
NUMBER_KEYS = {"value", "low", "high"}
STRING_KEYS = {"qualifier", "unit", "noun", "date_end", "precision", "part", "calendar"}
EXPECT_KEYS = NUMBER_KEYS | STRING_KEYS | {"date", "none"}
REL_TOL, ABS_TOL = 1e-3, 1e-9


class SuiteError(Exception):
    """A suite file that cannot be scored: the message names the file and line."""


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_case(case, where: str) -> None:
    if not isinstance(case, dict):
        raise SuiteError(f"{where}: a case must be a JSON object")
    missing = sorted(CASE_KEYS - case.keys())
    if missing:
        raise SuiteError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(case.keys() - CASE_KEYS - OPTIONAL_KEYS)
    if unknown:
        raise SuiteError(f"{where}: unknown key {', '.join(unknown)}")
    for key in ("id", "text", "span"):
        if not isinstance(case[key], str) or not case[key]:
            raise SuiteError(f"{where}: {key} must be a non-empty string")
    text, span = case["text"], case["span"]
    first = text.find(span)
    if first < 0:
        raise SuiteError(f"{where}: span {span!r} does not occur in the text")
    if text.find(span, first + 1) >= 0:
        raise SuiteError(f"{where}: span {span!r} occurs more than once in the text")
    if case["split"] not in SPLITS:
        raise SuiteError(f"{where}: split must be one of {', '.join(SPLITS)}, not {case['split']!r}")
    if "published" in case:
        try:
            dt.date.fromisoformat(case["published"])
        except (TypeError, ValueError):
            raise SuiteError(f"{where}: published must be a date as YYYY-MM-DD, not {case['published']!r}") from None
    if "locale" in case and (not isinstance(case["locale"], str) or not case["locale"]):
        raise SuiteError(f"{where}: locale must be a non-empty string")
    expect = case["expect"]
    if not isinstance(expect, dict) or not expect:
        raise SuiteError(f"{where}: expect must be a non-empty object")
    unknown = sorted(expect.keys() - EXPECT_KEYS)
    if unknown:
        raise SuiteError(f"{where}: unknown expect key {', '.join(unknown)}")
    if "none" in expect and (expect["none"] is not True or len(expect) > 1):
        raise SuiteError(f"{where}: expect none must be true and stand alone")
    for key, wanted in expect.items():
        if key in NUMBER_KEYS and not (_is_number(wanted) and math.isfinite(wanted)):
            raise SuiteError(f"{where}: expect {key} must be a number")
        if key in STRING_KEYS and not isinstance(wanted, str):
            raise SuiteError(f"{where}: expect {key} must be a string")
        if key == "date" and wanted is not None and not isinstance(wanted, str):
            raise SuiteError(f"{where}: expect date must be a string or null")


def load_suite(path: Path) -> list[dict]:
    """The cases of one suite file, validated; SuiteError on the first malformed line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SuiteError(f"{path.name}: cannot be read ({exc})") from None
    cases, ids = [], set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SuiteError(f"{where}: not JSON ({exc.msg})") from None
        _check_case(case, where)
        if case["id"] in ids:
            raise SuiteError(f"{where}: id {case['id']!r} repeats an earlier case")
        ids.add(case["id"])
        cases.append(case)
    if not cases:
        raise SuiteError(f"{path.name}: holds no case")
    return cases


def load_suites(directory: Path = SUITES_DIR, names: Iterable[str] | None = None) -> dict[str, list[dict]]:
    """Every suite in ``directory`` (or the named ones), by name in sorted order."""
    available = sorted(p.stem for p in directory.glob("*.jsonl"))
    wanted = sorted(set(names)) if names else available
    for name in wanted:
        if name not in available:
            raise SuiteError(f"no suite named {name!r} in {directory} (there are: {', '.join(available) or 'none'})")
    return {name: load_suite(directory / f"{name}.jsonl") for name in wanted}


def span_range(case: dict) -> tuple[int, int]:
    start = case["text"].index(case["span"])
    return start, start + len(case["span"])


def overlapping(items: Iterable[dict], start: int, end: int) -> list[dict]:
    """The items whose [char_start, char_end) shares at least one character with [start, end)."""
    return [it for it in items if it["char_start"] < end and start < it["char_end"]]


def field_equal(wanted, got) -> bool:
    """Numbers agree within the scorer's tolerance; anything else (strings, null) exactly."""
    if _is_number(wanted):
        return _is_number(got) and math.isclose(got, wanted, rel_tol=REL_TOL, abs_tol=ABS_TOL)
    if wanted is None:
        return got is None
    return wanted == got


def matches(expect: dict, item: dict) -> bool:
    """Every expected field is present in the parsed item and equal to it."""
    return all(key in item and field_equal(wanted, item[key]) for key, wanted in expect.items())


def judge(case: dict, parsed: dict) -> tuple[bool, list[dict]]:
    """Whether ``parsed`` (parse's JSON result) reads ``case`` right, and what overlapped its span."""
    start, end = span_range(case)
    quantities = overlapping(parsed.get("quantities", []), start, end)
    if case["expect"].get("none"):
        return not quantities, quantities
    near = quantities + overlapping(parsed.get("dates", []), start, end)
    return any(matches(case["expect"], item) for item in near), near


@functools.cache
def _library():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # measure this tree's parser, not an installed copy
    from factcheck.claims.entities import default_aliases
    from factcheck.claims.extract import parse_text

    return parse_text, default_aliases(None), "locale" in inspect.signature(parse_text).parameters


def parse_library(case: dict) -> dict:
    """The case's text through the call `factcheck parse --format json` makes."""
    parse_text, aliases, takes_locale = _library()
    kwargs = {"lang": None, "published": case.get("published"), "strict": False}
    if takes_locale and case.get("locale"):
        kwargs["locale"] = case["locale"]
    # The round trip gives the library the CLI's JSON types, so both paths are judged alike.
    return json.loads(json.dumps(parse_text(case["text"], aliases, **kwargs), ensure_ascii=False))


CLI = [sys.executable, "-c", "from factcheck.cli import main; main()"]


def _cli_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.setdefault("HF_HUB_OFFLINE", "1")
    return env


@functools.cache
def _cli_takes_locale() -> bool:
    shown = subprocess.run([*CLI, "parse", "--help"], capture_output=True, text=True, cwd=ROOT, env=_cli_env() | {"COLUMNS": "200"})
    return "--locale" in shown.stdout


def cli_command(case: dict, takes_locale: bool) -> list[str]:
    """The `factcheck parse` command line for a case ('--' so a text may start with a minus)."""
    command = [*CLI, "parse", "--format", "json"]
    if case.get("published"):
        command += ["--published", case["published"]]
    if takes_locale and case.get("locale"):
        command += ["--locale", case["locale"]]
    return [*command, "--", case["text"]]


def parse_cli(case: dict) -> dict:
    done = subprocess.run(cli_command(case, _cli_takes_locale()), capture_output=True, text=True, cwd=ROOT, env=_cli_env())
    if done.returncode != 0:
        raise RuntimeError(f"factcheck parse exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout)


def score(suites: dict[str, list[dict]], parse: Callable[[dict], dict]) -> dict[str, list[tuple[dict, bool, list[dict], str]]]:
    """Per suite, each case with whether it passed, what overlapped its span and any error.

    A parser that raises on a case fails that case (the message is kept): the run measures.
    """
    results = {}
    for name, cases in suites.items():
        rows = []
        for case in cases:
            try:
                passed, near = judge(case, parse(case))
                rows.append((case, passed, near, ""))
            except Exception as exc:  # one broken case must not stop the measurement
                rows.append((case, False, [], f"{type(exc).__name__}: {exc}"))
        results[name] = rows
    return results


def format_table(results: dict, split: str) -> str:
    lines = [f"split: {split}", f"{'suite':<14} {'cases':>6} {'passed':>7} {'percent':>8}"]
    percents = []
    for name, rows in results.items():
        passed = sum(1 for _, ok, _, _ in rows if ok)
        percent = 100.0 * passed / len(rows) if rows else 0.0
        if rows:
            percents.append(percent)
        lines.append(f"{name:<14} {len(rows):>6} {passed:>7} {percent:>7.1f}%")
    mean = sum(percents) / len(percents) if percents else 0.0
    lines.append(f"{'mean over suites':<29} {mean:>7.1f}%")
    return "\n".join(lines)


SHOWN = ("text", "char_start", "char_end", "value", "low", "high", "qualifier", "unit", "date", "precision", "calendar")


def format_failures(results: dict) -> str:
    blocks = []
    for rows in results.values():
        for case, passed, near, error in rows:
            if passed:
                continue
            keys = list(dict.fromkeys([*SHOWN, *case["expect"]]))
            seen = [{k: item[k] for k in keys if k in item} for item in near]
            lines = [
                f"{case['id']}  span {case['span']!r}" + (f"  published {case['published']}" if "published" in case else "") + (f"  locale {case['locale']}" if "locale" in case else ""),
                f"  text:     {case['text']}",
                f"  expected: {json.dumps(case['expect'], ensure_ascii=False, sort_keys=True)}",
            ]
            if error:
                lines.append(f"  error:    {error}")
            lines += [f"  parsed:   {json.dumps(item, ensure_ascii=False)}" for item in seen] or ["  parsed:   nothing overlaps the span"]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def select(suites: dict[str, list[dict]], split: str, limit: int | None) -> dict[str, list[dict]]:
    chosen = {}
    for name, cases in suites.items():
        kept = [c for c in cases if split == "all" or c["split"] == split]
        chosen[name] = kept[:limit] if limit is not None else kept
    return chosen


def main(argv: list[str] | None = None, directory: Path = SUITES_DIR, parse: Callable[[dict], dict] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    parser.add_argument("--suite", action="append", help="score only this suite (repeatable)")
    parser.add_argument("--show-failures", action="store_true", help="print each failing case and what overlapped its span")
    parser.add_argument("--cli", action="store_true", help="run each case through `factcheck parse --format json` in a subprocess")
    parser.add_argument("--limit", type=int, default=None, help="only the first N cases of each suite (after the split)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    try:
        suites = load_suites(directory, args.suite)
    except SuiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if parse is None:
        parse = parse_cli if args.cli else parse_library
    results = score(select(suites, args.split, args.limit), parse)
    print(format_table(results, args.split))
    if args.show_failures:
        failures = format_failures(results)
        if failures:
            print()
            print(failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
