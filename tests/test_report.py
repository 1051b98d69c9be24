"""The client report: both languages, Markdown and HTML, the plan, preferences, templates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from altgafam import __version__
from altgafam.report.i18n import WORDS

from .conftest import HERE, ROOT, Runner
from .test_hostile import assert_clean_html

EXAMPLE = str(ROOT / "examples" / "agency-tools.txt")
GOLDEN = HERE / "golden"
HEADINGS = [
    "title", "summary", "tools", "plan", "phase_quick", "phase_medium", "phase_heavy", "keep",
    "clarify", "method", "alternative", "license", "kind", "hosting", "effort", "as_written",
    "vendor", "owner", "line", "note", "listed", "proprietary", "gafam_owned", "already_libre",
    "unknown", "score", "by_company", "client", "catalog",
]  # fmt: skip


def report(runner: Runner, *args: str, env: dict[str, str] | None = None) -> str:
    base = ["scan", EXAMPLE, "--client", "Coopérative Exemple", "--date", "2026-11-26"]
    result = runner.invoke([*base, *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.replace(__version__, "VERSION")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_example_report_goldens(runner: Runner, fmt: str, lang: str) -> None:
    import os

    text = report(runner, "-f", fmt, "--lang", lang)
    path = GOLDEN / f"agency.{lang}.{'md' if fmt == 'markdown' else 'html'}"
    if os.environ.get("ALTGAFAM_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_every_word_exists_in_both_languages() -> None:
    for key, words in WORDS.items():
        assert set(words) == {"en", "fr"} and all(words.values()), key


def test_no_english_heading_remains_in_the_french_report(runner: Runner) -> None:
    for fmt in ("markdown", "html"):
        text = report(runner, "-f", fmt, "--lang", "fr")
        english = {WORDS[k]["en"] for k in HEADINGS if WORDS[k]["en"] != WORDS[k]["fr"]}
        if fmt == "markdown":
            headings = [
                line.lstrip("#| ").split(" |")[0]
                for line in text.splitlines()
                if line.startswith(("#", "| "))
            ]
        else:
            headings = re.findall(r"<(?:h\d|th|td)[^>]*>([^<]+)<", text)
        found = {h.strip() for h in headings} & english
        assert found == set(), (fmt, found)


def test_the_html_report_is_self_contained_and_clean(runner: Runner) -> None:
    text = report(runner, "-f", "html", "--client", "<script>alert(1)</script> & Co")
    assert_clean_html(text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in text
    assert not re.search(r"<(?:link|script|img|iframe|object|embed)\b", text)
    assert not re.search(r"@import|url\(|src=", text)
    assert "@media print" in text


def test_language_follows_the_locale(runner: Runner) -> None:
    assert report(runner, "-f", "markdown", env={"LANG": "fr_FR.UTF-8", "LC_ALL": ""}).startswith(
        "# Rapport de migration"
    )
    assert report(runner, "-f", "markdown", env={"LANG": "C.UTF-8", "LC_ALL": ""}).startswith(
        "# Migration report"
    )


def _alternatives(runner: Runner, *args: str) -> dict[str, list[str]]:
    doc = json.loads(report(runner, "-f", "json", *args))
    return {r["input"]: [a["id"] for a in r["alternatives"]] for r in doc["results"]}


def test_preferences_change_the_ranking(runner: Runner) -> None:
    plain = _alternatives(runner)
    assert (
        plain["Google Docs" if "Google Docs" in plain else "googel docs"][0] == "collabora-online"
    )
    eu = _alternatives(runner, "--prefer", "eu")
    # ONLYOFFICE Docs has a hosted offer in the EU (Latvia); Collabora Online, first before, none.
    assert eu["googel docs"][0] == "onlyoffice-docs"
    assert sorted(eu["googel docs"]) == sorted(plain["googel docs"])
    desktop = _alternatives(runner, "--require", "desktop")
    assert desktop["googel docs"] == ["libreoffice"]
    no_desktop = _alternatives(runner, "--exclude", "desktop")
    assert "libreoffice" not in no_desktop["googel docs"]
    one = _alternatives(runner, "--max-alternatives", "1")
    assert all(len(v) <= 1 for v in one.values())
    hosted = _alternatives(runner, "--prefer", "self-hosted", "--max-alternatives", "2")
    assert len(hosted["Gmail"]) == 2


def test_unknown_preference_tag_is_a_usage_error(runner: Runner) -> None:
    result = runner.invoke(["scan", EXAMPLE, "--prefer", "self-hostabel"])
    assert result.exit_code == 2
    assert "unknown tag 'self-hostabel' (did you mean 'self-hostable'?)" in result.stderr


def test_an_agency_template(runner: Runner, tmp_path: Path) -> None:
    template = tmp_path / "brand.md.j2"
    template.write_text(
        "# {{ doc.client | md }} — {{ t('score') }} {{ doc.score }}/100\n"
        "{% for label, tools in doc.phases %}{{ t(label) }}: {{ tools | length }}\n{% endfor %}",
        encoding="utf-8",
    )
    text = report(runner, "-f", "markdown", "--lang", "fr", "--template", str(template))
    assert text.startswith("# Coopérative Exemple — Score de dépendance ")
    assert "Phase 1\u202f: gains rapides: " in text
    broken = tmp_path / "broken.md.j2"
    broken.write_text("{{ doc.nothing_here }}", encoding="utf-8")
    result = runner.invoke(["scan", EXAMPLE, "-f", "markdown", "--template", str(broken)])
    assert result.exit_code == 2 and "template error" in result.stderr
    result = runner.invoke(["scan", EXAMPLE, "-f", "json", "--template", str(template)])
    assert result.exit_code == 2
    assert result.stderr == "altgafam: error: --template goes with --format markdown or html\n"


def test_terminal_table_fits_80_columns_and_is_plain_when_piped(runner: Runner) -> None:
    result = runner.invoke(["scan", EXAMPLE], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "\x1b[" not in result.stdout


def test_dependency_score_is_documented_and_bounded(runner: Runner) -> None:
    text = report(runner, "-f", "markdown", "--lang", "en")
    score = int(re.search(r"Dependency score: (\d+)/100", text).group(1))  # type: ignore[union-attr]
    assert 0 <= score <= 100
    assert "weighted by how critical its category is" in text
