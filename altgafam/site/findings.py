"""From what was seen (catalog signatures, fingerprint hits, DNS records) to findings: one per
third party, with its owner, its evidence, the libre fix, and a GDPR hint to check."""

from __future__ import annotations

from typing import NamedTuple

from altgafam.advice import plan
from altgafam.models import Catalog, Preferences, Recommendation, Text
from altgafam.site.detect import Evidence
from altgafam.site.domain import DomainHit
from altgafam.site.fingerprints import Fingerprints, Hit, Technology
from altgafam.site.join import Joiner, Target, hostname

# webappanalyzer's categories that matter here: cookie compliance (a consent manager) and CDN.
CONSENT = 67
CDN = 31
# Finding kinds, in the order a report lists them (GAFAM first whatever the kind).
KINDS = ("service", "third-party", "cdn", "libre")
# Categories whose technologies, seen in headers, cookies or DNS, are someone else's service
# (a CDN, a host, a tracker), even when webappanalyzer flags them neither SaaS nor libre:
# CDN, PaaS, IaaS, hosting, reverse proxies, load balancers, security, analytics,
# advertising, tag managers, cookie compliance, RUM.
_SERVICE_CATS = {31, 62, 63, 88, 64, 65, 16, 10, 36, 42, 67, 78}
# Evidence kinds that mean the page itself loads or runs the third party in the browser.
_LOADED = {"", "scriptSrc", "html", "scripts"}
_DNS_CATEGORY = {"MX": "mail", "SPF": "mail", "NS": "web-hosting", "CNAME": "cloud", "A": "cloud"}


class Finding(NamedTuple):
    """One third party a site or its domain depends on (or libre software it runs), with
    every place it shows and what replaces it.

    `kind`: service (a catalog service: reviewed alternatives), third-party (SaaS the catalog
    does not describe: its category's alternatives, not reviewed), cdn (libre code loaded
    from someone else's servers: serve it yourself), libre. `id` is the catalog service's id,
    "" otherwise; `vendor` and `owner` are "" when unknown."""

    id: str
    name: str
    vendor: str
    owner: str
    gafam: bool
    category: str
    evidence: tuple[Evidence, ...]
    alternatives: tuple[Recommendation, ...]
    kind: str = "service"
    reviewed: bool = True
    technologies: tuple[str, ...] = ()  # the fingerprints' names that showed it
    labels: tuple[str, ...] = ()  # the fingerprints' category names
    via: str = ""  # cdn: who serves the code
    gdpr: tuple[str, ...] = ()  # hints: sets-cookies, before-consent, check-consent-manager
    category_label: Text | None = None  # the catalog category's name, when there is one


class SiteReport(NamedTuple):
    """Everything `site` found, across its targets and domains."""

    targets: tuple[str, ...]
    pages: int
    findings: tuple[Finding, ...]
    domains: tuple[str, ...] = ()  # the domains whose DNS was read
    technologies: tuple[str, ...] = ()  # every fingerprinted technology detected
    consent: tuple[str, ...] = ()  # the consent managers detected
    fingerprints: tuple[int, int] = (0, 0)  # technologies loaded, patterns skipped


class _Draft:
    """A finding being gathered."""

    def __init__(self, key: str, target: Target) -> None:
        self.key, self.target = key, target
        self.evidence: list[Evidence] = []
        self.techs: list[str] = []
        self.name = ""
        self.category = ""
        self.via = ""
        self.via_gafam = False

    def add(self, evidence: Evidence) -> None:
        # The same address or snippet at the same place, seen by a signature and by a
        # fingerprint, is one piece of evidence: the first (with its line) is kept.
        if not any(e.where == evidence.where and e.match == evidence.match for e in self.evidence):
            self.evidence.append(evidence)


class Assembler:
    """Gathers everything seen into findings for one catalog and one set of preferences."""

    def __init__(
        self, catalog: Catalog, prefs: Preferences, fp: Fingerprints | None, joiner: Joiner | None
    ) -> None:
        self.catalog, self.prefs, self.fp, self.joiner = catalog, prefs, fp, joiner
        self.drafts: dict[str, _Draft] = {}

    def _draft(self, key: str, target: Target) -> _Draft:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(key, target)
        return draft

    def signatures(self, found: list[tuple[str, Evidence]]) -> None:
        """The catalog's own web signatures: services, reviewed."""
        seen: set[tuple[str, str, int | None]] = set()
        for service_id, one in found:
            # One place is one piece of evidence, however many patterns matched there.
            key = (service_id, one.where, one.line if one.local else None)
            if key not in seen:
                seen.add(key)
                self._draft(f"service:{service_id}", Target("service", service_id)).add(one)

    def technologies(
        self, hits: list[Hit], site_hosts: set[str], claimed: dict[str, str]
    ) -> tuple[str, ...]:
        """Fingerprint hits, resolved (requires, implies, excludes) and joined to the catalog;
        every technology detected is returned, third party or not. A script the catalog's
        signatures already name is that service's alone: gtag.js, served from
        googletagmanager.com, is Google Analytics, not Tag Manager (the libre code a CDN
        serves is still told apart)."""
        if self.fp is None or self.joiner is None:
            return ()
        by_tech: dict[str, list[Hit]] = {}
        for hit in hits:
            owner = claimed.get(hit.match) if hit.kind == "scriptSrc" else None
            if owner is not None:
                target = self.joiner.technology(hit.tech)
                if target.kind in ("vendor", "third-party") or (
                    target.kind == "service" and target.id != owner
                ):
                    continue
            by_tech.setdefault(hit.tech, []).append(hit)
        resolved = self.fp.resolve(by_tech)
        cdn_of_url = {
            h.match: h.tech
            for h in hits
            if h.kind == "scriptSrc" and CDN in self.fp.technologies[h.tech].cats
        }
        for name, implied_by in resolved.items():
            tech = self.fp.technologies[name]
            target = self.joiner.technology(name)
            if target.kind == "none" and implied_by is None:
                target = self._unflagged(tech, by_tech[name], site_hosts)
            if target.kind == "none":
                continue
            if implied_by is not None:
                if target.kind in ("libre", "alternative"):
                    continue  # PHP behind WordPress: not a third party, and not seen
                first = by_tech.get(implied_by, [])
                where = first[0].where if first else ""
                evidence = [
                    Evidence(where, None, f"implied by {implied_by}", _local(where), "implied")
                ]
            else:
                evidence = [
                    Evidence(h.where, None, h.match, _local(h.where), h.kind) for h in by_tech[name]
                ]
            draft = None
            if target.kind in ("libre", "alternative"):
                draft = self._cdn(name, evidence, site_hosts, cdn_of_url)
            draft = draft or self._tech_draft(name, target)
            draft.techs.append(name)
            draft.category = draft.category or self.joiner.category(tech)
            for one in evidence:
                draft.add(one)
        return tuple(sorted(resolved, key=str.casefold))

    def _unflagged(self, tech: Technology, hits: list[Hit], site_hosts: set[str]) -> Target:
        """A technology neither libre nor SaaS by its flags is a third party when the page
        loads it from another host, or when a service's headers or cookies show it."""
        for hit in hits:
            if hit.kind == "scriptSrc" and hostname(hit.match) not in site_hosts:
                return Target("third-party")
            if hit.kind in ("headers", "cookies") and _SERVICE_CATS & set(tech.cats):
                return Target("third-party")
        return Target("none")

    def _tech_draft(self, name: str, target: Target) -> _Draft:
        if target.kind == "service":
            return self._draft(f"service:{target.id}", target)
        draft = self._draft(f"tech:{name}", target)
        draft.name = name
        return draft

    def _cdn(
        self,
        name: str,
        evidence: list[Evidence],
        site_hosts: set[str],
        cdn_of_url: dict[str, str],
    ) -> _Draft | None:
        """A libre library loaded from another host is a CDN dependency, not self-hosted."""
        for one in evidence:
            host = hostname(one.match) if one.kind == "scriptSrc" else ""
            if not host or host in site_hosts:
                continue
            cdn = self._draft(f"cdn:{name}", Target("cdn"))
            cdn.name = name
            cdn.via = cdn.via or cdn_of_url.get(one.match, "") or host
            if self.joiner is not None and not cdn.via_gafam:
                owner = self._owner_of_cdn(cdn.via, host)
                cdn.via_gafam = owner
            return cdn
        return None

    def _owner_of_cdn(self, via: str, host: str) -> bool:
        """Whether the CDN serving a library is GAFAM-owned (by its technology or host)."""
        assert self.joiner is not None
        targets = [self.joiner.host(host)]
        if self.fp is not None and via in self.fp.technologies:
            targets.append(self.joiner.technology(via))
        return any(t is not None and self._gafam(t) for t in targets)

    def _gafam(self, target: Target) -> bool:
        if target.kind == "service":
            return self.catalog.is_gafam(self.catalog.services[target.id])
        if target.kind == "vendor":
            return self.catalog.owner(target.id).gafam
        return False

    def domain(self, domain: str, hits: list[DomainHit]) -> None:
        """What the domain's DNS records show."""
        for hit in hits:
            evidence = Evidence(domain, None, hit.evidence, False, "dns")
            if hit.tech is not None and self.joiner is not None:
                target = self.joiner.technology(hit.tech)
                if target.kind == "none" and self.fp is not None:
                    # A host, a mail or DNS provider: someone else's service by nature.
                    cats = set(self.fp.technologies[hit.tech].cats)
                    target = Target("third-party") if cats & (_SERVICE_CATS | {30, 75}) else target
                if target.kind == "none":
                    continue
                draft = self._tech_draft(hit.tech, target)
                draft.techs.append(hit.tech)
            elif hit.target is not None:
                target = hit.target
                key = f"{target.kind}:{target.id}"
                draft = self._draft(key, target)
                if target.kind == "vendor":
                    draft.name = self.catalog.vendors[target.id].name
            else:
                continue
            draft.category = draft.category or _DNS_CATEGORY.get(hit.record, "")
            draft.add(evidence)

    def findings(self, consent: tuple[str, ...]) -> tuple[Finding, ...]:
        """The findings, GAFAM first, then by kind and name."""
        found = [self._finding(d, consent) for d in self.drafts.values()]
        found.sort(key=lambda f: (not f.gafam, KINDS.index(f.kind), f.name.casefold()))
        return tuple(found)

    def _finding(self, draft: _Draft, consent: tuple[str, ...]) -> Finding:
        finding = self._bare(draft, consent)
        category = self.catalog.categories.get(finding.category)
        return finding._replace(category_label=category.label if category else None)

    def _bare(self, draft: _Draft, consent: tuple[str, ...]) -> Finding:
        cat, target = self.catalog, draft.target
        techs = tuple(dict.fromkeys(draft.techs))
        labels: tuple[str, ...] = ()
        if self.fp is not None:
            labels = tuple(
                dict.fromkeys(
                    self.fp.categories[c]
                    for t in techs
                    for c in self.fp.technologies[t].cats
                    if c in self.fp.categories
                )
            )
        evidence = tuple(draft.evidence)
        if set(techs) & set(consent):
            consent = ("itself",)  # a consent manager is not asked to wait for itself
        if target.kind == "service":
            service = cat.services[target.id]
            owner = cat.owner(service.vendor)
            return Finding(
                service.id,
                service.name,
                cat.vendors[service.vendor].name,
                owner.name,
                owner.gafam,
                service.category,
                alternatives=plan.recommendations(service.id, cat, self.prefs),
                gdpr=_gdpr(draft.evidence, "service", consent),
                evidence=evidence,
                technologies=techs,
                labels=labels,
            )
        if target.kind == "cdn":
            return Finding(
                "",
                draft.name,
                "",
                "",
                draft.via_gafam,
                draft.category,
                alternatives=(),
                kind="cdn",
                reviewed=False,
                via=draft.via,
                gdpr=_gdpr(draft.evidence, "cdn", consent),
                evidence=evidence,
                technologies=techs,
                labels=labels,
            )
        if target.kind in ("libre", "alternative"):
            name = cat.alternatives[target.id].name if target.kind == "alternative" else ""
            return Finding(
                "",
                name or draft.name,
                "",
                "",
                False,
                draft.category,
                alternatives=(),
                kind="libre",
                gdpr=_gdpr(draft.evidence, "libre", consent),
                evidence=evidence,
                technologies=techs,
                labels=labels,
            )
        vendor = owner_name = ""
        gafam = False
        if target.kind == "vendor":
            vendor = cat.vendors[target.id].name
            owner = cat.owner(target.id)
            owner_name, gafam = owner.name, owner.gafam
        category = draft.category
        return Finding(
            "",
            draft.name,
            vendor,
            owner_name,
            gafam,
            category,
            alternatives=plan.category_recommendations(category, cat, self.prefs)
            if category
            else (),
            kind="third-party",
            reviewed=False,
            gdpr=_gdpr(draft.evidence, "third-party", consent),
            evidence=evidence,
            technologies=techs,
            labels=labels,
        )


def _gdpr(evidence: list[Evidence], kind: str, consent: tuple[str, ...]) -> tuple[str, ...]:
    """Hints to check, never a verdict: a third party that sets cookies, or that the page
    loads in the browser when no consent manager was found (or one was: does it wait?)."""
    hints = []
    if any(e.kind == "cookies" for e in evidence):
        hints.append("sets-cookies")
    if consent == ("itself",):
        return tuple(hints)
    if kind != "libre" and any(e.kind in _LOADED for e in evidence):
        hints.append("check-consent-manager" if consent else "before-consent")
    return tuple(hints)


def _local(where: str) -> bool:
    """Whether evidence comes from a file on disk (a page read over the web has a URL)."""
    return not where.startswith(("http://", "https://"))
