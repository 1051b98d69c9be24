"""Read a website's files: from a folder or file on disk, or over HTTP(S) with robots.txt
respected, a timeout, a size bound and a clear user agent. Nothing is executed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urldefrag, urlsplit

from altgafam import __version__
from altgafam.errors import InputError

if TYPE_CHECKING:
    import httpx

MAX_BYTES = 2 * 1024 * 1024
TIMEOUT = 10.0
USER_AGENT = f"altgafam/{__version__} (website dependency audit; static reading, no scripts run)"
HTML_TYPES = ("text/html", "application/xhtml+xml")


class Fetched(NamedTuple):
    """One file read: its text, where it came from, and whether it is on disk."""

    where: str
    text: str
    kind: str  # html, css, js
    local: bool


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
        raw = resolved.read_bytes()[:MAX_BYTES]
    except OSError:
        return None
    if b"\x00" in raw[:4096]:
        return None
    return Fetched(str(path), _decode(raw), kind, True)


class Web:
    """An HTTP client for one run: same user agent and timeout everywhere, robots.txt read
    once per site and obeyed."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        import httpx

        self.client: httpx.Client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=timeout,
            follow_redirects=True,
            max_redirects=5,
        )
        self.robots: dict[str, object] = {}

    def close(self) -> None:
        self.client.close()

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says of this address (no robots.txt: allowed)."""
        from urllib.robotparser import RobotFileParser

        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self.robots.get(origin)
        if rules is None:
            parser = RobotFileParser()
            try:
                response = self.client.get(f"{origin}/robots.txt")
                lines = response.text.splitlines() if response.status_code == 200 else []
            except Exception:
                lines = []
            parser.parse(lines)
            rules = self.robots[origin] = parser
        assert isinstance(rules, RobotFileParser)
        return rules.can_fetch(USER_AGENT, url)

    def get(self, url: str, kind: str) -> tuple[Fetched | None, str | None, str]:
        """(the file, or None; why not; the final address after redirects)."""
        import httpx

        url = urldefrag(url)[0]
        if not self.allowed(url):
            return None, "robots.txt asks robots not to read it", url
        try:
            with self.client.stream("GET", url) as response:
                final = str(response.url)
                if response.status_code >= 400:
                    return None, f"HTTP {response.status_code}", final
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind == "html" and ctype and ctype not in HTML_TYPES:
                    return None, f"not a web page ({ctype})", final
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > MAX_BYTES:
                        break
                note = "only its first 2 MiB read" if len(body) > MAX_BYTES else None
                text = _decode(bytes(body[:MAX_BYTES]), response.charset_encoding)
                return Fetched(final, text, kind, False), note, final
        except httpx.TimeoutException:
            return None, "timed out", url
        except httpx.TooManyRedirects:
            return None, "too many redirects", url
        except httpx.HTTPError as exc:
            return None, f"cannot be read ({type(exc).__name__})", url
