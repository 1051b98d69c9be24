"""The machine-readable scan result (schema_version 1, documented in docs/json.md)."""

from __future__ import annotations

import json
from typing import Any

from altgafam import __version__
from altgafam.models import Report, Result

SCHEMA_VERSION = 1


def result_dict(result: Result) -> dict[str, Any]:
    """One line of the list as the JSON contract describes it."""
    match = result.match
    return {
        "line": result.entry.line,
        "input": result.entry.text,
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
        },
        "candidates": [
            {"id": c.id, "name": c.name, "score": round(c.score)} for c in result.candidates
        ],
        "alternatives": [
            {
                "id": a.id,
                "name": a.name,
                "license": a.license,
                "homepage": a.homepage,
                "effort": a.effort,
                "tags": sorted(a.tags),
            }
            for a in result.alternatives
        ],
    }


def render(report: Report) -> str:
    """The whole scan as one JSON object."""
    s = report.summary
    doc = {
        "schema_version": SCHEMA_VERSION,
        "altgafam_version": __version__,
        "catalog": {
            "services": report.catalog_services,
            "alternatives": report.catalog_alternatives,
        },
        "summary": {
            "entries": s.entries,
            "proprietary": s.proprietary,
            "gafam": s.gafam,
            "libre": s.libre,
            "ambiguous": s.ambiguous,
            "unknown": s.unknown,
        },
        "results": [result_dict(r) for r in report.results],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
