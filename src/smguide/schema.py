"""JSON Schema of the content files, for editors that offer completion from it."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from smguide.model import ChapterFile, GuideFile, Labels


def content_schema() -> dict[str, Any]:
    """One schema: a chapter file by default, with guide.yaml and labels.yaml in $defs."""
    schema = TypeAdapter(ChapterFile).json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "smguide chapter file"
    defs = schema.setdefault("$defs", {})
    for model in (GuideFile, Labels):
        sub = TypeAdapter(model).json_schema(by_alias=True)
        defs.update(sub.pop("$defs", {}))
        defs[model.__name__] = sub
    return schema
