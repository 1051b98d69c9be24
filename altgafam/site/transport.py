"""The connections of a run, below httpx: each opened only to an address the guard allows
(checked before connecting, and the very address checked is the one connected to), and each
connect, handshake, write and read bounded by the wall-clock deadline of the request in
progress. httpx's own timeouts are per read: a server sending one byte a second never
trips them."""

from __future__ import annotations

import math
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from altgafam.site.guard import Guard


class Clock:
    """The deadline of the request in progress (none between requests)."""

    def __init__(self) -> None:
        self.deadline = math.inf

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        """A request of `seconds` at most; the deadline before it comes back after it (a
        robots.txt read between two redirects has its own)."""
        saved, self.deadline = self.deadline, time.monotonic() + seconds
        try:
            yield
        finally:
            self.deadline = saved

    def left(self, timeout: float | None, error: type[Exception]) -> float:
        """The time one operation may take: its own timeout, cut to what remains of the
        deadline; `error` when nothing remains."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise error("the request took longer than its timeout")
        return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    """A connection whose every operation ends by the deadline. A socket's timeout bounds one
    recv, and the whole of a TLS handshake (Python >= 3.5): giving each call only what
    remains bounds the exchange."""

    def __init__(self, inner: httpcore.NetworkStream, clock: Clock) -> None:
        self._inner, self._clock = inner, clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._clock.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._clock.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = self._clock.left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, left), self._clock)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class Backend(httpcore.NetworkBackend):
    """httpcore's synchronous sockets, opened through the guard and bounded by the clock."""

    def __init__(self, guard: Guard, clock: Clock) -> None:
        self._inner = httpcore.SyncBackend()
        self._guard, self._clock = guard, clock

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        left = self._clock.left(timeout, httpcore.ConnectTimeout)
        try:
            addresses = self._guard.allowed(host, left)
        except TimeoutError as exc:  # before OSError: it is one
            raise httpcore.ConnectTimeout(str(exc)) from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from None
        error: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in addresses:
            left = self._clock.left(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(
                    str(address), port, left, local_address, socket_options
                )
            except httpcore.ConnectError as exc:  # the next address may answer
                error = exc
                continue
            return _Stream(stream, self._clock)
        raise error

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class Transport(httpx.HTTPTransport):
    """httpx's transport over our backend. httpx takes no network backend, its connection
    pool does: the pool is replaced by the same one, given ours. No proxy is used: through
    one, the guard would see the proxy's address, never the site's."""

    def __init__(self, backend: Backend) -> None:
        context = httpx.create_ssl_context()
        super().__init__(verify=context)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=10,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=backend,
        )
