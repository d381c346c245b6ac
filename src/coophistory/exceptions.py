"""The whole error tree of coophistory: one root, each class also the builtin it refines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs


class CoopHistoryError(Exception):
    """Root of every error that coophistory raises on purpose."""


class InvalidDate(CoopHistoryError, ValueError):
    """A string that is not a date of the supported EDTF subset."""

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"invalid date {text!r}: {reason}")


@attrs.frozen
class Problem:
    """One thing wrong in a data file: where it is and what is wrong.

    >>> str(Problem("events.toml", "mandates", 4, "fenacrep → savings-and-credit", "no basis"))
    'events.toml: mandates #4 (fenacrep → savings-and-credit): no basis'
    """

    file: str
    table: str | None
    position: int | None
    label: str | None
    message: str

    def __str__(self) -> str:
        """Return the problem as one line a curator can act on."""
        where = self.file
        if self.table is not None:
            where += f": {self.table}"
            if self.position is not None:
                where += f" #{self.position}"
            if self.label:
                where += f" ({self.label})"
        return f"{where}: {self.message}"


class DataError(CoopHistoryError, ValueError):
    """A data file (or set of files) that does not validate; `.problems` lists every problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data"
        super().__init__("\n".join([heading + ":", *(f"  {p}" for p in self.problems)]))


class UnknownName(CoopHistoryError, LookupError):
    """A name that matches no record, or more than one; suggests close matches."""

    def __init__(
        self, kind: str, name: str, suggestions: Sequence[str], *, ambiguous: bool = False
    ):
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)
        self.ambiguous = ambiguous
        if ambiguous:
            message = f"{kind} {name!r} is ambiguous: it could be {', '.join(self.suggestions)}"
        else:
            message = f"unknown {kind} {name!r}"
            if self.suggestions:
                message += f"; did you mean {', '.join(self.suggestions)}?"
        super().__init__(message)

    def __str__(self) -> str:
        """Return the message without the quoting KeyError-style lookups add."""
        return str(self.args[0])


class RenderError(CoopHistoryError, RuntimeError):
    """A diagram that could not be written, e.g. because Graphviz's dot program is missing."""


class OutputError(CoopHistoryError, OSError):
    """An output path that cannot be written (a directory, a missing folder, no permission)."""
