"""An incremental reconcile gives, byte for byte, the report a full run gives, while deriving
only what the new, changed or removed sources reach."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.reports import render
from factcheck.workspace import Factcheck

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from benchmark_scripts import load  # noqa: E402

synthetic = load("synthetic")


def full_report(folder: Path, db: Path, thresholds: Path | None = None) -> str:
    fc = Factcheck(db_path=db, model="hashing", thresholds_file=thresholds)
    fc.ingest([folder], prune=True)
    fc.reconcile(full=True)
    return render(fc.report(), "json")


def step(fc: Factcheck, folder: Path, tmp_path: Path, name: str):
    """Bring ``fc`` up to date incrementally; return its result and both reports."""
    fc.ingest([folder], prune=True)
    result = fc.reconcile()
    incremental = render(fc.report(), "json")
    return result, incremental, full_report(folder, tmp_path / f"full-{name}.db", fc._thresholds_file)


def joining_rows(db) -> list[tuple]:
    return [tuple(r.values()) for r in db.query("select claim_a, claim_b, joins from alignments order by claim_a, claim_b")]


def clusters(report_json: str) -> list[frozenset]:
    import json

    return [frozenset(c["claim_ids"]) for c in json.loads(report_json)["clusters"]]


def events(before: list[frozenset], after: list[frozenset]) -> set[str]:
    """What happened to the clusters: a claim joined one, two merged, one split."""
    found = set()
    for new in after:
        olds = [old for old in before if old & new]
        if len(olds) >= 2:
            found.add("merge")
        if len(olds) == 1 and olds[0] < new:
            found.add("join")
    for old in before:
        if sum(1 for new in after if old & new) >= 2:
            found.add("split")
    return found


def test_incremental_equals_full_through_additions_changes_and_removals(tmp_path):
    corpus = synthetic.generate(70, seed=6)
    everything = tmp_path / "all"
    everything.mkdir()
    synthetic.write_corpus(corpus, everything)
    folder = tmp_path / "src"
    folder.mkdir()

    def copy(ids):
        for sid in ids:
            for f in everything.glob(f"{sid}.*"):
                shutil.copy(f, folder / f.name)

    def remove(ids):
        for sid in ids:
            for f in folder.glob(f"{sid}.*"):
                f.unlink()

    def change(pairs):
        for sid, other in pairs:
            (folder / f"{sid}.txt").write_text((everything / f"{other}.txt").read_text(encoding="utf-8"), encoding="utf-8")

    ids = sorted(corpus.items)
    copy(ids[:45])
    # more neighbours than claims: every claim's candidates are all found from either side
    # (docs/performance.md: with fewer, an old claim whose nearest would now include a new
    # one is not asked again, and a full run may align one pair more)
    wide = tmp_path / "thresholds.toml"
    wide.write_text("neighbours = 500\n", encoding="utf-8")
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing", thresholds_file=wide)
    fc.ingest([folder])
    fc.reconcile()
    previous = clusters(render(fc.report(), "json"))
    seen: set[str] = set()
    plan = [
        ("add", lambda: copy(ids[45:50])),
        ("merge", lambda: copy(ids[50:55])),  # a new claim aligns with two clusters
        ("split", lambda: remove(ids[50:55])),  # and its removal parts them again
        ("change", lambda: change([("00003", "00061"), ("00011", "00062"), ("00020", "00063")])),
        ("remove", lambda: remove(["00001", "00002", "00005", "00007", "00041", "00042"])),
        ("add more", lambda: copy(ids[50:70])),
        ("remove more", lambda: remove(ids[10:25])),
    ]
    for name, edit in plan:
        edit()
        result, incremental, full = step(fc, folder, tmp_path, name.replace(" ", "-"))
        assert incremental == full, name
        now = clusters(incremental)
        seen |= events(previous, now)
        previous = now
        assert result.derived < result.claims  # the run derived the components it reached, not the corpus
    assert {"join", "merge", "split"} <= seen


SIGNED_500 = "Staff revolt\n\nMore than 500 employees of Acme signed the letter to the board on Monday.\n"
SIGNED_120 = "Letter\n\nOnly 120 employees of Acme signed the letter to the board.\n"
SIGNED_700 = "Letter grows\n\nBy Tuesday, 700 of 770 employees of Acme had signed the letter to the board.\n"
ORIGINAL = (
    "Acme news\n\nMore than 500 employees of Acme signed the letter to the board.\n"
    "Acme invested $10 million in the new lab in 2021.\n"
    "The board of Acme met for 12 hours before the vote.\n"
)
ZENITH_120 = "Zenith letter\n\nSome 120 employees of Zenith signed the letter to the board on Monday.\n"
UNNAMED_300 = "Staff letter\n\nMore than 300 employees signed the letter to the board on Monday.\n"
UNRELATED = "Weather\n\nThe storm in Dunmore killed 14 people and left 3,000 homes without power on Friday.\n"


def write(folder: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        if text is None:
            (folder / name).unlink()
        else:
            (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "steps",
    [
        # a new copy of an existing source: their discrepancies become related_sources
        [{"a.txt": ORIGINAL, "c.txt": SIGNED_120, "u.txt": UNRELATED}, {"b.txt": ORIGINAL.replace("Acme news", "Wire copy").replace("12 hours", "14 hours")},
         {"b.txt": None}],
        # a declared translation arrives, then its original goes
        [{"a.txt": SIGNED_500, "c.txt": SIGNED_120}, {"t.txt": SIGNED_700, "t.meta.toml": 'translation_of = "a"\n'}, {"a.txt": None}],
        # «شالان» meets "Sulan" by an open spelling until "Shalan" anchors it
        [{"a.txt": "خبر\n\nوقّع 1700 من موظفي شالان على رسالة إلى مجلس الإدارة.\n", "b.txt": "Letter\n\nSome 1,300 employees of Sulan signed a letter to the board.\n"},
         {"c.txt": "Letter\n\nSome 1,700 employees of Shalan signed a letter to the board.\n"}, {"c.txt": None}],
        # a changed source whose claim bridged two others
        [{"a.txt": SIGNED_500, "b.txt": SIGNED_120, "c.txt": SIGNED_700}, {"b.txt": UNRELATED}, {"b.txt": SIGNED_120}],
        # a figure naming no company follows its best named partner: Acme's, then Zenith's
        # when Acme's source goes, then Acme's again, and a second such figure follows it
        [{"a.txt": SIGNED_500, "z.txt": ZENITH_120, "u.txt": UNNAMED_300}, {"a.txt": None}, {"a.txt": SIGNED_500},
         {"v.txt": UNNAMED_300.replace("300", "310").replace("Staff letter", "Letter")}, {"z.txt": None}],
    ],
    ids=["copy", "declared-translation", "re-anchored-name", "bridge", "unnamed-follows"],
)
def test_incremental_equals_full_on_relations_anchors_and_bridges(tmp_path, steps):
    folder = tmp_path / "src"
    folder.mkdir()
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    for i, files in enumerate(steps):
        write(folder, files)
        _, incremental, full = step(fc, folder, tmp_path, str(i))
        assert incremental == full, i
        assert joining_rows(fc.store.db) == joining_rows(Factcheck(db_path=tmp_path / f"full-{i}.db", model="hashing").store.db), i


def test_a_copy_flips_related_sources_on_an_old_discrepancy(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    write(folder, {"a.txt": ORIGINAL, "c.txt": SIGNED_120, "u.txt": UNRELATED})
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    write(folder, {"b.txt": ORIGINAL.replace("Acme news", "Wire copy").replace("12 hours", "14 hours")})
    fc.ingest([folder])
    result = fc.reconcile()
    report = fc.report()
    assert {s["id"]: [r["source_id"] for r in s["related"]] for s in report["sources"]}["b"] == ["a"]
    hours = next(d for d in report["discrepancies"] if {c["quote"] for c in d["claims"]} == {"12 hours", "14 hours"})
    assert hours["related_sources"]
    assert result.derived < result.claims  # u's claims were not derived again


def written_corpus(tmp_path: Path, sources: int, seed: int):
    """A synthetic corpus written to a folder and ingested: (corpus, folder, workspace)."""
    corpus = synthetic.generate(sources, seed=seed)
    folder = tmp_path / "src"
    folder.mkdir()
    synthetic.write_corpus(corpus, folder)
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    fc.ingest([folder])
    return corpus, folder, fc


def test_an_incremental_run_derives_only_what_the_new_source_reaches(tmp_path):
    corpus, folder, fc = written_corpus(tmp_path, 80, seed=9)
    first = fc.reconcile()
    assert first.derived == first.claims
    synthetic.write_source(synthetic.new_source(corpus), folder)
    fc.ingest([folder])
    step = fc.reconcile()
    new = len(fc.store.claims(source_id=synthetic.NEW_SOURCE_ID))
    assert step.searched == new
    # the components the new claims reached: a few clusters' worth, not the corpus
    assert new <= step.derived < step.claims / 4
    assert fc.reconcile().derived == 0  # nothing pending: nothing derived


@pytest.mark.parametrize("fail_on", ["low", "medium", "high"])
def test_check_lists_the_report_records_of_its_findings(tmp_path, fail_on):
    from factcheck.reconcile.judge import severity_at_least
    from factcheck.reports.presentation import worst_first

    folder = tmp_path / "src"
    folder.mkdir()
    write(folder, {"a.txt": ORIGINAL, "c.txt": SIGNED_120, "d.txt": SIGNED_700})
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    fc.check(folder)
    write(folder, {"b.txt": ORIGINAL.replace("Acme news", "Wire copy").replace("12 hours", "14 hours")})
    result = fc.check(folder, fail_on=fail_on)
    found = [{k: v for k, v in d.items() if k not in ("new", "locations")} for d in result.new]
    report = fc.report()["discrepancies"]
    # the same records, worst first (the report keeps each cluster's items together instead)
    assert found == sorted((d for d in report if d["status"] == "open" and severity_at_least(d["severity"], fail_on)), key=worst_first)
    assert len(result.new) + result.below + result.known == len(report) > 0
    assert all(d["new"] == [c["source_id"] == "b" for c in d["claims"]] for d in result.new)


def test_an_incremental_run_that_enters_a_size_tier_builds_the_index_a_full_run_builds(tmp_path, monkeypatch):
    from factcheck.index import ivf, vector_index

    monkeypatch.setattr(vector_index, "APPROXIMATE_FROM", 120)
    monkeypatch.setattr(ivf, "LIST_SIZE", 16)
    corpus = synthetic.generate(40, seed=5)
    everything, folder = tmp_path / "all", tmp_path / "src"
    everything.mkdir()
    folder.mkdir()
    synthetic.write_corpus(corpus, everything)
    ids = sorted(corpus.items)
    for sid in ids[:15]:
        shutil.copy(everything / f"{sid}.txt", folder / f"{sid}.txt")
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    assert fc.claim_index_recall(queries=5)["kind"] == "flat"
    for sid in ids[15:]:
        shutil.copy(everything / f"{sid}.txt", folder / f"{sid}.txt")
    fc.ingest([folder])
    assert fc.reconcile().searched < fc.store.claim_count()  # incremental
    incremental = (tmp_path / "inc.db.faiss" / "claims.faiss").read_bytes()
    full = Factcheck(db_path=tmp_path / "full.db", model="hashing")
    full.ingest([folder])
    full.reconcile(full=True)
    assert full.claim_index_recall(queries=5)["kind"] == "ivf"
    assert incremental == (tmp_path / "full.db.faiss" / "claims.faiss").read_bytes()


def test_a_figure_naming_no_party_is_decided_again_when_its_partner_prefers_another(tmp_path):
    """A pair can change without touching the claims of its rows: «300» names no party and
    follows Acme's figure while Acme's figure prefers it among the figures of its sentence;
    once Acme's figure prefers the sentence's other figure, «300» follows Zenith's instead.
    An incremental run decides «300»'s pairs again though only Acme's and «20»'s rows changed."""
    from factcheck.claims.name_keys import NameAnchors
    from factcheck.reconcile.incremental import rederive
    from factcheck.reconcile.reconciler import joining
    from factcheck.reconcile.slots import Alignment, annotate

    folder = tmp_path / "src"
    folder.mkdir()
    write(folder, {
        "a.txt": SIGNED_500,
        "z.txt": ZENITH_120,
        "u.txt": "Staff letter\n\nMore than 300 employees signed the letter to the board on Monday, and 20 employees signed it on Tuesday.\n",
    })  # fmt: skip
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    store = fc.store
    quote = {c["quote"]: c["id"] for c in store.claims() if c["kind"] == "quantity"}
    acme, zenith, u, w = quote["More than 500"], quote["Some 120"], quote["More than 300"], quote["20"]

    def joins() -> dict[tuple[str, str], int]:
        return {(r["claim_a"], r["claim_b"]): r["joins"] for r in store.alignments()}

    def expected() -> dict[tuple[str, str], int]:
        claims = store.claims()
        annotate(claims)
        by_id = {c["id"]: c for c in claims}
        rows = store.alignments()
        aligned = [(by_id[r["claim_a"]], by_id[r["claim_b"]], Alignment(r["score"], r["context_cosine"], r["sentence_cosine"], r["shared_words"])) for r in rows]
        kept = {(a["id"], b["id"]) for a, b, _ in joining(aligned)}
        return {(r["claim_a"], r["claim_b"]): int((r["claim_a"], r["claim_b"]) in kept) for r in rows}

    u_zenith = tuple(sorted((u, zenith)))
    assert joins() == expected() and joins()[u_zenith] == 0  # «300» follows Acme
    # Acme's figure now aligns best with «20»: only the rows of those two change
    store.db.execute("update alignments set score = 0.999 where claim_a = ? and claim_b = ?", sorted((acme, w)))
    with store.db.atomic():
        rederive(store, {acme, w}, [], [], NameAnchors(store.actor_names()), fc.thresholds)
    assert joins()[u_zenith] == 1  # «300» follows Zenith now
    assert joins() == expected()


def test_a_new_claim_of_a_large_block_is_compared_with_the_lists_its_stored_centroids_give(tmp_path, monkeypatch):
    """A full run stores how it filed each large block's members; a check files a new claim
    in its nearest list and scans the lists an inverted file over those centroids would
    scan, reading only their members: the same pairs as that inverted file holding every
    member finds."""
    from factcheck.index import ivf
    from factcheck.reconcile import blocking
    from factcheck.reconcile.incremental import candidates, key_rows, key_text
    from factcheck.reconcile.reconciler import claim_vector
    from factcheck.workspace import VectorCache

    monkeypatch.setattr(blocking, "BLOCK_ALL", 4)
    monkeypatch.setattr(blocking, "BLOCK_EXACT", 30)
    monkeypatch.setattr(ivf, "LIST_SIZE", 8)
    monkeypatch.setattr(ivf, "NPROBE", 2)  # a few of each block's lists
    corpus, folder, fc = written_corpus(tmp_path, 120, seed=11)
    fc.reconcile(full=True)
    store, model = fc.store, fc.embedder.model_id
    large = [r["key"] for r in store.db.query("select key from block_lists order by key")]
    assert large and all(store.key_size(k) == (store.key_size(k)[0], 0) for k in large)  # every member filed
    assert all(store.key_size(k)[0] > 30 for k in large)

    synthetic.write_source(synthetic.new_source(corpus), folder)
    fc.ingest([folder])
    pending = fc.store.claims(source_id=synthetic.NEW_SOURCE_ID)
    store.replace_claim_keys([c["id"] for c in pending], *key_rows(pending))  # as a reconcile does first
    vectors = VectorCache(store, model)
    read_whole = []
    whole = store.key_members
    monkeypatch.setattr(store, "key_members", lambda key, lists=None: (read_whole.append(key) if lists is None else None) or whole(key, lists))
    th = fc.thresholds
    found = candidates(store, pending, fc.claim_index(store.claims(), vectors), vectors, th, model)
    mine = {k: [c for c in pending if k in {key_text(x) for x in blocking.frame_keys(c, bound_only=True)}] for k in large}
    touched = [k for k in large if mine[k]]
    assert touched and not set(touched) & set(read_whole)  # only the scanned lists were read
    for key in touched:
        centroids, _ = store.block_centroids(key, model)
        members = sorted(whole(key), key=lambda m: m["id"])
        assert all(m["list"] is not None for m in members)  # the new claims are filed too
        index = ivf.ivf_index(centroids)
        index.add(np.vstack([claim_vector(m, vectors) for m in members]))
        k = min(th.neighbours + 1, len(members))
        scores, nearest = index.search(np.vstack([claim_vector(c, vectors) for c in mine[key]]), k)
        # (members tied with the k-th may be taken in either order: both searches keep k)
        expected = {
            tuple(sorted((c["id"], members[y]["id"])))
            for c, row, score in zip(mine[key], nearest, scores) for y, s in zip(row, score)
            if y >= 0 and s > score[-1] + 1e-6 and members[y]["sentence_id"] != c["sentence_id"]
        }  # fmt: skip
        assert expected and expected <= found

    # centroids of another width (a damaged row) are not used: the block is trained again
    key = touched[0]
    store.db.execute("update block_lists set dim = 4, centroids = ? where key = ?", [np.zeros((3, 4), dtype=np.float32).tobytes(), key])
    read_whole.clear()
    candidates(store, pending, fc.claim_index(store.claims(), vectors), vectors, th, model)
    assert key in read_whole and store.block_centroids(key, model)[0].shape[1] == vectors[pending[0]["context_hash"]].shape[0]

    # without stored centroids the block is trained again, as a full run trains it, and stored
    store.db.execute("delete from block_lists")
    store.db.execute("update claim_keys set list = null")
    read_whole.clear()
    candidates(store, pending, fc.claim_index(store.claims(), vectors), vectors, th, model)
    assert set(touched) <= set(read_whole)
    assert {r["key"] for r in store.db.query("select key from block_lists")} >= set(touched)


def test_the_stored_anchors_serve_while_the_corpus_names_the_same_names(tmp_path, monkeypatch):
    import factcheck.workspace as workspace

    built = []
    real = workspace.NameAnchors

    class Counting(real):
        def __init__(self, names):
            names = list(names)
            built.append(len(names))
            super().__init__(names)

    monkeypatch.setattr(workspace, "NameAnchors", Counting)
    folder = tmp_path / "src"
    folder.mkdir()
    fc = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    arabic = "خبر\n\nوقّع 1700 من موظفي شالان على رسالة إلى مجلس الإدارة.\n"
    plan = [
        ({"a.txt": arabic, "b.txt": "Letter\n\nSome 1,300 employees of Sulan signed a letter to the board.\n"}, None),  # a first, full run
        ({"c.txt": SIGNED_500.replace("Acme", "Sulan")}, False),  # names only what the corpus names
        ({"d.txt": "Letter\n\nSome 1,700 employees of Shalan signed a letter to the board.\n"}, True),  # a new name
        ({"c.txt": None}, False),  # Sulan is still named by b
        ({"d.txt": None}, True),  # Shalan is named no more
    ]
    for i, (files, rebuilt) in enumerate(plan):
        write(folder, files)
        built.clear()
        _, incremental, full = step(fc, folder, tmp_path, str(i))
        assert incremental == full, i
        assert rebuilt is None or bool(built) == rebuilt, i
        assert fc.store.get_setting("name_anchors") == Factcheck(db_path=tmp_path / f"full-{i}.db", model="hashing").store.get_setting("name_anchors"), i
