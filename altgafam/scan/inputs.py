"""Read a tool list (text, CSV/TSV, JSON, stdin) into entries that keep their line numbers."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from altgafam.errors import InputError
from altgafam.models import Entry, PerLine
from altgafam.normalize import printable
from altgafam.scan.figures import find_columns, vendor_of
from altgafam.scan.figures import read as read_figures

# A line longer than this is not a tool name; it is skipped with a warning.
MAX_LINE = 1000
# Above this, the file is not a tool list (a 100,000-line inventory is about 5 MB).
MAX_BYTES = 256 * 1024 * 1024
# What is looked at first: the encoding, the shape and the CSV delimiter are told from it.
HEAD = 65536
# Past this many tools a list is refused: a scan then takes seconds and well under 200 MB
# (lines are kept once per distinct text), and no organisation's inventory comes near it.
MAX_ENTRIES = 500_000
# What csv.Sniffer is shown: its quote-finding patterns (`.*?` between two quotes, DOTALL)
# take quadratic time, 17 s on 64 KB of "a,'". The header line, at most 4 KB of it: 0.1 s
# at worst, and the delimiter shows there as well.
SNIFF = 4096
FORMATS = ("auto", "txt", "csv", "tsv", "json")

# A '#' opens a comment at the start of a line or after a space, so "C#" stays a name.
# Linear: the first match runs to the end of the line, and a line is all it ever sees.
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
# The tool column is told by its content: its cells are recognised, on the first rows.
SAMPLE_ROWS = 200
# The best column is weak below this share of its cells recognised: then the header decides,
# or the user (--column).
WEAK_SHARE = 0.1
# Whether the catalog knows a cell (by name, alias or address: no fuzzy guess).
Recognise = Callable[[str], bool]


class _Entries:
    """The entries of one list as they are read, kept once per distinct text (models.PerLine),
    with MAX_ENTRIES enforced."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._ids: dict[str, int] = {}
        self._items: list[tuple[Entry]] = []
        self._lines = array("q")
        self._which = array("l")

    def add(self, line: int, text: str) -> None:
        if len(self._lines) >= MAX_ENTRIES:
            raise InputError(f"{self._name}: more than {MAX_ENTRIES:,} tools; split the list")
        k = self._ids.get(text)
        if k is None:
            k = self._ids[text] = len(self._items)
            self._items.append((Entry(line, text),))
        self._lines.append(line)
        self._which.append(k)

    def done(self) -> PerLine[Entry]:
        return PerLine(self._items, self._lines, self._which)


class Column(NamedTuple):
    """The column (or JSON key) the tools were read from, and why: "content" (the most cells
    the catalog recognises), "header" (its name, among columns as weak as each other) or
    "given" (--column)."""

    name: str
    number: int
    by: str
    recognised: int = 0
    cells: int = 0

    def describe(self) -> str:
        """One line for standard error and the report's method section."""
        why = {
            "content": f"{self.recognised} of {self.cells} sampled cells recognised",
            "header": "by its header",
            "given": "as given",
        }[self.by]
        return f"column {self.number} '{printable(self.name)[:40]}' ({why})"


class ToolList(NamedTuple):
    """The entries read from one input, what was skipped on the way, and where it came from
    (the column, for a table)."""

    entries: Sequence[Entry]
    warnings: list[str]
    source: str
    column: Column | None = None
    # Seats and annual cost by line, where a table's columns gave them (scan.figures).
    figures: dict[int, tuple[int | None, float | None]] = {}  # noqa: RUF012 - never mutated
    # The vendor a table's vendor column gives each distinct tool name (the first one seen).
    vendors: dict[str, str] = {}  # noqa: RUF012 - never mutated


def _encoding(head: bytes, name: str) -> str:
    """The encoding of a tool list from its first bytes (a BOM, else UTF-8); documents,
    images and binary files are refused by what those bytes are."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(
                f"{name}: this is {what}, not a list of tools (save it as text or CSV)"
            )
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if b"\x00" in head[:HEAD]:
        raise InputError(f"{name}: this looks like a binary file, not a list of tools")
    return "utf-8"


def decode(raw: bytes, name: str) -> str:
    """Decode a whole tool list: BOM-marked UTF-8/16/32, else UTF-8, else Windows-1252
    (Excel's)."""
    encoding = _encoding(raw, name)
    if encoding != "utf-8":
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid {encoding.upper()} text") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows writes Windows-1252; its undefined bytes never occur in names.
        return raw.decode("cp1252", errors="replace")


def parse_text(text: str, warnings: list[str] | None = None) -> Sequence[Entry]:
    """One entry per non-blank line; '#' comments and surrounding spaces removed."""
    # Universal newlines: a line ends with \n, \r\n or \r (and not, as with splitlines,
    # with the form feeds and Unicode separators editors show within a line).
    return parse_lines(io.StringIO(text, newline=None), warnings)


def parse_lines(
    lines: Iterable[str], warnings: list[str] | None = None, name: str = "the list"
) -> Sequence[Entry]:
    """`parse_text` over lines as they come (a file being read)."""
    entries = _Entries(name)
    for number, line in enumerate(lines, start=1):
        content = (_COMMENT.sub("", line) if "#" in line else line).strip()
        if not content:
            continue
        if len(content) > MAX_LINE:
            if warnings is not None:
                warnings.append(f"line {number}: skipped, longer than {MAX_LINE} characters")
            continue
        entries.add(number, content)
    return entries.done()


def _pick_column(
    header: list[str],
    column: str | None,
    name: str,
    rows: Sequence[Sequence[str]] = (),
    recognise: Recognise | None = None,
) -> Column:
    """The tool column: the one given; else the one whose cells the catalog recognises most,
    its header breaking ties; else (no catalog to ask) the one named like a tool column."""
    folded = [h.strip().casefold() for h in header]
    if column is not None:
        wanted = column.strip().casefold()
        if wanted in folded:
            return Column(header[folded.index(wanted)], folded.index(wanted) + 1, "given")
        if column.isascii() and column.isdigit() and 1 <= int(column) <= len(header):
            return Column(header[int(column) - 1], int(column), "given")
        raise InputError(f"{name}: no column named '{column}' (columns: {_listed(header)})")
    named = [i for i, h in enumerate(folded) if h in TOOL_COLUMNS]
    named.sort(key=lambda i: TOOL_COLUMNS.index(folded[i]))
    if len(header) == 1:
        return Column(header[0], 1, "header")
    if recognise is not None and rows:
        scores = _scores(len(header), rows, recognise)
        best = max(scores, key=lambda i: (scores[i][0], i in named, -i))
        found, cells = scores[best]
        if found and found >= WEAK_SHARE * cells:
            return Column(header[best], best + 1, "content", found, cells)
    if named:
        return Column(header[named[0]], named[0] + 1, "header")
    raise InputError(
        f"{name}: cannot tell which column holds the tools; use --column "
        f"(columns: {_listed(header)})"
    )


def _scores(
    width: int, rows: Sequence[Sequence[str]], recognise: Recognise
) -> dict[int, tuple[int, int]]:
    """Each column's recognised cells and non-empty cells, over the sampled rows."""
    scores = {}
    for i in range(width):
        cells = [r[i].strip() for r in rows if len(r) > i and r[i].strip()]
        # Numbers, dates and amounts are no tool names: not worth a look-up.
        texts = [c for c in cells if any(ch.isalpha() for ch in c) and len(c) <= MAX_LINE]
        scores[i] = (sum(1 for c in texts if recognise(c)), len(cells))
    return scores


def _listed(header: list[str], most: int = 12) -> str:
    """The column names for an error message, at most `most` of them."""
    shown = ", ".join(repr(printable(h)[:40]) for h in header[:most])
    return shown + (f" and {len(header) - most} more" if len(header) > most else "")


def parse_csv_lines(
    lines: Iterable[str],
    sample: str,
    name: str,
    delimiter: str | None,
    column: str | None,
    warnings: list[str],
    recognise: Recognise | None = None,
    chosen: list[Column] | None = None,
    figures: dict[int, tuple[int | None, float | None]] | None = None,
    vendors: dict[str, str] | None = None,
) -> Sequence[Entry]:
    """A CSV or TSV export with a header row, over its lines as they come; the tool column is
    given, or told by what the catalog recognises in the first SAMPLE_ROWS rows (`recognise`),
    or by its header; `chosen` is told which. `sample`, the start of the text, tells the
    delimiter when it is not given."""
    if delimiter is None:
        # The header line alone tells the delimiter: rows may hold commas in free text.
        header_line = sample.splitlines()[0][:SNIFF] if sample else ""
        try:
            delimiter = csv.Sniffer().sniff(header_line, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    entries = _Entries(name)
    try:
        header = next(reader, None)
        if header is None:
            return []
        # The first rows are held while the column is chosen, then the rest streams.
        held: list[tuple[int, list[str]]] = []
        previous_end = reader.line_num
        for row in reader:
            held.append((previous_end + 1, row))
            previous_end = reader.line_num
            if len(held) >= SAMPLE_ROWS:
                break
        picked = _pick_column(header, column, name, [r for _, r in held], recognise)
        if chosen is not None:
            chosen.append(picked)
        index = picked.number - 1
        # Seats and costs, when the table has columns for them (kept in `figures`).
        counted = find_columns(header, index) if figures is not None else None

        def rows() -> Iterator[tuple[int, list[str]]]:
            nonlocal previous_end
            yield from held
            for row in reader:
                yield previous_end + 1, row
                previous_end = reader.line_num

        for start, row in rows():
            if len(row) <= index:
                continue
            content = row[index].strip()
            if not content or content.startswith("#"):
                continue
            if len(content) > MAX_LINE:
                warnings.append(f"line {start}: skipped, longer than {MAX_LINE} characters")
                continue
            entries.add(start, content)
            if counted:
                found = read_figures(row, counted)
                if found is not None and figures is not None:
                    figures[start] = found
                made_by = vendor_of(row, counted)
                if made_by is not None and vendors is not None:
                    vendors.setdefault(content, made_by)
    except csv.Error as exc:
        raise InputError(f"{name}: invalid CSV at line {reader.line_num}: {exc}") from None
    return entries.done()


def parse_json(
    text: str,
    name: str,
    warnings: list[str],
    column: str | None = None,
    recognise: Recognise | None = None,
    chosen: list[Column] | None = None,
    figures: dict[int, tuple[int | None, float | None]] | None = None,
) -> Sequence[Entry]:
    """A JSON list of names, or of objects with a name (the key told as a CSV column is);
    `line` is the item's place in the list."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{name}: invalid JSON: nested too deeply") from None
    except ValueError:  # an integer of thousands of digits
        raise InputError(f"{name}: invalid JSON: a number too long") from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise InputError(
                f"{name}: expected a JSON list of tools, or an object holding one list"
            )
        data = lists[0]
    if not isinstance(data, list):
        raise InputError(f"{name}: expected a JSON list of tools")
    entries = _Entries(name)
    wanted = _json_key(data, name, column, recognise, chosen)
    for number, item in enumerate(data, start=1):
        value = item
        if isinstance(item, dict):
            if wanted is not None:
                value = item.get(wanted)
            else:
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
        fixed = printable(content)
        if fixed != content:  # a lone surrogate ("\ud800"): not text that can be written
            warnings.append(f"item {number}: invalid characters replaced by U+FFFD")
        entries.add(number, fixed)
        if figures is not None and isinstance(item, dict):
            keys = [str(k) for k in item]
            counted = find_columns(keys, keys.index(wanted) if wanted in keys else -1)
            found = read_figures([str(v) for v in item.values()], counted) if counted else None
            if found is not None:
                figures[number] = found
    return entries.done()


def _json_key(
    data: list[Any],
    name: str,
    column: str | None,
    recognise: Recognise | None,
    chosen: list[Column] | None,
) -> str | None:
    """The key of the objects that holds the tools, chosen as a CSV column is; None for a
    list of plain names, or when no catalog is asked (the first key named like a tool's)."""
    objects = [item for item in data[:SAMPLE_ROWS] if isinstance(item, dict)]
    if not objects or (recognise is None and column is None):
        return None
    keys = list(dict.fromkeys(str(k) for item in objects for k in item))
    rows = [[v if isinstance(v := item.get(k), str) else "" for k in keys] for item in objects]
    folded = [k.casefold() for k in keys]
    ordered = sorted(range(len(keys)), key=lambda i: (folded[i] not in _JSON_KEYS, i))
    picked = _pick_column(
        [keys[i] for i in ordered], column, name, [[r[i] for i in ordered] for r in rows], recognise
    )
    if chosen is not None:
        chosen.append(picked)
    return picked.name


def _shape(fmt: str, name: str, head: str) -> str:
    """The shape of the input: given, by the file's extension, else by its first bytes
    ("json?" when it may be JSON: only the whole text can tell)."""
    if fmt != "auto":
        return fmt
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".tsv", ".json"):
        return suffix[1:]
    if suffix in (".txt", ".text", ".md", ".list", ".lst"):
        return "txt"
    # Standard input or an unusual name: JSON only when it really is JSON, since a text
    # list may well start with "[".
    return "json?" if head.lstrip()[:1] in ("[", "{") else "txt"


class _Stream(io.RawIOBase):
    """The input as a binary stream: the bytes already looked at (`head`), then the rest,
    read as it is needed; more than MAX_BYTES in all is refused."""

    def __init__(self, head: bytes, rest: BinaryIO, name: str) -> None:
        super().__init__()
        self._head, self._rest, self._name, self._total = head, rest, name, len(head)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = _read(self._rest, len(buffer), self._name)
        self._total += len(data)
        if self._total > MAX_BYTES:
            raise InputError(_too_large(self._name))
        buffer[: len(data)] = data
        return len(data)


def _too_large(name: str) -> str:
    return f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB, not a tool list"


def _read(stream: BinaryIO, size: int, name: str) -> bytes:
    try:
        return stream.read(size)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _lines_of(raw: io.RawIOBase, encoding: str, name: str, newline: str | None) -> Iterator[str]:
    """The decoded lines of a stream, read as they are needed. Without a BOM, a line that
    is not valid UTF-8 is Windows-1252 (what Excel writes); each line is judged on its own."""
    lenient = encoding == "utf-8"
    text = io.TextIOWrapper(
        io.BufferedReader(raw, HEAD),
        encoding=encoding,
        errors="surrogateescape" if lenient else "strict",
        newline=newline,
    )
    try:
        for line in text:
            if lenient and not line.isascii():
                try:
                    line.encode("utf-8")
                except UnicodeEncodeError:  # undecodable bytes, kept as surrogates
                    raw_line = line.encode("utf-8", "surrogateescape")
                    line = raw_line.decode("cp1252", errors="replace")
            yield line
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid {encoding.upper()} text") from None


def _open(source: str, stdin: BinaryIO | None) -> BinaryIO:
    """The binary stream of a path, or of standard input for '-'; errors become InputError."""
    if source == "-":
        if stdin is not None:
            return stdin
        if sys.stdin is None:  # started with standard input closed (<&-)
            raise InputError("<stdin>: standard input is closed")
        return sys.stdin.buffer
    path = Path(source)
    try:
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not a file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(_too_large(source))
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None


def read_tools(
    source: str,
    fmt: str = "auto",
    column: str | None = None,
    stdin: BinaryIO | None = None,
    recognise: Recognise | None = None,
) -> ToolList:
    """Read the list at `source` ('-' for standard input) in the given or detected shape; a
    table's tool column is the one given, or the one whose cells `recognise` knows most.
    Text, CSV and TSV are streamed: decoded and parsed line by line as they are read, never
    held whole in memory; JSON, which only parses whole, is read whole (up to MAX_BYTES)."""
    name = "<stdin>" if source == "-" else printable(source)
    stream = _open(source, stdin)
    try:
        head = _read(stream, HEAD, name)
        encoding = _encoding(head, name)
        start = head.decode(encoding, errors="replace")
        shape = _shape(fmt, name, start)
        warnings: list[str] = []
        chosen: list[Column] = []
        figures: dict[int, tuple[int | None, float | None]] = {}
        vendors: dict[str, str] = {}
        raw = _Stream(head, stream, name)
        if shape in ("json", "json?"):
            text = decode(raw.read(), name)
            if shape == "json" or _is_json(text):
                entries = parse_json(text, name, warnings, column, recognise, chosen, figures)
                return ToolList(entries, warnings, name, chosen[0] if chosen else None, figures)
            return ToolList(parse_text(text, warnings), warnings, name)
        if shape in ("csv", "tsv"):
            lines = _lines_of(raw, encoding, name, newline="")
            delimiter = "\t" if shape == "tsv" else None
            entries = parse_csv_lines(
                lines, start, name, delimiter, column, warnings, recognise, chosen, figures, vendors
            )
        else:
            entries = parse_lines(_lines_of(raw, encoding, name, newline=None), warnings, name)
        return ToolList(entries, warnings, name, chosen[0] if chosen else None, figures, vendors)
    finally:
        if stream is not stdin and source != "-":
            stream.close()


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True
