"""The Markdown report: one document to paste into an issue, a pull request or a chat.

Everything taken from an article (sentences, quotes, titles, even source ids) goes through
``escape_markdown`` first, because a hostile page must not be able to break a table, fake a
heading, inject HTML or a link. Arabic text is kept as written.
"""

from __future__ import annotations

import unicodedata

from factcheck.claims.describe import describe_value
from factcheck.reports.presentation import (
    CONFIDENCE_MEANING,
    KIND_MEANINGS,
    agreeing_clusters,
    attention,
    attention_line,
    claims_by_id,
    cluster_label,
    disputes_by_parties,
    reading_summaries,
    said_by,
    group_by_cluster,
    highlight,
    language_name,
    named_summary,
    overview,
    plural,
    source_date,
    source_name,
    table_row,
)

# Characters that start Markdown syntax anywhere in a line (GitHub flavour included: | for
# tables, ~ for strikethrough, $ for math). Backslash first, so escapes are not re-escaped.
_BACKSLASHED = frozenset("\\`*_[]|#~$")
# A backslash before < or & is not honoured by every renderer; entities are.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})
_DASH = "—"


def render_markdown(report: dict) -> str:
    """Render a report as a Markdown document (GitHub flavour: tables).

    Sections: title and overview, the discrepancies grouped by cluster (each cluster's
    canonical statement, what every source says, then each discrepancy with both sentences
    side by side and the quoted span in bold), the clusters where sources agree, the
    timeline, the sources. Same report, same text.
    """
    sources = {source["id"]: source for source in report["sources"]}
    lines = ["# Fact-check report", "", overview(report), "", _generated_by(report["generated_by"]), ""]

    worst = attention(report)
    if worst:
        lines += ["## What needs attention", ""]
        lines += [f"- {escape_markdown(attention_line(item))} ({_code(item['id'])})" for item in worst]
        lines += ["", CONFIDENCE_MEANING, ""]

    groups = group_by_cluster(report)
    claims = claims_by_id(report)
    if groups:
        lines += ["## Discrepancies", ""]
    for cluster, discrepancies in groups:
        lines += _cluster_section(cluster, len(discrepancies), claims, sources)
        for discrepancy in discrepancies:
            lines += _discrepancy_section(discrepancy, sources)

    disputes = disputes_by_parties(report)
    if disputes:
        lines += ["## Disputes between parties", "", "Each source may report both sides faithfully: these are the parties' claims, not a source's error.", ""]
        for group in disputes:
            lines += ["### " + " / ".join(f"{escape_markdown(p)} says" for p in group["parties"]), ""]
            for item in group["items"]:
                said = "; ".join(f"{escape_markdown(side['party'] or 'unnamed')}: {escape_markdown(side['says'])} ({escape_markdown(side['source'])})" for side in item["sides"])
                lines.append("- " + " ".join(x for x in (escape_markdown(item["about"]), said, f"({_code(item['id'])})") if x))
            lines.append("")

    agreeing = agreeing_clusters(report)
    if agreeing:
        lines += ["## Where the sources agree", ""]
        for cluster in agreeing:
            lines.append(
                f"- {escape_markdown(' '.join(x for x in (cluster.get('label'), cluster['canonical']) if x))} "
                f"({escape_markdown(cluster_label(cluster))}; "
                f"{plural(len(cluster['sources']), 'source')}: {_source_list(cluster['sources'], sources)})"
            )
        lines.append("")

    if report.get("timeline"):
        lines += ["## Timeline", "", "What happened when, per source, in date order (*story*: placed at the last day its source named before it).", ""]
        lines += _table(
            ["Date", "What", "Source", "Says", "Discrepancies"],
            [
                [
                    escape_markdown(e["date"] + (f"–{e['date_end']}" if e.get("date_end") else "")) + f" ({e['precision']})",
                    escape_markdown(e["what"]),
                    _source(c["source_id"], sources),
                    f"«{escape_markdown(c['quote'])}»" + (" *not*" if c["negated"] else "") + (" *story*" if c["dated_by"] == "story" else ""),
                    _id_list(e["discrepancy_ids"]) if e["discrepancy_ids"] else _DASH,
                ]
                for e in report["timeline"]
                for c in e["claims"]
            ],
        )
        lines.append("")

    if report.get("skipped"):
        lines += ["## Sentences not analysed", ""]
        lines += _table(
            ["Source", "Sentence", "Offsets", "Error", "Text"],
            [
                [_source(s["source_id"], sources), str(s["sentence_index"]), f"{s['start']}–{s['end']}", escape_markdown(s["error"]), escape_markdown(_shorten(s["text"]))]
                for s in report["skipped"]
            ],
        )
        lines.append("")

    lines += ["## Sources", ""]
    lines += _table(
        ["Source", "Title", "Outlet", "Language", "Published", "Updated", "Translation of", "Copies or translations", "URL"],
        [
            [
                _code(source["id"]),
                _text_or_dash(source.get("title")),
                _text_or_dash(source.get("outlet")),
                escape_markdown(language_name(source.get("language"))),
                _text_or_dash(source.get("published")),
                _text_or_dash(source.get("updated")),
                _code(source["translation_of"]) if source.get("translation_of") else _DASH,
                ", ".join(f"{_code(r['source_id'])} ({escape_markdown(r['relation'].replace('_', ' '))})" for r in source.get("related", []))
                or _DASH,
                _text_or_dash(source.get("url")),
            ]
            for source in report["sources"]
        ],
    )
    return "\n".join(lines).rstrip("\n") + "\n"


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escape_markdown(text: str) -> str:
    """Make text from an article inert inside a Markdown paragraph, heading or table cell.

    Syntax characters are backslash-escaped, ``& < >`` become entities, and line breaks
    become spaces (a newline would end a table row).

    >>> escape_markdown("a|b **c** <script>")
    'a\\\\|b \\\\*\\\\*c\\\\*\\\\* &lt;script&gt;'
    """
    out = []
    for char in text:
        if char in _BACKSLASHED:
            out.append("\\" + char)
        elif char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif unicodedata.category(char) in _LINE_BREAKING:
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def bold_quote(claim: dict) -> str:
    """The claim's sentence, escaped, with exactly its quote in bold.

    >>> bold_quote({"text": "Over 500 signed.", "quote": "Over 500", "char_start": 0,
    ...             "char_end": 8, "sentence_start": 0})
    '**Over 500** signed.'
    """
    part = highlight(claim)
    if not part.quote:
        return f"{escape_markdown(part.before)} (quote: **{escape_markdown(claim['quote'].strip())}**)"
    # Emphasis must not open or close next to a space, so edge whitespace stays outside.
    core = part.quote.strip()
    lead = part.quote[: len(part.quote) - len(part.quote.lstrip())]
    trail = part.quote[len(part.quote.rstrip()) :]
    if not core:
        return escape_markdown(part.before + part.quote + part.after)
    return (
        escape_markdown(part.before + lead)
        + f"**{escape_markdown(core)}**"
        + escape_markdown(trail + part.after)
    )


def _generated_by(generated_by: dict) -> str:
    thresholds = ", ".join(
        f"{escape_markdown(name)} {_number(value)}" for name, value in generated_by["thresholds"].items()
    )
    text = (
        f"Generated by factcheck {escape_markdown(generated_by['version'])} with model "
        f"{_code(generated_by['model'])}; corpus fingerprint {_code(generated_by['corpus_fingerprint'])}."
    )
    return text + (f" Thresholds: {thresholds}." if thresholds else "")


def _cluster_section(cluster: dict, n_discrepancies: int, claims: dict[str, dict], sources: dict[str, dict]) -> list[str]:
    # the cluster's question leads ("How many staff signed?"); its representative claim follows
    lead = cluster.get("label") or cluster["canonical"]
    lines = [
        f"### {escape_markdown(lead)}",
        "",
        *([f"> {escape_markdown(cluster['canonical'])}", ""] if cluster.get("label") else []),
        f"Cluster {_code(cluster['id'])} · {escape_markdown(cluster_label(cluster))} · "
        f"{plural(len(cluster['sources']), 'source')} · "
        f"{plural(n_discrepancies, 'discrepancy', 'discrepancies')}",
        "",
    ]
    summaries = reading_summaries(cluster)
    if summaries:
        lines += ["Readings: " + " · ".join(escape_markdown(x) for x in summaries), ""]
    if cluster["table"]:
        lines += _table(
            ["Source", "Date", "Says", "Reads as"],
            [
                [
                    _source(row["source_id"], sources),
                    _text_or_dash(row.get("published") or source_date(sources.get(row["source_id"]))),
                    escape_markdown(row["quote"]),
                    escape_markdown(describe_value(table_row(row, cluster, claims))),
                ]
                for row in cluster["table"]
            ],
        )
    return lines


def _discrepancy_section(discrepancy: dict, sources: dict[str, dict]) -> list[str]:
    kind, severity = discrepancy["kind"], discrepancy["severity"]
    flags = [
        flag
        for flag, on in (("internal", discrepancy["internal"]), ("related sources", discrepancy["related_sources"]))
        if on
    ]
    if discrepancy.get("dispute"):
        flags.insert(0, "dispute between " + " and ".join(escape_markdown(p) for p in discrepancy["parties"]))
    elif discrepancy.get("same_party"):
        flags.insert(0, f"both claims {escape_markdown(discrepancy['parties'][0])}'s")
    details = [
        _code(discrepancy["id"]),
        f"confidence {discrepancy['confidence']:.2f}",
        f"status {escape_markdown(discrepancy['status'])}",
        f"flags: {', '.join(flags)}" if flags else "flags: none",
    ]
    claims = discrepancy["claims"]
    headers = [""] + [_claim_heading(claim, sources) for claim in claims]
    rows = [
        ["Sentence"] + [bold_quote(claim) for claim in claims],
        ["Reads as"] + [escape_markdown(describe_value(claim)) for claim in claims],
        ["Notes"] + [_notes(claim) for claim in claims],
    ]
    return [
        f"#### {kind.capitalize()} · {severity} severity",
        "",
        " · ".join(details),
        "",
        f"{escape_markdown(named_summary(discrepancy, sources))} "
        f"_{escape_markdown(KIND_MEANINGS.get(kind, ''))}_",
        "",
        *_table(headers, rows),
    ]


def _claim_heading(claim: dict, sources: dict[str, dict]) -> str:
    published = source_date(sources.get(claim["source_id"]))
    heading = _source(claim["source_id"], sources)
    return heading + (f" · {escape_markdown(published)}" if published else "")


def _notes(claim: dict) -> str:
    notes = [note for note, on in (("hedged", claim["hedged"]), ("negated", claim["negated"])) if on]
    said = said_by(claim)
    if said:
        notes.append(escape_markdown(said))
    return ", ".join(notes) if notes else _DASH


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cell if cell else " " for cell in cells) + " |"

    return [row(headers), "|" + "|".join("---" for _ in headers) + "|", *(row(cells) for cells in rows), ""]


def _code(text: str) -> str:
    """An identifier in a code span, unless it could break out of one (or out of a table,
    where even a code span does not protect a pipe); then escaped plain text."""
    if text and all(char.isalnum() or char in "_-.@:/+" for char in text):
        return f"`{text}`"
    return escape_markdown(text)


def _source(source_id: str, sources: dict[str, dict]) -> str:
    """A source by its outlet and title (its id in the Sources table says which file it is)."""
    name = source_name(sources.get(source_id), source_id)
    return _code(name) if name == source_id else escape_markdown(name)


def _source_list(ids: list[str], sources: dict[str, dict]) -> str:
    return "; ".join(_source(source_id, sources) for source_id in ids)


def _id_list(ids: list[str]) -> str:
    return ", ".join(_code(i) for i in ids)


def _text_or_dash(text: str | None) -> str:
    return escape_markdown(text) if text else _DASH


def _number(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
