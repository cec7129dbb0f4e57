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
