"""Run altgafam as `python -m altgafam`."""

from altgafam.cli import main

main()
