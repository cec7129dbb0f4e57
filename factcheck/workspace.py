"""The library API: every CLI command is one call on a :class:`Factcheck`.

>>> from factcheck.workspace import Factcheck
>>> fc = Factcheck(db_path=":memory:", model="hashing")
>>> fc.ingest(["sources"]).claims  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from factcheck.baseline import BASELINE_NAME, Baseline
from factcheck.claims.attribution import cues as attribution_cues
from factcheck.claims.entities import AliasTable, default_aliases
from factcheck.claims.name_keys import name_words
from factcheck.claims.events import event_lexicon
from factcheck.claims.extract import EXTRACTOR_VERSION, Analysis
from factcheck.claims.lexicon import lexicon
from factcheck.embeddings.base import Embedder, load_embedder, model_members
from factcheck.engines.base import Engine, check_engine, open_engine, parse_workers
from factcheck.errors import QueryError, SourceError
from factcheck.memory import give_back
from factcheck.index import ranking
from factcheck.index.vector_index import VectorIndex, faiss_id, tier
from factcheck.reconcile.judge import SEVERITIES, severity_at_least
from factcheck.reconcile.model import slot_model
from factcheck.claims.name_keys import NameAnchors
from factcheck.reconcile.incremental import candidates as incremental_candidates, key_rows, key_text, load_claims, rederive
from factcheck.reconcile.reconciler import ALIGNMENT_RULES, ClaimVectors, align_candidates, align_pairs, claim_index_id, claim_vector, derive
from factcheck.reconcile.slots import annotate
from factcheck.reconcile.stance import EventStance
from factcheck.reconcile.thresholds import Thresholds, check_thresholds_file, thresholds_for
from factcheck.reports.build import build_report, claim_record, discrepancy_record
from factcheck.reports.presentation import worst_first
from factcheck.sources.changes import changed_since, repo_root
from factcheck.sources import worktree
from factcheck.sources.files import ALIASES_NAME, MAX_ALIASES_BYTES, SIDECAR_SUFFIX, checked_target
from factcheck.sources.loader import RealPaths, Scan, load_source, path_stem, scan_sources, source_ids
from factcheck.sources.metadata import sidecar_ids
from factcheck.sources.tracked import TrackedQuery, listing_prefix
from factcheck.sources.worktree import FolderState
from factcheck.sources.signature import RACY_NS, recordable
from factcheck.text.normalize import normalize_for_match
from factcheck.store.database import SourceStates, Store
from factcheck.store.lock import DEFAULT_LOCK_TIMEOUT

Progress = Callable[[str, int, int], None]  # (step, done, total)
# the version of what an incremental reconcile looks up (claim_keys, claim_actors,
# cluster_pairs): a database without it (or with another) is derived whole once, then incrementally
INCREMENTAL_TABLES = "1"
MAX_QUERY_CHARS = 2000
EMBED_BATCH = 256  # texts per call to the embedder
FOLDER_STATE = "folder_state"  # the setting: what the last ingest of a folder left stored, against a git commit


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    claims: int = 0  # claims extracted from added and updated sources
    skipped: list[dict] = field(default_factory=list)  # sentences of those sources that could not be analysed
    embedded: int = 0  # texts sent to the embedding model in this run
    scan: Scan | None = field(default=None, repr=False)  # the source files found (Scan.paths, sorted)
    #: whether ``scan`` lists every source file; else only those examined, the folder's
    #: recorded state standing for the others (``unchanged``, at their stored paths)
    listed: bool = field(default=True, repr=False)


@dataclass
class _Touched:
    """What an ingest examines when a folder's recorded state stands for the rest."""

    scan: Scan  # the source files to examine (changed, untracked, the state's extras), found on disk
    states: SourceStates  # the stored states of their ids and of the sources stored at their paths
    untouched: list[str]  # every other stored source's id: unchanged
    aliases: AliasTable
    reader: str
    state: FolderState
    head: str  # the commit HEAD names now
    paths: list[str]  # the folder-relative paths examined, found or not
    between: worktree.Later | None  # what changed between the recorded commit and HEAD (None: the same)
    blobs: worktree.Later | None  # HEAD's blob ids of ``paths`` and their sidecars (None: no paths)

    def close(self) -> None:
        for query in (self.between, self.blobs):
            if query is not None:
                query.close()


@dataclass
class ReconcileResult:
    claims: int
    candidate_pairs: int
    aligned_pairs: int
    clusters: int
    discrepancies: int
    embedded: int
    searched: int = 0  # claims searched against the index in this run (new or changed ones)
    derived: int = 0  # claims whose clusters and discrepancies were derived again (all, unless incremental)


@dataclass
class CheckResult:
    new: list[dict]  # open, at or above the threshold, not in the baseline (report records, with locations)
    known: int  # how many discrepancies the baseline acknowledges or dismisses
    below: int  # how many open discrepancies lie under the threshold
    ingest: IngestResult
    fail_on: str
    since: str | None = None
    changed: list[str] = field(default_factory=list)  # ids of the sources counted as changed
    elsewhere: list[str] = field(default_factory=list)  # with since: ids of open ones not touching a changed source

    @property
    def exit_code(self) -> int:
        return 1 if self.new else 0


def _baseline_stat(path: Path) -> os.stat_result | None:
    """A baseline file's ``stat``; None when it cannot be read (:meth:`Baseline.load` says
    why, or finds none)."""
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _signature(stored: str | None) -> dict[str, list[str]] | None:
    """The name anchors an earlier run stored, or None when none are stored or what is
    stored is unreadable: then every claim is aligned afresh."""
    try:
        value = json.loads(stored) if stored else None
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        return None
    return value


class Factcheck:
    """One claims database, one embedding model, one set of thresholds."""

    def __init__(
        self,
        db_path: str | Path | None = None,
        model: str | None = None,
        thresholds_file: Path | None = None,
        aliases_file: Path | None = None,
        progress: Progress | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
        strict: bool = False,
        workers: int | None = None,
        engine: str = "local",
        scheduler: str | None = None,
        rehash: bool = False,
        pair_judge: Path | str | None = None,
        pair_judge_model: str = "e5",
    ):
        # What runs ingest's extraction and embedding (factcheck/engines): checked before the
        # database is opened, so a bad value costs nothing.
        self.workers = parse_workers(workers) if workers is not None else parse_workers(os.environ.get("FACTCHECK_WORKERS"), "FACTCHECK_WORKERS")
        self.engine, self.scheduler = engine, scheduler
        check_engine(engine, scheduler)
        self.rehash = rehash  # hash every file, whatever its recorded size and time say
        # --pair-judge FILE, else FACTCHECK_PAIR_JUDGE: the pair judgement that weighs two
        # reports of one event (reconcile/stance.py), trained when first needed; the file is
        # checked before the database is opened
        judge_file = pair_judge or os.environ.get("FACTCHECK_PAIR_JUDGE") or None
        self.stance: EventStance | None = EventStance(judge_file, pair_judge_model) if judge_file else None
        # A configuration mistake stops the command before it does any work, before the
        # database is opened: the lexicon, the event lexicon, the attribution lists and the
        # slot model are checked now, not when first needed (and the model name and
        # thresholds file below).
        lexicon()
        event_lexicon()
        attribution_cues()
        slot_model()
        self.store = Store(db_path, lock_timeout=lock_timeout, on_wait=on_wait)
        self.strict = strict  # a sentence that cannot be analysed stops the command
        self.model_spec = model or os.environ.get("FACTCHECK_MODEL") or None
        self._embedder: Embedder | None = None
        self._thresholds_file = thresholds_file
        model_members(self.model_spec)
        if thresholds_file is not None:
            check_thresholds_file(thresholds_file)
        self._thresholds: Thresholds | None = None
        # --aliases FILE, else FACTCHECK_ALIASES; a sources folder's own aliases.toml joins
        # them when that folder is read (aliases_for)
        self._alias_file: str | None = str(aliases_file) if aliases_file else os.environ.get("FACTCHECK_ALIASES") or None
        self.aliases: AliasTable = default_aliases(self._alias_file)
        self.progress = progress or (lambda step, done, total: None)

    # -- configuration ---------------------------------------------------------------------
    def writing(self):
        """Hold the database's writer lock (re-entrant): a command that reads, decides and
        writes in several steps keeps other writers out for all of them."""
        return self.store.writing()

    @property
    def extractor_id(self) -> str:
        """What reading a source depends on besides its bytes: the extractor's version, the
        alias table (with the cue words of ``names.toml``) and the lexicon (whose words give
        a claim's frame its concepts and role). A source read by another
        one is read again on the next ingest."""
        return extractor_id(self.aliases)

    def aliases_for(self, paths: Iterable[str | Path]) -> AliasTable:
        """The alias table that reads the sources under ``paths``: the shipped one, then the
        ``aliases.toml`` at the top of each folder among ``paths`` (the corpus's own cast,
        kept with the corpus), then ``--aliases FILE`` or ``FACTCHECK_ALIASES``; a later
        file's spelling of a name wins. The folder's file is checked like a source file
        (a regular file inside the folder, size-capped) before it is read."""
        folder_files = [str(f) for p in paths if (f := folder_aliases(Path(p))) is not None]
        if not folder_files:
            return self.aliases
        return AliasTable.load(*(Path(f) for f in [*folder_files, self._alias_file] if f))

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.model_spec)
        return self._embedder

    @property
    def thresholds(self) -> Thresholds:
        if self._thresholds is None:
            self._thresholds = thresholds_for(self.embedder.family, self._thresholds_file)
        return self._thresholds

    # -- ingest ----------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], prune: bool = False, skip_bad: bool = False) -> IngestResult:
        """Store new and changed sources; with ``prune``, forget stored sources not found in ``paths``.

        Every file is read and checked before anything is written: unless ``skip_bad``, one
        unreadable file stops the whole ingest and the database stays as it was.
        """
        with self.writing():
            return self._ingest([Path(p) for p in paths], prune, skip_bad)

    def _ingest(self, paths: list[Path], prune: bool, skip_bad: bool, recorded: bool = True) -> IngestResult:
        """See :meth:`ingest`; ``recorded``: a folder's state recorded by its last ingest may
        stand for every file git finds unchanged (:mod:`factcheck.sources.worktree`)."""
        started_ns = time.time_ns()
        touched = self._touched(paths, prune) if recorded else None
        try:
            return self._read_and_store(paths, prune, skip_bad, started_ns, touched)
        finally:
            if touched is not None:
                touched.close()  # git's answers not collected (an ingest that failed)

    def _read_and_store(self, paths: list[Path], prune: bool, skip_bad: bool, started_ns: int, touched: _Touched | None) -> IngestResult:
        """Tell changed files from unchanged ones (those ``touched`` names, else every file
        the folders list), read the changed ones and store them in one transaction."""
        if touched is not None:
            # only what git finds changed since the recorded commit, and the recorded extras
            scan, states, tracked = touched.scan, touched.states, {}
            aliases, reader = touched.aliases, touched.reader
        else:
            states = self.store.source_states()
            # git (when it can vouch for files whose ids are recorded) works while the folders are listed
            queries = [TrackedQuery(os.fspath(p)) for p in paths if states.blobs and not self.rehash and os.path.isdir(p)]
            try:
                scan = scan_sources(paths)
            except BaseException:
                for query in queries:
                    query.close()
                raise
            tracked = {}  # what git vouches for: a file it tracks unchanged, by path
            for query in queries:
                tracked.update(query.result())
            aliases = self.aliases_for(paths)
            reader = extractor_id(aliases)
            if not scan.paths and not prune:
                raise SourceError(f"no source files (.txt, .md, .html) found in {', '.join(map(str, paths))}")
        files = scan.paths  # strings: a Path is built only for a file that is read
        result = IngestResult(scan=scan, listed=touched is None)
        if touched is not None:
            result.unchanged.extend(touched.untouched)
        stored, readers, stored_paths, signatures = states.hashes, states.readers, states.paths, states.signatures
        if self.rehash:
            signatures = {}
        new_signatures: dict[str, tuple | None] = {}  # to record: the file's as found (None: too recent to trust)
        new_blobs: dict[str, tuple[str, str]] = {}  # to record: git's ids of a file hashed and found unchanged
        moved: dict[str, str] = {}  # unchanged sources now found at another path
        seen: dict[str, str] = {}
        loaded = []

        def unchanged(source_id: str, path: str) -> None:
            # an unchanged source, perhaps found at another path than the one stored
            result.unchanged.append(source_id)
            where = source_path(path, paths)
            if stored_paths.get(source_id) != where:
                moved[source_id] = where

        for i, path in enumerate(files):
            self.progress("read", i, len(files))
            source_id = scan.stems[path]
            if source_id in seen:
                result.failed.append((path, f"{path}: source id {source_id!r} is also used by {seen[source_id]}"))
                continue
            seen[source_id] = path
            try:
                vouched = self._tracked_blobs(path, scan, tracked) if tracked and readers.get(source_id) == reader else None
                if vouched is not None and vouched == states.blobs.get(source_id):
                    # git tracks the file and its sidecar, finds them unchanged, and holds them
                    # under the ids recorded when they were read: neither stat-ed nor hashed
                    unchanged(source_id, path)
                    continue
                # stat checks type and size first; the same size and time as recorded means
                # unchanged, else the file (and its sidecar) is hashed in chunks
                found = scan.signature(path)
                if found == signatures.get(source_id) and readers.get(source_id) == reader and recordable(found, started_ns) == found:
                    # what most of a large corpus is on every run: neither hashed nor read
                    unchanged(source_id, path)
                    continue
                same_stat = source_id in stored and signatures.get(source_id) == found
                blobs = None
                if same_stat:
                    digest = stored[source_id]
                else:
                    digest, blobs = _hashed(path)
                if signatures.get(source_id) != recordable(found, started_ns):
                    new_signatures[source_id] = recordable(found, started_ns)
                if stored.get(source_id) == digest and readers.get(source_id) == reader:
                    unchanged(source_id, path)
                    if blobs is not None and states.blobs.get(source_id) != blobs:
                        new_blobs[source_id] = blobs
                    continue
                if same_stat:  # read by another extractor: hashed now, as it is read again
                    digest, blobs = _hashed(path)
                source = load_source(Path(path))
                source.path = source_path(path, paths)
                source.metadata_sha256, source.sidecar_blob = digest[1], blobs[1]
                loaded.append(source)
            except SourceError as exc:
                result.failed.append((path, str(exc)))
            except OSError as exc:
                result.failed.append((path, f"{path}: cannot read ({exc.strerror or exc})"))
        if result.failed and not skip_bad:
            return result  # nothing written: the caller reports the failures
        with self._open_engine() as engine:
            # in the order of the files whichever worker read them: the same rows, the same bytes
            # each source stored as it is read, in the order of the files whichever worker
            # read it (the same rows, the same bytes), all in one transaction
            analyses = engine.extract(loaded, aliases, self.strict, lambda done, total: self.progress("extract", done - 1, total))
            record = lambda: self._record_folder(paths, prune, scan, reader, touched)  # noqa: E731
            self._store_ingest(result, analyses, len(loaded), stored, seen, moved, new_signatures, new_blobs, reader, prune, record)
            del loaded
            # Vectors are a cache keyed by text: a run stopped here leaves some missing, and
            # whatever needs them next (reconcile, search) computes them.
            if result.added or result.updated:
                result.embedded = self._embed_texts(self.store.claim_texts(result.added + result.updated), engine)
        if result.removed:
            self.store.prune_embeddings()
        return result

    def _touched(self, paths: list[Path], prune: bool) -> _Touched | None:
        """What an ingest of ``paths`` must examine when the folder's recorded state stands
        for the rest (:mod:`factcheck.sources.worktree`); None when it cannot: the folder is
        then listed."""
        if len(paths) != 1 or not prune or self.rehash or not os.path.isdir(paths[0]):
            return None
        folder = os.fspath(paths[0])
        state = FolderState.loads(self.store.get_setting(FOLDER_STATE))
        if state is None or state.where != worktree.where(folder) or state.version != self.store.corpus_version():
            return None
        query = worktree.ChangeQuery(folder, state.commit)
        try:
            aliases = self.aliases_for(paths)  # (while git works)
        except BaseException:
            query.close()  # (a bad alias file is the caller's one line)
            raise
        reader = extractor_id(aliases)
        answer = query.result()
        if answer is None or reader != state.reader:
            return None
        head, changed = answer
        rel = worktree.source_paths(sorted(set(changed) | set(state.extras)))
        if rel is None or len(rel) > worktree.MAX_EXTRAS:
            return None  # (many files to examine: a listing gives their stat signatures more cheaply)
        prefix = listing_prefix(folder)
        found, stems = [], {}
        for path in rel:
            full = prefix + (path if os.sep == "/" else path.replace("/", os.sep))
            try:
                st = os.lstat(full)
            except FileNotFoundError:
                continue  # deleted (or a sidecar's other extensions)
            except OSError:
                return None
            if stat.S_ISLNK(st.st_mode):
                return None  # a link: the listing's rules decide what it stands for
            if stat.S_ISDIR(st.st_mode):
                continue  # a file now a folder: git lists the files under it
            found.append(full)
            stems[full] = path_stem(full)
        taken = {i: p for p, (i, _, _) in self.store.sources_at(rel).items()}
        ids = set(stems.values()) | set(taken)
        states = self.store.source_states(ids)
        by_id: dict[str, str] = {}
        for full in sorted(found, key=lambda p: p.replace(os.sep, "/")):
            sid = stems[full]
            other = by_id.setdefault(sid, full)
            if other is full and sid in states.paths and sid not in taken:
                # stored at a path git finds unchanged: that file is still there
                other = prefix + states.paths[sid].replace("/", os.sep)
                first, second = sorted((other, full), key=lambda p: p.replace(os.sep, "/"))
                raise SourceError(f"{first} and {second} would both have the source id {sid!r}; rename one")
            if other is not full:
                raise SourceError(f"{other} and {full} would both have the source id {sid!r}; rename one")
        untouched = [i for i in self.store.source_ids() if i not in ids]
        files = sorted(found, key=lambda p: p.replace(os.sep, "/"))
        # what the next state needs of git, asked now: it works while the files are read
        between = worktree.between_later(folder, state.commit, head) if head != state.commit else None
        blobs = worktree.blobs_later(folder, head, sorted(set(rel) | {worktree.sidecar_of(p) for p in rel})) if rel else None
        return _Touched(Scan(files, {}, stems), states, untouched, aliases, reader, state, head, rel, between, blobs)

    def _record_folder(self, paths: list[Path], prune: bool, scan: Scan, reader: str, touched: _Touched | None) -> None:
        """Record what this ingest left stored against the commit HEAD names (a
        :class:`FolderState`), in its transaction; or forget the state when there is none
        to record."""
        state = None
        if len(paths) == 1 and prune and os.path.isdir(paths[0]) and not scan.links:
            folder = os.fspath(paths[0])
            head = touched.head if touched is not None else worktree.head_commit(folder)
            kept = FolderState.loads(self.store.get_setting(FOLDER_STATE)) if touched is None and head is not None else None
            if kept is not None and (kept.where, kept.commit, kept.reader, kept.version) == (worktree.where(folder), head, reader, self.store.corpus_version()):
                return  # nothing stored changed since it was recorded against this commit: it still holds
            if head is not None:
                if touched is None:
                    held = worktree.commit_blobs(folder, head)
                    stored = self.store.source_blobs()
                    rel = None if held is None else sorted(set(stored) | set(worktree.source_paths([p for p in held if not p.lower().endswith(SIDECAR_SUFFIX)]) or ()))
                else:
                    between = touched.between.result() if touched.between is not None else []
                    held = touched.blobs.result() if touched.blobs is not None else {}
                    # (touched.paths already holds the recorded extras)
                    more = None if between is None else worktree.source_paths(sorted(set(between) - set(touched.paths)))
                    rel = None if more is None or held is None else sorted(set(touched.paths) | set(more))
                    if rel is not None and more:
                        found = worktree.commit_blobs(folder, head, sorted(set(more) | {worktree.sidecar_of(p) for p in more}))
                        rel, held = (None, None) if found is None else (rel, held | found)
                    stored = {p: (blob, side) for p, (_, blob, side) in self.store.sources_at(rel or []).items()}
                extras = worktree.extras(stored, held, rel) if held is not None and rel is not None else None
                if extras is not None:
                    state = FolderState(worktree.where(folder), head, reader, self.store.corpus_version(), tuple(extras))
        if state is not None:
            self.store.set_setting(FOLDER_STATE, state.dumps())
        else:
            self.store.db.execute("delete from settings where key = ?", [FOLDER_STATE])

    def _open_engine(self) -> Engine:
        return open_engine(self.engine, self.workers, self.scheduler)

    @staticmethod
    def _tracked_blobs(path: str, scan: Scan, tracked: dict[str, str]) -> tuple[str, str] | None:
        """Git's ids of a listed file and its sidecar ("" without one) when git vouches for
        both (:class:`TrackedQuery`), else None."""
        blob = tracked.get(path)
        sidecar = scan.sidecars.get(path)
        if blob is None or sidecar is None:
            return None  # untracked or changed, a link, or a sidecar in another case
        if not sidecar:
            return blob, ""
        side_blob = tracked.get(sidecar)
        return (blob, side_blob) if side_blob is not None else None

    def _store_ingest(self, result, analyses: Iterable[Analysis], count: int, stored, seen, moved, new_signatures, new_blobs, reader, prune, record: Callable[[], None]) -> None:
        """Write one ingest, each of the ``count`` analyses as it comes: every source of it
        lands, or none does (a source that fails to be read, or an interrupt, rolls all back;
        only this process writes); ``record`` last, in the same transaction (the folder's state)."""
        with self.store.db.atomic():
            for source_id, path in sorted(moved.items()):
                self.store.move_source(source_id, path)
            for i, analysis in enumerate(analyses):
                self.progress("store", i, count)
                source = analysis.source
                result.skipped += [{"source_id": source.id, "path": source.path, **entry} for entry in analysis.skipped]
                (result.updated if analysis.source.id in stored else result.added).append(analysis.source.id)
                self.store.replace_source(
                    analysis.source, analysis.sentences, analysis.claims, analysis.published_origin, analysis.entities,
                    extractor=reader, skipped=analysis.skipped,
                )
                result.claims += len(analysis.claims)
            for source_id, sig in sorted(new_signatures.items()):
                self.store.set_source_signature(source_id, sig)
            for source_id, blobs in sorted(new_blobs.items()):
                self.store.set_source_blobs(source_id, blobs)
            if prune:
                for source_id in sorted(set(stored) - set(seen)):
                    self.store.remove_source(source_id)
                    result.removed.append(source_id)
            record()

    def remove(self, source_ids: Iterable[str]) -> list[str]:
        """Forget stored sources; returns the ids that were not stored (and then removes none)."""
        with self.writing():
            stored = set(self.store.source_ids())
            missing = [sid for sid in source_ids if sid not in stored]
            if missing:  # all or nothing: a typo in one id removes none
                return missing
            with self.store.db.atomic():
                for sid in source_ids:
                    self.store.remove_source(sid)
                self.store.prune_embeddings()
        return []

    # -- embeddings and indexes ------------------------------------------------------------
    def _embed_missing(self, claims: list[dict], engine: Engine | None = None) -> int:
        """Embed the contexts and sentences of ``claims`` that have no stored vector."""
        texts: dict[str, str] = {}
        for c in claims:
            texts[c["context_hash"]] = c["context"]
            texts[c["sentence_hash"]] = c["text"]
        return self._embed_texts(texts, engine)

    def _embed_texts(self, texts: dict[str, str], engine: Engine | None = None) -> int:
        """Embed those of ``texts`` (by content hash) that have no stored vector; how many."""
        model = self.embedder.model_id
        missing = sorted(self.store.missing_embeddings(texts, model))
        chunks = [missing[start : start + EMBED_BATCH] for start in range(0, len(missing), EMBED_BATCH)]
        batches = [[texts[h] for h in chunk] for chunk in chunks]
        if engine is None:
            vectors = (self.embedder.encode(batch) for batch in batches)
        else:
            vectors = engine.encode(self.embedder, self.model_spec, batches)
        done = 0
        if missing:
            self.progress("embed", -1, len(missing))  # the step starts before its first batch ends
        for chunk, found in zip(chunks, vectors):
            self.store.save_embeddings(model, dict(zip(chunk, found)))
            done += len(chunk)
            self.progress("embed", done - 1, len(missing))
        return len(missing)

    def _index(self, name: str, wanted: set[int], fetch: Callable[[list[int]], np.ndarray]) -> VectorIndex:
        cache = self.store.cache_dir
        path = cache / f"{name}.faiss" if cache else None
        model = self.embedder.model_id
        index = VectorIndex.open(path, self.embedder.dim, model) if path else VectorIndex(self.embedder.dim, model)
        added, removed = index.sync(wanted, fetch)
        if (added or removed) and path:
            index.save()
        return index

    def claim_index(self, claims: list[dict], vectors: dict[str, np.ndarray], claim_vectors: ClaimVectors | None = None) -> VectorIndex:
        """The claim index holding exactly ``claims``, each by :func:`claim_vector`
        (``claim_vectors``: those vectors, computed once for this run's other steps too)."""
        claim_vectors = claim_vectors or ClaimVectors(claims, vectors)
        position = {claim_index_id(c["id"]): i for i, c in enumerate(claims)}
        return self._index("claims", set(position), lambda ids: claim_vectors.rows(position[i] for i in ids))

    def sentence_index(self, claims: list[dict], vectors: dict[str, np.ndarray]) -> VectorIndex:
        wanted = {_sentence_index_id(c["sentence_id"]): c["sentence_hash"] for c in claims}
        return self._index("sentences", set(wanted), lambda ids: np.vstack([vectors[wanted[i]] for i in ids]))

    def claim_index_recall(self, queries: int = 2000, approximate_from: int | None = None) -> dict:
        """How well the claim index a reconciled corpus gets finds each claim's neighbours:
        its kind, and recall@k (k = ``neighbours`` + 1, what reconcile asks for) against an
        exact search of the same vectors, for the ``queries`` claims whose ids sort first.
        ``approximate_from`` lowers the size from which the index is approximate, to measure
        that index on a smaller corpus. For benchmarks; writes nothing."""
        claims = sorted(self.store.claims(), key=lambda c: c["id"])
        vectors = VectorCache(self.store, self.embedder.model_id)
        vectors.prefetch(h for c in claims for h in (c["context_hash"], c["sentence_hash"]))
        by_id = {claim_index_id(c["id"]): c for c in claims}
        index = VectorIndex(self.embedder.dim, self.embedder.model_id, approximate_from=approximate_from)
        index.sync(set(by_id), lambda ids: np.vstack([claim_vector(by_id[i], vectors) for i in ids]))
        sample = claims[:queries]
        k = self.thresholds.neighbours + 1
        recall = index.recall_at_k(np.vstack([claim_vector(c, vectors) for c in sample]), k) if sample else 1.0
        return {"kind": index.kind, "vectors": index.count, "k": k, "queries": len(sample), "recall": recall, "training": index.training}

    # -- reconcile -------------------------------------------------------------------------
    def reconcile(self, full: bool = False) -> ReconcileResult:
        """Align claims about the same slot and record clusters and discrepancies.

        Incremental by default: only claims not yet aligned (from new or changed sources)
        are searched against the index; every earlier alignment is reused from the
        database. A different model, thresholds or alias table, or ``full``, aligns all.
        """
        with self.writing():
            return self._reconcile(full)

    def _reconcile(self, full: bool) -> ReconcileResult:
        anchored = _signature(self.store.get_setting("name_anchors"))
        full = full or anchored is None or self.store.get_setting("aligned_with") != self._alignment_key()
        if not full and self.store.get_setting("incremental_tables") == INCREMENTAL_TABLES:
            return self._reconcile_part(anchored)
        return self._reconcile_all(full, anchored)

    def _reconcile_all(self, full: bool, anchored: dict | None) -> ReconcileResult:
        """Derive everything from the stored alignments (aligning all claims when ``full``,
        else the pending ones), and fill what an incremental run looks up."""
        state = self._state_key()  # of the corpus as read now, under the lock
        claims = self.store.claims()
        anchors = annotate(claims)
        pending = None if full else self.store.unaligned_claim_ids()
        if pending is not None and anchored is not None:
            # claims naming a word whose firm match across scripts changed compare their
            # names afresh (name_keys.NameAnchors): the new source's "Shalan" takes «شالان»
            # from "Sulan"
            changed = anchors.changed_since(anchored)
            if changed:
                pending = sorted(set(pending) | {c["id"] for c in claims if any(name_words(n) & changed for n in c.get("actors") or ())})
        wanted = None if pending is None else set(pending)
        todo = claims if wanted is None else [c for c in claims if c["id"] in wanted]
        embedded = self._embed_missing(todo)
        blocks: dict = {}  # how the large blocks filed their members (reconcile/blocking.py)
        examined, rows = self._align_all(claims, todo, pending, blocks)
        give_back()  # the stored vectors, let go
        sources = {s["id"]: s for s in self.store.sources()}
        with self.store.db.atomic():  # alignments, clusters, discrepancies and the state key land together
            self.store.save_alignments(rows, claim_ids=pending)
            del rows  # derived from the stored rows below; a large corpus holds one copy
            self._save_anchors(anchors)
            result = derive(claims, self.store.alignment_rows(), self.thresholds, sources)
            self.store.replace_reconciliation(result.clusters, result.members, result.discrepancies, result.relations, result.pairs)
            self.store.set_joins(None, result.joined)
            done = ReconcileResult(
                claims=len(claims),
                candidate_pairs=examined,
                aligned_pairs=result.aligned_pairs,
                clusters=len(result.clusters),
                discrepancies=len(result.discrepancies),
                embedded=embedded,
                searched=len(todo),
                derived=len(claims),
            )
            del result  # stored; the keys below are made as they are written
            filed = {key_text(k): dict(zip(b.ids, b.lists.tolist())) for k, b in blocks.items()}
            self.store.replace_claim_keys(None, *key_rows(claims, filed))
            del filed
            self.store.save_block_lists(self.embedder.model_id, ((key_text(k), b.centroids, len(b.ids)) for k, b in sorted(blocks.items())), everything=True)
            self.store.set_setting("incremental_tables", INCREMENTAL_TABLES)
            self.store.set_setting("reconciled", state)
        return done

    def _align_all(self, claims: list[dict], todo: list[dict], pending: list[str] | None, blocks: dict) -> tuple[int, list[dict]]:
        """(candidate pairs examined, alignment rows) of the ``todo`` claims against all
        ``claims``; ``blocks`` receives how the large blocks filed their members. What it
        reads is let go as soon as it is done with: the index once searched, the claims'
        vectors once the candidates are found, the stored vectors when it returns, before
        the derivation holds its own structures."""
        vectors = VectorCache(self.store, self.embedder.model_id)
        vectors.prefetch(h for c in todo for h in (c["context_hash"], c["sentence_hash"]))
        claim_vectors = ClaimVectors(claims, vectors)
        examined, rows = 0, []
        if not todo:
            self.claim_index(claims, vectors, claim_vectors)  # the cache still follows the stored claims
        else:
            examined, rows = align_candidates(
                claims, lambda: self.claim_index(claims, vectors, claim_vectors), vectors, self.thresholds, only=pending,
                progress=lambda i: self.progress("align", i, 0), claim_vectors=claim_vectors, block_lists=blocks,
            )  # fmt: skip
        self._weigh_events(rows, {c["id"]: c for c in claims})
        return examined, rows

    def _reconcile_part(self, anchored: dict) -> ReconcileResult:
        """Align the pending claims and derive again only the components they reach
        (:mod:`factcheck.reconcile.incremental`), in one transaction."""
        store, th = self.store, self.thresholds
        state = self._state_key()
        with store.db.atomic():
            unaligned = store.unaligned_claim_ids()
            dirty, changed_sources = store.rederive_marks()
            stale = sorted(set(dirty) - store.existing_claim_ids(dirty))
            new_claims = store.claims(claim_ids=unaligned)
            # the names whose presence the new rows may change: while every one is as present
            # as before, the corpus names the same names and its anchors are those stored
            # (restored, not built again from every name)
            named = {n for c in new_claims for n in c.get("actors") or ()} | store.names_of(unaligned + stale)
            present = store.names_present(named)
            store.replace_claim_keys(unaligned + stale, *key_rows(new_claims))
            closest = _signature(store.get_setting("name_closest"))
            restored = closest is not None and store.names_present(named) == present
            if restored:
                anchors, changed = NameAnchors.restored(anchored, closest), frozenset()
            else:
                names = store.actor_names()
                anchors = NameAnchors(names)
                changed = anchors.changed_since(anchored)
            pending = set(unaligned)
            if changed:  # see _reconcile_all
                pending |= store.claims_naming(n for n in names if name_words(n) & changed)
            pending_ids = sorted(pending)
            todo = load_claims(store, pending_ids, anchors)
            todo_list = [todo[k] for k in pending_ids]
            embedded = self._embed_missing(todo_list)
            vectors = VectorCache(store, self.embedder.model_id)
            vectors.prefetch(h for c in todo_list for h in (c["context_hash"], c["sentence_hash"]))
            index = self._claim_index_part(todo_list, stale + pending_ids, vectors)
            pairs = sorted(incremental_candidates(store, todo_list, index, vectors, th, self.embedder.model_id))
            by_id = todo | load_claims(store, {x for p in pairs for x in p} - pending, anchors)
            rows = align_pairs(by_id, pairs, vectors, th, progress=lambda i: self.progress("align", i, len(pairs)))
            self._weigh_events(rows, by_id)
            seeds = (set(dirty) - set(stale)) | pending
            seeds |= {x for r in store.alignments_touching(pending_ids) for x in (r["claim_a"], r["claim_b"])}
            store.save_alignments(rows, claim_ids=pending_ids)
            seeds |= {x for r in rows for x in (r["claim_a"], r["claim_b"])}
            self._save_anchors(anchors, changed=not restored)
            _, derived = rederive(store, seeds, stale, changed_sources, anchors, th)
            store.db.execute("delete from claims_to_rederive")
            store.db.execute("delete from sources_to_rederive")
            store.set_setting("reconciled", state)
            counts = {t: store.db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("claims", "cluster_pairs", "clusters", "discrepancies")}
        return ReconcileResult(
            claims=counts["claims"],
            candidate_pairs=len(pairs),
            aligned_pairs=counts["cluster_pairs"],
            clusters=counts["clusters"],
            discrepancies=counts["discrepancies"],
            embedded=embedded,
            searched=len(pending_ids),
            derived=derived,
        )

    def _weigh_events(self, rows: list[dict], by_id: dict[str, dict]) -> None:
        """Record the pair judgement's reading of each aligned pair of event claims, when a
        pair judgement was given (``reconcile/stance.py``)."""
        if self.stance is not None:
            self.stance.score(rows, by_id)

    def _save_anchors(self, anchors: NameAnchors, changed: bool = True) -> None:
        self.store.set_setting("aligned_with", self._alignment_key())
        if changed:
            self.store.set_setting("name_anchors", json.dumps(anchors.signature(), ensure_ascii=False, sort_keys=True))
            self.store.set_setting("name_closest", json.dumps(anchors.closest_signature(), ensure_ascii=False, sort_keys=True))

    def _claim_index_part(self, claims: list[dict], drop: list[str], vectors: VectorCache) -> VectorIndex:
        """The claim index with ``drop`` (removed claims, and those about to be added again)
        taken out and ``claims`` added; rebuilt from every stored claim when it does not then
        hold exactly the stored claims (a lost or damaged cache)."""
        cache = self.store.cache_dir
        path = cache / "claims.faiss" if cache else None
        model = self.embedder.model_id
        index = VectorIndex.open(path, self.embedder.dim, model) if path else VectorIndex(self.embedder.dim, model)
        removed = index.remove(sorted({claim_index_id(c) for c in drop}))
        if claims:
            index.add([claim_index_id(c["id"]) for c in claims], np.vstack([claim_vector(c, vectors) for c in claims]))
        if index.count != self.store.claim_count() or tier(index.count, index.approximate_from) != index.tier:
            # a lost or damaged cache, or a size tier entered or left: built again from every
            # stored claim, as a full run builds it
            rows = {claim_index_id(r["id"]): r for r in self.store.db.query(
                "select c.id, c.context_hash, s.content_hash as sentence_hash from claims c join sentences s on s.id = c.sentence_id order by c.id"
            )}  # fmt: skip
            vectors.prefetch(h for r in rows.values() for h in (r["context_hash"], r["sentence_hash"]))
            index.rebuild(set(rows), lambda ids: np.vstack([claim_vector(rows[i], vectors) for i in ids]))
            index.save()
        elif (removed or claims) and path:
            index.save()
        return index

    def _alignment_key(self) -> str:
        """What alignments depend on: stored rows stay valid while it holds."""
        return json.dumps(
            {
                "model": self.embedder.model_id,
                "thresholds": self.thresholds.as_dict(),
                # what read the stored claims (version, alias table): a source read again
                # by another one changes its claims' names
                "extractors": self.store.extractors(),
                "lexicon": lexicon().fingerprint,
                "rules": ALIGNMENT_RULES,
                "slot_model": slot_model().fingerprint,
            }
            | ({"pair_judge": self.stance.fingerprint} if self.stance else {}),
            sort_keys=True,
        )

    def _state_key(self) -> str:
        """What the recorded clusters and discrepancies depend on: alignments and the corpus."""
        # the corpus by the count every change to the stored sources raises (m027), not by
        # its sources' hashes: no pass over a large corpus on every command
        return json.dumps({"alignment": self._alignment_key(), "corpus": self.store.corpus_version()}, sort_keys=True)

    def is_reconciled(self) -> bool:
        return self.store.get_setting("reconciled") == self._state_key()

    # -- reports ---------------------------------------------------------------------------
    def report(self) -> dict:
        """The report dict (reconciling first if the corpus, model or thresholds changed).

        Read from one snapshot of the database, so a writer committing meanwhile never mixes
        two states into one report; when the snapshot is not reconciled (or another writer is
        between its steps), it waits for the writer lock and reconciles."""
        with self.store.snapshot():
            if self.is_reconciled():
                return build_report(self.store, self.embedder.model_id, self.thresholds.as_dict(), self._pair_judge_record())
        with self.writing():
            if not self.is_reconciled():  # another writer may have done it while we waited
                self.reconcile()
            return build_report(self.store, self.embedder.model_id, self.thresholds.as_dict(), self._pair_judge_record())

    def _pair_judge_record(self) -> dict | None:
        """What the report's ``generated_by.pair_judge`` says: the pair judgement's training
        file (name and digest) and embedding model; None without one."""
        if self.stance is None:
            return None
        return {k: self.stance.fingerprint[k] for k in ("train", "sha256", "model")}

    def write_reports(self, out_dir: Path, formats: Iterable[str] = ("json", "md", "html")) -> dict[str, Path]:
        from factcheck.reports import render

        report = self.report()
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        written = {}
        formats = list(formats)
        for i, fmt in enumerate(formats):
            self.progress("report", i, len(formats))
            path = out_dir / f"report.{fmt}"
            _write_atomic(path, render(report, fmt))
            written[fmt] = path
        return written

    # -- search ----------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, min_score: float | None = None) -> list[dict]:
        """Stored claim sentences about ``query`` (any language), best first: the nearest
        in meaning re-ranked with the query's words, names and question
        (:mod:`factcheck.index.ranking`); with ``min_score``, only hits scoring at least it."""
        query = (query or "").strip()
        if not query:
            raise QueryError("the search query is empty")
        if len(query) > MAX_QUERY_CHARS:
            raise QueryError(f"the search query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}")
        if k < 1:
            raise QueryError("-k must be at least 1")
        if min_score is not None and not (math.isfinite(min_score) and -1 <= min_score <= 1):
            raise QueryError("--min-score must be a number from -1 to 1")
        claims = self.store.claims()
        if not claims:
            raise QueryError("nothing is stored yet: run 'factcheck ingest SOURCES' first")
        self._embed_missing(claims)
        vectors = VectorCache(self.store, self.embedder.model_id)
        vectors.prefetch(c["sentence_hash"] for c in claims)
        index = self.sentence_index(claims, vectors)
        by_sentence: dict[int, list[dict]] = {}
        for c in claims:
            by_sentence.setdefault(_sentence_index_id(c["sentence_id"]), []).append(c)
        qvec = self.embedder.encode([query], kind="query")
        scores, ids = index.search(qvec, max(ranking.POOL, 4 * k))
        pool = [(round(float(score), 4), int(sid)) for score, sid in zip(scores[0], ids[0]) if int(sid) in by_sentence]
        units = ranking.query_units(query)
        keyword = ranking.keyword_scores(units, [ranking.sentence_terms(by_sentence[sid][0]["text"], by_sentence[sid]) for _, sid in pool])
        ranked = sorted(
            ((ranking.hybrid(vec, kw), vec, kw, sid) for (vec, sid), kw in zip(pool, keyword)),
            key=lambda r: (-r[0], -r[1], r[3]),
        )
        hits = []
        for score, vec, kw, sid in ranked:
            if len(hits) == k or (min_score is not None and score < min_score):
                break
            members = by_sentence[sid]
            first = members[0]
            hits.append(
                {
                    "rank": len(hits) + 1,
                    "score": score,
                    "vector": vec,
                    "keyword": kw,
                    "source_id": first["source_id"],
                    "sentence_start": first["sentence_start"],
                    "sentence_end": first["sentence_end"],
                    "text": first["text"],
                    "claims": [
                        {"id": c["id"], "kind": c["kind"], "quote": c["quote"], "char_start": c["char_start"], "char_end": c["char_end"]}
                        for c in members
                    ],
                }
            )
        return hits

    # -- check -----------------------------------------------------------------------------
    def check(
        self,
        sources_dir: Path,
        baseline_path: Path | None = None,
        fail_on: str = "medium",
        since: str | None = None,
    ) -> CheckResult:
        """Bring the database up to date with ``sources_dir`` and list what the baseline does not know.

        Unchanged sources cost nothing and only new claims are aligned (incremental). With
        ``since`` (a git revision) the findings are limited to discrepancies touching a
        source changed since then (committed, staged, unstaged or untracked); otherwise to
        every open discrepancy at or above ``fail_on`` that is not in the baseline.
        """
        if fail_on not in SEVERITIES:
            raise QueryError(f"--fail-on must be one of {', '.join(SEVERITIES)}")
        with self.writing():
            return self._check(Path(sources_dir), baseline_path, fail_on, since)

    def _check(self, sources_dir: Path, baseline_path: Path | None, fail_on: str, since: str | None) -> CheckResult:
        changes = changed_since(sources_dir, since) if since else None
        started_ns = time.time_ns()
        path = baseline_path or sources_dir / BASELINE_NAME
        st = _baseline_stat(path)
        # the file's path, size, modification time and inode, as stored with its copy
        found = None if st is None else json.dumps([os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino])
        # a baseline whose file is as it was when its decisions were copied is not read
        # again (tens of thousands of entries in a large repository's)
        unchanged = found is not None and not self.rehash and self.store.baseline_read_from() == found
        baseline = None if unchanged else Baseline.load(path)
        # (changes since a revision are asked of every file found: the folder is listed)
        ingest = self._ingest([sources_dir], prune=True, skip_bad=False, recorded=changes is None)
        if ingest.failed:
            raise SourceError("; ".join(message for _, message in ingest.failed))
        if baseline is not None:
            # a file changed within the clock's resolution of this run could change again
            # unseen: its signature is trusted only when older (as a source's: sources/signature.py)
            trusted = st is not None and st.st_mtime_ns <= started_ns - RACY_NS
            self.store.replace_decisions(baseline.as_decisions(), read_from=found if trusted else None)
        self.reconcile()
        resolve = RealPaths()
        found_at = {stem: p for p, stem in ingest.scan.stems.items()}

        def real(source_id: str) -> Path | None:
            if source_id not in found_at and not ingest.listed:
                # unchanged, as the folder's recorded state says: at its stored path
                stored = self.store.get_source_path(source_id)
                if stored is not None:
                    found_at[source_id] = os.path.join(sources_dir, *stored.split("/"))
            return Path(resolve(Path(found_at[source_id]).absolute())) if source_id in found_at else None

        if changes is not None:
            changed = {sid for sid in found_at if real(sid) in changes.changed}
            root = changes.repo_root
        else:
            changed = set(ingest.added) | set(ingest.updated)
            root = repo_root(sources_dir) or Path.cwd()
        # only the findings are built as records; the others are counted, in SQL
        floor = [s for s in SEVERITIES if severity_at_least(s, fail_on)]
        known = self.store.decided_discrepancy_count()
        below = self.store.open_discrepancy_count(s for s in SEVERITIES if s not in floor)
        result = CheckResult([], known, below, ingest, fail_on, since=since, changed=sorted(changed))
        wanted = self.store.open_discrepancy_ids(floor)
        found = self.store.discrepancies("d.id in (select value from json_each(?))", [json.dumps(wanted)]) if wanted else []
        if changes is not None:
            result.elsewhere = [d["id"] for d in found if d["source_a"] not in changed and d["source_b"] not in changed]
            found = [d for d in found if d["source_a"] in changed or d["source_b"] in changed]
        claims = {c["id"]: c for c in self.store.claims(claim_ids=sorted({x for d in found for x in (d["claim_a"], d["claim_b"])}))}
        texts = {sid: self.store.get_source(sid)["text"] for sid in sorted({c["source_id"] for c in claims.values()})}
        files = {sid: real(sid) for sid in sorted({c["source_id"] for c in claims.values()})}  # only the findings' sources
        relative = {sid: Path(os.path.relpath(path, root)).as_posix() for sid, path in files.items() if path is not None}
        for row in found:
            d = discrepancy_record(row, claims)
            d["new"] = [c["source_id"] in changed for c in d["claims"]]
            d["locations"] = [_location(c, files.get(c["source_id"]), relative.get(c["source_id"]), texts[c["source_id"]]) for c in d["claims"]]
            result.new.append(d)
        return result

    # -- decisions and the baseline ---------------------------------------------------------
    def decide(self, discrepancy_id: str, status: str, note: str, baseline_path: Path, author: str | None = None) -> dict:
        """Record an analyst's decision on a discrepancy in the baseline (and the database's copy)."""
        with self.writing():  # two decisions at once must not lose one
            found = self.discrepancy(discrepancy_id)
            baseline = Baseline.load(baseline_path)
            baseline.decide(found["id"], status, note=note, author=author or default_author(), summary=found["summary"])
            baseline.save()
            self.store.replace_decisions(baseline.as_decisions())
        return found

    def update_baseline(self, baseline_path: Path, author: str | None = None, prune_only: bool = False) -> dict[str, list[str]]:
        """Write the current state to the baseline: entries whose discrepancy is gone are dropped;
        open discrepancies are acknowledged (unless ``prune_only``); earlier decisions are kept."""
        with self.writing():
            return self._update_baseline(baseline_path, author, prune_only)

    def _update_baseline(self, baseline_path: Path, author: str | None, prune_only: bool) -> dict[str, list[str]]:
        current = {d["id"]: d for d in self.report()["discrepancies"]}
        baseline = Baseline.load(baseline_path)
        dropped = sorted(set(baseline.entries) - set(current))
        for key in dropped:
            del baseline.entries[key]
        added = []
        if not prune_only:
            for key, d in sorted(current.items()):
                if key not in baseline.entries:
                    baseline.decide(key, "acknowledged", note="accepted by baseline update", author=author or default_author(), summary=d["summary"])
                    added.append(key)
        baseline.save()
        self.store.replace_decisions(baseline.as_decisions())
        return {"added": added, "kept": sorted(set(baseline.entries) - set(added)), "dropped": dropped}

    def sync_decisions(self, baseline_path: Path) -> None:
        """Refresh the database's copy of the baseline from the file (the file is the truth).
        Writes (and waits for the writer lock) only when the copy differs."""
        decisions = Baseline.load(baseline_path).as_decisions()
        if not self.store.holds_decisions(decisions):
            with self.writing():
                self.store.replace_decisions(decisions)

    # -- review ------------------------------------------------------------------------------
    def discrepancies(self, include_decided: bool = False) -> list[dict]:
        """Discrepancies worst first; open ones only unless ``include_decided``."""
        found = sorted(self.report()["discrepancies"], key=worst_first)
        return found if include_decided else [d for d in found if d["status"] == "open"]

    def discrepancy(self, discrepancy_id: str) -> dict:
        """One discrepancy by id or by a prefix of it that no other id shares."""
        found = self.report()["discrepancies"]
        key = unique_prefix(discrepancy_id, [d["id"] for d in found], "discrepancy", "factcheck review --all")
        return next(d for d in found if d["id"] == key)

    def show(self, discrepancy_id: str, context_sentences: int = 1) -> dict:
        """A discrepancy with each claim's sentence in context (the sentences around it)."""
        found = dict(self.discrepancy(discrepancy_id))
        contexts = []
        for claim in found["claims"]:
            source = self.store.get_source(claim["source_id"])
            rows = list(
                self.store.db.query(
                    "select start, end from sentences where source_id = ? and furniture is null order by sentence_index",
                    [claim["source_id"]],
                )
            )
            here = next(i for i, r in enumerate(rows) if r["start"] == claim["sentence_start"])
            window = rows[max(0, here - context_sentences) : here + context_sentences + 1]
            start, end = window[0]["start"], window[-1]["end"]
            contexts.append(
                {
                    "source_id": claim["source_id"],
                    "title": source["title"],
                    "outlet": source["outlet"],
                    "path": source["path"],
                    "published": source["published"],
                    "updated": source["updated"],
                    "context": source["text"][start:end],
                    "quote_start": claim["char_start"] - start,
                    "quote_end": claim["char_end"] - start,
                }
            )
        found["contexts"] = contexts
        return found

    def sources(self) -> list[dict]:
        counts = {r["source_id"]: r["n"] for r in self.store.db.query("select source_id, count(*) as n from claims group by source_id")}
        return [
            {k: s[k] for k in ("id", "path", "title", "language", "published", "updated", "outlet", "translation_of", "sha256")}
            | {"claims": counts.get(s["id"], 0)}
            for s in self.store.sources()
        ]

    def claims(self, source_id: str | None = None, grep: str | None = None) -> list[dict]:
        """Stored claims, optionally of one source and/or whose sentence contains ``grep``
        (matched ignoring case, diacritics and Arabic letter variants)."""
        if source_id is not None:
            source_id = unique_prefix(source_id, [s["id"] for s in self.store.sources()], "source", "factcheck sources")
        rows = self.store.claims(source_id=source_id)
        if grep:
            needle = normalize_for_match(grep)
            rows = [r for r in rows if needle in normalize_for_match(r["text"])]
        return [claim_record(r) for r in rows]


def _hashed(path: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """((SHA-256 of the file, of its sidecar or ""), (git's blob ids of both)) of a source."""
    (sha, blob), (side_sha, side_blob) = source_ids(Path(path)), sidecar_ids(Path(path))
    return (sha, side_sha), (blob, side_blob)


def extractor_id(aliases: AliasTable) -> str:
    """The reader a source's stored claims came from: extractor version + alias table +
    lexicons and attribution lists (an edited one changes the frames, events and
    attributions read at extraction)."""
    return f"{EXTRACTOR_VERSION}+{aliases.fingerprint}+{lexicon().fingerprint}+{event_lexicon().fingerprint}+{attribution_cues().fingerprint}"


def folder_aliases(folder: Path) -> Path | None:
    """The sources folder's own alias file (``ALIASES_NAME`` at its top), if it has one.

    It arrives with the sources, so it is checked like one (:func:`checked_target`): a
    link out of the folder, a FIFO or an oversized file is one error line, never read."""
    if not folder.is_dir():
        return None
    path = folder / ALIASES_NAME
    if not os.path.lexists(path):
        return None
    checked_target(path, MAX_ALIASES_BYTES)
    return path


def default_author() -> str:
    """Who signs a decision: git's user.name, else the login name."""
    import getpass
    import subprocess

    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, check=False).stdout.strip()
    except FileNotFoundError:
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _location(claim: dict, path: Path | None, rel: str | None, text: str) -> dict:
    """Where a claim stands in its file (``rel``: its path from the repository root): 1-based
    line and column.

    Offsets index the analysed text; for .txt and .md that is the file's text, so lines and
    columns are the file's. For HTML the analysed text is extracted, and the location is
    the file's first line.
    """
    rel = rel or claim["source_id"]
    if path is not None and path.suffix.lower() in (".html", ".htm"):
        return {"path": rel, "line": 1, "column": 1, "end_line": 1, "end_column": 1}

    def position(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    (line, column), (end_line, end_column) = position(claim["char_start"]), position(claim["char_end"])
    return {"path": rel, "line": line, "column": column, "end_line": end_line, "end_column": end_column}


def unique_prefix(key: str, ids: list[str], what: str, lister: str) -> str:
    """The one id of ``ids`` that is ``key`` or starts with it, as git takes a short commit
    id; otherwise a :class:`QueryError` saying that none does, or which several do.

    >>> unique_prefix("d_2a", ["d_2a91", "d_3b00"], "discrepancy", "factcheck review")
    'd_2a91'
    """
    key = key.strip()
    if key in ids:
        return key
    found = sorted(i for i in ids if key and i.startswith(key))
    if len(found) == 1:
        return found[0]
    if not found:
        raise QueryError(f"no {what} {key!r}; '{lister}' lists them")
    shown = ", ".join(found[:4]) + (", …" if len(found) > 4 else "")
    raise QueryError(f"{key!r} is the start of {len(found)} {what} ids ({shown}); give more of the id")


class VectorCache(dict):
    """Stored vectors by content hash, fetched from the database on first use, so an
    incremental run reads only the vectors of the claims it touches. Each fetch lands in
    one matrix, its vectors rows of it: a full run over a large corpus holds them without
    an object per vector, and gives the memory back whole when done."""

    def __init__(self, store: Store, model: str):
        super().__init__()
        self._store, self._model = store, model
        self._blocks: list[tuple[np.ndarray, list[str]]] = []  # each fetch's matrix and the hashes of its rows

    def prefetch(self, hashes: Iterable[str]) -> None:
        wanted = {h: h for h in hashes if h not in self}  # keyed by the callers' own strings
        matrix, found = None, []
        for row, (content_hash, blob) in enumerate(self._store.embedding_blobs(wanted, self._model)):
            vector = np.frombuffer(blob, dtype=np.float32)
            if matrix is None:
                matrix = np.empty((len(wanted), vector.shape[0]), dtype=np.float32)
            matrix[row] = vector
            found.append(wanted[content_hash])
        if matrix is not None:
            matrix = matrix[: len(found)]
            matrix.flags.writeable = False  # as the stored bytes were read
            self.update(zip(found, matrix))
            self._blocks.append((matrix, found))

    def stacked(self, hashes: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(matrix, rows): ``matrix[rows[k]]`` is the vector of ``hashes[k]``; the fetched
        matrix itself when one fetch holds them all (a full run), else one copy of all."""
        self.prefetch(hashes)
        if not self._blocks:
            matrix, order = np.zeros((0, 0), dtype=np.float32), []
        elif len(self._blocks) == 1:
            matrix, order = self._blocks[0]
        else:
            matrix, order = np.vstack([m for m, _ in self._blocks]), [h for _, found in self._blocks for h in found]
        row_of = {h: i for i, h in enumerate(order)}
        return matrix, np.fromiter((row_of[h] for h in hashes), dtype=np.int64, count=len(hashes))

    def release(self) -> None:
        """Let every fetched vector go (those asked for again are fetched again)."""
        self.clear()
        self._blocks = []

    def __missing__(self, key: str) -> np.ndarray:
        self.prefetch([key])
        return dict.__getitem__(self, key)


def _sentence_index_id(sentence_id: str) -> int:
    return faiss_id(hashlib.sha256(sentence_id.encode("utf-8")).hexdigest())


def source_path(path: Path | str, given: list[Path]) -> str:
    """A source's path as stored and reported: relative to the sources folder it was found
    in (POSIX separators), or its file name when it was named directly, so reports are the
    same from any working folder and on every machine.

    >>> source_path(Path("/data/news/ar/002.txt"), [Path("/data/news")])
    'ar/002.txt'
    >>> source_path(Path("elsewhere/x.md"), [Path("/data/news"), Path("elsewhere/x.md")])
    'x.md'
    >>> source_path(Path("news/x.md"), [Path(".")])
    'news/x.md'
    """
    # string prefixes of pathlib's normalised forms: what Path.relative_to decides, without
    # its cost for each of a large corpus's files
    text = os.fspath(path)
    for folder in given:
        base = os.fspath(folder)
        if base == text:
            continue
        if os.sep != "/":  # case and separators as the platform's paths compare them
            try:
                return Path(text).relative_to(folder).as_posix()
            except ValueError:
                continue
        if base == os.curdir:
            if not os.path.isabs(text):
                return text
            continue
        prefix = base if base.endswith(os.sep) else base + os.sep
        if text.startswith(prefix):
            return text[len(prefix):]
    return os.path.basename(text)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
