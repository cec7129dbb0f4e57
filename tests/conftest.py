import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sources"


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    """A private copy of the seed sources."""
    target = tmp_path / "sources"
    target.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def many_sources(tmp_path) -> Path:
    """Every fixture corpus and the seeds in one folder: enough work for two runs at once
    to overlap, and every kind of source (Arabic, English, sidecars, translations)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    corpora = ROOT / "tests" / "fixtures" / "corpora"
    for path in sorted([*corpora.glob("*/*.txt"), *corpora.glob("*/*.meta.toml"), *SEEDS.glob("*.txt")]):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def poisoned(monkeypatch):
    """Any sentence with the made-up word "poisonpill" cannot be analysed (in worker
    processes too: they are forked from this one). A word no article writes: a fixture
    corpus may well say "poisoned"."""
    import factcheck.claims.extract as extract

    real = extract.extract_quantities

    def failing(text, *args, **kwargs):
        if "poisonpill" in text:
            raise RuntimeError("cannot read this sentence")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_quantities", failing)
