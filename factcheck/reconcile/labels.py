"""A cluster's label: the question its figures answer, in English, from its claims' frames.

"How many OpenAI staff signed?", "How much did Nouran invest in Salco?", "How many staff
does OpenAI have?". The questions a concept asks are data (the ``ask`` lists of
``factcheck/data/lexicon.toml``); the first whose placeholders the cluster fills wins.
Where no concept asks, the label falls back on the figure's class and role ("How many
staff are there?", "By how much did revenue rise?", "What is the budget of Acme?").

A value fills a placeholder only when at least half the members agree on it, so a label
never names a company that only one member mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from factcheck.claims.events import event_lexicon
from factcheck.claims.lexicon import GENERIC, lexicon
from factcheck.reconcile.tally import most_common, top

_PLACEHOLDER = re.compile(r"{(\w+)}")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z -]*$")
_MOVES = ("rise", "fall")
_NOT_A_TOPIC = {"rise", "fall", "update", "running", "staff", "announced"}


def _agreed(values: Iterable[str], n: int) -> str:
    """The most common non-empty value, when at least half of ``n`` members give it."""
    counts = Counter(v for v in values if v)
    ranked = most_common(counts, 1)
    return ranked[0][0] if ranked and ranked[0][1] * 2 >= n else ""


def _thing(members: list[dict]) -> str:
    """What the members count, in English: a group of the lexicon, or a noun written in Latin letters."""
    lex = lexicon()
    groups = Counter(g for m in members if (g := lex.count_class(m.get("noun"), (m.get("predicate_words") or "").split())) and g != GENERIC)
    if groups:
        return top(groups)
    nouns = Counter(m["noun"].lower() for m in members if m.get("noun") and _LATIN.match(m["noun"]))
    return top(nouns) or ""


def _fill(question: str, values: dict[str, str], unit_class: str) -> str | None:
    tag, sep, rest = question.partition(":")
    if sep and " " not in tag.strip():
        if tag.strip() != unit_class:
            return None
        question = rest.strip()
    elif _asks(question) != ("date" if unit_class == "date" else "count" if unit_class == "count" else "amount"):
        return None  # an untagged question asks "when" of dates, "how many" of counts, "how much" of the rest
    names = _PLACEHOLDER.findall(question)
    if not all(values.get(name) for name in names):
        return None
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], question)


def _asks(question: str) -> str:
    if question.startswith("When"):
        return "date"
    return "count" if question.startswith("How many") else "amount"


def cluster_label(members: list[dict]) -> str:
    """The question the members' figures answer (module docstring); "" without frames."""
    frames = [m.get("frame") or {} for m in members]
    if not any(frames):
        return ""
    n = len(members)
    lex = lexicon()
    unit_class = top(Counter(f.get("unit_class") or "" for f in frames), "")
    role = top(Counter(f.get("role") or "" for f in frames), "")
    agent = _agreed((f.get("agent") or "" for f in frames), n)
    patient = _agreed((f.get("patient") or "" for f in frames), n)
    name = agent or patient  # names bound to the figures; a name the sentence only mentions may be anyone's
    values = {
        "agent": agent,
        "patient": patient,
        "name": name,
        "thing": _thing(members) if unit_class == "count" else "",
        "place": _agreed((p for f in frames for p in sorted(set(f.get("place") or []))), n),
    }
    # the concepts a third of the members name; for a part, any member's act (what those
    # counted did is the question: "signed" may be said once, in the one English source)
    share = 1 if role == "part" else 3
    concepts = [c for c, k in most_common(Counter(c for f in frames for c in sorted(set(f.get("concepts") or [])))) if k * share >= n or (role == "part" and k)]
    topic = next((c.replace("_", " ") for c in concepts if c not in _NOT_A_TOPIC and c not in lex.links and c != values["thing"]), "")
    if role == "change":
        moved = next((c for c in concepts if c in _MOVES), "rise")
        what = topic or values["thing"] or "it"
        return f"By how much did {what} {moved}?"
    if role == "whole" and unit_class == "count":
        return _first(
            ["How many {thing} does {name} have?", "How many {thing} are there in {place}?", "How many {thing} are there?", "How many are there?"],
            values,
            unit_class,
        )
    if unit_class == "event":
        return _event_label(frames, values)
    asked = [q for c in concepts for q in lex.asks.get(c, ())]
    generic = _GENERIC.get(unit_class, ["What is the figure?"])
    if role == "total":
        generic = ["How many {thing} in all?", "What is the total of {topic}?", "What is the total?"] + generic
    if role == "rate":
        generic = ["What is the rate of {topic}?", "What is the rate?"]
    return _first(asked + generic, values | {"topic": topic}, unit_class)


def _event_label(frames: list[dict], values: dict[str, str]) -> str:
    """The question a cluster of event reports answers: its action's ``ask`` in the event
    lexicon, its names filled in; else "When did it happen?"."""
    action = top(Counter(f.get("measured") or "" for f in frames), "")
    kind = event_lexicon().types.get(action)
    if kind and kind.ask:
        try:
            filled = kind.ask.format(**values)
        except (KeyError, IndexError, ValueError):
            filled = ""
        if filled and "{}" not in filled and not any(f"{{{k}}}" in kind.ask and not values.get(k) for k in ("agent", "patient")):
            return filled
    who = values["patient"] or values["agent"]
    return f"When did the {action} of {who} happen?" if who else "When did it happen?"


def _first(questions: list[str], values: dict[str, str], unit_class: str) -> str:
    for question in questions:
        filled = _fill(question, values, unit_class)
        if filled is not None:
            return filled
    return ""


_GENERIC = {
    "count": ["How many {thing} at {name}?", "How many {thing}?", "How many at {name}?", "How many?"],
    "money": ["What is the {topic} of {name}?", "What is the {topic}?", "How much money for {name}?", "How much money?"],
    "percent": ["What percentage is the {topic} of {name}?", "What percentage is the {topic}?", "What percentage for {name}?", "What percentage?"],
    "duration": ["How long for {name}?", "How long?"],
    "date": ["date: When is the {topic} of {name}?", "date: When is the {topic}?", "date: What date is given for {name}?", "date: What date is given?"],
    "other": ["What is the {topic}?", "What is the figure?"],
}
