"""Hostile catalogs and overlays, round two: the same folder twice, impossible dates,
duplicate keys, terminal escapes, planted caches, and overlays too big to read."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altgafam.catalog import loader, store

from .conftest import HERE, MINI, Runner
from .test_maintainers import _own_tool

OVERLAYS = HERE / "catalogs" / "overlays"
PROFILE = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- 20. The same overlay folder given twice ---------------------------------------------


def test_the_same_overlay_given_twice_is_read_once(runner: Runner, tmp_path: Path) -> None:
    overlay = _own_tool(tmp_path / "overlay")
    env = {"ALTGAFAM_CATALOG_PATH": str(overlay)}
    # Spelled differently on the command line: compared by resolved path.
    again = str(tmp_path / "." / "overlay" / ".." / "overlay")
    result = runner.invoke(["catalog", "validate", again], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("catalog valid:")
    scanned = runner.invoke(["scan", "-", "-f", "json", "--catalog", again], input="OME\n", env=env)
    assert scanned.exit_code == 0, scanned.output
    assert json.loads(scanned.stdout)["results"][0]["match"]["id"] == "outil-maison-exemple"


def test_a_base_folder_given_again_as_an_overlay_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(MINI)
    result = loader.validate([MINI], overlays=[tmp_path / "link", MINI])
    assert result.problems == []
    assert result.catalog == loader.load([MINI])


_FOLDERS = [OVERLAYS / "agency", OVERLAYS / "agency" / ".." / "agency", OVERLAYS / "other"]


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 30))  # few distinct inputs
@given(st.lists(st.sampled_from(range(len(_FOLDERS))), max_size=6))
def test_repeated_overlays_load_as_their_first_occurrences(picks: list[int]) -> None:
    given_folders = [_FOLDERS[i] for i in picks]
    first: list[Path] = []
    for folder in given_folders:
        if folder.resolve() not in [f.resolve() for f in first]:
            first.append(folder)
    assert [str(p) for p in loader.validate([MINI], overlays=given_folders).problems] == [
        str(p) for p in loader.validate([MINI], overlays=first).problems
    ]
    if not any("other" in str(f) for f in first):  # agency alone (or nothing) is valid
        assert store.load_cached([MINI], given_folders) == loader.load([MINI], first)
