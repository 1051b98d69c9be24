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
DNS_PANEL = "Domain"
# Paragraphs are one line each: Rich keeps line breaks and wraps to the terminal itself.
HELP = (
    "Find the GAFAM and other proprietary services a website depends on.\n\n"
    "Fonts, analytics, tag managers, pixels, captchas, video and map embeds, widgets and CDNs, "
    "with the libre fix for each; thousands of technologies are told by webappanalyzer's "
    "fingerprints (script addresses, HTML, meta tags, headers, cookies). Pages are read, never "
    "run: HTML, CSS and inline scripts are analysed as text. For a web address, the site's own "
    "links are followed (up to --max-pages), and robots.txt is respected.\n\n"
    "The domain of a web address (or --domain) is looked up in DNS: who runs its mail (MX, "
    "SPF), its name servers (NS) and its hosting (A/AAAA)."
)
EXAMPLES = (
    "[bold]Examples[/bold]\n"
    "  altgafam site https://example.org\n"
    "  altgafam site --domain example.org\n"
    "  altgafam site public/ -f markdown --lang fr -o site.md"
)


def check_targets(targets: list[str]) -> None:
    """Refuse, before any work, a target that is neither a web address nor an existing path."""
    for target in targets:
        if not target.startswith(("http://", "https://")) and not Path(target).exists():
            fail(f"{target}: no such file or folder (give a file, a folder or an http(s) URL)")


def check_domains(domains: list[str] | None) -> tuple[str, ...] | None:
    """The --domain values as DNS is asked them; a usage error for one that is not a name."""
    if not domains:
        return None
    from altgafam.site.domain import valid_domain

    checked = []
    for given in domains:
        domain = valid_domain(given)
        if domain is None:
            fail(f"--domain {given}: not a domain name (give one like example.org)")
        checked.append(domain)
    return tuple(dict.fromkeys(checked))


def check_server(server: str | None) -> None:
    """--dns-server: an address, with its port or not."""
    if server is None:
        return
    from altgafam.site.domain import split_server

    try:
        split_server(server)
    except ValueError:
        fail(f"--dns-server {server}: give an IP address, with :PORT or not")


def run_site(
    targets: list[str],
    catalog: Catalog,
    prefs: Preferences,
    max_pages: int,
    timeout: float,
    *,
    domains: tuple[str, ...] | None = None,
    dns: bool = True,
    dns_server: str | None = None,
) -> SiteReport:
    """Scan the targets (checked by check_targets) and their domains (or `domains`);
    warnings go to standard error; no page read at all is an error."""
    from altgafam.site import plan as siteplan
    from altgafam.site.domain import dnspython_lookup
    from altgafam.site.fetch import Web

    def warn(message: str) -> None:
        say("warning", message)

    lookup = dnspython_lookup(dns_server) if dns else None
    report = siteplan.build(
        targets,
        catalog,
        prefs,
        max_pages,
        warn,
        lambda: Web(timeout),
        domains=domains,
        lookup=lookup,
    )
    if targets and report.pages == 0:
        fail("no page could be read: " + ", ".join(targets))
    return report


def site(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="A local HTML file, a folder (a site's build output), or an http(s):// URL.",
            show_default=False,
        ),
    ] = None,
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
    domain: Annotated[
        list[str] | None,
        typer.Option(
            "--domain",
            metavar="DOMAIN",
            help="Look up this domain's mail, DNS and hosting (repeatable; default: the domain "
            "of each web address).",
            rich_help_panel=DNS_PANEL,
            show_default=False,
        ),
    ] = None,
    no_dns: Annotated[
        bool,
        typer.Option(
            "--no-dns",
            help="No DNS lookups at all (offline runs).",
            rich_help_panel=DNS_PANEL,
        ),
    ] = False,
    dns_server: Annotated[
        str | None,
        typer.Option(
            "--dns-server",
            metavar="ADDRESS[:PORT]",
            help="Ask this DNS server instead of the system's resolvers.",
            rich_help_panel=DNS_PANEL,
            show_default=False,
        ),
    ] = None,
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
    targets = targets or []
    if not targets and not domain:
        fail("give a file, a folder or an http(s) URL to read, or --domain")
    domains = check_domains(domain)
    check_server(dns_server)
    try:
        target = check_output(output, targets) if output is not None else None
        check_targets(targets)
        catalog = load_catalog(catalog_dirs)
        prefs = check_tags(catalog, options.preferences)
        report = run_site(
            targets,
            catalog,
            prefs,
            max_pages,
            timeout,
            domains=domains,
            dns=not no_dns,
            dns_server=dns_server,
        )
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
