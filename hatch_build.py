"""Build hook: ship the bundled data's compact form (``coophistory.bundle``) beside its TOML.

A wheel gets ``coophistory/data/events.compact.json``; an editable install gets
``data/events.compact.json`` in the checkout (ignored by git; ``make`` remakes it when the TOML
changes). The conversion is ``coophistory.bundle.compact``, loaded from its file: it needs only
the standard library, which is all a build environment has.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _bundle_module(root: Path) -> Any:
    spec = importlib.util.spec_from_file_location(
        "_coophistory_bundle", root / "src" / "coophistory" / "bundle.py"
    )
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {root}/src/coophistory/bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Write the compact form of data/events.toml where the package will look for it."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Make the compact form: into the wheel, or into data/ for an editable install."""
        root = Path(self.root)
        bundle = _bundle_module(root)
        data = bundle.compact((root / "data" / "events.toml").read_bytes())
        if version == "editable":
            (root / "data" / bundle.COMPACT_NAME).write_bytes(data)
            return
        folder = Path(tempfile.mkdtemp(prefix="coophistory-build-"))
        made = folder / bundle.COMPACT_NAME
        made.write_bytes(data)
        build_data["force_include"][str(made)] = f"coophistory/data/{bundle.COMPACT_NAME}"
