"""Errors a user can cause and fix: reported as one line, never as a traceback."""


class FactcheckError(Exception):
    """Base class of the errors the CLI turns into one line on stderr and exit code 2."""


class SourceError(FactcheckError):
    """A source file cannot be read or analysed (empty, binary, undecodable, too large)."""


class ConfigError(FactcheckError):
    """Bad configuration: an unknown model, a missing model folder, a bad threshold file."""


class QueryError(FactcheckError):
    """A malformed query or a reference to something that is not stored."""
