"""Counting values with ties broken by the value itself.

``Counter.most_common`` breaks ties by insertion order, and values gathered from sets (the
names of a sentence, the concepts of its words) are inserted in an order that changes with
``PYTHONHASHSEED``: two runs on one corpus would then label a cluster differently. Every
tally that reaches a report goes through here, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections import Counter


def most_common(counts: Counter, n: int | None = None) -> list[tuple]:
    """``(value, count)`` pairs, most frequent first, equal counts in the values' own order.

    >>> most_common(Counter(["SpaceX", "OpenAI", "Y Combinator", "OpenAI", "SpaceX"]), 2)
    [('OpenAI', 2), ('SpaceX', 2)]
    """
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked if n is None else ranked[:n]


def top(counts: Counter, default=None):
    """The most frequent value (the least in the values' order among equals), or ``default``.

    >>> top(Counter({"en": 3, "ar": 3, "fr": 1})), top(Counter(), "und")
    ('ar', 'und')
    """
    ranked = most_common(counts, 1)
    return ranked[0][0] if ranked else default
