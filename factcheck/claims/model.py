"""The parsed mentions a claim is made of: quantities, dates and events.

Offsets (``char_start``/``char_end``) always index into the text that was parsed:
``text[char_start:char_end] == quote``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


@dataclass
class Quantity:
    """A number as written, read literally (see the interval table in docs/contracts.md).

    >>> # "أكثر من 500 موظف" -> value=500, low=500, high=None, qualifier="more_than",
    >>> #                        unit="count", noun="موظف"
    """

    quote: str
    char_start: int
    char_end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str = "count"  # ISO 4217 code, "percent", a duration unit, or "count"
    noun: str | None = None  # the counted word as written, for unit == "count"
    total: float | None = None  # the whole in "700 of 770"
    total_start: int | None = None  # where that whole is written ("770")
    total_end: int | None = None
    whole: bool = False  # the figure is a whole: "out of 700", or the 770 of "700 of 770"
    partitive: bool = False  # the figure counts a part: "500 of the employees", "700 of 770"
    approximate: bool = False  # "tens of millions": a range that is itself approximate
    hedged: bool = False
    negated: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DateMention:
    """A calendar date as precise as the text gives it (``2023``, ``2023-11``, ``2023-11-17``,
    a week ``2023-W46``), or a range of them; docs/parsing.md#dates says how each form reads.

    >>> # "15-17 November 2023" -> date="2023-11-15", date_end="2023-11-17", precision="range"
    >>> # "mid-November 2023"   -> date="2023-11", precision="part_of_month", part="mid"
    """

    quote: str
    char_start: int
    char_end: int
    date: str | None  # ISO at the text's precision (a range's first); None when unresolved
    precision: str  # "year", "month", "day", "week", "range", "part_of_month"; "weekday" unresolved
    calendar: str = "gregorian"  # or "hijri": written in the Hijri calendar, ``date`` is Gregorian
    resolved_from: str = "text"  # "text", "published" or "unresolved"
    month_day: str | None = None  # "03-05": a day and month whose year nothing gives
    hedged: bool = False
    negated: bool = False
    date_end: str | None = None  # a range's last day, month or year, at ``date``'s precision
    part: str | None = None  # "early", "mid" or "late" for precision "part_of_month"
    hijri: str | None = None  # the Hijri reading: "1445-09-15", "1445-09", "1445", "--09-15"
    readings: list[str] | None = None  # both readings of a numeric date nothing orders, sorted
    event: str = ""  # the action of the event claim of its sentence this date dates ("dismiss"): that claim speaks for it

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class EventMention:
    """One event a sentence asserts (:mod:`factcheck.claims.events`); offsets index into
    the sentence."""

    quote: str  # from the act's word through the name it was done to, as written
    char_start: int
    char_end: int
    action: str  # the event lexicon's name: "dismiss", "resign", ...
    stage: str = ""  # "decision", "announcement" or "" (the act itself)
    agent: str = ""  # canonical name of who acted ("" when the text does not say)
    patient: str = ""  # canonical name of whom it was done to
    identity: tuple[str, ...] = ("patient",)  # the participants that make two reports one event
    form: str = "verb"  # "verb" or "noun": the word that states it
    agent_type: str = ""  # the agent's entity type: "person", "organisation" or "name"; "body" named only by what it is ("the board")
    placed: str = ""  # an undated event's place in its source's story: the last day the text named before it
    hedged: bool = False
    negated: bool = False

    def to_dict(self) -> dict:
        return {
            "quote": self.quote, "char_start": self.char_start, "char_end": self.char_end, "action": self.action,
            "stage": self.stage, "agent": self.agent, "patient": self.patient, "identity": list(self.identity),
            "form": self.form, "agent_type": self.agent_type, "placed": self.placed, "hedged": self.hedged, "negated": self.negated,
        }  # fmt: skip


@dataclass
class Frame:
    """Who did what to whom, what is measured and in what role, when, where, says who
    (:mod:`factcheck.claims.frames`). Names are canonical; "" or [] where the text is silent."""

    agent: str = ""  # who gives, acts or owns the figure: "Microsoft" in "Microsoft invested $10 billion"
    patient: str = ""  # who receives: "OpenAI" in "... in OpenAI", and in "OpenAI received it from Microsoft"
    predicate: str = ""  # the stems of the predicate words next to the figure
    concepts: list[str] = field(default_factory=list)  # their concepts in the lexicon ("invest", "signed")
    unit_class: str = ""  # "count", "money", "percent", "duration", "date" or "other"
    measured: str = ""  # the counted group or noun stem, the currency code, the duration unit
    role: str = ""  # "part", "whole", "total", "rate", "change" or ""
    time: list[str] = field(default_factory=list)  # ISO dates the figure refers to (not when it was said or published)
    place: list[str] = field(default_factory=list)  # places the sentence names
    attribution: list[str] = field(default_factory=list)  # who is quoted, else the attribution words
    sectors: dict[str, str] = field(default_factory=dict)  # the sentence's organisations whose trade is named: "Noran" -> "energy"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Attribution:
    """Who asserts a claim (``party``, a canonical name; "" when unnamed or the source
    itself), how (``quote``, ``says``, ``according_to``, ``document``, ``post``,
    ``anonymous``, or "" for the source's own statement), by which words as written
    (``cue``); :mod:`factcheck.claims.attribution`."""

    party: str = ""
    how: str = ""
    cue: str = ""

    @property
    def endorsed(self) -> bool:
        """Whether the source states the claim as its own."""
        return not self.how


@dataclass
class Claim:
    """One checkable mention inside a sentence of a source."""

    id: str
    source_id: str
    sentence_index: int
    text: str  # the whole sentence
    sentence_start: int
    sentence_end: int
    quote: str
    char_start: int  # offsets into the source's analysed text
    char_end: int
    lang: str
    kind: str  # "quantity", "date" or "event"
    quantity: Quantity | None = None
    date: DateMention | None = None
    event: EventMention | None = None
    context: str = ""  # the words around the mention, the mention itself left out
    context_words: str = ""  # content-word keys of the context, names left out
    predicate_words: str = ""  # content-word keys right next to the mention
    subject: str = ""  # canonical name of the entity just before the mention ("who")
    object: str = ""  # canonical name of the entity just after it ("in whom", "to whom")
    entities: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # the people and organisations among them
    part_of: str = ""  # for the whole of "700 of 770": the id of the claim about the part
    frame: Frame = field(default_factory=Frame)
    attribution: Attribution = field(default_factory=Attribution)

    @property
    def hedged(self) -> bool:
        mention = self.quantity or self.date or self.event
        return bool(mention and mention.hedged)

    @property
    def negated(self) -> bool:
        mention = self.quantity or self.date or self.event
        return bool(mention and mention.negated)
