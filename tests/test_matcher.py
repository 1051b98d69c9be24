"""Matcher rules, each on the small test catalog so they do not move with the shipped data."""

from __future__ import annotations

import pytest

from altgafam import matcher
from altgafam.models import Entry, Status


def run(text: str, index: matcher.Index) -> tuple[Status, str | None]:
    m = matcher.match_entry(Entry(1, text), index)
    return m.status, m.id


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        ("Slack", Status.PROPRIETARY, "slack"),
        ("SLACK", Status.PROPRIETARY, "slack"),
        ("  - Slack  ", Status.PROPRIETARY, "slack"),
        ("Google Documents", Status.PROPRIETARY, "google-docs"),
        ("gdocs", Status.PROPRIETARY, "google-docs"),
        ("Teams (licence pro)", Status.PROPRIETARY, "microsoft-teams"),
        ("2. Slack pour les projets clients", Status.PROPRIETARY, "slack"),
    ],
)
def test_exact_names_aliases_and_surrounding_words(
    text: str, status: Status, ident: str, mini_index: matcher.Index
) -> None:
    assert run(text, mini_index) == (status, ident)


def test_exact_match_scores_100(mini_index: matcher.Index) -> None:
    m = matcher.match_entry(Entry(3, "Google Docs"), mini_index)
    assert (m.score, m.via) == (100.0, "name")
    assert matcher.match_entry(Entry(3, "GDocs"), mini_index).via == "alias"


@pytest.mark.parametrize(
    "text",
    [
        "https://app.slack.com/client/T0123",
        "slack.com",
        "mon-equipe.slack.com",
        "http://docs.google.com/document/d/1x",
    ],
)
def test_urls_and_domains_resolve_by_host(text: str, mini_index: matcher.Index) -> None:
    m = matcher.match_entry(Entry(1, text), mini_index)
    assert m.via == "domain"
    assert m.status is Status.PROPRIETARY


@pytest.mark.parametrize(
    ("text", "ident"),
    [("googel docs", "google-docs"), ("Slak", "slack"), ("Gogle Documents", "google-docs")],
)
def test_typos_are_fuzzy_matched(text: str, ident: str, mini_index: matcher.Index) -> None:
    m = matcher.match_entry(Entry(1, text), mini_index)
    assert (m.status, m.id, m.via) == (Status.PROPRIETARY, ident, "fuzzy")
    assert 85 <= m.score < 100


@pytest.mark.parametrize(
    "text", ["Mattermost", "mattermost server", "zulip chat", "libre office", "LibreOffice 7.6"]
)
def test_libre_tools_are_libre(text: str, mini_index: matcher.Index) -> None:
    assert run(text, mini_index)[0] is Status.LIBRE


def test_libre_named_first_wins_over_a_proprietary_name_later(mini_index: matcher.Index) -> None:
    assert run("Mattermost (remplace Slack)", mini_index) == (Status.LIBRE, "mattermost")
    m = matcher.match_entry(Entry(1, "Slack, bientôt Mattermost"), mini_index)
    assert (m.status, m.id) == (Status.PROPRIETARY, "slack")
    assert [c.id for c in m.candidates] == ["mattermost"]


@pytest.mark.parametrize("text", ["photocopieur", "point hebdo", "TBD", "-", "2021", "xyz"])
def test_junk_is_unknown(text: str, mini_index: matcher.Index) -> None:
    assert run(text, mini_index) == (Status.UNKNOWN, None)


def test_unknown_offers_close_suggestions_only(mini_index: matcher.Index) -> None:
    m = matcher.match_entry(Entry(1, "Slaxxk"), mini_index)
    assert m.status is Status.UNKNOWN
    assert [c.id for c in m.candidates] == ["slack"]
    assert matcher.match_entry(Entry(1, "photocopieur"), mini_index).candidates == ()


def test_short_words_are_not_fuzzy_matched_to_long_names(mini_index: matcher.Index) -> None:
    assert run("doc", mini_index)[0] is Status.UNKNOWN
    assert run("team", mini_index)[0] is Status.UNKNOWN


def test_min_score_is_honoured(mini_index: matcher.Index) -> None:
    assert matcher.match_entry(Entry(1, "Slak"), mini_index, min_score=99).status is Status.UNKNOWN


def test_close_scores_between_two_products_are_ambiguous(mini_index: matcher.Index) -> None:
    # 'zulap' is one edit from Zulip and far from the rest; 'mattermoss zulip' names two products.
    m = matcher.match_entry(Entry(1, "Slack Zulip"), mini_index)
    assert m.status is Status.PROPRIETARY  # exact hits: the leftmost wins, the other is a candidate
    assert [c.id for c in m.candidates] == ["zulip"]


def test_ambiguous_when_two_fuzzy_candidates_tie() -> None:
    from altgafam.models import Catalog, Service, Text, Vendor

    text = Text("x", "x")
    cat = Catalog(
        {"v": Vendor("v", "V")},
        {},
        {},
        {
            "a": Service("a", "Trellox", "v", "c", text),
            "b": Service("b", "Trelloz", "v", "c", text),
        },
        {},
    )
    m = matcher.match_entry(Entry(1, "Trello"), matcher.build_index(cat))
    assert m.status is Status.AMBIGUOUS
    assert {c.id for c in m.candidates} == {"a", "b"}


def test_identical_lines_are_matched_once_and_keep_their_line_numbers(
    mini_index: matcher.Index,
) -> None:
    matches = matcher.match_all([Entry(1, "Slack"), Entry(7, "Slack")], mini_index)
    assert [m.entry.line for m in matches] == [1, 7]
    assert all(m.id == "slack" for m in matches)


def test_control_characters_do_not_break_matching(mini_index: matcher.Index) -> None:
    assert run("Sla\x1b[31mck", mini_index)[0] in (Status.UNKNOWN, Status.PROPRIETARY)
    assert matcher.clean("a\x00b\tc") == "a b c"
