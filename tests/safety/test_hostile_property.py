"""Property-based: any content tree either builds or fails cleanly, never with a traceback.

Hypothesis generates chapter files from the real block types with hostile text (control
characters, YAML syntax, template and HTML syntax, long and empty values), wrong types
and unknown keys, and sometimes raw text that is not YAML at all. Most examples are only
validated (fast); a few that validate are also rendered to PDF and PPTX.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smguide.cli import main
from smguide.commands.build import load
from smguide.errors import SmguideError
from smguide.model.options import Sources
from smguide.resources import builtin
from tests.hostile import TINY

TRICKY = ["{{ cycler.__init__.__globals__ }}", "<script>alert(1)</script>", "&x;", "*alias",
          "&anchor", "!!python/object:os.system", "no", "12:30", "- item", "key: value",
          "[link](javascript:alert(1))", "\ufeff", "\u202e", "#", "%", "@", "`", "|", ">",
          "", " ", "\t", "\x00", "\x1b[31m", "\ud800", "../../etc/passwd", "file:///etc/passwd"]
GOOD = st.sampled_from(["Plain words", "**Bold** and *italic*", "A [link](https://example.org)",
                        "Zoë's café – “quoted”", "Two\n\nparagraphs", "- a list\n- of two"])
text = st.one_of(GOOD, GOOD, st.sampled_from(TRICKY), st.text(max_size=40),
                 st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
scalar = st.one_of(text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
value = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)), max_leaves=8)
BLOCKS = ["prose", "callout", "takeaways", "role", "comparison", "analogy", "practices",
          "checklist", "glossary", "questions", "image", "nonsense"]


@st.composite
def block(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(BLOCKS))
    fields = {"prose": {"text": text}, "callout": {"text": text, "style": text},
              "takeaways": {"items": st.lists(text, max_size=3)},
              "checklist": {"items": st.lists(text, min_size=1, max_size=3)},
              "questions": {"items": st.lists(text, min_size=1, max_size=3),
                            "lines": st.integers(-2, 30)},
              "image": {"src": text, "alt": text}}.get(kind, {})
    out: dict[str, Any] = {"type": kind}
    for name, strategy in fields.items():
        if draw(st.integers(0, 4)) or name == "text":
            out[name] = draw(strategy)
    if draw(st.integers(0, 6)) == 0:
        out[draw(text)] = draw(value)
    if draw(st.booleans()):
        out["heading"] = draw(text)
    return out


@st.composite
def chapter(draw: st.DrawFn) -> str:
    """A chapter file's text: usually YAML dumped from data, sometimes raw text."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.text(max_size=200))
    data: dict[str, Any] = {"title": draw(text),
                            "blocks": draw(st.lists(block(), min_size=1, max_size=4))}
    if draw(st.booleans()):
        data["summary"] = draw(text)
    if draw(st.integers(0, 5)) == 0:
        data[draw(text)] = draw(value)
    try:
        return yaml.safe_dump(data, allow_unicode=draw(st.booleans()))
    except yaml.YAMLError:
        return "title: x\n"


rendered = {"count": 0, "valid": 0, "examples": 0}


@settings(max_examples=30, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(chapter=chapter(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1"]))
def test_any_content_builds_or_fails_cleanly(chapter: str, encoding: str) -> None:
    rendered["examples"] += 1
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(TINY, content)
        (content / "chapters" / "01-one.yaml").write_bytes(
            chapter.encode(encoding, errors="surrogatepass" if encoding != "latin-1"
                           else "replace"))
        try:
            load(Sources(content, builtin("brand") / "_brand.yml"))
        except SmguideError as exc:
            assert "Traceback" not in exc.format_message()
            return
        rendered["valid"] += 1
        if rendered["count"] >= 2:  # rendering costs seconds: only the first two
            return
        rendered["count"] += 1
        result = CliRunner().invoke(main, ["-q", "build", "--content", str(content),
                                           "--out-dir", str(Path(folder) / "out")])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert result.output.startswith("Error: ")


def test_the_property_test_rendered_something() -> None:
    """Runs after the property test (pytest keeps file order): some examples were valid."""
    if not rendered["examples"]:
        pytest.skip("only meaningful after test_any_content_builds_or_fails_cleanly")
    assert rendered["valid"] >= 1 and rendered["count"] >= 1, rendered
