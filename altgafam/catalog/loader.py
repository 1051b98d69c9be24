"""Find, safely load, validate and index the catalog (the shipped one, or folders given)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from altgafam import normalize
from altgafam.catalog import cache, licenses, schema, yamlsrc
from altgafam.errors import CatalogError, Problem
from altgafam.models import (
    Alternative,
    AlternativeRef,
    Catalog,
    Category,
    HostedOffer,
    Offer,
    Provider,
    Service,
    Tag,
    Text,
    Vendor,
    WebSignature,
)

STALE_AFTER = dt.timedelta(days=365)
# The most a catalog may hold, base and overlays together (each file is also at most
# yamlsrc.MAX_BYTES). The shipped catalog holds about 900 entries in 0.6 MiB. Measured cold,
# without the cache: 20,000 entries (6 MiB) validate in 8.5 s and 133 MB; 8 MiB of one long
# alias list each file, in 7.3 s and 230 MB; a 100,000-entry overlay, which took 53 s and
# 500 MB, is refused in 7 s and 130 MB (docs/catalog-format.md, "Limits").
MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 8 * 1024 * 1024
# (key path -> (line, column)), as altgafam.catalog.yamlsrc records them.
Positions = dict[tuple[str | int, ...], tuple[int, int]]


@dataclass
class _Item:
    """One entry of a section, where it came from, and how to locate its keys."""

    section: str
    data: dict[str, Any]
    file: str
    index: int
    positions: Mapping[tuple[str | int, ...], tuple[int, int]]
    layer: int = 0
    # The file it was read from, whose shape checks are kept between runs.
    source: Path | None = None


@dataclass
class Validation:
    """Everything one validation run found: the catalog when usable, and every problem."""

    catalog: Catalog | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def load(folders: Iterable[Path] | None = None, overlays: Iterable[Path] = ()) -> Catalog:
    """Load and validate the catalog; raise CatalogError listing every error."""
    result = validate(folders, overlays=overlays)
    if result.catalog is None or result.errors:
        raise CatalogError(result.errors)
    return result.catalog


def validate(
    folders: Iterable[Path] | None = None,
    today: dt.date | None = None,
    overlays: Iterable[Path] = (),
) -> Validation:
    """Read every file, check every rule, and collect every problem (errors and warnings).

    `folders` form the base catalog (the shipped one by default); each of `overlays` is a
    layer on top: it adds entries, and patches entries that a lower layer defines."""
    folder_list, layers = cache.distinct_layers(
        folders if folders is not None else [cache.builtin_dir()], overlays
    )
    problems: list[Problem] = []
    items = _read_all(folder_list, layers, problems)
    catalog = None
    if items is not None:
        checker = _Checker(items, problems, today or dt.date.today())
        checker.run()
        licenses.save_verdicts()
        cache.prune_parsed()
        if not any(p.severity == "error" for p in problems):
            catalog = _build(_apply(checker.entries, checker.patches))
    problems.sort(key=lambda p: (p.file, p.line, p.column, p.path))
    return Validation(catalog, [_printable(p) for p in problems])


def _read_all(
    folders: list[Path], layers: list[Path], problems: list[Problem]
) -> list[_Item] | None:
    """Every entry of the base folders, then of each overlay (its layer number set); None
    when the catalog goes past MAX_ENTRIES or MAX_TOTAL_BYTES. Reading stops at the file
    that goes past, so that a huge overlay costs at most one file's parse (MAX_BYTES) on top
    of what the limits allow; the rules across entries are then not checked."""
    items: list[_Item] = []
    total = 0
    for layer, group in [(0, folders), *((n, [f]) for n, f in enumerate(layers, start=1))]:
        for path, display in cache.catalog_files(group):
            with contextlib.suppress(OSError):  # reading it says why
                total += path.stat().st_size
            if total > MAX_TOTAL_BYTES:
                problems.append(Problem(display, 1, 1, "", _past(_size(MAX_TOTAL_BYTES))))
                return None
            found = _read_file(path, display, problems)
            if len(items) + len(found) > MAX_ENTRIES:
                problems.append(Problem(display, 1, 1, "", _past(f"{MAX_ENTRIES:,} entries")))
                return None
            for item in found:
                item.layer = layer
            items.extend(found)
        if layer == 0 and not items and not problems:
            names = ", ".join(str(f) for f in folders)
            problems.append(Problem(names, 0, 0, "", "no catalog YAML files found"))
    return items


def _size(count: int) -> str:
    return f"{count >> 20} MiB" if count % (1 << 20) == 0 else f"{count:,} bytes"


def _past(limit: str) -> str:
    return (
        f"with this file the catalog goes past {limit}, the most it may hold "
        "(see 'Limits' in docs/catalog-format.md)"
    )


def _printable(problem: Problem) -> Problem:
    """The problem as it may be shown: a message quoting a value, a key path naming a key or
    a file name may carry terminal escapes or direction overrides from a hostile overlay."""
    return problem._replace(
        file=normalize.sanitize(problem.file),
        path=normalize.sanitize(problem.path),
        message=normalize.sanitize(problem.message),
    )


def _read_file(path: Path, display: str, problems: list[Problem]) -> list[_Item]:
    parsed = cache.parsed(path)
    if parsed is not None:
        data, text = parsed
        positions: Mapping[tuple[str | int, ...], tuple[int, int]] = yamlsrc.LazyPositions(text)
    else:
        try:
            data, positions = yamlsrc.load(path, display, problems)
        except yamlsrc.YamlProblem as exc:
            problems.append(exc.problem)
            return []
        if isinstance(positions, yamlsrc.LazyPositions):
            # Parsed in one go: keep it, so that editing one file re-parses that file only.
            cache.keep_parsed(path, data, positions.text)
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.append(
            Problem(display, 1, 1, "", "expected a mapping of sections at the top level")
        )
        return []
    items: list[_Item] = []
    for section, entries in data.items():
        if section not in schema.SECTIONS:
            hint = schema.closest(str(section), set(schema.SECTIONS))
            where = positions.get((section, "@key"), (1, 1))
            problems.append(Problem(display, *where, str(section), f"unknown section{hint}"))
            continue
        if entries is None:
            continue
        if not isinstance(entries, list):
            where = positions.get((section, "@key"), (1, 1))
            problems.append(Problem(display, *where, section, "expected a list of entries"))
            continue
        items.extend(
            _Item(section, e, display, i, positions, source=path) for i, e in enumerate(entries)
        )
    return items


class _Checker:
    """Shape checks per entry, then the rules across entries and files."""

    def __init__(self, items: list[_Item], problems: list[Problem], today: dt.date) -> None:
        self.items = items
        self.problems = problems
        self.today = today
        self.entries: list[_Item] = []
        self.patches: list[_Item] = []

    def report(
        self, item: _Item, path: tuple[str | int, ...], message: str, sev: str = "error"
    ) -> None:
        full = (item.section, item.index, *path)
        probe = full
        while probe not in item.positions and len(probe) > 2:
            probe = probe[:-1]
        line, col = item.positions.get(probe, (1, 1))
        self.problems.append(Problem(item.file, line, col, yamlsrc.dotted(full), message, sev))

    def run(self) -> None:
        self.entries, self.patches = self._layers()
        shaped: list[tuple[_Item, schema.ShapeChecker]] = []
        patches = {id(item) for item in self.patches}
        # A file that has not changed since the last run, checked by the same code, has the
        # same shape problems: they are kept per file, so that saving one file checks that
        # file's entries again, not the whole catalog's.
        code = f"{cache.code_stamp()}\n{licenses.stamp()}"
        kept: dict[Path, dict[Any, Any] | None] = {}
        fresh: dict[Path, dict[Any, Any]] = {}
        for item in self.entries + self.patches:
            patch = id(item) in patches
            key = (item.section, item.index, patch)
            if item.source is not None and item.source not in kept:
                kept[item.source] = cache.shapes(item.source, code)
            known = kept.get(item.source) if item.source is not None else None
            spec = (schema.PATCHES if patch else schema.SECTIONS)[item.section]
            checker = schema.ShapeChecker(functools.partial(self.report, item), licenses.check)
            if known is not None and key in known:
                ok, refs, reports = known[key]
                for path, message in reports:
                    self.report(item, path, message)
                checker.refs = list(refs)
            else:
                reports = []

                def report(
                    path: tuple[str | int, ...],
                    message: str,
                    item: _Item = item,
                    reports: list[tuple[tuple[str | int, ...], str]] = reports,
                ) -> None:
                    reports.append((path, message))
                    self.report(item, path, message)

                checker.report = report
                if patch:
                    allowed = ", ".join(k for k in spec if k != "id")
                    checker.unknown_note = (
                        f": '{item.data.get('id')}' is defined below this overlay, which may "
                        f"only add or change {allowed}"
                    )
                ok = checker.record(item.data, spec, ())
                if item.source is not None:
                    # Kept with the file's other entries (a layer below may have changed
                    # which of them are patches).
                    results = fresh.setdefault(item.source, dict(known or {}))
                    results[key] = (ok, tuple(checker.refs), reports)
            if ok:
                shaped.append((item, checker))
        for source, results in fresh.items():
            cache.keep_shapes(source, code, results)
        self.patches = [item for item, _ in shaped if id(item) in patches]
        ids = self._ids([item for item, _ in shaped if id(item) not in patches])
        for item, checker in shaped:
            for path, section, target in checker.refs:
                if target not in ids[section]:
                    hint = schema.closest(target, set(ids[section]))
                    kind = section[:-1] if section != "categories" else "category"
                    self.report(item, path, f"unknown {kind} '{target}'{hint}")
        self._vendors(ids["vendors"])
        self._names([item for item, _ in shaped if item.section in ("services", "alternatives")])
        self._services(ids)
        self._rankings()

    def _layers(self) -> tuple[list[_Item], list[_Item]]:
        """Split the items into entries and patches: an overlay item whose id a lower layer
        already defines patches that entry; vendors, categories and tags cannot be patched."""
        entries: list[_Item] = []
        patches: list[_Item] = []
        defined: dict[tuple[str, str], _Item] = {}
        for item in self.items:
            ident = item.data.get("id") if isinstance(item.data, dict) else None
            key = (item.section, ident if isinstance(ident, str) else "")
            lower = defined.get(key)
            if item.layer > 0 and lower is not None and lower.layer < item.layer:
                if item.section in schema.PATCHES:
                    patches.append(item)
                else:
                    kind = item.section[:-1] if item.section != "categories" else "category"
                    self.report(
                        item,
                        ("id",),
                        f"the {kind} '{ident}' is already defined at {_at(lower)}; "
                        "an overlay can add one, not redefine it",
                    )
                continue
            entries.append(item)
            if isinstance(ident, str):
                defined.setdefault(key, item)
        return entries, patches

    def _rankings(self) -> None:
        """Two overlays ranking the same service's alternatives: a conflict to settle."""
        ranked: dict[str, _Item] = {}
        for item in self.patches:
            if item.section == "services" and "alternatives" in item.data:
                first = ranked.get(item.data["id"])
                if first is not None and first.file != item.file:
                    self.report(
                        item,
                        ("alternatives",),
                        f"the ranking of '{item.data['id']}' is also changed by {_at(first)}",
                    )
                ranked.setdefault(item.data["id"], item)

    def _ids(self, items: list[_Item]) -> dict[str, dict[str, _Item]]:
        ids: dict[str, dict[str, _Item]] = {name: {} for name in schema.SECTIONS}
        entries: dict[str, _Item] = {}
        for item in items:
            ident = item.data.get("id")
            if not isinstance(ident, str):
                continue
            first = ids[item.section].get(ident)
            if first is not None:
                self.report(
                    item, ("id",), f"duplicate id '{ident}' (first defined at {_at(first)})"
                )
                continue
            if item.section in ("services", "alternatives"):
                other = entries.get(ident)
                if other is not None:
                    self.report(item, ("id",), f"id '{ident}' is also used by {_at(other)}")
                entries.setdefault(ident, item)
            ids[item.section][ident] = item
        return ids

    def _vendors(self, vendors: dict[str, _Item]) -> None:
        for ident, item in vendors.items():
            if item.data.get("gafam") and item.data.get("parent"):
                self.report(item, ("gafam",), "only a vendor without a parent may set gafam: true")
            seen = {ident}
            parent = item.data.get("parent")
            while isinstance(parent, str) and parent in vendors:
                if parent in seen:
                    self.report(item, ("parent",), f"ownership loops back to '{parent}'")
                    break
                seen.add(parent)
                parent = vendors[parent].data.get("parent")

    def _names(self, items: list[_Item]) -> None:
        claimed: dict[str, tuple[_Item, str]] = {}
        for item in items:
            for key_name in ("name", "aliases", "former_names", "domains"):
                values = item.data.get(key_name)
                listed = values if isinstance(values, list) else [values]
                for index, value in enumerate(listed):
                    if not isinstance(value, str) or not value.strip():
                        continue
                    key = value if key_name == "domains" else normalize.key(value)
                    path: tuple[str | int, ...] = (
                        (key_name,) if key_name == "name" else (key_name, index)
                    )
                    if not key:
                        self.report(item, path, f"'{value}' has no letters or digits to match on")
                        continue
                    slot = ("d:" if key_name == "domains" else "n:") + key
                    owner = claimed.get(slot)
                    if owner is None:
                        claimed[slot] = (item, value)
                    elif owner[0] is not item and owner[0].data.get("id") != item.data.get("id"):
                        self.report(
                            item,
                            path,
                            f"'{value}' is already claimed by "
                            f"'{owner[0].data.get('id')}' ({_at(owner[0])})",
                        )

    def _services(self, ids: dict[str, dict[str, _Item]]) -> None:
        for item in [*ids["services"].values(), *ids["alternatives"].values()]:
            reviewed = item.data.get("reviewed")
            if (
                isinstance(reviewed, dt.date)
                and not isinstance(reviewed, dt.datetime)  # reported by the shape check
                and self.today - reviewed > STALE_AFTER
            ):
                self.report(
                    item,
                    ("reviewed",),
                    f"facts last reviewed on {reviewed}, over a year ago",
                    "warning",
                )
        for item in ids["alternatives"].values():
            self._alternative(item)
        offered = {
            offer.get("alternative")
            for item in ids["providers"].values()
            for offer in item.data.get("offers") or []
            if isinstance(offer, dict)
        }
        for item in ids["alternatives"].values():
            tags = item.data.get("tags") or []
            if isinstance(tags, list) and "hosted-offer" in tags:
                where = ("tags", tags.index("hosted-offer"))
                if item.data.get("id") not in offered:
                    self.report(
                        item,
                        where,
                        "'hosted-offer' is derived from the providers: no provider offers it; "
                        "add the provider (providers: ... offers:) and remove the tag",
                    )
                else:
                    self.report(
                        item, where, "'hosted-offer' is derived from the providers: remove it"
                    )
        for item in ids["services"].values():
            refs = item.data.get("alternatives") or []
            seen: set[str] = set()
            for index, ref in enumerate(refs if isinstance(refs, list) else []):
                ident = ref.get("id") if isinstance(ref, dict) else None
                if isinstance(ident, str) and ident in seen:
                    self.report(
                        item,
                        ("alternatives", index, "id"),
                        f"alternative '{ident}' is listed twice",
                    )
                seen.add(str(ident))
                target = ids["alternatives"].get(str(ident))
                if target is not None and target.data.get("archived"):
                    self.report(
                        item,
                        ("alternatives", index, "id"),
                        f"'{ident}' is archived since {target.data['archived']}: "
                        "rank a maintained alternative instead",
                    )
            if item.data.get("successor") == item.data.get("id"):
                self.report(item, ("successor",), "a service cannot be its own successor")
            if item.data.get("successor") and not item.data.get("discontinued"):
                self.report(item, ("successor",), "a successor needs a 'discontinued' date")
            if (
                not refs
                and not item.data.get("members")
                and not item.data.get("keep")
                and not item.data.get("advice")
                and not item.data.get("successor")
            ):
                self.report(
                    item,
                    ("id",),
                    "no alternative: add one, or say why it stays (keep:) or how to depend on "
                    "it less (advice:)",
                    "warning",
                )
        for item in ids["providers"].values():
            seen = set()
            for index, offer in enumerate(item.data.get("offers") or []):
                ident = offer.get("alternative") if isinstance(offer, dict) else None
                if isinstance(ident, str) and ident in seen:
                    self.report(
                        item, ("offers", index, "alternative"), f"'{ident}' is offered twice"
                    )
                seen.add(str(ident))

    def _alternative(self, item: _Item) -> None:
        """An open standard (kind: protocol) has a `standard` and no license; software has a
        license and its source."""
        data = item.data
        if data.get("kind") == "protocol":
            if not data.get("standard"):
                self.report(item, ("kind",), "an open standard (kind: protocol) needs 'standard'")
            return
        for key in ("license", "source"):
            if not data.get(key):
                self.report(
                    item, (), f"missing required key '{key}' (only kind: protocol may omit it)"
                )
        if data.get("standard"):
            self.report(
                item, ("standard",), "only an open standard (kind: protocol) has 'standard'"
            )


def _apply(entries: list[_Item], patches: list[_Item]) -> list[_Item]:
    """The entries with every overlay patch applied, in layer order: aliases, domains and a
    provider's offers are added; a new ranking replaces the old; hidden alternatives go."""
    if not patches:
        # Nothing to apply (the shipped catalog alone): the entries as read, uncopied.
        return entries
    by_key = {(item.section, item.data["id"]): item for item in entries}
    out = {key: dict(item.data) for key, item in by_key.items()}
    hidden: set[str] = set()
    for patch in sorted(patches, key=lambda p: p.layer):
        data = out[(patch.section, patch.data["id"])]
        for name in ("aliases", "domains", "offers"):
            if patch.data.get(name):
                data[name] = [*(data.get(name) or []), *patch.data[name]]
        if patch.data.get("alternatives") is not None:
            data["alternatives"] = list(patch.data["alternatives"])
        if patch.data.get("hide"):
            drop = set(patch.data["hide"])
            data["alternatives"] = [
                r for r in data.get("alternatives") or [] if r["id"] not in drop
            ]
        if patch.data.get("hidden"):
            hidden.add(patch.data["id"])
    if hidden:
        for (section, _), data in out.items():
            if section == "services" and data.get("alternatives"):
                data["alternatives"] = [r for r in data["alternatives"] if r["id"] not in hidden]
    return [
        _Item(
            item.section, out[key], item.file, item.index, item.positions, item.layer, item.source
        )
        for key, item in by_key.items()
    ]


def _at(item: _Item) -> str:
    line, _ = item.positions.get((item.section, item.index), (1, 1))
    return f"{item.file}:{line}"


def _text(value: dict[str, str]) -> Text:
    return Text(en=value["en"].strip(), fr=value["fr"].strip())


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in (value or ()))


def _build(items: list[_Item]) -> Catalog:
    vendors: dict[str, Vendor] = {}
    categories: dict[str, Category] = {}
    tags: dict[str, Tag] = {}
    services: dict[str, Service] = {}
    alternatives: dict[str, Alternative] = {}
    signatures: dict[str, WebSignature] = {}
    providers: dict[str, Provider] = {}
    for item in items:
        d = item.data
        if item.section == "signatures":
            signatures[d["id"]] = WebSignature(
                d["id"], _strings(d.get("hosts")), _strings(d.get("snippets"))
            )
        elif item.section == "vendors":
            vendors[d["id"]] = Vendor(
                d["id"],
                d["name"].strip(),
                d.get("parent"),
                d.get("country"),
                bool(d.get("gafam")),
                _strings(d.get("sources")),
                _strings(d.get("aliases")),
            )
        elif item.section == "categories":
            categories[d["id"]] = Category(
                d["id"], _text(d["label"]), d.get("criticality") or "medium"
            )
        elif item.section == "tags":
            tags[d["id"]] = Tag(d["id"], _text(d["label"]), d["axis"])
        elif item.section == "services":
            services[d["id"]] = Service(
                id=d["id"],
                name=d["name"].strip(),
                vendor=d["vendor"],
                category=d["category"],
                description=_text(d["description"]),
                aliases=_strings(d.get("aliases")),
                former_names=_strings(d.get("former_names")),
                domains=_strings(d.get("domains")),
                alternatives=tuple(
                    AlternativeRef(
                        r["id"],
                        r["effort"],
                        _text(r["note"]) if r.get("note") else None,
                        _strings(r.get("with")),
                    )
                    for r in d.get("alternatives") or ()
                ),
                members=_strings(d.get("members")),
                discontinued=d.get("discontinued"),
                successor=d.get("successor"),
                reviewed=d.get("reviewed"),
                keep=_text(d["keep"]) if d.get("keep") else None,
                advice=_text(d["advice"]) if d.get("advice") else None,
                sources=_strings(d.get("sources")),
            )
        elif item.section == "providers":
            providers[d["id"]] = Provider(
                id=d["id"],
                name=d["name"].strip(),
                country=d.get("country") or "",
                url=d["url"],
                offers=tuple(Offer(o["alternative"], o["url"]) for o in d.get("offers") or ()),
                chatons=bool(d.get("chatons")),
                serves=_strings(d.get("serves")),
                pricing=d.get("pricing"),
                note=_text(d["note"]) if d.get("note") else None,
                sources=_strings(d.get("sources")),
                reviewed=d.get("reviewed"),
            )
        else:
            alternatives[d["id"]] = Alternative(
                id=d["id"],
                name=d["name"].strip(),
                license=(d.get("license") or "").strip(),
                homepage=d["homepage"],
                source=d.get("source") or "",
                description=_text(d["description"]),
                categories=_strings(d.get("categories")),
                tags=_strings(d.get("tags")),
                aliases=_strings(d.get("aliases")),
                domains=_strings(d.get("domains")),
                reviewed=d.get("reviewed"),
                kind=d["kind"],
                standard=d.get("standard"),
                sources=_strings(d.get("sources")),
                archived=d.get("archived"),
            )
    # Each alternative shows who hosts it: the providers' offers, by provider name.
    offers: dict[str, list[HostedOffer]] = {}
    for provider in sorted(providers.values(), key=lambda p: p.name.casefold()):
        for offer in provider.offers:
            offers.setdefault(offer.alternative, []).append(
                HostedOffer(
                    provider.name,
                    offer.url,
                    provider.country,
                    provider.chatons,
                    provider.id,
                    provider.serves,
                )
            )
    for ident, hosted in offers.items():
        if ident in alternatives:
            alternatives[ident] = alternatives[ident]._replace(hosted_offers=tuple(hosted))
    return Catalog(vendors, categories, tags, services, alternatives, signatures, providers)
