"""What every command shares: exit codes, one-line errors, the options several commands take,
loading the catalog with its overlays, and writing output safely."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn, TypeVar

from altgafam.errors import CatalogError, InputError

if TYPE_CHECKING:
    from rich.console import Console

    from altgafam.models import Catalog, Preferences

T = TypeVar("T")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
# Lists at least this long get a progress bar (on a terminal only).
PROGRESS_FROM = 5000
OVERLAY_ENV = "ALTGAFAM_CATALOG_PATH"
REPORT_FORMATS = ("table", "markdown", "html", "json")
# The formats that render the client report (and accept --template).
DOCUMENT_FORMATS = ("markdown", "html")


class Parser(argparse.ArgumentParser):
    """argparse with the house rules: a usage error is one line on standard error naming
    where to get help, exit 2; options are never abbreviated; the help keeps the layout of
    the descriptions (paragraphs, example commands)."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        fail(f"{message} (see '{self.prog} --help')")


if TYPE_CHECKING:
    # What `add_subparsers` returns: each command module adds its parser to it.
    Commands = argparse._SubParsersAction[Parser]


def bounded(
    kind: Callable[[str], float], low: float, high: float | None = None
) -> Callable[[str], float]:
    """An argparse type: a number of `kind` between `low` and `high`, with a message that says
    which values are accepted."""
    span = f"at least {low:g}" if high is None else f"between {low:g} and {high:g}"

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number {span}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{text} is not {span}")
        return value

    return parse


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        dest="catalog_dirs",
        action="append",
        type=Path,
        metavar="DIR",
        help="a catalog folder to add on top of the shipped one (repeatable; also "
        f"{OVERLAY_ENV} and your config folder's catalog/)",
    )


def add_format_option(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    """-f/--format for the catalog commands; the first choice is the default."""
    parser.add_argument(
        "-f",
        "--format",
        dest="fmt",
        default=choices[0],
        metavar="|".join(choices),
        help=f"{' or '.join(choices)} (default: {choices[0]})",
    )


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """The options `scan` and `site` share: format, output, language and the preferences."""
    parser.add_argument(
        "-f",
        "--format",
        dest="fmt",
        default="table",
        metavar="|".join(REPORT_FORMATS),
        help="table (terminal), markdown or html (the client report), json (for tools); "
        "default: table",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to this file instead of standard output",
    )
    parser.add_argument(
        "--lang", metavar="en|fr", help="report language (default: from the locale, else en)"
    )
    parser.add_argument("--client", default="", help="the client's name, for the report's title")
    parser.add_argument(
        "--prefer",
        action="append",
        metavar="TAG",
        help="rank first the alternatives with this tag (repeatable): self-hosted, hosted, eu, "
        "chatons, desktop, mobile, e2ee...",
    )
    parser.add_argument(
        "--require",
        action="append",
        metavar="TAG",
        help="keep only alternatives with this tag (repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        metavar="TAG",
        help="drop alternatives with this tag (repeatable)",
    )
    parser.add_argument(
        "--max-alternatives",
        type=bounded(int, 1),
        metavar="N",
        help="at most N alternatives per tool",
    )
    parser.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="a Jinja2 template of your own for the markdown or html report (the shipped ones, "
        "in altgafam/report/templates/, are the example)",
    )


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on standard error, then exit."""
    print(f"altgafam: error: {message}", file=sys.stderr)
    raise SystemExit(code)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def overlay_folders(given: list[Path] | None) -> list[Path]:
    """The overlays in force, lowest first: the user's config folder (catalog/ in it, when it
    exists), then ALTGAFAM_CATALOG_PATH, then --catalog."""
    import platformdirs

    folders: list[Path] = []
    user = Path(platformdirs.user_config_dir("altgafam", appauthor=False)) / "catalog"
    if user.is_dir():
        folders.append(user)
    from_env = [Path(p) for p in os.environ.get(OVERLAY_ENV, "").split(os.pathsep) if p]
    for folder in [*from_env, *(given or [])]:
        if not folder.is_dir():
            fail(f"{folder}: not a catalog folder")
        folders.append(folder)
    return folders


def load_catalog(overlays: list[Path] | None = None) -> Catalog:
    """The catalog with its overlays, from the cache when fresh."""
    return load_prepared(None, overlays)[0]


def load_prepared(
    prepare: Callable[[Catalog], T] | None, overlays: list[Path] | None = None
) -> tuple[Catalog, T | None]:
    """The catalog (and what `prepare` derives from it), from the cache when fresh; an
    invalid catalog lists its problems and exits 1."""
    from altgafam.catalog import store

    layers = overlay_folders(overlays)
    try:
        if prepare is None:
            return store.load_cached(None, layers), None
        return store.load_prepared(None, prepare, layers)
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        fail("the catalog is invalid; run 'altgafam catalog validate' for details", EXIT_FINDINGS)


def check_choice(kind: str, value: str, choices: Iterable[str]) -> None:
    """One of `choices`, or a one-line error listing them ("choose a, b or c")."""
    *rest, last = choices
    if value != last and value not in rest:
        listed = f"{', '.join(rest)} or {last}" if rest else last
        fail(f"unknown {kind} '{value}' (choose {listed})")


def check_output(output: Path) -> None:
    """Refuse, before any work, an output path that cannot be written."""
    directory = output.parent
    if not directory.is_dir():
        raise InputError(f"{output}: directory {directory} does not exist")
    if output.is_dir():
        raise InputError(f"{output}: is a directory")


def write_output(text: str | Iterable[str], output: Path | None) -> None:
    """Print to stdout, or write `output` atomically (a temporary file renamed into place);
    `text` may come in chunks, written as they come."""
    parts = [text] if isinstance(text, str) else text
    if output is None:
        for part in parts:
            sys.stdout.write(part)
        return
    import tempfile

    check_output(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for part in parts:
                handle.write(part)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ReportOptions(NamedTuple):
    """The options `scan` and `site` share (add_report_options), checked."""

    fmt: str
    output: Path | None
    language: str
    client: str
    preferences: Preferences  # their tags not checked yet: see check_tags
    template: Path | None


def report_options(
    *,
    fmt: str,
    output: Path | None,
    lang: str | None,
    client: str,
    prefer: list[str] | None,
    require: list[str] | None,
    exclude: list[str] | None,
    max_alternatives: int | None,
    template: Path | None,
) -> ReportOptions:
    """The shared options, each checked before any work, with a one-line error (the tags,
    once the catalog is loaded: check_tags)."""
    from altgafam.models import Preferences
    from altgafam.report.i18n import LANGUAGES, default_language

    check_choice("format", fmt, REPORT_FORMATS)
    language = lang or default_language()
    check_choice("language", language, LANGUAGES)
    if template is not None and fmt not in DOCUMENT_FORMATS:
        fail("--template goes with --format markdown or html")
    if template is not None and not template.is_file():
        fail(f"{template}: no such template")
    wanted = Preferences(
        tuple(prefer or ()), tuple(require or ()), tuple(exclude or ()), max_alternatives
    )
    return ReportOptions(fmt, output, language, client, wanted, template)


def check_tags(catalog: Catalog, preferences: Preferences) -> Preferences:
    """The preferences, once every tag is known to be one of the catalog's (else a one-line
    error with a hint)."""
    from altgafam.advice import plan

    known = plan.preference_tags(catalog)
    for tag in [*preferences.prefer, *preferences.require, *preferences.exclude]:
        if tag not in known:
            from altgafam.catalog.schema import closest

            fail(f"unknown tag '{tag}'{closest(tag, known)} (see altgafam catalog stats)")
    return preferences
