"""Where the catalog lives, and the cache that spares re-parsing it on every run."""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from altgafam.errors import CatalogError, Problem

if TYPE_CHECKING:
    from altgafam.models import Catalog

T = TypeVar("T")
PARSED_KEEP = 300


def builtin_dir() -> Path:
    """The shipped catalog: inside the installed package, or at the root of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "catalog", here.parent / "catalog"):
        if candidate.is_dir():
            return candidate
    raise CatalogError([Problem(str(here / "catalog"), 0, 0, "", "the shipped catalog is missing")])


def catalog_files(folders: Iterable[Path]) -> list[tuple[Path, str]]:
    """Every YAML file under the folders (sorted), with the name to show in messages."""
    found: list[tuple[Path, str]] = []
    for folder in folders:
        # Named from the folder itself (catalog/services/office.yaml), wherever it is installed.
        base = folder.resolve().parent
        for path in sorted(folder.resolve().rglob("*.yaml")):
            if path.is_file():
                found.append((path, path.relative_to(base).as_posix()))
    return found


def cache_dir() -> Path | None:
    """Where the parsed catalog is kept between runs; None when caching is turned off."""
    if os.environ.get("ALTGAFAM_NO_CACHE"):
        return None
    configured = os.environ.get("ALTGAFAM_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("altgafam", appauthor=False))


def _short(key: str) -> str:
    """A file name for a cache key. A checksum, not a cryptographic hash (hashlib's import
    alone costs a fifth of an interpreter start-up): two keys may share a name, so every
    cache file holds its full key and is used only when that key is the one asked for."""
    return f"{zlib.crc32(key.encode()):08x}"


def _cache_key(files: list[tuple[Path, str]], overlays: list[tuple[Path, str]]) -> str:
    """Changes whenever a catalog or overlay file, or altgafam itself, changes (size or
    modification time): the cache then misses and is rebuilt."""
    from altgafam import __version__

    code = sorted(Path(__file__).parent.glob("*.py"))
    stamps = [__version__, sys.version]
    for label, paths in (("base", [p for p, _ in files]), ("overlay", [p for p, _ in overlays])):
        stamps.append(label)
        for path in paths:
            stat = path.stat()
            stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    for path in code:
        stat = path.stat()
        stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(stamps)


def load_cached(folders: Iterable[Path] | None = None, overlays: Iterable[Path] = ()) -> Catalog:
    """`load`, through a cache in the user's cache folder keyed on the files' size and
    modification time. A missing, stale, unreadable or corrupt cache is rebuilt; one that
    cannot be written is skipped. Cached or not, the catalog is the same."""
    return load_prepared(folders, _nothing, overlays)[0]


def _nothing(catalog: Catalog) -> None:
    return None


def load_prepared(
    folders: Iterable[Path] | None, prepare: Callable[[Catalog], T], overlays: Iterable[Path] = ()
) -> tuple[Catalog, T]:
    """The catalog and what `prepare` derives from it (the matcher's index), both from the
    cache when it is fresh; `prepare` must be a module-level function (its name is part of
    the cache's key)."""
    folder_list = list(folders) if folders is not None else [builtin_dir()]
    layers = list(overlays)
    directory = cache_dir()
    try:
        key = _cache_key(catalog_files(folder_list), catalog_files(layers))
    except OSError:
        directory = None
    if directory is None:
        from altgafam.catalog import load

        catalog = load(folder_list, layers)
        return catalog, prepare(catalog)
    # One file per catalog state and per preparation (the scan's index, or none for the
    # catalog commands): running one never evicts the other's.
    prefix = f"catalog-{_short(key)}-"
    key += f"\n{prepare.__module__}.{prepare.__qualname__}"
    cached = directory / f"{prefix}{_short(key)}.pickle"
    found = _load(cached, key)
    if found is not None:
        from altgafam.models import Catalog as CatalogType

        if isinstance(found[0], CatalogType):
            return found[0], found[1]
    from altgafam.catalog import load  # the cache missed: parse and validate

    catalog = load(folder_list, layers)
    prepared = prepare(catalog)
    _store(directory, cached, (key, catalog, prepared), keep=prefix)
    return catalog, prepared


def _load(cached: Path, key: str) -> tuple[Any, Any] | None:
    """The two things kept in `cached` under `key`; None when the file is missing,
    unreadable, corrupt, or holds another key."""
    try:
        with cached.open("rb") as handle:
            found = pickle.load(handle)
    except Exception:
        return None
    if isinstance(found, tuple) and len(found) == 3 and found[0] == key:
        return found[1], found[2]
    return None


def _store(directory: Path, target: Path, content: object, keep: str | None = None) -> None:
    """Pickle `content` into `target`; with `keep`, the catalog files whose names do not
    start with it (an older state of the catalog) are removed first."""
    try:
        data = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:
        return
    stale = () if keep is None else directory.glob("catalog-*.pickle")
    write_file(target, data, [old for old in stale if not old.name.startswith(keep or "")])


def write_file(target: Path, data: bytes, stale: Iterable[Path] = ()) -> None:
    """Write a cache file atomically (a temporary file renamed into place), after removing
    the `stale` ones. Best effort: a read-only home or a full disk costs speed, not
    correctness."""
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in stale:
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError:
        return


def _parsed_path(path: Path) -> tuple[Path, str] | None:
    """Where a catalog file's parsed data is kept, and the stamp it is kept under."""
    directory = cache_dir()
    if directory is None:
        return None
    stat = path.stat()
    stamp = f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{sys.version}"
    return directory / "parsed" / f"{_short(stamp)}.pickle", stamp


def parsed(path: Path) -> tuple[object, str] | None:
    """A catalog file's parsed data and text, kept from an earlier run while the file has the
    same size and modification time; None otherwise."""
    try:
        where = _parsed_path(path)
    except OSError:
        return None
    found = None if where is None else _load(*where)
    if found is not None and isinstance(found[1], str):
        return found[0], found[1]
    return None


def keep_parsed(path: Path, data: object, text: str) -> None:
    """Keep a file's parsed data for the next runs (best effort)."""
    try:
        where = _parsed_path(path)
    except OSError:
        return
    if where is not None:
        cached, stamp = where
        _store(cached.parent, cached, (stamp, data, text))
        # Each edit leaves an entry behind: keep the most recent few hundred.
        try:
            entries = sorted(cached.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-PARSED_KEEP]:
                old.unlink(missing_ok=True)
        except OSError:
            return
