"""A read-only mapping that still pickles, copies and compares like the dict it holds."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["ReadOnly"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class ReadOnly(Mapping[_K, _V]):
    """A mapping that refuses every change: shared answers and graphs hand these out.

    Unlike ``types.MappingProxyType`` it can be pickled and deep-copied (an answer or a graph
    sent to another process keeps working), and ``copy()`` gives a plain, writable dict, as
    networkx expects of attribute mappings.

    >>> frozen = ReadOnly({"a": 1})
    >>> frozen["a"], frozen == {"a": 1}, frozen.copy()
    (1, True, {'a': 1})
    >>> frozen["b"] = 2
    Traceback (most recent call last):
    TypeError: 'ReadOnly' object does not support item assignment
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[_K, _V]) -> None:
        """Hold ``data``, which its owner promises never to change again."""
        self._data = data

    def __getitem__(self, key: _K) -> _V:
        """The value for ``key``."""
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        """The keys, in the order of the mapping held."""
        return iter(self._data)

    def __len__(self) -> int:
        """How many keys there are."""
        return len(self._data)

    def __repr__(self) -> str:
        """Show the mapping held."""
        return f"ReadOnly({self._data!r})"

    def copy(self) -> dict[_K, _V]:
        """A writable shallow copy, as a plain dict."""
        return dict(self._data)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (and deep-copy) as the mapping held."""
        return (type(self), (dict(self._data),))
