"""Regenerate altgafam/site/data/technologies.json.gz from a local copy of enthec/webappanalyzer.

    python tools/import_webappanalyzer.py PATH   # a checkout, or a bare clone (read with git)

Only what a static fetch can see is kept (script addresses, HTML, inline and same-site
scripts, meta tags, response headers, cookies, the page address, DNS records, and the
implies/requires/excludes links), with the fields altgafam uses (cats, saas, oss, website).
Each pattern is translated from JavaScript's regex dialect and checked (altgafam.site.jsregex);
those that cannot be made safe are skipped and counted. The upstream commit is recorded in the
file and in technologies.NOTICE.md, next to it. The data is GPL-3.0, as altgafam is.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from altgafam.site.jsregex import Unsafe, translate  # noqa: E402

DATA = ROOT / "altgafam" / "site" / "data"
LISTS = ("scriptSrc", "html", "scripts", "url")
MAPS = ("meta", "headers", "cookies")
UPSTREAM = "https://github.com/enthec/webappanalyzer"


class Source:
    """The upstream files, from a working tree or a bare repository."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = (path / "src" / "technologies").is_dir()
        git = ["git", "-C", str(path)] if self.tree else ["git", f"--git-dir={path}"]
        self.git = git
        self.commit = self._run("rev-parse", "HEAD").strip()
        self.date = self._run("log", "-1", "--format=%cs", "HEAD").strip()

    def _run(self, *args: str) -> str:
        return subprocess.run([*self.git, *args], check=True, capture_output=True, text=True).stdout

    def names(self) -> list[str]:
        if self.tree:
            return sorted(
                p.relative_to(self.path).as_posix()
                for p in (self.path / "src" / "technologies").glob("*.json")
            )
        out = self._run("ls-tree", "--name-only", "HEAD", "src/technologies/")
        return sorted(n for n in out.splitlines() if n.endswith(".json"))

    def read(self, name: str) -> Any:
        if self.tree:
            return json.loads((self.path / name).read_text(encoding="utf-8"))
        return json.loads(self._run("show", f"HEAD:{name}"))


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]


def _names(value: Any) -> list[str]:
    return [v.split("\\;", 1)[0] for v in _as_list(value)]


class Importer:
    def __init__(self) -> None:
        self.kept = 0
        self.skipped: Counter[str] = Counter()
        self.skipped_kinds: Counter[str] = Counter()

    def pattern(self, kind: str, js: str) -> list[str] | None:
        try:
            found = translate(js)
        except Unsafe as exc:
            self.skipped[str(exc)] += 1
            self.skipped_kinds[kind] += 1
            return None
        self.kept += 1
        return [found.regex, found.literal]

    def technology(self, raw: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"cats": raw.get("cats", [])}
        for flag in ("saas", "oss"):
            if raw.get(flag):
                out[flag] = True
        if raw.get("website"):
            out["website"] = raw["website"]
        for kind in LISTS:
            kept = [p for js in _as_list(raw.get(kind, [])) if (p := self.pattern(kind, js))]
            if kept:
                out[kind] = kept
        for kind in MAPS:
            table: dict[str, list[list[str]]] = {}
            for key, value in sorted(raw.get(kind, {}).items()):
                for js in _as_list(value):
                    if (p := self.pattern(kind, js)) is not None:
                        name = key if kind == "cookies" else key.lower()
                        table.setdefault(name, []).append(p)
            if table:
                out[kind] = table
        dns: dict[str, list[list[str]]] = {}
        for record, value in sorted(raw.get("dns", {}).items()):
            kept = [p for js in _as_list(value) if (p := self.pattern("dns", js))]
            if kept:
                dns[record.upper()] = kept
        if dns:
            out["dns"] = dns
        for link in ("implies", "requires", "excludes"):
            if raw.get(link):
                out[link] = _names(raw[link])
        if raw.get("requiresCategory"):
            out["requiresCategory"] = list(raw["requiresCategory"])
        return out


def build(source: Source) -> tuple[dict[str, Any], Importer]:
    importer = Importer()
    raw: dict[str, Any] = {}
    for name in source.names():
        raw.update(source.read(name))
    categories = source.read("src/categories.json")
    techs = {name: importer.technology(t) for name, t in sorted(raw.items())}
    detect = set(LISTS) | set(MAPS) | {"dns"}
    linked = {n for t in techs.values() for k in ("implies", "requires") for n in t.get(k, [])}
    kept = {n: t for n, t in techs.items() if detect & set(t) or n in linked}
    doc = {
        "source": {
            "repository": UPSTREAM,
            "commit": source.commit,
            "date": source.date,
            "license": "GPL-3.0",
        },
        "counts": {
            "upstream": len(raw),
            "technologies": len(kept),
            "patterns": importer.kept,
            "skipped": sum(importer.skipped.values()),
            "skipped_reasons": dict(sorted(importer.skipped.items())),
            "skipped_kinds": dict(sorted(importer.skipped_kinds.items())),
        },
        "categories": {
            k: v["name"] for k, v in sorted(categories.items(), key=lambda kv: int(kv[0]))
        },
        "technologies": kept,
    }
    return doc, importer


NOTICE = """\
# technologies.json.gz: where it comes from

Generated by `tools/import_webappanalyzer.py` from **enthec/webappanalyzer**
({repository}), commit `{commit}` ({date}): `src/technologies/*.json` and `src/categories.json`.

webappanalyzer is the community continuation of Wappalyzer's open fingerprint set. Its data is
licensed under the GNU General Public License v3.0 (the text is in technologies.LICENSE, next
to this file); altgafam is GPL-3.0-or-later, and this derived file is distributed under the
GPL-3.0.

Changes made by the import: only the detection kinds a static fetch can see are kept
(scriptSrc, html, scripts, url, meta, headers, cookies, dns) with implies, requires,
requiresCategory and excludes, and the fields cats, saas, oss and website; descriptions, icons,
pricing and the kinds that need a browser (js, dom, css, xhr) are dropped. Each pattern is
translated from JavaScript's regex dialect to Python's (named groups; the `\\;version:` and
`\\;confidence:` suffixes removed) and refused when it does not compile or could backtrack
catastrophically (nested quantifiers, backreferences, more than two `.*`).

Upstream: {upstream} technologies. Kept: {technologies} technologies, {patterns} patterns.
Skipped: {skipped} patterns ({reasons}).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a checkout or bare clone of webappanalyzer")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    doc, _ = build(Source(args.source))
    args.out.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # mtime=0: the same upstream commit gives the same bytes.
    with (
        open(args.out / "technologies.json.gz", "wb") as file,
        gzip.GzipFile(fileobj=file, mode="wb", compresslevel=9, mtime=0) as gz,
    ):
        gz.write(raw.encode("utf-8"))
    counts = doc["counts"]
    reasons = ", ".join(f"{n} {r}" for r, n in counts["skipped_reasons"].items()) or "none"
    notice = NOTICE.format(**doc["source"], **counts, reasons=reasons)
    (args.out / "technologies.NOTICE.md").write_text(notice, encoding="utf-8")
    print(
        f"{counts['technologies']} technologies ({counts['upstream']} upstream), "
        f"{counts['patterns']} patterns, {counts['skipped']} skipped: {reasons}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
