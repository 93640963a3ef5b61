"""The README's next steps work as written after scripts/bootstrap: its workflow's first
line (the one bootstrap prints) makes plain `smguide` a command in a new terminal."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO


def _workflow() -> list[str]:
    """The lines of the README's "The workflow" command block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The workflow", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block, "the workflow section has its commands"
    return [line.split("#", 1)[0].strip() for line in block[1].splitlines()]


def test_bootstrap_prints_the_readmes_activation_line() -> None:
    first = _workflow()[0]
    assert first == "source .venv/bin/activate"
    script = (REPO / "scripts/bootstrap").read_text(encoding="utf-8")
    assert 'echo "  source $here/.venv/bin/activate"' in script
    assert script.rstrip().splitlines()[-1].startswith("echo"), "printed last"


@pytest.mark.skipif(not (REPO / ".venv/bin/activate").is_file(),
                    reason="no .venv: scripts/bootstrap was not run")
def test_the_workflow_finds_smguide_in_a_new_terminal(tmp_path: Path) -> None:
    """A terminal whose PATH has no smguide: the README's first line, then its `init`
    and, from the new project, its `check`, as typed."""
    lines = _workflow()
    init = next(line for line in lines if line.startswith("smguide init"))
    check = next(line for line in lines if line.startswith("smguide check"))
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if not (Path(p) / "smguide").exists())
    env = {"PATH": path, "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    assert subprocess.run(["bash", "-c", "command -v smguide"], env=env,
                          capture_output=True).returncode != 0, "not found before"
    script = (f"cd {REPO} && {lines[0]} && cd {tmp_path} && {init} && cd my-handbook "
              f"&& {check}")
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "my-handbook/content/guide.yaml").is_file()
    assert "command not found" not in done.stderr
