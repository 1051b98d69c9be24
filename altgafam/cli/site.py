"""`altgafam site`: the GAFAM a website depends on, and the libre fix for each."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from altgafam.cli.common import (
    add_catalog_option,
    add_report_options,
    bounded,
    check_output,
    check_tags,
    fail,
    load_catalog,
    report_options,
    write_output,
)
from altgafam.errors import InputError

if TYPE_CHECKING:
    from altgafam.cli.common import Commands
    from altgafam.models import Catalog, Preferences
    from altgafam.site.plan import SiteReport

MAX_PAGES = 20
TIMEOUT = 10.0
SUMMARY = "Find the GAFAM and other proprietary services a website depends on."
DESCRIPTION = """\
Find the GAFAM and other proprietary services a website depends on (fonts,
analytics, tag managers, pixels, captchas, video and map embeds, widgets, CDNs)
and the libre fix for each.

Pages are read, never run: HTML, CSS and inline scripts are analysed as text.
For a web address, the site's own links are followed (up to --max-pages), and
robots.txt is respected.

examples:
  altgafam site https://example.org
  altgafam site public/ -f markdown --lang fr -o site.md
"""


def add_parser(commands: Commands) -> None:
    parser = commands.add_parser(
        "site",
        help=SUMMARY,
        description=DESCRIPTION,
    )
    parser.add_argument(
        "targets",
        nargs="+",
        metavar="TARGET",
        help="a local HTML file, a folder (a site's build output), or an http(s):// URL",
    )
    add_report_options(parser)
    parser.add_argument(
        "--max-pages",
        type=bounded(int, 1),
        default=MAX_PAGES,
        metavar="N",
        help=f"pages to read at most per web address (default: {MAX_PAGES})",
    )
    parser.add_argument(
        "--timeout",
        type=bounded(float, 0.1),
        default=TIMEOUT,
        metavar="S",
        help=f"seconds to wait for each web request (default: {TIMEOUT:g})",
    )
    add_catalog_option(parser)
    parser.set_defaults(handler=site, parser=parser)


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
        print(f"altgafam: warning: {message}", file=sys.stderr)

    report = siteplan.build(targets, catalog, prefs, max_pages, warn, lambda: Web(timeout))
    if report.pages == 0:
        fail("no page could be read: " + ", ".join(targets))
    return report


def site(
    *,
    targets: list[str],
    max_pages: int,
    timeout: float,
    catalog_dirs: list[Path] | None,
    **shared: Any,
) -> None:
    """The site command, its options checked before any page is read (`shared`: the
    options of add_report_options)."""
    from altgafam import __version__

    options = report_options(**shared)
    fmt, output = options.fmt, options.output
    try:
        if output is not None:
            check_output(output)
        check_targets(targets)
        catalog = load_catalog(catalog_dirs)
        prefs = check_tags(catalog, options.preferences)
        report = run_site(targets, catalog, prefs, max_pages, timeout)
        if fmt == "json":
            from altgafam.report.site import render_json

            write_output(render_json(report), output)
        elif fmt == "table":
            from altgafam.report.table import plain, site_table

            if output is None:
                from rich.console import Console

                console = Console(highlight=False)
                console.print(site_table(report, console.width))
            else:
                write_output(plain(site_table(report, 120)), output)
        else:
            from altgafam.report.document import render_site

            doc = render_site(
                report, fmt, options.language, options.client, __version__, options.template
            )
            write_output(doc, output)
    except InputError as exc:
        fail(str(exc))
