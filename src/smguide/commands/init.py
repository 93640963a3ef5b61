"""`smguide init [DIR]`: a starter project that builds as it is, in the language asked for.

The files are data, not code: `starter/<lang>/` holds a short guide.yaml, two chapters and
a README for editors; labels.yaml comes from the built-in guide in that language. For a
language with no starter of its own, the built-in guide in that language is the starter.
So adding a language (content/<lang>/) is enough for `init --lang <lang>` too. A language
smguide has no text in at all (`--lang es`) gets the English starter with `language: es`
(so dates, quotes and hyphenation are Spanish from the start) and its English labels to
translate, and `Started.untranslated` says so.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smguide.errors import OutputError, Problem, SmguideError, Where
from smguide.resources import PACKAGE_DIR, builtin
from smguide.sources.languages import LANGUAGE, LanguageError, language_name, variants

STARTER_DIR = PACKAGE_DIR / "starter"
FALLBACK = "en"  # the starter for a language smguide has no text in


@dataclass(frozen=True)
class Started:
    """What init wrote; `untranslated`: the language's name when its text is English."""

    files: list[Path]
    untranslated: str | None = None


def languages() -> dict[str, Path]:
    """Languages init can start a project in, with the built-in guide's folder for each."""
    return variants(builtin("content"))


def _language(lang: str | None, guides: dict[str, Path]) -> tuple[str, str | None]:
    """(the language asked for, its name if smguide has no text in it); an unknown tag is
    refused with the languages that have text."""
    wanted = (lang or FALLBACK).strip().lower()
    if wanted in guides:
        return wanted, None
    name = language_name(wanted) if LANGUAGE.match(wanted) else None
    if name is None:
        listed = ", ".join(sorted(guides))
        raise LanguageError(Problem.at(
            Where(""), f'there is no starter in "{lang}"; available: {listed} (or any '
            "language by its code, such as es or pt-BR, to start from the English text)",
            f"one of: {listed}, or a language code"))
    return wanted, name


def create(target: Path, lang: str | None = None, here: bool = False) -> Started:
    """Write the starter project into `target` (new or empty); return what was written.
    `here`: `target` is the working folder, chosen because no folder was named."""
    guides = languages()
    wanted, untranslated = _language(lang, guides)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        if here:
            raise SmguideError(Problem.at(
                Where(""), "this folder is not empty; smguide init never overwrites anything. "
                "Give a new folder's name: smguide init my-handbook", "an empty or new folder",
                "give a new folder's name: smguide init my-handbook"))
        raise SmguideError(Problem.at(
            Where(""), f"{target} is not empty; smguide init never overwrites anything. "
            "Choose a new folder name", "an empty or new folder", "choose a new folder name"))
    source = FALLBACK if untranslated else wanted
    guide = guides[source]
    starter = STARTER_DIR / source
    try:
        target.mkdir(parents=True, exist_ok=True)
        content = target / "content"
        if (starter / "guide.yaml").is_file():
            shutil.copytree(starter / "chapters", content / "chapters")
            text = (starter / "guide.yaml").read_text(encoding="utf-8")
            text = text.replace("{today}", date.today().isoformat())
            if untranslated:
                text = text.replace(f"language: {source}\n", f"language: {wanted}\n", 1)
            (content / "guide.yaml").write_text(text, encoding="utf-8")
        else:  # no starter in this language: the whole built-in guide is the example
            shutil.copytree(guide / "chapters", content / "chapters")
            shutil.copy2(guide / "guide.yaml", content / "guide.yaml")
            for extra in ("images",):
                if (guide / extra).is_dir():
                    shutil.copytree(guide / extra, content / extra)
        labels = (guide / "labels.yaml").read_text(encoding="utf-8")
        if untranslated:
            labels = (f"# Translate these words into {untranslated} ({wanted}): each value, "
                      "never a key.\n# docs/content.md, \"labels.yaml\", says where each "
                      "appears.\n") + labels
        (content / "labels.yaml").write_text(labels, encoding="utf-8")
        shutil.copytree(STARTER_DIR / "brand", target / "brand")
        readme = starter / "README.md" if (starter / "README.md").is_file() else \
            STARTER_DIR / "en" / "README.md"
        shutil.copy2(readme, target / "README.md")
        (target / "templates").mkdir()
    except OSError as exc:
        raise OutputError(Problem.at(Where(""), f"cannot create the project in {target}: "
                                     f"{exc.strerror}")) from None
    return Started(sorted(p for p in target.rglob("*") if p.is_file()), untranslated)
