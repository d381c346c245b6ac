"""The page's texts in each of its languages, as the library's grammars tell them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coophistory.explorer.labels import LANGUAGES
from coophistory.grammar import English, grammar
from coophistory.locators import localized

if TYPE_CHECKING:
    from coophistory.dates import HistoricalDate
    from coophistory.history import History

__all__ = ["cited", "dated", "each", "localized_locator", "told"]


def cited(history: History, source: str, locator: str) -> list[str]:
    """A citation as a reader sees it, in each language: ``Historia (FENACREP), §2``."""
    return [history.source(source).cite(locator, lang=lang) for lang in LANGUAGES]


def localized_locator(locator: str) -> list[str]:
    """A locator in each language: ``§1, para 6``, ``§1, párr. 6``."""
    return [localized(locator, lang=lang) for lang in LANGUAGES]


def dated(date: HistoricalDate) -> list[str]:
    """A date in each language, no finer than it is known: ``c. 1992``, ``hacia 1992``."""
    return [grammar(lang).date(date) for lang in LANGUAGES]


def each(tell: Callable[[English], Any]) -> list[Any]:
    """What each language's grammar tells: ``each(methodcaller("law_label", law))``."""
    return [tell(grammar(lang)) for lang in LANGUAGES]


def told(tell: Callable[[English], str | None]) -> list[str] | None:
    """A text in each language, as each grammar tells it; None where the data has none."""
    texts = each(tell)
    return None if texts[0] is None else [text or "" for text in texts]
