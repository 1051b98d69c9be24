"""Reading tool lists: comments, blank lines, encodings, and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from altgafam.errors import InputError
from altgafam.scan.inputs import parse_text, read_tools


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
