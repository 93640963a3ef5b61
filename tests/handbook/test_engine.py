"""WeasyPrint is imported without running the library search (ldconfig, gcc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import resource
{imports}
from weasyprint import HTML
assert HTML(string="<p>x</p>").write_pdf().startswith(b"%PDF-")
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(used.ru_utime + used.ru_stime)
"""


def children_cpu(imports: str) -> float:
    out = subprocess.run([sys.executable, "-c", PROBE.format(imports=imports)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the search runs on Linux")
def test_the_engine_loads_its_libraries_without_searching_for_them() -> None:
    assert children_cpu("from smguide.handbook.engine import import_weasyprint\n"
                        "import_weasyprint()") == 0.0
    assert children_cpu("import weasyprint") > 0.0  # what it saves: processes to search
