"""Disputes between parties: who asserts each side decides whether a discrepancy is a
source's error, a dispute between two parties, or one party's own inconsistency."""

import json

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.reconcile.disputes import DISPUTE_SEVERITY, between_parties, parties
from factcheck.reconcile.judge import Judgement


def said(party, how="says"):
    return {"attributed_to": party, "attribution": how}


OWN = {"attributed_to": "", "attribution": ""}


@pytest.mark.parametrize(
    ("a", "b", "names", "dispute", "same"),
    [
        (said("Elon Musk"), said("OpenAI"), ("Elon Musk", "OpenAI"), True, False),
        (said("OpenAI", "quote"), said("Elon Musk", "according_to"), ("Elon Musk", "OpenAI"), True, False),
        (said("Musk"), said("Elon Musk", "quote"), ("Elon Musk",), False, True),  # one name, written two ways
        (said("ماسك"), said("Musk"), ("Musk",), False, True),  # and in two scripts
        (said("Musk"), OWN, ("Musk",), False, False),  # one side is the source's own statement
        (said("", "anonymous"), said("OpenAI"), ("OpenAI",), False, False),  # an unnamed source is no party
        (OWN, OWN, (), False, False),
    ],
)
def test_parties_of_two_claims(a, b, names, dispute, same):
    who = parties(a, b)
    assert (who.names, who.dispute, who.same_party) == (names, dispute, same)
    assert parties(b, a) == who  # the order of the two sides does not matter


def test_a_dispute_is_rated_low_and_says_between_whom():
    high = Judgement("conflict", "high", 0.8, "the two figures cannot both be true")
    disputed = between_parties(high, said("Elon Musk"), said("OpenAI"))
    assert (disputed.kind, disputed.severity, disputed.confidence) == ("conflict", DISPUTE_SEVERITY, 0.8)
    assert disputed.reason.endswith("(a dispute between parties: Elon Musk and OpenAI)")
    own = between_parties(high, said("Musk"), said("Elon Musk"))
    assert own.severity == "high" and own.reason.endswith("(both are Elon Musk's own claims)")
    assert between_parties(high, said("Musk"), OWN) == high


# -- through the commands ----------------------------------------------------------------------

runner = CliRunner()
MUSK = (
    "Musk lawsuit\n\n"
    "Elon Musk says he gave about $100 million to OpenAI in its early years, according to a lawsuit filed on Thursday.\n"
)
OPENAI = "OpenAI reply\n\nOpenAI said it raised less than $45 million from Musk, in a blog post published on Tuesday.\n"
OUTLET = "Our count\n\nMusk gave less than $45 million to OpenAI, our review of the filings shows.\n"


def invoke(db, *args):
    return runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", *map(str, args)])


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a_musk.txt").write_text(MUSK, encoding="utf-8")
    (folder / "b_openai.txt").write_text(OPENAI, encoding="utf-8")
    return folder


def test_two_parties_figures_are_a_dispute_that_does_not_fail_the_gate(corpus, tmp_path):
    db = tmp_path / "c.db"
    out = tmp_path / "out"
    assert invoke(db, "run", corpus, "-o", out).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (d,) = [d for d in report["discrepancies"] if d["kind"] == "conflict"]
    assert (d["dispute"], d["parties"], d["same_party"], d["severity"]) == (True, ["Elon Musk", "OpenAI"], False, "low")
    assert {c["attributed_to"]["party"] for c in d["claims"]} == {"Elon Musk", "OpenAI"}
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Disputes between parties" in md and "### Elon Musk says / OpenAI says" in md
    assert "flags: dispute between Elon Musk and OpenAI" in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<section class="disputes" id="disputes">' in html
    assert invoke(db, "check", corpus).exit_code == 0  # low: below the default --fail-on medium
    assert invoke(db, "check", corpus, "--fail-on", "low").exit_code == 1


def test_a_source_asserting_a_figure_against_a_party_is_no_dispute(corpus, tmp_path):
    (corpus / "b_openai.txt").unlink()
    (corpus / "c_outlet.txt").write_text(OUTLET, encoding="utf-8")
    db = tmp_path / "c.db"
    out = tmp_path / "out"
    assert invoke(db, "run", corpus, "-o", out).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (d,) = [d for d in report["discrepancies"] if d["kind"] == "conflict"]
    assert (d["dispute"], d["parties"], d["severity"]) == (False, ["Elon Musk"], "high")
    assert invoke(db, "check", corpus).exit_code == 1


@pytest.mark.parametrize(
    ("musk", "openai"),
    [
        # the two sides name the sum by different words of putting money in, or of receiving it
        ("Elon Musk has said he invested about $100 million in OpenAI.", "OpenAI said Musk contributed less than $45 million to the lab."),
        ("Musk claims he donated roughly $100 million to OpenAI.", "According to OpenAI, the company received less than $45 million from Musk."),
        ("Musk's lawsuit says he invested roughly $100 million in OpenAI.", "OpenAI says Elon Musk gave less than $45 million to the nonprofit."),
    ],
    ids=["invested-contributed", "donated-received", "invested-gave"],
)
def test_a_dispute_is_found_whatever_words_each_side_uses(musk, openai, tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Musk\n\n{musk}\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"OpenAI\n\n{openai}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(tmp_path / "c.db", "run", folder, "-o", out).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # each side's party as its source names it ("Musk" where the full name is not written)
    found = [(d["kind"], d["dispute"], [p.split()[-1] for p in d["parties"]]) for d in report["discrepancies"]]
    assert found == [("conflict", True, ["Musk", "OpenAI"])]


def test_a_later_party_does_not_update_another_party(tmp_path):
    # dated a day apart, and the later sentence has a word of the "rise" concept ("gain"):
    # still one party's figure against another's, a conflict flagged as a dispute
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("OpenAI reply\n\nOpenAI said Musk had contributed less than $45 million to the lab.\n", encoding="utf-8")
    (folder / "a.meta.toml").write_text('published = "2024-03-06"\n', encoding="utf-8")
    (folder / "b.txt").write_text(
        "Musk's complaint\n\nAccording to Musk's complaint, he invested nearly $100 million in OpenAI, not for private gain.\n", encoding="utf-8"
    )
    (folder / "b.meta.toml").write_text('published = "2024-03-07"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(tmp_path / "c.db", "run", folder, "-o", out).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(d["kind"], d["dispute"]) for d in report["discrepancies"]] == [("conflict", True)]
