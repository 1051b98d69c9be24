"""Where reports go: -o onto devices, links, pipes and the input itself; permissions; signals;
closed or full standard streams; text that cannot be written as UTF-8; narrow terminals."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import ROOT, Runner

EXAMPLE = str(ROOT / "examples" / "agency-tools.txt")
CLI = "from altgafam.cli import main; main()"


def _altgafam(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, **kwargs
    )


def _one_line_error(stderr: str) -> bool:
    return stderr.startswith("altgafam: error: ") and stderr.count("\n") == 1


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_written_through_never_replaced(runner: Runner, device: str) -> None:
    before = os.stat(device)
    result = runner.invoke(["scan", EXAMPLE, "-f", "json", "-o", device])
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    if device == "/dev/full":
        assert result.exit_code == 2 and _one_line_error(result.stderr)
        assert "cannot write" in result.stderr
    else:
        assert result.exit_code == 0, result.output


def test_a_fifo_is_written_through(runner: Runner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = runner.invoke(["scan", EXAMPLE, "-f", "json", "-o", str(fifo)])
    out, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(out)["schema_version"]


def test_a_symbolic_link_is_followed_and_kept(runner: Runner, tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert runner.invoke(["scan", EXAMPLE, "-f", "markdown", "-o", str(link)]).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Gmail" in target.read_text(encoding="utf-8")


def test_a_hard_link_is_not_broken(runner: Runner, tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    first.write_text("old\n", encoding="utf-8")
    second = tmp_path / "b.json"
    os.link(first, second)
    assert runner.invoke(["scan", EXAMPLE, "-f", "json", "-o", str(first)]).exit_code == 0
    assert os.path.samefile(first, second)
    assert json.loads(second.read_text(encoding="utf-8"))["results"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_a_new_file_follows_the_umask_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    done = subprocess.run(
        ["sh", "-c", f"umask 027 && exec {sys.executable} -c '{CLI}' scan {EXAMPLE} -f json "
         f"-o {new}"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    old = tmp_path / "old.json"
    old.write_text("{}", encoding="utf-8")
    old.chmod(0o604)
    assert _altgafam("scan", EXAMPLE, "-f", "json", "-o", str(old)).returncode == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o604


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    # Output that never ends: the report is stopped while being written.
    code = (
        "import itertools, sys\n"
        "from altgafam.report import json as module\n"
        "def endless(report, extra=None):\n"
        "    yield '['\n"
        "    for _ in itertools.count():\n"
        "        yield '\"' + 'x' * 4096 + '\",'\n"
        "module.chunks = endless\n"
        "sys.argv = ['altgafam', 'scan', sys.argv[1], '-f', 'json', '-o', sys.argv[2]]\n" + CLI
    )
    out = tmp_path / "report.json"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, EXAMPLE, str(out)], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 30
    while not any(p.name.startswith(".report.json.") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None, "the write never started"
        time.sleep(0.05)
    proc.send_signal(signum)
    assert proc.wait(timeout=30) == 128 + signum
    assert proc.stderr is not None and "Traceback" not in proc.stderr.read()
    assert list(tmp_path.iterdir()) == []


def test_output_onto_the_input_is_refused(runner: Runner, tmp_path: Path) -> None:
    tools = tmp_path / "tools.txt"
    tools.write_text("Slack\n", encoding="utf-8")
    result = runner.invoke(["scan", str(tools), "-f", "json", "-o", str(tools)])
    assert result.exit_code == 2 and "is the list being read" in result.stderr
    assert tools.read_text(encoding="utf-8") == "Slack\n"


def test_a_trailing_slash_names_a_folder(runner: Runner, tmp_path: Path) -> None:
    result = runner.invoke(["scan", EXAMPLE, "-o", f"{tmp_path}/newdir/"])
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_dash_is_standard_output(runner: Runner, tmp_path: Path) -> None:
    result = runner.invoke(["scan", EXAMPLE, "-f", "json", "-o", "-"])
    assert result.exit_code == 0 and json.loads(result.stdout)["results"]
    assert not Path("-").exists()


def test_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        done = _altgafam("scan", EXAMPLE, "-f", "json", "-o", str(folder / "r.json"))
    finally:
        folder.chmod(0o700)
    if os.geteuid() == 0:  # root writes anywhere: the report is simply written
        assert done.returncode == 0
        return
    assert done.returncode == 2 and _one_line_error(done.stderr)


def test_full_and_closed_standard_streams_are_one_line() -> None:
    cli = [sys.executable, "-c", CLI]
    with open("/dev/full", "w") as full:
        done = subprocess.run([*cli, "scan", EXAMPLE, "-f", "json"], stdout=full, stderr=-1)
    assert done.returncode == 2 and _one_line_error(done.stderr.decode())
    shell = subprocess.run(
        ["sh", "-c", '"$0" -c "$1" scan "$2" -f json >&-', sys.executable, CLI, EXAMPLE],
        capture_output=True,
        text=True,
    )
    assert shell.returncode == 2 and "standard output is closed" in shell.stderr
    assert _one_line_error(shell.stderr)
    shell = subprocess.run(
        ["sh", "-c", '"$0" -c "$1" scan - -f json <&-', sys.executable, CLI],
        capture_output=True,
        text=True,
    )
    assert shell.returncode == 2 and "standard input is closed" in shell.stderr


def test_a_lone_surrogate_is_replaced_with_a_warning(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "tools.json"
    path.write_text('["Slack", "bad\\ud800name"]', encoding="utf-8")
    for fmt in ("json", "markdown", "html", "table"):
        result = runner.invoke(["scan", str(path), "-f", fmt], env={"COLUMNS": "120"})
        assert result.exit_code == 0, (fmt, result.output)
        assert "invalid characters replaced" in result.stderr
        assert "bad\ufffdname" in result.stdout
    assert json.loads(runner.invoke(["scan", str(path), "-f", "json"]).stdout)["results"]


def test_undecodable_bytes_in_names_and_client_give_valid_utf8(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"dossier-\xe9")
    folder.mkdir()
    tools = folder / os.fsdecode(b"outils-\xff.txt")
    tools.write_text("Slack\n", encoding="utf-8")
    client = os.fsdecode(b"Mairie de B\xe9z")
    done = subprocess.run(
        [sys.executable, "-c", CLI, "scan", str(tools), "-f", "markdown", "--client", client],
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")  # raises if the report is not UTF-8
    assert "Mairie de B\ufffdz" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 1000 + "]" * 1000, "nested too deeply"),
        ("[" + "9" * 5000 + "]", "a number too long"),
    ],
)
def test_hostile_json_is_invalid_json(
    runner: Runner, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "tools.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json"])
    assert result.exit_code == 2 and message in result.stderr and _one_line_error(result.stderr)


def test_column_by_a_digit_that_is_not_a_number(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "tools.csv"
    path.write_text("Service,Outil\nCompta,Slack\n", encoding="utf-8")
    result = runner.invoke(["scan", str(path), "--column", "\u00b2"])
    assert result.exit_code == 2 and "no column named" in result.stderr


def test_a_very_wide_semicolon_csv_is_read_and_errors_stay_short(
    runner: Runner, tmp_path: Path
) -> None:
    header = ";".join(["Outil", *(f"col{i}" for i in range(10_000))])
    row = ";".join(["Slack", *("x, y" for _ in range(10_000))])
    path = tmp_path / "wide.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output[:500]
    assert json.loads(result.stdout)["results"][0]["match"]["id"] == "slack"
    bad = runner.invoke(["scan", str(path), "--column", "nope"])
    assert bad.exit_code == 2 and "and 9989 more" in bad.stderr and len(bad.stderr) < 1000


@pytest.mark.parametrize("columns", ["0", "1", "5"])
def test_a_tiny_terminal_width_still_shows_the_tools(runner: Runner, columns: str) -> None:
    result = runner.invoke(["scan", EXAMPLE], env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert "Gmail" in result.stdout


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_client_name_gives_valid_json_and_markdown(client: str) -> None:
    import io

    from altgafam.cli import run

    for fmt in ("json", "markdown"):
        saved = sys.stdout
        sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        try:
            code = run(["scan", EXAMPLE, "-f", fmt, "--client", client])
            sys.stdout.flush()
            raw = sys.stdout.buffer.getvalue()  # type: ignore[attr-defined]
        finally:
            sys.stdout = saved
        assert code == 0
        raw.decode("utf-8")


def test_file_names_in_messages_reach_the_terminal_blanked(runner: Runner, tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b]0;PWNED\x07.txt"
    result = runner.invoke(["scan", str(name)])
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    long_line = tmp_path / "list\x1b[2J.txt"
    long_line.write_text("x" * 2000 + "\nSlack\n", encoding="utf-8")
    warned = runner.invoke(["scan", str(long_line), "-f", "json"])
    assert "skipped, longer than" in warned.stderr and "\x1b" not in warned.stderr


def test_a_site_folder_with_undecodable_names_gives_valid_json(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"site-\xe9")
    folder.mkdir()
    (folder / os.fsdecode(b"page-\xff.html")).write_text(
        '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", CLI, "site", str(folder), "-f", "json"], capture_output=True
    )
    assert done.returncode == 0, done.stderr
    json.loads(done.stdout.decode("utf-8"))
