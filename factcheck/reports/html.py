"""The HTML report: one self-contained page an analyst can open, read, print and send on.

The page carries its own CSS and needs nothing from the network. All text from articles is
escaped by jinja2's autoescape: the quote is highlighted by cutting the sentence into
(before, quote, after) here in Python and letting the template escape each piece, so no
article text is ever marked safe. A small inline script adds filtering by kind and severity;
without it every discrepancy is simply shown.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from factcheck.claims.describe import describe_value, interval
from factcheck.reports.presentation import (
    CONFIDENCE_MEANING,
    KIND_MEANINGS,
    KINDS,
    SEVERITIES,
    agreeing_clusters,
    attention,
    claims_by_id,
    cluster_label,
    disputes_by_parties,
    reading_summaries,
    said_by,
    count,
    group_by_cluster,
    highlight,
    language_name,
    overview,
    short_hash,
    source_name,
    summary_parts,
    table_row,
    text_direction,
)
from factcheck.reports.timeline import shortened

TEMPLATE = "report.html.j2"


def render_html(report: dict) -> str:
    """Render a report as one self-contained HTML page (inline CSS, no external resources).

    Discrepancies are grouped by cluster: the cluster's canonical statement, what every
    source says, then each discrepancy with both claims side by side, the quoted span of
    each sentence in ``<mark>``. Quotes carry their ``lang`` and ``dir`` (``rtl`` for
    Arabic). Same report, same bytes: the page holds no timestamp.
    """
    return _environment().get_template(TEMPLATE).render(page=_page(report))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # autoescape=True for every template, not by file extension: ".html.j2" would slip
    # through select_autoescape's extension matching.
    return Environment(
        loader=PackageLoader("factcheck.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _page(report: dict) -> dict:
    """Everything the template shows, already worded: the template only lays it out."""
    sources = {source["id"]: source for source in report["sources"]}
    discrepancies = report["discrepancies"]
    generated_by = report["generated_by"]
    groups = group_by_cluster(report)
    claims = claims_by_id(report)
    return {
        "overview": overview(report),
        "attention": attention(report),
        "confidence_meaning": CONFIDENCE_MEANING,
        "counts": {
            "sources": len(report["sources"]),
            "clusters": len(report["clusters"]),
            "discrepancies": len(discrepancies),
        },
        "by_severity": count(discrepancies, "severity", SEVERITIES),
        "by_kind": count(discrepancies, "kind", KINDS),
        "kind_meanings": KIND_MEANINGS,
        "generated_by": {
            "version": generated_by["version"],
            "model": generated_by["model"],
            "fingerprint": generated_by["corpus_fingerprint"],
            "fingerprint_short": short_hash(generated_by["corpus_fingerprint"], 16),
            "thresholds": [(name, _number(value)) for name, value in generated_by["thresholds"].items()],
        },
        "groups": [
            {
                **_cluster(cluster, sources, claims),
                "worst": min((SEVERITIES.index(d["severity"]) for d in group if d["severity"] in SEVERITIES), default=2),
                "discrepancies": [_discrepancy(d, sources) for d in group],
            }
            for cluster, group in groups
        ],
        "agreeing": [_cluster(cluster, sources, claims) for cluster in agreeing_clusters(report)],
        "disputes": disputes_by_parties(report),
        "sources": [_source(source, sources) for source in report["sources"]],
        # how each source is named where it is cited; its id stays in the Sources table
        "names": {source["id"]: source_name(source, source["id"]) for source in report["sources"]},
        "skipped": [{**s, "lang": (sources.get(s["source_id"]) or {}).get("language")} for s in report.get("skipped", [])],
        "timeline": _timeline(report.get("timeline", []), sources, {d["id"]: d["kind"] for d in discrepancies}),
        "severities": SEVERITIES,
        "kinds": KINDS,
    }


def _timeline(entries: list[dict], sources: dict[str, dict], kinds: dict[str, str]) -> dict:
    """The timeline as a table: one row per entry, one column per source that dates
    something (sources side by side), each cell the quotes of that source's claims; rows
    whose event sources date differently are marked with their discrepancies."""
    columns = sorted({sid for e in entries for sid in e["sources"]})
    rows = []
    for e in entries:
        cells = []
        for sid in columns:
            quotes = [{"quote": c["quote"], "text": c["text"], "negated": c["negated"], "story": c["dated_by"] == "story"} for c in e["claims"] if c["source_id"] == sid]
            cells.append({"quotes": quotes, "lang": (sources.get(sid) or {}).get("language")})
        # a dated sentence is shown as written, in its own direction (the date is in the Date column)
        dated = e["kind"] != "event" and e["claims"]
        what = shortened(e["claims"][0]["text"]) if dated else e["what"]
        rows.append({"date": e["date"], "date_end": e.get("date_end"), "precision": e["precision"], "what": what, "what_auto": bool(dated), "kind": e["kind"], "cells": cells, "discrepancies": [{"id": d, "kind": kinds.get(d, "")} for d in e["discrepancy_ids"]]})
    return {"columns": columns, "rows": rows}


def _cluster(cluster: dict, sources: dict[str, dict], claims: dict[str, dict]) -> dict:
    rows = []
    for row in cluster["table"]:
        item = table_row(row, cluster, claims)
        language = item.get("lang") or (sources.get(row["source_id"]) or {}).get("language")
        rows.append(
            {
                "source_id": row["source_id"],
                "title": (sources.get(row["source_id"]) or {}).get("title"),
                "published": row.get("published"),
                "updated": (sources.get(row["source_id"]) or {}).get("updated"),
                "quote": row["quote"],
                "lang": language,
                "dir": text_direction(language),
                "reads_as": describe_value(item),
                "interval": interval(item),
                "hedged": item.get("hedged", False),
                "negated": item.get("negated", False),
            }
        )
    return {
        "id": cluster["id"],
        "canonical": cluster["canonical"],
        "label": cluster_label({**cluster, "noun": None}),
        "question": cluster.get("label") or "",
        # The counted word is in the article's language; the template isolates it (<bdi>)
        # so an Arabic noun cannot reorder the English words around it. A slot label names
        # what is counted already.
        "noun": cluster.get("noun") if cluster.get("unit") == "count" and not cluster.get("slot") else None,
        "readings": reading_summaries(cluster),
        "sources": cluster["sources"],
        "rows": rows,
    }


def _discrepancy(discrepancy: dict, sources: dict[str, dict]) -> dict:
    return {
        "id": discrepancy["id"],
        "kind": discrepancy["kind"],
        "severity": discrepancy["severity"],
        "confidence": f"{discrepancy['confidence']:.2f}",
        "confidence_percent": round(100 * discrepancy["confidence"]),
        "internal": discrepancy["internal"],
        "related_sources": discrepancy["related_sources"],
        "dispute": discrepancy.get("dispute", False),
        "same_party": discrepancy.get("same_party", False),
        "parties": list(discrepancy.get("parties", [])),
        "status": discrepancy["status"],
        "summary_parts": summary_parts(discrepancy),
        "meaning": KIND_MEANINGS.get(discrepancy["kind"], ""),
        "claims": [_claim(claim, sources) for claim in discrepancy["claims"]],
    }


def _claim(claim: dict, sources: dict[str, dict]) -> dict:
    source = sources.get(claim["source_id"]) or {}
    part = highlight(claim)
    return {
        "id": claim["id"],
        "source_id": claim["source_id"],
        "title": source.get("title"),
        "outlet": source.get("outlet"),
        "published": source.get("published"),
        "updated": source.get("updated"),
        "url": _safe_url(source.get("url")),
        "lang": claim["lang"],
        "dir": text_direction(claim["lang"]),
        "before": part.before,
        "quote": part.quote,
        "after": part.after,
        "raw_quote": claim["quote"],
        "reads_as": describe_value(claim),
        "interval": interval(claim),
        "precision": claim.get("precision") if claim["kind"] == "date" else None,
        "hedged": claim["hedged"],
        "negated": claim["negated"],
        "said_by": said_by(claim),
    }


def _source(source: dict, sources: dict[str, dict]) -> dict:
    language = source.get("language")
    return {
        "id": source["id"],
        "title": source.get("title"),
        "outlet": source.get("outlet"),
        "url": _safe_url(source.get("url")),
        "raw_url": source.get("url"),
        "language": language_name(language) if language else None,
        "lang": language,
        "dir": text_direction(language),
        "published": source.get("published"),
        "updated": source.get("updated"),
        "translation_of": source.get("translation_of"),
        "related": source.get("related", []),
        "format": source.get("format"),
        "sha256": source.get("sha256") or "",
        "sha256_short": short_hash(source.get("sha256") or ""),
    }


def _safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) link, else None: a ``javascript:`` URL from a hostile
    page is shown as text, never made clickable."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _number(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
