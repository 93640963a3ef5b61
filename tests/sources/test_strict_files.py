"""One strict model configuration (model/base.py): a misspelt key in any of our own files
is refused where it is written, with the key it was meant to be; only the parts of a brand
file where brand-yml lets other tools keep their keys (`meta`, other tools' `defaults`)
keep keys smguide does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguide.errors import BrandError, ContentError
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide
from tests.conftest import edit


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split(text)[0].count("\n") + 1


@pytest.mark.parametrize("file, old, new, typo, meant", [
    ("guide.yaml", "subtitle:", "subtitel:", "subtitel", "subtitle"),
    ("labels.yaml", "contents:", "contens:", "contens", "contents"),
    ("labels.yaml", "contents: Contents", 'contents: Contents\ntypography:\n'
     '  space_befor: {":": " "}', "space_befor", "space_before"),
    ("chapters/01-mixed-up.yaml", "summary:", "sumary:", "sumary", "summary"),
    ("chapters/01-mixed-up.yaml", "    heading: Two words", "    headng: Two words", "headng",
     "heading"),
])
def test_a_misspelt_key_in_the_content_is_refused_with_its_place_and_the_right_key(
        content: Path, file: str, old: str, new: str, typo: str, meant: str) -> None:
    path = content / file
    edit(path, old, new)
    with pytest.raises(ContentError) as caught:
        load_guide(content)
    [problem] = caught.value.found
    assert problem.file.endswith(f"content/{file}")
    assert problem.line == line_of(path, typo)
    assert problem.message == f'unknown key "{typo}" (did you mean "{meant}"?)'
    assert problem.suggestion == f'did you mean "{meant}"?'


POLISH = Path(__file__).resolve().parents[1] / "fixtures" / "polish"


def test_a_translated_field_name_is_one_line_saying_names_stay_in_english(
        tmp_path: Path) -> None:
    """`misja:` for `mission:`: not two unlinked lines (a missing field, an unknown key),
    one at the key, naming the field it stands for."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(POLISH, content)
    path = content / "chapters/01-zespoly.yaml"
    edit(path, "    mission: ", "    misja: ")
    with pytest.raises(ContentError) as caught:
        load_guide(content)
    [problem] = caught.value.found
    assert (problem.line, problem.column) == (line_of(path, "misja:"), 5)
    assert problem.message == ('unknown key "misja": field names stay in English, and the '
                               'required "mission:" is missing here; rename "misja:" to '
                               '"mission:"')
    assert problem.suggestion == 'rename "misja:" to "mission:"'


def test_two_unknown_keys_and_two_missing_fields_name_both_fields(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(POLISH, content)
    path = content / "chapters/01-zespoly.yaml"
    edit(path, "    mission: ", "    misja: ")
    edit(path, "    name: Zespół", "    nazwa: Zespół")
    with pytest.raises(ContentError) as caught:
        load_guide(content)
    assert [p.suggestion for p in caught.value.found] == [
        'rename "nazwa:" to the one it stands for: "name:" or "mission:"',
        'rename "misja:" to the one it stands for: "name:" or "mission:"']


@pytest.mark.parametrize("old, new, typo, meant", [
    ("  tertiary: sky", "  tertiary: sky\n  primery: forest", "primery", "primary"),
    ("  smguide:\n", "  smguide:\n    footr: x\n", "footr", "footer"),
    ("typography:\n", "typography:\n  bsae: {size: 10pt}\n", "bsae", "base"),
])
def test_a_misspelt_key_in_the_brand_file_is_refused_with_its_place_and_the_right_key(
        brand_dir: Path, old: str, new: str, typo: str, meant: str) -> None:
    path = brand_dir / "_brand.yml"
    edit(path, old, new)
    with pytest.raises(BrandError) as caught:
        load_brand(path)
    [problem] = caught.value.found
    assert problem.file.endswith("brand/_brand.yml")
    assert problem.line == line_of(path, typo)
    assert problem.message == f'unknown key "{typo}" (did you mean "{meant}"?)'
    assert problem.suggestion == f'did you mean "{meant}"?'


def test_other_tools_keys_are_kept_where_brand_yml_allows_them(brand_dir: Path) -> None:
    path = brand_dir / "_brand.yml"
    edit(path, "meta:\n", "meta:\n  quarto_site: https://example.org\n")
    edit(path, "defaults:\n", "defaults:\n  bootstrap:\n    defaults: {enable-rounded: false}\n"
         "  shiny: {theme: flatly}\n")
    brand, warnings = load_brand(path)
    assert brand.name == "Greenfield Trading Co."
    assert warnings == []
