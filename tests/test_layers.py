"""The house rules of imports: packages by domain, each importing only those below it, and each
third-party library in the packages that own it (lazy imports inside functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "altgafam"
# Lowest first: a module may import its own layer and the layers before it, never after.
LAYERS = (
    {"errors", "models", "normalize", "__init__"},
    {"catalog"},
    {"scan"},
    {"advice"},
    {"site"},
    {"report"},
    {"cli", "__main__"},
)
# Third-party libraries and the packages allowed to import them. Catalog search is fuzzy
# too, and it is the catalog's own command: RapidFuzz is allowed there.
OWNERS = {
    "yaml": {"catalog"},
    "rapidfuzz": {"scan", "catalog"},
    "rich": {"report", "cli"},
    "typer": {"cli"},
    "click": {"cli"},
    "jinja2": {"report"},
    "httpx": {"site"},
    "httpcore": {"site"},
    "dns": {"site"},
}


def _layer(part: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if part in names)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports (top-level or inside a function), with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "altgafam":
                found.extend((node.lineno, f"altgafam.{a.name}") for a in node.names)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def _owner(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_run_down_the_layers_only(path: Path) -> None:
    mine = _layer(_owner(path))
    for line, module in _imports(path):
        parts = module.split(".")
        if parts[0] == "altgafam" and len(parts) > 1 and parts[1] != "__version__":
            assert _layer(parts[1]) <= mine, f"{path.name}:{line} imports {module} (a higher layer)"
        allowed = OWNERS.get(parts[0])
        if allowed is not None:
            assert _owner(path) in allowed, f"{path.name}:{line}: {parts[0]} belongs to {allowed}"


def test_the_cache_does_not_import_the_loader() -> None:
    imported = {module for _, module in _imports(PACKAGE / "catalog" / "cache.py")}
    assert not any(m.startswith("altgafam.catalog") for m in imported - {"altgafam.catalog"})


def test_every_package_says_what_it_holds() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"
