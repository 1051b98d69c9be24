"""Text normalisation shared by the catalog (alias collisions) and the matcher (look-ups)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9+#]+")


def fold(text: str) -> str:
    """Lowercase, strip accents, turn punctuation into single spaces ('Agenda ' -> 'agenda').

    `+` and `#` survive because they carry meaning in product names (Google+, C#, Notepad++).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", ascii_only.replace("'", " ")).strip()


def key(text: str) -> str:
    """The look-up key of a name: folded, spaces removed ('Drop box' and 'Dropbox' are one key)."""
    return fold(text).replace(" ", "")
