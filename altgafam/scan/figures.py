"""Seats and costs in a tool list: the columns that hold them (French and English headers),
and the numbers as spreadsheets write them ("1 234,50 €", "$1,234.50", "99 €/mois")."""

from __future__ import annotations

import re
from typing import NamedTuple

from altgafam.normalize import fold

# Folded header words: a header holding one of these names the column.
SEAT_WORDS = (
    "users", "user", "seats", "seat", "licences", "licenses", "licence", "license",
    "utilisateurs", "utilisateur", "nb utilisateurs", "nombre d utilisateurs", "postes",
    "comptes", "accounts", "headcount", "effectif",
)  # fmt: skip
ANNUAL_WORDS = (
    "annual cost", "yearly cost", "cost per year", "cost year", "per year", "annual",
    "cout annuel", "couts annuels", "budget annuel", "montant annuel", "par an", "an",
)  # fmt: skip
MONTHLY_WORDS = (
    "monthly cost", "cost per month", "cost month", "per month", "monthly",
    "cout mensuel", "couts mensuels", "montant mensuel", "par mois", "mois",
)  # fmt: skip
# A column naming each tool's vendor ("Éditeur"): it settles a name two products share.
VENDOR_WORDS = (
    "vendor", "vendors", "editeur", "editeurs", "fournisseur", "fournisseurs", "publisher",
    "supplier", "prestataire", "societe", "company", "marque", "brand", "maker",
)  # fmt: skip
_NUMBER = re.compile(r"-?\d[\d\s.,'\u00a0\u202f]*")


class Columns(NamedTuple):
    """Where seats and costs are in a table (0-based), None where it has none."""

    seats: int | None = None
    annual: int | None = None
    monthly: int | None = None
    vendor: int | None = None

    def __bool__(self) -> bool:
        return any(i is not None for i in self)


def find_columns(header: list[str], skip: int) -> Columns:
    """The seats, annual and monthly cost columns, and the vendor's, by their headers (`skip`:
    the tool column). A cost header that says neither year nor month is taken as annual."""
    seats = annual = monthly = vendor = None
    for index, name in enumerate(header):
        if index == skip:
            continue
        words = f" {fold(name)} "
        if vendor is None and any(f" {w} " in words for w in VENDOR_WORDS):
            vendor = index
        elif seats is None and any(f" {w} " in words for w in SEAT_WORDS):
            seats = index
        elif monthly is None and any(f" {w} " in words for w in MONTHLY_WORDS):
            monthly = index
        elif annual is None and (
            any(f" {w} " in words for w in ANNUAL_WORDS)
            or any(f" {w} " in words for w in ("cost", "cout", "couts", "prix", "price", "budget"))
        ):
            annual = index
    return Columns(seats, annual, monthly, vendor)


def number(text: str) -> float | None:
    """A number as a spreadsheet shows it, or None: spaces and apostrophes group thousands;
    the last comma or point followed by one or two digits is the decimal mark."""
    found = _NUMBER.search(text)
    if found is None:
        return None
    raw = re.sub(r"[\s'\u00a0\u202f]", "", found.group()).rstrip(".,")
    decimal = re.search(r"[.,](\d{1,2})$", raw)
    if decimal:
        whole = re.sub(r"[.,]", "", raw[: decimal.start()])
        raw = f"{whole}.{decimal.group(1)}"
    else:
        raw = re.sub(r"[.,]", "", raw)
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if value >= 0 and value < 1e12 else None


def vendor_of(row: list[str], columns: Columns) -> str | None:
    """The vendor a row names, when the table has a vendor column."""
    index = columns.vendor
    if index is None or index >= len(row):
        return None
    text = row[index].strip()
    return text[:80] if text else None


def read(row: list[str], columns: Columns) -> tuple[int | None, float | None] | None:
    """The seats and the annual cost of a row (a monthly cost counts twelve times), or None
    when it says neither."""

    def cell(index: int | None) -> float | None:
        return number(row[index]) if index is not None and index < len(row) else None

    seats = cell(columns.seats)
    annual = cell(columns.annual)
    monthly = cell(columns.monthly)
    if annual is None and monthly is not None:
        annual = round(monthly * 12, 2)
    if seats is None and annual is None:
        return None
    return (int(seats) if seats is not None else None, annual)
