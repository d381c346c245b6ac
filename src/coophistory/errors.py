"""The whole error tree of coophistory: one root, each class also the builtin it refines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, Self

import attrs

__all__ = [
    "CoopHistoryError",
    "DataError",
    "InvalidDateError",
    "InvalidOptionError",
    "MissingFileError",
    "NothingChosenError",
    "OutputError",
    "Phrase",
    "Problem",
    "RenderError",
    "ReversedRangeError",
    "UnknownChoiceError",
    "UnknownLanguageError",
    "UnknownNameError",
    "WrongTypeError",
]


class CoopHistoryError(Exception):
    """Root of every error that coophistory raises on purpose.

    An error made by :meth:`worded` keeps its message's words (``template``, a catalog message)
    apart from their values (``fields``), so that it can be told in another language.
    """

    template: str | None = None
    fields: Mapping[str, object] = MappingProxyType({})

    @classmethod
    def worded(cls, template: str, **fields: object) -> Self:
        """The error whose message is ``template`` filled with ``fields``."""
        error = cls(template.format(**fields))
        error.template, error.fields = template, fields
        return error


class InvalidDateError(CoopHistoryError, ValueError):
    """A string that is not a date of the supported EDTF subset.

    ``reason`` is a catalog message, filled with ``fields`` (``there is no month {month}``).
    """

    def __init__(self, text: object, reason: str, **fields: object) -> None:
        self.text = text
        self.reason_template = reason
        self.fields = fields
        self.reason = reason.format(**fields)
        super().__init__(f"invalid date {text!r}: {self.reason}")


class InvalidOptionError(CoopHistoryError, ValueError):
    """An option whose value is of the right type but not a meaningful one (a relative IRI)."""

    def __init__(self, option: str, value: object, expected: str) -> None:
        self.option = option
        self.value = value
        self.expected = expected
        super().__init__(f"invalid {option} {value!r}: expected {expected}")


class Phrase:
    """Words to be told in any language: a catalog message and the values that fill it.

    A value may be a phrase itself, told in the same language; ``str()`` tells it in English.

    >>> str(Phrase("item {index}: {problem}", index=2, problem=Phrase("must not be empty")))
    'item 2: must not be empty'
    """

    __slots__ = ("fields", "template")

    def __init__(self, template: str, /, **fields: object) -> None:
        self.template = template
        self.fields: Mapping[str, object] = MappingProxyType(fields)

    def __str__(self) -> str:
        """Return the phrase in English, the language its templates are written in."""
        return self.template.format(**{k: str(v) for k, v in self.fields.items()})

    def __repr__(self) -> str:
        """Return the phrase as the call that makes it."""
        values = "".join(f", {k}={v!r}" for k, v in self.fields.items())
        return f"Phrase({self.template!r}{values})"

    def __eq__(self, other: object) -> bool:
        """Phrases are equal when their templates and values are."""
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.template, dict(self.fields)) == (other.template, dict(other.fields))

    def __hash__(self) -> int:
        """Hash as the template and the values' text."""
        return hash((self.template, str(self)))


@attrs.frozen
class Problem:
    """One thing wrong in a data file: where it is and what is wrong.

    ``message`` is in English; ``phrase``, when the checker gave one, tells it in any language
    (:func:`coophistory.messages.problem_text`).

    >>> str(Problem("events.toml", "mandates", 4, "fenacrep → savings-and-credit", "no basis"))
    'events.toml: mandates #4 (fenacrep → savings-and-credit): no basis'
    """

    file: str
    table: str | None
    position: int | None
    label: str | None
    message: str
    phrase: Phrase | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @classmethod
    def said(
        cls, file: str, table: str | None, position: int | None, label: str | None, phrase: Phrase
    ) -> Problem:
        """The problem that ``phrase`` states, its English words as its message."""
        return cls(file, table, position, label, str(phrase), phrase=phrase)

    def where(self) -> str:
        """Where the problem is: ``events.toml: mandates #4 (fenacrep → savings-and-credit)``."""
        where = self.file
        if self.table is not None:
            where += f": {self.table}"
            if self.position is not None:
                where += f" #{self.position}"
            if self.label:
                where += f" ({self.label})"
        return where

    def __str__(self) -> str:
        """Return the problem as one line a curator can act on."""
        return f"{self.where()}: {self.message}"


class DataError(CoopHistoryError, ValueError):
    """A data file (or set of files) that does not validate; `.problems` lists every problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data"
        super().__init__("\n".join([heading + ":", *(f"  {p}" for p in self.problems)]))


class WrongTypeError(CoopHistoryError, TypeError):
    """An argument of the wrong type: says what was expected and what was given."""

    def __init__(self, argument: str, expected: str, value: object) -> None:
        self.argument = argument
        self.expected = expected
        self.value = value
        super().__init__(f"{argument} must be {expected}, not {type(value).__name__}")


class ReversedRangeError(CoopHistoryError, ValueError):
    """A range of dates whose end comes before its start."""

    def __init__(self, start: object, end: object) -> None:
        self.start = start
        self.end = end
        super().__init__(f"the range from {start} to {end} ends before it starts")


class UnknownNameError(CoopHistoryError, LookupError):
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


class UnknownChoiceError(UnknownNameError, ValueError):
    """An export format, CSV table, diagram view or function that is not one of the choices."""

    def __init__(self, kind: str, name: str, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)
        super().__init__(kind, name, ())
        self.args = (f"unknown {kind} {name!r}; expected one of {', '.join(self.choices)}",)


class NothingChosenError(CoopHistoryError, ValueError):
    """An empty choice where at least one is needed, e.g. a snapshot of no function."""

    def __init__(self, kind: str, choices: Sequence[str]) -> None:
        self.kind = kind
        self.choices = tuple(choices)
        super().__init__(f"no {kind} chosen; expected one or more of {', '.join(self.choices)}")


class MissingFileError(CoopHistoryError, FileNotFoundError):
    """A data file that does not exist; the message names its path."""

    def __init__(self, path: object) -> None:
        super().__init__(f"no such data file: {path}")
        self.filename = str(path)

    def __str__(self) -> str:
        """Return the message alone, without the errno decoration of OSError."""
        return str(self.args[0])


class UnknownLanguageError(CoopHistoryError, ValueError):
    """A language asked for by name that coophistory has no catalog for."""

    def __init__(self, asked: str, known: Sequence[str]) -> None:
        self.asked = asked
        self.known = tuple(known)
        super().__init__(f"unknown language {asked!r}: choose one of {', '.join(self.known)}")


class RenderError(CoopHistoryError, RuntimeError):
    """A diagram that could not be written, e.g. because Graphviz's dot program is missing."""


class OutputError(CoopHistoryError, OSError):
    """An output path that cannot be written (a directory, a missing folder, no permission)."""


_DEPRECATED: Final = {"InvalidDate": InvalidDateError, "UnknownName": UnknownNameError}


def __getattr__(name: str) -> type[CoopHistoryError]:
    """Serve the pre-0.2 names (without ``Error``) for one more release, with a warning."""
    if name not in _DEPRECATED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import warnings  # noqa: PLC0415 - only for the deprecated names

    new = _DEPRECATED[name]
    warnings.warn(f"{name} is deprecated; use {new.__name__}", DeprecationWarning, stacklevel=2)
    return new
