"""`altgafam catalog ...`: validate, list, count, show, search and extend the catalog."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from altgafam.cli.common import (
    EXIT_FINDINGS,
    CatalogOption,
    FormatOption,
    check_format,
    fail,
    load_catalog,
    overlay_folders,
)

catalog_app = typer.Typer(
    help="Inspect, validate and extend the catalog of services and alternatives."
)


def _print_tables(grids: list[object]) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    for grid in grids:
        console.print(grid)


@catalog_app.command("validate")
def catalog_validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Overlay folders to check on top of the shipped catalog (with --standalone: "
            "the folders are a whole catalog of their own).",
            metavar="[PATH]...",
        ),
    ] = None,
    standalone: Annotated[
        bool, typer.Option("--standalone", help="Check PATHs alone, without the shipped catalog.")
    ] = False,
    fmt: FormatOption = "text",
    catalog_dirs: CatalogOption = None,
) -> None:
    """Check the catalog and list every problem as FILE:LINE:COLUMN: key.path: message.

    Errors exit 1; warnings (facts reviewed over a year ago) are listed apart and do not fail.
    """
    from altgafam import catalog

    check_format(fmt, ("text", "json"))
    for path in paths or []:
        if not path.is_dir():
            fail(f"{path}: not a catalog folder")
    if standalone:
        if not paths:
            fail("--standalone needs the catalog folders to check")
        result = catalog.validate(paths)
    else:
        result = catalog.validate(None, overlays=[*overlay_folders(catalog_dirs), *(paths or [])])
    if fmt == "json":
        from altgafam.formats.catalog import validation_dict

        sys.stdout.write(json.dumps(validation_dict(result), ensure_ascii=False, indent=2) + "\n")
        if result.errors:
            raise typer.Exit(EXIT_FINDINGS)
        return
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
def catalog_list(fmt: FormatOption = "table", catalog_dirs: CatalogOption = None) -> None:
    """List every service and alternative in the catalog."""
    check_format(fmt)
    cat = load_catalog(catalog_dirs)
    if fmt == "json":
        from altgafam.formats.catalog import render_json

        sys.stdout.write(render_json(cat))
        return
    from altgafam.formats.table import catalog_tables

    _print_tables(list(catalog_tables(cat)))


@catalog_app.command("stats")
def catalog_stats(fmt: FormatOption = "table", catalog_dirs: CatalogOption = None) -> None:
    """Count the catalog: services and alternatives by category, owners, GAFAM share, notes."""
    from altgafam.stats import compute

    check_format(fmt)
    stats = compute(load_catalog(catalog_dirs))
    if fmt == "json":
        from altgafam.formats.catalog import stats_dict

        sys.stdout.write(json.dumps(stats_dict(stats), ensure_ascii=False, indent=2) + "\n")
        return
    from altgafam.formats.table import stats_tables

    _print_tables(list(stats_tables(stats)))


@catalog_app.command("show")
def catalog_show(
    ident: Annotated[
        str, typer.Argument(help="The id of a service, alternative or vendor.", metavar="ID")
    ],
    fmt: FormatOption = "table",
    catalog_dirs: CatalogOption = None,
) -> None:
    """Everything the catalog says about one entry, in English and French."""
    from altgafam.formats.catalog import entry_dict

    check_format(fmt)
    cat = load_catalog(catalog_dirs)
    found = entry_dict(cat, ident)
    if found is None:
        from altgafam.schema import closest

        every = set(cat.services) | set(cat.alternatives) | set(cat.vendors)
        fail(f"no entry with id '{ident}'{closest(ident, every)}")
    if fmt == "json":
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    from altgafam.formats.table import entry_table

    _print_tables([entry_table(found)])


@catalog_app.command("search")
def catalog_search(
    text: Annotated[str, typer.Argument(help="Words to look for.", metavar="TEXT")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many results at most.")] = 10,
    fmt: FormatOption = "table",
    catalog_dirs: CatalogOption = None,
) -> None:
    """Fuzzy search over names, aliases, tags and descriptions (English and French)."""
    from altgafam.search import search

    check_format(fmt)
    hits = search(load_catalog(catalog_dirs), text, limit)
    if fmt == "json":
        doc = [{"id": h.id, "kind": h.kind, "name": h.name, "score": round(h.score)} for h in hits]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        typer.echo(f"nothing in the catalog matches '{text}'")
        return
    for hit in hits:
        typer.echo(f"{hit.id:<28} {hit.kind:<12} {hit.name} ({round(hit.score)})")


@catalog_app.command("new")
def catalog_new(
    kind: Annotated[
        str, typer.Argument(help="service or alternative.", metavar="service|alternative")
    ],
) -> None:
    """Print a commented skeleton of a new entry, to paste into a catalog file and fill in."""
    from altgafam.skeletons import SKELETONS

    if kind not in SKELETONS:
        fail(f"unknown kind '{kind}' (choose service or alternative)")
    sys.stdout.write(SKELETONS[kind])


@catalog_app.command("schema")
def catalog_schema() -> None:
    """Print the JSON Schema of catalog files (the shipped catalog/schema.json), for editors."""
    from altgafam.jsonschema import catalog_schema as build

    sys.stdout.write(json.dumps(build(), ensure_ascii=False, indent=2) + "\n")
