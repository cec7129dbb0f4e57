"""claims.db: the one file that holds factcheck's state.

The database is the truth; FAISS index files are caches rebuilt from it. Writes that must be
all-or-nothing (replacing a source's rows, recording a reconcile run) run inside
``db.atomic()``, so an interrupted run never leaves a source half-replaced.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import NamedTuple

import numpy as np
import sqlite_utils
from sqlite_utils.db import jsonify_if_needed

from factcheck.claims.model import Claim, DateMention, EventMention, Quantity
from factcheck.errors import ConfigError, StoreError
from factcheck.sources.model import Source
from factcheck.store.lock import DEFAULT_LOCK_TIMEOUT, WriterLock
from factcheck.store.migrations import migrate, pending_migrations, unknown_migrations

DEFAULT_DB = "claims.db"


def default_db_path() -> Path:
    return Path(os.environ.get("FACTCHECK_DB") or DEFAULT_DB)


class SourceStates(NamedTuple):
    """What ingest compares each file with (:meth:`Store.source_states`), by source id."""

    hashes: dict[str, tuple[str, str]]  # (SHA-256 of the file, of its sidecar or "")
    readers: dict[str, str]  # the extractor that read it
    paths: dict[str, str]
    signatures: dict[str, tuple[int, int, int, int]]  # stat signature, where recorded
    blobs: dict[str, tuple[str, str]]  # git's blob ids of the file and its sidecar, where recorded


class Store:
    """Typed access to claims.db.

    >>> store = Store(":memory:")
    >>> store.source_ids()
    []
    """

    def __init__(
        self,
        path: str | Path | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
    ):
        self.path = Path(path) if path is not None else default_db_path()
        self._insert_sql: dict[tuple[str, str, tuple[str, ...]], str] = {}  # see insert()
        self.memory = str(self.path) == ":memory:"
        if not self.memory and self.path.exists() and not self.path.is_file():
            raise ConfigError(f"database path {self.path} is not a regular file")
        if not self.memory and not self.path.parent.exists():
            raise ConfigError(f"folder {self.path.parent} for the database does not exist")
        self.lock = None if self.memory else WriterLock(self.path.with_name(self.path.name + ".lock"), lock_timeout, on_wait=on_wait)
        try:
            if self.memory:
                self.db = sqlite_utils.Database(memory=True)
                self._prepare()
            elif not self.path.exists() or self.path.stat().st_size == 0:
                # Creating the file, switching it to WAL and the first migrations need it alone:
                # two commands starting on a new database must not race for them.
                with self.writing():
                    self._connect(lock_timeout)
                    self._prepare()
            else:
                self._connect(lock_timeout)
                self._prepare()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable factcheck database ({exc})") from exc

    def _connect(self, lock_timeout: float) -> None:
        # SQLite's own busy timeout: a reader meeting a writer's commit waits instead of failing
        self.db = sqlite_utils.Database(sqlite3.connect(str(self.path), timeout=max(lock_timeout, 1.0)))
        if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            with self.writing():
                self.db.execute("PRAGMA journal_mode=WAL")

    def _prepare(self) -> None:
        self.db.execute("PRAGMA foreign_keys=ON")
        newer = unknown_migrations(self.db)
        if newer:
            raise StoreError(f"{self.path} was written by a newer factcheck (steps {', '.join(newer)}); upgrade factcheck to use it")
        if pending_migrations(self.db):
            with self.writing():
                if pending_migrations(self.db):  # another command may have migrated while we waited
                    migrate(self.db)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock (re-entrant). The first writer after an unclean stop checks
        the database before touching it."""
        if self.lock is None:
            yield
            return
        with self.lock:
            if self.lock.unclean:
                self.lock.unclean = False
                if hasattr(self, "db"):  # a database being created has nothing to check yet
                    self.check_integrity()
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see one state: in WAL mode a transaction's reads all come from
        the database as it was at its first read, whatever other processes commit meanwhile."""
        with self.db.atomic():
            yield

    def check_integrity(self) -> None:
        """``PRAGMA quick_check``: raise a one-line StoreError when the file is damaged."""
        try:
            problems = [row[0] for row in self.db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems != ["ok"]:
            first = " ".join(str(problems[0]).replace("*** in database main ***", "").split())
            raise StoreError(
                f"{self.path} is damaged ({first[:200]}); move it away and run again to rebuild it from the sources "
                "(decisions live in the baseline file)"
            )

    def close(self) -> None:
        self.db.close()

    @property
    def cache_dir(self) -> Path | None:
        """Where caches derived from this database live (FAISS indexes): ``<db>.faiss/``."""
        if self.memory:
            return None
        return self.path.with_name(self.path.name + ".faiss")

    # -- settings --------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("select value from settings where key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    # -- sources ---------------------------------------------------------------------------
    def source_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("select id from sources order by id")]

    def source_states(self, ids: Iterable[str] | None = None) -> SourceStates:
        """What an ingest compares each stored source with (all of them, in one pass over
        ``sources``, or those of ``ids``): source id -> (hash of the file, hash of its
        sidecar or ""); -> the extractor that read it; -> its path; -> its stat signature
        (size, mtime_ns, sidecar size, sidecar mtime_ns) recorded when it was last read or
        hashed, for the sources with one recorded; -> git's blob ids of the file and its
        sidecar ("" without one), for the sources with them recorded."""
        hashes, readers, paths, signatures, blobs = {}, {}, {}, {}, {}
        sql = "select id, sha256, metadata_sha256, extractor, path, file_blob, sidecar_blob, file_size, file_mtime_ns, sidecar_size, sidecar_mtime_ns from sources"
        rows = self.db.execute(sql) if ids is None else self.db.execute(sql + " where id in (select value from json_each(?))", [json.dumps(sorted(ids))])
        for i, sha, meta, reader, path, blob, side_blob, *signature in rows:  # (rows as tuples)
            hashes[i], readers[i], paths[i] = (sha, meta), reader, path
            if None not in signature:
                signatures[i] = tuple(signature)
            if blob and side_blob is not None:
                blobs[i] = (blob, side_blob)
        return SourceStates(hashes, readers, paths, signatures, blobs)

    def get_source_path(self, source_id: str) -> str | None:
        """A stored source's path (relative to its folder, POSIX separators); None when not stored."""
        row = self.db.execute("select path from sources where id = ?", [source_id]).fetchone()
        return row[0] if row else None

    def corpus_version(self) -> int:
        """The count every change to the stored sources raises (``m027``)."""
        return int(self.db.execute("select version from corpus_version").fetchone()[0])

    def sources_at(self, paths: Iterable[str]) -> dict[str, tuple[str, str | None, str | None]]:
        """``{path: (source id, git's id of its file, of its sidecar)}`` of the stored sources
        found at one of ``paths`` (the ids None where not recorded)."""
        rows = self.db.execute(
            "select path, id, file_blob, sidecar_blob from sources where path in (select value from json_each(?))", [json.dumps(sorted(set(paths)))]
        )
        return {path: (i, blob, side) for path, i, blob, side in rows}

    def source_blobs(self) -> dict[str, tuple[str | None, str | None]]:
        """``{path: (git's id of the file, of its sidecar)}`` of every stored source."""
        return {path: (blob, side) for path, blob, side in self.db.execute("select path, file_blob, sidecar_blob from sources")}

    def set_source_blobs(self, source_id: str, blobs: tuple[str, str]) -> None:
        """Record git's blob ids of a source's file and sidecar ("" without one)."""
        self.db.execute("update sources set file_blob = ?, sidecar_blob = ? where id = ?", [*blobs, source_id])

    def set_source_signature(self, source_id: str, signature: tuple[int, int, int, int] | None) -> None:
        """Record a source's stat signature (None: none to trust, hash it next time)."""
        values = list(signature) if signature is not None else [None] * 4
        self.db.execute(
            "update sources set file_size = ?, file_mtime_ns = ?, sidecar_size = ?, sidecar_mtime_ns = ? where id = ?",
            [*values, source_id],
        )

    def move_source(self, source_id: str, path: str) -> None:
        """Record that an unchanged source is now found at ``path``."""
        self.db.execute("update sources set path = ? where id = ?", [path, source_id])

    def extractors(self) -> list[str]:
        """The distinct extractors that read the stored sources, sorted."""
        return [r[0] for r in self.db.execute("select distinct extractor from sources order by extractor")]

    def get_source(self, source_id: str) -> dict | None:
        rows = list(self.db.query("select * from sources where id = ?", [source_id]))
        return rows[0] if rows else None

    def source_labels(self) -> list[dict]:
        """Each source's id, title, outlet and dates, without its text (what names it)."""
        return list(self.db.query("select id, title, outlet, published, updated from sources order by id"))

    def sources(self) -> list[dict]:
        return list(self.db.query("select * from sources order by id"))

    def replace_source(
        self,
        source: Source,
        sentences: list[dict],
        claims: list[Claim],
        published_origin: str | None,
        entities: Iterable[dict] = (),
        extractor: str = "",
        skipped: Iterable[dict] = (),
    ) -> None:
        """Store a source and everything derived from it, replacing any older version.

        One transaction: a failure leaves the previous version intact.
        """
        with self.db.atomic():
            self._delete_source_rows(source.id)
            record = asdict(source)
            record["date_candidates"] = json.dumps(source.date_candidates, ensure_ascii=False)
            record["published_origin"] = published_origin
            record["extractor"] = extractor
            self.insert("sources", [record])
            self.insert("sentences", sentences)
            self.insert("claims", (_claim_row(c) for c in claims))
            self.insert("quantities", (_quantity_row(c.id, c.quantity) for c in claims if c.quantity))
            self.insert("dates", (_date_row(c.id, c.date) for c in claims if c.date))
            self.insert("events", (_event_row(c.id, c.event) for c in claims if c.event))
            self.insert("entities", entities)
            self.insert(
                "skipped_sentences",
                ({"source_id": source.id, **{k: s[k] for k in ("sentence_index", "start", "end", "error")}} for s in skipped),
            )

    def insert(self, table: str, rows: Iterable[dict], ignore: bool = False) -> None:
        """Insert ``rows``, each naming the same columns in the same order, into the existing
        ``table``: the values sqlite-utils' ``insert_all`` stores (lists and dicts as JSON),
        through one prepared statement per table; ``insert_all`` reads the schema again on
        every call, which cost more than the rows when each source's rows were stored.

        ``ignore``: a row whose key is already stored is left out (``insert or ignore``).
        Rows naming other columns than the first raise ``ValueError`` (``insert_all`` would
        store NULL for a column a row leaves out, not the column's default).
        """
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return
        columns = tuple(first)
        verb = "insert or ignore" if ignore else "insert"
        sql = self._insert_sql.get((verb, table, columns))
        if sql is None:
            names = ", ".join(f"[{c}]" for c in columns)
            sql = self._insert_sql[verb, table, columns] = f"{verb} into [{table}] ({names}) values ({', '.join('?' * len(columns))})"

        def values(row: dict) -> tuple:
            if tuple(row) != columns:
                raise ValueError(f"a row for {table} names columns {sorted(row)}, not {sorted(columns)}")
            return tuple(map(_sql_value, row.values()))

        self.db.conn.executemany(sql, map(values, itertools.chain([first], rows)))

    def remove_source(self, source_id: str) -> bool:
        """Delete a source and its rows; returns False when it was not stored."""
        if self.get_source(source_id) is None:
            return False
        with self.db.atomic():
            self._delete_source_rows(source_id)
        return True

    def _delete_source_rows(self, source_id: str) -> None:
        claim_ids = "select id from claims where source_id = ?"
        # what the next reconcile derives again: the source, its claims and the claims aligned
        # with them (their clusters may split); the claims' cluster rows stay until then, so
        # it knows which clusters they were in
        self.db.execute("insert or ignore into sources_to_rederive (source_id) values (?)", [source_id])
        self.db.execute(f"insert or ignore into claims_to_rederive (claim_id) {claim_ids}", [source_id])
        self.db.execute(f"insert or ignore into claims_to_rederive (claim_id) select claim_b from alignments where claim_a in ({claim_ids})", [source_id])
        self.db.execute(f"insert or ignore into claims_to_rederive (claim_id) select claim_a from alignments where claim_b in ({claim_ids})", [source_id])
        self.db.execute(f"delete from quantities where claim_id in ({claim_ids})", [source_id])
        self.db.execute(f"delete from dates where claim_id in ({claim_ids})", [source_id])
        self.db.execute(f"delete from events where claim_id in ({claim_ids})", [source_id])
        self.db.execute(f"delete from alignments where claim_a in ({claim_ids})", [source_id])
        self.db.execute(f"delete from alignments where claim_b in ({claim_ids})", [source_id])
        self.db.execute("delete from entities where source_id = ?", [source_id])
        self.db.execute("delete from skipped_sentences where source_id = ?", [source_id])
        self.db.execute("delete from claims where source_id = ?", [source_id])
        self.db.execute("delete from sentences where source_id = ?", [source_id])
        self.db.execute("delete from sources where id = ?", [source_id])

    # -- sentences and claims --------------------------------------------------------------
    def claims(
        self,
        source_id: str | None = None,
        claim_ids: Iterable[str] | None = None,
        sentence_ids: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
    ) -> list[dict]:
        """Claims joined with their sentence, quantity, date and event, in stable order; of
        one source, with given ids, of given sentences, or of given kinds."""
        sql = (
            "select c.*, s.text as text, s.content_hash as sentence_hash, q.value, q.low, q.high, q.qualifier, q.unit, q.noun, q.total, "
            "q.approximate, q.whole, q.partitive, d.date, d.precision, d.calendar, d.resolved_from, d.month_day, "
            "d.date_end, d.part, d.hijri, d.readings, d.event as dated_event, e.action, e.stage, e.identity, e.form, e.agent_type, e.placed, src.published as published "
            "from claims c join sentences s on s.id = c.sentence_id "
            "join sources src on src.id = c.source_id "
            "left join quantities q on q.claim_id = c.id left join dates d on d.claim_id = c.id "
            "left join events e on e.claim_id = c.id"
        )
        where, params = _claim_filter(source_id, kinds, "c.")
        lists = [(column, list(dict.fromkeys(wanted))) for column, wanted in (("c.id", claim_ids), ("c.sentence_id", sentence_ids)) if wanted is not None]
        if any(not ids for _, ids in lists):
            return []
        # each list in chunks, so a component of any size stays within SQLite's variable limit
        batches = [[]] if not lists else [[(lists[0][0], chunk)] + [(c, ids) for c, ids in lists[1:]] for chunk in _chunks(lists[0][1])]
        rows, shared = [], _Shared()
        for batch in batches:
            clauses = where + [f"{column} in ({','.join('?' * len(ids))})" for column, ids in batch]
            values = params + [x for _, ids in batch for x in ids]
            query = sql + _where(clauses)
            rows += [_claim_dict(row, shared) for row in self.db.query(query, values)]
        rows.sort(key=lambda r: (r["source_id"], r["char_start"], r["id"]))
        return rows

    def claim_texts(self, source_ids: Iterable[str]) -> dict[str, str]:
        """The texts the claims of these sources are embedded by, their contexts and their
        sentences, by content hash (what embedding needs, without reading whole claims)."""
        texts: dict[str, str] = {}
        for chunk in _chunks(sorted(set(source_ids))):
            marks = ",".join("?" * len(chunk))
            texts.update(self.db.execute(f"select context_hash, context from claims where source_id in ({marks})", chunk))
            texts.update(
                self.db.execute(
                    f"select s.content_hash, s.text from sentences s where s.id in (select sentence_id from claims where source_id in ({marks}))", chunk
                )
            )
        return texts

    def sentence_ids_of(self, claim_ids: Iterable[str]) -> set[str]:
        """The sentences of these claims."""
        found: set[str] = set()
        for chunk in _chunks(list(claim_ids)):
            found.update(r["sentence_id"] for r in self.db.query(f"select sentence_id from claims where id in ({','.join('?' * len(chunk))})", chunk))
        return found

    def skipped_sentences(self) -> list[dict]:
        """Sentences whose analysis failed, with their text, in source and sentence order."""
        rows = self.db.query(
            "select k.source_id, k.sentence_index, k.start, k.end, k.error, substr(s.text, k.start + 1, k.end - k.start) as text "
            "from skipped_sentences k join sources s on s.id = k.source_id order by k.source_id, k.sentence_index"
        )
        return list(rows)

    def count(self, table: str) -> int:
        return self.db[table].count

    # -- embeddings ------------------------------------------------------------------------
    def missing_embeddings(self, hashes: Iterable[str], model: str) -> set[str]:
        wanted = set(hashes)
        if not wanted:
            return set()
        have = set()
        ids = list(wanted)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            have.update(
                r["content_hash"]
                for r in self.db.query(
                    f"select content_hash from embeddings where model = ? and content_hash in ({','.join('?' * len(chunk))})",
                    [model, *chunk],
                )
            )
        return wanted - have

    def save_embeddings(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.db.atomic():
            self.db["embeddings"].upsert_all(
                (
                    {"content_hash": h, "model": model, "dim": int(v.shape[0]), "embedding": v.astype(np.float32).tobytes()}
                    for h, v in vectors.items()
                ),
                pk=("content_hash", "model"),
            )

    def embeddings(self, hashes: Iterable[str], model: str) -> dict[str, np.ndarray]:
        return {content_hash: np.frombuffer(blob, dtype=np.float32) for content_hash, blob in self.embedding_blobs(hashes, model)}

    def embedding_blobs(self, hashes: Iterable[str], model: str) -> Iterator[tuple[str, bytes]]:
        """(content hash, stored float32 bytes) of those of ``hashes`` embedded by ``model``."""
        ids = list(set(hashes))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            yield from self.db.execute(
                f"select content_hash, embedding from embeddings where model = ? and content_hash in ({','.join('?' * len(chunk))})",
                [model, *chunk],
            )

    def prune_embeddings(self) -> int:
        """Drop vectors no stored sentence or claim refers to any more."""
        before = self.db["embeddings"].count
        self.db.execute(
            "delete from embeddings where content_hash not in (select content_hash from sentences) "
            "and content_hash not in (select context_hash from claims)"
        )
        return before - self.db["embeddings"].count

    # -- reconcile results -----------------------------------------------------------------
    def replace_reconciliation(
        self, clusters: list[dict], members: list[dict], discrepancies: list[dict], relations: list[dict] = (), pairs: list[dict] = ()
    ) -> None:
        with self.db.atomic():
            for table in ("cluster_claims", "cluster_pairs", "clusters", "discrepancies", "source_relations", "claims_to_rederive", "sources_to_rederive"):
                self.db.execute(f"delete from {table}")
            self.insert("source_relations", relations)
            self.insert_components(clusters, members, pairs, discrepancies)

    def insert_components(self, clusters: list[dict], members: list[dict], pairs: list[dict], discrepancies: list[dict]) -> None:
        self.insert("clusters", clusters)
        self.insert("cluster_claims", members)
        self.insert("cluster_pairs", pairs)
        self.insert("discrepancies", discrepancies)

    def delete_clusters(self, cluster_ids: list[str]) -> None:
        """Forget clusters with their members, pairs and discrepancies (an incremental run
        derives them again)."""
        for chunk in _chunks(cluster_ids):
            marks = ",".join("?" * len(chunk))
            for table, column in (("discrepancies", "cluster_id"), ("cluster_claims", "cluster_id"), ("cluster_pairs", "cluster_id"), ("clusters", "id")):
                self.db.execute(f"delete from {table} where {column} in ({marks})", chunk)

    def clusters_of(self, claim_ids: Iterable[str]) -> list[str]:
        """The clusters holding any of these claims (removed ones too, until reconciled)."""
        found: set[str] = set()
        for chunk in _chunks(list(claim_ids)):
            sql = f"select distinct cluster_id from cluster_claims where claim_id in ({','.join('?' * len(chunk))})"
            found.update(r["cluster_id"] for r in self.db.query(sql, chunk))
        return sorted(found)

    def cluster_pairs(self, cluster_ids: Iterable[str]) -> list[dict]:
        rows = []
        for chunk in _chunks(list(cluster_ids)):
            rows += self.db.query(f"select * from cluster_pairs where cluster_id in ({','.join('?' * len(chunk))})", chunk)
        return rows

    def rederive_marks(self) -> tuple[list[str], list[str]]:
        """(claims, sources) changed since the last reconcile (see ``m014``)."""
        claims = [r["claim_id"] for r in self.db.query("select claim_id from claims_to_rederive order by claim_id")]
        sources = [r["source_id"] for r in self.db.query("select source_id from sources_to_rederive order by source_id")]
        return claims, sources

    def existing_claim_ids(self, claim_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(claim_ids)):
            found.update(r["id"] for r in self.db.query(f"select id from claims where id in ({','.join('?' * len(chunk))})", chunk))
        return found

    # -- what an incremental reconcile looks up --------------------------------------------
    def replace_claim_keys(self, claim_ids: Iterable[str] | None, keys: Iterable[dict], actors: Iterable[dict]) -> None:
        """Replace the blocking keys and actor names of ``claim_ids`` (None: of every claim)."""
        if claim_ids is None:
            self.db.execute("delete from claim_keys")
            self.db.execute("delete from claim_actors")
        else:
            for chunk in _chunks(list(claim_ids)):
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"delete from claim_keys where claim_id in ({marks})", chunk)
                self.db.execute(f"delete from claim_actors where claim_id in ({marks})", chunk)
        self.insert("claim_keys", keys, ignore=True)
        self.insert("claim_actors", actors, ignore=True)

    def key_members(self, key: str, lists: Iterable[int] | None = None) -> list[dict]:
        """The claims with blocking key ``key`` (only those filed in ``lists``, when given:
        see ``m024``), in the order :meth:`claims` gives them."""
        where, params = "k.key = ?", [key]
        if lists is not None:
            wanted = sorted({int(x) for x in lists})
            where += f" and k.list in ({','.join('?' * len(wanted))})"
            params += wanted
        rows = self.db.execute(
            "select k.claim_id, k.bound, k.list, c.sentence_id, c.context_hash, s.content_hash "
            "from claim_keys k join claims c on c.id = k.claim_id join sentences s on s.id = c.sentence_id "
            f"where {where} order by c.source_id, c.char_start, c.id",
            params,
        )
        # (rows as tuples: a key of a large corpus has tens of thousands of members)
        return [
            {"id": i, "bound": bound, "list": filed, "sentence_id": sentence, "context_hash": context, "sentence_hash": content}
            for i, bound, filed, sentence, context, content in rows
        ]

    def key_size(self, key: str) -> tuple[int, int]:
        """(members of blocking key ``key``, those of them filed in no list)."""
        row = self.db.execute("select count(*), count(*) - count(list) from claim_keys where key = ?", [key]).fetchone()
        return int(row[0]), int(row[1])

    def block_centroids(self, key: str, model: str) -> tuple[np.ndarray, int] | None:
        """The centroids a large block was trained with under ``model``, and how many
        members it was trained on; None when it has none stored."""
        row = self.db.execute("select members, dim, centroids from block_lists where key = ? and model = ?", [key, model]).fetchone()
        if row is None or not row[1] or len(row[2]) % (4 * row[1]):
            return None
        return np.frombuffer(row[2], dtype=np.float32).reshape(-1, row[1]), int(row[0])

    def save_block_lists(self, model: str, blocks: Iterable[tuple[str, np.ndarray, int]], everything: bool = False) -> None:
        """Store each block's (key, centroids, how many members they were trained on);
        ``everything``: these are all the blocks there are (the others' are dropped). Each
        member's list goes in ``claim_keys.list`` (:meth:`set_key_lists`, or with its row)."""
        if everything:
            self.db.execute("delete from block_lists")
        for key, centroids, members in blocks:
            centroids = np.ascontiguousarray(centroids, dtype=np.float32)
            self.db.execute(
                "insert or replace into block_lists (key, model, members, dim, centroids) values (?, ?, ?, ?, ?)",
                [key, model, int(members), int(centroids.shape[1]), centroids.tobytes()],
            )

    def set_key_lists(self, key: str, lists: dict[str, int]) -> None:
        """File members of blocking key ``key`` in lists (claim id -> list)."""
        self.db.conn.executemany("update claim_keys set list = ? where key = ? and claim_id = ?", [(x, key, cid) for cid, x in sorted(lists.items())])

    def actor_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("select distinct name from claim_actors order by name")]

    def names_present(self, names: Iterable[str]) -> set[str]:
        """Those of ``names`` some claim's actors hold."""
        rows = self.db.execute("select distinct name from claim_actors where name in (select value from json_each(?))", [json.dumps(sorted(set(names)))])
        return {r[0] for r in rows}

    def names_of(self, claim_ids: Iterable[str]) -> set[str]:
        """The actors' names recorded for these claims."""
        rows = self.db.execute("select distinct name from claim_actors where claim_id in (select value from json_each(?))", [json.dumps(sorted(set(claim_ids)))])
        return {r[0] for r in rows}

    def claims_naming(self, names: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(names))):
            sql = f"select claim_id from claim_actors where name in ({','.join('?' * len(chunk))})"
            found.update(r["claim_id"] for r in self.db.query(sql, chunk))
        return found

    def claim_ids_by_prefix(self, prefixes: Iterable[str]) -> dict[str, list[str]]:
        """Claim ids starting with each prefix (an index lookup per prefix)."""
        out: dict[str, list[str]] = {}
        for prefix in prefixes:
            out[prefix] = [r["id"] for r in self.db.query("select id from claims where id >= ? and id < ? order by id", [prefix, prefix + "\U0010ffff"])]
        return out

    def alignments_touching(self, claim_ids: Iterable[str]) -> list[dict]:
        rows: dict[tuple[str, str], dict] = {}
        for chunk in _chunks(list(claim_ids)):
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(f"select * from alignments where claim_a in ({marks}) union select * from alignments where claim_b in ({marks})", chunk + chunk):
                rows[(r["claim_a"], r["claim_b"])] = r
        return [rows[k] for k in sorted(rows)]

    def joining_rows_touching(self, claim_ids: Iterable[str]) -> list[dict]:
        """The alignment rows touching ``claim_ids`` that join clusters (``joins``)."""
        return [r for r in self.alignments_touching(claim_ids) if r["joins"]]

    def set_joins(self, decided: dict[tuple[str, str], bool] | None, joined: Iterable[tuple[str, str]] = ()) -> None:
        """Record which alignment rows join clusters: the rows ``decided`` (claim_a, claim_b),
        or, with ``decided`` None, every row (those in ``joined`` do, the others not)."""
        if decided is None:
            self.db.execute("update alignments set joins = 0")
            decided = dict.fromkeys(joined, True)
        rows = sorted(decided.items())
        self.db.conn.executemany("update alignments set joins = ? where claim_a = ? and claim_b = ?", [(int(j), a, b) for (a, b), j in rows])

    def claim_count(self, source_id: str | None = None, kinds: Iterable[str] | None = None) -> int:
        where, params = _claim_filter(source_id, kinds)
        return self.db.execute(f"select count(*) from claims{_where(where)}", params).fetchone()[0]

    def claim_languages(self, source_id: str, kinds: Iterable[str] | None = None) -> dict[str, int]:
        where, params = _claim_filter(source_id, kinds)
        return {r["lang"]: r["n"] for r in self.db.query(f"select lang, count(*) as n from claims{_where(where)} group by lang order by lang", params)}

    def agreeing_pairs(self, sa: str, sb: str) -> list[dict]:
        """The cluster pairs whose claims, one of each source, agree."""
        return list(
            self.db.query(
                "select * from cluster_pairs where agree = 1 and ((source_a = ? and source_b = ?) or (source_a = ? and source_b = ?)) order by claim_a, claim_b",
                [sa, sb, sb, sa],
            )
        )

    def relations_of(self, source_ids: Iterable[str]) -> list[dict]:
        found: dict[tuple[str, str], dict] = {}
        for sid in sorted(set(source_ids)):
            for r in self.db.query("select * from source_relations where source_a = ? union select * from source_relations where source_b = ?", [sid, sid]):
                found[(r["source_a"], r["source_b"])] = r
        return [found[k] for k in sorted(found)]

    def relation(self, sa: str, sb: str) -> dict | None:
        sa, sb = sorted((sa, sb))
        rows = list(self.db.query("select * from source_relations where source_a = ? and source_b = ?", [sa, sb]))
        return rows[0] if rows else None

    def replace_relation(self, sa: str, sb: str, row: dict | None) -> None:
        self.db.execute("delete from source_relations where source_a = ? and source_b = ?", sorted((sa, sb)))
        if row is not None:
            self.db["source_relations"].insert(row, pk=("source_a", "source_b"))

    def declared_translations(self, source_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(source, the source it translates) for stored sources among ``source_ids`` or
        translated by one of them."""
        found = set()
        for sid in sorted(set(source_ids)):
            for r in self.db.query(
                "select id, translation_of from sources where id = ? and translation_of is not null "
                "union select id, translation_of from sources where translation_of = ?",
                [sid, sid],
            ):
                found.add((r["id"], r["translation_of"]))
        return sorted(found)

    def mark_related(self, sa: str, sb: str, related: bool) -> None:
        """Set ``related_sources`` on the discrepancies between two sources' claims."""
        for x, y in ((sa, sb), (sb, sa)):
            self.db.execute(
                "update discrepancies set related_sources = ? where id in (select d.id from claims a "
                "join discrepancies d on d.claim_a = a.id join claims b on b.id = d.claim_b where a.source_id = ? and b.source_id = ?)",
                [int(related), x, y],
            )

    # -- alignments (the reconciler's raw pairs) ---------------------------------------------
    def alignments(self) -> list[dict]:
        return list(self.alignment_rows())

    def alignment_rows(self) -> Iterator[dict]:
        """Every alignment row, in (claim_a, claim_b) order, read as it is used."""
        return self.db.query("select * from alignments order by claim_a, claim_b")

    def unaligned_claim_ids(self) -> list[str]:
        return [r["id"] for r in self.db.query("select id from claims where aligned is null or aligned = 0 order by id")]

    def save_alignments(self, rows: list[dict], claim_ids: Iterable[str] | None = None) -> None:
        """Store alignment rows and mark claims aligned: all of them (``claim_ids`` None, a
        full run, which replaces every row) or just those given (an incremental run, which
        replaces the rows of those claims)."""
        with self.db.atomic():
            if claim_ids is None:
                self.db.execute("delete from alignments")
                self.db.execute("update claims set aligned = 1")
            else:
                ids = list(claim_ids)
                for i in range(0, len(ids), 500):
                    chunk = ids[i : i + 500]
                    marks = ",".join("?" * len(chunk))
                    # a claim aligned again (its names re-anchored) drops its earlier rows
                    self.db.execute(f"delete from alignments where claim_a in ({marks}) or claim_b in ({marks})", chunk + chunk)
                    self.db.execute(f"update claims set aligned = 1 where id in ({marks})", chunk)
            self.db["alignments"].upsert_all(rows, pk=("claim_a", "claim_b"))

    def source_relations(self) -> list[dict]:
        return list(self.db.query("select * from source_relations order by source_a, source_b"))

    def clusters(self) -> list[dict]:
        clusters = list(self.db.query("select * from clusters order by id"))
        members: dict[str, list[str]] = {}
        for r in self.db.query("select cluster_id, claim_id from cluster_claims order by cluster_id, claim_id"):
            members.setdefault(r["cluster_id"], []).append(r["claim_id"])
        for c in clusters:
            c["claim_ids"] = members.get(c["id"], [])
        return clusters

    def discrepancies(self, where: str = "", params: Iterable = ()) -> list[dict]:
        """Discrepancies with their status (``status``) and sources (``source_a``,
        ``source_b``), worst first; ``where`` filters them in SQL (``d`` is the discrepancy,
        ``status`` its status, ``a`` and ``b`` its claims)."""
        rows = list(self.db.query(self._discrepancies_sql("*", where), list(params)))
        for r in rows:
            r["internal"] = bool(r["internal"])
            r["related_sources"] = bool(r["related_sources"])
            r["dispute"] = bool(r["dispute"])
            r["same_party"] = bool(r["same_party"])
            r["parties"] = json.loads(r["parties"] or "[]")
        return rows

    def decided_discrepancy_count(self) -> int:
        """How many stored discrepancies the baseline's copy decides (any status but open):
        counted from the two tables' keys, no claim joined, no id built."""
        sql = "select count(*) from decisions dec join discrepancies d on d.id = dec.discrepancy_id where dec.status != 'open'"
        return int(self.db.execute(sql).fetchone()[0])

    def open_discrepancy_ids(self, severities: Iterable[str]) -> list[str]:
        """The ids of the open discrepancies (no decision, or one that leaves it open) of
        one of ``severities``, in id order: those of the severities (an index) less those
        decided, merged in key order."""
        wanted = sorted(set(severities))
        if not wanted:
            return []
        sql = (
            f"select id from discrepancies where severity in ({','.join('?' * len(wanted))}) "
            "except select discrepancy_id from decisions where status != 'open' order by 1"
        )
        return [row[0] for row in self.db.execute(sql, wanted).fetchall()]

    def open_discrepancy_count(self, severities: Iterable[str]) -> int:
        """How many :meth:`open_discrepancy_ids` there are, counted in SQL."""
        wanted = sorted(set(severities))
        if not wanted:
            return 0
        sql = (
            f"select count(*) from (select id from discrepancies where severity in ({','.join('?' * len(wanted))}) "
            "except select discrepancy_id from decisions where status != 'open')"
        )
        return int(self.db.execute(sql, wanted).fetchone()[0])

    @staticmethod
    def _discrepancies_sql(columns: str, where: str) -> str:
        return (
            f"select {columns} from (select d.*, coalesce(dec.status, 'open') as status, a.source_id as source_a, b.source_id as source_b "
            "from discrepancies d left join decisions dec on dec.discrepancy_id = d.id "
            "left join claims a on a.id = d.claim_a left join claims b on b.id = d.claim_b) d "
            + (f"where {where} " if where else "")
            # worst first, as factcheck.reports.presentation.worst_first orders them
            + "order by case d.severity when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end, "
            "case d.kind when 'conflict' then 0 when 'supersession' then 1 when 'precision' then 2 else 3 end, "
            "d.dispute, d.related_sources, d.confidence desc, d.id"
        )

    # -- decisions (the database's cache of the baseline) -----------------------------------
    def decisions(self) -> list[dict]:
        return list(self.db.query("select discrepancy_id, status, note, author from decisions order by discrepancy_id"))

    def replace_decisions(self, decisions: Iterable[dict], read_from: str | None = None) -> None:
        """Make the database's copy of the baseline ``decisions``; a copy that already holds
        them (by a digest recorded with it) is not written again, so a check against a large
        unchanged baseline costs no write. ``read_from``: the signature of the file they were
        read from, when it can be trusted (:meth:`baseline_read_from` gives it back, and any
        other replacement forgets it)."""
        decisions = list(decisions)
        with self.db.atomic():
            if not self.holds_decisions(decisions):
                self.db.execute("delete from decisions")
                self.db["decisions"].insert_all(decisions, pk="discrepancy_id")
                self.set_setting("decisions_digest", _decisions_digest(decisions))
            if self.baseline_read_from() != read_from:
                self.set_setting("baseline_signature", read_from or "")

    def baseline_read_from(self) -> str | None:
        """The signature of the baseline file the decisions were last copied from, when it
        was recorded (see :meth:`replace_decisions`)."""
        return self.get_setting("baseline_signature") or None

    def holds_decisions(self, decisions: list[dict]) -> bool:
        """Whether the copy holds exactly ``decisions`` (by the digest written with it)."""
        return self.get_setting("decisions_digest") == _decisions_digest(decisions)

def _claim_filter(source_id: str | None, kinds: Iterable[str] | None, prefix: str = "") -> tuple[list[str], list]:
    """SQL conditions (and their parameters) on the claims of one source, of some kinds."""
    clauses, params = [], []
    if source_id is not None:
        clauses.append(f"{prefix}source_id = ?")
        params.append(source_id)
    if kinds is not None:
        wanted = sorted(set(kinds))
        clauses.append(f"{prefix}kind in ({','.join('?' * len(wanted))})")
        params += wanted
    return clauses, params


def _where(clauses: list[str]) -> str:
    return " where " + " and ".join(clauses) if clauses else ""


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Shared(dict):
    """One string object for each distinct string read by one query: a corpus's claims
    repeat a few words (kinds, units, frame keys, names) and each sentence's text and ids
    for every claim of it, and a large corpus is held in memory whole by a full reconcile."""

    def __missing__(self, text: str) -> str:
        self[text] = text
        return text

    def value(self, value):
        """``value`` with its strings (inside lists and dicts too) shared."""
        if isinstance(value, str):
            return self[value]
        if isinstance(value, list):
            return [self.value(x) for x in value]
        if isinstance(value, dict):
            return {self[k]: self.value(x) for k, x in value.items()}
        return value


def _claim_dict(row: dict, shared: _Shared) -> dict:
    """A stored claim row with its JSON columns read and its flags as booleans; its strings
    shared with the other rows of the query (``shared``)."""
    for column in _JSON_COLUMNS:
        text = row[column]
        row[column] = shared.value(json.loads(text)) if text else _JSON_COLUMNS[column]()
    row["identity"] = [shared[x] for x in row["identity"].split(",")] if row["identity"] else None
    for flag in ("hedged", "negated", "whole", "partitive"):
        row[flag] = bool(row[flag])
    if "endorsed" in row:
        row["endorsed"] = bool(row["endorsed"])
    for column, value in row.items():
        if type(value) is str:
            row[column] = shared[value]
    return row


#: The claim columns stored as JSON, and what an empty one reads as.
_JSON_COLUMNS = {"entities": list, "actors": list, "frame": dict, "readings": lambda: None}


def _claim_row(claim: Claim) -> dict:
    return {
        "id": claim.id,
        "source_id": claim.source_id,
        "sentence_id": f"{claim.source_id}:{claim.sentence_index}",
        "kind": claim.kind,
        "lang": claim.lang,
        "quote": claim.quote,
        "char_start": claim.char_start,
        "char_end": claim.char_end,
        "sentence_start": claim.sentence_start,
        "sentence_end": claim.sentence_end,
        "hedged": int(claim.hedged),
        "negated": int(claim.negated),
        "context": claim.context,
        "context_words": claim.context_words,
        "predicate_words": claim.predicate_words,
        "subject": claim.subject,
        "object": claim.object,
        "part_of": claim.part_of,
        "entities": json.dumps(claim.entities, ensure_ascii=False),
        "actors": json.dumps(claim.actors, ensure_ascii=False),
        "frame": json.dumps(claim.frame.to_dict(), ensure_ascii=False, sort_keys=True),
        "context_hash": content_hash(claim.context),
        "attributed_to": claim.attribution.party,
        "attribution": claim.attribution.how,
        "attribution_cue": claim.attribution.cue,
        "endorsed": int(claim.attribution.endorsed),
    }


def _quantity_row(claim_id: str, q: Quantity) -> dict:
    return {
        "claim_id": claim_id,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
        "unit": q.unit,
        "noun": q.noun,
        "total": q.total,
        "whole": int(q.whole),
        "partitive": int(q.partitive),
        "approximate": int(q.approximate),
    }


def _date_row(claim_id: str, d: DateMention) -> dict:
    return {
        "claim_id": claim_id,
        "date": d.date,
        "precision": d.precision,
        "calendar": d.calendar,
        "resolved_from": d.resolved_from,
        "month_day": d.month_day,
        "date_end": d.date_end,
        "part": d.part,
        "hijri": d.hijri,
        "readings": json.dumps(d.readings) if d.readings else None,
        "event": d.event,
    }


def _event_row(claim_id: str, e: EventMention) -> dict:
    return {
        "claim_id": claim_id, "action": e.action, "stage": e.stage, "agent": e.agent, "patient": e.patient,
        "identity": ",".join(e.identity), "form": e.form, "agent_type": e.agent_type, "placed": e.placed,
    }  # fmt: skip


_PLAIN = (str, int, float, bytes, type(None))


def _sql_value(value: object) -> object:
    """A value as sqlite-utils stores it (lists and dicts as JSON)."""
    return value if type(value) in _PLAIN else jsonify_if_needed(value)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _decisions_digest(decisions: list[dict]) -> str:
    return hashlib.sha256(json.dumps(decisions, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
