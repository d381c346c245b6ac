"""The explorer page's own words, from the translation catalogs, in every language it offers.

Each label is a catalog message in the context ``explorer page`` (English as the source,
Spanish in ``locale/es``), so the page speaks as the rest of the library does. The page carries
every language's labels and switches without reloading. Curator text (titles, descriptions,
notes) is shown as recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from coophistory.grammar import grammar
from coophistory.i18n import pgettext

__all__ = ["LANGUAGES", "labels"]

#: The languages the page offers, English first (the one it opens in).
LANGUAGES: Final = ("en", "es")

#: The prefix of an event kind's label: ``kind.founding``.
KIND: Final = "kind."


def _page(lang: str) -> dict[str, str]:
    """The page's own labels in ``lang``."""
    # Every call names its message literally, so that Babel extracts it.
    return {
        "title": pgettext("explorer page", "Who supervised Peru's cooperatives?", lang=lang),
        "intro": pgettext(
            "explorer page",
            "Choose a day: the table says who held supervision and promotion of each kind of "
            "cooperative, under which law, according to which source. Uncertain answers are "
            "marked as such.",
            lang=lang,
        ),
        "dataset": pgettext("explorer page", "Dataset", lang=lang),
        "current_to": pgettext("explorer page", "current to", lang=lang),
        "language": pgettext("explorer page", "Language", lang=lang),
        "day": pgettext("explorer page", "Day", lang=lang),
        # TRANSLATORS: the day field takes ISO dates, whatever the language; keep the example.
        "day_help": pgettext("explorer page", "Year-month-day, such as 1995-06-01.", lang=lang),
        "day_slider": pgettext("explorer page", "Move through time", lang=lang),
        "slider_help": pgettext(
            "explorer page",
            "Arrow keys: one month. Page Up and Page Down: one year. Home and End: first and "
            "last day.",
            lang=lang,
        ),
        "previous_change": pgettext("explorer page", "Previous change", lang=lang),
        "next_change": pgettext("explorer page", "Next change", lang=lang),
        "on_day": pgettext("explorer page", "On this day", lang=lang),
        # TRANSLATORS: {day} is a day in words, as the page's language writes it.
        "table_caption": pgettext("explorer page", "Who held each function on {day}", lang=lang),
        "type": pgettext("explorer page", "Cooperative type", lang=lang),
        "supervision": pgettext("explorer page", "Supervision", lang=lang),
        "promotion": pgettext("explorer page", "Promotion", lang=lang),
        "certain": pgettext("explorer page", "Certain", lang=lang),
        "not_certain": pgettext("explorer page", "Not certain", lang=lang),
        "possibly": pgettext("explorer page", "possibly", lang=lang),
        "on_behalf_of": pgettext("explorer page", "on behalf of", lang=lang),
        "nobody": pgettext("explorer page", "No mandate recorded", lang=lang),
        "law": pgettext("explorer page", "Law", lang=lang),
        "laws": pgettext("explorer page", "Laws", lang=lang),
        "sources": pgettext("explorer page", "Sources", lang=lang),
        "disagreement": pgettext("explorer page", "Sources disagree", lang=lang),
        # TRANSLATORS: said of a disagreement between sources.
        "settled": pgettext("explorer page", "settled", lang=lang),
        # TRANSLATORS: said of a disagreement between sources.
        "unsettled": pgettext("explorer page", "not settled", lang=lang),
        "chosen_type": pgettext("explorer page", "Chosen type", lang=lang),
        "all_types": pgettext("explorer page", "All types", lang=lang),
        "lanes": pgettext("explorer page", "Who held the function over time", lang=lang),
        "lanes_help": pgettext(
            "explorer page",
            "One lane per type, or per group of types with the same history. Hatched stretches "
            "are uncertain. The black line is the chosen day; click a lane to move the day, or "
            "focus the chart and use the arrow keys to step from change to change.",
            lang=lang,
        ),
        "function": pgettext("explorer page", "Function", lang=lang),
        # TRANSLATORS: {function} is "supervision" or "promotion"; {first}, {last} are days.
        "lanes_label": pgettext(
            "explorer page",
            "Lanes chart of {function} by cooperative type, from {first} to {last}",
            lang=lang,
        ),
        "handovers": pgettext("explorer page", "Handovers", lang=lang),
        "handovers_help": pgettext(
            "explorer page",
            "Each time a function passed from some bodies to others. Choose one to see that day.",
            lang=lang,
        ),
        "chronology": pgettext("explorer page", "Chronology", lang=lang),
        "chronology_help": pgettext(
            "explorer page",
            "Every event and law in date order, with its date as recorded.",
            lang=lang,
        ),
        "search": pgettext("explorer page", "Search", lang=lang),
        "kind": pgettext("explorer page", "Kind", lang=lang),
        "all_kinds": pgettext("explorer page", "All kinds", lang=lang),
        "body": pgettext("explorer page", "Body", lang=lang),
        "all_bodies": pgettext("explorer page", "All bodies", lang=lang),
        "shown": pgettext("explorer page", "{shown} of {total} entries shown", lang=lang),
        "sources_heading": pgettext("explorer page", "Sources", lang=lang),
        "sources_help": pgettext(
            "explorer page",
            "Every source the history cites, with the places cited in it.",
            lang=lang,
        ),
        "locators": pgettext("explorer page", "Cited at", lang=lang),
        # TRANSLATORS: said of a source: the day someone read it, in words.
        "read_on": pgettext("explorer page", "Read on {date}", lang=lang),
        "not_read": pgettext("explorer page", "Not recorded as read", lang=lang),
        "archived": pgettext("explorer page", "archived copy", lang=lang),
        "not_cited": pgettext("explorer page", "Not cited.", lang=lang),
        "conflicts_heading": pgettext("explorer page", "Disagreements", lang=lang),
        "conflicts_help": pgettext(
            "explorer page",
            "Every fact on which sources disagree, with each claim and its source.",
            lang=lang,
        ),
        "claim": pgettext("explorer page", "Claim", lang=lang),
        "source": pgettext("explorer page", "Source", lang=lang),
        "note": pgettext("explorer page", "Note", lang=lang),
        # TRANSLATORS: said of a claim (feminine in Spanish: "afirmación").
        "preferred": pgettext("explorer page", "preferred", lang=lang),
        "preferred_reason": pgettext("explorer page", "Preferred: {value}.", lang=lang),
        "not_settled": pgettext(
            "explorer page", "Not settled: every claim is kept and none is preferred.", lang=lang
        ),
        "span": pgettext("explorer page", "Span", lang=lang),
        "noscript": pgettext(
            "explorer page",
            "The day table and the lanes chart need JavaScript; the chronology, sources and "
            "disagreements below are readable without it.",
            lang=lang,
        ),
        "footer": pgettext(
            "explorer page",
            "Made by coophistory from its validated records. This file works offline and "
            "requests nothing from any network.",
            lang=lang,
        ),
    }


def labels(lang: str, kinds: Iterable[str] = ()) -> dict[str, str]:
    """The page's labels in ``lang``, with the label of each event kind as ``kind.<kind>``.

    >>> labels("es", ["founding"])["kind.founding"]
    'fundación'
    """
    forms = grammar(lang)
    return _page(lang) | {KIND + kind: forms.event_kind(kind) for kind in kinds}
