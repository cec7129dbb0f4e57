"""Page furniture: lines that belong to the web page, not to the article.

Read-also links, reading time, bylines, share buttons, navigation, comment prompts and
similar lines hold numbers ("وقت القراءة 3 دقيقة", "اقرأ أيضًا: ... 55 مليون دولار") that are
not claims. :func:`furniture_reason` names why a line is furniture, or returns None for
article text.

The patterns live in ``factcheck/data/boilerplate.toml`` (read its header for the format);
a user adds site-specific ones with an extra TOML file of the same format. Two rules keep
real sentences out: patterns are anchored at the start of the line, and a rule never
matches a line longer than its ``max_chars``: furniture is short, sentences are not.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize_arabic

__all__ = ["FurnitureRule", "FurniturePatterns", "load_patterns", "furniture_reason", "REASONS"]

#: Reasons used by the shipped patterns. Extra files may add their own.
REASONS = (
    "read_also",
    "reading_time",
    "byline",
    "share",
    "navigation",
    "comments",
    "dateline",
    "image_placeholder",
    "logo",
    "source_line",
    "label",
    "markup",
)

_DEFAULT_MAX_CHARS = 80
_REASON_NAME = re.compile(r"[a-z][a-z0-9_]*")
_RULE_KEYS = {"reason", "patterns", "max_chars", "ignore_case"}
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class FurnitureRule:
    """One reason with its compiled patterns and length limit."""

    reason: str
    patterns: tuple[re.Pattern[str], ...]
    max_chars: int
    origin: str  # the file it came from, for messages

    def matches(self, prepared_line: str) -> bool:
        """True if ``prepared_line`` (see :func:`prepare_line`) is this kind of furniture."""
        if len(prepared_line) > self.max_chars:
            return False
        return any(p.match(prepared_line) for p in self.patterns)


@dataclass(frozen=True)
class FurniturePatterns:
    """The rules, in the order they are tried."""

    rules: tuple[FurnitureRule, ...]


def prepare_line(line: str) -> str:
    """The form of a line that patterns are matched against.

    NFKC, stripped, whitespace collapsed, Arabic normalised (see the data file's header).
    """
    line = unicodedata.normalize("NFKC", line)
    return normalize_arabic(_WS.sub(" ", line).strip())


def _fail(origin: str, problem: str) -> ConfigError:
    return ConfigError(f"furniture patterns file {origin}: {problem}")


def _parse(data: dict[str, Any], origin: str) -> tuple[FurnitureRule, ...]:
    unknown = set(data) - {"max_chars", "rule"}
    if unknown:
        raise _fail(origin, f"unknown top-level key {sorted(unknown)[0]!r} (expected max_chars, rule)")
    default_max = data.get("max_chars", _DEFAULT_MAX_CHARS)
    if not isinstance(default_max, int) or isinstance(default_max, bool) or default_max <= 0:
        raise _fail(origin, "max_chars must be a positive integer")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise _fail(origin, "rules must be written as [[rule]] tables")
    rules = []
    for number, raw in enumerate(raw_rules, start=1):
        where = f"rule {number}"
        if not isinstance(raw, dict):
            raise _fail(origin, f"{where} is not a table")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise _fail(origin, f"{where} has unknown key {sorted(unknown)[0]!r}")
        reason = raw.get("reason")
        if not isinstance(reason, str) or not _REASON_NAME.fullmatch(reason):
            raise _fail(origin, f"{where} needs a reason written as a lowercase word, such as 'share'")
        patterns = raw.get("patterns")
        if (
            not isinstance(patterns, list)
            or not patterns
            or not all(isinstance(p, str) and p for p in patterns)
        ):
            raise _fail(origin, f"{where} ({reason}) needs patterns, a list of regular expressions")
        max_chars = raw.get("max_chars", default_max)
        if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars <= 0:
            raise _fail(origin, f"{where} ({reason}): max_chars must be a positive integer")
        ignore_case = raw.get("ignore_case", True)
        if not isinstance(ignore_case, bool):
            raise _fail(origin, f"{where} ({reason}): ignore_case must be true or false")
        flags = re.IGNORECASE if ignore_case else 0
        compiled = []
        for pattern in patterns:
            try:
                # Same Arabic normalisation as the lines, so patterns are written naturally.
                compiled.append(re.compile(normalize_arabic(pattern), flags))
            except re.error as err:
                raise _fail(origin, f"{where} ({reason}): bad pattern {pattern!r}: {err}") from None
        rules.append(FurnitureRule(reason, tuple(compiled), max_chars, origin))
    return tuple(rules)


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[FurnitureRule, ...]:
    resource = resources.files("factcheck").joinpath("data/boilerplate.toml")
    with resource.open("rb") as fh:
        return _parse(tomllib.load(fh), "factcheck/data/boilerplate.toml")


def load_patterns(extra: Path | None = None) -> FurniturePatterns:
    """The shipped furniture rules, preceded by those of ``extra`` (a TOML file) if given.

    The extra file has the same format as ``factcheck/data/boilerplate.toml``; its rules are
    tried first. Raises :class:`ConfigError` (one line, naming the file) when it is missing,
    is not TOML, or has a bad rule or pattern.
    """
    rules = _builtin_rules()
    if extra is not None:
        extra = Path(extra)
        try:
            with extra.open("rb") as fh:
                data = tomllib.load(fh)
        except FileNotFoundError:
            raise _fail(str(extra), "not found") from None
        except OSError as err:
            raise _fail(str(extra), f"cannot be read ({err.strerror or err})") from None
        except tomllib.TOMLDecodeError as err:
            raise _fail(str(extra), f"is not valid TOML ({err})") from None
        rules = _parse(data, str(extra)) + rules
    return FurniturePatterns(rules)


def furniture_reason(line: str, patterns: FurniturePatterns | None = None) -> str | None:
    """Why ``line`` is page furniture, or None when it is article text (or blank).

    >>> furniture_reason("وقت القراءة 3 دقيقة")
    'reading_time'
    >>> furniture_reason("اقرأ أيضًا: رئيس جوجل السابق يشتري قصرًا بقيمة 55 مليون دولار")
    'read_also'
    >>> furniture_reason("شارك ماسك في تأسيس OpenAI مع ألتمان وآخرين.") is None
    True
    """
    prepared = prepare_line(line)
    if not prepared:
        return None
    rules = patterns.rules if patterns is not None else _builtin_rules()
    for rule in rules:
        if rule.matches(prepared):
            return rule.reason
    return None
