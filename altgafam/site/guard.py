"""Which addresses a run may connect to: once the site audited is public, neither a redirect
nor a name that resolves elsewhere may lead the crawler into the user's own network."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Sequence
from typing import TypeAlias

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address
# host -> its addresses, as text (what socket.getaddrinfo gives).
Resolver: TypeAlias = Callable[[str], Sequence[str]]
# Whether an address counts as public; tests pretend 127.0.0.1 is.
PublicTest: TypeAlias = Callable[[IPAddress], bool]

# RFC 6761: "localhost" and its subdomains are loopback, whatever a resolver says.
LOOPBACK = (ipaddress.IPv4Address("127.0.0.1"), ipaddress.IPv6Address("::1"))


class Refused(Exception):
    """A connection the guard does not allow; the message says why."""


def is_public(address: IPAddress) -> bool:
    """An address of the public internet: not loopback, link-local, private, shared (CGNAT),
    reserved, unspecified nor multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:127.0.0.1 is 127.0.0.1 (Python judges it as IPv6 before 3.13).
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def system_resolve(host: str) -> list[str]:
    """The addresses of a name, by the system's resolver, in its order of preference."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _resolve_within(resolve: Resolver, host: str, seconds: float) -> Sequence[str]:
    """`resolve(host)`, given up after `seconds`: getaddrinfo has no timeout of its own. A
    resolver still busy is left behind in a daemon thread, which cannot hold the exit."""
    answer: list[Sequence[str] | Exception] = []

    def work() -> None:
        try:
            answer.append(resolve(host))
        except Exception as exc:  # handed over to the caller's thread
            answer.append(exc)

    thread = threading.Thread(target=work, name=f"resolve {host}", daemon=True)
    thread.start()
    thread.join(seconds)
    if not answer:
        raise TimeoutError(f"{host}: no answer from the resolver in time")
    if isinstance(answer[0], Exception):
        raise answer[0]
    return answer[0]


def _is_localhost(host: str) -> bool:
    name = host.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


class Guard:
    """The addresses of the current target's connections. A target that has a public address
    makes the run strict until the next target: every later connection (redirects, their
    robots.txt) goes to public addresses only. Answers are kept for the run, so the address
    checked is the address connected to (a name cannot change it between the two)."""

    def __init__(self, resolve: Resolver = system_resolve, public: PublicTest = is_public) -> None:
        self.resolve, self.public = resolve, public
        # None until the first connection of a target, whose address decides.
        self.strict: bool | None = None
        self._known: dict[str, tuple[IPAddress, ...]] = {}

    def begin(self) -> None:
        """A new target: its own address will tell whether it is public."""
        self.strict = None

    def addresses(self, host: str, seconds: float) -> tuple[IPAddress, ...]:
        """The addresses of a host: an IP literal is itself (never resolved), localhost is
        loopback, a name is resolved once (OSError or TimeoutError when it cannot be)."""
        name = host.strip("[]").rstrip(".").lower()
        try:
            return (ipaddress.ip_address(name),)
        except ValueError:
            pass
        if _is_localhost(name):
            return LOOPBACK
        known = self._known.get(name)
        if known is None:
            answers = []
            for text in _resolve_within(self.resolve, name, seconds):
                try:
                    answers.append(ipaddress.ip_address(text))
                except ValueError:
                    continue
            if not answers:
                raise OSError(f"{host}: no address")
            known = self._known[name] = tuple(answers)
        return known

    def allowed(self, host: str, seconds: float) -> tuple[IPAddress, ...]:
        """The addresses of `host` this run may connect to, in order; Refused when none."""
        found = self.addresses(host, seconds)
        if self.strict is None:
            self.strict = any(self.public(a) for a in found)
        if not self.strict:
            return found
        if _is_localhost(host):  # by its name, whatever `public` says of its addresses
            raise Refused(f"{host} is a private address, not visited from a public site")
        allowed = tuple(a for a in found if self.public(a))
        if not allowed:
            shown = str(found[0])
            named = host if shown == host.strip("[]") else f"{host} ({shown})"
            raise Refused(f"{named} is a private address, not visited from a public site")
        return allowed
