import sqlite3

import numpy as np
import pytest

from factcheck.claims.model import Claim, Quantity
from factcheck.errors import ConfigError, StoreError
from factcheck.sources.model import Source
from factcheck.store import migrations
from factcheck.store.database import Store


def make_source(sid="s1", text="Musk invested $100 million.", sha="h1"):
    return Source(id=sid, path=f"{sid}.txt", format="txt", text=text, sha256=sha)


def make_claim(sid="s1", cid="q_0000000000000001"):
    q = Quantity(quote="$100 million", char_start=14, char_end=26, value=1e8, low=1e8, high=1e8, unit="USD")
    return Claim(
        id=cid, source_id=sid, sentence_index=0, text="Musk invested $100 million.", sentence_start=0, sentence_end=27,
        quote=q.quote, char_start=14, char_end=26, lang="en", kind="quantity", quantity=q, context="Musk invested …",
    )  # fmt: skip


SENTENCE = {"id": "s1:0", "source_id": "s1", "sentence_index": 0, "start": 0, "end": 27, "text": "Musk invested $100 million.",
            "lang": "en", "furniture": None, "content_hash": "abc"}  # fmt: skip


def test_migrations_create_named_tables(tmp_path):
    store = Store(tmp_path / "c.db")
    names = set(store.db.table_names())
    assert {"sources", "sentences", "claims", "quantities", "dates", "embeddings", "clusters", "discrepancies"} <= names
    assert [r["name"] for r in store.db["_factcheck_migrations"].rows] == ["m001_initial", "m002_entities", "m003_alignments", "m004_source_relations", "m005_claim_words_search", "m006_claim_roles", "m007_wholes", "m008_month_day", "m009_skipped_sentences", "m010_metadata_hash", "m011_frames", "m012_no_claim_words_search", "m013_date_forms", "m014_incremental_reconcile", "m015_file_signatures", "m016_joining_pairs", "m017_events", "m018_event_placement", "m019_dates_of_events", "m020_event_stance", "m021_title_origin", "m022_attribution", "m023_disputes", "m024_block_lists", "m025_lookup_indexes", "m026_source_blobs", "m027_corpus_version"]


def test_old_database_upgrades_itself(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    Store(path).close()

    def m999_add_column(db):
        db["sources"].add_column("license", str)

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ("m999_add_column", m999_add_column)])
    store = Store(path)
    assert "license" in store.db["sources"].columns_dict
    assert [r["name"] for r in store.db["_factcheck_migrations"].rows] == ["m001_initial", "m002_entities", "m003_alignments", "m004_source_relations", "m005_claim_words_search", "m006_claim_roles", "m007_wholes", "m008_month_day", "m009_skipped_sentences", "m010_metadata_hash", "m011_frames", "m012_no_claim_words_search", "m013_date_forms", "m014_incremental_reconcile", "m015_file_signatures", "m016_joining_pairs", "m017_events", "m018_event_placement", "m019_dates_of_events", "m020_event_stance", "m021_title_origin", "m022_attribution", "m023_disputes", "m024_block_lists", "m025_lookup_indexes", "m026_source_blobs", "m027_corpus_version", "m999_add_column"]
    Store(path)  # opening again applies nothing twice


def test_replace_source_is_all_or_nothing(tmp_path):
    store = Store(tmp_path / "c.db")
    store.replace_source(make_source(), [SENTENCE], [make_claim()], None)
    assert store.count("claims") == 1
    broken = make_claim(cid="q_0000000000000002")
    broken.sentence_index = 99  # points to no sentence: the foreign key fails
    with pytest.raises(sqlite3.IntegrityError):
        store.replace_source(make_source(sha="h2"), [SENTENCE], [broken], None)
    # the earlier version is intact
    assert store.source_states()[0] == {"s1": ("h1", "")}
    assert [c["id"] for c in store.claims()] == ["q_0000000000000001"]


def test_claims_join_their_quantity_and_sentence(tmp_path):
    store = Store(tmp_path / "c.db")
    store.replace_source(make_source(), [SENTENCE], [make_claim()], None)
    (row,) = store.claims()
    assert row["text"] == "Musk invested $100 million."
    assert (row["value"], row["unit"], row["quote"]) == (1e8, "USD", "$100 million")
    assert row["sentence_hash"] == "abc"


def test_remove_source(tmp_path):
    store = Store(tmp_path / "c.db")
    store.replace_source(make_source(), [SENTENCE], [make_claim()], None)
    assert store.remove_source("s1") is True
    assert store.remove_source("s1") is False
    assert store.count("claims") == store.count("sentences") == store.count("quantities") == 0


def test_embeddings_round_trip(tmp_path):
    store = Store(tmp_path / "c.db")
    v = np.arange(4, dtype=np.float32)
    store.save_embeddings("m", {"h": v})
    assert store.missing_embeddings(["h", "g"], "m") == {"g"}
    assert store.missing_embeddings(["h"], "other-model") == {"h"}
    assert np.array_equal(store.embeddings(["h"], "m")["h"], v)


def test_not_a_database(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable factcheck database"):
        Store(path)


def test_missing_folder(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        Store(tmp_path / "nope" / "c.db")


def test_database_of_the_first_release_gains_the_entities_table(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        old = Store(path)
        old.db["sources"].insert({"id": "s1", "path": "s1.txt", "format": "txt", "sha256": "h1", "text": "x"})
        assert "entities" not in old.db.table_names()
        old.close()
    store = Store(path)
    assert "entities" in store.db.table_names()
    assert store.source_states()[0] == {"s1": ("h1", "")}  # nothing lost on the way


def test_database_before_frames_gains_frame_and_label_columns_and_keeps_its_claims(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    names = [name for name, _ in migrations.MIGRATIONS]
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[: names.index("m011_frames")])
        old = Store(path)
        old.db["sources"].insert({"id": "s1", "path": "s1.txt", "format": "txt", "sha256": "h1", "text": "Acme has 40 staff."})
        old.db["sentences"].insert({"id": "s1:0", "source_id": "s1", "sentence_index": 0, "start": 0, "end": 18, "text": "Acme has 40 staff."})
        old.db["claims"].insert({"id": "q_1", "source_id": "s1", "sentence_id": "s1:0", "kind": "quantity", "quote": "40", "char_start": 9, "char_end": 11})
        assert "frame" not in old.db["claims"].columns_dict and "label" not in old.db["clusters"].columns_dict
        old.close()
    store = Store(path)
    assert store.db["claims"].columns_dict["frame"] is str and store.db["clusters"].columns_dict["label"] is str
    [claim] = store.claims()
    assert claim["id"] == "q_1" and claim["frame"] == {}  # kept; its frame comes when the source is read again


def _date_claim(cid, quote, mention):
    text = f"It happened {quote}."
    return Claim(
        id=cid, source_id="s1", sentence_index=0, text=text, sentence_start=0, sentence_end=len(text),
        quote=quote, char_start=12, char_end=12 + len(quote), lang="en", kind="date", date=mention,
    )  # fmt: skip


def test_date_forms_round_trip(tmp_path):
    from factcheck.claims.model import DateMention

    store = Store(tmp_path / "c.db")
    forms = {
        "q_1": DateMention("15-17 November 2023", 12, 31, "2023-11-15", "range", date_end="2023-11-17"),
        "q_2": DateMention("mid-November 2023", 12, 29, "2023-11", "part_of_month", part="mid"),
        "q_3": DateMention("last week", 12, 21, "2023-W46", "week", resolved_from="published"),
        "q_4": DateMention("15 رمضان 1445", 12, 25, "2024-03-25", "day", calendar="hijri", hijri="1445-09-15"),
        "q_5": DateMention("05/04/2023", 12, 22, None, "day", resolved_from="unresolved", readings=["2023-04-05", "2023-05-04"]),
    }
    claims = [_date_claim(cid, m.quote, m) for cid, m in forms.items()]
    sentence = SENTENCE | {"text": "x", "end": 1}
    store.replace_source(Source(id="s1", path="s1.txt", format="txt", text="x", sha256="h", locale="en_GB"), [sentence], claims, None)
    rows = {c["id"]: c for c in store.claims()}
    for cid, m in forms.items():
        got = rows[cid]
        assert (got["date"], got["precision"], got["date_end"], got["part"], got["calendar"], got["hijri"], got["readings"]) == (
            m.date, m.precision, m.date_end, m.part, m.calendar, m.hijri, m.readings)
    assert store.get_source("s1")["locale"] == "en_GB"


def test_database_before_date_forms_gains_their_columns_and_keeps_its_dates(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    names = [name for name, _ in migrations.MIGRATIONS]
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[: names.index("m013_date_forms")])
        old = Store(path)
        old.db["sources"].insert({"id": "s1", "path": "s1.txt", "format": "txt", "sha256": "h1", "text": "On 17 November 2023."})
        old.db["sentences"].insert({"id": "s1:0", "source_id": "s1", "sentence_index": 0, "start": 0, "end": 20, "text": "On 17 November 2023."})
        old.db["claims"].insert({"id": "q_1", "source_id": "s1", "sentence_id": "s1:0", "kind": "date", "quote": "17 November 2023", "char_start": 3, "char_end": 19})
        old.db["dates"].insert({"claim_id": "q_1", "date": "2023-11-17", "precision": "day", "calendar": "gregorian", "resolved_from": "text"})
        assert "date_end" not in old.db["dates"].columns_dict and "locale" not in old.db["sources"].columns_dict
        old.close()
    store = Store(path)
    assert {"date_end", "part", "hijri", "readings"} <= set(store.db["dates"].columns_dict) and "locale" in store.db["sources"].columns_dict
    [claim] = store.claims()
    assert (claim["date"], claim["precision"], claim["date_end"], claim["readings"]) == ("2023-11-17", "day", None, None)


def test_the_copy_of_an_unchanged_baseline_is_not_written_again(tmp_path):
    store = Store(tmp_path / "c.db")
    first = [{"discrepancy_id": "d_1", "status": "acknowledged", "note": "known", "author": "Analyst"}]
    second = [*first, {"discrepancy_id": "d_2", "status": "false_positive", "note": "", "author": "Analyst"}]
    store.replace_decisions(first)
    before = store.db.conn.total_changes
    store.replace_decisions(first)
    assert store.db.conn.total_changes == before  # nothing written
    store.replace_decisions(second)
    assert store.decisions() == second
    store.replace_decisions(first)
    assert store.decisions() == first


def test_a_database_before_title_origin_keeps_its_sources_and_reads_them_again(tmp_path, monkeypatch):
    from factcheck.workspace import Factcheck

    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("المصدر: Tencent Technology\nوقع 500 موظف على الرسالة يوم الاثنين الماضي في مقر الشركة.\nنص آخر.\n", encoding="utf-8")
    path = tmp_path / "c.db"
    with monkeypatch.context() as old:  # the database as the version before m021 left it
        old.setattr(migrations, "MIGRATIONS", [m for m in migrations.MIGRATIONS if m[0] != "m021_title_origin"])
        store = Store(path)
        store.db["sources"].insert({"id": "a", "path": "a.txt", "format": "txt", "text": "x", "sha256": "h", "title": "old title", "extractor": "54/old"})
        store.close()
    store = Store(path)
    assert store.get_source("a")["title_origin"] == "" and store.get_source("a")["title"] == "old title"
    store.close()
    fc = Factcheck(path, model="hashing")
    fc.ingest([folder])
    source = fc.store.get_source("a")
    assert (source["title_origin"], source["outlet"]) == ("first_words", "Tencent Technology")
    assert source["title"].startswith("Tencent Technology — وقع 500 موظف")


def test_a_database_before_attribution_reads_its_claims_as_the_sources_own_then_reads_them_again(tmp_path):
    from factcheck.workspace import Factcheck

    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("Letter\n\nOpenAI said it raised less than $45 million from Musk in 2017.\n", encoding="utf-8")
    path = tmp_path / "c.db"
    fc = Factcheck(path, model="hashing")
    fc.ingest([folder])
    # the database as the version before m022 left it: no attribution columns, an older extractor
    for column in ("attributed_to", "attribution", "attribution_cue", "endorsed"):
        fc.store.db.execute(f"alter table claims drop column {column}")
    fc.store.db.execute("delete from _factcheck_migrations where name = 'm022_attribution'")
    fc.store.db["sources"].update("a", {"extractor": "55/old"})
    fc.store.db.conn.commit()
    fc.store.close()
    store = Store(path)
    (kept,) = [c for c in store.claims() if c["kind"] == "quantity"]
    assert (kept["attributed_to"], kept["attribution"], kept["endorsed"]) == ("", "", True)  # the source's own, until read again
    store.close()
    fc = Factcheck(path, model="hashing")
    fc.ingest([folder])
    (read,) = [c for c in fc.store.claims() if c["kind"] == "quantity"]
    assert (read["attributed_to"], read["attribution"], read["endorsed"]) == ("OpenAI", "says", False)


def test_open_and_decided_discrepancies_agree_with_each_row_read_in_python(tmp_path):
    # every severity with and without a decision, and a decision whose discrepancy is gone
    store = Store(tmp_path / "c.db")
    rows = [{"id": f"d{i:02d}", "kind": "conflict", "severity": ("high", "medium", "low")[i % 3], "claim_a": "a", "claim_b": "b"} for i in range(12)]
    store.db["discrepancies"].insert_all(rows, pk="id", alter=True)
    decided = {"d01": "acknowledged", "d02": "dismissed", "d06": "acknowledged", "d07": "open", "gone": "dismissed"}
    store.db["decisions"].insert_all([{"discrepancy_id": k, "status": v, "note": "", "author": ""} for k, v in decided.items()], pk="discrepancy_id")
    status = {r["id"]: decided.get(r["id"], "open") for r in rows}
    assert store.decided_discrepancy_count() == len([k for k, v in status.items() if v != "open"]) == 3
    for severities in ([], ["high"], ["medium", "low"], ["low", "high", "medium"]):
        expected = sorted(r["id"] for r in rows if status[r["id"]] == "open" and r["severity"] in severities)
        assert store.open_discrepancy_ids(iter(severities)) == expected
        assert store.open_discrepancy_count(iter(severities)) == len(expected)


def test_the_texts_of_some_sources_claims_are_their_contexts_and_sentences_by_hash(tmp_path, seed_dir):
    from factcheck.workspace import Factcheck

    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([seed_dir])
    store = fc.store
    some = store.source_ids()[:2]
    claims = [c for sid in some for c in store.claims(source_id=sid)]
    expected = {c["context_hash"]: c["context"] for c in claims} | {c["sentence_hash"]: c["text"] for c in claims}
    assert claims and store.claim_texts(some) == expected
    assert store.claim_texts(reversed(some)) == expected
    assert store.claim_texts([]) == {} and store.claim_texts(["no-such-source"]) == {}


def test_insert_stores_the_rows_sqlite_utils_insert_all_stores(tmp_path):
    """Store.insert against sqlite-utils' own insert_all on a twin table: lists, tuples and
    dicts as JSON, NULLs, and ``ignore`` keeping the first of two rows with one key; rows
    naming other columns are refused, not stored with a default insert_all would not give."""
    store = Store(tmp_path / "a.db")
    for name in ("mine", "theirs"):
        store.db[name].create({"id": str, "n": int, "x": float, "text": str, "kind": str}, pk="id", defaults={"kind": "plain"})
    rows = [
        {"id": "e1", "n": 1, "x": 0.5, "text": "Musk", "kind": "person"},
        {"id": "e2", "n": None, "x": None, "text": ["عربي", {"b": 1}], "kind": None},
        {"id": "e3", "n": 3, "x": 1e300, "text": ("a", 2), "kind": ""},
    ]
    with store.db.atomic():
        store.insert("mine", iter(rows))
        store.insert("mine", [])
    store.db["theirs"].insert_all(rows)
    mine = list(store.db.execute("select * from mine order by id"))
    assert mine == list(store.db.execute("select * from theirs order by id"))
    assert mine[1] == ("e2", None, None, '["عربي", {"b": 1}]', None)
    with pytest.raises(sqlite3.IntegrityError):
        store.insert("mine", [dict(rows[0], text="again")])
    store.insert("mine", [dict(rows[0], text="again"), dict(rows[0], id="e4")], ignore=True)
    assert [r[3] for r in store.db.execute("select * from mine order by id")] == ["Musk", '["عربي", {"b": 1}]', '["a", 2]', "Musk"]
    with pytest.raises(ValueError, match="names columns"):
        store.insert("mine", [dict(rows[0], id="e5"), {"id": "e6", "n": 6}])
