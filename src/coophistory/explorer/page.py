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

from coophistory.explorer.labels import LABELS
from coophistory.explorer.model import page_model

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["CSP", "render"]

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


def _static(name: str) -> str:
    return (resources.files("coophistory.explorer") / "static" / name).read_text("utf-8")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render(history: History, *, today: datetime.date | None = None) -> str:
    """The explorer page of ``history``: one HTML document that needs no network."""
    model = page_model(history, today)
    script = _static("explorer.js")
    if "</script" in script.lower():  # pragma: no cover - guards our own file
        raise ValueError("explorer.js must not contain '</script'")
    template = _environment().get_template("page.html.j2")
    return template.render(
        **model,
        L=LABELS["en"],
        L_en=LABELS["en"],
        L_es=LABELS["es"],
        csp=CSP.format(script=_hash(script)),
        # Our own package files, not data: inlined as they are (the data goes through tojson).
        css=markupsafe.Markup(_static("explorer.css")),  # noqa: S704
        js=markupsafe.Markup(script),  # noqa: S704
    )
