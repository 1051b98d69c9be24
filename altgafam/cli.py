"""The command line: thin Typer commands; the only module that knows about exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, TypeVar

import typer

from altgafam import __version__
from altgafam.errors import AltgafamError, CatalogError, InputError

if TYPE_CHECKING:
    from rich.console import Console

    from altgafam.models import Catalog, Entry, Report

T = TypeVar("T")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
# Lists at least this long get a progress bar (on a terminal only).
PROGRESS_FROM = 5000

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
catalog_app = typer.Typer(help="Inspect and validate the catalog of services and alternatives.")
app.add_typer(catalog_app, name="catalog")


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"altgafam: error: {message}", err=True)
    raise typer.Exit(code)


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


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _load_catalog() -> Catalog:
    return _load_prepared(None)[0]


def _load_prepared(prepare: Callable[[Catalog], T] | None) -> tuple[Catalog, T | None]:
    """The catalog (and what `prepare` derives from it), from the cache when fresh; an
    invalid catalog lists its problems and exits 1."""
    from altgafam import store

    try:
        if prepare is None:
            return store.load_cached(), None
        return store.load_prepared(None, prepare)
    except CatalogError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        _fail("the catalog is invalid; run 'altgafam catalog validate' for details", EXIT_FINDINGS)


def check_output(output: Path) -> None:
    """Refuse, before any work, an output path that cannot be written."""
    directory = output.parent if str(output.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{output}: directory {directory} does not exist")
    if output.is_dir():
        raise InputError(f"{output}: is a directory")


def write_output(text: str | Iterable[str], output: Path | None) -> None:
    """Print to stdout, or write `output` atomically (a temporary file renamed into place);
    `text` may come in chunks, written as they come."""
    parts = [text] if isinstance(text, str) else text
    if output is None:
        for part in parts:
            sys.stdout.write(part)
        return
    import tempfile

    check_output(output)
    directory = output.parent if str(output.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for part in parts:
                handle.write(part)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: table (terminal), markdown (for people) or json (for tools).",
            metavar="table|markdown|json",
        ),
    ] = "table",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file instead of standard output."
        ),
    ] = None,
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
) -> None:
    """Recognise every tool in FILE and recommend libre alternatives.

    Blank lines are skipped and '#' starts a comment. A line naming several tools
    ("Slack, Zoom") is split. Each tool is matched by web address, name, alias or former
    name first, then by fuzzy spelling.
    """
    from altgafam import formats
    from altgafam.inputs import FORMATS, read_tools

    try:
        chosen = formats.Format(fmt)
    except ValueError:
        _fail(f"unknown format '{fmt}' (choose table, markdown or json)")
    if input_format not in FORMATS:
        _fail(f"unknown input format '{input_format}' (choose {', '.join(FORMATS)})")
    try:
        if output is not None:
            check_output(output)
        tools = read_tools(file, input_format, column)
        for warning in tools.warnings:
            typer.echo(f"altgafam: warning: {tools.source}: {warning}", err=True)
        if not tools.entries:
            typer.echo(f"altgafam: no tools found in {tools.source}", err=True)
        report = build_report(tools.entries, min_score)
        if chosen is formats.Format.TABLE and output is None:
            from rich.console import Console

            from altgafam.formats.table import for_terminal

            console = Console(highlight=False)
            console.print(for_terminal(report, width=console.width))
            return
        write_output(formats.chunks(chosen)(report), output)
    except InputError as exc:
        _fail(str(exc))


def build_report(entries: list[Entry], min_score: float) -> Report:
    """Load the catalog, match the entries (with a progress bar on a terminal for long
    lists), and plan the report."""
    from altgafam import matcher, plan

    catalog, index = _load_prepared(matcher.build_index)
    assert index is not None
    if len(entries) < PROGRESS_FROM or not sys.stderr.isatty():
        return plan.build_report(matcher.match_all(entries, index, min_score), catalog)
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr()) as progress:
        task = progress.add_task("Matching", total=len(entries))
        matches = matcher.match_all(
            entries, index, min_score, progress=lambda n: progress.advance(task, n)
        )
    return plan.build_report(matches, catalog)


@catalog_app.command("validate")
def catalog_validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Catalog folders to check (default: the shipped catalog).", metavar="[PATH]..."
        ),
    ] = None,
) -> None:
    """Check every file of the catalog and list every problem as FILE:LINE: key.path: message."""
    from altgafam import catalog

    for path in paths or []:
        if not path.is_dir():
            _fail(f"{path}: not a catalog folder")
    result = catalog.validate(paths or None)
    for problem in result.problems:
        typer.echo(str(problem), err=problem.severity == "error")
    if result.errors:
        typer.echo(f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    assert result.catalog is not None
    typer.echo(
        f"catalog valid: {len(result.catalog.services)} services, "
        f"{len(result.catalog.alternatives)} alternatives, "
        f"{len(result.catalog.vendors)} vendors, {len(result.catalog.categories)} categories"
        + (f", {len(result.warnings)} warning(s)" if result.warnings else "")
    )


@catalog_app.command("list")
def catalog_list(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table or json.", metavar="table|json")
    ] = "table",
) -> None:
    """List every service and alternative in the catalog."""
    if fmt not in ("table", "json"):
        _fail(f"unknown format '{fmt}' (choose table or json)")
    cat = _load_catalog()
    if fmt == "json":
        from altgafam.formats.catalog import render_json

        sys.stdout.write(render_json(cat))
        return
    from rich.console import Console

    from altgafam.formats.table import catalog_tables

    console = Console()
    for grid in catalog_tables(cat):
        console.print(grid)


@catalog_app.command("stats")
def catalog_stats(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table or json.", metavar="table|json")
    ] = "table",
) -> None:
    """Count the catalog: services and alternatives by category, owners, GAFAM share, notes."""
    from altgafam.stats import compute

    if fmt not in ("table", "json"):
        _fail(f"unknown format '{fmt}' (choose table or json)")
    cat = _load_catalog()
    stats = compute(cat)
    if fmt == "json":
        import json

        from altgafam.formats.catalog import stats_dict

        sys.stdout.write(json.dumps(stats_dict(stats), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console

    from altgafam.formats.table import stats_tables

    console = Console()
    for grid in stats_tables(stats):
        console.print(grid)


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
