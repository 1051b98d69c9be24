"""A 200-page site on 127.0.0.1, crawled with --max-pages 200 in a child process: every page
read, memory under 200 MB. The time is measured (benchmarks/site_crawl.py, README), never
asserted: it depends on the machine."""

from __future__ import annotations

from .conftest import benchmark


def test_200_pages_within_200_mb() -> None:
    result = benchmark("site_crawl").crawl(200)
    assert result["pages"] == 200
    assert result["findings"] >= 10
    assert result["peak_mib"] < 200
