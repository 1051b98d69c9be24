"""Messy and hostile input: property-based tests over the reader, the matcher and every format,
and the real CLI on every kind of bad input."""

from __future__ import annotations

import json
import os
import re
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altgafam.advice import plan
from altgafam.models import Catalog, Entry, Status
from altgafam.report import document as report_format
from altgafam.report import json as json_format
from altgafam.report import table
from altgafam.scan import matcher
from altgafam.scan.inputs import MAX_LINE, parse_csv_lines, parse_json, parse_text

from .conftest import ROOT, Runner

EXAMPLE = str(ROOT / "examples" / "agency-tools.txt")
PROFILE = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text as hostile as it gets: controls, escapes, markup, bidi overrides, separators.
nasty = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                *"[]()<>|`*_#!&;,/\\",
                "\x1b",
                "\x00",
                "\r",
                "\n",
                "\t",
                "\u202e",
                "\u200f",
                "[bold red]",
                "</b>",
                "<script>",
                "](http://x)",
                "https://evil.example/",
                "Slack",
                "Zoom",
            ]
        ),
    ),
    max_size=60,
).map("".join)


TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "table", "tr", "td", "th", "section", "ul", "li", "a", "strong", "span", "ol", "footer", "code",
}  # fmt: skip
VOID = {"meta"}


def assert_clean_html(text: str) -> None:
    """Well-formed (every tag closed, in order) and made only of the template's own tags:
    nothing from the input became markup."""
    from html.parser import HTMLParser

    stack: list[str] = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            assert tag in TEMPLATE_TAGS, f"unexpected <{tag}>"
            for name, value in attrs:
                assert not name.startswith("on"), f"event handler {name}"
                if name in ("src", "href") and value:
                    assert value.startswith("https://") or tag == "a", value
            if tag not in VOID:
                stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert stack and stack[-1] == tag, f"</{tag}> closes {stack[-1:] or 'nothing'}"
            stack.pop()

    Checker().feed(text)
    assert stack == [], stack


@PROFILE
@given(text=nasty)
def test_reader_accounts_for_every_line(text: str) -> None:
    warnings: list[str] = []
    entries = parse_text(text, warnings)
    lines = re.split(r"\r\n|\r|\n", text)
    expected = [
        n
        for n, line in enumerate(lines, 1)
        if re.sub(r"(?:^|\s)#.*$", "", line).strip()
        and len(re.sub(r"(?:^|\s)#.*$", "", line).strip()) <= MAX_LINE
    ]
    assert [e.line for e in entries] == expected
    assert all(e.text == e.text.strip() and e.text for e in entries)


@PROFILE
@given(text=nasty)
def test_matcher_never_raises(text: str, mini_index: matcher.Index) -> None:
    for m in matcher.match_all([Entry(1, text)], mini_index):
        assert m.status in Status
        assert (m.id is None) == (m.status in (Status.AMBIGUOUS, Status.UNKNOWN))


@PROFILE
@given(lines=st.lists(nasty.filter(lambda t: t.strip() != ""), min_size=1, max_size=8))
def test_every_format_survives_and_accounts_for_every_line(
    lines: list[str], mini: Catalog, mini_index: matcher.Index
) -> None:
    entries = [Entry(n, line) for n, line in enumerate(lines, 1)]
    report = plan.build_report(matcher.match_all(entries, mini_index), mini)
    assert {r.entry.line for r in report.results} == {e.line for e in entries}
    doc = json.loads(json_format.render(report))
    assert {r["line"] for r in doc["results"]} == {e.line for e in entries}
    assert doc["summary"]["entries"] == len(doc["results"])
    doc_ = plan.client_report(report, mini, "x", None, "en", "0")
    md = report_format.render(doc_, "markdown")
    expected = None
    for line in md.splitlines():
        if not line.startswith("|"):
            expected = None
            continue
        # Unescaped pipes: every row of a table has exactly its header's columns.
        count = len(re.findall(r"(?<!\\)\|", re.sub(r"(`+).*?\1", "", line)))
        expected = expected or count
        assert count == expected, line
    outside = re.sub(r"\]\(<https://[^>\s]+>\)", "", re.sub(r"(`+).*?\1", "", md))
    assert not re.search(r"(?<!\\)\]\(", outside), "a link survived"
    assert not re.search(r"(?<!\\)<[a-z/]", outside), "HTML survived"
    assert_clean_html(report_format.render(doc_, "html"))
    text = table.render(report)
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text


@PROFILE
@given(cells=st.lists(nasty, min_size=1, max_size=6))
def test_csv_and_json_readers_never_crash_unexpectedly(cells: list[str]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["tool"])
    for cell in cells:
        # Python 3.10's csv module can neither write nor read NUL (3.11 can).
        writer.writerow([cell if sys.version_info >= (3, 11) else cell.replace("\x00", "")])
    warnings: list[str] = []
    text = buffer.getvalue()
    lines = io.StringIO(text, newline="")
    for entry in parse_csv_lines(lines, text, "x.csv", None, None, warnings):
        assert entry.text
    items = parse_json(json.dumps(cells), "x.json", warnings)
    assert len(items) <= len(cells)


# --- the real CLI on each kind of input ---------------------------------------------------


def scan_json(runner: Runner, path: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(["scan", str(path), "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"Agenda Google\nSlack\n", "utf8.txt"),
        (b"\xef\xbb\xbfAgenda Google\r\nSlack\r\n", "bom.txt"),
        ("Agenda Google\nSlack\n".encode("utf-16-le"), "utf16le-nobom.txt"),
        ("\ufeffAgenda Google\nSlack\n".encode("utf-16-le"), "utf16le.txt"),
        ("\ufeffAgenda Google\nSlack\n".encode("utf-16-be"), "utf16be.txt"),
        ("Agenda Google\rSlack".encode("cp1252"), "cr.txt"),
        ("\tAgenda\u00a0Google \nSlack".encode(), "tabs-nbsp.txt"),
    ],
)
def test_encodings_and_line_endings(runner: Runner, tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    if name == "utf16le-nobom.txt":
        result = runner.invoke(["scan", str(path)])
        assert result.exit_code == 2 and "binary" in result.stderr
        return
    doc = scan_json(runner, path)
    assert [r["match"]["id"] for r in doc["results"]] == ["google-calendar", "slack"]


def test_windows_1252_accents_survive(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "excel.txt"
    path.write_bytes("Logiciel maison élaboré\nSlack\n".encode("cp1252"))
    doc = scan_json(runner, path)
    assert doc["results"][0]["input"] == "Logiciel maison élaboré"


def test_csv_with_header_and_semicolons(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "inventaire.csv"
    path.write_text(
        'Service;Outil;Coût\nCompta;Pennylane;30\nCom;"Slack, Zoom";12\n', encoding="utf-8"
    )
    doc = scan_json(runner, path)
    assert [(r["line"], r["match"]["id"]) for r in doc["results"]] == [
        (2, "pennylane"),
        (3, "slack"),
        (3, "zoom"),
    ]


def test_csv_column_option(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Owner,Vendor product,Seats\nAnna,Dropbox,3\n", encoding="utf-8")
    assert (
        scan_json(runner, path, "--column", "vendor product")["results"][0]["match"]["id"]
        == "dropbox"
    )
    result = runner.invoke(["scan", str(path), "--column", "Produit"])
    assert result.exit_code == 2
    assert (
        result.stderr.startswith("altgafam: error: ")
        and "no column named 'Produit'" in result.stderr
    )


def test_tsv(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "list.tsv"
    path.write_text("name\tteam\nNotion\tall\n", encoding="utf-8")
    assert scan_json(runner, path)["results"][0]["match"]["id"] == "notion"


def test_json_lists(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "tools.json"
    path.write_text(json.dumps(["Gmail", {"name": "Trello", "seats": 3}, 42]), encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json"])
    assert [r["match"]["id"] for r in json.loads(result.stdout)["results"]] == ["gmail", "trello"]
    assert "item 3: skipped" in result.stderr


def test_stdin_as_json(runner: Runner) -> None:
    result = runner.invoke(["scan", "-", "-f", "json"], input='["Slack"]')
    assert json.loads(result.stdout)["results"][0]["match"]["id"] == "slack"


@pytest.mark.parametrize("content", ["", "# only a comment\n# another\n", "\n\n   \n"])
def test_empty_lists_exit_0_with_a_message_and_an_empty_report(
    runner: Runner, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == f"altgafam: no tools found in {path}\n"
    assert json.loads(result.stdout)["results"] == []


def test_long_line_is_skipped_with_its_line_number(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Slack\n" + "x" * 5000 + "\nZoom\n", encoding="utf-8")
    result = runner.invoke(["scan", str(path), "-f", "json"])
    assert result.exit_code == 0
    assert "line 2: skipped, longer than 1000 characters" in result.stderr
    assert [r["line"] for r in json.loads(result.stdout)["results"]] == [1, 3]


def test_several_tools_on_one_line_are_split(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "l.txt"
    path.write_text(
        "Slack, Zoom; Trello\nGoogle Workspace (Gmail, Drive)\nZoom (licence pro, 10 postes)\n",
        encoding="utf-8",
    )
    doc = scan_json(runner, path)
    assert [(r["line"], r["match"]["id"]) for r in doc["results"]] == [
        (1, "slack"),
        (1, "zoom"),
        (1, "trello"),
        (2, "google-workspace"),
        (3, "zoom"),
    ]


def _bad(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    pdf = tmp_path / "liste.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    xlsx = tmp_path / "liste.xlsx"
    xlsx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    badcsv = tmp_path / "bad.csv"
    badcsv.write_text('tool\n"Slack\n', encoding="utf-8")
    badjson = tmp_path / "bad.json"
    badjson.write_text('["Slack",\n', encoding="utf-8")
    noread = tmp_path / "secret.txt"
    noread.write_text("Slack\n", encoding="utf-8")
    noread.chmod(0)
    return {
        "missing": (["scan", str(tmp_path / "nope.txt")], "no such file"),
        "directory": (["scan", str(tmp_path)], "is a directory"),
        "pdf": (["scan", str(pdf)], "this is a PDF document, not a list of tools"),
        "xlsx": (["scan", str(xlsx)], "Office document"),
        "image": (["scan", str(png)], "a PNG image"),
        "invalid csv": (["scan", str(badcsv)], "invalid CSV"),
        "invalid json": (["scan", str(badjson)], "invalid JSON at line 2"),
        "unknown format": (["scan", EXAMPLE, "-f", "pdf"], "'pdf' is not one of"),
        "unknown input format": (
            ["scan", EXAMPLE, "--input-format", "xls"],
            "'xls' is not one of",
        ),
        "missing output folder": (
            ["scan", EXAMPLE, "-o", str(tmp_path / "no" / "r.md")],
            "does not exist",
        ),
        "unreadable": (["scan", str(noread)], "permission denied"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "directory",
        "pdf",
        "xlsx",
        "image",
        "invalid csv",
        "invalid json",
        "unknown format",
        "unknown input format",
        "missing output folder",
        "unreadable",
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    runner: Runner, tmp_path: Path, case: str
) -> None:
    if case == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads every file")
    args, message = _bad(tmp_path)[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(args)
    assert result.exit_code == 2
    assert result.stderr.startswith("altgafam: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_output_is_atomic_an_error_leaves_the_old_file(
    runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    from altgafam.report import json as module

    def boom(report: object, extra: object = None) -> Iterator[str]:
        yield '{"schema_version": 1, "results": ['
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(module, "chunks", boom)
    with pytest.raises(RuntimeError):
        runner.invoke(["scan", EXAMPLE, "-f", "json", "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_write_output_replaces_atomically_on_failure_mid_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from altgafam.cli import output
    from altgafam.errors import InputError

    out = tmp_path / "r.md"
    out.write_text("old", encoding="utf-8")

    def fail_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", fail_replace)
    with pytest.raises(InputError, match="cannot write"):
        output.write_output("new text", output.check_output(str(out)))
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_markup_and_escapes_in_input_do_not_reach_the_terminal(
    runner: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(
        "[bold red]Slack[/bold red]\n\x1b[2J\x1b[31mZoom\n\u202eTrello\n", encoding="utf-8"
    )
    result = runner.invoke(["scan", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[bold red]Slack[/bold red]" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    doc = scan_json(runner, path)
    assert doc["results"][1]["input"] == "\x1b[2J\x1b[31mZoom"


def test_no_network_in_scan_and_catalog_commands(
    runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for args in (
        ["scan", EXAMPLE, "-f", "json"],
        ["catalog", "validate"],
        ["catalog", "list", "-f", "json"],
        ["catalog", "stats"],
    ):
        assert runner.invoke(args).exit_code == 0, args
