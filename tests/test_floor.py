"""The benchmark's floor is altgafam's command line doing nothing: same commands, same options."""

from __future__ import annotations

import sys
from typing import Any

import typer

from altgafam.cli import app

from .conftest import ROOT


def _shape(command: Any, path: str = "") -> dict[str, list[tuple[str, ...]]]:
    """Every command's path and its parameters' option names (or argument names)."""
    found = {path: sorted(tuple(p.opts) for p in command.params)}
    for name, sub in getattr(command, "commands", {}).items():
        found.update(_shape(sub, f"{path} {name}".strip()))
    return found


def test_the_floor_has_the_apps_commands_and_options() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from floor import floor_source
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    namespace: dict[str, Any] = {"__name__": "floor"}
    exec(compile(floor_source(), "floor.py", "exec"), namespace)
    floor = typer.main.get_command(namespace["app"])
    real = typer.main.get_command(app)
    shape = _shape(real)
    assert {"scan", "site", "catalog validate", "catalog search"} <= set(shape)
    assert _shape(floor) == shape
