"""The house: each layer imports only from its own package and the layers below it."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "actormap"

LAYERS = {
    "actormap.schema": 0,
    "actormap.dates": 0,
    "actormap.lazy": 0,
    "actormap.checklists": 1,
    "actormap.i18n": 1,
    "actormap.normalize": 1,
    "actormap.model": 2,
    "actormap.expected": 2,
    "actormap.validation": 3,
    "actormap.files": 4,
    "actormap.analysis": 5,
    "actormap.synthetic": 5,
    "actormap.view": 6,
    "actormap.export": 7,
    "actormap.cli": 8,
    "actormap.ui": 8,
    "actormap.__main__": 9,
    "actormap": 9,
}
"""Layers from the bottom up: a module may import from its own layer's package and from lower layers."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    """The layer a dotted module name belongs to: its longest prefix in LAYERS."""
    return max((layer for layer in LAYERS if module == layer or module.startswith(layer + ".")), key=len)


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def within(modules: set[str], package: str) -> set[str]:
    return {module for module in modules if module == package or module.startswith(package + ".")}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_imports_from_a_layer_above_it(path):
    own = layer_of(module_name(path))
    above = {
        module: layer_of(module)
        for module in within(imported_modules(path), "actormap")
        if LAYERS[layer_of(module)] > LAYERS[own]
    }
    assert not above, f"{module_name(path)} (layer {own}) imports from above: {above}"


def test_every_folder_is_a_layer():
    folders = {f"actormap.{folder.name}" for folder in PACKAGE.iterdir() if (folder / "__init__.py").exists()}
    assert folders <= set(LAYERS)


def test_the_command_line_imports_only_what_it_uses():
    """`actormap --help` starts without pandas; loading and analysing imports no drawing, graph or workbook library."""
    probe = (
        "import sys; from actormap.cli import main; import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print('pandas' in sys.modules)\n"
        "import actormap.analysis.rules, actormap.files.load\n"
        "print(sorted(m for m in ('matplotlib', 'networkx', 'openpyxl') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["False", "[]"]
