"""Lists are kept once per distinct line: the compact sequence behaves as the plain list it
stands for, and a long repetitive list costs what its distinct lines cost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from altgafam.advice import plan
from altgafam.errors import InputError
from altgafam.models import Catalog, Entry, PerLine
from altgafam.scan import inputs, matcher

from .conftest import Runner

TEXTS = st.lists(st.sampled_from(["Slack", "Zoom", "Gmail", "x", "Notion, Slack"]), max_size=40)


def _as_plain(texts: list[str]) -> list[Entry]:
    return [Entry(n, t) for n, t in enumerate(texts, start=1)]


@given(TEXTS)
def test_entries_read_back_as_the_lines_they_came_from(texts: list[str]) -> None:
    entries = inputs.parse_lines(texts)
    plain = _as_plain(texts)
    assert list(entries) == plain and entries == plain and len(entries) == len(plain)
    assert entries[:3] == plain[:3] and entries[-2:] == plain[-2:]
    if plain:
        assert entries[0] == plain[0] and entries[len(plain) - 1] == plain[-1]


@given(TEXTS, st.integers(min_value=0, max_value=3))
def test_group_and_select_are_what_a_list_gives(texts: list[str], length: int) -> None:
    per_line = inputs.parse_lines(texts)
    assert isinstance(per_line, PerLine)
    grouped = per_line.group(lambda e: e.text if len(e.text) > length else None)
    expected: dict[str, list[Entry]] = {}
    for entry in _as_plain(texts):
        if len(entry.text) > length:
            expected.setdefault(entry.text, []).append(entry)
    assert {k: list(v) for k, v in grouped.items()} == expected
    short = per_line.select(lambda e: len(e.text) <= length)
    assert list(short) == [e for e in _as_plain(texts) if len(e.text) <= length]


def test_a_repetitive_list_is_matched_and_kept_once_per_distinct_line(
    mini: Catalog, mini_index: matcher.Index
) -> None:
    texts = ["Slack", "Gmail", "something unknown"] * 30_000
    entries = inputs.parse_lines(texts)
    matches = matcher.match_lines(entries, mini_index)
    report = plan.build_report(matches, mini)
    assert isinstance(report.results, PerLine)
    distinct, lines, _ = report.results.parts()
    assert len(distinct) == 3 and len(lines) == len(texts) == report.summary.entries
    plain = plan.build_report(list(matches), mini)  # one match per line, as a list
    assert report.summary == plain.summary and report.summary.unknown >= 30_000
    assert list(report.results) == list(plain.results)
    last = report.results[len(texts) - 1]
    assert last.entry == Entry(len(texts), "something unknown")


def test_past_the_limit_a_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_ENTRIES", 10)
    assert len(inputs.parse_lines(["Slack"] * 10)) == 10
    with pytest.raises(InputError, match="more than 10 tools; split the list"):
        inputs.parse_lines(["Slack"] * 11)


def test_an_endless_standard_input_stops_at_the_limit(
    runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_ENTRIES", 1000)
    result = runner.invoke(["scan", "-", "-f", "json"], input="Slack\n" * 5000)
    assert result.exit_code == 2 and "more than 1,000 tools" in result.stderr
    assert result.stdout == ""
