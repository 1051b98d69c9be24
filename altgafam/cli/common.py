"""What every command shares: exit codes, one-line errors, the options several commands take
(declared once, as `Annotated` types), loading the catalog with its overlays, and writing
output safely."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple, NoReturn, TypeVar

import typer

from altgafam.errors import CatalogError
from altgafam.normalize import printable, sanitize

if TYPE_CHECKING:
    from rich.console import Console

    from altgafam.models import Catalog, Preferences

T = TypeVar("T")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
# Lists at least this long get a progress bar (on a terminal only).
PROGRESS_FROM = 5000
MIN_WIDTH = 40
OVERLAY_ENV = "ALTGAFAM_CATALOG_PATH"
REPORT_PANEL = "Report"
PREFERENCES_PANEL = "Preferences"
CATALOG_PANEL = "Catalog"


class ReportFormat(str, Enum):
    """What `scan` and `site` write (report.formats.Format has the same values; a test keeps
    them equal: importing it here would load the models for every --help)."""

    table = "table"
    markdown = "markdown"
    html = "html"
    json = "json"


class Language(str, Enum):
    """The report languages (report.i18n.LANGUAGES; a test keeps them equal)."""

    en = "en"
    fr = "fr"


class TableOrJson(str, Enum):
    table = "table"
    json = "json"


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


# The formats that render the client report (and accept --template).
DOCUMENT_FORMATS = (ReportFormat.markdown, ReportFormat.html)


def finite(value: float | None) -> float | None:
    """Refuse nan and infinities, which a range check lets through (nan compares false)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number")
    return value


def say(kind: str, message: str) -> None:
    """One line on standard error ("altgafam: error: ..."); file names and list text in it
    are data: control characters and direction overrides are blanked, so none reaches the
    terminal."""
    prefix = f"altgafam: {kind}: " if kind else "altgafam: "
    print(prefix + sanitize(message), file=sys.stderr)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on standard error, then exit."""
    say("error", message)
    raise typer.Exit(code)


def console(stderr: bool = False) -> Console:
    """A Rich console for tables and progress; never narrower than MIN_WIDTH, whatever
    COLUMNS says (COLUMNS=0 would print nothing, COLUMNS=1 no names)."""
    from rich.console import Console

    drawn = Console(highlight=False, stderr=stderr)
    if drawn.width < MIN_WIDTH:
        drawn = Console(highlight=False, stderr=stderr, width=MIN_WIDTH)
    return drawn


# The options several commands take, declared once.
CatalogDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        help=f"A catalog folder to add on top of the shipped one (repeatable; also "
        f"{OVERLAY_ENV} and your config folder's catalog/).",
        rich_help_panel=CATALOG_PANEL,
        show_default=False,
    ),
]
# A string, not a Path: a trailing slash ("newdir/") must still be seen.
Output = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to this file instead of standard output ('-': standard "
        "output). An existing file keeps its permissions; nothing is written on error.",
        rich_help_panel=REPORT_PANEL,
        show_default=False,
    ),
]
ReportFormatOption = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), markdown or html (the client report), json (for tools).",
        rich_help_panel=REPORT_PANEL,
    ),
]
Lang = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Report language (default: from the locale, else en).",
        rich_help_panel=REPORT_PANEL,
        show_default=False,
    ),
]
Client = Annotated[
    str,
    typer.Option(
        "--client", help="The client's name, for the report's title.", rich_help_panel=REPORT_PANEL
    ),
]
Template = Annotated[
    Path | None,
    typer.Option(
        "--template",
        metavar="FILE",
        help="A Jinja2 template of your own for the markdown or html report (the shipped ones, "
        "in altgafam/report/templates/, are the example).",
        rich_help_panel=REPORT_PANEL,
        show_default=False,
    ),
]


def _tags(help_text: str, name: str) -> object:
    return typer.Option(
        name,
        metavar="TAG",
        help=help_text,
        rich_help_panel=PREFERENCES_PANEL,
        show_default=False,
    )


Prefer = Annotated[
    list[str] | None,
    _tags(
        "Rank first the alternatives with this tag (repeatable): self-hosted, hosted, eu, "
        "chatons, desktop, mobile, e2ee...",
        "--prefer",
    ),
]
Require = Annotated[
    list[str] | None, _tags("Keep only alternatives with this tag (repeatable).", "--require")
]
Exclude = Annotated[
    list[str] | None, _tags("Drop alternatives with this tag (repeatable).", "--exclude")
]
MaxAlternatives = Annotated[
    int | None,
    typer.Option(
        "--max-alternatives",
        min=1,
        metavar="N",
        help="At most N alternatives per tool.",
        rich_help_panel=PREFERENCES_PANEL,
        show_default=False,
    ),
]


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
    import gc

    from altgafam.catalog import store

    layers = overlay_folders(overlays)
    # The catalog and its index live as long as the run, tens of thousands of objects: the
    # collector is held while they are read, then told to leave them (and the modules
    # already imported) alone. Walking them again at every collection cost a warm scan a
    # fifth of its time.
    gc.disable()
    try:
        if prepare is None:
            return store.load_cached(None, layers), None
        return store.load_prepared(None, prepare, layers)
    except CatalogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        fail("the catalog is invalid; run 'altgafam catalog validate' for details", EXIT_FINDINGS)
    finally:
        gc.freeze()
        gc.enable()


class ReportOptions(NamedTuple):
    """The options `scan` and `site` share, checked."""

    fmt: ReportFormat
    language: str
    client: str
    preferences: Preferences  # their tags not checked yet: see check_tags
    template: Path | None


def report_options(
    *,
    fmt: ReportFormat,
    lang: Language | None,
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
    from altgafam.report.i18n import default_language

    language = lang.value if lang is not None else default_language()
    if template is not None and fmt not in DOCUMENT_FORMATS:
        fail("--template goes with --format markdown or html")
    if template is not None and not template.is_file():
        fail(f"{template}: no such template")
    wanted = Preferences(
        tuple(prefer or ()), tuple(require or ()), tuple(exclude or ()), max_alternatives
    )
    return ReportOptions(fmt, language, printable(client), wanted, template)


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
