"""Numbered schema migrations: an older claims.db upgrades itself when opened.

Each step is one small function, applied once, in order, and recorded in the
``_factcheck_migrations`` table (name, applied order). Never edit a released step: add a
new one. Table and column names are part of the interface (datasette shows them), so they
are named for a reader who has never seen the code.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = []


def migration(fn: Callable[[sqlite_utils.Database], None]):
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(db: sqlite_utils.Database) -> None:
    db["sources"].create(
        {
            "id": str,
            "path": str,
            "format": str,
            "sha256": str,
            "encoding": str,
            "title": str,
            "outlet": str,
            "url": str,
            "published": str,
            "published_origin": str,  # "metadata", "text" or null
            "updated": str,
            "language": str,
            "translation_of": str,
            "metadata_origin": str,
            "date_candidates": str,  # JSON list of ISO dates found in the text
            "body_start": int,
            "text": str,  # exactly the analysed text; every offset indexes into it
        },
        pk="id",
    )
    db["sentences"].create(
        {
            "id": str,  # "<source_id>:<index>"
            "source_id": str,
            "sentence_index": int,
            "start": int,
            "end": int,
            "text": str,
            "lang": str,
            "furniture": str,  # why it is page furniture (read_also, byline, ...) or null
            "content_hash": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["claims"].create(
        {
            "id": str,
            "source_id": str,
            "sentence_id": str,
            "kind": str,  # "quantity" or "date"
            "lang": str,
            "quote": str,
            "char_start": int,
            "char_end": int,
            "sentence_start": int,
            "sentence_end": int,
            "hedged": int,
            "negated": int,
            "context": str,  # the words around the mention, used to align claims
            "context_words": str,  # their content-word keys (names left out)
            "predicate_words": str,  # the content-word keys right next to the mention
            "entities": str,  # JSON list of canonical names found in the sentence
            "context_hash": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id"), ("sentence_id", "sentences", "id")],
    )
    db["quantities"].create(
        {
            "claim_id": str,
            "value": float,
            "low": float,
            "high": float,
            "qualifier": str,
            "unit": str,
            "noun": str,
            "total": float,
            "approximate": int,
        },
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["dates"].create(
        {
            "claim_id": str,
            "date": str,
            "precision": str,
            "calendar": str,
            "resolved_from": str,
        },
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["embeddings"].create(
        {"content_hash": str, "model": str, "dim": int, "embedding": bytes},
        pk=("content_hash", "model"),
    )
    db["clusters"].create(
        {"id": str, "kind": str, "unit": str, "noun": str, "canonical": str, "size": int},
        pk="id",
    )
    db["cluster_claims"].create(
        {"cluster_id": str, "claim_id": str},
        pk=("cluster_id", "claim_id"),
    )
    db["discrepancies"].create(
        {
            "id": str,
            "kind": str,
            "severity": str,
            "confidence": float,
            "internal": int,
            "related_sources": int,
            "cluster_id": str,
            "summary": str,
            "claim_a": str,
            "claim_b": str,
            "alignment": float,  # how sure the reconciler is that both speak of one slot
        },
        pk="id",
    )
    db["decisions"].create(
        {"discrepancy_id": str, "status": str, "note": str, "author": str},
        pk="discrepancy_id",
    )
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["sentences"].create_index(["source_id"])
    db["claims"].create_index(["source_id"])
    db["claims"].create_index(["sentence_id"])
    db["cluster_claims"].create_index(["claim_id"])


@migration
def m002_entities(db: sqlite_utils.Database) -> None:
    """Every name found in a source, with its span; claims keep the canonical names of their sentence."""
    db["entities"].create(
        {
            "id": str,  # "<sentence_id>:<offset in the sentence>"
            "source_id": str,
            "sentence_id": str,
            "canonical": str,
            "type": str,  # person, organisation or other
            "surface": str,  # as written
            "char_start": int,  # offsets into the source's analysed text
            "char_end": int,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id"), ("sentence_id", "sentences", "id")],
    )
    db["entities"].create_index(["source_id"])
    db["entities"].create_index(["canonical"])


@migration
def m003_alignments(db: sqlite_utils.Database) -> None:
    """Pairs of claims judged to be about one slot, kept so that a check only aligns new claims;
    and which claims have been aligned already."""
    db["alignments"].create(
        {
            "claim_a": str,
            "claim_b": str,
            "score": float,
            "context_cosine": float,
            "sentence_cosine": float,
            "shared_words": int,
        },
        pk=("claim_a", "claim_b"),
    )
    db["alignments"].create_index(["claim_b"])
    db["claims"].add_column("aligned", int)  # 1 once the claim was searched against the corpus


@migration
def m004_source_relations(db: sqlite_utils.Database) -> None:
    """Sources that copy or translate one another (declared or detected by the reconciler)."""
    db["source_relations"].create(
        {"source_a": str, "source_b": str, "relation": str, "shared_claims": int, "share": float},
        pk=("source_a", "source_b"),
    )


@migration
def m005_claim_words_search(db: sqlite_utils.Database) -> None:
    """An FTS5 index over each claim's content-word keys (normalised, clitics removed), kept
    current by triggers: keyword candidates for alignment beside the vector index."""
    db["claims"].enable_fts(["context_words"], fts_version="FTS5", create_triggers=True)


@migration
def m006_claim_roles(db: sqlite_utils.Database) -> None:
    """Who a figure is about and to whom it goes: A invested in B is not B invested in A.
    Claims stored before this step have none (empty) until their source is ingested again."""
    db["claims"].add_column("subject", str)
    db["claims"].add_column("object", str)


@migration
def m007_wholes(db: sqlite_utils.Database) -> None:
    """Wholes: the 770 of "700 of 770 employees" is a claim of its own (a headcount), tied
    to the claim about the part; "out of 700 employees" is a whole too. A partitive figure
    ("500 of the employees") counts a part, never a whole."""
    db["quantities"].add_column("whole", int, not_null_default=0)
    db["quantities"].add_column("partitive", int, not_null_default=0)
    db["claims"].add_column("part_of", str, not_null_default="")
    # the people and organisations among the sentence's entities (JSON list of canonical names)
    db["claims"].add_column("actors", str, not_null_default="[]")
    # what read each source (extractor version and alias table): another one reads it again
    db["sources"].add_column("extractor", str, not_null_default="")
    # what a cluster's figures measure, in English ("count of staff · OpenAI · signed")
    db["clusters"].add_column("slot", str, not_null_default="")


@migration
def m008_month_day(db: sqlite_utils.Database) -> None:
    """A day and month whose year nothing in the source gives ("on March 5" in an undated
    article): still comparable with another source's "March 3"."""
    db["dates"].add_column("month_day", str)


@migration
def m009_skipped_sentences(db: sqlite_utils.Database) -> None:
    """Sentences whose analysis failed: skipped (their claims are missing) and named in the
    summary and the report, so nobody mistakes a gap for a clean read."""
    db["skipped_sentences"].create(
        {
            "source_id": str,
            "sentence_index": int,
            "start": int,  # offsets into the source's analysed text
            "end": int,
            "error": str,  # one line: what went wrong
        },
        pk=("source_id", "sentence_index"),
        foreign_keys=[("source_id", "sources", "id")],
    )


@migration
def m010_metadata_hash(db: sqlite_utils.Database) -> None:
    """A sidecar ``NAME.meta.toml`` is part of its source: an edited sidecar (a corrected
    date, a declared translation) makes the source be read again. Sources stored before this
    step have "" and are read again once when they have a sidecar."""
    db["sources"].add_column("metadata_sha256", str, not_null_default="")


@migration
def m011_frames(db: sqlite_utils.Database) -> None:
    """Claim frames and cluster labels. A claim's ``frame`` (JSON: agent, patient, predicate,
    concepts, unit class, measured thing, role, time, place, attribution) is read at
    extraction; claims stored before this step have ``{}`` until their source is read again
    (a new extractor version reads every source again). A cluster's ``label`` says in
    English what question its figures answer."""
    db["claims"].add_column("frame", str, not_null_default="{}")
    db["clusters"].add_column("label", str, not_null_default="")


@migration
def m012_no_claim_words_search(db: sqlite_utils.Database) -> None:
    """The full-text index of ``m005`` and its triggers go: candidates come from the vector
    index and from frame keys grouped in memory, with no query per claim."""
    if db["claims_fts"].exists():
        db["claims"].disable_fts()


@migration
def m013_date_forms(db: sqlite_utils.Database) -> None:
    """Ranges, parts of months, weeks, Hijri dates and numeric dates whose order of day and
    month nothing settles (docs/parsing.md#dates): a date's last day, month or year
    (``date_end``), its part of the month (``part``), its Hijri reading (``hijri``) and its two
    readings (``readings``, a JSON list). And the source metadata key ``locale``, which orders
    numeric dates. Dates stored before this step have none until their source is read again
    (the new extractor version reads every source again)."""
    db["dates"].add_column("date_end", str)
    db["dates"].add_column("part", str)
    db["dates"].add_column("hijri", str)
    db["dates"].add_column("readings", str)
    db["sources"].add_column("locale", str)


@migration
def m014_incremental_reconcile(db: sqlite_utils.Database) -> None:
    """What lets a check touch only what its new or changed sources reach.

    ``claim_keys`` holds each aligned claim's blocking keys (``bound`` when the key is bound
    to its figure) and ``claim_actors`` the names acting in its sentence, so the claims
    sharing a key or a name are one indexed query. ``cluster_pairs`` keeps the aligned pairs
    that join each cluster (``agree`` when the two figures say one thing), from which
    source relations are counted again for just the sources a run touched.
    ``claims_to_rederive`` and ``sources_to_rederive`` list what changed since the last
    reconcile (claims removed or replaced, the claims aligned with them, and their
    sources). The tables start empty: the first reconcile after this step fills them from
    the stored claims and alignments (nothing is aligned again)."""
    db["claim_keys"].create({"key": str, "claim_id": str, "bound": int}, pk=("key", "claim_id"))
    db["claim_keys"].create_index(["claim_id"])
    db["claim_actors"].create({"name": str, "claim_id": str}, pk=("name", "claim_id"))
    db["claim_actors"].create_index(["claim_id"])
    db["cluster_pairs"].create(
        {"claim_a": str, "claim_b": str, "cluster_id": str, "source_a": str, "source_b": str, "agree": int},
        pk=("claim_a", "claim_b"),
    )
    db["cluster_pairs"].create_index(["cluster_id"])
    db["cluster_pairs"].create_index(["source_a", "source_b"])
    db["claims_to_rederive"].create({"claim_id": str}, pk="claim_id")
    db["sources_to_rederive"].create({"source_id": str}, pk="source_id")
    db["discrepancies"].create_index(["cluster_id"])
    db["discrepancies"].create_index(["claim_a"])
    db["discrepancies"].create_index(["claim_b"])
    db["source_relations"].create_index(["source_b"])
    db["sources"].create_index(["translation_of"])
    db["claims"].create_index(["aligned"])
    db.execute("delete from settings where key = 'incremental_tables'")


@migration
def m015_file_signatures(db: sqlite_utils.Database) -> None:
    """Each source's size and modification time (nanoseconds), and its sidecar's (-1 without
    one), as found when it was last read or hashed: while they hold, ingest takes the file
    as unchanged without hashing it (factcheck/sources/signature.py). Sources stored before
    this step have none and are hashed once on the next ingest, which records them."""
    for column in ("file_size", "file_mtime_ns", "sidecar_size", "sidecar_mtime_ns"):
        db["sources"].add_column(column, int)


@migration
def m016_joining_pairs(db: sqlite_utils.Database) -> None:
    """``alignments.joins``: whether an aligned pair may join clusters (each claim the other's
    best partner in its sentence, and a claim that names no party following its best named
    partner's: ``reconcile.reconciler.joining``). An incremental run decides it again only
    for the pairs its change reaches and follows the pairs that join to find the groups it
    derives again. Rows stored before this step say 0 until the next reconcile, which
    derives everything once and records it."""
    db["alignments"].add_column("joins", int, not_null_default=0)
    db.execute("delete from settings where key = 'incremental_tables'")


@migration
def m017_events(db: sqlite_utils.Database) -> None:
    """Event claims (``claims.kind = 'event'``): what happened to whom, without a figure. Each
    has a row in ``events``: its ``action`` (the event lexicon's name), ``stage`` (decision,
    announcement or "" for the act), ``agent`` and ``patient`` (canonical names, "" when the
    text does not say), ``identity`` (the participants that make two reports one event,
    comma-separated) and ``form`` (verb or noun). Sources stored before this step have no
    events until they are read again (the new extractor version reads every source again)."""
    db["events"].create(
        {"claim_id": str, "action": str, "stage": str, "agent": str, "patient": str, "identity": str, "form": str},
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["events"].create_index(["action"])


@migration
def m018_event_placement(db: sqlite_utils.Database) -> None:
    """``events.agent_type`` (who acted: person, organisation or name, so that two different
    agents of one act are compared only as two people or two organisations) and
    ``events.placed`` (an undated event's place in its source's story: the last day the text
    named before it; shown on the timeline, never judged). Events stored before this step
    have "" until their source is read again (the new extractor version reads every source
    again)."""
    db["events"].add_column("agent_type", str, not_null_default="")
    db["events"].add_column("placed", str, not_null_default="")


@migration
def m019_dates_of_events(db: sqlite_utils.Database) -> None:
    """``dates.event``: the action of the event claim of its sentence that a date dates
    ("dismiss" for "fired ... on 6 February"); such a date is not aligned on its own, its event
    claim is. Dates stored before this step have "" until their source is read again (the
    new extractor version reads every source again)."""
    db["dates"].add_column("event", str, not_null_default="")


@migration
def m020_event_stance(db: sqlite_utils.Database) -> None:
    """``alignments.stance_disagree``: for two reports of one event, the pair judgement's
    probability that they contradict each other (``--pair-judge``); null when no pair
    judgement was given or the claims are not events. Rows stored before this step say
    null; a run with a pair judgement aligns everything again (it changes what alignments
    depend on)."""
    db["alignments"].add_column("stance_disagree", float)


@migration
def m021_title_origin(db: sqlite_utils.Database) -> None:
    """``sources.title_origin``: where a source's title comes from: ``metadata``,
    ``headline`` (the text's first line that reads as one) or ``first_words`` ("outlet —
    first words…" of the text). Sources stored before this step say "" until they are read
    again (the new extractor version reads every source again, and reads the outlet of a
    source line such as «المصدر: ...» too)."""
    db["sources"].add_column("title_origin", str, not_null_default="")


@migration
def m022_attribution(db: sqlite_utils.Database) -> None:
    """Who asserts each claim (``factcheck/claims/attribution.py``): ``attributed_to`` (the
    party, a canonical name, "" when unnamed or the source itself), ``attribution`` (how:
    ``quote``, ``says``, ``according_to``, ``document``, ``post``, ``anonymous``, or "" for
    the source's own statement), ``attribution_cue`` (the words that attribute it) and
    ``endorsed`` (1 when the source states it as its own). Claims stored before this step
    read as the source's own until their source is read again (the new extractor version
    reads every source again)."""
    db["claims"].add_column("attributed_to", str, not_null_default="")
    db["claims"].add_column("attribution", str, not_null_default="")
    db["claims"].add_column("attribution_cue", str, not_null_default="")
    db["claims"].add_column("endorsed", int, not_null_default=1)


@migration
def m023_disputes(db: sqlite_utils.Database) -> None:
    """Disputes between parties (``factcheck/reconcile/disputes.py``): a discrepancy's
    ``dispute`` (1 when two parties assert its two sides), ``parties`` (a JSON list of the
    named parties of its sides, sorted) and ``same_party`` (1 when one party asserts both).
    Discrepancies stored before this step have none until they are derived again (the new
    alignment rules derive every one again on the next reconcile)."""
    db["discrepancies"].add_column("dispute", int, not_null_default=0)
    db["discrepancies"].add_column("parties", str, not_null_default="[]")
    db["discrepancies"].add_column("same_party", int, not_null_default=0)


@migration
def m024_block_lists(db: sqlite_utils.Database) -> None:
    """How each large block of claims sharing a blocking key was searched: ``block_lists``
    holds the centroids of the inverted file a full run trained on it (``key``, the
    embedding ``model``, the ``members`` it was trained on, ``dim`` and ``centroids`` as
    float32 bytes), and ``claim_keys.list`` each member's list, so an incremental run
    scans only the lists nearest a new claim. Both start empty: the first incremental run
    that meets a large block without them trains it as before and stores them."""
    db["claim_keys"].add_column("list", int)
    db["claim_keys"].create_index(["key", "list"])
    db["block_lists"].create({"key": str, "model": str, "members": int, "dim": int, "centroids": bytes}, pk="key")


@migration
def m025_lookup_indexes(db: sqlite_utils.Database) -> None:
    """Two indexes for what every check looks up in a large corpus: ``sources(extractor)``
    (which extractors read the stored sources: the column lies after each source's text,
    so without it the whole table is read) and ``discrepancies(severity, id)`` (the open
    discrepancies at or above a severity, and those below it)."""
    db["sources"].create_index(["extractor"], if_not_exists=True)
    db["discrepancies"].create_index(["severity", "id"], if_not_exists=True)


@migration
def m026_source_blobs(db: sqlite_utils.Database) -> None:
    """Git's blob id of each source's bytes (``file_blob``) and of its sidecar's
    (``sidecar_blob``, "" without one), as found when it was last read or hashed: a file git
    tracks, finds unchanged and holds under the same id is unchanged without a ``stat`` or a
    hash (factcheck/sources/tracked.py). Sources stored before this step have none until
    they are next read or hashed."""
    db["sources"].add_column("file_blob", str)
    db["sources"].add_column("sidecar_blob", str)


@migration
def m027_corpus_version(db: sqlite_utils.Database) -> None:
    """A count (``corpus_version.version``, one row) that every change to the stored
    sources raises, by trigger: a source added or removed, its id, content, sidecar, path or
    extractor changed. What a reconciliation and a recorded folder state (the git commit
    an ingest found, factcheck/sources/worktree.py) are checked against, without reading
    every source's row; a source's stat signature or git ids, recorded as found, are not
    a change. And an index of ``sources(path)``: what is stored at the few paths git
    names changed is looked up without reading the table (each row holds its text)."""
    db.execute("create table corpus_version (version integer not null)")
    db.execute("insert into corpus_version (version) values (0)")
    raise_it = "begin update corpus_version set version = version + 1; end"
    db.execute(f"create trigger corpus_version_insert after insert on sources {raise_it}")
    db.execute(f"create trigger corpus_version_delete after delete on sources {raise_it}")
    db.execute(f"create trigger corpus_version_update after update of id, sha256, metadata_sha256, path, extractor on sources {raise_it}")
    db["sources"].create_index(["path"], if_not_exists=True)


def _applied(db: sqlite_utils.Database) -> set[str]:
    table = db["_factcheck_migrations"]
    return {row["name"] for row in table.rows} if table.exists() else set()


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    """The steps this database has not seen yet (opening it will apply them)."""
    done = _applied(db)
    return [name for name, _ in MIGRATIONS if name not in done]


def unknown_migrations(db: sqlite_utils.Database) -> list[str]:
    """Steps recorded in the database that this factcheck does not know: a newer one wrote it."""
    known = {name for name, _ in MIGRATIONS}
    return sorted(_applied(db) - known)


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the steps this database has not seen yet; return their names."""
    table = db["_factcheck_migrations"]
    if not table.exists():
        table.create({"name": str, "step": int}, pk="name")
    done = {row["name"] for row in table.rows}
    applied = []
    for step, (name, fn) in enumerate(MIGRATIONS, start=1):
        if name in done:
            continue
        with db.atomic():  # each step is all-or-nothing
            fn(db)
            table.insert({"name": name, "step": step})
        applied.append(name)
    return applied
