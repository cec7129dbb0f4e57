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
