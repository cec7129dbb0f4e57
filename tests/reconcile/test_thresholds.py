"""The thresholds file: every value typed, finite and in its interval, or one clear line."""

from dataclasses import fields

import pytest

from factcheck.errors import ConfigError
from factcheck.reconcile.thresholds import DEFAULTS, RULES, Thresholds, check_thresholds, ensemble_defaults, thresholds_for


def write(tmp_path, text):
    path = tmp_path / "thresholds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_threshold_has_a_rule():
    assert set(RULES) == {f.name for f in fields(Thresholds)}
    for f in fields(Thresholds):
        assert RULES[f.name].kind is type(getattr(Thresholds(), f.name)), f.name


@pytest.mark.parametrize("family", [*DEFAULTS, "e5+usem3", "e5+hashing", "custom-family"])
def test_the_shipped_defaults_obey_the_rules(family):
    th = ensemble_defaults(family) if "+" in family else thresholds_for(family)
    assert check_thresholds(th.as_dict(), "defaults") == th.as_dict()


BAD = {
    # the cases that crashed or misled before: division by zero, doubled alignments, SQL LIMIT -5
    "cosine_floor = 1.0": "cosine_floor must be a number from 0 to below 1, not 1.0 (",
    "align_score = nan": "align_score must be a number from 0 to 1, not nan",
    "neighbours = -5": "neighbours must be an integer from 0 to 1000, not -5 (",
    "neighbours = 2.5": "neighbours must be an integer from 0 to 1000, not 2.5",
    "neighbours = 2.0": "neighbours must be an integer from 0 to 1000, not 2.0",
    "neighbours = true": "neighbours must be an integer from 0 to 1000, not true",
    "neighbours = 1001": "neighbours must be an integer from 0 to 1000, not 1001",
    "align_score = inf": "align_score must be a number from 0 to 1, not inf",
    "align_score = -inf": "align_score must be a number from 0 to 1, not -inf",
    "align_score = -0.1": "align_score must be a number from 0 to 1, not -0.1",
    "align_score = 55": "align_score must be a number from 0 to 1, not 55",
    "align_score = 'high'": "align_score must be a number from 0 to 1, not 'high'",
    "align_score = [0.5]": "align_score must be a number from 0 to 1, not a list",
    "align_score = 2023-01-01": "align_score must be a number from 0 to 1, not datetime.date(2023, 1, 1)",
    "cosine_floor = -0.5": "cosine_floor must be a number from 0 to below 1, not -0.5",
    "candidate_cosine = 1.01": "candidate_cosine must be a number from 0 to 1, not 1.01",
    "cross_lingual_cosine = nan": "cross_lingual_cosine must be a number from 0 to 1, not nan",
    "cross_lingual_bonus = 0.12": "'cross_lingual_bonus' is no longer a setting: the slot model weighs that signal",
    "min_shared_words = -1": "min_shared_words must be an integer from 0 to 16, not -1",
    "min_shared_words = 1.5": "min_shared_words must be an integer from 0 to 16, not 1.5",
    "magnitude_ratio = 0.5": "magnitude_ratio must be a number from 1 to 1e+09, not 0.5",
    "magnitude_ratio = 1e400": "magnitude_ratio must be a number from 1 to 1e+09, not inf",
    "magnitude_ratio = 100000000000000000000000000000000000000000000000000": "magnitude_ratio must be a number from 1 to 1e+09, not 1000",
    "magnitude_penalty = 0.35": "'magnitude_penalty' is no longer a setting: the slot model weighs that signal",
    "predicate_penalty = 0.2": "'predicate_penalty' is no longer a setting: the slot model weighs that signal",
    "keyword_neighbours = 12": "'keyword_neighbours' is no longer a setting: candidates come from the vector index and from frame keys",
    "approx_tolerance = 1": "approx_tolerance must be a number from 0 to below 1, not 1",
    "open_bound_factor = 0.9": "open_bound_factor must be a number from 1 to 100, not 0.9",
    "minor_gap = 1.5": "minor_gap must be a number from 0 to 1, not 1.5",
    "related_min_claims = 0": "related_min_claims must be an integer from 1 up, not 0",
    "related_share = 1.2": "related_share must be a number from 0 to 1, not 1.2",
    "bogus = 1": "unknown setting 'bogus' (known: align_score, approx_tolerance,",
    "[[neighbours]]\nx = 1": "neighbours must be an integer from 0 to 1000, not a list",
    "[e5]\nneighbours = -5": "thresholds.toml, table [e5]: neighbours must be an integer",
    "[usem3]\nalign_score = nan": "table [usem3]: align_score must be a number",  # not the family in use, still checked
    "[e5]\nbogus = 1": "table [e5]: unknown setting 'bogus'",
    "[e55]\nalign_score = 0.5": "[e55] names no model family (known: e5, hashing, sentence-transformers, usem3",
    "[e5.extra]\nalign_score = 0.5": "table [e5]: unknown setting 'extra'",
    "align_score = ": "not valid TOML",
    "a = " + "[" * 5000: "not valid TOML",
}


@pytest.mark.parametrize("text, message", BAD.items(), ids=list(BAD))
def test_a_bad_value_is_one_line_naming_file_key_and_range(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        thresholds_for("e5", write(tmp_path, text))
    line = str(caught.value)
    assert message in line and "\n" not in line
    assert f"thresholds file {tmp_path / 'thresholds.toml'}" in line


GOOD = {
    "align_score = 0.7": {"align_score": 0.7},
    "align_score = 1": {"align_score": 1.0},  # an integer where a number is meant is fine
    "align_score = 0\ncandidate_cosine = 0.0": {"align_score": 0.0, "candidate_cosine": 0.0},
    "align_score = 1.0": {"align_score": 1.0},  # the upper bound itself
    "cosine_floor = 0.99": {"cosine_floor": 0.99},
    "neighbours = 0": {"neighbours": 0},
    "related_min_claims = 100000": {"related_min_claims": 100000},
    "magnitude_ratio = 1": {"magnitude_ratio": 1.0},
    "align_score = 0.7\n[e5]\nalign_score = 0.8\ncosine_floor = 0.8": {"align_score": 0.8, "cosine_floor": 0.8},
    "[usem3]\nalign_score = 0.9": {"align_score": 0.268},  # another family's table
    "['e5+usem3']\nalign_score = 0.9": {"align_score": 0.268},
    "": {},
}


@pytest.mark.parametrize("text, expected", GOOD.items(), ids=list(GOOD))
def test_good_values_are_taken(tmp_path, text, expected):
    th = thresholds_for("e5", write(tmp_path, text))
    for key, value in expected.items():
        assert getattr(th, key) == value and type(getattr(th, key)) is type(value)
    untouched = set(RULES) - set(expected)
    assert all(getattr(th, k) == getattr(DEFAULTS["e5"], k) for k in untouched)


def test_a_table_for_the_family_in_use_may_have_any_name(tmp_path):
    path = write(tmp_path, "[my-model]\nalign_score = 0.6\n")
    assert thresholds_for("my-model", path).align_score == 0.6
    with pytest.raises(ConfigError, match=r"\[my-model\] names no model family"):
        thresholds_for("e5", path)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p, "No such file or directory"),
        (lambda p: (p.mkdir(), p)[1], "is a folder, not a file"),
        (lambda p: (p.write_bytes(b"align_score = \xff\n"), p)[1], "is not UTF-8 text"),
        (lambda p: (p.write_bytes(b"#" * 10_000_001), p)[1], "larger than 10000000 bytes"),
    ],
    ids=["missing", "folder", "not utf-8", "huge"],
)
def test_an_unreadable_file_is_one_line(tmp_path, make, message):
    path = make(tmp_path / "t.toml")
    with pytest.raises(ConfigError, match=message):
        thresholds_for("e5", path)
