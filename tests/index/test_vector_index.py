import hashlib
import json
import logging
import os

import numpy as np
import pytest

from factcheck.embeddings.base import normalise
from factcheck.index.vector_index import VectorIndex, faiss_id


def vecs(n, dim=8, seed=0):
    return normalise(np.random.default_rng(seed).normal(size=(n, dim)))


def test_search_finds_itself_first():
    index = VectorIndex(8, "m")
    v = vecs(5)
    index.add(range(10, 15), v)
    scores, ids = index.search(v, 2)
    assert ids[:, 0].tolist() == [10, 11, 12, 13, 14]
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)


def test_sync_adds_and_removes():
    index = VectorIndex(8, "m")
    v = vecs(4)
    index.add([1, 2, 3], v[:3])
    added, removed = index.sync({2, 3, 4}, lambda ids: v[[i - 1 for i in ids]])
    assert (added, removed) == (1, 1)
    assert index.ids() == {2, 3, 4}


def test_save_and_reopen(tmp_path):
    path = tmp_path / "c.faiss"
    index = VectorIndex(8, "model-a", path)
    index.add([7, 8], vecs(2))
    index.save()
    again = VectorIndex.open(path, 8, "model-a")
    assert again.ids() == {7, 8}
    # another model's index is not reused
    assert VectorIndex.open(path, 8, "model-b").count == 0
    # a damaged file is treated as absent and rebuilt
    path.write_bytes(b"garbage")
    assert VectorIndex.open(path, 8, "model-a").count == 0


def test_empty_index_search():
    scores, ids = VectorIndex(8, "m").search(vecs(2), 3)
    assert ids.shape == (2, 0)


def test_faiss_id_is_stable_and_positive():
    assert faiss_id("f" * 16) == int("f" * 15, 16) > 0
    assert faiss_id("0123456789abcdef") == faiss_id("0123456789abcdef")


@pytest.mark.parametrize("text", ["", "a"])
def test_normalise_handles_zero_rows(text):
    out = normalise(np.zeros((1, 4)))
    assert np.all(out == 0)


# -- the cache's integrity: a damaged index is rebuilt, never searched ------------------------


def _saved(tmp_path, n=20, dim=8):
    path = tmp_path / "cache" / "c.faiss"
    index = VectorIndex(dim, "model-a", path)
    index.add(range(100, 100 + n), vecs(n, dim))
    index.save()
    return path


def _garbage_same_size(path):
    path.write_bytes(np.random.default_rng(1).bytes(path.stat().st_size))


def _vectors_zeroed(path):
    # FAISS reads this happily (the header is intact) and every score becomes 0.0
    import faiss

    outer = faiss.read_index(str(path))  # kept alive: the inner index belongs to it
    codes = faiss.vector_to_array(faiss.downcast_index(outer.index).codes).tobytes()
    data = path.read_bytes()
    start = data.index(codes)
    path.write_bytes(data[:start] + bytes(len(codes)) + data[start + len(codes) :])


def _edit_manifest(**changes):
    def edit(path):
        manifest = path.with_suffix(".faiss.json")
        info = json.loads(manifest.read_text())
        info.update(changes)
        manifest.write_text(json.dumps({k: v for k, v in info.items() if v is not None}))

    return edit


DAMAGE = {
    "garbage of the same size": (_garbage_same_size, "does not match its checksum"),
    "vectors zeroed": (_vectors_zeroed, "does not match its checksum"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:-100]), "where its manifest says"),
    "empty": (lambda p: p.write_bytes(b""), "is 0 bytes where its manifest says"),
    "index deleted": (lambda p: p.unlink(), "is missing"),
    "index a folder": (lambda p: (p.unlink(), p.mkdir()), "cannot be read"),
    "manifest deleted": (lambda p: p.with_suffix(".faiss.json").unlink(), "has no manifest"),
    "manifest not json": (lambda p: p.with_suffix(".faiss.json").write_text("{"), "unreadable manifest (JSONDecodeError)"),
    "manifest not utf-8": (lambda p: p.with_suffix(".faiss.json").write_bytes(b"\xff\xfe"), "unreadable manifest"),
    "manifest a list": (lambda p: p.with_suffix(".faiss.json").write_text("[]"), "unreadable manifest"),
    "manifest nested deep": (lambda p: p.with_suffix(".faiss.json").write_text("[" * 100_000), "unreadable manifest"),
    "manifest checksum edited": (_edit_manifest(sha256="0" * 64), "does not match its checksum"),
    "manifest checksum removed": (_edit_manifest(sha256=None), "without a valid 'sha256'"),
    "manifest count edited": (_edit_manifest(count=19), "does not hold what its manifest says"),
    "manifest count a string": (_edit_manifest(count="20"), "without a valid 'count'"),
    "manifest size edited": (_edit_manifest(bytes=1), "where its manifest says 1"),
    "manifest version bumped": (_edit_manifest(version=99), "manifest of version 99"),
}


@pytest.mark.parametrize("damage, notice", DAMAGE.values(), ids=list(DAMAGE))
def test_a_damaged_index_is_rebuilt_with_one_line_and_gives_a_fresh_builds_results(tmp_path, damage, notice, caplog):
    path = _saved(tmp_path)
    damage(path)
    with caplog.at_level(logging.WARNING, logger="factcheck.index.vector_index"):
        reopened = VectorIndex.open(path, 8, "model-a")
    assert reopened.count == 0
    (record,) = caplog.records
    assert notice in record.getMessage() and "rebuilding it from the database" in record.getMessage()
    assert "\n" not in record.getMessage()
    # what the caller does next: sync from the database, search, save
    v = vecs(20)
    reopened.sync(set(range(100, 120)), lambda ids: v[[i - 100 for i in ids]])
    fresh = VectorIndex(8, "model-a")
    fresh.add(range(100, 120), v)
    for got, want in zip(reopened.search(v, 5), fresh.search(v, 5)):
        assert np.array_equal(got, want)
    if path.is_dir():
        return  # a folder in the way cannot be replaced by a file; the run still works
    reopened.save()
    caplog.clear()
    assert VectorIndex.open(path, 8, "model-a").ids() == set(range(100, 120)) and not caplog.records


def test_another_models_index_or_an_older_manifest_is_rebuilt_silently(tmp_path, caplog):
    path = _saved(tmp_path)
    with caplog.at_level(logging.WARNING):
        assert VectorIndex.open(path, 8, "model-b").count == 0
        assert VectorIndex.open(path, 16, "model-a").count == 0
        manifest = path.with_suffix(".faiss.json")
        manifest.write_text(json.dumps({"model_id": "model-a", "dim": 8, "count": 20}))  # before checksums
        assert VectorIndex.open(path, 8, "model-a").count == 0
    assert not caplog.records


def test_a_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    path = _saved(tmp_path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["c.faiss", "c.faiss.json"]
    info = json.loads(path.with_suffix(".faiss.json").read_text())
    assert info["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() and info["bytes"] == path.stat().st_size


def test_a_save_that_fails_is_a_warning_not_a_crash(tmp_path, caplog):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    index = VectorIndex(8, "model-a", blocker / "c.faiss")
    index.add([1], vecs(1))
    with caplog.at_level(logging.WARNING):
        index.save()
    assert "cannot save vector index" in caplog.text


def test_a_corrupted_cache_gives_the_same_report_as_a_fresh_build(tmp_path, caplog):
    from factcheck.workspace import Factcheck

    folder = tmp_path / "src"
    folder.mkdir()
    for name, text in {
        "a.txt": "Staff revolt\n\nMore than 500 employees of Acme signed the letter to the board on Monday.\n",
        "b.txt": "Letter\n\nOnly 120 employees of Acme signed the letter to the board.\n",
        "c.txt": "Letter grows\n\nBy Tuesday, 700 of 770 employees of Acme had signed the letter to the board.\n",
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    # the default settings: the vector index and frame keys find the candidate pairs
    vector_only = None
    fresh = Factcheck(db_path=tmp_path / "fresh.db", model="hashing", thresholds_file=vector_only)
    fresh.ingest([folder])
    fresh.reconcile(full=True)
    expected = fresh.report()
    assert expected["discrepancies"]

    db = tmp_path / "used.db"
    used = Factcheck(db_path=db, model="hashing", thresholds_file=vector_only)
    used.ingest([folder])
    used.reconcile(full=True)
    cache = db.with_name("used.db.faiss") / "claims.faiss"
    for damage, _ in DAMAGE.values():
        if not cache.exists():
            Factcheck(db_path=db, model="hashing", thresholds_file=vector_only).reconcile(full=True)
        if cache.is_dir():
            cache.rmdir()
            continue
        damage(cache)
        again = Factcheck(db_path=db, model="hashing", thresholds_file=vector_only)
        again.reconcile(full=True)
        assert again.report() == expected


# -- the kind of index follows its size ---------------------------------------------------------


def clustered(n, dim=32, groups=60, seed=5):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, dim))
    return normalise(centres[rng.integers(0, groups, n)] + 0.6 * rng.normal(size=(n, dim)))


def _fetch(v, first=1000):
    return lambda ids: v[[i - first for i in ids]]


@pytest.mark.parametrize(
    "count, kind, tier",
    [(0, "flat", 0), (399, "flat", 0), (400, "ivf", 1), (799, "ivf", 1), (800, "ivf", 2), (1700, "ivf", 3)],
)
def test_the_kind_of_index_follows_its_size(count, kind, tier):
    v = clustered(2000)
    index = VectorIndex(32, "m", approximate_from=400)
    index.sync(set(range(1000, 1000 + count)), _fetch(v))
    assert (index.kind, index.tier, index.count) == (kind, tier, count)
    if count:
        assert index.search(v[:3], 1)[1][:, 0].tolist() == [1000, 1001, 1002]


def test_crossing_the_threshold_both_ways_builds_the_other_kind_with_the_same_ids():
    v = clustered(1000)
    index = VectorIndex(32, "m", approximate_from=400)
    index.sync(set(range(1000, 1300)), _fetch(v))
    assert index.kind == "flat"
    assert index.sync(set(range(1000, 1450)), _fetch(v)) == (450, 300)  # built again, trained
    assert index.kind == "ivf" and index.ids() == set(range(1000, 1450))
    trained = dict(index.training)
    assert index.sync(set(range(1010, 1460)), _fetch(v)) == (10, 10)  # within the tier: in place
    assert index.training == trained and index.ids() == set(range(1010, 1460))
    index.sync(set(range(1000, 1100)), _fetch(v))
    assert index.kind == "flat" and index.ids() == set(range(1000, 1100))


def test_one_set_gives_one_index_whatever_the_order_of_arrival():
    import faiss

    v = clustered(1000)
    ids = list(range(1000, 1900))
    one = VectorIndex(32, "m", approximate_from=400)
    one.sync(set(ids), _fetch(v))
    other = VectorIndex(32, "m", approximate_from=400)
    other.add(ids[::-1][:100], _fetch(v)(ids[::-1][:100]))
    other.sync(set(ids), _fetch(v))  # the tier changes: trained on the set, not on what came first
    assert one.training == other.training
    assert np.array_equal(faiss.serialize_index(one._index), faiss.serialize_index(other._index))


def test_a_saved_approximate_index_loads_back_and_gives_the_same_results(tmp_path):
    v, path, index = _saved_approximate(tmp_path)
    info = json.loads(path.with_suffix(".faiss.json").read_text())
    assert info["kind"] == "ivf" and info["training"] == index.training and info["training"]["lists"] == 6
    again = VectorIndex.open(path, 32, "model-a", approximate_from=400)
    assert (again.kind, again.training, again.ids()) == ("ivf", index.training, index.ids())
    for got, want in zip(again.search(v[:50], 7), index.search(v[:50], 7)):
        assert np.array_equal(got, want)
    assert np.array_equal(again.reconstruct(1010), v[10])
    # within its tier the loaded index is kept; another threshold trains another one
    assert again.sync(set(range(1000, 2500)), _fetch(v)) == (0, 0)
    assert VectorIndex.open(path, 32, "model-a", approximate_from=300).count == 0


def _saved_approximate(tmp_path):
    """Vectors, the path of the approximate index saved over them, and that index."""
    v = clustered(1500)
    path = tmp_path / "c.faiss"
    index = VectorIndex(32, "model-a", path, approximate_from=400)
    index.sync(set(range(1000, 2500)), _fetch(v))
    index.save()
    return v, path, index


def test_a_damaged_approximate_index_is_rebuilt_with_one_warning_line(tmp_path, caplog):
    v, path, index = _saved_approximate(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="factcheck.index.vector_index"):
        reopened = VectorIndex.open(path, 32, "model-a", approximate_from=400)
    (record,) = caplog.records
    assert "does not match its checksum" in record.getMessage() and "\n" not in record.getMessage()
    assert reopened.count == 0
    reopened.sync(set(range(1000, 2500)), _fetch(v))
    for got, want in zip(reopened.search(v[:50], 7), index.search(v[:50], 7)):
        assert np.array_equal(got, want)


def test_a_manifest_trained_otherwise_is_rebuilt_silently(tmp_path, caplog):
    v, path, index = _saved_approximate(tmp_path)
    _edit_manifest(training={**index.training, "nprobe": 1})(path)
    with caplog.at_level(logging.WARNING):
        assert VectorIndex.open(path, 32, "model-a", approximate_from=400).count == 0
    assert not caplog.records


def test_recall_of_the_approximate_index_against_an_exact_search():
    v = clustered(20_000, dim=64, groups=200)
    index = VectorIndex(64, "m", approximate_from=16_384)
    index.sync(set(range(1000, 21_000)), _fetch(v))
    assert index.kind == "ivf" and index.training["lists"] == 128
    recall = index.recall_at_k(v[::10], 25)
    assert 0.95 <= recall < 1.0  # approximate, and good enough
    exact = VectorIndex(64, "m")
    exact.add(range(1000, 3000), v[:2000])
    assert exact.recall_at_k(v[:100], 25) == 1.0


# -- an index whose file is as it was written is not read twice --------------------------------


class _Hashed:
    """Counts the bytes ``hashlib.sha256`` is given in the index module (the file's hash is
    the only large input)."""

    def __init__(self, monkeypatch):
        import factcheck.index.vector_index as module

        self.bytes = 0
        real = hashlib.sha256
        outer = self

        class Counting:
            def __init__(self, data=b""):
                self._h = real(data)
                outer.bytes += len(data)

            def update(self, data):
                outer.bytes += len(data)
                self._h.update(data)

            def hexdigest(self):
                return self._h.hexdigest()

        monkeypatch.setattr(module.hashlib, "sha256", Counting)


def _large(tmp_path, n=2_000, dim=64):
    path = tmp_path / "cache" / "c.faiss"
    index = VectorIndex(dim, "model-a", path)
    index.add(range(n), vecs(n, dim))
    index.save()
    return path, index


def test_an_index_whose_file_is_as_written_is_opened_without_hashing_it(tmp_path, monkeypatch):
    path, saved = _large(tmp_path)
    size = path.stat().st_size
    hashed = _Hashed(monkeypatch)
    again = VectorIndex.open(path, 64, "model-a")
    assert hashed.bytes < size // 10  # the manifest's stat matched: the file was read once, not hashed
    probe = vecs(5, 64, seed=3)
    for got, want in zip(again.search(probe, 7), saved.search(probe, 7)):
        assert np.array_equal(got, want)


@pytest.mark.parametrize("change", ["rewritten in the same tick", "copied in its place", "touched"])
def test_an_index_file_written_since_its_manifest_is_hashed_and_damage_found(tmp_path, monkeypatch, caplog, change):
    path, _ = _large(tmp_path)
    size = path.stat().st_size
    data = path.read_bytes()
    if change == "rewritten in the same tick":
        # the same size, written within the clock tick of the save: its written time was
        # set back, so the write still moves it
        path.write_bytes(data[:-64] + bytes(64))
    elif change == "copied in its place":
        st = path.stat()
        copy = path.with_name("copy")
        copy.write_bytes(data[:-64] + bytes(64))
        os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.replace(copy, path)
    else:
        os.utime(path)  # the same bytes, a new time: hashed, and still good
    hashed = _Hashed(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="factcheck.index.vector_index"):
        again = VectorIndex.open(path, 64, "model-a")
    assert hashed.bytes >= size
    if change == "touched":
        assert again.count == 2_000 and not caplog.records
    else:
        assert again.count == 0 and "does not match its checksum" in caplog.text


def test_a_hashed_index_that_has_settled_is_trusted_by_its_stat_from_the_next_save(tmp_path, monkeypatch):
    path, _ = _large(tmp_path)
    copy = tmp_path / "elsewhere" / "c.faiss"
    copy.parent.mkdir()
    for suffix in ("", ".json"):  # a cache folder copied with its times (another inode)
        source = path.with_name(path.name + suffix)
        target = copy.with_name(copy.name + suffix)
        target.write_bytes(source.read_bytes())
        st = source.stat()
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    size = copy.stat().st_size
    hashed = _Hashed(monkeypatch)
    index = VectorIndex.open(copy, 64, "model-a")
    assert hashed.bytes >= size  # another inode: hashed
    hashed.bytes = 0
    VectorIndex.open(copy, 64, "model-a")
    assert hashed.bytes >= size  # nothing saved since: hashed again
    index.add([10_000], vecs(1, 64, seed=9))
    index.save()  # a journal: the index file is not written again, its stat is recorded
    hashed.bytes = 0
    assert VectorIndex.open(copy, 64, "model-a").count == 2_001
    assert hashed.bytes < size // 10


def test_a_settled_stat_is_recorded_only_for_a_file_older_than_the_settling_time(tmp_path, monkeypatch):
    path, _ = _large(tmp_path)
    os.utime(path)  # written just now (as far as its time says): hashed, not trusted later
    size = path.stat().st_size
    index = VectorIndex.open(path, 64, "model-a")
    index.add([10_000], vecs(1, 64, seed=9))
    index.save()
    hashed = _Hashed(monkeypatch)
    VectorIndex.open(path, 64, "model-a")
    assert hashed.bytes >= size
