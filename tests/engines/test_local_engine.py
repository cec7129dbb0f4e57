"""Reading sources in worker processes changes nothing but the time: the same rows and the
same report bytes whatever the worker count, and the same one-line stop on a failure."""

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.engines.base import MIN_SOURCES_FOR_WORKERS, parse_workers, workers_for
from factcheck.errors import ConfigError
from factcheck.store.database import Store

runner = CliRunner()
TABLES = ("sources", "sentences", "claims", "quantities", "dates", "entities", "skipped_sentences", "embeddings", "clusters", "discrepancies")
# when a file was found, not what it says: a run two seconds later may record them and another not
TIMES = ("file_size", "file_mtime_ns", "sidecar_size", "sidecar_mtime_ns")


def _invoke(db, *args, **kwargs):
    return runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", *map(str, args)], **kwargs)


def _rows(db) -> dict:
    store = Store(db)
    try:
        return {t: [{k: v for k, v in r.items() if k not in TIMES} for r in store.db.query(f"select * from [{t}] order by rowid")] for t in TABLES}
    finally:
        store.close()


def test_the_rows_and_the_report_are_the_same_bytes_whatever_the_worker_count(tmp_path, many_sources):
    results = {}
    for workers in (1, 2, 3):
        out = tmp_path / f"reports{workers}"
        done = _invoke(tmp_path / f"{workers}.db", "run", many_sources, "-o", out, "--workers", workers)
        assert done.exit_code == 0, done.output
        results[workers] = ((out / "report.json").read_bytes(), (out / "report.md").read_bytes(), _rows(tmp_path / f"{workers}.db"))
    assert results[2] == results[1] and results[3] == results[1]
    assert len(results[1][2]["sources"]) >= MIN_SOURCES_FOR_WORKERS  # enough that two workers shared them


@pytest.mark.parametrize("workers", [1, 2])
def test_under_strict_the_first_failing_file_in_file_order_stops_the_run_and_nothing_is_written(tmp_path, many_sources, poisoned, workers):
    names = sorted(p.name for p in many_sources.glob("*.txt"))
    for name in (names[5], names[-2]):  # the later one may well be read first by another worker
        path = many_sources / name
        path.write_text(path.read_text(encoding="utf-8") + "\nA poisonpill sentence says 99 were hurt.\n", encoding="utf-8")
    db = tmp_path / "claims.db"
    done = _invoke(db, "--strict", "run", many_sources, "-o", tmp_path / "out", "--workers", workers)
    assert done.exit_code == 2
    [line] = done.output.strip().splitlines()
    assert line.startswith(f"error: {names[5]}: a sentence could not be analysed (RuntimeError: cannot read this sentence)")
    assert Store(db).source_ids() == []


def test_without_strict_a_worker_skips_the_sentence_like_this_process_does(tmp_path, many_sources, poisoned):
    name = sorted(p.name for p in many_sources.glob("*.txt"))[7]
    path = many_sources / name
    path.write_text(path.read_text(encoding="utf-8") + "\nA poisonpill sentence says 99 were hurt.\n", encoding="utf-8")
    outputs = [_invoke(tmp_path / f"{w}.db", "ingest", many_sources, "--workers", w) for w in (1, 2)]
    assert [o.exit_code for o in outputs] == [0, 0]
    assert outputs[0].output == outputs[1].output and "1 sentence skipped" in outputs[0].output


@pytest.mark.parametrize(
    "requested, batch, expected",
    [
        (None, 0, 1),
        (None, MIN_SOURCES_FOR_WORKERS - 1, 1),  # a small batch: starting workers costs more than it saves
        (1, 10_000, 1),
        (4, 2, 2),  # never more workers than sources
        (3, 100, 3),
    ],
)
def test_worker_count(requested, batch, expected):
    assert workers_for(requested, batch) == expected


def test_an_automatic_count_on_a_large_batch_is_the_cores(monkeypatch):
    import factcheck.engines.base as base

    monkeypatch.setattr(base, "available_cores", lambda: 6)
    assert workers_for(None, 1000) == 6


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "100000"])
def test_a_bad_worker_count_is_one_line(value):
    with pytest.raises(ConfigError, match="FACTCHECK_WORKERS must"):
        parse_workers(value, "FACTCHECK_WORKERS")


def test_a_bad_worker_count_in_the_environment_stops_the_command_with_one_line_and_exit_2(tmp_path, seed_dir):
    done = runner.invoke(app, ["--db", str(tmp_path / "c.db"), "--model", "hashing", "--no-progress", "sources"], env={"FACTCHECK_WORKERS": "lots"})
    assert done.exit_code == 2
    assert done.output.strip().splitlines() == ["error: FACTCHECK_WORKERS must be a whole number of worker processes (1 to 512), not 'lots'"]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_ingest_stores_each_source_as_it_is_read_and_reads_little_ahead(tmp_path, many_sources, monkeypatch, workers):
    from factcheck.engines import local
    from factcheck.workspace import Factcheck

    monkeypatch.setattr(local, "MAX_CHUNK", 2)
    submitted, stored, extracted = [0], [], []
    pool = local.ProcessPoolExecutor

    class Counting(pool):
        def submit(self, fn, *args, **kwargs):
            submitted[0] += len(args[0])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(local, "ProcessPoolExecutor", Counting)
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing", workers=workers, progress=lambda step, done, total: step == "extract" and extracted.append(done + 1))
    replace = fc.store.replace_source

    def storing(source, *args, **kwargs):
        stored.append((source.id, submitted[0], extracted[-1] if extracted else 0))
        return replace(source, *args, **kwargs)

    monkeypatch.setattr(fc.store, "replace_source", storing)
    result = fc.ingest([many_sources])
    assert [sid for sid, _, _ in stored] == result.added and len(stored) >= MIN_SOURCES_FOR_WORKERS
    assert all(read <= i + 1 for i, (_, _, read) in enumerate(stored))  # stored as soon as read, one by one
    if workers == 1:
        assert submitted[0] == 0
    else:
        assert submitted[0] == len(stored) - 1  # all but the first, read here
        assert max(ahead - i for i, (_, ahead, _) in enumerate(stored)) <= (workers * local.AHEAD + 1) * 2
