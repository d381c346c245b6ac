"""coophistory: the regulatory history of Peru's cooperative sector, cited, as typed records.

>>> import coophistory
>>> h = coophistory.load()
>>> print(h.supervisor("savings-and-credit", "2019-01-01").bodies[0].acronym)
SBS
"""

from __future__ import annotations

from coophistory.answers import Answer, LineageStep
from coophistory.dataset import BUNDLED, SCHEMA_VERSION
from coophistory.dates import HistoricalDate, Period, Precision, Status, parse_date
from coophistory.exceptions import (
    CoopHistoryError,
    DataError,
    InvalidDate,
    OutputError,
    Problem,
    RenderError,
    UnknownName,
)
from coophistory.history import History, load
from coophistory.records import (
    FUNCTIONS,
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
    "InvalidDate",
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
    "UnknownName",
    "__version__",
    "load",
    "parse_date",
]
