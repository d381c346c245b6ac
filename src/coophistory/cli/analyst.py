"""The analyst's subcommands: ``diff``, the look-ups, ``show`` and ``search``.

Registered by :mod:`coophistory.cli.parser`; the modules doing the work load inside each command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from coophistory.cli.output import print_json, print_lines, table
from coophistory.history import History, load
from coophistory.records import FUNCTIONS

__all__ = ["register"]

Command = Callable[..., argparse.ArgumentParser]


def register(command: Command) -> None:
    """Add the analyst's subcommands through the parser's ``command(name, run, text)`` helper."""
    diff = command(
        "diff", _diff, "What changed between two dates: holders, handovers, laws and events."
    )
    diff.add_argument("start", metavar="A", help="the first date (EDTF: 2018-06-01, 2018)")
    diff.add_argument("end", metavar="B", help="the second date, after the first")
    diff.add_argument("--function", choices=FUNCTIONS, help="only this function (default: both)")
    diff.add_argument(
        "--type", dest="coop_type", metavar="TYPE", help="only this type and its subtypes"
    )
    command("types", _types, "Every cooperative type: id, names in both languages, aliases.")
    command("bodies", _bodies, "Every body: id, names, acronyms, founding and dissolution.")
    command("laws", _laws, "Every law, decree and resolution with its dates.")
    command("sources", _sources, "Every source the history cites, and whether it was read.")
    show = command("show", _show, "One record and its relations: a body, law, type or source.")
    show.add_argument(
        "name", metavar="ID-OR-NAME", help="an id, name, acronym, law number or source id"
    )
    search = command(
        "search", _search, "Search names, aliases, descriptions, notes and titles, ranked."
    )
    search.add_argument("text", metavar="TEXT", help="words to find (case and accents ignored)")


def history_of(args: argparse.Namespace) -> History:
    """The history a command answers from: the ``--data`` files, or the bundled data."""
    return load(*args.data) if args.data else load()


def _diff(args: argparse.Namespace) -> int:
    found = history_of(args).changes_between(
        args.start, args.end, function=args.function, coop_type=args.coop_type
    )
    if args.json:
        print_json(found.to_dict())
    else:
        print_lines(str(found).splitlines())
    return 0


def _listing(args: argparse.Namespace, kind: str) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    history = history_of(args)
    if args.json:
        print_json(lookup.rows(history, kind))
    else:
        print_lines(table(lookup.table(history, kind)))
    return 0


def _types(args: argparse.Namespace) -> int:
    return _listing(args, "types")


def _bodies(args: argparse.Namespace) -> int:
    return _listing(args, "bodies")


def _laws(args: argparse.Namespace) -> int:
    return _listing(args, "laws")


def _sources(args: argparse.Namespace) -> int:
    return _listing(args, "sources")


def _show(args: argparse.Namespace) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    shown = lookup.show(history_of(args), args.name)
    if args.json:
        print_json(shown.data)
    else:
        print_lines(shown.lines)
    return 0


def _search(args: argparse.Namespace) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    hits = lookup.search(history_of(args), args.text)
    if args.json:
        print_json([hit.to_dict() for hit in hits])
    else:
        print_lines(lookup.hit_lines(hits))
    return 0
