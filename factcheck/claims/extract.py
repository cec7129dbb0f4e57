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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from factcheck.claims.context import SentenceWords, content_keys, dates_a_statement
from factcheck.claims.dates import extract_dates, month_first_locale
from factcheck.claims.entities import AliasTable, KnownNames, owns_what_follows
from factcheck.claims.events import SPEAKER, find_events, noun_negated, quote_negation, refusal_start, stated_by_verb
from factcheck.claims.attribution import SPEAKER_TYPES, Attributor, Voice, reported_of_speaker
from factcheck.claims.frames import attribution, event_frame, figure_time, frame_of, sectors
from factcheck.claims.frames import cues as frame_cues
from factcheck.claims.modality import mark
from factcheck.claims.lexicon import lexicon
from factcheck.claims.model import Claim, DateMention, EventMention, Quantity
from factcheck.claims.money import Paragraphs, source_country
from factcheck.claims.numbers import in_written_figure, is_arabic
from factcheck.errors import FactcheckError, QueryError, one_line
from factcheck.claims.quantities import extract_quantities
from factcheck.sources.model import Source
from factcheck.text.boilerplate import furniture_reason
from factcheck.text.lang import detect_lang
from factcheck.text.normalize import normalize_for_match, normalize_sentence
from factcheck.text.sentences import split_sentences
from factcheck.text.stems import STEMMER

# Bump when extraction reads the same text differently: stored sources are then read again.
# The stemmer's version is part of it: the content words stored with each claim are stems.
EXTRACTOR_VERSION = f"78/{STEMMER}"
OPENING_WORDS = 2  # a date this many words from a sentence's start dates the whole sentence
# Entities that act (give, sign, employ): people, organisations and names of no known type.
# Places, the alias table's "other" names (products, publications) and whoever is only
# quoted ("said Lena Okafor", "قال السيد فهد العتيبي") describe; they do not tell slots apart.
ACTOR_TYPES = ("person", "organisation", "name")

_UPDATE_CUE = re.compile(r"تحديث|updated|update", re.IGNORECASE)
RELATIVE_CHARS = 60  # how far before an act's word its relative pronoun is looked for
_CLAUSE_END = re.compile(r"[,،.;:؛!?؟]")
# a relative pronoun, at most four words before the act's word in its clause ("who was fired",
# "Altman, whom the board fired", «الذي أُقيل», «التي أعلنت إقالته»)
_RELATIVE_PRONOUN = r"(?:\b(?:who|whom|which)|(?:^|(?<=\s))[وف]?(?:الذي|التي|الذين|اللذين|اللتين|اللواتي|اللاتي))"
# a word that opens a clause of what was said or found: a date before it dates the saying
# ("announced on October 4 that it had dismissed him", «قال يوم الاثنين إن الشركة أقالته»)
_COMPLEMENTIZER = re.compile(r"(?<![^\W\d_])(?:that|[وف]?(?:إن|أن|بأن|ان))(?![^\W\d_])", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(_RELATIVE_PRONOUN + r"\s+(?:[^\s,،.;:؛]+\s+){0,4}$", re.IGNORECASE)
_RELATIVE = re.compile(_RELATIVE_PRONOUN + r"(?=\s)", re.IGNORECASE)  # any relative pronoun: a clause opens


def relative_clauses(text: str) -> list[tuple[int, int]]:
    """The spans of a sentence's relative clauses: from each relative pronoun to the end of
    its clause (the next comma or stop).

    >>> relative_clauses("Police arrested Hilal, who ran safety, on Thursday")
    [(23, 37)]
    """
    out = []
    for m in _RELATIVE.finditer(text):
        stop = _CLAUSE_END.search(text, m.end())
        out.append((m.start(), stop.start() if stop else len(text)))
    return out


@dataclass
class Analysis:
    """Everything ingestion stores for one source.

    ``skipped`` lists the sentences whose analysis raised and that were left out (no claims
    and no entities from them), as dicts: ``sentence_index``, ``start`` and ``end`` (offsets
    into the source text) and ``error`` (the exception's class and message on one line).
    """

    source: Source
    sentences: list[dict]
    claims: list[Claim]
    published_origin: str | None
    entities: list[dict] = field(default_factory=list)  # every name found, offsets into the source text
    skipped: list[dict] = field(default_factory=list)


def analyse(source: Source, aliases: AliasTable, lang: str | None = None, strict: bool = False) -> Analysis:
    """Split ``source`` into sentences and read its claims and entities.

    ``lang`` forces the language of every sentence (otherwise each is detected from its
    script, so a mixed Arabic/English source is read sentence by sentence).

    A sentence whose analysis raises is left out and listed in :attr:`Analysis.skipped`, so
    that one unreadable sentence does not cost the rest of the source; ``strict`` raises
    instead. Only ``Exception`` is caught, and not ``MemoryError``: an interrupt, an exit or
    running out of memory still stops the analysis.
    """
    failures = _Failures(strict)
    spans = split_sentences(source.text, start=source.body_start, figure_word=in_written_figure)
    sentences = []
    for index, span in enumerate(spans):
        text = source.text[span.start : span.end]
        sentence = {
            "id": f"{source.id}:{index}",
            "source_id": source.id,
            "sentence_index": index,
            "start": span.start,
            "end": span.end,
            "text": text,
            "lang": lang or "und",
            "furniture": None,
            "content_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        with failures.guard(sentence):
            sentence["lang"] = lang or detect_lang(text)
            sentence["furniture"] = furniture_reason(text)
        sentences.append(sentence)
    body = [s for s in sentences if not s["furniture"] and not failures.failed(s)]
    if not source.language:
        langs = Counter(s["lang"] for s in body if s["lang"] != "und")
        source.language = langs.most_common(1)[0][0] if langs else "und"

    published_origin = "metadata" if source.published else None
    wires = _wire_datelines(source, sentences, failures)
    _date_source_from_datelines(source, sentences, failures, wires)
    if source.published and published_origin is None:
        published_origin = "text"

    dates_by_sentence, date_spans = _dates_by_sentence(source, sentences, failures, wires)
    known_names = KnownNames()
    paragraphs = Paragraphs(source.text, source_country(source))  # where a currency's country is named
    for sentence in body:
        with failures.guard(sentence):
            known_names.update(aliases.names_in([sentence["text"]]))
    claims: list[Claim] = []
    entity_rows: list[dict] = []
    seen: Counter = Counter()
    narrative = ""  # the last day the text has named: where its story stands
    heard: list[tuple[dict, list[Claim], list[Voice]]] = []  # who may be speaking, sentence by sentence
    people: list[list[str]] = []  # the people each sentence read so far names, in order
    named_people = set(known_names.surnames.values())  # named in full as people somewhere in the source
    kinds: dict[str, str] = {}  # the organisation last named of each kind ("authority", «هيئة»)
    for sentence in body:
        if failures.failed(sentence):
            continue
        index = sentence["sentence_index"]
        with failures.guard(sentence):
            # Built aside and kept only when the whole sentence went through.
            sentence_claims, sentence_entities, occurrences, voices = _read_sentence(
                source, sentence, dates_by_sentence.get(index, []), date_spans.get(index, []), aliases, known_names, seen, paragraphs,
                wires[index].end - sentence["start"] if index in wires else 0, antecedent(people), kinds,
            )  # fmt: skip
            people.append([e["canonical"] for e in sentence_entities if e["type"] in PERSON_TYPES or e["canonical"] in named_people])
            kinds.update(organisations_by_kind(sentence, sentence_entities, aliases.cues))
            heard.append((sentence, sentence_claims, voices))
            for claim in sentence_claims:
                if claim.event is not None and (claim.event.form == "verb" or claim.event.stage) and not claim.frame.time:
                    # a verb tells the story (and so does the one before a noun: "voted to fire",
                    # «قرر التصويت لإقالة»); a bare noun refers back: "since Altman's firing"
                    claim.event.placed = narrative
            claims.extend(sentence_claims)
            entity_rows.extend(sentence_entities)
            seen.update(occurrences)
        narrative = _story_day(dates_by_sentence.get(index, []), narrative)
    unheard = _attribute(source, heard, {e["canonical"]: e["type"] for e in entity_rows if e["type"] in SPEAKER_TYPES})
    claims = [c for c in claims if c.id not in unheard]
    return Analysis(source, sentences, claims, published_origin, entity_rows, failures.skipped())


def _attribute(source: Source, heard: list[tuple[dict, list[Claim], list[Voice]]], names: dict[str, str]) -> set[str]:
    """Who asserts each claim (:mod:`factcheck.claims.attribution`), read over the whole
    source in order: a quotation may run over several sentences, a pronoun refers back, and
    a speaker may be named by a spelling the name finder only knows from elsewhere in it.
    An act told in the first person ('"I will not return," he said') takes the quotation's
    speaker as its agent; the ids of those whose speaker is not named are returned (no
    claim: nobody is said to act)."""
    attributor = Attributor(source.text, source.body_start, names=names)
    said = attributor.read(
        [(s["start"], s["text"], voices, [(c.char_start - s["start"], c.char_end - s["start"]) for c in claims]) for s, claims, voices in heard]
    )
    unheard: set[str] = set()
    for (sentence, claims, _), whos in zip(heard, said):
        for claim, who in zip(claims, whos):
            claim.attribution = who
            if claim.kind == "quantity" and who.how == "says" and who.party:
                claim.frame = _speaker_as_subject(claim.frame, who.party, sentence["text"], claim.char_start - sentence["start"], attributor.cues)
            if claim.event is not None and claim.event.agent == SPEAKER:
                if who.how == "quote" and who.party:
                    _speaker_acts(claim, who.party, names.get(who.party, ""))
                else:
                    unheard.add(claim.id)
    return unheard


def _speaker_acts(claim: Claim, party: str, kind: str) -> None:
    """The quotation's speaker (a name of type ``kind``, as the name finder typed it) as
    the agent of an act told in the first person."""
    # a name found only as one who speaks is of no known kind: "name" (the report's kinds of agent)
    claim.event.agent, claim.event.agent_type = party, (kind if kind in ("person", "organisation") else "name" if kind else "")
    claim.subject = party
    claim.frame = replace(claim.frame, agent=party)
    claim.actors = sorted(set(claim.actors) | {party})
    claim.entities = sorted(set(claim.entities) | {party})


def _speaker_as_subject(frame, party: str, text: str, start: int, lists):
    """The frame with the speaker in the role a pronoun holds ("Musk says he gave $100M":
    Musk gives; "OpenAI said it received $45M from Musk": OpenAI receives), where the
    frame left that role empty and the speaker holds no other."""
    clause = reported_of_speaker(text, start, lists)
    if clause is None or party in (frame.agent, frame.patient):
        return frame
    if frame_cues().find("receive", text[clause:start]):
        return replace(frame, patient=party) if not frame.patient else frame
    return replace(frame, agent=party) if not frame.agent else frame


def _read_sentence(
    source: Source,
    sentence: dict,
    dates: list[DateMention],
    date_spans: list[tuple[int, int]],
    aliases: AliasTable,
    known_names: KnownNames,
    seen: Counter,
    paragraphs: Paragraphs,
    dateline_end: int = 0,
    referent: str = "",
    kinds: dict[str, str] | None = None,
) -> tuple[list[Claim], list[dict], Counter, list[Voice]]:
    """The claims and entity rows of one body sentence, the (sentence, quote)
    occurrences it adds to ``seen``, and its names as voices (who may be speaking). ``date_spans`` are where the sentence holds dates,
    ``dates`` the ones that are claims; ``dateline_end`` where a wire dateline that opens
    the sentence ends: its place and agency are named, never who acted or spoke. ``referent``
    is whom "he" or "she" stands for where the sentence names no one before it
    (:func:`antecedent`); ``kinds`` the organisation the sentences before last named of each
    kind, which a body named by that kind alone is (:func:`organisations_by_kind`)."""
    text = sentence["text"]
    place = paragraphs.place(sentence["start"], sentence["end"])
    quantities = extract_quantities(text, lang=sentence["lang"], dates_read=date_spans, place=place)
    named = aliases.find(text, known_names)
    entities = sorted({e.canonical for e in named})
    found = [e for e in named if e.char_start >= dateline_end]  # "QARMAZ, July 23 (Qarmaz Herald) - The board fired ...": not the agency
    # who acts: not who is only quoted, unless the sentence goes on with what is theirs
    owners = [e for e in found if e.speaks and e.type in SPEAKER_TYPES and owns_what_follows(text, e)]
    actors = sorted({e.canonical for e in found if e.type in ACTOR_TYPES and not e.speaks} | {e.canonical for e in owners})
    words = SentenceWords(text, [(e.char_start, e.char_end, e.canonical) for e in found])
    places = sorted({e.canonical for e in named if e.type == "place"})
    attributed = attribution(text, [e.canonical for e in found if e.speaks])
    trades = sectors(text, [(e.char_start, e.char_end, e.canonical, e.surface) for e in found if e.type in ACTOR_TYPES or e.speaks])
    # when the figures happened: the sentence's dates, less those that date a statement
    dated = [(d.char_start, d.char_end, d.date) for d in dates if d.date and not dates_a_statement(words.context(d.char_start, d.char_end))]
    entity_rows = [
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
        for e in named
    ]
    mentions = [(m.char_start, "date", m, None) for m in dates] + [(m.char_start, "quantity", m, None) for m in quantities]
    mentions += [(w.char_start, "quantity", w, part) for part in quantities if (w := whole_of(part, text)) is not None]
    mentions += [(m.char_start, "event", m, None) for m in _events(text, found, sentence["lang"], [(d.char_start, d.char_end) for d in dates], referent, kinds or {})]
    norm = normalize_sentence(text)
    clauses = relative_clauses(text) if dated else []
    background: dict[str, str] = {}  # dates of relative clauses an act of the sentence passed over
    ids: dict[int, str] = {}
    occurrences: Counter = Counter()
    claims: list[Claim] = []
    make_id = _ClaimIds(source.id, norm)
    for _, kind, mention, part in sorted(mentions, key=lambda x: (x[0], x[1], x[3] is not None)):
        occurrences[(norm, mention.quote)] += 1
        ids[id(mention)] = make_id(mention.quote, seen[(norm, mention.quote)] + occurrences[(norm, mention.quote)])
        if kind == "event":
            # an act's noun is dated by a date of its own clause ("Drostik's dismissal on 17
            # February") or one that opens the sentence («في نوفمبر 2023، فجّرت OpenAI مفاجأة
            # بإقالة ألتمان»); "threatened on 23 February to resign unless the removal …" does not
            named = mention.form == "noun" and not stated_by_verb(mention)
            # an act told in a relative clause is background: a date of its own clause, or none
            # («عيّن ... يوم الثلاثاء 21 تشرين الأول ... خلفاً لهشام درويش الذي أُقيل من منصبه»)
            relative = _RELATIVE_BEFORE.search(text, max(0, mention.char_start - RELATIVE_CHARS), mention.char_start)
            # and a date of another act's relative clause is not this act's («في إطار التحقيق
            # في انهيار البئر، الذي أودى الأحد الماضي بحياة سبعة عمال»)
            own = [d for d in dated if not any(lo <= d[0] < hi and not lo <= mention.char_start < hi for lo, hi in clauses)]
            # nor a date of the clause that says it: "announced on October 4 that it had dismissed him"
            own = [d for d in own if not (d[1] <= mention.char_start and _COMPLEMENTIZER.search(text, d[1], mention.char_start))]
            time = figure_time(words, mention.char_start, mention.char_end, own, every=not (named or relative))
            for d in dated:
                if d not in own:
                    background.setdefault(d[2], mention.action)  # still told with an act: not a date to compare alone
            if not time and relative is not None:
                stop = _CLAUSE_END.search(text, mention.char_end)
                time = sorted({iso for s, _, iso in dated if relative.start() <= s < (stop.start() if stop else len(text))})
            if not time and named:
                time = sorted({iso for s, _, iso in dated if words.words_between(0, s) <= OPENING_WORDS})
            frame = event_frame(mention, time, places, attributed, trades)
            slot = words.slot(mention.char_start, mention.char_end)
            claims.append(_sentence_claim(ids[id(mention)], source, sentence, kind, mention, words, slot, mention.agent, mention.patient, entities, actors, frame, event=mention))
            continue
        context_words, predicate = words.slot(mention.char_start, mention.char_end)
        subject, obj = words.roles(mention.char_start, mention.char_end)
        if not obj:
            # "Shagen said Tariq Haddad controls 20% of its shares": whose shares, Shagen's
            obj = next((e.canonical for e in reversed(owners) if e.char_end <= mention.char_start), "")
        frame = frame_of(
            kind,
            mention if kind == "quantity" else None,
            words,
            mention.char_start,
            mention.char_end,
            subject,
            obj,
            with_head(predicate, words, mention) if kind == "quantity" else predicate,
            figure_time(words, mention.char_start, mention.char_end, dated) if kind == "quantity" else [],
            places,
            attributed,
            trades,
        )
        claims.append(
            _sentence_claim(
                ids[id(mention)], source, sentence, kind, mention, words, (context_words, predicate), subject, obj, entities, actors, frame,
                quantity=mention if kind == "quantity" else None,
                date=mention if kind == "date" else None,
                part_of=ids.get(id(part), "") if part is not None else "",
            )  # fmt: skip
        )
    voices = [Voice(e.canonical, e.type, e.char_start, e.char_end, e.speaks) for e in found]
    return _dates_of_events(_parts_of_a_stated_whole(claims), background), entity_rows, occurrences, voices


def _dates_of_events(claims: list[Claim], background: dict[str, str] | None = None) -> list[Claim]:
    """Mark each date claim that dates an event claim of its sentence: the event claim is
    what two sources disagree about, so the date is not compared on its own ("fired on 6
    February" and "returned on 12 February" are two events, not one date). An event with
    several dates in its clause keeps them all: which dates what the sentence leaves to a
    reader, and none of them is the date of a slot of its own ("dismissed on August 3, after
    his removal in March from the board"). ``background``: dates of a relative clause that
    an act of the sentence is told beside but not dated by («وقّعت ... اتفاقاً لتعويض
    المتضررين من الانقطاع الذي ضرب الشبكة في السابع من أكتوبر»), by the act's action; they
    are marked as well."""
    dated: dict[str, str] = dict(sorted((background or {}).items()))
    for c in claims:
        if c.event is not None:
            for iso in c.frame.time:
                dated.setdefault(iso, c.event.action)
    for c in claims:
        if c.date is not None and c.date.date in dated:
            c.date.event = dated[c.date.date]
    return claims


def _story_day(dates: list[DateMention], before: str) -> str:
    """Where a text's story stands after a sentence with ``dates``: its last day read from
    the text (not a weekday left unresolved, nor the published date), else where it stood."""
    days = [d.date for d in dates if d.date and d.precision == "day" and d.resolved_from == "text"]
    return days[-1] if days else before


#: who "he" or "she" may stand for: a person, or a name heard speaking
PERSON_TYPES = ("person", "speaker")
#: how many sentences back "he" or "she" may reach for the one it stands for
ANTECEDENT_SENTENCES = 2
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|him|her)\b")


def antecedent(people: list[list[str]]) -> str:
    """Whom "he" or "she" stands for at the start of the next sentence: the one person the
    nearest of the last :data:`ANTECEDENT_SENTENCES` sentences that name people names; ""
    when it names two (which one is not read) or none of them names anyone.

    >>> antecedent([["Dario Venkel"], []]), antecedent([["Dario Venkel", "Halima Sorrant"]]), antecedent([["A"], [], []])
    ('Dario Venkel', '', '')
    """
    for names in reversed(people[-ANTECEDENT_SENTENCES:]):
        if names:
            return names[0] if len(set(names)) == 1 else ""
    return ""


def _pronouns(text: str, names: list[tuple[int, int, str, str]], referent: str, first: int) -> list[tuple[int, int, str, str]]:
    """``names`` with the English pronouns that stand for ``referent`` ("He resigned on
    Saturday", "a judge released him"): those before ``first``, where the sentence names
    its first name (a speaker's too: "Tollin said he resigned" is his), and outside quotations."""
    if not referent:
        return names
    spans = [(m.start(), m.end(), referent, "person") for m in _PRONOUN.finditer(text, 0, first) if not _quoted(text, m.start())]
    return sorted(names + spans) if spans else names


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation opened before it in the sentence (its "he"
    is the speaker's to mean, not the narrative's).

    >>> _quoted('"He lied," Sorrant said.', 1), _quoted('He said "no".', 0)
    (True, False)
    """
    before = text[:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”") or before.count("«") > before.count("»")


_ARABIC_CLITIC = re.compile(r"^[وفبل]+")
_KIND_WORDS = 2  # how many words may stand between an organisation's kind and its name («هيئة مياه أوستريل»)


def organisations_by_kind(sentence: dict, entities: list[dict], cues) -> dict[str, str]:
    """The organisations a sentence names, by their kind: an Arabic name after a kind of
    organisation («هيئة مياه أوستريل»: هيئة, up to two words between), an English one whose
    last word is its kind ("Ostrel Water Authority": authority). A body named by that kind
    alone later in the source («أقامت الهيئة دعوى», "the authority sued") is that
    organisation (:func:`_events`)."""
    found: dict[str, str] = {}
    text, offset = sentence["text"], sentence["start"]
    for e in entities:
        if e["type"] not in ("organisation", "name", "place"):
            continue
        words = e["canonical"].split()
        if is_arabic(e["canonical"]):  # (a place's name may name the organisation: «هيئة مياه أوستريل»)
            before = text[: e["char_start"] - offset].split()[-(_KIND_WORDS + 1):]
            for word in reversed(before):
                key = _ARABIC_CLITIC.sub("", normalize_for_match(word))
                if key in cues.ar_organisation_cues:
                    found[key] = e["canonical"]
                    break
                if not word.isalpha():
                    break
        elif e["type"] == "organisation" and len(words) > 1:
            found[normalize_for_match(words[-1])] = e["canonical"]
    return found


def _body_kind(agent: str) -> str:
    """The kind a body agent names, as :func:`organisations_by_kind` keys it: «الهيئة» هيئة,
    "the authority" authority; "" for a body of more words ("the executive board")."""
    words = normalize_for_match(agent).split()
    if len(words) == 2 and words[0] in ("the", "its"):
        words = words[1:]
    if len(words) != 1:
        return ""
    return words[0][2:] if words[0].startswith("ال") and len(words[0]) > 4 else words[0]


def _events(
    text: str, found: list, lang: str, days: list[tuple[int, int]] = (), referent: str = "", kinds: dict[str, str] | None = None
) -> list[EventMention]:
    """The sentence's events (:mod:`factcheck.claims.events`), hedged and negated as figures
    are; ``days`` are where the sentence gives dates (sentence offsets); ``referent`` whom an
    English "he" or "she" stands for (:func:`antecedent`)."""
    names = [(e.char_start, e.char_end, e.canonical, e.type) for e in found if e.type in ACTOR_TYPES]
    if lang != "ar":
        names = _pronouns(text, names, referent, min((e.char_start for e in found), default=len(text)))
    speakers = [(e.char_start, e.char_end, e.canonical, e.type) for e in found if e.type == "speaker"]
    events = find_events(text, names, lang == "ar", days=days, referent=referent if lang == "ar" else "", speakers=speakers)
    for event in events:
        if event.agent_type == "body" and kinds and _body_kind(event.agent) in kinds:
            # «أقامت الهيئة دعوى»: the authority the source named («هيئة مياه أوستريل»)
            event.agent, event.agent_type = kinds[_body_kind(event.agent)], "organisation"
        event.hedged, event.negated = mark(text, event.char_start, event.char_end)
        if event.form == "noun" and event.negated and not event.stage:
            event.negated = noun_negated(text, event)
        if event.negated and event.stage == "announcement":
            event.stage = ""  # «أكد أنه لن يستقيل», "announced it would not renew": a statement that it will not happen
        refusal = refusal_start(text, event) if not event.negated and event.stage in ("", "intent") else None
        if refusal is not None:
            # "refused to release him", «رفض القاضي الإفراج عنه»: it did not happen (the "to"
            # is the refusal's, no purpose), quoted from the refusal
            event.negated, event.stage = True, ""
            event.quote, event.char_start = text[refusal : event.char_end], refusal
            continue
        quote_negation(text, event)
    return events


def _sentence_claim(
    claim_id: str, source: Source, sentence: dict, kind: str, mention, words: SentenceWords, slot: tuple[str, str],
    subject: str, obj: str, entities: list[str], actors: list[str], frame, **reading,
) -> Claim:  # fmt: skip
    """The claim of ``mention`` (a quantity, date or event; offsets into the sentence);
    ``slot`` is (context words, predicate words) around it, ``reading`` its parsed value
    (``quantity=``, ``date=``, ``event=``) and ``part_of``."""
    context_words, predicate = slot
    return Claim(
        id=claim_id,
        source_id=source.id,
        sentence_index=sentence["sentence_index"],
        text=sentence["text"],
        sentence_start=sentence["start"],
        sentence_end=sentence["end"],
        quote=mention.quote,
        char_start=sentence["start"] + mention.char_start,
        char_end=sentence["start"] + mention.char_end,
        lang=sentence["lang"],
        kind=kind,
        context=words.context(mention.char_start, mention.char_end),
        context_words=context_words,
        predicate_words=predicate,
        subject=subject,
        object=obj,
        entities=entities,
        actors=actors,
        frame=frame,
        **reading,
    )


HEAD_WORDS = 3  # content words read from the start of a sentence as what a bare count counts


def with_head(predicate: str, words: SentenceWords, mention: Quantity) -> str:
    """The predicate of a count with no counted noun, with the first content words of its
    sentence when they say what it counts: in "The death toll from the earthquake that
    struck on Monday has risen to 1,200" the words next to the figure are "risen", and the
    sentence opens with what rose ("death toll": the dead). Other figures keep their
    predicate."""
    lex = lexicon()
    if mention.noun or (mention.unit or "count") != "count" or lex.count_class(None, predicate.split()):
        return predicate
    head = content_keys(words.text[: mention.char_start], words.names_between(0, mention.char_start))[:HEAD_WORDS]
    if not lex.count_class(None, head):
        return predicate
    return " ".join(sorted(set(predicate.split()) | set(head)))


def _parts_of_a_stated_whole(claims: list[Claim]) -> list[Claim]:
    """In a sentence that states a whole of members ("Of the 5,349 people employed by Alder
    Mining", «من بين 1135 موظفاً في ميدودور»), a count with an act and no counted noun of its
    own ("1,529 signed", «وقّع قرابة 420») counts those of that whole who did it: a part."""
    members = lexicon().frame.get("members", ())
    whole = next((c.frame for c in claims if c.kind == "quantity" and c.frame.role == "whole" and c.frame.measured in members), None)
    if whole is None:
        return claims
    out = []
    for c in claims:
        f = c.frame
        if c.kind == "quantity" and f.unit_class == "count" and not f.measured and not f.role and set(f.concepts) - {"staff"}:
            c = replace(c, frame=replace(f, role="part", measured=whole.measured))
        out.append(c)
    return out


class _Failures:
    """Sentences whose analysis raised, and the first error of each (see :func:`analyse`)."""

    def __init__(self, strict: bool):
        self.strict = strict
        self._errors: dict[int, tuple[dict, str]] = {}

    @contextmanager
    def guard(self, sentence: dict) -> Iterator[None]:
        try:
            yield
        except (MemoryError, FactcheckError):
            raise  # the process or the configuration (a bad lexicon) is in trouble, not the sentence
        except Exception as exc:  # any bug in one sentence's reading (KeyboardInterrupt and SystemExit are no Exception)
            if self.strict:
                raise
            self._errors.setdefault(sentence["sentence_index"], (sentence, one_line(exc)))

    def failed(self, sentence: dict) -> bool:
        return sentence["sentence_index"] in self._errors

    def skipped(self) -> list[dict]:
        return [
            {"sentence_index": index, "start": sentence["start"], "end": sentence["end"], "error": error}
            for index, (sentence, error) in sorted(self._errors.items())
        ]


class _ClaimIds:
    """:func:`claim_id` for the mentions of one sentence: the source id and the normalised
    sentence are hashed once, not once per mention."""

    def __init__(self, source_id: str, normalised_sentence: str):
        self._prefix = hashlib.sha256("\x1f".join([source_id, normalised_sentence, ""]).encode("utf-8"))

    def __call__(self, quote: str, occurrence: int) -> str:
        digest = self._prefix.copy()
        digest.update("\x1f".join([quote, str(occurrence)]).encode("utf-8"))
        return "q_" + digest.hexdigest()[:16]


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


def _dates_by_sentence(
    source: Source, sentences: list[dict], failures: _Failures, wires: dict[int, WireDateline]
) -> tuple[dict[int, list[DateMention]], dict[int, list[tuple[int, int]]]]:
    """Dates of the article body, read in one pass so that each can lean on the ones before
    it ("17 نوفمبر" takes its year, "السبت" its week, from the text), then handed to the
    sentence that contains them with sentence-relative offsets; and, per sentence, the
    spans the quantity reader must leave alone (those dates, and the part inside it of a
    date written across two sentences).

    Page furniture is blanked out first (same length, so offsets hold): a "Last updated"
    dateline must not anchor the article's own timeline; so is the date of a wire dateline
    (``wires``, by sentence index: the date of writing, no sentence's date). Without an
    anchor in the text, relative words fall back to the source's published (else updated)
    date.

    Should the pass over the whole body raise, each sentence is read on its own instead
    (anchors then come from the sentence itself or the published date), so that only the
    sentences that fail alone are skipped.
    """
    pos = min(max(0, source.body_start), len(source.text))
    pieces = [" " * pos]
    for s in sentences:
        if s["furniture"] and s["end"] > pos:
            start = max(s["start"], pos)
            pieces += [source.text[pos:start], " " * (s["end"] - start)]
            pos = s["end"]
    pieces.append(source.text[pos:])
    masked = "".join(pieces)
    if wires:  # a wire dateline's date: the date of writing, read by no sentence
        chars = list(masked)
        for wire in wires.values():
            chars[wire.date_start : wire.date_end] = " " * (wire.date_end - wire.date_start)
        masked = "".join(chars)
    reference = source.published or source.updated
    origin = "published" if reference else "unresolved"
    try:
        mentions = extract_dates(masked, lang=source.language, reference=reference, reference_origin=origin, locale=source.locale)
    except MemoryError:
        raise
    except Exception:
        if failures.strict:
            raise
        dates = _dates_sentence_by_sentence(source, sentences, failures, reference, origin, wires)
        return dates, {i: [(d.char_start, d.char_end) for d in ds] for i, ds in dates.items()}
    out: dict[int, list[DateMention]] = {}
    spans: dict[int, list[tuple[int, int]]] = {index: [(w.date_start - sentences[index]["start"], w.date_end - sentences[index]["start"])] for index, w in wires.items()}
    starts = [s["start"] for s in sentences]
    for mention in mentions:
        first = bisect_right(starts, mention.char_start) - 1
        last = bisect_right(starts, mention.char_end - 1) - 1
        for sentence in sentences[max(first, 0) : last + 1]:
            lo, hi = max(mention.char_start, sentence["start"]), min(mention.char_end, sentence["end"])
            if lo < hi:
                spans.setdefault(sentence["sentence_index"], []).append((lo - sentence["start"], hi - sentence["start"]))
        if first < 0:
            continue
        sentence = sentences[first]
        if sentence["furniture"] or mention.char_end > sentence["end"]:
            continue  # furniture, or a mention straddling two sentences
        mention.char_start -= sentence["start"]
        mention.char_end -= sentence["start"]
        out.setdefault(sentence["sentence_index"], []).append(mention)
    return out, spans


# A wire dateline opening a paragraph: a place of a few words and a comma, the date, the
# agency in brackets, a dash ("QARMAZ, July 23 (Qarmaz Herald) - Tarsalia's main union
# ...", «قرمز، 15 تموز (المرصد الترسالي) - وقّعت ...»); not "On Monday, July 20 - ...".
_WIRE_DATELINE = re.compile(
    r"\s*(?!(?:on|in|at|by|from|since|until|before|after|for|as|of|last|this|next)\b|(?:و|ف)?(?:في|يوم|منذ|قبل|بعد|مساء|صباح)\s)"
    r"(?![^,،]*(?:day\b|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت))"
    r"[^\s,،.!?;:()«»\"]+(?:\s+[^\s,،.!?;:()«»\"]+){0,3}\s*[,،]\s*"
    r"(?P<date>[^\n()\-–—.!?;:]{3,40}?)\s*(?:\([^()\n]{1,60}\)\s*)?[-–—]\s",
    re.IGNORECASE,
)


class WireDateline(NamedTuple):
    """Where a wire dateline's date stands in a source's text, and where the dateline ends
    (its dash passed)."""

    date_start: int
    date_end: int
    end: int


def wire_dateline(text: str, start: int, end: int, lang: str | None = None, locale: str | None = None) -> WireDateline | None:
    """The wire dateline of the sentence text[start:end], when it opens its paragraph with
    one: its date is the date the report was written, not one of the events the sentence
    tells (no claim, no event's time; relative days count from the source's date, which it
    gives when the metadata does not), and its place and agency are not who acted."""
    m = _WIRE_DATELINE.match(text, start, end)
    if m is None or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return None  # (the pattern first: most sentences fail it at once)
    lo, hi = m.span("date")
    chunk = text[lo:hi]
    found = extract_dates(chunk, lang=lang, locale=locale)
    if len(found) != 1 or chunk[: found[0].char_start].strip() or chunk[found[0].char_end :].strip():
        return None
    return WireDateline(lo + found[0].char_start, lo + found[0].char_end, m.end())


def _dates_sentence_by_sentence(
    source: Source, sentences: list[dict], failures: _Failures, reference: str | None, origin: str, wires: dict[int, WireDateline]
) -> dict[int, list[DateMention]]:
    out: dict[int, list[DateMention]] = {}
    for sentence in sentences:
        if sentence["furniture"] or failures.failed(sentence):
            continue
        with failures.guard(sentence):
            dates = extract_dates(sentence["text"], lang=source.language, reference=reference, reference_origin=origin, locale=source.locale)
            line = wires.get(sentence["sentence_index"])
            at = sentence["start"]
            out[sentence["sentence_index"]] = [d for d in dates if not (line and at + d.char_start < line.date_end and line.date_start < at + d.char_end)]
    return out


def _wire_datelines(source: Source, sentences: list[dict], failures: _Failures) -> dict[int, WireDateline]:
    """Each body sentence's wire dateline (:func:`wire_dateline`), by sentence index."""
    out = {}
    for sentence in sentences:
        if sentence["furniture"] or failures.failed(sentence):
            continue
        with failures.guard(sentence):
            line = wire_dateline(source.text, sentence["start"], sentence["end"], lang=sentence["lang"], locale=source.locale)
            if line:
                out[sentence["sentence_index"]] = line
    return out


def _date_source_from_datelines(source: Source, sentences: list[dict], failures: _Failures, wires: dict[int, WireDateline]) -> None:
    """A dateline ("Last updated November 28, 2023", or a wire dateline opening a
    paragraph: "QARMAZ, July 23, 2026 (Qarmaz Herald) - ...") is a candidate date for the
    source; it fills ``updated`` or ``published`` only when metadata left them empty."""
    for sentence in sentences:
        wire = wires.get(sentence["sentence_index"])
        if sentence["furniture"] != "dateline" and wire is None:
            continue
        dates: list[str] = []
        with failures.guard(sentence):
            found = extract_dates(source.text[wire.date_start : wire.date_end] if wire else sentence["text"], lang=sentence["lang"], locale=source.locale)
            dates = [d.date for d in found if d.date and d.precision == "day"]
        for date in dates:
            if date not in source.date_candidates:
                source.date_candidates.append(date)
            if not wire and _UPDATE_CUE.search(sentence["text"]):
                source.updated = source.updated or date
            else:
                source.published = source.published or date


__all__ = ["Analysis", "analyse", "claim_id"]


def parse_text(
    text: str,
    aliases: AliasTable,
    lang: str | None = None,
    published: str | None = None,
    strict: bool = False,
    locale: str | None = None,
) -> dict:
    """What factcheck reads in ``text``, through the same path as ingestion.

    Returns ``{"quantities": [...], "dates": [...], "events": [...], "entities": [...], "skipped": [...]}``;
    every mention has ``text``, ``char_start`` and ``char_end`` with
    ``text == input[char_start:char_end]``. ``published`` (ISO date) resolves relative dates
    when the text gives no anchor; ``locale`` ("en_US", "ar_EG") orders the day and month of
    numeric dates as the source metadata key does (docs/parsing.md#dates). ``skipped`` lists
    the sentences whose analysis failed (``sentence_index``, ``start``, ``end``, ``error``;
    see :class:`Analysis`); ``strict`` raises instead.

    >>> from factcheck.claims.entities import default_aliases
    >>> parse_text("More than 500 employees signed.", default_aliases())["quantities"][0]["qualifier"]
    'more_than'
    """
    if locale is not None:
        try:
            month_first_locale(locale)
        except ValueError as err:
            raise QueryError(str(err)) from None
    source = Source(id="text", path="-", format="txt", text=text, sha256="", published=published, language=lang, locale=locale)
    analysis = analyse(source, aliases, lang=lang, strict=strict)
    quantities, dates, events = [], [], []
    for claim in analysis.claims:
        if claim.part_of:
            continue  # the whole of "700 of 770" is shown as the part's total
        span = {"text": claim.quote, "char_start": claim.char_start, "char_end": claim.char_end}
        if claim.event:
            e = claim.event
            events.append(
                span
                | {
                    "action": e.action, "stage": e.stage, "agent": e.agent, "patient": e.patient, "identity": list(e.identity),
                    "form": e.form, "hedged": e.hedged, "negated": e.negated, "frame": claim.frame.to_dict(),
                }  # fmt: skip
            )
        elif claim.quantity:
            q = claim.quantity
            quantities.append(
                span
                | {
                    "value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit,
                    "noun": q.noun, "total": q.total, "whole": q.whole, "partitive": q.partitive, "approximate": q.approximate, "hedged": q.hedged,
                    "negated": q.negated, "frame": claim.frame.to_dict(),
                }  # fmt: skip
            )
        else:
            d = claim.date
            dates.append(
                span
                | {
                    "date": d.date, "date_end": d.date_end, "precision": d.precision, "part": d.part,
                    "calendar": d.calendar, "hijri": d.hijri, "readings": d.readings, "resolved_from": d.resolved_from,
                    "month_day": d.month_day,
                    "hedged": d.hedged, "negated": d.negated, "frame": claim.frame.to_dict(),
                }  # fmt: skip
            )
    entities = [
        {"text": e["surface"], "char_start": e["char_start"], "char_end": e["char_end"], "canonical": e["canonical"], "type": e["type"], "surface": e["surface"]}
        for e in analysis.entities
    ]
    return {"quantities": quantities, "dates": dates, "events": events, "entities": entities, "skipped": analysis.skipped}
