"""Advice a consultant can sign: profiles, one target per function, a roadmap with hosts,
effort and the list's seats and costs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from altgafam.advice import profile as profiles
from altgafam.errors import InputError

from .conftest import Runner


def _scan(runner: Runner, tmp_path: Path, lines: str, *args: str, name: str = "tools.txt") -> Any:
    path = tmp_path / name
    path.write_text(lines, encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _target(doc: Any, function: str) -> Any:
    return next(t for t in doc["target_stack"] if t["function"] == function)


def test_the_mail_project_names_a_hosted_mailbox_and_a_client(
    runner: Runner, tmp_path: Path
) -> None:
    doc = _scan(runner, tmp_path, "Gmail\n", "--profile", "association")
    mail = _target(doc, "mail")
    assert mail["target"]["kind"] == "protocol"
    assert [p["kind"] for p in mail["target"]["with"]] == ["client", "client"]
    host = mail["host"]
    assert host is not None and {"country", "eu", "chatons"} <= set(host)
    # No target is a client app alone, for a hosted service.
    assert all(t["target"]["kind"] != "client" or t["host"] for t in doc["target_stack"])


def test_microsoft_365_tools_are_one_project(runner: Runner, tmp_path: Path) -> None:
    doc = _scan(runner, tmp_path, "Word\nExcel\nPowerPoint\nOutlook\nTeams\nOneDrive\n")
    projects = [
        p for p in doc["roadmap"] if {"Microsoft Word", "Microsoft Teams"} & set(p["tools"])
    ]
    names = {p["name"] for p in projects}
    assert names == {"Microsoft 365"}
    (m365,) = projects
    assert {"Microsoft Word", "Microsoft Teams", "Microsoft OneDrive"} <= set(m365["tools"])


def test_nextcloud_already_in_use_serves_calendar_and_contacts(
    runner: Runner, tmp_path: Path
) -> None:
    doc = _scan(runner, tmp_path, "Nextcloud\nGoogle Calendar\nGoogle Contacts\nDropbox\n")
    for function in ("calendar", "contacts", "storage"):
        target = _target(doc, function)
        assert target["target"]["id"] == "nextcloud", function
    assert any(r["key"] == "in_use" for r in _target(doc, "calendar")["reasons"])


def test_require_chatons_gives_chatons_hosts_or_names_the_filter(
    runner: Runner, tmp_path: Path
) -> None:
    doc = _scan(runner, tmp_path, "Gmail\nGoogle Drive\n", "--require", "chatons")
    drive = _target(doc, "storage")
    assert drive["host"]["chatons"] is True
    gmail = next(r for r in doc["results"] if r["input"] == "Gmail")
    if gmail["alternatives"]:
        assert _target(doc, "mail")["host"]["chatons"] is True
    else:
        assert gmail["removed_by"] == ["--require chatons"]


def test_a_profile_that_runs_no_server_is_never_left_to_self_host(
    runner: Runner, tmp_path: Path
) -> None:
    lines = "Gmail\nGoogle Drive\nSlack\nZoom\nGoogle Analytics\nTrello\nDoodle\n"
    doc = _scan(runner, tmp_path, lines, "--profile", "association")
    assert doc["profile"]["servers"] == "no"
    for target in doc["target_stack"]:
        needs_server = target["target"]["kind"] in ("server", "protocol", "client")
        assert not needs_server or target["host"] is not None, target["function"]


def test_seats_and_costs_from_a_csv_reach_the_json_and_the_report(
    runner: Runner, tmp_path: Path
) -> None:
    table = (
        "Service;Logiciel;Nombre d'utilisateurs;Coût mensuel\n"
        "Direction;Microsoft 365;40;480,00 €\n"
        "Accueil;Zoom;5;\n"
    )
    doc = _scan(runner, tmp_path, table, name="inventaire.csv")
    by_input = {r["input"]: r for r in doc["results"]}
    assert (by_input["Microsoft 365"]["seats"], by_input["Microsoft 365"]["annual_cost"]) == (
        40,
        5760.0,
    )
    assert (by_input["Zoom"]["seats"], by_input["Zoom"]["annual_cost"]) == (5, None)
    assert doc["spend"] == {"seats": 45, "annual_cost": 5760.0}
    path = tmp_path / "inventaire.csv"
    md = runner.invoke(["scan", str(path), "-f", "markdown", "--lang", "fr"]).stdout
    assert "45 licences et 5\u202f760 par an" in md
    assert "Postes\u202f: 40\u202f; coût annuel\u202f: 5\u202f760" in md


def test_the_organisation_file(tmp_path: Path) -> None:
    org = tmp_path / "org.toml"
    org.write_text(
        'name = "Mairie de Test"\nprofile = "public-body"\nheadcount = 40\n'
        'servers = "no"\nadopted = ["LibreOffice"]\n',
        encoding="utf-8",
    )
    found = profiles.load(None, org)
    assert found is not None
    assert (found.kind, found.servers, found.hosting, found.headcount) == (
        "public-body",
        "no",
        "eu",
        40,
    )
    assert found.adopted == ("LibreOffice",) and found.name == "Mairie de Test"
    assert profiles.load("agency", None) == profiles.DEFAULTS["agency"]
    assert profiles.load(None, None) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('servers = "maybe"\n', "servers = 'maybe' is not one of no, with-help, yes"),
        ("headcount = 0\n", "headcount must be a whole number"),
        ("colour = 1\n", "unknown key 'colour'"),
        ("name = [\n", "invalid TOML"),
        ('profile = "club"\n', "profile 'club' is not one of"),
    ],
)
def test_a_bad_organisation_file_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    org = tmp_path / "org.toml"
    org.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        profiles.load(None, org)


def test_the_org_file_on_the_command_line(runner: Runner, tmp_path: Path) -> None:
    org = tmp_path / "org.toml"
    org.write_text('name = "Coop Test"\nprofile = "association"\n', encoding="utf-8")
    doc = _scan(runner, tmp_path, "Gmail\n", "--org", str(org))
    assert doc["profile"]["kind"] == "association"
    bad = runner.invoke(["scan", str(tmp_path / "tools.txt"), "--org", str(tmp_path / "no")])
    assert bad.exit_code == 2 and "no such file" in bad.stderr


def test_cli_profiles_are_the_libraries_own() -> None:
    from altgafam.cli.scan import ProfileKind

    assert tuple(k.value for k in ProfileKind) == profiles.PROFILES


ORGS = [
    ("association", "association.txt", "association.toml", "fr"),
    ("public-body", "mairie-inventaire.csv", "mairie.toml", "fr"),
    ("company", "company.csv", "company.toml", "en"),
]


@pytest.mark.parametrize(("kind", "tools", "org", "lang"), ORGS, ids=[o[0] for o in ORGS])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_three_example_organisations(
    runner: Runner, kind: str, tools: str, org: str, lang: str, fmt: str
) -> None:
    """The README's example organisations, their whole reports kept as goldens (read in full,
    the HTML printed to PDF, before each was committed)."""
    import os

    from altgafam import __version__

    from .conftest import ROOT

    examples = ROOT / "examples"
    args = ["scan", str(examples / tools), "--org", str(examples / org), "--lang", lang]
    result = runner.invoke([*args, "-f", fmt, "--date", "2026-12-06"])
    assert result.exit_code == 0, result.output
    text = result.stdout.replace(__version__, "VERSION")
    golden = (
        ROOT / "tests" / "golden" / f"org-{kind}.{lang}.{'md' if fmt == 'markdown' else 'html'}"
    )
    if os.environ.get("ALTGAFAM_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_terminal_shows_the_target_stack_in_short(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "tools.txt"
    path.write_text("Gmail\nGoogle Drive\n", encoding="utf-8")
    result = runner.invoke(["scan", str(path), "--lang", "fr"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Environnement cible" in result.stdout and "Nextcloud" in result.stdout


def test_the_report_says_which_column_it_read(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "inventaire.csv"
    path.write_text("Service;Quoi\nCompta;Slack\nAccueil;Zoom\n", encoding="utf-8")
    md = runner.invoke(["scan", str(path), "-f", "markdown", "--lang", "fr"]).stdout
    assert "lus dans la colonne 2 (Quoi) de la liste" in md


def test_hosts_that_do_not_serve_the_organisation_are_not_listed(
    runner: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "tools.txt"
    path.write_text("Google Drive\n", encoding="utf-8")
    args = ["scan", str(path), "-f", "markdown"]
    # Apps.education.fr hosts Nextcloud for the Education ministry's staff only.
    assert "Apps.education.fr" in runner.invoke(args).stdout
    assert "Apps.education.fr" not in runner.invoke([*args, "--profile", "company"]).stdout


def test_the_advice_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # A libre tool in use joins the options; set order once reordered "others" run to run.
    import os
    import subprocess
    import sys

    tools = tmp_path / "tools.txt"
    tools.write_text("Google Forms\nNextcloud\nLimeSurvey\nDémarches Simplifiées\nPublik\n")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "ALTGAFAM_NO_CACHE": "1"}
        command = [sys.executable, "-m", "altgafam", "scan", str(tools), "--format", "json"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_function_s_tools_share_a_target_only_when_it_replaces_each_of_them(
    runner: Runner, tmp_path: Path
) -> None:
    # An image viewer and a live-streaming studio share the catalog's photo and video
    # category, but no libre tool replaces both: each gets its own target.
    doc = _scan(runner, tmp_path, "IrfanView\nXSplit\n")
    targets = [t for t in doc["target_stack"] if t["function"] == "photo-video"]
    assert sorted(t["replaces"] for t in targets) == [["IrfanView"], ["XSplit Broadcaster"]]
    # Two design tools one libre tool replaces share it.
    doc = _scan(runner, tmp_path, "Canva\nFigma\n")
    design = [t for t in doc["target_stack"] if t["function"] == "design"]
    assert [sorted(t["replaces"]) for t in design] == [["Canva", "Figma"]]


def test_a_libre_line_naming_an_archived_project_says_since_when(
    runner: Runner, tmp_path: Path
) -> None:
    doc = _scan(runner, tmp_path, "Continue\nGitHub Copilot\n")
    libre, copilot = doc["results"]
    assert (libre["status"], libre["match"]["discontinued"]) == ("libre", "2026-06-18")
    # No longer offered as an alternative to anything.
    assert "continue" not in [a["id"] for a in copilot["alternatives"]]
