"""`altgafam site`: the GAFAM a website depends on, and the libre fix for each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from altgafam.cli.common import (
    CatalogOption,
    Choices,
    ClientOption,
    ExcludeOption,
    LangOption,
    MaxAlternativesOption,
    OutputOption,
    PreferOption,
    ReportFormatOption,
    RequireOption,
    TemplateOption,
    check_output,
    fail,
    load_catalog,
    preferences,
    write_output,
)
from altgafam.errors import InputError

if TYPE_CHECKING:
    from altgafam.siteplan import SiteReport

MaxPagesOption = Annotated[
    int,
    typer.Option("--max-pages", min=1, help="Pages to read at most per web address.", metavar="N"),
]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", min=0.1, help="Seconds to wait for each web request.", metavar="S"),
]


def run_site(
    targets: list[str],
    catalog_dirs: list[Path] | None,
    choices: Choices,
    max_pages: int,
    timeout: float,
) -> SiteReport:
    """Scan the targets; warnings go to standard error; no page read at all is an error."""
    from altgafam import siteplan
    from altgafam.sitefetch import Web

    for target in targets:
        if not target.startswith(("http://", "https://")) and not Path(target).exists():
            fail(f"{target}: no such file or folder (give a file, a folder or an http(s) URL)")
    catalog = load_catalog(catalog_dirs)

    def warn(message: str) -> None:
        typer.echo(f"altgafam: warning: {message}", err=True)

    report = siteplan.build(
        targets,
        catalog,
        preferences(catalog, choices),
        max_pages,
        warn,
        lambda: Web(timeout),
    )
    if report.pages == 0:
        fail("no page could be read: " + ", ".join(targets))
    return report


def site(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="A local HTML file, a folder (a site's build output), or an http(s):// URL.",
            metavar="TARGET...",
        ),
    ],
    fmt: ReportFormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = None,
    client: ClientOption = "",
    max_pages: MaxPagesOption = 20,
    timeout: TimeoutOption = 10.0,
    prefer: PreferOption = None,
    require: RequireOption = None,
    exclude: ExcludeOption = None,
    max_alternatives: MaxAlternativesOption = None,
    template: TemplateOption = None,
    catalog_dirs: CatalogOption = None,
) -> None:
    """Find the GAFAM and other proprietary services a website depends on (fonts, analytics,
    tag managers, pixels, captchas, video and map embeds, widgets, CDNs) and the libre fix for
    each.

    Pages are read, never run: HTML, CSS and inline scripts are analysed as text. For a web
    address, the site's own links are followed (up to --max-pages), robots.txt is respected.
    """
    from altgafam import __version__
    from altgafam.i18n import LANGUAGES, default_language

    if fmt not in ("table", "markdown", "html", "json"):
        fail(f"unknown format '{fmt}' (choose table, markdown, html or json)")
    language = lang or default_language()
    if language not in LANGUAGES:
        fail(f"unknown language '{language}' (choose en or fr)")
    if template is not None and fmt not in ("markdown", "html"):
        fail("--template goes with --format markdown or html")
    try:
        if output is not None:
            check_output(output)
        choices = Choices(prefer or [], require or [], exclude or [], max_alternatives)
        report = run_site(targets, catalog_dirs, choices, max_pages, timeout)
        if fmt == "json":
            from altgafam.formats.site import render_json

            write_output(render_json(report), output)
        elif fmt == "table":
            from rich.console import Console

            from altgafam.formats.table import site_table

            if output is None:
                console = Console(highlight=False)
                console.print(site_table(report, console.width))
            else:
                import io

                buffer = io.StringIO()
                Console(file=buffer, width=120, no_color=True).print(site_table(report, 120))
                write_output(buffer.getvalue(), output)
        else:
            from altgafam.formats.report import render_site

            write_output(render_site(report, fmt, language, client, __version__, template), output)
    except InputError as exc:
        fail(str(exc))
