"""The imported fingerprints: their counts, the safety of their patterns, the map that joins
them to the catalog, and a sample of 20 technologies end to end (what a page shows, what it
is detected as, what the catalog makes of it)."""

from __future__ import annotations

import gzip
import json

import pytest

from altgafam.catalog import store
from altgafam.site import fingerprints as fpmod
from altgafam.site import jsregex
from altgafam.site.fingerprints import Budget, Page
from altgafam.site.join import Joiner, Target, rules

FP = fpmod.load()
CATALOG = store.load_cached()
JOIN = Joiner(CATALOG, FP, rules())


def test_the_import_says_what_it_kept_and_skipped() -> None:
    with gzip.open(fpmod.DATA, "rt", encoding="utf-8") as file:
        doc = json.load(file)
    counts = doc["counts"]
    assert doc["source"]["commit"] == "1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6"
    assert counts["upstream"] == 7586 and counts["technologies"] == len(FP.technologies) > 5000
    assert counts["skipped"] == sum(counts["skipped_reasons"].values()) > 0
    assert FP.skipped >= counts["skipped"]
    notice = (fpmod.DATA.parent / "technologies.NOTICE.md").read_text(encoding="utf-8")
    assert doc["source"]["commit"] in notice and "GPL-3.0" in notice
    assert (fpmod.DATA.parent / "technologies.LICENSE").is_file()


@pytest.mark.parametrize(
    ("js", "reason"),
    [
        ("(a+)+$", "nested quantifiers"),
        ("(?:\\w+\\s?)*x", "nested quantifiers"),
        ("(a)\\1", "backreference"),
        (".*a.*b.*c.*d", "too many unbounded wildcards"),
        ("(?<=a+)b", "does not compile in Python"),
        ("[^]", "JavaScript-only syntax"),
    ],
)
def test_unsafe_patterns_are_refused(js: str, reason: str) -> None:
    with pytest.raises(jsregex.Unsafe, match=reason):
        jsregex.translate(js)


def test_translation() -> None:
    found = jsregex.translate("/jquery-(\\d+\\.\\d+)\\.js\\;version:\\1")
    assert found == jsregex.Pattern("/jquery-(\\d+\\.\\d+)\\.js", "/jquery-")
    assert jsregex.translate("(?<v>[\\d.]+)x").regex == "(?P<v>[\\d.]+)x"


def test_a_hostile_page_is_bounded_and_stops_when_its_budget_is_spent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # How long the shipped patterns take on such a page is measured in benchmarks/run.py;
    # here, what bounds it: patterns see only a bounded part of the page, and once the
    # page's budget is spent no further pattern is tried.
    hostile = ("<a " + "a" * 50 + " " * 50 + "=" * 50) * 4000
    assert len(fpmod._bounded(hostile, "html")) <= fpmod.MAX_INPUT["html"] + 1
    assert len(fpmod._bounded(hostile, "scripts")) <= fpmod.MAX_INPUT["scripts"] + 1
    tried: list[str] = []
    real = FP._test

    def counting(rule: fpmod.Rule, text: str, folded: str) -> bool:
        tried.append(rule.tech)
        return real(rule, text, folded)

    monkeypatch.setattr(FP, "_test", counting)
    spent = Budget(0.0)
    spent.deadline = 0.0  # already past, whatever the clock says
    FP.page(Page("https://example.org/", hostile, inline=(hostile,)), spent)
    assert spent.spent
    assert tried == []
    tried.clear()
    FP.page(Page("https://example.org/", "<html></html>"), Budget(60.0))
    assert len(tried) >= len(FP.lists["html"])  # with budget left, every pattern is tried


def test_the_map_names_only_what_exists() -> None:
    mapping = rules()
    for name, target in mapping.techs.items():
        assert name in FP.technologies, name
        check(target)
    for target in [*mapping.hosts.values(), *(t for _, t in mapping.networks)]:
        check(target)
    assert set(mapping.categories.values()) <= set(CATALOG.categories)
    assert set(mapping.categories) <= set(FP.categories)


def check(target: Target) -> None:
    table = {
        "service": CATALOG.services,
        "vendor": CATALOG.vendors,
        "alternative": CATALOG.alternatives,
    }.get(target.kind)
    assert table is None or target.id in table, target


# Twenty technologies, each as a real page shows it, and what altgafam makes of it.
SAMPLE = [
    ("Google Analytics", "script", "https://www.google-analytics.com/analytics.js", "service"),
    ("Hotjar", "script", "https://static.hotjar.com/c/hotjar-1.js?sv=6", "service"),
    ("Stripe", "script", "https://js.stripe.com/v3/", "service"),
    ("Criteo", "script", "https://static.criteo.net/js/ld/ld.js", "third-party"),
    ("Plausible", "script", "https://plausible.io/js/plausible.js", "alternative"),
    ("jQuery", "script", "/static/jquery-3.7.1.min.js", "libre"),
    ("Google Hosted Libraries", "script", "https://ajax.googleapis.com/ajax/libs/x.js", "vendor"),
    ("Calendly", "script", "https://assets.calendly.com/assets/external/widget.js", "service"),
    ("Cloudflare", "header", "Server: cloudflare", "service"),
    ("Amazon CloudFront", "header", "x-amz-cf-id: abc==", "service"),
    ("Netlify", "header", "x-nf-request-id: 01H", "service"),
    ("Vercel", "header", "server: Vercel", "service"),
    ("Shopify", "cookie", "_shopify_s=abc; Path=/", "service"),
    ("Axeptio", "cookie", "axeptio_cookies=1", "service"),
    ("Microsoft Advertising", "cookie", "_uetsid=1", "service"),
    ("WordPress", "meta", "generator: WordPress 6.6", "alternative"),
    ("Drupal", "meta", "generator: Drupal 10 (https://www.drupal.org)", "alternative"),
    ("Google Tag Manager", "html", "<!-- Google Tag Manager -->", "service"),
    ("Google Workspace", "dns", "MX aspmx.l.google.com", "service"),
    ("Microsoft 365", "dns", "MX example-org.mail.protection.outlook.com", "service"),
]


@pytest.mark.parametrize(("tech", "where", "shown", "kind"), SAMPLE, ids=[s[0] for s in SAMPLE])
def test_twenty_technologies_end_to_end(tech: str, where: str, shown: str, kind: str) -> None:
    budget = Budget()
    url = "https://example.org/"
    if where == "script":
        names = {h.tech for h in FP.script(shown, url, budget)}
    elif where in ("header", "cookie"):
        name, _, value = shown.partition(": ") if where == "header" else ("Set-Cookie", "", shown)
        names = {h.tech for h in FP.headers([(name, value)], url)}
    elif where == "meta":
        name, _, content = shown.partition(": ")
        names = {h.tech for h in FP.page(Page(url, "", metas=((name, content),)), budget)}
    elif where == "html":
        names = {h.tech for h in FP.page(Page(url, f"<html>{shown}</html>"), budget)}
    else:
        rtype, _, value = shown.partition(" ")
        names = set(FP.record(rtype, value))
    assert tech in names
    target = JOIN.technology(tech)
    assert target.kind == kind
    if kind == "service":
        service = CATALOG.services[target.id]
        assert CATALOG.owner(service.vendor).name  # an owner, and the catalog's alternatives
