"""Which inputs a command uses: the options given, else the project folder's, else built-ins.

Run from a project folder (the one `smguide init` makes), smguide finds ./content,
./brand/_brand.yml and ./templates by itself; `--lang de` picks content/de/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smguide.model.options import Sources
from smguide.resources import builtin, default_brand, default_content
from smguide.sources.languages import select, suffixed


@dataclass(frozen=True)
class Project:
    """The resolved inputs, and whether the content is a translation (content/<lang>/)."""

    content: Path
    brand: Path
    templates: Path | None
    lang: str | None
    translated: bool

    def output(self, path: Path) -> Path:
        """A default output name, with -<lang> added for a translation."""
        return suffixed(path, self.lang, self.translated)

    def sources(self) -> Sources:
        return Sources(content=self.content, brand=self.brand, templates=self.templates)


def default_templates() -> Path | None:
    """./templates when it holds overrides (a handbook/ or deck/ folder), else None."""
    local = Path("templates")
    if not any((local / part).is_dir() for part in ("handbook", "deck")):
        return None
    return None if local.resolve() == builtin("templates").resolve() else local


def resolve(content: Path | None, brand: Path | None, templates: Path | None,
            lang: str | None) -> Project:
    """The inputs for one command; an unknown language raises LanguageError."""
    folder, translated = select(content or default_content(), lang)
    return Project(content=folder, brand=brand or default_brand(),
                   templates=templates or default_templates(),
                   lang=lang.strip().lower() if lang else None, translated=translated)
