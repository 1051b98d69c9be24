"""`altgafam site` on a fixture site served on 127.0.0.1 that loads 48 third parties the way
real pages do (tags, pixels, widgets, CDNs), some shown only by response headers or cookies;
and a page that only links to them, which must show none."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from typing import Any

import pytest

from .conftest import HERE, Runner, served
from .test_hostile import assert_clean_html

SITE = HERE / "fixtures" / "thirdparties"
# What the site's server says of itself: a CDN in front of the home page, another in front
# of the contact page, and cookies set by a shop and an A/B testing service.
HEADERS = {
    "/": [
        ("Server", "cloudflare"),
        ("cf-cache-status", "HIT"),
        ("Set-Cookie", "_shopify_s=abc; Path=/"),
        ("Set-Cookie", "optimizelyEndUserId=oeu1; Path=/"),
    ],
    "/contact.html": [
        ("x-amz-cf-id", "abcdef=="),
        ("Via", "1.1 0123.cloudfront.net (CloudFront)"),
        ("Set-Cookie", "__stripe_mid=xyz; Path=/"),
    ],
}
# Every third party of the fixture: the catalog's services by name (reviewed) and the SaaS
# the catalog does not describe (not reviewed).
SERVICES = {
    "Adobe Fonts", "Amazon CloudFront", "Amazon Web Services", "Calendly", "Cloudflare", "Crisp",
    "Disqus", "Google AdSense", "Google Analytics", "Google Fonts", "Google Maps Platform",
    "Google reCAPTCHA", "Google Tag Manager", "Hotjar", "HubSpot Marketing Hub", "Intercom",
    "LinkedIn Insight Tag", "Meta Pixel", "Microsoft Advertising", "Microsoft Clarity",
    "Mixpanel", "PayPal", "Pinterest", "Sentry", "Shopify", "Stripe", "tawk.to", "Tidio",
    "Trustpilot", "Typeform", "Vimeo", "X", "YouTube embeds", "Zendesk",
}  # fmt: skip
NOT_REVIEWED = {
    "Criteo", "DoubleClick Floodlight", "Google Hosted Libraries", "Google Publisher Tag", "Heap",
    "jsDelivr", "OneSignal", "Optimizely", "Outbrain", "Segment", "Taboola", "Unpkg",
    "Weglot", "Yandex.Metrika",
}  # fmt: skip
# Shown by no page: only by the server's headers or cookies.
HEADERS_ONLY = {"Amazon CloudFront", "Shopify", "Optimizely"}


class Handler(SimpleHTTPRequestHandler):
    # The test server answers as no product: "SimpleHTTP/0.6 Python/3.x" is libre software
    # the site audit would rightly report.
    server_version = "fixture"
    sys_version = ""

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in HEADERS.get(self.path, []):
            self.send_header(name, value)
        super().end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with served(SITE, Handler) as address:
        yield address


@pytest.fixture(scope="module")
def doc(server: str) -> dict[str, Any]:
    result = Runner().invoke(["site", f"{server}/", "-f", "json", "--no-dns"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def by_name(doc: dict[str, Any], kind: str | None = None) -> dict[str, dict[str, Any]]:
    return {f["service"]["name"]: f for f in doc["findings"] if kind is None or f["kind"] == kind}


def test_every_third_party_is_found(doc: dict[str, Any]) -> None:
    assert doc["schema_version"] == 3 and doc["pages"] == 3
    assert set(by_name(doc, "service")) == SERVICES
    assert set(by_name(doc, "third-party")) == NOT_REVIEWED
    assert len(SERVICES | NOT_REVIEWED) >= 40
    assert doc["summary"]["third_party"] == len(SERVICES | NOT_REVIEWED)
    assert doc["fingerprints"]["technologies"] > 5000


def test_headers_and_cookies_alone_show_a_third_party(doc: dict[str, Any]) -> None:
    found = by_name(doc)
    for name in HEADERS_ONLY:
        kinds = {e.get("kind") for e in found[name]["evidence"]}
        assert kinds <= {"headers", "cookies"}, (name, kinds)
    assert {"url": doc["targets"][0], "match": "cookie _shopify_s", "kind": "cookies"} in found[
        "Shopify"
    ]["evidence"]
    assert "sets-cookies" in found["Shopify"]["gdpr"]
    cloudfront = found["Amazon CloudFront"]
    assert cloudfront["service"]["owner"] == "Amazon" and cloudfront["service"]["gafam"]


def test_owners_alternatives_and_review(doc: dict[str, Any]) -> None:
    found = by_name(doc)
    analytics = found["Google Analytics"]
    assert analytics["service"]["owner"] == "Alphabet" and analytics["service"]["reviewed"]
    assert [a["id"] for a in analytics["alternatives"]][:1] == ["matomo"]
    heap = found["Heap"]  # analytics SaaS the catalog does not describe
    assert heap["kind"] == "third-party" and heap["service"]["reviewed"] is False
    assert heap["service"]["category"] == "analytics" and heap["service"]["owner"] is None
    assert "matomo" in [a["id"] for a in heap["alternatives"]]
    publisher = found["Google Publisher Tag"]  # not a catalog service, but Google's
    assert publisher["service"]["owner"] == "Alphabet" and publisher["service"]["gafam"]


def test_libre_software_and_cdn_dependencies(doc: dict[str, Any]) -> None:
    libre = by_name(doc, "libre")
    assert set(libre) == {"WordPress", "Matomo"}
    assert all(not f["alternatives"] and not f["service"]["gafam"] for f in libre.values())
    cdn = by_name(doc, "cdn")
    assert set(cdn) == {"jQuery", "Bootstrap", "Leaflet"}
    jquery = cdn["jQuery"]
    assert jquery["via"] == "Google Hosted Libraries" and jquery["service"]["gafam"] is True
    assert jquery["fix"] == "serve-yourself"
    assert jquery["evidence"][0]["match"].startswith("https://ajax.googleapis.com/ajax/libs/")
    assert cdn["Bootstrap"]["via"] == "jsDelivr" and cdn["Bootstrap"]["service"]["gafam"] is False


def test_consent_hints(doc: dict[str, Any]) -> None:
    found = by_name(doc)
    assert doc["consent_managers"] == []
    assert found["Hotjar"]["gdpr"] == ["before-consent"]
    assert found["Stripe"]["gdpr"] == ["sets-cookies", "before-consent"]
    assert found["WordPress"]["gdpr"] == []


def test_a_page_that_only_links_has_no_third_party(server: str, runner: Runner) -> None:
    result = runner.invoke(
        ["site", f"{server}/liens.html", "-f", "json", "--no-dns", "--max-pages", "1"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    # Its own stylesheet is WordPress's (libre, served by the site itself): nothing else.
    assert [(f["kind"], f["service"]["name"]) for f in doc["findings"]] == [("libre", "WordPress")]


def test_a_consent_manager_changes_the_hint(tmp_path: Any, runner: Runner) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<script src='https://consent.cookiebot.com/uc.js'></script>"
        "<script src='https://static.hotjar.com/c/hotjar-1.js'></script>",
        encoding="utf-8",
    )
    result = runner.invoke(["site", str(page), "-f", "json"])
    doc = json.loads(result.stdout)
    assert doc["consent_managers"] == ["Cookiebot"]
    assert by_name(doc)["Hotjar"]["gdpr"] == ["check-consent-manager"]
    assert by_name(doc)["Cookiebot"]["gdpr"] == []


WRONG_SPACE = re.compile(r"[ \u00a0][;:?!](?:\s|$)")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_format_and_language(server: str, runner: Runner, lang: str) -> None:
    base = ["site", f"{server}/", "--no-dns", "--lang", lang]
    md = runner.invoke([*base, "-f", "markdown"])
    assert md.exit_code == 0, md.output
    words = {
        "en": ("libre code loaded from Google Hosted Libraries", "Serve it yourself", "GDPR"),
        "fr": ("code libre chargé depuis Google Hosted Libraries", "Servez-le vous-même", "RGPD"),
    }[lang]
    for word in words:
        assert word in md.stdout
    assert ("not reviewed" if lang == "en" else "non examiné") in md.stdout
    html = runner.invoke([*base, "-f", "html"])
    assert html.exit_code == 0
    assert_clean_html(html.stdout)
    assert words[0] in html.stdout
    table = runner.invoke(base, env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "Criteo" in table.stdout
    if lang == "fr":
        for text in (md.stdout, table.stdout):
            assert not WRONG_SPACE.search(text.replace("https:", "").replace("http:", ""))


def test_scan_site_without_dns(
    server: str, runner: Runner, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import altgafam.site.domain as domain

    def no_lookup(*args: object, **kwargs: object) -> object:
        raise AssertionError("DNS was asked")

    monkeypatch.setattr(domain, "dnspython_lookup", no_lookup)
    tools = tmp_path / "tools.txt"
    tools.write_text("Slack\n", encoding="utf-8")
    result = runner.invoke(["scan", str(tools), "--site", f"{server}/", "--no-dns", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["site"]["pages"] == 3
