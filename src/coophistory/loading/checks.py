"""Checks across records: references, duplicate ids, basis dates, the taxonomy, overlaps."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pendulum

from coophistory.errors import Phrase, Problem
from coophistory.i18n import N_
from coophistory.loading.decode import did_you_mean
from coophistory.loading.structure import Located
from coophistory.records import TABLES, Mandate
from coophistory.schema import references

__all__ = [
    "check_basis_dates",
    "check_duplicates",
    "check_overlaps",
    "check_references",
    "check_taxonomy",
]


def _ids_of(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        yield from value


def check_references(
    located: Mapping[str, list[Located]],
    unbuilt: Mapping[str, list[Located]],
    claimed: Mapping[str, set[str]],
) -> Iterator[Problem]:
    """References to ids that no record has, from every record, built or not.

    The ids of records that failed to build still count as known, so one mistake is reported
    once, not again at every reference to it.
    """
    known = {
        table: claimed[table] | {item.record.id for item in located[table] if table != "mandates"}
        for table in TABLES
    }
    for table in TABLES:
        for item in itertools.chain(located[table], unbuilt[table]):
            for (ref_table, attribute), target in references().items():
                if ref_table != table:
                    continue
                for ident in _ids_of(getattr(item.record, attribute, None)):
                    if ident not in known[target]:
                        yield item.problem(_unknown(attribute, ident, known[target]))
            for citation in getattr(item.record, "citations", ()):
                if citation.source not in known["sources"]:
                    yield item.problem(_unknown("source", citation.source, known["sources"]))


def _unknown(what: str, ident: str, known: Iterable[str]) -> Phrase:
    hint = did_you_mean(ident, known, 3)
    # TRANSLATORS: {key} is the data file's key, such as body or coop_types.
    return Phrase(
        N_("{key} refers to unknown id {value}{hint}"), key=what, value=repr(ident), hint=hint
    )


def check_duplicates(located: Mapping[str, list[Located]]) -> Iterator[Problem]:
    """Two records of one table with the same id (mandates: the same key)."""
    for table in TABLES:
        first: dict[str, Located] = {}
        for item in located[table]:
            key = item.record.key if table == "mandates" else item.record.id
            if key is None:
                continue
            if key in first:
                earlier = first[key]
                told = N_("duplicate id {value} (first at {file}: {table} #{position})")
                yield item.problem(
                    Phrase(
                        told,
                        value=repr(key),
                        file=earlier.file,
                        table=table,
                        position=earlier.position,
                    )
                )
            else:
                first[key] = item


def check_basis_dates(located: Mapping[str, list[Located]]) -> Iterator[Problem]:
    """A mandate cannot rest on a law dated after the mandate began."""
    laws = {item.record.id: item.record for item in located["laws"]}
    for item in located["mandates"]:
        start = item.record.start
        for law_id in item.record.basis:
            law = laws.get(law_id)
            dated = None if law is None else law.date
            after = None if dated is None else dated.earliest  # '../1992': no earliest day
            if after is not None and after > start.latest:
                told = N_("basis {law} is dated {dated}, after the mandate starts ({start})")
                yield item.problem(Phrase(told, law=repr(law_id), dated=dated, start=start))


def check_taxonomy(located: Mapping[str, list[Located]]) -> Iterator[Problem]:
    """A cycle among the types' parents, reported once."""
    parents = {item.record.id: item.record.parent for item in located["coop_types"]}
    reported: set[str] = set()
    for item in located["coop_types"]:
        seen: list[str] = []
        node: str | None = item.record.id
        while node is not None and node in parents and node not in seen:
            seen.append(node)
            node = parents[node]
        if node is not None and node in seen and node not in reported:
            cycle = seen[seen.index(node) :]
            reported.update(cycle)
            told = N_("the type taxonomy has a cycle: {cycle}")
            yield item.problem(Phrase(told, cycle=" → ".join([*cycle, node])))


def check_overlaps(located: Mapping[str, list[Located]]) -> Iterator[Problem]:
    """Different bodies certainly holding one function over one type on the same day."""
    by_key: dict[tuple[str, str], list[Located]] = defaultdict(list)
    certain: dict[int, tuple[pendulum.Date, pendulum.Date | None]] = {}
    for item in located["mandates"]:
        period = item.record.period  # a new Period each time: work its bounds out once
        certain[id(item)] = (period.certain_start, period.certain_end)
        for coop_type in item.record.coop_types:
            by_key[(item.record.function, coop_type)].append(item)
    for (function, coop_type), items in by_key.items():
        # file order breaks ties (items themselves do not compare)
        spans = sorted(((certain[id(item)], item) for item in items), key=lambda s: s[0][0])
        active: list[tuple[pendulum.Date | None, Located]] = []
        for (start, end), item in spans:
            active = [(e, a) for e, a in active if e is None or e > start]
            if end is not None and end <= start:
                continue
            for _, other in active:
                if _may_overlap(item.record, other.record):
                    continue
                told = N_(
                    "overlaps {table} #{position} ({label}) in {function} of {type}: both "
                    "certainly in force on {day}; mark both 'joint = true', or make one "
                    "'delegated_by' the other"
                )
                yield item.problem(
                    Phrase(
                        told,
                        table=other.table,
                        position=other.position,
                        label=other.label,
                        function=function,
                        type=repr(coop_type),
                        day=start,
                    )
                )
            active.append((end, item))


def _may_overlap(one: Mandate, other: Mandate) -> bool:
    return (
        other.body in {one.body, one.delegated_by}
        or one.body == other.delegated_by
        or (one.joint and other.joint)
    )
