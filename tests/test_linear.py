"""Every pattern that sees page or list text, on 100 KB made to make it backtrack: each must
finish in well under a second. A complexity check, not a benchmark: the bound is generous,
and the quadratic versions took from 15 s to minutes on the same input."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from altgafam.catalog import store
from altgafam.normalize import fold, sanitize
from altgafam.scan.inputs import parse_text, read_tools
from altgafam.site import detect
from altgafam.site.fetch import web_address

N = 100_000
BOUND = 2.0  # seconds


@pytest.fixture(scope="module")
def signatures() -> detect.Signatures:
    return detect.prepare(store.load_cached())


def timed(call: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND, f"{elapsed:.2f} s"
    return result


def code(signatures: detect.Signatures, text: str) -> list[str]:
    return [e.match for _, e in detect.scan_code(text, "x.css", True, signatures)]


def page(signatures: detect.Signatures, text: str) -> detect.PageScan:
    return detect.scan_html(text, "https://example.org/", "x.html", True, signatures)


@pytest.mark.parametrize(
    "text",
    [
        "@import" + " " * N + ")",  # the issue's: 60,000 spaces took 46 s
        "@import url(" + " " * N + ")",
        "@import " * (N // 8),
        "url(" + " " * N + ")",
        "url(" * (N // 4),
    ],
    ids=["import-blanks", "import-url-blanks", "imports", "url-blanks", "urls"],
)
def test_css_url_pattern_is_linear(signatures: detect.Signatures, text: str) -> None:
    assert timed(lambda: code(signatures, text)) == []


def test_css_url_pattern_still_finds_imports(signatures: detect.Signatures) -> None:
    font = "https://fonts.googleapis.com/css2?family=Inter"
    for css in (f"@import url( '{font}');", f'@import "{font}";', f"@import\n  url({font});"):
        assert set(code(signatures, css)) == {font}, css


@pytest.mark.parametrize(
    "text",
    [
        "//" + "a." * (N // 2),
        "//" + "a" * N,
        "//" + "a.1" * (N // 3),
        "https:" * (N // 6),
        "//" * (N // 2),
        "//a" * (N // 3),
    ],
    ids=["dots", "letters", "digit-tlds", "schemes", "slashes", "short-hosts"],
)
def test_script_url_pattern_is_linear(signatures: detect.Signatures, text: str) -> None:
    assert timed(lambda: code(signatures, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "<img srcset='" + " " * N + "x'>",  # re.split(r"\s*,\s*") was quadratic here
        "<img srcset='" + " ," * (N // 2) + "'>",
        "<a\n" * (N // 3),  # an unterminated tag: 100 s in close() before Python 3.13.5
        "<!--" * (N // 4),
        "<a b='" + "<a b=" * (N // 5),
        "<a/" * (N // 3),
        "<a '" * (N // 4),
        "</" * (N // 2),
        "<?" * (N // 2),
    ],
    ids="srcset-blanks srcset-commas tags comments attrs slashes quotes end-tags pis".split(),
)
def test_html_reading_is_linear(signatures: detect.Signatures, text: str) -> None:
    scan = timed(lambda: page(signatures, text))
    assert scan.found == [] and scan.bad == 0


def test_an_unterminated_tag_at_the_end_hides_nothing_before_it(
    signatures: detect.Signatures,
) -> None:
    text = "<script src='https://static.hotjar.com/c.js'></script>\n<p>end <a\n" * 2
    assert {s for s, _ in page(signatures, text).found} == {"hotjar"}
    # An unterminated <script> (the 2 MiB bound may cut one) is still code: read it.
    scan = timed(lambda: page(signatures, "<script>gtag('config', 'G-1'); //" + "</" * N))
    assert {s for s, _ in scan.found} == {"google-analytics"}


def test_line_numbers_are_counted_once(signatures: detect.Signatures) -> None:
    # The 2 MB page with 50,000 analytics addresses took 19 s.
    body = "\n".join(f"'https://www.google-analytics.com/c?{i}'," for i in range(50_000))
    text = "<html>\n<script>" + body + "</script>"
    assert len(text) > 2_000_000
    scan = timed(lambda: page(signatures, text))
    lines = [e.line for s, e in scan.found if e.match.startswith("https://www.google-a")]
    assert lines == list(range(2, 50_002))


@pytest.mark.parametrize("text", [" #" * (N // 2), "\t" * N + "#", "#" * N, "a #\n" * (N // 4)])
def test_comment_pattern_is_linear(text: str) -> None:
    entries = timed(lambda: parse_text(text))
    assert all(e.text == "a" for e in entries)


@pytest.mark.parametrize(
    "row", ["a,'", "'a' ,", 'a;"', "a\t'", "'a,"], ids=["comma", "spaced", "semi", "tab", "open"]
)
def test_csv_delimiter_sniffing_is_bounded(tmp_path: Path, row: str) -> None:
    # csv.Sniffer's quote patterns took 17 s on 64 KB of "a,'": it sees 4 KB at most.
    path = tmp_path / "tools.csv"
    path.write_text("tool\n" + row * (N // len(row)) + "\nSlack\n", encoding="utf-8")
    tools = timed(lambda: read_tools(str(path)))
    assert tools.entries[-1].text == "Slack"


def test_normalize_patterns_are_linear() -> None:
    assert timed(lambda: fold("-+" * (N // 2) + "Slack")) == " ".join("+" * (N // 2)) + "slack"
    assert timed(lambda: sanitize("\x1b[" * (N // 2))) == " [" * (N // 2)


def test_control_character_pattern_is_linear() -> None:
    assert timed(lambda: web_address("http://example.org/" + "a" * N + "\x01")) is None
    # httpx refuses addresses over 64 KB.
    assert timed(lambda: web_address("http://example.org/" + "%20" * (N // 5))) is not None
