"""The ``coophistory`` command: one History call and its formatting per subcommand.

Only what ``who`` needs is imported at the top; exports, diagrams and the graph load inside the
commands that use them, so the common question stays fast.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, Final, NoReturn

from coophistory.dataset import BUNDLED
from coophistory.dates import parse_date
from coophistory.exceptions import CoopHistoryError, DataError
from coophistory.history import History, load
from coophistory.records import FUNCTIONS
from coophistory.text import show_controls

__all__ = ["main"]

PROG: Final = "coophistory"
_RENDER_VIEWS: Final = ("handovers", "timeline", "snapshot", "lanes")
_EXPORT_FORMATS: Final = ("json", "csv", "jsonld", "graphml", "timelinejs")
_DIAGRAM_FORMATS: Final = ("svg", "dot", "png", "pdf")
_BINARY_FORMATS: Final = ("png", "pdf")
_CSV_TABLES: Final = (
    "mandates",
    "events",
    "laws",
    "bodies",
    "handovers",
    "sources",
    "coop_types",
    "conflicts",
)
# json.dumps escapes C0 controls itself; these it leaves raw.
_UNSAFE_IN_JSON: Final = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the mistake and exit with status 2."""
        _print_line(sys.stderr, f"{self.prog}: error: {message} (see '{self.prog} --help')")
        raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: the process's arguments); return its status."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except DataError as err:
        for problem in err.problems:
            _print_line(sys.stderr, f"{PROG}: {problem}")
    except FileNotFoundError as err:
        _print_line(sys.stderr, f"{PROG}: error: {err}")
    except CoopHistoryError as err:
        _print_line(sys.stderr, f"{PROG}: error: {err}")
    except BrokenPipeError:
        sys.stderr.close()  # the reader stopped early (``| head``): nothing more to say
    except KeyboardInterrupt:
        # a file being written was removed whole, and a ``dot`` being run was ended with us
        _print_line(sys.stderr, f"{PROG}: interrupted")
        return 130
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Who supervised and promoted Peru's cooperatives, when, "
        "under which law, according to which source.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    parser.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar="FILE",
        help="answer from this TOML or JSON file instead of the bundled data "
        "(repeatable; give the bundled path too to extend it)",
    )
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True, parser_class=_Parser
    )

    def command(
        name: str, run: Callable[[argparse.Namespace], int], text: str, *, json_output: bool = True
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
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
        "who", _who, "Who held a function over a cooperative type on a date, with law and source."
    )
    who.add_argument("coop_type", metavar="TYPE", help="a cooperative type: id, name or alias")
    who.add_argument("date", metavar="DATE", help="an EDTF date: 2019-01-01, 1995-06 or 1978")
    function_option(who)

    on = command("on", _on, "Every cooperative type and who held each function on a date.")
    on.add_argument("date", metavar="DATE", help="an EDTF date: 2019-01-01, 1995-06 or 1978")
    on.add_argument("--function", choices=FUNCTIONS, help="only this function (default: both)")

    handovers = command(
        "handovers", _handovers, "When a function passed from some bodies to others."
    )
    handovers.add_argument(
        "coop_type",
        metavar="TYPE",
        nargs="?",
        help="only handovers concerning this type (default: every type)",
    )
    function_option(handovers)

    timeline = command("timeline", _timeline, "Events in date order, within [--from, --to).")
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
        _render,
        "Draw a Graphviz diagram; the format comes from --format or the "
        "file's extension (.svg, .png, .pdf, .dot).",
        json_output=False,
    )
    render.add_argument("view", choices=_RENDER_VIEWS, help="which diagram")
    render.set_defaults(usage_error=render.error)
    _output_option(render)
    render.add_argument(
        "--format",
        dest="diagram_format",
        choices=_DIAGRAM_FORMATS,
        help="the diagram's format (default: the output file's extension; needed with -o -)",
    )
    render.add_argument(
        "--on", metavar="DATE", help="the day a snapshot shows (snapshot only, required)"
    )
    _range_options(render)
    render.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="timeline only: events of this kind (repeatable)",
    )
    function_option(render)

    export = command(
        "export",
        _export,
        "Write the whole history in another format: to a file (atomically) or, with -o -, "
        "to standard output.",
        json_output=False,
    )
    export.add_argument("format", choices=_EXPORT_FORMATS, help="the format")
    export.set_defaults(usage_error=export.error)
    _output_option(export)
    export.add_argument(
        "--table",
        choices=_CSV_TABLES,
        default="mandates",
        help="csv only: which table (default: mandates)",
    )
    export.add_argument(
        "--base",
        default="urn:coophistory:",
        metavar="IRI",
        help="jsonld only: the prefix of record IRIs (default: urn:coophistory:)",
    )

    validate = command(
        "validate", _validate, "Check data files and list every problem; exit 0 when clean."
    )
    validate.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="TOML or JSON data files"
    )
    validate.add_argument(
        "--with-bundled", action="store_true", help="check the files together with the bundled data"
    )

    command("sources", _sources, "Every source the history cites.")
    command("conflicts", _conflicts, "Every fact on which sources disagree, with each claim.")
    return parser


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

        _print_line(sys.stdout, f"{parser.prog} {coophistory.__version__}")
        raise SystemExit(0)


# --- output ----------------------------------------------------------------------------------


def _print_line(stream: IO[str], text: str) -> None:
    stream.write(show_controls(text) + "\n")


def _print_lines(lines: Iterable[str]) -> None:
    for line in lines:
        _print_line(sys.stdout, line)


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    rows = [[show_controls(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


# --- commands --------------------------------------------------------------------------------


def _history(args: argparse.Namespace) -> History:
    return load(*args.data) if args.data else load()


def _who(args: argparse.Namespace) -> int:
    answer = _history(args).supervisor(args.coop_type, args.date, args.function)
    if args.json:
        _print_json(answer.to_dict())
    else:
        _print_lines([str(answer)])
    return 0


def _on(args: argparse.Namespace) -> int:
    history = _history(args)
    functions = (args.function,) if args.function else FUNCTIONS
    answers = {f: history.supervision_on(args.date, f) for f in functions}
    if args.json:
        _print_json(
            {
                "on": str(parse_date(args.date)),
                "answers": [
                    answers[f][t.id].to_dict() for t in history.concrete_types() for f in functions
                ],
            }
        )
        return 0

    def holders(answer: Any) -> str:
        named = [b.label_on(answer.day) for b in answer.bodies]
        named += [f"{b.label_on(answer.day)}?" for b in answer.possible]
        return " + ".join(named) or "-"

    rows = [("type", *functions)]
    rows += [
        (t.id, *(holders(answers[f][t.id]) for f in functions)) for t in history.concrete_types()
    ]
    _print_lines(_table(rows))
    if any(not a.certain for by_type in answers.values() for a in by_type.values()):
        _print_lines(["(?: possibly; not certain on that date)"])
    return 0


def _handovers(args: argparse.Namespace) -> int:
    from coophistory.export import handover_dict  # noqa: PLC0415 - off the `who` path

    history = _history(args)
    found = [handover_dict(history, h) for h in history.handovers(args.coop_type, args.function)]
    if args.json:
        _print_json(found)
        return 0

    def names(refs: list[dict[str, Any]]) -> str:
        return ", ".join(ref["acronym"] or ref["name"] for ref in refs)

    def types(h: dict[str, Any]) -> str:
        excluding = f" except {', '.join(h['excluding'])}" if h["excluding"] else ""
        return ", ".join(h["coop_types"]) + excluding

    _print_lines(
        f"{h['date']}  {h['function']} of {types(h)}: {names(h['from'])} → {names(h['to'])}"
        + (f" ({', '.join(law['label'] for law in h['laws'])})" if h["laws"] else "")
        for h in found
    )
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from coophistory.export import record_row  # noqa: PLC0415 - off the `who` path

    events = _history(args).events(args.start, args.end, args.coop_type, args.kind)
    if args.json:
        _print_json([record_row("events", e) for e in events])
    else:
        _print_lines(f"{e.date}  [{e.kind}] {e.title}" for e in events)
    return 0


def _render(args: argparse.Namespace) -> int:
    from coophistory import render  # noqa: PLC0415 - graphviz off the `who` path

    history = _history(args)
    if args.view == "snapshot":
        if args.on is None:
            args.usage_error("render snapshot needs --on DATE")
        diagram = render.snapshot(history, args.on)
    elif args.view == "timeline":
        diagram = render.timeline(history, args.start, args.end, args.kind)
    elif args.view == "lanes":
        diagram = render.lanes(history, args.function)
    else:
        diagram = render.handovers(history)
    render.write(diagram, _destination(args, args.diagram_format), args.diagram_format)
    return 0


def _export(args: argparse.Namespace) -> int:
    from coophistory import export  # noqa: PLC0415 - off the `who` path

    options: dict[str, Any] = {}
    if args.format == "csv":
        options["table"] = args.table
    elif args.format == "jsonld":
        options["base"] = args.base
    export.write(_history(args), args.format, _destination(args, args.format), **options)
    return 0


def _destination(args: argparse.Namespace, fmt: str | None) -> Path | BinaryIO:
    """The output path, or standard output for ``-o -`` (binary formats never to a terminal)."""
    if args.output != "-":
        return Path(args.output)
    if fmt is None:
        args.usage_error(f"-o - needs --format ({', '.join(_DIAGRAM_FORMATS)})")
    if fmt in _BINARY_FORMATS and sys.stdout.isatty():
        args.usage_error(f"will not write {fmt} to a terminal: redirect -o - to a file or a pipe")
    sys.stdout.flush()
    return sys.stdout.buffer


def _validate(args: argparse.Namespace) -> int:
    files = [BUNDLED, *args.files] if args.with_bundled else list(args.files)
    try:
        history = load(*files)
    except DataError as err:
        problems = [str(p) for p in err.problems]
    except FileNotFoundError as err:
        problems = [str(err)]
    else:
        problems = []
    if args.json:
        _print_json({"valid": not problems, "files": [str(f) for f in files], "problems": problems})
    elif problems:
        _print_lines(problems)
    else:
        _print_lines([f"{', '.join(map(str, files))}: no problems ({history!r})"])
    return 1 if problems else 0


def _sources(args: argparse.Namespace) -> int:
    from coophistory.export import record_row  # noqa: PLC0415 - off the `who` path

    sources = _history(args).sources()
    if args.json:
        _print_json([record_row("sources", s) for s in sources])
        return 0
    for source in sources:
        details = ", ".join(str(d) for d in (source.author, source.publisher, source.year) if d)
        line = f"{source.id}: {source.title}" + (f" ({details})" if details else "")
        _print_lines([line + (f" <{source.url}>" if source.url else "")])
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from coophistory.export import record_row  # noqa: PLC0415 - off the `who` path

    conflicts = _history(args).conflicts()
    if args.json:
        _print_json([record_row("conflicts", c) for c in conflicts])
        return 0
    for conflict in conflicts:
        lines = [f"{conflict.id}: {conflict.title}"]
        for claim in conflict.claims:
            mark = " (preferred)" if claim.value == conflict.preferred else ""
            lines.append(
                f"  - {claim.value}{mark}: {claim.citation}"
                + (f" ({claim.note})" if claim.note else "")
            )
        if conflict.reason:
            lines.append(f"  reason: {conflict.reason}")
        _print_lines(lines)
    return 0
