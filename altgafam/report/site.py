"""`altgafam site` output: JSON (a contract), the terminal table, and the Markdown/HTML
report through the same templates machinery and words as `scan`."""

from __future__ import annotations

import json
from typing import Any

from altgafam import __version__
from altgafam.report.json import alternative_dict
from altgafam.site.plan import Finding, SiteReport

SCHEMA_VERSION = 2


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the JSON contract describes it."""
    evidence = []
    for e in finding.evidence:
        item: dict[str, Any] = {"file": e.where, "line": e.line} if e.local else {"url": e.where}
        item["match"] = e.match
        evidence.append(item)
    return {
        "service": {
            "id": finding.id,
            "name": finding.name,
            "vendor": finding.vendor,
            "owner": finding.owner,
            "gafam": finding.gafam,
            "category": finding.category,
        },
        "evidence": evidence,
        "alternatives": [alternative_dict(a) for a in finding.alternatives],
    }


def site_dict(report: SiteReport) -> dict[str, Any]:
    """The `site --format json` object (also the "site" key of `scan --site`'s JSON)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "altgafam_version": __version__,
        "targets": list(report.targets),
        "pages": report.pages,
        "summary": {
            "findings": len(report.findings),
            "gafam": sum(1 for f in report.findings if f.gafam),
            "evidence": sum(len(f.evidence) for f in report.findings),
        },
        "findings": [finding_dict(f) for f in report.findings],
    }


def render_json(report: SiteReport) -> str:
    """`site --format json`."""
    return json.dumps(site_dict(report), ensure_ascii=False, indent=2) + "\n"
