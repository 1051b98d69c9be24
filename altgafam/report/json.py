"""The machine-readable scan result (schema_version 2, documented in docs/json.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from altgafam import __version__
from altgafam.advice.plan import EU
from altgafam.models import (
    ClientReport,
    HostedOffer,
    Recommendation,
    Report,
    Result,
    Target,
    Text,
)

SCHEMA_VERSION = 2


def result_dict(result: Result) -> dict[str, Any]:
    """One line of the list as the JSON contract describes it."""
    match = result.match
    return {
        "line": result.entry.line,
        "input": result.entry.text,
        "seats": None,
        "annual_cost": None,
        "status": result.status.value,
        "match": None
        if match is None
        else {
            "id": match.id,
            "name": match.name,
            "vendor": match.vendor,
            "owner": match.owner,
            "gafam": match.gafam,
            "category": match.category,
            "score": round(match.score),
            "discontinued": match.discontinued.isoformat() if match.discontinued else None,
            "successor": match.successor,
            "suites": list(match.suites),
            "keep": _text(match.keep),
            "advice": _text(match.advice),
        },
        "candidates": [
            {"id": c.id, "name": c.name, "score": round(c.score)} for c in result.candidates
        ],
        "alternatives": [alternative_dict(a) for a in result.alternatives],
        "removed_by": list(result.removed_by),
    }


def _text(value: Text | None) -> dict[str, str] | None:
    return None if value is None else {"en": value.en, "fr": value.fr}


def alternative_dict(a: Recommendation) -> dict[str, Any]:
    """One recommended alternative, as both JSON contracts (scan, site) give it."""
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "license": a.license or None,
        "homepage": a.homepage,
        "effort": a.effort,
        "tags": sorted(a.tags),
        "with": [{"id": i, "name": n, "kind": k} for i, n, k in a.pieces],
        "providers": [_offer(o) for o in a.hosted_offers],
    }


def _offer(offer: HostedOffer) -> dict[str, Any]:
    """Who hosts an alternative, and where its offer is read."""
    return {
        "id": offer.provider_id,
        "name": offer.provider,
        "country": offer.country or None,
        "eu": offer.country in EU,
        "chatons": offer.chatons,
        "url": offer.url,
    }


def chunks(report: Report, extra: dict[str, Any] | None = None) -> Iterator[str]:
    """The whole scan as one JSON object, written result by result (one per line) so that a
    100,000-line inventory never exists as one giant string; `extra` keys come last."""
    head = {
        "schema_version": SCHEMA_VERSION,
        "altgafam_version": __version__,
        "catalog": {
            "services": report.catalog_services,
            "alternatives": report.catalog_alternatives,
        },
        "summary": report.summary._asdict(),
        "results": [],
    }
    if not report.results:
        yield json.dumps({**head, **(extra or {})}, ensure_ascii=False, indent=2) + "\n"
        return
    opening = json.dumps(head, ensure_ascii=False, indent=2)
    yield opening[: opening.rindex("[]")] + "[\n"
    # Lines naming the same product share everything but their line and text: encode
    # that shared part once (plan.build_report shares the objects behind it).
    tails: dict[tuple[object, ...], str] = {}
    figures = report.figures
    last = len(report.results) - 1
    for position, result in enumerate(report.results):
        key = (result.status, id(result.match), id(result.alternatives), result.candidates)
        tail = tails.get(key)
        if tail is None:
            whole = result_dict(result)
            del whole["line"], whole["input"], whole["seats"], whole["annual_cost"]
            tail = tails[key] = json.dumps(whole, ensure_ascii=False)[1:]
        text = json.dumps(result.entry.text, ensure_ascii=False)
        end = ",\n" if position < last else "\n"
        seats, cost = figures.get(result.entry.line, (None, None))
        counted = f'"seats": {json.dumps(seats)}, "annual_cost": {json.dumps(cost)}'
        yield f'    {{"line": {result.entry.line}, "input": {text}, {counted}, {tail}{end}'
    yield "  ]"
    for name, value in (extra or {}).items():
        body = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield f",\n  {json.dumps(name)}: {body}"
    yield "\n}\n"


def render(report: Report) -> str:
    """The whole scan as one JSON string."""
    return "".join(chunks(report))


def advice_dict(doc: ClientReport) -> dict[str, Any]:
    """The advice as JSON: the profile, the target stack, the roadmap and the jurisdiction
    of the proprietary tools (keys of the scan's JSON, documented in docs/json.md)."""
    profile = doc.profile
    tools, non_eu, us = doc.jurisdiction
    return {
        "profile": None
        if profile is None
        else {
            "kind": profile.kind,
            "servers": profile.servers,
            "hosting": profile.hosting,
            "budget": profile.budget,
            "headcount": profile.headcount,
            "adopted": list(profile.adopted),
        },
        "target_stack": [_target(t) for t in doc.target_stack],
        "roadmap": [
            {
                "name": p.name,
                "label": {"en": p.label.en, "fr": p.label.fr},
                "phase": p.phase,
                "tools": list(p.tools),
                "functions": [t.function for t in p.targets],
                "effort": p.effort,
                "days": list(p.days),
                "seats": p.seats,
                "training": {"sessions": p.training_sessions, "hours": p.training_hours},
                "checklist": [{"tool": tool, "step": _text(step)} for tool, step in p.checklist],
            }
            for p in doc.roadmap
        ],
        "jurisdiction": {"tools": tools, "non_eu": non_eu, "us": us},
        "spend": {"seats": doc.spend[0], "annual_cost": doc.spend[1]},
    }


def _target(target: Target) -> dict[str, Any]:
    host = target.host
    return {
        "function": target.function,
        "label": {"en": target.label.en, "fr": target.label.fr},
        "replaces": list(target.replaces),
        "target": {
            "id": target.choice.id,
            "name": target.choice.name,
            "kind": target.choice.kind,
            "with": [{"id": i, "name": n, "kind": k} for i, n, k in target.choice.pieces],
        },
        "host": None if host is None else _offer(host),
        "reasons": [{"key": r.key, "values": dict(r.values)} for r in target.reasons],
        "others": list(target.others),
        "feasible": target.feasible,
    }
