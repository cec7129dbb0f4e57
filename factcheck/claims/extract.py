"""From a loaded source to its sentences and claims: the extraction stage of the pipeline.

source text -> sentences (with page furniture marked) -> dates, then quantities (years and
days inside dates are not quantities) -> one Claim per mention, with offsets into the
source text, a stable id, the entities of its sentence and the words around it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from factcheck.claims.dates import extract_dates
from factcheck.claims.entities import AliasTable
from factcheck.claims.model import Claim, DateMention
from factcheck.claims.quantities import extract_quantities
from factcheck.sources.model import Source
from factcheck.text.boilerplate import furniture_reason
from factcheck.text.lang import detect_lang
from factcheck.text.normalize import normalize_sentence
from factcheck.text.sentences import split_sentences

CONTEXT_WORDS = 8  # words kept on each side of a mention to describe its slot
_WORD = re.compile(r"\S+")
_UPDATE_CUE = re.compile(r"تحديث|updated|update", re.IGNORECASE)


@dataclass
class Analysis:
    """Everything ingestion stores for one source."""

    source: Source
    sentences: list[dict]
    claims: list[Claim]
    published_origin: str | None


def analyse(source: Source, aliases: AliasTable) -> Analysis:
    spans = split_sentences(source.text, start=source.body_start)
    sentences = []
    for index, span in enumerate(spans):
        text = source.text[span.start : span.end]
        sentences.append(
            {
                "id": f"{source.id}:{index}",
                "source_id": source.id,
                "sentence_index": index,
                "start": span.start,
                "end": span.end,
                "text": text,
                "lang": detect_lang(text),
                "furniture": furniture_reason(text),
                "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            }
        )
    body = [s for s in sentences if not s["furniture"]]
    if not source.language:
        langs = Counter(s["lang"] for s in body if s["lang"] != "und")
        source.language = langs.most_common(1)[0][0] if langs else "und"

    published_origin = "metadata" if source.published else None
    _date_source_from_datelines(source, sentences)
    if source.published and published_origin is None:
        published_origin = "text"

    anchors = _explicit_day_dates(body)
    claims: list[Claim] = []
    seen: Counter = Counter()
    for sentence in body:
        text = sentence["text"]
        reference, origin = _reference_for(sentence["start"], anchors, source.published)
        dates = extract_dates(text, lang=sentence["lang"], reference=reference, reference_origin=origin)
        quantities = extract_quantities(
            text, lang=sentence["lang"], skip_spans=[(d.char_start, d.char_end) for d in dates]
        )
        entities = sorted({e.canonical for e in aliases.find(text)})
        mentions = [(m.char_start, "date", m) for m in dates] + [(m.char_start, "quantity", m) for m in quantities]
        for _, kind, mention in sorted(mentions, key=lambda x: (x[0], x[1])):
            norm = normalize_sentence(text)
            seen[(norm, mention.quote)] += 1
            claims.append(
                Claim(
                    id=claim_id(source.id, norm, mention.quote, seen[(norm, mention.quote)]),
                    source_id=source.id,
                    sentence_index=sentence["sentence_index"],
                    text=text,
                    sentence_start=sentence["start"],
                    sentence_end=sentence["end"],
                    quote=mention.quote,
                    char_start=sentence["start"] + mention.char_start,
                    char_end=sentence["start"] + mention.char_end,
                    lang=sentence["lang"],
                    kind=kind,
                    quantity=mention if kind == "quantity" else None,
                    date=mention if kind == "date" else None,
                    context=mention_context(text, mention.char_start, mention.char_end),
                    entities=entities,
                )
            )
    return Analysis(source, sentences, claims, published_origin)


def claim_id(source_id: str, normalised_sentence: str, quote: str, occurrence: int = 1) -> str:
    """A claim's id: stable across machines and runs for the same source, sentence and quote."""
    key = "\x1f".join([source_id, normalised_sentence, quote, str(occurrence)])
    return "q_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def mention_context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """The words around ``text[start:end]`` with the mention itself left out.

    Sentence embeddings barely see numbers, and long sentences mix several facts; the
    few words around a mention say what it counts (signed, invested, salary).

    >>> mention_context("Musk invested $100 million in OpenAI early on", 14, 26)
    'Musk invested … in OpenAI early on'
    """
    left = [m for m in _WORD.finditer(text, 0, start)][-words:]
    right = [m for m in _WORD.finditer(text, end)][:words]
    left_text = text[left[0].start() : start].strip() if left else ""
    right_text = text[end : right[-1].end()].strip() if right else ""
    return f"{left_text} … {right_text}".strip()


def _explicit_day_dates(sentences: list[dict]) -> list[tuple[int, str]]:
    """(offset, ISO date) of every explicit full date in the body, in text order."""
    anchors = []
    for sentence in sentences:
        for d in extract_dates(sentence["text"], lang=sentence["lang"]):
            if d.date and d.precision == "day" and d.resolved_from == "text" and d.calendar == "gregorian":
                anchors.append((sentence["start"] + d.char_start, d.date))
    return anchors


def _reference_for(offset: int, anchors: list[tuple[int, str]], published: str | None) -> tuple[str | None, str]:
    """SPEC: relative words resolve against the nearest explicit date in the text first,
    then the source's published date."""
    if anchors:
        nearest = min(anchors, key=lambda a: (abs(a[0] - offset), a[0] > offset))
        return nearest[1], "text"
    if published and len(published) == 10:
        return published, "published"
    return None, "unresolved"


def _date_source_from_datelines(source: Source, sentences: list[dict]) -> None:
    """A dateline ("Last updated November 28, 2023") is a candidate date for the source;
    it fills ``updated`` or ``published`` only when metadata left them empty."""
    for sentence in sentences:
        if sentence["furniture"] != "dateline":
            continue
        for d in extract_dates(sentence["text"], lang=sentence["lang"]):
            if d.date and d.precision == "day":
                if d.date not in source.date_candidates:
                    source.date_candidates.append(d.date)
                if _UPDATE_CUE.search(sentence["text"]):
                    source.updated = source.updated or d.date
                else:
                    source.published = source.published or d.date


__all__ = ["Analysis", "analyse", "claim_id", "mention_context", "DateMention"]
