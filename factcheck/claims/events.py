"""Event claims: sentences that assert that something happened to a named party.

"The board fired Sam Altman on 17 November", «استقال ألتمان», "Altman will not return":
most of what sources assert and contradict carries no figure. An event is read where a word
of the event lexicon (``factcheck/data/events.toml``, extended by ``FACTCHECK_EVENTS=FILE``)
stands in a sentence with a person or an organisation it can bind:

* the action (``dismiss``, ``resign``, ...) and whether the word is a verb or a noun;
* who acted (``agent``) and to whom (``patient``), from the names next to the word: an
  English verb's subject acts and its object undergoes ("was fired by" turns that round);
  an Arabic verb comes first, so of two names after it the first acts; the name after a
  noun ("the ouster of Altman", «إقالة ألتمان») undergoes, and who acted is read only from
  "by", «من قبل», «على يد»; an intransitive action ("resigned") has only an agent;
* its ``stage``: a ``decision`` to act ("voted to fire"), an ``announcement`` of it
  («أعلنت إقالة»), or the act itself (``""``), from the words just before;
* its ``identity``: the participants that make two reports one event (the lexicon says which).

An event that binds no name is not a claim: "the company fired staff" says nothing another
source can be checked against. Hedging and negation are read as for figures
(:func:`factcheck.claims.modality.mark`): "Altman will not return" is a negated ``return``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.config import check_keys, load_toml, parse_toml, shown, type_name
from factcheck.claims.frames import CLITICS, GAP, phrase_pattern
from factcheck.claims.model import EventMention
from factcheck.claims.modality import DENIAL
from factcheck.claims.name_cues import is_verb, name_cues
from factcheck.claims.numbers import in_written_figure
from factcheck.errors import ConfigError
from factcheck.text.normalize import fuzzy_pattern, normalize_for_match

STAGES = ("decision", "intent", "announcement")
# [agents]: who acts for the state, the bodies of it a public office acts for; bodies: who acts unnamed
_AGENT_LISTS = ("public_offices", "public_bodies", "government_bodies", "bodies")
_STAGE_LISTS = (*STAGES, "intent_after", "another", "interim", "permanent", "orders")  # intent_after: words after the act that make it a plan; another: that make it another act; interim, permanent: its capacity; orders: words of an order that make its purpose the act
ANOTHER_WORDS = 8  # a word of another act stands at most this many words after the act's words
IDENTITIES = ("agent", "patient")
STAGE_WORDS = 3  # a stage word stands at most this many words before the act's word
NAME_WORDS = 4  # a name binds to the act's word at most this many words away
_CLITICS = CLITICS + r"|س|لل"  # and the future «سيعود», «للإقالة»
_VERB_CLITICS = r"[وفل]|س"  # before a verb: never the article («القدم», the foot, is no «قدم»)
_EVENT_KEYS = ("name", "past", "ask", "identity", "transitive", "patient_after", "verbs", "nouns", "passive", "light_verbs", "ambiguous", "objects", "patient_only_after", "posts")
_WORD_LISTS = ("verbs", "nouns", "patient_after", "passive", "light_verbs", "ambiguous", "objects")
REREAD_WORDS = 16  # how far the objects that make a word another action's may follow it
OBJECT_WORDS = 10  # an ambiguous verb states the act when one of its objects follows within this many words
OBJECT_CHARS = 160  # ... or stands before it, within this many words and characters
_WORD = re.compile(r"\S+")
_DAMMA = "\u064f"
# what ends the stretch a name may bind across: a sentence or clause break, a complementizer
_BREAK = re.compile(
    r"[.;:!?؟؛،,–—]|\b(?:that|which|who|after|before|while|when|but|if|unless)\b"
    r"|(?:^|\s)(?:لكن|بعد|قبل|حين|عندما|إذا|اذا|لو|ما\s+لم)(?=\s)",
    re.IGNORECASE,
)
_PASSIVE_EN = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|get|gets)(?:\s+not|n['’]t)?\s+(?:never\s+)?(?:(?:\w+ly|later|then|also|since|again|soon|already)\s+)?$", re.IGNORECASE
)
_BY_EN = re.compile(r"^\s*(?:\w+\s+){0,3}?by\b", re.IGNORECASE)
_BY_AR = re.compile(r"(?:^|\s)(?:من\s+قبل|على\s+يد|بواسطة)(?=\s)")
_OF_EN = re.compile(r"^\s*of\b", re.IGNORECASE)
# right before an act's word: it is named as a purpose, not asserted ("to fire", "to be
# reinstated", «أن يستقيل», «على إقالة»)
# (after «منذ» and «بعد», «أن» opens a clause of time: «منذ أن قدّم استقالته», since he resigned)
_PURPOSE = re.compile(r"(?:\bto(?:\s+be)?|(?:^|\s)(?:بأن|على)|(?<!منذ)(?<!بعد)(?:^|\s)(?:أن|ان))\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?؟؛]")
_MARKS = "«»\"“”"  # quotation marks around a name («شركة «طيران الساحل»»): no word of its own
_PRONOUNS = ("ه", "ها", "هم", "هما")  # pronouns glued to an Arabic noun: «استقالته», «تعيينها»
# object pronouns glued to an Arabic verb: «أوقفته الشرطة» (the police arrested him), «أغلقتها»
# (her, or a feminine thing: an organisation); a plural one stands for more than one party
_OBJECT_PRONOUNS = ("ه", "ها")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_POSSESSIVE = re.compile(r"['’]s?\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")  # right after a name: it owns what follows ("Orvane's chief executive")
_ALIAS_GAP = re.compile(r"\s*(?:[^\s()«»]+\s+){0,2}[(\[]\s*")
# a word between the act's word and a name that makes the name something else than whom it
# was done to: "return to OpenAI", «العودة إلى OpenAI», «الرئيس التنفيذي لشركة OpenAI»
_PREPOSITION = re.compile(
    r"\b(?:to|from|in|into|at|on|for|with|as|about|against|over|under|than)\b"
    r"|(?:^|\s)[وف]?(?:إلى|الى|من|في|على|عن|مع|لدى|حول|ضد|منذ|عبر|لصالح|ل[^\s]{2,}"
    r"|برئاسة|بقيادة|بحضور|بمشاركة|بإشراف|باشراف)(?=\s|$)",  # "chaired by", "led by", "in the presence of"
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventType:
    name: str
    identity: tuple[str, ...]
    transitive: bool
    ask: str = ""  # the question a cluster of its reports answers: "When was {patient} dismissed?"
    past: str = ""  # the action in the past tense: "dismissed"
    patient_after: tuple[str, ...] = ()  # prepositions that introduce whom it was done to: «تعاقدت ... مع فوسبيرغ»
    light_verbs: re.Pattern | None = None  # verbs that state the act with its noun: "filed a lawsuit against", «رفع دعوى ضد»
    ambiguous: frozenset[str] = frozenset()  # verbs that state the act only before one of its objects («وقع»: signed, or happened)
    objects: re.Pattern | None = None  # what such a verb acts on when it states the act («وقع عقداً»: signed a contract)
    patient_only_after: bool = False  # whom it is done to is named only after one of patient_after («وقّعت X عقداً مع Y»)
    posts: bool = False  # the post it concerns tells two acts apart: resigned as chairman, resigned as chief executive


class EventLexicon:
    """The event lexicon compiled once: one pattern over every action's words."""

    def __init__(self, events: list[dict], stages: dict[str, list[str]], agents: dict[str, list[str]] | None = None, posts: dict[str, list[str]] | None = None):
        self.types: dict[str, EventType] = {}
        forms: dict[str, tuple[str, str]] = {}  # normalised word -> (action, form); a verb wins over a noun
        passive: set[str] = set()  # verbs written only in the passive voice («أقيل»)
        for entry in events:
            name = entry["name"]
            self.types[name] = EventType(
                name,
                tuple(entry.get("identity", ["patient"])),
                bool(entry.get("transitive", True)),
                entry.get("ask", ""),
                entry.get("past", ""),
                tuple(entry.get("patient_after", ())),
                phrase_pattern(entry.get("light_verbs", []), _VERB_CLITICS),
                frozenset(normalize_for_match(w) for w in entry.get("ambiguous", [])),
                phrase_pattern(entry.get("objects", []), _CLITICS),
                bool(entry.get("patient_only_after", False)),
                bool(entry.get("posts", False)),
            )
            for form in ("verbs", "nouns", "passive", "ambiguous"):
                for word in entry.get(form, []):
                    key = _form_key(word)
                    if form == "passive":
                        passive.add(key)
                    kind = "noun" if form == "nouns" else "verb"  # (an ambiguous word is a verb)
                    if key not in forms or (kind == "verb" and forms[key][1] == "noun"):
                        forms[key] = (name, kind)
        # an Arabic noun with a pronoun glued to it: «استقالته» (his resignation), «تعيينها»
        suffixed: dict[str, str] = {}
        for key, (name, form) in sorted(forms.items()):
            if form == "noun" and " " not in key and _ARABIC.search(key):
                stem = key[:-1] + "ت" if key[-1] in "ةه" else key  # ة is written ت before a pronoun
                for pronoun in _PRONOUNS:
                    suffixed.setdefault(normalize_for_match(stem + pronoun), name)
        self._suffixed = {k for k in suffixed if k not in forms}
        forms.update({k: (suffixed[k], "noun") for k in sorted(self._suffixed)})
        # an Arabic verb with its object glued to it: «أوقفته» (arrested him), «أقالوه», «ألغاها»
        glued: dict[str, tuple[str, str]] = {}
        for entry in events:
            if not entry.get("transitive", True):
                continue  # nothing is done to anyone: «استقاله» is no form
            for word in entry.get("verbs", []):
                if " " in word or not _ARABIC.search(word):
                    continue
                stem = word[:-1] + "ا" if word.endswith("ى") else word[:-1] if word.endswith("وا") else word
                for pronoun in _OBJECT_PRONOUNS:
                    glued.setdefault(normalize_for_match(stem + pronoun), (entry["name"], pronoun))
        self._glued = {k: v[1] for k, v in sorted(glued.items()) if k not in forms}
        forms.update({k: (glued[k][0], "verb") for k in sorted(self._glued)})
        # «أقالته» (dismissed him) and «إقالته» (his dismissal), «أقاله» (dismissed him) and
        # «إقالة» (dismissal) are one word once the hamza is taken away: the verb's is written
        # above its alif, the noun's below (and the noun ends in ة)
        self._glued_hamza = {k: v for k, v in sorted(glued.items()) if k in self._suffixed or (k in forms and forms[k][1] == "noun")}
        # an Arabic act one does oneself, told in the first person: «لن أستقيل», «سنتنحى»,
        # made from the lexicon's imperfect verbs of the third person (ي → أ, ن)
        first: dict[str, str] = {}
        for entry in events:
            if entry.get("transitive", True):
                continue
            for word in entry.get("verbs", []):
                if " " not in word and word.startswith("ي") and len(word) > 3:
                    for person in ("أ", "ن"):
                        first.setdefault(normalize_for_match(person + word[1:]), entry["name"])
        self._first_person = frozenset(k for k in first if k not in forms)
        forms.update({k: (first[k], "verb") for k in sorted(self._first_person)})
        self._forms = forms
        # a word of one action listed as ambiguous in another reads as the other when one of
        # the other's objects follows it: «أوقفت الشرطة فلاناً» arrested, «أوقفته عن العمل» suspended
        alternatives: dict[str, list[str]] = {}
        for entry in events:
            for word in entry.get("ambiguous", []):
                key = _form_key(word)
                if key in forms and forms[key][0] != entry["name"]:
                    alternatives.setdefault(key, []).append(entry["name"])
        self._alternatives = {k: tuple(v) for k, v in sorted(alternatives.items())}
        # a phrase with a gap ("lawsuit … against") is found by its pattern, as read with its gap
        self._gapped = [(phrase_pattern([k]), v) for k, v in sorted(forms.items()) if GAP in k]
        self._passive = frozenset(passive)
        self.pattern = phrase_pattern(forms, _CLITICS)
        self.stage_patterns = {stage: phrase_pattern(stages.get(stage, []), _CLITICS) for stage in _STAGE_LISTS}
        agents = agents or {}
        #: [agents]: a person's title that is a public office, a name of a body of the state
        self.agent_patterns = {key: phrase_pattern(agents.get(key, []), _CLITICS) for key in _AGENT_LISTS}
        #: [posts]: the words of each post, and the posts each word's key may name
        posts = posts or {}
        named: dict[str, set[str]] = {}
        for post, words in sorted(posts.items()):
            for word in words:
                # «الرئيس التنفيذي» is also found as «ال» + «رئيس التنفيذي»: the pattern reads the
                # article as a clitic, and would otherwise stop at «رئيس»
                bare = word[2:] if word.startswith("ال") and " " in word else word
                for form in dict.fromkeys((word, bare)):
                    named.setdefault(normalize_for_match(form).strip(), set()).add(post)
        self.post_names = {k: tuple(sorted(v)) for k, v in sorted(named.items())}
        self.post_pattern = phrase_pattern(list(self.post_names), _CLITICS)
        state = repr((
            sorted(forms.items()), sorted(passive),
            sorted((t.name, t.identity, t.transitive, t.ask, t.past, t.patient_after, t.light_verbs.pattern if t.light_verbs else "", sorted(t.ambiguous), t.objects.pattern if t.objects else "", t.patient_only_after, t.posts) for t in self.types.values()),
            sorted((k, sorted(v)) for k, v in stages.items()), sorted((k, sorted(v)) for k, v in agents.items()), sorted(self.post_names.items()),
        ))  # fmt: skip
        self.fingerprint = hashlib.sha256(state.encode("utf-8")).hexdigest()[:16]

    def reread(self, word: str, text: str, end: int) -> str | None:
        """The other action ``word`` (ending at ``end`` in ``text``) states, when it is listed
        as ambiguous in another action and one of that action's objects follows it in its
        clause («أوقفت ... عن العمل»); None otherwise."""
        key = normalize_for_match(word)
        if key in self._glued:  # «أوقفته»: the verb «أوقفت» and its object
            key = key[: -len(self._glued[key])]
        for action in self._alternatives.get(key, ()):
            objects = self.types[action].objects
            # past whom it was done to, however long the title («أوقفت الإدارة مديرة السلامة في المحطة X عن العمل»)
            found = objects.search(text, end, _words_forward(text, end, REREAD_WORDS)) if objects is not None else None
            if found is not None and not _SENTENCE_END.search(text, end, found.start()):
                return action
        return None

    def form_of(self, word: str) -> tuple[str, str] | None:
        found = self._forms.get(normalize_for_match(word))
        if found is None and self._gapped:
            found = next((v for pattern, v in self._gapped if pattern.fullmatch(word)), None)
        return found

    def passive(self, word: str) -> bool:
        """Whether the Arabic verb ``word``, as written, is in the passive voice: listed as
        such, or marked so (a damma on the first letter of a past verb, «أُقيلت», «عُيّن»;
        on the third of one that opens with alif, «اعتُقل»)."""
        if normalize_for_match(word) in self._passive:
            return True
        letters = word.lstrip("\u0640")
        if len(letters) > 1 and letters[1] == _DAMMA and letters[0] not in "يتن":
            return True
        return letters[:1] == "ا" and _DAMMA in letters[2:5]

    def glued_object(self, word: str) -> str:
        """The object pronoun glued to ``word`` when it is a verb of the lexicon written with
        one («أوقفته»: "ه"; «أقالته» and «أقاله», their alif's hamza written above, where
        «إقالته» and «إقالة» are nouns), else ""."""
        key = normalize_for_match(word)
        if key in self._glued:
            return self._glued[key]
        found = self._glued_hamza.get(key) if word.lstrip("\u0640")[:1] == "أ" and not word.endswith("ة") else None
        return found[1] if found else ""

    def glued_action(self, word: str) -> str:
        """The action of a verb with its object glued to it (:meth:`glued_object`)."""
        key = normalize_for_match(word)
        return self._forms[key][0] if key in self._glued else self._glued_hamza[key][0]

    def first_person(self, word: str) -> bool:
        """Whether ``word`` is an Arabic verb of the lexicon in the first person («أستقيل»)."""
        return normalize_for_match(word) in self._first_person

    def suffixed(self, word: str) -> bool:
        """Whether ``word`` is a noun of the lexicon with a pronoun glued to it («استقالته»)."""
        return normalize_for_match(word) in self._suffixed

    @classmethod
    def load(cls, extra: Path | None = None) -> EventLexicon:
        shipped = resources.files("factcheck.data").joinpath("events.toml").read_text("utf-8")
        files = [(parse_toml(shipped, "event lexicon factcheck/data/events.toml"), "event lexicon factcheck/data/events.toml")]
        if extra is not None:
            files.append((load_toml(Path(extra), "event lexicon"), f"event lexicon {extra}"))
        events: dict[str, dict] = {}
        stages: dict[str, list[str]] = {}
        agents: dict[str, list[str]] = {}
        posts: dict[str, list[str]] = {}
        for data, where in files:
            check_events(data, where)
            for stage, words in data.get("stages", {}).items():
                stages.setdefault(stage, []).extend(words)
            for key, words in data.get("agents", {}).items():
                agents.setdefault(key, []).extend(words)
            for key, words in data.get("posts", {}).items():
                posts.setdefault(key, []).extend(words)
            for entry in data.get("event", []):
                merged = events.setdefault(entry["name"], {"name": entry["name"]})
                for key in ("past", "ask", "identity", "transitive", "patient_only_after", "posts"):
                    if key in entry:
                        merged[key] = entry[key]
                for form in _WORD_LISTS:
                    merged.setdefault(form, []).extend(entry.get(form, []))
        return cls([events[k] for k in sorted(events)], stages, agents, posts)


def check_events(data: dict, where: str) -> None:
    """Refuse an event lexicon that is not as ``events.toml`` documents: one line naming the
    file and the key."""
    check_keys(data, ("stages", "event", "agents", "posts"), where)
    for table, lists in (("stages", _STAGE_LISTS), ("agents", _AGENT_LISTS)):
        _check_lists(data.get(table, {}), lists, f"{where} [{table}]", where)
    posts = data.get("posts", {})
    if not isinstance(posts, dict):
        raise ConfigError(f"{where}: posts must be a table")
    for key, words in posts.items():
        _check_words(words, f"{where} [posts] {key}")
        if any(GAP in word for word in words):
            raise ConfigError(f"{where} [posts] {key}: a post is named by adjacent words, without '{GAP}'")
    entries = data.get("event", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: event must be an array of tables ([[event]])")
    for i, entry in enumerate(entries, start=1):
        label = f"{where} [[event]] #{i}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{label} must be a table")
        check_keys(entry, _EVENT_KEYS, label)
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise ConfigError(f"{label} needs a name (a string)")
        identity = entry.get("identity", ["patient"])
        if not isinstance(identity, list) or not identity or any(x not in IDENTITIES for x in identity):
            raise ConfigError(f"{label} {entry['name']}: identity must list 'agent', 'patient' or both; got {shown(identity)}")
        for key in ("ask", "past"):
            if key in entry and not isinstance(entry[key], str):
                raise ConfigError(f"{label} {entry['name']}: {key} must be a string")
        for key in ("transitive", "patient_only_after", "posts"):
            if key in entry and not isinstance(entry[key], bool):
                raise ConfigError(f"{label} {entry['name']}: {key} must be true or false")
        for form in _WORD_LISTS:
            if form in entry:
                _check_words(entry[form], f"{label} {entry['name']} {form}")
        if entry.get("ambiguous") and not entry.get("objects"):
            raise ConfigError(f"{label} {entry['name']}: ambiguous verbs need objects (the words that make them state the act)")


def _check_lists(table, lists: tuple[str, ...], label: str, where: str) -> None:
    """A table of word lists ([stages], [agents]): only ``lists``, each a list of words."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: {label.removeprefix(where).strip()} must be a table")
    check_keys(table, lists, label)
    for key, words in table.items():
        _check_words(words, f"{label} {key}")


def _check_words(words, label: str) -> None:
    if not isinstance(words, list):
        raise ConfigError(f"{label} must be a list of words; got {type_name(words)}")
    for word in words:
        if not isinstance(word, str) or not normalize_for_match(word).strip():
            raise ConfigError(f"{label}: {shown(word)} is not a word")
        if GAP in word and not all(normalize_for_match(part).strip() for part in word.split(GAP)):
            raise ConfigError(f"{label}: {shown(word)}: '{GAP}' stands for words between two words of a phrase")


@lru_cache(maxsize=4)
def _load(extra: str | None) -> EventLexicon:
    return EventLexicon.load(Path(extra) if extra else None)


def event_lexicon() -> EventLexicon:
    """The shipped event lexicon, extended by the file ``FACTCHECK_EVENTS`` names, if any."""
    return _load(os.environ.get("FACTCHECK_EVENTS") or None)


def _form_key(word: str) -> str:
    """A listed form's key: its normalised words, and a phrase's gap (:data:`GAP`) kept."""
    return f" {GAP} ".join(normalize_for_match(part).strip() for part in word.split(GAP))


def _names_in_gap(match: re.Match, names: list[tuple[int, int, str, str]]) -> bool:
    """Whether the names that meet a phrase's words stand only between its first and last
    words, in the few words a listed phrase's gap allows («دعوى أمام محكمة أوستريل ضد»):
    a phrase of adjacent words holds no name, so the first or last word meets it."""
    start, end = match.span("cue")
    words = match.group("cue").split()
    if len(words) < 3:
        return False
    first_end, last_start = start + len(words[0]), end - len(words[-1])
    return all(first_end <= s and e <= last_start for s, e, _, _ in names if s < end and start < e)


def takes_the_article(match: re.Match, form: str) -> bool:
    """Whether a verb of the lexicon, found by its pattern (group ``pre``: the clitic), is
    written with the article: then it is no verb («القاضي», the judge, is no «قاضى», sued)."""
    return form == "verb" and (match.group("pre") or "").endswith("ال")


def find_events(
    text: str, names: list[tuple[int, int, str, str]], arabic: bool, lex: EventLexicon | None = None, days: Iterable[tuple[int, int]] = (),
    referent: str = "", speakers: list[tuple[int, int, str, str]] = (),
) -> list[EventMention]:
    """The events ``text`` (one sentence) asserts. ``names`` are the (start, end, canonical,
    type) spans of the people and organisations in it, in order and not overlapping;
    ``speakers`` those of names read only as someone speaking ("Kovar said"), who act only
    as the "he" or "she" of what they said ("Kovar said he would not resign"); ``arabic``
    whether the sentence is Arabic (its verbs come first); ``days`` the spans of the dates
    it gives, which count as no words between an act and its participants («اعتقلت الشرطة
    أول أمس الثلاثاء مدير المحطة يوسف مرّاش»); ``referent`` the person the sentences before
    it last named, whom an Arabic act with no named party stands for («استقال يوم السبت»,
    «إذ أوقفته الشرطة» opening the sentence). Hedging and negation are left to the caller."""
    lex = lex or event_lexicon()
    bodies = lex.agent_patterns.get("bodies")
    if lex.pattern is None or not (
        names or speakers or (arabic and referent) or (_FIRST_PERSON_AR.search(text) if arabic else _FIRST_PERSON_WORD.search(text)) or (bodies and bodies.search(text))
    ):
        return []
    reach = _without_days(text, days)  # the text participants are bound in
    out = []
    for m in lex.pattern.finditer(text):
        start, end = m.span("cue")
        if any(s < end and start < e for s, e, _, _ in names) and not _names_in_gap(m, names):
            continue  # inside a name
        found = lex.form_of(m.group("cue"))
        if found is None:
            continue
        action, form = found
        if takes_the_article(m, form):
            continue  # «القاضي» (the judge) is no «قاضى» (sued)
        kind = lex.types[action]
        if not states_act(reach, m.group("cue"), end, kind):
            continue  # «وقعت الحادثة»: it happened, not a signing
        if _QUESTION_BEFORE.search(text, max(0, start - 60), start):
            continue  # "asked whether he would step down", «سئل عما إذا كان سيستقيل»: a question, no act
        glued = lex.glued_object(m.group("cue"))
        if glued:
            action, form = lex.glued_action(m.group("cue")), "verb"
            kind = lex.types[action]
        other = lex.reread(m.group("cue"), text, end)
        if other:
            action, kind = other, lex.types[other]  # «أوقفته عن العمل»: suspended, not arrested
        if lex.suffixed(m.group("cue")) and not glued:
            # «استقالته»: his resignation; whose, the name before it says («نفى ... المطروك استقالته»)
            owner = _subject_before(reach, start, names) or (_apposed_owner(reach, start, names) if arabic else None)
            subject = owner[2] if owner else ""
            agent, patient, patient_end = (subject, "", -1) if not kind.transitive else ("", subject, -1)
            verb = _light_verb(text, start, kind, names)
        elif glued:
            agent, patient = _glued_participants(reach, start, end, names, kind, glued, referent)
            patient_end, verb = -1, None
        else:
            if not arabic and form == "verb" and _POSSESSIVE.search(text, 0, start):
                form = "noun"  # "Tarmasi's return": a noun, whatever the word
            passive = arabic and form == "verb" and lex.passive(m.group("cue"))
            verb = _light_verb(text, start, kind, names) if form == "noun" else None
            agent, patient, patient_end = _participants(reach, start, end, names, form, kind, arabic, passive, verb, speakers)
        if not (agent or patient) and not arabic and form == "verb" and not kind.transitive and _FIRST_PERSON.search(text, max(0, start - 40), start):
            agent = SPEAKER  # '"I will not return," he said': the quotation's speaker, once known
        if not (agent or patient) and arabic and referent and form == "verb" and not kind.transitive and _dropped_subject(text, start, end):
            agent = referent  # «استقال يوم السبت»: the verb's own subject, the person just named
        if arabic and lex.first_person(m.group("cue")):
            if not _FIRST_PERSON_LEAD.search(text, 0, start):
                continue  # «يسعدني أن أعود»: a wish in a clause of «أن», no statement that it happens
            agent, patient = SPEAKER, ""  # «لن أستقيل»: whoever says it
        body_acted = False
        if not (agent or patient) and form == "verb" and not glued and kind.transitive and kind.identity == ("patient",):
            # «وكانت الشرطة قد أوقفت مدير المصنع», "police detained the plant manager": a body
            # acted on someone no name says
            agent, patient = _body_and_described(reach, start, end, arabic, lex, lex.passive(m.group("cue")) if arabic else False)
            body_acted = bool(agent)
        if not (agent or patient):
            continue
        if agent and not patient and kind.transitive and form == "verb" and not glued and kind.identity == ("patient",):
            # «علّقت هيئة السلامة البحرية ... ترخيص تشغيل الشركة»: what it was done to, unnamed
            patient = _described_object(reach, _past_agent(reach, end, names, agent) if arabic else end, arabic)
        agent_type = next((t for _, _, n, t in names if n == agent), "person" if agent == referent else "") if agent else ""
        if body_acted:
            agent_type = "body"
        elif agent and not agent_type and any(n == agent for _, _, n, _ in speakers):
            agent_type = "person"  # "Kovar said he ...": a "he" is a person
        if patient and not agent and kind.transitive and (form == "verb" or verb is not None):
            at = (verb.start("cue"), verb.end("cue")) if verb is not None and arabic else (start, end)  # «ألقت الشرطة القبض على»
            agent = _body_agent(reach, *at, arabic, lex, glued=bool(glued), passive=arabic and not glued and lex.passive(m.group("cue")))
            agent_type = "body" if agent else ""
        if verb is not None and agent:
            start = verb.start("cue")  # "filed a lawsuit against", «رفع مجلس مدينة حرمزة دعوى»: the act's words start at the verb
            form = "verb"  # a noun with its light verb states the act as a verb does («قدّم ... استقالته»)
        quote_end = max(end, patient_end)
        if patient_end > 0 and text[quote_end : quote_end + 1] in (")", "]"):
            quote_end += 1  # «نزار القطومي (Nizar Qattoumi)»: the bracket closes
        stage = _stage(text, start, lex, m.group("pre") or "") or _stage_after(text, end, lex)
        ordered = _ordered(text, start, lex) if not stage and _named_as_purpose(text, start, m.group("pre") or "") else None
        if ordered is not None:
            start = ordered.start("cue")  # "ordered Samer al-Haddadi ... to be held in custody": the order states the act
        out.append(
            EventMention(
                quote=text[start:quote_end],
                char_start=start,
                char_end=quote_end,
                action=action,
                stage=stage,
                agent=agent,
                patient=patient,
                identity=kind.identity,
                form=form,
                agent_type=agent_type,
            )
        )
    return out


DESCRIBED_WORDS = 3  # at most this many words describe what an act was done to, unnamed
BODY_PATIENT_WORDS = 2  # ... and at least this many when a body acted: "the plant manager", not "the suspect"


def _body_and_described(text: str, start: int, end: int, arabic: bool, lex: EventLexicon, passive: bool) -> tuple[str, str]:
    """(agent, patient) of an act whose sentence names neither: a body that acted
    (:func:`_body_agent`) and the words that say whom or what it acted on
    (:func:`_described_object`), after the verb and, in Arabic, after a body named there
    («اعتقلت الشرطة مدير المصنع»); ("", "") unless both are read, the words at least
    :data:`BODY_PATIENT_WORDS` and no figure."""
    body = _body_agent(text, start, end, arabic, lex, passive=passive)
    if not body:
        return "", ""
    pos = end
    if arabic:
        after = re.match(r"\s*" + fuzzy_pattern(body), text[end:])
        if after is not None:
            pos = end + after.end()
    elif re.search(r"['’]s?\s", _DETERMINER_EN.match(text, pos).group(0)):
        return "", ""  # "dismissed Microsoft's chief executive": whose, a name says, and whom, none
    patient = _described_object(text, pos, arabic)
    words = patient.split()
    if len(words) < BODY_PATIENT_WORDS or in_written_figure(words[0]):
        return "", ""  # "the suspect", "two men": no one another report could be checked against
    return body, patient


_DETERMINER_EN = re.compile(r"\s*(?:(?:the|a|an|its|his|her|their|this|that)\s+|[^\s,]+['’]s\s+)*", re.IGNORECASE)
_DESCRIBED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _past_agent(text: str, end: int, names: list[tuple[int, int, str, str]], agent: str) -> int:
    """Where an Arabic verb's agent named right after it ends (VSO), else the verb's end."""
    after = next((x for x in names if x[0] >= end and x[2] == agent), None)
    return after[1] if after is not None and _bound(text, end, after[0]) else end


def _described_object(text: str, pos: int, arabic: bool) -> str:
    """The words right after ``pos`` that say what an act was done to when no name does
    («ترخيص تشغيل الشركة», "operating licence"): at most :data:`DESCRIBED_WORDS` words
    of one phrase, no function word, preposition, word of time or name's capital, English
    determiners and owners left out; "" when none follows."""
    cues = name_cues()
    if not arabic:
        pos = _DETERMINER_EN.match(text, pos).end()
    words: list[str] = []
    for m in _WORD.finditer(text, pos):
        if len(words) == DESCRIBED_WORDS:
            break
        word = m.group(0)
        bare = word.strip("«»\"'()[],،.;:؛!?؟")
        key = normalize_for_match(bare)
        if bare != word.rstrip(",،.;:؛!?؟") or not _DESCRIBED_WORD.fullmatch(bare):
            break
        if arabic != bool(_ARABIC.search(bare)) or (not arabic and bare[:1].isupper()):
            break
        if key in cues.ar_function_words or key in cues.en_not_names or key in cues.ar_time_words or _PREPOSITION.fullmatch(bare):
            break
        words.append(bare)
        if word != bare:
            break  # a comma or a full stop after it
    return " ".join(words)


# an indirect question up to four words before an act's word: what is asked is not told
_QUESTION_BEFORE = re.compile(r"(?<![^\W\d_])(?:whether|[وف]?(?:ما|عما|فيما)\s+إذا|[وف]?هل)(?:\s+[^\s,،.;:؛]+){0,4}\s+$", re.IGNORECASE)


# A word that introduces a date: it goes with the date («في 24 كانون الثاني», "on Monday").
_DAY_LEAD = re.compile(r"(?:^|(?<=\s))(?:[وف]?(?:في|يوم|منذ)|on|since)\s+$", re.IGNORECASE)


# a date set off by commas on both sides: the commas go with it
_COMMA_BEFORE = re.compile(r"[،,]\s*$")
_COMMA_AFTER = re.compile(r"\s*[،,]")


def _without_days(text: str, days: Iterable[tuple[int, int]]) -> str:
    """``text`` with each date given in it, and the word that introduces it, blanked (the
    same length, so every offset holds); a date set off by commas on both sides takes
    them with it («أقال مجلس الإدارة، أمس الخميس، المدير», "dismissed, on Thursday, its
    director")."""
    merged: list[list[int]] = []
    for lo, hi in sorted(days):
        if merged and lo >= merged[-1][1] and not text[merged[-1][1] : lo].strip():
            merged[-1][1] = max(hi, merged[-1][1])  # «أمس الخميس»: one date told in two mentions
        else:
            merged.append([lo, hi])
    pieces, pos = [], 0
    for lo, hi in merged:
        lead = _DAY_LEAD.search(text, max(0, lo - 12), lo)
        lo = max(pos, lead.start() if lead else lo)
        if hi <= lo:
            continue
        before, after = _COMMA_BEFORE.search(text, max(pos, lo - 4), lo), _COMMA_AFTER.match(text, hi)
        if before and after:
            lo, hi = before.start(), after.end()
        pieces += [text[pos:lo], " " * (hi - lo)]
        pos = hi
    pieces.append(text[pos:])
    return "".join(pieces)


# A negation right before the act's verb: "will not return", "has not resigned", "didn't
# resign", «لن يعود», «لم يستقل».
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:(?:will|would|has|have|had|did|does|do|is|was|were|are|could|can|should|may|might)\s+not"
    r"|won['’]t|didn['’]t|hasn['’]t|haven['’]t|hadn['’]t|doesn['’]t|isn['’]t|wasn['’]t|weren['’]t|can['’]t|couldn['’]t|never|not)"
    r"(?:\s+(?:be|been|yet))?"
    r"|(?:^|(?<=[\s«\"“(]))[وف]?(?P<ar>لن|لم|لا|ما))\s+$",
    re.IGNORECASE,
)


def quote_negation(text: str, event: EventMention) -> None:
    """Widen a denied verb's quote to the negation right before it ("will not return",
    «لن يعود»): the quote shows the polarity the claim states."""
    if event.form != "verb" or not event.negated:
        return
    m = _NEGATION_BEFORE.search(text, max(0, event.char_start - 40), event.char_start)
    if m:
        start = m.start("ar") if m.group("ar") else m.start() + len(m.group(0)) - len(m.group(0).lstrip())  # not the «و» before «لم»
    else:
        # denied by a verb of denial before it: «نفى فاشكيل ... أن يكون قد استقال», "denied
        # that he had resigned"; the quote runs from the denial, when it is near
        lo = _words_back(text, event.char_start, DENIAL_WORDS)
        denials = [d for d in _DENIAL.finditer(text, lo, event.char_start) if not _SENTENCE_END.search(text, d.end(), event.char_start)]
        if not denials:
            return
        start = denials[-1].start("cue")
    event.quote = text[start : event.char_end]
    event.char_start = start


#: the agent of an act whose subject is "I" or "we": the speaker of the quotation it stands
#: in, filled in once quotations are attributed (the claim is dropped when none is named)
SPEAKER = "\u2063speaker"
_FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:will|would|shall|have|had|did|do|am|was|were|also|then|never|not|n[’']t|[’']ll|[’']ve|[’']d|be|been)\s+){0,3}$"
)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|[Ww]e)\b")
# What may stand before an Arabic verb told in the first person in a statement: the
# statement's start (a quotation mark, a stop, a comma) and a particle of tense or negation.
_FIRST_PERSON_LEAD = re.compile(r"(?:^|[«\"“:.،,؛!؟])\s*(?:(?:[وف]?(?:لن|لم|لا|سوف|قد))\s+)?[وف]?س?$")
_FIRST_PERSON_AR = re.compile(r"(?:^|(?<=[\s«\"]))[وف]?(?:س|لن\s+|لم\s+|لا\s+)?[أن]\w")
DENIAL_WORDS = 20  # how far before a denied act its verb of denial may stand, for the quote
# verbs of denial are the hedge reader's (modality.DENIAL); before an act's noun, a few
# plain negators join them ("no dismissal", «عدم إقالة»)
_DENIAL = phrase_pattern(DENIAL, r"[وف]")
_NOUN_NEGATORS = phrase_pattern(["no", "not", "never", "without", "عدم", "لا", "بلا", "دون", "بدون", *DENIAL], r"[وف]")
NOUN_NEGATION_WORDS = 3  # how far before an act's noun its negator may stand


# a refusal right before an act: "refused to release", "rejected a request to release",
# «رفض القاضي الإفراج عنه», «رفضت المحكمة طلب الإفراج»; not "refused to comment on his
# resignation", «رفض التعليق على استقالته» (the act behind another word or a preposition)
_REFUSAL_EN = re.compile(
    r"\b(?:refused|refuses|refuse|refusing|declined|declines|decline|rejected|rejects|reject|rejecting|turned\s+down|turns\s+down)"
    r"\s+(?:(?:to|the|a|an|his|her|its|their|request|requests|application|applications|bid|call|calls|demand|demands|plea|appeal|for|of|be)\s+){0,4}$",
    re.IGNORECASE,
)
_REFUSAL_AR = re.compile(r"(?:^|(?<=\s))[وف]?(?:رفض|رفضت|رفضوا|يرفض|ترفض|يرفضون|رفضه|رفضها)((?:\s+[^\s]+){0,3})\s+$")
_REFUSAL_AR_BLOCK = frozenset("في من على عن إلى الى مع بعد قبل أن إن لأن حتى".split())


def refusal_start(text: str, event: EventMention) -> int | None:
    """Where a refusal that stands right before the act's word starts, saying the act was
    refused (then it did not happen: the caller negates the event and quotes it from
    there); None when there is none."""
    at = event.char_start
    while at > 0 and not text[at - 1].isspace():
        at -= 1  # the word's clitics and article («الإفراج»)
    lo = max(0, at - 80)
    lead = text[lo:at]
    m = _REFUSAL_EN.search(lead)
    if m is None:
        m = _REFUSAL_AR.search(lead)
        if m is None or _BREAK.search(m.group(1)) or any(w.strip("«»\"'()") in _REFUSAL_AR_BLOCK for w in m.group(1).split()):
            return None
    elif _BREAK.search(lead, m.start()):
        return None
    return lo + m.start() + len(m.group(0)) - len(m.group(0).lstrip())


def noun_negated(text: str, event: EventMention) -> bool:
    """Whether the negation read around an act's noun is about the act: a negator or a
    denial among the three words right before it ("no dismissal", "denied the dismissal",
    «عدم إقالة», «نفى الوزير إقالة»). A negation elsewhere in the sentence is about
    another word: "gave no reason for Drostik's dismissal", «لم يتضح ... صلة بإقالة دروستيك»."""
    lead = text[_words_back(text, event.char_start, NOUN_NEGATION_WORDS) : event.char_start]
    return _NOUN_NEGATORS.search(lead) is not None


def _stage(text: str, start: int, lex: EventLexicon, clitic: str = "") -> str:
    """The act's stage: ``decision``, ``intent`` or ``announcement`` when such a word stands
    just before the act's word (at most :data:`STAGE_WORDS` words, nothing breaking the
    clause between). An act named as a purpose ("to fire", «لإقالة», «أن يستقيل», «على
    إقالة») is not asserted as done: it takes the stage of the nearest stage word before it
    in the sentence ("voted on Thursday, 5 February, to dismiss"), else ``intent`` ("expected
    to return"). Otherwise ``""``: the act itself."""
    best = _stage_word(text[_words_back(text, start, STAGE_WORDS + 6) : start], lex, near=True)  # room for a day between
    if best:
        return best
    if _named_as_purpose(text, start, clitic):
        if _ordered(text, start, lex) is not None:
            return ""  # "a court ordered Haddadi to be held in custody": what it ordered is done
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        return _stage_word(text[sentence_start:start], lex, near=False) or "intent"
    return ""


def _named_as_purpose(text: str, start: int, clitic: str) -> bool:
    """Whether the act's word at ``start`` is named as a purpose ("to fire", «لإقالة»,
    «أن يستقيل»)."""
    return clitic in ("ل", "لل") or _PURPOSE.search(text[max(0, start - 12) : start]) is not None


ORDER_WORDS = 16  # an order's word stands at most this many words before what it orders


def _ordered(text: str, start: int, lex: EventLexicon) -> re.Match | None:
    """The word of an order (the ``orders`` list of [stages]: "ordered", «أمرت») that an act
    named as its purpose at ``start`` follows in its sentence, at most :data:`ORDER_WORDS`
    words before it, no stage word between ("ordered ... to be held", not "ordered a vote
    to dismiss"); None when there is none."""
    pattern = lex.stage_patterns.get("orders")
    if pattern is None:
        return None
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = list(pattern.finditer(text, lo, start))
    if not found:
        return None
    between = text[found[-1].end() : start]
    return found[-1] if len(_WORD.findall(between)) <= ORDER_WORDS and not _stage_word(between, lex, near=False) else None


# A day between a stage word and the act counts as no words: «أعلنت الجامعة في 17 أيار إقالة
# الزلفاني», "announced on 17 May 2026 the dismissal of".
_DAY_PHRASE = re.compile(r"(?:(?<![^\s])(?:on|في|يوم)\s+)?\d{1,4}\s+[^\s\d,،.]+(?:\s+\d{4})?", re.IGNORECASE)


def _stage_word(window: str, lex: EventLexicon, near: bool) -> str:
    """The stage of the last stage word in ``window`` (what precedes the act's word); with
    ``near``, only one with at most :data:`STAGE_WORDS` words (a day counting as none) and
    no break after it."""
    best: tuple[int, str] | None = None
    for stage in STAGES:
        pattern = lex.stage_patterns[stage]
        if pattern is None:
            continue
        for m in pattern.finditer(window):
            between = window[m.end() :]
            if near and (_BREAK.search(between) or len(_WORD.findall(_DAY_PHRASE.sub(" ", between))) > STAGE_WORDS):
                continue
            if best is None or m.end() > best[0]:
                best = (m.end(), stage)
    return best[1] if best else ""


def _stage_after(text: str, end: int, lex: EventLexicon) -> str:
    """``intent`` when a word of the ``intent_after`` stage list follows the act's word
    closely ("her return had been planned for April 1", «عودته المرتقبة»), else ``""``."""
    pattern = lex.stage_patterns.get("intent_after")
    if pattern is None:
        return ""
    window = text[end : _words_forward(text, end, STAGE_WORDS + 1)]
    return "intent" if pattern.search(window) else ""


def clause_of(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the clause of ``text`` that holds ``pos``: between the breaks
    around it (a comma, a sentence's end, a complementizer: "that", "who", «بعد»)."""
    after = _BREAK.search(text, pos + 1)
    return _clause_start(text, pos), after.start() if after else len(text)


def _clause_start(text: str, pos: int, back: int | None = None) -> int:
    """Where the clause holding ``pos`` starts; with ``back``, looked for at most that many
    characters before ``pos`` (a sentence may be a whole text)."""
    first = 0 if back is None else max(0, pos - back)
    return max((m.end() for m in _BREAK.finditer(text, first, pos)), default=first)


def tells_another(text: str, end: int, lex: EventLexicon | None = None) -> bool:
    """Whether the words after an act's words (ending at ``end``; at most
    :data:`ANOTHER_WORDS` words, in their clause) tell another act of its kind than the
    one other reports tell: "signed a separate agreement", «وقّعت ... اتفاقاً منفصلاً», "fired
    a second executive" (the ``another`` list of [stages])."""
    pattern = (lex or event_lexicon()).stage_patterns.get("another")
    if pattern is None:
        return False
    window = text[end : _words_forward(text, end, ANOTHER_WORDS)]
    stop = _BREAK.search(window)
    return pattern.search(window[: stop.start()] if stop else window) is not None


CAPACITY_WORDS = 12  # a word of an appointment's capacity stands at most this many words after the act's words


def capacity(text: str, end: int, lex: EventLexicon | None = None) -> str:
    """The capacity the words after an act's words (ending at ``end``; at most
    :data:`CAPACITY_WORDS` words, in its sentence) give it: "interim" ("named Khoury, its
    chief financial officer, as interim chief executive", «رئيسة مؤقتة»), "permanent"
    («بصورة دائمة»), the nearer where both stand, or "" (neither)."""
    lex = lex or event_lexicon()
    window = text[end : _words_forward(text, end, CAPACITY_WORDS)]
    stop = _SENTENCE_END.search(window)
    window = window[: stop.start()] if stop else window
    said = [(m.start(), k) for k in ("interim", "permanent") if lex.stage_patterns.get(k) is not None for m in lex.stage_patterns[k].finditer(window)]
    return min(said)[1] if said else ""  # the nearest: "as interim chief executive until a permanent appointment is made"


POST_WORDS = 12  # the post an act concerns is named at most this many words after its words
_CLAUSE_END = re.compile(r"[.;:!?؟؛,،]")


def posts(text: str, end: int, lex: EventLexicon | None = None, start: int | None = None, agent: str = "") -> tuple[str, ...]:
    """The posts ([posts] of the event lexicon) named by the words after an act's quote
    (ending at ``end``; at most :data:`POST_WORDS` words, in its clause) and, with
    ``start``, in the quote itself past its ``agent`` («أُقيل المدير العام لهيئة الميناء عادل
    فخري»; not the agent's own title: «عيّنت وزيرة الطاقة ريما المنصوري ... سليم الورداني
    رئيساً»), sorted: "resigned as chief executive of Halvern" names top_executive, "as
    chairman" chair. A word that may name several posts names them all («رئاسة الاتحاد»:
    chair and top_executive)."""
    lex = lex or event_lexicon()
    if lex.post_pattern is None:
        return ()
    after = text[end : _words_forward(text, end, POST_WORDS)]
    stop = _CLAUSE_END.search(after)
    window = after[: stop.start()] if stop else after
    if start is not None and start < end:
        lo = start
        named = re.search(fuzzy_pattern(agent), text[start:end]) if agent else None
        if named is not None:
            lo = start + named.end()
        window = text[lo:end] + " " + window
    found = {post for m in lex.post_pattern.finditer(window) for post in lex.post_names.get(normalize_for_match(m.group("cue")).strip(), ())}
    return tuple(sorted(found))


def states_act(text: str, word: str, end: int, kind: EventType) -> bool:
    """Whether ``word`` (an act's word ending at ``end``) states the act: always, unless the
    lexicon lists it as ambiguous; then only when one of the action's objects stands in its
    clause within :data:`OBJECT_WORDS` words, after it or before it («وقّعت الشركة عقداً»,
    "the agreement was signed": a signing; «وقعت الحادثة»: it happened). ``text`` has its
    dates blanked (:func:`_without_days`): a date between the word and its object counts
    for no words («مثلت ... اليوم الأربعاء أمام لجنة»)."""
    if normalize_for_match(word) not in kind.ambiguous or kind.objects is None:
        return True
    reach = _words_forward(text, end, OBJECT_WORDS)
    found = kind.objects.search(text, end, reach)
    if found is not None and not _SENTENCE_END.search(text, end, found.start()):
        return True  # (commas may set off who acted and when: «وقّع بنك برينهولت، أمس الخميس، اتفاقاً»)
    # or before it, in its clause: "the agreement was signed", «الاتفاق الذي وقعته»
    start = end - len(word)
    lo = max(0, start - OBJECT_CHARS)  # (a bounded look back: a sentence may be a whole text)
    lo += _words_back(text[lo:start], start - lo, OBJECT_WORDS)
    before = [m for m in kind.objects.finditer(text, lo, start) if not _SENTENCE_END.search(text, m.end(), start)]
    return bool(before)


def _words_forward(text: str, pos: int, words: int) -> int:
    ends = [m.end() for m in _WORD.finditer(text, pos)][:words]
    return ends[-1] if ends else pos


def _subject_before(text: str, start: int, names: list[tuple[int, int, str, str]]) -> tuple[int, int, str] | None:
    """The nearest name before ``start``, when it is within reach (:func:`_bound`); a name
    further away never is: its stretch holds the nearer one's."""
    nearest = next(((s, e, n) for s, e, n, _ in reversed(names) if e <= start), None)
    return nearest if nearest is not None and _bound(text, nearest[1], start) else None


# a title set off by commas after a name, then at most two words before the act's noun:
# «أعلن مارسيل دوميترو، رئيس الاتحاد الفارنيسي لكرة القدم، أمس الاثنين استقالته»
_APPOSED_AR = re.compile(r"\s*[،,][^،,.;:!?؟؛«»\"]{1,120}[،,]\s*(?:\S+\s+){0,2}$")


def _apposed_owner(text: str, start: int, names: list[tuple[int, int, str, str]]) -> tuple[int, int, str] | None:
    """Whose act an Arabic noun with its pronoun names («استقالته») when a title set off by
    commas stands between the name and it (:data:`_APPOSED_AR`)."""
    nearest = next(((s, e, n) for s, e, n, _ in reversed(names) if e <= start), None)
    return nearest if nearest is not None and _APPOSED_AR.fullmatch(text, nearest[1], start) else None


def _apposed_subject(text: str, start: int, names: list[tuple[int, int, str, str]], between: re.Pattern | None = None) -> tuple[int, int, str] | None:
    """The name an Arabic verb follows past a title set off by commas, nothing else between
    («ماريك تولين، المشرف على الوردية، اعتُقل»; ``between``: what may stand there, by
    default :data:`_APPOSED_SUBJECT_AR`)."""
    pattern = between or _APPOSED_SUBJECT_AR
    # names inside the title are passed over («كوفار، الرئيس التنفيذي لشركة هالفيرن، قد»)
    return next(((s, e, n) for s, e, n, _ in reversed(names) if e <= start and pattern.fullmatch(text, e, start)), None)


_APPOSED_SUBJECT_AR = re.compile(r"\s*[،,][^،,.;:!?؟؛«»\"]{1,120}[،,]\s*(?:[وف]?(?:قد|وقد)\s+)?")
_APPOSED_BEFORE_QAD_AR = re.compile(r"\s*[،,][^،,.;:!?؟؛«»\"]{1,120}[،,]\s*[وف]?قد\s+")


def _words_back(text: str, pos: int, words: int) -> int:
    starts = [m.start() for m in _WORD.finditer(text, 0, pos)]
    return starts[-words] if len(starts) >= words else 0


def _bound(text: str, lo: int, hi: int) -> bool:
    """Whether a name in ``text[lo:hi]``'s far end may bind across it: no break, few words."""
    stretch = text[lo:hi]
    return not _BREAK.search(stretch) and len(_WORD.findall(stretch)) <= NAME_WORDS


def _objects(
    text: str, end: int, after: list[tuple[int, int, str, str]], form: str, chained: bool = False, allowed: tuple[str, ...] = ()
) -> list[tuple[int, int, str]]:
    """The names after the act's word that it may bind (nearest first): none led by a
    preposition (but "by", read as who acted, "of" after a noun, and the action's own
    ``allowed`` ones: «تعاقدت ... مع فوسبيرغ»), and an organisation only right after the
    word, or when a person follows it: in "fired OpenAI chief Sam Altman" and «رئيس Twitch»
    the act is done to a person, not to the organisation. ``chained``: each name's lead
    runs from the name before it (an Arabic verb's agent, then whom it acted on)."""
    out = []
    lead_start = end
    for k, (s, e, n, kind) in enumerate(after):
        if not chained and _POSSESSIVE_AFTER.match(text, e):
            continue  # "dismissed Orvane's chief executive, Fadi Mensali": the owner is not whom
        lead = text[lead_start:s]
        if chained:
            lead_start = e
            if k and after[k - 1][3] == "organisation":
                lead = _TRADE_AR.sub(" ", lead, count=1)  # «اتحاد تاروند لكرة القدم المدرب ...»: the trade is the organisation's
        bare = _OF_EN.sub(" ", lead, count=1) if form == "noun" else lead
        if kind == "person":
            bare = _before_title(bare)  # «مدير المحطة الموقوف عن العمل يوسف مرّاش»: the title's prepositions are its own
        if allowed:  # the action's own preposition, perhaps with a word or two of title: «على نادي رمدون»
            bare = _allowed_tail(allowed).sub(" ", bare)
        if kind == "person" and _titled(bare):
            bare = _OF_THE_AR.sub(" ", bare)  # «المديرة المالية للشركة سلوى المرجاني»: the title's own «لل»
        # the title's own prepositions lead to no one
        apposed = (chained and k == 0 and _apposed(text, end, (s, e, n, kind))) or (not chained and _apposed_object(text, end, (s, e, n, kind)))
        if not chained and k + 1 < len(after) and _apposed_object(text, end, after[k + 1]):
            continue  # "the captain of the Celina Star, Teodor Rusk": whom, the name set off says
        if _PREPOSITION.search(bare) and not re.search(r"\bby\s*$", lead, re.IGNORECASE) and not _BY_AR.search(lead) and not apposed:
            continue
        if chained and _in_a_body_ar(name_cues().fingerprint).search(lead):
            continue  # «ترخيص التصنيع الخاص بمصنع أوبرافا»: the licence of the plant, not the plant
        acts_first = chained and k == 0 and _kind_words_only(lead)  # «أقال اتحاد تاروند المدرب ...»: who acted, then whom
        if kind == "organisation" and k + 1 < len(after) and after[k + 1][3] == "person" and _bound(text, e, after[k + 1][0]) and not acts_first:
            continue
        if kind == "organisation" and len([w for w in _WORD.findall(lead) if w.strip(_MARKS)]) > 1 and not (chained and out) and not acts_first:
            continue  # an organisation behind a title; a chained one follows who acted
        out.append((s, e, n))
    return out


@lru_cache(maxsize=4)
def _in_a_body_ar(cues_fingerprint: str) -> re.Pattern:
    """An Arabic kind of organisation or place with «ب» glued to it, ending a name's lead
    («بمصنع», «بشركة», «بمدينة»): the name it leads to is where or whose, not whom."""
    cues = name_cues()
    kinds = sorted(cues.ar_organisation_cues | cues.ar_place_cues, key=lambda w: (-len(w), w))
    return re.compile(r"(?:^|\s)[وف]?ب(?:" + "|".join(map(re.escape, kinds)) + r")\s*$")


# An Arabic organisation's trade right after its name, with ل and the article: «اتحاد تاروند
# لكرة القدم», «شركة نوران للطاقة المتجددة». It belongs to the name before, and leads to no one.
_TRADE_AR = re.compile(r"^\s*ل[^\s،,]{2,}(?:\s+ال[^\s،,]+)*")


_OF_THE_AR = re.compile(r"(?:^|(?<=\s))لل\S+")


def _cue_key(word: str) -> str:
    """An Arabic word's key with a conjunction off, as names.toml lists its cue words."""
    return normalize_for_match(word).lstrip("وف")


def _title_word(word: str) -> bool:
    """Whether an Arabic word opens a person's title («المدير», «رئيس»), as names.toml lists them."""
    return _cue_key(word) in name_cues().ar_cue_first_words


def _title_opens(text: str, lo: int, hi: int) -> re.Match | None:
    """The first word of text[lo:hi] that opens a person's title, if any."""
    return next((m for m in _WORD.finditer(text, lo, hi) if _title_word(m.group(0))), None)


def _titled_reach(text: str, lo: int, hi: int) -> bool:
    """Whether a person's name at ``hi`` is within reach of ``lo`` through its title: the
    title opens within reach, and the words from it to the name describe it («اعتقلت الشرطة
    القسمارية أمين صندوق نقابة طياري الخطوط القسمارية بسام القرنبي»)."""
    m = _title_opens(text, lo, hi)
    return m is not None and _bound(text, lo, m.start()) and not _BREAK.search(text, m.start(), hi) and len(_WORD.findall(text[m.start() : hi])) <= 2 * NAME_WORDS


def _before_title(lead: str) -> str:
    """The Arabic words of ``lead`` (what stands between an act's word and a person's name)
    before the person's title opens; all of them when it holds no title."""
    m = _title_opens(lead, 0, len(lead))
    return lead[: m.start()] + " " if m else lead


def _titled(lead: str) -> bool:
    """Whether a person's title stands among the Arabic words ``lead`` («المديرة المالية»)."""
    return _title_opens(lead, 0, len(lead)) is not None


def _kind_words_only(lead: str) -> bool:
    """Whether the words between an Arabic verb and a name are none, or only the words of
    an organisation's kind («اتحاد», «شركة», «مجموعة») and of its body («مجلس إدارة»): the
    name then is who acted."""
    kinds = name_cues().ar_organisation_cues | _BODIES
    words = [w.strip(_MARKS) for w in lead.split()]  # «شركة «طيران الساحل»»: the marks open the name
    return all(_cue_key(w) in kinds or normalize_for_match(w) in kinds for w in words if w)


# An organisation's body before its kind and name: «أقال مجلس إدارة شركة «طيران الساحل» المدير»
# (its board of directors, or of trustees, acted for it).
_BODIES = frozenset(normalize_for_match(w) for w in ("مجلس", "إدارة", "أمناء"))


# A noun of the lexicon that holds its preposition ("lawsuit against", "arrest of"): the
# name right after it is whom it was done to.
_ENDS_IN_PREPOSITION = re.compile(r"\b(?:of|against|over)$", re.IGNORECASE)
_APPOSITIVE = re.compile(r"\s*,[^,.;:!?]{1,160},\s*(?:\S+\s+){0,2}$")
_NAMED_APPOSITIVE = re.compile(r"\s*,\s*(?:\S+\s+){0,2}$")
# A relative clause about the name before it, past a short appositive: ", the former
# commercial director who was appointed", " who resigned".
_RELATIVE = re.compile(r"(?:\s*,[^,.;:!?]{1,60}?)?\s+who\s+(?:(?:was|were|had|has|have|been|had been|has been|not|never)\s+){0,2}$", re.IGNORECASE)


# Between a name and the subject of a relative clause about it, whose object it is: ", whom
# Transport Minister", " which the".
_RELATIVE_OBJECT = re.compile(r"\s*,?\s*(?:whom|which)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)


def _relative_object(text: str, subject: tuple[int, int, str], names: list[tuple[int, int, str, str]]) -> tuple[int, int, str] | None:
    """The name a relative clause is about when it is the clause's object: "Nabil Sarraf,
    whom Transport Minister Karim Abdel-Nour fired", "Orvane Bank, which the regulator
    closed"; ``subject`` is the clause's subject (who acted)."""
    before = next(((s, e, n) for s, e, n, _ in reversed(names) if e <= subject[0]), None)
    if before is None or not _RELATIVE_OBJECT.fullmatch(text, before[1], subject[0]):
        return None
    return before


def _appositive_subject(text: str, start: int, names: list[tuple[int, int, str, str]]) -> tuple[int, int, str] | None:
    """The subject of an English verb behind an appositive: "Owen Pritcher, the company's
    co-founder, has not resigned", "Quillmere Labs, a rival, hired Vossberg", "Abdelkarim
    Hannoudi, who founded Ramdoun Sporting Club, died"; or the appositive itself, when it
    is the name: "The dean of the faculty, Lubna Marqashi, resigned"; or the name a relative
    clause is about: "Ziad Shalbaki, the former commercial director who was appointed"."""
    nearest = next(((s, e, n) for s, e, n, _ in reversed(names) if e <= start), None)
    if nearest and _NAMED_APPOSITIVE.fullmatch(text, nearest[1], start) and re.search(r",\s*$", text[: nearest[0]]):
        return nearest  # "The director of Sidrat Teaching Hospital, Rana Zalfani, was dismissed": the name is the appositive
    for s, e, n, _ in reversed(names):
        if e <= start and _RELATIVE.fullmatch(text, e, start):
            # "Ziad Shalbaki, the former commercial director who was appointed": the name the clause
            # is about, past a name inside its appositive ("Teodor Brask, the Harlen plant manager who was")
            return (s, e, n)
    for s, e, n, _ in reversed(names):
        if e <= start and _APPOSITIVE.fullmatch(text, e, start):
            return (s, e, n)  # names inside the appositive ("who founded Ramdoun Sporting Club") are passed over
    return None


# "he" or "she" as the subject of what someone said: "X said on August 28 that she did not
# resign", «قال ... مجد السنّوفي إنه لن يعود»; a few words (an auxiliary, a negation) between it and the verb.
_PRONOUN_EN = re.compile(r"\b(?:that\s+)?(?:he|she)\s+(?:[a-z’']+\s+){0,3}$", re.IGNORECASE)
_PRONOUN_AR = re.compile(
    r"(?:^|\s)[وف]?(?:ب)?(?:إنه|أنه|انه|إنها|أنها|انها)\s+(?:\S+\s+){0,2}$"
    r"|(?:^|\s)[وف]?(?:ب)?(?:أن|ان)\s+(?:يكون|تكون)\s+(?:قد\s+)?$"  # «نفى فاشكيل أن يكون قد استقال»
)
# Verbs of saying besides those names.toml lists for finding who speaks (``saying``,
# ``subject_verbs``): forms that report a statement without naming its speaker next to them.
_MORE_SAYING = (
    "say", "tells", "adds", "insisted", "insists", "stated", "states", "confirmed", "confirms", "denied", "denies",
    "announced", "announces", "يؤكد", "تؤكد", "ينفي", "تنفي",
)


@lru_cache(maxsize=4)
def _saying(cues_fingerprint: str) -> re.Pattern:
    cues = name_cues()
    return phrase_pattern(sorted(cues.en_saying | cues.ar_saying | cues.ar_subject_verbs | set(_MORE_SAYING)), _CLITICS)


def _speaker_subject(text: str, start: int, names: list[tuple[int, int, str, str]], arabic: bool) -> tuple[int, int, str] | None:
    """The speaker, when the act's subject is "he" or "she" opening what a named person said:
    the nearest person's name before the pronoun, a verb of saying before the pronoun with
    no comma or clause break between them ("Salwa Marjani ... said on August 28 that she did
    not resign"). A "she" who is someone else than the speaker is read as the speaker: the
    sentence does not say, and news reports of a denial mostly quote the one denying."""
    m = (_PRONOUN_AR if arabic else _PRONOUN_EN).search(text, max(0, start - 60), start)
    if not m:
        return None
    sentence_start = max((x.end() for x in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    said = list(_saying(name_cues().fingerprint).finditer(text, sentence_start, m.start()))
    if not said:
        return None
    # the pronoun opens what was said: no comma or clause break after the verb of saying
    # ("said on Sunday, contradicting reports that he had quit": not what he said)
    stretch = text[said[-1].end("cue") : m.start()].rstrip(" ,،")  # «قال ... طارق الغزّول، إنه»: the comma before the quote
    if len(_WORD.findall(stretch)) > 12 or re.search(r"[.;:!?؟؛–—]", stretch):
        return None
    if not arabic and (re.search(r"[,،]", stretch) or _BREAK.search(stretch)):
        return None  # in Arabic «إنه» after «قال» opens the quote past the speaker's description and its commas
    # "he" and "she" are people: a person, a name read as someone speaking, or a name of
    # two words or more that is no organisation ("Acme said he was fired": not Acme)
    return next(
        ((s, e, n) for s, e, n, kind in reversed(names) if sentence_start <= s and e <= m.start() and (kind in ("person", "speaker") or (kind != "organisation" and len(n.split()) > 1))),
        None,
    )


def stated_by_verb(event: EventMention, lex: EventLexicon | None = None) -> bool:
    """Whether an act's noun is stated with one of its light verbs, which opens its quote
    ("filed a lawsuit against X", «رفع مجلس مدينة حرمزة دعوى»): a clause asserts it, as a
    verb does, not a noun naming it inside another statement."""
    kind = (lex or event_lexicon()).types.get(event.action)
    if event.form != "noun" or kind is None or kind.light_verbs is None:
        return False
    m = kind.light_verbs.match(event.quote)
    return m is not None and not event.quote[: m.start("cue")].strip(" وف")  # «ورفع»: a clitic before it


def _body_agent(text: str, start: int, end: int, arabic: bool, lex: EventLexicon, glued: bool = False, passive: bool = False) -> str:
    """Who acted, named only by what it is (the [agents] ``bodies`` of the event lexicon),
    for an act whose agent has no name: "the federation's executive board named", "was
    arrested by police", «اعتقلت الشرطة الفارنيسية», «كانت الشرطة قد اعتقلته». The words
    as written (the body and the words that say which, up to three), or ""."""
    pattern = lex.agent_patterns.get("bodies")
    if pattern is None or passive:
        return ""
    if arabic:
        lead = text[_clause_start(text, start, back=200) : start]
        was = _WAS_AR.match(lead)
        if was:  # «كانت الشرطة قد اعتقلته»: the words between «كان» and «قد»
            at = re.search(r"(?:كان|كانت|كانوا)\s+", lead)
            found = pattern.match(lead, at.end()) if at else None
        else:
            found = pattern.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
        if found is None:
            return ""
        cue = found.group("cue")
        if (found.group("pre") or "").endswith("ال"):
            cue = "ال" + cue  # the article read as a clitic: «الهيئة» is the body, not «هيئة» of what follows
        if " " in cue or cue.startswith("ال"):
            return cue  # «الشرطة», «مجلس الإدارة»: what follows may be someone else («المدير العام ...»)
        after = _NEXT_WORD_AR.match(text, found.end())
        return f"{cue} {after.group(1)}" if after else cue  # «وزارة الرياضة»: a noun and whose it is
    if _PASSIVE_EN.search(text[max(0, start - 40) : start]):
        by = re.match(r"\s*by\s+(?:the\s+)?((?:[\w'’-]+\s+){0,2}?)", text[end:], re.IGNORECASE)
        found = pattern.match(text, end + by.end()) if by else None
        return f"{by.group(1)}{found.group('cue')}".strip() if found else ""
    lead = text[_clause_start(text, start, back=200) : start]
    found = _BODY_BEFORE.search(lead)
    if found is None or not pattern.fullmatch(found.group("body")):
        return ""
    which = _WHICH_BODY.search(lead, 0, found.start())  # "the federation's executive board", "Veltrix's board"
    return " ".join((which.group("which") or which.group("owner") or "").split() + [found.group("body")]) if which else found.group("body")


# an English body right before its verb: "police arrested", "the board on Saturday fired"
# (a date given is blank by then), and the words that say which body, after "the" or an
# owner's name: "the federation's executive board named"
_BODY_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?P<body>[a-z]+(?:\s+of\s+directors)?)\s+(?:(?:also|later|then|quickly|swiftly|unanimously|has|had|have|\w+ly)\s+)?$",
    re.IGNORECASE,
)
_WHICH_BODY = re.compile(
    r"(?:(?:^|(?<=\s))(?:the|its|their)\s+(?P<which>(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+)?)|(?:^|(?<=\s))(?P<owner>[\w-]+['’]s\s+))$",
    re.IGNORECASE,
)


def _light_verb(text: str, start: int, kind: EventType, names: list[tuple[int, int, str, str]] = ()) -> re.Match | None:
    """The nearest of the action's ``light_verbs`` before its noun at ``start``, in its clause;
    a name between them may have its title set off by commas («أعلن مارسيل دوميترو، رئيس
    الاتحاد، أمس الاثنين استقالته»)."""
    if kind.light_verbs is None:
        return None
    lo = _words_back(text, start, NAME_WORDS + 6)  # a title and its organisation may stand between
    apposed = next((s for s, e, _, _ in reversed(names) if lo <= s and e <= start and _APPOSED_AR.fullmatch(text, e, start)), None)
    found = [
        m for m in kind.light_verbs.finditer(text, lo, start)
        if not _BREAK.search(text, m.end("cue"), start) or (apposed is not None and m.end("cue") <= apposed and not _BREAK.search(text, m.end("cue"), apposed))
    ]  # fmt: skip
    if found and _announces(found[-1].group("cue"), event_lexicon()) and not _OWN_NOUN.search(text, found[-1].end("cue"), start) and not _OWN_NOUN_AR.match(text, start):
        return None  # "announced Matrouk's resignation": someone else's act, announced (a stage)
    return found[-1] if found else None


# a word of announcement states an act with its noun only when the noun is the announcer's
# own: "announced his resignation", «أعلن ... استقالته» (a pronoun glued to the noun)
_OWN_NOUN = re.compile(r"\s(?:his|her|their|its)\s+$", re.IGNORECASE)
_OWN_NOUN_AR = re.compile(r"\S+(?:ه|ها|هم|هما)(?![^\W\d_])")


def _announces(word: str, lex: EventLexicon) -> bool:
    pattern = lex.stage_patterns.get("announcement")
    return pattern is not None and pattern.fullmatch(word) is not None


def _light_verb_agent(text: str, start: int, names: list[tuple[int, int, str, str]], verb: re.Match | None, arabic: bool) -> str | None:
    """Who acted, when ``verb`` (of the action's ``light_verbs``, :func:`_light_verb`) states
    the act with its noun at ``start`` ("Harmaza City Council filed a lawsuit against",
    «رفع مجلس مدينة حرمزة دعوى قضائية ضد»): the name before that verb, or, Arabic verb
    first, the name between it and the noun."""
    if verb is None:
        return None
    verb_start, verb_end = verb.span("cue")
    if arabic:
        between = [n for s, e, n, _ in names if verb_end <= s and e <= start]
        if between:
            return between[0]
    before = _subject_before(text, verb_start, names)
    return before[2] if before else None


APPOSED_WORDS = 8  # how long a title before a name set off by commas may be


def _apposed(text: str, lo: int, name: tuple[int, int, str, str]) -> bool:
    """Whether ``name`` is set off by commas right after a title that text[lo:] opens
    («عاد المدير العام السابق لهيئة ميناء أوستريلمو، هالفيرن دروستيك، إلى المدينة»: the
    title, then who it is), at most :data:`APPOSED_WORDS` words of title, in one sentence.
    Read after an Arabic verb only (its subject follows it)."""
    lead = text[lo : name[0]]
    if not re.search(r"[،,]\s*$", lead) or _SENTENCE_END.search(lead) or len(_WORD.findall(lead)) > APPOSED_WORDS:
        return False
    return re.match(r"\s*(?:\([^)]*\)\s*)?[،,]", text[name[1] :]) is not None


# What an English act is done to, then who that is, set off by a comma: "arrested the
# ferry's first officer, Luka Brennic, on March 3" (a determiner or an owner opens it)
_OBJECT_BEFORE_NAME = re.compile(r"\s+(?:the|a|an|its|his|her|their|[^\s,]+['’]s)\s[^,.;:!?()\[\]]*,\s*", re.IGNORECASE)
# (or a date set off by commas, blanked with them: :func:`_without_days`)
_APPOSITION_CLOSES = re.compile(r"\s*(?:[,;:.)\]]|$)|\s{2,}")


def _apposed_object(text: str, lo: int, name: tuple[int, int, str, str]) -> bool:
    """Whether ``name`` is set off by commas right after the English noun phrase text[lo:]
    opens (at most :data:`APPOSED_WORDS` words): who the act's object is."""
    if _ARABIC.search(name[2]) or not _OBJECT_BEFORE_NAME.fullmatch(text, lo, name[0]):
        return False
    return len(_WORD.findall(text, lo, name[0])) <= APPOSED_WORDS and _APPOSITION_CLOSES.match(text, name[1]) is not None


def _names_after(text: str, end: int, names: list[tuple[int, int, str, str]], chained: bool) -> list[tuple[int, int, str, str]]:
    """The names after the act's word that it may bind: each within reach of the word, or,
    ``chained`` (an Arabic verb: VSO), of the name before it («أقال مجلس إدارة نورفاث الرئيسة
    التنفيذية لينا فوسبيرغ»: who acted, then, a title away, whom). An organisation out of
    reach inside a person's title is passed over."""
    out = []
    last = end
    later = [x for x in names if x[0] >= end]
    for k, x in enumerate(later):
        x = _with_spelling_before(text, last, x)
        if out and _ALIAS_GAP.fullmatch(text, out[-1][1], x[0]):
            # «نزار القطومي (Nizar Qattoumi)», «خرزان القابضة (Kharzan Holding)»: one party written
            # twice; the spelling in brackets stands for it (it meets other sources' Latin spelling)
            out[-1] = (out[-1][0], x[1], x[2], x[3])
            last = x[1]
            continue
        if not (
            _bound(text, last, x[0]) or (x[3] == "person" and _titled_reach(text, last, x[0])) or (chained and not out and _apposed(text, last, x))
            or (not chained and _apposed_object(text, last, x))
        ):
            holder = later[k + 1] if k + 1 < len(later) else None
            if x[3] == "organisation" and holder is not None and holder[3] == "person" and _titled_reach(text, last, holder[0]):
                continue  # «مدير السلامة في شركة تلال للفوسفات يوسف هلال»: where the title is held
            break  # a name further on is further still
        out.append(x)
        if chained:
            last = x[1]
    return out


_BRACKETED = re.compile(r"\(\s*$")
_ARABIC_WORD = re.compile(r"[\u0600-\u06FF\u0640]+")


def _with_spelling_before(text: str, lo: int, name: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """``name``, a Latin name in brackets after its Arabic spelling that was not read as a
    name («اعتُقل قائد الاحتجاجات كريم الدبّور (Karim Dabbour)»), starting at that
    spelling: as many Arabic words before the bracket as the Latin name has words (one
    party written twice, whose stretch from the act's word is measured from the first
    spelling). Unchanged otherwise."""
    before = text[lo : name[0]]
    if not _BRACKETED.search(before) or _ARABIC.search(name[2]):
        return name
    wanted = min(len(name[2].split()), NAME_WORDS)
    words = list(_WORD.finditer(text, lo, lo + before.rfind("(")))
    if len(words) < wanted or not all(_ARABIC_WORD.fullmatch(w.group(0)) for w in words[-wanted:]):
        return name
    return (words[-wanted].start(), name[1], name[2], name[3])


def _participants(
    text: str, start: int, end: int, names: list[tuple[int, int, str, str]], form: str, kind: EventType, arabic: bool,
    passive: bool = False, light_verb: re.Match | None = None, speakers: list[tuple[int, int, str, str]] = (),
) -> tuple[str, str, int]:
    """(agent, patient, where the patient's name ends or -1) of the act's word text[start:end];
    ``passive``: an Arabic verb in the passive voice («أُقيلت», «عُيّن»); ``light_verb``: the
    verb that states a noun's act with it (:func:`_light_verb`); ``speakers``: as for
    :func:`find_events`."""
    transitive = kind.transitive
    chained = arabic and form == "verb"
    after = _objects(text, end, _names_after(text, end, names, chained), form, chained, kind.patient_after)
    subject = _subject_before(text, start, names) or (None if arabic else _appositive_subject(text, start, names)) or _speaker_subject(text, start, sorted([*names, *speakers]) if speakers else names, arabic)
    agent = patient = ""
    patient_end = -1
    by_agent = None  # "by X", «من قبل X»: who acted, whatever the word's form
    for s, e, n in after:
        lead = text[end:s]
        if (not arabic and _BY_EN.search(lead) and re.search(r"\bby\s*$", lead, re.IGNORECASE)) or (arabic and _BY_AR.search(lead)):
            by_agent = (s, e, n)
            break
    after_object = [x for x in after if by_agent is None or x[0] < by_agent[0]]
    if form == "noun":
        if not arabic and subject is not None and not after_object and re.search(r"['’]s?\s*$", text[subject[1] : start]):
            theme = subject  # "Altman's ouster"
        elif after_object and (arabic or _OF_EN.search(text[end : after_object[0][0]]) or _ENDS_IN_PREPOSITION.search(text, start, end) or not transitive):
            theme = after_object[0]
        else:
            theme = None
        agent_name = by_agent[2] if by_agent else (_light_verb_agent(text, start, names, light_verb, arabic) or "")
    elif arabic and passive:
        # «وكانت مديرة المستشفى رنا الزلفاني قد أُقيلت», «وعُيّن ... نديم الغزول»: the name it binds
        # undergoes the act; who acted only from «من قبل», «على يد»
        # (past a title set off by commas: «ماريك تولين، المشرف على الوردية، اعتُقل الأربعاء»)
        theme = subject or (after_object[0] if after_object else None) or _apposed_subject(text, start, names)
        agent_name = by_agent[2] if by_agent else ""
    elif arabic:
        if subject is None:
            # «وكان ماتياس كوفار، الرئيس التنفيذي للشركة، قد مثل أمام اللجنة»: the subject put
            # first, past its title set off by commas, then «قد» and the verb
            subject = _apposed_subject(text, start, names, _APPOSED_BEFORE_QAD_AR)
        if subject is not None:  # «سوتسكيفر، الذي طرد ألتمان»: a name before acts (SVO)
            agent_name, theme = subject[2], (after_object[0] if after_object else None)
        elif len(after_object) >= 2:  # VSO: «أقالت OpenAI ألتمان»
            agent_name, theme = after_object[0][2], after_object[1]
        elif after_object and kind.patient_only_after and not _led_by(text, end, after_object[0][0], kind.patient_after):
            agent_name, theme = after_object[0][2], None  # «وقّعت شركة معادن ترساليا عقداً»: who signed
        elif after_object and _acts_on_unnamed(text, start, end, after_object[0]):
            agent_name, theme = after_object[0][2], None  # «أغلقت معادن ترساليا المنجم»: who closed, then what
        else:
            agent_name, theme = "", (after_object[0] if after_object else None)
        if by_agent:
            agent_name = by_agent[2]
    else:
        passive = bool(_PASSIVE_EN.search(text[max(0, start - 40) : start]))
        if passive:
            theme, agent_name = subject, (by_agent[2] if by_agent else "")
        else:
            agent_name, theme = (subject[2] if subject else ""), (after_object[0] if after_object else None)
            if theme is None and subject is not None:
                theme = _relative_object(text, subject, names)  # "Nabil Sarraf, whom the minister fired"
    if not transitive:
        # who resigned, returned or died: the one the sentence binds, before the word or after
        name = agent_name or (theme[2] if theme else "")
        if form == "noun" or (arabic and not subject):
            name = (theme[2] if theme else "") or agent_name
        return name, "", (theme[1] if theme and theme[2] == name and theme[0] >= end else -1)
    if theme is not None:
        patient = theme[2]
        if theme[0] >= end:
            patient_end = theme[1]
    agent = agent_name if agent_name != patient else ""
    return agent, patient, patient_end


# A definite Arabic word of time: an adverb after the subject, not what the act was done to
# («أقالت شركة نوران اليوم مديرها»).
_TIME_AR = re.compile(
    r"(?:اليوم|الليلة|البارحة|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
    r"|الماضي|الماضية|الجاري|الجارية|الحالي|الحالية|الأسبوع|الاسبوع|الشهر|العام|السنة|الأمس|الامس)$"
)
_NEXT_WORD_AR = re.compile(r"\s*(?:\([^)]*\)\s*)?([\u0600-\u06FF]+)")
# What may stand before a verb that opens its clause (VSO): conjunctions and particles.
_CLAUSE_OPENERS = frozenset("و ف قد وقد فقد لقد ثم وثم كما وكما أن ان بأن وأن إذ اذ وإذ حيث بعد وبعد قبل وقبل حين وحين عندما وعندما لما ولما".split())


def _acts_on_unnamed(text: str, start: int, end: int, name: tuple[int, int, str]) -> bool:
    """Whether the one name after an active Arabic verb (text[start:end]) is who acted and
    what the act was done to follows it unnamed. The verb opens its clause (only a
    conjunction or a particle before it: «وقد», «بعد أن»); the words between it and the
    name are none, only an organisation's kind, a person's title, or one word without the
    article (the name's own: «معادن ترساليا»); and the word after the name (past its
    spelling in brackets) is a definite noun, not a word of time: «أغلقت معادن ترساليا
    المنجم», «أقال وزير المالية تاديلي المدير», but «أقالت الشركة ألتمان» (the company
    acted), «أقال ألتمان من منصبه», «أقال ألتمان يوم الجمعة», «عيّنت الشلبكي رئيساً»
    (an indefinite noun after the name is the role it was given), and «القسمارية تعيّن
    الشلبكي المدير» (a subject before the verb)."""
    opened = _clause_start(text, start, back=200)
    if any(w.strip("«»\"'()") not in _CLAUSE_OPENERS for w in text[opened:start].split()):
        return False
    lead = text[end : name[0]]
    words = lead.split()
    own = len(words) == 1 and not words[0].startswith("ال") and not _PREPOSITION.search(lead)  # «معادن ترساليا»: a word of its name
    titled = bool(words) and _title_word(words[0])  # «وزير المالية تاديلي», not «مجلس الإدارة المدير فلان»
    if _BREAK.search(lead) or not (own or titled or _kind_words_only(lead)):
        return False
    m = _NEXT_WORD_AR.match(text, name[1], name[1] + 120)
    if m is None or _TIME_AR.match(m.group(1)):
        return False
    if m.group(1).startswith("ال") and len(m.group(1)) > 3:
        return True
    # or a noun made definite by the definite noun after it, no title («علّقت وزارة الصحة
    # ترخيص التصنيع»: the licence of manufacturing; but «عيّنت الحكومة فلان وزير النقل»)
    then = _NEXT_WORD_AR.match(text, m.end(), m.end() + 120)
    return bool(then and then.group(1).startswith("ال") and len(m.group(1)) > 2 and not _title_word(m.group(1)) and not _TIME_AR.match(then.group(1)) and not is_verb(m.group(1)))


# What may stand between a clause's start and its verb besides the openers: «وكانت الشرطة
# قد اعتقلته» (a subject after «كان», then «قد»).
# A particle may open the clause first («إذ كان وزير الطاقة نبيل شرف قد أقاله»), and the
# subject may be a titled name of up to eight words.
# what may open the clause of a verb with its object glued to it, besides the openers of any
# clause: «منذ أن عيّنها» (since he appointed her), and a relative pronoun whose gender the
# pronoun repeats («فروخ، الذي كانت الشرطة قد اعتقلته»: whom the police arrested)
_SINCE = frozenset({"منذ", "ومنذ"})
_SINCE_LEAD = re.compile(r"(?:^|(?<=\s))و?منذ\s+(?:أن\s+)?$")
_RELATIVE_FOR = {"ه": frozenset({"الذي"}), "هم": frozenset({"الذين"}), "ها": frozenset({"التي"})}
_WAS_AR = re.compile(
    r"^\s*(?:(?:" + "|".join(sorted(_CLAUSE_OPENERS - {"قد", "وقد", "فقد", "لقد"} | _SINCE | {"الذي", "التي", "الذين"})) + r")\s+)?"
    r"[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){1,8}?قد\s*$"
)


def _dropped_subject(text: str, start: int, end: int) -> bool:
    """Whether an Arabic verb (text[start:end]) opens its clause and tells its subject only
    by its own ending: a preposition, a word of time or the clause's end follows it, where
    a named or described subject would («استقال يوم السبت», «عادت إلى منصبها»; not «استقال
    المدير التنفيذي»)."""
    lead = text[_clause_start(text, start, back=200) : start]
    if any(w.strip("«»\"'()") not in _CLAUSE_OPENERS for w in lead.split()):
        return False
    return _SUBJECT_DROPPED.match(text, end) is not None


# what follows an Arabic verb whose subject is only its ending: a preposition, a word of
# time, a date's digits, or the clause's end
_SUBJECT_DROPPED = re.compile(
    r"\s*(?:$|[،,.;:؛!?؟]|(?:من|إلى|الى|في|على|عن|بعد|قبل|منذ|يوم|أمس|اليوم|مساء|صباح|ليلة|أول|الأسبوع|الشهر|\d)(?![^\W\d_]))"
)


def _glued_participants(
    text: str, start: int, end: int, names: list[tuple[int, int, str, str]], kind: EventType, pronoun: str, referent: str = ""
) -> tuple[str, str]:
    """(agent, patient) of an Arabic verb with its object glued to it (text[start:end]:
    «إذ أوقفته الشرطة», «وكانت الشرطة قد اعتقلته», «أقالته الشركة»). The verb must open its
    clause (only a conjunction or a particle before it) or follow «كان ... قد»; whom it was
    done to is the pronoun's party, the nearest name before the verb in the sentence (a
    person for «ه», a person or an organisation for «ها»); who acted, a name bound before it
    («كان ... قد»), else the first name after it that no preposition leads. ("", "") when the
    verb stands elsewhere: «في الوقت عينه» (at the same time) is no appointment."""
    opened = _clause_start(text, start, back=200)
    lead = text[opened:start]
    since = _SINCE_LEAD.search(lead)
    if since:
        lead = lead[since.start() :]  # «وتتولى مورافيتس رئاسة الاتحاد منذ أن عيّنها»: the clause of «منذ أن»
    relative = [w for w in lead.split()[:1] if w in _RELATIVE_FOR["ه"] | _RELATIVE_FOR["هم"] | _RELATIVE_FOR["ها"]]
    if relative and relative[0] not in _RELATIVE_FOR.get(pronoun, ()):
        return "", ""  # «التي أقالته»: the clause's subject is what it is about, the pronoun someone else
    openers = _CLAUSE_OPENERS | _SINCE | set(relative)
    if any(w.strip("«»\"'()") not in openers for w in lead.split()) and not _WAS_AR.match(lead):
        return "", ""
    wanted = ("person", "name") if pronoun == "ه" else ("person", "organisation", "name")
    before = [(s, e, n) for s, e, n, t in names if e <= start and t in wanted]
    subject = _subject_before(text, start, names) if lead.split() and _WAS_AR.match(lead) else None
    if subject is not None:
        before = [x for x in before if x[0] < subject[0]]  # the pronoun stands for someone before who acted
        agent = subject[2]
    else:
        after = _objects(text, end, _names_after(text, end, names, True), "verb", True, kind.patient_after)
        agent = after[0][2] if after else ""
    # with no name before it in its sentence, the pronoun stands for the person the sentences
    # before last named («... يوسف هلال. وكانت الشرطة قد أوقفته»)
    patient = before[-1][2] if before else referent if not names or names[0][0] >= start else ""
    return (agent if agent != patient else ""), patient


def _led_by(text: str, lo: int, hi: int, prepositions: tuple[str, ...]) -> bool:
    """Whether one of ``prepositions`` stands in text[lo:hi] (the words before a name)."""
    if not prepositions:
        return False
    return _prepositions(prepositions).search(text, lo, hi) is not None


@lru_cache(maxsize=64)
def _allowed_tail(prepositions: tuple[str, ...]) -> re.Pattern:
    """One of an action's own prepositions ending the words before a name, perhaps with a
    word or two of title after it («على نادي رمدون»), compiled once."""
    return re.compile(r"(?:^|\s)[وف]?(?:" + "|".join(fuzzy_pattern(w) for w in prepositions) + r")(?:\s+[^\s,،]+){0,2}\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _prepositions(prepositions: tuple[str, ...]) -> re.Pattern:
    """One pattern over an action's prepositions, each a word of its own (a conjunction
    glued to it allowed), compiled once."""
    return re.compile(r"(?:^|(?<=\s))[وف]?(?:" + "|".join(fuzzy_pattern(w) for w in prepositions) + r")(?=\s|$)", re.IGNORECASE)


OFFICE_CHARS = 60  # how far before a person's name their title is read
OFFICE_WORDS = 4  # at most this many words of the title between its office and the name
_TITLE_JOINERS = frozenset(("of", "the", "and", "for", "&"))


def acts_for_the_state(text: str, name: str, kind: str, lex: EventLexicon | None = None, bodies: str = "public_bodies") -> bool | None:
    """Whether the party ``name`` (of entity type ``kind``) acts for the state in the
    sentence ``text``: a person whose title, right before the name in its clause, is a
    public office ("Transport Minister Karim Abdel-Nour", «وزير النقل كريم عبد النور»), an
    organisation whose name or the words right before it name a body of the state ("the
    Civil Aviation Authority", «وزارة النقل», «هيئة الطيران المدني»; with ``bodies`` the
    [agents] list ``government_bodies``: one a public office acts for, «وزارة النقل» but not
    «هيئة الطيران المدني»). None when the name is not found in the sentence as written."""
    lex = lex or event_lexicon()
    found = re.search(fuzzy_pattern(name), text) if name else None
    if found is None:
        return None
    key = "public_offices" if kind == "person" else bodies
    pattern = lex.agent_patterns.get(key)
    if pattern is None:
        return False
    if kind != "person" and pattern.search(text, found.start(), found.end()):
        return True
    lo = max(_clause_start(text, found.start(), back=OFFICE_CHARS), found.start() - OFFICE_CHARS)
    offices = list(pattern.finditer(text, lo, found.start()))
    if not offices:
        return False
    between = _WORD.findall(text[offices[-1].end() : found.start()])
    # the title's own words only: "Transport and Ports Minister Karim", "Minister of Transport
    # Karim", «وزير النقل والموانئ كريم»; not "the minister said Karim"
    return len(between) <= OFFICE_WORDS and all(_ARABIC.search(w) or w[:1].isupper() or w.lower() in _TITLE_JOINERS for w in between)


def event_identity(action: str, agent: str, patient: str, identity) -> tuple[str, ...] | None:
    """The participants that make two reports of ``action`` one event, or None when the
    sentence does not name them."""
    values = {"agent": agent, "patient": patient}
    wanted = tuple(values[k] for k in identity)
    return wanted if all(wanted) else None


__all__ = ["EventLexicon", "EventMention", "acts_for_the_state", "event_identity", "event_lexicon", "find_events"]
