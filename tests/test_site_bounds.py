"""`site` against hostile servers and pages, all on 127.0.0.1: addresses that are not URLs,
servers that trickle, endless and inflating bodies, huge local files, and redirects from a
public site into a private network."""

from __future__ import annotations

import ipaddress
import json
import math
import os
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from altgafam.site import detect
from altgafam.site.fetch import MAX_BYTES, ROBOTS_SAY_NO, Web, read_local
from altgafam.site.guard import Guard, IPAddress, Refused, is_public

from .conftest import Runner

PAGE = b"<html><script src='https://static.hotjar.com/c.js'></script><a href='/about'>a</a>"
Route = Callable[[BaseHTTPRequestHandler], None]


class Server(ThreadingHTTPServer):
    """Routes by path; every path asked for is logged; a route's handler may trickle, and
    ends by itself (bounded loops) when the client has long gone."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes, self.hits = routes, []
        self.done = threading.Event()
        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up early is what these tests make happen


class Handler(BaseHTTPRequestHandler):
    # The test server answers as no product: "SimpleHTTP/0.6 Python/3.x" is libre software
    # the site audit would rightly report.
    server_version = "fixture"
    sys_version = ""

    server: Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        route = self.server.routes.get(self.path)
        try:
            if route is None:
                send(self, 404, b"", "text/plain")
            else:
                route(self)
        finally:
            self.server.done.set()


def send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str, **headers: str
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


def page(body: bytes = PAGE) -> Route:
    return lambda h: send(h, 200, body, "text/html; charset=utf-8")


def redirect(location: str) -> Route:
    return lambda h: send(h, 302, b"", "text/html", Location=location)


def trickle(head: bytes, drip: bytes, every: float = 0.1, drops: int = 100) -> Route:
    """`head` at once, then one byte of `drip` every `every` seconds: no read ever waits
    long, the whole never ends (10 s of drops, then the handler gives up)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        try:
            handler.wfile.write(head)
            handler.wfile.flush()
            for i in range(drops):
                handler.wfile.write(drip[i % len(drip) : i % len(drip) + 1])
                handler.wfile.flush()
                time.sleep(every)
        except OSError:
            pass

    return route


@pytest.fixture()
def serve() -> Iterator[Callable[[dict[str, Route]], Server]]:
    servers: list[Server] = []

    def start(routes: dict[str, Route]) -> Server:
        server = Server(routes)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def never_resolve(host: str) -> list[str]:
    raise AssertionError(f"{host} resolved: no test may look a name up")


def web(timeout: float = 2.0, public: Callable[[IPAddress], bool] = is_public) -> Web:
    return Web(timeout, resolve=never_resolve, public=public)


@pytest.fixture(scope="module")
def signatures() -> detect.Signatures:
    from altgafam.catalog import store

    return detect.prepare(store.load_cached())


def scan_json(runner: Runner, *args: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(["site", *args, "-f", "json"])
    return result.exit_code, json.loads(result.stdout or "{}"), result.stderr


# --- Item 10: addresses that are not URLs ---------------------------------------------


def test_bad_addresses_in_a_page_are_counted_not_raised(signatures: detect.Signatures) -> None:
    text = (
        "<a href='http://[oops'>a</a><img src='http://[::1'>"
        "<img srcset='http://[x 1x, /ok.png 2x'><a href='http://ex\uff03ample.com/'>b</a>"
        "<script src='https://static.hotjar.com/c.js'></script>"
    )
    scan = detect.scan_html(text, "https://example.org/", "x", False, signatures)
    assert scan.bad == 4
    assert {s for s, _ in scan.found} == {"hotjar"}
    assert detect.service_of("http://[oops", signatures) is None


def test_one_bad_link_does_not_end_the_crawl(
    runner: Runner, serve: Callable[[dict[str, Route]], Server]
) -> None:
    links = (
        b"<a href='http://[oops'>1</a><a href='/a\x01b'>2</a><a href='http://127.0.0.1:99999/'>3</a>"
        b"<a href='mailto:x@example.org'>not a page, not an error</a><a href='/about'>ok</a>"
    )
    server = serve({"/": page(PAGE + links), "/about": page(b"<p>about</p>")})
    code, doc, warnings = scan_json(runner, server.base + "/")
    assert code == 0, warnings
    assert doc["pages"] == 2 and "/about" in server.hits
    assert f"{server.base}/: 3 links skipped: not valid URLs" in warnings
    assert "Traceback" not in warnings


@pytest.mark.parametrize(
    "target",
    ["http://[::1", "http://[oops]/", "http://127.0.0.1:99999/", "http://a\x01b/", "http://a b/"],
)
def test_a_bad_target_is_one_line(runner: Runner, target: str) -> None:
    result = runner.invoke(["site", target])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not a valid web address" in result.stderr
    assert "\x01" not in result.stderr
    assert result.stdout == ""


def test_a_nul_in_a_local_link_is_no_crash(runner: Runner, tmp_path: Path) -> None:
    # After the first 4 KB, where a NUL does not make the page a binary file.
    (tmp_path / "index.html").write_text(
        f"<p>{'x' * 5000}</p><link rel='stylesheet' href='st\x00yle.css'><img src='http://[oops'>"
        "<script src='https://static.hotjar.com/c.js'></script>",
        encoding="utf-8",
    )
    code, doc, warnings = scan_json(runner, str(tmp_path))
    assert code == 0 and doc["findings"][0]["service"]["id"] == "hotjar"
    assert "index.html: 1 link skipped: not a valid URL" in warnings


@pytest.mark.parametrize("timeout", [math.nan, math.inf, -1.0, 0.0])
def test_a_timeout_must_be_finite_and_positive(timeout: float) -> None:
    with pytest.raises(ValueError, match="positive number of seconds"):
        Web(timeout)


# --- Item 14: a deadline for the whole request ----------------------------------------

BODY_HEAD = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n"


@pytest.mark.parametrize(
    "route",
    [
        trickle(BODY_HEAD, b"<p>"),
        trickle(b"HTTP/1.0 200 OK\r\nX-Slow: ", b"abc"),
        trickle(b"", b"HTTP/1.0 200 OK\r\n"),
    ],
    ids=["body", "headers", "status-line"],
)
def test_a_trickling_server_is_cut_at_the_timeout(
    serve: Callable[[dict[str, Route]], Server], route: Route
) -> None:
    # One byte every 0.1 s: no read ever waits 0.5 s, so only a deadline stops it.
    server = serve({"/": route})
    client = web(0.5)
    start = time.perf_counter()
    fetched, why, _ = client.get(server.base + "/", "html")
    elapsed = time.perf_counter() - start
    client.close()
    assert fetched is None and why == "timed out"
    assert elapsed < 2.0  # robots.txt (404, at once) and 0.5 s of trickle, never 10 s


def test_a_trickling_robots_txt_is_cut_too(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({"/robots.txt": trickle(BODY_HEAD, b"#"), "/": page()})
    client = web(0.5)
    start = time.perf_counter()
    fetched, why, _ = client.get(server.base + "/", "html")
    assert time.perf_counter() - start < 2.0
    assert fetched is not None and why is None  # robots.txt unread: no rule against it
    client.close()


def test_the_command_line_timeout_bounds_a_trickle(
    runner: Runner, serve: Callable[[dict[str, Route]], Server]
) -> None:
    server = serve({"/": trickle(BODY_HEAD, b"<p>")})
    start = time.perf_counter()
    result = runner.invoke(["site", server.base + "/", "--timeout", "0.5"])
    assert time.perf_counter() - start < 3.0
    assert result.exit_code == 2 and "/: skipped, timed out" in result.stderr


# --- Item 15: size bounds, counted on decoded bytes -----------------------------------

RULES = b"User-agent: *\nDisallow: /private\n"


def gzip_bomb(prefix: bytes, size: int = 64 * 1024 * 1024) -> bytes:
    """`prefix`, then `size` blanks, gzipped: 64 MiB inflate from 64 KB."""
    z = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [z.compress(prefix)]
    chunk = b" " * (1024 * 1024)
    parts.extend(z.compress(chunk) for _ in range(size // len(chunk)))
    parts.append(z.flush())
    return b"".join(parts)


def endless(head: bytes, start: bytes) -> Route:
    """A body without an end (well, 16 MiB, then the handler gives up)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.server.sent = 0  # type: ignore[attr-defined]
        try:
            handler.wfile.write(head + start)
            for _ in range(256):
                handler.wfile.write(b"#" * 65536)
                handler.server.sent += 65536  # type: ignore[attr-defined]
        except OSError:
            pass

    return route


def peak_of(call: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_endless_robots_txt_is_read_up_to_the_bound(
    serve: Callable[[dict[str, Route]], Server],
) -> None:
    head = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
    server = serve({"/robots.txt": endless(head, RULES)})
    client = web()
    assert not client.allowed(server.base + "/private/x")
    assert client.allowed(server.base + "/public")
    assert client.take_notes() == [f"{server.base}/robots.txt: only its first 2 MiB read"]
    client.close()
    assert server.done.wait(5)
    assert server.sent < 12 * 1024 * 1024  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["robots", "html"])
def test_a_gzip_bomb_is_cut_once_decoded(
    serve: Callable[[dict[str, Route]], Server], kind: str
) -> None:
    bomb = gzip_bomb(RULES if kind == "robots" else PAGE)
    assert len(bomb) < 100_000

    def route(handler: BaseHTTPRequestHandler) -> None:
        ctype = "text/plain" if kind == "robots" else "text/html"
        send(handler, 200, bomb, ctype, Content_Encoding="gzip")

    server = serve({"/robots.txt" if kind == "robots" else "/": route})
    client = web()
    if kind == "robots":
        allowed, peak = peak_of(lambda: client.allowed(server.base + "/private/x"))
        assert allowed is False
        assert client.take_notes() == [f"{server.base}/robots.txt: only its first 2 MiB read"]
    else:
        (fetched, why, _), peak = peak_of(lambda: client.get(server.base + "/", "html"))
        assert why == "only its first 2 MiB read" and len(fetched.text) == MAX_BYTES
    assert peak < 24 * 1024 * 1024  # 2 MiB read, never the 64 MiB it inflates to
    client.close()


def test_an_encoding_not_undone_is_refused(serve: Callable[[dict[str, Route]], Server]) -> None:
    route = lambda h: send(h, 200, b"\x8b\x00", "text/html", Content_Encoding="br")  # noqa: E731
    server = serve({"/": route})
    client = web()
    assert client.get(server.base + "/", "html")[1] == "cannot be read (content encoding br)"
    client.close()


# --- Item 16: a huge local file --------------------------------------------------------


def test_a_huge_local_file_is_read_up_to_the_bound(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(PAGE + b"\n" + b" " * 8192)
    os.truncate(path, 1536 * 1024 * 1024)  # sparse: 1.5 GB that take no room
    fetched, peak = peak_of(lambda: read_local(path, tmp_path, "html"))
    assert fetched is not None and fetched.cut and len(fetched.text) == MAX_BYTES
    assert peak < 16 * 1024 * 1024
    code, doc, warnings = scan_json(runner, str(path))
    assert code == 0 and doc["findings"][0]["service"]["id"] == "hotjar"
    assert "huge.html: only its first 2 MiB read" in warnings


# --- Item 21: no way from a public site into a private network -----------------------

LOCAL = ipaddress.ip_address("127.0.0.1")


def pretend_public(address: IPAddress) -> bool:
    """127.0.0.1 plays the public site; every other address is what it is."""
    return address == LOCAL or is_public(address)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False), ("127.0.0.2", False), ("10.1.2.3", False), ("172.16.0.1", False),
        ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
        ("0.0.0.0", False), ("224.0.0.1", False), ("::1", False), ("fe80::1", False),
        ("fc00::1", False), ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False),
        ("93.184.215.14", True), ("2606:4700::1111", True), ("::ffff:93.184.215.14", True),
    ],
)  # fmt: skip
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_the_guard_checks_addresses_before_any_connection() -> None:
    names = {"example.org": ["93.184.215.14"], "intranet.example": ["10.0.0.7"],
             "mixed.example": ["10.0.0.8", "93.184.215.15"]}  # fmt: skip
    asked: list[str] = []

    def resolve(host: str) -> list[str]:
        asked.append(host)
        return names[host]

    guard = Guard(resolve)
    assert guard.allowed("example.org", 1) == (ipaddress.ip_address("93.184.215.14"),)
    assert guard.strict is True  # the target is public
    for host in ("intranet.example", "169.254.169.254", "127.0.0.2", "[::1]", "localhost",
                 "app.localhost", "LOCALHOST."):  # fmt: skip
        with pytest.raises(Refused, match="is a private address, not visited from a public"):
            guard.allowed(host, 1)
    assert guard.allowed("mixed.example", 1) == (ipaddress.ip_address("93.184.215.15"),)
    assert guard.allowed("example.org", 1)
    # Literals and localhost are never looked up; a name, once per run.
    assert asked == ["example.org", "intranet.example", "mixed.example"]
    guard.begin()  # a private target: its own network is what the user asked for
    assert guard.allowed("intranet.example", 1) and guard.allowed("localhost", 1)


def test_a_resolver_that_hangs_is_given_up(serve: Callable[[dict[str, Route]], Server]) -> None:
    release = threading.Event()

    def hang(host: str) -> list[str]:
        release.wait(5)
        return ["127.0.0.1"]

    start = time.perf_counter()
    with pytest.raises(TimeoutError):
        Guard(hang).allowed("slow.example", 0.3)
    assert time.perf_counter() - start < 1.0
    client = Web(0.3, resolve=hang)
    fetched, why, _ = client.get("http://slow.example/", "html")
    assert fetched is None and why == "timed out"
    release.set()
    client.close()


@pytest.fixture()
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every TCP connection opened, by address: what a refused redirect must not add to."""
    opened: list[tuple[str, int]] = []
    real = socket.create_connection

    def spy(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        opened.append((address[0], address[1]))
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", spy)
    return opened


def test_a_public_site_cannot_redirect_into_a_private_network(
    serve: Callable[[dict[str, Route]], Server], connections: list[tuple[str, int]]
) -> None:
    inside = serve({"/": page(), "/robots.txt": page(b"")})
    port = inside.server_address[1]
    site = serve({
        "/to-localhost": redirect(f"http://localhost:{port}/"),
        "/to-loopback": redirect(f"http://127.0.0.2:{port}/"),
        "/to-link-local": redirect("http://169.254.169.254/latest/meta-data/"),
    })  # fmt: skip
    client = web(public=pretend_public)
    client.begin()
    for path, shown in (
        ("/to-localhost", "localhost"),  # by its name, whatever the addresses may be
        ("/to-loopback", "127.0.0.2"),
        ("/to-link-local", "169.254.169.254"),
    ):
        fetched, why, _ = client.get(site.base + path, "html")
        assert fetched is None
        assert why == f"{shown} is a private address, not visited from a public site"
    client.close()
    assert inside.hits == []
    assert {port for _, port in connections} == {site.server_address[1]}


def test_a_private_site_may_redirect_within_it_after_robots_txt(
    serve: Callable[[dict[str, Route]], Server], connections: list[tuple[str, int]]
) -> None:
    # The same redirects are followed when the site is private (what the guard refused
    # above is reachable), and the robots.txt of the host redirected to is obeyed.
    rules = b"User-agent: *\nDisallow: /secret\n"
    inside = serve({"/": page(), "/robots.txt": lambda h: send(h, 200, rules, "text/plain")})
    port = inside.server_address[1]
    site = serve({
        "/to-localhost": redirect(f"http://localhost:{port}/"),
        "/to-secret": redirect(f"http://localhost:{port}/secret"),
    })  # fmt: skip
    client = web()
    client.begin()
    fetched, why, final = client.get(site.base + "/to-localhost", "html")
    assert fetched is not None and why is None and final == f"http://localhost:{port}/"
    assert client.get(site.base + "/to-secret", "html")[1] == ROBOTS_SAY_NO
    client.close()
    assert inside.hits == ["/robots.txt", "/"]


def test_a_redirect_to_a_bad_address(serve: Callable[[dict[str, Route]], Server]) -> None:
    site = serve({"/": redirect("http://[oops/"), "/ftp": redirect("ftp://example.org/")})
    client = web()
    for path in ("/", "/ftp"):
        why = client.get(site.base + path, "html")[1]
        assert why == "redirected to an address that is not a valid URL"
    client.close()


class KeepAlive(Handler):
    protocol_version = "HTTP/1.1"  # connections stay open, for the pool to reuse


def test_a_connection_kept_from_a_private_target_is_not_reused_by_a_public_one(
    serve: Callable[[dict[str, Route]], Server],
) -> None:
    inside = serve({"/": page()})
    inside.RequestHandlerClass = KeepAlive
    site = serve({"/": redirect(f"http://localhost:{inside.server_address[1]}/")})
    public = [False]
    client = web(public=lambda address: public[0] and address == LOCAL)
    client.begin()  # a private target: localhost is what the user asked for
    assert client.get(f"http://localhost:{inside.server_address[1]}/", "html")[0] is not None
    public[0] = True
    client.begin()  # a public target, which redirects to the first
    why = client.get(site.base + "/", "html")[1]
    client.close()
    assert why == "localhost is a private address, not visited from a public site"
    assert inside.hits == ["/robots.txt", "/"]
