"""Shared fixtures: the small test catalog, its index, and paths."""

from __future__ import annotations

import atexit
import functools
import importlib.util
import io
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pytest

from altgafam import cli
from altgafam.catalog import loader
from altgafam.models import Catalog
from altgafam.scan import matcher

# Tests never touch the user's own cache and data folders; theirs go when the run ends.
for _variable, _prefix in (("ALTGAFAM_CACHE_DIR", "cache"), ("ALTGAFAM_DATA_DIR", "data")):
    os.environ[_variable] = tempfile.mkdtemp(prefix=f"altgafam-test-{_prefix}-")
    atexit.register(shutil.rmtree, os.environ[_variable], ignore_errors=True)

HERE = Path(__file__).parent
ROOT = HERE.parent
MINI = HERE / "catalogs" / "valid" / "mini"


def benchmark(name: str) -> ModuleType:
    """A script of benchmarks/, loaded from its path (benchmarks/ is no package)."""
    spec = importlib.util.spec_from_file_location(
        f"bench_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@contextmanager
def served(folder: Path, handler: type[SimpleHTTPRequestHandler]) -> Iterator[str]:
    """A folder served over HTTP on 127.0.0.1 by `handler`, for as long as the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def mini() -> Catalog:
    return loader.load([MINI])


@pytest.fixture(scope="session")
def mini_index(mini: Catalog) -> matcher.Index:
    return matcher.build_index(mini)


@pytest.fixture(scope="session")
def shipped() -> Catalog:
    return loader.load()


@pytest.fixture(scope="session")
def shipped_index(shipped: Catalog) -> matcher.Index:
    return matcher.build_index(shipped)


class Result(NamedTuple):
    """What one command line did: its exit code and what it printed."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Runner:
    """Runs the real command line in this process, standard streams captured (bytes below
    text, as on a real terminal-less run), the environment changed only for the run."""

    def invoke(
        self, args: list[str], input: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        streams = (sys.stdin, sys.stdout, sys.stderr)
        saved = {name: os.environ.get(name) for name in env or {}}
        stdin = io.TextIOWrapper(io.BytesIO((input or "").encode()), encoding="utf-8")
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        os.environ.update(env or {})
        try:
            code = cli.run(args)
        finally:
            sys.stdin, sys.stdout, sys.stderr = streams
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        stdout.flush()
        stderr.flush()
        printed = [s.buffer.getvalue().decode() for s in (stdout, stderr)]  # type: ignore[attr-defined]
        return Result(code, *printed)


@pytest.fixture()
def runner() -> Iterator[Runner]:
    yield Runner()
