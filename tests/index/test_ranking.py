"""Search ranking: the query's units, what a sentence offers, the keyword score, the
question table, and the hybrid order through ``Factcheck.search``."""

import json

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import ConfigError
from factcheck.index import ranking
from factcheck.index.ranking import keyword_scores, load_questions, query_units, questions, sentence_terms


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("How many employees signed the letter?", {"count"}),
        ("how much did Musk pay", {"money", "count", "percent"}),
        ("When was Altman fired?", {"date"}),
        ("who fired Sam Altman", {"event"}),
        ("كم عدد الموظفين الذين وقعوا", {"count"}),
        ("متى أُقيل ألتمان", {"date"}),
        ("من أقال ألتمان", {"event"}),
        ("استقال ألتمان من منصبه", set()),  # «من» is "who" only where it opens the question
        ("what share of the vote did she win", {"percent"}),
        ("how long did the strike last", {"duration"}),
        ("Musk invested in OpenAI", set()),
    ],
)
def test_questions_ask_for_kinds_of_claim(query, asked):
    assert set(questions().asks(query)[0]) == asked


def test_question_words_are_not_content_units():
    units = query_units("how many employees signed the letter")
    assert not any("w:how" in u or "w:mani" in u for u in units)
    assert frozenset({"q:count"}) in units
    # "employees" meets the lexicon's staff group, so «موظفين» meets it too
    staff = next(u for u in units if "g:staff" in u)
    assert "g:staff" in sentence_terms("وقّع 700 من الموظفين على الرسالة", [])
    assert staff & sentence_terms("وقّع 700 من الموظفين على الرسالة", [])


@pytest.mark.parametrize(
    ("query", "sentence", "claims", "meets"),
    [
        # a name in another script, through the names the sentence's claims record
        ("Musk", "استثمر ماسك 100 مليون دولار", [{"actors": ["ماسك"], "kind": "quantity"}], True),
        ("Musk", "استثمر ماسك 100 مليون دولار", [], False),  # no claim names him: words alone do not
        ("Nouran", "قالت شركة نوران إن", [{"entities": ["شركة نوران"], "kind": "quantity"}], True),
        ("Salco", "قالت شركة نوران إن", [{"entities": ["شركة نوران"], "kind": "quantity"}], False),
        # a concept across languages, and an event action
        ("invested", "استثمر ماسك 100 مليون دولار", [], True),
        ("fired", "أقال مجلس الإدارة ألتمان يوم الجمعة", [], True),
        ("resigned", "أقال مجلس الإدارة ألتمان يوم الجمعة", [], False),
        # a stem in one language
        ("signing", "More than 500 employees signed the letter", [], True),
        ("investigation", "The company invested $10 million", [], False),
    ],
)
def test_a_unit_meets_a_sentence(query, sentence, claims, meets):
    (unit,) = query_units(query)
    assert bool(unit & sentence_terms(sentence, claims)) is meets


def test_question_unit_met_by_a_claim_of_that_kind():
    units = query_units("when did it happen")
    asked = next(u for u in units if any(t.startswith("q:") for t in u))
    assert asked & sentence_terms("It happened on 17 November 2023", [{"kind": "date", "frame": {"unit_class": "date"}}])
    assert not asked & sentence_terms("It cost $5 million", [{"kind": "quantity", "frame": {"unit_class": "money"}}])


def test_keyword_score_weighs_rare_units_more():
    units = [frozenset({"w:common"}), frozenset({"w:rare"})]
    sentences = [frozenset({"w:common"}), frozenset({"w:common"}), frozenset({"w:common", "w:rare"}), frozenset({"w:rare"})]
    scores = keyword_scores(units, sentences)
    assert scores[2] == 1.0
    assert scores[3] > scores[0] == scores[1] > 0  # the rare unit alone is worth more than the common one
    assert keyword_scores([], sentences) == [0.0] * 4
    assert keyword_scores(units, []) == []


def test_hybrid_is_bounded_and_monotonic():
    assert ranking.hybrid(0.0, 0.0) == 0.0 and ranking.hybrid(1.0, 1.0) == 1.0
    assert ranking.hybrid(0.7, 0.5) > ranking.hybrid(0.7, 0.4)
    assert ranking.hybrid(0.71, 0.5) > ranking.hybrid(0.7, 0.5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[ask]]\nphrases = []\nclasses = ['count']\n", "'phrases' must be a list of words"),
        ("[[ask]]\nphrases = ['how many']\nclasses = ['colour']\n", "'classes' must be a list of"),
        ("[[ask]]\nphrases = ['who']\nclasses = ['event']\nopening = 'yes'\n", "'opening' must be true or false"),
        ("[[ask]]\nphrases = ['who']\nclasses = ['event']\nwords = 1\n", "takes only 'phrases', 'classes' and 'opening'"),
        ("[question]\nx = 1\n", "unknown table 'question'"),
        ("[[ask]\n", "questions"),
    ],
)
def test_bad_question_file_is_one_line(tmp_path, text, message):
    path = tmp_path / "q.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_questions(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_user_question_file_extends_the_table(tmp_path):
    path = tmp_path / "q.toml"
    path.write_text("[[ask]]\nphrases = ['combien']\nclasses = ['count']\n", encoding="utf-8")
    assert load_questions(path).asks("combien de morts")[0] == {"count"}
    assert load_questions(None).asks("combien de morts")[0] == frozenset()


# -- through the search command ---------------------------------------------------------------

runner = CliRunner()
CORPUS = {
    "a.txt": "Board news\n\nThe board of Acme met on Monday to discuss the budget of 40 million dollars.\n",
    "b.txt": "Letter\n\nMore than 500 employees of Acme signed the letter to the board.\n",
    "c.txt": "Musk gift\n\nElon Musk gave Zentrix 100 million dollars in 2016.\n",
}


@pytest.fixture
def stored(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "claims.db"
    assert invoke(db, "ingest", folder).exit_code == 0
    return db


def invoke(db, *args):
    return runner.invoke(app, ["--db", str(db), "--model", "hashing", "--no-progress", *map(str, args)])


def search(db, *args):
    result = invoke(db, "search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_hits_carry_both_scores_and_are_ordered(stored):
    hits = search(stored, "how many employees signed", "-k", "3")
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert "signed the letter" in hits[0]["text"]
    for h in hits:
        assert h["score"] == ranking.hybrid(h["vector"], h["keyword"])
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_keyword_part_lifts_the_sentence_with_the_name(stored, monkeypatch):
    asked = "how much money did Musk give"
    with_words = search(stored, asked, "-k", "3")
    assert "Musk" in with_words[0]["text"]
    assert with_words[0]["keyword"] > max(h["keyword"] for h in with_words[1:])


def test_min_score_cuts_and_never_reorders(stored):
    hits = search(stored, "how many employees signed", "-k", "3")
    cut = hits[1]["score"]
    kept = search(stored, "how many employees signed", "-k", "3", "--min-score", cut)
    assert kept == [h for h in hits if h["score"] >= cut] and kept
    assert search(stored, "how many employees signed", "--min-score", "1") == []
    table = invoke(stored, "search", "how many employees signed", "--min-score", "1")
    assert table.exit_code == 0 and table.output.strip() == "no stored sentence matches"


@pytest.mark.parametrize("value", ["2", "-3", "nan", "inf", "abc"])
def test_bad_min_score_is_one_line(stored, value):
    result = invoke(stored, "search", "anything", "--min-score", value)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
