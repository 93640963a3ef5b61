"""`smguide init [DIR]`: a starter project that builds as it is, in the language asked for.

The files are data, not code: `starter/<lang>/` holds a short guide.yaml, two chapters and
a README for editors; labels.yaml comes from the built-in guide in that language. For a
language with no starter of its own, the built-in guide in that language is the starter.
So adding a language (content/<lang>/) is enough for `init --lang <lang>` too.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from smguide.errors import OutputError, SmguideError
from smguide.resources import PACKAGE_DIR, builtin
from smguide.sources.languages import LanguageError, variants

STARTER_DIR = PACKAGE_DIR / "starter"


def languages() -> dict[str, Path]:
    """Languages init can start a project in, with the built-in guide's folder for each."""
    return variants(builtin("content"))


def create(target: Path, lang: str | None = None, here: bool = False) -> list[Path]:
    """Write the starter project into `target` (new or empty); return the files written.
    `here`: `target` is the working folder, chosen because no folder was named."""
    wanted = (lang or "en").strip().lower()
    guides = languages()
    if wanted not in guides:
        raise LanguageError(f'there is no starter in "{lang}"; available: '
                            f"{', '.join(sorted(guides))}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        if here:
            raise SmguideError("this folder is not empty; smguide init never overwrites "
                               "anything. Give a new folder's name: smguide init my-handbook")
        raise SmguideError(f"{target} is not empty; smguide init never overwrites anything. "
                           "Choose a new folder name")
    guide = guides[wanted]
    starter = STARTER_DIR / wanted
    try:
        target.mkdir(parents=True, exist_ok=True)
        content = target / "content"
        if (starter / "guide.yaml").is_file():
            shutil.copytree(starter / "chapters", content / "chapters")
            text = (starter / "guide.yaml").read_text(encoding="utf-8")
            (content / "guide.yaml").write_text(text.replace("{today}", date.today().isoformat()),
                                                encoding="utf-8")
        else:  # no starter in this language: the whole built-in guide is the example
            shutil.copytree(guide / "chapters", content / "chapters")
            shutil.copy2(guide / "guide.yaml", content / "guide.yaml")
            for extra in ("images",):
                if (guide / extra).is_dir():
                    shutil.copytree(guide / extra, content / extra)
        shutil.copy2(guide / "labels.yaml", content / "labels.yaml")
        shutil.copytree(STARTER_DIR / "brand", target / "brand")
        readme = starter / "README.md" if (starter / "README.md").is_file() else \
            STARTER_DIR / "en" / "README.md"
        shutil.copy2(readme, target / "README.md")
        (target / "templates").mkdir()
    except OSError as exc:
        raise OutputError(f"cannot create the project in {target}: {exc.strerror}") from None
    return sorted(p for p in target.rglob("*") if p.is_file())
