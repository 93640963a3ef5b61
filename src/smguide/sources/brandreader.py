"""One brand file read on its raw data: where each field is written, the problems found,
and its colours resolved to '#rrggbb' (palette names, theme colours, light/dark pairs),
in the light and the dark mode, when the reader is made."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smguide.errors import Problem, Where, quote
from smguide.model.colors import luminance, parse_colour
from smguide.sources.validate import dotted, suggest
from smguide.sources.yamlhints import curly_wrapped
from smguide.sources.yamlsource import Located

ROLES = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
         "warning", "danger", "light", "dark")
THEME_NAMES = (*ROLES, "link")
DEFAULT_COLOURS = {"foreground": "#1d2327", "background": "#ffffff", "primary": "#2f6b4f",
                   "secondary": "#a35a24", "tertiary": "#4a7fb0", "light": "#f3f1ea",
                   "dark": "#1d2327"}


def lookup(data: Any, *keys: str | int) -> Any:
    """data[k1][k2]... or None when the file has another shape there."""
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


@dataclass(frozen=True)
class Colours:
    """A brand file's theme colours resolved ('#rrggbb' by role), as the handbook and a
    light deck read them (`light`) and as a dark deck does (`dark`)."""

    light: dict[str, str]
    dark: dict[str, str]


class BrandReader:
    """The checks and resolution of one brand file, on its raw data, so that every
    problem is found at once even where the file's shape is wrong elsewhere.

    Made with the problems found before (the file checked against its shape), it
    resolves the colours at once (`colours`); the functions that read the rest of the
    file (fonts, logo, settings) add theirs to `problems` and `warnings`."""

    def __init__(self, located: Located, shown: str, root: Path, network: bool,
                 problems: Iterable[Problem] = ()):
        self.located, self.shown, self.root, self.network = located, shown, root, network
        self.data = located.data if isinstance(located.data, dict) else {}
        self.problems: list[Problem] = list(problems)
        self.warnings: list[Problem] = []
        self.font_warnings: list[Problem] = []  # those of warnings about fonts
        self.found: list[tuple[str, str, str]] = []  # (family asked for, used, from where)
        # each download tried: (family, from which service, why it failed; None: it did not)
        self.fetched: list[tuple[str, str, str | None]] = []
        colour = lookup(self.data, "color")
        self.palette = {k: v for k, v in (lookup(colour, "palette") or {}).items()
                        if isinstance(k, str) and isinstance(v, str)}
        self.roles = {name: value for name in THEME_NAMES
                      if (value := lookup(colour, name)) is not None}
        light = self.mode_colours("light")
        self.colours = Colours(light, self.mode_colours("dark", light))

    def where(self, *field: str | int) -> Where:
        line, col = self.located.position(tuple(field))
        return Where(self.shown, line, col, dotted(field))

    def problem(self, found: Problem) -> None:
        if found not in self.problems:
            self.problems.append(found)

    # -- colours ----------------------------------------------------------------------

    def resolve(self, text: str, field: tuple[str | int, ...], mode: str,
                chain: tuple[str, ...] = ()) -> str | None:
        """A colour value -> '#rrggbb': a palette name, a theme colour's name, or any CSS
        colour (palette names first, as brand_yml and Quarto look them up)."""
        if text in chain:
            self.problem(Problem.fix(self.where(*field), f"{quote(text)} refers back to itself "
                                     f"({' -> '.join((*chain, text))})", "give a colour"))
            return None
        if text in self.palette:
            return self.resolve(self.palette[text], ("color", "palette", text), mode,
                                (*chain, text))
        if text in THEME_NAMES:
            own = self.roles.get(text)
            value = own.get(mode) if isinstance(own, dict) else own
            if isinstance(own, dict) and value is None:
                value = own.get("light")
            if isinstance(value, str):
                sub = ("color", text, mode) if isinstance(own, dict) else ("color", text)
                return self.resolve(value, sub, mode, (*chain, text))
            if own is None and text in DEFAULT_COLOURS and chain and chain[-1] in ROLES:
                return DEFAULT_COLOURS[text]  # a theme colour naming one left to smguide
            if own is None:  # as Quarto does: the tool's own colour for it (brand_yml refuses)
                fallback = DEFAULT_COLOURS.get(text)
                instead = (f"smguide's own {text} {fallback}" if fallback
                           else "the colour smguide would use without it")
                note = Problem.warn(self.where(*field), f"{quote(text)} names color.{text}, "
                                    f"which this file does not define; {instead} is used "
                                    f"(define color.{text} to choose)",
                                    suggestion=f"define color.{text} to choose")
                if note not in self.warnings:
                    self.warnings.append(note)
                return fallback
            return None
        parsed = parse_colour(text)
        if parsed is None:
            self._not_a_colour(text, field)
        return parsed

    def _not_a_colour(self, text: str, field: tuple[str | int, ...]) -> None:
        """The problem with a colour value that is none: in a word processor's curly
        quotes (“#1f3a5f”), or what it may be instead (never a palette entry itself)."""
        curly = curly_wrapped(text)
        if curly and self._names_colour(text[1:-1]):
            self.problem(Problem.at(self.where(*field), curly[0], suggestion=curly[1]))
            return
        said = quote(text)
        if curly:  # “gren”: the quotes, and the name inside them, are both wrong
            text = text[1:-1]
            said = f"{quote(text)} (in curly quotes, which YAML keeps as part of the text)"
        own = field[-1] if field[:2] == ("color", "palette") else None
        others = [name for name in self.palette if name != own]
        names = sorted(others) or ["(none)"]
        wanted = ('a hex colour ("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a '
                  "palette name")
        self.problem(Problem.fix(self.where(*field), f"{said} is not a colour: give "
                                 f"{wanted}{suggest(text, [*others, *THEME_NAMES])}",
                                 f"palette: {', '.join(names)}", wanted))

    def _names_colour(self, text: str) -> bool:
        """Whether `text` is a colour, a palette name or a theme colour's name."""
        return text in self.palette or text in THEME_NAMES or parse_colour(text) is not None

    def value(self, raw: Any, field: tuple[str | int, ...], mode: str) -> str | None:
        """A colour field in `mode` (a {light, dark} pair gives one of its values)."""
        if isinstance(raw, dict):
            side = raw.get(mode)
            return self.resolve(side, (*field, mode), mode) if isinstance(side, str) else None
        return self.resolve(raw, field, mode) if isinstance(raw, str) else None

    def mode_colours(self, mode: str, light: dict[str, str] | None = None) -> dict[str, str]:
        """Every theme colour in `mode` (light, or the dark deck's, derived in part from
        the `light` ones), the file's over smguide's, with the typography's heading, text
        and link colours."""
        colours = self._role_colours(mode, light or {})
        typo = lookup(self.data, "typography")
        heads = lookup(typo, "headings")
        colours["headings"] = colours["primary"]
        if isinstance(heads, dict) and heads.get("color") is not None:
            colours["headings"] = (self.value(heads["color"], ("typography", "headings",
                                                                "color"), mode)
                                   or colours["primary"])
        base = lookup(typo, "base")
        if isinstance(base, dict) and base.get("color") is not None:
            colours["foreground"] = (self.value(base["color"], ("typography", "base", "color"),
                                                mode) or colours["foreground"])
        link = self.value(self.roles.get("link"), ("color", "link"), mode)
        typo_link = lookup(typo, "link", "color")
        if typo_link is not None:
            link = self.value(typo_link, ("typography", "link", "color"), mode) or link
        colours["link"] = link or colours["primary"]
        for kind in ("monospace", "monospace-inline", "monospace-block", "link"):
            for key in ("color", "background-color"):
                raw = lookup(typo, kind, key)
                if raw is not None and not (kind == "link" and key == "color"):
                    self.value(raw, ("typography", kind, key), mode)  # checked, not printed
        return colours

    def _role_colours(self, mode: str, light: dict[str, str]) -> dict[str, str]:
        """The colour roles in `mode`: the file's, then (light) smguide's defaults or
        (dark) a dark background and light text derived from the light ones."""
        colours: dict[str, str] = {}
        for name in ROLES:
            raw = self.roles.get(name)
            if mode == "dark" and name in ("foreground", "background") and not isinstance(
                    raw, dict):
                continue  # one value for both: the dark deck derives its own (below)
            resolved = self.value(raw, ("color", name), mode)
            if resolved:
                colours[name] = resolved
        for name in self.palette:  # a palette entry that is not a colour is a mistake too
            self.resolve(name, ("color", "palette", name), mode)
        if mode != "dark":
            for name, value in DEFAULT_COLOURS.items():
                colours.setdefault(name, value)
            return colours
        if "background" not in colours:
            colours["background"] = next(
                (c for c in (light.get("dark"), light.get("foreground"))
                 if c and luminance(c) < 0.18), "#16191c")
        if "foreground" not in colours:
            colours["foreground"] = next(
                (c for c in (light.get("light"), light.get("background"))
                 if c and luminance(c) > 0.6), "#f4f4f2")
        for name, value in light.items():
            colours.setdefault(name, value)
        return colours
