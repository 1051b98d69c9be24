"""Find, safely load, validate and index the catalog (the shipped one, or folders given)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from altgafam import licenses, normalize, schema
from altgafam.errors import CatalogError, Problem
from altgafam.models import (
    Alternative,
    AlternativeRef,
    Catalog,
    Category,
    HostedOffer,
    Service,
    Tag,
    Text,
    Vendor,
)
from altgafam.store import builtin_dir, catalog_files

STALE_AFTER = dt.timedelta(days=365)
# (key path -> (line, column)), as altgafam.yamlsrc records them.
Positions = dict[tuple[str | int, ...], tuple[int, int]]


@dataclass
class _Item:
    """One entry of a section, where it came from, and how to locate its keys."""

    section: str
    data: dict[str, Any]
    file: str
    index: int
    positions: Mapping[tuple[str | int, ...], tuple[int, int]]


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


def load(folders: Iterable[Path] | None = None) -> Catalog:
    """Load and validate the catalog; raise CatalogError listing every error."""
    result = validate(folders)
    if result.catalog is None or result.errors:
        raise CatalogError(result.errors)
    return result.catalog


def validate(folders: Iterable[Path] | None = None, today: dt.date | None = None) -> Validation:
    """Read every file, check every rule, and collect every problem (errors and warnings)."""
    folder_list = list(folders) if folders is not None else [builtin_dir()]
    problems: list[Problem] = []
    items: list[_Item] = []
    for path, display in catalog_files(folder_list):
        items.extend(_read_file(path, display, problems))
    if not items and not problems:
        names = ", ".join(str(f) for f in folder_list)
        problems.append(Problem(names, 0, 0, "", "no catalog YAML files found"))
    checker = _Checker(items, problems, today or dt.date.today())
    checker.run()
    licenses.save_verdicts()
    catalog = _build(items) if not [p for p in problems if p.severity == "error"] else None
    problems.sort(key=lambda p: (p.file, p.line, p.column, p.path))
    return Validation(catalog, problems)


def _read_file(path: Path, display: str, problems: list[Problem]) -> list[_Item]:
    from altgafam import yamlsrc  # only when the cache misses: PyYAML costs start-up time

    try:
        data, positions = yamlsrc.load(path, display)
    except yamlsrc.YamlProblem as exc:
        problems.append(exc.problem)
        return []
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
        items.extend(_Item(section, e, display, i, positions) for i, e in enumerate(entries))
    return items


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        if part == "@key":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Checker:
    """Shape checks per entry, then the rules across entries and files."""

    def __init__(self, items: list[_Item], problems: list[Problem], today: dt.date) -> None:
        self.items = items
        self.problems = problems
        self.today = today

    def report(
        self, item: _Item, path: tuple[str | int, ...], message: str, sev: str = "error"
    ) -> None:
        full = (item.section, item.index, *path)
        probe = full
        while probe not in item.positions and len(probe) > 2:
            probe = probe[:-1]
        line, col = item.positions.get(probe, (1, 1))
        self.problems.append(Problem(item.file, line, col, _dotted(full), message, sev))

    def run(self) -> None:
        shaped: list[tuple[_Item, schema.ShapeChecker]] = []
        for item in self.items:
            checker = schema.ShapeChecker(functools.partial(self.report, item), licenses.check)
            if checker.record(item.data, schema.SECTIONS[item.section], ()):
                shaped.append((item, checker))
        ids = self._ids([item for item, _ in shaped])
        for item, checker in shaped:
            for path, section, target in checker.refs:
                if target not in ids[section]:
                    hint = schema.closest(target, set(ids[section]))
                    kind = section[:-1] if section != "categories" else "category"
                    self.report(item, path, f"unknown {kind} '{target}'{hint}")
        self._vendors(ids["vendors"])
        self._names([item for item, _ in shaped if item.section in ("services", "alternatives")])
        self._services(ids)

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
                    owner = claimed.get(("d:" if key_name == "domains" else "n:") + key)
                    if owner is None:
                        claimed[("d:" if key_name == "domains" else "n:") + key] = (item, value)
                    elif owner[0] is not item:
                        self.report(
                            item,
                            path,
                            f"'{value}' is already claimed by "
                            f"'{owner[0].data.get('id')}' ({_at(owner[0])})",
                        )

    def _services(self, ids: dict[str, dict[str, _Item]]) -> None:
        for item in [*ids["services"].values(), *ids["alternatives"].values()]:
            reviewed = item.data.get("reviewed")
            if isinstance(reviewed, dt.date) and self.today - reviewed > STALE_AFTER:
                self.report(
                    item,
                    ("reviewed",),
                    f"facts last reviewed on {reviewed}, over a year ago",
                    "warning",
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
            if item.data.get("successor") == item.data.get("id"):
                self.report(item, ("successor",), "a service cannot be its own successor")
            if item.data.get("successor") and not item.data.get("discontinued"):
                self.report(item, ("successor",), "a successor needs a 'discontinued' date")


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
    for item in items:
        d = item.data
        if item.section == "vendors":
            vendors[d["id"]] = Vendor(
                d["id"], d["name"].strip(), d.get("parent"), d.get("country"), bool(d.get("gafam"))
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
                        r["id"], r["effort"], _text(r["note"]) if r.get("note") else None
                    )
                    for r in d.get("alternatives") or ()
                ),
                members=_strings(d.get("members")),
                discontinued=d.get("discontinued"),
                successor=d.get("successor"),
                reviewed=d.get("reviewed"),
            )
        else:
            alternatives[d["id"]] = Alternative(
                id=d["id"],
                name=d["name"].strip(),
                license=d["license"].strip(),
                homepage=d["homepage"],
                source=d["source"],
                description=_text(d["description"]),
                categories=_strings(d.get("categories")),
                tags=_strings(d.get("tags")),
                aliases=_strings(d.get("aliases")),
                domains=_strings(d.get("domains")),
                hosted_offers=tuple(
                    HostedOffer(
                        o["provider"].strip(), o["url"], o["country"], bool(o.get("chatons"))
                    )
                    for o in d.get("hosted_offers") or ()
                ),
                reviewed=d.get("reviewed"),
            )
    return Catalog(vendors, categories, tags, services, alternatives)
