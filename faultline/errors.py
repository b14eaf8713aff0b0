"""Typed errors with stable codes; only cli.py and the HTTP layer turn them into messages."""

from __future__ import annotations


class FaultlineError(Exception):
    """Base of every error Faultline raises on purpose; `code` is stable across releases."""

    code = "FL-E000"

    def __init__(self, message: str, *, subject: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.subject = subject  # the file, URL or record the error is about

    def one_line(self) -> str:
        """The message a user sees: code, subject and reason on one line."""
        where = f"{self.subject}: " if self.subject else ""
        return f"{self.code} {where}{self.message}".replace("\n", " ")


class InputError(FaultlineError):
    """An input could not be read at all (missing, unreadable, unsupported kind)."""

    code = "FL-E001"


class EmptyInputError(InputError):
    """The input holds no text."""

    code = "FL-E002"


class BinaryInputError(InputError):
    """The input is binary, not text."""

    code = "FL-E003"


class EncodingError(InputError):
    """The input's bytes are not valid in any encoding we accept."""

    code = "FL-E004"


class TooLargeError(InputError):
    """The input is over the configured size cap."""

    code = "FL-E005"


class LanguageError(InputError):
    """The input is not in a language Faultline can read (English)."""

    code = "FL-E006"


class ParseError(InputError):
    """Structured input (JSONL, HTML, feed) is malformed."""

    code = "FL-E007"


class FetchError(InputError):
    """A URL or feed could not be fetched."""

    code = "FL-E010"


class PrivateAddressError(FetchError):
    """A URL points at a private, loopback or link-local address and private fetching is off."""

    code = "FL-E011"


class GazetteerError(FaultlineError):
    """The gazetteer index is missing, corrupt, or a dump could not be loaded."""

    code = "FL-E020"


class StoreError(FaultlineError):
    """The event database could not be opened, migrated or written."""

    code = "FL-E030"


class NotFoundError(FaultlineError):
    """A requested record (event, article) does not exist."""

    code = "FL-E040"


class DataFileError(FaultlineError):
    """A knowledge file under faultline/data is malformed."""

    code = "FL-E050"


class ExportFormatError(FaultlineError):
    """An export format Faultline does not know."""

    code = "FL-E061"
