"""An alias file (--aliases, FACTCHECK_ALIASES) is checked in full: one line naming the file and the key."""

import pytest

from factcheck.claims.entities import AliasTable
from factcheck.errors import ConfigError

ENTRY = '[[entity]]\ncanonical = "Helen Toner"\n'
BAD = {
    'entity = "x"': "'entity' must be written as [[entity]] tables with a canonical name, not 'x'",
    "entity = 5": "'entity' must be written as [[entity]] tables with a canonical name, not 5",
    'entity = ["Helen Toner"]': "'entity' must be written as [[entity]] tables",
    "[entity]\ncanonical = 'X'": "'entity' must be written as [[entity]] tables with a canonical name, not a table",
    '[[entity]]\ntype = "person"': "[[entity]] #1 needs a non-empty 'canonical' name",
    "[[entity]]\ncanonical = 5": "[[entity]] #1 needs a non-empty 'canonical' name, not 5",
    "[[entity]]\ncanonical = ['X']": "[[entity]] #1 needs a non-empty 'canonical' name, not a list",
    "[[entity]]\ncanonical = '  '": "[[entity]] #1 needs a non-empty 'canonical' name, not '  '",
    "[[entity]]\ncanonical = '123'": "[[entity]] #1 ('123'): '123' has no word to match",
    ENTRY + 'type = "city"': "[[entity]] #1 ('Helen Toner') has type 'city'; use person, organisation or other",
    ENTRY + "type = 1": "has type 1; use person, organisation or other",
    ENTRY + "type = ['person']": "has type a list; use person",
    ENTRY + 'aliases = "Toner"': "('Helen Toner'): 'aliases' must be a list of names (strings), not 'Toner'",
    ENTRY + "aliases = {x = 1}": "'aliases' must be a list of names (strings), not a table",
    ENTRY + 'aliases = ["Toner", 7]': "'aliases' must be a list of names (strings); 7 is an integer",
    ENTRY + 'aliases = ["Toner", ["T"]]': "'aliases' must be a list of names (strings); a list is a list",
    ENTRY + 'aliases = ["--"]': "('Helen Toner'): '--' has no word to match",
    ENTRY + 'alias = ["Toner"]': "('Helen Toner'): unknown key 'alias' (known: canonical, type, aliases)",
    ENTRY + '[[entity]]\ncanonical = "X"\ntype = "place"': "[[entity]] #2 ('X') has type 'place'",
    'entities = []': "unknown key 'entities' (known: entity)",
    "not toml [": "cannot read alias file",
}


@pytest.mark.parametrize("text, message", BAD.items(), ids=list(BAD))
def test_a_bad_alias_file_is_one_line_naming_file_and_key(tmp_path, text, message):
    path = tmp_path / "aliases.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        AliasTable.load(path)
    line = str(caught.value)
    assert message in line and "\n" not in line and str(path) in line


GOOD = {
    ENTRY: ("Toner board member Helen Toner", ["Helen Toner"]),
    ENTRY + 'type = "person"\naliases = ["Toner", "هيلين تونر"]': ("عضو المجلس هيلين تونر", ["Helen Toner"]),
    ENTRY + "aliases = []": ("Helen Toner spoke", ["Helen Toner"]),
    "": ("nobody here", []),
}


@pytest.mark.parametrize("text, expected", GOOD.items(), ids=list(GOOD))
def test_good_alias_files_are_taken(tmp_path, text, expected):
    path = tmp_path / "aliases.toml"
    path.write_text(text, encoding="utf-8")
    sentence, names = expected
    found = [e.canonical for e in AliasTable.load(path).find(sentence) if e.type in ("person", "organisation", "other")]
    assert found == names
