"""The tree of cooperative types: ancestors, descendants, concrete types, and covering sets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from coophistory.records import CoopType

__all__ = ["Taxonomy"]


class Taxonomy:
    """The types of a history as a tree, with the walks the queries need, cached.

    A plain slotted class: an attrs class costs every command's start-up its code generation.
    """

    __slots__ = ("_ancestry", "_children", "_concrete", "_position", "_types")

    def __init__(self, coop_types: Iterable[CoopType]) -> None:
        self._types = {t.id: t for t in coop_types}
        self._children: dict[str, list[str]] = defaultdict(list)
        for coop_type in self._types.values():
            if coop_type.parent is not None:
                self._children[coop_type.parent].append(coop_type.id)
        self._position = {type_id: i for i, type_id in enumerate(self._types)}
        self._ancestry: dict[str, tuple[str, ...]] = {}
        self._concrete: dict[str, frozenset[str]] = {}

    def ancestors(self, type_id: str) -> tuple[str, ...]:
        """The type's id followed by its parent's, up to the root."""
        chain = self._ancestry.get(type_id)
        if chain is None:
            found = [type_id]
            while (parent := self._types[found[-1]].parent) is not None:
                found.append(parent)
            chain = self._ancestry[type_id] = tuple(found)
        return chain

    def descendants(self, type_id: str) -> tuple[str, ...]:
        """The ids of every type below this one, depth first, in file order."""
        found: list[str] = []
        for child in self._children.get(type_id, ()):
            found += [child, *self.descendants(child)]
        return tuple(found)

    def concrete(self) -> tuple[str, ...]:
        """The ids of the types a cooperative actually is (not ``abstract``), in file order."""
        return tuple(t.id for t in self._types.values() if not t.abstract)

    def concrete_under(self, type_id: str) -> frozenset[str]:
        """The concrete types among this one and its descendants."""
        under = self._concrete.get(type_id)
        if under is None:
            under = frozenset(
                t for t in (type_id, *self.descendants(type_id)) if not self._types[t].abstract
            )
            self._concrete[type_id] = under
        return under

    def is_abstract(self, type_id: str) -> bool:
        """Whether the type only groups others."""
        return self._types[type_id].abstract

    def concrete_below(self, type_id: str) -> tuple[str, ...]:
        """The concrete types among this one and its descendants, in taxonomy order."""
        below = (type_id, *self.descendants(type_id))
        return tuple(t for t in below if not self._types[t].abstract)

    def concrete_of(self, type_ids: Iterable[str]) -> set[str]:
        """The concrete types under any of these."""
        return set().union(*(self.concrete_under(t) for t in type_ids))

    def cover(self, types: set[str], within: frozenset[str] | None = None) -> tuple[str, ...]:
        """The fewest types (all ``within``, when given) covering exactly ``types``, in file order.

        Each type climbs to its highest ancestor still covered by ``types``, so the work grows
        with the types given and their depth, not with the whole taxonomy.
        """
        tops: set[str] = set()
        for type_id in types:
            top = type_id
            for ancestor in self.ancestors(type_id)[1:]:
                if within is not None and ancestor not in within:
                    break
                if not self.concrete_under(ancestor) <= types:
                    break
                top = ancestor
            tops.add(top)
        return tuple(sorted(tops, key=self._position.__getitem__))
