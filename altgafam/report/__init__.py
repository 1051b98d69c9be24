"""Rendering: the terminal table, JSON, Markdown and HTML (Jinja2 templates in templates/),
the catalog's own views, and the words of both languages."""
