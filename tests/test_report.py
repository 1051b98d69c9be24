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
    "title", "summary", "tools", "stack", "roadmap", "phase_foundations", "phase_files", "keep",
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
    french = report(runner, "-f", "markdown", env={"LANG": "fr_FR.UTF-8", "LC_ALL": ""})
    assert "\n# Rapport de migration" in french and 'lang: "fr"' in french
    english = report(runner, "-f", "markdown", env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert "\n# Migration report" in english and 'lang: "en"' in english


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
        "{% for p in doc.roadmap %}{{ t('phase_' ~ p.phase) }}: {{ p.tools | length }}\n"
        "{% endfor %}",
        encoding="utf-8",
    )
    text = report(runner, "-f", "markdown", "--lang", "fr", "--template", str(template))
    assert text.startswith("# Coopérative Exemple — Score de dépendance ")
    assert "Phase 1\u202f: domaine, messagerie et comptes: " in text
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


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        # The sandbox: no way from a template to Python's internals, hence to a shell.
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}\n", 1, "unsafe"),
        ("x\n{{ lipsum.__globals__['os'].system('id') }}\n", 2, "unsafe"),
        ("a\n{% if %}\n", 2, "Expected an expression"),
        ("a\nb\n{{ 1/0 }}\n", 3, "division by zero"),
        ('{% include "agency.md.j2" %}\n', 1, "includes or calls itself"),
        ("a\n{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}\n", 2, "calls itself"),
        ("x\n{{ doc.nothing_here }}\n", 2, "has no attribute 'nothing_here'"),
        ("x\n\n{{ nowhere }}\n", 3, "'nowhere' is undefined"),
    ],
)
def test_template_errors_are_one_line_input_errors(
    runner: Runner, tmp_path: Path, body: str, line: int, reason: str
) -> None:
    template = tmp_path / "agency.md.j2"
    template.write_text(body, encoding="utf-8")
    result = runner.invoke(["scan", EXAMPLE, "-f", "markdown", "--template", str(template)])
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and result.stderr.count("\n") == 1
    prefix = f"altgafam: error: {template}:{line}: template error: "
    assert result.stderr.startswith(prefix), result.stderr
    assert reason in result.stderr
    assert "uid=" not in result.output


def test_a_template_that_is_not_utf8(runner: Runner, tmp_path: Path) -> None:
    from altgafam.errors import InputError
    from altgafam.report import document

    template = tmp_path / "latin1.html.j2"
    template.write_bytes("Rapport\nÉté {{ doc.client }}\n".encode("latin-1"))
    result = runner.invoke(["scan", EXAMPLE, "-f", "html", "--template", str(template)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"altgafam: error: {template}:2: template error: not UTF-8")
    site = document.render_site  # the site report goes through the same machinery
    with pytest.raises(InputError, match=r"latin1\.html\.j2:2: template error: not UTF-8"):
        site(None, "html", "fr", "", "V", template)  # type: ignore[arg-type]


def test_html_prints_on_a4_with_page_numbers_and_a_table_of_contents(runner: Runner) -> None:
    html = report(runner, "-f", "html", "--lang", "fr", "--client", 'Coop "Un" </style>')
    style = html[html.index("<style>") : html.index("</style>")]
    style = re.sub(r"/\*.*?\*/", "", style, flags=re.S)
    assert re.search(r"@page \{\s*size: A4;", style)
    assert re.search(r"@bottom-center \{\s*content: counter\(page\)", style)
    # The client's name in the margin, as a CSS string nothing can break out of.
    top = re.search(r"@top-right \{\s*content: (\"[^\"]*\");", style)
    assert top is not None and "</" not in top.group(1) and "\\22 " in top.group(1)
    assert re.search(r"h1, h2, h3, h4 \{ break-after: avoid; \}", style)
    # Addresses are printed after links in running text only, never in table cells.
    rules = re.findall(r"([^{}]*)\{[^{}]*attr\(href\)", style)
    assert rules
    selectors = [s.strip() for rule in rules for s in rule.split(",")]
    assert all(s.startswith(("p a", "li a")) for s in selectors), selectors
    ids = re.findall(r'<h2[^>]* id="([^"]+)"', html)
    links = re.findall(r'<li><a href="#([^"]+)">', html)
    assert links == [i for i in ids if i != "contents"]
    assert links[:4] == ["summary", "stack", "roadmap", "tools"] and links[-1] == "method"
    # A tool's heading, facts and table are kept together.
    assert re.search(r'<section class="keep">\n<h4>', html)
