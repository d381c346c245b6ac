"""The command line's arguments: every subcommand, its options and their help."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn

from coophistory import export as exports
from coophistory import render as diagrams
from coophistory.cli import analyst, commands
from coophistory.cli.output import print_line
from coophistory.records import FUNCTIONS

__all__ = ["PROG", "parser"]

PROG: Final = "coophistory"
#: The bibliography formats ``who --cite`` writes (export formats too).
BIBLIOGRAPHIES: Final = ("csl-json", "bibtex", "ris")


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the mistake and exit with status 2."""
        print_line(sys.stderr, f"{self.prog}: error: {message} (see '{self.prog} --help')")
        raise SystemExit(2)


def parser() -> argparse.ArgumentParser:
    """The command line's argument parser, every subcommand in it."""
    top = _Parser(
        prog=PROG,
        description="Who supervised and promoted Peru's cooperatives, when, "
        "under which law, according to which source.",
    )
    top.add_argument("--version", action=_VersionAction, help="show the version and exit")
    top.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar="FILE",
        help="answer from this TOML or JSON file instead of the bundled data "
        "(repeatable; give the bundled path too to extend it)",
    )
    subcommands = top.add_subparsers(
        title="commands", metavar="COMMAND", required=True, parser_class=_Parser
    )

    def command(
        name: str, run: Callable[[argparse.Namespace], int], text: str, *, json_output: bool = True
    ) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(name, help=text, description=text)
        sub.set_defaults(run=run)
        if json_output:
            sub.add_argument(
                "--json",
                action="store_true",
                help="print machine-readable JSON (shapes in docs/cli-json.md)",
            )
        return sub

    def function_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--function",
            choices=FUNCTIONS,
            default="supervision",
            help="which function (default: supervision)",
        )

    who = command(
        "who",
        commands.who,
        "Who held a function over a cooperative type on a date, with law and source.",
    )
    who.add_argument("coop_type", metavar="TYPE", help="a cooperative type: id, name or alias")
    who.add_argument("date", metavar="DATE", help="an EDTF date: 2019-01-01, 1995-06 or 1978")
    function_option(who)
    who.add_argument(
        "--cite",
        choices=BIBLIOGRAPHIES,
        help="print the bibliography entries the answer rests on, locators as pinpoints",
    )

    on = command("on", commands.on, "Every cooperative type and who held each function on a date.")
    on.add_argument("date", metavar="DATE", help="an EDTF date: 2019-01-01, 1995-06 or 1978")
    on.add_argument("--function", choices=FUNCTIONS, help="only this function (default: both)")

    handovers = command(
        "handovers", commands.handovers, "When a function passed from some bodies to others."
    )
    handovers.add_argument(
        "coop_type",
        metavar="TYPE",
        nargs="?",
        help="only handovers concerning this type (default: every type)",
    )
    function_option(handovers)

    timeline = command(
        "timeline", commands.timeline, "Events in date order, within [--from, --to)."
    )
    _range_options(timeline)
    timeline.add_argument(
        "--type",
        dest="coop_type",
        metavar="TYPE",
        help="only events about this type, its subtypes or its ancestors",
    )
    timeline.add_argument(
        "--kind", metavar="KIND", help="only events of this kind (law, census, ...)"
    )

    render = command(
        "render",
        commands.render_diagram,
        "Draw a Graphviz diagram; the format comes from --format or the "
        "file's extension (.svg, .png, .pdf, .dot). An option the diagram does not read "
        "is refused.",
        json_output=False,
    )
    render.add_argument("view", choices=tuple(diagrams.VIEWS), help="which diagram")
    render.set_defaults(usage_error=render.error)
    _output_option(render)
    render.add_argument(
        "--format",
        dest="diagram_format",
        choices=commands.DIAGRAM_FORMATS,
        help="the diagram's format (default: the output file's extension; needed with -o -, "
        "which sends png and pdf only to a pipe or a file, never to a terminal)",
    )
    render.add_argument(
        "--on", metavar="DATE", help="the day a snapshot shows (snapshot only, required)"
    )
    render.add_argument(
        "--from", dest="start", metavar="DATE", help="timeline, lanes, handovers: first date"
    )
    render.add_argument(
        "--to", dest="end", metavar="DATE", help="timeline, lanes, handovers: first date excluded"
    )
    render.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="timeline only: events of this kind (repeatable)",
    )
    render.add_argument(
        "--function",
        choices=FUNCTIONS,
        help="lanes, snapshot, handovers: only this function "
        "(default: supervision for lanes, both for the others)",
    )

    export = command(
        "export",
        commands.export,
        "Write the whole history in another format: to a file (atomically) or, with -o -, "
        "to standard output.",
        json_output=False,
    )
    export.add_argument("format", choices=tuple(exports.FORMATS), help="the format")
    _output_option(export)
    export.set_defaults(usage_error=export.error)
    export.add_argument(
        "--table",
        choices=exports.CSV_TABLES,
        help="csv only: which table (default: mandates)",
    )
    export.add_argument(
        "--excel",
        action="store_const",
        const=True,
        help="csv only: start with a byte-order mark, so spreadsheets read accents right",
    )
    export.add_argument(
        "--base",
        metavar="IRI",
        help="jsonld only: the prefix of record IRIs, an absolute IRI ending in / or # "
        "(default: urn:coophistory:)",
    )

    validate = command(
        "validate",
        commands.validate,
        "Check data files and list every problem; exit 0 when clean. Records resting only on "
        "unread sources are listed as warnings, which do not fail the check.",
    )
    validate.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="TOML or JSON data files"
    )
    validate.add_argument(
        "--with-bundled", action="store_true", help="check the files together with the bundled data"
    )

    command(
        "conflicts", commands.conflicts, "Every fact on which sources disagree, with each claim."
    )
    analyst.register(command)
    return top


def _output_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="file to write, or - for standard output; a regular file is replaced atomically, "
        "a device or a FIFO written directly, a symbolic link kept (its target is written)",
    )


def _range_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--from", dest="start", metavar="DATE", help="first date included")
    sub.add_argument("--to", dest="end", metavar="DATE", help="first date excluded")


class _VersionAction(argparse.Action):
    """Print the version, read from the installed metadata only when asked (it is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        import coophistory  # noqa: PLC0415 - the package is loaded already; this reads metadata
        from coophistory import prose  # noqa: PLC0415 - only when asked

        bundled = coophistory.load()
        current = bundled.current_to
        line = prose.version_line(
            program=parser.prog,
            version=str(coophistory.__version__),
            dataset=bundled.dataset_version,
            current_to="" if current is None else str(current),
        )
        print_line(sys.stdout, line)
        raise SystemExit(0)
