"""The matcher on the evaluation set: the accuracy bar and no false alarms."""

from __future__ import annotations

from altgafam import matcher
from altgafam.models import Entry

from . import evalset


def test_evaluation_set_accuracy(shipped_index: matcher.Index) -> None:
    cases = evalset.load()
    assert len(cases) >= 300

    def predict(text: str) -> tuple[str, str | None]:
        m = matcher.match_entry(Entry(1, text), shipped_index)
        return m.status.value, m.id

    result = evalset.score(cases, predict)
    report = "\n".join(
        f"{c.text!r}: expected {c.status} {c.ident}, got {s} {i}" for c, s, i in result.misses
    )
    assert result.false_proprietary == 0, report
    assert result.accuracy >= 0.97, report
