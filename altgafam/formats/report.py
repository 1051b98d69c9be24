"""The client report in Markdown or HTML, from Jinja2 templates (the shipped ones, or an
agency's own with --template): the same content in both, every word through i18n."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from altgafam.errors import InputError
from altgafam.i18n import t
from altgafam.models import ClientReport, HostedOffer, Recommendation, Text
from altgafam.plan import EU

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SHIPPED = {"markdown": "report.md.j2", "html": "report.html.j2"}
KIND_TAGS = ("web", "desktop", "mobile", "self-hostable", "hosted-offer")


def context(doc: ClientReport) -> dict[str, Any]:
    """What a template sees: the report, and helpers that speak the report's language."""
    lang = doc.lang

    def words(key: str, **values: object) -> str:
        return t(lang, key, **values)

    def text(value: Text | None) -> str:
        return value.get(lang) if value is not None else ""

    def effort(level: str) -> str:
        return t(lang, f"effort_{level}")

    def kinds(rec: Recommendation) -> str:
        return ", ".join(t(lang, f"tag_{tag}") for tag in KIND_TAGS if tag in rec.tags)

    def offer(o: HostedOffer) -> str:
        marks = [o.country]
        if o.country in EU:
            marks.append(t(lang, "eu"))
        if o.chatons:
            marks.append(t(lang, "chatons"))
        return f"{o.provider} ({', '.join(marks)})"

    def names(values: Any, sep: str = ", ") -> str:
        # Plain text in, plain text out: escaping happens once, where the words are printed.
        return sep.join(str(v) for v in values)

    def day(value: object) -> str:
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    return {
        "doc": doc,
        "summary": doc.report.summary,
        "t": words,
        "text": text,
        "effort": effort,
        "kinds": kinds,
        "offer": offer,
        "day": day,
        "names": names,
        "lang": lang,
    }


def render(doc: ClientReport, fmt: str, template: Path | None = None) -> str:
    """The report rendered by the shipped template for `fmt`, or by `template`."""
    import jinja2

    from altgafam.formats.markdown import escape

    folder, name = (template.parent, template.name) if template else (TEMPLATES, SHIPPED[fmt])
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = escape
    values = context(doc)
    env.filters["offer"] = values["offer"]
    try:
        return env.get_template(name).render(**values)
    except jinja2.TemplateNotFound:
        raise InputError(f"{template}: no such template") from None
    except jinja2.TemplateError as exc:
        where = f"{template or name}:{getattr(exc, 'lineno', '')}"
        raise InputError(f"{where}: template error: {exc}") from None
