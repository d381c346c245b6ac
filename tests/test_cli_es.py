"""The command line in Spanish: --lang, COOPHISTORY_LANG and the locale, for every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coophistory.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_who_answers_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--lang", "es", "who", "ahorro y crédito", "2019-01-01")
    assert status == 0
    assert out.startswith(
        "El 1 de enero de 2019, la supervisión de las cooperativas de ahorro y crédito estaba a "
        "cargo de la SBS (Superintendencia de Banca, Seguros y AFP), en virtud de la "
        "Ley N.° 30822. Fuentes: "
    )


@pytest.mark.parametrize(
    ("environ", "spanish"),
    [
        ({"COOPHISTORY_LANG": "es"}, True),
        ({"COOPHISTORY_LANG": "", "LANG": "es_PE.UTF-8"}, True),
        ({"COOPHISTORY_LANG": "", "LC_ALL": "en_US.UTF-8", "LANG": "es_PE.UTF-8"}, False),
        ({"COOPHISTORY_LANG": "en", "LANG": "es_PE.UTF-8"}, False),
    ],
)
def test_the_language_comes_from_the_environment(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    environ: dict[str, str],
    spanish: bool,
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in environ.items():
        monkeypatch.setenv(var, value)
    _, out, _ = _run(capsys, "who", "savings-and-credit", "2019-01-01")
    assert out.startswith("El 1 de enero de 2019") is spanish


def test_flag_beats_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COOPHISTORY_LANG", "es")
    _, out, _ = _run(capsys, "--lang", "en", "who", "savings-and-credit", "2019-01-01")
    assert out.startswith("On 2019-01-01")


def test_handovers_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "es", "handovers", "ahorro y crédito")
    assert out.splitlines() == [
        "1978  supervisión de las cooperativas de ahorro y crédito: INCOOP → Ministerio de Trabajo",
        "entre 1992 y 1993  supervisión de las cooperativas de ahorro y crédito: Ministerio de "
        "Trabajo → FENACREP (Decreto Ley N.° 25879)",
        "1 de enero de 2019  supervisión de las cooperativas de ahorro y crédito: FENACREP → SBS "
        "(Ley N.° 30822)",
    ]
    _, out, _ = _run(capsys, "--lang", "es", "handovers")
    assert out.splitlines()[:2] == [
        "1978  supervisión de todas las cooperativas: INCOOP → Ministerio de Trabajo",
        "1992  supervisión de las cooperativas no financieras: Ministerio de Trabajo → CONASEV "
        "(Decreto Ley N.° 25879)",
    ]


def test_on_and_timeline_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "es", "on", "1995-06-01")
    assert out.splitlines()[0].split() == ["tipo", "supervisión", "promoción"]
    rows = [line.split("  ") for line in out.splitlines()]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert ["cooperativas de ahorro y crédito", "FENACREP", "Ministerio de Trabajo"] in cells
    assert ["cooperativas de vivienda", "CONASEV", "Ministerio de Trabajo"] in cells
    for name, *_ in cells[1:]:
        # each row's name is one the Spanish lookups take back
        assert _run(capsys, "--lang", "es", "who", name, "1995-06-01")[0] == 0
    _, out, _ = _run(capsys, "--lang", "es", "timeline", "--from", "2018", "--to", "2018-07")
    assert "\nentre 2000 y 2020  [programa] " in f"\n{out}"
    assert "\n13 de junio de 2018  [norma] El Congreso aprueba" in out


def test_json_keeps_english_keys_and_adds_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "es", "who", "housing", "2000-01-01", "--json")
    data = json.loads(out)
    assert data["sentence"].startswith("On 2000-01-01")
    assert data["sentence_es"].startswith("El 1 de enero de 2000")
    _, out, _ = _run(capsys, "--lang", "es", "handovers", "savings-and-credit", "--json")
    last = json.loads(out)[-1]
    assert last["laws"][0]["label_es"] == "Ley N.° 30822"
    assert last["to"][0]["name_es"] == "Superintendencia de Banca, Seguros y AFP"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["who", "vivenda", "1978"],
            "coophistory: error: tipo de cooperativa desconocido: “vivenda”; "
            "¿quiso decir “cooperativas de vivienda”?",
        ),
        (
            ["who", "servicios", "1978"],
            "coophistory: error: el tipo de cooperativa “servicios” es ambiguo: puede ser "
            "“cooperativas de servicios múltiples”, “cooperativas de servicios especiales”",
        ),
        (
            ["who", "housing", "1992-13"],
            "coophistory: error: fecha no válida “1992-13”: no existe el mes 13",
        ),
        (
            ["who", "housing"],
            "coophistory who: error: faltan estos argumentos obligatorios: FECHA "
            "(véase 'coophistory who --help')",
        ),
        (
            ["export", "xml", "-o", "x.xml"],
            "coophistory export: error: argumento format: opción no válida: 'xml' (elija entre ",
        ),
    ],
)
def test_errors_in_spanish(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, _, err = _run(capsys, "--lang", "es", *argv)
    assert status in (1, 2)
    assert err.startswith(message)


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "--lang", "qu", "who", "housing", "1978")
    assert status == 2
    assert err == (
        "coophistory: error: unknown language 'qu': choose one of en, es "
        "(see 'coophistory --help')\n"
    )


def test_help_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "es", "who", "--help")
    assert out.startswith("uso: coophistory who [-h] [--json] [--function {supervision,promotion}]")
    assert "Quién tenía a su cargo una función sobre un tipo de cooperativa en una fecha" in out
    assert "opciones:" in out


@pytest.mark.dot
def test_render_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "carriles.dot"
    status, _, _ = _run(capsys, "--lang", "es", "render", "lanes", "-o", str(target))
    assert status == 0
    source = target.read_text(encoding="utf-8")
    assert "Supervisión de cada tipo de cooperativa a lo largo del tiempo" in source
    assert "cooperativas de ahorro y crédito" in source
    assert "Ministerio de Trabajo" in source


def test_the_analysts_commands_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["diff", "2018-06-01", "2019-06-01", "--type", "savings-and-credit"]
    _, out, _ = _run(capsys, "--lang", "es", *argv)
    assert out.splitlines()[:2] == [
        "Del 1 de junio de 2018 al 1 de junio de 2019:",
        "  1 de enero de 2019  supervisión de las cooperativas de ahorro y crédito: FENACREP → SBS "
        "(Ley N.° 30822)",
    ]
    _, out, _ = _run(capsys, "--lang", "es", "show", "SBS")
    assert out.splitlines()[:2] == [
        "Superintendencia de Banca, Seguros y AFP [sbs] (SBS)",
        "  1 de enero de 2019  mandato: supervisión de las cooperativas de ahorro y crédito "
        "(Ley N.° 30822)",
    ]
    _, out, _ = _run(capsys, "--lang", "es", "types")
    assert out.split()[:5] == ["id", "nombre", "nombre", "(es)", "tipo"]
    _, out, _ = _run(capsys, "--lang", "es", "search", "zzzz")
    assert out == "sin resultados\n"


def test_a_reversed_range_and_an_unused_option_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = _run(capsys, "--lang", "es", "timeline", "--from", "2020", "--to", "2010")
    assert status == 1
    assert err == "coophistory: error: el intervalo de 2020 a 2010 termina antes de empezar\n"
    status, _, err = _run(capsys, "--lang", "es", "render", "lanes", "-o", "x.svg", "--on", "2000")
    assert status == 2
    assert err.startswith("coophistory render: error: --on no se aplica a render lanes")


def test_version_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--lang", "es", "--version")
    assert out.startswith("coophistory ")
    assert " (datos " in out
    assert ", actualizados al " in out
    assert " de 20" in out  # the day in words: "26 de enero de 2026"


def test_show_and_sources_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` and ``sources`` give dates in words, kinds in Spanish, Spanish pinpoints."""
    _, out, _ = _run(capsys, "--lang", "es", "show", "context-study")
    lines = out.splitlines()
    assert lines[1] == "  leída el 2 de diciembre de 2026"
    assert "  citada por entidad cauu: §1, párr. 1, n. 1" in lines
    _, out, _ = _run(capsys, "--lang", "es", "show", "vivienda")
    assert "    1 de enero de 1979 a 1 de enero de 1992  Ministerio de Trabajo" in out.splitlines()
    _, out, _ = _run(capsys, "--lang", "es", "show", "Resolución SBS 0158-2020")
    assert out.splitlines()[-1] == (
        "  citada por un hecho (13 de enero de 2020): "
        "Se aprueba el Estatuto del Fondo de Seguro de Depósitos Cooperativo"
    )
    _, out, _ = _run(capsys, "--lang", "es", "sources")
    assert out.splitlines()[1].endswith("leída el 2 de diciembre de 2026")


def test_conflicts_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    """Disagreements: Spanish titles, claims in words, Spanish pinpoints, the reason."""
    _, out, _ = _run(capsys, "--lang", "es", "conflicts")
    lines = out.splitlines()
    start = lines.index(
        "non-financial-supervision: Si alguien supervisó las cooperativas no financieras "
        "después de 1992"
    )
    assert lines[start + 3] == (
        "  - no las supervisa ninguna institución pública ni privada: "
        "context-study, §1.1.2, párr. 4"
    )
    assert lines[start - 4] == "  - 1992: context-study, §1.2, párr. 1"
    assert any(
        line.startswith("  motivo: La nota aclara qué entiende el estudio") for line in lines
    )
