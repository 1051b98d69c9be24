"""Who the advice is for: a profile (association, public body, company, agency) and the facts a
consultant knows about the organisation, from an organisation file (TOML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from altgafam.errors import InputError
from altgafam.models import Profile

PROFILES = ("association", "public-body", "company", "agency")
SERVERS = ("no", "with-help", "yes")
HOSTING = ("chatons", "eu", "any")
BUDGET = ("high", "medium", "low")
KEYS = ("name", "profile", "headcount", "servers", "hosting", "budget", "adopted")


# What each kind of organisation is, until the organisation file says otherwise: an
# association runs no servers and prefers CHATONS hosts; a public body and a company work
# with a provider in the EU; an agency runs its own.
DEFAULTS = {
    "association": Profile("association", "no", "chatons", "high"),
    "public-body": Profile("public-body", "with-help", "eu", "medium"),
    "company": Profile("company", "with-help", "eu", "medium"),
    "agency": Profile("agency", "yes", "eu", "medium"),
}


def load(kind: str | None, path: Path | None) -> Profile | None:
    """The profile named, completed by the organisation file; None when neither is given.
    A bad file is a one-line InputError naming the file and the key."""
    data: dict[str, Any] = {}
    if path is not None:
        data = _read(path)
    kind = kind or data.get("profile")
    if kind is None and not data:
        return None
    where = str(path) if path is not None else "--profile"
    if kind is None:
        kind = "company"
    if kind not in PROFILES:
        raise InputError(f"{where}: profile '{kind}' is not one of {', '.join(PROFILES)}")
    base = DEFAULTS[kind]
    values: dict[str, Any] = {}
    for key, choices in (("servers", SERVERS), ("hosting", HOSTING), ("budget", BUDGET)):
        if key in data:
            value = data[key]
            if value not in choices:
                raise InputError(f"{where}: {key} = {value!r} is not one of {', '.join(choices)}")
            values[key] = value
    if "headcount" in data:
        count = data["headcount"]
        if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= 1_000_000:
            raise InputError(f"{where}: headcount must be a whole number from 1 to 1,000,000")
        values["headcount"] = count
    if "adopted" in data:
        adopted = data["adopted"]
        if not isinstance(adopted, list) or not all(isinstance(a, str) for a in adopted):
            raise InputError(f"{where}: adopted must be a list of tool names")
        values["adopted"] = tuple(a.strip() for a in adopted if a.strip())
    if "name" in data:
        if not isinstance(data["name"], str):
            raise InputError(f"{where}: name must be a string")
        values["name"] = data["name"].strip()
    return base._replace(**values)


def _read(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, from PyPI
        import tomli as tomllib

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > 64 * 1024:
        raise InputError(f"{path}: larger than 64 KiB, not an organisation file")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    for key in data:
        if key not in KEYS:
            raise InputError(f"{path}: unknown key '{key}' (keys: {', '.join(KEYS)})")
    return dict(data)
