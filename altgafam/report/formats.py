"""Output formats: the terminal table, the client report (Markdown, HTML), and JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from altgafam.models import ClientReport, Report

if TYPE_CHECKING:
    from altgafam.site.plan import SiteReport


class Format(str, Enum):
    """The formats `scan --format` accepts."""

    TABLE = "table"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


def chunks(
    fmt: Format,
    report: Report,
    document: Callable[[], ClientReport],
    template: Path | None = None,
    site: SiteReport | None = None,
    lang: str = "en",
) -> Iterator[str]:
    """The report in `fmt`, piece by piece (JSON is written result by result); `document`
    builds the client report (the documents, and the advice keys of the JSON; the terminal
    table does not need it); `site`, the website's findings
    when the scan covered one; `lang`, the language of the table (the documents take
    theirs from `document`)."""
    if fmt is Format.JSON:
        from altgafam.report.json import advice_dict
        from altgafam.report.json import chunks as json_chunks

        extra = advice_dict(document())
        if site is not None:
            from altgafam.report.site import site_dict

            extra["site"] = site_dict(site)
        yield from json_chunks(report, extra)
    elif fmt is Format.TABLE:
        from altgafam.report.table import render

        yield render(report, lang=lang)
    else:
        from altgafam.report.document import render as render_report

        yield render_report(document(), fmt.value, template, site)


def render(fmt: Format, doc: ClientReport, template: Path | None = None) -> str:
    """The report in `fmt`, as one string."""
    return "".join(chunks(fmt, doc.report, lambda: doc, template))
