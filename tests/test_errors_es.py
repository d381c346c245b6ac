"""Errors, ``diff --json`` and notebook tables in a Spanish session: no English left in them."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

import coophistory
from coophistory import render
from coophistory.errors import (
    DataError,
    InvalidOptionError,
    OutputError,
    Problem,
    RenderError,
    UnknownLanguageError,
)
from coophistory.messages import error_text
from coophistory.render import backend

from .test_cli import call
from .test_files import full

__all__ = ["full"]  # fixtures


def _spanish(error: BaseException) -> str:
    assert isinstance(error, coophistory.CoopHistoryError)
    return error_text(error, lang="es")


# --- writing files ------------------------------------------------------------------------


def test_a_folder_as_output_is_refused_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = call(capsys, "--lang", "es", "export", "json", "-o", str(tmp_path))
    assert status != 0
    assert out == ""
    assert f"no se puede escribir {tmp_path}: es una carpeta" in err
    assert "cannot" not in err


def test_a_missing_folder_is_named_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "falta" / "h.dot"
    status, _, err = call(capsys, "--lang", "es", "render", "handovers", "-o", str(target))
    assert status != 0
    assert f"no se puede escribir {target}: la carpeta {target.parent} no existe" in err, err


def test_the_operating_systems_reason_is_translated(
    capsys: pytest.CaptureFixture[str], full: Path
) -> None:
    """A reason the C library gives (ENOSPC on a full device) reaches Spanish in Spanish."""
    status, _, err = call(capsys, "--lang", "es", "export", "json", "-o", str(full))
    assert status != 0
    assert f"no se puede escribir {full}: no queda espacio en el dispositivo" in err, err


# --- the diagram back end -----------------------------------------------------------------


def test_diagram_format_errors_in_spanish(tiny: coophistory.History, tmp_path: Path) -> None:
    with pytest.raises(OutputError) as raised:
        render.write(render.lanes(tiny), io.BytesIO(), "gif")
    assert _spanish(raised.value) == (
        "formato de diagrama desconocido: 'gif'; use uno de estos: dot, pdf, png, svg"
    )
    with pytest.raises(OutputError) as raised:
        render.write(render.lanes(tiny), io.BytesIO())
    assert _spanish(raised.value) == (
        "para escribir un diagrama en un flujo hace falta un formato: uno de dot, pdf, png, svg"
    )
    with pytest.raises(OutputError) as raised:
        render.write(render.lanes(tiny), tmp_path / "lanes.jpg2")
    assert _spanish(raised.value).startswith("no se puede saber el formato de ")


def test_graphviz_failures_in_spanish() -> None:
    assert _spanish(backend._failure(3, b"")) == (
        "el programa dot de Graphviz terminó con el estado 3 sin dibujar el diagrama; escriba "
        "la fuente .dot para verlo"
    )
    missing = RenderError.worded(backend.INSTALL)
    assert _spanish(missing).startswith(
        "no se encontró el programa dot de Graphviz en el PATH; instale Graphviz"
    )
    assert str(missing).startswith("Graphviz's dot program was not found on PATH")


# --- misuse of the API --------------------------------------------------------------------


def test_wrong_type_in_spanish(tiny: coophistory.History) -> None:
    with pytest.raises(coophistory.WrongTypeError) as raised:
        tiny.supervisor("housing", 2000.5)  # type: ignore[arg-type]
    assert str(raised.value) == (
        "a date must be EDTF text, a year as int or a datetime.date, not float"
    )
    assert _spanish(raised.value) == (
        "una fecha debe ser un texto EDTF, un año como int o un datetime.date, no float"
    )


def test_invalid_option_unknown_language_and_bad_data_in_spanish() -> None:
    option = InvalidOptionError("base", "id/", "a string")
    assert _spanish(option) == "base no válido: “id/”; se esperaba una cadena"
    with pytest.raises(UnknownLanguageError) as raised:
        coophistory.i18n.language("fr")
    assert _spanish(raised.value) == "idioma desconocido: “fr”; elija uno de estos: en, es"
    bad = DataError([Problem("bodies.toml", "bodies", 2, "sbs", "no name")])
    assert _spanish(bad) == "1 problema en los datos:\n  bodies.toml: bodies #2 (sbs): no name"


# --- diff --json and the notebook tables --------------------------------------------------


def test_diff_json_names_bodies_and_laws_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("diff", "1990-01-01", "2020-01-01", "--type", "savings-and-credit", "--json")
    _, english, _ = call(capsys, *args)
    status, out, _ = call(capsys, "--lang", "es", *args)
    assert status == 0
    found = json.loads(out)
    assert "label_es" not in english
    labels = [law["label_es"] for law in found["laws"]]
    assert "Ley N.° 30822" in labels
    names = [b["name_es"] for change in found["changes"] for b in change["after"]]
    assert "Superintendencia de Banca, Seguros y AFP" in names


def _cells(markup: str) -> list[str]:
    return re.findall(r"<t[hd]>(.*?)</t[hd]>", markup)


def test_notebook_tables_in_spanish(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("savings-and-credit", "2019-01-01")
    cells = _cells(answer.html("es"))
    assert cells[2:8] == [
        "fecha",
        "1 de enero de 2019",
        "tipo",
        "cooperativas de ahorro y crédito",
        "función",
        "supervisión",
    ]
    assert cells[8:10] == ["a cargo de", "SBS (Superintendencia de Banca, Seguros y AFP)"]
    assert "SBS (Superintendencia de Banca, Seguros y AFP)" in cells
    assert "Ley N.° 30822" in cells
    assert answer._repr_html_() == answer.html("en")
    handovers = _cells(bundled.handovers(function="supervision").html("es"))
    assert handovers[:7] == ["fecha", "función", "tipos", "salvo", "de", "a", "normas"]
    assert handovers[-7:] == [
        "1 de enero de 2019",
        "supervisión",
        "cooperativas de ahorro y crédito",
        "",
        "FENACREP",
        "SBS",
        "Ley N.° 30822",
    ]
    changes = bundled.changes_between("1990-01-01", "2020-01-01", coop_type="savings-and-credit")
    assert _cells(changes.html("es"))[:7] == [
        "fecha",
        "función",
        "tipos",
        "antes",
        "después",
        "seguro",
        "normas",
    ]
