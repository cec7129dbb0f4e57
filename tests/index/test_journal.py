"""The vector index's journal: a save between full saves writes only what changed, and
opening replays it into the very index a full save would have held."""

import json
import logging

import faiss
import numpy as np
import pytest

from factcheck.embeddings.base import normalise
from factcheck.index import vector_index
from factcheck.index.vector_index import VectorIndex


def clustered(n, dim=32, seed=3):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(12, dim))
    return normalise(centres[rng.integers(0, 12, n)] + 0.3 * rng.normal(size=(n, dim)))


V = clustered(3000)


def fetch(ids):
    return V[[i - 1000 for i in ids]]


def sessions(path, steps, approximate_from=400, after_save=lambda: None):
    """Each step opens the saved index, removes and adds, and saves: as successive checks do
    (``after_save`` is called after each save). Returns the index opened at the end and,
    beside it, one opened at the start that made every change in memory."""
    memory = VectorIndex.open(path, 32, "m", approximate_from=approximate_from)
    for remove, add in steps:
        index = VectorIndex.open(path, 32, "m", approximate_from=approximate_from)
        for target in (index, memory):
            target.remove(remove)
            target.add(add, fetch(add))
        index.save()
        after_save()
    return VectorIndex.open(path, 32, "m", approximate_from=approximate_from), memory


def same_index(a, b):
    return np.array_equal(faiss.serialize_index(a._index), faiss.serialize_index(b._index))


@pytest.mark.parametrize("approximate_from", [400, 100_000], ids=["inverted file", "exact"])
def test_saves_between_full_saves_write_the_journal_and_reopen_to_the_same_index(tmp_path, approximate_from):
    path = tmp_path / "c.faiss"
    first = VectorIndex(32, "m", path, approximate_from=approximate_from)
    first.sync(set(range(1000, 2000)), fetch)
    first.save()
    base = path.read_bytes()
    steps = [([1003, 1500], [2000, 2001, 2002]), ([2001], [2003, 1003]), ([1004, 2003], [2004])]

    def journaled():  # the index file is the full save's; what changed is in the journal
        assert path.read_bytes() == base
        assert path.with_suffix(".faiss.journal").exists()

    reopened, memory = sessions(path, steps, approximate_from, journaled)
    assert reopened.ids() == memory.ids() == (set(range(1000, 2005)) - {1500, 2001, 1004, 2003})
    assert same_index(reopened, memory)
    for got, want in zip(reopened.search(V[:60], 9), memory.search(V[:60], 9)):
        assert np.array_equal(got, want)
    info = json.loads(path.with_suffix(".faiss.json").read_text())
    assert info["count"] == 1000 and info["journal"]["count"] == reopened.count


def test_a_long_journal_is_folded_into_a_full_save(tmp_path, monkeypatch):
    monkeypatch.setattr(vector_index, "JOURNAL_SHARE", 0.01)
    path = tmp_path / "c.faiss"
    first = VectorIndex(32, "m", path, approximate_from=400)
    first.sync(set(range(1000, 2000)), fetch)
    first.save()
    base = path.read_bytes()
    reopened, memory = sessions(path, [([], list(range(2000, 2006)))])  # 6 of 1,000: journaled
    assert path.read_bytes() == base and path.with_suffix(".faiss.journal").exists()
    reopened, memory = sessions(path, [([1001], list(range(2006, 2012)))])  # 6 + 7 > 10: saved whole
    assert path.read_bytes() != base and not path.with_suffix(".faiss.journal").exists()
    assert json.loads(path.with_suffix(".faiss.json").read_text())["journal"] is None
    assert reopened.ids() == set(range(1000, 2012)) - {1001}


def test_an_index_built_again_is_saved_whole(tmp_path):
    path = tmp_path / "c.faiss"
    first = VectorIndex(32, "m", path, approximate_from=400)
    first.sync(set(range(1000, 1300)), fetch)  # exact
    first.save()
    index = VectorIndex.open(path, 32, "m", approximate_from=400)
    index.sync(set(range(1000, 1500)), fetch)  # a new tier: trained, built again
    index.save()
    assert not path.with_suffix(".faiss.journal").exists()
    assert VectorIndex.open(path, 32, "m", approximate_from=400).kind == "ivf"


def _journaled(tmp_path):
    path = tmp_path / "c.faiss"
    first = VectorIndex(32, "m", path, approximate_from=400)
    first.sync(set(range(1000, 2000)), fetch)
    first.save()
    sessions(path, [([1002], [2000, 2001])])
    return path


def _edit(**changes):
    def edit(path):
        manifest = path.with_suffix(".faiss.json")
        info = json.loads(manifest.read_text())
        info["journal"].update(changes)
        manifest.write_text(json.dumps(info))

    return edit


def _flip(path):
    journal = path.with_suffix(".faiss.journal")
    data = bytearray(journal.read_bytes())
    data[-5] ^= 0xFF
    journal.write_bytes(bytes(data))


JOURNAL_DAMAGE = {
    "journal deleted": (lambda p: p.with_suffix(".faiss.journal").unlink(), "has lost its journal"),
    "journal byte flipped": (_flip, "journal that does not match its checksum"),
    "journal truncated": (lambda p: p.with_suffix(".faiss.journal").write_bytes(b"\x93NUMPY"), "journal that does not match its checksum"),
    "journal count edited": (_edit(count=5), "does not hold what its manifest says after its journal"),
    "journal record not a record": (lambda p: _set_journal(p, "yes"), "invalid journal record"),
}


def _set_journal(path, value):
    manifest = path.with_suffix(".faiss.json")
    info = json.loads(manifest.read_text())
    info["journal"] = value
    manifest.write_text(json.dumps(info))


@pytest.mark.parametrize("damage, notice", JOURNAL_DAMAGE.values(), ids=list(JOURNAL_DAMAGE))
def test_a_damaged_journal_is_rebuilt_from_the_database_with_one_line(tmp_path, caplog, damage, notice):
    path = _journaled(tmp_path)
    damage(path)
    with caplog.at_level(logging.WARNING, logger="factcheck.index.vector_index"):
        reopened = VectorIndex.open(path, 32, "m", approximate_from=400)
    (record,) = caplog.records
    assert notice in record.getMessage() and "rebuilding it from the database" in record.getMessage()
    assert "\n" not in record.getMessage()
    assert reopened.count == 0
    # what the caller does next: sync from the database and save, whole
    reopened.sync(set(range(1000, 2002)) - {1002}, fetch)
    reopened.save()
    assert not path.with_suffix(".faiss.journal").exists()
    caplog.clear()
    assert VectorIndex.open(path, 32, "m", approximate_from=400).ids() == set(range(1000, 2002)) - {1002}
    assert not caplog.records


def test_a_journal_holding_vectors_of_another_size_is_damage(tmp_path, caplog):
    path = _journaled(tmp_path)
    journal = path.with_suffix(".faiss.journal")
    with open(journal, "wb") as fh:
        for array in (np.array([1], np.int8), np.array([1], np.int64), np.array([2000], np.int64), np.zeros((1, 16), np.float32)):
            np.save(fh, array)
    import hashlib

    _edit(sha256=hashlib.sha256(journal.read_bytes()).hexdigest(), bytes=journal.stat().st_size)(path)
    with caplog.at_level(logging.WARNING, logger="factcheck.index.vector_index"):
        assert VectorIndex.open(path, 32, "m", approximate_from=400).count == 0
    assert "journal that does not hold what it says" in caplog.text
