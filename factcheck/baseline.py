"""The baseline: analysts' decisions on discrepancies, kept beside the sources.

A small JSON file, one entry per discrepancy id, sorted, so a review shows one line per
change. It lives in the sources repository so decisions reach CI in a fresh clone;
claims.db keeps a cache of it. Statuses: ``acknowledged`` (known, accepted for now) and
``dismissed`` (not a real discrepancy).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import ConfigError

BASELINE_NAME = "factcheck-baseline.json"
STATUSES = ("acknowledged", "dismissed")
FORMAT_VERSION = 1


@dataclass
class Baseline:
    path: Path
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"baseline {path} is not valid JSON: {exc}") from exc
        entries = data.get("discrepancies") if isinstance(data, dict) else None
        if not isinstance(entries, dict):
            raise ConfigError(f"baseline {path} has no 'discrepancies' object")
        for key, entry in entries.items():
            if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
                raise ConfigError(f"baseline {path}: entry {key} needs a status of {' or '.join(STATUSES)}")
        return cls(path, entries)

    def save(self) -> None:
        payload = {"format": FORMAT_VERSION, "discrepancies": dict(sorted(self.entries.items()))}
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def decide(self, discrepancy_id: str, status: str, note: str = "", author: str = "", summary: str = "") -> None:
        if status not in STATUSES:
            raise ConfigError(f"status must be one of {', '.join(STATUSES)}")
        self.entries[discrepancy_id] = {"status": status, "note": note, "author": author, "summary": summary}

    def as_decisions(self) -> list[dict]:
        return [
            {"discrepancy_id": k, "status": v["status"], "note": v.get("note", ""), "author": v.get("author", "")}
            for k, v in sorted(self.entries.items())
        ]
