"""The ``coophistory`` command: a thin face over the library, one History call per subcommand.

Only what ``who`` needs is imported at the top; exports, diagrams and the graph load inside the
commands that use them, so the common question stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from coophistory import prose, prose_output
from coophistory.cli.language import argparse_speaking, peek_lang
from coophistory.cli.output import print_line
from coophistory.cli.parser import PROG, parser
from coophistory.errors import CoopHistoryError, DataError, UnknownLanguageError, UnknownNameError
from coophistory.grammar import grammar
from coophistory.i18n import SOURCE_LANGUAGE, choose_language
from coophistory.messages import error_text, problem_text

__all__ = ["PROG", "main", "parser"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: the process's arguments); return its status.

    It speaks the language of ``--lang``, else ``COOPHISTORY_LANG``, else the user's locale.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        lang = choose_language(peek_lang(arguments))
    except UnknownLanguageError as err:
        print_line(sys.stderr, prose.usage_error(prog=PROG, message=str(err), lang="en"))
        return 2
    with argparse_speaking(lang):
        args = parser(lang).parse_args(arguments)
    args.lang = lang
    try:
        return int(args.run(args))
    except CoopHistoryError as err:
        for line in _error_lines(err, args):
            print_line(sys.stderr, line)
    except BrokenPipeError:
        sys.stderr.close()  # the reader stopped early (``| head``): nothing more to say
    except KeyboardInterrupt:
        # a file being written was left whole, and a ``dot`` being run was ended with us
        print_line(sys.stderr, f"{PROG}: {prose_output.interrupted(lang=lang)}")
        return 130
    return 1


def _error_lines(err: CoopHistoryError, args: argparse.Namespace) -> list[str]:
    """What the command line says about an error: each data problem on a line of its own."""
    if isinstance(err, DataError):
        return [f"{PROG}: {problem_text(p, lang=args.lang)}" for p in err.problems]
    labels = _labels(err, args) if isinstance(err, UnknownNameError) else None
    message = error_text(err, lang=args.lang, labels=labels)
    return [prose.error_line(prog=PROG, message=message, lang=args.lang)]


def _labels(err: UnknownNameError, args: argparse.Namespace) -> dict[str, str]:
    """The names a lookup's suggestions go by in the command's language."""
    history = getattr(args, "history", None)
    if history is None or args.lang == SOURCE_LANGUAGE:
        return {}
    forms = grammar(args.lang)
    if err.kind == "cooperative type":
        return {t.id: forms.type_name(t) for t in history.coop_types()}
    if err.kind == "law":
        return {law.id: forms.law_label(law) for law in history.laws()}
    if err.kind == "body":
        return {b.id: forms.present_name(b) for b in history.bodies()}
    return {}
