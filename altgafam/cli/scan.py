"""`altgafam scan`: recognise every tool of a list and recommend libre alternatives."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from altgafam.cli.common import (
    PROGRESS_FROM,
    REPORT_PANEL,
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
    load_prepared,
    report_options,
    say,
)
from altgafam.cli.output import check_output, write_output
from altgafam.cli.site import MAX_PAGES, TIMEOUT, check_targets, run_site
from altgafam.errors import InputError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from altgafam.models import Catalog, ClientReport, Entry, Preferences, Report
    from altgafam.scan.matcher import Index

# The matcher's own default (a test keeps them equal); not imported from it, since that
# would load RapidFuzz for --help.
MIN_SCORE = 88.0
INPUT_PANEL = "Input"
ADVICE_PANEL = "Advice"
# Paragraphs are one line each: Rich keeps line breaks and wraps to the terminal itself.
HELP = (
    "Recognise every tool in FILE and recommend libre alternatives.\n\n"
    "Blank lines are skipped and '#' starts a comment. A line naming several tools "
    '("Slack, Zoom") is split. Each tool is matched by web address, name, alias or former '
    "name first, then by fuzzy spelling."
)
EXAMPLES = (
    "[bold]Examples[/bold]\n"
    "  altgafam scan tools.txt\n"
    "  altgafam scan inventory.csv --column Application -f json -o report.json\n"
    '  altgafam scan tools.txt -f markdown --lang fr --client "Coop Exemple" -o rapport.md\n'
    "  altgafam scan tools.txt --site https://example.org -f html -o report.html"
)


class ProfileKind(str, Enum):
    """The kinds of organisation advice is tuned for (advice.profile.PROFILES; a test keeps
    them equal)."""

    association = "association"
    public_body = "public-body"
    company = "company"
    agency = "agency"


class InputFormat(str, Enum):
    """The shapes of a tool list (scan.inputs.FORMATS; a test keeps them equal)."""

    auto = "auto"
    txt = "txt"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def scan(
    file: Annotated[
        str,
        typer.Argument(
            help="The tool list: text (one tool per line), CSV/TSV with a header, or JSON; "
            "'-' reads standard input.",
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
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            callback=finite,
            metavar="SCORE",
            help="Lowest fuzzy score (0-100) accepted as a match.",
            rich_help_panel="Matching",
        ),
    ] = MIN_SCORE,
    input_format: Annotated[
        InputFormat,
        typer.Option(
            "--input-format",
            help="Shape of FILE; auto goes by its extension (.csv, .tsv, .json), else text.",
            rich_help_panel=INPUT_PANEL,
        ),
    ] = InputFormat.auto,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            help="CSV/TSV (or JSON objects): the header (or 1-based number) of the column "
            "holding the tools; when not given, the column whose cells the catalog recognises "
            "most, its header (tool, outil, logiciel...) breaking ties.",
            rich_help_panel=INPUT_PANEL,
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The report's date, YYYY-MM-DD (default: today).",
            rich_help_panel=REPORT_PANEL,
            show_default=False,
        ),
    ] = None,
    site_targets: Annotated[
        list[str] | None,
        typer.Option(
            "--site",
            metavar="TARGET",
            help="Also scan this website (a file, a folder or an http(s) URL; repeatable) and "
            "put its dependencies in the same report.",
            rich_help_panel="Website",
            show_default=False,
        ),
    ] = None,
    no_dns: Annotated[
        bool,
        typer.Option(
            "--no-dns",
            help="With --site: no DNS lookups of the website's domain (offline runs).",
            rich_help_panel="Website",
        ),
    ] = False,
    profile: Annotated[
        ProfileKind | None,
        typer.Option(
            "--profile",
            help="The kind of organisation: tunes the target stack and the hosts named "
            "(an association runs no servers and prefers CHATONS hosts; a public body and a "
            "company work with a host in the EU; an agency runs its own).",
            rich_help_panel=ADVICE_PANEL,
            show_default=False,
        ),
    ] = None,
    org: Annotated[
        Path | None,
        typer.Option(
            "--org",
            metavar="FILE",
            help="An organisation file (TOML): name, profile, headcount, servers "
            "(no|with-help|yes), hosting (chatons|eu|any), budget, adopted tools. See the "
            "README.",
            rich_help_panel=ADVICE_PANEL,
            show_default=False,
        ),
    ] = None,
    catalog_dirs: CatalogDirs = None,
) -> None:
    """The scan command (its help is HELP): match, plan, render, write."""
    from altgafam import __version__
    from altgafam.report import formats
    from altgafam.scan import matcher
    from altgafam.scan.inputs import read_tools

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
    day = _parse_date(date)
    from altgafam.advice import profile as profiles

    try:
        organisation = profiles.load(profile.value if profile else None, org)
    except InputError as exc:
        fail(str(exc))
    client_name = options.client or (organisation.name if organisation else "")
    chosen = formats.Format(options.fmt.value)
    try:
        target = check_output(output, [file]) if output is not None else None
        if site_targets:
            check_targets(site_targets)
        catalog, index = load_prepared(matcher.build_index, catalog_dirs)
        assert index is not None
        known = index
        tools = read_tools(
            file, input_format.value, column, recognise=lambda t: matcher.recognises(t, known)
        )
        for warning in tools.warnings:
            say("warning", f"{tools.source}: {warning}")
        if tools.column is not None:
            say("", f"{tools.source}: tools read from {tools.column.describe()}")
        if not tools.entries:
            say("", f"no tools found in {tools.source}")
        prefs = check_tags(catalog, options.preferences)
        report = build_report(tools.entries, min_score, catalog, index, prefs, tools.vendors)
        if tools.figures:
            report = report._replace(figures=tools.figures)
        website = None
        if site_targets:
            website = run_site(site_targets, catalog, prefs, MAX_PAGES, TIMEOUT, dns=not no_dns)
        from altgafam.advice import plan

        def document() -> ClientReport:
            return plan.client_report(
                report,
                catalog,
                client_name,
                day,
                options.language,
                __version__,
                organisation,
                prefs.require,
                column=tuple(tools.column) if tools.column else None,  # type: ignore[arg-type]
            )

        if chosen is formats.Format.TABLE and target is None:
            from altgafam.report.table import for_terminal, site_table, stack_table

            drawn = console()
            drawn.print(for_terminal(report, width=drawn.width, lang=options.language))
            # The advice in short: one target per function, and its host.
            stack = stack_table(document(), options.language)
            if stack is not None:
                drawn.print(stack)
            if website is not None:
                drawn.print(site_table(website, drawn.width, options.language))
            return
        write_output(
            formats.chunks(chosen, report, document, options.template, website, options.language),
            target,
        )
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
    entries: Sequence[Entry],
    min_score: float,
    catalog: Catalog,
    index: Index,
    prefs: Preferences,
    vendors: dict[str, str] | None = None,
) -> Report:
    """Match the entries (with a progress bar on a terminal for long lists), let a table's
    vendor column settle the ambiguous ones, and plan the report with the user's
    preferences."""
    from altgafam.advice import plan
    from altgafam.scan import matcher

    if len(entries) < PROGRESS_FROM or not sys.stderr.isatty():
        matches = matcher.match_lines(entries, index, min_score)
    else:
        from rich.progress import Progress

        with Progress(transient=True, console=console(stderr=True)) as progress:
            task = progress.add_task("Matching", total=len(entries))
            matches = matcher.match_lines(
                entries, index, min_score, progress=lambda n: progress.advance(task, n)
            )
    matches = matcher.settle_by_vendor(matches, vendors or {}, index)
    return plan.build_report(matches, catalog, prefs)
