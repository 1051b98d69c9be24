"""Immutable records for the catalog and for scan results.

They are NamedTuples rather than frozen dataclasses: building a frozen dataclass costs about a
millisecond at import (its methods are generated and compiled), twenty of them a full
interpreter start-up on every run; a NamedTuple costs a fifth of that and is just as immutable.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import NamedTuple


class Text(NamedTuple):
    """A user-facing text in English and French."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        """The text in `lang`, English when that language is missing."""
        return self.fr if lang == "fr" else self.en


class Vendor(NamedTuple):
    """A company selling proprietary services; `parent` is the vendor id of its owner."""

    id: str
    name: str
    parent: str | None = None
    country: str | None = None
    gafam: bool = False


class Category(NamedTuple):
    """A category of services and alternatives."""

    id: str
    label: Text
    criticality: str = "medium"


class Tag(NamedTuple):
    """A tag from the controlled vocabulary, on one axis (kind, hosting or privacy)."""

    id: str
    label: Text
    axis: str


class AlternativeRef(NamedTuple):
    """A service's pointer to one libre alternative, with the migration effort and note."""

    id: str
    effort: str
    note: Text | None = None


class HostedOffer(NamedTuple):
    """An organisation that runs a libre alternative for you."""

    provider: str
    url: str
    country: str
    chatons: bool = False


class Service(NamedTuple):
    """A proprietary service people move away from."""

    id: str
    name: str
    vendor: str
    category: str
    description: Text
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    alternatives: tuple[AlternativeRef, ...] = ()
    members: tuple[str, ...] = ()
    discontinued: dt.date | None = None
    successor: str | None = None
    reviewed: dt.date | None = None


class Alternative(NamedTuple):
    """A libre piece of software people move to."""

    id: str
    name: str
    license: str
    homepage: str
    source: str
    description: Text
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    hosted_offers: tuple[HostedOffer, ...] = ()
    reviewed: dt.date | None = None


class WebSignature(NamedTuple):
    """How a website shows it depends on a service: hosts it loads from, snippets of code."""

    id: str
    hosts: tuple[str, ...] = ()
    snippets: tuple[str, ...] = ()


class Catalog(NamedTuple):
    """The whole catalog, indexed by id."""

    vendors: dict[str, Vendor]
    categories: dict[str, Category]
    tags: dict[str, Tag]
    services: dict[str, Service]
    alternatives: dict[str, Alternative]
    # Shared, never mutated: a catalog is built once and only read.
    signatures: dict[str, WebSignature] = {}  # noqa: RUF012

    def owner(self, vendor_id: str) -> Vendor:
        """The ultimate parent of a vendor (the vendor itself when it has no parent)."""
        vendor = self.vendors[vendor_id]
        seen = {vendor.id}
        while vendor.parent is not None and vendor.parent in self.vendors:
            vendor = self.vendors[vendor.parent]
            if vendor.id in seen:  # validation rejects loops; never spin on a bad catalog
                break
            seen.add(vendor.id)
        return vendor

    def is_gafam(self, service: Service) -> bool:
        """Whether the service's vendor is owned, at the end of its chain, by one of the GAFAM."""
        return self.owner(service.vendor).gafam


class Status(str, Enum):
    """What a line of the tool list was recognised as."""

    PROPRIETARY = "proprietary"
    LIBRE = "libre"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


class Entry(NamedTuple):
    """One tool named in the user's list, with the line it came from."""

    line: int
    text: str


class Candidate(NamedTuple):
    """A catalog entry the matcher considered for a line, with its score (0-100)."""

    id: str
    name: str
    score: float


class Match(NamedTuple):
    """The matcher's verdict for one entry."""

    entry: Entry
    status: Status
    id: str | None = None
    score: float = 0.0
    via: str = ""
    candidates: tuple[Candidate, ...] = ()


class Recommendation(NamedTuple):
    """A libre alternative recommended for one recognised service."""

    id: str
    name: str
    license: str
    homepage: str
    effort: str
    tags: tuple[str, ...]
    note: Text | None = None
    hosted_offers: tuple[HostedOffer, ...] = ()


class Recognised(NamedTuple):
    """What a line was recognised as, with the facts the report shows about it."""

    id: str
    name: str
    category: str
    score: float
    vendor: str | None = None
    owner: str | None = None
    gafam: bool = False
    discontinued: dt.date | None = None
    successor: str | None = None
    former: str | None = None


class Result(NamedTuple):
    """One line of the tool list, its verdict and the recommended alternatives."""

    entry: Entry
    status: Status
    match: Recognised | None
    candidates: tuple[Candidate, ...]
    alternatives: tuple[Recommendation, ...]


class Summary(NamedTuple):
    """Counts over the whole list."""

    entries: int
    proprietary: int
    gafam: int
    libre: int
    ambiguous: int
    unknown: int


class Report(NamedTuple):
    """Everything a format needs to render a scan."""

    results: tuple[Result, ...]
    summary: Summary
    catalog_services: int
    catalog_alternatives: int


class Preferences(NamedTuple):
    """How the user wants alternatives ranked and filtered (tags, or eu, chatons)."""

    prefer: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_alternatives: int | None = None


class ToolItem(NamedTuple):
    """One distinct tool of the list, with every line that named it."""

    match: Recognised
    status: Status
    entries: tuple[Entry, ...]
    alternatives: tuple[Recommendation, ...]
    criticality: str


class ClientReport(NamedTuple):
    """The consultant's deliverable: everything the Markdown and HTML reports show."""

    report: Report
    client: str
    date: dt.date
    lang: str
    version: str
    reviewed: dt.date | None
    distinct: int
    gafam_by_owner: tuple[tuple[str, int], ...]
    libre: tuple[ToolItem, ...]
    score: int
    band: str
    groups: tuple[tuple[Category, tuple[ToolItem, ...]], ...]
    phases: tuple[tuple[str, tuple[ToolItem, ...]], ...]
    without_alternative: tuple[ToolItem, ...]
    ambiguous: tuple[Result, ...]
    unknown: tuple[Result, ...]
    successors: dict[str, str]
