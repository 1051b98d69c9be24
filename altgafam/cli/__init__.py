"""The command line: thin argparse commands; the only package that knows about exit codes.

Parsing is the standard library's argparse: every run pays for the parser, and argparse costs
about 1 interpreter start-up where Typer cost about 5 (its import and the building of every
command from type hints), more than the whole of a warm 50-line scan's own work. Each command
module (scan, site, catalog) declares its parser and imports what its work needs only when it
runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from altgafam import __version__
from altgafam.cli import catalog, scan, site
from altgafam.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Parser
from altgafam.errors import AltgafamError

__all__ = ["main", "parser", "run"]

DESCRIPTION = """\
Find libre alternatives to the proprietary services your organisation uses.

Give it your team's tool list, one tool per line, however it was typed:

    altgafam scan tools.txt

It tells you, tool by tool, who owns it, whether that is one of the GAFAM, and
what libre software replaces it, with the license and how hard the move is.
'altgafam COMMAND --help' tells more about each command.

exit codes: 0 done, 1 findings (an invalid catalog), 2 bad usage or input,
130 interrupted.
"""


COMMANDS = {"scan": scan, "site": site, "catalog": catalog}


def parser(argv: Sequence[str] | None = None) -> Parser:
    """The command line: scan, site and catalog with their options. Given the arguments, only
    the command they name gets its options declared (the others are listed with their
    summary): declaring every option of every command is most of argparse's cost."""
    wanted = next((a for a in argv if not a.startswith("-")), None) if argv is not None else None
    root = Parser(prog="altgafam", description=DESCRIPTION)
    root.add_argument("--version", action="version", version=f"altgafam {__version__}")
    root.set_defaults(handler=None, parser=root)
    commands = root.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name, module in COMMANDS.items():
        if argv is None or wanted not in COMMANDS or wanted == name:
            module.add_parser(commands)
        else:
            commands.add_parser(name, help=module.SUMMARY)
    return root


def run(argv: Sequence[str]) -> int:
    """Run one command line; the exit code (usage errors included) is returned."""
    try:
        known, extra = parser(argv).parse_known_args(argv)
        args = vars(known)
        handler = args.pop("handler")
        command: Parser = args.pop("parser")
        if extra:
            # Reported by the command's own parser, so the hint names its --help.
            command.error(f"unrecognized arguments: {' '.join(extra)}")
        if handler is None:
            # `altgafam` or `altgafam catalog` alone: say what can follow.
            command.print_help(sys.stderr)
            return EXIT_USAGE
        handler(**args)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else EXIT_USAGE if done.code else EXIT_OK
    except KeyboardInterrupt:
        print("altgafam: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except AltgafamError as exc:
        print(f"altgafam: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def main() -> None:
    """Entry point of the `altgafam` script. A reader that stops early (`| head`) ends the
    run quietly, as with any Unix tool, instead of a traceback."""
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when flushing at exit: point stdout at /dev/null.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1  # what Click and most tools answer
    sys.exit(code)
