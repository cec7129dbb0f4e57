"""One English sentence per discrepancy, built from parsed values and source ids.

Quotes stay in their own language in the report; the summary only uses numbers, units and
ids (worded by ``factcheck.claims.describe``), so an analyst who reads no Arabic still knows
what is at stake.
"""

from __future__ import annotations

from factcheck.claims.describe import describe_value


def summarise(kind: str, a: dict, b: dict, reason: str, internal: bool) -> str:
    """One sentence naming both sources and what each says.

    >>> a = {"source_id": "002", "kind": "quantity", "value": 500, "low": 500, "high": None,
    ...      "qualifier": "more_than", "unit": "count", "noun": "موظفي"}
    >>> b = {"source_id": "005", "kind": "quantity", "value": 300, "low": 300, "high": 300,
    ...      "qualifier": "exact", "unit": "count", "noun": None}
    >>> summarise("conflict", a, b, "the two figures cannot both be true", internal=False)
    'Conflict: 002 says more than 500 staff but 005 says 300; the two figures cannot both be true.'
    """
    if internal:
        where = f"{a['source_id']} says both {describe_value(a)} and {describe_value(b)}"
    else:
        where = f"{a['source_id']} says {describe_value(a)} but {b['source_id']} says {describe_value(b)}"
    return f"{kind.capitalize()}: {where}; {reason}."
