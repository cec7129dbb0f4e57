"""The Dask engine (the optional extra factcheck[distributed]) runs the same functions as
this machine and gives the same report bytes; without the extra, one line and exit 2."""

import sys

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def _invoke(db, *args):
    return runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", *map(str, args)])


def test_without_the_extra_dask_is_one_line_and_exit_2(tmp_path, seed_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    for command in (["ingest", seed_dir], ["run", seed_dir, "-o", tmp_path / "out"], ["check", seed_dir]):
        done = _invoke(tmp_path / "claims.db", *command, "--engine", "dask")
        assert done.exit_code == 2, done.output
        assert done.output.strip().splitlines() == ["error: --engine dask needs the optional extra: pip install 'factcheck[distributed]'"]
    assert not (tmp_path / "out").exists()


def test_a_scheduler_without_the_dask_engine_is_one_line(tmp_path, seed_dir):
    done = _invoke(tmp_path / "claims.db", "ingest", seed_dir, "--scheduler", "tcp://127.0.0.1:8786")
    assert done.exit_code == 2
    assert done.output.strip().splitlines() == ["error: --scheduler needs --engine dask"]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")  # `make test` installs the extra
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster


def test_a_dask_cluster_writes_the_same_report_bytes_as_a_plain_run(tmp_path, many_sources, cluster):
    plain = _invoke(tmp_path / "plain.db", "run", many_sources, "-o", tmp_path / "plain")
    assert plain.exit_code == 0, plain.output
    dask = _invoke(tmp_path / "dask.db", "run", many_sources, "-o", tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.exit_code == 0, dask.output
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()


def test_the_default_local_cluster_of_processes_gives_the_same_claims(tmp_path, seed_dir):
    pytest.importorskip("distributed")
    from factcheck.workspace import Factcheck

    plain = Factcheck(db_path=tmp_path / "plain.db", model="hashing")
    plain.ingest([seed_dir])
    dask = Factcheck(db_path=tmp_path / "dask.db", model="hashing", engine="dask", workers=2)
    result = dask.ingest([seed_dir])
    assert result.claims > 0 and result.embedded > 0
    assert dask.claims() == plain.claims()
    assert dask.store.embeddings([c["context_hash"] for c in dask.store.claims()], "hashing-v1").keys() == plain.store.embeddings(
        [c["context_hash"] for c in plain.store.claims()], "hashing-v1"
    ).keys()


def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path, seed_dir, monkeypatch):
    pytest.importorskip("distributed")
    import factcheck.engines.dask as engine

    monkeypatch.setattr(engine, "CONNECT_TIMEOUT_S", 1)
    done = _invoke(tmp_path / "claims.db", "ingest", seed_dir, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert done.exit_code == 2
    [line] = done.output.strip().splitlines()
    assert line.startswith("error: cannot reach the Dask scheduler tcp://127.0.0.1:9")
