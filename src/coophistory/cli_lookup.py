"""The analyst's commands: ``diff``, the look-ups, ``show`` and ``search``.

Registered by :mod:`coophistory.cli`; the modules doing the work load inside each command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from coophistory.records import FUNCTIONS

__all__ = ["register"]

Command = Callable[..., argparse.ArgumentParser]


def register(command: Command) -> None:
    """Add the analyst's subcommands through cli's ``command(name, run, text)`` helper."""
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
    command("conflicts", _conflicts, "Every fact on which sources disagree, with each claim.")
    show = command("show", _show, "One record and its relations: a body, law, type or source.")
    show.add_argument(
        "name", metavar="ID-OR-NAME", help="an id, name, acronym, law number or source id"
    )
    search = command(
        "search", _search, "Search names, aliases, descriptions, notes and titles, ranked."
    )
    search.add_argument("text", metavar="TEXT", help="words to find (case and accents ignored)")


def _cli() -> Any:
    from coophistory import cli  # noqa: PLC0415 - cli imports this module

    return cli


def _diff(args: argparse.Namespace) -> int:
    cli = _cli()
    found = cli._history(args).changes_between(
        args.start, args.end, function=args.function, coop_type=args.coop_type
    )
    if args.json:
        cli._print_json(found.to_dict())
    else:
        cli._print_lines(str(found).splitlines())
    return 0


def _listing(args: argparse.Namespace, kind: str) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    cli = _cli()
    history = cli._history(args)
    if args.json:
        cli._print_json(lookup.rows(history, kind))
    else:
        cli._print_lines(cli._table(lookup.table(history, kind)))
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

    cli = _cli()
    shown = lookup.show(cli._history(args), args.name)
    if args.json:
        cli._print_json(shown.data)
    else:
        cli._print_lines(shown.lines)
    return 0


def _search(args: argparse.Namespace) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    cli = _cli()
    hits = lookup.search(cli._history(args), args.text)
    if args.json:
        cli._print_json([hit.to_dict() for hit in hits])
    else:
        cli._print_lines(lookup.hit_lines(hits))
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from coophistory.export import record_row  # noqa: PLC0415 - off the `who` path

    cli = _cli()
    conflicts = cli._history(args).conflicts()
    if args.json:
        cli._print_json([record_row("conflicts", c) for c in conflicts])
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
        cli._print_lines(lines)
    return 0
