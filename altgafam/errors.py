"""The error hierarchy: domain errors that the CLI turns into one-line messages and exit codes."""

from __future__ import annotations

from typing import NamedTuple


class AltgafamError(Exception):
    """Root of every error altgafam reports to the user."""


class Problem(NamedTuple):
    """One problem found in a catalog file, located as precisely as the YAML allows."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        path = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {path}{label}{self.message}"


class CatalogError(AltgafamError):
    """The catalog is invalid; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid catalog"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


class InputError(AltgafamError):
    """A tool list (or another user-supplied file) cannot be read."""
