"""Where the shipped catalog lives, and the files that spare re-parsing it on every run.

It knows nothing of the loader: `load.load_prepared` asks it for a file and stores into it."""

from __future__ import annotations

import functools
import os
import pickle
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from altgafam.catalog import seal
from altgafam.errors import CatalogError, Problem

PARSED_KEEP = 300
PICKLE = "pickle"  # what the seal of a pickled cache file says it holds
# Part of every parsed file's stamp: bumped when what the parser keeps changes (duplicate keys
# and impossible dates now send a file down the careful path), so older entries miss.
PARSED_FORMAT = 3
# The files read or kept by this process, by path: the stamp they were kept under, their
# parsed data and text, and the shape checks kept beside them with the stamp of the code
# that made those.
_kept: dict[Path, tuple[str, object, str, str | None, object]] = {}


def builtin_dir() -> Path:
    """The shipped catalog: inside the installed package, or at the root of a checkout."""
    here = Path(__file__).resolve().parent
    # In a wheel the YAML ships as altgafam/catalog/data; in a checkout it is catalog/ at the root.
    for candidate in (here / "data", here.parent.parent / "catalog"):
        if candidate.is_dir():
            return candidate
    raise CatalogError([Problem(str(here / "catalog"), 0, 0, "", "the shipped catalog is missing")])


def distinct_layers(
    folders: Iterable[Path], overlays: Iterable[Path]
) -> tuple[list[Path], list[Path]]:
    """The base folders and the overlays with every folder after its first appearance left
    out (compared by resolved path), order kept: the same overlay given twice (in
    ALTGAFAM_CATALOG_PATH and with --catalog), or a base folder given again as an overlay,
    would otherwise redefine each of its own entries and make the catalog invalid against
    itself."""
    seen: set[Path] = set()

    def first_time(folder: Path) -> bool:
        try:
            resolved = folder.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop: the folder's own name then
            resolved = folder.absolute()
        if resolved in seen:
            return False
        seen.add(resolved)
        return True

    base = [folder for folder in folders if first_time(folder)]
    return base, [folder for folder in overlays if first_time(folder)]


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


def short(key: str) -> str:
    """A file name for a cache key. A checksum, not a cryptographic hash (hashlib's import
    alone costs a fifth of an interpreter start-up): two keys may share a name, so every
    cache file holds its full key and is used only when that key is the one asked for."""
    return f"{zlib.crc32(key.encode()):08x}"


def cache_key(files: list[tuple[Path, str]], overlays: list[tuple[Path, str]]) -> str:
    """Changes whenever a catalog or overlay file, or altgafam itself, changes (size or
    modification time): the cache then misses and is rebuilt."""
    stamps = [sys.version]
    for label, paths in (("base", [p for p, _ in files]), ("overlay", [p for p, _ in overlays])):
        stamps.append(label)
        for path in paths:
            stat = path.stat()
            stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    stamps.append(code_stamp())
    return "\n".join(stamps)


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """The version, size and modification time of the code that shapes what is cached: the
    catalog's own package, the models, the matcher and its data (its word list)."""
    from altgafam import __version__

    package = Path(__file__).parent.parent
    code = sorted(
        [
            *package.glob("*.py"),
            *(package / "catalog").glob("*.py"),
            *(package / "scan").glob("*.py"),
            *(package / "scan" / "data").glob("*"),
        ]
    )
    stamps = [__version__]
    for path in code:
        stat = path.stat()
        stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(stamps)


def read(cached: Path, key: str) -> tuple[Any, Any] | None:
    """The two things kept in `cached` under `key`; None when the file is missing,
    unreadable, corrupt, unsealed (planted or edited: it is then never unpickled), or holds
    another key."""
    try:
        payload = seal.unseal(PICKLE, cached.read_bytes())
        if payload is None:
            return None
        found = pickle.loads(payload)
    except Exception:
        return None
    if isinstance(found, tuple) and len(found) == 3 and found[0] == key:
        return found[1], found[2]
    return None


def store(directory: Path, target: Path, content: object, keep: str | None = None) -> None:
    """Pickle and seal `content` into `target`; with `keep`, the catalog files whose names
    do not start with it (an older state of the catalog) are removed first. Nothing is
    written without a key to seal with."""
    try:
        data = seal.seal(PICKLE, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    except pickle.PicklingError:
        return
    if data is None:
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
    stamp = f"{PARSED_FORMAT}:{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{sys.version}"
    return directory / "parsed" / f"{short(stamp)}.pickle", stamp


def parsed(path: Path) -> tuple[object, str] | None:
    """A catalog file's parsed data and text, kept from an earlier run while the file has the
    same size and modification time; None otherwise."""
    try:
        where = _parsed_path(path)
    except OSError:
        return None
    found = None if where is None else read(*where)
    if found is not None and isinstance(found[1], tuple) and len(found[1]) == 3:
        text, code, checks = found[1]
        if isinstance(text, str):
            _kept[path] = (where[1] if where else "", found[0], text, code, checks)
            return found[0], text
    return None


def keep_parsed(
    path: Path, data: object, text: str, code: str | None = None, checks: object = None
) -> None:
    """Keep a file's parsed data for the next runs (best effort), with the shape checks of
    its entries when they are known, and the stamp of the code that made them."""
    try:
        where = _parsed_path(path)
    except OSError:
        return
    if where is not None:
        cached, stamp = where
        _kept[path] = (stamp, data, text, code, checks)
        store(cached.parent, cached, (stamp, data, (text, code, checks)))


def prune_parsed() -> None:
    """Remove the parsed files of older states of the catalog files (each edit leaves one
    behind), keeping the most recent few hundred, and never one this run read or kept: pruned
    file by file while the catalog was read, a catalog of more files than that number lost
    the entries of files not read yet, and every run after an edit parsed them all again."""
    directory = cache_dir()
    if directory is None:
        return
    in_use = {f"{short(kept[0])}.pickle" for kept in _kept.values()}
    try:
        others = [p for p in (directory / "parsed").glob("*.pickle") if p.name not in in_use]
        if len(others) <= PARSED_KEEP:
            return
        dated = sorted((p.stat().st_mtime, p.name, p) for p in others)
        for _, _, old in dated[:-PARSED_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return


def shapes(path: Path, code: str) -> dict[Any, Any] | None:
    """The shape checks of a file's entries kept with its parsed data, when the code and the
    license libraries that made them (`code`) have not changed; None otherwise."""
    found = _kept.get(path)
    try:
        where = _parsed_path(path)
    except OSError:
        return None
    # Only for the file as it is now, read or kept by this run with caching on.
    if found is None or where is None or found[0] != where[1] or found[3] != code:
        return None
    return found[4] if isinstance(found[4], dict) else None


def keep_shapes(path: Path, code: str, checks: dict[Any, Any]) -> None:
    """Keep a file's shape checks with its parsed data for the next runs (best effort)."""
    found = _kept.get(path)
    if found is not None:
        keep_parsed(path, found[1], found[2], code, checks)
