"""Errors a user can cause and fix: reported as one line, never as a traceback."""


class FactcheckError(Exception):
    """Base class of the errors the CLI turns into one line on stderr and exit code 2."""


class SourceError(FactcheckError):
    """A source file cannot be read or analysed (empty, binary, undecodable, too large)."""


class ConfigError(FactcheckError):
    """Bad configuration: an unknown model, a missing model folder, a bad threshold file."""


class QueryError(FactcheckError):
    """A malformed query or a reference to something that is not stored."""


class StoreError(FactcheckError):
    """The claims database cannot be used: damaged, read-only, locked, or from a newer factcheck."""


class LockError(StoreError):
    """Another factcheck command is writing the same database and did not finish in time."""


class AnalysisError(FactcheckError):
    """A sentence could not be analysed and ``--strict`` asked for that to stop the command."""


ERROR_CHARS = 300  # an error line names the problem; a message quoting a whole sentence is cut


def one_line(exc: BaseException) -> str:
    """"ValueError: message" on one line, without a traceback, cut at ``ERROR_CHARS``.

    >>> one_line(ValueError("no\\n  digits"))
    'ValueError: no digits'
    """
    message = " ".join(str(exc).split())
    if len(message) > ERROR_CHARS:
        message = message[: ERROR_CHARS - 1] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def failure_line(exc: BaseException, db_path: object = None) -> str:
    """One line saying what went wrong, for an exception nothing closer to it explained.

    Database errors get a line a user can act on; anything else is named by its class and
    message, as a failure of the tool (its traceback is shown only with ``--debug``).

    >>> import sqlite3
    >>> failure_line(sqlite3.OperationalError("attempt to write a readonly database"), "claims.db")
    'cannot write claims.db: the file or its folder is read-only'
    >>> failure_line(ValueError("bad"))
    'internal error: ValueError: bad (run with --debug for the traceback)'
    """
    import sqlite3

    message = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, FactcheckError):
        return message
    db = str(db_path) if db_path else "the claims database"
    if isinstance(exc, sqlite3.Error):
        lowered = message.lower()
        if "readonly" in lowered or "read-only" in lowered:
            return f"cannot write {db}: the file or its folder is read-only"
        if "locked" in lowered or "busy" in lowered:
            return f"{db} is locked by another process ({message}); try again, or raise --lock-timeout"
        if "disk is full" in lowered or "disk full" in lowered:
            return f"cannot write {db}: no space left on the device"
        if "unable to open" in lowered:
            return f"cannot open {db} ({message})"
        if type(exc) is sqlite3.DatabaseError or any(w in lowered for w in ("malformed", "not a database", "i/o error", "corrupt")):
            return f"{db} is damaged ({message}); move it away and run again to rebuild it from the sources (decisions live in the baseline file)"
        return f"database error in {db}: {message}"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read"
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        return f"cannot read or write{where}: {exc.strerror or message}"
    return f"internal error: {type(exc).__name__}: {message} (run with --debug for the traceback)"
