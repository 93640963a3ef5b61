"""Which inputs a command uses: the options given, else the project's, else built-ins.

A project is a folder with `content/guide.yaml` (the one `smguide init` makes). smguide
finds it from the current folder or any folder above it, the way git finds its
repository, and then uses its content/, brand/_brand.yml (or _brand.yml) and templates/,
and writes into its output/. With no project and no --content, the built-in sample guide
is used, and every command says so. `--lang de` picks content/de/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smguide.model.options import Sources
from smguide.paths import link_loop, real
from smguide.resources import builtin
from smguide.sources.languages import select, suffixed

CONTENT, BRANDS = "content", ("brand/_brand.yml", "_brand.yml")


@dataclass(frozen=True)
class Project:
    """The resolved inputs, and whether the content is a translation (content/<lang>/).

    `root` is the project folder found (None: the content was named with --content, or
    there is no project); `sample` says the built-in sample guide is used."""

    content: Path
    brand: Path
    templates: Path | None
    lang: str | None
    translated: bool
    root: Path | None = None
    sample: bool = False
    missing_brand: Path | None = None  # the project's brand file, deleted or renamed

    @property
    def out_dir(self) -> Path:
        """The project's output/ folder (./output when run from the project folder)."""
        return (self.root or Path(".")) / "output"

    def named(self, name: str) -> str:
        """A default output name, with -<lang> added for a translation."""
        return suffixed(Path(name), self.lang, self.translated).name

    def output(self, name: str) -> Path:
        """Where a default output goes: the project's output/ folder, under `named(name)`."""
        return self.out_dir / self.named(name)

    def sources(self) -> Sources:
        return Sources(content=self.content, brand=self.brand, templates=self.templates,
                       missing_brand=self.missing_brand)


def find_root(start: Path) -> Path | None:
    """The nearest folder, `start` or above it, that has content/guide.yaml."""
    for folder in (start, *start.parents):
        if _present(folder / CONTENT / "guide.yaml"):
            return folder
    return None


def default_templates(root: Path) -> Path | None:
    """root/templates when it holds overrides (a handbook/ or deck/ folder), else None."""
    local = root / "templates"
    if not any((local / part).is_dir() for part in ("handbook", "deck")):
        return None
    return None if real(local) == real(builtin("templates")) else local


def default_brand(base: Path) -> Path:
    """base/brand/_brand.yml or base/_brand.yml, else the built-in brand."""
    for candidate in BRANDS:
        if _present(base / candidate):
            return base / candidate
    return builtin("brand") / "_brand.yml"


def _present(path: Path) -> bool:
    """A file, or a link loop where the file should be: the user's, to be reported, never
    silently replaced by the built-in one."""
    return path.is_file() or link_loop(path)


def shown_from(root: Path, cwd: Path) -> Path:
    """`root` (an ancestor of `cwd`, or `cwd` itself) as the user would type it: `.`,
    `..`, `../..`."""
    return Path(*([".."] * len(cwd.relative_to(root).parts))) if cwd != root else Path(".")


def resolve(content: Path | None, brand: Path | None, templates: Path | None,
            lang: str | None, cwd: Path | None = None) -> Project:
    """The inputs for one command; an unknown language raises LanguageError."""
    here = (cwd or Path.cwd()).resolve()
    found = None if content is not None else find_root(here)
    base = shown_from(found, here) if found is not None else Path(".")
    folder = content or (base / CONTENT if found is not None else builtin(CONTENT))
    selected, translated = select(folder, lang)
    chosen = brand or default_brand(base)
    missing = (base / BRANDS[0] if found is not None and brand is None
               and chosen == builtin("brand") / "_brand.yml" and (base / "brand").is_dir()
               else None)  # a brand/ folder without its _brand.yml: deleted or renamed
    return Project(content=selected, brand=chosen,
                   templates=templates or default_templates(base),
                   lang=lang.strip().lower() if lang else None, translated=translated,
                   root=None if base == Path(".") else base,
                   sample=content is None and found is None, missing_brand=missing)
