"""Where a domain's mail, DNS and hosting live: its MX, SPF includes, NS, and the owners of
its addresses (A/AAAA, CNAME, reverse DNS), asked of DNS with dnspython. Errors are notes."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import NamedTuple

from altgafam.normalize import sanitize
from altgafam.site.join import Joiner, Target

# (name, record type) -> the records' text; [] when there is none; LookupFailed otherwise.
Lookup = Callable[[str, str], list[str]]
TIMEOUT = 3.0  # seconds for one question, all its retries included
_SPF_INCLUDE = re.compile(r"(?:^|\s)[+~?-]?(?:include:|redirect=)([A-Za-z0-9._-]{1,253})")
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$")


class LookupFailed(Exception):
    """DNS gave no answer (timeout, refused, no resolver); the message says why."""


class NoSuchName(Exception):
    """DNS says the name does not exist (NXDOMAIN)."""


class DomainHit(NamedTuple):
    """Something a DNS record shows: the technology (fingerprints) or the catalog target it
    belongs to, the record type, and the evidence (`MX example.org → aspmx.l.google.com`)."""

    record: str
    evidence: str
    tech: str | None = None
    target: Target | None = None


def valid_domain(name: str) -> str | None:
    """A domain name as DNS is asked it (lower case, no final dot), None when not one."""
    name = name.strip().lower().rstrip(".")
    return name if _DOMAIN.match(name) else None


def domain_of(url_host: str) -> str | None:
    """The domain to look up for a site's host: www. dropped; none for an address or
    localhost (a site on 127.0.0.1 has no domain to audit)."""
    host = url_host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None
    except ValueError:
        pass
    if host == "localhost" or host.endswith(".localhost"):
        return None
    return valid_domain(host.removeprefix("www."))


def dnspython_lookup(server: str | None = None, timeout: float = TIMEOUT) -> Lookup:
    """A Lookup through dnspython: the system's resolvers, or `server` (ADDRESS or
    ADDRESS:PORT, [IPv6]:PORT)."""
    import dns.exception
    import dns.resolver
    import dns.reversename

    try:
        resolver = dns.resolver.Resolver(configure=server is None)
    except dns.exception.DNSException as exc:
        reason = sanitize(str(exc))[:120]

        def failing(name: str, rtype: str) -> list[str]:
            raise LookupFailed(f"no DNS resolver ({reason})")

        return failing
    if server is not None:
        address, port = split_server(server)
        resolver.nameservers = [address]
        resolver.port = port
    resolver.lifetime = timeout

    def lookup(name: str, rtype: str) -> list[str]:
        if rtype == "PTR":
            name = dns.reversename.from_address(name).to_text()
        try:
            answer = resolver.resolve(name, rtype, search=False)
        except dns.resolver.NXDOMAIN:
            raise NoSuchName(name) from None
        except dns.resolver.NoAnswer:
            return []
        except dns.exception.Timeout:
            raise LookupFailed("no answer in time") from None
        except dns.exception.DNSException as exc:
            raise LookupFailed(sanitize(str(exc))[:120] or type(exc).__name__) from None
        texts = []
        for item in answer:
            if rtype == "MX":
                texts.append(item.exchange.to_text())
            elif rtype == "TXT":
                texts.append(b"".join(item.strings).decode("utf-8", "replace"))
            else:
                texts.append(item.to_text())
        return [t.rstrip(".") if rtype != "TXT" else t for t in texts]

    return lookup


def split_server(server: str) -> tuple[str, int]:
    """("ADDRESS", port) of ADDRESS, ADDRESS:PORT or [IPv6]:PORT; ValueError when not one."""
    text, port = server.strip(), 53
    if text.startswith("["):
        address, _, rest = text[1:].partition("]")
        if rest:
            port = int(rest.removeprefix(":"))
    elif text.count(":") == 1:
        address, _, number = text.partition(":")
        port = int(number)
    else:
        address = text
    ipaddress.ip_address(address)
    if not 0 < port < 65536:
        raise ValueError(f"port {port}")
    return address, port


def inspect(
    domain: str, lookup: Lookup, joiner: Joiner, note: Callable[[str], None]
) -> list[DomainHit]:
    """What the domain's records show. The first failed question ends the lookups, with
    one note: a resolver that does not answer would otherwise cost a timeout per question."""
    hits: list[DomainHit] = []
    fp = joiner.fingerprints

    def ask(name: str, rtype: str) -> list[str]:
        try:
            found = lookup(name, rtype)
        except NoSuchName:
            if name == domain:
                # The domain itself does not exist: say so, ask nothing more.
                raise LookupFailed("no such domain (NXDOMAIN)") from None
            return []  # no www, no reverse name: nothing to learn
        return [sanitize(v)[:300] for v in found[:20]]

    def host_hits(record: str, name: str, host: str) -> None:
        shown = f"{record} {name} → {host}"
        techs = fp.record(record, host) if record in ("MX", "NS", "CNAME") else []
        hits.extend(DomainHit(record, shown, tech=t) for t in techs)
        target = joiner.host(host)
        if target is not None:
            hits.append(DomainHit(record, shown, target=target))

    try:
        for host in ask(domain, "MX"):
            host_hits("MX", domain, host)
        for text in ask(domain, "TXT"):
            for tech in fp.record("TXT", text):
                hits.append(DomainHit("TXT", f"TXT {domain} → {text[:80]}", tech=tech))
            if text.lower().startswith("v=spf1"):
                for include in _SPF_INCLUDE.findall(text):
                    target = joiner.host(include)
                    if target is not None:
                        shown = f"SPF {domain} → include:{include}"
                        hits.append(DomainHit("SPF", shown, target=target))
        for host in ask(domain, "NS"):
            host_hits("NS", domain, host)
        addresses: dict[str, str] = {}
        for name in (domain, f"www.{domain}"):
            for cname in ask(name, "CNAME"):
                host_hits("CNAME", name, cname)
            for rtype in ("A", "AAAA"):
                for address in ask(name, rtype):
                    addresses.setdefault(address, f"{rtype} {name}")
        for address, seen in addresses.items():
            target = joiner.address(address)
            if target is not None:
                hits.append(DomainHit("A", f"{seen} → {address}", target=target))
                continue
            for host in ask(address, "PTR")[:1]:
                target = joiner.host(host)
                if target is not None:
                    shown = f"{seen} → {address} (PTR {host})"
                    hits.append(DomainHit("A", shown, target=target))
    except LookupFailed as exc:
        note(f"DNS of {domain}: {exc}; its mail, DNS and hosting were not all checked")
    return hits
