"""The explorer: one offline HTML page answering as-of questions, for readers without Python.

>>> import coophistory
>>> from coophistory.explorer import render
>>> page = render(coophistory.load())
>>> page.startswith("<!DOCTYPE html>"), "Content-Security-Policy" in page
(True, True)

The page embeds the library's resolved answers (see :mod:`coophistory.explorer.timelines`) and
looks days up in them; it fetches nothing. Write it with ``coophistory export html -o FILE`` or
``coophistory.export.write(history, "html", path)``.
"""

from __future__ import annotations

from coophistory.explorer.page import render

__all__ = ["render"]
