"""A stand-in for ``jq -r '.[] | "\\(.path) ..."'`` on machines without jq.

The README pipes ``factcheck search --format json`` into jq; where jq is missing, the README
test puts this on PATH instead so that the factcheck half of the pipe still runs for real.
Only the filter shape the README uses is understood: ``.[]`` piped into a string with
``\\(path)`` interpolations, each path a chain of ``.key`` and ``[index]``. Anything else is
refused (exit 3), never guessed at.
"""

from __future__ import annotations

import json
import re
import sys

_FILTER = re.compile(r'\s*\.\[\]\s*\|\s*"((?:[^"\\]|\\.)*)"\s*')
_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")


def _get(value, path: str):
    """``.claims[0].quote`` of ``value``; null where a step is missing, as jq gives.

    >>> _get({"claims": [{"quote": "q"}]}, ".claims[0].quote"), _get({"claims": []}, ".claims[0].quote")
    ('q', None)
    """
    position = 0
    while position < len(path):
        step = _STEP.match(path, position)
        if not step:
            raise ValueError(f"unsupported path {path!r}")
        key, index = step.groups()
        if value is None:
            pass
        elif key is not None:
            value = value.get(key)
        else:
            value = value[int(index)] if int(index) < len(value) else None
        position = step.end()
    return value


def _text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render(program: str, data) -> list[str]:
    """Each item of ``data`` through the string template of ``program``.

    >>> render('.[] | "\\\\(.a) \\\\(.b[1])"', [{"a": 0.5, "b": [1, "x"]}])
    ['0.5 x']
    """
    match = _FILTER.fullmatch(program)
    if not match:
        raise ValueError(f"unsupported filter {program!r}")
    template = match.group(1)
    return [re.sub(r"\\\((\.[^)]*)\)", lambda m: _text(_get(item, m.group(1))), template) for item in data]


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "-r"]
    if len(args) != 1 or "-r" not in argv:
        print("jq stand-in: only `jq -r FILTER` is supported", file=sys.stderr)
        return 3
    try:
        lines = render(args[0], json.load(sys.stdin))
    except (ValueError, AttributeError, TypeError) as error:
        print(f"jq stand-in: {error}", file=sys.stderr)
        return 3
    sys.stdout.write("".join(line + "\n" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
