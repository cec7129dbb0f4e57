"""The baseline file arrives through pull requests: anything but its exact shape is one line."""

import json
import os

import pytest

from factcheck.baseline import MAX_BASELINE_BYTES, Baseline
from factcheck.errors import ConfigError

ID = "d_0123456789abcdef"
OTHER = "d_fedcba9876543210"


def entry(**fields):
    return {"status": "acknowledged", "note": "known", **fields}


BAD = {
    "format 99": ({"format": 99, "discrepancies": {}}, "has format 99; this version of factcheck reads format 1 only"),
    "format as text": ({"format": "1", "discrepancies": {}}, "has format '1'"),
    "format true": ({"format": True, "discrepancies": {}}, "has format true"),
    "format 1.0": ({"format": 1.0, "discrepancies": {}}, "has format 1.0"),
    "no format": ({"discrepancies": {}}, "has no 'format' (this version of factcheck reads format 1)"),
    "no discrepancies": ({"format": 1}, "has no 'discrepancies' object"),
    "discrepancies a list": ({"format": 1, "discrepancies": [ID]}, "has no 'discrepancies' object"),
    "an array": ([], "must be a JSON object with 'format' and 'discrepancies', not an array"),
    "a number": (5, "must be a JSON object with 'format' and 'discrepancies', not the number 5"),
    "null": (None, "not null"),
    "unknown top key": ({"format": 1, "discrepancies": {}, "decisions": {}}, "unknown key 'decisions' (known: format, discrepancies)"),
    "not an id": ({"format": 1, "discrepancies": {"abc": entry()}}, "'abc' is not a discrepancy id (d_ and 16 hex digits"),
    "id upper case": ({"format": 1, "discrepancies": {ID.upper(): entry()}}, "is not a discrepancy id"),
    "unknown status": ({"format": 1, "discrepancies": {ID: entry(status="ignored")}}, f"entry {ID} needs a status of acknowledged or dismissed, not status 'ignored'"),
    "status a list": ({"format": 1, "discrepancies": {ID: entry(status=["dismissed"])}}, "needs a status of acknowledged or dismissed, not status a list"),
    "no status": ({"format": 1, "discrepancies": {ID: {"note": "x"}}}, "needs a status of acknowledged or dismissed, not an object"),
    "entry a string": ({"format": 1, "discrepancies": {ID: "acknowledged"}}, "not the string 'acknowledged'"),
    "entry null": ({"format": 1, "discrepancies": {ID: None}}, "not null"),
    "note a number": ({"format": 1, "discrepancies": {ID: entry(note=5)}}, f"entry {ID}: 'note' must be a string, not the number 5"),
    "author null": ({"format": 1, "discrepancies": {ID: entry(author=None)}}, "'author' must be a string, not null"),
    "summary an object": ({"format": 1, "discrepancies": {ID: entry(summary={})}}, "'summary' must be a string, not an object"),
    "unknown entry key": ({"format": 1, "discrepancies": {ID: entry(reviewer="x")}}, "unknown key 'reviewer' (known: status, note, author, summary)"),
    "second entry bad": ({"format": 1, "discrepancies": {ID: entry(), OTHER: entry(status="")}}, f"entry {OTHER} needs a status"),
}


@pytest.mark.parametrize("data, message", BAD.values(), ids=list(BAD))
def test_a_bad_baseline_is_one_line(tmp_path, data, message):
    path = tmp_path / "factcheck-baseline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        Baseline.load(path)
    line = str(caught.value)
    assert message in line and f"baseline {path}" in line and "\n" not in line


TEXT = {
    "deeply nested": ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
    "not json": ("{not json", "not valid JSON: Expecting property name"),
    "NaN": ('{"format": NaN, "discrepancies": {}}', "not valid JSON: NaN is not a JSON value"),
    "Infinity": ('{"format": 1, "discrepancies": {}, "x": -Infinity}', "-Infinity is not a JSON value"),
    "duplicate id": (f'{{"format": 1, "discrepancies": {{"{ID}": {{"status": "dismissed"}}, "{ID}": {{"status": "acknowledged"}}}}}}', f"the key '{ID}' appears twice"),
    "duplicate format": ('{"format": 1, "format": 2, "discrepancies": {}}', "the key 'format' appears twice"),
    "empty": ("", "not valid JSON: Expecting value"),
    "not utf-8": (b'{"format": 1, "discrepancies": {"\xff": 1}}', "is not UTF-8 text"),
    "too large": (b" " * (MAX_BASELINE_BYTES + 1), f"is larger than {MAX_BASELINE_BYTES} bytes"),
}


@pytest.mark.parametrize("text, message", TEXT.values(), ids=list(TEXT))
def test_a_baseline_that_is_not_json_is_one_line(tmp_path, text, message):
    path = tmp_path / "factcheck-baseline.json"
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
    with pytest.raises(ConfigError) as caught:
        Baseline.load(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_baseline_that_is_not_a_regular_file_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(ConfigError, match="is a folder, not a file"):
        Baseline.load(folder)
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match=r"is a FIFO \(named pipe\), not a file"):
        Baseline.load(fifo)  # opening it would wait for a writer forever


def test_good_baselines_load_and_round_trip(tmp_path):
    path = tmp_path / "factcheck-baseline.json"
    assert Baseline.load(path).entries == {}  # no file yet: an empty baseline
    data = {"format": 1, "discrepancies": {ID: {"status": "dismissed"}, OTHER: entry(author="a", summary="s")}}
    path.write_text(json.dumps(data), encoding="utf-8")
    baseline = Baseline.load(path)
    assert baseline.as_decisions() == [
        {"discrepancy_id": ID, "status": "dismissed", "note": "", "author": ""},
        {"discrepancy_id": OTHER, "status": "acknowledged", "note": "known", "author": "a"},
    ]
    baseline.decide(ID, "acknowledged", note="ok", author="b", summary="t")
    baseline.save()
    assert Baseline.load(path).entries[ID] == {"status": "acknowledged", "note": "ok", "author": "b", "summary": "t"}
    assert not (tmp_path / "factcheck-baseline.json.tmp").exists()


def test_a_baseline_that_cannot_be_written_is_one_line(tmp_path):
    baseline = Baseline(tmp_path / "absent" / "factcheck-baseline.json")
    baseline.decide(ID, "dismissed", note="n")
    with pytest.raises(ConfigError, match="cannot write baseline .*absent/factcheck-baseline.json: No such file"):
        baseline.save()


def test_a_check_reads_the_baseline_again_only_when_its_file_changed(tmp_path, monkeypatch):
    """A large repository's baseline is read once: while its file's size, time and inode are
    as when its decisions were copied, a check uses the copy; an edited file, one the tool
    wrote itself, one changed within the clock's resolution or ``--rehash`` read it again."""
    import time

    from factcheck import baseline as baseline_module
    from factcheck.workspace import Factcheck

    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("Acme said on Monday that 120 employees signed the letter.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Acme said on Monday that 700 employees signed the letter.\n", encoding="utf-8")
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    path = folder / "factcheck-baseline.json"
    assert fc.check(folder, fail_on="low").new
    fc.update_baseline(path)  # the repository accepts what it holds
    found = fc.check(folder, fail_on="low")
    assert not found.new and found.known  # every discrepancy is in the baseline
    old = time.time() - 3600
    os.utime(path, (old, old))  # older than the clock's resolution: its signature is trusted

    reads = []
    load = baseline_module.Baseline.load
    monkeypatch.setattr(baseline_module.Baseline, "load", classmethod(lambda cls, p: reads.append(p) or load(p)))

    def check():
        reads.clear()
        result = Factcheck(db_path=tmp_path / "c.db", model="hashing").check(folder, fail_on="low")
        return len(reads), result

    assert check()[0] == 1  # copied now from a file old enough to trust
    count, result = check()
    assert count == 0 and not result.new and result.known  # the copy serves
    # dismissing one discrepancy writes the file: its decisions are read again
    known = result.known
    target = fc.discrepancies(include_decided=True)[0]["id"]
    fc.decide(target, "dismissed", "checked", path)
    os.utime(path, (old, old))
    count, result = check()
    assert count == 1 and result.known == known and fc.discrepancy(target)["status"] == "dismissed"
    # emptied by hand with the same time: another size
    saved = path.read_bytes()
    path.write_text(json.dumps({"format": 1, "discrepancies": {}}), encoding="utf-8")
    os.utime(path, (old, old))
    count, result = check()
    assert count == 1 and result.new and not result.known
    # a file just written is read again by the next check too
    path.write_bytes(saved)
    assert check()[0] == 1 and check()[0] == 1
    os.utime(path, (old - 60, old - 60))
    assert check()[0] == 1 and check()[0] == 0
    rehash = Factcheck(db_path=tmp_path / "c.db", model="hashing", rehash=True)
    reads.clear()
    rehash.check(folder, fail_on="low")
    assert len(reads) == 1
