"""The HTML report printed by a real browser: A4 pages, page numbers and the client's name in
the margins, no tool heading left alone at the bottom of a page. Skipped where Chromium or
poppler's tools are not installed (CI's fresh machine has neither)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, Runner

CLIENT = "Coopérative Exemple"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{names[0]} is not installed")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    browser = _tool(*BROWSERS)
    _tool("pdftotext")
    _tool("pdfinfo")
    folder = tmp_path_factory.mktemp("pdf")
    html, out = folder / "report.html", folder / "report.pdf"
    result = Runner().invoke(
        [
            "scan",
            str(ROOT / "examples" / "agency-tools.txt"),
            *("-f", "html", "--lang", "fr", "--client", CLIENT),
            *("--date", "2026-11-26", "-o", str(html)),
        ]
    )
    assert result.exit_code == 0, result.output
    # No network, no profile of the user's, no default header and footer: the report's
    # own margin boxes are what gets printed.
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert out.exists() and out.stat().st_size > 0
    return out


@pytest.fixture(scope="module")
def headings(pdf: Path) -> set[str]:
    """The report's h2, h3 and h4 as the PDF shows them: tags dropped, entities read back."""
    source = (pdf.parent / "report.html").read_text(encoding="utf-8")
    return {
        html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", source)
    }


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [[line.strip() for line in p.splitlines() if line.strip()] for p in text.split("\f")]
    return [page for page in pages if page]


def test_pages_are_a4(pdf: Path) -> None:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "1000", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert sizes
    # A4 is 595 x 842 points (210 x 297 mm).
    assert all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in sizes), set(sizes)


def test_every_page_is_numbered_and_names_the_client(pages: list[list[str]]) -> None:
    assert len(pages) > 3
    total = len(pages)
    for number, page in enumerate(pages, 1):
        assert page[0] == CLIENT, (number, page[0])
        assert page[-1] == f"{number} / {total}", (number, page[-1])


def test_no_heading_ends_a_page(pages: list[list[str]], headings: set[str]) -> None:
    assert len(headings) > 20 and "Google Calendar GAFAM" in headings
    for number, page in enumerate(pages, 1):
        last = page[-2]  # the line above the page number
        assert last not in headings, (number, last)


def test_the_contents_and_the_summary_open_the_report(pages: list[list[str]]) -> None:
    first = pages[0]
    assert "Sommaire" in first and "Synthèse" in first
    assert first.index("Sommaire") < first.index("Synthèse")
