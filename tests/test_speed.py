"""What speed must not cost: lazy imports, a cache that never changes results, streamed output.
(Timings live in benchmarks/run.py, never in tests.)"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from altgafam.advice import plan
from altgafam.catalog import cache, loader, seal, store
from altgafam.errors import Problem
from altgafam.models import Catalog
from altgafam.report import json as json_format
from altgafam.report import table
from altgafam.scan import matcher
from altgafam.scan.inputs import parse_text

from .conftest import ROOT, Runner

EXAMPLE = str(ROOT / "examples" / "agency-tools.txt")


@pytest.fixture(autouse=True)
def _own_cache_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # The caches' key stays out of the user's data folder too (subprocesses inherit it).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(seal.KEY_ENV, str(tmp_path_factory.mktemp("data")))
        yield


HEAVY = (
    "yaml",
    "rapidfuzz",
    "rich.console",
    "rich.table",
    "numpy",
    "pydantic",
    "license_expression",
)


def test_importing_the_cli_imports_nothing_heavy() -> None:
    code = f"import sys, altgafam.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_version_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from altgafam.cli import main\n"
        "sys.argv = ['altgafam', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("exact", [False, True])
def test_a_warm_json_scan_loads_only_what_it_needs(tmp_path: Path, exact: bool) -> None:
    # With the catalog cache warm, a JSON scan needs neither the YAML parser, nor the
    # license checker, nor Rich, Jinja2 or httpx; a list whose every line is known exactly
    # does not need RapidFuzz either. (Typer itself loads dataclasses: that is the floor.)
    import os

    unneeded = ["yaml", "license_expression", "rich", "jinja2", "httpx"]
    tools = EXAMPLE
    if exact:
        unneeded.append("rapidfuzz")
        tools = str(tmp_path / "tools.txt")
        Path(tools).write_text("Slack\nGmail\nhttps://zoom.us/j/1\nOffice 365\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from altgafam.cli import run\n"
        f"code = run(['scan', {tools!r}, '-f', 'json', '-o', sys.argv[1]])\n"
        f"print(code, [m for m in {unneeded!r} if m in sys.modules])"
    )
    env = {**os.environ, "ALTGAFAM_CACHE_DIR": str(tmp_path / "cache")}
    out = str(tmp_path / "report.json")
    subprocess.run([sys.executable, "-c", code, out], env=env, check=True)  # warms the cache
    done = subprocess.run(
        [sys.executable, "-c", code, out], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0 []"
    if exact:
        results = json.loads(Path(out).read_text(encoding="utf-8"))["results"]
        assert all(r["status"] == "proprietary" for r in results)


def _scan(runner: Runner, env: dict[str, str]) -> str:
    result = runner.invoke(["scan", EXAMPLE, "-f", "json"], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cached_and_uncached_scans_are_identical(tmp_path: Path) -> None:
    runner = Runner()
    uncached = _scan(runner, {"ALTGAFAM_NO_CACHE": "1"})
    env = {"ALTGAFAM_CACHE_DIR": str(tmp_path)}
    first = _scan(runner, env)  # builds the cache
    assert list(tmp_path.glob("catalog-*.pickle"))
    second = _scan(runner, env)  # reads it
    assert uncached == first == second


def _unpickle(cached: Path) -> tuple[str, Catalog, object]:
    payload = seal.unseal(cache.PICKLE, cached.read_bytes())
    assert payload is not None, "every cache file is sealed"
    found: tuple[str, Catalog, object] = pickle.loads(payload)
    return found


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path))
    fresh = store.load_cached()
    [cached] = tmp_path.glob("catalog-*.pickle")
    cached.write_bytes(b"\x80\x05garbage")
    assert store.load_cached() == fresh
    assert isinstance(_unpickle(cached)[1], Catalog)


def test_the_scan_and_the_catalog_commands_keep_their_own_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A consultant alternates `catalog show` and `scan`: neither evicts the other's cache.
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path))
    store.load_cached()
    store.load_prepared(None, matcher.build_index)
    files = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("catalog-*.pickle")}
    assert len(files) == 2
    store.load_cached()
    store.load_prepared(None, matcher.build_index)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("catalog-*.pickle")} == files


def test_a_cache_file_holding_another_key_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Cache files are named by a checksum of their key: two keys may share a name, so the
    # full key inside the file decides.
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path))
    fresh = store.load_cached()
    [cached] = tmp_path.glob("catalog-*.pickle")
    key, catalog, prepared = _unpickle(cached)
    other = catalog._replace(services={})
    sealed = seal.seal(cache.PICKLE, pickle.dumps((key + " (another)", other, prepared)))
    assert sealed is not None
    cached.write_bytes(sealed)
    assert store.load_cached() == fresh


def _mini_with_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the mini catalog to edit, with a cache folder of its own."""

    folder = tmp_path / "cat"
    shutil.copytree(ROOT / "tests" / "catalogs" / "valid" / "mini", folder)
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def _replace_in(path: Path, old: str, new: str) -> None:
    """Edit a catalog file of the copy, as a maintainer saving it would."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_changed_catalog_file_misses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _mini_with_cache(tmp_path, monkeypatch)
    before = store.load_cached([folder])
    _replace_in(folder / "services.yaml", "name: Slack", "name: Slack Pro")
    after = store.load_cached([folder])
    assert before.services["slack"].name == "Slack"
    assert after.services["slack"].name == "Slack Pro"
    assert len(list((tmp_path / "cache").glob("catalog-*.pickle"))) == 1


def test_an_unwritable_cache_folder_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(blocker / "cache"))
    assert store.load_cached().services


def test_streamed_json_has_one_result_per_line(mini: Catalog, mini_index: matcher.Index) -> None:
    entries = parse_text("Slack\ngoogel docs\nphotocopieur\nMattermost\n")
    report = plan.build_report(matcher.match_all(entries, mini_index), mini)
    streamed = json_format.render(report)
    doc = json.loads(streamed)
    assert [json.loads(line.strip().rstrip(",")) for line in streamed.splitlines()[16:-2]] == [
        json_format.result_dict(r) for r in report.results
    ]
    assert len(doc["results"]) == 4
    empty = plan.build_report([], mini)
    assert json.loads(json_format.render(empty))["results"] == []


def test_long_lists_get_a_summary_table_pointing_to_output(
    mini: Catalog, mini_index: matcher.Index
) -> None:
    entries = parse_text("Slack\nMattermost\nphotocopieur\n" * 200)
    report = plan.build_report(matcher.match_all(entries, mini_index), mini)
    assert len(report.results) > table.MAX_ROWS
    grid = table.for_terminal(report)
    assert grid.row_count == 3
    import io

    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(grid)
    out = console.export_text()
    assert "200" in out and "--output FILE" in out


def test_the_script_answers_version_without_importing_typer() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['altgafam', '--version']\n"
        "from altgafam.__main__ import main\n"
        "main()\n"
        "print('typer' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from altgafam import __version__

    assert done.stdout.splitlines() == [f"altgafam {__version__}", "False"]


def test_license_verdicts_are_kept_between_runs_and_never_differ(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from altgafam.catalog import licenses

    monkeypatch.setenv("ALTGAFAM_CACHE_DIR", str(tmp_path))
    licenses._verdicts.cache_clear()
    expressions = ["MIT", "BUSL-1.1", "GPL-2.0", "AGPL-3.0-only OR GPL-3.0-only"]
    first = [licenses.check(e) for e in expressions]
    licenses.save_verdicts()
    [saved] = tmp_path.glob("licenses-*.sealed")
    payload = seal.unseal("licenses", saved.read_bytes())
    assert payload is not None
    assert json.loads(payload) == dict(zip(expressions, first, strict=True))
    licenses._verdicts.cache_clear()
    assert (
        [licenses.check(e) for e in expressions]
        == first
        == [licenses.judge(e) for e in expressions]
    )
    saved.write_text("{not json", encoding="utf-8")
    licenses._verdicts.cache_clear()
    assert [licenses.check(e) for e in expressions] == first
    licenses._verdicts.cache_clear()


def _spy_on_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the catalog files parsed from now on (not taken from the parse cache)."""
    from altgafam.catalog import yamlsrc

    parsed: list[str] = []
    real = yamlsrc.load

    def spy(path: Path, display: str, problems: list[Problem] | None = None) -> object:
        parsed.append(path.name)
        return real(path, display, problems)

    monkeypatch.setattr(yamlsrc, "load", spy)
    return parsed


def test_an_edited_file_is_parsed_again_and_only_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _mini_with_cache(tmp_path, monkeypatch)
    first = loader.load([folder])
    parsed = _spy_on_parses(monkeypatch)
    assert loader.load([folder]) == first
    assert parsed == []  # every file came from the parse cache
    _replace_in(folder / "services.yaml", "Team chat.", "Chat.")
    second = loader.load([folder])
    assert parsed == ["services.yaml"]
    assert second.services["slack"].description.en == "Chat."
    # And a problem in a cached file is still located precisely.
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    loader.load([bad])
    (bad / "extra.yaml").write_text("services:\n  - id: x\n", encoding="utf-8")
    result = loader.validate([bad])
    assert any(p.file == "bad/extra.yaml" and p.line == 2 for p in result.errors)


def test_a_catalog_of_more_files_than_the_parse_cache_keeps_reparses_only_the_edited_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _mini_with_cache(tmp_path, monkeypatch)
    files = sorted(p.name for p in folder.glob("*.yaml"))
    assert len(files) > 1
    # The cache keeps fewer old states than the catalog has files, as the shipped catalog
    # outgrew its few hundred.
    monkeypatch.setattr(cache, "PARSED_KEEP", 1)
    loader.load([folder])
    parsed = _spy_on_parses(monkeypatch)
    services = folder / "services.yaml"
    for n in range(3):
        services.write_text(services.read_text(encoding="utf-8") + f"# {n}\n", encoding="utf-8")
        loader.load([folder])
        assert parsed == ["services.yaml"]
        parsed.clear()
    # Old states of the edited file beyond the one kept are gone; every current file stays.
    kept = list((tmp_path / "cache" / "parsed").glob("*.pickle"))
    assert len(kept) == len(files) + 1
