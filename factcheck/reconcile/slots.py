"""Whether two claims speak of the same slot: the same thing counted, paid or dated.

Sentence embeddings find claims on the same topic but barely see numbers or predicates, so
alignment combines them with cheaper, sharper signals: the unit (and the counted noun),
the content words around each mention (light-stemmed, Arabic clitics removed), entity
overlap and orders of magnitude. Each signal is general; thresholds live in
``reconcile/thresholds.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from factcheck.reconcile.intervals import magnitude_ratio
from factcheck.reconcile.thresholds import Thresholds
from factcheck.text.normalize import normalize_for_match, strip_clitics

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_KEY_LEN = 5  # stems sharing their first five letters are one word (استثمر/استثماراتهم)

# Function words and the vocabulary of numbers themselves (scale, currency, qualifiers):
# sharing them says nothing about the slot.
STOPWORDS = frozenset(
    normalize_for_match(w)
    for w in """
    في من إلى الى على عن أن إن ان كان كانت يكون التي الذي الذين اللذين هذا هذه ذلك تلك هناك هنا مع بعد قبل
    حيث كما لقد قد لم لن لا ما ماذا و او أو ثم بين عند حتى إذا اذا لو كل أي اي غير هو هي هم هما نحن انا أنا
    نحو حوالي قرابة أكثر اكثر أقل اقل يزيد تبلغ يبلغ بلغ قدره قدرها بقيمة قيمة مبلغ مليون ملايين مليونين مليار مليارات
    ألف آلاف الف الاف تريليون دولار دولارات الدولارات أمريكي امريكي يورو جنيه ريال درهم بالمائة بالمئة المائة المئة
    أصل اصل عام سنة منذ خلال أيضا ايضا فقط الآن الان وقد فقد لكن ولكن بل إلا الا عدد نسبة
    the a an of to in on at for and or but is are was were be been being by with from that this these those
    as it its than more less about over under around nearly almost some up into out his her their they he she
    we you i has have had will would could should may might can not no also just only now then there here
    million millions billion billions thousand thousands trillion dollar dollars usd percent per cent total
    """.split()
)
_SUFFIXES = ("اتهم", "اتها", "ات", "ون", "ين", "هما", "هم", "ها", "كم", "نا", "ه", "ي", "ا", "ت")
_EN_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=65536)
def word_key(token: str) -> str:
    """A light stem: clitics and common suffixes off, cut to five letters."""
    token = strip_clitics(normalize_for_match(token))
    if token.isascii():
        for suffix in _EN_SUFFIXES:
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                token = token[: -len(suffix)]
                break
    else:
        for _ in range(2):
            for suffix in _SUFFIXES:
                if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                    token = token[: -len(suffix)]
                    break
    return token[:_KEY_LEN]


def slot_words(text: str) -> frozenset[str]:
    """The content-word keys of a mention's context."""
    keys = set()
    for token in _TOKEN.findall(text):
        norm = normalize_for_match(token)
        if len(norm) < 2 or norm in STOPWORDS or strip_clitics(norm) in STOPWORDS:
            continue
        keys.add(word_key(token))
    return frozenset(keys)


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
    if (a.get("unit") or "count") == "count" and a.get("noun") and b.get("noun"):
        return bool(slot_words(a["noun"]) & slot_words(b["noun"]))
    return True


def align(a: dict, b: dict, vectors: dict[str, np.ndarray], th: Thresholds) -> Alignment | None:
    """Score how surely ``a`` and ``b`` are about one slot; None when they are not.

    ``vectors`` maps content hashes (of contexts and of sentences) to unit vectors.
    """
    if a["sentence_id"] == b["sentence_id"]:
        return None  # two figures in one sentence are two different things by construction
    if not units_compatible(a, b):
        return None
    ctx = float(vectors[a["context_hash"]] @ vectors[b["context_hash"]])
    sent = float(vectors[a["sentence_hash"]] @ vectors[b["sentence_hash"]])
    shared = len(slot_words(a["context"]) & slot_words(b["context"]))
    if a["kind"] == "quantity" and (a.get("unit") or "count") == "count" and not (a.get("noun") and b.get("noun")):
        needed = th.min_shared_words + 1  # without a counted noun, the words must say more
    elif a["kind"] == "date":
        needed = th.min_shared_words + 1  # many things happen in one year
    else:
        needed = th.min_shared_words
    same_language = a["lang"] == b["lang"]
    if same_language and shared < needed:
        return None
    if not same_language and max(ctx, sent) < th.cross_lingual_cosine:
        return None
    ents_a, ents_b = set(a.get("entities") or []), set(b.get("entities") or [])
    entity_overlap = len(ents_a & ents_b) / len(ents_a | ents_b) if ents_a and ents_b else 0.0
    score = 0.5 * ctx + 0.5 * sent + 0.12 * min(shared, 3) + 0.1 * entity_overlap
    if a["kind"] == "quantity" and magnitude_ratio(a, b) > th.magnitude_ratio:
        score -= th.magnitude_penalty
    if score < th.align_score:
        return None
    return Alignment(round(score, 4), round(ctx, 4), round(sent, 4), shared)
