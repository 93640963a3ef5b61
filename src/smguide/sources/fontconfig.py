"""fontconfig asked in this process, through its library, as the `fc-list` and `fc-match`
programs would answer: each program is a process of its own that reads fontconfig's
configuration and caches again (two of them for a brand's generic monospace family: about
0.05 s of wall time on a busy machine). The library is loaded by its file name
(ctypes.util.find_library would run ldconfig); None where it cannot be loaded, and the
callers run the programs instead. A render child forked later finds it loaded."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _library() -> Any:
    """libfontconfig with the functions used here declared, or None."""
    import ctypes

    class FontSet(ctypes.Structure):
        _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int),
                    ("fonts", ctypes.POINTER(ctypes.c_void_p))]

    for name in ("libfontconfig.so.1", "libfontconfig.1.dylib"):
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        pointer = ctypes.c_void_p
        library.FcNameParse.argtypes, library.FcNameParse.restype = [ctypes.c_char_p], pointer
        library.FcConfigSubstitute.argtypes = [pointer, pointer, ctypes.c_int]
        library.FcDefaultSubstitute.argtypes = [pointer]
        library.FcDefaultSubstitute.restype = None
        library.FcFontMatch.argtypes = [pointer, pointer, ctypes.POINTER(ctypes.c_int)]
        library.FcFontMatch.restype = pointer
        library.FcFontList.argtypes = [pointer, pointer, pointer]
        library.FcFontList.restype = ctypes.POINTER(FontSet)
        library.FcFontSetDestroy.argtypes = [ctypes.POINTER(FontSet)]
        library.FcFontSetDestroy.restype = None
        library.FcPatternFormat.argtypes = [pointer, ctypes.c_char_p]
        library.FcPatternFormat.restype = pointer  # a string the caller frees (FcStrFree)
        library.FcStrFree.argtypes, library.FcStrFree.restype = [pointer], None
        library.FcPatternDestroy.argtypes, library.FcPatternDestroy.restype = [pointer], None
        return library
    return None


def _formatted(library: Any, font: Any, form: str) -> str:
    import ctypes

    text = library.FcPatternFormat(font, form.encode())
    if not text:
        return ""
    try:
        return (ctypes.string_at(text) or b"").decode("utf-8", "replace")
    finally:
        library.FcStrFree(text)


def font_list(pattern: str, form: str) -> str | None:
    """What `fc-list PATTERN --format FORM` prints (every font matching `pattern`, in
    fontconfig's order, each as `form` says), or None without the library."""
    library = _library()
    if library is None:
        return None
    parsed = library.FcNameParse(pattern.encode())
    if not parsed:
        return ""
    try:
        fonts = library.FcFontList(None, parsed, None)  # fc-list's: no object set
    finally:
        library.FcPatternDestroy(parsed)
    if not fonts:
        return ""
    try:
        found = fonts.contents
        return "".join(_formatted(library, found.fonts[n], form) for n in range(found.nfont))
    finally:
        library.FcFontSetDestroy(fonts)


def font_match(pattern: str, form: str) -> str | None:
    """What `fc-match --format=FORM PATTERN` prints (the best font for `pattern`, with the
    configuration's and the default substitutions, as `form` says), or None without the
    library."""
    import ctypes

    library = _library()
    if library is None:
        return None
    parsed = library.FcNameParse(pattern.encode())
    if not parsed:
        return ""
    try:
        library.FcConfigSubstitute(None, parsed, 0)  # FcMatchPattern
        library.FcDefaultSubstitute(parsed)
        result = ctypes.c_int()
        font = library.FcFontMatch(None, parsed, ctypes.byref(result))
    finally:
        library.FcPatternDestroy(parsed)
    if not font:
        return ""
    try:
        return _formatted(library, font, form)
    finally:
        library.FcPatternDestroy(font)
