"""Counts over the catalog: by category, kind and owner, GAFAM share, providers, suites,
migration-note and source coverage."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from altgafam.models import Catalog


@dataclass(frozen=True)
class CatalogStats:
    """What `catalog stats` reports."""

    services: int
    alternatives: int
    vendors: int
    categories_used: int
    gafam_services: int
    discontinued: int
    pairs: int
    pairs_with_notes: int
    hosted_offers: int
    providers: int
    chatons_providers: int
    suites: int
    kept: int  # services kept on purpose
    advised: int  # services with reduction advice
    with_sources: int  # services, alternatives and providers that carry their sources
    entries: int  # services, alternatives and providers in all
    by_kind: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int, int], ...]
    by_owner: tuple[tuple[str, int, bool], ...]

    @property
    def gafam_share(self) -> float:
        """Share of services owned, at the end of the chain, by one of the GAFAM."""
        return self.gafam_services / self.services if self.services else 0.0

    @property
    def sources_share(self) -> float:
        """Share of entries (services, alternatives, providers) with their sources."""
        return self.with_sources / self.entries if self.entries else 0.0

    @property
    def notes_share(self) -> float:
        """Share of service-to-alternative pairs that carry a migration note."""
        return self.pairs_with_notes / self.pairs if self.pairs else 0.0


def compute(catalog: Catalog) -> CatalogStats:
    """Count everything once; categories sorted by id, owners by number of services."""
    services = list(catalog.services.values())
    per_category_services = Counter(s.category for s in services)
    per_category_alts = Counter(c for a in catalog.alternatives.values() for c in a.categories)
    owners = Counter(catalog.owner(s.vendor).id for s in services)
    pairs = [ref for s in services for ref in s.alternatives]
    sources = [
        *(s.sources for s in services),
        *(a.sources for a in catalog.alternatives.values()),
        *(p.sources for p in catalog.providers.values()),
    ]
    return CatalogStats(
        services=len(services),
        alternatives=len(catalog.alternatives),
        vendors=len(catalog.vendors),
        categories_used=len(per_category_services),
        gafam_services=sum(1 for s in services if catalog.is_gafam(s)),
        discontinued=sum(1 for s in services if s.discontinued is not None),
        pairs=len(pairs),
        pairs_with_notes=sum(1 for ref in pairs if ref.note is not None),
        hosted_offers=sum(len(a.hosted_offers) for a in catalog.alternatives.values()),
        providers=len(catalog.providers),
        chatons_providers=sum(1 for p in catalog.providers.values() if p.chatons),
        suites=sum(1 for s in services if s.members),
        kept=sum(1 for s in services if s.keep is not None),
        advised=sum(1 for s in services if s.advice is not None),
        with_sources=sum(1 for found in sources if found),
        entries=len(sources),
        by_kind=tuple(sorted(Counter(a.kind for a in catalog.alternatives.values()).items())),
        by_category=tuple(
            (cid, per_category_services[cid], per_category_alts[cid])
            for cid in sorted(catalog.categories)
        ),
        by_owner=tuple(
            (catalog.vendors[vid].name, count, catalog.vendors[vid].gafam)
            for vid, count in sorted(owners.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
    )
