"""Run altgafam: `python -m altgafam`, and the `altgafam` script."""

import sys

from altgafam import __version__


def main() -> None:
    """Answer `--version` before the command line is even built (scripts ask it often, and it
    should cost no more than the interpreter), then hand over to the CLI."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"altgafam {__version__}\n")
        return
    from altgafam.cli import main as run

    run()


if __name__ == "__main__":
    main()
