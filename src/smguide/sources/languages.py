"""Languages: which variants a content folder has, picking one, and dates for a locale.

A content folder is written in the language its guide.yaml names; every subfolder that
has its own guide.yaml (`content/de/`, `content/fr/`...) is a translation with the same
layout. Adding a language is adding such a folder: no code knows the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from pathlib import Path

from smguide.errors import Problem, SmguideError, Where, quote

LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class LanguageError(SmguideError):
    """An unknown --lang: the message lists the languages the content has."""


def base_language(content: Path) -> str | None:
    """The language guide.yaml names, or None when it cannot be read (check reports why)."""
    from smguide.sources.yamlsource import YamlProblem, read_yaml

    try:
        data = read_yaml(content / "guide.yaml").data
    except (OSError, YamlProblem):
        return None
    language = data.get("language") if isinstance(data, dict) else None
    return language.lower() if isinstance(language, str) else None


def variants(content: Path) -> dict[str, Path]:
    """Every language of a content folder: its own, then each subfolder with a guide.yaml."""
    found: dict[str, Path] = {}
    base = base_language(content)
    if base:
        found[base] = content
    if content.is_dir():
        for folder in sorted(content.iterdir()):
            name = folder.name.lower()
            if (folder / "guide.yaml").is_file() and LANGUAGE.match(name) and name not in found:
                found[name] = folder
    return found


def translates(content: Path, language: str) -> str | None:
    """The language of the edition `content` translates: its parent folder's, when that
    has a guide.yaml in another language (content/de/ of content/); else None."""
    source = base_language(content.parent) if content.parent != content else None
    return source if source and source != language.lower() else None


def select(content: Path, lang: str | None) -> tuple[Path, bool]:
    """(the folder to build, whether it is a translation subfolder) for `--lang lang`.

    No --lang, or the content folder's own language, means the folder itself.
    """
    if lang is None:
        return content, False
    wanted = lang.strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", wanted):
        listed = ", ".join(sorted(variants(content))) or "none"
        raise LanguageError(Problem.at(Where(""), f'{quote(lang)} is not a language code '
                                       f'such as "en" or "de"; available: {listed}',
                                       'a language code such as "en" or "de"'))
    folder = content / wanted
    if (folder / "guide.yaml").is_file():
        return folder, True
    available = variants(content)
    if wanted in available:
        return available[wanted], available[wanted] != content
    listed = ", ".join(sorted(available)) or "none"
    add = (f"copy the content into {content / wanted}/ (guide.yaml with language: "
           f"{wanted}, labels.yaml, chapters/) and translate it")
    raise LanguageError(Problem.at(Where(""), f"the content has no language {quote(lang)}; "
                                   f"available: {listed}. To add it, {add}",
                                   f"one of: {listed}", add))


def suffixed(path: Path, lang: str | None, translated: bool) -> Path:
    """output/handbook.pdf -> output/handbook-de.pdf for a translation, so languages
    built one after the other do not overwrite each other."""
    if not translated or not lang:
        return path
    return path.with_name(f"{path.stem}-{lang.strip().lower()}{path.suffix}")


def language_name(language: str) -> str | None:
    """The language's English name ('Spanish' for es, 'Portuguese (Brazil)' for pt-BR), or
    None when Babel (CLDR) does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_")).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        return None


# papers of the United States (and Canada): an English edition on one dates as Americans do
US_PAPERS = ("letter", "legal")


def dating_language(language: str, paper: str) -> str:
    """The locale a printed edition writes its dates in: the guide's language, with the
    region it names ("en-GB": "1 December 2026", "en-US", "de-CH"). English without a
    region ("en", which Babel reads as American) follows the paper: international
    English (CLDR's en-001: "1 December 2026") on A4 and A5, American English
    ("December 1, 2026") on US Letter."""
    parts = language.replace("_", "-").split("-")
    if len(parts) > 1 or parts[0].lower() != "en":
        return language
    return "en-US" if paper.lower() in US_PAPERS else "en-001"


def format_date(iso: str, language: str, ordinal_day: Mapping[str, str] | None = None) -> str:
    """'2026-03-01' as the language writes it ('March 1, 2026', '1. März 2026'), in
    Babel's long format; the day gets the suffix `ordinal_day` gives its ordinal category
    (Babel's, from CLDR: French {"one": "er"} writes '1er mars 2026'; default: the shipped
    typography table's). ISO as it is when Babel does not know the language. Kept in the
    user cache (babel_kept): a warm run imports no Babel for it."""
    from smguide.sources.typography import shipped

    ordinals = shipped(language).ordinal_day if ordinal_day is None else ordinal_day
    return babel_kept(lambda: _format_date(iso, language, ordinals), "format_date", iso,
                      language, repr(sorted(ordinals.items())))


def _format_date(iso: str, language: str, ordinals: Mapping[str, str]) -> str:
    """format_date's work, done by Babel."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date as babel_format

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return iso
    day = date.fromisoformat(iso)
    suffix = ordinals.get(locale.ordinal_form(day.day), "")
    pattern = locale.date_formats["long"].pattern
    if suffix and re.search(r"(?<![d'])d(?!d)", pattern):
        escaped = suffix.replace("'", "''")
        pattern = re.sub(r"(?<![d'])d(?!d)", f"d'{escaped}'", pattern, count=1)
    return babel_format(day, format=pattern, locale=locale)


def likely_region(language: str) -> str:
    """The region CLDR finds most likely for a base language ('DE' for de, 'US' for en),
    or '' (kept in the user cache: babel_kept)."""
    def region() -> str:
        from babel.core import get_global

        likely = get_global("likely_subtags").get(language, "")
        return str(likely.split("_")[-1]) if likely else ""

    return babel_kept(region, "likely_region", language)


def format_list(items: list[str], language: str) -> str:
    """`items` joined as the language lists them ('a, b and c'; Babel, from CLDR); ValueError
    or LookupError when Babel does not know the language (kept in the user cache:
    babel_kept)."""
    def joined() -> str:
        from babel.lists import format_list as babel_list

        return str(babel_list(items, locale=language.replace("-", "_")))

    return babel_kept(joined, "format_list", language, *items)


def babel_kept(make: Callable[[], str], *parts: str) -> str:
    """`make()`, Babel's answer, kept in the user cache under `parts` and Babel's version
    (io.modelcache.kept): importing Babel and loading a locale's CLDR data cost a warm
    `slides` run more than reading an answer back."""
    from smguide.io.modelcache import kept

    return kept(make, b"babel", _babel_version(), *(part.encode() for part in parts))


@cache
def _babel_version() -> bytes:
    """Babel's installed distribution (its .dist-info folder's name, with the version)."""
    from smguide.io.buildcache import installed_packages

    return "\0".join(name for name in installed_packages()
                     if name.lower().startswith("babel-")).encode()


def format_month(iso: str, language: str) -> str:
    """'2026-12-01' as the month of an edition ('December 2026', 'Dezember 2026',
    'grudzień 2026'): Babel's year and month skeleton. ISO's year and month as they are
    when Babel does not know the language."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_skeleton

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return iso[:7]
    return format_skeleton("yMMMM", date.fromisoformat(iso), locale=locale)
