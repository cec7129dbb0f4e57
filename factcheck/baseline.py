"""The baseline: analysts' decisions on discrepancies, kept beside the sources.

A small JSON file, one entry per discrepancy id, sorted, so a review shows one line per
change. It lives in the sources repository so decisions reach CI in a fresh clone;
claims.db keeps a cache of it. Statuses: ``acknowledged`` (known, accepted for now) and
``dismissed`` (not a real discrepancy).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.config import kind_of_file, read_config_text, shown
from factcheck.errors import ConfigError

BASELINE_NAME = "factcheck-baseline.json"
STATUSES = ("acknowledged", "dismissed")
FORMAT_VERSION = 1
# A decision takes a few hundred bytes: 64 MB is some 200,000 of them. The cap keeps a wrong
# or hostile file from being read into memory whole.
MAX_BASELINE_BYTES = 64_000_000
# Discrepancy ids as the reconciler makes them (reconcile/reconciler.py): "d_" + 16 hex digits.
DISCREPANCY_ID = re.compile(r"d_[0-9a-f]{16}")
ENTRY_FIELDS = ("status", "note", "author", "summary")  # all strings; status is required


def parse_json(text: str, where: str) -> object:
    """JSON as the standard library reads it, but one line for every way it can fail: syntax,
    nesting deeper than Python's recursion limit, NaN/Infinity (not JSON), a key twice in
    one object (the second would silently win, e.g. after a bad merge)."""

    def no_constant(name: str) -> None:
        raise ValueError(f"{name} is not a JSON value")

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict:
        seen: dict[str, object] = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} appears twice in one object")
            seen[key] = value
        return seen

    try:
        return json.loads(text, parse_constant=no_constant, object_pairs_hook=no_duplicates)
    except RecursionError:
        raise ConfigError(f"{where} is not valid JSON: nested too deeply") from None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise ConfigError(f"{where} is not valid JSON: {exc}") from None


def check_baseline(data: object, where: str) -> dict[str, dict]:
    """The entries of a parsed baseline, every field checked: ``format`` is
    :data:`FORMAT_VERSION`; ``discrepancies`` maps discrepancy ids to entries with a
    ``status`` of :data:`STATUSES` and optional string ``note``, ``author``, ``summary``."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where} must be a JSON object with 'format' and 'discrepancies', not {_json_type(data)}")
    unknown = sorted(set(data) - {"format", "discrepancies"})
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: format, discrepancies)")
    if "format" not in data:
        raise ConfigError(f"{where} has no 'format' (this version of factcheck reads format {FORMAT_VERSION})")
    version = data["format"]
    if type(version) is not int or version != FORMAT_VERSION:
        raise ConfigError(f"{where} has format {shown(version)}; this version of factcheck reads format {FORMAT_VERSION} only")
    entries = data.get("discrepancies")
    if not isinstance(entries, dict):
        raise ConfigError(f"{where} has no 'discrepancies' object")
    for key in sorted(entries):
        entry = entries[key]
        if not DISCREPANCY_ID.fullmatch(key):
            raise ConfigError(f"{where}: {shown(key)} is not a discrepancy id (d_ and 16 hex digits, as `factcheck review` shows)")
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            found = f"status {shown(entry.get('status'))}" if isinstance(entry, dict) and "status" in entry else _json_type(entry)
            raise ConfigError(f"{where}: entry {key} needs a status of {' or '.join(STATUSES)}, not {found}")
        unknown = sorted(set(entry) - set(ENTRY_FIELDS))
        if unknown:
            raise ConfigError(f"{where}: entry {key}: unknown key {unknown[0]!r} (known: {', '.join(ENTRY_FIELDS)})")
        for name in ENTRY_FIELDS[1:]:
            if name in entry and not isinstance(entry[name], str):
                raise ConfigError(f"{where}: entry {key}: {name!r} must be a string, not {_json_type(entry[name])}")
    return dict(entries)


def _json_type(value: object) -> str:
    """A JSON value's type as JSON names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {shown(value)}"
    return "an array" if isinstance(value, list) else "an object"


@dataclass
class Baseline:
    path: Path
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """The baseline at ``path`` (empty when there is none), checked in full: the file
        arrives through pull requests, so anything but its exact shape is one
        :class:`ConfigError` line (exit 2), never a traceback or a silently ignored entry."""
        path = Path(path)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read baseline {path}: {getattr(exc, 'strerror', None) or exc}") from None
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(f"baseline {path} is {kind_of_file(st.st_mode)}, not a file")
        text = read_config_text(path, "baseline", MAX_BASELINE_BYTES)
        return cls(path, check_baseline(parse_json(text, f"baseline {path}"), f"baseline {path}"))

    def save(self) -> None:
        payload = {"format": FORMAT_VERSION, "discrepancies": dict(sorted(self.entries.items()))}
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        try:
            tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)  # atomic: a crash leaves the old file or the new one
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise ConfigError(f"cannot write baseline {self.path}: {exc.strerror or exc}") from None

    def decide(self, discrepancy_id: str, status: str, note: str = "", author: str = "", summary: str = "") -> None:
        if status not in STATUSES:
            raise ConfigError(f"status must be one of {', '.join(STATUSES)}")
        self.entries[discrepancy_id] = {"status": status, "note": note, "author": author, "summary": summary}

    def as_decisions(self) -> list[dict]:
        return [
            {"discrepancy_id": k, "status": v["status"], "note": v.get("note", ""), "author": v.get("author", "")}
            for k, v in sorted(self.entries.items())
        ]
