"""Formats against golden files, on the small test catalog so the goldens stay put."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from altgafam.advice import plan
from altgafam.models import Catalog, ClientReport, Report
from altgafam.report import document as report_format
from altgafam.report import json as json_format
from altgafam.report import table
from altgafam.report.formats import Format, render
from altgafam.scan import matcher
from altgafam.scan.inputs import parse_text

GOLDEN = Path(__file__).parent / "golden"
LIST = """Slack
googel docs
https://docs.google.com/document/d/1
Skype
Mattermost server
photocopieur
Teams [bold red](licence pro)</b> | x
libre office
Slaxxk
"""


@pytest.fixture()
def report(mini: Catalog, mini_index: matcher.Index) -> Report:
    return plan.build_report(matcher.match_all(parse_text(LIST), mini_index), mini)


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ALTGAFAM_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def client(report: Report, catalog: Catalog, lang: str = "en") -> ClientReport:
    return plan.client_report(
        report, catalog, "Coop [Test] | Exemple", dt.date(2026, 11, 26), lang, "VERSION"
    )


def test_every_format_choice_renders(report: Report, mini: Catalog) -> None:
    for fmt in Format:
        assert render(fmt, client(report, mini)).strip()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_goldens(report: Report, mini: Catalog, fmt: str, lang: str) -> None:
    suffix = "md" if fmt == "markdown" else "html"
    golden(f"mini.{lang}.{suffix}", report_format.render(client(report, mini, lang), fmt))


def test_json_golden(report: Report) -> None:
    text = json_format.render(report).replace(
        json.dumps(__import__("altgafam").__version__), '"VERSION"'
    )
    golden("mini.json", text)


def test_table_golden(report: Report) -> None:
    golden("mini.txt", table.render(report, width=100))


def test_markdown_escapes_user_text(report: Report, mini: Catalog) -> None:
    text = report_format.render(client(report, mini), "markdown")
    assert "Teams \\[bold red\\](licence pro)\\</b\\> \\| x" in text
    assert "Coop \\[Test\\] \\| Exemple" in text


def test_json_contract_fields(report: Report) -> None:
    doc = json.loads(json_format.render(report))
    assert doc["schema_version"] == 2
    assert set(doc) == {"schema_version", "altgafam_version", "catalog", "summary", "results"}
    assert doc["catalog"] == {"services": 4, "alternatives": 3}
    assert doc["summary"] == {
        "entries": 9,
        "proprietary": 5,
        "gafam": 4,
        "libre": 2,
        "ambiguous": 0,
        "unknown": 2,
    }
    first = doc["results"][0]
    assert set(first) == {
        "line",
        "input",
        "seats",
        "annual_cost",
        "status",
        "match",
        "candidates",
        "alternatives",
        "removed_by",
    }
    assert first["match"]["vendor"] == "Slack" and first["match"]["owner"] == "Salesforce"
    assert first["match"]["gafam"] is False and first["match"]["score"] == 100
    assert set(first["match"]) >= {"id", "name", "vendor", "owner", "gafam", "category", "score"}
    assert set(first["alternatives"][0]) == {
        "id",
        "name",
        "kind",
        "license",
        "homepage",
        "effort",
        "tags",
        "with",
        "providers",
    }
    assert set(first["match"]) >= {"suites", "keep", "advice"}
    libre = doc["results"][4]
    assert libre["status"] == "libre"
    assert (libre["match"]["vendor"], libre["match"]["owner"], libre["match"]["gafam"]) == (
        None,
        None,
        False,
    )
    assert libre["alternatives"] == []
    unknown = doc["results"][8]
    assert unknown["match"] is None and unknown["candidates"][0]["id"] == "slack"
    assert [r["line"] for r in doc["results"]] == list(range(1, 10))
