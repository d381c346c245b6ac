"""The command line's language: ``--lang`` read before parsing, and argparse's own words.

argparse writes "usage:", its section titles and its error messages through a module-level
``_`` that reads the process's gettext domain; :func:`argparse_speaking` points it at our
catalog for the time a parser is built and used. The messages below are argparse's own, copied
so that our catalog carries their translations; a Python whose argparse words them differently
shows those in English.
"""

from __future__ import annotations

import argparse
import contextlib
import threading
from collections.abc import Iterator, Sequence
from typing import Final

from coophistory.i18n import N_, gettext, ngettext

__all__ = ["ARGPARSE_MESSAGES", "argparse_speaking", "peek_lang"]

ARGPARSE_MESSAGES: Final = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("can't open '%(filename)s': %(error)s"),
)

# The options before the command that take a value: what follows them is not the command.
_VALUED: Final = frozenset({"--data", "--lang"})

# argparse's `_` is one name for the whole process: one parser speaks at a time.
_SPEAKING: Final = threading.RLock()


@contextlib.contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """Within the block, argparse's own messages come from our catalog in ``lang``."""

    def translate(message: str) -> str:
        return gettext(message, lang=lang)

    def plural(one: str, many: str, n: int) -> str:
        return ngettext(one, many, n, lang=lang)

    with _SPEAKING:
        saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
        setattr(argparse, "_", translate)  # noqa: B010 - the stub does not declare it
        setattr(argparse, "ngettext", plural)  # noqa: B010
        try:
            yield
        finally:
            setattr(argparse, "_", saved[0])  # noqa: B010
            setattr(argparse, "ngettext", saved[1])  # noqa: B010


def peek_lang(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` among the options before the command, if given.

    The language must be known before the parser is built, since its help is in that language.

    >>> peek_lang(["--data", "x.toml", "--lang", "es", "who", "housing", "1978"])
    'es'
    >>> peek_lang(["--lang=en", "who"]), peek_lang(["who", "--lang", "es"])
    ('en', None)
    """
    arguments = list(argv)
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            return argument.partition("=")[2]
        if argument == "--lang":
            return arguments[index + 1] if index + 1 < len(arguments) else None
        if not argument.startswith("-") and (index == 0 or not _takes_value(arguments[index - 1])):
            break  # the command: what follows is its own
    return None


def _takes_value(option: str) -> bool:
    """Whether a global option before the command is followed by its value."""
    return option in _VALUED
