"""One sentence whose analysis raises costs that sentence, not the source."""

from __future__ import annotations

import pytest

import factcheck.claims.extract as extract
from factcheck.claims.entities import AliasTable, default_aliases
from factcheck.claims.extract import analyse, parse_text
from factcheck.sources.model import Source

TEXT = (
    "Microsoft invested $10 billion in OpenAI in 2023.\n"
    "The boom sentence says 500 employees signed on 17 November 2023.\n"
    "وقّع أكثر من 700 موظف على الرسالة يوم 20 نوفمبر 2023.\n"
)


def source(text: str = TEXT) -> Source:
    return Source(id="s", path="s.txt", format="txt", text=text, sha256="")


def failing_on(word: str, real, exc: BaseException):
    """``real`` that raises ``exc`` when its text argument contains ``word``."""

    def wrapper(text, *args, **kwargs):
        if word in text:
            raise exc
        return real(text, *args, **kwargs)

    return wrapper


# (step of the sentence's analysis to break, the exception it raises)
STEPS = [
    ("extract_quantities", RuntimeError("boom in the quantity reader")),
    ("normalize_sentence", ValueError("boom\nover two lines")),
    ("furniture_reason", KeyError("boom")),
    ("detect_lang", ZeroDivisionError("boom")),
]


@pytest.mark.parametrize("step, exc", STEPS, ids=[s for s, _ in STEPS])
def test_a_failing_sentence_is_skipped_and_the_others_keep_their_claims(monkeypatch, step, exc):
    clean = analyse(source(), default_aliases())
    monkeypatch.setattr(extract, step, failing_on("boom", getattr(extract, step), exc))
    result = analyse(source(), default_aliases())

    bad = TEXT.splitlines()[1]
    assert [(s["sentence_index"], TEXT[s["start"] : s["end"]]) for s in result.skipped] == [(1, bad)]
    error = result.skipped[0]["error"]
    assert error.startswith(type(exc).__name__ + ": ") and "boom" in error
    assert "\n" not in error and "Traceback" not in error

    # Every claim and entity of the other sentences is there, exactly as without the failure.
    kept = [c for c in clean.claims if c.sentence_index != 1]
    assert [(c.id, c.quote, c.char_start) for c in result.claims] == [(c.id, c.quote, c.char_start) for c in kept]
    assert [c.quote for c in result.claims] == ["$10 billion", "2023", "أكثر من 700", "20 نوفمبر 2023"]
    assert result.entities == [e for e in clean.entities if not e["sentence_id"].endswith(":1")]
    assert len(result.sentences) == len(clean.sentences)  # the sentence itself is still stored


def test_error_line_is_one_line_and_short(monkeypatch):
    monkeypatch.setattr(extract, "extract_quantities", failing_on("boom", extract.extract_quantities, ValueError("boom " * 500 + "\n\tend")))
    (skipped,) = analyse(source(), default_aliases()).skipped
    assert skipped["error"].startswith("ValueError: boom boom")
    assert "\n" not in skipped["error"] and len(skipped["error"]) <= 320


def test_strict_raises_the_sentence_error(monkeypatch):
    monkeypatch.setattr(extract, "extract_quantities", failing_on("boom", extract.extract_quantities, RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        analyse(source(), default_aliases(), strict=True)
    with pytest.raises(RuntimeError, match="boom"):
        parse_text(TEXT, default_aliases(), strict=True)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), MemoryError(), SystemExit(3)])
def test_only_exceptions_are_caught(monkeypatch, exc):
    monkeypatch.setattr(extract, "extract_quantities", failing_on("boom", extract.extract_quantities, exc))
    with pytest.raises(type(exc)):
        analyse(source(), default_aliases())


def test_parse_text_lists_skipped_sentences(monkeypatch):
    assert parse_text(TEXT, default_aliases())["skipped"] == []
    monkeypatch.setattr(extract, "extract_quantities", failing_on("boom", extract.extract_quantities, RuntimeError("boom")))
    result = parse_text(TEXT, default_aliases())
    bad = TEXT.splitlines()[1]
    assert result["skipped"] == [
        {"sentence_index": 1, "start": TEXT.index(bad), "end": TEXT.index(bad) + len(bad), "error": "RuntimeError: boom"}
    ]
    assert [q["text"] for q in result["quantities"]] == ["$10 billion", "أكثر من 700"]
    assert [d["text"] for d in result["dates"]] == ["2023", "20 نوفمبر 2023"]


def test_a_failing_entity_reader_skips_its_sentence(monkeypatch):
    real = AliasTable.find

    def find(self, text, known=frozenset()):
        if "boom" in text:
            raise IndexError("boom")
        return real(self, text, known)

    monkeypatch.setattr(AliasTable, "find", find)
    result = analyse(source(), default_aliases())
    assert [s["sentence_index"] for s in result.skipped] == [1]
    assert "IndexError: boom" == result.skipped[0]["error"]
    assert {e["canonical"] for e in result.entities} == {"Microsoft", "OpenAI"}


def test_when_the_article_wide_date_pass_fails_dates_are_read_sentence_by_sentence(monkeypatch):
    # The whole body contains "boom", so the one-pass reading fails; sentence by sentence,
    # only the sentence with "boom" fails, and the others keep their dates.
    monkeypatch.setattr(extract, "extract_dates", failing_on("boom", extract.extract_dates, RuntimeError("boom")))
    result = analyse(source(), default_aliases())
    assert [s["sentence_index"] for s in result.skipped] == [1]
    assert [(c.quote, c.date.date) for c in result.claims if c.kind == "date"] == [("2023", "2023"), ("20 نوفمبر 2023", "2023-11-20")]
    with pytest.raises(RuntimeError):
        analyse(source(), default_aliases(), strict=True)


def test_a_dateline_that_fails_is_skipped_and_dates_nothing(monkeypatch):
    text = "Last updated November 28, 2023 boom\nMicrosoft invested $10 billion in OpenAI.\n"
    monkeypatch.setattr(extract, "extract_dates", failing_on("boom", extract.extract_dates, RuntimeError("boom")))
    result = analyse(source(text), default_aliases())
    assert [s["sentence_index"] for s in result.skipped] == [0]
    assert result.source.published is None
    assert [c.quote for c in result.claims] == ["$10 billion"]


def test_skipped_is_empty_on_clean_text():
    assert analyse(source(), default_aliases()).skipped == []
