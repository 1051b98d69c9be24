"""Find what a web page depends on: hosts it loads from and snippets in its code, matched
against the catalog's web signatures. Static analysis only; nothing is executed. Pure."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from altgafam.models import Catalog
from altgafam.normalize import by_host

# Elements whose address the browser loads by itself. A plain link (<a href>) is not a
# dependency: a paragraph pointing to youtube.com embeds nothing.
_LOADED = {
    "script": ("src",),
    "link": ("href",),
    "iframe": ("src",),
    "frame": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
_LINK_RELS = {
    "stylesheet",
    "preconnect",
    "dns-prefetch",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
}
_CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")\s]+)""")
_SCRIPT_URL = re.compile(
    r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}(?:/[^\s'"`)<>]*)?""", re.IGNORECASE
)


class Evidence(NamedTuple):
    """Where a dependency shows: the page or file, the line, and what matched."""

    where: str
    line: int | None
    match: str
    local: bool


class Resource(NamedTuple):
    """A stylesheet or script that a page loads from its own site, to read as well."""

    url: str
    kind: str  # "css" or "js"


class Signatures(NamedTuple):
    """The catalog's signatures, prepared for look-up."""

    hosts: dict[str, str]
    snippets: tuple[tuple[str, str], ...]


def prepare(catalog: Catalog) -> Signatures:
    """Host (or host/first-segment) -> service id, and every snippet with its service."""
    hosts: dict[str, str] = {}
    snippets: list[tuple[str, str]] = []
    for sig in catalog.signatures.values():
        for host in sig.hosts:
            hosts.setdefault(host, sig.id)
        snippets.extend((snippet, sig.id) for snippet in sig.snippets)
    return Signatures(hosts, tuple(snippets))


def service_of(url: str, signatures: Signatures) -> str | None:
    """The service a loaded address belongs to, by its host (and first path segment)."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    segment = parts.path.split("/")[1].lower() if parts.path.count("/") >= 1 else ""
    return by_host(signatures.hosts, host, segment)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def scan_code(
    text: str, where: str, local: bool, signatures: Signatures, first_line: int = 1
) -> list[tuple[str, Evidence]]:
    """Addresses and snippets found in CSS or JavaScript."""
    found: list[tuple[str, Evidence]] = []
    for m in _CSS_URL.finditer(text):
        url = m.group(1) or m.group(2)
        service = service_of(url, signatures) if "//" in url else None
        if service:
            line = first_line + _line_of(text, m.start()) - 1
            found.append((service, Evidence(where, line, url, local)))
    for m in _SCRIPT_URL.finditer(text):
        service = service_of(m.group(0), signatures)
        if service:
            line = first_line + _line_of(text, m.start()) - 1
            found.append((service, Evidence(where, line, m.group(0), local)))
    for snippet, service in signatures.snippets:
        position = text.find(snippet)
        if position >= 0:
            line = first_line + _line_of(text, position) - 1
            found.append((service, Evidence(where, line, snippet, local)))
    return found


class _Page(HTMLParser):
    def __init__(self, base: str, where: str, local: bool, signatures: Signatures) -> None:
        super().__init__(convert_charrefs=True)
        self.base, self.where, self.local, self.signatures = base, where, local, signatures
        self.found: list[tuple[str, Evidence]] = []
        self.links: list[str] = []
        self.resources: list[Resource] = []
        self._code: str | None = None
        self._code_line = 0
        self._code_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "a" and values.get("href"):
            self.links.append(urljoin(self.base, values["href"]))
        if tag in ("script", "style") and not values.get("src"):
            self._code, self._code_line, self._code_parts = tag, line, []
        if tag == "link" and not (_LINK_RELS & set(values.get("rel", "").lower().split())):
            return
        for name in _LOADED.get(tag, ()):
            for raw in (
                re.split(r"\s*,\s*", values.get(name, ""))
                if name == "srcset"
                else [values.get(name, "")]
            ):
                raw = raw.split()[0] if raw.strip() else ""
                if not raw:
                    continue
                url = urljoin(self.base, raw)
                service = service_of(url, self.signatures)
                if service:
                    self.found.append((service, Evidence(self.where, line, url, self.local)))
                elif tag == "script" and name == "src":
                    self.resources.append(Resource(url, "js"))
                elif tag == "link" and "stylesheet" in values.get("rel", "").lower():
                    self.resources.append(Resource(url, "css"))
        for snippet, service in self.signatures.snippets:
            if any(snippet in v for v in values.values()):
                self.found.append((service, Evidence(self.where, line, snippet, self.local)))

    def handle_data(self, data: str) -> None:
        if self._code is not None:
            self._code_parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._code == tag:
            code = "".join(self._code_parts)
            self.found.extend(
                scan_code(code, self.where, self.local, self.signatures, self._code_line)
            )
            self._code = None


class PageScan(NamedTuple):
    """What one page showed: dependencies, same-site links to follow, resources to read."""

    found: list[tuple[str, Evidence]]
    links: list[str]
    resources: list[Resource]


def scan_html(text: str, base: str, where: str, local: bool, signatures: Signatures) -> PageScan:
    """Read one HTML page, however malformed (the parser never gives up)."""
    page = _Page(base, where, local, signatures)
    page.feed(text)
    page.close()
    return PageScan(page.found, page.links, page.resources)
