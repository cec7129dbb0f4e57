"""Score ``factcheck search`` against labelled queries: mean reciprocal rank and recall.

A queries file is TOML written by someone who read the articles, before the ranking was
tuned. Each query names the corpus folder it is asked of, its text, and every sentence
that answers it, by a substring of that sentence (unique in its file)::

    [[query]]
    corpus = "sources"
    text = "how many employees signed the letter"
    lang = "en"
    [[query.relevant]]
    file = "001_eb0aed705e4d506f.txt"
    contains = "700 من أصل 770"

A hit answers a query when it comes from one of the named files and its sentence contains
one of that file's substrings (after whitespace normalisation), or a substring contains
the hit's sentence (a substring may run over two sentences as the splitter cut them). A
query's reciprocal rank is 1/rank of its first answering hit within the ``k`` returned, 0
when none answers; MRR is their mean. ``recall`` is the share of queries answered within
``k``. Search returns sentences that hold a claim: a query none of whose relevant
sentences holds one cannot be answered, and is counted (``unreachable``) so that a ceiling
below 1 is visible.

Malformed files raise :class:`factcheck.errors.ConfigError` with a one-line message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import load_toml
from factcheck.errors import ConfigError

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Relevant:
    file: str
    contains: str


@dataclass(frozen=True)
class Query:
    corpus: str
    text: str
    lang: str
    relevant: tuple[Relevant, ...]


def load_queries(path: Path) -> list[Query]:
    """The queries of a file, in file order."""
    data = load_toml(path, "queries file")
    unknown = sorted(set(data) - {"query"})
    if unknown:
        raise ConfigError(f"queries file {path}: unknown table {unknown[0]!r}")
    queries = []
    for n, entry in enumerate(data.get("query") or [], start=1):
        where = f"queries file {path}, query {n}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: not a table")
        extra = sorted(set(entry) - {"corpus", "text", "lang", "relevant"})
        if extra:
            raise ConfigError(f"{where}: unknown key {extra[0]!r}")
        for key in ("corpus", "text"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ConfigError(f"{where}: '{key}' must be a non-empty string")
        relevant = []
        for item in entry.get("relevant") or []:
            if not isinstance(item, dict) or set(item) != {"file", "contains"} or not all(isinstance(v, str) and v for v in item.values()):
                raise ConfigError(f"{where}: each 'relevant' needs exactly 'file' and 'contains' (non-empty strings)")
            relevant.append(Relevant(item["file"], item["contains"]))
        if not relevant:
            raise ConfigError(f"{where}: no relevant sentence")
        queries.append(Query(entry["corpus"], entry["text"], str(entry.get("lang") or ""), tuple(relevant)))
    if not queries:
        raise ConfigError(f"queries file {path}: no [[query]]")
    return queries


def of_corpus(queries: list[Query], corpus: Path, base: Path) -> list[Query]:
    """The queries asked of the folder ``corpus`` (their ``corpus`` is relative to ``base``)."""
    wanted = os.path.realpath(corpus)
    return [q for q in queries if os.path.realpath(base / q.corpus) == wanted]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def answers(hit: dict, query: Query, file_of: Callable[[str], str]) -> bool:
    """Whether a search hit is one of the query's relevant sentences."""
    name = file_of(hit["source_id"])
    sentence = _norm(hit["text"])
    return any(r.file == name and (_norm(r.contains) in sentence or sentence in _norm(r.contains)) for r in query.relevant)


def score_search(
    queries: list[Query],
    search: Callable[[str], list[dict]],
    file_of: Callable[[str], str],
    k: int,
    searchable: dict[str, list[str]],
) -> dict:
    """MRR, recall@k and each query's rank (None: not within ``k``); ``searchable`` holds,
    by file name, the sentences that hold a claim (what search can return)."""
    ranks = []
    for q in queries:
        rank = next((n for n, hit in enumerate(search(q.text)[:k], start=1) if answers(hit, q, file_of)), None)
        reachable = any(answers({"source_id": r.file, "text": t}, q, lambda name: name) for r in q.relevant for t in searchable.get(r.file, ()))
        ranks.append({"query": q.text, "lang": q.lang, "rank": rank, "reachable": reachable})
    found = [r["rank"] for r in ranks]
    by_lang = {}
    for lang in sorted({q.lang for q in queries}):
        mine = [r["rank"] for r in ranks if r["lang"] == lang]
        by_lang[lang] = {"queries": len(mine), "mrr": _mrr(mine)}
    return {
        "queries": len(queries),
        "k": k,
        "mrr": _mrr(found),
        "recall": sum(r is not None for r in found) / len(found) if found else 0.0,
        "unreachable": sum(not r["reachable"] for r in ranks),
        "by_lang": by_lang,
        "ranks": ranks,
    }


def _mrr(ranks: list[int | None]) -> float:
    return sum(1 / r for r in ranks if r) / len(ranks) if ranks else 0.0


def format_search_report(result: dict) -> str:
    lines = [
        f"queries: {result['queries']}  MRR: {result['mrr']:.3f}  answered within {result['k']}: {result['recall']:.1%}"
        f"  (no relevant sentence holds a claim: {result['unreachable']})",
        *(f"  {lang or '?'}: {v['queries']} queries, MRR {v['mrr']:.3f}" for lang, v in result["by_lang"].items()),
    ]
    for r in result["ranks"]:
        lines.append(f"  {r['rank'] if r['rank'] else '-':>3}{'' if r['reachable'] else ' (unreachable)'}  {r['query']}")
    return "\n".join(lines) + "\n"
