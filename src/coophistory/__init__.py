"""coophistory: the regulatory history of Peru's cooperative sector, cited, as typed records.

>>> import coophistory
>>> h = coophistory.load()
>>> print(h.supervisor("savings-and-credit", "2019-01-01").bodies[0].acronym)
SBS
"""

from __future__ import annotations

from coophistory import errors
from coophistory.answers import Answer, LineageStep
from coophistory.dates import HistoricalDate, Precision, Status, parse_date
from coophistory.errors import (
    CoopHistoryError,
    DataError,
    InvalidDateError,
    InvalidOptionError,
    MissingFileError,
    NothingChosenError,
    OutputError,
    Problem,
    RenderError,
    ReversedRangeError,
    UnknownChoiceError,
    UnknownNameError,
    WrongTypeError,
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


def __getattr__(name: str) -> object:
    """Read ``__version__`` from installed metadata on first use: importlib.metadata is slow.

    The error names of 0.1 (``InvalidDate``, ``UnknownName``) still resolve, with a warning.
    """
    if name in ("InvalidDate", "UnknownName"):
        return getattr(errors, name)
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
    "InvalidOptionError",
    "Law",
    "LineageStep",
    "Mandate",
    "MissingFileError",
    "NothingChosenError",
    "OutputError",
    "Period",
    "Precision",
    "Problem",
    "RenderError",
    "ReversedRangeError",
    "Source",
    "Status",
    "UnknownChoiceError",
    "UnknownNameError",
    "WrongTypeError",
    "__version__",
    "load",
    "parse_date",
]
