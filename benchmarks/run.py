"""Time every scenario of the performance issues against the interpreter floor, in one run.

    python benchmarks/run.py [--runs N] [--only TEXT]

P is the median of `python -c pass`; every figure is a median over N runs of the installed
`altgafam` next to this interpreter, printed with its ratio to P and its target. The command
line's own floor is measured too: a no-op Typer app with altgafam's commands and options
(benchmarks/floor.py generates it from the real app), run the same way; targets for --help
and the warm scans are that floor plus a margin. The machine is shared and noisy: compare
ratios from the same run, never absolute times across runs.
Inputs are generated (seeded) from the evaluation sets, the way a SaaS inventory repeats
the same tools for every user.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "altgafam"


def pool() -> list[str]:
    lines = []
    for name in ("eval.tsv", "holdout.tsv"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lines.append(line.split("\t")[0])
    return lines


def write_list(path: Path, count: int, seed: int) -> Path:
    rng = random.Random(seed)
    lines = pool()
    path.write_text("\n".join(rng.choice(lines) for _ in range(count)) + "\n", encoding="utf-8")
    return path


def run(cmd: list[str], env: dict[str, str], tty: bool = False) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one run; with `tty`, standard output is
    a pseudo-terminal, so the table is drawn as a person would see it."""
    master = slave = -1
    if tty:
        master, slave = os.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=slave if tty else subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    drain = None
    if tty:
        os.close(slave)

        def empty() -> None:
            try:
                while os.read(master, 65536):
                    pass
            except OSError:
                pass

        drain = threading.Thread(target=empty, daemon=True)
        drain.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if drain is not None:
        drain.join(timeout=5)
        os.close(master)
    if os.waitstatus_to_exitcode(status) != 0:
        assert proc.stderr is not None
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


def median(
    cmd: list[str],
    env: dict[str, str],
    runs: int,
    before: object = None,
    tty: bool = False,
) -> tuple[float, float, int]:
    """Median time of `cmd` and of `python -c pass` run alternately with it (so both see the
    same machine load), and the peak memory of `cmd`."""
    floor = [sys.executable, "-c", "pass"]
    times, floors, peak = [], [], 0
    for _ in range(runs):
        floors.append(run(floor, env)[0])
        if callable(before):
            before()
        elapsed, rss = run(cmd, env, tty)
        times.append(elapsed)
        peak = max(peak, rss)
    return statistics.median(times), statistics.median(floors), peak


def matching_rate(path: Path) -> tuple[float, int, int]:
    """Lines per second of matching alone, after start-up, on one generated list."""
    from altgafam.catalog import loader
    from altgafam.scan import matcher
    from altgafam.scan.inputs import read_tools

    index = matcher.build_index(loader.load())
    entries = read_tools(str(path)).entries
    start = time.perf_counter()
    matcher.match_all(entries, index)
    elapsed = time.perf_counter() - start
    return len(entries) / elapsed, len(entries), len({e.text for e in entries})


def hostile_page_seconds() -> float:
    """Seconds the shipped website fingerprints take on a page built to make backtracking
    patterns work: the page's budget (1 s) and the bound on input length must keep it short."""
    from altgafam.site import fingerprints as fp

    hostile = ("<a " + "a" * 50 + " " * 50 + "=" * 50) * 4000
    table = fp.load()
    start = time.perf_counter()
    table.page(fp.Page("https://example.org/", hostile, inline=(hostile,)), fp.Budget(1.0))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per scenario (median)")
    parser.add_argument(
        "--only", default="", metavar="TEXT", help="run only the scenarios whose name has TEXT"
    )
    args = parser.parse_args()
    if not BIN.exists():
        raise SystemExit(f"{BIN} not found: install altgafam in this environment first")
    work = Path(tempfile.mkdtemp(prefix="altgafam-bench-"))
    try:
        cache = work / "cache"
        env = {**os.environ, "ALTGAFAM_CACHE_DIR": str(cache), "COLUMNS": "100"}
        # As installed for a user, modules load from bytecode (pip compiles it at install; an
        # editable checkout writes it on first import). With PYTHONDONTWRITEBYTECODE set, as
        # on some CI machines, every run would compile altgafam from source instead.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        small = write_list(work / "small.txt", 50, 1)
        mid = write_list(work / "mid.txt", 10_000, 2)
        big = write_list(work / "big.txt", 100_000, 3)
        alt = str(BIN)
        run([alt, "scan", str(small), "-f", "json"], env)  # warm the catalog cache

        # The catalog of the altgafam being timed (installed or editable), not the checkout's.
        from altgafam.catalog.cache import builtin_dir

        edited = builtin_dir() / "vendors.yaml"

        def changed() -> None:
            # A maintainer saved one catalog file: it is parsed again, the catalog rebuilt
            # and validated (license verdicts, which do not depend on it, stay).
            os.utime(edited)

        def empty() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        from floor import floor_source

        noop = work / "floor.py"
        noop.write_text(floor_source(), encoding="utf-8")
        typer_floor = [sys.executable, str(noop)]
        # (label, command, target, before): a target is a ratio to P, or (floor row, margin).
        rows: list[tuple[str, list[str], float | tuple[str, float], object]] = [
            ("floor: Typer app, --help", [*typer_floor, "--help"], 0, None),
            (
                "floor: Typer app, scan -f json",
                [*typer_floor, "scan", str(small), "-f", "json"],
                0,
                None,
            ),
            ("altgafam --version", [alt, "--version"], 3, None),
            ("altgafam --help", [alt, "--help"], ("floor: Typer app, --help", 3), None),
            (
                "scan 50 lines, json, cache warm",
                [alt, "scan", str(small), "-f", "json"],
                ("floor: Typer app, scan -f json", 8),
                None,
            ),
            (
                "scan 50 lines, table (terminal), warm",
                [alt, "scan", str(small)],
                ("floor: Typer app, scan -f json", 12),
                None,
            ),
            (
                # Set as 25P when the command line cost about 2P (argparse): the same own
                # work above the Typer floor.
                "scan 50 lines, catalog changed",
                [alt, "scan", str(small), "-f", "json"],
                ("floor: Typer app, scan -f json", 23),
                changed,
            ),
            (
                "scan 50 lines, empty cache (no target)",
                [alt, "scan", str(small), "-f", "json"],
                0,
                empty,
            ),
            ("scan 10,000 lines, json", [alt, "scan", str(mid), "-f", "json"], 60, None),
            ("scan 10,000 lines, markdown", [alt, "scan", str(mid), "-f", "markdown"], 60, None),
            ("scan 10,000 lines, table (terminal)", [alt, "scan", str(mid)], 60, None),
            ("scan 100,000 lines, json", [alt, "scan", str(big), "-f", "json"], 200, None),
        ]
        print("P = python -c pass, run alternately with each scenario; medians of the runs")
        print(f"{'scenario':<38} {'median':>9} {'P':>7} {'ratio':>7} {'target':>7} {'peak MB':>8}")
        measured: dict[str, float] = {}
        for label, cmd, goal, before in rows:
            if args.only not in label and not label.startswith("floor"):
                continue
            runs = args.runs if "100,000" not in label else 3
            elapsed, floor, peak = median(cmd, env, runs, before, tty="(terminal)" in label)
            ratio = measured[label] = elapsed / floor
            target = measured[goal[0]] + goal[1] if isinstance(goal, tuple) else goal
            flag = "" if not target else "ok" if ratio <= target else "OVER"
            if "100,000" in label and peak > 200:
                flag += " (memory OVER 200 MB)"
            print(
                f"{label:<38} {elapsed * 1000:>7.0f}ms {floor * 1000:>5.1f}ms {ratio:>6.1f}P "
                f"{target:>6.1f}P {peak:>8} {flag}"
            )
        if args.only:
            return
        rate, lines, distinct = matching_rate(big)
        flag = "ok" if rate >= 50_000 else "UNDER"
        print(
            f"{'matching alone (100,000 lines)':<36} {rate:>9,.0f} lines/s "
            f"(target >= 50,000) {flag}"
        )
        print(f"  ({lines:,} lines, {distinct} distinct, as an inventory repeats its tools)")
        unique = write_list(work / "unique.txt", 2_000, 4)
        text = unique.read_text(encoding="utf-8").splitlines()
        unique.write_text(
            "\n".join(f"{t} {i}" for i, t in enumerate(text)) + "\n", encoding="utf-8"
        )
        rate, lines, distinct = matching_rate(unique)
        print(
            f"{'matching alone, every line distinct':<36} {rate:>9,.0f} lines/s ({lines:,} lines)"
        )
        seconds = hostile_page_seconds()
        flag = "ok" if seconds <= 15 else "OVER"
        label = "website fingerprints, a hostile page"
        print(f"{label:<36} {seconds:>9.2f} s (target <= 15 s) {flag}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
