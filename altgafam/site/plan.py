"""`altgafam site`: walk a site (files on disk, or pages over HTTP) and turn what its pages
load into findings, each with its evidence and the libre fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from altgafam.advice import plan
from altgafam.models import Catalog, Preferences, Recommendation
from altgafam.site import detect
from altgafam.site.fetch import Web, check_target, local_pages, read_local, web_address

MAX_RESOURCES = 50


class Finding(NamedTuple):
    """One service a site depends on, with every place it shows and what replaces it."""

    id: str
    name: str
    vendor: str
    owner: str
    gafam: bool
    category: str
    evidence: tuple[detect.Evidence, ...]
    alternatives: tuple[Recommendation, ...]


class SiteReport(NamedTuple):
    """Everything `site` found, across its targets."""

    targets: tuple[str, ...]
    pages: int
    findings: tuple[Finding, ...]


def _same_site(url: str, origin: str) -> bool:
    a, b = urlsplit(url), urlsplit(origin)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def crawl_url(
    start: str,
    web: Web,
    signatures: detect.Signatures,
    max_pages: int,
    warn: Callable[[str], None],
) -> tuple[int, list[tuple[str, detect.Evidence]]]:
    """Read up to `max_pages` pages of one site, following its own links, and the stylesheets
    and scripts they load from it."""
    queue, seen, pages = [start], {start}, 0
    found: list[tuple[str, detect.Evidence]] = []
    resources: dict[str, str] = {}
    web.begin()
    while queue and pages < max_pages:
        url = queue.pop(0)
        page, why, final = web.get(url, "html")
        _tell(web, warn)
        if page is None:
            warn(f"{url}: skipped, {why}")
            continue
        if why:
            warn(f"{url}: {why}")
        pages += 1
        scan = detect.scan_html(page.text, final, final, False, signatures)
        found.extend(scan.found)
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
        fetched, why, final = web.get(url, kind)
        _tell(web, warn)
        if fetched is None:
            warn(f"{url}: skipped, {why}")
            continue
        if why:
            warn(f"{url}: {why}")
        found.extend(detect.scan_code(fetched.text, final, False, signatures))
    return pages, found


def _tell(web: Web, warn: Callable[[str], None]) -> None:
    for note in web.take_notes():
        warn(note)


def _skipped(page: str, bad: int, warn: Callable[[str], None]) -> None:
    """One warning per page for its addresses that are not valid URLs, however many."""
    if bad == 1:
        warn(f"{page}: 1 link skipped: not a valid URL")
    elif bad:
        warn(f"{page}: {bad} links skipped: not valid URLs")


def crawl_local(
    target: Path, signatures: detect.Signatures, warn: Callable[[str], None]
) -> tuple[int, list[tuple[str, detect.Evidence]]]:
    """Read every page of a site's build output (or one page), and the stylesheets and
    scripts they load from the same folder."""
    root, pages = local_pages(target)
    found: list[tuple[str, detect.Evidence]] = []
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
        found.extend(scan.found)
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
            found.extend(detect.scan_code(fetched.text, shown, True, signatures))
    return count, found


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
) -> SiteReport:
    """Scan every target and gather the findings, one per service, evidence in order."""
    for target in targets:
        # Every web target is checked before any is read: a typo in the last one must not
        # come after minutes of crawling the first.
        if target.startswith(("http://", "https://")):
            check_target(target)
    signatures = detect.prepare(catalog)
    pages = 0
    found: list[tuple[str, detect.Evidence]] = []
    web: Web | None = None
    try:
        for target in targets:
            if target.startswith(("http://", "https://")):
                web = web or web_factory()
                count, more = crawl_url(target, web, signatures, max_pages, warn)
            else:
                count, more = crawl_local(Path(target), signatures, warn)
            pages += count
            found.extend(more)
    finally:
        if web is not None:
            web.close()
    by_service: dict[str, list[detect.Evidence]] = {}
    seen: set[tuple[str, str, int | None]] = set()
    for service_id, one in found:
        # One place is one piece of evidence, however many patterns matched there.
        key = (service_id, one.where, one.line if one.local else None)
        if key in seen:
            continue
        seen.add(key)
        by_service.setdefault(service_id, []).append(one)
    findings = []
    for service_id, evidence in by_service.items():
        service = catalog.services[service_id]
        owner = catalog.owner(service.vendor)
        findings.append(
            Finding(
                service.id,
                service.name,
                catalog.vendors[service.vendor].name,
                owner.name,
                owner.gafam,
                service.category,
                tuple(evidence),
                plan.recommendations(service.id, catalog, prefs),
            )
        )
    findings.sort(key=lambda f: (not f.gafam, f.name.casefold()))
    return SiteReport(tuple(targets), pages, tuple(findings))
