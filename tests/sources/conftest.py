"""Fixtures shared by the change-detection tests."""

import pytest

import factcheck.sources.files as files
import factcheck.workspace as workspace


@pytest.fixture
def hashed(monkeypatch):
    """The names of the files hashed during the test (sources, and sidecars through sidecar_ids)."""
    names = []
    real = workspace.source_ids

    def counting(path, *args, **kwargs):
        names.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(workspace, "source_ids", counting)
    monkeypatch.setattr(files, "source_ids", counting)
    return names
