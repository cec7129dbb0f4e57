"""Change detection by stat, like git's index: a file whose size and modification time are
as recorded is not hashed; any difference sends it to be hashed, and only a changed hash
reads it again."""

import os
from pathlib import Path

import pytest

from factcheck.store.database import Store
from factcheck.workspace import Factcheck

OLD_NS = 1_600_000_000 * 10**9  # long before any run: the signature is trusted


def _age(folder, ns=OLD_NS):
    for path in folder.iterdir():
        os.utime(path, ns=(ns, ns))


def _ingest(db, folder, **kwargs):
    return Factcheck(db_path=db, model="hashing", **kwargs).ingest([folder])


def test_unchanged_files_are_not_hashed_again(tmp_path, seed_dir, hashed):
    _age(seed_dir)
    first = _ingest(tmp_path / "c.db", seed_dir)
    assert len(hashed) == len(first.added) > 0
    hashed.clear()
    again = _ingest(tmp_path / "c.db", seed_dir)
    assert hashed == [] and again.unchanged == first.added


def test_an_edit_of_the_same_size_is_caught_when_the_time_changes(tmp_path, seed_dir, hashed):
    _age(seed_dir)
    _ingest(tmp_path / "c.db", seed_dir)
    path = sorted(seed_dir.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    edited = text.replace("1", "7", 1) if "1" in text else text.replace("2", "8", 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(OLD_NS + 10**9,) * 2)
    hashed.clear()
    result = _ingest(tmp_path / "c.db", seed_dir)
    assert hashed == [path.name] and result.updated == [path.stem]


def test_a_touched_but_unchanged_file_is_hashed_stays_unchanged_and_is_not_hashed_next_time(tmp_path, seed_dir, hashed):
    _age(seed_dir)
    _ingest(tmp_path / "c.db", seed_dir)
    path = sorted(seed_dir.glob("*.txt"))[1]
    os.utime(path, ns=(OLD_NS + 5 * 10**9,) * 2)
    hashed.clear()
    result = _ingest(tmp_path / "c.db", seed_dir)
    assert hashed == [path.name] and path.stem in result.unchanged and not result.updated
    hashed.clear()
    _ingest(tmp_path / "c.db", seed_dir)
    assert hashed == []


def test_an_edited_sidecar_is_caught_by_its_own_signature(tmp_path, seed_dir):
    path = sorted(seed_dir.glob("*.txt"))[0]
    sidecar = seed_dir / f"{path.stem}.meta.toml"
    sidecar.write_text('outlet = "First Outlet"\n', encoding="utf-8")
    _age(seed_dir)
    _ingest(tmp_path / "c.db", seed_dir)
    sidecar.write_text('outlet = "Other Outlet"\n', encoding="utf-8")
    os.utime(sidecar, ns=(OLD_NS + 10**9,) * 2)
    assert _ingest(tmp_path / "c.db", seed_dir).updated == [path.stem]


def test_rehash_hashes_every_file(tmp_path, seed_dir, hashed):
    _age(seed_dir)
    first = _ingest(tmp_path / "c.db", seed_dir)
    hashed.clear()
    again = _ingest(tmp_path / "c.db", seed_dir, rehash=True)
    assert len(hashed) == len(first.added) and again.unchanged == first.added


def test_a_file_written_just_now_is_not_trusted_by_its_signature(tmp_path, seed_dir, hashed):
    _ingest(tmp_path / "c.db", seed_dir)  # the copies are seconds old: too recent
    assert Store(tmp_path / "c.db").source_states().signatures == {}
    hashed.clear()
    _ingest(tmp_path / "c.db", seed_dir)
    assert len(hashed) == len(list(seed_dir.glob("*.txt")))


def test_a_database_from_before_signatures_keeps_its_sources_and_records_them_on_the_next_ingest(tmp_path, seed_dir, hashed):
    _age(seed_dir)
    path = tmp_path / "c.db"
    old = Factcheck(db_path=path, model="hashing")
    stored = old.ingest([seed_dir]).added
    claims = old.claims()
    # the database as the step before m015 left it
    for column in ("file_size", "file_mtime_ns", "sidecar_size", "sidecar_mtime_ns"):
        old.store.db.execute(f"alter table sources drop column {column}")
    old.store.db.execute("delete from _factcheck_migrations where name = 'm015_file_signatures'")
    old.store.db.conn.commit()
    old.store.close()
    hashed.clear()
    fc = Factcheck(db_path=path, model="hashing")
    assert "file_size" in fc.store.db["sources"].columns_dict
    assert fc.store.source_ids() == sorted(stored) and fc.claims() == claims
    assert fc.ingest([seed_dir]).unchanged == stored and len(hashed) == len(stored)
    assert sorted(fc.store.source_states().signatures) == sorted(stored)


# -- signatures from the folder listing ----------------------------------------------------


def _reference_discovery(folder):
    """What discovery lists, by os.walk and pathlib (the walk it replaced): the oracle."""
    from factcheck.sources.files import is_source_name

    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root, name) for name in sorted(files) if not name.startswith(".") and is_source_name(name)]
    return sorted(found, key=lambda p: p.as_posix())


def _tree(root):
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Alpha fired Beta.")
    (root / "a.meta.toml").write_text('title = "A"\n')
    (root / "b.c.md").write_text("x")
    (root / "b.c.meta.toml").write_text('title = "B"\n')
    (root / "notes.toml").write_text("")
    (root / ".secret.txt").write_text("x")
    (root / ".hidden" / "h.txt").write_text("x")
    (root / "sub" / "s.HTML").write_text("<p>x</p>")
    (root / "sub" / "deeper" / "d.txt").write_text("x")
    (root / "sub" / "deeper" / "d2.txt").write_text("x")
    (root / "sub" / "deeper" / "d2.meta.toml").mkdir()  # a folder where a sidecar should be
    (root / "link.txt").symlink_to("a.txt")
    (root / "linked_dir").symlink_to("sub")
    (root / "big.txt").write_bytes(b"")
    os.truncate(root / "big.txt", 6_000_000)  # sparse: over the limit, nothing to read
    os.mkfifo(root / "pipe.txt")


def test_the_listing_finds_what_the_walk_found_and_its_signatures_are_stats(tmp_path):
    from factcheck.errors import SourceError
    from factcheck.sources.loader import discover_sources, scan_sources
    from factcheck.sources.signature import signature

    _tree(tmp_path)
    scan = scan_sources([tmp_path])
    reference = _reference_discovery(tmp_path)
    assert [p for p in scan.files if p.name != "link.txt"] == [p for p in reference if p.name != "link.txt"]
    assert "link.txt" not in {p.name for p in scan.files}  # the same file as a.txt: counted once
    assert discover_sources([tmp_path]) == scan.files
    for path in scan.paths:
        name = os.path.basename(path)
        if name in ("big.txt", "pipe.txt", "d2.txt"):  # left to signature(), which refuses them in one line
            with pytest.raises(SourceError):
                scan.signature(path)
            continue
        assert scan.signature(path) == signature(Path(path)), name
    from factcheck.sources.signature import listed_signature

    listed = {os.path.basename(p) for p, entries in scan._listed.items() if listed_signature(*entries) is not None}
    # plain files (with plain sidecars) come from the listing; a folder as a sidecar, a
    # FIFO and an oversized file go through signature()'s checks
    assert listed == {"a.txt", "b.c.md", "s.HTML", "d.txt"}


def test_the_current_folder_is_listed_as_pathlib_names_it(tmp_path, monkeypatch):
    from factcheck.sources.loader import scan_sources

    (tmp_path / "sub").mkdir()
    (tmp_path / "x.txt").write_text("x")
    (tmp_path / "sub" / "y.txt").write_text("y")
    monkeypatch.chdir(tmp_path)
    scan = scan_sources([Path(".")])
    assert scan.paths == ["sub/y.txt", "x.txt"] and scan.files == [Path("sub/y.txt"), Path("x.txt")]
    assert scan_sources([Path("./sub/")]).paths == ["sub/y.txt"]


def test_an_edit_the_listing_sees_is_read_again(tmp_path):
    (tmp_path / "s").mkdir()
    source = tmp_path / "s" / "a.txt"
    source.write_text("The board fired Ada Lovelace on 3 March 2021.", encoding="utf-8")
    _age(tmp_path / "s")
    first = _ingest(tmp_path / "c.db", tmp_path / "s")
    source.write_text("The board fired Ada Lovelace on 4 March 2021.", encoding="utf-8")
    os.utime(source, ns=(OLD_NS + 10**9,) * 2)
    again = _ingest(tmp_path / "c.db", tmp_path / "s")
    assert first.added == ["a"] and again.updated == ["a"]
    sidecar = tmp_path / "s" / "a.meta.toml"
    sidecar.write_text('title = "A"\n', encoding="utf-8")
    os.utime(sidecar, ns=(OLD_NS,) * 2)
    assert _ingest(tmp_path / "c.db", tmp_path / "s").updated == ["a"]  # a new sidecar, however old
