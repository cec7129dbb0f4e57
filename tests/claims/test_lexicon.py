"""The slot lexicon (factcheck/data/lexicon.toml): counted nouns and concepts."""

import pytest

from factcheck.claims.context import content_keys
from factcheck.claims.lexicon import Lexicon, lexicon
from factcheck.errors import ConfigError


@pytest.mark.parametrize(
    "a, b, compatible",
    [
        ("staff", "employees", True),
        ("الموظفين", "employees", True),  # across languages
        ("people", "staff", True),  # generic
        ("قتلى", "wounded", False),
        ("dead", "injured", False),
        ("jobs", "employees", False),
        ("apples", "staff", None),  # the lexicon cannot tell
    ],
)
def test_counted_nouns(a, b, compatible):
    assert lexicon().compatible(a, b) is compatible


@pytest.mark.parametrize(
    "arabic, english",
    [
        ("استثمرت مايكروسوفت", "Microsoft invested"),
        ("إيرادات الشركة", "the company's revenue"),
        ("تكبدت خسارة", "incurred a loss"),
        ("تقدر قيمة الشركة", "valued the company"),
        ("حصة تبلغ", "a stake of"),
        ("لقي حتفهم", "were killed"),
    ],
)
def test_concepts_meet_across_languages(arabic, english):
    lex = lexicon()
    assert lex.concepts(content_keys(arabic)) & lex.concepts(content_keys(english))


def test_revenue_and_loss_are_different_concepts():
    lex = lexicon()
    assert not lex.concepts(content_keys("revenue")) & lex.concepts(content_keys("خسارة"))


def test_a_user_file_extends_the_lexicon(tmp_path, monkeypatch):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[group]]\nname = "sheep"\nwords = ["sheep", "ewes", "أغنام"]\n', encoding="utf-8")
    lex = Lexicon.load(extra)
    assert lex.compatible("ewes", "أغنام") is True and lex.compatible("ewes", "staff") is False
    assert lex.fingerprint != lexicon().fingerprint


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[group]]\nwords = ['a']\n", "needs a name"),
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("[[group]\n", "lexicon"),
    ],
)
def test_a_bad_lexicon_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        Lexicon.load(path)


def test_a_pinned_lexicon_holds_for_its_block_only(tmp_path, monkeypatch):
    from factcheck.claims.lexicon import pinned_lexicon

    extra = tmp_path / "extra.toml"
    extra.write_text('[[group]]\nname = "apples"\nwords = ["apples"]\n', encoding="utf-8")
    monkeypatch.delenv("FACTCHECK_LEXICON", raising=False)
    shipped = lexicon()
    with pinned_lexicon() as held:
        assert held is shipped
        monkeypatch.setenv("FACTCHECK_LEXICON", str(extra))
        assert lexicon() is shipped and lexicon().group("apples") is None
        with pinned_lexicon() as inner:
            assert inner is shipped
        assert lexicon() is shipped
    assert lexicon().group("apples") == "apples"  # the environment is read again after the block
