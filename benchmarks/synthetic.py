"""A full run on a synthetic bilingual corpus with planted contradictions, scored against the truth.

Generates short Arabic and English news items about fictional companies (about one company
per 15 sources), ingests and reconciles them all (the full run), scores the report against
what the generator planted, then adds one source that contradicts the corpus and times
`check` on it. Prints figures; asserts nothing. Deterministic: the same seed and model give
the same corpus and the same figures, timings aside.

The corpus holds the cases that defeat slot identity built from surface cues:

- company names generated from a table of syllables, each written in Latin script in English
  items and in Arabic script in Arabic items ("Noran Energy" and «نوران للطاقة», "Salco"
  and «سالكو»), with and without «شركة», "Group" or "Holdings", behind Arabic clitics
  (لشركة، وسالكو) and at the start of English sentences; companies that share a name but
  not a trade ("Noran Energy", "Noran Foods"), and different people with one name;
- two-party sentences: A invested X in B, B invested in A, A invested Y in C;
- part and whole: employees who signed a letter against the whole staff, in one sentence too;
- one measure in two years (revenue in 2021 and in 2022);
- translated copies: an item that translates another one into the other language, stating
  the same figures (half of them say so in their metadata);
- each slot's true value repeated in varied wording and precision ("more than 500" for 530),
  and about 5% of figures planted wrong: the contradictions to find.

The generator records, for every figure it writes, its character offsets, the slot it
states, its value and whether it is planted wrong. A discrepancy's claims are mapped back to
those figures by source id and offsets (a claim whose quote starts in, or else overlaps, a
figure's span states that figure); a flag is right when both figures state one slot and at least one of them is
planted wrong. A planted contradiction (a wrong figure, and its translated copies) counts as
found when a flag pairs it with a figure of its own slot.

    python benchmarks/synthetic.py [--sources 2000] [--model M] [--seed 7] [--keep DIR] [--dated] [--no-check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import re
import resource
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

SOURCES_PER_COMPANY = 15
WRONG_SHARE = 0.05  # of the figures an original item writes
TRANSLATED_SHARE = 0.06  # of the items: a translation of an earlier one
SIBLING_SHARE = 0.12  # of the companies: the base name of an earlier one, another trade
NEW_SOURCE_ID = "99999_new"

# -- names -------------------------------------------------------------------------------------
# A deterministic transliteration table: a name is two or three syllables, each with one
# Latin and one Arabic spelling. First syllables never start with a letter Arabic attaches as
# a clitic (و ف ب ل ك), so «وسالكو» can only be و + سالكو.
FIRST = [
    ("No", "نو"), ("Sal", "سال"), ("Di", "دي"), ("Ta", "تا"), ("Ra", "را"), ("Mi", "مي"), ("Ze", "زي"),
    ("Ha", "ها"), ("Ju", "جو"), ("Qa", "قا"), ("Na", "نا"), ("Sho", "شو"), ("Ti", "تي"), ("Ro", "رو"),
    ("Da", "دا"), ("Ne", "ني"), ("Su", "سو"), ("Za", "زا"), ("Gha", "غا"), ("Tu", "تو"), ("Ya", "يا"),
    ("Ma", "ما"), ("Ri", "ري"), ("Ja", "جا"), ("Sha", "شا"), ("Kha", "خا"), ("Dar", "دار"), ("Tar", "تار"),
    ("Mur", "مور"), ("Nis", "نيس"),
]  # fmt: skip
MIDDLE = [
    ("la", "لا"), ("ri", "ري"), ("me", "مي"), ("ta", "تا"), ("na", "نا"), ("ro", "رو"), ("so", "سو"),
    ("ba", "با"), ("du", "دو"), ("ki", "كي"),
]  # fmt: skip
LAST = [
    ("ran", "ران"), ("co", "كو"), ("mar", "مار"), ("tek", "تك"), ("lix", "ليكس"), ("vo", "فو"), ("dex", "دكس"),
    ("nor", "نور"), ("vel", "فيل"), ("tra", "ترا"), ("bel", "بيل"), ("kor", "كور"), ("mis", "ميس"),
    ("lan", "لان"), ("dal", "دال"), ("rix", "ريكس"), ("ton", "تون"), ("zan", "زان"), ("via", "فيا"),
    ("mak", "ماك"), ("nex", "نكس"), ("pol", "بول"), ("sar", "سار"), ("tal", "تال"), ("ris", "ريس"),
    ("dor", "دور"), ("gen", "جين"), ("fa", "فا"),
]  # fmt: skip
SECTORS = [
    ("Energy", "للطاقة"), ("Foods", "للأغذية"), ("Steel", "للصلب"), ("Telecom", "للاتصالات"),
    ("Logistics", "للخدمات اللوجستية"), ("Pharma", "للأدوية"), ("Cement", "للإسمنت"), ("Textiles", "للنسيج"),
    ("Shipping", "للملاحة"), ("Contracting", "للمقاولات"),
]  # fmt: skip
LEGAL = (None, "Group", "Holdings")
GIVEN = [
    ("Karim", "كريم", "m"), ("Rami", "رامي", "m"), ("Lina", "لينا", "f"), ("Omar", "عمر", "m"), ("Sami", "سامي", "m"),
    ("Nadia", "نادية", "f"), ("Huda", "هدى", "f"), ("Tariq", "طارق", "m"), ("Yusuf", "يوسف", "m"),
    ("Layla", "ليلى", "f"), ("Ziad", "زياد", "m"), ("Mona", "منى", "f"), ("Faris", "فارس", "m"), ("Rana", "رنا", "f"),
    ("Hani", "هاني", "m"), ("Dina", "دينا", "f"), ("Karima", "كريمة", "f"), ("Samia", "سامية", "f"),
]  # fmt: skip
FAMILY = [
    ("Haddad", "حداد"), ("Nasser", "ناصر"), ("Khoury", "خوري"), ("Saleh", "صالح"), ("Mansour", "منصور"),
    ("Darwish", "درويش"), ("Farah", "فرح"), ("Qasim", "قاسم"), ("Hamdan", "حمدان"), ("Rahal", "رحال"),
    ("Sabbagh", "صباغ"), ("Bitar", "بيطار"), ("Jaber", "جابر"), ("Awad", "عوض"), ("Hadid", "حديد"),
]  # fmt: skip
OUTLETS = {
    "en": ("Gulf Business Wire", "Levant Markets Daily", "The Harbour Ledger", "Desert Capital Review"),
    "ar": ("الاقتصادي اليوم", "أسواق المشرق", "صحيفة المال والأعمال", "نشرة الخليج الاقتصادية"),
}
MONTHS = [
    ("January", "يناير"), ("February", "فبراير"), ("March", "مارس"), ("April", "أبريل"), ("May", "مايو"),
    ("June", "يونيو"), ("July", "يوليو"), ("August", "أغسطس"), ("September", "سبتمبر"), ("October", "أكتوبر"),
    ("November", "نوفمبر"), ("December", "ديسمبر"),
]  # fmt: skip
INDIC = str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪")


@dataclass(frozen=True)
class Person:
    en: str
    ar: str
    female: bool


@dataclass
class Company:
    """A fictional company, its names in both scripts and its true figures."""

    id: str
    base: tuple[str, str]  # the name without its trade: ("Noran", "نوران")
    sector: tuple[str, str] | None  # ("Energy", "للطاقة")
    legal: str | None  # "Group" or "Holdings", written in some mentions only
    short_ok: bool  # no other company shares the base, so the base alone names it
    people: tuple[Person, Person]  # two shareholders of one family
    facts: dict = field(default_factory=dict)

    @property
    def en(self) -> str:
        return f"{self.base[0]} {self.sector[0]}" if self.sector else self.base[0]

    @property
    def ar(self) -> str:
        return f"{self.base[1]} {self.sector[1]}" if self.sector else self.base[1]

    def mention(self, lang: str, style: float) -> str:
        """One way of writing the name; ``style`` in [0, 1) picks it, the same in both
        languages as far as each allows, so a translation names the company alike."""
        styles = ["plain", "short" if self.short_ok and self.sector else "plain", "legal" if self.legal else "plain"]
        styles += ["company"] if lang == "ar" else ["plain"]
        chosen = styles[int(style * len(styles))]
        if lang == "en":
            return {"plain": self.en, "short": self.base[0], "legal": f"{self.en} {self.legal}", "company": self.en}[chosen]
        if chosen == "legal":
            return f"مجموعة {self.ar}" if self.legal == "Group" else f"{self.ar} القابضة"
        return {"plain": self.ar, "short": self.base[1], "company": f"شركة {self.ar}"}[chosen]


def make_companies(count: int, rng: random.Random) -> list[Company]:
    """``count`` companies with names unique in both scripts; about one in eight takes the
    base name of an earlier company, with a different trade ("Noran Energy", "Noran
    Foods"), so about a fifth of them share their base with another, at any size."""
    companies: list[Company] = []
    names: set[str] = set()  # full names and bare bases, in both scripts
    by_base: dict[str, list[Company]] = {}
    siblings: list[Company] = []  # companies with a trade whose base may be shared once more
    while len(companies) < count:
        # whether the company shares a base is drawn once per company, so the share stays
        # the same at any size (drawn per attempt, it grew as fresh names ran out)
        sibling = bool(siblings) and rng.random() < SIBLING_SHARE
        while True:
            if sibling:
                base = rng.choice(siblings).base
                sector = rng.choice(SECTORS)
            else:
                parts = [rng.choice(FIRST)] + ([rng.choice(MIDDLE)] if rng.random() < 0.3 else []) + [rng.choice(LAST)]
                base = ("".join(p[0] for p in parts).capitalize(), "".join(p[1] for p in parts))
                if base[0] in names or base[1] in names:
                    continue
                sector = rng.choice(SECTORS) if rng.random() < 0.6 else None
            en = f"{base[0]} {sector[0]}" if sector else base[0]
            ar = f"{base[1]} {sector[1]}" if sector else base[1]
            if en not in names and ar not in names:
                break
        family = rng.choice(FAMILY)
        given = rng.sample(GIVEN, 2)
        people = tuple(Person(f"{g[0]} {family[0]}", f"{g[1]} {family[1]}", g[2] == "f") for g in given)
        company = Company(f"C{len(companies) + 1:04d}", base, sector, rng.choice(LEGAL), True, people)  # type: ignore[arg-type]
        companies.append(company)
        names.update((en, ar, *base))
        by_base.setdefault(base[0], []).append(company)
        if sector and len(by_base[base[0]]) == 1:
            siblings.append(company)
        elif len(by_base[base[0]]) == 3:
            siblings = [c for c in siblings if c.base != base]
    for group in by_base.values():
        for company in group:
            company.short_ok = len(group) == 1
    _plant_facts(companies, rng)
    return companies


def _plant_facts(companies: list[Company], rng: random.Random) -> None:
    """Each company's true figures, and who invested how much in whom."""
    for c in companies:
        staff = rng.randint(200, 6000)
        first = rng.randint(20, 600)
        year = rng.randint(2019, 2022)
        second = round(first * rng.choice((rng.uniform(1.2, 1.6), rng.uniform(0.55, 0.8))))
        stakes = rng.sample(range(5, 46), 2)
        while abs(stakes[0] - stakes[1]) < 6:
            stakes = rng.sample(range(5, 46), 2)
        c.facts = {
            "headcount": staff,
            "signers": max(10, round(staff * rng.uniform(0.25, 0.7))),
            "letter_date": (rng.randint(1, 28), rng.randint(1, 12)),
            "revenue": {year: first, year + 1: second},
            "stake": stakes,
            "invests_in": {},  # target id -> millions of dollars
            "invested_by": [],  # investor ids
        }
    if len(companies) < 3:
        return
    for i, c in enumerate(companies):
        for k in rng.sample(range(len(companies) - 1), 2):
            target = companies[k + (k >= i)]  # any company but c
            c.facts["invests_in"][target.id] = rng.randint(5, 400)
            target.facts["invested_by"].append(c.id)
    by_id = {c.id: c for c in companies}
    for c in companies:  # some investments go both ways
        for target_id in sorted(c.facts["invests_in"]):
            target = by_id[target_id]
            if c.id not in target.facts["invests_in"] and rng.random() < 0.3:
                target.facts["invests_in"][c.id] = rng.randint(5, 400)
                c.facts["invested_by"].append(target.id)


# -- slots, figures and the truth --------------------------------------------------------------
class Slot(NamedTuple):
    """What a figure states: a measure of a company (``other``: the target of an investment,
    ``person``: the shareholder of a stake, ``year``: the year of a revenue)."""

    measure: str  # headcount, signers, letter_date, revenue, revenue_year, investment, stake
    company: str
    other: str = ""
    person: str = ""
    year: int = 0


@dataclass(frozen=True, slots=True)  # hundreds of thousands at 50,000 sources
class Figure:
    """A figure as written: where (offsets into the source's text), what it states, and
    whether it is one of the planted contradictions (``planted``: its id, shared with the
    figure's translated copies)."""

    start: int
    end: int
    text: str
    slot: Slot
    value: object
    wrong: bool
    planted: str | None = None


@dataclass
class Item:
    source_id: str
    lang: str
    company: str
    text: str
    figures: list[Figure]
    translation_of: str | None = None
    declared: bool = False  # the translation says so in its metadata
    published: str | None = None
    outlet: str | None = None


@dataclass
class Corpus:
    companies: list[Company]
    items: dict[str, Item]  # by source id, in id order

    @property
    def planted(self) -> list[str]:
        return sorted({f.planted for item in self.items.values() for f in item.figures if f.planted})


# -- what an item says, before it is written in one language ------------------------------------
@dataclass(frozen=True, slots=True)  # hundreds of thousands at 50,000 sources
class Fig:
    """A figure to write: its slot, its true value, the value written and in which form."""

    kind: str  # count, money, percent, day, year
    slot: Slot
    value: object  # what is written (the true value unless wrong)
    form: str  # exact, approx, more
    variant: float  # picks the wording, the same in both languages
    wrong: bool = False
    planted: str | None = None


@dataclass(frozen=True)
class Plan:
    """One sentence: its kind, which template, and the names and figures it fills in."""

    kind: str
    template: float
    fields: tuple  # (name, value) pairs: strings of names, Fig, or (company, style) to mention


def _lower_bound(v: int) -> int | None:
    """A round number a reporter would write "more than" for ``v``: below it and within 15%."""
    digits = len(str(v))
    for step in (5 * 10 ** (digits - 2), 10 ** (digits - 2), 5 * 10 ** (digits - 3)):
        if step >= 1:
            bound = (v - 1) // step * step
            if bound > 0 and v / bound <= 1.15:
                return int(bound)
    return None


def _rounded(v: int) -> int:
    """``v`` to two significant digits when that changes it by at most 5% ("about 4,900" for 4,870)."""
    if v < 100:
        return v
    scale = 10 ** (len(str(v)) - 2)
    r = round(v / scale) * scale
    return r if abs(r - v) <= 0.05 * v else v


def _wrong(kind: str, v, rng: random.Random):
    """A value that no reading of the true one allows."""
    if kind == "day":
        day, month = v
        shifted = day + rng.choice((-1, 1)) * rng.randint(3, 9)
        return (shifted if 1 <= shifted <= 28 else day - (shifted - day), month)
    if kind == "percent":
        return v + rng.randint(8, 15) if v < 20 or rng.random() < 0.5 else v - rng.randint(8, 15)
    return max(1, round(v * rng.choice((0.45, 0.55, 0.65, 1.6, 1.9, 2.3))))


def _figure(kind: str, slot: Slot, true, rng: random.Random, wrong_share: float) -> Fig:
    wrong = kind != "year" and rng.random() < wrong_share
    value = _wrong(kind, true, rng) if wrong else true
    forms = ["exact"] if kind in ("day", "year") else ["exact", "exact", "approx", "approx", "more"]
    if wrong:
        forms = ["exact", "exact", "approx"] if kind not in ("day", "year") else ["exact"]
    form = rng.choice(forms)
    if form == "more" and _lower_bound(value) is None:
        form = "approx"
    return Fig(kind, slot, value, form, rng.random(), wrong)


def _plans(company: Company, by_id: dict[str, Company], rng: random.Random, wrong_share: float) -> list[Plan]:
    """Two to four sentences about ``company``, each stating one or more of its slots."""
    f, cid = company.facts, company.id
    style = rng.random

    def fig(kind, slot, true):
        return _figure(kind, slot, true, rng, wrong_share)

    def headcount():
        return Plan("headcount", rng.random(), (("A", (cid, style())), ("n", fig("count", Slot("headcount", cid), f["headcount"]))))

    def letter(with_staff: bool):
        fields = [("A", (cid, style())), ("s", fig("count", Slot("signers", cid), f["signers"]))]
        if with_staff:  # "700 of the 770 employees": the whole is written as a number, not a bound
            whole = fig("count", Slot("headcount", cid), f["headcount"])
            fields.append(("n", replace(whole, form="exact") if whole.form == "more" else whole))
        fields.append(("d", fig("day", Slot("letter_date", cid), f["letter_date"])))
        return Plan("signers_of_staff" if with_staff else "signers", rng.random(), tuple(fields))

    def revenue(year):
        return Plan("revenue", rng.random(), (
            ("A", (cid, style())), ("r", fig("money", Slot("revenue", cid, year=year), f["revenue"][year])),
            ("y", fig("year", Slot("revenue_year", cid, year=year), year)),
        ))  # fmt: skip

    def revenue_pair():
        y1, y2 = sorted(f["revenue"])
        return Plan("revenue_pair", rng.random(), (
            ("A", (cid, style())),
            ("r1", fig("money", Slot("revenue", cid, year=y1), f["revenue"][y1])),
            ("y1", fig("year", Slot("revenue_year", cid, year=y1), y1)),
            ("r2", fig("money", Slot("revenue", cid, year=y2), f["revenue"][y2])),
            ("y2", fig("year", Slot("revenue_year", cid, year=y2), y2)),
            ("up", "up" if f["revenue"][y2] > f["revenue"][y1] else "down"),
        ))  # fmt: skip

    def investment(agent: Company, target: Company):
        value = agent.facts["invests_in"][target.id]
        return Plan("investment", rng.random(), (
            ("A", (agent.id, style())), ("B", (target.id, style())),
            ("m", fig("money", Slot("investment", agent.id, other=target.id), value)),
        ))  # fmt: skip

    def stake(k: int):
        person = company.people[k]
        return Plan("stake", rng.random(), (
            ("A", (cid, style())), ("P", person),
            ("p", fig("percent", Slot("stake", cid, person=f"{cid}/{k}"), f["stake"][k])),
        ))  # fmt: skip

    pool = [headcount, lambda: letter(False), lambda: letter(True), revenue_pair, lambda: stake(0), lambda: stake(1)]
    pool += [lambda y=y: revenue(y) for y in sorted(f["revenue"])]
    pool += [lambda t=t: investment(company, by_id[t]) for t in sorted(f["invests_in"])]
    pool += [lambda a=a: investment(by_id[a], company) for a in sorted(f["invested_by"])]
    chosen = sorted(rng.sample(range(len(pool)), min(len(pool), rng.randint(2, 4))))
    return [pool[i]() for i in chosen]


# -- writing an item in one language -------------------------------------------------------------
# Parallel lists: a translation writes the same template index in the other language.
TEMPLATES = {
    "title": (
        ("{A} in brief", "{A} في سطور"),
        ("What filings show about {A}", "ماذا تكشف الإفصاحات عن {A}"),
        ("{A}: staff, money and owners", "{A}: الموظفون والمال والملكية"),
    ),
    "headcount": (
        ("{A} employs {n} people.", "توظف {A} {n} شخصاً."),
        ("{A} has a workforce of {n}.", "ول{A} {n} موظف في مختلف فروعها."),
        ("{A} now has {n} employees across its sites.", "و{A} تضم حالياً {n} موظفاً في مواقعها."),
        ("The workforce of {A} stands at {n} people.", "يعمل لدى {A} {n} موظفاً."),
    ),
    "signers": (
        ("{s} employees of {A} signed a letter to the board on {d}.", "وقّع {s} من موظفي {A} على رسالة إلى مجلس الإدارة في {d}."),
        ("A letter to the board of {A} was signed by {s} employees on {d}.", "وقّع {s} موظفاً رسالة إلى مجلس إدارة {A} في {d}."),
    ),
    "signers_of_staff": (
        ("{s} of the {n} employees of {A} signed a letter to the board on {d}.", "وقّع {s} من أصل {n} موظف في {A} على رسالة إلى مجلس الإدارة في {d}."),
        ("Of the {n} people employed by {A}, {s} signed a letter to the board on {d}.", "من بين {n} موظف في {A}، وقّع {s} على رسالة إلى مجلس الإدارة في {d}."),
    ),
    "revenue": (
        ("{A} reported revenue of {r} in {y}.", "أعلنت {A} عن إيرادات بلغت {r} في عام {y}."),
        ("Revenue at {A} reached {r} in {y}.", "بلغت إيرادات {A} {r} في عام {y}."),
    ),
    "revenue_pair": (
        ("Revenue at {A} {went} from {r1} in {y1} to {r2} in {y2}.", "{went} إيرادات {A} من {r1} في عام {y1} إلى {r2} في عام {y2}."),
        ("{A} said its revenue {went} to {r2} in {y2}, from {r1} a year earlier.", "قالت {A} إن إيراداتها {went} إلى {r2} في عام {y2} مقابل {r1} في العام السابق."),
    ),
    "investment": (
        ("{A} invested {m} in {B}.", "استثمرت {A} {m} في {B}."),
        ("{A} has put {m} into {B}, according to a regulatory filing.", "ضخّت {A} {m} في {B}، بحسب إفصاح رسمي."),
        ("{B} received {m} from {A}.", "حصلت {B} على {m} من {A}."),
        ("{A} provided {m} in funding to {B} in exchange for a minority stake.", "قدّمت {A} تمويلاً بقيمة {m} ل{B} مقابل حصة أقلية."),
    ),
    "stake": (
        ("{P} owns {p} of {A}.", "{owns} {P} {p} من أسهم {A}."),
        ("{P}, one of the founders, holds a stake of {p} in {A}.", "{owns} {P}، {founder}، حصة تبلغ {p} في {A}."),
        ("{A} said {P} controls {p} of its shares.", "قالت {A} إن {P} {controls} {p} من أسهمها."),
    ),
}
WORDS = {
    "approx": ({"en": "about", "ar": "نحو"}, {"en": "around", "ar": "حوالي"}, {"en": "some", "ar": "قرابة"}),
    "went": {("en", "up"): "rose", ("en", "down"): "fell", ("ar", "up"): "ارتفعت", ("ar", "down"): "تراجعت"},
}


def _number(v: int, lang: str) -> str:
    return f"{v:,}" if lang == "en" else str(v)


def write_figure(fig: Fig, lang: str, indic: bool = False) -> str:
    """The figure as a reporter in ``lang`` would write it.

    >>> write_figure(Fig("count", Slot("headcount", "C1"), 530, "more", 0.0), "en")
    'more than 500'
    >>> write_figure(Fig("money", Slot("investment", "C1", "C2"), 40, "approx", 0.0), "ar")
    'نحو 40 مليون دولار'
    """
    v = fig.value
    if fig.kind == "year":
        text = str(v)
    elif fig.kind == "day":
        day, month = v
        names = MONTHS[month - 1]
        text = (f"{day} {names[0]}" if fig.variant < 0.5 else f"{names[0]} {day}") if lang == "en" else f"{day} {names[1]}"
    else:
        shown = {"exact": v, "approx": _rounded(v), "more": _lower_bound(v)}[fig.form]
        n = _number(shown, lang)
        if fig.kind == "money":
            n = (f"${n} million" if fig.variant < 0.6 or fig.form != "exact" else f"{n} million dollars") if lang == "en" else f"{n} مليون دولار"
        elif fig.kind == "percent":
            n = (f"{n}%" if fig.variant < 0.6 else f"{n} percent") if lang == "en" else (f"{n}%" if fig.variant < 0.6 else f"{n} في المئة")
        if fig.form == "approx":
            n = f"{WORDS['approx'][int(fig.variant * 3)][lang]} {n}"
        elif fig.form == "more":
            n = f"more than {n}" if lang == "en" else f"أكثر من {n}"
        text = n
    return text.translate(INDIC) if indic and lang == "ar" else text


def write_sentence(plan: Plan, lang: str, companies: dict[str, Company], indic: bool = False) -> tuple[str, list[tuple[int, int, Fig]]]:
    """The sentence and the offsets of each figure in it."""
    options = TEMPLATES[plan.kind]
    template = options[int(plan.template * len(options))][0 if lang == "en" else 1]
    fields = dict(plan.fields)
    person = fields.get("P")
    if person is not None:
        fields["owns"] = "تملك" if person.female else "يملك"
        fields["founder"] = "إحدى المؤسسات" if person.female else "أحد المؤسسين"
        fields["controls"] = "تسيطر على" if person.female else "يسيطر على"
    if "up" in fields:
        fields["went"] = WORDS["went"][(lang, fields["up"])]
    text, spans = "", []
    for i, part in enumerate(re.split(r"\{(\w+)\}", template)):
        value = fields[part] if i % 2 else part
        fig = value if isinstance(value, Fig) else None
        if fig is not None:
            piece = write_figure(fig, lang, indic)
        elif isinstance(value, Person):
            piece = value.en if lang == "en" else value.ar
        elif isinstance(value, tuple):
            piece = companies[value[0]].mention(lang, value[1])
        else:
            piece = value
        if not text and piece:
            piece = piece[0].upper() + piece[1:]
        if fig is not None:
            spans.append((len(text), len(text) + len(piece), fig))
        text += piece
    return text, spans


def write_item(source_id: str, lang: str, company: Company, title: float, plans: list[Plan], companies: dict[str, Company], indic: bool) -> Item:
    """An item's text (a title, then paragraphs of two or three sentences) and its figures."""
    heading, _ = write_sentence(Plan("title", title, (("A", (company.id, 0.0)),)), lang, companies)
    text, figures = heading + "\n\n", []
    for k, plan in enumerate(plans):
        if k:
            text += "\n\n" if k % 3 == 0 else " "
        sentence, spans = write_sentence(plan, lang, companies, indic)
        for start, end, fig in spans:
            figures.append(Figure(len(text) + start, len(text) + end, sentence[start:end], fig.slot, fig.value, fig.wrong, fig.planted))
        text += sentence
    return Item(source_id, lang, company.id, text + "\n", figures)


def _with_planted_ids(plans: list[Plan], source_id: str) -> list[Plan]:
    out, k = [], 0
    for plan in plans:
        fields = []
        for name, value in plan.fields:
            if isinstance(value, Fig):
                if value.wrong:
                    value = Fig(value.kind, value.slot, value.value, value.form, value.variant, True, f"{source_id}#{k}")
                k += 1
            fields.append((name, value))
        out.append(Plan(plan.kind, plan.template, tuple(fields)))
    return out


def generate(sources: int, seed: int = 7, dated: bool = False, wrong_share: float = WRONG_SHARE) -> Corpus:
    """The corpus and its truth: ``sources`` items, deterministic for a given seed.

    With ``dated``, every item carries a publication date in its metadata (translations a
    day or two after their original), the case where a later figure may update an earlier one.
    """
    rng = random.Random(seed)
    companies = make_companies(max(3, round(sources / SOURCES_PER_COMPANY)), rng)
    by_id = {c.id: c for c in companies}
    items: dict[str, Item] = {}
    originals: list[tuple[str, Company, float, list[Plan], str]] = []
    for i in range(sources):
        source_id = f"{i:05d}"
        if originals and rng.random() < TRANSLATED_SHARE:
            original_id, company, title, plans, original_lang = rng.choice(originals)
            lang = "ar" if original_lang == "en" else "en"
            item = write_item(source_id, lang, company, title, plans, by_id, indic=rng.random() < 0.15)
            item.translation_of = original_id
            item.declared = rng.random() < 0.5
            if dated:
                item.published = _later(items[original_id].published, rng.randint(0, 2))
        else:
            company = rng.choice(companies)
            lang = rng.choice(("en", "ar"))
            title = rng.random()
            plans = _with_planted_ids(_plans(company, by_id, rng, wrong_share), source_id)
            item = write_item(source_id, lang, company, title, plans, by_id, indic=rng.random() < 0.15)
            originals.append((source_id, company, title, plans, lang))
            if dated:
                item.published = _later("2024-01-01", rng.randint(0, 360))
        item.outlet = rng.choice(OUTLETS[lang])
        items[source_id] = item
    return Corpus(companies, items)


def _later(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def new_source(corpus: Corpus) -> Item:
    """An English item about the first company whose signers figure is planted wrong (far
    below the truth), beside its true headcount: the source ``check`` is timed on."""
    company = corpus.companies[0]
    f = company.facts
    plans = [
        Plan("signers", 0.0, (
            ("A", (company.id, 0.0)),
            ("s", Fig("count", Slot("signers", company.id), max(1, f["signers"] // 4), "exact", 0.0, True, f"{NEW_SOURCE_ID}#0")),
            ("d", Fig("day", Slot("letter_date", company.id), f["letter_date"], "exact", 0.0)),
        )),
        Plan("headcount", 0.0, (("A", (company.id, 0.0)), ("n", Fig("count", Slot("headcount", company.id), f["headcount"], "exact", 0.0)))),
    ]  # fmt: skip
    item = write_item(NEW_SOURCE_ID, "en", company, 0.0, plans, {c.id: c for c in corpus.companies}, indic=False)
    latest = max((i.published for i in corpus.items.values() if i.published), default=None)
    item.published = _later(latest, 1) if latest else None  # in a dated corpus, the latest report
    return item


def write_corpus(corpus: Corpus, folder: Path) -> None:
    """One ``.txt`` per item, and a ``.meta.toml`` beside it with its outlet, publication
    date and, for translations that say so, ``translation_of``."""
    for item in corpus.items.values():
        write_source(item, folder)


def write_source(item: Item, folder: Path) -> None:
    (folder / f"{item.source_id}.txt").write_text(item.text, encoding="utf-8")
    meta = [f"outlet = {json.dumps(item.outlet, ensure_ascii=False)}"] if item.outlet else []
    if item.published:
        meta.append(f'published = "{item.published}"')
    if item.translation_of and item.declared:
        meta.append(f'translation_of = "{item.translation_of}"')
    if meta:
        (folder / f"{item.source_id}.meta.toml").write_text("\n".join(meta) + "\n", encoding="utf-8")


def truth_records(corpus: Corpus) -> list[dict]:
    """The truth as data (what ``--keep`` writes to truth.json)."""
    return [
        {
            "source_id": item.source_id, "lang": item.lang, "company": item.company,
            "translation_of": item.translation_of, "declared": item.declared,
            "figures": [asdict(f) | {"slot": f.slot._asdict()} for f in item.figures],
        }
        for item in corpus.items.values()
    ]  # fmt: skip


# -- scoring a report against the truth ----------------------------------------------------------
CATEGORIES = (
    ("correct", "one slot, a planted error (right)"),
    ("different companies", "different companies"),
    ("different year", "one measure, different years"),
    ("part vs whole", "part vs whole (signers vs staff)"),
    ("direction", "direction (A in B vs B in A)"),
    ("different people", "different people, one company"),
    ("different measure", "different measures, one company"),
    ("same slot", "one slot, both figures true"),
    ("not planted", "a figure the generator did not write"),
)
STAFF = {"headcount", "signers"}
BINS = 10  # confidence bins of the reliability table


def relation(a: Slot, b: Slot) -> str:
    """How two different slots differ, the first that applies of: the companies, the
    direction of an investment, the person, the year, part against whole, the measure.

    >>> relation(Slot("investment", "C1", "C2"), Slot("investment", "C1", "C3"))
    'different companies'
    >>> relation(Slot("investment", "C1", "C2"), Slot("investment", "C2", "C1"))
    'direction'
    """
    if {a.company, a.other} - {""} != {b.company, b.other} - {""}:
        return "different companies"
    if a.measure == b.measure == "investment":
        return "direction"
    if a.measure == b.measure and a.person != b.person:
        return "different people"
    if a.measure == b.measure and a.year != b.year:
        return "different year"
    if {a.measure, b.measure} == STAFF:
        return "part vs whole"
    return "different measure"


def locate(corpus: Corpus, extra: tuple[Item, ...] = ()) -> dict[str, list[Figure]]:
    found = {sid: item.figures for sid, item in corpus.items.items()}
    found.update({item.source_id: item.figures for item in extra})
    return found


def figure_of(claim: dict, figures: dict[str, list[Figure]]) -> Figure | None:
    """The planted figure a claim states: the one its quote starts in, else the one it
    overlaps most. A quote starts with its value, and may run on over a second figure
    ("700 of the 770": the signers, with the staff as their total)."""
    best, overlap = None, 0
    for f in figures.get(claim["source_id"], ()):
        if f.start <= claim["char_start"] < f.end:
            return f
        shared = min(f.end, claim["char_end"]) - max(f.start, claim["char_start"])
        if shared > overlap:
            best, overlap = f, shared
    return best


def judge_flag(discrepancy: dict, figures: dict[str, list[Figure]]) -> tuple[str, list[Figure]]:
    """The category of one reported discrepancy, and the planted wrong figures it pairs with their slot."""
    a, b = (figure_of(c, figures) for c in discrepancy["claims"])
    if a is None or b is None:
        return "not planted", []
    if a.slot != b.slot:
        return relation(a.slot, b.slot), []
    wrong = [f for f in (a, b) if f.wrong]
    return ("correct" if wrong else "same slot"), wrong


def is_strong(discrepancy: dict) -> bool:
    return discrepancy["kind"] == "conflict" or discrepancy["severity"] == "high"


@dataclass
class Score:
    """Flags by category, for conflict/high flags and for all, and the planted contradictions found."""

    strong: Counter = field(default_factory=Counter)
    every: Counter = field(default_factory=Counter)
    medium: Counter = field(default_factory=Counter)  # flags at medium severity or above
    planted: int = 0
    by_confidence: Counter = field(default_factory=Counter)  # (bin, one slot?) -> flags
    found_strong: set = field(default_factory=set)
    found_any: set = field(default_factory=set)

    @staticmethod
    def _share(counts: Counter, key: str) -> float | None:
        total = sum(counts.values())
        return counts[key] / total if total else None

    @property
    def precision(self) -> float | None:
        return self._share(self.strong, "correct")

    @property
    def precision_all(self) -> float | None:
        return self._share(self.every, "correct")

    @property
    def recall(self) -> float | None:
        return len(self.found_strong) / self.planted if self.planted else None

    @property
    def recall_any(self) -> float | None:
        return len(self.found_any) / self.planted if self.planted else None


def score_report(report: dict, corpus: Corpus, extra: tuple[Item, ...] = ()) -> Score:
    """Score every discrepancy of ``report`` against the planted truth of ``corpus``."""
    figures = locate(corpus, extra)
    score = Score(planted=len(corpus.planted) + sum(1 for item in extra for f in item.figures if f.planted))
    for d in report["discrepancies"]:
        category, wrong = judge_flag(d, figures)
        score.every[category] += 1
        score.by_confidence[(min(int(d.get("confidence", 0.0) * BINS), BINS - 1), category in ("correct", "same slot"))] += 1
        score.found_any.update(f.planted for f in wrong)
        if d["severity"] != "low":
            score.medium[category] += 1
        if is_strong(d):
            score.strong[category] += 1
            score.found_strong.update(f.planted for f in wrong)
    return score


def _pct(share: float | None) -> str:
    return "-" if share is None else f"{share:.1%}"


def score_lines(score: Score) -> list[str]:
    """The scored report as the benchmark prints it."""
    width = max(len(label) for _, label in CATEGORIES) + 4
    medium = sum(score.medium.values())
    lines = [
        f"{'flags against the planted truth':<{width}}{'conflict/high':>16}{'all flags':>16}",
        f"{'  reported':<{width}}{sum(score.strong.values()):>16}{sum(score.every.values()):>16}",
    ]
    for key, label in CATEGORIES:
        cells = [f"{_pct(Score._share(c, key))} ({c[key]})" for c in (score.strong, score.every)]
        lines.append(f"{'  ' + label:<{width}}{cells[0]:>16}{cells[1]:>16}")
    lines += [
        f"planted contradictions: {score.planted}; paired with their slot by a conflict/high flag: "
        f"{len(score.found_strong)} ({_pct(score.recall)}), by any flag: {len(score.found_any)} ({_pct(score.recall_any)})",
        f"flags at medium severity or above: {medium}, {medium / score.planted if score.planted else 0:.1f} per planted contradiction",
        "confidence of the flags against the share that pair two figures of one slot:",
    ]
    for k in range(BINS):
        one, other = score.by_confidence[(k, True)], score.by_confidence[(k, False)]
        share = f"{one / (one + other):.1%}" if one + other else "-"
        lines.append(f"  {k / BINS:.1f}-{(k + 1) / BINS:.1f}: {one + other:5d} flags, {share} of one slot")
    return lines


def corpus_line(corpus: Corpus) -> str:
    items = list(corpus.items.values())
    langs = Counter(item.lang for item in items)
    translated = [item for item in items if item.translation_of]
    wrong = sum(1 for item in items for f in item.figures if f.wrong)
    return (
        f"corpus: {len(items)} sources ({langs['ar']} Arabic, {langs['en']} English; {len(translated)} translate another, "
        f"{sum(1 for item in translated if item.declared)} of them say so), {len(corpus.companies)} companies, "
        f"{sum(len(item.figures) for item in items)} figures, {wrong} planted wrong ({len(corpus.planted)} contradictions)"
    )


# -- the run ---------------------------------------------------------------------------------
def full_run(fc, folder: Path) -> tuple:
    """Ingest ``folder`` and reconcile: (ingest result, reconcile result, ingest seconds,
    reconcile seconds)."""
    start = time.perf_counter()
    ingest = fc.ingest([folder])
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    rec = fc.reconcile()
    return ingest, rec, ingest_s, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=2000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the corpus, its truth (truth.json) and the database here instead of a temporary folder")
    parser.add_argument("--dated", action="store_true", help="give every item a publication date")
    parser.add_argument("--no-check", action="store_true", help="skip `check` of one new source")
    args = parser.parse_args(argv)
    say = functools.partial(print, flush=True)  # a long run shows each figure as it comes
    if args.sources < 1:
        parser.error("--sources must be at least 1")

    from factcheck.workspace import Factcheck

    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    folder = work / "sources"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    corpus = generate(args.sources, seed=args.seed, dated=args.dated)
    write_corpus(corpus, folder)
    if args.keep:
        (work / "truth.json").write_text(json.dumps(truth_records(corpus), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    db = work / "claims.db"
    for stale in (db, work / "claims.db-wal", work / "claims.db-shm"):
        stale.unlink(missing_ok=True)
    shutil.rmtree(work / "claims.db.faiss", ignore_errors=True)

    fc = Factcheck(db_path=db, model=args.model)
    ingest, rec, ingest_s, reconcile_s = full_run(fc, folder)
    report = fc.report()
    full_s = ingest_s + reconcile_s
    say(f"model: {fc.embedder.model_id}")
    say(corpus_line(corpus))
    say(
        f"full run: {args.sources} sources, {ingest.claims} claims, {ingest.embedded} texts embedded; "
        f"ingest {ingest_s:.1f} s + reconcile {reconcile_s:.1f} s = {full_s:.1f} s "
        f"({rec.candidate_pairs} candidate pairs, {rec.clusters} clusters, {rec.discrepancies} discrepancies)"
    )
    for line in score_lines(score_report(report, corpus)):
        say(line)

    if not args.no_check:
        added = new_source(corpus)
        write_source(added, folder)
        checker = Factcheck(db_path=db, model=args.model)  # a new process would start like this
        start = time.perf_counter()
        result = checker.check(folder, fail_on="low")
        check_s = time.perf_counter() - start
        figures = locate(corpus, (added,))
        touching = [d for d in result.new if any(c["source_id"] == added.source_id for c in d["claims"])]
        judged = [(d, *judge_flag(d, figures)) for d in touching]
        right = [d for d, category, _ in judged if category == "correct"]
        caught = [d for d, _, wrong in judged if any(f.planted == f"{NEW_SOURCE_ID}#0" for f in wrong)]
        verdict = ", ".join(sorted({f"{d['kind']} {d['severity']}" for d in caught})) or "not flagged"
        say(
            f"check one new source: {check_s:.1f} s ({result.ingest.embedded} texts embedded, "
            f"{len(result.ingest.unchanged)} sources unchanged; {len(touching)} discrepancies involve the new source, "
            f"{len(right)} of them right; its planted contradiction: {verdict})"
        )
        say(f"ratio: checking one new source takes {check_s / full_s:.1%} of a full run")
    say(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
