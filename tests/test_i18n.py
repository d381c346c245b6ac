"""Choosing the language and reading its catalog, with the language always passed explicitly."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

import coophistory
from coophistory import i18n
from coophistory.errors import CoopHistoryError, UnknownLanguageError
from coophistory.grammar import grammar


@pytest.mark.parametrize(
    ("asked", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "es_PE.UTF-8"}, "es"),
        (None, {"LANG": "es"}, "es"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "POSIX"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        (None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_PE.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LANG": "es_PE.UTF-8"}, "es"),
        (None, {"COOPHISTORY_LANG": "es", "LC_ALL": "en_US.UTF-8"}, "es"),
        (None, {"COOPHISTORY_LANG": "en", "LANG": "es_PE.UTF-8"}, "en"),
        ("es", {"COOPHISTORY_LANG": "en"}, "es"),
        ("en", {"LANG": "es_PE.UTF-8"}, "en"),
        ("ES-pe", {}, "es"),
    ],
)
def test_language_is_chosen_by_flag_then_variable_then_locale(
    asked: str | None, environ: dict[str, str], expected: str
) -> None:
    assert i18n.choose_language(asked, environ) == expected


def test_the_process_environment_is_read_when_none_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for var in ("COOPHISTORY_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "es_PE.UTF-8")
    assert i18n.choose_language() == "es"


@pytest.mark.parametrize(("asked", "environ"), [("fr", {}), (None, {"COOPHISTORY_LANG": "qu"})])
def test_an_unknown_language_asked_for_is_an_error_naming_the_known_ones(
    asked: str | None, environ: dict[str, str]
) -> None:
    with pytest.raises(UnknownLanguageError) as caught:
        i18n.choose_language(asked, environ)
    assert isinstance(caught.value, CoopHistoryError)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).endswith("choose one of en, es")


def test_nonsense_is_not_a_language() -> None:
    with pytest.raises(UnknownLanguageError, match="'español!'"):
        i18n.language("español!")


def test_english_is_the_source_and_spanish_comes_from_the_catalog() -> None:
    message = "unknown cooperative type {name}"
    assert i18n.gettext(message, lang="en") == message
    assert i18n.gettext(message, lang="es") == "tipo de cooperativa desconocido: {name}"
    assert i18n.pgettext("quote", "'{text}'", lang="es") == "“{text}”"
    assert i18n.pgettext("quote", "'{text}'", lang="en") == "'{text}'"


def test_a_message_missing_from_the_catalog_stays_in_english() -> None:
    assert i18n.gettext("not a message of ours", lang="es") == "not a message of ours"


def test_spanish_plurals_follow_the_spanish_rule() -> None:
    catalog = i18n.translations("es")
    assert catalog.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"
    assert i18n.ngettext("one {n}", "many {n}", 0, lang="es") == "many {n}"
    assert i18n.ngettext("one {n}", "many {n}", 1, lang="es") == "one {n}"


def test_threads_speaking_different_languages_do_not_disagree() -> None:
    message = "unknown law {name}"
    results: dict[str, set[str]] = {"en": set(), "es": set()}
    start = threading.Barrier(2)

    def speak(lang: str) -> None:
        start.wait()
        for _ in range(2000):
            results[lang].add(i18n.gettext(message, lang=lang))

    threads = [threading.Thread(target=speak, args=(lang,)) for lang in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"en": {message}, "es": {"norma desconocida: {name}"}}


def test_n_marks_without_translating() -> None:
    assert i18n.N_("unknown law {name}") == "unknown law {name}"


def test_a_third_language_is_a_catalog_and_not_a_code_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bundled: coophistory.History
) -> None:
    """A compiled catalog alone makes a language: answers use its messages, English forms."""
    catalog = Catalog(locale="pt")
    catalog.add("Sources disagree: {questions}.", "As fontes divergem: {questions}.")
    catalog.add("supervision", "supervisão")
    messages = tmp_path / "pt" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "coophistory.mo").open("wb") as stream:
        write_mo(stream, catalog)
    monkeypatch.setattr(i18n, "_locale_dir", lambda: tmp_path)
    for cached in (i18n.available_languages, i18n.translations, grammar):
        cached.cache_clear()
    try:
        assert i18n.available_languages() == ("en", "pt")
        assert i18n.choose_language(None, {"LANG": "pt_BR.UTF-8"}) == "pt"
        text = bundled.supervisor("savings-and-credit", "1995-06-01").text(lang="pt")
        assert text.startswith("On 1995-06-01, supervisão of savings and credit cooperatives")
        assert " As fontes divergem: The legal ground of FENACREP" in text
    finally:
        for cached in (i18n.available_languages, i18n.translations, grammar):
            cached.cache_clear()
