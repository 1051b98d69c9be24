"""The terminal table (Rich); user text is escaped so it can never become markup."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from altgafam.models import Catalog, ClientReport, Recommendation, Report, Result, Status
from altgafam.normalize import sanitize
from altgafam.report.i18n import t
from altgafam.report.typography import NNBSP, for_language

if TYPE_CHECKING:
    from altgafam.catalog.stats import CatalogStats
    from altgafam.site.plan import SiteReport

_STYLE = {
    Status.PROPRIETARY: "red",
    Status.LIBRE: "green",
    Status.AMBIGUOUS: "yellow",
    Status.UNKNOWN: "dim",
}


def _words(lang: str, key: str, **values: object) -> str:
    # Every word of the terminal tables, set in the language's typography.
    return for_language(lang, t(lang, key, **values))


def _recognised(result: Result, lang: str = "en") -> Text:
    style = _STYLE[result.status]
    if result.match is not None:
        text = Text(result.match.name, style=style)
        if result.match.score < 100:
            # French sets a (narrow no-break) space before the percent sign too.
            text.append(
                f" {round(result.match.score)}{NNBSP if lang == 'fr' else ''}%", style="dim"
            )
        if result.match.discontinued:
            closed = _words(lang, "t_closed", year=result.match.discontinued.year)
            text.append(f" ({closed})", style="dim")
        return text
    names = " / ".join(c.name for c in result.candidates[:3])
    label = _words(lang, f"status_{result.status.value}")
    if names:
        label += for_language(lang, t(lang, "colon") + names + "?")
    return Text(label, style=style)


def _owner(result: Result, lang: str = "en") -> Text:
    m = result.match
    if m is None or m.vendor is None:
        if result.status is Status.LIBRE:
            return Text(_words(lang, "status_libre"), style="green")
        return Text("")
    text = Text(m.vendor + (f" ({m.owner})" if m.owner and m.owner != m.vendor else ""))
    if m.gafam:
        text.append(" GAFAM", style="bold red")
    return text


def _alternative(lang: str, a: Recommendation) -> str:
    """One alternative on one line: its name (and the pieces that come with it), license or
    "open standard", and effort."""
    name = a.name + (f" + {', '.join(n for _, n, _ in a.pieces)}" if a.pieces else "")
    license = a.license or t(lang, "open_standard")
    return for_language(lang, f"{name}{t(lang, 'colon')}{license}, {t(lang, f'effort_{a.effort}')}")


def _caption(report: Report, lang: str, counted: str) -> str:
    s = report.summary
    return _words(
        lang,
        "t_caption",
        counted=t(lang, counted, n=s.entries),
        proprietary=t(lang, "n_proprietary", n=s.proprietary),
        gafam=s.gafam,
        libre=t(lang, "n_libre", n=s.libre),
        ambiguous=t(lang, "n_ambiguous", n=s.ambiguous),
        unknown=t(lang, "n_unknown", n=s.unknown),
    )


def table(
    report: Report, alternatives: int | None = None, width: int = 80, lang: str = "en"
) -> Table:
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
        title=Text(_words(lang, "t_scan"), style="italic"),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=0,
    )
    grid.add_column(
        Text(_words(lang, "t_number")), justify="right", style="dim", no_wrap=True, width=3
    )
    grid.add_column(
        Text(_words(lang, "as_written")), width=written, no_wrap=True, overflow="ellipsis"
    )
    grid.add_column(Text(_words(lang, "t_recognised")), width=name, overflow="fold")
    grid.add_column(Text(_words(lang, "t_vendor_owner")), width=owner, overflow="fold")
    grid.add_column(Text(_words(lang, "alternatives")), width=rest, overflow="fold")
    for r in report.results:
        alts = "\n".join(_alternative(lang, a) for a in r.alternatives[:alternatives])
        if len(r.alternatives) > alternatives:
            alts += "\n" + _words(lang, "t_more", n=len(r.alternatives) - alternatives)
        grid.add_row(
            Text(str(r.entry.line)),
            Text(sanitize(r.entry.text)),
            _recognised(r, lang),
            _owner(r, lang),
            Text(alts),
        )
    grid.caption = Text(_caption(report, lang, "n_tools"), style="dim")
    return grid


# Above this many lines, a per-line table is unreadable (and slow): the terminal gets one
# row per recognised product with its count, and the detail goes to --output.
MAX_ROWS = 300


def summary_table(report: Report, lang: str = "en") -> Table:
    """One row per product found, with how many lines named it; the unknown and ambiguous
    lines counted at the end."""
    counts: dict[str, int] = {}
    first: dict[str, Result] = {}
    for r in report.results:
        label = r.match.id if r.match is not None else f"~{r.status.value}"
        counts[label] = counts.get(label, 0) + 1
        first.setdefault(label, r)
    grid = Table(title=Text(_words(lang, "t_scan_summary")), expand=False)
    grid.add_column(Text(_words(lang, "t_lines")), justify="right")
    grid.add_column(Text(_words(lang, "t_recognised")), overflow="fold")
    grid.add_column(Text(_words(lang, "t_vendor_owner")), overflow="fold")
    grid.add_column(Text(_words(lang, "gafam")))
    grid.add_column(Text(_words(lang, "t_alternatives_detail")), overflow="fold")
    order = sorted(counts, key=lambda k: (k.startswith("~"), -counts[k], k))
    for label in order:
        r = first[label]
        m = r.match
        vendor = ""
        if m is not None and m.vendor:
            vendor = m.vendor + (f" ({m.owner})" if m.owner and m.owner != m.vendor else "")
        status = Text(_words(lang, f"status_{r.status.value}"), style=_STYLE[r.status])
        name = _recognised(r, lang) if m is not None else status
        alts = "\n".join(_alternative(lang, a) for a in r.alternatives[:3])
        yes = Text(_words(lang, "yes"), style="bold red")
        grid.add_row(
            str(counts[label]),
            name,
            Text(vendor),
            yes if m is not None and m.gafam else Text(""),
            Text(alts),
        )
    grid.caption = escape(_caption(report, lang, "n_lines") + ". " + _words(lang, "t_every_line"))
    return grid


def for_terminal(report: Report, width: int = 80, lang: str = "en") -> Table:
    """The per-line table, or the summary by product for long lists, in `lang`."""
    if len(report.results) <= MAX_ROWS:
        return table(report, width=width, lang=lang)
    return summary_table(report, lang)


def stack_table(doc: ClientReport, lang: str = "en") -> Table | None:
    """The target stack in short, for the terminal: function, today, target, host."""
    if not doc.target_stack:
        return None
    from altgafam.report.document import helpers

    words = helpers(lang)
    grid = Table(title=_words(lang, "stack"), box=box.SIMPLE_HEAD, padding=(0, 1))
    for key in ("function", "today", "target", "host_label"):
        grid.add_column(Text(_words(lang, key)), overflow="fold")
    for target in doc.target_stack:
        name = target.choice.name
        if target.choice.pieces:
            name += f" {words['pieces'](target.choice)}"
        grid.add_row(
            Text(sanitize(target.label.get(lang))),
            Text(sanitize(", ".join(target.replaces))),
            Text(sanitize(for_language(lang, name))),
            Text(sanitize(for_language(lang, words["host"](target)))),
        )
    return grid


def render(report: Report, width: int = 120, lang: str = "en") -> str:
    """The table as plain text (no colour), for files and pipes, in `lang`."""
    return plain(table(report, width=width, lang=lang), width)


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
        ("Providers (CHATONS members)", f"{stats.providers} ({stats.chatons_providers})"),
        ("Suites", str(stats.suites)),
        ("Services kept on purpose / with advice", f"{stats.kept} / {stats.advised}"),
        ("Entries with sources", f"{stats.with_sources} ({stats.sources_share:.0%})"),
        (
            "Alternatives by kind",
            ", ".join(f"{kind} {count}" for kind, count in stats.by_kind),
        ),
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
    grid = Table(title=f"{entry.get('entry')} {entry.get('id')}", show_header=False, box=box.SIMPLE)
    grid.add_column("key", style="bold")
    grid.add_column("value", overflow="fold")
    for name, value in entry.items():
        if name in ("entry", "id") or value in (None, [], {}):
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


def site_table(report: SiteReport, width: int = 80, lang: str = "en") -> Table:
    """`site` in the terminal: each service the site depends on, where, and the libre fix,
    in `lang`."""
    title = _words(lang, "t_site", pages=t(lang, "t_pages", n=report.pages))
    grid = Table(title=Text(title), box=box.SIMPLE_HEAD, show_edge=False)
    grid.add_column(
        Text(_words(lang, "t_service_owner")),
        max_width=24 if width < 120 else 40,
        overflow="fold",
    )
    grid.add_column(Text(_words(lang, "evidence")), overflow="fold")
    grid.add_column(
        Text(_words(lang, "libre_fix")), max_width=26 if width < 120 else 40, overflow="fold"
    )
    for f in report.findings:
        name = Text(f.name)
        if f.owner:
            name.append(f" ({f.owner})", style="dim")
        if f.gafam:
            name.append(" GAFAM", style="bold red")
        if f.kind == "cdn":
            name.append("\n" + _words(lang, "kind_cdn", via=f.via), style="dim")
        elif f.kind == "libre":
            name.append("\n" + _words(lang, "kind_libre"), style="green")
        elif f.kind == "third-party":
            category = f.category_label.get(lang) if f.category_label else ""
            label = category or (f.labels[0] if f.labels else t(lang, "unknown_category"))
            name.append("\n" + _words(lang, "kind_third_party", category=label), style="yellow")
        for hint in f.gdpr:
            name.append("\n" + _words(lang, "gdpr") + _words(lang, "colon"), style="magenta")
            name.append(_words(lang, f"t_gdpr_{hint}"))
        where = [
            e.match if e.kind == "dns" else f"{e.where}:{e.line}" if e.local and e.line else e.where
            for e in f.evidence[:3]
        ]
        if len(f.evidence) > 3:
            where.append(_words(lang, "t_more", n=len(f.evidence) - 3))
        if f.kind == "cdn":
            fix = _words(lang, "t_serve_yourself")
        elif f.kind == "libre":
            fix = "-"
        else:
            fix = "\n".join(_alternative(lang, a) for a in f.alternatives[:2])
        grid.add_row(name, Text(sanitize("\n".join(where))), Text(fix or "-"))
    gafam = sum(1 for f in report.findings if f.gafam)
    found = t(lang, "n_services_found", n=len(report.findings))
    grid.caption = escape(_words(lang, "t_site_caption", found=found, gafam=gafam, n=gafam))
    return grid
