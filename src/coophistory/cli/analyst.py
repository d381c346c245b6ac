"""The analyst's subcommands: ``diff``, the look-ups, ``show`` and ``search``.

Registered by :mod:`coophistory.cli.parser`; the modules doing the work load inside each command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from coophistory.cli.output import print_json, print_lines, table
from coophistory.history import History, load
from coophistory.i18n import gettext, pgettext
from coophistory.records import FUNCTIONS

__all__ = ["register"]

Command = Callable[..., argparse.ArgumentParser]


def register(command: Command, lang: str = "en") -> None:
    """Add the analyst's subcommands through the parser's ``command(name, run, text)`` helper.

    Their help is in ``lang``.
    """
    diff = command(
        "diff",
        _diff,
        gettext("What changed between two dates: holders, handovers, laws and events.", lang=lang),
    )
    diff.add_argument(
        "start",
        metavar=pgettext("metavar", "A", lang=lang),
        help=gettext("the first date (EDTF: 2018-06-01, 2018)", lang=lang),
    )
    diff.add_argument(
        "end",
        metavar=pgettext("metavar", "B", lang=lang),
        help=gettext("the second date, after the first", lang=lang),
    )
    diff.add_argument(
        "--function",
        choices=FUNCTIONS,
        help=gettext("only this function (default: both)", lang=lang),
    )
    diff.add_argument(
        "--type",
        dest="coop_type",
        metavar=pgettext("metavar", "TYPE", lang=lang),
        help=gettext("only this type and its subtypes", lang=lang),
    )
    command(
        "types",
        _types,
        gettext("Every cooperative type: id, names in both languages, aliases.", lang=lang),
    )
    command(
        "bodies",
        _bodies,
        gettext("Every body: id, names, acronyms, founding and dissolution.", lang=lang),
    )
    command("laws", _laws, gettext("Every law, decree and resolution with its dates.", lang=lang))
    command(
        "sources",
        _sources,
        gettext("Every source the history cites, and whether it was read.", lang=lang),
    )
    show = command(
        "show",
        _show,
        gettext("One record and its relations: a body, law, type or source.", lang=lang),
    )
    show.add_argument(
        "name",
        metavar=pgettext("metavar", "ID-OR-NAME", lang=lang),
        help=gettext("an id, name, acronym, law number or source id", lang=lang),
    )
    search = command(
        "search",
        _search,
        gettext("Search names, aliases, descriptions, notes and titles, ranked.", lang=lang),
    )
    search.add_argument(
        "text",
        metavar=pgettext("metavar", "TEXT", lang=lang),
        help=gettext("words to find (case and accents ignored)", lang=lang),
    )


def _lang(args: argparse.Namespace) -> str:
    """The language the command speaks (set by :func:`coophistory.cli.main`)."""
    return str(getattr(args, "lang", None) or "en")


def history_of(args: argparse.Namespace) -> History:
    """The history a command answers from: the ``--data`` files, or the bundled data."""
    return load(*args.data) if args.data else load()


def _diff(args: argparse.Namespace) -> int:
    found = history_of(args).changes_between(
        args.start, args.end, function=args.function, coop_type=args.coop_type
    )
    if args.json:
        print_json(found.to_dict(_lang(args)))
    else:
        print_lines(found.text(_lang(args)).splitlines())
    return 0


def _listing(args: argparse.Namespace, kind: str) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    history = history_of(args)
    if args.json:
        print_json(lookup.rows(history, kind))
    else:
        print_lines(table(lookup.table(history, kind, _lang(args))))
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

    shown = lookup.show(history_of(args), args.name, _lang(args))
    if args.json:
        print_json(shown.data)
    else:
        print_lines(shown.lines)
    return 0


def _search(args: argparse.Namespace) -> int:
    from coophistory import lookup  # noqa: PLC0415 - off the `who` path

    history, lang = history_of(args), _lang(args)
    hits = lookup.search(history, args.text, lang=lang)
    if args.json:
        # English keys and labels, with the labels in the language asked beside them
        rows = [h.to_dict() for h in lookup.search(history, args.text)]
        if lang != "en":
            told = {(h.kind, h.id): h.label for h in hits}
            for found in rows:
                found[f"label_{lang}"] = told[(found["kind"], found["id"])]
        print_json(rows)
    else:
        print_lines(lookup.hit_lines(hits, lang))
    return 0
