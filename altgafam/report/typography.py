"""French typography for every French output: a narrow no-break space before ; : ? ! and
inside « », and the typographic apostrophe."""

from __future__ import annotations

import re

NNBSP = "\u202f"
APOSTROPHE = "\u2019"

# What must come out untouched: URLs, www. hosts and e-mail addresses (the same shapes the
# Markdown escaper turns into code spans), code spans, and HTML entities (`&#96;` from the
# Markdown escaper: a space before its `;` would break it).
_VERBATIM = re.compile(
    r"`+[^`]*`+"
    r"|(?:[a-z][a-z0-9+.-]*:/+|www\.)\S+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|&#?\w+;",
    re.IGNORECASE,
)
# A colon or semicolon ends a clause only when a space or the end of the text follows it:
# "14:30", "C:\", "ratio 3:1" and "Easy!Appointments" keep their marks tight. A backslash
# may stand before the mark (the Markdown escaper writes "\!").
_BEFORE = re.compile(r"(?<=[^\s;:!?(\[«\\])[ \u00a0\u202f]*(?=\\?[;:!?](?:[\s»)\]*_!?]|$))")
_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE = re.compile(r"[ \u00a0\u202f]*»")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


_RULES = (
    (_BEFORE, NNBSP),
    (_OPEN, "«" + NNBSP),
    (_CLOSE, NNBSP + "»"),
    (_APOSTROPHE, APOSTROPHE),
)


def french(text: str) -> str:
    """`text` set in French: a narrow no-break space before ; : ? ! and inside « », U+2019 for
    an apostrophe between letters; URLs, addresses, code spans and entities are left alone.
    Apply it to text before HTML escaping (entities it would otherwise see) and after
    Markdown escaping (so the marks it adds are never escaped). Idempotent."""
    for rule, mark in _RULES:
        # The rules see the whole text (a mark may follow a URL), but change nothing inside
        # a verbatim span.
        spans = [m.span() for m in _VERBATIM.finditer(text)]

        def replace(
            m: re.Match[str], mark: str = mark, spans: list[tuple[int, int]] = spans
        ) -> str:
            inside = any(a <= m.start() < b or a < m.end() <= b for a, b in spans)
            return m.group(0) if inside else mark

        text = rule.sub(replace, text)
    return text


def for_language(lang: str, text: str) -> str:
    """`text` with the typography of `lang` (only French has rules here)."""
    return french(text) if lang == "fr" else text
