"""Leave-out probe: how the matcher reads products the catalog lacks.

A first contact with lines nobody here has seen is mostly products the catalog lacks; the
worst answer to one is another product, above all another owner's. This probe makes such
lines from the catalog itself: its entries are removed in folds, and each removed entry's name
and first two aliases, as written and in lower case, are matched against the catalog without
it. Any product found is a false product, counted apart when its owner differs (libre entries
have no owner, so a libre answer counts as another owner). Each reading it finds is a
candidate rule to look at, not a set line: some are the nearest relative of the removed entry
(its Community edition, its suite), which a reader might accept.

Run: python benchmarks/leave_out.py [--folds N] [--list]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from altgafam.catalog import loader  # noqa: E402
from altgafam.models import Catalog, Entry  # noqa: E402
from altgafam.scan import matcher  # noqa: E402


def owner(catalog: Catalog, ident: str) -> str | None:
    """The top of a service's owner chain; None for a libre alternative."""
    service = catalog.services.get(ident)
    if service is None:
        return None
    vendor = catalog.vendors.get(service.vendor)
    seen: set[str] = set()
    while vendor is not None and vendor.parent in catalog.vendors and vendor.id not in seen:
        seen.add(vendor.id)
        vendor = catalog.vendors[vendor.parent]
    return vendor.id if vendor is not None else service.vendor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=10, help="entries removed in this many folds")
    parser.add_argument("--list", action="store_true", help="print each false product found")
    args = parser.parse_args()
    catalog = loader.load()
    ids = sorted([*catalog.services, *catalog.alternatives])
    random.Random(7).shuffle(ids)
    counts: Counter[str] = Counter()
    found: list[str] = []
    for fold in range(args.folds):
        gone = set(ids[fold :: args.folds])
        rest = catalog._replace(
            services={k: v for k, v in catalog.services.items() if k not in gone},
            alternatives={k: v for k, v in catalog.alternatives.items() if k not in gone},
        )
        index = matcher.build_index(rest)
        for ident in sorted(gone):
            entry = catalog.services.get(ident) or catalog.alternatives[ident]
            for name in [entry.name, *entry.aliases][:3]:
                for typed in dict.fromkeys((name, name.lower())):
                    for match in matcher.match_lines([Entry(1, typed)], index):
                        counts["lines"] += 1
                        if match.id is None or match.status.value not in ("proprietary", "libre"):
                            continue
                        theirs = owner(catalog, ident)
                        same = theirs is not None and theirs == owner(catalog, match.id)
                        counts["same owner" if same else "another owner"] += 1
                        tag = "same " if same else "OTHER"
                        found.append(f"{tag}\t{typed}\t{ident}\t-> {match.id}\t{match.via}")
    print(
        f"{counts['lines']} lines of {len(ids)} entries left out in {args.folds} folds: "
        f"{counts['another owner']} read as another owner's product, "
        f"{counts['same owner']} as another product of the same owner"
    )
    if args.list:
        print("\n".join(sorted(found)))


if __name__ == "__main__":
    main()
