"""The maintainers' workflow: overlays, precise validation, the JSON Schema, catalog commands."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from altgafam.catalog import cache, loader
from altgafam.catalog.jsonschema import catalog_schema

from .conftest import HERE, MINI, ROOT, Runner

OVERLAYS = HERE / "catalogs" / "overlays"


def test_an_overlay_adds_and_patches(tmp_path: Path) -> None:
    result = loader.validate([MINI], overlays=[OVERLAYS / "agency"])
    assert result.problems == []
    cat = result.catalog
    assert cat is not None
    assert "basecamp" in cat.services and cat.owner("basecamp-vendor").name == "37signals"
    slack = cat.services["slack"]
    assert slack.aliases == ("Slack de l'agence",)
    assert [(r.id, r.effort) for r in slack.alternatives] == [
        ("zulip", "low"),
        ("mattermost", "medium"),
    ]
    assert cat.services["microsoft-teams"].alternatives == ()
    assert [o.provider for o in cat.alternatives["mattermost"].hosted_offers] == ["Agence Exemple"]
    assert cat.providers["agence-exemple"].offers[0].url == "https://chat.agence.example"


def test_two_overlays_ranking_one_service_is_a_conflict_naming_both_files() -> None:
    result = loader.validate([MINI], overlays=[OVERLAYS / "agency", OVERLAYS / "other"])
    assert [str(p) for p in result.errors] == [
        "other/overlay.yaml:4:7: services[0].alternatives: the ranking of 'slack' is also "
        "changed by agency/overlay.yaml:16"
    ]


def test_a_broken_overlay_gets_every_precise_message() -> None:
    result = loader.validate([MINI], overlays=[OVERLAYS / "broken"])
    expected = (OVERLAYS / "broken" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(p) for p in result.problems] == expected


def test_hidden_alternative_leaves_every_ranking(tmp_path: Path) -> None:
    (tmp_path / "hide.yaml").write_text(
        "alternatives:\n  - id: mattermost\n    hidden: true\n", encoding="utf-8"
    )
    cat = loader.load([MINI], [tmp_path])
    assert all(r.id != "mattermost" for s in cat.services.values() for r in s.alternatives)
    assert "mattermost" in cat.alternatives  # still recognised as libre when typed


def _own_tool(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "services.yaml").write_text(
        """\
vendors:
  - id: exemple-sas
    name: Exemple SAS
    country: FR
services:
  - id: outil-maison-exemple
    name: Outil Maison Exemple
    vendor: exemple-sas
    category: crm
    aliases: [OME]
    description: {en: An example in-house CRM., fr: Un exemple de CRM maison.}
    alternatives:
      - id: dolibarr
        effort: medium
    reviewed: 2026-11-26
""",
        encoding="utf-8",
    )
    return folder


def _scan_ids(
    runner: Runner, args: list[str], env: dict[str, str] | None = None
) -> list[str | None]:
    result = runner.invoke(["scan", "-", "-f", "json", *args], input="OME\nSlack\n", env=env)
    assert result.exit_code == 0, result.output
    return [r["match"] and r["match"]["id"] for r in json.loads(result.stdout)["results"]]


def test_scan_honours_catalog_option_env_and_config_folder(runner: Runner, tmp_path: Path) -> None:
    overlay = _own_tool(tmp_path / "overlay")
    assert _scan_ids(runner, []) == [None, "slack"]
    assert _scan_ids(runner, ["--catalog", str(overlay)]) == ["outil-maison-exemple", "slack"]
    assert _scan_ids(runner, [], env={"ALTGAFAM_CATALOG_PATH": str(overlay)}) == [
        "outil-maison-exemple",
        "slack",
    ]
    config = tmp_path / "config"
    _own_tool(config / "altgafam" / "catalog")
    assert _scan_ids(runner, [], env={"XDG_CONFIG_HOME": str(config)}) == [
        "outil-maison-exemple",
        "slack",
    ]


def test_every_catalog_command_honours_overlays(runner: Runner, tmp_path: Path) -> None:
    overlay = str(_own_tool(tmp_path / "overlay"))
    shown = runner.invoke(
        ["catalog", "show", "outil-maison-exemple", "--catalog", overlay, "-f", "json"]
    )
    assert json.loads(shown.stdout)["ownership"] == ["Exemple SAS"]
    listed = json.loads(
        runner.invoke(["catalog", "list", "-f", "json", "--catalog", overlay]).stdout
    )
    assert "outil-maison-exemple" in {s["id"] for s in listed["services"]}
    found = runner.invoke(["catalog", "search", "outil maison", "--catalog", overlay])
    assert "outil-maison-exemple" in found.stdout
    assert runner.invoke(["catalog", "validate", overlay]).exit_code == 0


def test_validate_an_overlay_on_the_shipped_catalog(runner: Runner, tmp_path: Path) -> None:
    overlay = _own_tool(tmp_path / "mine")
    (overlay / "services.yaml").write_text(
        (overlay / "services.yaml")
        .read_text(encoding="utf-8")
        .replace("category: crm", "category: crms"),
        encoding="utf-8",
    )
    result = runner.invoke(["catalog", "validate", str(overlay)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "mine/services.yaml:9:15: services[0].category: unknown category 'crms' "
        "(did you mean 'crm'?)",
        "1 error(s), 0 warning(s)",
    ]
    doc = json.loads(runner.invoke(["catalog", "validate", str(overlay), "-f", "json"]).stdout)
    assert doc["valid"] is False
    assert doc["errors"] == [
        {
            "file": "mine/services.yaml",
            "line": 9,
            "column": 15,
            "path": "services[0].category",
            "message": "unknown category 'crms' (did you mean 'crm'?)",
        }
    ]
    assert doc["warnings"] == []


def test_missing_overlay_folder_is_a_usage_error(runner: Runner) -> None:
    result = runner.invoke(["scan", "-", "--catalog", "nowhere"], input="Slack\n")
    assert result.exit_code == 2
    assert result.stderr == "altgafam: error: nowhere: not a catalog folder\n"


def test_the_committed_json_schema_is_the_generated_one() -> None:
    committed = json.loads((ROOT / "catalog" / "schema.json").read_text(encoding="utf-8"))
    assert committed == catalog_schema()


def test_every_shipped_file_points_to_the_schema_and_satisfies_it() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(catalog_schema())
    root = cache.builtin_dir()
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        relative = "schema.json" if path.parent == root else "../schema.json"
        assert text.startswith(f"# yaml-language-server: $schema={relative}\n"), path
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path


def test_the_schema_rejects_what_validation_rejects() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(catalog_schema())
    bad = {"services": [{"id": "x", "name": "X", "vendor": "v", "category": "c", "aliasses": []}]}
    assert list(validator.iter_errors(bad))
    assert list(validator.iter_errors({"sevrices": []}))


def test_show_search_and_new(runner: Runner) -> None:
    shown = runner.invoke(["catalog", "show", "github"], env={"COLUMNS": "160"})
    assert shown.exit_code == 0
    assert "Microsoft" in shown.stdout and "fr:" in shown.stdout
    alt = json.loads(runner.invoke(["catalog", "show", "forgejo", "-f", "json"]).stdout)
    assert alt["entry"] == "alternative" and alt["kind"] == "server" and "github" in alt["replaces"]
    missing = runner.invoke(["catalog", "show", "githib"])
    assert missing.exit_code == 2
    assert missing.stderr == "altgafam: error: no entry with id 'githib' (did you mean 'github'?)\n"
    hits = json.loads(runner.invoke(["catalog", "search", "visioconference", "-f", "json"]).stdout)
    assert hits and all({"id", "kind", "name", "score"} == set(h) for h in hits)
    assert any(h["id"] == "jitsi-meet" for h in hits)
    for kind in ("service", "alternative", "provider"):
        skeleton = runner.invoke(["catalog", "new", kind])
        assert skeleton.exit_code == 0
        entries = yaml.safe_load(skeleton.stdout)
        assert isinstance(entries, list) and "id" in entries[0] and "reviewed" in entries[0]
    assert runner.invoke(["catalog", "new", "vendor"]).exit_code == 2


def test_a_filled_provider_skeleton_validates(runner: Runner, tmp_path: Path) -> None:
    skeleton = runner.invoke(["catalog", "new", "provider"]).stdout
    overlay = tmp_path / "mine"
    overlay.mkdir()
    filled = skeleton.replace("YYYY-MM-DD", "2026-12-01")
    (overlay / "providers.yaml").write_text("providers:\n" + filled, encoding="utf-8")
    result = runner.invoke(["catalog", "validate", str(overlay)])
    assert result.exit_code == 0, result.output


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "altgafam-catalog-validate"
    assert hook["entry"].startswith("altgafam catalog validate")
