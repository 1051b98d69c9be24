"""The matcher on the evaluation set: the accuracy bar and no false alarms."""

from __future__ import annotations

from pathlib import Path

import pytest

from altgafam.models import Entry
from altgafam.scan import matcher

from . import evalset


@pytest.mark.parametrize(
    ("path", "size", "bar"),
    [
        (evalset.EVAL_FILE, 300, 0.97),
        # Written apart from the matcher by someone who never saw it: 0.88 on first contact.
        (evalset.EVAL_FILE.parent / "holdout.tsv", 200, 0.95),
    ],
    ids=["eval", "holdout"],
)
def test_evaluation_set_accuracy(
    shipped_index: matcher.Index, path: Path, size: int, bar: float
) -> None:
    cases = evalset.load(path)
    assert len(cases) >= size

    def predict(text: str) -> tuple[str, str | None]:
        m = matcher.match_entry(Entry(1, text), shipped_index)
        return m.status.value, m.id

    result = evalset.score(cases, predict)
    report = "\n".join(
        f"{c.text!r}: expected {c.status} {c.ident}, got {s} {i}" for c, s, i in result.misses
    )
    assert result.false_proprietary == 0, report
    assert result.accuracy >= bar, report


def test_the_matching_benchmark_prints_every_set_s_first_contact() -> None:
    from .conftest import benchmark

    recorded = benchmark("matching").first_contact()
    assert set(recorded) >= {"eval", "holdout", "fresh"}
    assert recorded["fresh"] == "0.535 (2026-12-06)"


@pytest.mark.parametrize(
    ("name", "bar"),
    [
        ("fresh", 0.97),
        ("fresh2", 0.97),
        ("fresh3", 0.965),
        ("fresh4", 0.95),
        ("fresh5", 0.97),
        ("fresh6", 0.92),
        ("fresh7", 0.91),
        ("fresh8", 0.92),
        ("fresh9", 0.91),
        ("fresh10", 0.94),
        ("fresh11", 0.93),
        ("fresh12", 0.91),
        ("fresh13", 0.92),
        ("fresh14", 0.92),
        ("fresh15", 0.90),
        ("fresh16", 0.87),
        ("fresh17", 0.94),
        ("fresh18", 0.91),
        ("fresh19", 0.92),
        ("fresh20", 0.92),
        ("fresh21", 0.89),
        ("fresh22", 0.93),
        ("fresh23", 0.93),
        ("fresh24", 0.93),
        ("fresh25", 0.94),
        ("fresh26", 0.91),
        ("fresh27", 0.91),
        ("fresh28", 0.93),
        ("fresh29", 0.92),
        ("fresh30", 0.92),
        ("fresh31", 0.94),
        ("fresh32", 0.93),
        ("fresh33", 0.93),
        ("fresh34", 0.91),
        ("fresh35", 0.93),
        ("fresh36", 0.87),
        ("fresh37", 0.88),
        ("fresh38", 0.93),
        ("fresh39", 0.91),
        ("fresh40", 0.92),
        ("fresh41", 0.87),
        ("fresh42", 0.90),
        ("fresh43", 0.83),
        ("fresh44", 0.93),
        ("fresh45", 0.89),
        ("fresh46", 0.90),
        ("fresh47", 0.95),
        ("fresh48", 0.93),
        ("fresh49", 0.94),
        ("fresh50", 0.89),
        ("fresh51", 0.87),
    ],
)
def test_outside_sets_stay_as_fixed_and_name_no_other_owner(
    shipped_index: matcher.Index, name: str, bar: float
) -> None:
    """Once read and fixed for, an outside set is a regression test: its accuracy holds and
    no product of another owner than the one meant is ever named."""
    from altgafam.catalog import loader

    from .conftest import benchmark

    catalog = loader.load()
    score = benchmark("matching").outside_score(name, shipped_index, catalog)
    wrong = benchmark("matching").false_owners(score.wrong_product, catalog)
    assert [case.text for case, _ in wrong] == KNOWN_OTHER_OWNERS.get(name, [])
    assert score.accuracy >= bar


# The lines of another owner left, known and not fixed. In fresh14, AutoCAD is listed beside
# the Covadis plug-in that runs in it, which the writer counts alone. In fresh15, the line
# names the State's Pass'Sport beside Le Compte Asso through which it is claimed, where its
# writer names the platform alone.
# In fresh18, "impots.gouv" for an individual's property space reads as the DGFiP's
# professional space, whose alias it is (the same State, another of its services).
# In fresh22, a Garmin Edge 530 bike computer listed beside Garmin Connect reads as
# Microsoft Edge, the browser's short name (a device the catalog has no entry for, and a model
# number that could be a browser version).
# In fresh19, fresh43 and fresh44, "Diane" beside Orbis is Bureau van Dijk's French company
# database, which the catalog lacks (no page found to source it); the line reads as BOW
# Medical's anaesthesia software DIANE, the only Diane the catalog has.
# Any other line naming another owner fails.
KNOWN_OTHER_OWNERS = {
    "fresh14": ["Covadis sur AutoCAD"],
    "fresh15": ["le Pass'Sport via le Compte Asso"],
    "fresh18": ["impots.gouv (gérer mes biens immobiliers)"],
    "fresh19": ["Orbis / Diane"],
    "fresh22": ["Garmin Connect + Edge 530"],
    "fresh43": ["Orbis / Diane"],
    "fresh44": ["Orbis et Diane (BvD)"],
}


def test_a_former_product_whose_successor_is_meant_counts_as_it() -> None:
    case = evalset.FreshCase("Hangouts", "proprietary", ("Google Chat",), ("google-chat",), "")

    def read(text: str) -> list[evalset.Part]:
        return [("proprietary", "google-hangouts", "Alphabet")]

    assert evalset.score_fresh([case], read).right == 0
    assert evalset.score_fresh([case], read, {"google-hangouts": "google-chat"}).right == 1
