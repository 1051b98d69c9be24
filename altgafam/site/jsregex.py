"""Fingerprint patterns written for JavaScript, made safe for Python's `re`: translated, checked
against catastrophic backtracking, and given the literal a text must hold to be worth trying."""

from __future__ import annotations

import re
import sys
from typing import Any, NamedTuple

if sys.version_info >= (3, 11):
    from re import _parser as _sre
else:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

# The longest input each kind of pattern is tried on. Python's `re` has no timeout: a pattern
# that backtracks polynomially is harmless on 2 KB and not on 2 MB, so inputs are cut.
MAX_INPUT = {
    "scriptSrc": 2048,
    "url": 2048,
    "headers": 2048,
    "cookies": 1024,
    "meta": 2048,
    "dns": 1024,
    "html": 256 * 1024,
    "scripts": 256 * 1024,
}
_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class Unsafe(ValueError):
    """A pattern not kept; the message is the reason, counted by kind in the import."""


class Pattern(NamedTuple):
    """A Python pattern, and a literal (lower case, maybe empty) any match must contain."""

    regex: str
    literal: str


def translate(js: str) -> Pattern:
    """The Python form of one webappanalyzer pattern; Unsafe when it cannot be compiled or
    could backtrack catastrophically. The `\\;version:\\1` and `\\;confidence:50` suffixes
    (webappanalyzer's own syntax, not regex) are dropped: versions are not reported."""
    body = js.split("\\;", 1)[0]
    body = _NAMED_GROUP.sub(r"(?P<\1>", body)
    if "[^]" in body:
        raise Unsafe("JavaScript-only syntax")
    try:
        re.compile(body, re.IGNORECASE)
        parsed: Any = _sre.parse(body, re.IGNORECASE)  # a SubPattern: a list of (op, av)
    except (re.error, OverflowError, RecursionError, IndexError):
        raise Unsafe("does not compile in Python") from None
    items = [parsed[i] for i in range(len(parsed))]
    _check(items, inside_repeat=False)
    if _count_any_repeats(items) > 2:
        raise Unsafe("too many unbounded wildcards")
    return Pattern(body, _literal(items))


def _name(op: Any) -> str:
    return str(op)


def _children(op: Any, av: Any) -> list[list[Any]]:
    """The sub-patterns an opcode holds."""
    name = _name(op)
    if name in _REPEATS:
        return [list(av[2])]
    if name == "SUBPATTERN":
        return [list(av[-1])]
    if name == "BRANCH":
        return [list(b) for b in av[1]]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [list(av[1])]
    if name == "ATOMIC_GROUP":
        return [list(av)]
    if name == "GROUPREF_EXISTS":
        return [list(b) for b in av[1:] if b is not None]
    return []


def _check(items: list[Any], inside_repeat: bool) -> None:
    """Refuse a quantifier inside an unbounded one, (a+)+ and (?:\\w+\\s?)*: the shape whose
    backtracking is exponential. Backreferences are refused too (they defeat the bounds)."""
    for op, av in items:
        name = _name(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            raise Unsafe("backreference")
        if name in _REPEATS:
            low, high = av[0], av[1]
            unbounded = high == _sre.MAXREPEAT or high > 100
            if inside_repeat and high > 1:
                raise Unsafe("nested quantifiers")
            if high > 1000 and high != _sre.MAXREPEAT:
                raise Unsafe("huge repeat count")
            _check(list(av[2]), inside_repeat or (unbounded and low != high))
            continue
        for child in _children(op, av):
            _check(child, inside_repeat)


def _count_any_repeats(items: list[Any]) -> int:
    """How many unbounded repeats of "any character" (.* and .+) a pattern holds: three in a
    row already make a failing search cubic."""
    count = 0
    for op, av in items:
        name = _name(op)
        if name in _REPEATS:
            body = list(av[2])
            if len(body) == 1 and _name(body[0][0]) == "ANY" and av[1] == _sre.MAXREPEAT:
                count += 1
        for child in _children(op, av):
            count += _count_any_repeats(child)
    return count


def _literal(items: list[Any]) -> str:
    """The longest run of plain characters every match contains (top-level sequence only),
    in lower case: a text without it cannot match, so the pattern is not even tried."""
    best, run = "", []
    for op, av in items:
        name = _name(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if name == "SUBPATTERN" and all(_name(o) == "LITERAL" for o, _ in av[-1]):
            run.extend(chr(a) for _, a in av[-1])
            continue
        if name in _REPEATS and av[0] >= 1:
            # The body is there at least once: its own literal counts, the run stops.
            inner = _literal(list(av[2]))
            best = max(best, "".join(run), inner, key=len)
            run = []
            continue
        best = max(best, "".join(run), key=len)
        run = []
    best = max(best, "".join(run), key=len)
    return best.lower()
