"""Every word the explorer page shows of its own, in English and Spanish, in one mapping.

The page carries the whole mapping and switches language without reloading. When the
translation catalogs exist (issue #14) this mapping is the one place to fill from them.
Curator text (titles, descriptions, notes) is shown as recorded.
"""

from __future__ import annotations

from typing import Final

from coophistory.dates import HistoricalDate

__all__ = ["LABELS", "LANGUAGES", "date_display", "law_label"]

LANGUAGES: Final = ("en", "es")

LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "title": "Who supervised Peru's cooperatives?",
        "intro": (
            "Choose a day: the table says who held supervision and promotion of each kind of "
            "cooperative, under which law, according to which source. Uncertain answers are "
            "marked as such."
        ),
        "dataset": "Dataset",
        "current_to": "current to",
        "language": "Language",
        "day": "Day",
        "day_slider": "Move through time",
        "slider_help": (
            "Arrow keys: one month. Page Up and Page Down: one year. Home and End: first and "
            "last day."
        ),
        "previous_change": "Previous change",
        "next_change": "Next change",
        "on_day": "On this day",
        "table_caption": "Who held each function on {day}",
        "type": "Cooperative type",
        "supervision": "Supervision",
        "promotion": "Promotion",
        "certain": "Certain",
        "not_certain": "Not certain",
        "possibly": "possibly",
        "on_behalf_of": "on behalf of",
        "nobody": "No mandate recorded",
        "law": "Law",
        "laws": "Laws",
        "sources": "Sources",
        "disagreement": "Sources disagree",
        "settled": "settled",
        "unsettled": "not settled",
        "chosen_type": "Chosen type",
        "all_types": "All types",
        "lanes": "Who held the function over time",
        "lanes_help": (
            "One lane per type, or per group of types with the same history. Hatched stretches "
            "are uncertain. The black line is the chosen day; click a lane to move the day."
        ),
        "function": "Function",
        "lanes_label": "Lanes chart of {function} by cooperative type, from {first} to {last}",
        "handovers": "Handovers",
        "handovers_help": (
            "Each time a function passed from some bodies to others. Choose one to see that day."
        ),
        "chronology": "Chronology",
        "chronology_help": "Every event and law in date order, with its date as recorded.",
        "search": "Search",
        "kind": "Kind",
        "all_kinds": "All kinds",
        "body": "Body",
        "all_bodies": "All bodies",
        "shown": "{shown} of {total} entries shown",
        "sources_heading": "Sources",
        "sources_help": "Every source the history cites, with the places cited in it.",
        "locators": "Cited at",
        "read_on": "Read on {date}",
        "not_read": "Not recorded as read",
        "archived": "archived copy",
        "not_cited": "Not cited.",
        "conflicts_heading": "Disagreements",
        "conflicts_help": "Every fact on which sources disagree, with each claim and its source.",
        "claim": "Claim",
        "source": "Source",
        "note": "Note",
        "preferred": "preferred",
        "preferred_reason": "Preferred: {value}.",
        "not_settled": "Not settled: every claim is kept and none is preferred.",
        "span": "Span",
        "noscript": (
            "The day table and the lanes chart need JavaScript; the chronology, sources and "
            "disagreements below are readable without it."
        ),
        "footer": (
            "Made by coophistory from its validated records. This file works offline and "
            "requests nothing from any network."
        ),
    },
    "es": {
        "title": "¿Quién supervisó las cooperativas del Perú?",
        "intro": (
            "Elija un día: la tabla indica quién tuvo la supervisión y la promoción de cada "
            "tipo de cooperativa, con qué ley y según qué fuente. Las respuestas inciertas se "
            "señalan como tales."
        ),
        "dataset": "Datos",
        "current_to": "actualizados al",
        "language": "Idioma",
        "day": "Día",
        "day_slider": "Recorrer el tiempo",
        "slider_help": (
            "Flechas: un mes. Re Pág y Av Pág: un año. Inicio y Fin: primer y último día."
        ),
        "previous_change": "Cambio anterior",
        "next_change": "Cambio siguiente",
        "on_day": "En este día",
        "table_caption": "Quién tuvo cada función el {day}",
        "type": "Tipo de cooperativa",
        "supervision": "Supervisión",
        "promotion": "Promoción",
        "certain": "Seguro",
        "not_certain": "Incierto",
        "possibly": "posiblemente",
        "on_behalf_of": "por encargo de",
        "nobody": "No consta ningún mandato",
        "law": "Ley",
        "laws": "Normas",
        "sources": "Fuentes",
        "disagreement": "Las fuentes discrepan",
        "settled": "resuelta",
        "unsettled": "sin resolver",
        "chosen_type": "Tipo elegido",
        "all_types": "Todos los tipos",
        "lanes": "Quién tuvo la función a lo largo del tiempo",
        "lanes_help": (
            "Un carril por tipo, o por grupo de tipos con la misma historia. Los tramos rayados "
            "son inciertos. La línea negra es el día elegido; haga clic en un carril para "
            "cambiar el día."
        ),
        "function": "Función",
        "lanes_label": (
            "Gráfico de carriles de la {function} por tipo de cooperativa, de {first} a {last}"
        ),
        "handovers": "Traspasos",
        "handovers_help": (
            "Cada vez que una función pasó de unas entidades a otras. Elija uno para ver ese día."
        ),
        "chronology": "Cronología",
        "chronology_help": (
            "Cada hecho y cada norma en orden de fecha, con la fecha tal como consta."
        ),
        "search": "Buscar",
        "kind": "Clase",
        "all_kinds": "Todas las clases",
        "body": "Entidad",
        "all_bodies": "Todas las entidades",
        "shown": "Se muestran {shown} de {total} entradas",
        "sources_heading": "Fuentes",
        "sources_help": "Cada fuente que cita la historia, con los lugares citados en ella.",
        "locators": "Citada en",
        "read_on": "Consultada el {date}",
        "not_read": "No consta que se haya consultado",
        "archived": "copia archivada",
        "not_cited": "No se cita.",
        "conflicts_heading": "Discrepancias",
        "conflicts_help": (
            "Cada hecho en que las fuentes discrepan, con cada afirmación y su fuente."
        ),
        "claim": "Afirmación",
        "source": "Fuente",
        "note": "Nota",
        "preferred": "preferida",
        "preferred_reason": "Preferida: {value}.",
        "not_settled": (
            "Sin resolver: se conservan todas las afirmaciones y no se prefiere ninguna."
        ),
        "span": "Periodo",
        "noscript": (
            "La tabla del día y el gráfico de carriles necesitan JavaScript; la cronología, las "
            "fuentes y las discrepancias de abajo se leen sin él."
        ),
        "footer": (
            "Generado por coophistory a partir de sus registros validados. Este archivo funciona "
            "sin conexión y no pide nada a ninguna red."
        ),
    },
}

# How Spanish names each kind of legal instrument (coophistory.records.LAW_KINDS is English).
_LAW_KINDS_ES: Final = {
    "constitution": "Constitución",
    "code": "Código",
    "law": "Ley",
    "decree-law": "Decreto Ley",
    "legislative-decree": "Decreto Legislativo",
    "supreme-decree": "Decreto Supremo",
    "ministerial-resolution": "Resolución Ministerial",
    "resolution": "Resolución",
    "bill": "Proyecto de Ley",
}


def law_label(kind: str, number: str, english: str, lang: str) -> str:
    """A law's label in the language: ``Decree-Law 25879`` or ``Decreto Ley 25879``."""
    if lang == "es" and kind in _LAW_KINDS_ES:
        return f"{_LAW_KINDS_ES[kind]} {number}"
    return english


def date_display(date: HistoricalDate, lang: str) -> str:
    """A date for a reader in the language, no finer than it is known (``c. 1992``, ``1992?``)."""
    text = date.display()
    if lang != "es":
        return text
    return (
        text.replace("c. ", "hacia ")
        .replace(" or later", " o después")
        .replace(" or earlier", " o antes")
    )
