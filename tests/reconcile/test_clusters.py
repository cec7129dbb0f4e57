"""Clusters: canonical statement, representative claim, slot label, readings."""

from collections import Counter

from factcheck.claims.context import word_key
from factcheck.reconcile.clusters import build_clusters, canonical_statement, representative, slot_label
from factcheck.reconcile.reconciler import reading
from factcheck.reports.build import _independent_groups, readings


def claim(cid, source, text, quote, value, **extra):
    start = text.index(quote)
    return {
        "id": cid, "source_id": source, "kind": "quantity", "text": text, "quote": quote, "sentence_start": 0,
        "char_start": start, "char_end": start + len(quote), "value": value, "low": value, "high": value,
        "qualifier": "exact", "unit": "count", "noun": "موظف", "total": None, "approximate": False,
        "hedged": False, "negated": False, "whole": False, "entities": ["OpenAI"], "actors": ["OpenAI"],
        "predicate_words": "وقع", **extra,
    }  # fmt: skip


A = claim("q_a", "s1", "وقّع 700 موظف من OpenAI على الرسالة التي طالبت بعودة ألتمان، بحسب الصحيفة.", "700", 700)
B = claim("q_b", "s2", "قالت الصحيفة إن 700 موظف من OpenAI وقعوا الرسالة.", "700", 700)
C = claim("q_c", "s3", "ربما وقّع 650 موظفا من OpenAI على الرسالة.", "650", 650, hedged=True)
W = claim("q_w", "s4", "وقّع 600 من أصل 770 موظفا في OpenAI على الرسالة.", "770", 770, whole=True)


def test_canonical_statement_is_the_clause_around_the_figure():
    assert canonical_statement(A) == "وقّع 700 موظف من OpenAI على الرسالة التي طالبت بعودة ألتمان"


def test_a_long_clause_is_cut_with_an_ellipsis():
    words = " ".join(f"w{i}" for i in range(40))
    text = f"{words} 700 {words}"
    c = claim("q_x", "s1", text, " 700 ", 700)
    statement = canonical_statement(c)
    assert statement.startswith("… w26") and statement.endswith("w13 …") and "700" in statement


def test_the_representative_is_firm_states_its_own_figure_and_is_agreed_with():
    degree = Counter({"q_a": 1, "q_b": 1, "q_c": 5, "q_w": 5})
    assert representative([A, B, C, W], degree, reading)["id"] in ("q_a", "q_b")
    assert representative([C, W], degree, reading)["id"] == "q_w"  # firm beats hedged


def test_build_clusters_gives_stable_ids_and_a_slot_label():
    clusters, members, cluster_of = build_clusters([A, B, C], [(A, B), (B, C)], reading)
    (cluster,) = clusters
    again, _, _ = build_clusters([C, B, A], [(B, C), (A, B)], reading)
    assert again[0]["id"] == cluster["id"] and cluster_of == {"q_a": cluster["id"], "q_b": cluster["id"], "q_c": cluster["id"]}
    assert cluster["slot"] == "count of staff · OpenAI · signed"
    assert cluster["canonical"] in (canonical_statement(A), canonical_statement(B))
    assert [m["claim_id"] for m in members] == ["q_a", "q_b", "q_c"]


def test_slot_label_names_money_and_dates():
    money = {**A, "unit": "USD", "noun": None, "predicate_words": word_key("استثمرت")}
    assert slot_label([money]) == "amount in USD · OpenAI · invest"
    assert slot_label([{**A, "kind": "date", "actors": [], "entities": [], "predicate_words": ""}]) == "date"


def test_readings_count_copies_as_one_voice():
    d = claim("q_d", "s4", B["text"], "700", 700)
    related = {"s2": [{"source_id": "s4"}], "s4": [{"source_id": "s2"}]}
    independent = _independent_groups(["s1", "s2", "s3", "s4"], related)
    out = readings([A, B, C, d], independent)
    assert out[0]["sources"] == ["s1", "s2", "s4"] and out[0]["independent_sources"] == 2
    assert out[1]["reads_as"] == "650 staff" and out[1]["independent_sources"] == 1


def _orders(items):
    """Every order of a few items: a tie must not be settled by which came first."""
    from itertools import permutations

    return [list(p) for p in permutations(items)]


def test_slot_label_breaks_ties_by_name_not_by_order():
    # one name each: a tie between all of them, as in "Y Combinator, OpenAI" vs "Y Combinator, SpaceX"
    members = [
        {**A, "id": "q_1", "actors": ["Y Combinator", "SpaceX"], "predicate_words": ""},
        {**A, "id": "q_2", "actors": ["OpenAI", "Y Combinator"], "predicate_words": ""},
        {**A, "id": "q_3", "actors": ["SpaceX", "OpenAI"], "predicate_words": ""},
    ]
    labels = {slot_label(order) for order in _orders(members)}
    assert labels == {"count of staff · OpenAI, SpaceX"}


def test_slot_label_counted_thing_and_unit_ties_are_broken_by_name():
    bare = {"actors": [], "entities": [], "predicate_words": ""}
    nouns = [{**A, **bare, "id": f"q_{i}", "noun": noun} for i, noun in enumerate(["rockets", "engines"])]
    units = [{**A, **bare, "id": f"q_{i}", "unit": unit, "noun": None} for i, unit in enumerate(["USD", "EUR"])]
    assert {slot_label(order) for order in _orders(nouns)} == {"count of engines"}
    assert {slot_label(order) for order in _orders(units)} == {"amount in EUR"}


def test_cluster_noun_tie_is_broken_by_the_noun():
    a, b = {**A, "noun": "موظفين"}, {**B, "noun": "موظف"}
    for order in _orders([a, b]):
        (cluster,), _, _ = build_clusters(order, [(order[0], order[1])], reading)
        assert cluster["noun"] == "موظف"


def test_readings_list_the_same_members_in_one_order_whatever_their_order():
    # two claims at one offset of one source (a figure and the whole of "700 of 770" can be)
    x = claim("q_x", "s1", A["text"], "700", 700)
    y = {**x, "id": "q_y", "noun": "موظفين"}
    outs = {repr(readings(order, {})) for order in _orders([x, y, B])}
    assert len(outs) == 1
