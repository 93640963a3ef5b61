"""docs/content.md lists the labels the code reads: its first labels table is exactly the
required keys, its other tables the optional ones, and nothing the model lacks."""

from __future__ import annotations

import re
from pathlib import Path

from smguide.sources.guidefile import Labels

DOCS = Path(__file__).resolve().parents[2] / "docs" / "content.md"


def tables() -> list[list[str]]:
    """The keys of each table in the labels.yaml section, in order."""
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("### labels.yaml"):text.index("#### Typography by language")]
    found: list[list[str]] = []
    for block in re.split(r"\n(?!\|)", section):
        keys = re.findall(r"^\| `([a-z_-]+)` \|", block, re.M)
        if keys:
            found.append(keys)
    return found


def test_the_labels_tables_are_the_models_keys() -> None:
    fields = {field.alias or name: field for name, field in Labels.model_fields.items()}
    required = {key for key, field in fields.items() if field.is_required()}
    first, *others = tables()
    assert set(first) == required and len(first) == len(required)
    optional = {key for table in others for key in table}
    assert optional == set(fields) - required - {"typography", "checklist_done"}
    assert "checklist_done" in DOCS.read_text(encoding="utf-8")  # said to be unused


def test_checklist_done_may_be_left_out(tmp_path: Path) -> None:
    import shutil

    from smguide.sources.content import load_guide

    french = Path(__file__).resolve().parents[1] / "fixtures" / "french"
    shutil.copytree(french, tmp_path / "fr")
    labels = tmp_path / "fr" / "labels.yaml"
    labels.write_text(labels.read_text(encoding="utf-8").replace("checklist_done: Fait\n", ""),
                      encoding="utf-8")
    assert load_guide(tmp_path / "fr").labels.checklist_done is None
