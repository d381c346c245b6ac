"""Which language to speak, and the gettext catalogs that speak it.

English is the source language: its messages are the msgids themselves. Every other language is
a catalog, ``locale/<lang>/LC_MESSAGES/coophistory.mo`` inside the package, so adding one is
adding a catalog. The helpers take the language explicitly (``gettext(message, lang="es")``)
instead of installing a process-wide translation: two threads answering in two languages never
disagree about which one is current.

The language is chosen in this order: an explicit choice (``--lang``), ``COOPHISTORY_LANG``,
then the user's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set), and English
when none of them names a language we have.

>>> gettext("English", lang="en")
'English'
>>> choose_language(None, {"LANG": "es_PE.UTF-8"})
'es'
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from coophistory.errors import UnknownLanguageError

__all__ = [
    "DOMAIN",
    "ENV_VAR",
    "N_",
    "SOURCE_LANGUAGE",
    "available_languages",
    "choose_language",
    "gettext",
    "language",
    "ngettext",
    "npgettext",
    "pgettext",
    "translations",
]

DOMAIN: Final = "coophistory"
SOURCE_LANGUAGE: Final = "en"
ENV_VAR: Final = "COOPHISTORY_LANG"
# POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
_LOCALE_VARS: Final = ("LC_ALL", "LC_MESSAGES", "LANG")
# "es", "es_PE", "es-PE", "es_PE.UTF-8", "es_PE@euro": the language is the first subtag.
_TAG: Final = re.compile(r"(?P<lang>[A-Za-z]{2,3})(?:[_-][A-Za-z0-9]+)*(?:\.[\w-]+)?(?:@\w+)?")


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark a message for extraction without translating it (translate it where it is shown)."""
    return message


def _locale_dir() -> Path:
    # Beside the package's modules, as the bundled data (coophistory.loading.bundled_path): not
    # importlib.resources, whose zip support costs ~2 ms of start-up; the package is always
    # installed as files.
    return Path(__file__).resolve().parent / "locale"


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The languages coophistory speaks: English, and every language with a compiled catalog.

    >>> available_languages()
    ('en', 'es')
    """
    found = {SOURCE_LANGUAGE}
    root = _locale_dir()
    if root.is_dir():
        for entry in root.iterdir():
            if (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
                found.add(entry.name)
    return (SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE}))


def _tag_language(tag: str) -> str | None:
    """The language of a locale name or language tag, lower-cased: ``es_PE.UTF-8`` → ``es``."""
    match = _TAG.fullmatch(tag.strip())
    return None if match is None else match["lang"].lower()


def language(name: str) -> str:
    """The language ``name`` stands for, checked: ``es``, ``ES``, ``es-PE`` and ``es_PE`` → ``es``.

    An unknown language is an error naming the ones we have.

    >>> language("es-PE")
    'es'
    >>> language("fr")
    Traceback (most recent call last):
    coophistory.errors.UnknownLanguageError: unknown language 'fr': choose one of en, es
    """
    lang = _tag_language(name)
    known = available_languages()
    if lang not in known:
        raise UnknownLanguageError(name, known)
    return lang


def choose_language(asked: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: ``asked`` (``--lang``), ``COOPHISTORY_LANG``, then the locale.

    ``asked`` and ``COOPHISTORY_LANG`` are choices made for coophistory, so an unknown one is an
    error; the locale is the user's for every program, so one we do not speak means English.

    >>> choose_language("es", {"LANG": "en_GB.UTF-8"})
    'es'
    >>> choose_language(None, {"COOPHISTORY_LANG": "en", "LANG": "es_PE.UTF-8"})
    'en'
    >>> choose_language(None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "es_PE.UTF-8"})
    'en'
    """
    env = os.environ if environ is None else environ
    if asked:
        return language(asked)
    if env.get(ENV_VAR):
        return language(env[ENV_VAR])
    for var in _LOCALE_VARS:
        value = env.get(var)
        if value:
            lang = _tag_language(value)
            return lang if lang in available_languages() else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog of ``lang``, read once from the package; English is the messages themselves."""
    lang = language(lang)
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    mo = _locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with mo.open("rb") as stream:
        return _gettext.GNUTranslations(stream)


def gettext(message: str, *, lang: str) -> str:
    """``message`` in ``lang``.

    >>> gettext("unknown law {name}", lang="es")
    'norma desconocida: {name}'
    """
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int, *, lang: str) -> str:
    """The singular or plural of a message in ``lang``, by the language's own plural rule."""
    return translations(lang).ngettext(singular, plural, n)


def pgettext(context: str, message: str, *, lang: str) -> str:
    """``message`` in ``lang``, told apart from the same English words used in another sense."""
    return translations(lang).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int, *, lang: str) -> str:
    """:func:`ngettext` with a context, as :func:`pgettext`."""
    return translations(lang).npgettext(context, singular, plural, n)
