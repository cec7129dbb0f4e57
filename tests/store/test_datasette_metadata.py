"""factcheck/data/datasette-metadata.json describes claims.db as the migrations build it.

A new table or column (a migration) must be described there, and a renamed one must not
leave a stale description behind; the canned queries must run against the schema.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from factcheck.store.database import Store


@pytest.fixture(scope="module")
def metadata() -> dict:
    # Read as package data: the file ships inside the wheel, next to the code it describes.
    text = resources.files("factcheck").joinpath("data/datasette-metadata.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "c.db")
    yield store
    store.close()


def _schema(store: Store) -> dict[str, set[str]]:
    return {table.name: {column.name for column in table.columns} for table in store.db.tables}


def test_top_level(metadata):
    assert metadata["title"] and metadata["description"]
    # Datasette names a database after its file's stem: claims.db -> "claims".
    assert set(metadata["databases"]) == {"claims"}
    assert metadata["databases"]["claims"]["description"]


def test_every_described_table_and_column_exists(metadata, store):
    schema = _schema(store)
    for table, described in metadata["databases"]["claims"]["tables"].items():
        assert table in schema, f"metadata describes table {table}, which the migrations do not create"
        assert described["description"].strip(), table
        for column, text in described["columns"].items():
            assert column in schema[table], f"metadata describes {table}.{column}, which does not exist"
            assert isinstance(text, str) and text.strip(), f"{table}.{column}"


def test_every_table_and_column_is_described(metadata, store):
    tables = metadata["databases"]["claims"]["tables"]
    fts_shadows = {f"{t}_fts{suffix}" for t in _schema(store) for suffix in ("_data", "_idx", "_docsize", "_config")}
    for table, columns in _schema(store).items():
        if table in fts_shadows:
            continue  # FTS5's own storage; datasette hides it
        assert table in tables, f"table {table} is not described in datasette-metadata.json"
        missing = columns - set(tables[table]["columns"])
        assert not missing, f"{table}: columns {sorted(missing)} are not described"


def test_canned_queries_run(metadata, store):
    queries = metadata["databases"]["claims"]["queries"]
    assert {"open_discrepancies", "claims_by_source"} <= set(queries)
    for name, query in queries.items():
        assert query["title"] and query["description"], name
        # Datasette binds :name parameters from the query string; any value does here.
        params = {param: "" for param in re.findall(r"(?<!:):(\w+)", query["sql"])}
        assert list(store.db.execute(query["sql"], params)) == [], name


def test_open_discrepancies_leaves_out_decided_ones(metadata, store):
    db = store.db
    db["sources"].insert({"id": "s1", "text": "x"})
    db["sentences"].insert_all(
        [{"id": "s1:0", "source_id": "s1", "sentence_index": 0, "text": "a"},
         {"id": "s1:1", "source_id": "s1", "sentence_index": 1, "text": "b"}]
    )
    db["claims"].insert_all(
        [{"id": "q_1", "source_id": "s1", "sentence_id": "s1:0", "quote": "500", "char_start": 0},
         {"id": "q_2", "source_id": "s1", "sentence_id": "s1:1", "quote": "700", "char_start": 1}]
    )
    db["discrepancies"].insert_all(
        [{"id": f"d_{n}", "kind": "conflict", "severity": severity, "claim_a": "q_1", "claim_b": "q_2"}
         for n, severity in enumerate(["low", "high", "medium", "medium"])]
    )
    db["decisions"].insert_all(
        [{"discrepancy_id": "d_2", "status": "acknowledged"}, {"discrepancy_id": "d_3", "status": "dismissed"}]
    )
    queries = metadata["databases"]["claims"]["queries"]
    rows = list(db.query(queries["open_discrepancies"]["sql"]))
    assert [row["id"] for row in rows] == ["d_1", "d_0"]
    assert (rows[0]["quote_a"], rows[0]["quote_b"], rows[0]["source_a"]) == ("500", "700", "s1")
    claims = list(db.query(queries["claims_by_source"]["sql"], {"source_id": "s1"}))
    assert [row["id"] for row in claims] == ["q_1", "q_2"]
