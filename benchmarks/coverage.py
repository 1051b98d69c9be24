"""Catalog breadth: the share of each public list's proprietary names that altgafam recognises.

The lists are not shipped (their repositories are fetched by whoever runs this; benchmarks/README.md
records the commits measured): each is given by its path, as an option or an environment variable.

- awesome-privacy (Lissy93/awesome-privacy, `awesome-privacy.yml`, CC0): every `alternativeTo`;
- degooglisons (framasoft/degooglisons, `app/data/commons/services.yml`, CC0): every `gafam`
  name, the services each Framasoft service replaces;
- privacypack (ente-io/privacypack, `data/apps.json`, MIT): every `mainstream_apps` name.

A name is recognised when `altgafam scan` calls it proprietary, or when it is exactly the name
or an alias of a catalog service (a short one, "Line" or "Box", the matcher rightly leaves
ambiguous in a real list). Names are counted once per list, by the matcher's look-up key. The
share is printed over every name and over the names an organisation would list (OUT_OF_SCOPE,
below, with the reason for each group in benchmarks/README.md).

Run: python benchmarks/coverage.py [--awesome-privacy PATH] [--degooglisons PATH]
     [--privacypack PATH] [--misses] [--top N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from altgafam.catalog import loader  # noqa: E402
from altgafam.models import Catalog, Entry, Status  # noqa: E402
from altgafam.normalize import key  # noqa: E402
from altgafam.scan import matcher  # noqa: E402

# Names from the lists that an organisation's tool list would not hold, or that are not
# proprietary: data, so that what is left out can be read and argued with. Each is a name as
# one of the lists spells it (compared by look-up key). Reasons: benchmarks/README.md.
OUT_OF_SCOPE: dict[str, tuple[str, ...]] = {
    "not a product": ("No VPN", "ISP DNS", "—"),
    "libre software, not proprietary": (
        "VeraCrypt",
        "Firefox",
        "firefox sync",
        "thunderbird",
        "adblock",
        "adblock plus",
        "ublock",
        "ghostery",
        "privacy badger",
        "libreoffice online",
        "ubuntu",
        "fedora",
        "debian",
        "arch",
        "centos",
        "red hat",
        "suse",
        "gitlab",
        "eclipse",
        "atom",
        "putty",
        "gnome terminal",
        "hyper",
        "powershell",
        "kodi",
        "jellyfin",
        "universal media server",
        "vlc",
        "mplayer",
        "calibre",
        "qBittorrent",
        "deluge",
        "transmission",
        "handbrake",
        "sharex",
        "greenshot",
        "blender",
        "pencil2d",
        "wordpress",
    ),
    "games and game stores": (
        "Minecraft",
        "Angry Bird",
        "Candy Crush",
        "Kongregate",
        "steam",
        "epic games store",
        "origin",
        "ubisoft connect",
        "battle.net",
    ),
    "entertainment streaming and consumer media": (
        "Netflix",
        "Hulu",
        "HBO Max",
        "Prime Video",
        "Paramount+",
        "Disney+",
        "plex",
        "emby",
        "Spotify",
        "Deezer",
        "apple music",
        "amazon music",
        "google play music",
        "pandora",
        "overcast",
        "pocket casts",
        "kindle",
        "apple books",
        "google play books",
        "google news",
        "apple news",
        "flipboard",
    ),
    "consumer travel": ("Guide du Routard", "Petit Futé", "Voyage Michelin", "AirBnB", "Blablacar"),
    "cryptocurrencies, exchanges and wallets": (
        "bitcoin",
        "ethereum",
        "ripple",
        "litecoin",
        "bitcoin cash",
        "coinbase wallet",
        "blockchain.com wallet",
        "trust wallet",
        "exodus",
        "ledger live",
        "coinbase",
        "binance",
        "kraken",
        "bitfinex",
        "huobi",
        "MetaMask",
        "Phantom",
    ),
    "card networks, banks, personal finance and person-to-person payments": (
        "visa",
        "mastercard",
        "american express",
        "discover",
        "capital one",
        "mint",
        "you need a budget (ynab)",
        "pocketguard",
        "quicken",
        "goodbudget",
        "Venmo",
        "Cash App",
        "Orange Cash",
    ),
    "smart home devices and voice assistants": (
        "philips hue",
        "nest",
        "ring",
        "ecobee",
        "samsung smartthings",
        "Google Home",
        "Apple HomeKit",
        "Amazon Alexa",
        "alexa",
        "siri",
        "cortana",
        "bixby",
        "google assistant",
    ),
}

_TAG = re.compile(r"<[^>]+>")


def awesome_privacy(text: str) -> list[str]:
    """Every `alternativeTo` name of awesome-privacy.yml, wherever a section holds one."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.extend(str(n) for n in node.get("alternativeTo") or ())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(text))
    return found


def degooglisons(text: str) -> list[str]:
    """Every `gafam` name of Framasoft's services.yml (one mapping per Framasoft service)."""
    data = yaml.safe_load(text) or {}
    return [
        _TAG.sub("", str(name)).strip()
        for service in data.values()
        if isinstance(service, dict)
        for name in service.get("gafam") or ()
    ]


def privacypack(text: str) -> list[str]:
    """Every `mainstream_apps` name of privacypack's apps.json."""
    data = json.loads(text)
    return [
        str(app["name"])
        for category in data.get("categories", ())
        for app in category.get("mainstream_apps", ())
    ]


class Source(NamedTuple):
    """One reference list: its name, the environment variable holding its path, its reader."""

    name: str
    env: str
    extract: Callable[[str], list[str]]


SOURCES = (
    Source("awesome-privacy", "ALTGAFAM_AWESOME_PRIVACY", awesome_privacy),
    Source("degooglisons", "ALTGAFAM_DEGOOGLISONS", degooglisons),
    Source("privacypack", "ALTGAFAM_PRIVACYPACK", privacypack),
)


def distinct(names: Iterable[str]) -> list[str]:
    """The names once each by look-up key, first spelling kept, in the list's order."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(key(name) or name.strip(), name.strip())
    return list(seen.values())


def excluded_keys(groups: dict[str, tuple[str, ...]] = OUT_OF_SCOPE) -> dict[str, str]:
    """Each excluded name's look-up key, with its group."""
    return {key(name) or name: group for group, names in groups.items() for name in names}


def _names_by_key() -> dict[str, str]:
    return {key(n) or n: n for names in OUT_OF_SCOPE.values() for n in names}


class Verdict(NamedTuple):
    """What the matcher made of one name of a list."""

    name: str
    recognised: bool
    how: str  # proprietary, exact name, or the status it got (libre, ambiguous, unknown)
    ids: tuple[str, ...]
    excluded: str | None


def judge(
    names: Iterable[str],
    catalog: Catalog,
    index: matcher.Index,
    excluded: dict[str, str] | None = None,
) -> list[Verdict]:
    """Score each distinct name as `altgafam scan` would read it as one line of a list."""
    excluded = excluded_keys() if excluded is None else excluded
    out = []
    for name in distinct(names):
        found = list(matcher.match_lines([Entry(1, name)], index))
        ids = tuple(m.id for m in found if m.id is not None)
        statuses = {m.status for m in found}
        exact = index.exact.get(key(name))
        group = excluded.get(key(name) or name)
        if Status.PROPRIETARY in statuses:
            out.append(Verdict(name, True, "proprietary", ids, group))
        elif exact is not None and exact.entry in catalog.services:
            out.append(Verdict(name, True, "exact name", (exact.entry,), group))
        else:
            how = "/".join(sorted(s.value for s in statuses))
            out.append(Verdict(name, False, how, ids, group))
    return out


class Score(NamedTuple):
    """A list's figures, over all its names and over the in-scope ones."""

    names: int
    recognised: int
    in_scope: int
    in_scope_recognised: int

    @property
    def share(self) -> float:
        return self.recognised / self.names if self.names else 0.0

    @property
    def in_scope_share(self) -> float:
        return self.in_scope_recognised / self.in_scope if self.in_scope else 0.0


def score(verdicts: list[Verdict]) -> Score:
    """Count names and recognised names, with and without the exclusions."""
    kept = [v for v in verdicts if v.excluded is None]
    return Score(
        len(verdicts),
        sum(v.recognised for v in verdicts),
        len(kept),
        sum(v.recognised for v in kept),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for source in SOURCES:
        parser.add_argument(
            f"--{source.name}",
            type=Path,
            default=os.environ.get(source.env) or None,
            help=f"path to the list (default: ${source.env})",
        )
    parser.add_argument("--misses", action="store_true", help="list the unrecognised names")
    parser.add_argument(
        "--top", type=int, default=0, help="the N unrecognised in-scope names most lists share"
    )
    args = parser.parse_args(argv)
    chosen = [(s, getattr(args, s.name.replace("-", "_"))) for s in SOURCES]
    chosen = [(s, Path(p)) for s, p in chosen if p is not None]
    if not chosen:
        parser.error("give at least one list: " + ", ".join(f"--{s.name}" for s in SOURCES))
    catalog = loader.load()
    index = matcher.build_index(catalog)
    print(f"catalog: {len(catalog.services)} services, {len(catalog.alternatives)} alternatives")
    print(
        f"{'list':<16} {'names':>5} {'recognised':>10} {'share':>6}   "
        f"{'in scope':>8} {'recognised':>10} {'share':>6}"
    )
    lists: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    met: set[str] = set()
    for source, path in chosen:
        raw = source.extract(path.read_text(encoding="utf-8"))
        occurrences.update(key(n) or n.strip() for n in raw)
        verdicts = judge(raw, catalog, index)
        met.update(key(v.name) or v.name for v in verdicts)
        s = score(verdicts)
        print(
            f"{source.name:<16} {s.names:>5} {s.recognised:>10} {s.share:>6.1%}   "
            f"{s.in_scope:>8} {s.in_scope_recognised:>10} {s.in_scope_share:>6.1%}"
        )
        for v in verdicts:
            if not v.recognised and v.excluded is None:
                lists[key(v.name) or v.name] += 1
                spelling.setdefault(key(v.name) or v.name, v.name)
        if args.misses:
            for v in sorted(verdicts, key=lambda v: v.name.casefold()):
                if not v.recognised:
                    ids = f", {', '.join(v.ids)}" if v.ids else ""
                    note = f"  [out of scope: {v.excluded}]" if v.excluded else ""
                    print(f"    {v.name} ({v.how}{ids}){note}")
    if len(chosen) == len(SOURCES):
        # Every exclusion must name something a list holds, or it hides nothing and misleads.
        stale = sorted(n for k, n in _names_by_key().items() if k not in met)
        if stale:
            print(f"exclusions no list names: {', '.join(stale)}")
    if args.top:
        print(f"unrecognised in-scope names, by lists then occurrences (top {args.top}):")
        ranked = sorted(lists, key=lambda k: (-lists[k], -occurrences[k], spelling[k].casefold()))
        for k in ranked[: args.top]:
            print(f"    {lists[k]} {occurrences[k]}  {spelling[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
