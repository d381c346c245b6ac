"""The sentences about writing output: standard output, terminals, interruptions.

Apart from :mod:`coophistory.prose` only to keep each module short; the same rules hold: one
function per message, each a whole sentence with named placeholders written as
``"...".format(...)`` on a literal, so that a catalog can replace each message whole.
"""

from __future__ import annotations

from coophistory.i18n import gettext

__all__ = ["binary_not_to_a_terminal", "interrupted", "stdout_needs_a_format"]


def stdout_needs_a_format(formats: str, *, lang: str) -> str:
    """The usage error of ``render -o -`` without ``--format``: stdout has no extension."""
    return gettext("-o - needs --format ({formats})", lang=lang).format(formats=formats)


def binary_not_to_a_terminal(fmt: str, *, lang: str) -> str:
    """The usage error of a PNG or PDF sent to a terminal."""
    return gettext(
        "will not write {fmt} to a terminal: redirect -o - to a file or a pipe", lang=lang
    ).format(fmt=fmt)


def interrupted(*, lang: str) -> str:
    """What the command line says when Ctrl-C stops it."""
    return gettext("interrupted", lang=lang)
