"""The translation catalogs: complete, current with the code, compiled, and placeholder-true.

Run ``make catalogs`` when a message changes, translate what it marks, then
``make compile-catalogs``; these tests say which step was missed.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from coophistory import i18n

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "src" / "coophistory"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "coophistory.pot"
TRANSLATED = [lang for lang in i18n.available_languages() if lang != i18n.SOURCE_LANGUAGE]

Key = tuple[str | None, str | tuple[str, ...]]


def _key(message: Message) -> Key:
    ident = message.id if isinstance(message.id, str) else tuple(message.id)
    return (message.context, ident)


def _keys(catalog: Catalog) -> set[Key]:
    return {_key(m) for m in catalog if m.id}


def _po(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "coophistory.po").open("rb") as stream:
        return read_po(stream, locale=lang)


def _extracted() -> Catalog:
    """What ``make catalogs`` would extract from the code now."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)  # type: ignore[no-untyped-call]
    catalog = Catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _strings(message: Message) -> str | tuple[str, ...]:
    """A message's translation, its plural forms as a tuple (read_mo gives a list)."""
    return message.string if isinstance(message.string, str) else tuple(message.string or ())


def _texts(message: Message) -> Iterator[tuple[str, str]]:
    """Each (source, translation) pair of a message: one, or one per plural form."""
    if isinstance(message.id, str):
        assert isinstance(message.string, str)
        yield message.id, message.string
        return
    singular, plural = message.id[0], message.id[1]
    assert isinstance(message.string, tuple | list)
    for index, form in enumerate(message.string):
        yield (singular if index == 0 else plural), form


def test_spanish_is_a_language() -> None:
    assert "es" in TRANSLATED


def test_template_is_current_with_the_code() -> None:
    with TEMPLATE.open("rb") as stream:
        template = read_po(stream)
    extracted = _keys(_extracted())
    assert extracted, "no message was extracted: is babel.cfg right?"
    missing, gone = extracted - _keys(template), _keys(template) - extracted
    assert not missing, f"new messages (run make catalogs): {sorted(map(str, missing))}"
    assert not gone, f"removed messages (run make catalogs): {sorted(map(str, gone))}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_has_every_message_of_the_template(lang: str) -> None:
    with TEMPLATE.open("rb") as stream:
        template = _keys(read_po(stream))
    catalog = _keys(_po(lang))
    assert catalog == template, f"{lang}.po differs from the template: run make catalogs"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_reviewed(lang: str) -> None:
    untranslated = [
        str(_key(m))
        for m in _po(lang)
        if m.id and (m.fuzzy or not all(text.strip() for _, text in _texts(m)))
    ]
    assert not untranslated, f"{lang}: untranslated or fuzzy messages: {untranslated}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = [
        f"{source!r} → {text!r}"
        for m in _po(lang)
        if m.id
        for source, text in _texts(m)
        if _fields(source) != _fields(text)
    ]
    assert not wrong, f"{lang}: a translation adds, drops or renames a placeholder: {wrong}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_printf_style_messages_keep_their_conversions(lang: str) -> None:
    """Babel's own checks: a %-format translation has the same conversions as its message."""
    problems = [f"{m.id!r}: {errors}" for m, errors in _po(lang).check() if errors]
    assert not problems, f"{lang}: {problems}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalog_matches_its_source(lang: str) -> None:
    mo_path = LOCALE / lang / "LC_MESSAGES" / "coophistory.mo"
    assert mo_path.is_file(), f"{mo_path} is missing: run make compile-catalogs"
    with mo_path.open("rb") as stream:
        compiled = {_key(m): _strings(m) for m in read_mo(stream) if m.id}
    source = {_key(m): _strings(m) for m in _po(lang) if m.id and not m.fuzzy}
    assert compiled == source, f"{lang}: the .mo is out of date: run make compile-catalogs"


def test_a_stale_template_is_caught() -> None:
    """The staleness check is not vacuous: a message the template lacks shows up as new."""
    with TEMPLATE.open("rb") as stream:
        template = read_po(stream)
    dropped = next(m for m in template if m.id)
    template.delete(dropped.id, context=dropped.context)
    assert _keys(_extracted()) - _keys(template) == {_key(dropped)}
