"""From a loaded source to its sentences and claims: the extraction stage of the pipeline.

source text -> sentences (with page furniture marked) -> dates, then quantities (years and
days inside dates are not quantities) -> one Claim per mention, with offsets into the
source text, a stable id, the entities of its sentence and the words around it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from factcheck.claims.context import mention_context, roles, slot_description
from factcheck.claims.dates import extract_dates
from factcheck.claims.entities import AliasTable
from factcheck.claims.model import Claim, DateMention, Quantity
from factcheck.claims.quantities import extract_quantities
from factcheck.sources.model import Source
from factcheck.text.boilerplate import furniture_reason
from factcheck.text.lang import detect_lang
from factcheck.text.normalize import normalize_sentence
from factcheck.text.sentences import split_sentences

# Bump when extraction reads the same text differently: stored sources are then read again.
EXTRACTOR_VERSION = "12"
# Entities that act (give, sign, employ): people and organisations of the alias table, and
# capitalised names it does not know. Places and the table's "other" names (products,
# publications) describe; they do not tell slots apart.
ACTOR_TYPES = ("person", "organisation", "name")

_UPDATE_CUE = re.compile(r"تحديث|updated|update", re.IGNORECASE)


@dataclass
class Analysis:
    """Everything ingestion stores for one source."""

    source: Source
    sentences: list[dict]
    claims: list[Claim]
    published_origin: str | None
    entities: list[dict] = field(default_factory=list)  # every name found, offsets into the source text


def analyse(source: Source, aliases: AliasTable, lang: str | None = None) -> Analysis:
    """Split ``source`` into sentences and read its claims and entities.

    ``lang`` forces the language of every sentence (otherwise each is detected from its
    script, so a mixed Arabic/English source is read sentence by sentence).
    """
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
                "lang": lang or detect_lang(text),
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

    dates_by_sentence = _dates_by_sentence(source, sentences)
    known_names = aliases.names_in([s["text"] for s in body])
    claims: list[Claim] = []
    entity_rows: list[dict] = []
    seen: Counter = Counter()
    for sentence in body:
        text = sentence["text"]
        dates = dates_by_sentence.get(sentence["sentence_index"], [])
        quantities = extract_quantities(
            text, lang=sentence["lang"], skip_spans=[(d.char_start, d.char_end) for d in dates]
        )
        found = aliases.find(text, known_names)
        entities = sorted({e.canonical for e in found})
        actors = sorted({e.canonical for e in found if e.type in ACTOR_TYPES})
        entity_spans = [(e.char_start, e.char_end) for e in found]
        entity_rows.extend(
            {
                "id": f"{sentence['id']}:{e.char_start}",
                "source_id": source.id,
                "sentence_id": sentence["id"],
                "canonical": e.canonical,
                "type": e.type,
                "surface": e.surface,
                "char_start": sentence["start"] + e.char_start,
                "char_end": sentence["start"] + e.char_end,
            }
            for e in found
        )
        mentions = [(m.char_start, "date", m, None) for m in dates] + [(m.char_start, "quantity", m, None) for m in quantities]
        mentions += [(w.char_start, "quantity", w, part) for part in quantities if (w := whole_of(part, text)) is not None]
        norm = normalize_sentence(text)
        ids: dict[int, str] = {}
        for _, kind, mention, part in sorted(mentions, key=lambda x: (x[0], x[1], x[3] is not None)):
            seen[(norm, mention.quote)] += 1
            words, predicate = slot_description(text, mention.char_start, mention.char_end, entity_spans)
            subject, obj = roles(text, mention.char_start, mention.char_end, [(e.char_start, e.char_end, e.canonical) for e in found])
            ids[id(mention)] = claim_id(source.id, norm, mention.quote, seen[(norm, mention.quote)])
            claims.append(
                Claim(
                    id=ids[id(mention)],
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
                    context_words=words,
                    predicate_words=predicate,
                    subject=subject,
                    object=obj,
                    entities=entities,
                    actors=actors,
                    part_of=ids.get(id(part), "") if part is not None else "",
                )
            )
    return Analysis(source, sentences, claims, published_origin, entity_rows)


def whole_of(part: Quantity, text: str) -> Quantity | None:
    """The whole of "700 of 770 employees" as a figure of its own: 770 employees.

    The whole is another slot than the part (how many work there, not how many signed), and
    other sources may state it alone ("OpenAI has about 700 employees"). Only a whole that
    counts a named noun becomes a claim: "seven out of ten" is a ratio, not a headcount.
    """
    if part.total is None or part.total_start is None or not part.noun:
        return None
    return Quantity(
        quote=text[part.total_start : part.total_end],
        char_start=part.total_start,
        char_end=part.total_end,
        value=part.total,
        low=part.total,
        high=part.total,
        unit=part.unit,
        noun=part.noun,
        whole=True,
        hedged=part.hedged,
        negated=part.negated,
    )


def claim_id(source_id: str, normalised_sentence: str, quote: str, occurrence: int = 1) -> str:
    """A claim's id: stable across machines and runs for the same source, sentence and quote."""
    key = "\x1f".join([source_id, normalised_sentence, quote, str(occurrence)])
    return "q_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _dates_by_sentence(source: Source, sentences: list[dict]) -> dict[int, list[DateMention]]:
    """Dates of the article body, read in one pass so that each can lean on the ones before
    it ("17 نوفمبر" takes its year, "السبت" its week, from the text), then handed to the
    sentence that contains them with sentence-relative offsets.

    Page furniture is blanked out first (same length, so offsets hold): a "Last updated"
    dateline must not anchor the article's own timeline. Without an anchor in the text,
    relative words fall back to the source's published (else updated) date.
    """
    chars = list(source.text)
    chars[: source.body_start] = " " * source.body_start
    for s in sentences:
        if s["furniture"]:
            chars[s["start"] : s["end"]] = " " * (s["end"] - s["start"])
    masked = "".join(chars)
    reference = source.published or source.updated
    mentions = extract_dates(masked, lang=source.language, reference=reference, reference_origin="published" if reference else "unresolved")
    out: dict[int, list[DateMention]] = {}
    starts = [s["start"] for s in sentences]
    for mention in mentions:
        i = bisect_right(starts, mention.char_start) - 1
        if i < 0:
            continue
        sentence = sentences[i]
        if sentence["furniture"] or mention.char_end > sentence["end"]:
            continue  # furniture, or a mention straddling two sentences
        mention.char_start -= sentence["start"]
        mention.char_end -= sentence["start"]
        out.setdefault(sentence["sentence_index"], []).append(mention)
    return out


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


__all__ = ["Analysis", "analyse", "claim_id"]


def parse_text(text: str, aliases: AliasTable, lang: str | None = None, published: str | None = None) -> dict:
    """What factcheck reads in ``text``, through the same path as ingestion.

    Returns ``{"quantities": [...], "dates": [...], "entities": [...]}``; every item has
    ``text``, ``char_start`` and ``char_end`` with ``text == input[char_start:char_end]``.
    ``published`` (ISO date) resolves relative dates when the text gives no anchor.

    >>> from factcheck.claims.entities import default_aliases
    >>> parse_text("More than 500 employees signed.", default_aliases())["quantities"][0]["qualifier"]
    'more_than'
    """
    source = Source(id="text", path="-", format="txt", text=text, sha256="", published=published, language=lang)
    analysis = analyse(source, aliases, lang=lang)
    quantities, dates = [], []
    for claim in analysis.claims:
        if claim.part_of:
            continue  # the whole of "700 of 770" is shown as the part's total
        span = {"text": claim.quote, "char_start": claim.char_start, "char_end": claim.char_end}
        if claim.quantity:
            q = claim.quantity
            quantities.append(
                span
                | {
                    "value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit,
                    "noun": q.noun, "total": q.total, "whole": q.whole, "partitive": q.partitive, "approximate": q.approximate, "hedged": q.hedged,
                    "negated": q.negated,
                }  # fmt: skip
            )
        else:
            d = claim.date
            dates.append(
                span
                | {
                    "date": d.date, "precision": d.precision, "calendar": d.calendar, "resolved_from": d.resolved_from,
                    "month_day": d.month_day,
                    "hedged": d.hedged, "negated": d.negated,
                }  # fmt: skip
            )
    entities = [
        {"text": e["surface"], "char_start": e["char_start"], "char_end": e["char_end"], "canonical": e["canonical"], "type": e["type"], "surface": e["surface"]}
        for e in analysis.entities
    ]
    return {"quantities": quantities, "dates": dates, "entities": entities}
