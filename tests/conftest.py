"""Shared fixtures: the small test catalog, its index, and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from altgafam import catalog, matcher
from altgafam.models import Catalog

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
