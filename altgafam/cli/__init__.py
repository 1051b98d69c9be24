"""The command line: thin Typer commands; the only package that knows about exit codes."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from altgafam import __version__
from altgafam.cli.catalog import catalog_app
from altgafam.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    PROGRESS_FROM,
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
    load_prepared,
    preferences,
    stderr,
    write_output,
)
from altgafam.cli.site import site
from altgafam.errors import AltgafamError, InputError

if TYPE_CHECKING:
    from altgafam.models import Catalog, Entry, Report

__all__ = ["app", "main", "os", "write_output"]

app = typer.Typer(
    name="altgafam",
    help=(
        "Find libre alternatives to the proprietary services your organisation uses.\n\n"
        "Give it your team's tool list, one tool per line, however it was typed:\n\n"
        "    altgafam scan tools.txt\n\n"
        "It tells you, tool by tool, who owns it, whether that is one of the GAFAM, and what "
        "libre software replaces it, with the license and how hard the move is."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: Rich-formatted help costs about 3 interpreter start-ups on every --help.
    rich_markup_mode=None,
)
app.add_typer(catalog_app, name="catalog")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"altgafam {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    """Find libre alternatives to the proprietary services your organisation uses."""


@app.command()
def scan(
    file: Annotated[
        str,
        typer.Argument(
            help="The tool list: text (one tool per line), CSV/TSV with a header, or JSON; "
            "'-' reads standard input.",
            metavar="FILE",
        ),
    ],
    fmt: ReportFormatOption = "table",
    output: OutputOption = None,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score", min=0, max=100, help="Lowest fuzzy score (0-100) accepted as a match."
        ),
    ] = 88.0,
    input_format: Annotated[
        str,
        typer.Option(
            "--input-format",
            help="Shape of FILE; auto goes by its extension (.csv, .tsv, .json), else text.",
            metavar="auto|txt|csv|tsv|json",
        ),
    ] = "auto",
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            help="CSV/TSV: the header (or 1-based number) of the column holding the tools; "
            "found by name (tool, outil, name, logiciel...) when not given.",
        ),
    ] = None,
    catalog_dirs: CatalogOption = None,
    lang: LangOption = None,
    client: ClientOption = "",
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="The report's date, YYYY-MM-DD (default: today).", metavar="DATE"
        ),
    ] = None,
    prefer: PreferOption = None,
    require: RequireOption = None,
    exclude: ExcludeOption = None,
    max_alternatives: MaxAlternativesOption = None,
    template: TemplateOption = None,
    site_targets: Annotated[
        list[str] | None,
        typer.Option(
            "--site",
            help="Also scan this website (a file, a folder or an http(s) URL; repeatable) and "
            "put its dependencies in the same report.",
            metavar="TARGET",
        ),
    ] = None,
) -> None:
    """Recognise every tool in FILE and recommend libre alternatives.

    Blank lines are skipped and '#' starts a comment. A line naming several tools
    ("Slack, Zoom") is split. Each tool is matched by web address, name, alias or former
    name first, then by fuzzy spelling.
    """
    from altgafam import formats
    from altgafam.i18n import LANGUAGES, default_language
    from altgafam.inputs import FORMATS, read_tools

    try:
        chosen = formats.Format(fmt)
    except ValueError:
        fail(f"unknown format '{fmt}' (choose table, markdown, html or json)")
    if input_format not in FORMATS:
        fail(f"unknown input format '{input_format}' (choose {', '.join(FORMATS)})")
    language = lang or default_language()
    if language not in LANGUAGES:
        fail(f"unknown language '{language}' (choose en or fr)")
    day = _parse_date(date)
    if template is not None and chosen not in formats.DOCUMENTS:
        fail("--template goes with --format markdown or html")
    if template is not None and not template.is_file():
        fail(f"{template}: no such template")
    try:
        if output is not None:
            check_output(output)
        tools = read_tools(file, input_format, column)
        for warning in tools.warnings:
            typer.echo(f"altgafam: warning: {tools.source}: {warning}", err=True)
        if not tools.entries:
            typer.echo(f"altgafam: no tools found in {tools.source}", err=True)
        catalog, report = build_report(
            tools.entries,
            min_score,
            catalog_dirs,
            Choices(prefer or [], require or [], exclude or [], max_alternatives),
        )
        website = None
        if site_targets:
            from altgafam.cli.site import run_site

            choices = Choices(prefer or [], require or [], exclude or [], max_alternatives)
            website = run_site(site_targets, catalog_dirs, choices, 20, 10.0)
        if chosen is formats.Format.TABLE and output is None:
            from rich.console import Console

            from altgafam.formats.table import for_terminal, site_table

            console = Console(highlight=False)
            console.print(for_terminal(report, width=console.width))
            if website is not None:
                console.print(site_table(website, console.width))
            return
        from altgafam import plan

        doc = plan.client_report(report, catalog, client, day, language, __version__)
        write_output(formats.chunks(chosen, doc, template, website), output)
    except InputError as exc:
        fail(str(exc))


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"'{value}' is not a date (YYYY-MM-DD)")


def build_report(
    entries: list[Entry],
    min_score: float,
    overlays: list[Path] | None = None,
    choices: Choices | None = None,
) -> tuple[Catalog, Report]:
    """Load the catalog, match the entries (with a progress bar on a terminal for long
    lists), and plan the report with the user's preferences."""
    from altgafam import matcher, plan

    catalog, index = load_prepared(matcher.build_index, overlays)
    assert index is not None
    prefs = preferences(catalog, choices)
    if len(entries) < PROGRESS_FROM or not sys.stderr.isatty():
        matches = matcher.match_all(entries, index, min_score)
        return catalog, plan.build_report(matches, catalog, prefs)
    from rich.progress import Progress

    with Progress(transient=True, console=stderr()) as progress:
        task = progress.add_task("Matching", total=len(entries))
        matches = matcher.match_all(
            entries, index, min_score, progress=lambda n: progress.advance(task, n)
        )
    return catalog, plan.build_report(matches, catalog, prefs)


# After scan, so that --help lists scan first.
app.command()(site)


def main() -> None:
    """Entry point of the `altgafam` script: run the app, map interrupts to exit code 130."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("altgafam: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except AltgafamError as exc:
        typer.echo(f"altgafam: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
