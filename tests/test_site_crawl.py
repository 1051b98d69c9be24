"""A 200-page site on 127.0.0.1, crawled with --max-pages 200 in a child process: every page
read, memory under 200 MB. The time is measured (benchmarks/site_crawl.py, README), never
asserted: it depends on the machine."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def test_200_pages_within_200_mb() -> None:
    spec = importlib.util.spec_from_file_location(
        "site_crawl", ROOT / "benchmarks" / "site_crawl.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.crawl(200)
    assert result["pages"] == 200
    assert result["findings"] >= 10
    assert result["peak_mib"] < 200
