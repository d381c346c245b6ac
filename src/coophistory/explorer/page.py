"""The explorer page as one self-contained HTML file: Jinja2 with autoescaping, nothing fetched.

The script and style are inlined from package files; the data rides in a
``<script type="application/json">`` (``<``, ``>``, ``&`` and ``'`` escaped by Jinja's
``tojson``), and a Content-Security-Policy meta tag allows only that one script, by its hash,
and no network fetch of any kind.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
from importlib import resources
from typing import TYPE_CHECKING, Final

import jinja2
import markupsafe

from coophistory.explorer.labels import labels
from coophistory.explorer.model import page_model

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["CSP", "SCRIPTS", "render", "script"]

#: The policy, with ``{script}`` standing for the script's hash: nothing may be fetched.
CSP: Final = (
    "default-src 'none'; script-src '{script}'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("coophistory.explorer", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.policies["json.dumps_kwargs"] = {
        "sort_keys": False,
        "ensure_ascii": False,
        "separators": (",", ":"),
    }
    return environment


#: The script's parts, in order; they share one scope (one strict function) in the page.
SCRIPTS: Final = ("base.js", "table.js", "lanes.js", "chronology.js", "main.js")

# The page's script reasons about no date of the history: every answer comes from the
# library's resolved timelines (embedded as JSON), found by bisecting the change points. Text
# is only ever set with textContent, so curator text stays text.
_WRAPPER: Final = '(function () {{\n"use strict";\n{parts}}})();\n'


def _static(name: str) -> str:
    return (resources.files("coophistory.explorer") / "static" / name).read_text("utf-8")


def script() -> str:
    """The page's script: its parts joined inside one strict function."""
    return _WRAPPER.format(parts="\n".join(_static(name) for name in SCRIPTS))


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render(history: History, *, today: datetime.date | None = None) -> str:
    """The explorer page of ``history``: one HTML document that needs no network."""
    model = page_model(history, today)
    js = script()
    if "</script" in js.lower():  # pragma: no cover - guards our own files
        raise ValueError("the explorer's script must not contain '</script'")
    template = _environment().get_template("page.html.j2")
    return template.render(
        **model,
        # The page opens in English; the script swaps in the reader's language.
        L=labels("en", model["kinds"]),
        L_en=labels("en", model["kinds"]),
        L_es=labels("es", model["kinds"]),
        csp=CSP.format(script=_hash(js)),
        # Our own package files, not data: inlined as they are (the data goes through tojson).
        css=markupsafe.Markup(_static("explorer.css")),  # noqa: S704
        js=markupsafe.Markup(js),  # noqa: S704
    )
