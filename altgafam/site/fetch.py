"""Read a website's files: from a folder or file on disk, or over HTTP(S) with robots.txt
respected, a timeout, a size bound and a clear user agent. Nothing is executed."""

from __future__ import annotations

import math
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from altgafam import __version__
from altgafam.errors import InputError
from altgafam.normalize import sanitize
from altgafam.site.guard import Guard, PublicTest, Refused, Resolver, is_public, system_resolve

if TYPE_CHECKING:
    import httpx

# Of every file read, on disk or on the web (robots.txt too), counted once decoded: a 2 MB
# gzip bomb inflates to 2 GB.
MAX_BYTES = 2 * 1024 * 1024
# Seconds, wall clock, for one request: a page with its redirects, or a robots.txt.
TIMEOUT = 10.0
MAX_REDIRECTS = 5
ROBOTS_SAY_NO = "robots.txt asks robots not to read it"
# C0 and C1 controls: no valid address holds one (tabs and line breaks are already dropped
# from links by urllib, as browsers do). One class, one character: linear.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BAD_HOST = re.compile(r"[\s%]")
USER_AGENT = f"altgafam/{__version__} (website dependency audit; static reading, no scripts run)"
HTML_TYPES = ("text/html", "application/xhtml+xml")


class Fetched(NamedTuple):
    """One file read: its text, where it came from, and whether it is on disk."""

    where: str
    text: str
    kind: str  # html, css, js
    local: bool
    cut: bool = False  # only its first MAX_BYTES read
    headers: tuple[tuple[str, str], ...] = ()  # the response's, Set-Cookie included


def _decode(raw: bytes, charset: str | None = None) -> str:
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return raw.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return raw.decode("cp1252", errors="replace")


def local_pages(target: Path) -> tuple[Path, list[Path]]:
    """The site's root folder and its HTML pages (a file alone, or every .html under a folder)."""
    if target.is_file():
        return target.parent, [target]
    if target.is_dir():
        pages = sorted(p for p in target.rglob("*") if p.suffix.lower() in (".html", ".htm"))
        return target, pages
    raise InputError(f"{target}: no such file or folder")


def read_local(path: Path, root: Path, kind: str) -> Fetched | None:
    """A file of the site on disk, or None when it is outside the site, missing or binary."""
    try:
        resolved = path.resolve()
        if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
            return None
        # The first MAX_BYTES only (and one more byte, to know): a sparse 1.5 GB file read
        # whole took 1.5 GB of memory.
        with resolved.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except (OSError, ValueError):  # ValueError: a NUL in the path, from a page's link
        return None
    if b"\x00" in raw[:4096]:
        return None
    cut = len(raw) > MAX_BYTES
    return Fetched(str(path), _decode(raw[:MAX_BYTES]), kind, True, cut)


def web_address(url: str) -> str | None:
    """`url` when it is a valid http(s) address with a host, as httpx will request it; None
    for "http://[oops", a control character, a port out of range, a host with blanks."""
    import httpx

    if _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError when out of range or not a number)
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        return None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or _BAD_HOST.search(host):
        return None
    return url


def check_target(url: str) -> str:
    """A web target as given by the user, refused with one line when it is not a valid URL."""
    if web_address(url) is None:
        shown = sanitize(url)  # its control characters are not for the terminal
        raise InputError(f"{shown}: not a valid web address (give an http(s) URL with a host)")
    return url


class _BadEncoding(Exception):
    """A content encoding this reader does not undo (br, zstd, or several in a row)."""


class _Decoder:
    """Undo a response's content encoding without ever making more than asked: a small gzip
    body may inflate a thousandfold, so the size bound counts decoded bytes."""

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        self._deflate = codings == ["deflate"]
        self._zlib: zlib._Decompress | None = None
        if codings in (["gzip"], ["x-gzip"]):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self._deflate:
            self._zlib = zlib.decompressobj()
        elif codings:
            raise _BadEncoding(encoding)
        self._started = False

    def decode(self, data: bytes, limit: int) -> bytes:
        """At most `limit` bytes of what `data` decodes to (the rest is never made)."""
        if self._zlib is None:
            return data[:limit]
        try:
            out = self._zlib.decompress(data, limit)
        except zlib.error:
            # "deflate" is meant to be zlib-wrapped; some servers send it raw.
            if not (self._deflate and not self._started):
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._zlib.decompress(data, limit)
        self._started = True
        return out


def _read_body(response: httpx.Response) -> tuple[bytes, bool]:
    """The body, decoded, up to MAX_BYTES; and whether there was more."""
    decoder = _Decoder(response.headers.get("content-encoding", ""))
    body = bytearray()
    for chunk in response.iter_raw():
        body += decoder.decode(chunk, MAX_BYTES + 1 - len(body))
        if len(body) > MAX_BYTES:
            return bytes(body[:MAX_BYTES]), True
    return bytes(body), False


class _Answer(NamedTuple):
    """One GET, redirects followed: the body (None when not read), why not, the final
    address, the charset the server gave, and whether the body was cut at MAX_BYTES."""

    body: bytes | None
    why: str | None
    final: str
    charset: str | None = None
    cut: bool = False
    headers: tuple[tuple[str, str], ...] = ()


class Web:
    """An HTTP client for one run: same user agent and timeout everywhere, robots.txt read
    once per site and obeyed, each request bounded in time and size, and no connection from
    a public site into a private network (`resolve` and `public` are there for tests)."""

    def __init__(
        self,
        timeout: float = TIMEOUT,
        *,
        resolve: Resolver = system_resolve,
        public: PublicTest = is_public,
    ) -> None:
        # A second guard after the command line's: nan, inf or <= 0 would bound nothing.
        if not (math.isfinite(timeout) and timeout > 0):
            raise ValueError(f"timeout: a positive number of seconds, not {timeout!r}")
        from altgafam.site.transport import Clock

        self.timeout = timeout
        self.clock = Clock()
        self.guard = Guard(resolve, public)
        self.client = self._client()
        self.robots: dict[str, RobotFileParser] = {}
        self.notes: list[str] = []

    def _client(self) -> httpx.Client:
        import httpx

        from altgafam.site.transport import Backend, Transport

        return httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=self.timeout,
            # Followed by hand, each address checked (robots.txt, guard) before it is read.
            follow_redirects=False,
            transport=Transport(Backend(self.guard, self.clock)),
        )

    def close(self) -> None:
        self.client.close()

    def begin(self) -> None:
        """A new target: whether the site is public is told by its own address. The guard
        checks a connection when it opens: one kept open for the previous target (perhaps
        private, and allowed then) must not serve this one, so the client starts anew."""
        self.guard.begin()
        self.client.close()
        self.client = self._client()

    def take_notes(self) -> list[str]:
        """What the run should be told of, beyond the page asked for (a robots.txt cut)."""
        notes, self.notes = self.notes, []
        return notes

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says of this address (no robots.txt: allowed)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self.robots.get(origin)
        if rules is None:
            rules = self.robots[origin] = self._read_robots(origin)
        return rules.can_fetch(USER_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        parser = RobotFileParser()
        with self.clock.limit(self.timeout):
            answer = self._exchange(f"{origin}/robots.txt", "robots")
        lines: list[str] = []
        if answer.body is not None:
            lines = _decode(answer.body, answer.charset).splitlines()
            if answer.cut:
                lines = lines[:-1]  # the last one may be cut in the middle
                self.notes.append(f"{origin}/robots.txt: only its first 2 MiB read")
        parser.parse(lines)
        return parser

    def get(self, url: str, kind: str) -> tuple[Fetched | None, str | None, str]:
        """(the file, or None; why not; the final address after redirects)."""
        if web_address(url) is None:
            return None, "not a valid URL", url
        url = urldefrag(url)[0]
        if not self.allowed(url):
            return None, ROBOTS_SAY_NO, url
        with self.clock.limit(self.timeout):
            answer = self._exchange(url, kind)
        if answer.body is None:
            return None, answer.why, answer.final
        note = "only its first 2 MiB read" if answer.cut else None
        text = _decode(answer.body, answer.charset)
        fetched = Fetched(answer.final, text, kind, False, answer.cut, answer.headers)
        return fetched, note, answer.final

    def _exchange(self, url: str, kind: str) -> _Answer:
        """GET `url` within the clock's deadline, following redirects by hand: each address
        is checked (a valid URL; the robots.txt of its site, unless robots.txt is what is
        read; the guard, before connecting) before it is requested."""
        import httpx

        try:
            for _ in range(MAX_REDIRECTS + 1):
                with self.client.stream("GET", url) as response:
                    if response.is_redirect:
                        target = _redirect(str(response.url), response.headers["location"])
                    else:
                        return self._answer(response, url, kind)
                if target is None:
                    return _Answer(None, "redirected to an address that is not a valid URL", url)
                url = target
                if kind != "robots" and not self.allowed(url):
                    return _Answer(None, ROBOTS_SAY_NO, url)
            return _Answer(None, "too many redirects", url)
        except Refused as exc:
            return _Answer(None, str(exc), url)
        except httpx.TimeoutException:
            return _Answer(None, "timed out", url)
        except httpx.HTTPError as exc:
            return _Answer(None, f"cannot be read ({type(exc).__name__})", url)
        except _BadEncoding as exc:
            encoding = sanitize(str(exc))[:80]
            return _Answer(None, f"cannot be read (content encoding {encoding})", url)
        except zlib.error:
            return _Answer(None, "cannot be read (broken compression)", url)

    def _answer(self, response: httpx.Response, url: str, kind: str) -> _Answer:
        if kind == "robots" and response.status_code != 200:
            return _Answer(None, f"HTTP {response.status_code}", url)
        if response.status_code >= 400:
            return _Answer(None, f"HTTP {response.status_code}", url)
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "html" and ctype and ctype not in HTML_TYPES:
            return _Answer(None, f"not a web page ({sanitize(ctype)[:80]})", url)
        body, cut = _read_body(response)
        # The first headers only, each cut short: the fingerprints need names and a few words.
        headers = tuple((k, sanitize(v)[:2048]) for k, v in response.headers.multi_items()[:100])
        return _Answer(body, None, url, response.charset_encoding, cut, headers)


def _redirect(base: str, location: str) -> str | None:
    """Where a redirect leads, None when it is not a valid http(s) address."""
    try:
        target = urldefrag(urljoin(base, location.strip()))[0]
    except ValueError:
        return None
    return web_address(target)
