"""Scoring search against labelled queries (factcheck.evaluation.search)."""

import pytest

from factcheck.errors import ConfigError
from factcheck.evaluation.search import Query, Relevant, answers, load_queries, score_search


def query(text, *relevant, lang="en"):
    return Query("c", text, lang, tuple(Relevant(f, s) for f, s in relevant))


def hit(source, text):
    return {"source_id": source, "text": text}


@pytest.mark.parametrize(
    "hit_, expected",
    [
        (hit("a", "More than 500  employees signed."), True),  # whitespace does not matter
        (hit("b", "More than 500 employees signed."), False),  # the right words in another file
        (hit("a", "700 of 770 signed."), False),
        (hit("a", "500 employees"), True),  # a hit shorter than the label, inside it
    ],
)
def test_a_hit_answers_when_its_file_and_sentence_match(hit_, expected):
    q = query("how many signed", ("a.txt", "More than 500 employees"))
    assert answers(hit_, q, lambda source: f"{source}.txt") is expected


def test_mrr_recall_and_unreachable_queries():
    queries = [
        query("first", ("a.txt", "alpha sentence")),
        query("second", ("a.txt", "beta sentence"), lang="ar"),
        query("third", ("b.txt", "gamma sentence")),
    ]
    results = {
        "first": [hit("a", "beta sentence."), hit("a", "alpha sentence.")],  # second hit
        "second": [hit("a", "beta sentence.")],  # first hit
        "third": [hit("a", "alpha sentence.")],  # never
    }
    searchable = {"a.txt": ["alpha sentence.", "beta sentence."]}
    scored = score_search(queries, results.__getitem__, lambda s: f"{s}.txt", 10, searchable)
    assert [r["rank"] for r in scored["ranks"]] == [2, 1, None]
    assert scored["mrr"] == pytest.approx((1 / 2 + 1) / 3)
    assert scored["recall"] == pytest.approx(2 / 3)
    assert scored["unreachable"] == 1 and not scored["ranks"][2]["reachable"]
    assert scored["by_lang"] == {"ar": {"queries": 1, "mrr": 1.0}, "en": {"queries": 2, "mrr": pytest.approx(0.25)}}
    # only the first k hits count
    assert score_search(queries, results.__getitem__, lambda s: f"{s}.txt", 1, searchable)["ranks"][0]["rank"] is None


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "no [[query]]"),
        ("[other]\n", "unknown table 'other'"),
        ('[[query]]\ncorpus = "c"\ntext = "t"\n', "no relevant sentence"),
        ('[[query]]\ncorpus = ""\ntext = "t"\n', "'corpus' must be a non-empty string"),
        ('[[query]]\ncorpus = "c"\ntext = "t"\nrank = 1\n', "unknown key 'rank'"),
        ('[[query]]\ncorpus = "c"\ntext = "t"\n[[query.relevant]]\nfile = "a.txt"\n', "exactly 'file' and 'contains'"),
    ],
)
def test_malformed_queries_files_are_one_clear_error(tmp_path, text, message):
    path = tmp_path / "q.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_queries(path)


def test_the_labelled_queries_of_the_repository_name_their_sentences_once():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    queries = load_queries(root / "tests/fixtures/search_queries.toml")
    assert len(queries) >= 30 and {q.lang for q in queries} == {"ar", "en"}
    for q in queries:
        for r in q.relevant:
            assert (root / q.corpus / r.file).read_text(encoding="utf-8").count(r.contains) == 1, (q.text, r.contains)
