"""How a report reads to a person, whatever the format: the quote located inside its
sentence, the overview paragraph, discrepancies grouped by cluster. Values in words come
from ``factcheck.claims.describe``, which the summary sentence and the CLI share.

The Markdown and HTML renderers share this so that both say exactly the same thing; each
adds only its own escaping and layout. Nothing here escapes: it returns plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from factcheck.claims.describe import describe_value

KINDS = ("conflict", "supersession", "precision")  # worst first (SPEC, "Order"): every listing of kinds
SEVERITIES = ("high", "medium", "low")
STATUSES = ("open", "acknowledged", "dismissed")

KIND_MEANINGS = {
    "conflict": "The two figures cannot both be true, even allowing for rounding.",
    "precision": "Both can be true, but one is more precise than the other.",
    "supersession": "A later or updated report replaces an earlier figure.",
}

# Languages written right to left; a quote in one of them is laid out rtl, the rest "auto".
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})


@dataclass(frozen=True)
class Highlight:
    """A sentence cut around its quote: ``before + quote + after == sentence``.

    ``quote`` is empty when the claim's offsets do not point at its quote and the quote
    cannot be found in the sentence either; a renderer then shows the quote on its own
    rather than highlight the wrong words.
    """

    before: str
    quote: str
    after: str


def highlight(claim: dict) -> Highlight:
    """Split a claim's sentence at the quote's offsets (relative to the sentence).

    >>> highlight({"text": "Over 500 signed.", "quote": "Over 500", "char_start": 10,
    ...            "char_end": 18, "sentence_start": 10})
    Highlight(before='', quote='Over 500', after=' signed.')
    """
    text, quote = claim["text"], claim["quote"]
    start = claim["char_start"] - claim["sentence_start"]
    end = claim["char_end"] - claim["sentence_start"]
    if not (0 <= start <= end <= len(text) and text[start:end] == quote):
        # Offsets that disagree with the quote are a bug upstream; the first occurrence is
        # the best guess, and highlighting nothing beats highlighting the wrong words.
        start = text.find(quote) if quote else -1
        if start < 0:
            return Highlight(text, "", "")
        end = start + len(quote)
    return Highlight(text[:start], text[start:end], text[end:])


def text_direction(lang: str | None) -> str:
    """``"rtl"`` for a right-to-left language tag (``ar``, ``ar-EG``), else ``"auto"``."""
    if not lang:
        return "auto"
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "auto"


def language_name(code: str | None) -> str:
    """The English name of a language tag (``ar`` -> ``Arabic``), or the tag itself."""
    if not code or code == "und":
        return "unknown language"
    try:
        from babel import Locale

        name = Locale("en").languages.get(code.split("-")[0].lower())
    except Exception:  # babel missing or its data unreadable: the tag still says it
        name = None
    return name or code


def claims_by_id(report: dict) -> dict[str, dict]:
    """Every claim the discrepancies carry, by id."""
    return {claim["id"]: claim for d in report["discrepancies"] for claim in d["claims"]}


def table_row(row: dict, cluster: dict, claims: dict[str, dict]) -> dict:
    """A cluster table row with what the row itself omits (its kind; ``total``, ``hedged``,
    ``negated``, ``lang`` when a discrepancy carries the full claim), so that "700 of 770"
    does not shrink to "700" in the table."""
    claim = claims.get(row["claim_id"], {})
    extra = {key: claim[key] for key in ("total", "hedged", "negated", "lang", "precision") if key in claim}
    return {**extra, **row, "kind": cluster["kind"]}


KIND_ORDER = KINDS


def worst_first(discrepancy: dict) -> tuple:
    """The order every listing uses: severity, then kind (conflict, supersession,
    precision), then a source's own discrepancy before a dispute between parties, then one
    between independent sources before one between sources that copy or translate one
    another, then confidence (highest first), then id."""
    severity, kind = discrepancy["severity"], discrepancy["kind"]
    return (
        SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES),
        KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER),
        bool(discrepancy.get("dispute")),
        bool(discrepancy.get("related_sources")),
        -float(discrepancy.get("confidence") or 0.0),
        discrepancy["id"],
    )


def cluster_order(discrepancies: list[dict]) -> list[dict]:
    """``discrepancies`` worst first, each cluster's items kept together, clusters in the
    order of their worst item."""
    ordered = sorted(discrepancies, key=worst_first)
    rank: dict[str, int] = {}
    for d in ordered:
        rank.setdefault(d["cluster_id"], len(rank))
    return sorted(ordered, key=lambda d: rank[d["cluster_id"]])  # stable: worst first within a cluster


#: how many discrepancies the reports put under "What needs attention"
ATTENTION = 3

#: what a discrepancy's confidence means, in the reports' words
CONFIDENCE_MEANING = (
    "Confidence (0 to 1) is how sure factcheck is that the two claims answer the same question, "
    "from a model fitted on labelled pairs, and 30% lower when a claim is hedged; "
    "it does not say which source is right."
)


def _asked(cluster: dict | None) -> str:
    """What a discrepancy's cluster is about, for a one-line item: its question, else its label."""
    if not cluster:
        return ""
    return cluster.get("label") or cluster_label(cluster)


def attention(report: dict, limit: int = ATTENTION) -> list[dict]:
    """The worst open discrepancies (SPEC order), each with one line of plain words: what
    is asked, and what each source says ("How many staff are there? 770 staff (Source A)
    against 700 staff (Source B)")."""
    sources = {s["id"]: s for s in report["sources"]}
    clusters = {c["id"]: c for c in report["clusters"]}
    items = []
    for d in sorted((d for d in report["discrepancies"] if d.get("status", "open") == "open"), key=worst_first)[:limit]:
        about = _asked(clusters.get(d["cluster_id"]))
        a, b = d["claims"]
        items.append(
            {
                "id": d["id"], "severity": d["severity"], "kind": d["kind"], "about": about,
                "values": (describe_value(a), describe_value(b)),
                # one source named once when it says both
                "sources": tuple(dict.fromkeys(source_name(sources.get(c["source_id"]), c["source_id"]) for c in (a, b))),
            }
        )  # fmt: skip
    return items


def attention_line(item: dict) -> str:
    """An :func:`attention` item as one plain line."""
    a, b = item["values"]
    if len(item["sources"]) == 1:
        said = f"{a} against {b}, both in {item['sources'][0]}"
    else:
        said = f"{a} ({item['sources'][0]}) against {b} ({item['sources'][1]})"
    return f"{item['kind'].capitalize()}, {item['severity']}: {item['about']} {said}".replace("  ", " ")


def group_by_cluster(report: dict) -> list[tuple[dict, list[dict]]]:
    """Discrepancies grouped by cluster, clusters in the order their first discrepancy
    appears (so a list sorted by severity stays sorted by its worst case).

    A discrepancy whose cluster is missing from the report gets a stand-in cluster with no
    table, so that nothing flagged is ever dropped from a rendering.
    """
    clusters = {cluster["id"]: cluster for cluster in report["clusters"]}
    groups: dict[str, list[dict]] = {}
    for discrepancy in report["discrepancies"]:
        groups.setdefault(discrepancy["cluster_id"], []).append(discrepancy)
    result = []
    for cluster_id, discrepancies in groups.items():
        cluster = clusters.get(cluster_id) or {
            "id": cluster_id,
            "canonical": f"Cluster {cluster_id} (not in this report)",
            "kind": discrepancies[0]["claims"][0]["kind"],
            "unit": None,
            "noun": None,
            "claim_ids": [],
            "sources": [],
            "table": [],
        }
        result.append((cluster, discrepancies))
    return result


def agreeing_clusters(report: dict) -> list[dict]:
    """The clusters no discrepancy points at: where the sources agree."""
    flagged = {discrepancy["cluster_id"] for discrepancy in report["discrepancies"]}
    return [cluster for cluster in report["clusters"] if cluster["id"] not in flagged]


def count(items: Iterable[dict], key: str, order: Iterable[str]) -> list[tuple[str, int]]:
    """``(value, how many items have it)`` for every value in ``order``, zeros included."""
    values = [item[key] for item in items]
    return [(value, values.count(value)) for value in order]


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """``1 source``, ``2 sources``."""
    return f"{n} {singular if n == 1 else (plural_form or singular + 's')}"


def cluster_label(cluster: dict) -> str:
    """What a cluster is about, in a few words: its slot label when the report has one
    (``count of staff · OpenAI · signed``), else ``quantity · count of موظف``."""
    if cluster.get("slot"):
        return cluster["slot"]
    parts = [cluster["kind"]]
    unit, noun = cluster.get("unit"), cluster.get("noun")
    if unit == "count" and noun:
        parts.append(f"count of {noun}")
    elif unit:
        parts.append(unit)
    return " · ".join(parts)


def reading_summaries(cluster: dict) -> list[str]:
    """Each reading of a cluster with its support: ``about 700 — 2 sources (1 independent)``."""
    out = []
    for r in cluster.get("readings") or []:
        n, independent = len(r["sources"]), r["independent_sources"]
        support = plural(n, "source") + (f" ({independent} independent)" if independent != n else "")
        out.append(f"{r['reads_as']} — {support}")
    return out


def overview(report: dict) -> str:
    """One plain-English paragraph: what was compared and what was found.

    It holds no text taken from the articles, only counts and language names, so any
    format can print it without escaping concerns beyond its own.
    """
    sources, clusters, discrepancies = report["sources"], report["clusters"], report["discrepancies"]
    languages: dict[str, int] = {}
    for source in sources:
        name = language_name(source.get("language"))
        languages[name] = languages.get(name, 0) + 1
    by_language = ", ".join(f"{n} in {name}" for name, n in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    flagged = len({d["cluster_id"] for d in discrepancies})

    text = f"This report compares {plural(len(sources), 'source')}"
    if by_language:
        text += f" ({by_language})"
    text += f" and groups their claims into {plural(len(clusters), 'cluster')}"
    if not discrepancies:
        return text + ". The sources agree: no discrepancy was found."
    text += f", {flagged} of which {'has' if flagged == 1 else 'have'} discrepancies. "
    kinds = _and_list(f"{n} {kind}" for kind, n in count(discrepancies, "kind", KINDS))
    severities = _and_list(f"{n} {severity}" for severity, n in count(discrepancies, "severity", SEVERITIES))
    text += f"It flags {plural(len(discrepancies), 'discrepancy', 'discrepancies')}: by kind {kinds}; by severity {severities}."
    internal = sum(1 for d in discrepancies if d["internal"])
    related = sum(1 for d in discrepancies if d["related_sources"])
    if internal:
        text += f" {_count_is(internal)} inside a single source."
    if related:
        text += f" {_count_is(related)} between sources where one translates or copies the other, so their agreement elsewhere is not independent corroboration."
    decided = [(status, n) for status, n in count(discrepancies, "status", STATUSES[1:]) if n]
    if decided:
        text += " " + " and ".join(f"{n} {status}" for status, n in decided) + " in the baseline."
    return text + skipped_note(report)


def skipped_note(report: dict) -> str:
    """A sentence for the overview when some sentences could not be analysed: the report
    is then incomplete, and says so before anything else is read into it."""
    skipped = report.get("skipped") or []
    if not skipped:
        return ""
    n_sources = len({s["source_id"] for s in skipped})
    return (
        f" {plural(len(skipped), 'sentence')} in {plural(n_sources, 'source')} could not be analysed and "
        f"{'was' if len(skipped) == 1 else 'were'} skipped: their claims are missing (listed at the end)."
    )


def source_name(source: dict | None, source_id: str, width: int = 60) -> str:
    """How a person knows a source: its outlet and title ("Reuters: OpenAI board fires
    Altman"), the title alone, the outlet alone, or, with neither, its id; a title longer
    than ``width`` is cut at a word with "…". Ids stay in JSON and CI output.

    >>> source_name({"title": "OpenAI board fires Altman", "outlet": "Reuters"}, "002_ade9")
    'Reuters: OpenAI board fires Altman'
    >>> source_name({"title": "", "outlet": None}, "002_ade9")
    '002_ade9'
    """
    source = source or {}
    title = " ".join((source.get("title") or "").split())
    outlet = " ".join((source.get("outlet") or "").split())
    if len(title) > width:
        cut = title[:width].rsplit(" ", 1)[0] if " " in title[:width] else title[:width]
        title = cut.rstrip(" ,،:;-–—") + "…"
    if title and outlet and outlet.casefold() not in title.casefold():
        return f"{outlet}: {title}"
    return title or outlet or source_id


def source_date(source: dict | None) -> str | None:
    """The date to show beside a source: its publication date, else "updated DATE" when
    only its last update is known, else None.

    >>> source_date({"published": None, "updated": "2023-11-28"})
    'updated 2023-11-28'
    """
    source = source or {}
    if source.get("published"):
        return source["published"]
    return f"updated {source['updated']}" if source.get("updated") else None


def cite_sources(text: str, names: dict[str, str]) -> str:
    """``text`` (a discrepancy's summary, which names sources by id) with each source id
    replaced by the source's name (:func:`source_name`).

    >>> cite_sources("001_eb0a says 700, 002_ade9 says 500", {"001_eb0a": "Reuters: Staff letter", "002_ade9": "002_ade9"})
    'Reuters: Staff letter says 700, 002_ade9 says 500'
    """
    for source_id in sorted(names, key=lambda i: (-len(i), i)):  # a longer id first: one id may start another
        if names[source_id] != source_id:
            text = text.replace(source_id, names[source_id])
    return text


def named_summary(discrepancy: dict, sources: dict[str, dict]) -> str:
    """A discrepancy's summary with its two sources named (:func:`source_name`, ``sources``
    by id) instead of by id."""
    ids = sorted({claim["source_id"] for claim in discrepancy["claims"]})
    return cite_sources(discrepancy["summary"], {i: source_name(sources.get(i), i) for i in ids})


_ARABIC_QUOTE = re.compile(r"«[^«»]*»")


def disputes_by_parties(report: dict) -> list[dict]:
    """The report's disputes grouped by their two parties ("Musk says / OpenAI says"),
    groups in name order: each with its items, worst first, and for each item what each
    party says and where (a side's party, value and source name)."""
    sources = {s["id"]: s for s in report["sources"]}
    clusters = {c["id"]: c for c in report["clusters"]}
    groups: dict[tuple[str, ...], list[dict]] = {}
    for d in sorted((d for d in report["discrepancies"] if d.get("dispute")), key=worst_first):
        sides = []
        for c in d["claims"]:
            said = c.get("attributed_to") or {}
            sides.append({"party": said.get("party", ""), "says": describe_value(c), "source": source_name(sources.get(c["source_id"]), c["source_id"]), "source_id": c["source_id"]})
        sides.sort(key=lambda side: side["party"])
        about = _asked(clusters.get(d["cluster_id"]))
        groups.setdefault(tuple(d["parties"]), []).append({"id": d["id"], "about": about, "severity": d["severity"], "kind": d["kind"], "sides": sides})
    return [{"parties": list(parties), "items": items} for parties, items in sorted(groups.items())]


def said_by(claim: dict) -> str:
    """Who a report says asserts a claim, in a few words ("quoting Musk", "OpenAI says",
    "according to Reuters", "an unnamed source"); "" for the source's own statement.

    >>> said_by({"attributed_to": {"party": "Musk", "how": "quote", "cue": "replied"}}), said_by({"attributed_to": None})
    ('quoting Musk', '')

    """
    said = claim.get("attributed_to")
    if not said:
        return ""
    party, how, cue = said["party"], said["how"], said["cue"]
    if how == "quote":
        return f"quoting {party}" if party else "in a quotation"
    if how == "says":
        return f"{party} says" if party else f"attributed ({cue})"
    if how == "anonymous":
        return "an unnamed source"
    if how in ("document", "post"):
        return f"per a {how}" + (f" ({party})" if party else "")
    return f"according to {party}" if party else f"attributed ({cue})"


def summary_parts(discrepancy: dict) -> list[tuple[str, str]]:
    """A discrepancy's summary cut into ("text", words), ("source", source id) where it
    names a source, and ("quote", «words») where it quotes Arabic words, so that a page
    can set each name and quote apart: inside an English sentence, an Arabic title or
    quote keeps its own word order only when isolated.

    >>> summary_parts({"summary": "Conflict: a1 says 5 but b2 says 6 (5 is hedged by «قد»).", "claims": [{"source_id": "a1"}, {"source_id": "b2"}]})
    [('text', 'Conflict: '), ('source', 'a1'), ('text', ' says 5 but '), ('source', 'b2'), ('text', ' says 6 (5 is hedged by '), ('quote', '«قد»'), ('text', ').')]
    """
    ids = sorted({claim["source_id"] for claim in discrepancy["claims"]}, key=lambda i: (-len(i), i))
    names = re.compile("|".join(re.escape(i) for i in ids)) if ids else None  # a longer id first: one id may start another
    parts: list[tuple[str, str]] = []
    text = discrepancy["summary"]
    pos = 0
    for m in names.finditer(text) if names else ():
        parts += _quoted_parts(text[pos : m.start()])
        parts.append(("source", m.group()))
        pos = m.end()
    return parts + _quoted_parts(text[pos:])


def _quoted_parts(text: str) -> list[tuple[str, str]]:
    parts = []
    pos = 0
    for m in _ARABIC_QUOTE.finditer(text):
        if m.start() > pos:
            parts.append(("text", text[pos : m.start()]))
        parts.append(("quote", m.group()))
        pos = m.end()
    return parts + ([("text", text[pos:])] if pos < len(text) else [])


def short_hash(value: str, length: int = 12) -> str:
    """The first characters of a long hash, for display; the full value goes beside it."""
    return value if len(value) <= length else value[:length] + "…"


def _and_list(parts: Iterable[str]) -> str:
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _count_is(n: int) -> str:
    return f"{n} {'is' if n == 1 else 'are'}"
