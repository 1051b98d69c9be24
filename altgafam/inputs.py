"""Read a tool list (text, CSV/TSV, JSON, stdin) into entries that keep their line numbers."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from altgafam.errors import InputError
from altgafam.models import Entry

# A line longer than this is not a tool name; it is skipped with a warning.
MAX_LINE = 1000
# Above this, the file is not a tool list (a 100,000-line inventory is about 5 MB).
MAX_BYTES = 256 * 1024 * 1024
FORMATS = ("auto", "txt", "csv", "tsv", "json")

# A '#' opens a comment at the start of a line or after a space, so "C#" stays a name.
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What people mistakenly pass instead of a list, recognised by their first bytes.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (xlsx, docx, ods...)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (xls, doc)"),
)
# Header names of the column that holds the tools, in English and French.
TOOL_COLUMNS = (
    "tool", "tools", "outil", "outils", "name", "nom", "software", "logiciel", "logiciels",
    "application", "applications", "app", "service", "services", "saas", "product", "produit",
    "solution", "solutions", "nom de l'outil", "tool name", "application name", "vendor product",
)  # fmt: skip
_JSON_KEYS = ("name", "tool", "nom", "outil", "software", "logiciel", "application", "title")


class ToolList(NamedTuple):
    """The entries read from one input, what was skipped on the way, and where it came from."""

    entries: list[Entry]
    warnings: list[str]
    source: str


def decode(raw: bytes, name: str) -> str:
    """Decode a tool list: BOM-marked UTF-8/16/32, else UTF-8, else Windows-1252 (Excel's)."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise InputError(
                f"{name}: this is {what}, not a list of tools (save it as text or CSV)"
            )
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {encoding.upper()} text") from None
    if b"\x00" in raw[:65536]:
        raise InputError(f"{name}: this looks like a binary file, not a list of tools")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows writes Windows-1252; its undefined bytes never occur in names.
        return raw.decode("cp1252", errors="replace")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    # splitlines would also split on form feeds and Unicode separators that editors show
    # on one line; a line is what ends with \n, \r\n or \r.
    yield from enumerate(re.split(r"\r\n|\r|\n", text), start=1)


def parse_text(text: str, warnings: list[str] | None = None) -> list[Entry]:
    """One entry per non-blank line; '#' comments and surrounding spaces removed."""
    entries: list[Entry] = []
    for number, line in _lines(text):
        content = _COMMENT.sub("", line).strip()
        if not content:
            continue
        if len(content) > MAX_LINE:
            if warnings is not None:
                warnings.append(f"line {number}: skipped, longer than {MAX_LINE} characters")
            continue
        entries.append(Entry(number, content))
    return entries


def _pick_column(header: list[str], column: str | None, name: str) -> int:
    folded = [h.strip().casefold() for h in header]
    if column is not None:
        wanted = column.strip().casefold()
        if wanted in folded:
            return folded.index(wanted)
        if column.isdigit() and 1 <= int(column) <= len(header):
            return int(column) - 1
        listed = ", ".join(repr(h) for h in header)
        raise InputError(f"{name}: no column named '{column}' (columns: {listed})")
    for candidate in TOOL_COLUMNS:
        if candidate in folded:
            return folded.index(candidate)
    if len(header) == 1:
        return 0
    listed = ", ".join(repr(h) for h in header)
    raise InputError(
        f"{name}: cannot tell which column holds the tools; use --column (columns: {listed})"
    )


def parse_csv(
    text: str, name: str, delimiter: str | None, column: str | None, warnings: list[str]
) -> list[Entry]:
    """A CSV or TSV export with a header row; the tool column is found or given."""
    if delimiter is None:
        sample = text[:65536]
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    entries: list[Entry] = []
    try:
        header = next(reader, None)
        if header is None:
            return []
        index = _pick_column(header, column, name)
        previous_end = reader.line_num
        for row in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if len(row) <= index:
                continue
            content = row[index].strip()
            if not content or content.startswith("#"):
                continue
            if len(content) > MAX_LINE:
                warnings.append(f"line {start}: skipped, longer than {MAX_LINE} characters")
                continue
            entries.append(Entry(start, content))
    except csv.Error as exc:
        raise InputError(f"{name}: invalid CSV at line {reader.line_num}: {exc}") from None
    return entries


def parse_json(text: str, name: str, warnings: list[str]) -> list[Entry]:
    """A JSON list of names, or of objects with a name; `line` is the item's place in the list."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise InputError(
                f"{name}: expected a JSON list of tools, or an object holding one list"
            )
        data = lists[0]
    if not isinstance(data, list):
        raise InputError(f"{name}: expected a JSON list of tools")
    entries: list[Entry] = []
    for number, item in enumerate(data, start=1):
        value = item
        if isinstance(item, dict):
            value = next((item[k] for k in item if str(k).casefold() in _JSON_KEYS), None)
        if not isinstance(value, str):
            warnings.append(f"item {number}: skipped, no tool name in it")
            continue
        content = value.strip()
        if not content:
            continue
        if len(content) > MAX_LINE:
            warnings.append(f"item {number}: skipped, longer than {MAX_LINE} characters")
            continue
        entries.append(Entry(number, content))
    return entries


def _shape(fmt: str, name: str, text: str) -> str:
    if fmt != "auto":
        return fmt
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".tsv", ".json"):
        return suffix[1:]
    if suffix in (".txt", ".text", ".md", ".list", ".lst"):
        return "txt"
    # Standard input or an unusual name: JSON only when it really is JSON, since a text
    # list may well start with "[".
    if text.lstrip()[:1] in ("[", "{"):
        try:
            json.loads(text)
        except json.JSONDecodeError:
            return "txt"
        return "json"
    return "txt"


def read_bytes(source: str, stdin: BinaryIO | None = None) -> bytes:
    """The raw bytes of a path, or of standard input for '-'; errors become InputError."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read(MAX_BYTES + 1)
    path = Path(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not a file")
        if size > MAX_BYTES:
            raise InputError(
                f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MiB, not a tool list"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None


def read_tools(
    source: str, fmt: str = "auto", column: str | None = None, stdin: BinaryIO | None = None
) -> ToolList:
    """Read the list at `source` ('-' for standard input) in the given or detected shape."""
    name = "<stdin>" if source == "-" else source
    raw = read_bytes(source, stdin)
    if len(raw) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB, not a tool list")
    text = decode(raw, name)
    warnings: list[str] = []
    shape = _shape(fmt, name, text)
    if shape == "json":
        entries = parse_json(text, name, warnings)
    elif shape in ("csv", "tsv"):
        entries = parse_csv(text, name, "\t" if shape == "tsv" else None, column, warnings)
    else:
        entries = parse_text(text, warnings)
    return ToolList(entries, warnings, name)
