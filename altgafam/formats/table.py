"""The terminal table (Rich); user text is escaped so it can never become markup."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from altgafam.models import Catalog, Report, Result, Status
from altgafam.normalize import sanitize
from altgafam.stats import CatalogStats

_STYLE = {
    Status.PROPRIETARY: "red",
    Status.LIBRE: "green",
    Status.AMBIGUOUS: "yellow",
    Status.UNKNOWN: "dim",
}


def _recognised(result: Result) -> Text:
    style = _STYLE[result.status]
    if result.match is not None:
        text = Text(result.match.name, style=style)
        if result.match.discontinued:
            text.append(f" (closed {result.match.discontinued.isoformat()})", style="dim")
        return text
    names = " / ".join(c.name for c in result.candidates)
    label = result.status.value + (f": {names}?" if names else "")
    return Text(label, style=style)


def table(report: Report) -> Table:
    """The report as a Rich table with a summary caption."""
    grid = Table(title="altgafam scan", show_lines=False, expand=False)
    grid.add_column("#", justify="right", style="dim")
    grid.add_column("As written", overflow="fold")
    grid.add_column("Recognised as", overflow="fold")
    grid.add_column("Vendor (owner)", overflow="fold")
    grid.add_column("GAFAM")
    grid.add_column("Score", justify="right")
    grid.add_column("Libre alternatives (license, effort)", overflow="fold")
    for r in report.results:
        m = r.match
        vendor = ""
        if m is not None and m.vendor:
            vendor = m.vendor + (f" ({m.owner})" if m.owner and m.owner != m.vendor else "")
        alts = "\n".join(f"{a.name} ({a.license}, {a.effort})" for a in r.alternatives)
        grid.add_row(
            str(r.entry.line),
            Text(sanitize(r.entry.text)),
            _recognised(r),
            Text(vendor),
            Text("yes", style="bold red") if m is not None and m.gafam else Text(""),
            str(round(m.score)) if m is not None else "",
            Text(alts),
        )
    s = report.summary
    grid.caption = escape(
        f"{s.entries} tools: {s.proprietary} proprietary ({s.gafam} GAFAM), {s.libre} libre, "
        f"{s.ambiguous} ambiguous, {s.unknown} unknown"
    )
    return grid


def render(report: Report, width: int = 120) -> str:
    """The table as plain text (no colour), for files and pipes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, color_system=None, legacy_windows=False
    )
    console.print(table(report))
    return buffer.getvalue()


def catalog_tables(catalog: Catalog) -> list[Table]:
    """`catalog list` in the terminal: services, then alternatives."""
    services = Table(title=f"Proprietary services ({len(catalog.services)})")
    for name in ("id", "Name", "Vendor (owner)", "GAFAM", "Category", "Alternatives"):
        services.add_column(name, overflow="fold")
    for s in sorted(catalog.services.values(), key=lambda s: s.id):
        vendor, owner = catalog.vendors[s.vendor], catalog.owner(s.vendor)
        services.add_row(
            s.id,
            Text(s.name),
            Text(vendor.name + (f" ({owner.name})" if owner.id != vendor.id else "")),
            "yes" if owner.gafam else "",
            s.category,
            ", ".join(r.id for r in s.alternatives),
        )
    alternatives = Table(title=f"Libre alternatives ({len(catalog.alternatives)})")
    for name in ("id", "Name", "License", "Categories", "Tags"):
        alternatives.add_column(name, overflow="fold")
    for a in sorted(catalog.alternatives.values(), key=lambda a: a.id):
        alternatives.add_row(
            a.id, Text(a.name), a.license, ", ".join(a.categories), ", ".join(a.tags)
        )
    return [services, alternatives]


def stats_tables(stats: CatalogStats, top: int = 15) -> list[Table]:
    """`catalog stats` in the terminal: totals, categories, the largest owners."""
    totals = Table(title="Catalog", show_header=False)
    totals.add_column("what")
    totals.add_column("count", justify="right")
    for label, value in (
        ("Proprietary services", str(stats.services)),
        ("Libre alternatives", str(stats.alternatives)),
        ("Vendors", str(stats.vendors)),
        ("Categories with services", str(stats.categories_used)),
        ("Services owned by the GAFAM", f"{stats.gafam_services} ({stats.gafam_share:.0%})"),
        ("Discontinued services", str(stats.discontinued)),
        ("Service → alternative pairs", str(stats.pairs)),
        ("Pairs with a migration note", f"{stats.pairs_with_notes} ({stats.notes_share:.0%})"),
        ("Hosted offers", str(stats.hosted_offers)),
    ):
        totals.add_row(label, value)
    categories = Table(title="By category")
    for name, justify in (("Category", "left"), ("Services", "right"), ("Alternatives", "right")):
        categories.add_column(name, justify=justify)  # type: ignore[arg-type]
    for cid, services, alternatives in stats.by_category:
        categories.add_row(cid, str(services), str(alternatives))
    owners = Table(title=f"Largest owners (top {top})")
    for name, justify in (("Owner", "left"), ("Services", "right"), ("GAFAM", "left")):
        owners.add_column(name, justify=justify)  # type: ignore[arg-type]
    for name, count, gafam in stats.by_owner[:top]:
        owners.add_row(Text(name), str(count), "yes" if gafam else "")
    return [totals, categories, owners]
