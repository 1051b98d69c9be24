"""`altgafam site` output: JSON (a contract), the terminal table, and the Markdown/HTML
report through the same templates machinery and words as `scan`."""

from __future__ import annotations

import json
from typing import Any

from altgafam import __version__
from altgafam.report.json import alternative_dict
from altgafam.site.plan import Finding, SiteReport

# 3: findings beyond the catalog's services (kind, reviewed, technologies, via, gdpr), the
# domain's DNS, the technologies detected; service.id, vendor, owner and category may be null.
SCHEMA_VERSION = 3


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the JSON contract describes it."""
    evidence = []
    for e in finding.evidence:
        item: dict[str, Any]
        if e.kind == "dns":
            item = {"dns": e.where}
        elif e.local:
            item = {"file": e.where, "line": e.line}
        else:
            item = {"url": e.where}
        item["match"] = e.match
        if e.kind:
            item["kind"] = e.kind
        evidence.append(item)
    return {
        "kind": finding.kind,
        "service": {
            "id": finding.id or None,
            "name": finding.name,
            "vendor": finding.vendor or None,
            "owner": finding.owner or None,
            "gafam": finding.gafam,
            "category": finding.category or None,
            "reviewed": finding.reviewed,
        },
        "technologies": list(finding.technologies),
        "categories": list(finding.labels),
        "via": finding.via or None,
        "fix": "serve-yourself" if finding.kind == "cdn" else None,
        "gdpr": list(finding.gdpr),
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
        "domains": list(report.domains),
        "summary": {
            "findings": len(report.findings),
            "gafam": sum(1 for f in report.findings if f.gafam),
            "evidence": sum(len(f.evidence) for f in report.findings),
            "third_party": sum(1 for f in report.findings if f.kind in ("service", "third-party")),
            "not_reviewed": sum(1 for f in report.findings if f.kind == "third-party"),
            "cdn": sum(1 for f in report.findings if f.kind == "cdn"),
            "libre": sum(1 for f in report.findings if f.kind == "libre"),
        },
        "consent_managers": list(report.consent),
        "technologies": list(report.technologies),
        "fingerprints": {
            "technologies": report.fingerprints[0],
            "patterns_skipped": report.fingerprints[1],
        },
        "findings": [finding_dict(f) for f in report.findings],
    }


def render_json(report: SiteReport) -> str:
    """`site --format json`."""
    return json.dumps(site_dict(report), ensure_ascii=False, indent=2) + "\n"
