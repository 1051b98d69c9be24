"""The real CLI, run in-process by the tests' Runner, on the shipped catalog and example list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from altgafam import __version__

from .conftest import HERE, MINI, ROOT, Runner

EXAMPLE = str(ROOT / "examples" / "agency-tools.txt")


def test_version(runner: Runner) -> None:
    result = runner.invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"altgafam {__version__}\n"


def test_help_teaches(runner: Runner) -> None:
    result = runner.invoke(["scan", "--help"])
    assert result.exit_code == 0
    assert (
        "--format" in result.stdout
        and "--output" in result.stdout
        and "--min-score" in result.stdout
    )


def test_help_lists_the_commands_and_exit_codes(runner: Runner) -> None:
    result = runner.invoke(["--help"])
    assert result.exit_code == 0
    for word in ("scan", "site", "catalog", "Exit codes"):
        assert word in result.stdout
    catalog = runner.invoke(["catalog", "--help"])
    assert all(c in catalog.stdout for c in ("validate", "list", "show", "search", "new"))


@pytest.mark.parametrize("args", [[], ["catalog"]])
def test_no_command_shows_what_can_follow(runner: Runner, args: list[str]) -> None:
    result = runner.invoke(args)
    assert result.exit_code == 2
    assert "COMMAND" in result.stdout and "Usage:" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan"], "Missing argument 'file'. (see 'altgafam scan --help')"),
        (["scan", EXAMPLE, "--bogus"], "No such option: --bogus"),
        # Options are never abbreviated: --form is not --format.
        (["scan", EXAMPLE, "--form", "json"], "No such option: --form (Possible options: --format"),
        (["scan", EXAMPLE, "--min-score", "200"], "'--min-score': Input should be less than or"),
        (["scan", EXAMPLE, "--min-score", "high"], "'--min-score': Input should be a valid number"),
        (["scan", EXAMPLE, "--min-score", "nan"], "'--min-score'"),
        (["scan", EXAMPLE, "--max-alternatives", "0"], "greater than or equal to 1"),
        (["scan", EXAMPLE, "--format", "pdf"], "'pdf' is not one of 'table', 'markdown', 'html'"),
        (["scan", EXAMPLE, "--lang", "de"], "'de' is not one of 'en', 'fr'"),
        (["site", "x", "--timeout", "0"], "'--timeout': Input should be greater than or equal to"),
        (["site", "x", "--timeout", "inf"], "'--timeout'"),
        (["site", "x", "--timeout", "nan"], "'--timeout'"),
        (["site", "x", "--timeout", "-1"], "'--timeout'"),
        (["catalog", "search", "x", "--limit", "0"], "(see 'altgafam catalog search --help')"),
        (["catalog", "bogus"], "No such command 'bogus'. (see 'altgafam catalog --help')"),
        (["catalog", "new", "thing"], "'thing' is not one of 'service', 'alternative'"),
    ],
)
def test_usage_errors_are_one_line_naming_the_help(
    runner: Runner, args: list[str], message: str
) -> None:
    result = runner.invoke(args)
    assert result.exit_code == 2
    assert result.stderr.startswith("altgafam: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert result.stderr.rstrip().endswith("--help')")
    assert result.stdout == ""


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    # Ten times the example: a report far larger than a pipe's buffer (64 KiB).
    big = tmp_path / "big.txt"
    big.write_text(Path(EXAMPLE).read_text(encoding="utf-8") * 10, encoding="utf-8")
    code = (
        "import sys; sys.argv = ['altgafam', 'scan', sys.argv[1], '-f', 'json']\n"
        "from altgafam.cli import main; main()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    assert proc.stderr.read() == b""
    assert proc.wait() == 1


def test_scan_table_lists_every_line(runner: Runner) -> None:
    result = runner.invoke(["scan", EXAMPLE], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "Gmail" in result.stdout and "Thunderbird" in result.stdout
    assert "photocopieur" in result.stdout
    assert "\x1b[" not in result.stdout


def test_scan_json_follows_the_contract(runner: Runner) -> None:
    result = runner.invoke(["scan", EXAMPLE, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    lines = [
        n
        for n, t in enumerate(Path(EXAMPLE).read_text(encoding="utf-8").splitlines(), 1)
        if t.strip() and not t.startswith("#")
    ]
    assert [r["line"] for r in doc["results"]] == lines
    by_input = {r["input"]: r for r in doc["results"]}
    gmail = by_input["Gmail"]
    assert gmail["status"] == "proprietary" and gmail["match"]["owner"] == "Alphabet"
    assert gmail["match"]["gafam"] is True
    assert gmail["alternatives"] and all(
        a["license"] or a["kind"] == "protocol" for a in gmail["alternatives"]
    )
    # A hosted mailbox, with who hosts it, read with a mail client: never a client alone.
    mailbox = gmail["alternatives"][0]
    assert mailbox["kind"] == "protocol" and mailbox["with"][0]["kind"] == "client"
    assert {"country", "eu", "chatons"} <= set(mailbox["providers"][0])
    assert all(a["kind"] != "client" for a in gmail["alternatives"])
    assert gmail["match"]["suites"] == ["Google Workspace"]
    assert by_input["GitHub"]["match"]["vendor"] == "GitHub"
    assert by_input["GitHub"]["match"]["owner"] == "Microsoft"
    assert by_input["LibreOffice"]["status"] == "libre"
    assert by_input["photocopieur"]["status"] == "unknown"
    s = doc["summary"]
    assert s["entries"] == len(lines)
    assert s["proprietary"] + s["libre"] + s["ambiguous"] + s["unknown"] == s["entries"]


def test_scan_markdown(runner: Runner) -> None:
    result = runner.invoke(["scan", EXAMPLE, "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout.startswith('---\ntitle: "Migration report"\nlang: "en"\n')
    assert "\n...\n\n# Migration report\n" in result.stdout


def test_scan_reads_stdin(runner: Runner) -> None:
    result = runner.invoke(["scan", "-", "--format", "json"], input="Slack\n")
    assert json.loads(result.stdout)["results"][0]["match"]["id"] == "slack"


def test_output_file_is_written_and_stdout_stays_empty(runner: Runner, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(["scan", EXAMPLE, "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "\n# Migration report\n" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_output_table_to_file_has_no_colour(runner: Runner, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert runner.invoke(["scan", EXAMPLE, "-o", str(out)]).exit_code == 0
    assert "\x1b[" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "missing.txt"], "altgafam: error: missing.txt: no such file\n"),
        (
            ["scan", EXAMPLE, "-o", "/nonexistent-dir/r.md"],
            "altgafam: error: /nonexistent-dir/r.md: directory /nonexistent-dir does not exist\n",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(runner: Runner, args: list[str], message: str) -> None:
    result = runner.invoke(args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert result.stdout == ""


def test_directory_as_input(runner: Runner, tmp_path: Path) -> None:
    result = runner.invoke(["scan", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_catalog_validate_shipped(runner: Runner) -> None:
    result = runner.invoke(["catalog", "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("catalog valid: ")


def test_catalog_validate_invalid_exits_1_with_locations(runner: Runner) -> None:
    case = HERE / "catalogs" / "invalid" / "bad-references"
    result = runner.invoke(["catalog", "validate", "--standalone", str(MINI), str(case)])
    assert result.exit_code == 1
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr == expected + "4 error(s), 0 warning(s)\n"


def test_catalog_validate_not_a_folder(runner: Runner) -> None:
    result = runner.invoke(["catalog", "validate", "nope"])
    assert result.exit_code == 2
    assert result.stderr == "altgafam: error: nope: not a catalog folder\n"


def test_catalog_list_json_contract(runner: Runner) -> None:
    result = runner.invoke(["catalog", "list", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 2
    assert {"services", "alternatives", "providers", "categories", "vendors"} <= set(doc)
    service = next(s for s in doc["services"] if s["id"] == "github")
    assert {
        "id",
        "name",
        "vendor",
        "owner",
        "gafam",
        "category",
        "aliases",
        "domains",
        "description",
        "alternatives",
    } <= set(service)
    assert service["owner"] == "microsoft" and service["gafam"] is True
    assert set(service["description"]) == {"en", "fr"}
    assert set(service["alternatives"][0]) == {"id", "effort", "note", "with"}
    alternative = doc["alternatives"][0]
    assert {
        "id",
        "name",
        "aliases",
        "license",
        "homepage",
        "source",
        "categories",
        "tags",
        "description",
    } <= set(alternative)
    assert [s["id"] for s in doc["services"]] == sorted(s["id"] for s in doc["services"])
    ovh = next(v for v in doc["vendors"] if v["id"] == "ovhcloud")
    assert ovh["aliases"] == ["OVH"] and ovh["owner"] == "ovhcloud"


def test_catalog_list_table(runner: Runner) -> None:
    result = runner.invoke(["catalog", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Proprietary services" in result.stdout and "Libre alternatives" in result.stdout


def test_python_dash_m_runs_the_cli() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "altgafam", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"altgafam {__version__}\n"


def test_catalog_stats_table_and_json(runner: Runner) -> None:
    table = runner.invoke(["catalog", "stats"], env={"COLUMNS": "120"})
    assert table.exit_code == 0
    assert (
        "Services owned by the GAFAM" in table.stdout
        and "Pairs with a migration note" in table.stdout
    )
    doc = json.loads(runner.invoke(["catalog", "stats", "--format", "json"]).stdout)
    assert doc["services"] >= 300 and doc["alternatives"] >= 250
    assert doc["pairs_with_notes"] >= 120
    assert doc["categories_used"] >= 28
    assert {"by_category", "by_owner", "gafam_share", "notes_share"} <= set(doc)


def test_min_score_default_is_the_matchers() -> None:
    from altgafam.cli import scan
    from altgafam.scan import matcher

    assert scan.MIN_SCORE == matcher.DEFAULT_MIN_SCORE


def test_cli_choices_are_the_libraries_own() -> None:
    from altgafam.catalog.skeletons import SKELETONS
    from altgafam.cli import catalog, common, scan
    from altgafam.report.formats import Format
    from altgafam.report.i18n import LANGUAGES
    from altgafam.scan.inputs import FORMATS

    assert [f.value for f in common.ReportFormat] == [f.value for f in Format]
    assert tuple(lang.value for lang in common.Language) == LANGUAGES
    assert tuple(f.value for f in scan.InputFormat) == FORMATS
    assert {k.value for k in catalog.Kind} == set(SKELETONS)


def test_help_has_completion_and_examples(runner: Runner) -> None:
    root = runner.invoke(["--help"], env={"COLUMNS": "100"})
    assert "--install-completion" in root.stdout and "--show-completion" in root.stdout
    for command in (["scan"], ["site"], ["catalog"], *[["catalog", c] for c in COMMANDS]):
        result = runner.invoke([*command, "--help"], env={"COLUMNS": "100"})
        assert result.exit_code == 0, command
        assert "Examples" in result.stdout or "Example" in result.stdout, command
        assert f"altgafam {' '.join(command)}" in result.stdout, command


COMMANDS = ("validate", "list", "stats", "show", "search", "new", "schema")


@pytest.mark.parametrize("to_file", [False, True])
def test_the_terminal_table_follows_lang(runner: Runner, tmp_path: Path, to_file: bool) -> None:
    out = tmp_path / "table.txt"
    args = ["scan", EXAMPLE, "--lang", "fr", *(["-o", str(out)] if to_file else [])]
    result = runner.invoke(args, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8") if to_file else result.stdout
    assert "Tel qu\u2019écrit" in text and "Alternatives libres" in text
    assert "As written" not in text
