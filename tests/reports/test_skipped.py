"""Sentences that could not be analysed: every format says so, before and after the
findings, and the sentence's text stays inert."""

from __future__ import annotations

from factcheck.reports.html import render_html
from factcheck.reports.json_report import render_json, validate_report
from factcheck.reports.markdown import render_markdown

SOURCE_B = "002_ade957fd3a304f06"
HOSTILE_SENTENCE = "Sales rose <script>alert(1)</script> | by **40%** </td> {{ 7*7 }} in 2023."


def _with_skipped(report: dict) -> dict:
    report["skipped"] = [
        {"source_id": SOURCE_B, "sentence_index": 7, "start": 400, "end": 400 + len(HOSTILE_SENTENCE),
         "text": HOSTILE_SENTENCE, "error": "ValueError: could not convert '40%' | <b>"},
    ]  # fmt: skip
    return report


def test_schema_accepts_skipped_sentences_and_requires_their_fields(build):
    report = _with_skipped(build())
    assert validate_report(report) is None
    del report["skipped"][0]["error"]
    try:
        validate_report(report)
    except Exception as exc:  # FactcheckError with one line
        assert "error" in str(exc)
    else:
        raise AssertionError("a skipped sentence without its error was accepted")


def test_markdown_lists_them_inert(build):
    text = render_markdown(_with_skipped(build()))
    assert "1 sentence in 1 source could not be analysed and was skipped" in text
    section = text[text.index("## Sentences not analysed") :]
    row = next(line for line in section.splitlines() if "| 7 | 400–" in line)  # its source named by title
    assert row.startswith("| موظفو OpenAI &lt;script&gt;")
    assert row.count(" | ") == 4  # five cells: the | in the title, the sentence and the error are escaped
    assert "<script" not in text and "</td>" not in text and "<b>" not in text


def test_html_lists_them_inert(build):
    page = render_html(_with_skipped(build()))
    assert "Sentences not analysed" in page and "could not be analysed and was skipped" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "{{ 7*7 }}" in page


def test_no_section_when_every_sentence_was_read(build):
    report = build()
    assert report["skipped"] == []
    assert "Sentences not analysed" not in render_markdown(report)
    assert "Sentences not analysed" not in render_html(report)
    assert "could not be analysed" not in render_json(report)
