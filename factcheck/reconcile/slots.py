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

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from factcheck.claims.context import content_keys, dates_a_statement
from factcheck.claims.lexicon import lexicon
from factcheck.claims.name_keys import names_meet as same_name
from factcheck.reconcile.intervals import magnitude_ratio
from factcheck.reconcile.thresholds import Thresholds


@dataclass(frozen=True)
class Alignment:
    score: float
    context_cosine: float
    sentence_cosine: float
    shared_words: int


def units_compatible(a: dict, b: dict) -> bool:
    """Same kind of claim, same unit, and for counts the same counted noun when both have one."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "date":
        return True
    if (a.get("unit") or "count") != (b.get("unit") or "count"):
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


def name_overlap(a: list[str], b: list[str]) -> float:
    """Share of the names on both sides that meet a name on the other side."""
    if not a or not b:
        return 0.0
    met = sum(names_meet([x], b) for x in a) + sum(names_meet([y], a) for y in b)
    return met / (len(a) + len(b))


def annotate_years(claims: list[dict]) -> None:
    """Give every claim the years its sentence names (``claim["years"]``).

    "In 2016 the team earned $275,000" and "Today researchers earn about $1 million" may
    share every word, but a figure for another year is another slot.
    """
    years: dict[str, set[str]] = {}
    for c in claims:
        if c["kind"] == "date" and c.get("date"):
            years.setdefault(c["sentence_id"], set()).add(c["date"][:4])
    for c in claims:
        c["years"] = years.get(c["sentence_id"], set())


def _swapped(a: dict, b: dict) -> bool:
    """Whether the figures go opposite ways: "Microsoft invested in OpenAI" and "OpenAI
    invested in Microsoft", or "it invested $45 million in Lumora" and "Lumora in turn invested
    $6 million in Veradyne" (the one's recipient is the other's giver, and not its recipient)."""
    sa, oa, sb, ob = a.get("subject"), a.get("object"), b.get("subject"), b.get("object")

    def meet(x: str | None, y: str | None) -> bool:
        return bool(x and y and names_meet([x], [y]))

    if meet(sa, oa) or meet(sb, ob):
        return False  # one name on both sides of a figure says nothing about direction
    return bool((meet(oa, sb) and ob and not meet(oa, ob)) or (meet(sa, ob) and sb and not meet(sa, sb)))


def _roles_differ(a: dict, b: dict) -> bool:
    """Whether both figures name who gives (or who receives, or whose it is) and the names
    differ: "Ridex has put $395 million into Dimak" and "Ridex has put $160 million into
    Shamar" are two investments. Subjects and objects are names bound to the figure (a few
    words away, :data:`factcheck.claims.context.ROLE_WORDS`); only actors count (places and
    whoever is quoted do not), and only where both claims name one. Compared in one
    language only: a translation moves names around a figure ("Nordvik sold a stake to
    Murjan" against «استحوذ المرجان على حصة في نوردفيك»)."""
    if a["lang"] != b["lang"]:
        return False
    for role in ("subject", "object"):
        x, y = a.get(role), b.get(role)
        if x and y and x in (a.get("actors") or ()) and y in (b.get("actors") or ()) and not names_meet([x], [y]):
            return True
    return False


def rescale(cosine: float, floor: float) -> float:
    """Map a model's cosine onto a common scale: its noise floor to 0, identity to 1."""
    return max(0.0, (cosine - floor) / (1.0 - floor))


def _words(claim: dict, field: str) -> set[str]:
    return set((claim.get(field) or "").split())


def day_of(claim: dict) -> str | None:
    """The month and day ("03-05") of a date claim at day precision, with or without a year."""
    date = claim.get("date")
    if date and len(date) == 10:
        return date[5:]
    return None if date else claim.get("month_day")


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


def align(a: dict, b: dict, vectors: dict[str, np.ndarray], th: Thresholds) -> Alignment | None:
    """Score how surely ``a`` and ``b`` are about one slot; None when they are not.

    ``vectors`` maps content hashes (of contexts and of sentences) to unit vectors.
    """
    if a["sentence_id"] == b["sentence_id"]:
        return None  # two figures in one sentence are two different things by construction
    if not units_compatible(a, b):
        return None
    if _swapped(a, b):
        return None  # A invested in B vs B invested in A
    if a["kind"] == "quantity" and a.get("years") and b.get("years") and not a["years"] & b["years"]:
        return None  # figures for different years
    if a["kind"] == "date":
        if not (a.get("date") and b.get("date")) and not (day_of(a) and day_of(b)):
            return None  # an unresolved "Friday" says nothing comparable; "March 5" still does
        if a["source_id"] == b["source_id"]:
            return None  # one source's dates are its timeline: different events, not one slot
        if dates_a_statement(a.get("context") or "") or dates_a_statement(b.get("context") or ""):
            return None  # "officials said on Monday": when it was said, not what happened
    lex = lexicon()
    words_a, words_b = _words(a, "context_words"), _words(b, "context_words")
    # words in common, or failing that concepts ("bought" and "deal", "killed" and "dead");
    # one more when the sentences, beyond the words around the figures, share a concept
    # ("the death toll ... rose to 12" and "the number of people killed ... has risen to 19")
    near = lex.concepts(words_a) & lex.concepts(words_b)
    shared = max(len(words_a & words_b), len(near))
    if (sentence_concepts(a) & sentence_concepts(b)) - near:
        shared += 1
    needed = th.min_shared_words
    if a["kind"] == "date" or ((a.get("unit") or "count") == "count" and not (a.get("noun") and b.get("noun"))):
        needed += 1  # many things happen in one year; a bare count needs its words to say more
    same_language = a["lang"] == b["lang"]
    if same_language and shared < needed:
        return None
    ctx = rescale(float(vectors[a["context_hash"]] @ vectors[b["context_hash"]]), th.cosine_floor)
    sent = rescale(float(vectors[a["sentence_hash"]] @ vectors[b["sentence_hash"]]), th.cosine_floor)
    if not same_language and max(ctx, sent) < th.cross_lingual_cosine:
        return None
    actors_a, actors_b = a.get("actors") or [], b.get("actors") or []
    if actors_a and actors_b and not names_meet(actors_a, actors_b):
        return None  # both sentences name who acts, and not the same one
    if _roles_differ(a, b):
        return None  # "نوران invested in سالكو" and "نوران invested in ديمار"
    pred_a, pred_b = _words(a, "predicate_words"), _words(b, "predicate_words")
    concepts_a, concepts_b = lex.concepts(pred_a), lex.concepts(pred_b)
    # "rose 3.2%" vs "fell 4%": predicates the lexicon knows, and knows to differ
    predicates_differ = bool(concepts_a and concepts_b and not concepts_a & concepts_b)
    if same_language:
        lexical = 0.12 * min(shared, 3)
        predicates_differ = predicates_differ or bool(pred_a and pred_b and not pred_a & pred_b and not concepts_a & concepts_b)
    else:
        # No word is shared across scripts: the lexicon's concepts stand in for words (shared
        # counts them above); when it knows neither side's words, a small bonus stands in.
        lexical = 0.12 * min(shared, 3) if shared else th.cross_lingual_bonus
    score = 0.5 * ctx + 0.5 * sent + lexical + 0.1 * name_overlap(a.get("entities") or [], b.get("entities") or [])
    if a.get("whole") or b.get("whole"):
        # The words around a whole ("700 of 770 employees signed") say what its part did.
        if a.get("whole") != b.get("whole"):
            other = b if a.get("whole") else a
            if other.get("partitive"):
                return None  # "500 of the employees" counts a part, never the whole
            if same_language and _part_predicate_shared(a, b):
                return None  # the other figure counts those who signed: the part, not the whole
    elif predicates_differ:
        score -= th.predicate_penalty  # "invested ..." vs "valued at ...": another slot
    if a["kind"] == "quantity" and magnitude_ratio(a, b) > th.magnitude_ratio:
        score -= th.magnitude_penalty
    if score < th.align_score:
        return None
    return Alignment(round(score, 4), round(ctx, 4), round(sent, 4), shared)
