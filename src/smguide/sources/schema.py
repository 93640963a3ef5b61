"""JSON Schemas of the content and brand files, for editors that complete from them."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from smguide.sources.brandfile import BrandFile
from smguide.sources.guidefile import ChapterFile, GuideFile, Labels

MODELS: dict[str, type] = {"chapter": ChapterFile, "guide": GuideFile, "labels": Labels,
                           "brand": BrandFile}


def content_schema(kind: str = "chapter") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file, keys as written in YAML."""
    schema = TypeAdapter(MODELS[kind]).json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"smguide {kind} file", **{k: v for k, v in schema.items()
                                                if k != "title"}}
