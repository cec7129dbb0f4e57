"""A run that fails at any step leaves the database as it was, or in a state the next run
completes to the result the run would have had without the failure."""

import shutil

import pytest
from typer.testing import CliRunner

from cli_processes import CORPORA, ROOT

from factcheck.cli import app
from factcheck.store.database import Store

runner = CliRunner()
TABLES = ("sources", "sentences", "claims", "quantities", "dates", "entities", "alignments", "clusters", "cluster_claims", "discrepancies", "settings",
          "claim_keys", "claim_actors", "cluster_pairs", "claims_to_rederive", "sources_to_rederive", "source_relations")


class Injected(RuntimeError):
    pass


def _run(db, sources, out):
    # sources read in this process (FACTCHECK_WORKERS=1), where the failures are planted,
    # however many the corpora hold
    return runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", "run", str(sources), "-o", str(out)], env={"FACTCHECK_WORKERS": "1"})


def _state(db) -> dict:
    store = Store(db)
    try:
        return {t: sorted(map(repr, store.db.query(f"select * from [{t}]"))) for t in TABLES}
    finally:
        store.close()


def _copy_db(source, target) -> None:
    store = Store(source)
    store.db.execute("VACUUM INTO ?", [str(target)])
    store.close()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A database holding an older state of a folder, the folder's new state (files added,
    one changed, one deleted, so every step of a run has work to do), and the report an
    uninterrupted run from that older state writes."""
    tmp = tmp_path_factory.mktemp("scene")
    sources = tmp / "sources"
    sources.mkdir()
    for path in sorted([*CORPORA.glob("*/*.txt"), *CORPORA.glob("*/*.meta.toml"), *(ROOT / "sources").glob("*.txt")]):
        shutil.copy(path, sources / path.name)
    names = sorted(p.name for p in sources.glob("*.txt"))
    before = tmp / "before"
    before.mkdir()
    for name in names[: len(names) // 2]:
        shutil.copy(sources / name, before / name)
        meta = sources / name.replace(".txt", ".meta.toml")
        if meta.exists():
            shutil.copy(meta, before / meta.name)
    (before / "zz_gone.txt").write_text("Gone\n\nThe agency said 40 people were hurt on 3 May 2021.\n", encoding="utf-8")
    changed = sources / names[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLater reports put the figure at 9,999 people.\n", encoding="utf-8")
    db = tmp / "before.db"
    assert _run(db, before, tmp / "r0").exit_code == 0
    _copy_db(db, tmp / "uninterrupted.db")
    assert _run(tmp / "uninterrupted.db", sources, tmp / "expected").exit_code == 0
    return db, sources, (tmp / "expected" / "report.json").read_bytes()


@pytest.fixture
def scene(prepared, tmp_path):
    before_db, sources, expected = prepared
    db = tmp_path / "claims.db"
    _copy_db(before_db, db)
    return db, sources, expected


def _fail_on_call(monkeypatch, target: str, nth: int):
    module_path, _, attr = target.rpartition(".")
    owner_path, _, cls = module_path.rpartition(".")
    import importlib

    try:
        owner = importlib.import_module(module_path)
        name = attr
    except ModuleNotFoundError:
        owner = getattr(importlib.import_module(owner_path), cls)
        name = attr
    original = getattr(owner, name)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == nth:
            raise Injected(f"injected failure in {target}")
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    return calls


# (where the failure happens, on which call, whether the database must be exactly as before)
STEPS = [
    ("factcheck.engines.base.analyse", 3, True),  # reading the sources, before any write
    ("factcheck.store.database.Store.replace_source", 4, True),  # in the middle of storing them
    ("factcheck.store.database.Store.remove_source", 1, True),  # forgetting a deleted file
    ("factcheck.store.database.Store.save_embeddings", 1, False),  # sources stored, vectors not
    ("factcheck.store.database.Store.save_alignments", 1, False),
    ("factcheck.workspace.rederive", 1, False),  # an incremental run, before it derives
    ("factcheck.store.database.Store.replace_relation", 1, False),  # clusters replaced, relations not
    ("factcheck.store.database.Store.insert_components", 2, False),  # pairs stored, discrepancies not
    ("factcheck.index.vector_index.VectorIndex.save", 1, False),
    ("factcheck.workspace._write_atomic", 2, False),  # one report written, the next not
]


@pytest.mark.parametrize("target,nth,untouched", STEPS, ids=[f"{t.rsplit('.', 1)[-1]}#{n}" for t, n, _ in STEPS])
def test_a_failed_run_is_completed_by_the_next(scene, tmp_path, monkeypatch, target, nth, untouched):
    db, sources, expected = scene
    before = _state(db)
    with monkeypatch.context() as patch:
        calls = _fail_on_call(patch, target, nth)
        failed = _run(db, sources, tmp_path / "out")
    assert calls["n"] >= nth, f"{target} was not reached"
    assert failed.exit_code == 2
    assert failed.output.strip().splitlines()[-1].startswith("error: internal error: Injected: injected failure")
    if untouched:
        assert _state(db) == before
    again = _run(db, sources, tmp_path / "out")
    assert again.exit_code == 0, again.output
    assert (tmp_path / "out" / "report.json").read_bytes() == expected
