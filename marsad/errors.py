"""One exception tree for marsad.

Library code raises these; only the CLI catches them and records them in the
manifest. Each class carries a stable ``code`` that is easy to search for and
to assert in tests.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(MarsadError):
    """An input could not be turned into a document."""

    code = "E100"


class MissingInputError(InputError):
    """A path given on the command line does not exist."""

    code = "E101"


class DecodeError(InputError):
    """Bytes that are not text in any encoding we accept."""

    code = "E102"


class EmptyInputError(InputError):
    """A file or record with no text in it."""

    code = "E103"


class BinaryInputError(InputError):
    """A file that holds binary data, not text."""

    code = "E104"


class ParseError(InputError):
    """Malformed JSON or HTML that could not be recovered."""

    code = "E105"


class TooLargeError(InputError):
    """An input over the configured size limit."""

    code = "E106"


class UnsupportedInputError(InputError):
    """A file type marsad does not read."""

    code = "E107"


class ConfigError(MarsadError):
    """A settings file or option that cannot be used."""

    code = "E200"


class PipelineError(MarsadError):
    """A pipeline that cannot run, e.g. a component whose needs are not met."""

    code = "E300"


class ModelError(MarsadError):
    """A packaged model or table that is missing or unreadable."""

    code = "E400"
