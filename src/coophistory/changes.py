"""What changed between two days: each change of holders, the handovers, laws and sources behind it.

A change runs from the last state its types were surely in (``before``) to the next one
(``after``). When the stretch between them is doubtful (a boundary known only to the year, two
sources disagreeing), the change covers that whole stretch and is not ``certain``. Types whose
holders changed the same way on the same days are reported together, as handovers are.

>>> from coophistory import load
>>> found = load().changes_between("2018-06-01", "2019-06-01")
>>> [(str(c.date), c.coop_types, [b.id for b in c.after]) for c in found.changes]
[('2019-01-01', ('financial',), ['sbs'])]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from coophistory import prose_analyst as prose
from coophistory.answers import body_ref, citation_ref, law_ref
from coophistory.dates import HistoricalDate, parse_date
from coophistory.errors import InvalidDateError
from coophistory.grammar import grammar
from coophistory.i18n import SOURCE_LANGUAGE
from coophistory.names import function as check_function
from coophistory.notebook import html_table
from coophistory.periods import DateLike, as_of, overlaps
from coophistory.records import (
    FUNCTIONS,
    Body,
    Citation,
    CoopType,
    Event,
    Function,
    Handover,
    Law,
    Mandate,
)
from coophistory.taxonomy import Taxonomy

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["Change", "Changes", "changes_between"]

# Holders on a day: certain body ids, possible body ids, and the mandates behind them.
_State = tuple[frozenset[str], frozenset[str], tuple[Mandate, ...]]
_NOBODY: _State = (frozenset(), frozenset(), ())


@attrs.frozen
class Change:
    """Who held ``function`` over ``coop_types`` changed from ``before`` to ``after``.

    ``coop_types`` include their subtypes, except those in ``excluding``, as in a handover.
    ``start`` is the first day the holders may differ from ``before``; ``end`` the first day
    ``after`` holds. They are the same day for a change known to the day. ``before_possible``
    and ``after_possible`` are bodies only possibly holding it (the window opened or closed
    inside a doubtful stretch).
    """

    function: Function
    coop_types: tuple[str, ...]
    excluding: tuple[str, ...]
    start: pendulum.Date
    end: pendulum.Date
    before: tuple[Body, ...]
    before_possible: tuple[Body, ...]
    after: tuple[Body, ...]
    after_possible: tuple[Body, ...]
    certain: bool
    handovers: tuple[Handover, ...]
    mandates: tuple[Mandate, ...]
    laws: tuple[Law, ...]
    citations: tuple[Citation, ...]

    @property
    def date(self) -> HistoricalDate:
        """The day of the change, or the interval of days it may have happened on."""
        if self.start == self.end:
            return parse_date(self.start.isoformat())
        return parse_date(f"{self.start.isoformat()}/{self.end.isoformat()}")

    def to_dict(self, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
        """The change as plain data, the shape ``coophistory diff --json`` prints per change.

        Another ``lang`` adds the bodies' names and the laws' labels in it (``name_es``).
        """

        def named(bodies: tuple[Body, ...], day: pendulum.Date) -> list[dict[str, Any]]:
            return [body_ref(b, day, lang) for b in bodies]

        before_day = self.start.subtract(days=1)
        return {
            "date": str(self.date),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "function": self.function,
            "coop_types": list(self.coop_types),
            "excluding": list(self.excluding),
            "certain": self.certain,
            "before": named(self.before, before_day),
            "before_possible": named(self.before_possible, before_day),
            "after": named(self.after, self.end),
            "after_possible": named(self.after_possible, self.end),
            "handovers": [
                {
                    "date": str(h.date),
                    "from": [b.id for b in h.from_bodies],
                    "to": [b.id for b in h.to_bodies],
                }
                for h in self.handovers
            ],
            "laws": [law_ref(law, lang) for law in self.laws],
            "citations": [citation_ref(c) for c in self.citations],
        }


@attrs.frozen
class Changes:
    """The changes from day ``start`` to day ``end``, and the laws and events dated between."""

    start: pendulum.Date
    end: pendulum.Date
    function: Function | None
    coop_type: str | None
    changes: tuple[Change, ...]
    laws: tuple[Law, ...]
    events: tuple[Event, ...]
    #: The cooperative types, by id, that the readable lines name (an id not here is shown bare).
    type_records: Mapping[str, CoopType] = attrs.field(
        factory=dict, kw_only=True, eq=False, repr=False
    )

    def __iter__(self) -> Iterator[Change]:
        """Iterate over the changes in date order."""
        return iter(self.changes)

    def __len__(self) -> int:
        """The number of changes."""
        return len(self.changes)

    def __str__(self) -> str:
        """The changes as short readable lines, then the laws and events of the period."""
        return self.text()

    def text(self, lang: str = "en") -> str:
        """The readable lines in ``lang``: the changes, then the laws and events of the period."""
        from coophistory.changes_text import lines  # noqa: PLC0415 - it imports this module

        return "\n".join(lines(self, lang))

    def to_dict(self, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
        """The result as plain data, the shape ``coophistory diff --json`` prints.

        Another ``lang`` adds the bodies' names and the laws' labels in it (``label_es``).
        """
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "function": self.function,
            "coop_type": self.coop_type,
            "changes": [c.to_dict(lang) for c in self.changes],
            "laws": [law_ref(law, lang) for law in self.laws],
            "events": [{"id": e.id, "date": str(e.date), "title": e.title} for e in self.events],
        }

    def _repr_html_(self) -> str:
        """An HTML table of the changes for Jupyter, every text escaped."""
        return self.html()

    def html(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The changes as an HTML table in ``lang`` (what Jupyter shows, in English)."""
        from coophistory.changes_text import holders, types_text  # noqa: PLC0415 - a cycle

        forms = grammar(lang)
        rows = [
            (
                forms.date(c.date),
                forms.function(c.function),
                types_text(c, forms, self.type_records),
                holders(c.before, c.before_possible, c.start.subtract(days=1), forms),
                holders(c.after, c.after_possible, c.end, forms),
                prose.yes_no(c.certain, lang=forms.lang),
                ", ".join(forms.law_label(law) for law in c.laws),
            )
            for c in self.changes
        ]
        return html_table(prose.change_columns(lang=forms.lang), rows)


def changes_between(
    history: History,
    a: DateLike,
    b: DateLike,
    *,
    function: str | None = None,
    coop_type: str | None = None,
) -> Changes:
    """Each change of holders from the first day of ``a`` to the last day of ``b``, in order.

    ``a`` must start before ``b``; ``function`` and ``coop_type`` narrow what is compared.
    """
    low, high = _window(a, b)
    functions = FUNCTIONS if function is None else (check_function(function),)
    tree = Taxonomy(history.coop_types())
    within = None
    if coop_type is not None:
        root = history.coop_type(coop_type).id
        within = frozenset((root, *tree.descendants(root)))
    scope = [t for t in tree.concrete() if within is None or t in within]
    found: list[Change] = []
    for checked in functions:
        handovers = history.handovers(function=checked)
        groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        details: dict[tuple[Any, ...], tuple[_State, _State]] = {}
        for type_id in scope:
            for start, end, before, after in _merged(_points(history, type_id, checked, low, high)):
                key = (start, end, before[:2], after[:2])
                groups[key].append(type_id)
                details[key] = (before, after)
        for key, types in groups.items():
            before, after = details[key]
            change = _change(history, checked, key, (before, after), handovers)
            found.append(_covering(change, tree, set(types), within))
    found.sort(key=lambda c: (c.start, c.end, FUNCTIONS.index(c.function), c.coop_types))
    return Changes(
        start=low,
        end=high,
        function=functions[0] if function is not None else None,
        coop_type=None if coop_type is None else history.coop_type(coop_type).id,
        changes=tuple(found),
        laws=tuple(sorted((x for x in history.laws() if _within(x.date, low, high)), key=_dated)),
        events=tuple(history.events(low, high.add(days=1), coop_type=coop_type)),
        type_records={t.id: t for t in history.coop_types()},
    )


def _dated(law: Law) -> tuple[Any, ...]:
    return law.date.sort_key() if law.date is not None else ()


def _window(a: DateLike, b: DateLike) -> tuple[pendulum.Date, pendulum.Date]:
    first, second = as_of(a), as_of(b)  # the one policy: closed dates, int years, datetimes
    low, high = first.earliest, second.latest
    if low is None or high is None or second.earliest is None:  # as_of refuses open dates
        raise InvalidDateError(f"{first} to {second}", "compare two closed dates")
    if not low < second.earliest:
        raise InvalidDateError(f"{first} to {second}", "the first date must come before the second")
    return low, high


def _within(date: HistoricalDate | None, low: pendulum.Date, high: pendulum.Date) -> bool:
    """Whether a date overlaps the days from ``low`` to ``high``, both included."""
    return date is not None and overlaps(date, low, high.add(days=1))


def _points(
    history: History, type_id: str, function: str, low: pendulum.Date, high: pendulum.Date
) -> list[tuple[pendulum.Date, _State]]:
    """The state on ``low``, then each day in (low, high] on which the holders change."""
    steps = history.lineage(type_id, function=function)
    timeline = [(s.start, (_ids(s.bodies), _ids(s.possible), s.mandates)) for s in steps]
    if steps and steps[-1].end is not None:
        timeline.append((steps[-1].end, _NOBODY))
    state = _NOBODY
    for day, held in timeline:
        if day <= low:
            state = held
    points = [(low, state)]
    for day, held in timeline:
        if low < day <= high and held[:2] != points[-1][1][:2]:
            points.append((day, held))
    return points


def _merged(
    points: list[tuple[pendulum.Date, _State]],
) -> Iterator[tuple[pendulum.Date, pendulum.Date, _State, _State]]:
    """Join each doubtful stretch with the settled state after it: (start, end, before, after)."""
    before = points[0][1]
    i = 1
    while i < len(points):
        start = points[i][0]
        while i < len(points) - 1 and points[i][1][1]:  # possible holders: not settled yet
            i += 1
        end, after = points[i]
        yield start, end, before, after
        before = after
        i += 1


def _change(
    history: History,
    function: Function,
    key: tuple[Any, ...],
    states: tuple[_State, _State],
    handovers: Iterable[Handover],
) -> Change:
    """The change from one state to the next; its types are set by :func:`_covering`."""
    start, end, *_ = key
    before, after = states
    old = {m.key for m in before[2]}
    new = {m.key for m in after[2]}
    starting = [m for m in after[2] if m.key not in old]
    ending = [m for m in before[2] if m.key not in new]
    moved = (*starting, *ending)
    incoming = {m.key for m in starting}
    return Change(
        function=function,
        coop_types=(),
        excluding=(),
        start=start,
        end=end,
        before=_bodies(history, before[2], before[0]),
        before_possible=_bodies(history, before[2], before[1]),
        after=_bodies(history, after[2], after[0]),
        after_possible=_bodies(history, after[2], after[1]),
        certain=start == end
        and not before[1]
        and not after[1]
        and not _disputed(history, starting, ending, start, end),
        handovers=tuple(h for h in handovers if {m.key for m in h.mandates} & incoming),
        mandates=moved,
        laws=tuple(history.law(i) for i in _unique(i for m in starting for i in m.basis)),
        citations=tuple(_unique(c for m in moved for c in m.citations)),
    )


def _covering(
    change: Change, tree: Taxonomy, types: set[str], within: frozenset[str] | None
) -> Change:
    """The change naming the fewest types for ``types`` (as handovers do), and its handovers."""
    coop_types = tree.cover(types, within)
    leftover = tree.concrete_of(coop_types) - types
    return attrs.evolve(
        change,
        coop_types=coop_types,
        excluding=tree.cover(leftover, within) if leftover else (),
        handovers=tuple(h for h in change.handovers if tree.concrete_of(h.coop_types) & types),
    )


def _disputed(
    history: History,
    starting: list[Mandate],
    ending: list[Mandate],
    start: pendulum.Date,
    end: pendulum.Date,
) -> bool:
    """Whether an unsettled disagreement bears on the change.

    A disagreement with a span bears on it when the span overlaps the change's days; one
    without a span, on the coming into force of the mandates it is attached to.
    """
    for mandate in (*starting, *ending):
        for conflict in (history.conflict(c) for c in mandate.conflicts):
            if conflict.preferred is not None:
                continue
            if conflict.span is None:
                if mandate in starting:
                    return True
            elif _within(conflict.span, start, end):
                return True
    return False


def _ids(bodies: Iterable[Body]) -> frozenset[str]:
    return frozenset(b.id for b in bodies)


def _bodies(history: History, mandates: Iterable[Mandate], ids: frozenset[str]) -> tuple[Body, ...]:
    """The bodies named by ``ids``, in the order their mandates list them."""
    return tuple(history.body(b) for b in _unique(m.body for m in mandates) if b in ids)


def _unique(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


# --- the lines a reader sees, worded by prose --------------------------------------------
