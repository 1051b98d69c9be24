"""Output formats: one module per format behind `render(report) -> str`."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from altgafam.models import Report


class Format(str, Enum):
    """The formats `scan --format` accepts."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


def renderer(fmt: Format) -> Callable[[Report], str]:
    """The function that renders a report in `fmt` as text."""
    if fmt is Format.JSON:
        from altgafam.formats import json as module
    elif fmt is Format.MARKDOWN:
        from altgafam.formats import markdown as module  # type: ignore[no-redef]
    else:
        from altgafam.formats import table as module  # type: ignore[no-redef]
    return module.render
