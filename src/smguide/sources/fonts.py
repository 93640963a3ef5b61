"""Where a brand's font families come from, in this order: the files the brand lists; fonts
installed on this computer (fontconfig); smguide's font cache; a download from Google Fonts
or Bunny Fonts into that cache (only when the network is allowed: `--allow-network` or
`smguide fonts`); else the bundled Lato, which the caller warns about.

Downloads go only to the font API (its CSS names the font files), each answer limited in
size and time, and a file enters the cache only when fontTools reads it as a font.
"""

from __future__ import annotations

import os
import re
import subprocess
import urllib.parse
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from smguide.io.atomic import write_atomic
from smguide.resources import FONTS_DIR
from smguide.sources.fontconfig import font_list, font_match

FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math",
           "emoji", "fangsong", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded"}
APIS = {"google": ("SMGUIDE_GOOGLE_FONTS_URL", "https://fonts.googleapis.com/", "Google Fonts"),
        "bunny": ("SMGUIDE_BUNNY_FONTS_URL", "https://fonts.bunny.net/", "Bunny Fonts")}
MAX_CSS_BYTES = 512 * 1024
MAX_FONT_BYTES = 20 * 1024 * 1024
TIMEOUT_S = 20.0
BUNDLED_FAMILY = "Lato"
BUNDLED = (("Lato-Regular.ttf", 400, "normal"), ("Lato-Italic.ttf", 400, "italic"),
           ("Lato-Bold.ttf", 700, "normal"), ("Lato-BoldItalic.ttf", 700, "italic"))


@dataclass(frozen=True)
class FontFace:
    family: str
    path: Path
    weight: int
    style: str


class FetchError(Exception):
    """A font could not be downloaded: why (`reason`) and from which address (`url`;
    None when the service has no files for the family), as data; its text is
    `URL: REASON`, the warning's words."""

    def __init__(self, reason: str, url: str | None = None):
        super().__init__(f"{url}: {reason}" if url else reason)
        self.reason, self.url = reason, url


def bundled_faces() -> list[FontFace]:
    return [FontFace(BUNDLED_FAMILY, FONTS_DIR / name, weight, style)
            for name, weight, style in BUNDLED]


def split_stack(family: str) -> list[str]:
    """A CSS font stack ('"Noto Sans", Aptos, sans-serif') -> its family names."""
    names = [part.strip().strip("\"'").strip() for part in family.split(",")]
    return [name for name in names if name]


def font_style(path: Path) -> tuple[int, str] | None:
    """(CSS weight, style) read from a font file's own tables; None if it is not a font."""
    from fontTools.ttLib import TTFont, TTLibError

    from smguide.logs import quieted

    try:
        with quieted("fontTools"), TTFont(BytesIO(path.read_bytes()), lazy=True) as font:
            if "cmap" not in font or "head" not in font:
                return None
            os2 = font.get("OS/2", None)
            weight = int(getattr(os2, "usWeightClass", 400) or 400)
            italic = bool(os2 and os2.fsSelection & 1) or bool(font["head"].macStyle & 2)
            return max(100, min(900, weight)), "italic" if italic else "normal"
    except (TTLibError, OSError, ValueError, AssertionError, KeyError, EOFError, TypeError,
            ImportError):  # ImportError: a woff2 file without the brotli module
        return None


def cache_dir() -> Path:
    """smguide's font cache: $SMGUIDE_FONT_CACHE, else $XDG_CACHE_HOME/smguide/fonts,
    else ~/.cache/smguide/fonts."""
    if os.environ.get("SMGUIDE_FONT_CACHE"):
        return Path(os.environ["SMGUIDE_FONT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smguide" / "fonts"


def _slug(family: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-") or "font"


# fontconfig's weights and slants -> CSS
_FC_WEIGHTS = ((0, 100), (40, 200), (50, 300), (75, 400), (80, 400), (100, 500), (180, 600),
               (200, 700), (205, 800), (210, 900))


def _css_weight(fc_weight: float) -> int:
    return min(_FC_WEIGHTS, key=lambda pair: abs(pair[0] - fc_weight))[1]


def system_faces(family: str) -> list[FontFace]:
    """The faces of `family` installed on this computer, as fontconfig lists them."""
    if family.lower() in GENERIC:
        return []
    escaped = "".join("\\" + char if char in "\\-:,=" else char for char in family)
    pattern, form = f":family={escaped}", "%{file}\t%{weight}\t%{slant}\t%{width}\n"
    listed = font_list(pattern, form)  # in this process, else by the program
    if listed is None:
        try:
            listed = subprocess.run(["fc-list", pattern, "--format", form],
                                    capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.TimeoutExpired):
            return []
    faces: dict[tuple[int, str], tuple[bool, int, FontFace]] = {}
    for line in listed.splitlines():
        file, weight, slant, width = (line.split("\t") + ["", "", "", ""])[:4]
        if not file.lower().endswith(FONT_SUFFIXES):
            continue
        try:
            css = _css_weight(float(weight.split()[0].strip("[]") or 80))
        except ValueError:
            css = 400
        style = "italic" if slant.strip() not in ("", "0") else "normal"
        rank = (width.strip() not in ("", "100"), len(file), FontFace(family, Path(file), css,
                                                                     style))
        if (css, style) not in faces or rank[:2] < faces[(css, style)][:2]:
            faces[(css, style)] = rank  # one file per face: normal width, plainest name
    return sorted((face for *_, face in faces.values()), key=lambda f: (f.weight, f.style))


def generic_family(generic: str) -> str | None:
    """The installed family fontconfig gives for a generic name (serif, monospace...)."""
    matched = font_match(generic, "%{family[0]}")  # in this process, else by the program
    if matched is None:
        try:
            matched = subprocess.run(["fc-match", "--format=%{family[0]}", generic],
                                     capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.TimeoutExpired):
            return None
    return matched.strip() or None


def cached_faces(family: str) -> list[FontFace]:
    """The faces of `family` in smguide's font cache (from an earlier download)."""
    folder = cache_dir() / _slug(family)
    faces = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in FONT_SUFFIXES:
                style = font_style(path)
                if style:
                    faces.append(FontFace(family, path, *style))
    return faces


def api_url(source: str, family: str, weights: list[int], styles: list[str]) -> str:
    """The CSS address of a family at the Google Fonts CSS2 API or Bunny Fonts' CSS API
    (the same forms as posit's brand_yml builds)."""
    env, default, _ = APIS[source]
    base = os.environ.get(env) or default
    if source == "google":
        ital = sorted({1 if style == "italic" else 0 for style in styles})
        values = ";".join(f"{i},{w}" for i in ital for w in sorted(set(weights)))
        query = {"family": f"{family}:ital,wght@{values}", "display": "swap"}
        return urllib.parse.urljoin(base, "css2?" + urllib.parse.urlencode(query, safe=":,;@"))
    values = ",".join(f"{w}{'i' if style == 'italic' else ''}" for style in sorted(set(styles))
                      for w in sorted(set(weights)))
    query = {"family": f"{family}:{values}", "display": "swap"}
    return urllib.parse.urljoin(base, "css?" + urllib.parse.urlencode(query, safe=":,;@"))


def _get(url: str, limit: int) -> bytes:
    import urllib.error
    import urllib.request  # with http and ssl: only for a download the user allowed

    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("only http(s) addresses are fetched", url)
    # an unknown client gets TrueType files from Google Fonts (browsers get WOFF2)
    request = urllib.request.Request(url, headers={"User-Agent": "smguide"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310
            data: bytes = answer.read(limit + 1)
    except OSError as exc:  # URLError, HTTPError, timeouts
        if isinstance(exc, urllib.error.HTTPError):
            exc.close()  # an error answer holds its connection open until closed
        raise FetchError(_reason(exc, url), url) from None
    if len(data) > limit:
        raise FetchError(f"larger than {limit // 1024} KB; not downloaded", url)
    return data


def _reason(exc: OSError, url: str) -> str:
    """Why a download failed, in words: no network, no answer, refused, or the server's
    answer; else the system's own message."""
    import socket
    import urllib.error

    host = urllib.parse.urlsplit(url).hostname or url
    cause = getattr(exc, "reason", None) or exc
    if isinstance(exc, urllib.error.HTTPError):
        return f"{host} answered {exc.code} {exc.reason}"
    if isinstance(cause, socket.gaierror):
        return f"{host} cannot be reached: this computer seems to be offline"
    if isinstance(cause, TimeoutError | socket.timeout):
        return f"{host} did not answer within {TIMEOUT_S:g} s"
    if isinstance(cause, ConnectionRefusedError):
        return f"{host} refused the connection"
    return str(cause)


def _font_faces_in(css: str) -> list[tuple[int, str, str]]:
    """(weight, style, url) of each @font-face rule of an API's CSS."""
    import tinycss2

    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face" or not rule.content:
            continue
        props: dict[str, list[Any]] = {}
        for decl in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True,
                                                   skip_comments=True):
            if decl.type == "declaration":
                props[decl.lower_name] = [t for t in decl.value if t.type != "whitespace"]
        urls = [t.value for t in props.get("src", []) if getattr(t, "type", "") == "url"]
        urls += [t.arguments[0].value for t in props.get("src", [])
                 if getattr(t, "type", "") == "function" and t.lower_name == "url"
                 and t.arguments and getattr(t.arguments[0], "type", "") == "string"]
        weight_tokens = [t for t in props.get("font-weight", []) if getattr(t, "type", "") in
                         ("number", "ident")]
        weight = 400
        if weight_tokens:
            first = weight_tokens[0]
            weight = int(getattr(first, "int_value", None) or
                         {"bold": 700}.get(getattr(first, "lower_value", ""), 400))
        style_tokens = [getattr(t, "lower_value", "") for t in props.get("font-style", [])]
        style = "italic" if "italic" in style_tokens or "oblique" in style_tokens else "normal"
        if urls:
            found.append((weight, style, urls[0]))
    return found


def fetch_family(source: str, family: str, weights: list[int],
                 styles: list[str]) -> list[FontFace]:
    """Download a family from Google Fonts or Bunny Fonts into the font cache; return its
    faces (raise FetchError saying why not)."""
    styles = styles or ["normal", "italic"]
    weights = weights or [400, 700]
    attempts = [(weights, styles), (weights, ["normal"]), ([400], ["normal"])]
    css: str | None = None
    errors: list[FetchError] = []
    for want_weights, want_styles in attempts:  # the API refuses styles a family lacks
        try:
            css = _get(api_url(source, family, want_weights, want_styles),
                       MAX_CSS_BYTES).decode("utf-8", "replace")
            break
        except FetchError as exc:
            errors.append(exc)
    if css is None:
        raise errors[0]
    rules = _font_faces_in(css)
    if not rules:
        raise FetchError(f"{APIS[source][2]} has no font files for \"{family}\"")
    folder = cache_dir() / _slug(family)
    folder.mkdir(parents=True, exist_ok=True)
    faces, seen = [], set()
    for weight, style, url in rules:
        if (weight, style) in seen:  # one file per face (the API splits by script)
            continue
        data = _get(url, MAX_FONT_BYTES)
        suffix = next((s for s in FONT_SUFFIXES if urllib.parse.urlsplit(url).path.lower()
                       .endswith(s)), ".ttf")
        target = folder / f"{_slug(family)}-{weight}{'-italic' if style == 'italic' else ''}"\
                          f"{suffix}"
        scratch = folder / f".{target.name}.check"
        scratch.write_bytes(data)
        try:
            if font_style(scratch) is None:
                raise FetchError("the answer is not a font file", url)
        finally:
            scratch.unlink(missing_ok=True)
        write_atomic(target, data)
        seen.add((weight, style))
        faces.append(FontFace(family, target, weight, style))
    return faces
