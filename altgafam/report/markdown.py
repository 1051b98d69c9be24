"""Markdown escaping for the report: text from a list or an overlay never becomes markup."""

from __future__ import annotations

import re

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
