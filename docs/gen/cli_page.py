"""The command-line reference page, read off the command line's own parser."""

from __future__ import annotations

import argparse

from docs.gen.markup import HEADER, anchor_text, code, md

from coophistory import cli
from coophistory.cli.parser import CommandParser

__all__ = ["cli_page"]


def _metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return str(action.metavar)
    if action.choices is not None:
        return "{" + ",".join(str(c) for c in action.choices) + "}"
    return str(action.dest).upper()


def _invocation(action: argparse.Action, *, short: bool) -> str:
    """How an argument is written: ``TYPE``, ``FILE [FILE ...]``, ``-o FILE``, ``--json``."""
    value = _metavar(action)
    if not action.option_strings:
        if action.nargs == "+":
            return f"{value} [{value} ...]"
        return f"[{value}]" if action.nargs == "?" else value
    names = list(action.option_strings[:1] if short else action.option_strings)
    if action.nargs == 0:
        return ", ".join(names)
    return ", ".join([*names[:-1], f"{names[-1]} {value}"])


def _usage(name: str, parser: CommandParser) -> str:
    """The usage line, written out here so it reads the same on every Python version."""
    parts = [name]
    positionals = []
    for action in parser.arguments:
        if action.option_strings:
            written = _invocation(action, short=True)
            parts.append(written if action.required else f"[{written}]")
        else:
            positionals.append(_invocation(action, short=True))
    if parser.commands:
        positionals.append("COMMAND ...")
    return " ".join(parts + positionals)


def _arguments(parser: CommandParser) -> list[str]:
    rows = []
    for action in parser.arguments:
        meaning = md(action.help or "")
        if action.choices is not None and action.metavar is not None:
            meaning += f" (one of {', '.join(code(str(c)) for c in action.choices)})"
        if action.required and action.option_strings:
            meaning += " **Required.**"
        rows.append(f"| {code(_invocation(action, short=False))} | {meaning} |")
    if not rows:
        return []
    return ["| argument | meaning |", "|---|---|", *rows]


def cli_page(parser: CommandParser | None = None) -> str:
    """The command-line reference: every command, its usage and its arguments, from the parser."""
    if parser is None:
        parser, prog = cli.parser(), cli.PROG
    else:
        prog = parser.prog
    commands = parser.commands
    lines = [
        HEADER.format(origin="command-line parser in src/coophistory/cli/parser.py"),
        "# Command line",
        "",
        f"The {code(prog)} command asks the bundled history (or your own files) the same "
        "questions as the Python API, for people who work in a terminal or a script. A "
        "mistake (an unknown type, a bad date, a broken file) prints one line naming it, with "
        "close matches, and exits with status 1; a usage error exits with status 2. Every "
        "command also takes `-h`/`--help`, which prints what this page shows.",
        "",
        "Commands that list things take `--json`; the shapes they print are described in "
        "[JSON output](cli-json.md). A walk through a session is in the [tutorial](tutorial.md).",
        "",
        "| command | what it does |",
        "|---|---|",
    ]
    lines += [
        f"| [{code(name)}](#{anchor_text(name)}) | {md(sub.description or '')} |"
        for name, sub in commands.items()
    ]
    lines += [
        "",
        "## Options for every command {#global-options}",
        "",
        md(parser.description or ""),
        "",
        "```text",
        _usage(prog, parser),
        "```",
        "",
        "These go before the command: `coophistory --data mine.toml who housing 1995`.",
        "",
        *_arguments(parser),
    ]
    for name, sub in commands.items():
        lines += [
            "",
            f"## {code(f'{prog} {name}')} {{#{anchor_text(name)}}}",
            "",
            md(sub.description or ""),
            "",
            "```text",
            _usage(f"{prog} {name}", sub),
            "```",
            "",
            *_arguments(sub),
        ]
    return "\n".join(lines).rstrip() + "\n"
