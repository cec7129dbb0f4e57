"""Reading the small files a user configures factcheck with, and naming what is wrong in them.

Thresholds, the lexicon, alias tables and the baseline are written by hand, often in a pull
request. Each is read with a size cap, parsed, and checked key by key by its own module, so a
mistake is one :class:`ConfigError` line naming the file, the key and what is allowed (exit 2),
never a traceback and never a run that silently goes wrong. This module holds what those
checks share: bounded reading, TOML parsing, and how a bad value is shown in a message.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError

# Far above any real configuration file (the shipped lexicon is 15 kB): a cap that only
# stops a mistaken path (a log file, a disk image) from being read into memory.
MAX_CONFIG_BYTES = 10_000_000
_SHOWN_CHARS = 40


def read_config_text(path: Path, what: str, max_bytes: int = MAX_CONFIG_BYTES) -> str:
    """The UTF-8 text of the configuration file ``path`` (``what`` names it in errors).

    Regular files and pipes (``--thresholds <(...)``) are read, at most ``max_bytes``;
    folders, devices and sockets are refused before any byte is read.
    """
    path = Path(path)
    try:
        st = os.stat(path)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise ConfigError(f"{what} {path} is {kind_of_file(st.st_mode)}, not a file")
        if st.st_size > max_bytes:
            raise ConfigError(f"{what} {path} is larger than {max_bytes} bytes; is it the right file?")
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise ConfigError(f"cannot read {what} {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if len(raw) > max_bytes:
        raise ConfigError(f"{what} {path} is larger than {max_bytes} bytes; is it the right file?")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{what} {path} is not UTF-8 text (byte {exc.start})") from None


def load_toml(path: Path, what: str) -> dict[str, Any]:
    """Read and parse a TOML configuration file; one line on any failure."""
    return parse_toml(read_config_text(path, what), f"{what} {path}")


def parse_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot read {where}: not valid TOML ({' '.join(str(exc).split())})") from None
    except RecursionError:
        raise ConfigError(f"cannot read {where}: not valid TOML (arrays or tables nested too deeply)") from None


def kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is, for a message ("a FIFO (named pipe)")."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def type_name(value: Any) -> str:
    """How a parsed TOML/JSON value is named to a user: "a string", "a table"..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (dt.date, dt.time)):
        return "a date or time"
    return "null" if value is None else type(value).__name__


def shown(value: Any) -> str:
    """A value as it appears in a message: its repr, cut short; containers by their type only."""
    if isinstance(value, (list, dict)):
        return type_name(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # nan, inf, -inf as written in TOML
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_word(value: Any) -> bool:
    """A non-empty string that is not only whitespace."""
    return isinstance(value, str) and bool(value.strip())


def check_keys(data: dict, known: tuple[str, ...] | list[str], where: str) -> None:
    """Refuse keys of ``data`` outside ``known`` (the first in sorted order, for stable messages)."""
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(known)})")
