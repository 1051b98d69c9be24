"""`altgafam site`: walk a site (files on disk, or pages over HTTP) and turn what its pages
load into findings, each with its evidence and the libre fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from altgafam.models import Catalog, Preferences
from altgafam.site import detect
from altgafam.site.domain import Lookup, domain_of, inspect
from altgafam.site.fetch import (
    Fetched,
    Web,
    check_target,
    local_pages,
    read_local,
    web_address,
)
from altgafam.site.findings import CONSENT, Assembler, Finding, SiteReport
from altgafam.site.fingerprints import PAGE_BUDGET, Budget, Fingerprints, Hit, Page
from altgafam.site.fingerprints import load as load_fingerprints
from altgafam.site.join import Joiner, hostname
from altgafam.site.join import rules as join_rules

__all__ = ["Finding", "SiteReport", "build", "crawl_local", "crawl_url"]

MAX_RESOURCES = 50


class Seen:
    """What the crawl saw, before it is joined into findings: the catalog's signatures, the
    fingerprints' hits (a script's address is matched once per run), the site's own hosts."""

    def __init__(self, signatures: detect.Signatures, fingerprints: Fingerprints | None) -> None:
        self.signatures, self.fp = signatures, fingerprints
        self.found: list[tuple[str, detect.Evidence]] = []
        self.hits: list[Hit] = []
        self.hosts: set[str] = set()
        self.claimed: dict[str, str] = {}  # script address -> the catalog service it is
        self._scripts: dict[str, list[Hit]] = {}

    def page(
        self,
        url: str,
        text: str,
        scan: detect.PageScan,
        headers: tuple[tuple[str, str], ...],
        warn: Callable[[str], None],
    ) -> None:
        """One page's signatures, and its fingerprints within the page's time budget."""
        self.found.extend(scan.found)
        if self.fp is None:
            return
        budget = Budget()
        for src in dict.fromkeys(scan.scripts):
            if src not in self._scripts:
                self._scripts[src] = self.fp.script(src, url, budget)
                claimed = detect.service_of(src, self.signatures)
                if claimed:
                    self.claimed[src] = claimed
            self.hits.extend(h._replace(where=url) for h in self._scripts[src])
        page = Page(url, text, scan.scripts, scan.metas, scan.inline, headers)
        self.hits.extend(self.fp.page(page, budget))
        if budget.spent:
            warn(f"{url}: fingerprints stopped after {PAGE_BUDGET:g} s, some may be missed")

    def code(self, text: str, where: str, local: bool, kind: str) -> None:
        """A stylesheet or script the site serves itself."""
        self.found.extend(detect.scan_code(text, where, local, self.signatures))
        if self.fp is not None and kind == "js":
            self.hits.extend(self.fp.code(text, where, Budget()))


def _same_site(url: str, origin: str) -> bool:
    a, b = urlsplit(url), urlsplit(origin)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def crawl_url(
    start: str,
    web: Web,
    into: Seen,
    max_pages: int,
    warn: Callable[[str], None],
) -> int:
    """Read up to `max_pages` pages of one site, following its own links, and the stylesheets
    and scripts they load from it."""
    signatures = into.signatures
    queue, seen, pages = [start], {start}, 0
    into.hosts.add(hostname(start))
    resources: dict[str, str] = {}
    web.begin()
    while queue and pages < max_pages:
        url = queue.pop(0)
        page, final = _get(web, url, "html", warn)
        if page is None:
            continue
        pages += 1
        into.hosts.add(hostname(final))
        scan = detect.scan_html(page.text, final, final, False, signatures)
        into.page(final, page.text, scan, page.headers, warn)
        bad = scan.bad
        for resource in scan.resources:
            if not web_address(resource.url):
                bad += 1
            elif _same_site(resource.url, start) and len(resources) < MAX_RESOURCES:
                resources.setdefault(resource.url, resource.kind)
        for link in scan.links:
            link = link.split("#")[0]
            if not link.startswith(("http:", "https:")) or link in seen:
                continue  # mailto:, javascript: and the like are not pages of the site
            if not web_address(link):
                bad += 1
            elif _same_site(link, start):
                seen.add(link)
                queue.append(link)
        _skipped(url, bad, warn)
    for url, kind in resources.items():
        fetched, final = _get(web, url, kind, warn)
        if fetched is not None:
            into.code(fetched.text, final, False, kind)
    return pages


def _get(web: Web, url: str, kind: str, warn: Callable[[str], None]) -> tuple[Fetched | None, str]:
    """One address fetched, and its final address; what went wrong or was noted is warned."""
    fetched, why, final = web.get(url, kind)
    for note in web.take_notes():
        warn(note)
    if fetched is None:
        warn(f"{url}: skipped, {why}")
    elif why:
        warn(f"{url}: {why}")
    return fetched, final


def _skipped(page: str, bad: int, warn: Callable[[str], None]) -> None:
    """One warning per page for its addresses that are not valid URLs, however many."""
    if bad == 1:
        warn(f"{page}: 1 link skipped: not a valid URL")
    elif bad:
        warn(f"{page}: {bad} links skipped: not valid URLs")


def crawl_local(target: Path, into: Seen, warn: Callable[[str], None]) -> int:
    """Read every page of a site's build output (or one page), and the stylesheets and
    scripts they load from the same folder."""
    signatures = into.signatures
    root, pages = local_pages(target)
    resources: dict[Path, str] = {}
    count = 0
    for path in pages:
        fetched = read_local(path, root, "html")
        if fetched is None:
            warn(f"{path}: skipped, not a readable text file")
            continue
        count += 1
        if fetched.cut:
            warn(f"{path}: only its first 2 MiB read")
        base = path.resolve().as_uri()
        scan = detect.scan_html(fetched.text, base, str(path), True, signatures)
        into.page(str(path), fetched.text, scan, (), warn)
        for resource in scan.resources:
            if resource.url.startswith("file://"):
                local = Path(urlsplit(resource.url).path)
                resources.setdefault(local, resource.kind)
        _skipped(str(path), scan.bad, warn)
    for path, kind in list(resources.items())[:MAX_RESOURCES]:
        fetched = read_local(path, root, kind)
        if fetched is not None:
            shown = _shown(path, root)
            if fetched.cut:
                warn(f"{shown}: only its first 2 MiB read")
            into.code(fetched.text, shown, True, kind)
    return count


def _shown(path: Path, root: Path) -> str:
    try:
        return str(root / path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def build(
    targets: list[str],
    catalog: Catalog,
    prefs: Preferences,
    max_pages: int,
    warn: Callable[[str], None],
    web_factory: Callable[[], Web] = Web,
    *,
    domains: tuple[str, ...] | None = None,
    lookup: Lookup | None = None,
    fingerprints: bool = True,
) -> SiteReport:
    """Scan every target and its domain, and gather the findings, one per third party,
    evidence in order. `domains`: the domains to read DNS of (None: those of the web
    targets); `lookup`: how (None: no DNS at all); `fingerprints`: use webappanalyzer's."""
    for target in targets:
        # Every web target is checked before any is read: a typo in the last one must not
        # come after minutes of crawling the first.
        if target.startswith(("http://", "https://")):
            check_target(target)
    fp = load_fingerprints() if fingerprints else None
    joiner = Joiner(catalog, fp, join_rules()) if fp is not None else None
    seen = Seen(detect.prepare(catalog), fp)
    pages = 0
    web: Web | None = None
    try:
        for target in targets:
            if target.startswith(("http://", "https://")):
                web = web or web_factory()
                pages += crawl_url(target, web, seen, max_pages, warn)
            else:
                pages += crawl_local(Path(target), seen, warn)
    finally:
        if web is not None:
            web.close()
    assembler = Assembler(catalog, prefs, fp, joiner)
    assembler.signatures(seen.found)
    technologies = assembler.technologies(seen.hits, seen.hosts, seen.claimed)
    if domains is None:
        named = (domain_of(hostname(t)) for t in targets if t.startswith(("http:", "https:")))
        domains = tuple(dict.fromkeys(d for d in named if d))
    read: list[str] = []
    if lookup is not None and joiner is not None:
        for domain in domains:
            assembler.domain(domain, inspect(domain, lookup, joiner, warn))
            read.append(domain)
    consent: tuple[str, ...] = ()
    if fp is not None:
        consent = tuple(t for t in technologies if CONSENT in fp.technologies[t].cats)
    counts = (len(fp.technologies), fp.skipped) if fp is not None else (0, 0)
    return SiteReport(
        tuple(targets),
        pages,
        assembler.findings(consent),
        tuple(read),
        technologies,
        consent,
        counts,
    )
