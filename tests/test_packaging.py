"""The wheel carries the templates, the default guide, the brand and the fonts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_ships_templates_content_brand_and_fonts(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("smguide-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "content", "brand"):
        shipped = {p.relative_to(REPO).as_posix() for p in (REPO / folder).rglob("*")
                   if p.is_file()}
        assert {f"smguide/{name}" for name in shipped} <= names, folder
    assert "smguide/assets/fonts/Lato-Regular.ttf" in names
    assert "smguide/assets/fonts/OFL.txt" in names
    assert "smguide/assets/icc/smguide-FOGRA39-coated.icc" in names  # the print profile
    assert "smguide/assets/icc/NOTICE.txt" in names
    assert {"smguide/starter/en/guide.yaml", "smguide/starter/de/README.md",
            "smguide/starter/brand/_brand.yml"} <= names  # smguide init
    # `smguide docs` reads the author's guide from the installed package
    assert zipfile.ZipFile(wheel).read("smguide/docs/content.md") == \
        (REPO / "docs/content.md").read_bytes()
    # every module of every package (a .gitignore pattern must not drop one)
    code = {p.relative_to(REPO / "src").as_posix() for p in (REPO / "src").rglob("*.py")}
    assert code <= names
