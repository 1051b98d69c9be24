"""The catalog format v2, declared once: field kinds, requirements, and the shape checks on them."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from altgafam.catalog.yamlsrc import InvalidScalar

FORMAT_VERSION = 2
EFFORTS = ("low", "medium", "high")
# What a libre alternative is, which decides what a client needs to adopt it: a server someone
# must run (the client, or a provider), a client app that talks to a service, a standalone
# application, an operating system, an open standard that many hosts offer (a mailbox over
# IMAP/SMTP), a library built into a site or app, or a browser extension.
KINDS = ("server", "client", "application", "os", "protocol", "library", "extension")
SERVES = ("individuals", "associations", "organisations", "public-bodies", "education")
PRICING = ("free", "donation", "paid")
CRITICALITIES = ("low", "medium", "high")
AXES = ("kind", "hosting", "privacy")

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
# A host, optionally with the first segment of a path when that is what tells products apart
# (docs.google.com/spreadsheets is Sheets, docs.google.com alone is Docs).
DOMAIN_RE = re.compile(
    r"^(?=.{1,253}(/|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(/[a-z0-9._~-]+)?$"
)
URL_RE = re.compile(r"^https://[^\s/$.?#][^\s]*$")
# What no catalog string may hold: C0 and C1 control characters (ESC starts the terminal
# escape sequences that retitle a window or rewrite the screen; BEL, DEL...) and the
# bidirectional controls that make text display in another order than it is stored (the
# "Trojan Source" characters; the same set normalize.sanitize blanks before printing).
UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A text (en, fr) may span lines, written as a YAML block scalar (> or |): a line feed is the
# one control it may hold. Tabs and carriage returns stay out, as everywhere.
UNSAFE_IN_TEXT_RE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Field:
    """One key of a catalog mapping: its kind, whether it is required, and what it refers to."""

    kind: str
    required: bool = False
    ref: str | None = None
    choices: tuple[str, ...] = ()
    item: Field | None = None
    record: dict[str, Field] | None = None
    doc: str = ""
    # May the string span lines (hold line feeds)? Only a text's en and fr may.
    lines: bool = False


def _f(kind: str, required: bool = False, **kw: Any) -> Field:
    return Field(kind, required, **kw)


def _ref(section: str, required: bool = False) -> Field:
    return Field("ref", required, ref=section)


def _list(item: Field) -> Field:
    return Field("list", item=item)


TEXT = _f("text", True)
# What a text is: the same words in English and in French.
TEXT_RECORD = {"en": _f("str", True, lines=True), "fr": _f("str", True, lines=True)}

SOURCES = _list(_f("url"))

VENDOR = {
    "id": _f("id", True),
    "name": _f("str", True),
    # Other names people type for the company alone: a former or short name ("OVH").
    "aliases": _list(_f("str")),
    "parent": _ref("vendors"),
    "country": _f("country"),
    "gafam": _f("bool"),
    "sources": SOURCES,
}
CATEGORY = {
    "id": _f("id", True),
    "label": TEXT,
    "criticality": _f("choice", choices=CRITICALITIES),
}
TAG = {
    "id": _f("id", True),
    "label": TEXT,
    "axis": _f("choice", True, choices=AXES),
}
ALTERNATIVE_REF = {
    "id": _ref("alternatives", True),
    "effort": _f("choice", True, choices=EFFORTS),
    "note": _f("text"),
    # The complementary pieces this alternative needs to replace the service (a mailbox at
    # a host is read with a mail client: `with: [thunderbird]`).
    "with": _list(_ref("alternatives")),
}
SERVICE = {
    "id": _f("id", True),
    "name": _f("str", True),
    "vendor": _ref("vendors", True),
    "category": _ref("categories", True),
    "aliases": _list(_f("str")),
    "former_names": _list(_f("str")),
    "domains": _list(_f("domain")),
    "description": TEXT,
    "discontinued": _f("date"),
    "successor": _ref("services"),
    # A suite: the services it bundles (Microsoft 365: Word, Excel, Outlook, Teams...).
    "members": _list(_ref("services")),
    "alternatives": _list(Field("record", record=ALTERNATIVE_REF)),
    # Replacing it is not the client's choice (a platform the law or a funder imposes).
    "keep": _f("text"),
    # No libre replacement: what to do instead to depend on it less.
    "advice": _f("text"),
    "sources": SOURCES,
    "reviewed": _f("date", True),
}
ALTERNATIVE = {
    "id": _f("id", True),
    "name": _f("str", True),
    "kind": _f("choice", True, choices=KINDS),
    "aliases": _list(_f("str")),
    "domains": _list(_f("domain")),
    # Required but for kind: protocol, which has a `standard` instead (checked by the loader).
    "license": _f("license"),
    "standard": _f("url"),
    "homepage": _f("url", True),
    "source": _f("url"),
    "categories": Field("list", True, item=_ref("categories")),
    "tags": _list(_ref("tags")),
    "description": TEXT,
    # The day its repository was archived, or its last release announced as the final one:
    # no service may rank it any more (checked by the loader).
    "archived": _f("date"),
    "sources": SOURCES,
    "reviewed": _f("date", True),
}
OFFER = {
    "alternative": _ref("alternatives", True),
    "url": _f("url", True),
}
# Who runs libre software for a client: a CHATONS member, a hosting company, a mailbox host.
PROVIDER = {
    "id": _f("id", True),
    "name": _f("str", True),
    # Left out when it could not be checked: the provider then counts as outside the EU.
    "country": _f("country"),
    "chatons": _f("bool"),
    "serves": _list(_f("choice", choices=SERVES)),
    "pricing": _f("choice", choices=PRICING),
    "url": _f("url", True),
    "offers": Field("list", True, item=Field("record", record=OFFER)),
    "note": _f("text"),
    "sources": SOURCES,
    "reviewed": _f("date", True),
}

# What an overlay may change in an entry that a lower layer already defines.
SERVICE_PATCH = {
    "id": _ref("services", True),
    "aliases": _list(_f("str")),
    "domains": _list(_f("domain")),
    "alternatives": _list(Field("record", record=ALTERNATIVE_REF)),
    "hide": _list(_ref("alternatives")),
}
ALTERNATIVE_PATCH = {
    "id": _ref("alternatives", True),
    "aliases": _list(_f("str")),
    "domains": _list(_f("domain")),
    "hidden": _f("bool"),
}
PROVIDER_PATCH = {
    "id": _ref("providers", True),
    "offers": _list(Field("record", record=OFFER)),
}
PATCHES: dict[str, dict[str, Field]] = {
    "services": SERVICE_PATCH,
    "alternatives": ALTERNATIVE_PATCH,
    "providers": PROVIDER_PATCH,
}

# How a website shows it depends on a service (altgafam site): one entry per service.
SIGNATURE = {
    "id": _ref("services", True),
    "hosts": _list(_f("domain")),
    "snippets": _list(_f("str")),
}

SECTIONS: dict[str, dict[str, Field]] = {
    "vendors": VENDOR,
    "categories": CATEGORY,
    "tags": TAG,
    "services": SERVICE,
    "alternatives": ALTERNATIVE,
    "providers": PROVIDER,
    "signatures": SIGNATURE,
}

Report = Callable[[tuple[str | int, ...], str], None]


def closest(word: str, options: list[str] | set[str] | tuple[str, ...]) -> str:
    """A ' (did you mean X?)' hint, or '' when nothing is close."""
    found = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean '{found[0]}'?)" if found else ""


@dataclass
class ShapeChecker:
    """Checks one mapping against its field spec; references are collected, not resolved here."""

    report: Report
    license_check: Callable[[str], str | None]
    refs: list[tuple[tuple[str | int, ...], str, str]] = field(default_factory=list)
    # Said after "unknown key" at the top level of an entry (an overlay's patch explains
    # what it may change).
    unknown_note: str = ""

    def record(self, value: Any, spec: dict[str, Field], path: tuple[str | int, ...]) -> bool:
        """Check a mapping; return False when it is not a mapping at all."""
        if not isinstance(value, dict):
            self.report(path, f"expected a mapping, got {_kind(value)}")
            return False
        for key in value:
            if key not in spec:
                note = self.unknown_note if not path else ""
                hint = closest(str(key), set(spec)) if not note else ""
                self.report((*path, str(key), "@key"), f"unknown key '{key}'{hint}{note}")

        for name, fld in spec.items():
            if name not in value or value[name] is None:
                if fld.required:
                    self.report(path, f"missing required key '{name}'")
                continue
            self.value(value[name], fld, (*path, name))
        return True

    def value(self, value: Any, fld: Field, path: tuple[str | int, ...]) -> None:
        """Check one value against its field kind."""
        kind = fld.kind
        if kind == "list":
            if not isinstance(value, list):
                self.report(path, f"expected a list, got {_kind(value)}")
            elif fld.required and not value:
                self.report(path, "must not be empty")
            else:
                assert fld.item is not None
                for index, item in enumerate(value):
                    self.value(item, fld.item, (*path, index))
        elif kind == "record":
            assert fld.record is not None
            self.record(value, fld.record, path)
        elif kind == "text":
            self.record(value, TEXT_RECORD, path)
        elif kind == "bool":
            if not isinstance(value, bool):
                self.report(path, f"expected true or false, got {_kind(value)}")
        elif kind == "date":
            if isinstance(value, InvalidScalar) and value.is_date:
                self.report(path, "not a valid date")
            elif not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                self.report(path, f"expected a date YYYY-MM-DD, got {_kind(value)}")
        elif not isinstance(value, str):
            hint = (
                " (quote it: YAML reads NO as false)"
                if kind == "country" and value is False
                else ""
            )
            self.report(path, f"expected a string, got {_kind(value)}{hint}")
        elif unsafe := (UNSAFE_IN_TEXT_RE if fld.lines else UNSAFE_RE).search(value):
            self.report(path, unsafe_message(unsafe.group()))
        elif not value.strip():
            self.report(path, "must not be empty")
        else:
            self._string(value, fld, path)

    def _string(self, value: str, fld: Field, path: tuple[str | int, ...]) -> None:
        kind = fld.kind
        if kind == "id" and not ID_RE.match(value):
            self.report(path, f"'{value}' is not a valid id (lowercase words joined by hyphens)")
        elif kind == "ref":
            assert fld.ref is not None
            self.refs.append((path, fld.ref, value))
        elif kind == "choice" and value not in fld.choices:
            choices = ", ".join(fld.choices)
            self.report(path, f"'{value}' is not one of: {choices}{closest(value, fld.choices)}")
        elif kind == "country" and not COUNTRY_RE.match(value):
            self.report(path, f"'{value}' is not an ISO 3166-1 alpha-2 country code such as FR")
        elif kind == "domain" and not DOMAIN_RE.match(value):
            self.report(
                path,
                f"'{value}' is not a lowercase host name such as docs.google.com "
                "(one path segment may follow: docs.google.com/forms)",
            )
        elif kind == "url" and not URL_RE.match(value):
            self.report(path, f"'{value}' is not an https:// URL")
        elif kind == "license":
            problem = self.license_check(value)
            if problem:
                self.report(path, problem)


def unsafe_message(char: str) -> str:
    """Why a string holding `char` (one UNSAFE_RE matches) is refused."""
    what = "bidirectional control" if char in _BIDI else "control character"
    return f"contains the {what} U+{ord(char):04X}, which catalog text may not hold"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, InvalidScalar):
        return f"'{value.text}', which is not a valid " + ("date" if value.is_date else "value")
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"
