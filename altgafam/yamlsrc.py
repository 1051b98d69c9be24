"""Safe YAML loading that remembers where every value came from (line and column)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from altgafam.errors import Problem

# The C loader is ten times faster; the pure-Python one is the same safe subset.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]


class YamlProblem(Exception):
    """A file that cannot be read as catalog YAML; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def load(path: Path, display: str) -> tuple[Any, Positions]:
    """Parse one YAML file; return its data and the 1-based (line, column) of every key path.

    Anchors and aliases are refused (a catalog never needs them, and they are how a
    "billion laughs" document eats memory), as are documents nested deeper than MAX_DEPTH.
    """

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
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        positions: Positions = {}
        _walk(node, (), positions, 0, fail, set())
        data = loader.construct_document(node)
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


def _walk(
    node: yaml.Node, path: PathKey, out: Positions, depth: int, fail: Any, seen: set[int]
) -> None:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    # The composer hands back the very same node for every alias of an anchor.
    if id(node) in seen:
        raise fail(
            line, col, "YAML anchors and aliases (&name, *name) are not allowed in a catalog"
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise fail(line, col, f"document nested deeper than {MAX_DEPTH} levels")
    out[path] = (line, col)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            mark = key_node.start_mark
            key_path: PathKey = (*path, key, "@key")
            out[key_path] = (mark.line + 1, mark.column + 1)
            _walk(value_node, (*path, key), out, depth + 1, fail, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), out, depth + 1, fail, seen)
