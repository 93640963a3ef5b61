"""The analogy diagram's layout rules (smguide.model.diagram), for any parts: what helps
above what grows, results to its right, the ground's band under and around what grows,
and nothing drawn over anything else: no label on another label or on a pictogram, every
part inside the drawing, at every width the handbook and the deck use."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from smguide.model.diagram import Label, PartSpec, Placed, layout, roles
from smguide.model.pictograms import NAMES, PICTOGRAMS, ROLES

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=1, max_size=11)
TEXTS = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
PARTS = st.builds(PartSpec, TEXTS, TEXTS, st.sampled_from(NAMES), st.none(),
                  st.none() | st.sampled_from(ROLES))


def box(part: Placed) -> tuple[float, float, float, float]:
    return part.x, part.y, part.x + part.size, part.y + part.size


def label_box(label: Label) -> tuple[float, float, float, float]:
    return label.x, label.y, label.x + label.w, label.y + label.h


def overlap(a: tuple[float, ...], b: tuple[float, ...], slack: float = 1.0) -> bool:
    return (a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack
            and b[1] < a[3] - slack)


@settings(max_examples=150, deadline=None)
@given(st.lists(PARTS, min_size=2, max_size=9), st.sampled_from([460, 557, 640, 720, 1100]))
def test_nothing_is_drawn_over_anything_else(specs: list[PartSpec], width: int) -> None:
    scene = layout(specs, width)
    assert len(scene.parts) == len(specs)
    pictures = [box(part) for part in scene.parts if part.drawn]  # not: a band's name
    labels = [label_box(part.label) for part in scene.parts]
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            assert i == j or not overlap(a, b), (scene.parts[i].name, scene.parts[j].name)
        for b in pictures:
            assert not overlap(a, b), (scene.parts[i].name, "over", b)
    for i, a in enumerate(pictures):
        for j, b in enumerate(pictures):
            assert i == j or not overlap(a, b)
    for part in scene.parts:  # inside the drawing
        for x0, y0, x1, y1 in (box(part), label_box(part.label)):
            assert x0 >= 0 and y0 >= 0 and x1 <= width + 1 and y1 <= scene.height + 1


@settings(max_examples=100, deadline=None)
@given(st.lists(PARTS, min_size=2, max_size=9), st.sampled_from([460, 720]))
def test_the_roles_decide_where_each_part_goes(specs: list[PartSpec], width: int) -> None:
    given_roles = roles(specs)
    assert "grows" in given_roles
    for spec, role in zip(specs, given_roles, strict=True):
        assert role == (spec.role or PICTOGRAMS[spec.symbol or ""].role) or role == "grows"
    scene = layout(specs, width)
    placed = {part.index: part for part in scene.parts}
    grows = [p for p in scene.parts if p.role == "grows"]
    top_of_grows = min(p.y for p in grows)
    for part in scene.parts:
        assert part.role == given_roles[part.index]
        if part.role == "helps":  # above what grows, with a dashed arrow down to it
            assert part.y + part.size <= top_of_grows
            assert any(a.dashed and a.start == (part.index, a.start[1]) for a in scene.arrows)
        if part.role == "results":  # right of what grows, an arrow to it
            assert part.x >= max(p.x + p.size for p in grows)
            assert any(not a.dashed and a.end[0] == part.index for a in scene.arrows)
    band = scene.band
    if any(p.role == "ground" for p in scene.parts):
        assert band is not None
        for part in scene.parts:
            inside = (band.x <= part.x and part.x + part.size <= band.x + band.w
                      and band.y < part.y + part.size <= band.y + band.h)
            assert inside == (part.role in ("ground", "grows")), part.name
    else:
        assert band is None
    for arrow in scene.arrows:  # from the band or a part, to a part
        assert arrow.end[0] in placed
        assert arrow.start[0] is None or arrow.start[0] in placed


def test_the_seed_and_the_garden_are_laid_out_as_the_sample_tells_it() -> None:
    specs = [PartSpec("The seed", "Sales", "seed", None, None),
             PartSpec("The garden", "Marketing", "garden", None, None),
             PartSpec("The soil", "Research and strategy", "soil", None, None),
             PartSpec("The water", "Campaigns and promotion", "water", None, None),
             PartSpec("The sunlight", "Brand awareness", "sunlight", None, None),
             PartSpec("The harvest", "Revenue and customer value", "harvest", None, None)]
    assert roles(specs) == ["grows", "ground", "ground", "helps", "helps", "results"]
    scene = layout(specs, 720)
    seed, garden, soil, water, sun, harvest = scene.parts
    assert water.x < sun.x and water.y == sun.y < seed.y  # the helps in a row above
    # the garden (the first ground part) names the band from its top left corner, left
    # of the seed; the rest of the ground (the soil) lies below, under the seed
    assert garden.x < seed.x and garden.y < soil.y and seed.y < soil.y
    assert garden.label.x + garden.label.w <= seed.x and soil.x >= garden.label.x
    assert harvest.x > seed.x + seed.size  # the harvest on the right
    # the sun and the water point at the seed, the seed at the harvest (the harvest
    # grows from it, level with the arrow: its label left-aligned under it)
    ends = {(a.start[0], a.end[0]) for a in scene.arrows}
    assert ends == {(3, 0), (4, 0), (0, 5)}
    harvest_arrow = next(a for a in scene.arrows if a.end[0] == 5)
    assert abs(harvest_arrow.points[1] - harvest_arrow.points[3]) < 1
    assert harvest.label.align == "l" and harvest.label.x >= harvest.x
    assert not garden.drawn and seed.drawn  # the garden's label names the band
    # the soil under the seedling
    assert seed.ink[0] <= soil.ink[0] + soil.ink[2] / 2 <= seed.ink[0] + seed.ink[2]
