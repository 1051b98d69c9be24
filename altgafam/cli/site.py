"""`altgafam site`: the GAFAM a website depends on, and the libre fix for each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from altgafam.cli.common import (
    CatalogDirs,
    Client,
    Exclude,
    Lang,
    MaxAlternatives,
    Output,
    Prefer,
    ReportFormat,
    ReportFormatOption,
    Require,
    Template,
    check_tags,
    console,
    fail,
    finite,
    load_catalog,
    report_options,
    say,
)
from altgafam.cli.output import check_output, write_output
from altgafam.errors import InputError

if TYPE_CHECKING:
    from altgafam.models import Catalog, Preferences
    from altgafam.site.plan import SiteReport

MAX_PAGES = 20
TIMEOUT = 10.0
CRAWL_PANEL = "Crawl"
# Paragraphs are one line each: Rich keeps line breaks and wraps to the terminal itself.
HELP = (
    "Find the GAFAM and other proprietary services a website depends on.\n\n"
    "Fonts, analytics, tag managers, pixels, captchas, video and map embeds, widgets and CDNs, "
    "with the libre fix for each. Pages are read, never run: HTML, CSS and inline scripts are "
    "analysed as text. For a web address, the site's own links are followed (up to "
    "--max-pages), and robots.txt is respected."
)
EXAMPLES = (
    "[bold]Examples[/bold]\n"
    "  altgafam site https://example.org\n"
    "  altgafam site public/ -f markdown --lang fr -o site.md"
)


def check_targets(targets: list[str]) -> None:
    """Refuse, before any work, a target that is neither a web address nor an existing path."""
    for target in targets:
        if not target.startswith(("http://", "https://")) and not Path(target).exists():
            fail(f"{target}: no such file or folder (give a file, a folder or an http(s) URL)")


def run_site(
    targets: list[str], catalog: Catalog, prefs: Preferences, max_pages: int, timeout: float
) -> SiteReport:
    """Scan the targets (checked by check_targets); warnings go to standard error; no page
    read at all is an error."""
    from altgafam.site import plan as siteplan
    from altgafam.site.fetch import Web

    def warn(message: str) -> None:
        say("warning", message)

    report = siteplan.build(targets, catalog, prefs, max_pages, warn, lambda: Web(timeout))
    if report.pages == 0:
        fail("no page could be read: " + ", ".join(targets))
    return report


def site(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="A local HTML file, a folder (a site's build output), or an http(s):// URL.",
            show_default=False,
        ),
    ],
    fmt: ReportFormatOption = ReportFormat.table,
    output: Output = None,
    lang: Lang = None,
    client: Client = "",
    template: Template = None,
    prefer: Prefer = None,
    require: Require = None,
    exclude: Exclude = None,
    max_alternatives: MaxAlternatives = None,
    max_pages: Annotated[
        int,
        typer.Option(
            "--max-pages",
            min=1,
            metavar="N",
            help="Pages to read at most per web address.",
            rich_help_panel=CRAWL_PANEL,
        ),
    ] = MAX_PAGES,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.1,
            max=600,
            callback=finite,
            metavar="SECONDS",
            help="Seconds each web request may take in all (a page with its redirects; each "
            "robots.txt apart).",
            rich_help_panel=CRAWL_PANEL,
        ),
    ] = TIMEOUT,
    catalog_dirs: CatalogDirs = None,
) -> None:
    """The site command (its help is HELP): crawl, detect, render, write."""
    from altgafam import __version__

    options = report_options(
        fmt=fmt,
        lang=lang,
        client=client,
        prefer=prefer,
        require=require,
        exclude=exclude,
        max_alternatives=max_alternatives,
        template=template,
    )
    try:
        target = check_output(output, targets) if output is not None else None
        check_targets(targets)
        catalog = load_catalog(catalog_dirs)
        prefs = check_tags(catalog, options.preferences)
        report = run_site(targets, catalog, prefs, max_pages, timeout)
        if fmt is ReportFormat.json:
            from altgafam.report.site import render_json

            write_output(render_json(report), target)
        elif fmt is ReportFormat.table:
            from altgafam.report.table import plain, site_table

            if target is None:
                drawn = console()
                drawn.print(site_table(report, drawn.width, options.language))
            else:
                write_output(plain(site_table(report, 120, options.language)), target)
        else:
            from altgafam.report.document import render_site

            doc = render_site(
                report, fmt.value, options.language, options.client, __version__, options.template
            )
            write_output(doc, target)
    except InputError as exc:
        fail(str(exc))
