"""The command line: a Typer app with one module per command group (scan, site, catalog);
the only package that knows typer, exit codes and sys.exit."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

# Typer 0.29 carries its own Click: its exceptions are what a parse raises when the app runs
# with standalone_mode=False, so that usage errors can be said in one line.
from typer._click.exceptions import ClickException

from altgafam import __version__
from altgafam.cli import catalog, clarify, scan, site
from altgafam.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, say
from altgafam.errors import AltgafamError

__all__ = ["app", "main", "run"]

# Paragraphs are one line each: Rich keeps line breaks and wraps to the terminal itself.
HELP = (
    "Find libre alternatives to the proprietary services your organisation uses.\n\n"
    "Give it your team's tool list, one tool per line, however it was typed: "
    "[bold]altgafam scan tools.txt[/bold]. It tells you, tool by tool, who owns it, whether "
    "that is one of the GAFAM, and what libre software replaces it, with the license and how "
    "hard the move is. [bold]altgafam COMMAND --help[/bold] tells more."
)
EPILOG = (
    "[bold]Exit codes[/bold]: 0 done, 1 findings (an invalid catalog), 2 bad usage or input, "
    "130 interrupted."
)

app = typer.Typer(
    name="altgafam",
    help=HELP,
    epilog=EPILOG,
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    # Options are never abbreviated or guessed: Click asks for the exact name.
    context_settings={"help_option_names": ["--help", "-h"]},
)
app.command("scan", help=scan.HELP, epilog=scan.EXAMPLES, rich_help_panel="Audit")(scan.scan)
app.command("site", help=site.HELP, epilog=site.EXAMPLES, rich_help_panel="Audit")(site.site)
app.command("clarify", help=clarify.HELP, epilog=clarify.EXAMPLES, rich_help_panel="Audit")(
    clarify.clarify
)
app.add_typer(catalog.app, name="catalog", rich_help_panel="Maintain")


def _version(value: bool) -> None:
    if value:
        print(f"altgafam {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find libre alternatives to the proprietary services your organisation uses."""


def _usage_error(error: ClickException) -> int:
    """A usage error in one line naming the command's --help (Typer would draw a panel)."""
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":
        # `altgafam` or `altgafam catalog` alone: Typer has printed what can follow.
        return EXIT_USAGE
    # Typer's coercion prefixes enum errors with "Value error, ": the rest says it all.
    message = " ".join(error.format_message().replace("Value error, ", "").split())
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    say("error", f"{message}{hint}")
    return error.exit_code


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwound like Ctrl-C, so that no temporary file is left behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


def run(argv: Sequence[str]) -> int:
    """Run one command line; the exit code (usage errors included) is returned."""
    try:
        code = app(list(argv), prog_name="altgafam", standalone_mode=False)
    except ClickException as error:
        return _usage_error(error)
    except (KeyboardInterrupt, typer.Abort):
        print("altgafam: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated as stop:
        print("altgafam: terminated", file=sys.stderr)
        return 128 + stop.signum
    except AltgafamError as error:
        say("error", str(error))
        return EXIT_USAGE
    return code if isinstance(code, int) else EXIT_OK


def main() -> None:
    """Entry point of the `altgafam` script. A reader that stops early (`| head`) ends the
    run quietly, as with any Unix tool, instead of a traceback; SIGTERM and SIGHUP end it as
    Ctrl-C does (exit 143 and 129), with nothing half-written."""
    import signal

    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, _terminate)
    try:
        code = run(sys.argv[1:])
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = 1
    except OSError as exc:  # > /dev/full: the last block failed at the final flush
        print(f"altgafam: error: standard output: {exc.strerror or exc}", file=sys.stderr)
        _silence_stdout()
        code = EXIT_USAGE
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null: Python would otherwise fail again flushing it at exit."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
