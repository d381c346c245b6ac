"""argparse's own words in Spanish while a parser speaks it, and --lang found before parsing."""

from __future__ import annotations

import argparse

import pytest

from coophistory.cli.language import argparse_speaking, peek_lang


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coophistory", exit_on_error=False)
    parser.add_argument("day")
    parser.add_argument("--function", choices=["supervision", "promotion"])
    return parser


def test_help_and_usage_in_spanish_while_speaking_it() -> None:
    with argparse_speaking("es"):
        text = _parser().format_help()
    assert text.startswith("uso: coophistory [-h] [--function {supervision,promotion}] day\n")
    assert "\nargumentos posicionales:\n" in text
    assert "\nopciones:\n" in text
    assert "-h, --help            muestra esta ayuda y termina" in text


def test_argparse_errors_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    with argparse_speaking("es"), pytest.raises(SystemExit):
        _parser().parse_args([])
    assert capsys.readouterr().err.endswith(
        "coophistory: error: faltan estos argumentos obligatorios: day\n"
    )
    with argparse_speaking("es"):
        try:
            _parser().parse_args(["1995", "--function", "control"])
        except argparse.ArgumentError as error:
            message = str(error)  # argparse words it when it is shown
    assert message == (
        "argumento --function: opción no válida: 'control' (elija entre 'supervision', 'promotion')"
    )


def test_argparse_speaks_english_again_after_the_block() -> None:
    with argparse_speaking("es"):
        pass
    assert _parser().format_help().startswith("usage: coophistory")


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["--lang", "es", "who", "housing", "1978"], "es"),
        (["--lang=es", "who"], "es"),
        (["--data", "a.toml", "--lang", "en", "on", "2000"], "en"),
        (["who", "--lang", "es"], None),
        (["--lang"], None),
        ([], None),
    ],
)
def test_lang_is_read_from_the_options_before_the_command(
    argv: list[str], lang: str | None
) -> None:
    assert peek_lang(argv) == lang
