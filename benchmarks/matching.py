"""Accuracy of altgafam's matcher on the evaluation sets, next to a naive fuzzy baseline.

The baseline is what a quick script would do: RapidFuzz WRatio over product names only,
a match at 80 or more, nothing else. The outside set (tests/data/fresh.tsv, written by someone
who saw neither the matcher nor the catalog) is scored as a client would judge it: catalog
gaps apart from the matcher's own errors, false proprietary lines and wrong products counted.
Each set's first-contact figure (benchmarks/first-contact.tsv) is printed beside today's; the
story of every set is in benchmarks/README.md.

Run: python benchmarks/matching.py [--misses] [--write-ids]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from altgafam.advice import plan  # noqa: E402
from altgafam.catalog import loader  # noqa: E402
from altgafam.models import Catalog, Entry  # noqa: E402
from altgafam.normalize import fold  # noqa: E402
from altgafam.scan import matcher  # noqa: E402
from altgafam.scan.vocabulary import CORPORATE  # noqa: E402
from tests import evalset  # noqa: E402

FIRST_CONTACT = Path(__file__).with_name("first-contact.tsv")


def first_contact() -> dict[str, str]:
    """Each set's first-contact accuracy and date, as recorded."""
    found: dict[str, str] = {}
    for line in FIRST_CONTACT.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, date, accuracy, _ = line.split("\t")
        found[name] = "none (the authors' own set)" if accuracy == "-" else f"{accuracy} ({date})"
    return found


def main() -> None:
    first = first_contact()
    cat = loader.load()
    if "--write-ids" in sys.argv:
        for path, ids in evalset.OUTSIDE_SETS.values():
            write_ids(path, ids, cat)
    index = matcher.build_index(cat)
    sets = {
        "eval": evalset.load(),
        "holdout": evalset.load(evalset.EVAL_FILE.parent / "holdout.tsv"),
    }

    def ours(text: str) -> tuple[str, str | None]:
        m = matcher.match_entry(Entry(1, text), index)
        return m.status.value, m.id

    names = [s.name for s in cat.services.values()] + [a.name for a in cat.alternatives.values()]
    ids = list(cat.services) + list(cat.alternatives)

    def naive(text: str) -> tuple[str, str | None]:
        found = process.extractOne(text, names, scorer=fuzz.WRatio, score_cutoff=80)
        if found is None:
            return "unknown", None
        ident = ids[found[2]]
        return ("libre" if ident in cat.alternatives else "proprietary"), ident

    print(f"catalog: {len(cat.services)} services, {len(cat.alternatives)} alternatives")
    print(
        f"{'set':<8} {'lines':>5} {'matcher':<26} {'accuracy':>9} {'false proprietary':>18}"
        f"  first contact"
    )
    for name, cases in sets.items():
        for label, predict in (("altgafam", ours), ("naive WRatio>=80, names", naive)):
            result = evalset.score(cases, predict)
            print(
                f"{name:<8} {len(cases):>5} {label:<26} {result.accuracy:>9.3f} "
                f"{result.false_proprietary:>18}"
                + (f"  {first.get(name, 'not recorded')}" if label == "altgafam" else "")
            )
            if "--misses" in sys.argv:
                for case, status, ident in result.misses:
                    print(
                        f"    {case.text!r}: expected {case.status} {case.ident}, "
                        f"got {status} {ident}"
                    )

    for name, (path, ids) in evalset.OUTSIDE_SETS.items():
        if not ids.exists():
            write_ids(path, ids, cat)
        fresh = outside_score(name, index, cat)
        print(
            f"{name:<8} {fresh.total:>5} altgafam (outside set)    {fresh.accuracy:>9.3f} "
            f"{len(fresh.false_proprietary):>18}  {first.get(name, 'not recorded')}"
        )
        print(
            f"  catalog gaps answered unknown: {len(fresh.gaps)} "
            f"({len(fresh.gaps) / fresh.total:.1%}); matcher errors: {len(fresh.errors)} "
            f"({fresh.matcher_error_rate:.1%}); proprietary lines given a wrong product: "
            f"{len(fresh.wrong_product)}, of which another owner: "
            f"{len(false_owners(fresh.wrong_product, cat))}"
        )
        if "--misses" in sys.argv:
            for title, rows in (
                ("false proprietary", fresh.false_proprietary),
                ("wrong product", fresh.wrong_product),
                ("another owner", false_owners(fresh.wrong_product, cat)),
                ("matcher errors", fresh.errors),
            ):
                print(f"  {title}:")
                for case, found in rows:
                    print(f"    {case.text!r}: meant {case.status} {case.ids or ''}, got {found}")
            print("  catalog gaps:")
            for case in fresh.gaps:
                print(f"    {case.text!r}: {', '.join(case.products)}")


def outside_score(name: str, index: matcher.Index, cat: Catalog) -> evalset.FreshScore:
    """An outside set scored as a client reads the report: every part of each line, with the
    owner the report would name."""

    def parts(text: str) -> list[evalset.Part]:
        found = []
        for m in matcher.match_lines([Entry(1, text)], index):
            info = plan.recognised(m, cat)
            found.append((m.status.value, m.id, info.owner if info else None))
        return found

    path, ids = evalset.OUTSIDE_SETS[name]
    successors = {s.id: s.successor for s in cat.services.values() if s.successor}
    return evalset.score_fresh(evalset.load_fresh(path, ids), parts, successors)


def company(name: str) -> str:
    """A company's name as compared: folded, without its legal form ("Strava, Inc." is
    Strava, "Meta Platforms" Meta)."""
    return " ".join(w for w in fold(name).split() if w not in CORPORATE)


def false_owners(
    rows: tuple[tuple[evalset.FreshCase, tuple[evalset.Part, ...]], ...], cat: Catalog
) -> list[tuple[evalset.FreshCase, tuple[evalset.Part, ...]]]:
    """The wrong products that name another owner than the one meant: the owner of the
    product's catalog entry; else the writer's owner, which a parent the catalog names must
    be; else (no parent named) the writer's owner or vendor, which the vendor must be. A chain
    that stops short of the writer's owner, because the catalog holds no page for a parent,
    is no false owner: the vendor named is the product's maker."""
    found = []
    for case, parts in rows:
        named = [p for p in parts if p[0] == "proprietary" and p[1] in cat.services]
        meant = {
            company(cat.owner(cat.services[i].vendor).name)
            for i in case.ids
            if i is not None and i in cat.services
        }
        if meant:
            wrong = any(company(p[2] or "") not in meant for p in named)
        else:
            owners = {company(o) for o in case.owner.split("|") if o.strip()}
            makers = {company(v) for v in case.vendor.split("|") if v.strip()}
            wrong = False
            for p in named:
                chain = _chain(cat, cat.services[str(p[1])].vendor)
                if owners and len(chain) > 1:
                    # The catalog names a parent: it must be the writer's owner.
                    wrong = wrong or not set(chain[1:]) & owners
                elif owners | makers:
                    wrong = wrong or not set(chain) & (owners | makers)
        if wrong:
            found.append((case, parts))
    return found


def _chain(cat: Catalog, vendor: str) -> list[str]:
    """The names of a vendor and of every company above it, as `company` writes them."""
    names: list[str] = []
    current: str | None = vendor
    while current is not None and current in cat.vendors:
        name = company(cat.vendors[current].name)
        if name in names:
            break
        names.append(name)
        current = cat.vendors[current].parent
    return names


def write_ids(path: Path, ids: Path, cat: Catalog) -> None:
    """Write an outside set's ids file: its products found in the catalog by exact name, alias
    or former name (never by the matcher), keeping the lines a person checked by hand."""
    by_hand = []
    if ids.exists():
        by_hand = [
            line
            for line in ids.read_text(encoding="utf-8").splitlines()
            if line.split("\t")[2:3] and line.split("\t")[2].startswith("by hand")
        ]
    hand_names = {line.split("\t")[0] for line in by_hand}
    rows = [
        f"{product}\t{ident}\texact name"
        for product, ident in evalset.exact_ids(path, cat)
        if product not in hand_names
    ]
    header = (
        f"# The catalog id of each product named in {path.name}, found by its exact name or alias\n"
        "# in the catalog (folded), plus the hand-checked lines marked 'by hand'. A product not\n"
        "# listed here is not in the catalog: a catalog gap, for which 'unknown' is the honest\n"
        "# answer. Regenerate: python benchmarks/matching.py --write-ids\n"
        "# product\tcatalog id\thow\n"
    )
    ids.write_text(header + "\n".join(sorted([*rows, *by_hand], key=str.casefold)) + "\n")


if __name__ == "__main__":
    main()
