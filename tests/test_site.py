"""`altgafam site` on a fixture site, read from disk and served on 127.0.0.1: same findings."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from .conftest import HERE, Runner, served
from .test_hostile import assert_clean_html

SITE = HERE / "fixtures" / "site"
FOUND_ON_PAGES = {
    "google-analytics", "google-fonts", "google-maps-platform", "google-recaptcha",
    "meta-pixel", "youtube-embeds",
}  # fmt: skip


class Handler(SimpleHTTPRequestHandler):
    """The fixture site, plus a redirect, a slow page and a huge page."""

    # The test server answers as no product: "SimpleHTTP/0.6 Python/3.x" is libre software
    # the site audit would rightly report.
    server_version = "fixture"
    sys_version = ""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/about.html")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.5)
            self._page(b"<p>late</p>")
        elif self.path == "/huge":
            self._page(
                b"<script src='https://static.hotjar.com/x.js'></script>" + b"x" * (3 * 1024 * 1024)
            )
        else:
            super().do_GET()

    def _page(self, body: bytes) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with served(SITE, Handler) as address:
        yield address


def scan(runner: Runner, *args: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    result = runner.invoke(["site", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def ids(doc: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["service"]["id"] for f in doc["findings"]}


def test_a_site_on_disk(runner: Runner) -> None:
    doc, _ = scan(runner, str(SITE))
    # The folder holds private/notes.html too: on disk, every page is read.
    assert ids(doc) == FOUND_ON_PAGES | {"hotjar"}
    assert doc["pages"] == 4
    fonts = next(f for f in doc["findings"] if f["service"]["id"] == "google-fonts")
    assert fonts["evidence"] == [
        {"file": str(SITE / "css" / "style.css"), "line": 2, "match": fonts["evidence"][0]["match"]}
    ]
    assert fonts["evidence"][0]["match"].startswith("https://fonts.googleapis.com/css2")
    assert fonts["service"]["owner"] == "Alphabet" and fonts["service"]["gafam"] is True
    assert fonts["alternatives"][0]["id"] == "fontsource"
    analytics = next(f for f in doc["findings"] if f["service"]["id"] == "google-analytics")
    assert {(e["line"], e["match"]) for e in analytics["evidence"]} >= {(12, "gtag('config', 'G-")}


def test_a_clean_page_has_no_finding(runner: Runner) -> None:
    # about.html links to youtube.com in a paragraph and self-hosts its fonts: no dependency.
    doc, _ = scan(runner, str(SITE / "about.html"))
    assert doc["findings"] == [] and doc["pages"] == 1


def test_the_same_site_served_over_http(runner: Runner, server: str) -> None:
    doc, warnings = scan(runner, f"{server}/index.html")
    assert ids(doc) == FOUND_ON_PAGES  # private/ is disallowed by robots.txt
    assert "robots.txt asks robots not to read it" in warnings
    assert "brochure.pdf: skipped, not a web page (application/pdf)" in warnings
    assert doc["pages"] == 3
    evidence = [e for f in doc["findings"] for e in f["evidence"]]
    assert all("url" in e and "file" not in e and "line" not in e for e in evidence)


def test_max_pages(runner: Runner, server: str) -> None:
    doc, _ = scan(runner, f"{server}/index.html", "--max-pages", "1")
    assert doc["pages"] == 1


def test_redirects_are_followed(runner: Runner, server: str) -> None:
    doc, _ = scan(runner, f"{server}/old")
    assert doc["pages"] >= 1


def test_timeouts_and_huge_pages(runner: Runner, server: str) -> None:
    result = runner.invoke(
        ["site", f"{server}/slow", f"{server}/huge", "--timeout", "0.5", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "/slow: skipped, timed out" in result.stderr
    assert "/huge: only its first 2 MiB read" in result.stderr
    assert ids(json.loads(result.stdout)) == {"hotjar"}


def test_nothing_readable_is_an_error(runner: Runner, server: str, tmp_path: Path) -> None:
    result = runner.invoke(["site", f"{server}/brochure.pdf"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("altgafam: error: no page could be read")
    missing = runner.invoke(["site", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr
    refused = runner.invoke(["site", "http://127.0.0.1:9/"])
    assert refused.exit_code == 2 and "cannot be read" in refused.stderr


def test_binary_and_malformed_files(runner: Runner, tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_text(
        "<html><head><script src='https://use.typekit.net/x.js'><body><p>unclosed <b>",
        encoding="utf-8",
    )
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    doc, warnings = scan(runner, str(tmp_path))
    assert ids(doc) == {"adobe-fonts"}
    assert "image.html: skipped" in warnings


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_site_report_formats(runner: Runner, lang: str) -> None:
    md = runner.invoke(
        ["site", str(SITE), "-f", "markdown", "--lang", lang, "--client", "Boulangerie"]
    )
    assert md.exit_code == 0
    assert ("Website dependencies" if lang == "en" else "Dépendances du site web") in md.stdout
    html = runner.invoke(["site", str(SITE), "-f", "html", "--lang", lang])
    assert html.exit_code == 0
    assert_clean_html(html.stdout)
    table = runner.invoke(["site", str(SITE)], env={"COLUMNS": "80"})
    assert table.exit_code == 0 and "Google Fonts" in table.stdout


def test_scan_and_site_in_one_report(runner: Runner) -> None:
    from .conftest import ROOT

    result = runner.invoke(
        [
            "scan",
            str(ROOT / "examples" / "agency-tools.txt"),
            "-f",
            "markdown",
            "--site",
            str(SITE),
        ],
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "## Your website" in text and "Google Fonts" in text and "## Annex: tool by tool" in text


def test_signatures_are_catalog_data() -> None:
    from altgafam.catalog import store

    cat = store.load_cached()
    assert len(cat.signatures) >= 30
    assert all(s in cat.services for s in cat.signatures)


def test_report_options_are_checked_as_for_scan(runner: Runner, tmp_path: Path) -> None:
    for args, message in (
        (["-f", "pdf"], "'pdf' is not one of"),
        (["--lang", "de"], "'de' is not one of 'en', 'fr'"),
        (["--template", str(tmp_path / "nope.j2")], "--template goes with --format markdown"),
        (["-f", "html", "--template", str(tmp_path / "nope.j2")], "nope.j2: no such template"),
    ):
        result = runner.invoke(["site", str(SITE), *args])
        assert result.exit_code == 2, args
        assert result.stderr.startswith("altgafam: error: ") and message in result.stderr
        assert result.stdout == ""
