"""Answers about an abstract type: the union of its concrete subtypes' answers, kept by type."""

from __future__ import annotations

from collections.abc import Mapping

from coophistory.answers import Answer
from coophistory.dates import HistoricalDate
from coophistory.names import unique
from coophistory.readonly import ReadOnly
from coophistory.records import Body, CoopType, Function, Source

__all__ = ["combine"]


def combine(
    coop_type: CoopType,
    on: HistoricalDate,
    function: Function,
    by_type: Mapping[str, Answer],
    *,
    bodies_by_id: Mapping[str, Body],
    sources_by_id: Mapping[str, Source],
) -> Answer:
    """One answer for a whole class of types, each subtype's own answer kept in ``by_type``.

    A body certain for some subtype is among ``bodies``; one only possible for every subtype
    it appears in is among ``possible``. The answer is certain only when every subtype's is,
    and names nobody only when no subtype has a holder.
    """
    parts = tuple(by_type.values())
    bodies = unique(b for a in parts for b in a.bodies)
    possible = tuple(b for b in unique(b for a in parts for b in a.possible) if b not in bodies)
    ends = [a.record_ends for a in parts if a.record_ends is not None]
    return Answer(
        coop_type=coop_type,
        on=on,
        function=function,
        bodies=bodies,
        possible=possible,
        mandates=tuple({m.key: m for a in parts for m in a.mandates}.values()),
        laws=unique(law for a in parts for law in a.laws),
        citations=unique(c for a in parts for c in a.citations),
        conflicts=unique(c for a in parts for c in a.conflicts),
        bodies_by_id=bodies_by_id,
        sources_by_id=sources_by_id,
        by_type=ReadOnly(dict(by_type)),
        record_ends=min(ends) if ends else None,
    )
