"""A chapter cut out of the parsed handbook, to be laid out alone.

A chapter starts a new right-hand page, so how it lays out depends on it alone: its
spacing variants and block moves are tried on it by itself (fitting.py, floats.py).
"""

from __future__ import annotations

from typing import Any

from smguide.handbook.floats import Move


def chapter_alone(html: Any, anchor: str, made: tuple[Move, ...] = ()) -> Any:
    """A copy of the parsed handbook (a WeasyPrint HTML) holding its head and, in its
    body, only the element whose id is `anchor` (a chapter, with the elements it sits in),
    so the chapter can be laid out by itself, with the `made` moves of its blocks
    (floats.py: each block set after another of the same parent, as `moved` does in the
    HTML); None when there is no such element."""
    import copy

    import cssselect2

    root = html.etree_element
    parents = {child: parent for parent in root.iter() for child in parent}
    target = next((e for e in root.iter() if e.get("id") == anchor), None)
    if target is None or target is root:
        return None
    path = [target]
    while path[-1] in parents:
        path.append(parents[path[-1]])
    path.reverse()  # root ... target

    def cut(element: Any, depth: int) -> Any:
        if depth == len(path) - 1:
            return moved_in(copy.deepcopy(element), made)
        clone = element.makeelement(element.tag, dict(element.attrib))
        clone.text, clone.tail = element.text, element.tail
        for child in element:
            if child is path[depth + 1]:
                clone.append(cut(child, depth + 1))
            elif depth == 0 and child.tag == "head":
                clone.append(copy.deepcopy(child))
        return clone

    alone = copy.copy(html)
    alone.wrapper_element = cssselect2.ElementWrapper.from_html_root(
        cut(root, 0), content_language=None)
    alone.etree_element = alone.wrapper_element.etree_element
    return alone

def moved_in(tree: Any, made: tuple[Move, ...]) -> Any:
    """`tree` with each move's block set right after its `after` block, earlier or later,
    as `moved` does in the HTML: in the parent of `after` (a lesson goes into the
    diagram's part, under the diagram; a move whose blocks are not both found, or whose
    block holds its `after`, is left out)."""
    for move in made:
        parents = {child: element for element in tree.iter() for child in element}
        found = {e.get("id"): e for e in tree.iter() if e.get("id") in (move.block, move.after)}
        block, after = found.get(move.block), found.get(move.after)
        holder, target = parents.get(block), parents.get(after)
        if block is None or holder is None or target is None or any(
                e is after for e in block.iter()):
            continue
        holder.remove(block)
        target.insert(list(target).index(after) + 1, block)
    return tree
