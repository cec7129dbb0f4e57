"""--since: only a git revision is passed on to git, never something git reads as an option."""

import subprocess

import pytest

from factcheck.errors import ConfigError
from factcheck.sources.changes import changed_since


@pytest.fixture
def repo(tmp_path):
    run = lambda *args: subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    run("init", "-q")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("one\n")
    run("add", ".")
    run("-c", "user.email=a@example.com", "-c", "user.name=a", "commit", "-qm", "first")
    (tmp_path / "sources" / "b.txt").write_text("two\n")
    return tmp_path


@pytest.mark.parametrize("ref", ["--output=/tmp/x", "-p", "", "   ", "HEAD\n", "HEAD\x00", "a" * 1001])
def test_an_option_or_control_character_is_not_a_revision(repo, ref):
    with pytest.raises(ConfigError, match="--since: .* is not a git revision"):
        changed_since(repo / "sources", ref)
    assert not (repo / "x").exists()


def test_a_revision_lists_what_changed(repo):
    changes = changed_since(repo / "sources", "HEAD")
    assert changes.changed == {(repo / "sources" / "b.txt").resolve()}
    with pytest.raises(ConfigError, match="'no-such-branch' is not a revision"):
        changed_since(repo / "sources", "no-such-branch")
