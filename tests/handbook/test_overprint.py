"""Solid black text overprints in the print PDF (handbook/pdfx.py): read back with pikepdf,
every text shown in 100 % K is painted with an ExtGState whose fill overprint is on
(overprint mode 1), and nothing else is: not a coloured or white text, not a panel or
rule. qpdf finds the file sound and Ghostscript renders it."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

SHOW = {"Tj", "TJ", "'", '"'}
PAINT = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh"}


def painted(pdf: Path) -> Counter[tuple[str, bool, bool]]:
    """(what, solid black fill, fill overprint on) for each text shown and path painted,
    in every page's content stream and the forms it draws."""
    counts: Counter[tuple[str, bool, bool]] = Counter()
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            walk(page.obj, page.Resources, counts, 0)
    return counts


def walk(owner: object, resources: object, counts: Counter[tuple[str, bool, bool]],
         depth: int) -> None:
    states = resources.get("/ExtGState", {}) if resources is not None else {}
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    fill: tuple[float, ...] = ()
    overprint = False
    stack: list[tuple[tuple[float, ...], bool]] = []
    for instruction in pikepdf.parse_content_stream(owner):
        op, operands = str(instruction.operator), instruction.operands
        if op == "k":
            fill = tuple(float(v) for v in operands)
        elif op in ("g", "rg", "sc", "scn"):
            fill = ("other",)  # type: ignore[assignment]
        elif op == "gs":
            state = states.get(str(operands[0]))
            if state is not None and "/op" in state:
                overprint = bool(state.op)
            elif state is not None and "/OP" in state:
                overprint = bool(state.OP)
        elif op == "q":
            stack.append((fill, overprint))
        elif op == "Q" and stack:
            fill, overprint = stack.pop()
        elif op in SHOW:
            counts[("text", fill == (0.0, 0.0, 0.0, 1.0), overprint)] += 1
        elif op in PAINT:
            counts[("path", fill == (0.0, 0.0, 0.0, 1.0), overprint)] += 1
        elif op == "Do" and depth < 8:
            form = xobjects.get(str(operands[0]))
            if form is not None and form.get("/Subtype") == "/Form":
                walk(form, form.get("/Resources", resources), counts, depth + 1)


def test_solid_black_text_overprints_and_nothing_else_does(print_pdf: Path) -> None:
    counts = painted(print_pdf)
    assert counts[("text", True, True)] > 500, counts  # the body text, on every page
    assert counts[("text", True, False)] == 0, counts  # no black text knocks out
    assert counts[("text", False, True)] == 0, counts  # no colour or white text overprints
    assert counts[("path", False, True)] == 0 and counts[("path", True, True)] == 0, counts
    assert counts[("text", False, False)] > 0  # the cover's white, a callout's grey...
    with pikepdf.open(print_pdf) as document:
        modes = {int(state.OPM) for page in document.pages
                 for state in page.Resources.get("/ExtGState", {}).values() if "/OPM" in state}
    assert modes == {1}, modes


def test_qpdf_and_ghostscript_read_the_overprinting_pdf(print_pdf: Path) -> None:
    if shutil.which("qpdf") is None or shutil.which("gs") is None:
        pytest.skip("qpdf and Ghostscript (scripts/bootstrap --test installs them)")
    checked = subprocess.run(["qpdf", "--check", str(print_pdf)], capture_output=True,
                             text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout
    rendered = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                               "-dOverprint=/simulate", "-sDEVICE=inkcov", "-dFirstPage=3",
                               "-dLastPage=4", "-o", "-", str(print_pdf)],
                              capture_output=True, text=True, check=False, timeout=120)
    assert rendered.returncode == 0, rendered.stderr
    assert "Error" not in rendered.stdout + rendered.stderr
