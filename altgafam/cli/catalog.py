"""`altgafam catalog ...`: validate, list, count, show, search and extend the catalog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from altgafam.cli.common import (
    EXIT_FINDINGS,
    Parser,
    add_catalog_option,
    add_format_option,
    bounded,
    check_choice,
    fail,
    load_catalog,
    overlay_folders,
)

if TYPE_CHECKING:
    from altgafam.cli.common import Commands


TABLE_OR_JSON = ("table", "json")
TEXT_OR_JSON = ("text", "json")
SUMMARY = "Inspect, validate and extend the catalog of services and alternatives."
DESCRIPTION = """\
Inspect, validate and extend the catalog of services and alternatives.

examples:
  altgafam catalog validate my-catalog/
  altgafam catalog search visioconference
  altgafam catalog show nextcloud
  altgafam catalog new alternative >> my-catalog/alternatives.yaml
"""


def add_parser(commands: Commands) -> None:
    group = commands.add_parser("catalog", help=SUMMARY, description=DESCRIPTION)
    group.set_defaults(handler=None, parser=group)
    sub = group.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)

    def command(name: str, handler: object, doc: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=doc.splitlines()[0], description=doc)
        parser.set_defaults(handler=handler, parser=parser)
        return parser

    validate = command(
        "validate",
        catalog_validate,
        "Check the catalog and list every problem as FILE:LINE:COLUMN: key.path: message.\n\n"
        "Errors exit 1; warnings (facts reviewed over a year ago) are listed apart and do not "
        "fail.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="overlay folders to check on top of the shipped catalog (with --standalone: the "
        "folders are a whole catalog of their own)",
    )
    validate.add_argument(
        "--standalone",
        action="store_true",
        help="check PATHs alone, without the shipped catalog",
    )
    add_format_option(validate, TEXT_OR_JSON)
    add_catalog_option(validate)

    listing = command("list", catalog_list, "List every service and alternative in the catalog.")
    add_format_option(listing, TABLE_OR_JSON)
    add_catalog_option(listing)

    stats = command(
        "stats",
        catalog_stats,
        "Count the catalog: services and alternatives by category, owners, GAFAM share, notes.",
    )
    add_format_option(stats, TABLE_OR_JSON)
    add_catalog_option(stats)

    show = command(
        "show", catalog_show, "Everything the catalog says about one entry, in English and French."
    )
    show.add_argument("ident", metavar="ID", help="the id of a service, alternative or vendor")
    add_format_option(show, TABLE_OR_JSON)
    add_catalog_option(show)

    search = command(
        "search",
        catalog_search,
        "Fuzzy search over names, aliases, tags and descriptions (English and French).",
    )
    search.add_argument("text", metavar="TEXT", help="words to look for")
    search.add_argument(
        "--limit",
        type=bounded(int, 1),
        default=10,
        metavar="N",
        help="how many results at most (default: 10)",
    )
    add_format_option(search, TABLE_OR_JSON)
    add_catalog_option(search)

    new = command(
        "new",
        catalog_new,
        "Print a commented skeleton of a new entry, to paste into a catalog file and fill in.",
    )
    new.add_argument("kind", metavar="service|alternative", help="the kind of entry")

    command(
        "schema",
        catalog_schema,
        "Print the JSON Schema of catalog files (the shipped catalog/schema.json), for editors.",
    )


def _write_json(doc: object) -> None:
    import json

    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _print_tables(grids: list[object]) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    for grid in grids:
        console.print(grid)


def catalog_validate(
    *, paths: list[Path], standalone: bool, fmt: str, catalog_dirs: list[Path] | None
) -> None:
    """Check the catalog (errors exit 1; warnings are listed and do not fail)."""
    from altgafam.catalog import loader

    check_choice("format", fmt, TEXT_OR_JSON)
    for path in paths or []:
        if not path.is_dir():
            fail(f"{path}: not a catalog folder")
    if standalone:
        if not paths:
            fail("--standalone needs the catalog folders to check")
        result = loader.validate(paths)
    else:
        result = loader.validate(None, overlays=[*overlay_folders(catalog_dirs), *(paths or [])])
    if fmt == "json":
        from altgafam.report.catalog import validation_dict

        _write_json(validation_dict(result))
        if result.errors:
            raise SystemExit(EXIT_FINDINGS)
        return
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    if result.errors:
        print(f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)", file=sys.stderr)
        raise SystemExit(EXIT_FINDINGS)
    assert result.catalog is not None
    print(
        f"catalog valid: {len(result.catalog.services)} services, "
        f"{len(result.catalog.alternatives)} alternatives, "
        f"{len(result.catalog.vendors)} vendors, {len(result.catalog.categories)} categories"
        + (f", {len(result.warnings)} warning(s)" if result.warnings else "")
    )


def catalog_list(*, fmt: str, catalog_dirs: list[Path] | None) -> None:
    """List every service and alternative in the catalog."""
    check_choice("format", fmt, TABLE_OR_JSON)
    cat = load_catalog(catalog_dirs)
    if fmt == "json":
        from altgafam.report.catalog import render_json

        sys.stdout.write(render_json(cat))
        return
    from altgafam.report.table import catalog_tables

    _print_tables(list(catalog_tables(cat)))


def catalog_stats(*, fmt: str, catalog_dirs: list[Path] | None) -> None:
    """Count the catalog: services and alternatives by category, owners, GAFAM share, notes."""
    from altgafam.catalog.stats import compute

    check_choice("format", fmt, TABLE_OR_JSON)
    stats = compute(load_catalog(catalog_dirs))
    if fmt == "json":
        from altgafam.report.catalog import stats_dict

        _write_json(stats_dict(stats))
        return
    from altgafam.report.table import stats_tables

    _print_tables(list(stats_tables(stats)))


def catalog_show(*, ident: str, fmt: str, catalog_dirs: list[Path] | None) -> None:
    """Everything the catalog says about one entry, in English and French."""
    from altgafam.report.catalog import entry_dict

    check_choice("format", fmt, TABLE_OR_JSON)
    cat = load_catalog(catalog_dirs)
    found = entry_dict(cat, ident)
    if found is None:
        from altgafam.catalog.schema import closest

        every = set(cat.services) | set(cat.alternatives) | set(cat.vendors)
        fail(f"no entry with id '{ident}'{closest(ident, every)}")
    if fmt == "json":
        _write_json(found)
        return
    from altgafam.report.table import entry_table

    _print_tables([entry_table(found)])


def catalog_search(*, text: str, limit: int, fmt: str, catalog_dirs: list[Path] | None) -> None:
    """Fuzzy search over names, aliases, tags and descriptions (English and French)."""
    from altgafam.catalog.search import search

    check_choice("format", fmt, TABLE_OR_JSON)
    hits = search(load_catalog(catalog_dirs), text, limit)
    if fmt == "json":
        doc = [{"id": h.id, "kind": h.kind, "name": h.name, "score": round(h.score)} for h in hits]
        _write_json(doc)
        return
    if not hits:
        print(f"nothing in the catalog matches '{text}'")
        return
    for hit in hits:
        print(f"{hit.id:<28} {hit.kind:<12} {hit.name} ({round(hit.score)})")


def catalog_new(*, kind: str) -> None:
    """Print a commented skeleton of a new entry, to paste into a catalog file and fill in."""
    from altgafam.catalog.skeletons import SKELETONS

    check_choice("kind", kind, SKELETONS)
    sys.stdout.write(SKELETONS[kind])


def catalog_schema() -> None:
    """Print the JSON Schema of catalog files (the shipped catalog/schema.json), for editors."""
    from altgafam.catalog.jsonschema import catalog_schema as build

    _write_json(build())
