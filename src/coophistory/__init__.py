"""coophistory: the regulatory history of Peru's cooperative sector, cited, as typed records.

>>> import coophistory
>>> h = coophistory.load()
>>> print(h.supervisor("savings-and-credit", "2019-01-01").bodies[0].acronym)
SBS
"""

from __future__ import annotations

from coophistory.answers import Answer, LineageStep
from coophistory.dates import HistoricalDate, Precision, Status, parse_date
from coophistory.errors import (
    CoopHistoryError,
    DataError,
    InvalidDateError,
    OutputError,
    Problem,
    RenderError,
    UnknownNameError,
)
from coophistory.history import History, load
from coophistory.loading import BUNDLED
from coophistory.periods import Period
from coophistory.records import (
    FUNCTIONS,
    SCHEMA_VERSION,
    Body,
    Citation,
    Claim,
    Conflict,
    CoopType,
    Event,
    Figure,
    FormerName,
    Handover,
    Law,
    Mandate,
    Source,
)


def __getattr__(name: str) -> str:
    """Read ``__version__`` from installed metadata on first use: importlib.metadata is slow."""
    if name != "__version__":
        raise AttributeError(f"module 'coophistory' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("coophistory")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


__all__ = [
    "BUNDLED",
    "FUNCTIONS",
    "SCHEMA_VERSION",
    "Answer",
    "Body",
    "Citation",
    "Claim",
    "Conflict",
    "CoopHistoryError",
    "CoopType",
    "DataError",
    "Event",
    "Figure",
    "FormerName",
    "Handover",
    "HistoricalDate",
    "History",
    "InvalidDateError",
    "Law",
    "LineageStep",
    "Mandate",
    "OutputError",
    "Period",
    "Precision",
    "Problem",
    "RenderError",
    "Source",
    "Status",
    "UnknownNameError",
    "__version__",
    "load",
    "parse_date",
]
