"""Reading tool lists: comments, blank lines, encodings, and clear errors."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from altgafam.errors import InputError
from altgafam.scan import matcher
from altgafam.scan.inputs import parse_text, read_tools

from .conftest import Runner


def test_lines_comments_and_blanks() -> None:
    entries = parse_text("# header\nSlack\n\n  Zoom   # video calls\nC#\nNotepad++\n   \n")
    assert [(e.line, e.text) for e in entries] == [
        (2, "Slack"),
        (4, "Zoom"),
        (5, "C#"),
        (6, "Notepad++"),
    ]


def test_crlf_and_missing_final_newline() -> None:
    assert [e.text for e in parse_text("Slack\r\nZoom")] == ["Slack", "Zoom"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Agenda partagé\n".encode(), "Agenda partagé"),
        (b"\xef\xbb\xbfAgenda partag\xc3\xa9\n", "Agenda partagé"),
        ("Agenda partagé\n".encode("utf-16"), "Agenda partagé"),
        ("Agenda partagé\n".encode("cp1252"), "Agenda partagé"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "tools.txt"
    path.write_bytes(data)
    assert [e.text for e in read_tools(str(path)).entries] == [expected]


def test_stdin() -> None:
    assert [e.text for e in read_tools("-", stdin=io.BytesIO(b"Slack\nZoom\n")).entries] == [
        "Slack",
        "Zoom",
    ]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_tools(str(tmp_path / "nope.txt"))


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_tools(str(tmp_path))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="PNG image"):
        read_tools(str(path))


def test_each_line_is_judged_on_its_own_encoding(tmp_path: Path) -> None:
    # Two exports pasted together: one line UTF-8, one Windows-1252 (Excel).
    path = tmp_path / "tools.txt"
    path.write_bytes("Agenda partagé\n".encode() + "Présentations\r\n".encode("cp1252"))
    assert [e.text for e in read_tools(str(path)).entries] == ["Agenda partagé", "Présentations"]


@pytest.mark.parametrize("name", ["tools.txt", "tools.csv"])
def test_text_and_csv_are_streamed_not_held_whole(tmp_path: Path, name: str) -> None:
    # 20 MB of comments around two tools: read line by line, the peak memory stays far
    # below the file's size (reading it whole would cost its size twice: bytes and text).
    import tracemalloc

    path = tmp_path / name
    filler = ("# " + "x" * 98 + "\n") * 200_000
    header = "tool\n" if name.endswith(".csv") else ""
    path.write_text(header + "Slack\n" + filler + "Zoom\n", encoding="utf-8")
    tracemalloc.start()
    try:
        entries = read_tools(str(path)).entries
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [e.text for e in entries] == ["Slack", "Zoom"]
    assert entries[1].line == 200_002 + len(header.splitlines())
    assert peak < 2_000_000


def test_standard_input_has_the_same_size_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from altgafam.scan import inputs

    monkeypatch.setattr(inputs, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="larger than"):
        read_tools("-", stdin=io.BytesIO(b"Slack\n" * 50))


def test_a_text_list_starting_with_a_bracket_on_stdin_stays_text() -> None:
    entries = read_tools("-", stdin=io.BytesIO(b"[Interne] Wiki\nSlack\n")).entries
    assert [e.text for e in entries] == ["[Interne] Wiki", "Slack"]


def _known(index: matcher.Index) -> Callable[[str], bool]:
    return lambda text: matcher.recognises(text, index)


def test_the_tool_column_is_told_by_its_content(
    tmp_path: Path, shipped_index: matcher.Index
) -> None:
    # A school's export: the first column is the class, the tools' header is nobody's guess.
    path = tmp_path / "ecole.csv"
    path.write_text(
        "Classe;Ce qu'on utilise;Depuis\n"
        "CM1;Pronote;2019\n"
        "CM1;Padlet;2021\n"
        "CM2;Google Classroom;2020\n"
        "CM2;Canva;2022\n"
        "CE1;LibreOffice;2018\n"
        "CE2;Framapad;2023\n",
        encoding="utf-8",
    )
    tools = read_tools(str(path), recognise=_known(shipped_index))
    assert tools.column is not None
    assert (tools.column.number, tools.column.by) == (2, "content")
    assert tools.column.describe().startswith("column 2 'Ce qu'on utilise' (")
    assert [e.text for e in tools.entries][:2] == ["Pronote", "Padlet"]
    assert [e.line for e in tools.entries][-1] == 7


def test_the_header_breaks_ties_and_weak_columns_stop(
    tmp_path: Path, shipped_index: matcher.Index
) -> None:
    # Nothing recognised anywhere: the header names the column...
    named = tmp_path / "named.csv"
    named.write_text("Bureau,Logiciel\nAccueil,Zorblex\nÉtat civil,Quux\n", encoding="utf-8")
    tools = read_tools(str(named), recognise=_known(shipped_index))
    assert tools.column is not None and (tools.column.number, tools.column.by) == (2, "header")
    # ...and without one, a one-line error lists the columns.
    bare = tmp_path / "bare.csv"
    bare.write_text("Bureau,Truc\nAccueil,Zorblex\nÉtat civil,Quux\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"use --column \(columns: 'Bureau', 'Truc'\)"):
        read_tools(str(bare), recognise=_known(shipped_index))
    # --column is obeyed, whatever the content says.
    given = read_tools(str(bare), column="Bureau", recognise=_known(shipped_index))
    assert given.column is not None and given.column.by == "given"
    assert [e.text for e in given.entries] == ["Accueil", "État civil"]


def test_the_key_of_json_objects_is_told_by_content(
    tmp_path: Path, shipped_index: matcher.Index
) -> None:
    path = tmp_path / "tools.json"
    path.write_text(
        '[{"team": "Compta", "label": "Pennylane"}, {"team": "Com", "label": "Mailchimp"},'
        ' {"team": "RH", "label": "Lucca"}]',
        encoding="utf-8",
    )
    tools = read_tools(str(path), recognise=_known(shipped_index))
    assert tools.column is not None and tools.column.name == "label"
    assert [e.text for e in tools.entries] == ["Pennylane", "Mailchimp", "Lucca"]


def test_scan_says_which_column_it_read(tmp_path: Path, runner: Runner) -> None:
    path = tmp_path / "asso.csv"
    path.write_text(
        "Pôle;Usage;Quoi\nBureau;les mails;Gmail\nCom;affiches;Canva\nTrésorerie;banque;Qonto\n",
        encoding="utf-8",
    )
    result = runner.invoke(["scan", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "tools read from column 3 'Quoi' (3 of 3 sampled cells recognised)" in result.stderr
    bare = tmp_path / "bare.csv"
    bare.write_text("Pôle;Usage\nBureau;les mails\nCom;affiches\n", encoding="utf-8")
    failed = runner.invoke(["scan", str(bare), "-f", "json"])
    assert failed.exit_code == 2
    assert failed.stderr.count("\n") == 1 and "columns: 'Pôle', 'Usage'" in failed.stderr
