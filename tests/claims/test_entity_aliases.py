"""Names an alias file lists: the seed articles' cast (sources/aliases.toml) read by the table."""

from pathlib import Path

import pytest

from factcheck.claims.entities import AliasTable, default_aliases
from factcheck.errors import ConfigError

SEED_ALIASES = Path(__file__).resolve().parents[2] / "sources" / "aliases.toml"


def seed_table() -> AliasTable:
    return default_aliases(str(SEED_ALIASES))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال سام ألتمان إن الشركة بخير", [("Sam Altman", "person", "سام ألتمان")]),
        ("وعاد التمان إلى منصبه", [("Sam Altman", "person", "التمان")]),  # alef without hamza
        ("لألتمان دور كبير", [("Sam Altman", "person", "لألتمان")]),  # attached preposition
        ("أعلنت مايكروسوفت ذلك", [("Microsoft", "organisation", "مايكروسوفت")]),
        ("وقال ماسك إن OpenAI تغيرت", [("Elon Musk", "person", "ماسك"), ("OpenAI", "organisation", "OpenAI")]),
        ("Sam Altman returned to OpenAI.", [("Sam Altman", "person", "Sam Altman"), ("OpenAI", "organisation", "OpenAI")]),
        ("انضم رئيس Twitch السابق", [("Twitch", "name", "Twitch")]),  # a Latin name in Arabic text
        ("About 700 employees of Acme Corp signed on Friday.", [("Acme Corp", "organisation", "Acme Corp")]),
        # names the table does not know: places and speakers do not act
        ("Forty were taken to hospitals in Port Caddell and Ashby.", [("Port Caddell", "place", "Port Caddell"), ("Ashby", "place", "Ashby")]),
        ("Fires broke out at the Brenner Agrochem depot in Sweden.", [("Brenner Agrochem", "place", "Brenner Agrochem"), ("Sweden", "place", "Sweden")]),
        # a title says who is a person; next to a verb of saying, a name without one speaks
        ("The first case, Dr. Tomas Reyes said, was in a school.", [("Tomas Reyes", "person", "Tomas Reyes")]),
        ("Nine pupils were ill, said Lena Okafor of Acme.", [("Lena Okafor", "speaker", "Lena Okafor"), ("Acme", "name", "Acme")]),
        ("The board met in November.", []),
        ("لا أسماء في هذه الجملة", []),
    ],
)
def test_find(text, expected):
    found = seed_table().find(text)
    assert [(e.canonical, e.type, e.surface) for e in found] == expected
    for e in found:
        assert text[e.char_start : e.char_end] == e.surface


def test_user_alias_file_adds_names(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text('[[entity]]\ncanonical = "Helen Toner"\ntype = "person"\naliases = ["هيلين تونر", "Toner"]\n', encoding="utf-8")
    table = AliasTable.load(path)
    assert [e.canonical for e in table.find("عضو المجلس هيلين تونر")] == ["Helen Toner"]
    assert table.fingerprint != AliasTable.load().fingerprint


@pytest.mark.parametrize(
    "content, message",
    [
        ('[[entity]]\ntype = "person"\n', "canonical"),
        ('[[entity]]\ncanonical = "X"\ntype = "city"\n', "type"),
        ("not toml [", "cannot read alias file"),
    ],
)
def test_bad_alias_file(tmp_path, content, message):
    path = tmp_path / "aliases.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        AliasTable.load(path)


def test_a_sentence_initial_name_counts_when_the_source_writes_it_elsewhere():
    table = default_aliases()
    text = "Summit, founded in 2017, has 340 employees."
    assert table.find(text) == []  # a common word starting a sentence is no name
    known = table.names_in(["Veradyne bought Summit for cash.", text])
    assert known.latin == {"summit": "name"}
    assert [(e.surface, e.type) for e in table.find(text, known)] == [("Summit", "name")]


def test_the_shipped_table_lists_no_person_or_organisation():
    # corpus knowledge lives with the corpus (sources/aliases.toml); the package ships none
    from importlib import resources

    from factcheck.claims.entities import check_alias_file
    from factcheck.config import parse_toml

    shipped = resources.files("factcheck.data").joinpath("aliases.toml").read_text(encoding="utf-8")
    assert [e for e in check_alias_file(parse_toml(shipped, "shipped"), "shipped") if e.get("type", "other") != "other"] == []
    found = AliasTable.load().find("وقال ألتمان إن Sam Altman عاد")
    assert all(e.canonical != "Sam Altman" or e.surface == "Sam Altman" for e in found)  # only as written


@pytest.mark.parametrize(
    "text, expected",
    [
        # a known name inside a run of capitalised words is read once, by the alias table
        ("The Microsoft board met.", [("Microsoft", "organisation", "Microsoft", 4)]),
        ("About OpenAI and Microsoft, nothing changed.", [("OpenAI", "organisation", "OpenAI", 6), ("Microsoft", "organisation", "Microsoft", 17)]),
        ("The Microsoft Azure team grew.", [("Microsoft", "organisation", "Microsoft", 4)]),
        ("Chief Sam Altman spoke.", [("Sam Altman", "person", "Sam Altman", 6)]),
        ("He praised CTO Mira Murati.", [("Mira Murati", "person", "Mira Murati", 15)]),
        ("قال The Microsoft board إن", [("Microsoft", "organisation", "Microsoft", 8)]),
        ("أعلنت The OpenAI Foundation ذلك", [("OpenAI", "organisation", "OpenAI", 10)]),
        ("وقال سام ألتمان ومايكروسوفت", [("Sam Altman", "person", "سام ألتمان", 5), ("Microsoft", "organisation", "ومايكروسوفت", 16)]),
        # capitalised words apart from a known name are a name of their own
        ("The Microsoft deal with Nordvik Energy closed.", [("Microsoft", "organisation", "Microsoft", 4), ("Nordvik Energy", "organisation", "Nordvik Energy", 24)]),
        # spacing inside a name is kept as written in the surface, single in the canonical name
        ("He met Big  Acme people.", [("Big Acme", "name", "Big  Acme", 7)]),
        ("He met The Acme  Corp staff.", [("Acme Corp", "organisation", "Acme  Corp", 11)]),
    ],
)
def test_entities_are_unique_per_span(text, expected):
    found = seed_table().find(text)
    assert [(e.canonical, e.type, e.surface, e.char_start) for e in found] == expected
    for e in found:
        assert text[e.char_start : e.char_end] == e.surface
    spans = sorted((e.char_start, e.char_end) for e in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), "entities overlap"


@pytest.mark.parametrize("text", ["The Microsoft board met.", "قال The Microsoft board إن الاجتماع انتهى.", "Chief Sam Altman and The OpenAI board met."])
def test_analysis_gives_each_entity_its_own_id(text):
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    source = Source(id="s", path="-", format="txt", text=text, sha256="")
    ids = [e["id"] for e in analyse(source, seed_table()).entities]
    assert ids and len(ids) == len(set(ids))
