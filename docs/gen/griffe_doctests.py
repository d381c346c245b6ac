"""Griffe extension for the API page: docstrings written for Sphinx and doctest, read as Markdown.

The library's docstrings follow PEP 257, with doctest examples in the running text and the odd
Sphinx role (``:class:`History```). Markdown would read ``>>>`` as a quotation and ``[...]`` as
a link, so this fences each example (from its first ``>>>`` line to the next blank line) as a
``pycon`` code block, and shows each role's target as code, before mkdocstrings renders the
docstring. Named in mkdocs.yml under the python handler's ``extensions``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_PROMPT = ">>>"
_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """Show Sphinx roles as inline code; ``~`` keeps only the last part of the name.

    >>> plain_roles("See :class:`History` and :mod:`~coophistory.export.jsonld`.")
    'See `History` and `jsonld`.'
    """
    return _ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", text)


def fence_examples(text: str) -> str:
    r"""Wrap every run of doctest lines in a ``pycon`` fenced block.

    >>> fence_examples("Intro.\n\n>>> 1 + 1\n2\n\nAfter.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        stripped = line.strip()
        if not inside and stripped.startswith(_PROMPT):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctest examples of every docstring griffe reads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of each object as it is loaded, before it is parsed."""
        if obj.docstring is not None:
            obj.docstring.value = fence_examples(plain_roles(obj.docstring.value))
