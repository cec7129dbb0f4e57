"""A user lexicon (FACTCHECK_LEXICON) is checked in full: one line naming the file and the key."""

import pytest

from factcheck.claims.lexicon import Lexicon, _load, lexicon
from factcheck.errors import ConfigError

BAD = {
    "generic = 5": "'generic' must be a list of words (strings), not 5",
    "generic = 'people'": "'generic' must be a list of words (strings), not 'people'",
    "generic = true": "'generic' must be a list of words (strings), not true",
    "generic = [1, 2]": "'generic' must be a list of words (strings); 1 is an integer",
    "generic = ['people', ['x']]": "'generic' must be a list of words (strings); a list is a list",
    "generic = ['-']": "'generic': '-' has no letters left to match once stemmed",
    "generic = ['  ']": "'generic': '  ' has no letters left",
    "group = 5": "'group' must be written as [[group]] tables with a name and words, not 5",
    "group = ['staff']": "'group' must be written as [[group]] tables",
    "concept = {name = 'x', words = ['y']}": "'concept' must be written as [[concept]] tables",
    "[[group]]\nwords = ['a']": "[[group]] #1 needs a name and a list of words",
    "[[group]]\nname = 5\nwords = ['a']": "[[group]] #1: 'name' must be a non-empty string, not 5",
    "[[group]]\nname = ' '\nwords = ['a']": "[[group]] #1: 'name' must be a non-empty string, not ' '",
    "[[group]]\nname = 'sheep'": "[[group]] #1 ('sheep') needs a name and a list of words",
    "[[group]]\nname = 'sheep'\nwords = 'sheep'": "[[group]] #1 ('sheep'): 'words' must be a list of words (strings), not 'sheep'",
    "[[group]]\nname = 'sheep'\nwords = []": "[[group]] #1 ('sheep'): 'words' must list at least one word",
    "[[group]]\nname = 'sheep'\nwords = ['ewes', 3]": "'words' must be a list of words (strings); 3 is an integer",
    "[[group]]\nname = 'sheep'\nwords = ['ewes']\nwrods = ['x']": "[[group]] #1 ('sheep'): unknown key 'wrods' (known: name, words)",
    "[[group]]\nname = 'a'\nwords = ['a']\n[[concept]]\nname = 'b'\nwords = {x = 1}": "[[concept]] #1 ('b'): 'words' must be a list",
    "[[concept]]\nname = 'a'\nwords = ['a']\n[[concept]]\nname = 'b'\nwords = [true]": "[[concept]] #2 ('b'): 'words' must be a list of words (strings); true is a boolean",
    "colour = 'red'": "unknown key 'colour' (known: generic, [frame], [[group]], [[concept]], [[sector]])",
    "frame = ['has']": "'frame' must be a [frame] table of word lists, not a list",
    "[frame]\ntransfers = ['invest']": "[frame] 'transfers' is no longer read: an amount bound to two parties",
    "[frame]\nwholes = ['has']": "[frame]: unknown key 'wholes' (known: whole, total, change, rate, members, receive, attribution, own_measures, year_before)",
    "[frame]\nwhole = 'has'": "[frame] 'whole' must be a list of words (strings), not 'has'",
    "[[concept]]\nname = 'a'\nwords = ['a']\nask = 'How?'": "[[concept]] #1 ('a'): 'ask' must be a list of questions (strings), not 'How?'",
    "[[concept]]\nname = 'a'\nwords = ['a']\nask = ['How many {who}?']": "uses {who}; known: {agent}, {patient}, {name}, {thing}, {place}",
    "[[concept]]\nname = 'a'\nwords = ['a']\nask = ['dates: When?']": "is tagged 'dates'; known tags: date, count, money, percent",
    "[[group]]\nname = 'a'\nwords = ['a']\nask = ['How many?']": "[[group]] #1 ('a'): unknown key 'ask' (known: name, words)",
    "[[concept]]\nname = 'a'\nwords = ['a']\nlink = 'yes'": "[[concept]] #1 ('a'): 'link' must be true or false, not 'yes'",
    "[[sector]]\nname = 'energy'\nwords = []": "[[sector]] #1 ('energy'): 'words' must list at least one word",
    "[[group]\n": "not valid TOML",
    "generic = " + "[" * 3000: "nested too deeply",
}


@pytest.mark.parametrize("text, message", BAD.items(), ids=list(BAD))
def test_a_bad_lexicon_is_one_line_naming_file_and_key(tmp_path, text, message):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        Lexicon.load(path)
    line = str(caught.value)
    assert message in line and "\n" not in line and f"lexicon {path}" in line


GOOD = {
    "generic = ['folk']": ("folk", "*"),
    "generic = []": ("people", "*"),
    "[[group]]\nname = 'sheep'\nwords = ['sheep', 'ewes', 'أغنام']": ("أغنام", "sheep"),
    "[[group]]\nname = 'staff'\nwords = ['crew']": ("crew", "staff"),  # extends a shipped group
    "[[concept]]\nname = 'loss'\nwords = ['shortfall']": ("people", "*"),
    "": ("staff", "staff"),
}


@pytest.mark.parametrize("text, expected", GOOD.items(), ids=list(GOOD))
def test_good_lexicons_extend_the_shipped_one(tmp_path, text, expected):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    word, group = expected
    assert Lexicon.load(path).group(word) == group


def test_the_environment_variable_is_checked_when_the_lexicon_is_first_used(tmp_path, monkeypatch):
    path = tmp_path / "mine.toml"
    path.write_text("generic = 5\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_LEXICON", str(path))
    _load.cache_clear()
    try:
        with pytest.raises(ConfigError, match="'generic' must be a list"):
            lexicon()
        monkeypatch.setenv("FACTCHECK_LEXICON", str(tmp_path / "absent.toml"))
        with pytest.raises(ConfigError, match="cannot read lexicon .*absent.toml"):
            lexicon()
    finally:
        _load.cache_clear()
