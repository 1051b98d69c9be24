"""A Markdown migration report for people (renders on GitHub, GitLab and pandoc)."""

from __future__ import annotations

import re

from altgafam.models import Report, Result, Status
from altgafam.normalize import sanitize

_SPECIAL = re.compile(r"([\\*_\[\]<>|~&#!])")
# What GitHub-flavoured Markdown turns into a link by itself: URLs, www. hosts, e-mail addresses.
_LINKISH = re.compile(r"(?:[a-z][a-z0-9+.-]*:/+|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)


def _code(text: str) -> str:
    """A code span, which Markdown never turns into a link; pipes stay escaped for tables."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def _plain(text: str) -> str:
    # A backtick becomes an entity, not an escape: an escaped backtick next to a code span
    # is read differently by different Markdown parsers.
    return _SPECIAL.sub(r"\\\1", text).replace("`", "&#96;")


def escape(text: str) -> str:
    """Make text inert in Markdown: no link, image, HTML, emphasis or table break survives."""
    text = sanitize(text)
    out: list[str] = []
    last = 0
    for m in _LINKISH.finditer(text):
        out.append(_plain(text[last : m.start()]))
        out.append(_code(m.group(0)))
        last = m.end()
    out.append(_plain(text[last:]))
    return "".join(out)


def _recognised(result: Result) -> str:
    if result.match is None:
        if result.status is Status.AMBIGUOUS:
            names = " or ".join(escape(c.name) for c in result.candidates)
            return f"ambiguous: {names}?"
        hints = ", ".join(escape(c.name) for c in result.candidates)
        return f"unknown (did you mean {hints}?)" if hints else "unknown"
    m = result.match
    text = escape(m.name)
    if m.discontinued:
        text += f" (discontinued {m.discontinued.isoformat()})"
    return text


def _vendor(result: Result) -> str:
    m = result.match
    if m is None or m.vendor is None:
        return "libre" if result.status is Status.LIBRE else ""
    owner = f" ({escape(m.owner)})" if m.owner and m.owner != m.vendor else ""
    return escape(m.vendor) + owner


def render(report: Report) -> str:
    """The report as a Markdown document."""
    s = report.summary
    out = [
        "# Migration report",
        "",
        f"{s.entries} tools listed: {s.proprietary} proprietary ({s.gafam} owned by the GAFAM), "
        f"{s.libre} already libre, {s.ambiguous} ambiguous, {s.unknown} unknown.",
        "",
        "| Line | As written | Recognised as | Vendor (owner) | GAFAM | Score "
        "| Libre alternatives |",
        "|---:|---|---|---|---|---:|---|",
    ]
    # Lines naming the same product share every cell but the first two: build those once.
    tails: dict[tuple[object, ...], str] = {}
    for r in report.results:
        key = (r.status, id(r.match), id(r.alternatives), r.candidates)
        tail = tails.get(key)
        if tail is None:
            gafam = "yes" if r.match is not None and r.match.gafam else ""
            score = str(round(r.match.score)) if r.match is not None else ""
            alts = ", ".join(
                f"{escape(a.name)} ({escape(a.license)}, {a.effort})" for a in r.alternatives
            )
            tail = tails[key] = f"{_recognised(r)} | {_vendor(r)} | {gafam} | {score} | {alts} |"
        out.append(f"| {r.entry.line} | {escape(r.entry.text)} | {tail}")
    out += ["", "Effort is the migration effort: low, medium or high.", ""]
    return "\n".join(out)
