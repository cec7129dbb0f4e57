"""The README's code blocks as examples to run, and how their shown output is matched.

Every fenced block in README.md is preceded by a comment naming it, which GitHub does not
display::

    <!-- tested: seed-run -->
    ```
    ingest: 5 added, ...
    ```

``tests/docs/test_readme.py`` says how each named block runs (in which scratch folder,
with which command when the block shows only output, with the real model or not). A block
without a name, a name the tests do not know, or a name the README no longer has, fails
the tests: nothing in the README goes unchecked.

Matching conventions (docs/contributing-docs.md says the same for README editors):

- A transcript is a block of ``$ command`` lines, each followed by what it prints
  (standard output and standard error together). ``$ echo $?`` shows the exit code of the
  command before it.
- ``...`` inside a line matches any text on that line; a line that is only ``...`` matches
  any number of lines (none included).
- Output that starts with ``{`` or ``[`` is compared as JSON, not as text: the layout is
  free, and ``...`` where an object member or a list item would be stands for the members
  or items not shown. Everything shown must be there with the value shown.
- In a block whose figures are timings (its test says so), a number directly followed by
  ``s``, ``/s``, ``MiB`` or ``%`` matches any number; every other figure must be exact.
- In a Python block, a statement followed by ``# -> TEXT`` must produce a value whose
  ``repr`` matches TEXT (with ``...`` as above).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DIRECTIVE = re.compile(r"^<!--\s*tested:\s*([\w-]+)\s*-->$")
FENCE = re.compile(r"^```(\w*)\s*$")
ELLIPSIS = "..."
_ANY = "<not shown>"  # stands for "..." in JSON, where it cannot be written as a value
_TIMING = re.compile(r"\d[\d,]*(?:\.\d+)?(?=(?: ?s\b| sentences/s| ?MiB|%))")


@dataclass
class Block:
    """One fenced block of the README."""

    name: str | None  # from the <!-- tested: NAME --> line above it
    language: str
    line: int  # 1-based line of the opening fence
    text: str


@dataclass
class Step:
    """One ``$ command`` of a transcript and what it is shown to print."""

    command: str
    expected: list[str] = field(default_factory=list)


def blocks(markdown: str) -> list[Block]:
    """Every fenced block, with the name given on the line before it (if any).

    >>> [(b.name, b.language, b.text) for b in blocks("<!-- tested: a -->\\n```sh\\nls\\n```\\n\\n```\\nx\\n```\\n")]
    [('a', 'sh', 'ls\\n'), (None, '', 'x\\n')]
    """
    lines = markdown.splitlines()
    found, i = [], 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == "```"), None)
        if end is None:
            raise ValueError(f"README.md:{i + 1}: a code block is never closed")
        previous = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        directive = DIRECTIVE.match(previous)
        text = "".join(line + "\n" for line in lines[i + 1 : end])
        found.append(Block(directive.group(1) if directive else None, opening.group(1), i + 1, text))
        i = end + 1
    return found


def transcript(text: str) -> list[Step]:
    """The ``$ command`` lines of a block, each with the output lines shown after it.

    >>> transcript("$ echo hi\\nhi\\n$ echo $?\\n0\\n")
    [Step(command='echo hi', expected=['hi']), Step(command='echo $?', expected=['0'])]
    """
    steps: list[Step] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            steps.append(Step(line[2:]))
        elif steps:
            steps[-1].expected.append(line)
        elif line.strip():
            raise ValueError(f"output before any command: {line!r}")
    return steps


def mismatch(expected: list[str], actual: str, timings: bool = False) -> str | None:
    """Why ``actual`` does not match the ``expected`` lines, or None when it does."""
    shown = _trimmed(expected)
    if shown and shown[0].lstrip().startswith(("{", "[")):
        return _json_mismatch("\n".join(shown), actual)
    real = _trimmed(actual.splitlines())
    if timings:
        shown = [_TIMING.sub("<n>", line) for line in shown]
        real = [_TIMING.sub("<n>", line) for line in real]
    if _lines_pattern(shown).fullmatch("".join(line + "\n" for line in real)):
        return None
    return "shown:\n" + "\n".join(shown) + "\n\nreal output:\n" + "\n".join(real)


def text_matches(expected: str, actual: str) -> bool:
    """One line against a text, ``...`` matching anything.

    >>> text_matches("IngestResult(added=[...], claims=94)", "IngestResult(added=['a', 'b'], failed=[], claims=94)")
    True
    >>> text_matches("0.8 ... x", "0.81 002 y")
    False
    """
    return re.fullmatch(_line_pattern(expected), actual, re.DOTALL) is not None


def _trimmed(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def _line_pattern(line: str) -> str:
    return ".*?".join(re.escape(part) for part in line.split(ELLIPSIS))


def _lines_pattern(lines: list[str]) -> re.Pattern:
    """``...`` alone on a line: any lines; within a line: any text on that line.

    >>> bool(_lines_pattern(["a", "...", "d ... f"]).fullmatch("a\\nb\\nc\\nd e f\\n"))
    True
    >>> bool(_lines_pattern(["a ... c"]).fullmatch("a b\\nc\\n"))
    False
    """
    parts = []
    for line in lines:
        if line.strip() == ELLIPSIS:
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(r"[^\n]*?".join(re.escape(part) for part in line.split(ELLIPSIS)) + r"\n")
    return re.compile("".join(parts))


def _json_mismatch(shown: str, actual: str) -> str | None:
    try:
        expected = parse_shown_json(shown)
    except json.JSONDecodeError as error:
        return f"the JSON shown does not parse ({error}):\n{shown}"
    try:
        real = json.loads(actual)
    except json.JSONDecodeError as error:
        return f"the command did not print JSON ({error}):\n{actual}"
    problem = json_difference(expected, real, "$")
    return None if problem is None else f"{problem}\n\nreal output:\n{actual}"


def parse_shown_json(text: str):
    """JSON as a README shows it, ``...`` standing for members or items not shown.

    >>> parse_shown_json('{"a": [1, ...], "b": 2, ...}') == {"a": [1, _ANY], "b": 2, _ANY: _ANY}
    True
    """
    marked = re.sub(r"\.\.\.(?=\s*})", f'"{_ANY}": "{_ANY}"', text)
    marked = re.sub(r"\.\.\.(?=\s*[\],])", f'"{_ANY}"', marked)
    return json.loads(marked)


def json_difference(expected, real, where: str) -> str | None:
    """The first place where ``real`` differs from what ``expected`` shows, or None.

    >>> json_difference({"a": 1, _ANY: _ANY}, {"a": 1, "b": 2}, "$") is None
    True
    >>> json_difference({"a": [1]}, {"a": [1, 2]}, "$")
    '$.a: 2 items, the README shows 1'
    """
    if isinstance(expected, dict):
        if not isinstance(real, dict):
            return f"{where}: not an object"
        open_ended = expected.get(_ANY) == _ANY
        shown = {k: v for k, v in expected.items() if k != _ANY}
        missing = [k for k in shown if k not in real]
        if missing:
            return f"{where}: no member {missing[0]!r}"
        if not open_ended and set(real) != set(shown):
            return f"{where}: members {sorted(set(real) - set(shown))} are not shown (end the object with ...)"
        for key, value in shown.items():
            problem = json_difference(value, real[key], f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(real, list):
            return f"{where}: not a list"
        open_ended = bool(expected) and expected[-1] == _ANY
        shown = expected[:-1] if open_ended else expected
        if len(real) < len(shown) or (not open_ended and len(real) != len(shown)):
            return f"{where}: {len(real)} items, the README shows {len(shown)}"
        for i, value in enumerate(shown):
            problem = json_difference(value, real[i], f"{where}[{i}]")
            if problem:
                return problem
        return None
    if expected == _ANY:
        return None
    if isinstance(expected, str) and isinstance(real, str) and ELLIPSIS in expected:
        return None if text_matches(expected, real) else f"{where}: {real!r}, the README shows {expected!r}"
    if expected != real or isinstance(expected, bool) != isinstance(real, bool):
        return f"{where}: {real!r}, the README shows {expected!r}"
    return None


def readme(root: Path) -> str:
    return (root / "README.md").read_text(encoding="utf-8")
