import pytest

from factcheck.claims.entities import AliasTable, default_aliases
from factcheck.errors import ConfigError


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
        ("About 700 employees of Acme Corp signed on Friday.", [("Acme Corp", "name", "Acme Corp")]),
        # names the table does not know: places and speakers do not act
        ("Forty were taken to hospitals in Port Caddell and Ashby.", [("Port Caddell", "place", "Port Caddell"), ("Ashby", "place", "Ashby")]),
        ("Fires broke out at the Brenner Agrochem depot in Sweden.", [("Brenner Agrochem", "place", "Brenner Agrochem"), ("Sweden", "place", "Sweden")]),
        ("The first case, Dr. Tomas Reyes said, was in a school.", [("Tomas Reyes", "speaker", "Tomas Reyes")]),
        ("Nine pupils were ill, said Lena Okafor of Acme.", [("Lena Okafor", "speaker", "Lena Okafor"), ("Acme", "name", "Acme")]),
        ("The board met in November.", []),
        ("لا أسماء في هذه الجملة", []),
    ],
)
def test_find(text, expected):
    found = default_aliases().find(text)
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
    text = "Lumora, founded in 2017, has 340 employees."
    assert table.find(text) == []  # a capitalised first word alone is no name
    known = table.names_in(["Veradyne bought Lumora for cash.", text])
    assert known == {"Lumora"}
    assert [(e.surface, e.type) for e in table.find(text, known)] == [("Lumora", "name")]


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
        ("The Microsoft deal with Nordvik Energy closed.", [("Microsoft", "organisation", "Microsoft", 4), ("Nordvik Energy", "name", "Nordvik Energy", 24)]),
        # spacing inside a name is kept as written in the surface, single in the canonical name
        ("He met Big  Acme people.", [("Big Acme", "name", "Big  Acme", 7)]),
        ("He met The Acme  Corp staff.", [("Acme Corp", "name", "Acme  Corp", 11)]),
    ],
)
def test_entities_are_unique_per_span(text, expected):
    found = default_aliases().find(text)
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
    ids = [e["id"] for e in analyse(source, default_aliases()).entities]
    assert ids and len(ids) == len(set(ids))
