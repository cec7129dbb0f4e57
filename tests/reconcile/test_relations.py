"""Sources that copy or translate one another."""

from itertools import permutations

from factcheck.reconcile.relations import detect
from factcheck.reconcile.thresholds import Thresholds


def _claim(cid, source, lang, value):
    return {"id": cid, "source_id": source, "lang": lang, "kind": "quantity", "value": value, "low": value, "high": value,
            "qualifier": "exact", "unit": "count", "total": None, "approximate": False}  # fmt: skip


def test_a_source_written_half_in_each_language_has_one_main_language_whatever_the_order():
    # s1 is half Arabic, half English: its main language is a tie, settled by the code, not by order
    s1 = [_claim("a1", "s1", "ar", 1), _claim("a2", "s1", "en", 2), _claim("a3", "s1", "ar", 3), _claim("a4", "s1", "en", 4)]
    s2 = [_claim("b1", "s2", "ar", 1), _claim("b2", "s2", "ar", 2), _claim("b3", "s2", "ar", 3), _claim("b4", "s2", "ar", 4)]
    aligned = [(a, b, None) for a, b in zip(s1, s2)]
    th = Thresholds()
    found = set()
    for order in permutations(s1):
        (relation,) = detect(list(order) + s2, aligned, {}, th)
        found.add(relation["relation"])
    assert found == {"copy"}  # "ar" sorts before "en": both sources are taken as Arabic
