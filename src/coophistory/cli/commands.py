"""The subcommands: each one History call and the formatting of its answer."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, Final

import pendulum

from coophistory import prose, prose_output
from coophistory.answers import handover_dict
from coophistory.cli.output import print_json, print_lines, print_text, table
from coophistory.dates import parse_date
from coophistory.errors import DataError, MissingFileError
from coophistory.grammar import grammar
from coophistory.history import History, load
from coophistory.i18n import SOURCE_LANGUAGE
from coophistory.loading import BUNDLED
from coophistory.records import FUNCTIONS, Body, Handover
from coophistory.schema import row

__all__ = [
    "DIAGRAM_FORMATS",
    "conflicts",
    "export",
    "handovers",
    "on",
    "render_diagram",
    "timeline",
    "validate",
    "who",
]

#: The formats ``render --format`` takes (without graphviz: naming them must not import it).
DIAGRAM_FORMATS: Final = ("svg", "dot", "png", "pdf")
_BINARY_FORMATS: Final = ("png", "pdf")


def _history(args: argparse.Namespace) -> History:
    """The history asked about, kept on ``args`` so an error can name its records."""
    history = load(*args.data) if args.data else load()
    args.history = history
    return history


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", None) or SOURCE_LANGUAGE)


def who(args: argparse.Namespace) -> int:
    """``coophistory who``: who held a function over a type on a date."""
    history = _history(args)
    answer = history.supervisor(args.coop_type, args.date, function=args.function)
    if args.cite:
        from coophistory.export import cite  # noqa: PLC0415 - off the `who` path

        print_text(cite.entries(history, answer.citations, args.cite))
    elif args.json:
        print_json(answer.to_dict(_lang(args)))
    else:
        print_lines([answer.text(_lang(args))])
    return 0


def on(args: argparse.Namespace) -> int:
    """``coophistory on``: every concrete type and its holders on a date."""
    history = _history(args)
    functions = (args.function,) if args.function else FUNCTIONS
    answers = {f: history.supervision_on(args.date, function=f) for f in functions}
    if args.json:
        print_json(
            {
                "on": str(parse_date(args.date)),
                "answers": [
                    answers[f][t.id].to_dict(_lang(args))
                    for t in history.concrete_types()
                    for f in functions
                ],
            }
        )
        return 0
    forms = grammar(_lang(args))

    def holders(answer: Any) -> str:
        named = [forms.body_label(b, answer.day) for b in answer.bodies]
        named += [f"{forms.body_label(b, answer.day)}?" for b in answer.possible]
        return " + ".join(named) or "-"

    rows = [(prose.type_heading(lang=forms.lang), *(forms.function(f) for f in functions))]
    rows += [
        (forms.type_row(t), *(holders(answers[f][t.id]) for f in functions))
        for t in history.concrete_types()
    ]
    print_lines(table(rows))
    if any(not a.certain for by_type in answers.values() for a in by_type.values()):
        print_lines([prose.possibly_note(lang=forms.lang)])
    return 0


def handovers(args: argparse.Namespace) -> int:
    """``coophistory handovers``: when a function passed between bodies."""
    history, lang = _history(args), _lang(args)
    found = history.handovers(args.coop_type, function=args.function)
    if args.json:
        print_json([handover_dict(history, h, lang) for h in found])
        return 0
    forms = grammar(lang)

    def names(bodies: tuple[Body, ...], h: Handover) -> str:
        day = h.date.earliest or pendulum.Date(1, 1, 1)
        return ", ".join(forms.body_label(b, day) for b in bodies)

    def types(h: Handover) -> str:
        named = history.coop_type
        return forms.types_of(map(named, h.coop_types), map(named, h.excluding))

    print_lines(
        prose.handover_line(
            date=forms.listed_date(h.date),
            function=forms.function(h.function),
            types=types(h),
            givers=names(h.from_bodies, h),
            receivers=names(h.to_bodies, h),
            laws=", ".join(forms.law_label(history.law(law)) for law in h.basis),
            lang=lang,
        )
        for h in found
    )
    return 0


def timeline(args: argparse.Namespace) -> int:
    """``coophistory timeline``: events in date order within a range."""
    events = _history(args).events(args.start, args.end, coop_type=args.coop_type, kind=args.kind)
    forms = grammar(_lang(args))
    if args.json:
        print_json([row(e) for e in events])
    else:
        print_lines(
            prose.event_line(
                date=forms.listed_date(e.date),
                kind=forms.event_kind(e.kind),
                title=forms.event_title(e),
                lang=forms.lang,
            )
            for e in events
        )
    return 0


# The options each diagram and export format reads; any other one given is refused.
_RENDER_OPTIONS: Final = {
    "snapshot": ("on", "function"),
    "timeline": ("start", "end", "kind"),
    "lanes": ("start", "end", "function"),
    "handovers": ("start", "end", "function"),
}
_EXPORT_OPTIONS: Final = {"csv": ("table", "excel"), "jsonld": ("base",)}
_FLAGS: Final = {
    "on": "--on",
    "start": "--from",
    "end": "--to",
    "kind": "--kind",
    "function": "--function",
    "table": "--table",
    "base": "--base",
    "excel": "--excel",
}


def _refuse_unused(
    args: argparse.Namespace, command: str, choice: str, used: Sequence[str]
) -> None:
    """Stop with a usage error when an option the chosen view or format ignores was given."""
    for option, flag in _FLAGS.items():
        if option not in used and getattr(args, option, None) is not None:
            message = prose.option_not_for(
                option=flag, command=f"{command} {choice}", lang=_lang(args)
            )
            args.usage_error(message)


def render_diagram(args: argparse.Namespace) -> int:
    """``coophistory render``: draw one diagram into a file."""
    from coophistory import render  # noqa: PLC0415 - graphviz off the `who` path

    _refuse_unused(args, "render", args.view, _RENDER_OPTIONS[args.view])
    history, lang = _history(args), _lang(args)
    functions = FUNCTIONS if args.function is None else (args.function,)
    if args.view == "snapshot":
        if args.on is None:
            args.usage_error(prose.snapshot_needs_a_day(lang=lang))
        diagram = render.snapshot(history, args.on, functions=functions, lang=lang)
    elif args.view == "timeline":
        diagram = render.timeline(history, args.start, args.end, kinds=args.kind, lang=lang)
    elif args.view == "lanes":
        function = args.function or "supervision"
        diagram = render.lanes(
            history, function=function, start=args.start, end=args.end, lang=lang
        )
    else:
        diagram = render.handovers(
            history, functions=functions, start=args.start, end=args.end, lang=lang
        )
    render.write(diagram, _destination(args, args.diagram_format), args.diagram_format)
    return 0


def export(args: argparse.Namespace) -> int:
    """``coophistory export``: write the whole history in another format."""
    from coophistory import export  # noqa: PLC0415 - off the `who` path

    used = _EXPORT_OPTIONS.get(args.format, ())
    _refuse_unused(args, "export", args.format, used)
    options = {option: getattr(args, option) for option in used if getattr(args, option)}
    export.write(_history(args), args.format, _destination(args, args.format), **options)
    return 0


def _destination(args: argparse.Namespace, fmt: str | None) -> Path | BinaryIO:
    """The output path, or standard output for ``-o -`` (binary formats never to a terminal)."""
    if args.output != "-":
        return Path(args.output)
    if fmt is None:
        formats = ", ".join(DIAGRAM_FORMATS)
        args.usage_error(prose_output.stdout_needs_a_format(formats, lang=_lang(args)))
    if fmt in _BINARY_FORMATS and sys.stdout.isatty():
        args.usage_error(prose_output.binary_not_to_a_terminal(fmt, lang=_lang(args)))
    sys.stdout.flush()
    return sys.stdout.buffer


def validate(args: argparse.Namespace) -> int:
    """``coophistory validate``: list every problem of data files."""
    files = [BUNDLED, *args.files] if args.with_bundled else list(args.files)
    try:
        history = load(*files)
    except DataError as err:
        from coophistory.messages import problem_text  # noqa: PLC0415 - only on a problem

        problems = [problem_text(p, lang=_lang(args)) for p in err.problems]
    except MissingFileError as err:
        from coophistory.messages import error_text  # noqa: PLC0415 - only on a problem

        problems = [error_text(err, lang=_lang(args))]
    else:
        problems = []
    warnings = [] if problems else _warnings(history, _lang(args))
    if args.json:
        print_json(
            {
                "valid": not problems,
                "files": [str(f) for f in files],
                "problems": problems,
                "warnings": warnings,
            }
        )
    elif problems:
        print_lines(problems)
    else:
        print_lines(warnings)
        files_text = ", ".join(map(str, files))
        print_lines([prose.valid_files(files=files_text, history=repr(history), lang=_lang(args))])
    return 1 if problems else 0


def _warnings(history: History, lang: str) -> list[str]:
    """What a valid history still asks of its curator: records resting only on unread sources."""
    from coophistory.review import resting_on_unread  # noqa: PLC0415 - off the `who` path

    return [
        prose.rests_on_unread(
            table=f.table,
            record=f.record,
            sources=", ".join(dict.fromkeys(c.source for c in f.citations)),
            lang=lang,
        )
        for f in resting_on_unread(history)
    ]


def conflicts(args: argparse.Namespace) -> int:
    """``coophistory conflicts``: every disagreement between sources."""
    conflicts = _history(args).conflicts()
    if args.json:
        print_json([row(c) for c in conflicts])
        return 0
    forms = grammar(_lang(args))
    lang = forms.lang
    for conflict in conflicts:
        title = forms.conflict_title(conflict)
        lines = [prose.conflict_heading(ident=conflict.id, title=title, lang=lang)]
        lines += [
            prose.conflict_claim(
                value=forms.claim_value(claim),
                preferred=claim.value == conflict.preferred,
                citation=prose.citation(
                    claim.citation.source, None, claim.citation.locator, lang=lang
                ),
                note=forms.claim_note(claim) or "",
                lang=lang,
            )
            for claim in conflict.claims
        ]
        reason = forms.conflict_reason(conflict)
        if reason:
            lines.append(prose.conflict_reason(reason, lang=lang))
        print_lines(lines)
    return 0
