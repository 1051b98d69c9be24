"""The matcher's evaluation set and its scorer, shared by the test suite and the benchmark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
