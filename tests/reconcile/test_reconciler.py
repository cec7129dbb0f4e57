"""The reconciler on small English corpora, with the deterministic hashing embedder."""

import json

import pytest

from factcheck.reconcile.reconciler import best_per_sentence, discrepancy_id
from factcheck.reconcile.slots import Alignment
from factcheck.workspace import Factcheck


def corpus(tmp_path, files: dict[str, str]):
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def reconciled(tmp_path, files, db="claims.db"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    fc = Factcheck(db_path=tmp_path / db, model="hashing")
    fc.ingest([corpus(tmp_path, files)])
    fc.reconcile()
    return fc, fc.report()


SIGNED_500 = "Staff revolt\n\nMore than 500 employees of Acme signed the letter to the board on Monday.\n"
SIGNED_120 = "Letter\n\nOnly 120 employees of Acme signed the letter to the board.\n"
SIGNED_700 = "Letter grows\n\nBy Tuesday, 700 of 770 employees of Acme had signed the letter to the board.\n"


def test_cross_source_conflict(tmp_path):
    _, report = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    (d,) = report["discrepancies"]
    assert (d["kind"], d["severity"], d["internal"]) == ("conflict", "high", False)
    assert "a says more than 500" in d["summary"] and "120" in d["summary"]
    assert d["cluster_id"] in {c["id"] for c in report["clusters"]}


def test_precision_between_open_bound_and_exact(tmp_path):
    _, report = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_700})
    (d,) = report["discrepancies"]
    assert (d["kind"], d["severity"]) == ("precision", "medium")
    assert {c["total"] for c in d["claims"]} == {None, 770}


def test_agreement_is_a_cluster_not_a_discrepancy(tmp_path):
    same = "Letter\n\nMore than 500 employees of Acme signed the letter to the board.\n"
    _, report = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": same})
    assert report["discrepancies"] == []
    assert any(set(c["sources"]) == {"a", "b"} for c in report["clusters"])


def test_different_predicates_are_different_slots(tmp_path):
    files = {
        "a.txt": "Funding\n\nInvestors invested $10 billion in Acme last year.\n",
        "b.txt": "Valuation\n\nAcme is now valued at $80 billion.\n",
    }
    _, report = reconciled(tmp_path, files)
    assert report["discrepancies"] == []


def test_figures_in_one_sentence_are_different_slots(tmp_path):
    files = {
        "a.txt": "Pay\n\nThe founders earned a salary of $275,000 while other staff earned a salary of $175,000.\n",
        "b.txt": "Pay\n\nOther staff earned a salary of $175,000 a year.\n",
    }
    _, report = reconciled(tmp_path, files)
    # b agrees with a's second figure; it is not compared with the founders' salary
    assert report["discrepancies"] == []


def test_negated_claim_is_not_judged(tmp_path):
    files = {"a.txt": SIGNED_500, "b.txt": "Letter\n\nIt is not true that 120 employees of Acme signed the letter to the board.\n"}
    _, report = reconciled(tmp_path, files)
    assert report["discrepancies"] == []


def test_related_sources_flag(tmp_path):
    folder = corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    (folder / "b.meta.toml").write_text('translation_of = "a"\n', encoding="utf-8")
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([folder])
    (d,) = fc.report()["discrepancies"]
    assert d["related_sources"] is True


def test_ids_are_stable_across_databases_and_runs(tmp_path):
    _, first = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120}, db="one.db")
    _, second = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120}, db="two.db")
    assert [d["id"] for d in first["discrepancies"]] == [d["id"] for d in second["discrepancies"]]
    assert [c["id"] for c in first["clusters"]] == [c["id"] for c in second["clusters"]]


def test_discrepancy_id_ignores_order_and_spacing():
    a = {"source_id": "a", "text": "More  than 500 signed.", "quote": "More than 500"}
    b = {"source_id": "b", "text": "Only 120 signed.", "quote": "120"}
    spaced = {**a, "text": "More than 500 signed."}
    assert discrepancy_id(a, b) == discrepancy_id(b, spaced)
    assert discrepancy_id(a, b).startswith("d_") and len(discrepancy_id(a, b)) == 18


def test_best_per_sentence_prefers_agreement():
    def claim(cid, sentence, value):
        return {"id": cid, "sentence_id": sentence, "kind": "quantity", "value": value, "low": value, "high": value, "qualifier": "exact"}

    x = claim("x", "s1", 175000)
    founders, staff = claim("f", "s2", 275000), claim("s", "s2", 175000)
    kept = best_per_sentence([(x, founders, Alignment(0.9, 0, 0, 1)), (x, staff, Alignment(0.7, 0, 0, 1))])
    assert [(a["id"], b["id"]) for a, b, _ in kept] == [("x", "s")]


def test_best_per_sentence_keeps_the_part_and_the_whole_apart():
    def claim(cid, sentence, value, whole=False):
        return {"id": cid, "sentence_id": sentence, "kind": "quantity", "value": value, "low": value, "high": value, "qualifier": "exact", "whole": whole}

    headcount = claim("h", "s1", 700)
    part, whole = claim("p", "s2", 700), claim("w", "s2", 770, whole=True)  # "700 of 770"
    kept = best_per_sentence([(headcount, part, Alignment(0.8, 0, 0, 1)), (headcount, whole, Alignment(0.7, 0, 0, 1))])
    assert sorted(b["id"] for _, b, _ in kept) == ["p", "w"]


def test_a_new_extractor_reads_stored_sources_again(tmp_path, monkeypatch):
    folder = corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([folder])
    assert fc.ingest([folder]).unchanged == ["a", "b"]
    monkeypatch.setattr("factcheck.workspace.EXTRACTOR_VERSION", "next")
    again = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    assert again.ingest([folder]).updated == ["a", "b"]
    assert not again.is_reconciled()  # alignments depend on what the extractor read
    assert len(again.report()["discrepancies"]) == 1


def test_changed_source_replaces_its_claims(tmp_path):
    folder = corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([folder])
    assert len(fc.report()["discrepancies"]) == 1
    (folder / "b.txt").write_text("Letter\n\nMore than 500 employees of Acme signed the letter to the board.\n")
    result = fc.ingest([folder])
    assert result.updated == ["b"] and result.unchanged == ["a"]
    assert fc.report()["discrepancies"] == []  # reconciled again because the corpus changed


def test_pruning_a_deleted_source(tmp_path):
    folder = corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([folder])
    (folder / "b.txt").unlink()
    result = fc.ingest([folder], prune=True)
    assert result.removed == ["b"]
    assert fc.store.source_ids() == ["a"]
    assert fc.report()["discrepancies"] == []


@pytest.mark.parametrize("k", [1, 3])
def test_search_returns_sentences_with_claims(tmp_path, k):
    fc, _ = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    hits = fc.search("employees signed the letter", k=k)
    assert 1 <= len(hits) <= k
    assert all(h["text"][h["claims"][0]["char_start"] - h["sentence_start"] :].startswith(h["claims"][0]["quote"]) for h in hits)


def test_incremental_reconcile_searches_only_new_claims_and_matches_a_full_run(tmp_path):
    third = "Update\n\nMore than 500 employees of Acme signed the letter, and the company invested $10 million in 2021.\n"
    folder = corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_700})
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    fc.ingest([folder])
    first = fc.reconcile()
    assert first.searched == first.claims
    (folder / "c.txt").write_text(third + SIGNED_120.split("\n\n")[1], encoding="utf-8")
    fc.ingest([folder])
    new_claims = len(fc.store.claims(source_id="c"))
    step = fc.reconcile()
    assert step.searched == new_claims < step.claims
    assert fc.reconcile().searched == 0  # nothing new: nothing searched
    incremental = fc.report()

    full = Factcheck(db_path=tmp_path / "full.db", model="hashing")
    full.ingest([folder])
    full.reconcile(full=True)
    assert [d["id"] for d in incremental["discrepancies"]] == [d["id"] for d in full.report()["discrepancies"]]
    assert incremental["clusters"] == full.report()["clusters"]


def test_a_new_source_that_anchors_a_name_realigns_the_claims_that_name_it(tmp_path):
    # «شالان» meets "Sulan" only by an open spelling (ا for u); a source that writes
    # "Shalan" anchors it firmly, and the two figures part, in an incremental run as in a full one
    files = {
        "a.txt": "خبر\n\nوقّع 1700 من موظفي شالان على رسالة إلى مجلس الإدارة.\n",
        "b.txt": "Letter\n\nSome 1,300 employees of Sulan signed a letter to the board.\n",
    }
    fc, report = reconciled(tmp_path, files, db="inc.db")
    assert [sorted(c["source_id"] for c in d["claims"]) for d in report["discrepancies"]] == [["a", "b"]]
    (tmp_path / "src" / "c.txt").write_text("Letter\n\nSome 1,700 employees of Shalan signed a letter to the board.\n", encoding="utf-8")
    fc.ingest([tmp_path / "src"])
    step = fc.reconcile()
    assert step.searched == 2  # the new claim, and «شالان»'s, whose name gained a firm match
    incremental = fc.report()
    assert incremental["discrepancies"] == []
    full = Factcheck(db_path=tmp_path / "full.db", model="hashing")
    full.ingest([tmp_path / "src"])
    full.reconcile(full=True)
    assert incremental["clusters"] == full.report()["clusters"] and len(incremental["clusters"]) == 1


@pytest.mark.parametrize("stored", ["not json", "[1, 2]", '{"x": 3}'])
def test_unreadable_name_anchors_align_everything_afresh(tmp_path, stored):
    fc, before = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    fc.store.set_setting("name_anchors", stored)
    result = fc.reconcile()
    assert result.searched == result.claims  # a full run, no error
    assert [d["id"] for d in fc.report()["discrepancies"]] == [d["id"] for d in before["discrepancies"]]
    assert fc.store.get_setting("name_anchors") == "{}"


def test_a_disagreement_with_sources_that_agree_is_rated_once(tmp_path):
    files = {
        "a.txt": "Letter\n\nOnly 120 employees of Acme signed the letter to the board.\n",
        "b.txt": "Letter\n\nAbout 700 employees of Acme signed the letter to the board.\n",
        "c.txt": "Staff\n\nSome 710 employees of Acme signed the letter to the board on Monday.\n",
        "d.txt": "Staff\n\nIn all, 300 employees of Acme signed the letter to the board.\n",
    }
    _, report = reconciled(tmp_path, files)
    rated = {tuple(sorted(c["source_id"] for c in d["claims"])): (d["kind"], d["severity"]) for d in report["discrepancies"]}
    # b and c agree (about 700, about 710): a's 120 and d's 300 are each rated high once,
    # and their repeats against c stay in the report, rated low
    assert rated[("a", "b")] == rated[("b", "d")] == rated[("a", "d")] == ("conflict", "high")
    assert rated[("a", "c")] == rated[("c", "d")] == ("conflict", "low")
    assert rated[("b", "c")] == ("precision", "low")
    repeat = next(d for d in report["discrepancies"] if {c["source_id"] for c in d["claims"]} == {"a", "c"})
    assert "the same disagreement as a higher-rated pair" in repeat["summary"]


def test_changing_thresholds_realigns_everything(tmp_path):
    folder = corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    strict = tmp_path / "t.toml"
    strict.write_text("align_score = 1.0\n")  # above any probability: nothing aligns
    fc2 = Factcheck(db_path=tmp_path / "c.db", model="hashing", thresholds_file=strict)
    result = fc2.reconcile()
    assert result.searched == result.claims and result.discrepancies == 0


def test_a_copy_is_detected_and_its_discrepancies_flagged(tmp_path):
    original = (
        "Acme news\n\nMore than 500 employees of Acme signed the letter to the board.\n"
        "Acme invested $10 million in the new lab in 2021.\n"
        "The board of Acme met for 12 hours before the vote.\n"
    )
    copy = original.replace("Acme news", "Wire copy").replace("12 hours", "14 hours")
    fc, report = reconciled(tmp_path, {"a.txt": original, "b.txt": copy, "c.txt": SIGNED_120})
    related = {s["id"]: s["related"] for s in report["sources"]}
    # 500 signed, $10 million and 2021 agree one to one: 3 of a's 4 claims
    assert related["a"] == [{"source_id": "b", "relation": "copy", "shared_claims": 3}]
    assert related["b"] == [{"source_id": "a", "relation": "copy", "shared_claims": 3}]
    assert related["c"] == []
    hours = next(d for d in report["discrepancies"] if {c["quote"] for c in d["claims"]} == {"12 hours", "14 hours"})
    assert hours["related_sources"] is True
    independent = [d for d in report["discrepancies"] if {c["source_id"] for c in d["claims"]} in ({"a", "c"}, {"b", "c"})]
    assert independent and not any(d["related_sources"] for d in independent)


def test_frame_keys_find_candidates_without_the_vector_index(tmp_path):
    """With the vector search off, frame keys (what is counted, of whom, with which
    predicate) still pair the two letters, and never the letter with the weather."""
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text("neighbours = 0\n")
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing", thresholds_file=thresholds)
    fc.ingest([corpus(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120, "c.txt": "Weather\n\nFor 3 days 40 employees of a farm stayed home.\n"})])
    result = fc.reconcile()
    assert result.candidate_pairs >= 1
    (d,) = fc.report()["discrepancies"]
    assert {c["source_id"] for c in d["claims"]} == {"a", "b"}


def test_a_database_with_the_old_full_text_index_loses_it_and_keeps_its_claims(tmp_path, monkeypatch):
    from factcheck.store import migrations

    with monkeypatch.context() as m:
        # every step but the one that drops the index: today's code writes today's columns
        m.setattr(migrations, "MIGRATIONS", [step for step in migrations.MIGRATIONS if step[0] != "m012_no_claim_words_search"])
        old, _ = reconciled(tmp_path, {"a.txt": SIGNED_500, "b.txt": SIGNED_120})
        assert old.store.db["claims_fts"].exists()
        claims = old.store.claims()
        old.store.close()
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    assert not fc.store.db["claims_fts"].exists() and not any("fts" in t for t in fc.store.db.table_names())
    assert fc.store.claims() == claims
    # no trigger of the old index is left (the corpus version's own, m027, are today's)
    triggers = [r[0] for r in fc.store.db.execute("select name from sqlite_master where type = 'trigger' order by name")]
    assert triggers == ["corpus_version_delete", "corpus_version_insert", "corpus_version_update"]
    fc.ingest([corpus(tmp_path, {"c.txt": SIGNED_700})])  # claims are written with no trigger left to fail
    fc.reconcile()
    assert {c["source_id"] for c in fc.store.claims()} == {"a", "b", "c"}


@pytest.mark.parametrize(
    "first, second",
    [
        ("Microsoft invested $10 billion in OpenAI last year.", "OpenAI invested $20 billion in Microsoft last year."),
        # names no alias file lists, found by their cue and by their rarity
        ("استثمرت شركة نوران 10 مليارات دولار في سالكو العام الماضي.", "استثمرت سالكو عشرين مليار دولار في شركة نوران العام الماضي."),
        # names the corpus's own alias file lists (aliases.toml in the sources folder)
        ("استثمرت مايكروسوفت 10 مليارات دولار في OpenAI العام الماضي.", "استثمرت OpenAI عشرين مليار دولار في مايكروسوفت العام الماضي."),
    ],
)
def test_direction_matters(tmp_path, first, second):
    cast = {"aliases.toml": '[[entity]]\ncanonical = "Microsoft"\ntype = "organisation"\naliases = ["مايكروسوفت"]\n'}
    _, report = reconciled(tmp_path, {"a.txt": "Deal\n\n" + first + "\n", "b.txt": "Deal\n\n" + second + "\n", **cast})
    assert report["discrepancies"] == []
    # the same direction with another figure is a real conflict
    _, same_direction = reconciled(tmp_path / "same", {"a.txt": "Deal\n\n" + first + "\n", "b.txt": "Deal\n\n" + first.replace("10", "20") + "\n", **cast})
    assert [d["kind"] for d in same_direction["discrepancies"]] == ["conflict"]


def test_an_odd_figure_is_reported_once_not_against_every_agreeing_source(tmp_path):
    files = {f"s{i}.txt": SIGNED_500 for i in range(5)}
    files["odd.txt"] = SIGNED_120
    _, report = reconciled(tmp_path, files)
    assert len(report["discrepancies"]) == 1
    (d,) = report["discrepancies"]
    assert {c["quote"] for c in d["claims"]} == {"More than 500", "120"}
    cluster = next(c for c in report["clusters"] if c["id"] == d["cluster_id"])
    assert len(cluster["sources"]) == 6  # the cluster still shows what every source says


def test_a_figure_is_superseded_by_the_next_report_only():
    from factcheck.reconcile.judge import Judgement
    from factcheck.reconcile.reconciler import next_supersession

    def claim(cid, value, published):
        return {"id": cid, "kind": "quantity", "unit": "count", "low": value, "high": value, "qualifier": "exact", "published": published}

    feb10, feb12, feb20 = claim("a", 38, "2026-02-10"), claim("b", 52, "2026-02-12"), claim("c", 71, "2026-02-20")
    sup = Judgement("supersession", "medium", 0.7, "")
    judged = [(feb10, feb12, None, sup), (feb10, feb20, None, sup), (feb20, feb12, None, sup)]
    one_cluster = {"a": "c_1", "b": "c_1", "c": "c_1"}
    kept = [(a["id"], b["id"]) for a, b, _, j in next_supersession(judged, one_cluster)]
    assert kept == [("a", "b"), ("c", "b")]  # 38 -> 71 goes through 52
    unchained = [(feb10, feb12, None, sup), (feb10, feb20, None, sup)]  # 52 -> 71 not aligned
    assert len(next_supersession(unchained, one_cluster)) == 2
    # the same figures on the same days in another cluster count something else: no chain
    other = {"a": "c_1", "b": "c_2", "c": "c_1"}
    elsewhere = [(feb10, feb20, None, sup), (claim("x", 38, "2026-02-10"), claim("y", 52, "2026-02-12"), None, sup),
                 (claim("z", 71, "2026-02-20"), feb12, None, sup)]  # fmt: skip
    assert len(next_supersession(elsewhere, other | {"x": "c_2", "y": "c_2", "z": "c_2"})) == 3


def test_two_claims_at_one_offset_are_ordered_by_id():
    from factcheck.reconcile.judge import Judgement
    from factcheck.reconcile.reconciler import _discrepancy

    def claim(cid):
        return {"id": cid, "source_id": "s1", "char_start": 10, "text": "700 of 770 signed.", "quote": "700", "kind": "quantity",
                "value": 700, "low": 700, "high": 700, "qualifier": "exact", "unit": "count", "noun": None}  # fmt: skip

    judgement = Judgement("conflict", "high", 0.9, "the two figures cannot both be true")
    one = _discrepancy(claim("q_b"), claim("q_a"), Alignment(0.9, 0, 0, 1), judgement, "c_1")
    two = _discrepancy(claim("q_a"), claim("q_b"), Alignment(0.9, 0, 0, 1), judgement, "c_1")
    assert one == two and (one["claim_a"], one["claim_b"]) == ("q_a", "q_b")


def test_two_companies_with_one_key_are_one_and_two_keys_are_two():
    # «نوران» and «Nouran» are one actor; «سالكو» and «ديمار» are two
    from factcheck.reconcile.slots import names_meet

    assert names_meet(["نوران"], ["Nouran"]) and names_meet(["Nouran Holdings"], ["شركة", "نوران"])
    assert not names_meet(["سالكو"], ["ديمار"]) and not names_meet(["سالكو", "Salco"], ["ديمار", "Dimar"])


def test_sentences_naming_different_actors_are_different_slots(tmp_path):
    first = "Deal\n\nاستثمرت شركة نوران 40 مليون دولار في سالكو العام الماضي.\n"
    _, report = reconciled(tmp_path, {"a.txt": first, "b.txt": "Deal\n\nاستثمرت شركة ديمار 90 مليون دولار في شركة كيستريل العام الماضي.\n"})
    assert report["discrepancies"] == []
    _, report = reconciled(tmp_path / "same", {"a.txt": first, "b.txt": first.replace("40", "90")})
    assert [d["kind"] for d in report["discrepancies"]] == ["conflict"]


def test_figures_bound_to_different_names_are_different_slots(tmp_path):
    # the investor is the same, the company invested in is not: two investments
    first = "Deals\n\nRidex Pharma has put $395 million into Dimak Logistics, a filing shows.\n"
    other_target = "Deals\n\nRidex Pharma has put $160 million into Shamar Contracting, a filing shows.\n"
    _, report = reconciled(tmp_path, {"a.txt": first, "b.txt": other_target})
    assert report["discrepancies"] == []
    _, report = reconciled(tmp_path / "ar", {"a.txt": "صفقات\n\nاستثمرت شركة نوران 40 مليون دولار في شركة سالكو العام الماضي.\n",
                                             "b.txt": "صفقات\n\nاستثمرت شركة نوران 900 مليون دولار في شركة ديمار العام الماضي.\n"})
    assert report["discrepancies"] == []
    _, report = reconciled(tmp_path / "same", {"a.txt": first, "b.txt": first.replace("395", "160")})
    assert [d["kind"] for d in report["discrepancies"]] == ["conflict"]


def test_a_name_further_on_does_not_bind_the_figure(tmp_path):
    # Altman is what the letter asks for, seven words on: not whose employees signed
    demand = "Revolt\n\nMore than 500 employees of Acme signed a letter that called for the return of Altman.\n"
    _, report = reconciled(tmp_path, {"a.txt": demand, "b.txt": SIGNED_120})
    assert [d["kind"] for d in report["discrepancies"]] == ["conflict"]


def test_a_cluster_never_holds_a_part_and_its_whole():
    from factcheck.reconcile.reconciler import coherent_clusters
    from factcheck.reconcile.slots import Alignment

    def c(cid, role):
        return {"id": cid, "frame": {"role": role}}

    signed, plain, staff, other = c("q_1", "part"), c("q_2", ""), c("q_3", "whole"), c("q_4", "")
    pairs = [(plain, staff, Alignment(0.5, 0, 0, 1)), (signed, plain, Alignment(0.9, 0, 0, 1)), (staff, other, Alignment(0.7, 0, 0, 1))]
    kept = coherent_clusters(pairs)
    # the strongest pair puts the plain figure with the signers; the headcount stays apart
    assert [(a["id"], b["id"]) for a, b, _ in kept] == [("q_1", "q_2"), ("q_3", "q_4")]


@pytest.mark.parametrize(
    ("left", "right", "chained"),
    [
        (["Noran"], ["Salco"], False),  # two companies: the unnamed figure joins the stronger side only
        (["Noran"], ["نوران"], True),  # one company in two scripts
        (["Noran", "Salco"], ["Salco"], True),  # a deal between two and one of them
        (["Noran"], [], True),  # nothing named on one side: nothing tells them apart
    ],
)
def test_a_cluster_never_chains_parties_that_are_not_one(left, right, chained):
    from factcheck.reconcile.reconciler import coherent_clusters
    from factcheck.reconcile.slots import Alignment

    def c(cid, actors):
        return {"id": cid, "actors": actors, "frame": {}}

    a, unnamed, b = c("q_1", left), c("q_2", []), c("q_3", right)
    kept = coherent_clusters([(a, unnamed, Alignment(0.9, 0, 0, 1)), (unnamed, b, Alignment(0.6, 0, 0, 1))])
    assert [(x["id"], y["id"]) for x, y, _ in kept] == ([("q_1", "q_2"), ("q_2", "q_3")] if chained else [("q_1", "q_2")])


@pytest.mark.parametrize(
    ("left", "right", "followed"),
    [
        (["Noran"], ["Salco"], [("q_1", "q_2")]),  # two companies: the unnamed figure follows the stronger
        (["Noran"], ["نوران"], [("q_1", "q_2"), ("q_2", "q_3")]),  # one company in two scripts
        (["Noran", "Salco"], ["Salco"], [("q_1", "q_2"), ("q_2", "q_3")]),  # a deal between two and one of them
        (["Noran"], [], [("q_1", "q_2"), ("q_2", "q_3")]),  # nothing named on one side: nothing tells them apart
    ],
)
def test_a_figure_naming_no_party_follows_its_best_named_partner(left, right, followed):
    from factcheck.reconcile.reconciler import joining, unnamed_follow_their_party
    from factcheck.reconcile.slots import Alignment

    def c(cid, actors, sentence):
        return {"id": cid, "actors": actors, "frame": {}, "kind": "quantity", "sentence_id": sentence, "low": 1, "high": 1}

    a, unnamed, b = c("q_1", left, "s1:0"), c("q_2", [], "s2:0"), c("q_3", right, "s3:0")
    pairs = [(a, unnamed, Alignment(0.9, 0, 0, 1)), (unnamed, b, Alignment(0.6, 0, 0, 1))]
    kept = unnamed_follow_their_party(pairs)
    assert [(x["id"], y["id"]) for x, y, _ in kept] == followed
    # joining keeps what it kept: an incremental run may apply it again to a part
    assert joining(joining(pairs)) == joining(pairs)
    # the stronger side decides, whichever it is
    swapped = [(a, unnamed, Alignment(0.5, 0, 0, 1)), (unnamed, b, Alignment(0.6, 0, 0, 1))]
    expect = [("q_2", "q_3")] if len(followed) == 1 else followed
    assert [(x["id"], y["id"]) for x, y, _ in unnamed_follow_their_party(swapped)] == expect


def test_an_approximate_claim_index_past_its_size_gives_the_exact_report_on_a_small_corpus(tmp_path, monkeypatch):
    """Past the threshold the claim index is an inverted file, saved with its training and
    reopened by the next run; on a corpus this small it probes every list, so the report is
    the exact index's."""
    from factcheck.index import vector_index

    files = {"a.txt": SIGNED_500, "b.txt": SIGNED_120, "c.txt": SIGNED_700}
    exact, expected = reconciled(tmp_path / "exact", files)
    assert exact.claim_index_recall()["kind"] == "flat"
    monkeypatch.setattr(vector_index, "APPROXIMATE_FROM", 2)
    fc, report = reconciled(tmp_path / "approximate", files)
    manifest = json.loads((tmp_path / "approximate" / "claims.db.faiss" / "claims.faiss.json").read_text())
    assert manifest["kind"] == "ivf" and manifest["training"]["lists"] == 1
    assert report["discrepancies"] == expected["discrepancies"]
    measured = fc.claim_index_recall()
    assert (measured["kind"], measured["k"], measured["recall"]) == ("ivf", fc.thresholds.neighbours + 1, 1.0)
    assert measured["queries"] == measured["vectors"] == len(fc.store.claims())
    assert fc.reconcile(full=True).discrepancies == len(expected["discrepancies"])


def test_a_source_repeating_a_sentence_word_for_word_gives_each_finding_one_id(tmp_path):
    """The id of a discrepancy names its two sentences and quotes: pairs drawn from
    sentences a source repeats word for word share it, and are stored once."""
    from factcheck.workspace import Factcheck

    folder = tmp_path / "src"
    folder.mkdir()
    clause = "The court ordered Sam Altman to be held in custody and police detained the plant manager and Kovar said he would not resign and"
    (folder / "a.txt").write_text(" ".join([clause] * 1500) + ".", encoding="utf-8")
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    ids = [d["id"] for d in fc.report()["discrepancies"]]
    assert ids and len(ids) == len(set(ids))
