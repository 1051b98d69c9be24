"""Immutable records for the catalog and for scan results.

They are NamedTuples rather than frozen dataclasses: building a frozen dataclass costs about a
millisecond at import (its methods are generated and compiled), twenty of them a full
interpreter start-up on every run; a NamedTuple costs a fifth of that and is just as immutable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from typing import Any, NamedTuple, TypeVar, overload

T = TypeVar("T")


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
    # Where the owner (after acquisitions) and the country were read.
    sources: tuple[str, ...] = ()
    # Other names people type for the company alone: a former or short name ("OVH").
    aliases: tuple[str, ...] = ()


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
    """A service's pointer to one libre alternative, with the migration effort and note, and
    the complementary pieces it needs (a mailbox is read with a mail client)."""

    id: str
    effort: str
    note: Text | None = None
    pieces: tuple[str, ...] = ()


class HostedOffer(NamedTuple):
    """One provider's offer of a libre alternative, as the alternative shows it (derived from
    the providers section)."""

    provider: str
    url: str
    country: str
    chatons: bool = False
    provider_id: str = ""
    serves: tuple[str, ...] = ()  # whom the provider serves (empty: anyone)


class Offer(NamedTuple):
    """What a provider hosts: an alternative, and the page of the offer."""

    alternative: str
    url: str


class Provider(NamedTuple):
    """Who runs libre software for a client: a CHATONS member, a host, a mailbox provider."""

    id: str
    name: str
    country: str
    url: str
    offers: tuple[Offer, ...]
    chatons: bool = False
    serves: tuple[str, ...] = ()
    pricing: str | None = None
    note: Text | None = None
    sources: tuple[str, ...] = ()
    reviewed: dt.date | None = None


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
    keep: Text | None = None
    advice: Text | None = None
    sources: tuple[str, ...] = ()


class Alternative(NamedTuple):
    """A libre piece of software (or an open standard) people move to."""

    id: str
    name: str
    license: str  # "" for an open standard (kind protocol), which has `standard` instead
    homepage: str
    source: str
    description: Text
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    hosted_offers: tuple[HostedOffer, ...] = ()
    reviewed: dt.date | None = None
    kind: str = "server"
    standard: str | None = None
    sources: tuple[str, ...] = ()
    archived: dt.date | None = None  # no longer maintained since


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
    providers: dict[str, Provider] = {}  # noqa: RUF012

    def suites_of(self, service_id: str) -> tuple[str, ...]:
        """The suites (services with members) that bundle this service."""
        return tuple(s.id for s in self.services.values() if service_id in s.members)

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
    kind: str = "server"
    # The complementary pieces, as (id, name, kind): a mailbox's mail client.
    pieces: tuple[tuple[str, str, str], ...] = ()


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
    keep: Text | None = None  # replacing it is not the client's choice, and why
    advice: Text | None = None  # no libre replacement: how to depend on it less
    suites: tuple[str, ...] = ()  # the names of the suites that bundle it
    country: str | None = None  # the owner's country


class Result(NamedTuple):
    """One line of the tool list, its verdict and the recommended alternatives."""

    entry: Entry
    status: Status
    match: Recognised | None
    candidates: tuple[Candidate, ...]
    alternatives: tuple[Recommendation, ...]
    # The preferences that removed every alternative the catalog has (empty otherwise), so
    # the report never says "no libre replacement" when a filter is the cause.
    removed_by: tuple[str, ...] = ()


class Summary(NamedTuple):
    """Counts over the whole list."""

    entries: int
    proprietary: int
    gafam: int
    libre: int
    ambiguous: int
    unknown: int


class PerLine(Sequence[T]):
    """Something for every line of a list, kept once per distinct line: `items[k]` holds the
    values of distinct line k (several when a line names several tools), `which` says which
    distinct line each line is, `lines` its line number. A 500,000-line inventory naming 600
    tools holds 600 verdicts and 12 bytes a line. Values are NamedTuples whose first field is
    an Entry; each is given its own line number as it is read."""

    __slots__ = ("_items", "_lines", "_size", "_which")

    def __init__(
        self, items: Sequence[tuple[T, ...]], lines: Sequence[int], which: Sequence[int]
    ) -> None:
        self._items, self._lines, self._which = items, lines, which
        self._size = sum(len(items[k]) for k in which) if items else 0

    def __iter__(self) -> Iterator[T]:
        items = self._items
        for line, k in zip(self._lines, self._which, strict=True):
            for value in items[k]:
                yield _at_line(value, line)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        # Walks the lines from the start: `[:5]` and `[0]` stop early; formats iterate.
        from itertools import islice

        if isinstance(index, int) and index >= 0:
            for value in islice(self, index, None):
                return value
            raise IndexError(index)
        if isinstance(index, slice) and index.step in (None, 1):
            start, stop = index.start or 0, index.stop
            if start >= 0 and (stop is None or stop >= 0):
                return list(islice(self, start, stop))
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PerLine({list(self)!r})"

    def parts(self) -> tuple[Sequence[tuple[T, ...]], Sequence[int], Sequence[int]]:
        """The values of each distinct line, each line's number, and its distinct line."""
        return self._items, self._lines, self._which

    def group(self, key: Callable[[T], str | None]) -> dict[str, PerLine[T]]:
        """The values by `key` (None: left out), each group kept the same way, in one pass
        over the lines: the lines that named each tool, say."""
        from array import array

        keyed: list[dict[str, tuple[T, ...]]] = []
        for values in self._items:
            found: dict[str, tuple[T, ...]] = {}
            for value in values:
                name = key(value)
                if name is not None:
                    found[name] = (*found.get(name, ()), value)
            keyed.append(found)
        groups: dict[str, tuple[list[tuple[T, ...]], dict[int, int], Any, Any]] = {}
        for line, k in zip(self._lines, self._which, strict=True):
            for name, values in keyed[k].items():
                items, local, lines, which = groups.setdefault(
                    name, ([], {}, array("q"), array("l"))
                )
                if k not in local:
                    local[k] = len(items)
                    items.append(values)
                lines.append(line)
                which.append(local[k])
        return {name: PerLine(g[0], g[2], g[3]) for name, g in groups.items()}

    def select(self, keep: Callable[[T], bool]) -> PerLine[T]:
        """Only the values `keep` accepts (a line with none left is left out)."""
        return self.group(lambda value: "" if keep(value) else None).get("", PerLine([], [], []))

    def entries(self) -> PerLine[Entry]:
        """The entries of the values (each a record whose first field is an Entry)."""
        items = [tuple(value[0] for value in values) for values in self._items]  # type: ignore[index]
        return PerLine(items, self._lines, self._which)


def _at_line(value: Any, line: int) -> Any:
    """`value` as seen on `line`: an Entry, or a record whose first field is an Entry."""
    if isinstance(value, Entry):
        return value if value.line == line else Entry(line, value.text)
    entry = value[0]
    if entry.line == line:
        return value
    return value._replace(**{value._fields[0]: Entry(line, entry.text)})


class Report(NamedTuple):
    """Everything a format needs to render a scan."""

    results: Sequence[Result]
    summary: Summary
    catalog_services: int
    catalog_alternatives: int
    # Seats and annual cost by line, where the list gave them (a table's columns).
    figures: dict[int, tuple[int | None, float | None]] = {}  # noqa: RUF012 - never mutated


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
    entries: Sequence[Entry]
    alternatives: tuple[Recommendation, ...]
    criticality: str
    removed_by: tuple[str, ...] = ()  # the preferences that removed every alternative
    seats: int | None = None  # the seats its lines give, added up, when the list says
    annual_cost: float | None = None  # its annual cost, added up, when the list says


class Profile(NamedTuple):
    """The organisation as the advice sees it."""

    kind: str  # one of PROFILES
    servers: str  # can it run servers: no, with-help (with its provider), yes
    hosting: str  # hosting preference: chatons, eu, any
    budget: str  # budget sensitivity: high, medium, low
    headcount: int | None = None
    adopted: tuple[str, ...] = ()  # libre tools already in use, as the file names them
    name: str = ""  # the organisation's name (the report's client when --client is not given)

    @property
    def self_hosts(self) -> bool:
        """Whether targets may be servers the organisation runs itself."""
        return self.servers == "yes"


class Reason(NamedTuple):
    """Why a target was chosen: a word of the report's vocabulary and its values."""

    # in_use, chosen_elsewhere, covers, partial, host, self_host, no_server, client_app, needs_host
    key: str
    values: tuple[tuple[str, str], ...] = ()


class Target(NamedTuple):
    """One function of the client's and the libre target recommended for it."""

    function: str  # a category id
    label: Text  # the function's name
    replaces: tuple[str, ...]  # the client's proprietary tools it replaces (names)
    choice: Recommendation  # the target, with its pieces and every host of it
    host: HostedOffer | None  # the host named for the client, when it should not self-host
    reasons: tuple[Reason, ...]
    others: tuple[str, ...]  # the other options, by name
    feasible: bool = True  # False: the profile cannot run it and no provider hosts it


class Project(NamedTuple):
    """One migration project of the roadmap."""

    name: str  # a suite's name, or the function's label (in English; `label` for both)
    label: Text
    phase: str  # one of PHASES
    tools: tuple[str, ...]  # the client's tools it replaces
    targets: tuple[Target, ...]  # the functions it covers, with their targets and hosts
    effort: str  # the highest effort among its steps
    days: tuple[float, float]  # person-days, low and high
    seats: int | None  # the people concerned, when known
    training_sessions: int
    training_hours: int  # per session
    checklist: tuple[tuple[str, Text], ...]  # (tool, export step) from the migration notes
    suite: str | None = None  # the suite the project moves away from, when it is one


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
    without_alternative: tuple[ToolItem, ...]  # nothing in the catalog, no keep, no advice
    ambiguous: Sequence[Result]
    unknown: Sequence[Result]
    successors: dict[str, str]
    kept: tuple[ToolItem, ...] = ()  # replacing them is not the client's choice
    advised: tuple[ToolItem, ...] = ()  # no libre replacement: advice to depend on them less
    filtered: tuple[ToolItem, ...] = ()  # every alternative removed by the preferences
    profile: Profile | None = None
    target_stack: tuple[Target, ...] = ()
    roadmap: tuple[Project, ...] = ()
    # Jurisdiction of the proprietary tools: (tools, owners outside the EU, owners in the US).
    jurisdiction: tuple[int, int, int] = (0, 0, 0)
    # What the list says the proprietary tools cost today: (seats, annual cost), when known.
    spend: tuple[int | None, float | None] = (None, None)
    # The table column the tools were read from: (name, 1-based number, why: content, header
    # or given, cells recognised, cells sampled); None for a plain list.
    column: tuple[str, int, str, int, int] | None = None
