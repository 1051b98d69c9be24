"""A domain's mail, DNS and hosting, asked of a DNS server stub on 127.0.0.1 (never the
network): MX at Google, NS at Cloudflare, SPF includes, an address in Cloudflare's ranges."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import dns.message
import dns.rcode
import dns.rrset
import pytest

from altgafam.catalog import store
from altgafam.models import Preferences
from altgafam.site import plan as siteplan
from altgafam.site.domain import LookupFailed

from .conftest import Runner

ZONE = {
    ("example.org.", "MX"): ["10 aspmx.l.google.com.", "20 alt1.aspmx.l.google.com."],
    ("example.org.", "TXT"): ['"v=spf1 include:_spf.google.com include:servers.mcsv.net ~all"'],
    ("example.org.", "NS"): ["ada.ns.cloudflare.com.", "bob.ns.cloudflare.com."],
    ("example.org.", "A"): ["104.16.132.229"],
    ("www.example.org.", "CNAME"): ["example.org."],
}


@pytest.fixture(scope="module")
def resolver() -> Iterator[str]:
    """A UDP DNS server answering from ZONE; every other question under example.org gets an
    empty answer, any other name NXDOMAIN."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                wire, peer = sock.recvfrom(4096)
            except (TimeoutError, OSError):
                continue
            query = dns.message.from_wire(wire)
            answer = dns.message.make_response(query)
            question = query.question[0]
            rtype = dns.rdatatype.to_text(question.rdtype)
            name = question.name.to_text().lower()
            records = ZONE.get((name, rtype))
            if not name.endswith("example.org."):
                answer.set_rcode(dns.rcode.NXDOMAIN)
            elif records:
                answer.answer.append(
                    dns.rrset.from_text_list(question.name, 300, "IN", rtype, records)
                )
            sock.sendto(answer.to_wire(), peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"127.0.0.1:{sock.getsockname()[1]}"
    stop.set()
    thread.join()
    sock.close()


def findings(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["service"]["name"]: f for f in doc["findings"]}


def test_mail_at_google_dns_at_cloudflare(runner: Runner, resolver: str) -> None:
    result = runner.invoke(
        ["site", "--domain", "example.org", "--dns-server", resolver, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["domains"] == ["example.org"] and doc["pages"] == 0
    found = findings(doc)
    workspace = found["Google Workspace"]
    assert workspace["service"]["owner"] == "Alphabet" and workspace["service"]["gafam"]
    matches = [e["match"] for e in workspace["evidence"]]
    assert "MX example.org → aspmx.l.google.com" in matches
    assert "SPF example.org → include:_spf.google.com" in matches
    assert all(e["dns"] == "example.org" and e["kind"] == "dns" for e in workspace["evidence"])
    assert workspace["alternatives"]
    cloudflare = found["Cloudflare"]
    matches = [e["match"] for e in cloudflare["evidence"]]
    assert "NS example.org → ada.ns.cloudflare.com" in matches
    assert "A example.org → 104.16.132.229" in matches
    assert "Mailchimp" in found  # servers.mcsv.net in the SPF record


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_dns_findings_in_the_reports(runner: Runner, resolver: str, lang: str) -> None:
    for fmt in ("markdown", "html", "table"):
        args = ["site", "--domain", "example.org", "--dns-server", resolver, "--lang", lang]
        result = runner.invoke([*args, "-f", fmt], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        assert "Google Workspace" in result.stdout
        if fmt != "table":  # the table folds long evidence to its column
            assert "MX example.org → aspmx.l.google.com" in result.stdout


def test_no_dns_and_dns_errors_are_notes(runner: Runner, tmp_path: Any) -> None:
    page = tmp_path / "index.html"
    page.write_text("<p>nothing</p>", encoding="utf-8")
    offline = runner.invoke(
        ["site", str(page), "--domain", "example.org", "--no-dns", "-f", "json"]
    )
    assert offline.exit_code == 0 and json.loads(offline.stdout)["domains"] == []

    def failing(name: str, rtype: str) -> list[str]:
        raise LookupFailed("no answer in time")

    notes: list[str] = []
    report = siteplan.build(
        [str(page)],
        store.load_cached(),
        Preferences(),
        1,
        notes.append,
        domains=("example.org",),
        lookup=failing,
    )
    assert report.findings == () and report.domains == ("example.org",)
    assert notes == [
        "DNS of example.org: no answer in time; its mail, DNS and hosting were not all checked"
    ]


def test_bad_domain_and_server_are_usage_errors(runner: Runner) -> None:
    bad = runner.invoke(["site", "--domain", "exa mple"])
    assert bad.exit_code == 2 and "not a domain name" in bad.stderr
    server = runner.invoke(["site", "--domain", "example.org", "--dns-server", "nope"])
    assert server.exit_code == 2 and "--dns-server nope" in server.stderr
    nothing = runner.invoke(["site"])
    assert nothing.exit_code == 2 and "--domain" in nothing.stderr


def test_a_domain_that_does_not_exist_is_said(runner: Runner, resolver: str) -> None:
    result = runner.invoke(
        ["site", "--domain", "nowhere.example", "--dns-server", resolver, "-f", "json"]
    )
    assert result.exit_code == 0
    assert "DNS of nowhere.example: no such domain (NXDOMAIN)" in result.stderr
    assert json.loads(result.stdout)["findings"] == []
