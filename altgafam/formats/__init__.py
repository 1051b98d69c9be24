"""Output formats: the terminal table, the client report (Markdown, HTML), and JSON."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from pathlib import Path

from altgafam.models import ClientReport


class Format(str, Enum):
    """The formats `scan --format` accepts."""

    TABLE = "table"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


# The formats that render the client report (and accept --template).
DOCUMENTS = (Format.MARKDOWN, Format.HTML)


def chunks(
    fmt: Format, doc: ClientReport, template: Path | None = None, site: object = None
) -> Iterator[str]:
    """The report in `fmt`, piece by piece (JSON is written result by result); `site`, the
    website's findings when the scan covered one."""
    if fmt is Format.JSON:
        from altgafam.formats.json import chunks as json_chunks

        if site is None:
            yield from json_chunks(doc.report)
            return
        from altgafam.formats.site import render_json

        whole = "".join(json_chunks(doc.report))
        yield whole[: whole.rindex("}")].rstrip() + ',\n  "site": '
        yield render_json(site).strip().replace("\n", "\n  ") + "\n}\n"  # type: ignore[arg-type]
    elif fmt is Format.TABLE:
        from altgafam.formats.table import render

        yield render(doc.report)
    else:
        from altgafam.formats.report import render as render_report

        yield render_report(doc, fmt.value, template, site)


def render(fmt: Format, doc: ClientReport, template: Path | None = None) -> str:
    """The report in `fmt`, as one string."""
    return "".join(chunks(fmt, doc, template))
