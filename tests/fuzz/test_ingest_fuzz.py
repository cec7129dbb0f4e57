"""Fuzzing the whole ingest into a real database: a folder of generated sources (good, odd and
hostile) goes through ingest, reconcile and report. Either everything holds (quotes slice
their source, reports validate against the shipped schema, a second run changes nothing), or
ingest refuses with one line and the database is exactly as it was."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from factcheck.errors import FactcheckError
from factcheck.reports import render
from factcheck.workspace import Factcheck
from fuzz_inputs import (
    ARTICLE_TEXT,
    ROOT,
    SEED_SENTENCES,
    SEED_TEXTS,
    SIDECAR_TEXTS,
    SIDECARS,
    SOURCE_FILES,
    encoded,
    fuzz_settings,
    known_skip,
    note,
    set_aside,
)

pytestmark = pytest.mark.fuzz

SCHEMA = json.loads(resources.files("factcheck.reports").joinpath("report.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
STEMS = ["a", "b", "c", "001_wire", "002_ar", "خبر", "with space", "MiXeD", "x.y"]


# ---------------------------------------------------------------------------------------
# Folders of sources


@st.composite
def article(draw) -> tuple[str, bytes]:
    """A plausible article: a title line, then sentences from the seeds and generated news."""
    lines = [draw(st.sampled_from(SEED_SENTENCES))[:80]]
    for _ in range(draw(st.integers(1, 6))):
        lines.append(draw(st.one_of(st.sampled_from(SEED_SENTENCES), ARTICLE_TEXT)))
    text = draw(st.sampled_from(["\n", "\n\n"])).join(lines) + "\n"
    ext = draw(st.sampled_from([".txt", ".txt", ".md"]))
    return ext, draw(encoded(st.just(text))) if draw(st.booleans()) else text.encode("utf-8")


@st.composite
def seed_variant(draw, story: str) -> tuple[str, bytes]:
    """A seed article (its first paragraphs) with some figures changed: two of these from one
    seed disagree the way real sources do, so reconcile has discrepancies to find."""
    text = story[:1500]
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    chars = list(text)
    for i in draw(st.lists(st.sampled_from(digits), max_size=4)) if digits else []:
        chars[i] = draw(st.sampled_from("0123456789"))
    return ".txt", "".join(chars).encode("utf-8")


@st.composite
def sidecar_for(draw, stems: list[str]) -> bytes | None:
    """A sidecar: none, a real one, one pointing at another source (or itself), or a fuzzed one."""
    kind = draw(st.sampled_from(["none", "none", "real", "translation", "fuzzed"]))
    if kind == "real":
        return draw(st.sampled_from(SIDECAR_TEXTS)).encode("utf-8")
    if kind == "translation":
        return f'translation_of = "{draw(st.sampled_from(stems + ["missing"]))}"\nlanguage = "en"\n'.encode()
    if kind == "fuzzed":
        return draw(SIDECARS)
    return None


@st.composite
def folders(draw) -> list[tuple[str, bytes, bytes | None]]:
    """(file name, bytes, sidecar bytes or None) for a few sources, mostly good ones."""
    stems = draw(st.lists(st.sampled_from(STEMS), min_size=1, max_size=4, unique=True))
    story = draw(st.sampled_from(SEED_TEXTS))
    files = []
    for stem in stems:
        ext, raw = draw(st.one_of(article(), seed_variant(story), seed_variant(story), SOURCE_FILES))
        files.append((stem + ext, raw, draw(sidecar_for(stems))))
    if draw(st.sampled_from([False] * 9 + [True])):  # two files, one source id
        name, raw, _ = files[0]
        files.append((Path(name).stem + (".md" if not name.endswith(".md") else ".txt"), raw, None))
    return files


def write_folder(folder: Path, files) -> None:
    folder.mkdir()
    for name, raw, sidecar in files:
        (folder / name).write_bytes(raw)
        if sidecar is not None:
            (folder / (Path(name).stem + ".meta.toml")).write_bytes(sidecar)


# ---------------------------------------------------------------------------------------
# The database, before and after


def dump(db: Path) -> dict[str, list[str]]:
    """Every row of every table, in a stable order: two dumps are equal when nothing changed."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type = 'table' order by name")]
        return {t: sorted(map(repr, con.execute(f'select * from "{t}"'))) for t in tables}
    finally:
        con.close()


def check_one_line(message: str) -> None:
    assert message.strip() and len(message.splitlines()) == 1, f"not one line: {message[:300]!r}"


def check_stored(fc: Factcheck) -> None:
    texts = {s["id"]: s["text"] for s in fc.store.sources()}
    for c in fc.store.claims():
        text = texts[c["source_id"]]
        assert text[c["char_start"] : c["char_end"]] == c["quote"], f"stored quote {c['quote']!r} does not slice {c['source_id']}"
        assert text[c["sentence_start"] : c["sentence_end"]] == c["text"], f"stored sentence of {c['id']} does not slice its source"
        assert c["sentence_start"] <= c["char_start"] < c["char_end"] <= c["sentence_end"]


def check_report(report: dict) -> str:
    """Validate ``report`` against the shipped schema; return its JSON bytes (rendering every format)."""
    text = render(report, "json")  # the project's own checks first: offsets, references
    errors = sorted(VALIDATOR.iter_errors(json.loads(text)), key=lambda e: list(e.absolute_path))
    assert not errors, f"report breaks report.schema.json: {errors[0].message[:300]} at {list(errors[0].absolute_path)}"
    for fmt in ("md", "html"):
        assert render(report, fmt)
    return text


def run_once(fc: Factcheck, folder: Path, prune: bool, skip_bad: bool):
    """Ingest, reconcile, report. Returns (ingest result, report JSON), or None when the
    ingest was refused (then the database is checked to be unchanged)."""
    before = dump(fc.store.path)
    try:
        result = fc.ingest([folder], prune=prune, skip_bad=skip_bad)
    except FactcheckError as exc:
        check_one_line(str(exc))
        assert dump(fc.store.path) == before, "a refused ingest changed the database"
        note(f"ingest refused: {type(exc).__name__}")
        return None
    except Exception as exc:
        assert dump(fc.store.path) == before, f"a crashing ingest ({type(exc).__name__}) changed the database"
        set_aside(exc)
    for _, message in result.failed:
        check_one_line(message)
    if result.failed and not skip_bad:
        assert not (result.added or result.updated or result.removed)
        assert dump(fc.store.path) == before, "a refused ingest changed the database"
        note("ingest refused: a file failed")
        return None
    fc.reconcile()
    check_stored(fc)
    report = fc.report()
    unknown = [entry for entry in report.get("skipped") or [] if not known_skip(entry)]
    assert not unknown, f"sentences whose analysis raised (skipped): {unknown!r}"
    note(f"ingested: {'some' if report['discrepancies'] else 'no'} discrepancies" + (", bad files skipped" if result.failed else ""))
    return result, check_report(report)


def fuzz_ingest(files, db: Path, tmp: Path, prune: bool, skip_bad: bool) -> None:
    folder = tmp / "sources"
    write_folder(folder, files)
    fc = Factcheck(db_path=db, model="hashing")
    try:
        first = run_once(fc, folder, prune, skip_bad)
        if first is None:
            return
        state = dump(db)
        result, report = run_once(fc, folder, prune, skip_bad)
        assert not (result.added or result.updated or result.removed), f"a second run changed sources: {result}"
        assert report == first[1], "a second run wrote another report"
        assert dump(db) == state, "a second run changed the database"
    finally:
        fc.store.close()


@pytest.fixture(scope="module")
def populated_db(tmp_path_factory) -> Path:
    """A database holding the seed articles, reconciled (copied for each example)."""
    tmp = tmp_path_factory.mktemp("populated")
    fc = Factcheck(db_path=tmp / "claims.db", model="hashing")
    fc.ingest([ROOT / "sources"])
    fc.report()
    fc.store.close()
    return tmp / "claims.db"


def copy_db(source: Path, target: Path) -> None:
    shutil.copy(source, target)
    cache = source.with_name(source.name + ".faiss")
    if cache.exists():
        shutil.copytree(cache, target.with_name(target.name + ".faiss"))


@fuzz_settings(ci=50, deep=6000)
@given(files=folders(), populated=st.booleans(), prune=st.booleans(), skip_bad=st.sampled_from([False, False, True]))
def test_any_folder_ingests_or_refuses(populated_db, files, populated, prune, skip_bad):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if populated:
            copy_db(populated_db, tmp / "claims.db")
        fuzz_ingest(files, tmp / "claims.db", tmp, prune, skip_bad)


# ---------------------------------------------------------------------------------------
# A bad file added to a database that already holds the seeds: refused, nothing written.

GOOD = "Staff threaten to quit\n\nMore than 500 OpenAI employees signed the letter on 17 November 2023.\n"
BAD_FILES = {
    "empty": ("bad.txt", b"", None),
    "binary": ("bad.txt", bytes(range(256)) * 4, None),
    "undecodable-utf16": ("bad.txt", b"\xff\xfe" + b"\x00\xd8" * 10, None),
    "html-without-text": ("bad.html", b"<html><body><script>var n = 500;</script></body></html>", None),
    "bad-sidecar": ("bad.txt", GOOD.encode(), b"title = 5\n"),
    "sidecar-not-toml": ("bad.txt", GOOD.encode(), b"\x00\xff = = ="),
    "front-matter-not-yaml": ("bad.md", b"---\ntitle: [unclosed\n---\n" + GOOD.encode(), None),
    "front-matter-only": ("bad.md", b"+++\ntitle = 'x'\n+++\n", None),
    "id-taken-by-seed": ("001_eb0aed705e4d506f.md", GOOD.encode(), None),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("prune", [False, True])
def test_bad_file_into_populated_db(populated_db, tmp_path, name, prune):
    db = tmp_path / "claims.db"
    copy_db(populated_db, db)
    folder = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", folder)
    (folder / "new.txt").write_text(GOOD, encoding="utf-8")  # a good new file must not land either
    file_name, raw, sidecar = BAD_FILES[name]
    write_folder_entry(folder, file_name, raw, sidecar)
    fc = Factcheck(db_path=db, model="hashing")
    try:
        assert run_once(fc, folder, prune=prune, skip_bad=False) is None, "the bad file was accepted"
    finally:
        fc.store.close()


def write_folder_entry(folder: Path, name: str, raw: bytes, sidecar: bytes | None) -> None:
    (folder / name).write_bytes(raw)
    if sidecar is not None:
        (folder / (Path(name).stem + ".meta.toml")).write_bytes(sidecar)


# ---------------------------------------------------------------------------------------
# Crashes fuzzing found, kept as regression tests: each once stopped the whole ingest.


@pytest.mark.parametrize(
    "files",
    [
        pytest.param([("a.txt", b"The Microsoft board met.\n", None)], id="name-found-twice-at-one-offset"),
        pytest.param([("a.txt", b"Hiring\n\nOfficials at Acme  Corp said 500 people left.\n", None)], id="double-space-in-name"),
        pytest.param(
            [("a.txt", b"Board meeting\n\nThe board met on Thursday and 500 staff signed.\n", b'published = "1000-01-01"\n')],
            id="weekday-at-the-earliest-published-date",
        ),
    ],
)
def test_found_crash(tmp_path, files):
    folder = tmp_path / "sources"
    write_folder(folder, files)
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    try:
        result = fc.ingest([folder])
        assert result.failed == [] and result.skipped == [] and result.added == ["a"]
        assert fc.store.count("sources") == 1
    finally:
        fc.store.close()
