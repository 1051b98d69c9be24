"""Shared fixtures: the small test catalog, its index, and paths."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from altgafam import catalog, matcher
from altgafam.models import Catalog

# Tests never touch the user's own cache folder.
os.environ["ALTGAFAM_CACHE_DIR"] = tempfile.mkdtemp(prefix="altgafam-test-cache-")

HERE = Path(__file__).parent
ROOT = HERE.parent
MINI = HERE / "catalogs" / "valid" / "mini"


@pytest.fixture(scope="session")
def mini() -> Catalog:
    return catalog.load([MINI])


@pytest.fixture(scope="session")
def mini_index(mini: Catalog) -> matcher.Index:
    return matcher.build_index(mini)


@pytest.fixture(scope="session")
def shipped() -> Catalog:
    return catalog.load()


@pytest.fixture(scope="session")
def shipped_index(shipped: Catalog) -> matcher.Index:
    return matcher.build_index(shipped)
