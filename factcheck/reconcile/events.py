"""Event claims across sources: one event, and how two reports of it disagree.

Two event claims report one event when they state the same action at the same stage (the
act, a decision to act, or its announcement) about the same participants: those the event
lexicon's ``identity`` names (whom someone fired, who resigned), one name in any script
(:func:`factcheck.reconcile.features.parties_meet`); reports of an act on a post ([posts]
of the event lexicon: resigning, an appointment, a dismissal) that name two different posts
("stepped down as chairman of the federation", "resigned as chief executive") report two.
Two reports of one event disagree:

* by polarity: one says it happened, the other that it did not ("Altman returned" /
  "Altman will not return"), the affirmation as a verb: a noun ("the return of Altman")
  names an act inside another statement (a demand, a reason) rather than asserting it,
  while a denied noun asserts that it did not happen («نفى ... استقالته»). A
  ``supersession`` when the denial was published before the act happened (its date, else
  its report's): "will not return", then "returned on 22 November"; a ``conflict``
  otherwise: a denial after the act contradicts it.
* by agent: two different people, or two different organisations, for one act ("Microsoft
  hired Altman" / "Google hired Altman"), or a person holding a public office against an
  organisation or an unnamed body that is no body of the state ("the executive board" /
  "Sports Minister Rafael Ortan"): a ``conflict`` (medium), unless the two reports date it
  on different days: another agent on another day is another event.
* by date: each side's date (the date its sentence gives the event, nearest in its clause;
  only one, else the sentence does not say which) is compared as an interval of days. Two
  days that differ cannot both be right: a ``conflict``, high when more than a week apart;
  a day against the month or year holding it is ``precision`` (low); dates that cannot
  overlap at coarser precision are a ``conflict``.

A decision and the act it decided, or an act and its announcement, are different events
and are never compared (different stages). Hedged reports are judged as figures are: at
most medium, less sure. One source that dates one act on two days more than a week apart
tells two events (:func:`told_apart`). With a pair judgement (``reconcile/stance.py``),
its probability that the two sentences contradict each other weighs what the frames find
and, alone, makes a low conflict (:func:`judge_events`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import numpy as np

from factcheck.claims.calendar_math import day_interval
from factcheck.claims.events import acts_for_the_state, capacity, event_lexicon, posts, tells_another
from factcheck.claims.name_cues import arabic_commonness, zipf
from factcheck.reconcile.features import parties_meet
from factcheck.reconcile.slots import Alignment, pair_cosines, rescale
from factcheck.reconcile.thresholds import Thresholds

WEEK = 7  # dates of one event more than this many days apart: a high-severity conflict
_WEEK_DATE = re.compile(r"^\d{4}-W\d{2}$")


def event_time(claim: dict) -> dict | None:
    """The one date a claim's sentence gives its event, as a date item
    (``date``, ``precision``), or None when it gives none or several."""
    time = (claim.get("frame") or {}).get("time") or []
    if len(time) != 1:
        return None
    iso = time[0]
    if _WEEK_DATE.match(iso):
        return {"date": iso, "precision": "week"}
    precision = {4: "year", 7: "month", 10: "day"}.get(len(iso))
    return {"date": iso, "precision": precision} if precision else None


def participants(claim: dict) -> dict[str, str]:
    frame = claim.get("frame") or {}
    return {"agent": frame.get("agent") or "", "patient": frame.get("patient") or ""}


def identity_of(claim: dict) -> list[str]:
    return list(claim.get("identity") or ["patient"])


SURE, UNSURE = 2, 1  # same_event: the names say one event; or only a translation of them could


def same_event(a: dict, b: dict) -> int:
    """Whether two event claims report one event (module docstring): :data:`SURE` when
    the identity's names meet, :data:`UNSURE` when some of them are only written in two
    scripts in words of their languages (:func:`in_other_words`) and none is told apart,
    0 otherwise."""
    fa, fb = a.get("frame") or {}, b.get("frame") or {}
    if not fa.get("measured") or fa.get("measured") != fb.get("measured"):
        return 0
    if (a.get("stage") or "") != (b.get("stage") or ""):
        return False  # the board's vote to fire is not the firing, nor its announcement
    if another_act(a) != another_act(b):
        return False  # "signed a separate agreement": not the signing the other report tells
    if len({capacity_of(a), capacity_of(b)} - {""}) > 1:
        return False  # an interim appointment and a permanent one: two acts
    kind = event_lexicon().types.get(fa["measured"])
    if kind is not None and kind.posts:
        pa, pb = posts_of(a), posts_of(b)
        if pa and pb and not set(pa) & set(pb):
            return False  # resigned as chairman of the federation, resigned as chief executive: two posts, two acts
    pa, pb = participants(a), participants(b)
    sure = SURE
    for role in sorted(set(identity_of(a)) | set(identity_of(b))):
        if not (pa[role] and pb[role]):
            return 0
        if parties_meet(a, [pa[role]], b, [pb[role]]):
            continue
        if not in_other_words(pa[role], pb[role]):
            return 0
        sure = UNSURE  # "Association of Affected Families", «رابطة الأسر المتضررة»: perhaps one
    return sure


_EN_JOINERS = frozenset("of the and for on in at to a an".split())
_AR_JOINERS = frozenset("في من على عن مع إلى الى و".split())
COMMON_WORD = 3.5  # Zipf frequency from which a word of a name is a word of its language


def in_other_words(x: str, y: str) -> bool:
    """Whether two names may be one party told in two languages: one in Arabic letters,
    the other not, and each made of common words of its language ("Association of Affected
    Families", «رابطة الأسر المتضررة»; "manufacturing licence", «ترخيص التصنيع»), which
    translate where a name's sound would be transliterated. Names such as "Halvern" and
    «هالفيرن» are compared by their sound (:func:`parties_meet`), never this way."""
    if bool(_ARABIC.search(x)) == bool(_ARABIC.search(y)):
        return False
    return _common_words(x) and _common_words(y)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


@lru_cache(maxsize=65536)
def _common_words(name: str) -> bool:
    """Whether every word of ``name`` but its joiners ("of", «في») is common in its language
    (:data:`COMMON_WORD`; an Arabic word with the article, as nouns and adjectives are met)."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in _EN_JOINERS and w not in _AR_JOINERS]
    if not words:
        return False
    if _ARABIC.search(name):
        return all(arabic_commonness(w) >= COMMON_WORD for w in words)
    return all(zipf(w.lower(), "en") >= COMMON_WORD for w in words)


def another_act(claim: dict) -> bool:
    """Whether the report tells another act of its kind than the one others tell ("signed a
    separate agreement": :func:`factcheck.claims.events.tells_another`)."""
    text = claim.get("text")
    if not text:
        return False
    return _tells_another(text, claim["char_end"] - claim["sentence_start"], event_lexicon().fingerprint)


def posts_of(claim: dict) -> tuple[str, ...]:
    """The posts the report's act concerns (:func:`factcheck.claims.events.posts`), read
    from the start of its quote: whom it names may stand after the post's words («أُقيل
    المدير العام لهيئة الميناء عادل فخري»)."""
    text = claim.get("text")
    if not text:
        return ()
    offset = claim["sentence_start"]
    start = claim.get("char_start", claim["char_end"]) - offset
    return _posts(text, start, claim["char_end"] - offset, participants(claim)["agent"], event_lexicon().fingerprint)


@lru_cache(maxsize=65536)
def _posts(sentence: str, start: int, end: int, agent: str, lexicon: str) -> tuple[str, ...]:
    return posts(sentence, end, event_lexicon(), start=start, agent=agent)


def capacity_of(claim: dict) -> str:
    """The capacity the report gives its act ("interim", "permanent" or "":
    :func:`factcheck.claims.events.capacity`)."""
    text = claim.get("text")
    if not text:
        return ""
    return _capacity(text, claim["char_end"] - claim["sentence_start"], event_lexicon().fingerprint)


@lru_cache(maxsize=65536)
def _capacity(sentence: str, end: int, lexicon: str) -> str:
    return capacity(sentence, end, event_lexicon())


@lru_cache(maxsize=65536)
def _tells_another(sentence: str, end: int, lexicon: str) -> bool:
    """:func:`tells_another`, cached per event lexicon (its fingerprint)."""
    return tells_another(sentence, end, event_lexicon())


def align_events(a: dict, b: dict, vectors: Mapping[str, np.ndarray] | None, th: Thresholds, cosines: tuple[float, float] | None = None) -> Alignment | None:
    """The alignment of two event claims that report one event; None otherwise. Frames
    decide; the cosines are recorded and order the pairs (their score stays above
    ``th.align_score``: the frames, not the wording, make two reports one event).
    ``cosines``: as for :func:`factcheck.reconcile.slots.read_pair`."""
    if a["kind"] != "event" or b["kind"] != "event" or a["sentence_id"] == b["sentence_id"]:
        return None
    same = same_event(a, b)
    if not same:
        return None
    ctx, sent = (rescale(x, th.cosine_floor) for x in (cosines or pair_cosines(vectors, a, b)))
    if same == UNSURE and max(ctx, sent) < th.cross_lingual_cosine:
        return None  # names only a translation could make one: the two sentences must say alike
    score = th.align_score + (1.0 - th.align_score) * (0.5 + 0.5 * min(1.0, max(ctx, sent)))
    return Alignment(round(score, 4), round(ctx, 4), round(sent, 4), 0)


def event_reading(claim: dict) -> tuple:
    """What an event claim says, as a key: its polarity and its date."""
    time = event_time(claim)
    return ("event", bool(claim.get("negated")), time["date"] if time else None)


def judge_events(a: dict, b: dict, alignment_score: float, finish, disagree: float | None = None, cut: float = 1.0) -> object | None:
    """The discrepancy between two reports of one event, or None (module docstring).
    ``finish(kind, severity, reason, a, b, score)`` builds the judgement.

    ``disagree`` is the pair judgement's probability that the two sentences contradict each
    other (None when no pair judgement was given). The frames name what disagrees; the
    pair judgement weighs it: a discrepancy the frames find is as sure as the mean of the
    slot score and ``disagree``, and a pair the frames find nothing wrong with is a low
    ``conflict`` when ``disagree`` reaches ``cut`` and both assert the act as a verb (never
    when the frames say the two reports are two events, both deny it, or one only names
    the act)."""
    verdict = _frames_verdict(a, b)
    if verdict is _NOT_COMPARED:
        return None
    if verdict is not None:
        score = alignment_score if disagree is None else (alignment_score + disagree) / 2
        return finish(*verdict, a, b, score)
    if disagree is None or disagree < cut or not (a.get("form") == b.get("form") == "verb"):
        return None  # a noun names an act inside another statement ("why Altman was fired"): the sentence says something else
    reason = f"the pair judgement reads the two reports as contradicting each other ({disagree:.2f}); the frames show no other date, agent or polarity"
    return finish("conflict", "low", reason, a, b, (alignment_score + disagree) / 2)


_NOT_COMPARED = ("not compared",)  # the frames say the two reports cannot disagree: never judged


def _frames_verdict(a: dict, b: dict) -> tuple | None:
    """(kind, severity, reason) of what the frames find wrong between two reports of one
    event, None when they find nothing, :data:`_NOT_COMPARED` when they say the two cannot
    disagree (two events, two denials, an act only named)."""
    if bool(a.get("negated")) != bool(b.get("negated")):
        affirmed, denied = (b, a) if a.get("negated") else (a, b)
        if affirmed.get("form") != "verb":
            return _NOT_COMPARED  # "the return of Altman" names an act it does not assert as a clause does; a denied noun does («نفى استقالته»)
        if _denied_before(denied, affirmed):
            return ("supersession", "medium", "a later report says it happened after an earlier one said it had not or would not")
        return ("conflict", "high" if not (a.get("hedged") or b.get("hedged")) else "medium", "one report says it happened, the other that it did not")
    if a.get("negated"):
        return _NOT_COMPARED  # two denials say nothing about when, nor against each other
    apart = _days_apart(a, b)
    if _other_agent(a, b):
        if apart:
            return _NOT_COMPARED  # another agent on another day: the frames and the dates say two events
        return ("conflict", "medium", "another agent for the same act")
    if apart is None:
        return None
    if apart:
        severity = "high" if apart > WEEK else "medium"
        return ("conflict", severity, f"the two reports date the event {apart} day{'s' if apart != 1 else ''} apart")
    return ("precision", "low", "compatible dates of the event, one more precise than the other")


def told_apart(judged: list[tuple], aligned: list[tuple], cluster_of: dict[str, str]) -> list[tuple]:
    """``judged`` without the date conflicts between reports of an act that happened twice.

    One source that reports one act of the same participants on two days more than a week
    apart tells two events, not a mistake ("fired from the audit committee on 3 June 2025
    ... fired as chief executive on 6 February 2026"): its own two reports are not set
    against each other, nor are two other reports dated like its two. Days closer than a
    week in one source stay a conflict (one of them is wrong). ``judged`` holds (a, b,
    alignment, judgement); ``aligned`` the aligned pairs (a, b, alignment); the dates are
    compared within the cluster the two reports share."""
    told: dict[str, list[tuple]] = {}
    for a, b, _ in aligned:
        days = _affirmed_days(a, b)
        if days and a["source_id"] == b["source_id"] and _gap(*days) > WEEK:
            told.setdefault(cluster_of[a["id"]], []).append(days)
    if not told:
        return judged
    kept = []
    for item in judged:
        a, b = item[0], item[1]
        days = _affirmed_days(a, b)
        pairs = told.get(cluster_of.get(a["id"], ""), []) if days else []
        if any(_meets(days[0], u) and _meets(days[1], v) or _meets(days[0], v) and _meets(days[1], u) for u, v in pairs):
            continue
        kept.append(item)
    return kept


def _affirmed_days(a: dict, b: dict) -> tuple | None:
    """The day intervals of two affirmed event reports that date their act on days that
    cannot overlap; None otherwise."""
    if a["kind"] != "event" or b["kind"] != "event" or a.get("negated") or b.get("negated"):
        return None
    ta, tb = event_time(a), event_time(b)
    ia, ib = (day_interval(ta), day_interval(tb)) if ta and tb else (None, None)
    if ia is None or ib is None or _meets(ia, ib):
        return None
    return ia, ib


def _meets(x: tuple, y: tuple) -> bool:
    return not (x[1] < y[0] or y[1] < x[0])


def _gap(x: tuple, y: tuple) -> int:
    return max(y[0] - x[1], x[0] - y[1]).days


def _denied_before(denied: dict, affirmed: dict) -> bool:
    """Whether the denial was published before the act it denies happened ("will not return",
    then "returned on 22 November"): the act's date, else its report's, is later than the
    denial's publication. A denial after the act contradicts it."""
    said = denied.get("published")
    when = event_time(affirmed)
    happened = when["date"] if when and when["precision"] == "day" else affirmed.get("published")
    return bool(said and happened and happened > said and affirmed["source_id"] != denied["source_id"])


def _days_apart(a: dict, b: dict) -> int | None:
    """How many days apart two reports date their event (0 when one date holds the other,
    as a day its month); None when either gives no date, or both the same."""
    ta, tb = event_time(a), event_time(b)
    if ta is None or tb is None:
        return None
    ia, ib = day_interval(ta), day_interval(tb)
    if ia is None or ib is None or ia == ib:
        return None
    return 0 if _meets(ia, ib) else _gap(ia, ib)


def _other_agent(a: dict, b: dict) -> bool:
    """Whether two reports name two different agents for the act: two people, or two
    organisations ("Microsoft hired Altman" / "Google hired Altman"). A person and an
    organisation may both be right (a board member fires for the board), unless the person
    holds a public office and the organisation is no body of the government that office
    acts for ("Transport Minister Karim Abdel-Nour fired" / «أقال مجلس إدارة شركة «طيران
    الساحل»», or / "the Maritime Safety Authority suspended"; but not / «وزارة النقل»: the
    [agents] ``public_offices`` and ``government_bodies`` of the event lexicon); a name of
    unknown kind is not compared. An agent named only by what it is ("the executive board",
    «الشرطة»: agent type ``body``) is set against a person by the same rule, never against
    another body or an organisation, which it may be."""
    pa, pb = participants(a), participants(b)
    if not (pa["agent"] and pb["agent"]):
        return False
    kinds = (a.get("agent_type") or "", b.get("agent_type") or "")
    lexicon = event_lexicon().fingerprint
    if kinds[0] == kinds[1] == "organisation" and in_other_words(pa["agent"], pb["agent"]):
        # named in two languages: told apart only when one is a ministry or government and
        # the other a body of the state it is not ("the National Medicines Authority" /
        # «وزارة الصحة»); two ministries, or two authorities, may be one
        kind_a, kind_b = (_state_kind(x.get("text") or "", who, lexicon) for x, who in ((a, pa["agent"]), (b, pb["agent"])))
        return {kind_a, kind_b} == {"government", "state"}
    if kinds[0] == kinds[1] and kinds[0] in ("person", "organisation"):
        return not parties_meet(a, [pa["agent"]], b, [pb["agent"]])
    if sorted(kinds) not in (["organisation", "person"], ["body", "person"]):
        return False
    (person, who), (body, which) = sorted(((a, pa["agent"]), (b, pb["agent"])), key=lambda x: x[0].get("agent_type") != "person")
    return bool(_for_the_state(person.get("text") or "", who, "person", lexicon)) and _for_the_state(body.get("text") or "", which, "organisation", lexicon, "government_bodies") is False


def _state_kind(sentence: str, name: str, lexicon: str) -> str:
    """What an organisation is to the state: "government" (a ministry, the government: the
    [agents] ``government_bodies``), "state" (another body of the state: an authority, the
    police, a court), or ""."""
    if _for_the_state(sentence, name, "organisation", lexicon, "government_bodies"):
        return "government"
    return "state" if _for_the_state(sentence, name, "organisation", lexicon) else ""


@lru_cache(maxsize=65536)
def _for_the_state(sentence: str, name: str, kind: str, lexicon: str, bodies: str = "public_bodies") -> bool | None:
    """:func:`factcheck.claims.events.acts_for_the_state`, cached per event lexicon (its fingerprint)."""
    return acts_for_the_state(sentence, name, kind, event_lexicon(), bodies)
