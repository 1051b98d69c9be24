"""The matcher's evaluation set and its scorer, shared by the test suite and the benchmark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from altgafam.models import Catalog
from altgafam.normalize import key

EVAL_FILE = Path(__file__).parent / "data" / "eval.tsv"


@dataclass(frozen=True)
class Case:
    """One line of the set: what was typed, and what a person reads in it."""

    text: str
    status: str
    ident: str | None


@dataclass(frozen=True)
class Score:
    """How a matcher did on the set."""

    total: int
    correct: int
    false_proprietary: int
    misses: tuple[tuple[Case, str, str | None], ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load(path: Path = EVAL_FILE) -> list[Case]:
    """Read the tab-separated set; '#' lines are comments."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, status, ident = [*line.split("\t"), "", ""][:3]
        cases.append(Case(text, status, ident or None))
    return cases


def score(cases: list[Case], predict: Callable[[str], tuple[str, str | None]]) -> Score:
    """A line is right when both its status and its entry are; a libre or unknown line called
    proprietary is also counted apart, as a false alarm."""
    correct = 0
    false_proprietary = 0
    misses = []
    for case in cases:
        status, ident = predict(case.text)
        expected_id = case.ident if case.status in ("proprietary", "libre") else None
        got_id = ident if status in ("proprietary", "libre") else None
        if (status, got_id) == (case.status, expected_id):
            correct += 1
        else:
            misses.append((case, status, ident))
        if status == "proprietary" and case.status in ("libre", "unknown"):
            false_proprietary += 1
    return Score(len(cases), correct, false_proprietary, tuple(misses))


FRESH_FILE = EVAL_FILE.parent / "fresh.tsv"
FRESH_IDS = EVAL_FILE.parent / "fresh-ids.tsv"
# The sets written from outside, each with the catalog ids of its products.
OUTSIDE_SETS = {
    name: (EVAL_FILE.parent / f"{name}.tsv", EVAL_FILE.parent / f"{name}-ids.tsv")
    for name in ("fresh", *(f"fresh{n}" for n in range(2, 52)))
}
# A part of a line as the matcher read it: status, catalog id, owner's name.
Part = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class FreshCase:
    """A line of the set written from outside (fresh.tsv): what was typed, what its writer
    meant (status; products, each with its catalog id or None when the catalog lacks it),
    and the owner the writer gave."""

    text: str
    status: str  # proprietary, libre, unknown (a common word) or ambiguous
    products: tuple[str, ...]
    ids: tuple[str | None, ...]
    owner: str
    vendor: str = ""

    @property
    def gap(self) -> bool:
        """A product the catalog does not know: unknown is then the honest answer."""
        return any(i is None for i in self.ids)


@dataclass(frozen=True)
class FreshScore:
    """Right answers, catalog gaps answered honestly, and the matcher's own errors, with the
    two errors a client must never see counted apart."""

    total: int
    right: int
    gaps: tuple[FreshCase, ...]
    errors: tuple[tuple[FreshCase, tuple[Part, ...]], ...]
    false_proprietary: tuple[tuple[FreshCase, tuple[Part, ...]], ...]
    wrong_product: tuple[tuple[FreshCase, tuple[Part, ...]], ...]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def matcher_error_rate(self) -> float:
        return len(self.errors) / self.total if self.total else 0.0


def load_fresh(path: Path = FRESH_FILE, ids: Path = FRESH_IDS) -> list[FreshCase]:
    """The outside set and the catalog ids of its products (fresh-ids.tsv)."""
    known: dict[str, str] = {}
    for line in ids.read_text(encoding="utf-8").splitlines():
        # Comments are '#' and a space: a product may start with '#' ("#DIESE").
        if line.strip() and not line.startswith("# ") and line != "#":
            product, ident, *_ = line.split("\t")
            # A product mapped by hand to no id is one the catalog lacks, whatever entry
            # shares its name ("BaseCamp", Garmin's, is no Basecamp of 37signals).
            if ident:
                known[product] = ident
    cases = []
    rows = path.read_text(encoding="utf-8").splitlines()
    for row in rows[1:]:
        text, product, vendor, owner, kind, *_ = [*row.split("\t"), "", ""]
        products = tuple(p.strip() for p in product.split("|") if p.strip())
        makers = [v.strip() for v in vendor.split("|")]
        makers += [""] * (len(products) - len(makers))
        status = {"generic": "unknown"}.get(kind, kind)
        # A product the writer names for two kinds of line ("Odoo": its Enterprise and its
        # Community edition) is mapped per kind: "Odoo [libre]", "Odoo [proprietary]"; one
        # name two makers' products share in a set ("Wave": Wave Financial's accounting, Wave
        # Mobile Money) is mapped per maker: "Wave [Wave Financial]".
        ids = tuple(
            known.get(f"{p} [{m}]", known.get(f"{p} [{status}]", known.get(p)))
            for p, m in zip(products, makers, strict=False)
        )
        cases.append(FreshCase(text, status, products, ids, owner, vendor))
    return cases


def score_fresh(
    cases: list[FreshCase],
    read: Callable[[str], list[Part]],
    successors: dict[str, str] | None = None,
) -> FreshScore:
    """`read` gives the parts the matcher found in a line. A line is right when its parts name
    exactly its products (or, for a common word or an ambiguous line, when nothing is named
    as proprietary or libre). A line whose product the catalog lacks and that is answered
    unknown or ambiguous is a catalog gap; every other miss is the matcher's error.
    The writers give an old name's current product ("Hangouts": Google Chat); the catalog
    names the old product and its `successor`: the two agree, so a named product whose
    successor is the one meant counts as it."""
    right = 0
    gaps: list[FreshCase] = []
    errors, false_prop, wrong = [], [], []
    after = successors or {}
    for case in cases:
        parts = tuple(
            p if p[1] in case.ids or p[1] is None else (p[0], after.get(p[1], p[1]), p[2])
            for p in read(case.text)
        )
        named = [p for p in parts if p[0] in ("proprietary", "libre")]
        if case.status in ("unknown", "ambiguous"):
            ok = not named
        else:
            ok = not case.gap and [p[1] for p in named] == list(case.ids)
            ok = ok and all(p[0] == case.status for p in named)
        if ok:
            right += 1
        elif case.gap and [p[1] for p in named] == [i for i in case.ids if i is not None]:
            # Only the products the catalog lacks are missing ("Archicad + BIMx": Archicad
            # named, BIMx unknown): the honest answer for a gap.
            gaps.append(case)
        else:
            errors.append((case, parts))
        if case.status != "proprietary" and any(p[0] == "proprietary" for p in named):
            false_prop.append((case, parts))
        if case.status == "proprietary" and named:
            expected = set(case.ids)
            if any(p[1] not in expected for p in named):
                wrong.append((case, parts))
    return FreshScore(
        len(cases), right, tuple(gaps), tuple(errors), tuple(false_prop), tuple(wrong)
    )


def exact_ids(path: Path, catalog: Catalog) -> list[tuple[str, str]]:
    """Each product an outside set names that the catalog has under exactly that name, an
    alias or a former name (folded): never the matcher's answer, so that a set's labels do
    not depend on what is being measured."""
    names: dict[str, str] = {}
    entries = [(s.id, (s.name, *s.aliases, *s.former_names)) for s in catalog.services.values()]
    entries += [(a.id, (a.name, *a.aliases)) for a in catalog.alternatives.values()]
    for ident, values in entries:
        for value in values:
            names.setdefault(key(value), ident)
    found: dict[str, str] = {}
    for row in path.read_text(encoding="utf-8").splitlines()[1:]:
        product = row.split("\t")[1] if "\t" in row else ""
        for name in (p.strip() for p in product.split("|")):
            if name and key(name) in names:
                found.setdefault(name, names[key(name)])
    return sorted(found.items(), key=lambda item: item[0].casefold())
