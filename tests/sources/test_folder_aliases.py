"""A sources folder's own alias file (aliases.toml at its top): read with the folder, never a source."""

import os

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import ConfigError, SourceError
from factcheck.sources.loader import discover_sources
from factcheck.workspace import Factcheck

CAST = '[[entity]]\ncanonical = "Microsoft"\ntype = "organisation"\naliases = ["مايكروسوفت"]\n'
TEXT = "استثمرت مايكروسوفت 10 مليارات دولار في OpenAI.\n"


def folder_with(tmp_path, aliases: str | None = CAST):
    folder = tmp_path / "sources"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    if aliases is not None:
        (folder / "aliases.toml").write_text(aliases, encoding="utf-8")
    return folder


def entities(fc, source_id="a"):
    return sorted((r["canonical"], r["type"]) for r in fc.store.db.query("select canonical, type from entities where source_id = ?", [source_id]))


def test_the_folder_file_is_no_source_and_no_sidecar(tmp_path):
    folder = folder_with(tmp_path)
    assert discover_sources([folder]) == [folder / "a.txt"]
    with pytest.raises(SourceError, match="alias file, not a source file"):
        discover_sources([folder / "aliases.toml"])


def test_the_folder_file_is_read_with_the_folder(tmp_path):
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    fc.ingest([folder_with(tmp_path)])
    assert ("Microsoft", "organisation") in entities(fc)
    bare = Factcheck(db_path=tmp_path / "bare.db", model="hashing")
    bare.ingest([folder_with(tmp_path / "bare", aliases=None)])
    assert ("Microsoft", "organisation") not in entities(bare)


def test_editing_the_folder_file_reads_the_sources_again(tmp_path):
    folder = folder_with(tmp_path)
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    assert fc.ingest([folder]).added == ["a"]
    assert fc.ingest([folder]).unchanged == ["a"]
    (folder / "aliases.toml").write_text(CAST.replace('"Microsoft"\ntype', '"MSFT"\ntype'), encoding="utf-8")
    assert fc.ingest([folder]).updated == ["a"]
    assert ("MSFT", "organisation") in entities(fc)
    (folder / "aliases.toml").unlink()
    assert fc.ingest([folder]).updated == ["a"]


def test_an_aliases_option_adds_to_the_folder_file(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[[entity]]\ncanonical = "OpenAI Inc"\ntype = "organisation"\naliases = ["OpenAI"]\n', encoding="utf-8")
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing", aliases_file=extra)
    fc.ingest([folder_with(tmp_path)])
    assert entities(fc) == [("Microsoft", "organisation"), ("OpenAI Inc", "organisation")]


def test_a_folder_file_linking_out_of_the_folder_is_refused(tmp_path):
    folder = folder_with(tmp_path, aliases=None)
    outside = tmp_path / "outside.toml"
    outside.write_text(CAST, encoding="utf-8")
    os.symlink(outside, folder / "aliases.toml")
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    with pytest.raises(SourceError, match="outside its own folder"):
        fc.ingest([folder])


def test_a_bad_folder_file_is_one_line_and_exit_2(tmp_path):
    folder = folder_with(tmp_path, aliases='[[entity]]\ncanonical = "X"\ntype = "city"\n')
    with pytest.raises(ConfigError, match="aliases.toml"):
        Factcheck(db_path=tmp_path / "claims.db", model="hashing").ingest([folder])
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "cli.db"), "--model", "hashing", "ingest", str(folder)])
    assert result.exit_code == 2
    assert "has type 'city'" in result.output and "Traceback" not in result.output
