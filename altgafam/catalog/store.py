"""The catalog as the commands get it: from the cache when it is fresh, else loaded,
validated and cached. Light to import: the loader is imported only when the cache misses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from altgafam.catalog import cache

if TYPE_CHECKING:
    from altgafam.models import Catalog

T = TypeVar("T")


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
    folder_list, layers = cache.distinct_layers(
        folders if folders is not None else [cache.builtin_dir()], overlays
    )
    directory = cache.cache_dir()
    try:
        key = cache.cache_key(cache.catalog_files(folder_list), cache.catalog_files(layers))
    except OSError:
        directory = None
    if directory is None:
        from altgafam.catalog.loader import load

        catalog = load(folder_list, layers)
        return catalog, prepare(catalog)
    # One file per catalog state and per preparation (the scan's index, or none for the
    # catalog commands): running one never evicts the other's.
    prefix = f"catalog-{cache.short(key)}-"
    key += f"\n{prepare.__module__}.{prepare.__qualname__}"
    cached = directory / f"{prefix}{cache.short(key)}.pickle"
    found = cache.read(cached, key)
    if found is not None:
        from altgafam.models import Catalog as CatalogType

        if isinstance(found[0], CatalogType):
            return found[0], found[1]
    from altgafam.catalog.loader import load  # the cache missed: parse and validate

    catalog = load(folder_list, layers)
    prepared = prepare(catalog)
    cache.store(directory, cached, (key, catalog, prepared), keep=prefix)
    return catalog, prepared
