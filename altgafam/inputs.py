"""Read a team's tool list into entries that remember their line numbers."""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path
from typing import BinaryIO

from altgafam.errors import InputError
from altgafam.models import Entry

# A '#' opens a comment at the start of a line or after a space, so "C#" stays a name.
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes, name: str) -> str:
    """Decode a tool list: BOM-marked UTF-8/16, else UTF-8, else Windows-1252 (Excel's default)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {encoding.upper()} text") from None
    if b"\x00" in raw:
        raise InputError(f"{name}: this looks like a binary file, not a text list of tools")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_lines(text: str) -> list[Entry]:
    """One entry per non-blank line; '#' comments and surrounding spaces removed."""
    entries: list[Entry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        content = _COMMENT.sub("", line).strip()
        if content:
            entries.append(Entry(number, content))
    return entries


def read_entries(source: str, stdin: BinaryIO | None = None) -> list[Entry]:
    """Read the list at `source` (a path, or '-' for standard input)."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return parse_lines(decode(stream.read(), "<stdin>"))
    path = Path(source)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    return parse_lines(decode(raw, source))
