"""Matcher rules, each on the small test catalog so they do not move with the shipped data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from altgafam.models import Entry, Status
from altgafam.scan import matcher


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
    assert 88 <= m.score < 100


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
    from altgafam.normalize import sanitize

    assert sanitize("a\x00b\tc\u202ed") == "a b c d"


def _catalog(
    services: dict[str, str], alternatives: dict[str, str] | None = None, **aliases: tuple[str, ...]
) -> matcher.Index:
    """A throwaway catalog: id -> name, with optional aliases per id (underscores for hyphens)."""
    from altgafam.models import Alternative, Catalog, Service, Text, Vendor

    text = Text("x", "x")
    svc = {
        i: Service(i, n, "v", "c", text, aliases=aliases.get(i.replace("-", "_"), ()))
        for i, n in services.items()
    }
    alts = {
        i: Alternative(i, n, "MIT", "https://x.org", "https://x.org", text, ("c",))
        for i, n in (alternatives or {}).items()
    }
    return matcher.build_index(Catalog({"v": Vendor("v", "V")}, {}, {}, svc, alts))


@pytest.mark.parametrize(
    "text",
    [
        "1) Slack",
        "* Slack",
        "• Slack",
        "- Slack;",
        "SLÂCK",
        "Slack 2021",
        "Slack v2",
        "Slack (version web)",
        "slack.com/intl/fr-fr",
    ],
)
def test_normalisation_keeps_the_name(text: str, mini_index: matcher.Index) -> None:
    assert run(text, mini_index) == (Status.PROPRIETARY, "slack")


def test_versions_and_editions_are_dropped_before_fuzzy_scoring() -> None:
    index = _catalog({"photoshop": "Adobe Photoshop"}, photoshop=("Photoshop",))
    for text in (
        "Photoshop CS6",
        "Photoshop 2021",
        "Photoshop CC",
        "photoshop 24.04",
        "Photoshp CS6",
    ):
        assert run(text, index) == (Status.PROPRIETARY, "photoshop"), text


def test_word_order_does_not_matter() -> None:
    index = _catalog({"entra": "Azure Active Directory", "azure": "Azure"})
    m = matcher.match_entry(Entry(1, "Active Directory Azure"), index)
    # "Azure" is an exact name inside the line, but the whole line reads as the other product.
    assert (m.status, m.id) == (Status.PROPRIETARY, "entra")


def test_a_swap_of_two_letters_is_one_typo(mini_index: matcher.Index) -> None:
    assert run("Salck", mini_index) == (Status.PROPRIETARY, "slack")
    assert run("Gogole Documents", mini_index) == (Status.PROPRIETARY, "google-docs")


def test_a_wrong_first_letter_is_another_word() -> None:
    index = _catalog({"zoom": "Zoom"})
    assert run("Room", index)[0] is Status.UNKNOWN


def test_a_short_word_in_a_longer_line_is_not_a_typo_of_a_libre_name() -> None:
    index = _catalog({"maps": "Apple Maps"}, {"plane": "Plane"})
    assert run("Apple Plans", index)[0] is not Status.LIBRE


def test_words_of_a_single_longer_name_name_it() -> None:
    index = _catalog({"lr": "Adobe Lightroom", "ps": "Adobe Photoshop"})
    assert run("Lightroom", index) == (Status.PROPRIETARY, "lr")


def test_words_shared_by_a_few_names_are_ambiguous() -> None:
    index = _catalog({"crm": "HubSpot CRM", "mkt": "HubSpot Marketing Hub"})
    m = matcher.match_entry(Entry(1, "HubSpot"), index)
    assert m.status is Status.AMBIGUOUS
    assert {c.id for c in m.candidates} == {"crm", "mkt"}


def test_words_shared_by_many_names_say_nothing() -> None:
    index = _catalog({f"g{i}": f"Google Thing{i}" for i in range(8)})
    m = matcher.match_entry(Entry(1, "Google"), index)
    assert m.status is Status.UNKNOWN


def test_everyday_words_need_a_capital_or_to_stand_alone() -> None:
    index = _catalog({"tableau": "Tableau", "notion": "Notion"})
    assert run("tableau blanc de la salle", index)[0] is Status.UNKNOWN
    assert run("Tableau Desktop", index) == (Status.PROPRIETARY, "tableau")
    assert run("tableau", index) == (Status.PROPRIETARY, "tableau")
    assert run("Notion (wiki interne)", index) == (Status.PROPRIETARY, "notion")


def test_a_libre_tool_that_looks_like_a_proprietary_one_is_not_proprietary() -> None:
    index = _catalog({"teams": "Teamz"}, {"teamy": "Teamy"})
    m = matcher.match_entry(Entry(1, "Teamx"), index)
    assert m.status is not Status.PROPRIETARY


def test_suites_are_recognised_as_suites() -> None:
    index = _catalog(
        {"m365": "Microsoft 365", "word": "Microsoft Word"}, m365=("M365", "Office 365")
    )
    assert run("Office 365 A1", index) == (Status.PROPRIETARY, "m365")
    assert run("M365", index) == (Status.PROPRIETARY, "m365")


def _full(
    services: dict[str, tuple[str, str]], domains: dict[str, tuple[str, ...]] | None = None
) -> matcher.Index:
    """A throwaway catalog with vendors: id -> (name, vendor name)."""
    from altgafam.models import Catalog, Service, Text, Vendor

    text = Text("x", "x")
    vendors = {v: Vendor(v.lower(), v) for _, v in services.values()}
    svc = {
        i: Service(i, n, v.lower(), "c", text, domains=(domains or {}).get(i, ()))
        for i, (n, v) in services.items()
    }
    return matcher.build_index(Catalog({v.id: v for v in vendors.values()}, {}, {}, svc, {}))


def test_a_company_name_alone_asks_which_product() -> None:
    index = _full(
        {
            "ps": ("Photoshop", "Adobe Inc."),
            "ai": ("Illustrator", "Adobe Inc."),
            "z": ("Zoom", "Zoom"),
        }
    )
    m = matcher.match_entry(Entry(1, "compte Adobe"), index)
    assert m.status is Status.AMBIGUOUS and {c.id for c in m.candidates} == {"ps", "ai"}
    assert run("Zoom", index) == (Status.PROPRIETARY, "z")


def test_a_path_tells_products_on_one_host_apart() -> None:
    index = _full(
        {"docs": ("Docs", "G"), "sheets": ("Sheets", "G")},
        {"docs": ("docs.google.com",), "sheets": ("docs.google.com/spreadsheets",)},
    )
    assert run("https://docs.google.com/spreadsheets/d/1x/edit#gid=0", index)[1] == "sheets"
    assert run("docs.google.com/document/d/1x", index)[1] == "docs"


def test_plurals_are_read_as_the_name(mini_index: matcher.Index) -> None:
    assert run("nos Slacks", mini_index) == (Status.PROPRIETARY, "slack")


def test_a_hosted_offer_address_names_its_software(shipped_index: matcher.Index) -> None:
    assert run("https://framaspace.org/", shipped_index) == (Status.LIBRE, "nextcloud")


def test_a_name_inside_an_unknown_product_name_is_not_that_product() -> None:
    index = _full(
        {"win": ("Windows", "M"), "mail": ("Yahoo Mail", "Y"), "live": ("Live Search", "M")}
    )
    assert run("Windows Live Mail", index)[0] is Status.UNKNOWN
    assert run("Windows pour les postes", index) == (Status.PROPRIETARY, "win")


def test_everyday_words_in_lower_case_do_not_pull_in_names_by_fuzzy_windows() -> None:
    index = _full({"visio": ("MS Visio", "M")})
    assert run("une visio par mois avec les bénévoles", index)[0] is Status.UNKNOWN


def test_a_line_listing_several_tools_is_split(mini_index: matcher.Index) -> None:
    matches = matcher.match_all([Entry(4, "Slack, Google Docs; Mattermost")], mini_index)
    assert [(m.entry.line, m.id) for m in matches] == [
        (4, "slack"),
        (4, "google-docs"),
        (4, "mattermost"),
    ]
    assert matcher.split_parts("Google Workspace (Gmail, Drive)") == [
        "Google Workspace (Gmail, Drive)"
    ]
    one = matcher.match_all([Entry(1, "Slack, salle 3")], mini_index)
    assert [m.entry.text for m in one] == ["Slack, salle 3"]


@given(
    st.lists(st.text("abcdefgh0123+#", min_size=1, max_size=6), min_size=1, max_size=4),
    st.lists(st.text("abcdefgh0123+#", min_size=1, max_size=6), min_size=1, max_size=4),
)
def test_presorted_ratio_is_token_sort_ratio(first: list[str], second: list[str]) -> None:
    # The index keeps every name with its words sorted, so that a fuzzy look-up is a plain
    # ratio; on the matcher's folded text that must be exactly RapidFuzz's token_sort_ratio.
    from rapidfuzz import fuzz

    a, b = " ".join(first), " ".join(second)
    sorted_a, sorted_b = matcher._sorted_words(a), matcher._sorted_words(b)
    assert fuzz.ratio(sorted_a, sorted_b) == fuzz.token_sort_ratio(a, b)


def test_a_repeated_line_gets_the_same_verdicts_as_its_first_occurrence(
    shipped_index: matcher.Index,
) -> None:
    # Identical lines are matched once; a line listing several tools must still give each
    # part's own text on every occurrence, only the line number changing.
    entries = [Entry(1, "Slack, Zoom"), Entry(2, "Gmail"), Entry(3, "Slack, Zoom")]
    matches = matcher.match_all(entries, shipped_index)
    first = [(m.entry.text, m.id) for m in matches if m.entry.line == 1]
    again = [(m.entry.text, m.id) for m in matches if m.entry.line == 3]
    assert first == again == [("Slack", "slack"), ("Zoom", "zoom")]
