"""Find what a web page depends on: hosts it loads from and snippets in its code, matched
against the catalog's web signatures. Static analysis only; nothing is executed. Pure."""

from __future__ import annotations

import bisect
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
# Every pattern here sees page text, so none may backtrack more than linearly. @import's
# blanks are matched by one quantifier only: `\s+(?:url\()?\s*`, its former shape, split a run
# of blanks between two and took quadratic time (60,000 spaces: 46 s).
_CSS_URL = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)|url\(\s*['"]?([^'")\s]+)""")
# The host class overlaps `\.[a-z]{2,}`, yet stays linear: the host stops at the first
# character outside it (never at "/"), a backtrack step fails or ends the match at once, and
# a match starts only after "//", so the runs scanned by two starts never overlap.
# Its groups are the host and the path, looked up as they are (no urlsplit per match).
_SCRIPT_URL = re.compile(
    r"""(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,})(/[^\s'"`)<>]*)?""", re.IGNORECASE
)
# What one page may give the fingerprints: a page with 50,000 script tags is read whole for
# the catalog's signatures, but its first scripts and metas are enough to tell technologies.
MAX_SCRIPTS = 500
MAX_METAS = 200
# What browsers strip from both ends of an address in an attribute: C0 controls and space.
_URL_BLANKS = "".join(map(chr, range(0x21)))


class Evidence(NamedTuple):
    """Where a dependency shows: the page or file, the line, and what matched."""

    where: str
    line: int | None
    match: str
    local: bool
    # What showed it: "" for the catalog's signatures, a fingerprint kind (scriptSrc, html,
    # scripts, meta, headers, cookies, url), "implied", or "dns" (`where` is then the domain).
    kind: str = ""


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
    """The service a loaded address belongs to, by its host (and first path segment); None
    for an address that is not a valid URL."""
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
    except ValueError:  # "http://[oops": a bracket never closed, a host that NFKC breaks
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    segment = parts.path.split("/")[1].lower() if parts.path.count("/") >= 1 else ""
    return by_host(signatures.hosts, host, segment)


class _Lines:
    """Line numbers of offsets in one text. The newlines are found once, on the first look-up,
    then bisected: counting them again from the top for each match made a 2 MB page with
    50,000 addresses quadratic (19 s)."""

    def __init__(self, text: str, first: int) -> None:
        self.text, self.first = text, first
        self.newlines: list[int] | None = None

    def of(self, offset: int) -> int:
        if self.newlines is None:
            self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        return self.first + bisect.bisect_left(self.newlines, offset)


def scan_code(
    text: str, where: str, local: bool, signatures: Signatures, first_line: int = 1
) -> list[tuple[str, Evidence]]:
    """Addresses and snippets found in CSS or JavaScript."""
    found: list[tuple[str, Evidence]] = []
    lines = _Lines(text, first_line)
    for m in _CSS_URL.finditer(text):
        url = m.group(1) or m.group(2)
        service = service_of(url, signatures) if "//" in url else None
        if service:
            found.append((service, Evidence(where, lines.of(m.start()), url, local)))
    for m in _SCRIPT_URL.finditer(text):
        segment = re.split(r"[/?#]", m.group(2), maxsplit=2)[1] if m.group(2) else ""
        service = by_host(signatures.hosts, m.group(1).lower(), segment.lower())
        if service:
            found.append((service, Evidence(where, lines.of(m.start()), m.group(0), local)))
    for snippet, service in signatures.snippets:
        position = text.find(snippet)
        if position >= 0:
            found.append((service, Evidence(where, lines.of(position), snippet, local)))
    return found


class _Page(HTMLParser):
    def __init__(self, base: str, where: str, local: bool, signatures: Signatures) -> None:
        super().__init__(convert_charrefs=True)
        self.base, self.where, self.local, self.signatures = base, where, local, signatures
        self.found: list[tuple[str, Evidence]] = []
        self.links: list[str] = []
        self.resources: list[Resource] = []
        self.scripts: list[str] = []  # every <script src>, for the fingerprints
        self.metas: list[tuple[str, str]] = []
        self.inline: list[str] = []
        self.bad = 0
        self._code: str | None = None
        self._code_line = 0
        self._code_parts: list[str] = []

    def _join(self, raw: str) -> str | None:
        """The absolute address of a link or source, None (and counted) when it is not a
        valid URL: one bad address must not end the reading of a page."""
        try:
            return urljoin(self.base, raw.strip(_URL_BLANKS))
        except ValueError:
            self.bad += 1
            return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "a" and values.get("href"):
            link = self._join(values["href"])
            if link is not None:
                self.links.append(link)
        if tag in ("script", "style") and not values.get("src"):
            self._code, self._code_line, self._code_parts = tag, line, []
        if tag == "meta" and "content" in values:
            name = values.get("name") or values.get("property") or values.get("http-equiv")
            if name and len(self.metas) < MAX_METAS:
                self.metas.append((name.lower(), values["content"]))
        if tag == "script" and values.get("src") and len(self.scripts) < MAX_SCRIPTS:
            src = self._join(values["src"].split()[0] if values["src"].strip() else "")
            if src:
                self.scripts.append(src)
        if tag == "link" and not (_LINK_RELS & set(values.get("rel", "").lower().split())):
            return
        for name in _LOADED.get(tag, ()):
            # srcset is split on its commas by str.split: `re.split(r"\s*,\s*")` was quadratic
            # on a long run of blanks (each start tried every split of the run).
            value = values.get(name, "")
            for raw in value.split(",") if name == "srcset" else [value]:
                raw = raw.split()[0] if raw.strip() else ""
                if not raw:
                    continue
                url = self._join(raw)
                if url is None:
                    continue
                service = service_of(url, self.signatures)
                if service:
                    self.found.append((service, Evidence(self.where, line, url, self.local)))
                elif tag == "script" and name == "src":
                    self.resources.append(Resource(url, "js"))
                elif tag == "link" and "stylesheet" in values.get("rel", "").lower():
                    self.resources.append(Resource(url, "css"))
        # One string per tag, searched once per snippet (a page may hold 50,000 tags).
        text = "\x00".join(values.values())
        for snippet, service in self.signatures.snippets:
            if snippet in text:
                self.found.append((service, Evidence(self.where, line, snippet, self.local)))

    def handle_data(self, data: str) -> None:
        if self._code is not None:
            self._code_parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._code == tag:
            code = "".join(self._code_parts)
            if tag == "script" and code.strip() and len(self.inline) < MAX_SCRIPTS:
                self.inline.append(code)
            self.found.extend(
                scan_code(code, self.where, self.local, self.signatures, self._code_line)
            )
            self._code = None


class PageScan(NamedTuple):
    """What one page showed: dependencies, same-site links to follow, resources to read."""

    found: list[tuple[str, Evidence]]
    links: list[str]
    resources: list[Resource]
    bad: int = 0  # addresses skipped, not valid URLs
    scripts: tuple[str, ...] = ()  # every script's address, absolute
    metas: tuple[tuple[str, str], ...] = ()  # meta tags: (name, content)
    inline: tuple[str, ...] = ()  # inline scripts' code


def scan_html(text: str, base: str, where: str, local: bool, signatures: Signatures) -> PageScan:
    """Read one HTML page, however malformed (the parser never gives up)."""
    page = _Page(base, where, local, signatures)
    page.feed(text)
    # What feed() leaves is an unterminated tag, comment or declaration running to the end
    # of the page. close() would read it again from each of its "<" in turn, quadratic
    # before Python 3.13.5 and 3.12.11 (100 KB of "<a\n": 100 s). HTML5 ignores it (a tag
    # cut by the end is dropped, a comment ends there), as those Pythons now do: so do we.
    # A <script> or <style> cut by the end (the 2 MiB bound may do it) is still code, which
    # close() would drop: read it.
    if page.cdata_elem is not None:
        page.handle_data(page.rawdata)
        page.handle_endtag(page.cdata_elem)
        page.rawdata = ""
    elif page.rawdata.startswith("<"):
        page.rawdata = ""
    page.close()
    return PageScan(
        page.found,
        page.links,
        page.resources,
        page.bad,
        tuple(page.scripts),
        tuple(page.metas),
        tuple(page.inline),
    )
