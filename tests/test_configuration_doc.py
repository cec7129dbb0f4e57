"""docs/configuration.md states the thresholds' intervals as the code enforces them."""

import re
from pathlib import Path

from factcheck.reconcile.thresholds import DEFAULTS, RULES

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_the_thresholds_table_matches_the_rules():
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", DOC.read_text(encoding="utf-8"), re.M)
    table = {key: (allowed.strip(), default.strip(), why.strip()) for key, allowed, default, why in rows if key in RULES}
    assert set(table) == set(RULES)
    for key, rule in RULES.items():
        assert table[key] == (rule.allowed(), str(getattr(DEFAULTS["usem3"], key)), rule.why), key
