"""`altgafam catalog ...`: validate, list, count, show, search and extend the catalog."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from altgafam.cli.common import (
    EXIT_FINDINGS,
    CatalogDirs,
    TableOrJson,
    TextOrJson,
    console,
    fail,
    load_catalog,
    overlay_folders,
)

app = typer.Typer(
    name="catalog",
    help="Inspect, validate and extend the catalog of services and alternatives.",
    epilog="[bold]Examples[/bold]\n"
    "  altgafam catalog validate my-catalog/\n"
    "  altgafam catalog search visioconference\n"
    "  altgafam catalog show nextcloud\n"
    "  altgafam catalog new alternative >> my-catalog/alternatives.yaml",
    no_args_is_help=True,
)


class Kind(str, Enum):
    """The entries `catalog new` has a skeleton for (catalog.skeletons; a test keeps them
    equal)."""

    service = "service"
    alternative = "alternative"
    provider = "provider"


TableFormat = Annotated[TableOrJson, typer.Option("--format", "-f", help="table or json.")]


def _write_json(doc: object) -> None:
    import json

    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _print_tables(grids: list[object]) -> None:
    drawn = console()
    for grid in grids:
        drawn.print(grid)


@app.command(
    "validate",
    epilog="[bold]Examples[/bold]\n  altgafam catalog validate\n"
    "  altgafam catalog validate my-catalog/ -f json",
)
def catalog_validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Overlay folders to check on top of the shipped catalog (with --standalone: "
            "the folders are a whole catalog of their own).",
            show_default=False,
        ),
    ] = None,
    standalone: Annotated[
        bool,
        typer.Option("--standalone", help="Check PATHs alone, without the shipped catalog."),
    ] = False,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text or json.")] = (
        TextOrJson.text
    ),
    catalog_dirs: CatalogDirs = None,
) -> None:
    """Check the catalog (errors exit 1; warnings are listed and do not fail)."""
    from altgafam.catalog import loader

    for path in paths or []:
        if not path.is_dir():
            fail(f"{path}: not a catalog folder")
    if standalone:
        if not paths:
            fail("--standalone needs the catalog folders to check")
        result = loader.validate(paths)
    else:
        result = loader.validate(None, overlays=[*overlay_folders(catalog_dirs), *(paths or [])])
    if fmt.value == "json":
        from altgafam.report.catalog import validation_dict

        _write_json(validation_dict(result))
        if result.errors:
            raise typer.Exit(EXIT_FINDINGS)
        return
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    if result.errors:
        print(f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)", file=sys.stderr)
        raise typer.Exit(EXIT_FINDINGS)
    assert result.catalog is not None
    print(
        f"catalog valid: {len(result.catalog.services)} services, "
        f"{len(result.catalog.alternatives)} alternatives, "
        f"{len(result.catalog.providers)} providers, "
        f"{len(result.catalog.vendors)} vendors, {len(result.catalog.categories)} categories"
        + (f", {len(result.warnings)} warning(s)" if result.warnings else "")
    )


@app.command(
    "list",
    epilog="[bold]Examples[/bold]\n  altgafam catalog list\n"
    "  altgafam catalog list -f json > catalog.json",
)
def catalog_list(fmt: TableFormat = TableOrJson.table, catalog_dirs: CatalogDirs = None) -> None:
    """List every service and alternative in the catalog."""
    cat = load_catalog(catalog_dirs)
    if fmt.value == "json":
        from altgafam.report.catalog import render_json

        sys.stdout.write(render_json(cat))
        return
    from altgafam.report.table import catalog_tables

    _print_tables(list(catalog_tables(cat)))


@app.command(
    "stats",
    epilog="[bold]Examples[/bold]\n  altgafam catalog stats\n"
    "  altgafam catalog stats --catalog my-catalog/ -f json",
)
def catalog_stats(fmt: TableFormat = TableOrJson.table, catalog_dirs: CatalogDirs = None) -> None:
    """Count the catalog: services and alternatives by category, owners, GAFAM share, notes."""
    from altgafam.catalog.stats import compute

    stats = compute(load_catalog(catalog_dirs))
    web = _fingerprints()
    if fmt.value == "json":
        from altgafam.report.catalog import stats_dict

        _write_json({**stats_dict(stats), "web_fingerprints": web})
        return
    from altgafam.report.table import stats_tables

    _print_tables(list(stats_tables(stats)))
    # `site`'s fingerprints are shipped beside the catalog, not in it (no overlay changes
    # them), so they are counted on a line of their own.
    print(
        f"Web fingerprints (`site`): {web['technologies']} technologies from "
        f"webappanalyzer {web['commit'][:12]}, {web['patterns']} patterns, "
        f"{web['skipped']} skipped as unsafe or not valid in Python"
    )


def _fingerprints() -> dict[str, Any]:
    """What `catalog stats` says of the web fingerprints `site` uses."""
    from altgafam.site import fingerprints

    loaded = fingerprints.load()
    return {
        "source": loaded.source["repository"],
        "commit": loaded.source["commit"],
        "technologies": len(loaded.technologies),
        "patterns": loaded.counts["patterns"],
        "skipped": loaded.skipped,
        "skipped_reasons": loaded.counts["skipped_reasons"],
    }


@app.command(
    "show",
    epilog="[bold]Examples[/bold]\n  altgafam catalog show nextcloud\n"
    "  altgafam catalog show google-drive -f json",
)
def catalog_show(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The id of a service, alternative or vendor.", show_default=False
        ),
    ],
    fmt: TableFormat = TableOrJson.table,
    catalog_dirs: CatalogDirs = None,
) -> None:
    """Everything the catalog says about one entry, in English and French."""
    from altgafam.report.catalog import entry_dict

    cat = load_catalog(catalog_dirs)
    found = entry_dict(cat, ident)
    if found is None:
        from altgafam.catalog.schema import closest

        every = set(cat.services) | set(cat.alternatives) | set(cat.vendors)
        fail(f"no entry with id '{ident}'{closest(ident, every)}")
    if fmt.value == "json":
        _write_json(found)
        return
    from altgafam.report.table import entry_table

    _print_tables([entry_table(found)])


@app.command(
    "search",
    epilog="[bold]Examples[/bold]\n  altgafam catalog search visioconference\n"
    '  altgafam catalog search "shared calendar" --limit 5 -f json',
)
def catalog_search(
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="Words to look for.", show_default=False)
    ],
    limit: Annotated[
        int, typer.Option("--limit", min=1, metavar="N", help="How many results at most.")
    ] = 10,
    fmt: TableFormat = TableOrJson.table,
    catalog_dirs: CatalogDirs = None,
) -> None:
    """Fuzzy search over names, aliases, tags and descriptions (English and French)."""
    from altgafam.catalog.search import search

    hits = search(load_catalog(catalog_dirs), text, limit)
    if fmt.value == "json":
        doc = [{"id": h.id, "kind": h.kind, "name": h.name, "score": round(h.score)} for h in hits]
        _write_json(doc)
        return
    if not hits:
        print(f"nothing in the catalog matches '{text}'")
        return
    for hit in hits:
        print(f"{hit.id:<28} {hit.kind:<12} {hit.name} ({round(hit.score)})")


@app.command(
    "new",
    epilog="[bold]Examples[/bold]\n"
    "  altgafam catalog new alternative >> my-catalog/alternatives.yaml\n"
    "  altgafam catalog new service",
)
def catalog_new(
    kind: Annotated[Kind, typer.Argument(help="The kind of entry.", show_default=False)],
) -> None:
    """Print a commented skeleton of a new entry, to paste into a catalog file and fill in."""
    from altgafam.catalog.skeletons import SKELETONS

    sys.stdout.write(SKELETONS[kind.value])


@app.command(
    "schema",
    epilog="[bold]Example[/bold]\n  altgafam catalog schema > catalog-schema.json",
)
def catalog_schema() -> None:
    """Print the JSON Schema of catalog files (the shipped catalog/schema.json), for editors."""
    from altgafam.catalog.jsonschema import catalog_schema as build

    _write_json(build())
