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
    for word in ("scan", "site", "catalog", "exit codes"):
        assert word in result.stdout
    catalog = runner.invoke(["catalog", "--help"])
    assert all(c in catalog.stdout for c in ("validate", "list", "show", "search", "new"))


@pytest.mark.parametrize("args", [[], ["catalog"]])
def test_no_command_shows_what_can_follow(runner: Runner, args: list[str]) -> None:
    result = runner.invoke(args)
    assert result.exit_code == 2
    assert result.stdout == "" and "COMMAND" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan"], "the following arguments are required: FILE (see 'altgafam scan --help')"),
        (
            ["scan", EXAMPLE, "--bogus"],
            "unrecognized arguments: --bogus (see 'altgafam scan --help')",
        ),
        # Options are never abbreviated: --form is not --format.
        (["scan", EXAMPLE, "--form", "json"], "unrecognized arguments: --form json"),
        (["scan", EXAMPLE, "--min-score", "200"], "argument --min-score: 200 is not between"),
        (["scan", EXAMPLE, "--min-score", "high"], "'high' is not a number between 0 and 100"),
        (["scan", EXAMPLE, "--max-alternatives", "0"], "0 is not at least 1"),
        (["site", "x", "--timeout", "0"], "argument --timeout: 0 is not at least 0.1"),
        (["catalog", "search", "x", "--limit", "0"], "(see 'altgafam catalog search --help')"),
        (["catalog", "bogus"], "invalid choice: 'bogus'"),
    ],
)
def test_usage_errors_are_one_line_naming_the_help(
    runner: Runner, args: list[str], message: str
) -> None:
    result = runner.invoke(args)
    assert result.exit_code == 2
    assert result.stderr.startswith("altgafam: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
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
    assert gmail["alternatives"] and all(a["license"] for a in gmail["alternatives"])
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
    assert result.stdout.startswith("# Migration report")


def test_scan_reads_stdin(runner: Runner) -> None:
    result = runner.invoke(["scan", "-", "--format", "json"], input="Slack\n")
    assert json.loads(result.stdout)["results"][0]["match"]["id"] == "slack"


def test_output_file_is_written_and_stdout_stays_empty(runner: Runner, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(["scan", EXAMPLE, "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# Migration report")
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
            ["scan", EXAMPLE, "--format", "pdf"],
            "altgafam: error: unknown format 'pdf' (choose table, markdown, html or json)\n",
        ),
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
    assert doc["schema_version"] == 1
    assert {"services", "alternatives", "categories", "vendors"} <= set(doc)
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
    assert set(service["alternatives"][0]) == {"id", "effort", "note"}
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
    from altgafam import cli
    from altgafam.scan import matcher

    args = cli.parser().parse_args(["scan", "tools.txt"])
    assert args.min_score == matcher.DEFAULT_MIN_SCORE
