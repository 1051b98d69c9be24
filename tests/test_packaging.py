"""The wheel carries the catalog: build it, install it in a fresh venv, scan from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_and_scans_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("altgafam-*.whl"))
    import zipfile

    # The matcher's word list ships with its license beside it.
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "altgafam/scan/data/common-words.txt",
        "altgafam/scan/data/common-words.LICENSE",
    } <= shipped
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "tools.txt").write_text("Gmail\nSlack\n", encoding="utf-8")
    done = subprocess.run(
        [str(bindir / "altgafam"), "scan", "tools.txt", "--format", "json"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    doc = json.loads(done.stdout)
    assert [r["match"]["id"] for r in doc["results"]] == ["gmail", "slack"]
    assert doc["catalog"]["services"] >= 60
    assert (bindir / "python").exists()
