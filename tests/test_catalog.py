"""Catalog loading and validation: the valid examples load, every invalid one fails precisely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from altgafam.catalog import cache, licenses, loader
from altgafam.errors import CatalogError
from altgafam.models import Catalog, Entry
from altgafam.scan import matcher

from .conftest import HERE, MINI, ROOT

INVALID = sorted(p for p in (HERE / "catalogs" / "invalid").iterdir() if p.is_dir())


def test_mini_catalog_loads(mini: Catalog) -> None:
    assert sorted(mini.services) == ["google-docs", "microsoft-teams", "skype", "slack"]
    assert mini.services["skype"].discontinued == dt.date(2025, 5, 5)
    assert mini.services["slack"].alternatives[0].note is not None


def test_gafam_is_derived_from_the_ownership_chain(mini: Catalog) -> None:
    assert mini.owner("google").id == "alphabet"
    assert mini.is_gafam(mini.services["google-docs"])
    assert mini.owner("slack").id == "salesforce"
    assert not mini.is_gafam(mini.services["slack"])


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_catalog_reports_every_problem_exactly(case: Path) -> None:
    result = loader.validate([MINI, case], today=dt.date(2026, 11, 26))
    lines = [str(p) for p in result.problems]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert lines == expected
    assert result.errors, "every invalid example must have at least one error"
    with pytest.raises(CatalogError):
        loader.load([MINI, case])


def test_error_string_has_file_line_and_key_path() -> None:
    result = loader.validate([MINI, HERE / "catalogs" / "invalid" / "unknown-key"])
    assert str(result.errors[0]) == (
        "unknown-key/services.yaml:6:5: services[0].aliasses: unknown key 'aliasses' "
        "(did you mean 'aliases'?)"
    )


def test_stale_review_is_a_warning_not_an_error(tmp_path: Path) -> None:
    result = loader.validate([MINI], today=dt.date(2028, 1, 1))
    assert not result.errors
    assert result.warnings and all("over a year ago" in w.message for w in result.warnings)


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    result = loader.validate([tmp_path])
    assert [p.message for p in result.errors] == ["no catalog YAML files found"]


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        ("AGPL-3.0-or-later", None),
        ("GPL-2.0-only OR MIT", None),
        ("GPL-2.0-or-later WITH Classpath-exception-2.0", None),
        ("MPL-2.0", None),
        ("EUPL-1.2", None),
        ("BUSL-1.1", "not libre"),
        ("SSPL-1.0", "not libre"),
        ("Elastic-2.0", "not libre"),
        ("MIT AND BUSL-1.1", "not libre"),
        ("GPL-2.0", "deprecated"),
        ("GPL-3.0+", "deprecated"),
        ("mit", "not written as its SPDX id"),
        ("Commons-Clause", "not a valid SPDX expression"),
        ("Proprietary", "not a valid SPDX expression"),
    ],
)
def test_license_rule(expression: str, problem: str | None) -> None:
    found = licenses.check(expression)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_shipped_catalog_is_valid(shipped: Catalog) -> None:
    result = loader.validate()
    assert result.errors == []
    assert len(shipped.services) >= 60
    assert len(shipped.alternatives) >= 50


def test_builtin_dir_is_the_repository_catalog_in_a_checkout() -> None:
    assert cache.builtin_dir() == (ROOT / "catalog").resolve()


def _common_names() -> list[tuple[str, str]]:
    path = HERE / "data" / "common_names.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [(text, ident) for text, ident in (r for r in rows if len(r) == 2 and r[0][:1] != "#")]


def test_common_names_are_recognised_exactly(shipped_index: matcher.Index) -> None:
    rows = _common_names()
    assert len({ident for _, ident in rows}) >= 100
    wrong = []
    for text, ident in rows:
        m = matcher.match_entry(Entry(1, text), shipped_index)
        if (m.id, m.via == "fuzzy") != (ident, False):
            wrong.append((text, ident, m.id, m.via))
    assert wrong == []


def test_catalog_stats_counts(shipped: Catalog) -> None:
    from altgafam.catalog.stats import compute

    stats = compute(shipped)
    assert stats.services == len(shipped.services)
    assert stats.pairs == sum(len(s.alternatives) for s in shipped.services.values())
    assert 0 < stats.gafam_share < 1
    assert sum(n for _, n, _ in stats.by_owner) == stats.services
    assert sum(s for _, s, _ in stats.by_category) == stats.services


def test_yaml_bombs_deep_nesting_and_huge_files_are_refused(tmp_path: Path) -> None:
    from altgafam.catalog import yamlsrc

    bomb = tmp_path / "bomb" / "services.yaml"
    bomb.parent.mkdir()
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = loader.validate([bomb.parent])
    assert [p.message for p in result.errors] == [
        "YAML anchors and aliases (&name, *name) are not allowed in a catalog"
    ]
    deep = tmp_path / "deep" / "services.yaml"
    deep.parent.mkdir()
    deep.write_text("services: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    result = loader.validate([deep.parent])
    assert [p.message for p in result.errors] == ["document nested deeper than 32 levels"]
    huge = tmp_path / "huge" / "services.yaml"
    huge.parent.mkdir()
    huge.write_bytes(b"# " + b"x" * (yamlsrc.MAX_BYTES + 1))
    result = loader.validate([huge.parent])
    assert [p.message for p in result.errors] == ["file is larger than 1 MiB"]
