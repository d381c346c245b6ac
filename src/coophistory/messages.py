"""The sentences errors are told in, in any language with a catalog.

Each sentence is one whole message with named placeholders, so that a translator sees it all
and may put the words in the order the language wants. In English an error says what its own
message says; in another language the message is rebuilt from the error's parts.

>>> from coophistory.errors import UnknownNameError
>>> unknown_name(UnknownNameError("cooperative type", "vivenda", ["housing"]), lang="es",
...              labels={"housing": "cooperativas de vivienda"})
'tipo de cooperativa desconocido: “vivenda”; ¿quiso decir “cooperativas de vivienda”?'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from coophistory.errors import (
    CoopHistoryError,
    DataError,
    InvalidDateError,
    InvalidOptionError,
    MissingFileError,
    NothingChosenError,
    Phrase,
    Problem,
    ReversedRangeError,
    UnknownChoiceError,
    UnknownLanguageError,
    UnknownNameError,
    WrongTypeError,
)
from coophistory.i18n import N_, SOURCE_LANGUAGE, gettext, ngettext, pgettext
from coophistory.text import show_controls

__all__ = ["error_text", "phrase_text", "problem_text", "quoted", "unknown_name"]


def quoted(text: str, *, lang: str) -> str:
    """Text quoted as the language quotes: ``'vivenda'`` in English, ``“vivenda”`` in Spanish."""
    # TRANSLATORS: how a name the user typed is quoted in a message.
    return pgettext("quote", "'{text}'", lang=lang).format(text=show_controls(text))


# One whole message per kind of record: the kind's word decides the gender of the sentence.
_UNKNOWN: Final[dict[str, str]] = {
    "body": N_("unknown body {name}"),
    "conflict": N_("unknown conflict {name}"),
    "cooperative type": N_("unknown cooperative type {name}"),
    "function": N_("unknown function {name}"),
    "law": N_("unknown law {name}"),
    "source": N_("unknown source {name}"),
}
_AMBIGUOUS: Final[dict[str, str]] = {
    "body": N_("body {name} is ambiguous: it could be {candidates}"),
    "cooperative type": N_("cooperative type {name} is ambiguous: it could be {candidates}"),
    "law": N_("law {name} is ambiguous: it could be {candidates}"),
}


def _unknown(kind: str, name: str, lang: str) -> str:
    if kind in _UNKNOWN:
        return gettext(_UNKNOWN[kind], lang=lang).format(name=name)
    return gettext("unknown {kind} {name}", lang=lang).format(kind=kind, name=name)


def _ambiguous(kind: str, name: str, candidates: str, lang: str) -> str:
    if kind in _AMBIGUOUS:
        return gettext(_AMBIGUOUS[kind], lang=lang).format(name=name, candidates=candidates)
    return gettext("{kind} {name} is ambiguous: it could be {candidates}", lang=lang).format(
        kind=kind, name=name, candidates=candidates
    )


def unknown_name(
    error: UnknownNameError, *, lang: str, labels: Mapping[str, str] | None = None
) -> str:
    """The message of a failed lookup in ``lang``; ``labels`` names the candidates' ids."""
    name = quoted(str(error.name), lang=lang)
    named = [labels.get(s, s) if labels else s for s in error.suggestions]
    # TRANSLATORS: how a suggested name is quoted; English lists ids bare.
    candidate = pgettext("quote candidate", "{text}", lang=lang)
    candidates = ", ".join(candidate.format(text=show_controls(n)) for n in named)
    if error.ambiguous:
        return _ambiguous(error.kind, name, candidates, lang)
    message = _unknown(error.kind, name, lang)
    if not named:
        return message
    return gettext("{message}; did you mean {candidates}?", lang=lang).format(
        message=message, candidates=candidates
    )


_UNKNOWN_CHOICE: Final[dict[str, str]] = {
    "export format": N_("unknown export format {name}; expected one of {choices}"),
    "table": N_("unknown table {name}; expected one of {choices}"),
}

_NOTHING_CHOSEN: Final[dict[str, str]] = {
    "function": N_("no function chosen; expected one or more of {choices}"),
}


def error_text(
    error: CoopHistoryError, *, lang: str, labels: Mapping[str, str] | None = None
) -> str:
    """What an error says, in ``lang``; ``labels`` names the records a lookup suggests."""
    if lang == SOURCE_LANGUAGE:
        return str(error)
    if isinstance(error, UnknownChoiceError):
        choice = _UNKNOWN_CHOICE.get(
            error.kind, N_("unknown {kind} {name}; expected one of {choices}")
        )
        return gettext(choice, lang=lang).format(
            kind=error.kind, name=quoted(error.name, lang=lang), choices=", ".join(error.choices)
        )
    if isinstance(error, UnknownNameError):
        return unknown_name(error, lang=lang, labels=labels)
    template, fields = _words(error, lang)
    return str(error) if template is None else gettext(template, lang=lang).format(**fields)


def _words(error: CoopHistoryError, lang: str) -> tuple[str | None, dict[str, object]]:
    """An error's message as a catalog message and the values that fill it."""
    if isinstance(error, InvalidDateError):
        reason = gettext(error.reason_template, lang=lang).format(**error.fields)
        text = quoted(str(error.text), lang=lang)
        return N_("invalid date {text}: {reason}"), {"text": text, "reason": reason}
    if isinstance(error, NothingChosenError):
        chosen = _NOTHING_CHOSEN.get(
            error.kind, N_("no {kind} chosen; expected one or more of {choices}")
        )
        return chosen, {"kind": error.kind, "choices": ", ".join(error.choices)}
    if isinstance(error, MissingFileError):
        return N_("no such data file: {path}"), {"path": error.filename}
    if isinstance(error, ReversedRangeError):
        fields = {"start": error.start, "end": error.end}
        return N_("the range from {start} to {end} ends before it starts"), fields
    if isinstance(error, WrongTypeError | InvalidOptionError | UnknownLanguageError | DataError):
        return _misuse(error, lang)
    fields = dict(error.fields)
    if "reason" in fields:  # the operating system's, when the catalog has it (files.OS_REASONS)
        fields["reason"] = gettext(str(fields["reason"]), lang=lang)
    return error.template, fields


_EACH_ITEM: Final = "each item of "


def _misuse(
    error: WrongTypeError | InvalidOptionError | UnknownLanguageError | DataError, lang: str
) -> tuple[str | None, dict[str, object]]:
    """The message of a wrong argument, a wrong option value, an unknown language, bad data."""
    if isinstance(error, WrongTypeError):
        argument = error.argument
        if argument.startswith(_EACH_ITEM):
            inner = argument.removeprefix(_EACH_ITEM)
            argument = gettext("each item of {argument}", lang=lang).format(argument=inner)
        else:
            argument = gettext(argument, lang=lang)
        fields: dict[str, object] = {
            "argument": argument,
            "expected": gettext(error.expected, lang=lang),
            "type": type(error.value).__name__,
        }
        # TRANSLATORS: {type} is a Python type's name (int, list), as Python writes it.
        return N_("{argument} must be {expected}, not {type}"), fields
    if isinstance(error, InvalidOptionError):
        fields = {
            "option": error.option,
            "value": quoted(str(error.value), lang=lang),
            "expected": gettext(error.expected, lang=lang),
        }
        return N_("invalid {option} {value}: expected {expected}"), fields
    if isinstance(error, UnknownLanguageError):
        fields = {
            "name": quoted(error.asked, lang=lang),
            "languages": ", ".join(error.known),
        }
        return N_("unknown language {name}: choose one of {languages}"), fields
    count = len(error.problems)
    heading = ngettext(
        "{count} problem in the data:", "{count} problems in the data:", count, lang=lang
    ).format(count=count)
    problems: dict[str, object] = {
        "heading": heading,
        "problems": "\n".join(f"  {problem_text(p, lang=lang)}" for p in error.problems),
    }
    return "{heading}\n{problems}", problems


def phrase_text(phrase: Phrase, *, lang: str) -> str:
    """A phrase told in ``lang``, the phrases among its values too.

    >>> phrase_text(Phrase("must not be empty"), lang="es")
    'no debe estar vacío'
    """
    values = {
        key: phrase_text(value, lang=lang) if isinstance(value, Phrase) else value
        for key, value in phrase.fields.items()
    }
    if isinstance(values.get("reason"), str):  # the operating system's (files.OS_REASONS)
        values["reason"] = gettext(str(values["reason"]), lang=lang)
    return gettext(phrase.template, lang=lang).format(**values)


def problem_text(problem: Problem, *, lang: str) -> str:
    """One problem of a data file as a line in ``lang``; where it is stays as the file says.

    >>> problem_text(Problem.said("a.toml", "bodies", 2, "x", Phrase("must not be empty")),
    ...              lang="es")
    'a.toml: bodies #2 (x): no debe estar vacío'
    """
    if problem.phrase is None or lang == SOURCE_LANGUAGE:
        return str(problem)
    return f"{problem.where()}: {phrase_text(problem.phrase, lang=lang)}"
