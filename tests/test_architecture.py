"""The package's shape: folders are layers, data flows one way, no import cycles.

Every import is counted, including those inside functions and under
TYPE_CHECKING: a cycle hidden in a lazy import is still a cycle a reader has
to hold in their head.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefs"

# Lowest first: a unit may import only units before it (and itself).
LAYERS = [
    "errors", "signals", "files", "protocols", "registry",
    "text", "document", "read", "brief", "config", "cache",
    "figures", "glossary", "gloss",
    "models", "engines",
    "pipeline", "render", "run", "eval",
    "api", "briefs",  # the public API, and the package that exports it lazily
    "cli",  # a thin user of the API
]
# Pure text: these never reach a model, the CLI or the heavy libraries.
PURE = {"text", "document", "read", "figures", "glossary", "gloss", "render", "brief"}
HEAVY = {"torch", "transformers", "ctranslate2", "ray", "typer", "sacrebleu", "onnxruntime", "rapidocr_onnxruntime"}
HEAVY_ALLOWED = {"engines", "models", "run", "eval", "cli"}
# The one reader that runs a model: the OCR engine, imported inside the function that builds it, when an image is read.
LAZY_HEAVY = {"briefs.read.ocr.engine": {"rapidocr_onnxruntime"}}
MAX_LINES = 300


def module_name(path: Path) -> str:
    parts = ["briefs", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "briefs"


def imports(module: str) -> list[tuple[str, int]]:
    """(imported module, line) for every import in ``module``, resolved to a module of ours or a top-level name."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.append((target if target in MODULES else base, node.lineno))
    return found


def edges() -> dict[str, set[str]]:
    return {m: {t for t, _ in imports(m) if t in MODULES and t != m} for m in MODULES}


def test_every_folder_is_a_layer():
    assert {unit(m) for m in MODULES} <= set(LAYERS)


def test_imports_flow_down_the_layers():
    wrong = []
    for module in MODULES:
        for target, line in imports(module):
            if target.split(".")[0] != "briefs":
                continue
            if LAYERS.index(unit(target)) > LAYERS.index(unit(module)):
                wrong.append(f"{module}:{line} imports {target}")
    assert wrong == []


def test_pure_text_never_reaches_a_model_or_the_cli():
    wrong = []
    for module in MODULES:
        for target, line in imports(module):
            top = target.split(".")[0]
            if top in HEAVY and unit(module) not in HEAVY_ALLOWED and top not in LAZY_HEAVY.get(module, ()):
                wrong.append(f"{module}:{line} imports {target}")
            if unit(module) in PURE and unit(target) in {"engines", "models", "cli", "run", "pipeline", "cache"} and top == "briefs":
                wrong.append(f"{module}:{line} imports {target}")
    assert wrong == []


def test_a_reader_that_runs_a_model_imports_it_only_when_it_runs():
    for module, names in LAZY_HEAVY.items():
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        loaded = {alias.name.split(".")[0] for n in top for alias in n.names} | {(n.module or "").split(".")[0] for n in top if isinstance(n, ast.ImportFrom)}
        assert not loaded & (names | {"numpy", "PIL", "onnxruntime"}), module


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            result.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_no_import_cycles():
    assert [group for group in strongly_connected(edges()) if len(group) > 1] == []


def test_the_cycle_finder_finds_cycles():
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"], ["d"]]


@pytest.mark.parametrize("module", sorted(MODULES), ids=str)
def test_modules_stay_readable(module):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_every_folder_says_what_it_is():
    for init in PACKAGE.rglob("__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def test_every_room_stays_small_enough_to_read():
    """At most ten modules at the root and twelve in any folder: past that a folder holds two ideas."""
    folders: dict[Path, int] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name != "__init__.py":
            folders[path.parent] = folders.get(path.parent, 0) + 1
    assert folders[PACKAGE] <= 10
    assert {str(folder.relative_to(PACKAGE)): n for folder, n in folders.items() if n > 12} == {}


def test_config_reads_no_page():
    """Settings name layouts through the registry; they never import a reader."""
    config = [m for m in MODULES if unit(m) == "config"]
    assert config and all(not target.startswith("briefs.read") for m in config for target, _ in imports(m))
