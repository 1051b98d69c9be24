"""French everywhere: typography, dates in words, plurals and elision in the reports, and the
terminal tables in the report's language."""

# The expected French is written with its own apostrophe (U+2019):
# ruff: noqa: RUF001

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from altgafam.catalog import loader
from altgafam.models import Catalog, Preferences, Report
from altgafam.report import table
from altgafam.report.document import render_site
from altgafam.report.i18n import WORDS, de, long_date, t
from altgafam.report.typography import NNBSP, french
from altgafam.site import plan as siteplan
from altgafam.site.plan import SiteReport

from .conftest import HERE, ROOT, Runner

SITE = HERE / "fixtures" / "site"
# A list that calls on every rule: names before which "de" elides or not (Instagram,
# YouTube, HubSpot), a discontinued service (Skype), and lines kept as written in the
# "to clarify" table: a misspelling (did you mean … ?), a time, a URL with a colon and a
# query, markup, an exclamation.
LIST = """YouTube
Instagram
HubSpot CRM
Skype
Google Docs
Slaxxk
réunion hebdo 14:30 ; voir https://exemple.org/a:b?c=d
<b>Outil maison</b> : [lien](x) !
"""
# A regular or no-break space before a French high mark, or missing inside guillemets.
WRONG_SPACE = re.compile(r"[ \u00a0][;:?!](?:\s|$)|«[ \u00a0]|[ \u00a0]»")
STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from .conftest import Runner as Run

    folder = tmp_path_factory.mktemp("typo")
    tools = folder / "outils.txt"
    tools.write_text(LIST, encoding="utf-8")
    out: dict[str, str] = {}
    for fmt, suffix in (("markdown", "md"), ("html", "html")):
        for lang in ("fr", "en"):
            target = folder / f"report.{lang}.{suffix}"
            args = ["scan", str(tools), "-f", fmt, "--lang", lang, "-o", str(target)]
            result = Run().invoke([*args, "--client", "Coop : Exemple", "--date", "2026-11-26"])
            assert result.exit_code == 0, result.output
            out[f"{lang}.{suffix}"] = target.read_text(encoding="utf-8")
    return out


class _Text(HTMLParser):
    """The text a reader sees: outside tags, <style> left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def readable(reports: dict[str, str]) -> dict[str, str]:
    """The French reports as read: the HTML's text, the Markdown without its code spans."""
    return {
        "md": re.sub(r"`[^`]*`", "", reports["fr.md"]),
        "html": visible(reports["fr.html"]),
    }


def test_french_spacing_rules_in_the_reports(reports: dict[str, str]) -> None:
    for name, text in readable(reports).items():
        assert WRONG_SPACE.findall(text) == [], name
        for mark in ";:?":
            assert NNBSP + mark in text, (name, mark)
        assert "«" + NNBSP in text and NNBSP + "»" in text, name
    # The exclamation mark of a line as written, after Markdown escaping (\!) too.
    assert f"[lien\\](x){NNBSP}\\!" in reports["fr.md"]
    assert f"[lien](x){NNBSP}!" in visible(reports["fr.html"])


def test_typographic_apostrophe_everywhere_in_french(reports: dict[str, str]) -> None:
    for name, text in readable(reports).items():
        assert STRAIGHT_APOSTROPHE.findall(text) == [], name
        assert "Tel qu’écrit" in text and "l’OSI" in text, name


def test_urls_times_and_code_are_left_alone(reports: dict[str, str]) -> None:
    md, html = reports["fr.md"], reports["fr.html"]
    # The URL keeps its colon and query, the time its colon; the clause after them is set.
    assert "`https://exemple.org/a:b?c=d`" in md
    assert "https://exemple.org/a:b?c=d" in visible(html)
    for text in (md, visible(html)):
        assert f"14:30{NNBSP};" in text
    assert '<a href="https://www.youtube.com' not in html  # YouTube is a service, not a link
    assert all(NNBSP not in url for url in re.findall(r"https?://[^\s<>\"`)]+", html))


def test_markdown_and_html_escaping_still_happen(reports: dict[str, str]) -> None:
    assert f"\\<b\\>Outil maison\\</b\\>{NNBSP}: \\[lien\\](x)" in reports["fr.md"]
    assert f"&lt;b&gt;Outil maison&lt;/b&gt;{NNBSP}: [lien](x)" in reports["fr.html"]
    assert "<b>Outil" not in reports["fr.html"]


def test_elision_and_dates_in_words(reports: dict[str, str]) -> None:
    for text in (reports["fr.md"], visible(reports["fr.html"])):
        assert "Passer de YouTube à" in text
        assert "Passer d’Instagram" in text
        assert "Passer de HubSpot CRM à" in text
        assert "Fermé le 5 mai 2025." in text
        assert "| 26 novembre 2026 |" in text or "Date26 novembre 2026" in text
    for text in (reports["en.md"], visible(reports["en.html"])):
        assert "Closed on 5 May 2025." in text
    assert de("YouTube") == "de YouTube" and de("Yahoo Mail") == "de Yahoo Mail"
    assert de("Evernote") == "d’Evernote" and de("Heroku") == "de Heroku"
    assert long_date("fr", dt.date(2025, 10, 1)) == "1er octobre 2025"
    assert long_date("fr", dt.date(2025, 10, 14)) == "14 octobre 2025"
    assert long_date("en", dt.date(2025, 10, 14)) == "14 October 2025"


def test_plurals() -> None:
    assert t("fr", "pages_read", n=1) == "1 page lue"
    assert t("fr", "pages_read", n=2) == "2 pages lues"
    assert t("fr", "pages_read", n=0) == "0 page lue"
    assert t("en", "pages_read", n=1) == "1 page read"
    assert t("en", "pages_read", n=0) == "0 pages read"
    assert t("fr", "more_lines", n=1) == "+1 ligne"


@pytest.fixture(scope="module")
def site(shipped: Catalog) -> SiteReport:
    warnings: list[str] = []
    return siteplan.build([str(SITE)], shipped, Preferences(), 10, warnings.append)


def test_site_report_counts_pages_in_words(site: SiteReport) -> None:
    day = dt.date(2026, 11, 26)
    for pages, words in ((1, "1 page lue"), (2, "2 pages lues")):
        one = site._replace(pages=pages)
        for fmt in ("markdown", "html"):
            text = render_site(one, fmt, "fr", "Boulangerie", "VERSION", date=day)
            assert f"({words} depuis" in text, (fmt, pages)


def test_the_site_report_has_the_scan_title_block(site: SiteReport) -> None:
    day = dt.date(2026, 11, 26)
    md = render_site(site, "markdown", "fr", "Boulangerie", "VERSION", date=day)
    assert md.startswith("---\ntitle: ")
    assert f"\n...\n\n# Dépendances du site web{NNBSP}: Boulangerie\n" in md
    assert "| Client | Boulangerie |" in md and "| Date | 26 novembre 2026 |" in md
    assert "| altgafam | VERSION |" in md
    gafam = sum(1 for f in site.findings if f.gafam)
    assert "## Synthèse" in md and f"| Détenus par les GAFAM | {gafam} |" in md
    html = render_site(site, "html", "en", "Bakery", "VERSION", date=day)
    assert "<h1>Website dependencies: Bakery</h1>" in html
    assert "<tr><td>Date</td><td>26 November 2026</td></tr>" in html
    assert f'<tr><td>Third-party services found</td><td class="num">{len(site.findings)}' in html


def test_markdown_metadata_block_and_quote_blocks(reports: dict[str, str]) -> None:
    md = reports["fr.md"]
    block = re.match(r"---\n(.*?)\n\.\.\.\n", md, re.S)
    assert block is not None
    import yaml

    meta = yaml.safe_load(block.group(1))
    assert meta == {
        "title": f"Rapport de migration{NNBSP}: Coop{NNBSP}: Exemple",
        "lang": "fr",
        "date": "26 novembre 2026",
    }
    lines = md.splitlines()
    quotes = [i for i, line in enumerate(lines) if line.startswith(">")]
    assert quotes
    assert all(lines[i - 1] == "" for i in quotes)


def test_metadata_values_are_escaped_for_yaml(runner: Runner, tmp_path: Path) -> None:
    import yaml

    tools = tmp_path / "t.txt"
    tools.write_text("Slack\n", encoding="utf-8")
    client = 'a: "b" \\ #c\n- [d]'
    result = runner.invoke(["scan", str(tools), "-f", "markdown", "--client", client])
    assert result.exit_code == 0, result.output
    block = re.match(r"---\n(.*?)\n\.\.\.\n", result.stdout, re.S)
    assert block is not None
    title = yaml.safe_load(block.group(1))["title"]
    # The value is the heading as Markdown: pandoc reads metadata strings as Markdown.
    assert title.startswith('Migration report: a: "b" \\\\ \\#c')


def test_every_french_word_follows_the_rules() -> None:
    for key, words in WORDS.items():
        assert french(words["fr"]) == words["fr"], key


def test_catalog_french_texts_follow_the_rules() -> None:
    catalog = loader.load()
    texts = [s.description for s in catalog.services.values()]
    texts += [a.description for a in catalog.alternatives.values()]
    texts += [r.note for s in catalog.services.values() for r in s.alternatives if r.note]
    texts += [c.label for c in catalog.categories.values()]
    wrong = [x.fr for x in texts if x is not None and french(x.fr) != x.fr]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Note: voir", f"Note{NNBSP}: voir"),
        ("lequel : A ?", f"lequel{NNBSP}: A{NNBSP}?"),
        ("Quoi?!", f"Quoi{NNBSP}?!"),
        ("« texte »", f"«{NNBSP}texte{NNBSP}»"),
        ("l'OSI et 'code'", "l’OSI et 'code'"),
        ("à 14:30 ; C:\\x", f"à 14:30{NNBSP}; C:\\x"),
        ("https://x.org/a?b=1 ; fin", f"https://x.org/a?b=1{NNBSP}; fin"),
        ("voir `a : b` !", f"voir `a : b`{NNBSP}!"),
        ("a&#96; b", "a&#96; b"),
        ("Easy!Appointments", "Easy!Appointments"),
        ("Bravo\\!", f"Bravo{NNBSP}\\!"),
        ("écrire à x@y.org : oui", f"écrire à x@y.org{NNBSP}: oui"),
    ],
)
def test_french(text: str, expected: str) -> None:
    assert french(text) == expected
    assert french(expected) == expected


def _scan(mini: Catalog, text: str) -> Report:
    from altgafam.advice import plan
    from altgafam.scan import matcher
    from altgafam.scan.inputs import parse_text

    index = matcher.build_index(mini)
    return plan.build_report(matcher.match_all(parse_text(text), index), mini)


def test_terminal_tables_speak_french(mini: Catalog, site: SiteReport) -> None:
    from .test_formats import LIST as MINI_LIST

    report = _scan(mini, MINI_LIST)
    text = table.plain(table.table(report, alternatives=1, width=120, lang="fr"), 160)
    for words in ("Tel qu’écrit", "Reconnu comme", "Éditeur (propriétaire)", "moyen"):
        assert words in text, words
    assert "Alternatives libres" in text and "fermé en 2025" in text
    assert "+1 autre" in text and "inconnu" in text and "libre" in text
    assert f"9 outils{NNBSP}: 5 propriétaires (4 GAFAM), 2 libres" in text
    assert f"Mattermost{NNBSP}: MIT, moyen" in text
    english = ("As written", "Recognised", "Vendor (owner)", "more", "unknown", "medium")
    assert not [w for w in english if w in text]
    assert table.render(report, width=120, lang="fr") == table.plain(
        table.table(report, width=120, lang="fr"), 120
    )
    summary = table.plain(table.summary_table(report, lang="fr"), 200)
    assert "Lignes" in summary and "oui" in summary and "synthèse par produit" in summary
    assert f"Pour chaque ligne{NNBSP}:" in summary and "Lines" not in summary
    assert "Reconnu comme" in table.plain(table.for_terminal(report, 120, lang="fr"), 120)
    sited = table.plain(table.site_table(site, 120, lang="fr"), 160)
    assert "Service (propriétaire)" in sited and "Preuves" in sited and "Remède libre" in sited
    assert "services trouvés" in sited and "détenus par les GAFAM" in sited
    assert "pages)" in sited and "Evidence" not in sited


def test_the_english_table_is_unchanged_by_default(mini: Catalog) -> None:
    from .test_formats import LIST as MINI_LIST

    report = _scan(mini, MINI_LIST)
    golden = (ROOT / "tests" / "golden" / "mini.txt").read_text(encoding="utf-8")
    assert table.render(report, width=100) == golden
