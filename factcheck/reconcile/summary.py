"""One English sentence per discrepancy, built from parsed values and source ids.

Quotes stay in their own language in the report; the summary only uses numbers, units and
ids, so an analyst who reads no Arabic still knows what is at stake.
"""

from __future__ import annotations

import math

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_QUALIFIER_WORDS = {
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}


def number(x: float) -> str:
    """1e8 -> '100 million', 175000 -> '175,000', 0.25 -> '0.25'."""
    if x is None or math.isinf(x):
        return "?"
    for scale, word in _SCALES[:3]:
        if abs(x) >= scale and (x / scale) * 100 == int((x / scale) * 100):
            return f"{_trim(x / scale)} {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return _trim(x)


def _trim(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text


def describe(claim: dict) -> str:
    """'more than 500 (موظفي)', 'USD 50 million to 100 million', 'about 49%', '2023-11-17'.

    >>> describe({"kind": "quantity", "unit": "USD", "qualifier": "more_than", "value": 5e7, "low": 5e7, "high": None})
    'more than USD 50 million'
    """
    if claim["kind"] == "date":
        return claim.get("date") or claim["quote"]
    unit = claim.get("unit") or "count"
    qualifier = claim.get("qualifier") or "exact"
    currency = f"{unit} " if len(unit) == 3 and unit.isupper() else ""
    if qualifier == "range":
        prefix = "roughly " if claim.get("approximate") else ""
        body = f"{prefix}{currency}{number(claim['low'])} to {number(claim['high'])}"
    elif qualifier in ("less_than", "at_most"):
        body = _QUALIFIER_WORDS[qualifier] + currency + number(claim["high"])
    else:
        shown = claim["value"] if claim.get("value") is not None else claim["low"]
        body = _QUALIFIER_WORDS.get(qualifier, "") + currency + number(shown)
    if claim.get("total") is not None:
        body += f" of {number(claim['total'])}"
    if unit == "percent":
        return body + "%"
    if unit == "count":
        return body + (f" ({claim['noun']})" if claim.get("noun") else "")
    if currency:
        return body
    return f"{body} {unit}{'s' if not body.endswith(' 1') and body != '1' else ''}"


def summarise(kind: str, a: dict, b: dict, reason: str, internal: bool) -> str:
    """'Conflict: 002 says more than 500 (موظفي) but 005 says 300; the two figures cannot both be true.'"""
    if internal:
        where = f"{a['source_id']} says both {describe(a)} and {describe(b)}"
    else:
        where = f"{a['source_id']} says {describe(a)} but {b['source_id']} says {describe(b)}"
    return f"{kind.capitalize()}: {where}; {reason}."
