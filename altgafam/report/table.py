"""The terminal table (Rich); user text is escaped so it can never become markup."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from altgafam.models import Catalog, Report, Result, Status
from altgafam.normalize import sanitize

if TYPE_CHECKING:
    from altgafam.catalog.stats import CatalogStats
    from altgafam.site.plan import SiteReport

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
        if result.match.score < 100:
            text.append(f" {round(result.match.score)}%", style="dim")
        if result.match.discontinued:
            text.append(f" (closed {result.match.discontinued.year})", style="dim")
        return text
    names = " / ".join(c.name for c in result.candidates[:3])
    label = result.status.value + (f": {names}?" if names else "")
    return Text(label, style=style)


def _owner(result: Result) -> Text:
    m = result.match
    if m is None or m.vendor is None:
        return Text("libre", style="green") if result.status is Status.LIBRE else Text("")
    text = Text(m.vendor + (f" ({m.owner})" if m.owner and m.owner != m.vendor else ""))
    if m.gafam:
        text.append(" GAFAM", style="bold red")
    return text


def table(report: Report, alternatives: int | None = None, width: int = 80) -> Table:
    """The report as a Rich table that fits the terminal, 80 columns included: each line,
    what it was recognised as (with the confidence when not certain), who owns it, and the
    best libre alternatives with their license and migration effort."""
    if alternatives is None:
        # Two in a narrow terminal keep each row short; --output has them all.
        alternatives = 2 if width < 120 else 3
    # Rich's cost is in its cell layout, so this table asks for as little of it as it can:
    # fixed widths (no measuring of every cell), no cell padding (the one-space column
    # divider separates them), Text everywhere (no markup parsing). A third faster to draw.
    written, name, owner = (14, 17, 15) if width < 120 else (30, 26, 26)
    rest = max(20, width - 3 - written - name - owner - 4)
    grid = Table(
        title=Text("altgafam scan", style="italic"),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=0,
    )
    grid.add_column(Text("#"), justify="right", style="dim", no_wrap=True, width=3)
    grid.add_column(Text("As written"), width=written, no_wrap=True, overflow="ellipsis")
    grid.add_column(Text("Recognised as"), width=name, overflow="fold")
    grid.add_column(Text("Vendor (owner)"), width=owner, overflow="fold")
    grid.add_column(Text("Libre alternatives"), width=rest, overflow="fold")
    for r in report.results:
        alts = "\n".join(
            f"{a.name}: {a.license}, {a.effort}" for a in r.alternatives[:alternatives]
        )
        if len(r.alternatives) > alternatives:
            alts += f"\n+{len(r.alternatives) - alternatives} more"
        grid.add_row(
            Text(str(r.entry.line)),
            Text(sanitize(r.entry.text)),
            _recognised(r),
            _owner(r),
            Text(alts),
        )
    s = report.summary
    grid.caption = Text(
        f"{s.entries} tools: {s.proprietary} proprietary ({s.gafam} GAFAM), {s.libre} libre, "
        f"{s.ambiguous} ambiguous, {s.unknown} unknown",
        style="dim",
    )
    return grid


# Above this many lines, a per-line table is unreadable (and slow): the terminal gets one
# row per recognised product with its count, and the detail goes to --output.
MAX_ROWS = 300


def summary_table(report: Report) -> Table:
    """One row per product found, with how many lines named it; the unknown and ambiguous
    lines counted at the end."""
    counts: dict[str, int] = {}
    first: dict[str, Result] = {}
    for r in report.results:
        label = r.match.id if r.match is not None else f"~{r.status.value}"
        counts[label] = counts.get(label, 0) + 1
        first.setdefault(label, r)
    grid = Table(title="altgafam scan (summary by product)", expand=False)
    grid.add_column("Lines", justify="right")
    grid.add_column("Recognised as", overflow="fold")
    grid.add_column("Vendor (owner)", overflow="fold")
    grid.add_column("GAFAM")
    grid.add_column("Libre alternatives (license, effort)", overflow="fold")
    order = sorted(counts, key=lambda k: (k.startswith("~"), -counts[k], k))
    for label in order:
        r = first[label]
        m = r.match
        vendor = ""
        if m is not None and m.vendor:
            vendor = m.vendor + (f" ({m.owner})" if m.owner and m.owner != m.vendor else "")
        name = _recognised(r) if m is not None else Text(r.status.value, style=_STYLE[r.status])
        alts = "\n".join(f"{a.name} ({a.license}, {a.effort})" for a in r.alternatives[:3])
        grid.add_row(
            str(counts[label]),
            name,
            Text(vendor),
            Text("yes", style="bold red") if m is not None and m.gafam else Text(""),
            Text(alts),
        )
    s = report.summary
    grid.caption = escape(
        f"{s.entries} lines: {s.proprietary} proprietary ({s.gafam} GAFAM), {s.libre} libre, "
        f"{s.ambiguous} ambiguous, {s.unknown} unknown. For every line: "
        "--output FILE with --format markdown or json."
    )
    return grid


def for_terminal(report: Report, width: int = 80) -> Table:
    """The per-line table, or the summary by product for long lists."""
    if len(report.results) <= MAX_ROWS:
        return table(report, width=width)
    return summary_table(report)


def render(report: Report, width: int = 120) -> str:
    """The table as plain text (no colour), for files and pipes."""
    return plain(table(report, width=width), width)


def plain(grid: Table, width: int = 120) -> str:
    """Any of these tables as plain text (no colour or style), for files."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, color_system=None, legacy_windows=False
    )
    console.print(grid)
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


def entry_table(entry: dict[str, object]) -> Table:
    """`catalog show`: one entry, key by key, both languages of every text."""
    grid = Table(title=f"{entry.get('kind')} {entry.get('id')}", show_header=False, box=box.SIMPLE)
    grid.add_column("key", style="bold")
    grid.add_column("value", overflow="fold")
    for name, value in entry.items():
        if name in ("kind", "id") or value in (None, [], {}):
            continue
        grid.add_row(name, Text(_plain(value)))
    return grid


def _plain(value: object) -> str:
    if isinstance(value, dict):
        if set(value) == {"en", "fr"}:
            return f"en: {value['en']}\nfr: {value['fr']}"
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v not in (None, [], {}))
    if isinstance(value, list):
        return "\n".join(_plain(v) for v in value)
    return str(value)


def site_table(report: SiteReport, width: int = 80) -> Table:
    """`site` in the terminal: each service the site depends on, where, and the libre fix."""
    grid = Table(
        title=f"altgafam site ({report.pages} pages)", box=box.SIMPLE_HEAD, show_edge=False
    )
    grid.add_column("Service (owner)", max_width=24 if width < 120 else 40, overflow="fold")
    grid.add_column("Evidence", overflow="fold")
    grid.add_column("Libre fix", max_width=26 if width < 120 else 40, overflow="fold")
    for f in report.findings:
        name = Text(f.name)
        name.append(f" ({f.owner})", style="dim")
        if f.gafam:
            name.append(" GAFAM", style="bold red")
        where = [f"{e.where}:{e.line}" if e.local and e.line else e.where for e in f.evidence[:3]]
        if len(f.evidence) > 3:
            where.append(f"+{len(f.evidence) - 3} more")
        fix = "\n".join(f"{a.name}: {a.license}, {a.effort}" for a in f.alternatives[:2])
        grid.add_row(name, Text(sanitize("\n".join(where))), Text(fix or "-"))
    grid.caption = escape(
        f"{len(report.findings)} services found, "
        f"{sum(1 for f in report.findings if f.gafam)} owned by the GAFAM"
    )
    return grid
