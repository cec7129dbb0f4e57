"""Cluster labels: the question a cluster's figures answer, in English, from their frames."""

import pytest

from factcheck.reconcile.labels import cluster_label


def member(noun=None, **frame) -> dict:
    base = {"agent": "", "patient": "", "predicate": "", "concepts": [], "unit_class": "count", "measured": "", "role": "", "time": [], "place": [], "attribution": []}
    return {"noun": noun, "predicate_words": "", "frame": base | frame}


@pytest.mark.parametrize(
    "members,label",
    [
        ([member("employees", patient="OpenAI", concepts=["signed", "staff"], role="part", measured="staff"),
          member("موظفي", concepts=["staff"], role="part", measured="staff", patient="OpenAI")],
         "How many OpenAI staff signed?"),
        ([member("موظف", patient="OpenAI", concepts=["staff"], role="whole", measured="staff")] * 2, "How many staff does OpenAI have?"),
        ([member("employees", concepts=["staff"], role="whole", measured="staff")], "How many staff are there?"),
        ([member(unit_class="money", measured="USD", agent="Nouran", patient="Salco", concepts=["invest"])] * 3,
         "How much did Nouran invest in Salco?"),
        ([member(unit_class="money", measured="USD", agent="Nouran", concepts=["invest"])], "How much did Nouran invest?"),
        ([member(unit_class="money", measured="USD", patient="OpenAI", concepts=["invest"])], "How much was invested in OpenAI?"),
        ([member(unit_class="percent", measured="percent", concepts=["revenue", "rise"], role="change")], "By how much did revenue rise?"),
        ([member(unit_class="money", measured="USD", agent="Acme", concepts=["budget"])], "What is the budget of Acme?"),
        ([member("dead", measured="dead", concepts=["dead"], place=["Port Caddell"])] * 2, "How many died in Port Caddell?"),
        ([member(unit_class="date", measured="date", agent="OpenAI", concepts=["founded"])], "When was OpenAI founded?"),
        ([member(unit_class="date", measured="date")], "What date is given?"),
    ],
)
def test_label_says_what_question_the_figures_answer(members, label):
    assert cluster_label(members) == label


def test_a_name_only_one_member_gives_stays_out_of_the_label():
    members = [member(unit_class="money", measured="USD", agent="Nouran", concepts=["invest"])] + [
        member(unit_class="money", measured="USD", concepts=["invest"]) for _ in range(2)
    ]
    assert cluster_label(members) == "How much was invested?"


def test_claims_without_frames_get_no_label():
    assert cluster_label([{"noun": "staff"}, {"noun": "staff", "frame": {}}]) == ""
