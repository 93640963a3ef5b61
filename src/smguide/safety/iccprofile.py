"""The CMYK output profile a print PDF is made for: the shipped default for the paper
(FOGRA39 for A4 and A5, GRACoL for US Letter) or the shop's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smguide.errors import Problem, RenderError, Where
from smguide.resources import ASSETS_DIR

DEFAULT_PROFILE = ASSETS_DIR / "icc" / "smguide-FOGRA39-coated.icc"
# The default profile characterises FOGRA39 (ISO 12647-2 offset, coated paper), a printing
# condition registered with the ICC: a print shop's RIP knows it by this name.
DEFAULT_CONDITION = ("FOGRA39", "http://www.color.org",
                     "Offset printing, coated paper (ISO 12647-2:2004/Amd 1), FOGRA39")
# A US print shop works to GRACoL (CGATS TR 006, commercial offset on grade 1 coated
# paper), also registered with the ICC: the default for the US papers.
GRACOL_PROFILE = ASSETS_DIR / "icc" / "smguide-GRACoL-coated.icc"
GRACOL_CONDITION = ("CGATS TR 006", "http://www.color.org",
                    "Commercial offset printing, grade 1 coated paper (ANSI CGATS/GRACoL "
                    "TR 006-2007), GRACoL")
DEFAULTS = {"letter": (GRACOL_PROFILE, GRACOL_CONDITION)}  # any other paper: FOGRA39


def default_profile(paper: str) -> tuple[Path, tuple[str, str, str]]:
    """The shipped profile and printing condition for `paper`: GRACoL for US Letter,
    FOGRA39 for A4, A5 and the rest."""
    return DEFAULTS.get(paper.lower(), (DEFAULT_PROFILE, DEFAULT_CONDITION))
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class OutputProfile:
    """A CMYK printer profile, checked; `identifier` names the printing condition in the
    PDF's output intent (`registry` is where that name is registered, if it is)."""

    path: Path
    description: str
    identifier: str
    registry: str
    condition: str

    def data(self) -> bytes:
        return self.path.read_bytes()


def load_output_profile(path: Path | None, where: str = "", paper: str = "a4"
                        ) -> OutputProfile:
    """The profile at `path` (when None, the default for `paper`: default_profile), or a
    one-line RenderError saying why it cannot be a print shop's output profile. `where`
    names the option or brand field."""
    from PIL import ImageCms

    shipped, shipped_condition = default_profile(paper)
    chosen = path or shipped
    shown = str(path) if path else "the default profile"

    def refused(what: str, fix: str) -> RenderError:
        """`where: shown: what (fix)` (or `shown: what (fix)`), made as a Problem."""
        said = f"{what} ({fix})"
        return RenderError(Problem.at(Where(where), f"{shown}: {said}", suggestion=fix)
                           if where else Problem.at(Where(shown), said, suggestion=fix))

    try:
        if chosen.stat().st_size > MAX_BYTES:
            raise refused("larger than 20 MB, not an ICC profile",
                          "use the .icc file your print shop sent")
        profile = ImageCms.getOpenProfile(str(chosen)).profile
    except FileNotFoundError:
        raise refused("file not found", "give the .icc file your print shop sent") from None
    except (OSError, ImageCms.PyCMSError):
        raise refused("not an ICC profile that can be read",
                      "use the .icc file your print shop sent") from None
    space, kind = profile.xcolor_space.strip(), profile.device_class.strip()
    description = (profile.profile_description or chosen.stem).strip()
    if space != "CMYK" or kind != "prtr":
        what = {"mntr": "a screen (display)", "scnr": "a scanner (input)",
                "spac": "a colour space", "link": "a device link", "abst": "an abstract",
                "nmcl": "a named colour"}.get(kind, "a printer")
        raise refused(f'"{description}" is {what} profile in {space}, not a CMYK output '
                      "profile", "ask your print shop for theirs, e.g. FOGRA39 or FOGRA51 for "
                      "coated paper")
    if path is None:
        identifier, registry, condition = shipped_condition
    else:
        identifier, registry, condition = description, "", description
    return OutputProfile(chosen.resolve(), description, identifier, registry, condition)
