"""A source's metadata: the fields, what each may hold, and where a user writes them.

Fields (all optional): ``title``, ``outlet``, ``url``, ``published``, ``updated``,
``language``, ``translation_of``, ``locale``. A user writes them in a sidecar ``NAME.meta.toml`` beside
the file or in ``.md`` front matter; HTML pages carry their own. Every value a user wrote
is checked, and a bad one is a :class:`SourceError` line naming the file and the field:

* ``title``, ``outlet``: one line of text (no line breaks or control characters), at most
  500 characters;
* ``url``: an absolute URL (``https://...``), at most 2,000 characters;
* ``published``, ``updated``: an ISO date (``2023-11-20``, ``2023-11`` or ``2023``; a TOML
  or YAML date, or a bare year) of a real day, years 1000 to 9999; ``updated`` may not be
  earlier than ``published``;
* ``language``: a language tag ("ar", "en-GB"); its primary subtag is kept;
* ``translation_of``: another source's id (a file stem, not a path or a file name), never
  the source's own id;
* ``locale``: a CLDR locale ("en_US", "ar_EG", "en-GB"), kept as "en_US": it orders the day
  and month of numeric dates (month first where the locale writes them so).

Unknown keys: the sidecar is factcheck's own file, so a key it does not know is refused
(a misspelt ``publised`` would otherwise be dropped without a word); notes for people go in
TOML comments, data for other tools in an ``[extra]`` table, which factcheck never reads.
Front matter is shared with site generators (``tags``, ``layout``, ``draft``...), so unknown
keys there are ignored, except one that looks like a misspelt field (``Published``,
``translation-of``, ``publised``): that is refused with the field it resembles. Metadata
found in HTML was not written by the user: a bad value there is dropped, not an error.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factcheck.errors import SourceError
from factcheck.sources.files import is_source_name, read_source_bytes

METADATA_FIELDS = ("title", "outlet", "url", "published", "updated", "language", "translation_of", "locale")
SIDECAR_EXTRA = "extra"  # the sidecar's table for other tools' data
MAX_SIDECAR_BYTES = 1_000_000
MAX_TEXT_CHARS = 500
MAX_URL_CHARS = 2000

_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# How close an unknown front matter key must be to a field to be taken for a misspelling:
# "publised" (0.93) and "updated_" are; "date", "lang", "author", "publishDate" are not.
_TYPO_RATIO = 0.85


class _BadField(ValueError):
    """A metadata value that does not fit its field; the message completes a sentence."""


def _as_iso_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if not 1000 <= value.year <= 9999:
            raise _BadField(f"is not a plausible date: {value.isoformat()!r} (years 1000 to 9999)")
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)  # a bare year written without quotes
    if isinstance(value, str):
        m = _ISO_DATE.fullmatch(value.strip())
        if m:
            year, month, day = m.groups()
            try:
                dt.date(int(year), int(month or 1), int(day or 1))
            except ValueError:
                raise _BadField(f"is not a real date: {value!r}") from None
            if int(year) < 1000:
                raise _BadField(f"is not a plausible date: {value!r} (years 1000 to 9999)")
            return value.strip()
    raise _BadField(f"must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {_shown(value)}")


def _as_text(value: Any, limit: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _BadField(f"must be a non-empty string, not {_shown(value)}")
    text = value.strip()
    if _CONTROL.search(text):
        raise _BadField(f"must be one line of text without control characters, not {_shown(value)}")
    if len(text) > limit:
        raise _BadField(f"is {len(text)} characters long; at most {limit} are allowed")
    return text


def _as_language(value: Any) -> str:
    text = _as_text(value)
    m = _LANGUAGE.fullmatch(text)
    if not m:
        raise _BadField(f"must be a language code such as 'ar' or 'en', not {value!r}")
    # The pipeline chooses its rules by the primary language: "ar-EG" is read as "ar".
    return m.group(1).lower()


def _as_locale(value: Any) -> str:
    from babel import Locale, UnknownLocaleError

    text = _as_text(value)
    try:
        locale = Locale.parse(text.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise _BadField(f"must be a locale such as 'en_US' or 'ar_EG', not {value!r}") from None
    return str(locale)


def _as_url(value: Any) -> str:
    text = _as_text(value, MAX_URL_CHARS)
    if not _URL.fullmatch(text):
        raise _BadField(f"must be an absolute URL such as 'https://example.com/a', not {value!r}")
    return text


def _as_source_id(value: Any) -> str:
    text = _as_text(value)
    if "/" in text or "\\" in text:
        raise _BadField(f"must be a source id (a file stem), not a path: {value!r}")
    if is_source_name(text):
        raise _BadField(f"must be a source id without extension, e.g. {Path(text).stem!r}")
    return text


_FIELD_CHECKS = {
    "title": _as_text,
    "outlet": _as_text,
    "url": _as_url,
    "published": _as_iso_date,
    "updated": _as_iso_date,
    "language": _as_language,
    "translation_of": _as_source_id,
    "locale": _as_locale,
}


def _shown(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a table"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _resembles(key: str) -> str | None:
    """The field an unknown key looks like a misspelling of, if any."""
    norm = key.strip().lower().replace("-", "_").replace(" ", "_")
    if norm in METADATA_FIELDS:
        return norm
    close = difflib.get_close_matches(norm, METADATA_FIELDS, n=1, cutoff=_TYPO_RATIO)
    return close[0] if close else None


def check_metadata(raw: Mapping[Any, Any], where: str, strict: bool = True, unknown: str = "ignore") -> dict[str, str]:
    """The metadata fields of ``raw``, checked.

    ``strict``: a bad value raises :class:`SourceError` naming ``where`` and the field;
    otherwise (metadata found in HTML, not written by the user) it is dropped. ``unknown``:
    "refuse" (a sidecar), "typos" (front matter: only keys that look like a misspelt
    field are refused) or "ignore".
    """
    if unknown != "ignore":
        allowed = set(METADATA_FIELDS) | ({SIDECAR_EXTRA} if unknown == "refuse" else set())
        for key in sorted((k for k in raw if k not in allowed), key=str):
            like = _resembles(str(key))
            hint = f"; did you mean {like!r}?" if like else ""
            if unknown == "refuse":
                raise SourceError(
                    f"{where}: unknown key {str(key)!r}{hint} (known: {', '.join(METADATA_FIELDS)}; "
                    f"other tools' data goes in an [{SIDECAR_EXTRA}] table)"
                )
            if like:
                raise SourceError(f"{where}: key {str(key)!r} is not a metadata field{hint}")
        if unknown == "refuse" and SIDECAR_EXTRA in raw and not isinstance(raw[SIDECAR_EXTRA], dict):
            raise SourceError(f"{where}: {SIDECAR_EXTRA!r} must be a table ([{SIDECAR_EXTRA}]), not {_shown(raw[SIDECAR_EXTRA])}")
    out: dict[str, str] = {}
    for key in METADATA_FIELDS:
        value = raw.get(key)
        if value is None:
            continue  # absent, or an empty YAML value
        try:
            out[key] = _FIELD_CHECKS[key](value)
        except _BadField as err:
            if strict:
                raise SourceError(f"{where}: field {key!r} {err}") from None
    return out


def check_source_metadata(metadata: dict[str, str], source_id: str, where: str) -> None:
    """Checks across fields, once every contributor is merged: ``translation_of`` names
    another source; ``updated`` is not before ``published`` (compared at the coarser of
    their precisions: "2023-11" is not before "2023-11-20")."""
    if metadata.get("translation_of") == source_id:
        raise SourceError(f"{where}: field 'translation_of' names this source itself ({source_id!r}); it must name the original")
    published, updated = metadata.get("published"), metadata.get("updated")
    if published and updated:
        n = min(len(published), len(updated))
        if updated[:n] < published[:n]:
            raise SourceError(f"{where}: field 'updated' ({updated}) is earlier than 'published' ({published})")


def sidecar_ids(path: Path) -> tuple[str, str]:
    """(SHA-256, git's blob id) of the sidecar ``NAME.meta.toml`` of the source at ``path``,
    or ("", "") when it has none: editing a sidecar changes the source as much as editing
    its text does."""
    from factcheck.sources.files import SIDECAR_SUFFIX, source_ids

    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not os.path.lexists(sidecar):
        return "", ""
    return source_ids(sidecar, MAX_SIDECAR_BYTES)


def read_sidecar(sidecar: Path) -> dict[str, str]:
    """The checked fields of a sidecar ``NAME.meta.toml`` (read like a source file: a
    regular file inside the folder, at most 1 MB; unknown keys refused)."""
    raw = read_source_bytes(sidecar, MAX_SIDECAR_BYTES)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SourceError(f"{sidecar}: not valid TOML (it must be UTF-8)") from None
    except tomllib.TOMLDecodeError as err:
        raise SourceError(f"{sidecar}: not valid TOML ({err})") from None
    except RecursionError:
        raise SourceError(f"{sidecar}: not valid TOML (nested too deeply)") from None
    return check_metadata(data, str(sidecar), unknown="refuse")


_FRONT_MATTER_OPEN = re.compile(r"(---|\+\+\+)[ \t]*\n")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)


def front_matter(text: str, path: Path) -> tuple[dict[str, str], int] | None:
    """Metadata and body offset of a Markdown file's front matter, or None if it has none."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return None
    is_yaml = opening.group(1) == "---"
    closing = (_YAML_CLOSE if is_yaml else _TOML_CLOSE).search(text, opening.end())
    if not closing:
        return None  # a rule line at the top, not front matter
    block = text[opening.end() : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    where = f"{path} (front matter)"
    if is_yaml:
        import yaml
        from frontmatter.default_handlers import YAMLHandler

        try:
            data = YAMLHandler().load(block)
        except yaml.YAMLError as err:
            problem = " ".join(str(err).split())
            raise SourceError(f"{where}: not valid YAML ({problem})") from None
        except RecursionError:
            raise SourceError(f"{where}: not valid YAML (nested too deeply)") from None
        except (ValueError, TypeError, OverflowError) as err:  # PyYAML building a value: 2023-02-30
            raise SourceError(f"{where}: not valid YAML ({' '.join(str(err).split())})") from None
    else:
        # python-frontmatter's TOML handler needs the third-party `toml` package; the
        # standard library reads it just as well.
        try:
            data = tomllib.loads(block)
        except tomllib.TOMLDecodeError as err:
            raise SourceError(f"{where}: not valid TOML ({err})") from None
        except RecursionError:
            raise SourceError(f"{where}: not valid TOML (nested too deeply)") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError(f"{where}: must be a mapping of fields such as 'title: ...'")
    return check_metadata(data, where, unknown="typos"), body_start
