"""Catalog format v2: what each alternative is, who hosts it, suites, keep and advice."""
# ruff: noqa: RUF001 - French catalog text uses the typographic apostrophe.

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from altgafam.catalog import loader

from .conftest import MINI, Runner

PROVIDER = """\
providers:
  - id: coop-hote
    name: Coop Hôte
    country: FR
    chatons: true
    url: https://coop.example
    offers:
      - alternative: {offered}
        url: https://chat.coop.example
    reviewed: 2026-11-26
"""


def _catalog(tmp_path: Path, extra: str, name: str = "extra.yaml") -> Path:
    folder = tmp_path / "cat"
    shutil.copytree(MINI, folder)
    (folder / name).write_text(extra, encoding="utf-8")
    return folder


def _errors(folder: Path) -> list[str]:
    result = loader.validate([folder], today=dt.date(2026, 11, 26))
    return [str(p) for p in result.errors]


def test_a_provider_offering_an_unknown_alternative_is_located(tmp_path: Path) -> None:
    folder = _catalog(tmp_path, PROVIDER.format(offered="matermost"))
    assert _errors(folder) == [
        "cat/extra.yaml:8:22: providers[0].offers[0].alternative: unknown alternative "
        "'matermost' (did you mean 'mattermost'?)"
    ]


def test_a_provider_hosts_the_alternatives_it_offers(tmp_path: Path) -> None:
    folder = _catalog(tmp_path, PROVIDER.format(offered="mattermost"))
    cat = loader.load([folder])
    (offer,) = cat.alternatives["mattermost"].hosted_offers
    assert (offer.provider, offer.country, offer.chatons, offer.provider_id) == (
        "Coop Hôte",
        "FR",
        True,
        "coop-hote",
    )
    assert cat.providers["coop-hote"].offers[0].alternative == "mattermost"


def test_a_suite_listing_an_unknown_member_is_located(tmp_path: Path) -> None:
    suite = """\
services:
  - id: suite-slack
    name: Slack Suite
    vendor: salesforce
    category: chat
    description: {en: A suite., fr: Une suite.}
    members: [slack, slak]
    reviewed: 2026-11-26
"""
    errors = _errors(_catalog(tmp_path, suite))
    assert errors == [
        "cat/extra.yaml:7:22: services[0].members[1]: unknown service 'slak' "
        "(did you mean 'slack'?)"
    ]


def test_an_alternative_without_its_kind_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(MINI, folder)
    path = folder / "alternatives.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    kind: application\n", ""), encoding="utf-8"
    )
    assert _errors(folder) == [
        "cat/alternatives.yaml:22:5: alternatives[2]: missing required key 'kind'"
    ]


def test_an_open_standard_has_a_standard_instead_of_a_license(tmp_path: Path) -> None:
    standard = """\
alternatives:
  - id: imap
    name: IMAP
    kind: protocol
    homepage: https://www.rfc-editor.org/rfc/rfc9051
    categories: [chat]
    description: {en: Mail., fr: Courrier.}
    reviewed: 2026-11-26
  - id: tool
    name: Tool
    kind: application
    standard: https://www.rfc-editor.org/rfc/rfc9051
    homepage: https://example.org
    categories: [chat]
    description: {en: Tool., fr: Outil.}
    reviewed: 2026-11-26
"""
    assert _errors(_catalog(tmp_path, standard)) == [
        "cat/extra.yaml:4:11: alternatives[0].kind: an open standard (kind: protocol) needs "
        "'standard'",
        "cat/extra.yaml:9:5: alternatives[1]: missing required key 'license' (only kind: "
        "protocol may omit it)",
        "cat/extra.yaml:9:5: alternatives[1]: missing required key 'source' (only kind: "
        "protocol may omit it)",
        "cat/extra.yaml:12:15: alternatives[1].standard: only an open standard (kind: protocol) "
        "has 'standard'",
    ]


def test_a_service_with_nothing_to_offer_is_a_warning_unless_kept_or_advised(
    tmp_path: Path,
) -> None:
    services = """\
services:
  - id: ad-network
    name: Ad Network
    vendor: salesforce
    category: chat
    description: {en: Ads., fr: Publicité.}
    reviewed: 2026-11-26
  - id: state-platform
    name: State Platform
    vendor: salesforce
    category: chat
    description: {en: Mandated., fr: Imposée.}
    keep: {en: The law requires it., fr: La loi l’impose.}
    reviewed: 2026-11-26
  - id: ad-network-2
    name: Ad Network Two
    vendor: salesforce
    category: chat
    description: {en: Ads., fr: Publicité.}
    advice: {en: Use a newsletter., fr: Préférez une lettre d’information.}
    reviewed: 2026-11-26
"""
    result = loader.validate([_catalog(tmp_path, services)], today=dt.date(2026, 11, 26))
    assert result.errors == []
    assert [str(w) for w in result.warnings] == [
        "cat/extra.yaml:2:9: services[0].id: warning: no alternative: add one, or say why it "
        "stays (keep:) or how to depend on it less (advice:)"
    ]
    assert result.catalog is not None
    kept = result.catalog.services["state-platform"]
    assert kept.keep is not None and kept.keep.fr == "La loi l’impose."


def test_hosted_offer_is_derived_from_the_providers(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(MINI, folder)
    path = folder / "alternatives.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "tags: [self-hostable, web]\n", "tags: [self-hostable, web, hosted-offer]\n"
        ),
        encoding="utf-8",
    )
    errors = _errors(folder)
    assert any(
        "'hosted-offer' is derived from the providers: no provider offers it" in e for e in errors
    )


def test_the_shipped_catalog_is_v2_through_and_through(shipped: loader.Catalog) -> None:
    from altgafam.catalog import schema

    assert schema.FORMAT_VERSION == 2
    assert len(shipped.providers) >= 40
    assert all(a.kind in schema.KINDS for a in shipped.alternatives.values())
    for service in shipped.services.values():
        assert (
            service.alternatives
            or service.keep
            or service.advice
            or service.members
            or (service.successor)
        ), service.id
    m365 = shipped.services["microsoft-365"].members
    for member in ("microsoft-word", "microsoft-excel", "microsoft-powerpoint"):
        assert member in m365
    for member in ("microsoft-outlook", "microsoft-teams", "microsoft-onedrive"):
        assert member in m365
    for suite in ("google-workspace", "adobe-creative-cloud", "apple-iwork"):
        assert shipped.services[suite].members, suite


def _scan(runner: Runner, tmp_path: Path, lines: str, *args: str) -> dict[str, dict[str, object]]:
    import json

    path = tmp_path / "tools.txt"
    path.write_text(lines, encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return {r["input"]: r for r in json.loads(result.stdout)["results"]}


def test_gmail_is_replaced_by_a_hosted_mailbox_and_a_client(runner: Runner, tmp_path: Path) -> None:
    gmail = _scan(runner, tmp_path, "Gmail\n")["Gmail"]
    options = gmail["alternatives"]
    assert isinstance(options, list)
    mailbox = options[0]
    assert mailbox["kind"] == "protocol"
    hosts = mailbox["providers"]
    assert hosts and all({"name", "country", "eu", "chatons"} <= set(h) for h in hosts)
    assert any(h["country"] == "FR" and h["eu"] for h in hosts)
    assert [p["kind"] for p in mailbox["with"]] == ["client", "client"]
    # No client app alone is presented as the replacement of a hosted mailbox.
    assert all(o["kind"] != "client" for o in options)


def test_microsoft_365_members_are_recognised_as_such(runner: Runner, tmp_path: Path) -> None:
    names = ["Word", "Excel", "PowerPoint", "Outlook", "Teams", "OneDrive"]
    found = _scan(runner, tmp_path, "\n".join(names) + "\n")
    for name in names:
        match = found[name]["match"]
        assert isinstance(match, dict) and "Microsoft 365" in match["suites"], name


def test_require_chatons_keeps_chatons_hosts_or_names_the_filter(
    runner: Runner, tmp_path: Path
) -> None:
    found = _scan(runner, tmp_path, "Gmail\nGoogle Drive\n", "--require", "chatons")
    for line in ("Gmail", "Google Drive"):
        result = found[line]
        options = result["alternatives"]
        assert isinstance(options, list)
        if options:
            assert all(any(h["chatons"] for h in o["providers"]) for o in options), line
        else:
            # No CHATONS member in the catalog hosts it: the filter is named, never
            # "no libre replacement".
            assert result["removed_by"] == ["--require chatons"], line
    drive = found["Google Drive"]["alternatives"]
    assert isinstance(drive, list) and drive, "a CHATONS member hosts Nextcloud"


def test_exclude_self_hosted_keeps_what_a_provider_hosts(runner: Runner, tmp_path: Path) -> None:
    drive = _scan(runner, tmp_path, "Google Drive\n", "--exclude", "self-hosted")["Google Drive"]
    options = drive["alternatives"]
    assert isinstance(options, list)
    assert "nextcloud" in [o["id"] for o in options]
    assert all(o["kind"] != "server" or o["providers"] for o in options)


def test_keep_and_advice_stay_out_of_the_score(runner: Runner, tmp_path: Path) -> None:
    import json

    path = tmp_path / "tools.txt"
    path.write_text("Google Ads\nApp Store\n", encoding="utf-8")
    found = _scan(runner, tmp_path, "Google Ads\nApp Store\n")
    ads, store = found["Google Ads"]["match"], found["App Store"]["match"]
    assert isinstance(ads, dict) and ads["advice"] and not ads["keep"]
    assert isinstance(store, dict) and store["keep"]
    md = runner.invoke(["scan", str(path), "-f", "markdown", "--lang", "fr"]).stdout
    assert "Score de dépendance\u202f: 0/100" in md
    assert "Conservés à dessein" in md and "comment en dépendre moins" in md
    assert "Pas encore de remplaçant libre" not in md
    assert (
        json.loads(runner.invoke(["scan", str(path), "-f", "json"]).stdout)["summary"][
            "proprietary"
        ]
        == 2
    )


def test_a_vendor_carries_where_its_owner_was_read(tmp_path: Path) -> None:
    vendor = """\
vendors:
  - id: acme-sub
    name: Acme Sub
    parent: google
    sources: [{url}]
"""
    folder = _catalog(tmp_path, vendor.format(url="https://news.example/acme-bought"))
    assert loader.load([folder]).vendors["acme-sub"].sources == (
        "https://news.example/acme-bought",
    )
    folder = _catalog(tmp_path / "bad", vendor.format(url="news.example/acme"))
    (error,) = _errors(folder)
    assert "vendors[0].sources[0]" in error


def test_an_archived_alternative_is_known_but_never_ranked(tmp_path: Path) -> None:
    archived = """\
alternatives:
  - id: old-chat
    name: Old Chat
    kind: server
    license: MIT
    homepage: https://old-chat.example
    source: https://old-chat.example/src
    categories: [chat]
    description: {en: An unmaintained chat server., fr: Un serveur de discussion abandonné.}
    archived: 2026-06-18
    reviewed: 2026-11-26
services:
  - id: chat-pro
    name: Chat Pro
    vendor: salesforce
    category: chat
    description: {en: A chat service., fr: Un service de discussion.}
    alternatives:
      - id: old-chat
        effort: low
    reviewed: 2026-11-26
"""
    assert _errors(_catalog(tmp_path, archived)) == [
        "cat/extra.yaml:19:13: services[0].alternatives[0].id: 'old-chat' is archived since "
        "2026-06-18: rank a maintained alternative instead"
    ]
    # Known, so that a list naming it is read as libre.
    ok = archived.replace(
        "      - id: old-chat\n        effort: low\n",
        "      - id: mattermost\n        effort: low\n",
    )
    cat = loader.load([_catalog(tmp_path / "b", ok)])
    assert cat.alternatives["old-chat"].archived == dt.date(2026, 6, 18)
