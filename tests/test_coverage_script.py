"""benchmarks/coverage.py reads each list's format and scores it, on small invented samples."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from altgafam.models import Catalog
from altgafam.normalize import key
from altgafam.scan import matcher

from .conftest import HERE, ROOT

DATA = HERE / "data" / "coverage"
SCRIPT = ROOT / "benchmarks" / "coverage.py"


@pytest.fixture(scope="module")
def cov() -> Iterator[ModuleType]:
    # Loaded from its path under its own name: `import coverage` may be coverage.py itself.
    spec = importlib.util.spec_from_file_location("coverage_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_each_format_gives_its_proprietary_names(cov: ModuleType) -> None:
    assert cov.awesome_privacy(_read("awesome-privacy.yml")) == [
        "Dropbox",
        "Quuxbox Cloud",
        "dropbox",
        "Netflix",
    ]
    assert cov.degooglisons(_read("services.yml")) == [
        "Google Sheets",
        "Zorblax Tables",
        "Minecraft",
        "—",
    ]
    assert cov.privacypack(_read("apps.json")) == ["Slack", "Plinkr Chat", "No VPN"]


def test_names_count_once_by_look_up_key(cov: ModuleType) -> None:
    assert cov.distinct(["Dropbox", "drop box", "DROPBOX", "Netflix"]) == ["Dropbox", "Netflix"]


def test_scoring_with_and_without_the_exclusions(
    cov: ModuleType, shipped: Catalog, shipped_index: matcher.Index
) -> None:
    names = cov.degooglisons(_read("services.yml")) + cov.privacypack(_read("apps.json"))
    verdicts = {v.name: v for v in cov.judge(names, shipped, shipped_index)}
    assert verdicts["Google Sheets"].recognised
    assert verdicts["Slack"].how == "proprietary"
    assert not verdicts["Zorblax Tables"].recognised
    assert not verdicts["Plinkr Chat"].recognised
    assert verdicts["Minecraft"].excluded == "games and game stores"
    assert verdicts["No VPN"].excluded == "not a product"
    # 7 names, 3 recognised (Minecraft read as Minecraft Education, Microsoft's too); without
    # Minecraft, the dash and No VPN: 4 names, 2 recognised.
    assert cov.score(list(verdicts.values())) == cov.Score(7, 3, 4, 2)


def test_main_prints_both_shares_and_the_misses(
    cov: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--privacypack", str(DATA / "apps.json"), "--misses", "--top", "5"]
    assert cov.main(argv) == 0
    out = capsys.readouterr().out
    assert "privacypack          3          1  33.3%          2          1  50.0%" in out
    assert "    Plinkr Chat (unknown)" in out
    assert "    No VPN (unknown)  [out of scope: not a product]" in out
    assert "1 1  Plinkr Chat" in out


def test_the_exclusions_are_unique_names(cov: ModuleType) -> None:
    names = [n for group in cov.OUT_OF_SCOPE.values() for n in group]
    assert len({key(n) or n for n in names}) == len(names)
    assert all(n == n.strip() and n for n in names)


def test_a_list_is_read_from_its_environment_variable(
    cov: ModuleType, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALTGAFAM_DEGOOGLISONS", str(DATA / "services.yml"))
    assert cov.main([]) == 0
    assert (
        "degooglisons         4          2  50.0%          2          1  50.0%"
        in capsys.readouterr().out
    )
