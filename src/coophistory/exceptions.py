"""Deprecated: the error tree moved to :mod:`coophistory.errors`; this alias goes in 0.3."""

from __future__ import annotations

import warnings

from coophistory.errors import *  # noqa: F403
from coophistory.errors import __all__  # noqa: F401 - re-exported

warnings.warn(
    "coophistory.exceptions is deprecated; import from coophistory (or coophistory.errors)",
    DeprecationWarning,
    stacklevel=2,
)
