"""`catalog search`: fuzzy search over names, aliases, tags and descriptions. Pure."""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz import fuzz, process

from altgafam.models import Catalog
from altgafam.normalize import fold


class Hit(NamedTuple):
    """One entry found, with how well it matched (0-100)."""

    id: str
    kind: str
    name: str
    score: float


def search(catalog: Catalog, text: str, limit: int = 10) -> list[Hit]:
    """Entries (services, suites, alternatives, providers) whose names, aliases, tags or
    descriptions match `text`, best first. Names
    count more than descriptions: a word found in a description is a weaker hint."""
    query = fold(text)
    if not query:
        return []
    fields: list[tuple[str, str, str, float]] = []
    for s in catalog.services.values():
        kind = "suite" if s.members else "service"
        for value in (s.name, *s.aliases, *s.former_names):
            fields.append((s.id, kind, fold(value), 1.0))
        fields.append((s.id, kind, fold(f"{s.description.en} {s.description.fr}"), 0.8))
    for a in catalog.alternatives.values():
        for value in (a.name, *a.aliases):
            fields.append((a.id, "alternative", fold(value), 1.0))
        for value in (*a.tags, *a.categories):
            fields.append((a.id, "alternative", fold(value), 0.85))
        # What it is for, in both languages ("visioconférence" finds the video-call tools).
        for cid in a.categories:
            category = catalog.categories.get(cid)
            if category is not None:
                label = fold(f"{category.label.en} {category.label.fr}")
                fields.append((a.id, "alternative", label, 0.9))
        fields.append((a.id, "alternative", fold(f"{a.description.en} {a.description.fr}"), 0.8))
    for p in catalog.providers.values():
        fields.append((p.id, "provider", fold(p.name), 1.0))
        # "who hosts Nextcloud": a provider is found by what it offers too.
        for offer in p.offers:
            offered = catalog.alternatives[offer.alternative].name
            fields.append((p.id, "provider", fold(f"{offered} {p.name}"), 0.85))
    best: dict[str, Hit] = {}
    names = {s.id: s.name for s in catalog.services.values()}
    names.update({a.id: a.name for a in catalog.alternatives.values()})
    names.update({p.id: p.name for p in catalog.providers.values()})
    scores = process.extract(
        query, [f[2] for f in fields], scorer=fuzz.WRatio, limit=None, score_cutoff=60
    )
    for _, score, position in scores:
        ident, kind, _, weight = fields[position]
        weighted = score * weight
        if ident not in best or best[ident].score < weighted:
            best[ident] = Hit(ident, kind, names[ident], weighted)
    return sorted(best.values(), key=lambda h: (-h.score, h.id))[:limit]
