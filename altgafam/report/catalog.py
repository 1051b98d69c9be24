"""`catalog list`: the catalog as JSON (a documented contract) or as terminal tables."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from altgafam.advice.plan import EU
from altgafam.catalog.stats import CatalogStats
from altgafam.errors import Problem
from altgafam.models import Catalog, Text

if TYPE_CHECKING:
    from altgafam.catalog.loader import Validation

SCHEMA_VERSION = 2


def _text(text: Text) -> dict[str, str]:
    return {"en": text.en, "fr": text.fr}


def _maybe(text: Text | None) -> dict[str, str] | None:
    return None if text is None else _text(text)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def catalog_dict(catalog: Catalog) -> dict[str, Any]:
    """Every entry of the catalog, ids sorted, with derived owner and GAFAM flag."""
    services = []
    for s in sorted(catalog.services.values(), key=lambda s: s.id):
        owner = catalog.owner(s.vendor)
        services.append(
            {
                "id": s.id,
                "name": s.name,
                "vendor": s.vendor,
                "owner": owner.id,
                "gafam": owner.gafam,
                "category": s.category,
                "aliases": list(s.aliases),
                "former_names": list(s.former_names),
                "domains": list(s.domains),
                "description": _text(s.description),
                "discontinued": s.discontinued.isoformat() if s.discontinued else None,
                "successor": s.successor,
                "members": list(s.members),
                "suites": list(catalog.suites_of(s.id)),
                "alternatives": [
                    {
                        "id": r.id,
                        "effort": r.effort,
                        "note": _maybe(r.note),
                        "with": list(r.pieces),
                    }
                    for r in s.alternatives
                ],
                "keep": _maybe(s.keep),
                "advice": _maybe(s.advice),
                "sources": list(s.sources),
                "reviewed": _date(s.reviewed),
            }
        )
    alternatives = [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "aliases": list(a.aliases),
            "domains": list(a.domains),
            "license": a.license or None,
            "standard": a.standard,
            "homepage": a.homepage,
            "source": a.source or None,
            "categories": list(a.categories),
            "tags": sorted(a.tags),
            "description": _text(a.description),
            "providers": [{"id": o.provider_id, "url": o.url} for o in a.hosted_offers],
            "sources": list(a.sources),
            "reviewed": _date(a.reviewed),
        }
        for a in sorted(catalog.alternatives.values(), key=lambda a: a.id)
    ]
    providers = [
        {
            "id": p.id,
            "name": p.name,
            "country": p.country or None,
            "eu": p.country in EU,
            "chatons": p.chatons,
            "serves": list(p.serves),
            "pricing": p.pricing,
            "url": p.url,
            "offers": [{"alternative": o.alternative, "url": o.url} for o in p.offers],
            "note": _maybe(p.note),
            "sources": list(p.sources),
            "reviewed": _date(p.reviewed),
        }
        for p in sorted(catalog.providers.values(), key=lambda p: p.id)
    ]
    categories = [
        {"id": c.id, "label": _text(c.label), "criticality": c.criticality}
        for c in sorted(catalog.categories.values(), key=lambda c: c.id)
    ]
    vendors = [
        {
            "id": v.id,
            "name": v.name,
            "aliases": list(v.aliases),
            "parent": v.parent,
            "owner": catalog.owner(v.id).id,
            "country": v.country,
            "gafam": catalog.owner(v.id).gafam,
        }
        for v in sorted(catalog.vendors.values(), key=lambda v: v.id)
    ]
    tags = [
        {"id": t.id, "label": _text(t.label), "axis": t.axis}
        for t in sorted(catalog.tags.values(), key=lambda t: t.id)
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "services": services,
        "alternatives": alternatives,
        "providers": providers,
        "categories": categories,
        "vendors": vendors,
        "tags": tags,
    }


def render_json(catalog: Catalog) -> str:
    """`catalog list --format json`."""
    return json.dumps(catalog_dict(catalog), ensure_ascii=False, indent=2) + "\n"


def stats_dict(stats: CatalogStats) -> dict[str, Any]:
    """`catalog stats --format json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "services": stats.services,
        "alternatives": stats.alternatives,
        "vendors": stats.vendors,
        "categories_used": stats.categories_used,
        "gafam_services": stats.gafam_services,
        "gafam_share": round(stats.gafam_share, 4),
        "discontinued_services": stats.discontinued,
        "pairs": stats.pairs,
        "pairs_with_notes": stats.pairs_with_notes,
        "notes_share": round(stats.notes_share, 4),
        "hosted_offers": stats.hosted_offers,
        "providers": stats.providers,
        "chatons_providers": stats.chatons_providers,
        "suites": stats.suites,
        "kept": stats.kept,
        "advised": stats.advised,
        "with_sources": stats.with_sources,
        "sources_share": round(stats.sources_share, 4),
        "by_kind": dict(stats.by_kind),
        "by_category": [
            {"id": cid, "services": s, "alternatives": a} for cid, s, a in stats.by_category
        ],
        "by_owner": [{"owner": name, "services": n, "gafam": g} for name, n, g in stats.by_owner],
    }


def validation_dict(result: Validation) -> dict[str, Any]:
    """`catalog validate --format json`: every problem, errors and warnings apart."""

    def one(p: Problem) -> dict[str, Any]:
        return {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "path": p.path,
            "message": p.message,
        }

    return {
        "schema_version": SCHEMA_VERSION,
        "valid": not result.errors,
        "errors": [one(p) for p in result.errors],
        "warnings": [one(p) for p in result.warnings],
    }


def entry_dict(catalog: Catalog, ident: str) -> dict[str, Any] | None:
    """`catalog show ID`: the entry as `catalog list` shows it, with its relations spelled out
    (a service's vendor chain and alternatives; an alternative's services)."""
    whole = catalog_dict(catalog)
    for kind, key in (
        ("service", "services"),
        ("alternative", "alternatives"),
        ("provider", "providers"),
        ("vendor", "vendors"),
    ):
        for entry in whole[key]:
            if entry["id"] == ident:
                found = {"entry": kind, **entry}
                if kind == "service":
                    chain, vendor = [], catalog.vendors.get(entry["vendor"])
                    while vendor is not None:
                        chain.append(vendor.name)
                        vendor = catalog.vendors.get(vendor.parent) if vendor.parent else None
                    found["ownership"] = chain
                    for ref in found["alternatives"]:
                        alt = catalog.alternatives[ref["id"]]
                        ref.update(name=alt.name, license=alt.license)
                elif kind == "alternative":
                    found["replaces"] = sorted(
                        s.id
                        for s in catalog.services.values()
                        if any(r.id == ident for r in s.alternatives)
                    )
                    found["providers"] = [
                        {
                            "id": o.provider_id,
                            "name": o.provider,
                            "country": o.country or None,
                            "chatons": o.chatons,
                            "url": o.url,
                        }
                        for o in catalog.alternatives[ident].hosted_offers
                    ]
                elif kind == "provider":
                    for offer in found["offers"]:
                        offer["name"] = catalog.alternatives[offer["alternative"]].name
                else:
                    found["services"] = sorted(
                        s.id for s in catalog.services.values() if s.vendor == ident
                    )
                return found
    return None
