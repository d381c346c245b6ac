"""The command line's arguments: every subcommand, its options and their help."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn

from coophistory import export as exports
from coophistory import prose
from coophistory import render as diagrams
from coophistory.cli import analyst, commands
from coophistory.cli.output import print_line
from coophistory.grammar import grammar
from coophistory.i18n import available_languages, gettext, pgettext
from coophistory.records import FUNCTIONS

__all__ = ["PROG", "CommandParser", "parser"]

PROG: Final = "coophistory"
#: The bibliography formats ``who --cite`` writes (export formats too).
BIBLIOGRAPHIES: Final = ("csl-json", "bibtex", "ris")


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr, in its language.

    It keeps, for the documentation and the tests, what argparse keeps only privately:
    ``arguments``, its own arguments in order (``-h`` aside), and ``commands``, its
    subcommands' parsers by name.
    """

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        """Build the parser; ``lang`` is the language its usage errors are told in."""
        self.lang = lang
        self.arguments: list[argparse.Action] = []
        self.commands: dict[str, CommandParser] = {}
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Add an argument as argparse does, and remember it in ``arguments``."""
        action = super().add_argument(*args, **kwargs)
        if action.dest != "help":
            self.arguments.append(action)
        return action

    def error(self, message: str) -> NoReturn:
        """Print one line naming the mistake and exit with status 2."""
        print_line(sys.stderr, prose.usage_error(prog=self.prog, message=message, lang=self.lang))
        raise SystemExit(2)


def parser(lang: str = "en") -> CommandParser:
    """The command line's argument parser, every subcommand in it, its help in ``lang``.

    argparse's own words ("usage:", "options") follow ``lang`` only inside
    :func:`coophistory.cli.language.argparse_speaking`.
    """
    top = CommandParser(
        lang=lang,
        prog=PROG,
        description=gettext(
            "Who supervised and promoted Peru's cooperatives, when, "
            "under which law, according to which source.",
            lang=lang,
        ),
    )
    _top_options(top, lang)
    subcommands = top.add_subparsers(
        title=gettext("commands", lang=lang),
        metavar=pgettext("metavar", "COMMAND", lang=lang),
        required=True,
        parser_class=CommandParser,
    )

    def command(
        name: str, run: Callable[[argparse.Namespace], int], text: str, *, json_output: bool = True
    ) -> CommandParser:
        sub = subcommands.add_parser(name, help=text, description=text)
        sub.lang = lang
        top.commands[name] = sub
        sub.set_defaults(run=run)
        if json_output:
            sub.add_argument(
                "--json",
                action="store_true",
                help=gettext("print machine-readable JSON (shapes in docs/cli-json.md)", lang=lang),
            )
        return sub

    def function_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--function",
            choices=FUNCTIONS,
            default="supervision",
            help=gettext("which function (default: supervision)", lang=lang),
        )

    who = command(
        "who",
        commands.who,
        gettext(
            "Who held a function over a cooperative type on a date, with law and source.", lang=lang
        ),
    )
    who.add_argument(
        "coop_type",
        metavar=pgettext("metavar", "TYPE", lang=lang),
        help=gettext("a cooperative type: id, name or alias", lang=lang),
    )
    who.add_argument(
        "date",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("an EDTF date: 2019-01-01, 1995-06 or 1978", lang=lang),
    )
    function_option(who)
    who.add_argument(
        "--cite",
        choices=BIBLIOGRAPHIES,
        help=gettext(
            "print the bibliography entries the answer rests on, locators as pinpoints", lang=lang
        ),
    )

    on = command(
        "on",
        commands.on,
        gettext("Every cooperative type and who held each function on a date.", lang=lang),
    )
    on.add_argument(
        "date",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("an EDTF date: 2019-01-01, 1995-06 or 1978", lang=lang),
    )
    on.add_argument(
        "--function",
        choices=FUNCTIONS,
        help=gettext("only this function (default: both)", lang=lang),
    )

    handovers = command(
        "handovers",
        commands.handovers,
        gettext("When a function passed from some bodies to others.", lang=lang),
    )
    handovers.add_argument(
        "coop_type",
        metavar=pgettext("metavar", "TYPE", lang=lang),
        nargs="?",
        help=gettext("only handovers concerning this type (default: every type)", lang=lang),
    )
    function_option(handovers)

    timeline = command(
        "timeline",
        commands.timeline,
        gettext("Events in date order, within [--from, --to).", lang=lang),
    )
    _range_options(timeline, lang)
    timeline.add_argument(
        "--type",
        dest="coop_type",
        metavar=pgettext("metavar", "TYPE", lang=lang),
        help=gettext("only events about this type, its subtypes or its ancestors", lang=lang),
    )
    timeline.add_argument(
        "--kind",
        metavar=pgettext("metavar", "KIND", lang=lang),
        help=gettext("only events of this kind (law, census, ...)", lang=lang),
    )

    render = command(
        "render",
        commands.render_diagram,
        gettext(
            "Draw a Graphviz diagram; the format comes from --format or the "
            "file's extension (.svg, .png, .pdf, .dot). An option the diagram does not read "
            "is refused.",
            lang=lang,
        ),
        json_output=False,
    )
    render.add_argument(
        "view", choices=tuple(diagrams.VIEWS), help=gettext("which diagram", lang=lang)
    )
    render.set_defaults(usage_error=render.error)
    _output_option(render, lang)
    render.add_argument(
        "--format",
        dest="diagram_format",
        choices=commands.DIAGRAM_FORMATS,
        help=gettext(
            "the diagram's format (default: the output file's extension; needed with -o -, "
            "which sends png and pdf only to a pipe or a file, never to a terminal)",
            lang=lang,
        ),
    )
    render.add_argument(
        "--on",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("the day a snapshot shows (snapshot only, required)", lang=lang),
    )
    render.add_argument(
        "--from",
        dest="start",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("timeline, lanes, handovers: first date", lang=lang),
    )
    render.add_argument(
        "--to",
        dest="end",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("timeline, lanes, handovers: first date excluded", lang=lang),
    )
    render.add_argument(
        "--kind",
        action="append",
        metavar=pgettext("metavar", "KIND", lang=lang),
        help=gettext("timeline only: events of this kind (repeatable)", lang=lang),
    )
    render.add_argument(
        "--function",
        choices=FUNCTIONS,
        help=gettext(
            "lanes, snapshot, handovers: only this function "
            "(default: supervision for lanes, both for the others)",
            lang=lang,
        ),
    )

    export = command(
        "export",
        commands.export,
        gettext(
            "Write the whole history in another format: to a file (atomically) or, with -o -, "
            "to standard output.",
            lang=lang,
        ),
        json_output=False,
    )
    export.add_argument(
        "format", choices=tuple(exports.FORMATS), help=gettext("the format", lang=lang)
    )
    _output_option(export, lang)
    export.set_defaults(usage_error=export.error)
    export.add_argument(
        "--table",
        choices=exports.CSV_TABLES,
        help=gettext("csv only: which table (default: mandates)", lang=lang),
    )
    export.add_argument(
        "--excel",
        action="store_const",
        const=True,
        help=gettext(
            "csv only: start with a byte-order mark, so spreadsheets read accents right", lang=lang
        ),
    )
    export.add_argument(
        "--base",
        metavar=pgettext("metavar", "IRI", lang=lang),
        help=gettext(
            "jsonld only: the prefix of record IRIs, an absolute IRI ending in / or # "
            "(default: urn:coophistory:)",
            lang=lang,
        ),
    )

    validate = command(
        "validate",
        commands.validate,
        gettext(
            "Check data files and list every problem; exit 0 when clean. Records resting only on "
            "unread sources are listed as warnings, which do not fail the check.",
            lang=lang,
        ),
    )
    validate.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar=pgettext("metavar", "FILE", lang=lang),
        help=gettext("TOML or JSON data files", lang=lang),
    )
    validate.add_argument(
        "--with-bundled",
        action="store_true",
        help=gettext("check the files together with the bundled data", lang=lang),
    )

    command(
        "conflicts",
        commands.conflicts,
        gettext("Every fact on which sources disagree, with each claim.", lang=lang),
    )
    analyst.register(command, lang)
    return top


def _output_option(sub: argparse.ArgumentParser, lang: str) -> None:
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=pgettext("metavar", "FILE", lang=lang),
        help=gettext(
            "file to write, or - for standard output; a regular file is replaced atomically, "
            "a device or a FIFO written directly, a symbolic link kept (its target is written)",
            lang=lang,
        ),
    )


def _top_options(top: argparse.ArgumentParser, lang: str) -> None:
    """The options before the command: --version, --data and --lang."""
    top.add_argument(
        "--version", action=_VersionAction, help=gettext("show the version and exit", lang=lang)
    )
    top.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar=pgettext("metavar", "FILE", lang=lang),
        help=gettext(
            "answer from this TOML or JSON file instead of the bundled data "
            "(repeatable; give the bundled path too to extend it)",
            lang=lang,
        ),
    )
    top.add_argument(
        "--lang",
        metavar=pgettext("metavar", "LANG", lang=lang),
        help=gettext(
            "the language to answer in: {languages} (default: COOPHISTORY_LANG, then the locale)",
            lang=lang,
        ).format(languages=", ".join(available_languages())),
    )


def _range_options(sub: argparse.ArgumentParser, lang: str) -> None:
    sub.add_argument(
        "--from",
        dest="start",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("first date included", lang=lang),
    )
    sub.add_argument(
        "--to",
        dest="end",
        metavar=pgettext("metavar", "DATE", lang=lang),
        help=gettext("first date excluded", lang=lang),
    )


class _VersionAction(argparse.Action):
    """Print the version, read from the installed metadata only when asked (it is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        import coophistory  # noqa: PLC0415 - the package is loaded already; this reads metadata
        from coophistory import prose  # noqa: PLC0415 - only when asked

        forms = grammar(getattr(parser, "lang", "en"))
        bundled = coophistory.load()
        current = bundled.current_to
        line = prose.version_line(
            program=parser.prog,
            version=str(coophistory.__version__),
            dataset=bundled.dataset_version,
            current_to="" if current is None else forms.listed_date(current),
            lang=forms.lang,
        )
        print_line(sys.stdout, line)
        raise SystemExit(0)
