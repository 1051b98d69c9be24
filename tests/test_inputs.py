"""Reading tool lists: comments, blank lines, encodings, and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from altgafam.errors import InputError
from altgafam.inputs import parse_text, read_tools


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
