"""webappanalyzer's technology fingerprints (data/technologies.json.gz): loaded once, on the
first `site` run that needs them, and matched against what a static fetch sees."""

from __future__ import annotations

import functools
import gzip
import json
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from altgafam.site.jsregex import MAX_INPUT

DATA = Path(__file__).resolve().parent / "data" / "technologies.json.gz"
# Seconds of pattern matching one page may take, all kinds together. Past it, the page's
# remaining patterns are not tried and the run says so: a page is never held longer.
PAGE_BUDGET = 2.0


class Technology(NamedTuple):
    """One fingerprinted technology and the facts altgafam uses."""

    name: str
    cats: tuple[int, ...]
    saas: bool
    oss: bool
    website: str
    implies: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    requires_cats: tuple[int, ...] = ()
    excludes: tuple[str, ...] = ()


class Rule(NamedTuple):
    """One pattern of one technology: the regex (compiled on first use) and its literal."""

    tech: str
    regex: str
    literal: str


class Hit(NamedTuple):
    """A technology seen: where, and what showed it (`kind`: scriptSrc, headers, ...)."""

    tech: str
    kind: str
    where: str
    match: str


class Page(NamedTuple):
    """What one fetched page shows a static reader."""

    url: str
    html: str
    scripts: tuple[str, ...] = ()  # the addresses of <script src>, absolute
    metas: tuple[tuple[str, str], ...] = ()  # (name, content), names in lower case
    inline: tuple[str, ...] = ()  # inline scripts
    headers: tuple[tuple[str, str], ...] = ()  # response headers, Set-Cookie included


class Budget:
    """The time a page's matching may still take; `spent` once it ran out."""

    def __init__(self, seconds: float = PAGE_BUDGET) -> None:
        self.deadline = time.monotonic() + seconds
        self.spent = False

    def over(self) -> bool:
        if not self.spent and time.monotonic() > self.deadline:
            self.spent = True
        return self.spent


def _rules(tech: str, pairs: Iterable[list[str]]) -> list[Rule]:
    return [Rule(tech, regex, literal) for regex, literal in pairs]


class Fingerprints:
    """The imported technologies, indexed by what each kind is matched on."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.source: dict[str, str] = doc["source"]
        self.counts: dict[str, Any] = doc["counts"]
        self.categories = {int(k): v for k, v in doc["categories"].items()}
        self.technologies: dict[str, Technology] = {}
        self.lists: dict[str, list[Rule]] = {k: [] for k in ("scriptSrc", "html", "scripts", "url")}
        self.keyed: dict[str, dict[str, list[Rule]]] = {"meta": {}, "headers": {}, "cookies": {}}
        self.cookie_prefixes: list[tuple[str, Rule]] = []
        self.dns: dict[str, list[Rule]] = {}
        for name, raw in doc["technologies"].items():
            self.technologies[name] = Technology(
                name,
                tuple(raw["cats"]),
                bool(raw.get("saas")),
                bool(raw.get("oss")),
                raw.get("website", ""),
                tuple(raw.get("implies", ())),
                tuple(raw.get("requires", ())),
                tuple(raw.get("requiresCategory", ())),
                tuple(raw.get("excludes", ())),
            )
            for kind, rules in self.lists.items():
                rules.extend(_rules(name, raw.get(kind, ())))
            for kind, table in self.keyed.items():
                for key, pairs in raw.get(kind, {}).items():
                    if kind == "cookies" and key.endswith("*"):
                        prefix = key[:-1].lower()
                        self.cookie_prefixes.extend((prefix, r) for r in _rules(name, pairs))
                    else:
                        table.setdefault(key.lower(), []).extend(_rules(name, pairs))
            for record, pairs in raw.get("dns", {}).items():
                self.dns.setdefault(record, []).extend(_rules(name, pairs))
        self.failed: set[str] = set()  # patterns this Python refused at run time

    @property
    def skipped(self) -> int:
        """Patterns not used: refused by the import, or by this Python when compiled."""
        return int(self.counts["skipped"]) + len(self.failed)

    def _compiled(self, regex: str) -> re.Pattern[str] | None:
        try:
            return _compile(regex)
        except re.error:
            self.failed.add(regex)
            return None

    def _test(self, rule: Rule, text: str, folded: str) -> bool:
        """Whether `rule` matches `text` (`folded`, its lower case, for the literal)."""
        if rule.literal and rule.literal not in folded:
            return False
        if not rule.regex:
            return True
        pattern = self._compiled(rule.regex)
        return pattern is not None and pattern.search(text) is not None

    def _each(self, kind: str, text: str, where: str, shown: str, budget: Budget) -> list[Hit]:
        text = _bounded(text, kind)
        folded = text.lower()
        hits = []
        for rule in self.lists[kind]:
            if budget.over():
                break
            if self._test(rule, text, folded):
                hits.append(Hit(rule.tech, kind, where, shown))
        return hits

    def script(self, url: str, where: str, budget: Budget) -> list[Hit]:
        """Technologies a script's address shows."""
        return self._each("scriptSrc", url, where, url, budget)

    def code(self, text: str, where: str, budget: Budget) -> list[Hit]:
        """Technologies a script the site serves itself shows in its code."""
        return self._each("scripts", text, where, "script", budget)

    def page(self, page: Page, budget: Budget) -> list[Hit]:
        """Technologies one page shows (its scripts' addresses apart: see `script`)."""
        hits = self._each("url", page.url, page.url, page.url, budget)
        for hit in self._each("html", page.html, page.url, "HTML", budget):
            hits.append(hit._replace(match=self._html_match(hit.tech, page.html)))
        for code in page.inline:
            hits.extend(self._each("scripts", code, page.url, "inline script", budget))
        for name, content in page.metas:
            for rule in self.keyed["meta"].get(name, ()):
                text = _bounded(content, "meta")
                if self._test(rule, text, text.lower()):
                    hits.append(Hit(rule.tech, "meta", page.url, f'meta {name}="{text[:80]}"'))
        hits.extend(self.headers(page.headers, page.url))
        return hits

    def _html_match(self, tech: str, html: str) -> str:
        """What an HTML pattern matched, short, for the evidence."""
        text = _bounded(html, "html")
        for rule in self.lists["html"]:
            if rule.tech == tech and (pattern := self._compiled(rule.regex)):
                found = pattern.search(text)
                if found:
                    return " ".join(found.group(0).split())[:100]
        return "HTML"

    def headers(self, headers: Iterable[tuple[str, str]], where: str) -> list[Hit]:
        """Technologies response headers show, cookies (Set-Cookie) included."""
        hits = []
        for name, value in headers:
            name = name.lower()
            if name == "set-cookie":
                hits.extend(self.cookie(value, where))
                continue
            value = _bounded(value, "headers")
            for rule in self.keyed["headers"].get(name, ()):
                if self._test(rule, value, value.lower()):
                    shown = f"{name}: {value[:80]}" if value else name
                    hits.append(Hit(rule.tech, "headers", where, shown))
        return hits

    def cookie(self, set_cookie: str, where: str) -> list[Hit]:
        """Technologies one Set-Cookie header shows, by the cookie's name (and value)."""
        pair = set_cookie.split(";", 1)[0]
        name, _, value = pair.partition("=")
        name, value = name.strip(), _bounded(value.strip(), "cookies")
        folded = name.lower()
        rules = list(self.keyed["cookies"].get(folded, ()))
        rules.extend(r for prefix, r in self.cookie_prefixes if folded.startswith(prefix))
        return [
            Hit(rule.tech, "cookies", where, f"cookie {name}")
            for rule in rules
            if self._test(rule, value, value.lower())
        ]

    def record(self, rtype: str, value: str) -> list[str]:
        """Technologies one DNS record shows (MX, NS, TXT, SOA, CNAME)."""
        value = _bounded(value, "dns")
        folded = value.lower()
        return [r.tech for r in self.dns.get(rtype, ()) if self._test(r, value, folded)]

    def resolve(self, seen: Iterable[str]) -> dict[str, str | None]:
        """The technologies detected once requires, excludes and implies are applied: each
        name with the technology that implied it (None when seen itself)."""
        found: dict[str, str | None] = {n: None for n in seen if n in self.technologies}
        cats = {c for n in found for c in self.technologies[n].cats}
        for name in list(found):
            tech = self.technologies[name]
            missing = tech.requires and not any(r in found for r in tech.requires)
            if missing or (tech.requires_cats and not cats & set(tech.requires_cats)):
                del found[name]
        queue = list(found)
        while queue:
            name = queue.pop()
            for implied in self.technologies[name].implies:
                if implied in self.technologies and implied not in found:
                    found[implied] = name
                    queue.append(implied)
        excluded = {e for n in found for e in self.technologies[n].excludes}
        return {n: by for n, by in found.items() if n not in excluded}


def _bounded(text: str, kind: str) -> str:
    """The part of `text` a pattern of `kind` is tried on: the start and, for a page, its
    end too (scripts and comments that pages put last)."""
    limit = MAX_INPUT[kind]
    if len(text) <= limit:
        return text
    if kind in ("html", "scripts"):
        tail = limit // 4
        return text[: limit - tail] + "\n" + text[-tail:]
    return text[:limit]


@functools.cache
def _compile(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def load(path: Path = DATA) -> Fingerprints:
    """The shipped fingerprints, read once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return Fingerprints(json.load(file))
