"""Turn matches into a report: the recognised entry's facts, its alternatives, and the counts."""

from __future__ import annotations

from collections import Counter

from altgafam.models import (
    Catalog,
    Match,
    Recognised,
    Recommendation,
    Report,
    Result,
    Status,
    Summary,
)

Recs = tuple[Recommendation, ...]


def recognised(match: Match, catalog: Catalog) -> Recognised | None:
    """The facts about the entry a match points to (None for ambiguous and unknown lines)."""
    if match.id is None:
        return None
    service = catalog.services.get(match.id)
    if service is not None:
        vendor = catalog.vendors[service.vendor]
        owner = catalog.owner(service.vendor)
        return Recognised(
            id=service.id,
            name=service.name,
            category=service.category,
            score=match.score,
            vendor=vendor.name,
            owner=owner.name,
            gafam=owner.gafam,
            discontinued=service.discontinued,
            successor=service.successor,
        )
    alternative = catalog.alternatives[match.id]
    return Recognised(alternative.id, alternative.name, alternative.categories[0], match.score)


def recommendations(service_id: str, catalog: Catalog) -> tuple[Recommendation, ...]:
    """The service's alternatives, ranked as the catalog ranks them."""
    service = catalog.services[service_id]
    out = []
    for ref in service.alternatives:
        alt = catalog.alternatives[ref.id]
        out.append(
            Recommendation(
                alt.id, alt.name, alt.license, alt.homepage, ref.effort, alt.tags, ref.note
            )
        )
    return tuple(out)


def build_report(matches: list[Match], catalog: Catalog) -> Report:
    """Assemble the report for every matched line, in input order."""
    results = []
    # An inventory names the same tools again and again: build their facts once.
    known: dict[tuple[str | None, float, Status], tuple[Recognised | None, Recs]] = {}
    for match in matches:
        key = (match.id, match.score, match.status)
        facts = known.get(key)
        if facts is None:
            alts = (
                recommendations(match.id, catalog)
                if match.status is Status.PROPRIETARY and match.id
                else ()
            )
            facts = known[key] = (recognised(match, catalog), alts)
        info, alts = facts
        results.append(Result(match.entry, match.status, info, match.candidates, alts))
    counts = Counter(r.status for r in results)
    summary = Summary(
        entries=len(results),
        proprietary=counts[Status.PROPRIETARY],
        gafam=sum(1 for r in results if r.match is not None and r.match.gafam),
        libre=counts[Status.LIBRE],
        ambiguous=counts[Status.AMBIGUOUS],
        unknown=counts[Status.UNKNOWN],
    )
    return Report(tuple(results), summary, len(catalog.services), len(catalog.alternatives))
