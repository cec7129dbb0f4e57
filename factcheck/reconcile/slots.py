"""Whether two claims speak of the same slot: the same thing counted, paid or dated.

Sentence embeddings find claims on the same topic but barely see numbers or predicates, so
alignment combines them with sharper signals computed at extraction
(``claims/context.py``): the unit and counted noun, the content words around each mention
(names left out), the predicate words right next to it, the years the sentences name, the
direction of the figure (who gives it to whom), the people and organisations named (two
sentences that both name who acts, with none in common, speak of different things; two
figures whose bound subjects, or bound objects, are different names, too), and
orders of magnitude. Across languages, where no word can be shared, a higher cosine gate
stands in for the shared words. Every signal is general; the thresholds live in ``reconcile/thresholds.py``.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from factcheck.claims.context import content_keys, dates_a_statement
from factcheck.claims.events import clause_of, event_lexicon, states_act, takes_the_article
from factcheck.claims.frames import roles_compatible
from factcheck.claims.money import currencies
from factcheck.reconcile.intervals import journalistic, representative
from factcheck.reconcile.features import pair_features, parties_meet, same_party, same_role
from factcheck.embeddings.base import cosine
from factcheck.reconcile.model import slot_model
from factcheck.claims.lexicon import lexicon
from factcheck.claims.name_cues import name_cues
from factcheck.claims.name_keys import NameAnchors, names_meet as same_name
from factcheck.reconcile.thresholds import Thresholds


@dataclass(frozen=True)
class Alignment:
    score: float
    context_cosine: float
    sentence_cosine: float
    shared_words: int
    # the pair judgement's probability that two reports of one event contradict each other
    # (None: no pair judgement was given, or the claims are not events)
    disagree: float | None = None

    @classmethod
    def from_row(cls, row: dict) -> Alignment:
        """The alignment a stored ``alignments`` row records."""
        return cls(row["score"], row["context_cosine"], row["sentence_cosine"], row["shared_words"], row.get("stance_disagree"))


def same_unit(a: dict, b: dict) -> bool:
    """One unit, or money of one currency or family: "JOD" and "dinar" (a dinar whose country
    the text left open) may be one amount, "JOD" and "KWD" never."""
    unit_a, unit_b = a.get("unit") or "count", b.get("unit") or "count"
    if unit_a == unit_b:
        return True
    table = currencies()
    return table.is_money(unit_a) and table.is_money(unit_b) and table.comparable(unit_a, unit_b)


def units_compatible(a: dict, b: dict) -> bool:
    """Same kind of claim, same unit (money: one code or family), and for counts the same
    counted noun when both have one."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "date":
        return True
    if not same_unit(a, b):
        return False
    if (a.get("unit") or "count") == "count":
        lex = lexicon()
        class_a = lex.count_class(a.get("noun"), (a.get("predicate_words") or "").split())
        class_b = lex.count_class(b.get("noun"), (b.get("predicate_words") or "").split())
        if class_a and class_b:
            return class_a == class_b  # "35 missing" is not "29 people confirmed dead"
    if (a.get("unit") or "count") == "count" and a.get("noun") and b.get("noun"):
        known = lexicon().compatible(a["noun"], b["noun"])
        if known is not None:
            return known  # "staff" and "employees" yes, "dead" and "injured" never
        if a.get("lang") == b.get("lang"):
            # Nouns in two languages cannot share a stem; the embeddings compare those.
            return bool(set(content_keys(a["noun"])) & set(content_keys(b["noun"])))
    return True


def names_meet(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two lists of names share a name, or a name whose words all belong to a name
    of the other list ("Veradyne" and "Veradyne Semiconductor" are one company; "Department
    of Public Health" and "County Health Department" are not one office), in any script:
    names are compared by how they sound (:mod:`factcheck.claims.name_keys`), so «نوران»
    and "Nouran" are one company and «سالكو» and «ديمار» two."""
    b = list(b)
    return any(same_name(x, y) for x in a for y in b)


def annotate(claims: list[dict]) -> NameAnchors:
    """Give every claim what alignment reads of the corpus around it: the years it refers
    to (:func:`annotate_years`) and the corpus's name anchors (``claim["name_anchors"]``,
    :class:`factcheck.claims.name_keys.NameAnchors` over every claim's actors), which it
    returns."""
    annotate_years(claims)
    anchors = NameAnchors(name for c in claims for name in c.get("actors") or ())
    for c in claims:
        c["name_anchors"] = anchors
    return anchors


def annotate_years(claims: list[dict]) -> None:
    """Give every claim the years it refers to (``claim["years"]``).

    "In 2016 the team earned $275,000" and "Today researchers earn about $1 million" may
    share every word, but a figure for another year is another slot.
    """
    years: dict[str, set[str]] = {}
    dated: dict[tuple[str, str], list[dict]] = {}  # (sentence, date) -> the figures it dates
    for c in claims:
        if c["kind"] == "date" and c.get("date"):
            last = int((c.get("date_end") or c["date"])[:4])
            years.setdefault(c["sentence_id"], set()).update(str(y) for y in range(int(c["date"][:4]), last + 1))
    for c in claims:
        time = (c.get("frame") or {}).get("time")
        # the years the figure's frame refers to ("from $114 million in 2022 to $170 million
        # in 2023": 2022, then 2023), else every year its sentence names
        c["years"] = {t[:4] for t in time} if time else years.get(c["sentence_id"], set())
        if c["kind"] == "quantity" and time and len(time) == 1:
            dated.setdefault((c["sentence_id"], time[0]), []).append(c)
    for c in claims:
        if c["kind"] == "date":
            c["dated_figures"] = dated.get((c["sentence_id"], c.get("date") or ""), [])


def _dated_apart(a: dict, b: dict) -> bool:
    """Whether two dates each date a figure (the time of "$370 million in 2019") and no
    figure of the one agrees with one of the other: two points of a series ("$370 million
    in 2019" and "$550 million in 2020"), not two dates for one thing. The same figure with
    another year ("$151 million in 2021" and "$151 million in 2022") stays comparable. Two
    figures agree when one's value lies in the other's reading: "more than $700 million"
    and "$730 million" do, "about $730 million" and "more than $550 million" (whose readings
    barely touch) do not."""
    fa, fb = a.get("dated_figures"), b.get("dated_figures")
    if not fa or not fb:
        return False
    return not any(same_unit(x, y) and (_within(x, y) or _within(y, x)) for x in fa for y in fb)


def _within(x: dict, y: dict) -> bool:
    """Whether ``y``'s value lies in ``x``'s journalistic reading."""
    value = representative(y)
    reading = journalistic(x)
    return value is not None and reading.low <= value <= reading.high


def parties(claim: dict) -> tuple[str, str]:
    """(who gives or acts, who receives) of a figure: its frame's agent and patient, or,
    for a claim stored before frames, the names bound before and after it."""
    frame = claim.get("frame")
    if frame:
        return frame.get("agent") or "", frame.get("patient") or ""
    return claim.get("subject") or "", claim.get("object") or ""


def _swapped(a: dict, b: dict) -> bool:
    """Whether the figures go opposite ways: "Microsoft invested in OpenAI" and "OpenAI
    invested in Microsoft", or "it invested $45 million in Lumora" and "Lumora in turn invested
    $6 million in Veradyne" (the one's recipient is the other's giver, and not its recipient)."""
    (sa, oa), (sb, ob) = parties(a), parties(b)

    if same_party(a, sa, a, oa) or same_party(b, sb, b, ob):
        return False  # one name on both sides of a figure says nothing about direction
    return bool((same_party(a, oa, b, sb) and ob and not same_party(a, oa, b, ob)) or (same_party(a, sa, b, ob) and sb and not same_party(a, sa, b, sb)))


def _roles_differ(a: dict, b: dict) -> bool:
    """Whether both figures name who gives (or who receives, or whose it is) and the names
    differ: "Ridex has put $395 million into Dimak" and "Ridex has put $160 million into
    Shamar" are two investments. Subjects and objects are names bound to the figure (a few
    words away, :data:`factcheck.claims.context.ROLE_WORDS`); only actors count (places and
    whoever is quoted do not), and only where both claims name one."""
    if a["lang"] != b["lang"]:
        # across languages the names may change places ("Nordvik sold a stake to Murjan",
        # «استحوذ المرجان على حصة في نوردفيك»): two figures bound to two names each are two
        # slots only when the names are not the same two
        pa, pb = parties(a), parties(b)
        if all(pa) and all(pb) and all(n in (a.get("actors") or ()) for n in pa) and all(n in (b.get("actors") or ()) for n in pb):
            return not all(parties_meet(a, [x], b, list(pb)) for x in pa) or not all(parties_meet(b, [y], a, list(pa)) for y in pb)
        return False
    for x, y in zip(parties(a), parties(b)):
        if x and y and x in (a.get("actors") or ()) and y in (b.get("actors") or ()) and not same_party(a, x, b, y):
            return True
    return False


@lru_cache(maxsize=4)
def _own_measures(lex) -> frozenset[str]:
    """The lexicon's ``own_measures`` concepts, as a set (asked per pair)."""
    return frozenset(lex.frame.get("own_measures", ()))


def _two_parties(claim: dict) -> bool:
    """Whether a figure is bound to two actors that are not one party: one gives, the other receives."""
    giver, receiver = parties(claim)
    actors = claim.get("actors") or ()
    return bool(giver and receiver and giver in actors and receiver in actors and not same_party(claim, giver, claim, receiver))


def _own_against_transfer(a: dict, b: dict) -> bool:
    """Whether ``a`` is an amount one party has or earns (its concepts, or its sentence's,
    name an own measure, "revenue", and it is bound to no two parties) and ``b`` an amount
    one named party gives another: "Dinador reported revenue of $350 million" and "Sharix received $99 million
    from Dinador". A word of paying next to the revenue («مقابل»: in exchange for, or
    compared with last year's) does not make it a transfer. The concept list is data (the
    lexicon's ``own_measures``)."""
    fa, fb = a.get("frame") or {}, b.get("frame") or {}
    if fa.get("unit_class") != "money" or fb.get("unit_class") != "money":
        return False
    own = _own_measures(lexicon())
    # the figure's own concepts, or its sentence's: in «إيراداتها ارتفعت إلى 295 مليون دولار
    # مقابل 188 مليون دولار في العام السابق» the 188 is revenue too
    concepts = set(fa.get("concepts") or ()) | sentence_concepts(a)
    if not concepts & own or _two_parties(a):
        return False
    return _two_parties(b)


def rescale(cosine: float, floor: float) -> float:
    """Map a model's cosine onto a common scale: its noise floor to 0, identity to 1."""
    return max(0.0, (cosine - floor) / (1.0 - floor))


def _words(claim: dict, field: str) -> set[str]:
    return set((claim.get(field) or "").split())


def day_of(claim: dict) -> str | None:
    """The month and day ("03-05") of a date claim at day precision, with or without a year
    (not the first day of a range)."""
    if claim.get("precision") not in (None, "day"):
        return None
    date = claim.get("date")
    if date and len(date) == 10:
        return date[5:]
    return None if date else claim.get("month_day")


def date_acts(claim: dict) -> frozenset[str]:
    """The acts of the event lexicon (``data/events.toml``) named by the words around a date
    (its claim's ``context``), in any form, or by one of an act's light verbs ("filed",
    «رفع»): what the date may be the date of. A decision or an announcement of an act counts
    as its own act ("voted on Tuesday to suspend": a vote). The words are those of the
    date's own clause when they name an act: «أوقفت العمل في المحطة يوم …، بعدما أكدت فحوص
    المختبر» dates the stopping, not the lab's confirmation; "confirmed on … in a child who
    had recently returned" the confirmation, not a return."""
    return _acts_in(claim.get("context") or "", event_lexicon().fingerprint)


@lru_cache(maxsize=65536)
def _acts_in(text: str, lexicon: str) -> frozenset[str]:
    """The acts named in the clause of ``text`` that holds the date (its "…"), else in the
    whole of it. (The lexicon's fingerprint keys the cache: another lexicon file reads the
    words again.)"""
    lex = event_lexicon()
    if lex.pattern is None:
        return frozenset()
    clause = _date_clause(text)
    if clause:
        acts = _acts_of(clause, lex)
        if acts:
            return acts
    return _acts_of(text, lex)


# a relative clause after a date tells another act: «تعقد المحكمة … أولى جلسات النظر في
# الدعوى التي رفعها النادي» dates the hearing, not the suit
_RELATIVE_AFTER = re.compile(r"(?:^|(?<=\s))(?:الذي|التي|الذين|اللذين|اللتين|اللواتي|which|who|whom)(?=\s)", re.IGNORECASE)


def _date_clause(text: str) -> str:
    """The clause of a date's context (:func:`date_acts`) that holds the date, up to any
    relative clause after it; "" when the context marks no date."""
    at = text.find("…")
    if at < 0:
        return ""
    lo, hi = clause_of(text, at)
    relative = _RELATIVE_AFTER.search(text, at, hi)
    return text[lo : relative.start() if relative else hi]


# "since 2019", «منذ عام 2019», «منذ تسع سنوات»: when a state began, not when something happened
_SINCE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:[وف]?منذ|since|ever since)\s*$", re.IGNORECASE)
_SINCE_QUOTE = re.compile(r"^(?:[وف]?منذ|since)\s", re.IGNORECASE)


def starts_a_state(claim: dict) -> bool:
    """Whether a date claim says since when a state has held ("sponsor since 2019", «الذي
    يقود المؤسسة منذ تسع سنوات»): the date follows "since" or «منذ» and its clause names no
    act (where it names one, «اعتقل منذ يومين» dates the arrest: two days ago)."""
    return _starts_a_state(claim.get("context") or "", claim.get("quote") or "", event_lexicon().fingerprint)


@lru_cache(maxsize=65536)
def _starts_a_state(text: str, quote: str, lexicon: str) -> bool:
    """:func:`starts_a_state`, cached per event lexicon (its fingerprint), as :func:`_acts_in`."""
    at = text.find("…")
    if at < 0 or not (_SINCE_BEFORE.search(text, 0, at) or _SINCE_QUOTE.match(quote)):
        return False
    return not _acts_of(_date_clause(text), event_lexicon())


# "the federation's suspended secretary-general", "its ousted chief": a participle before a
# noun describes someone; it is not the act a date in its sentence dates
_ATTRIBUTIVE = re.compile(r"(?:^|\s)(?:the|a|an|its|his|her|their|our|\S+['’]s)\s+$", re.IGNORECASE)


def _acts_of(text: str, lex) -> frozenset[str]:
    acts = set()
    for m in lex.pattern.finditer(text):
        found = lex.form_of(m.group("cue"))
        if found is None or not states_act(text, m.group("cue"), m.end("cue"), lex.types[found[0]]):
            continue  # («وقع الحادث»: it happened, no signing)
        if found[1] == "verb" and _ATTRIBUTIVE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if takes_the_article(m, found[1]):
            continue  # «القاضي», the judge
        acts.add(found[0])
    stages = [p for p in lex.stage_patterns.values() if p is not None]
    for name, kind in sorted(lex.types.items()):
        if kind.light_verbs is None:
            continue
        for m in kind.light_verbs.finditer(text):
            if not any(p.fullmatch(m.group("cue")) for p in stages):
                acts.add(name)  # «رُفعت ... دعوى»: a lawsuit filed, whatever follows
                break  # (a word of announcement, "announced his resignation", counts with the act's noun only)
    for stage, pattern in sorted(lex.stage_patterns.items()):
        if stage in ("decision", "announcement") and pattern is not None and pattern.search(text):
            acts.add(stage)
    return frozenset(acts)


def sentence_concepts(claim: dict) -> frozenset[str]:
    """The lexicon's concepts in the claim's whole sentence."""
    return _text_concepts(claim.get("text") or "", lexicon())


@lru_cache(maxsize=65536)
def _text_concepts(text: str, lex) -> frozenset[str]:
    return frozenset(lex.concepts(content_keys(text)))


def _part_predicate_shared(a: dict, b: dict) -> bool:
    """Whether two claims share a predicate word other than what they count."""
    nouns = set(content_keys(a.get("noun") or "")) | set(content_keys(b.get("noun") or ""))
    return bool((_words(a, "predicate_words") & _words(b, "predicate_words")) - nouns)


@dataclass(frozen=True)
class PairReading:
    """What alignment reads of a candidate pair that passed every rule: the features the
    slot model weighs, and the cosines and shared words it records."""

    features: list[float]
    context_cosine: float
    sentence_cosine: float
    shared_words: int


def read_pair(a: dict, b: dict, vectors: Mapping[str, np.ndarray] | None, th: Thresholds, cosines: tuple[float, float] | None = None) -> PairReading | None:
    """The rules two claims of one slot must pass, then their features; None when a rule
    says they are not one slot.

    ``vectors`` maps content hashes (of contexts and of sentences) to unit vectors;
    ``cosines``, when given, are the pair's (:func:`pair_cosines`), computed beforehand
    with those of other pairs, and ``vectors`` is then not read. Each
    rule reads only the two claims, so their order cannot change the answer; they run in
    order of cost per pair refused (most candidate pairs are refused by names, before any
    word or vector is read).
    """
    if a["sentence_id"] == b["sentence_id"]:
        return None  # two figures in one sentence are two different things by construction
    if not units_compatible(a, b):
        return None
    fa, fb = a.get("frame") or {}, b.get("frame") or {}
    if not roles_compatible(fa.get("role", ""), fb.get("role", "")):
        return None  # "300 employees signed" (a part) and "about 700 employees at OpenAI" (the headcount)
    if a["kind"] == "quantity" and a.get("years") and b.get("years") and not a["years"] & b["years"]:
        return None  # figures for different years
    no_act = False  # two dates whose words name no act of the lexicon
    if a["kind"] == "date":
        if not (a.get("date") and b.get("date")) and not (day_of(a) and day_of(b)):
            return None  # an unresolved "Friday" says nothing comparable; "March 5" still does
        if a["source_id"] == b["source_id"]:
            return None  # one source's dates are its timeline: different events, not one slot
        if a.get("dated_event") or b.get("dated_event"):
            return None  # the date of an event claim: that claim is compared (reconcile/events.py)
        if dates_a_statement(a.get("context") or "") or dates_a_statement(b.get("context") or ""):
            return None  # "officials said on Monday": when it was said, not what happened
        if _dated_apart(a, b):
            return None  # the years of two different figures of a series
        acts_a, acts_b = date_acts(a), date_acts(b)
        if (acts_a or acts_b) and not acts_a & acts_b:
            return None  # the dates of two different acts: "cancelled on 16 June", "announced on 17 June"
        no_act = not (acts_a or acts_b)
        if starts_a_state(a) != starts_a_state(b):
            return None  # "the main sponsor since 2019" against "signed on Saturday"
    same_language = a["lang"] == b["lang"]
    if a.get("whole") != b.get("whole"):
        # The words around a whole ("700 of 770 employees signed") say what its part did.
        other = b if a.get("whole") else a
        if other.get("partitive"):
            return None  # "500 of the employees" counts a part, never the whole
        if same_language and _part_predicate_shared(a, b):
            return None  # the other figure counts those who signed: the part, not the whole
    actors_a, actors_b = a.get("actors") or [], b.get("actors") or []
    if actors_a and actors_b and not parties_meet(a, actors_a, b, actors_b):
        return None  # both sentences name who acts, and not the same one (nor one trade)
    if _roles_differ(a, b):
        return None  # "نوران invested in سالكو" and "نوران invested in ديمار"
    if _swapped(a, b):
        return None  # A invested in B vs B invested in A
    if _own_against_transfer(a, b) or _own_against_transfer(b, a):
        return None  # a company's revenue is not what one company paid another
    lex = lexicon()
    words_a, words_b = _words(a, "context_words"), _words(b, "context_words")
    # words in common, or failing that concepts ("bought" and "deal", "killed" and "dead");
    # and whether the sentences, beyond the words around the figures, share a concept
    # ("the death toll ... rose to 12" and "the number of people killed ... has risen to 19")
    near = lex.concepts(words_a) & lex.concepts(words_b)
    shared = max(len(words_a & words_b), _linked(words_a, near, lex), _linked(words_b, near, lex)) if near else len(words_a & words_b)
    sentence_concept = bool((sentence_concepts(a) & sentence_concepts(b)) - near)
    needed = th.min_shared_words
    if a["kind"] == "date" or ((a.get("unit") or "count") == "count" and not (a.get("noun") and b.get("noun"))):
        needed += 1  # many things happen in one year; a bare count needs its words to say more
    if same_language and shared + sentence_concept < needed:
        return None
    ctx, sent = (rescale(x, th.cosine_floor) for x in (cosines or pair_cosines(vectors, a, b)))
    if not same_language and max(ctx, sent) < th.cross_lingual_cosine and not _frames_agree(a, b):
        return None
    pred_a, pred_b = _words(a, "predicate_words"), _words(b, "predicate_words")
    # the words next to a whole ("700 of 770 employees signed") say what its part did, not what it counts
    wholes = bool(a.get("whole") or b.get("whole"))
    concepts_a, concepts_b = lex.concepts(pred_a), lex.concepts(pred_b)
    # "rose 3.2%" vs "fell 4%": predicates the lexicon knows, and knows to differ; in one
    # language, also words next to the figures that share nothing
    known_apart = bool(concepts_a and concepts_b and not concepts_a & concepts_b)
    unlike = bool(same_language and pred_a and pred_b and not pred_a & pred_b and not concepts_a & concepts_b)
    predicates_differ = not wholes and (known_apart or unlike)
    if no_act and (predicates_differ or _only_particles_shared(pred_a, pred_b, concepts_a, concepts_b, same_language)):
        # two days of two happenings the lexicon names no act for, told in words that share
        # nothing but a particle or a person's title: "walked off the job on Tuesday", "called
        # off the strike on Friday"; «جدد الرئيس التنفيذي نفيه مساء الاثنين», «ثبت المجلس
        # فلانة رئيسة تنفيذية يوم الجمعة»
        return None
    features = pair_features(a, b, ctx, sent, shared, sentence_concept, predicates_differ, th.magnitude_ratio)
    return PairReading(features, round(ctx, 4), round(sent, 4), shared)


#: English particles of phrasal verbs: "walked off" and "called off" share no meaning
_PARTICLES = frozenset("off up out down over back away on in".split())


def _only_particles_shared(pred_a: set[str], pred_b: set[str], concepts_a: set[str], concepts_b: set[str], same_language: bool) -> bool:
    """Whether two predicates in one language share words, but only particles and words of
    people's titles (:func:`title_keys`), and no concept."""
    shared = pred_a & pred_b
    return same_language and bool(shared) and shared <= _PARTICLES | title_keys(name_cues().fingerprint) and not concepts_a & concepts_b


@lru_cache(maxsize=4)
def title_keys(cues_fingerprint: str) -> frozenset[str]:
    """The content keys of people's titles names.toml lists, an Arabic title by its first word
    ("chief", "director", «رئيس», «المدير»; not «عام» of «أمين عام», which is also a year):
    words that say who someone is, not what happened."""
    cues = name_cues()
    words = " ".join([*cues.en_titles, *(cue[0] for cue in cues.ar_person_cues)])
    return frozenset(content_keys(words))


def _linked(words: set[str], concepts: set[str], lex) -> int:
    """How many of one side's words carry a concept of ``concepts``, one per word however
    many concepts it carries: "invested" (an investment, a contribution) is one word in common."""
    return min(len(concepts), sum(1 for w in words if lex.concepts((w,)) & concepts))


def _frames_agree(a: dict, b: dict) -> bool:
    """Whether two frames measure one thing in one role of one named party: across
    languages, that says what no shared word can ("300 OpenAI employees signed" and «700 من
    أصل 770 من موظفي OpenAI تعهدوا»), whatever the cosine of two differently built sentences."""
    fa, fb = a.get("frame") or {}, b.get("frame") or {}
    if not (same_role(fa, fb) and fa.get("measured") and fa.get("measured") == fb.get("measured")):
        return False
    return parties_meet(a, a.get("actors") or [], b, b.get("actors") or [])


def pair_cosines(vectors: Mapping[str, np.ndarray] | None, a: dict, b: dict) -> tuple[float, float]:
    """The cosines of two claims' contexts and of their sentences (``vectors``: unit
    vectors by content hash)."""
    if vectors is None:
        raise ValueError("a pair's cosines need the vectors of its texts, or the cosines themselves")
    return (
        cosine(vectors[a["context_hash"]], vectors[b["context_hash"]]),
        cosine(vectors[a["sentence_hash"]], vectors[b["sentence_hash"]]),
    )


def align(a: dict, b: dict, vectors: Mapping[str, np.ndarray] | None, th: Thresholds, cosines: tuple[float, float] | None = None) -> Alignment | None:
    """How surely ``a`` and ``b`` are about one slot: the fitted slot model's probability
    (:mod:`factcheck.reconcile.model`) for a pair that passes every rule of
    :func:`read_pair`; None below ``th.align_score`` or when a rule refuses the pair.
    ``cosines``: as for :func:`read_pair`."""
    if a["kind"] == "event" or b["kind"] == "event":
        from factcheck.reconcile.events import align_events  # events build on this module

        return align_events(a, b, vectors, th, cosines)
    pair = read_pair(a, b, vectors, th, cosines)
    if pair is None:
        return None
    probability = slot_model().probability(pair.features)
    if probability < th.align_score:
        return None
    return Alignment(round(probability, 4), pair.context_cosine, pair.sentence_cosine, pair.shared_words)
