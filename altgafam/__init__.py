"""altgafam: find libre alternatives to the proprietary services an organisation uses."""

__version__ = "0.1.0"
