"""Template overrides: searched first, can extend the built-ins, and stay sandboxed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import template_overrides
from tests.pdftools import all_text


def overrides(tmp_path: Path, files: dict[str, str]) -> Path:
    return template_overrides(tmp_path / "my-templates", files)


def test_an_override_replaces_one_partial_and_extends_the_builtin_base(
        run: Callable[..., Result], tmp_path: Path) -> None:
    folder = overrides(tmp_path, {
        "handbook/blocks/takeaways.html.j2":
            "<aside class='takeaways'><h2>Remember</h2><p>{{ block['items'] | length }} "
            "points to remember</p></aside>",
        "handbook/handbook.html.j2":
            '{% extends "builtin/handbook/base.html.j2" %}'
            "{% block back %}<section class='chapter'><h1>Colophon</h1>"
            "<p>Printed for {{ brand.name }}</p></section>{% endblock %}",
    })
    out = tmp_path / "out.pdf"
    result = run("pdf", "--template-overrides", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = all_text(out)
    assert "points to remember" in text
    assert "Key takeaways" not in text
    assert "Printed for Greenfield Trading Co." in text
    assert "What the sales team does" in text  # the rest is still the built-in template


@pytest.mark.parametrize(("template", "message"), [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}",
     "access to attribute '__class__' of 'str' object is unsafe"),
    ("{{ guide.no_such_field }}", "Guide has no field 'no_such_field'; it has title, subtitle"),
    ("{% for x in %}", "Expected an expression, got 'end of statement block'"),
])
def test_unsafe_or_broken_overrides_fail_with_file_and_line(
        run: Callable[..., Result], tmp_path: Path, template: str, message: str) -> None:
    folder = overrides(tmp_path, {"handbook/cover.html.j2": "<p>cover</p>\n" + template})
    out = tmp_path / "out.pdf"
    result = run("pdf", "--template-overrides", str(folder), "-o", str(out))
    assert result.exit_code == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"Error: {folder}/handbook/cover.html.j2:2: template error: ")
    assert message in line
    assert not out.exists()
