"""Importing WeasyPrint without its library search.

WeasyPrint opens Pango, HarfBuzz and fontconfig by trying several names for each; cffi
answers a name that is not a file with `ctypes.util.find_library`, which on Linux runs
`ldconfig` and `gcc` (about 0.13 s of CPU in child processes, and 0.05 s more here, per
import). Every list of names ends with the library's file name (`libpango-1.0.so.0`),
which the dynamic loader opens directly: so during the import the search answers "not
found" at once. If the libraries cannot be opened that way, the import is tried again
with the real search, so nothing that worked before stops working.
"""

from __future__ import annotations

import sys


def _not_searched(name: str) -> None:
    return None


def import_weasyprint() -> None:
    """Import weasyprint (and its text layer), skipping the library search on Linux."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint  # noqa: F401
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = _not_searched
    try:
        import weasyprint  # noqa: F401
    except OSError:  # a system where only the search finds them: forget the half import
        for name in [name for name in sys.modules if name.split(".")[0] == "weasyprint"]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = search
    import weasyprint  # noqa: F401, F811
