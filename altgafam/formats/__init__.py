"""Output formats: one module per format behind `render(report) -> str`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


def chunks(fmt: Format) -> Callable[[Report], Iterator[str]]:
    """The function that renders a report in `fmt` piece by piece, for large reports."""
    if fmt is Format.JSON:
        from altgafam.formats.json import chunks as json_chunks

        return json_chunks
    render = renderer(fmt)

    def whole(report: Report) -> Iterator[str]:
        yield render(report)

    return whole
