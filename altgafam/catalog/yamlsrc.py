"""Safe YAML loading that remembers where every value came from (line and column).

PyYAML is imported when a file is parsed or a position looked up, not with this module: a
catalog read from the parse cache locates its problems through LazyPositions without it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from altgafam.errors import Problem

if TYPE_CHECKING:
    import yaml


class _Careful(Exception):
    """The fast path met what only the careful path reports, with its position: a key
    given twice, or a key that is not a plain value (`!!binary services:`)."""


_PLAIN_KEY = (str, int, float, bool, type(None))


@functools.cache
def _loader() -> Any:
    """The C loader is ten times faster; the pure-Python one is the same safe subset. Either
    way a mapping that names a key twice is refused: PyYAML keeps the last value silently."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Strict(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            mapping = super().construct_mapping(node, deep=deep)
            if len(mapping) != len(node.value):
                raise _Careful
            for key in mapping:
                if not isinstance(key, _PLAIN_KEY):
                    raise _Careful
            return mapping

    return Strict


# A file's parse holds its whole node tree: up to a hundred times its size in memory (1 MiB
# of one-line entries peaks near 120 MB). The shipped catalog's largest file is 70 KiB.
MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]


class InvalidScalar:
    """A plain value YAML recognises by its form but Python cannot hold (2026-02-30, a year
    0): kept as its text, so that validation reports it where it stands instead of the
    parser stopping the whole file."""

    __slots__ = ("tag", "text")

    def __init__(self, text: str, tag: str) -> None:
        self.text = text
        self.tag = tag

    @property
    def is_date(self) -> bool:
        return self.tag == _TIMESTAMP

    def __repr__(self) -> str:
        return f"InvalidScalar({self.text!r}, {self.tag!r})"


class YamlProblem(Exception):
    """A file that cannot be read as catalog YAML; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# Anything that could be an anchor (&name) or an alias (*name) outside a quoted string: such a
# file takes the careful path, which refuses them with their position.
_ANCHORISH = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s\]},]", re.MULTILINE)


class LazyPositions(Mapping[PathKey, tuple[int, int]]):
    """Where every value of a file starts, worked out only when a problem must be located:
    a valid catalog never pays for it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._table: Positions | None = None

    def _positions(self) -> Positions:
        if self._table is None:
            self._table = {}
            loader = _loader()(self.text)
            try:
                node = loader.get_single_node()
                if node is not None:
                    _Builder(loader, _no_fail, []).build(node, (), self._table, 0)
            finally:
                loader.dispose()
        return self._table

    def __getitem__(self, key: PathKey) -> tuple[int, int]:
        return self._positions()[key]

    def __iter__(self) -> Iterator[PathKey]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())


def _no_fail(line: int, column: int, message: str) -> Exception:  # pragma: no cover
    return ValueError(f"{line}:{column}: {message}")


def load(
    path: Path, display: str, problems: list[Problem] | None = None
) -> tuple[Any, Mapping[PathKey, tuple[int, int]]]:
    """Parse one YAML file; return its data and the 1-based (line, column) of every key path.

    Anchors and aliases are refused (a catalog never needs them, and they are how a
    "billion laughs" document eats memory), as are documents nested deeper than MAX_DEPTH.
    A key given twice in one mapping is added to `problems` (the first value is kept) and
    the file is read on, so that its other problems are reported too.
    A file with nothing that looks like an anchor is read by PyYAML's C loader in one go,
    its positions worked out later and only if needed.
    """

    import yaml

    def fail(line: int, column: int, message: str) -> YamlProblem:
        return YamlProblem(Problem(display, line, column, "", message))

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(1, 1, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise fail(1, 1, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(1, 1, f"not UTF-8 text (byte {exc.start})") from None
    if not _ANCHORISH.search(text):
        try:
            data = yaml.load(text, Loader=_loader())
        except (
            yaml.YAMLError,
            _Careful,
            ValueError,
            OverflowError,
            AttributeError,
            TypeError,
        ):
            pass  # the careful path below says where and why
        else:
            if _depth(data) <= MAX_DEPTH:
                return data, LazyPositions(text)
    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        positions: Positions = {}
        found: list[Problem] = []
        data = _Builder(loader, fail, found, display).build(node, (), positions, 0)
        if problems is not None:
            problems.extend(found)
        elif found:
            raise YamlProblem(found[0])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "syntax error"
        if exc.context and exc.context_mark is not None and exc.problem:
            message = f"{exc.problem} ({exc.context} at line {exc.context_mark.line + 1})"
        raise fail(line, col, f"invalid YAML: {message}") from None
    except yaml.YAMLError as exc:
        raise fail(1, 1, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return data, positions


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def dotted(path: PathKey) -> str:
    """A key path as messages show it: services[3].aliases[0]."""
    out = ""
    for part in path:
        if part == "@key":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Builder:
    """Builds a document's values from its nodes, recording where each value and key
    starts. One pass instead of PyYAML's pure-Python construct_document: this is where a
    cold start spends its time."""

    def __init__(self, loader: Any, fail: Any, problems: list[Problem], display: str = "") -> None:
        self.loader = loader
        self.fail = fail
        self.problems = problems
        self.display = display
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: PathKey, out: Positions, depth: int) -> Any:
        """The node's value; its position and its keys' go into `out`."""
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        # The composer hands back the very same node for every alias of an anchor.
        if id(node) in self.seen:
            raise self.fail(
                line, col, "YAML anchors and aliases (&name, *name) are not allowed in a catalog"
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(line, col, f"document nested deeper than {MAX_DEPTH} levels")
        out[path] = (line, col)
        kind = getattr(node, "id", "")  # PyYAML names each node class: scalar, sequence, mapping
        if kind == "mapping":
            return self._mapping(node, path, out, depth)
        if kind == "sequence":
            return [
                self.build(item, (*path, index), out, depth + 1)
                for index, item in enumerate(node.value)
            ]
        if node.tag == _STR:
            return node.value
        if node.tag == _NULL:
            return None
        # Numbers, booleans and dates: PyYAML's own safe constructors, one scalar at a time.
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, AttributeError, TypeError):
            # datetime refuses the day, month, year or offset; an explicit tag on a value
            # that does not fit it (`!!timestamp x`, `!!int x`) fails inside PyYAML itself.
            return InvalidScalar(str(node.value), str(node.tag))

    def _mapping(self, node: yaml.Node, path: PathKey, out: Positions, depth: int) -> Any:
        mapping: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, (*path, "@key-node"), {}, depth + 1)
            if not isinstance(key, _PLAIN_KEY):
                raise self.fail(*_mark(key_node), "a mapping key must be a plain value")
            line, col = _mark(key_node)
            if key in mapping:
                self.problems.append(
                    Problem(
                        self.display,
                        line,
                        col,
                        dotted(path),
                        f"duplicate key '{key}' (first at line {first_line[key]})",
                    )
                )
                # Read on (an anchor or a nested duplicate still counts); the first value stays.
                self.build(value_node, (*path, str(key)), {}, depth + 1)
                continue
            first_line[key] = line
            key_path: PathKey = (*path, str(key), "@key")
            out[key_path] = (line, col)
            mapping[key] = self.build(value_node, (*path, str(key)), out, depth + 1)
        return mapping


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
