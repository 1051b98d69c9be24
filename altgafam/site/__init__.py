"""Auditing a website: fetching pages within bounds (robots.txt, size, time), detecting the
third parties they load, and the site plan."""
