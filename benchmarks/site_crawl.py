"""`altgafam site` on a 200-page site served on 127.0.0.1: wall time and peak memory.

    python benchmarks/site_crawl.py [--pages 200]

Each page loads a dozen third parties (the fixture's patterns) and links to the next pages,
so the crawl follows links and the fingerprints see every page. The crawl runs in a child
process (no DNS), which reports its own peak resident memory.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HEAD = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Page {n}</title>
<meta name="generator" content="WordPress 6.6.2">
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
<script src="https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE1"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}
gtag('config', 'G-EXAMPLE1');</script>
<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>
<script src="https://www.clarity.ms/s/0.7.47/clarity.js"></script>
<script src="https://js.stripe.com/v3/"></script>
<script src="https://static.criteo.net/js/ld/ld.js"></script>
<script src="https://cdn.segment.com/analytics.js/v1/abc/analytics.min.js"></script>
<script src="https://client.crisp.chat/l.js"></script>
<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js"></script>
</head><body><h1>Page {n}</h1>
<iframe src="https://www.youtube.com/embed/aaaaaaaaaaa"></iframe>
{text}
{links}
</body></html>
"""
# The child's own peak: VmHWM, which a new program starts afresh. (ru_maxrss is kept across
# exec on Linux, so it would report the peak of the process that started the child: the
# whole test session's under pytest.)
CHILD = """
import resource, sys
from altgafam.cli import main
def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    main()
finally:
    sys.stderr.write("maxrss_kib=%d\\n" % peak())
"""


def build_site(folder: Path, pages: int) -> None:
    """`pages` pages, each linking to the next five (so the crawl reaches them all)."""
    text = "<p>" + "Du pain, des viennoiseries et des gâteaux faits maison. " * 60 + "</p>"
    for n in range(pages):
        links = " ".join(
            f'<a href="/p{m}.html">page {m}</a>' for m in range(n + 1, min(n + 6, pages))
        )
        name = "index.html" if n == 0 else f"p{n}.html"
        (folder / name).write_text(HEAD.format(n=n, text=text, links=links), encoding="utf-8")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def crawl(pages: int) -> dict[str, float]:
    """Serve a generated site, crawl it with `altgafam site` in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        build_site(Path(tmp), pages)
        handler = functools.partial(Quiet, directory=tmp)
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        args = ["site", url, "--max-pages", str(pages), "--no-dns", "-f", "json"]
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=True
        )
        seconds = time.perf_counter() - start
        httpd.shutdown()
        httpd.server_close()
    doc = json.loads(done.stdout)
    rss = next(int(line.split("=")[1]) for line in done.stderr.splitlines() if "maxrss" in line)
    return {
        "pages": doc["pages"],
        "findings": doc["summary"]["findings"],
        "seconds": round(seconds, 2),
        "peak_mib": round(rss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    result = crawl(parser.parse_args().pages)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
