"""The package's shape: every import runs downward through the layers, and no modules import
each other in a circle.

Imports are read with ``ast`` from the source files, so those made only for type checking
(``if TYPE_CHECKING:``) and those inside functions count too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap

PACKAGE = Path(argmap.__file__).resolve().parent

#: Layers from the bottom up; a module may import from its own layer or those below. The
#: longest matching prefix decides a module's layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("argmap._errors", "argmap._problem", "argmap._lazy", "argmap._gcpause"),
    ("argmap._xmlchars", "argmap._text", "argmap._extra", "argmap._atomic"),
    ("argmap._nodes",),
    ("argmap._map_store", "argmap._validation", "argmap._map_queries", "argmap._map"),
    ("argmap.formats", "argmap.reasoning", "argmap.mining"),
    ("argmap.view",),
    ("argmap._io", "argmap._corpus", "argmap.strategies"),
    ("argmap",),  # the package's front door, which re-exports from every layer
    ("argmap._cli",),
    ("argmap.__main__",),
)


#: Imports that run upward on purpose, with the reason. Jupyter asks the map (and an evaluation)
#: to display itself; the display lives in the view layer and is imported only when asked.
ALLOWED_UPWARD: dict[tuple[str, str], str] = {
    ("argmap._map", "argmap.view._notebook"): "notebook display of a map",
    ("argmap.reasoning._aspic", "argmap.view._notebook"): "notebook display of an evaluation",
}


def module_names() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = module_names()


def layer(module: str) -> int:
    best, best_len = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            exact_only = prefix == "argmap"
            hit = module == prefix or (not exact_only and module.startswith(prefix + "."))
            if hit and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    assert best >= 0, f"{module} is in no layer: add it to LAYERS"
    return best


def imports(module: str) -> Iterator[tuple[str, int]]:
    """The argmap modules ``module`` imports, with the line of each import."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "argmap":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "argmap":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                # ``from argmap.formats import _aifdb`` imports the module _aifdb.
                yield (sub if sub in MODULES else target), node.lineno


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_downward(module: str) -> None:
    upward = [
        f"{MODULES[module].name}:{line}: {module} (layer {layer(module)}) imports {target} "
        f"(layer {layer(target)})"
        for target, line in imports(module)
        if target in MODULES and layer(target) > layer(module)
        and (module, target) not in ALLOWED_UPWARD
    ]
    assert upward == []


def test_upward_allowances_are_still_needed() -> None:
    for module, target in ALLOWED_UPWARD:
        assert target in {t for t, _ in imports(module)}, (module, target)


def test_no_import_circles() -> None:
    graph = {m: sorted({t for t, _ in imports(m) if t in MODULES and t != m
                        and (m, t) not in ALLOWED_UPWARD}) for m in MODULES}
    # Tarjan's strongly connected components, iteratively.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    circles: list[list[str]] = []
    counter = 0
    for root, edges in graph.items():
        if root in index:
            continue
        work = [(root, iter(edges))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    assert circles == []


def test_the_model_imports_no_format_and_no_lxml() -> None:
    model = [m for m in MODULES if layer(m) <= layer("argmap._map")]
    for module in model:
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        foreign = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                   for alias in node.names}
        foreign |= {node.module or "" for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom)}
        assert not any(name.split(".")[0] == "lxml" for name in foreign), module
        assert all(not t.startswith(("argmap.formats", "argmap.reasoning", "argmap.view"))
                   for t, _ in imports(module) if (module, t) not in ALLOWED_UPWARD), module


def test_no_module_is_over_about_600_lines() -> None:
    long = {m: n for m, p in MODULES.items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 650}
    assert long == {}


def test_import_argmap_loads_no_reader_reasoning_or_rendering() -> None:
    import subprocess
    import sys

    code = ("import sys, argmap; print(sorted(m for m in sys.modules if m.startswith("
            "('argmap.formats', 'argmap.reasoning', 'argmap.view', 'argmap._cli', 'lxml'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_reading_a_file_loads_no_reasoning_beyond_the_scheme_catalogue(tmp_path: Path) -> None:
    import subprocess
    import sys

    m = argmap.ArgumentMap()
    m.add_inference(m.add_claim("Cycling is healthy"), m.add_claim("We should cycle"))
    seed = tmp_path / "m.aif.xml"
    argmap.write(m, seed)
    code = ("import sys, argmap; argmap.read(sys.argv[1]); print(sorted(m for m in sys.modules "
            "if m.startswith(('argmap.reasoning', 'argmap.view', 'argmap._cli'))))")
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True,
                         check=True).stdout.strip()
    # The AML reader's scheme sets need the scheme catalogue, and nothing reads more.
    assert set(ast.literal_eval(out)) <= {"argmap.reasoning", "argmap.reasoning._schemes"}
