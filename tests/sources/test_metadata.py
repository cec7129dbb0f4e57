"""factcheck.sources.metadata: every field a user writes is checked, in one line naming file and field."""

from __future__ import annotations

import pytest

from factcheck.errors import SourceError
from factcheck.sources.loader import load_source

TEXT = "Staff revolt\n\nMore than 500 employees of Acme signed the letter.\n"


def sidecar_source(tmp_path, sidecar: str, name: str = "x"):
    (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / f"{name}.meta.toml").write_text(sidecar, encoding="utf-8")
    return tmp_path / f"{name}.txt"


BAD_SIDECAR = {
    # types
    "title = 5": "field 'title' must be a non-empty string, not 5",
    "title = ['a']": "field 'title' must be a non-empty string, not a list",
    "title = '   '": "field 'title' must be a non-empty string",
    "outlet = {name = 'x'}": "field 'outlet' must be a non-empty string, not a table",
    "url = 5": "field 'url' must be a non-empty string, not 5",
    "language = true": "field 'language' must be a non-empty string, not True",
    "translation_of = 1": "field 'translation_of' must be a non-empty string, not 1",
    "published = true": "field 'published' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not True",
    "published = 2023.5": "field 'published' must be an ISO date",
    "published = [2023]": "field 'published' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not a list",
    # values
    'title = "two\\nlines"': "field 'title' must be one line of text without control characters",
    'outlet = "tab\\there"': "field 'outlet' must be one line of text",
    'title = "bell\\u0007"': "field 'title' must be one line of text",
    "title = '" + "x" * 501 + "'": "field 'title' is 501 characters long; at most 500 are allowed",
    "url = 'example.com/a'": "field 'url' must be an absolute URL such as 'https://example.com/a'",
    "url = 'https://example.com/" + "a" * 2000 + "'": "field 'url' is 2020 characters long; at most 2000",
    "published = '2023-02-30'": "field 'published' is not a real date: '2023-02-30'",
    "published = '2023-13'": "field 'published' is not a real date",
    "published = '20-11-2023'": "field 'published' must be an ISO date",
    "published = '2023-11-20T10:00'": "field 'published' must be an ISO date",
    "published = '0999-01-01'": "field 'published' is not a plausible date: '0999-01-01' (years 1000 to 9999)",
    "published = 0999-01-01": "field 'published' is not a plausible date",
    "published = 999": "field 'published' must be an ISO date",
    "published = 10000": "field 'published' must be an ISO date",
    "updated = 'yesterday'": "field 'updated' must be an ISO date",
    "language = 'arabic language'": "field 'language' must be a language code such as 'ar' or 'en'",
    "translation_of = 'sources/001'": "field 'translation_of' must be a source id (a file stem), not a path",
    "translation_of = '001.txt'": "field 'translation_of' must be a source id without extension, e.g. '001'",
    "locale = 'xx_YY'": "field 'locale' must be a locale such as 'en_US' or 'ar_EG', not 'xx_YY'",
    "locale = 12": "field 'locale' must be a non-empty string, not 12",
    # across fields
    "translation_of = 'x'": "field 'translation_of' names this source itself ('x'); it must name the original",
    "published = 2023-11-20\nupdated = 2023-11-19": "field 'updated' (2023-11-19) is earlier than 'published' (2023-11-20)",
    "published = '2023-11'\nupdated = '2023-10-31'": "field 'updated' (2023-10-31) is earlier than 'published' (2023-11)",
    # keys
    "publised = 2023-11-20": "unknown key 'publised'; did you mean 'published'? (known: title, outlet, url, published",
    "Title = 'x'": "unknown key 'Title'; did you mean 'title'?",
    "translation-of = 'y'": "unknown key 'translation-of'; did you mean 'translation_of'?",
    "note = 'x'": "unknown key 'note' (known: title, outlet, url, published, updated, language, translation_of, locale; other tools' data goes in an [extra] table)",
    "extra = 'x'": "'extra' must be a table ([extra]), not 'x'",
    # not TOML
    "title = ": "not valid TOML",
    "title = " + "[" * 5000: "not valid TOML",
}


@pytest.mark.parametrize("sidecar, message", BAD_SIDECAR.items(), ids=[k[:40] for k in BAD_SIDECAR])
def test_a_bad_sidecar_is_one_line_naming_file_and_field(tmp_path, sidecar, message):
    path = sidecar_source(tmp_path, sidecar + "\n")
    with pytest.raises(SourceError) as caught:
        load_source(path)
    line = str(caught.value)
    assert message in line and "\n" not in line
    assert "x.meta.toml" in line or "x.txt" in line


GOOD_SIDECAR = {
    "published = 2023-11-20": {"published": "2023-11-20"},
    "published = 2023-11-20T10:30:00Z": {"published": "2023-11-20"},  # a TOML datetime: its day
    "published = 2023": {"published": "2023"},
    "published = '2023-11'\nupdated = '2023-11-02'": {"published": "2023-11", "updated": "2023-11-02"},
    "published = '2023-11-20'\nupdated = '2023-11'": {"updated": "2023-11"},  # same month: not earlier
    "language = 'ar-EG'": {"language": "ar"},
    "locale = 'en-US'": {"locale": "en_US"},
    "locale = 'ar_EG'": {"locale": "ar_EG"},
    "translation_of = '001_eb0aed705e4d506f'": {"translation_of": "001_eb0aed705e4d506f"},
    "title = '  Padded  '": {"title": "Padded"},
    "url = 'https://example.com/a?b=c'": {"url": "https://example.com/a?b=c"},
    "outlet = 'Example'\n[extra]\nreviewer = 'a'\nscore = 3": {"outlet": "Example"},
    "# a comment for people\ntitle = 'T'": {"title": "T"},
}


@pytest.mark.parametrize("sidecar, fields", GOOD_SIDECAR.items(), ids=list(GOOD_SIDECAR))
def test_good_sidecars_are_taken(tmp_path, sidecar, fields):
    source = load_source(sidecar_source(tmp_path, sidecar + "\n"))
    for key, value in fields.items():
        assert getattr(source, key) == value


FRONT = {
    # keys other tools use are ignored ...
    "tags: [a, b]\nlayout: post\ndraft: false\nauthor: Me\ndate: 2023-11-20\nlang: en\npublishDate: 2023-11-20": None,
    "1: numbered key\ntitle: T": None,
    # ... a misspelt field is not
    "publised: 2023-11-20": "key 'publised' is not a metadata field; did you mean 'published'?",
    "Published: 2023-11-20": "key 'Published' is not a metadata field; did you mean 'published'?",
    "translation-of: y": "did you mean 'translation_of'?",
    "updated_: 2023-11-20": "did you mean 'updated'?",
    # and every field is checked as in a sidecar
    "title: [a, b]": "field 'title' must be a non-empty string, not a list",
    "title: |\n  two\n  lines": "field 'title' must be one line of text",
    "published: 2023-02-30": "not valid YAML (day is out of range for month)",
    "published: '2023-02-30'": "field 'published' is not a real date",
    "published: 0999-01-01": "not a plausible date",
    "translation_of: x": "field 'translation_of' names this source itself",
    "published: 2023-11-20\nupdated: 2023-01-01": "field 'updated' (2023-01-01) is earlier than 'published' (2023-11-20)",
    "title: " + "[" * 3000: "not valid YAML",
}


@pytest.mark.parametrize("front, message", FRONT.items(), ids=[k[:40] for k in FRONT])
def test_front_matter_ignores_other_tools_keys_but_not_misspelt_fields(tmp_path, front, message):
    path = tmp_path / "x.md"
    path.write_text(f"---\n{front}\n---\n{TEXT}", encoding="utf-8")
    if message is None:
        assert load_source(path).text.endswith(TEXT)
        return
    with pytest.raises(SourceError) as caught:
        load_source(path)
    line = str(caught.value)
    assert message in line and "x.md" in line and "\n" not in line


def test_a_sidecar_is_read_like_a_source_file(tmp_path):
    """A sidecar that leads out of the folder, or is a FIFO, is an error, not silently absent."""
    import os

    (tmp_path / "secret.toml").write_text('title = "secret title"\n', encoding="utf-8")
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.meta.toml").symlink_to(tmp_path / "secret.toml")
    with pytest.raises(SourceError, match="a.meta.toml: a symbolic link to .*outside its own folder"):
        load_source(folder / "a.txt")
    (folder / "a.meta.toml").unlink()
    os.mkfifo(folder / "a.meta.toml")
    with pytest.raises(SourceError, match=r"a.meta.toml: a FIFO \(named pipe\), not a regular file"):
        load_source(folder / "a.txt")
    (folder / "a.meta.toml").unlink()
    (folder / "a.meta.toml").write_bytes(b"# " + b"x" * 1_000_000)
    with pytest.raises(SourceError, match="more than the limit of 1000000 bytes"):
        load_source(folder / "a.txt")
