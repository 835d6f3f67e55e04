"""The GUI uses the core through its public names only: nothing imported with a leading
underscore from ``bpstudio.core``, and no private member of a core object or module read
(``net._params``). A private name the core may rename at will is not an API."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bpstudio"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def core_private_names() -> set[str]:
    """Private names the core defines: module-level functions and constants, methods, and
    attributes set on ``self``."""
    names = set()
    for path in (PACKAGE / "core").rglob("*.py"):
        tree = ast.parse(path.read_text())
        names.update(target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
                     for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                     if isinstance(target, ast.Name) and _private(target.id))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and _private(node.name):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "self" and _private(node.attr):
                names.add(node.attr)
    return names


def private_uses(source: str, core_private: set[str]) -> list[str]:
    """``from bpstudio.core… import _x`` (absolute or relative) and ``obj._x`` where the core
    defines ``_x`` and ``obj`` is not ``self``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and "core" in (node.module or "").split("."):
            found += [f"{node.lineno}: import {a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and node.attr in core_private and not (
                isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_gui_uses_no_private_name_of_the_core():
    core_private = core_private_names()
    assert {"_params", "_backward", "_SUBSCRIPTS"} <= core_private  # the finder sees them
    found = {str(path.relative_to(PACKAGE)): uses for path in (PACKAGE / "gui").rglob("*.py")
             if (uses := private_uses(path.read_text(), core_private))}
    assert found == {}


def test_a_private_import_or_member_of_the_core_is_found():
    source = ("from bpstudio.core.metrics import _class_targets, accuracy\n"
              "from ...core.network import _helper\n"
              "w = run.net._params\n"
              "self._params = None\n")
    assert private_uses(source, {"_params"}) == [
        "1: import _class_targets", "2: import _helper", "3: run.net._params"]
