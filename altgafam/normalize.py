"""Text normalisation shared by the catalog (alias collisions) and the matcher (look-ups)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9+#&]+")
# "&" between two letters or digits is part of a word ("F&B", food and beverage, is no "fb",
# Facebook); elsewhere it is punctuation ("Procter & Gamble").
_LONE_AMPERSAND = re.compile(r"(?<![a-z0-9])&|&(?![a-z0-9])")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# C0 and C1 controls (ESC starts terminal escape sequences) and the bidirectional overrides
# that can make text display in another order than it is stored.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Text safe to show: control characters and direction overrides become spaces, tabs and
    line breaks too, so one entry stays on one line."""
    return _UNSAFE.sub(" ", text.replace("\t", " ").replace("\n", " ").replace("\r", " "))


def printable(text: str) -> str:
    """Text that can be written as UTF-8: the lone surrogates of undecodable bytes (a file
    name, an argument, a JSON escape) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


# The catalog's names are folded many times over while its index is built, and an inventory
# repeats its lines: a short text is folded once, in a cache of bounded size (32,768 texts of
# at most 200 characters).
_CACHED_LENGTH = 200


def fold(text: str) -> str:
    """Lowercase, strip accents, turn punctuation into single spaces ('Agenda ' -> 'agenda').

    `+` and `#` survive because they carry meaning in product names (Google+, C#, Notepad++),
    and `&` between two letters or digits (F&B, AT&T).
    """
    return _fold_cached(text) if len(text) <= _CACHED_LENGTH else _fold(text)


@lru_cache(maxsize=1 << 15)
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    # Compatibility forms first, then case: the double-struck X of X's logo (U+1D54F, a
    # mathematical letter with no lower case) becomes "X" only once decomposed.
    if text.isascii():
        # Most names: NFKC and NFKD leave ASCII as it is, and it has no combining marks.
        ascii_only = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
        ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", ascii_only.replace("'", " "))
    if "&" in words:
        words = " ".join(_LONE_AMPERSAND.sub(" ", words).split())
    return words.strip()


def key(text: str) -> str:
    """The look-up key of a name: folded, spaces removed ('Drop box' and 'Dropbox' are one key)."""
    return fold(text).replace(" ", "")


def by_host(table: dict[str, str], host: str, segment: str = "") -> str | None:
    """Look a host up in a table of hosts (or host/first-path-segment), its parent domains
    too: www.google.com/maps finds "google.com/maps", app.slack.com finds "slack.com"."""
    labels = host.lower().rstrip(".").split(".")
    for start in range(len(labels) - 1):
        suffix = ".".join(labels[start:])
        found = (segment and table.get(f"{suffix}/{segment}")) or table.get(suffix)
        if found:
            return found
    return None
