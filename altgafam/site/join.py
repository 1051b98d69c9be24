"""Who is behind a detected technology or host: the catalog's service, vendor or libre
alternative, by the hand-written map (data/technologies.map), by name, by website domain."""

from __future__ import annotations

import functools
import ipaddress
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from altgafam.models import Catalog
from altgafam.normalize import by_host, fold
from altgafam.site.fingerprints import Fingerprints, Technology

MAP = Path(__file__).resolve().parent / "data" / "technologies.map"


class Target(NamedTuple):
    """What a technology is to the catalog. `kind`: service (reviewed), vendor (owner known,
    no service), alternative or libre (libre software), third-party (SaaS, owner unknown),
    or none (not a third party: a language, a server, a framework)."""

    kind: str
    id: str = ""


class Rules(NamedTuple):
    """The map file, parsed."""

    techs: dict[str, Target]
    categories: dict[int, str]
    hosts: dict[str, Target]
    networks: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, Target], ...]


def _target(value: str) -> Target:
    kind, _, ident = value.partition(":")
    if kind in ("libre", "third-party") and not ident:
        return Target(kind)
    if kind not in ("service", "vendor", "alternative") or not ident:
        raise ValueError(value)
    return Target(kind, ident)


@functools.lru_cache(maxsize=1)
def rules(path: Path = MAP) -> Rules:
    """The map file, read once."""
    techs: dict[str, Target] = {}
    categories: dict[int, str] = {}
    hosts: dict[str, Target] = {}
    networks = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = (part.strip() for part in line.partition(" = "))
        space, _, name = key.partition(":")
        try:
            if not sep:
                raise ValueError(line)
            if space == "tech":
                techs[name] = _target(value)
            elif space == "category":
                categories[int(name)] = value
            elif space == "host":
                hosts[name.lower()] = _target(value)
            elif space == "ip":
                networks.append((ipaddress.ip_network(name), _target(value)))
            else:
                raise ValueError(key)
        except ValueError as exc:
            # Shipped data, checked by the tests: a mistake here is altgafam's bug.
            raise ValueError(f"{path}:{number}: cannot read '{exc}'") from None
    return Rules(techs, categories, hosts, tuple(networks))


def hostname(url: str) -> str:
    """The host of an address, in lower case ("" when it has none or cannot be read)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _host(url: str) -> str:
    """The host of a technology's or a project's website, without "www."."""
    return hostname(url).removeprefix("www.")


class Joiner:
    """Technologies and hosts to catalog entries, for one catalog; answers are kept."""

    def __init__(self, catalog: Catalog, fingerprints: Fingerprints, mapping: Rules) -> None:
        self.catalog, self.fingerprints, self.rules = catalog, fingerprints, mapping
        self.by_name: dict[str, Target] = {}
        for alt in catalog.alternatives.values():
            for name in (alt.name, *alt.aliases):
                self.by_name.setdefault(fold(name), Target("alternative", alt.id))
        for service in catalog.services.values():
            for name in (service.name, *service.aliases):
                self.by_name[fold(name)] = Target("service", service.id)
        # Domain -> vendor: a technology's website gives its owner, not which product it is.
        self.domains: dict[str, str] = {}
        for service in catalog.services.values():
            for domain in service.domains:
                self.domains.setdefault(domain.lower(), service.id)
        self.homepages = {
            _host(alt.homepage): alt.id for alt in catalog.alternatives.values() if alt.homepage
        }
        self._cache: dict[str, Target] = {}

    def technology(self, name: str) -> Target:
        """What a detected technology is to the catalog."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._technology(self.fingerprints.technologies[name])
        return found

    def _technology(self, tech: Technology) -> Target:
        mapped = self.rules.techs.get(tech.name)
        if mapped is not None:
            return mapped
        named = self.by_name.get(fold(tech.name))
        if named is not None:
            return named
        host = _host(tech.website)
        if host in self.homepages:
            return Target("alternative", self.homepages[host])
        if tech.oss:
            return Target("libre")
        service = self.service_of_host(host) if host else None
        if service is not None and tech.saas:
            return Target("vendor", self.catalog.services[service].vendor)
        if tech.saas:
            return Target("third-party")
        return Target("none")

    def service_of_host(self, host: str) -> str | None:
        """The catalog service whose domain a host is (or is under)."""
        return by_host(self.domains, host)

    def host(self, host: str) -> Target | None:
        """Who runs a host seen in DNS: the map's host rules, then the catalog's domains."""
        host = host.lower().rstrip(".")
        labels = host.split(".")
        for start in range(len(labels) - 1):
            mapped = self.rules.hosts.get(".".join(labels[start:]))
            if mapped is not None:
                return mapped
        service = self.service_of_host(host)
        return Target("service", service) if service else None

    def address(self, text: str) -> Target | None:
        """Who runs an address, when it is in a published range the map lists."""
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return None
        for network, target in self.rules.networks:
            if address.version == network.version and address in network:
                return target
        return None

    def category(self, tech: Technology) -> str:
        """The catalog category of a technology's first mapped category, or ""."""
        return next((self.rules.categories[c] for c in tech.cats if c in self.rules.categories), "")
