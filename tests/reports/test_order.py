"""One order everywhere: worst first (severity, kind, independent sources, confidence, id),
a report keeping each cluster's items together."""

import itertools

from factcheck.reports.presentation import cluster_order, worst_first


def item(id_, severity="medium", kind="conflict", related=False, confidence=0.5, cluster="c_1"):
    return {"id": id_, "severity": severity, "kind": kind, "related_sources": related, "confidence": confidence, "cluster_id": cluster}


ORDERED = [
    item("d_a", "high", "precision"),
    item("d_b", "medium", "conflict", confidence=0.9),
    item("d_c", "medium", "conflict", confidence=0.4),
    item("d_d", "medium", "conflict", related=True, confidence=0.99),
    item("d_e", "medium", "supersession"),
    item("d_f", "medium", "precision", confidence=0.7),
    item("d_g", "medium", "precision", confidence=0.7),  # a tie broken by id
    item("d_h", "low", "conflict", confidence=1.0),
]


def test_worst_first_whatever_the_order_given():
    for shuffled in itertools.islice(itertools.permutations(ORDERED), 0, 5000, 97):
        assert [d["id"] for d in sorted(shuffled, key=worst_first)] == [d["id"] for d in ORDERED]


def test_a_report_keeps_a_cluster_together_clusters_by_their_worst_item():
    items = [
        item("d_1", "low", cluster="c_x"),
        item("d_2", "high", "precision", cluster="c_y"),
        item("d_3", "medium", "conflict", cluster="c_x"),
        item("d_4", "medium", "precision", cluster="c_y"),
        item("d_5", "high", "conflict", cluster="c_z"),
    ]
    assert [d["id"] for d in cluster_order(items)] == ["d_5", "d_2", "d_4", "d_3", "d_1"]
    assert [d["id"] for d in cluster_order(items[::-1])] == ["d_5", "d_2", "d_4", "d_3", "d_1"]
