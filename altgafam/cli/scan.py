"""`altgafam scan`: recognise every tool of a list and recommend libre alternatives."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from altgafam.cli.common import (
    PROGRESS_FROM,
    add_catalog_option,
    add_report_options,
    bounded,
    check_choice,
    check_output,
    check_tags,
    fail,
    load_prepared,
    report_options,
    write_output,
)
from altgafam.cli.site import MAX_PAGES, TIMEOUT, check_targets, run_site
from altgafam.errors import InputError

if TYPE_CHECKING:
    import datetime as dt

    from altgafam.cli.common import Commands
    from altgafam.models import Catalog, ClientReport, Entry, Preferences, Report
    from altgafam.scan.matcher import Index

# The matcher's own default (a test keeps them equal); not imported from it, since that
# would load RapidFuzz for --help.
MIN_SCORE = 88.0

SUMMARY = "Recognise every tool in FILE and recommend libre alternatives."
DESCRIPTION = """\
Recognise every tool in FILE and recommend libre alternatives.

Blank lines are skipped and '#' starts a comment. A line naming several tools
("Slack, Zoom") is split. Each tool is matched by web address, name, alias or
former name first, then by fuzzy spelling.

examples:
  altgafam scan tools.txt
  altgafam scan inventory.csv --column Application -f json -o report.json
  altgafam scan tools.txt -f markdown --lang fr --client "Coop Exemple" -o rapport.md
  altgafam scan tools.txt --site https://example.org -f html -o report.html
"""


def add_parser(commands: Commands) -> None:
    parser = commands.add_parser("scan", help=SUMMARY, description=DESCRIPTION)
    parser.add_argument(
        "file",
        metavar="FILE",
        help="the tool list: text (one tool per line), CSV/TSV with a header, or JSON; "
        "'-' reads standard input",
    )
    add_report_options(parser)
    parser.add_argument(
        "--min-score",
        type=bounded(float, 0, 100),
        default=MIN_SCORE,
        metavar="SCORE",
        help=f"lowest fuzzy score (0-100) accepted as a match (default: {MIN_SCORE:g})",
    )
    parser.add_argument(
        "--input-format",
        default="auto",
        metavar="auto|txt|csv|tsv|json",
        help="shape of FILE; auto goes by its extension (.csv, .tsv, .json), else text",
    )
    parser.add_argument(
        "--column",
        help="CSV/TSV: the header (or 1-based number) of the column holding the tools; found "
        "by name (tool, outil, name, logiciel...) when not given",
    )
    parser.add_argument(
        "--date", metavar="DATE", help="the report's date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--site",
        dest="site_targets",
        action="append",
        metavar="TARGET",
        help="also scan this website (a file, a folder or an http(s) URL; repeatable) and put "
        "its dependencies in the same report",
    )
    add_catalog_option(parser)
    parser.set_defaults(handler=scan, parser=parser)


def scan(
    *,
    file: str,
    min_score: float,
    input_format: str,
    column: str | None,
    date: str | None,
    site_targets: list[str] | None,
    catalog_dirs: list[Path] | None,
    **shared: Any,
) -> None:
    """The scan command, its options checked before any work (`shared`: the options of
    add_report_options)."""
    from altgafam import __version__
    from altgafam.report import formats
    from altgafam.scan import matcher
    from altgafam.scan.inputs import FORMATS, read_tools

    options = report_options(**shared)
    check_choice("input format", input_format, FORMATS)
    day = _parse_date(date)
    chosen, output = formats.Format(options.fmt), options.output
    try:
        if output is not None:
            check_output(output)
        if site_targets:
            check_targets(site_targets)
        tools = read_tools(file, input_format, column)
        for warning in tools.warnings:
            print(f"altgafam: warning: {tools.source}: {warning}", file=sys.stderr)
        if not tools.entries:
            print(f"altgafam: no tools found in {tools.source}", file=sys.stderr)
        catalog, index = load_prepared(matcher.build_index, catalog_dirs)
        assert index is not None
        prefs = check_tags(catalog, options.preferences)
        report = build_report(tools.entries, min_score, catalog, index, prefs)
        website = None
        if site_targets:
            website = run_site(site_targets, catalog, prefs, MAX_PAGES, TIMEOUT)
        if chosen is formats.Format.TABLE and output is None:
            from rich.console import Console

            from altgafam.report.table import for_terminal, site_table

            console = Console(highlight=False)
            console.print(for_terminal(report, width=console.width))
            if website is not None:
                console.print(site_table(website, console.width))
            return
        from altgafam.advice import plan

        def document() -> ClientReport:
            return plan.client_report(
                report, catalog, options.client, day, options.language, __version__
            )

        write_output(formats.chunks(chosen, report, document, options.template, website), output)
    except InputError as exc:
        fail(str(exc))


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"'{value}' is not a date (YYYY-MM-DD)")


def build_report(
    entries: list[Entry], min_score: float, catalog: Catalog, index: Index, prefs: Preferences
) -> Report:
    """Match the entries (with a progress bar on a terminal for long lists) and plan the
    report with the user's preferences."""
    from altgafam.advice import plan
    from altgafam.scan import matcher

    if len(entries) < PROGRESS_FROM or not sys.stderr.isatty():
        return plan.build_report(matcher.match_all(entries, index, min_score), catalog, prefs)
    from rich.progress import Progress

    from altgafam.cli.common import stderr

    with Progress(transient=True, console=stderr()) as progress:
        task = progress.add_task("Matching", total=len(entries))
        matches = matcher.match_all(
            entries, index, min_score, progress=lambda n: progress.advance(task, n)
        )
    return plan.build_report(matches, catalog, prefs)
