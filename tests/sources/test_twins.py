"""Each file shape Pydantic validates (sources/*file.py) and the model's plain dataclass
its values become (model/, sources/strict.py's twins) have the same fields: a field added
to one and not the other would be refused, or silently dropped, on the way to the
renderers."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

SHAPES = ["smguide.sources.guidefile", "smguide.sources.contactfile",
          "smguide.sources.spokenfile", "smguide.sources.typographyfile"]


@pytest.mark.parametrize("module", SHAPES)
def test_every_shape_and_its_twin_have_the_same_fields(module: str) -> None:
    from smguide.sources.strict import _TWINS

    shapes = importlib.import_module(module)
    pairs = [(shape, twin) for shape, twin in _TWINS.items() if shape.__module__ == module]
    assert pairs, f"{module} registers no twins"
    for shape, twin in pairs:
        assert list(shape.model_fields) == [f.name for f in dataclasses.fields(twin)], \
            (shape.__name__, twin.__name__)
    named = {name for name, value in vars(shapes).items() if isinstance(value, type)
             and value.__module__ == module and hasattr(value, "model_fields")}
    model = importlib.import_module(module.replace("sources.", "model.").removesuffix("file"))
    plain_names = {name for name, value in vars(model).items()
                   if dataclasses.is_dataclass(value) and value.__module__ == model.__name__}
    assert {shape.__name__ for shape, _ in pairs} == named & plain_names
