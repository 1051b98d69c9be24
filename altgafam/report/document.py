"""The client report in Markdown or HTML, from Jinja2 templates (the shipped ones, or an
agency's own with --template): the same content in both, every word through i18n."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from altgafam.advice.plan import EU
from altgafam.errors import InputError
from altgafam.models import ClientReport, HostedOffer, Recommendation, Text
from altgafam.report.i18n import t

if TYPE_CHECKING:
    from altgafam.site.plan import SiteReport

TEMPLATES = Path(__file__).resolve().parent / "templates"
SHIPPED = {"markdown": "report.md.j2", "html": "report.html.j2"}
KIND_TAGS = ("web", "desktop", "mobile", "self-hostable", "hosted-offer")


def helpers(lang: str) -> dict[str, Any]:
    """The functions every template uses, speaking `lang`."""

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
        "t": words,
        "text": text,
        "effort": effort,
        "kinds": kinds,
        "offer": offer,
        "day": day,
        "names": names,
        "lang": lang,
    }


def context(doc: ClientReport, site: SiteReport | None = None) -> dict[str, Any]:
    """What the report templates see: the report (and the website's findings, when the scan
    covered a site), and the helpers."""
    return {
        **helpers(doc.lang),
        "doc": doc,
        "summary": doc.report.summary,
        "site": site,
        "version": doc.version,
        "client": doc.client,
    }


def _render(values: dict[str, Any], fmt: str, name: str, template: Path | None = None) -> str:
    import jinja2

    from altgafam.report.markdown import escape

    folder, chosen = (template.parent, template.name) if template else (TEMPLATES, name)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(folder)), jinja2.FileSystemLoader(str(TEMPLATES))]
        ),
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = escape
    env.filters["offer"] = values["offer"]
    try:
        return env.get_template(chosen).render(**values)
    except jinja2.TemplateNotFound as exc:
        raise InputError(f"{template or chosen}: no such template ({exc})") from None
    except jinja2.TemplateError as exc:
        where = f"{template or chosen}:{getattr(exc, 'lineno', '')}"
        raise InputError(f"{where}: template error: {exc}") from None


def render(
    doc: ClientReport, fmt: str, template: Path | None = None, site: SiteReport | None = None
) -> str:
    """The client report rendered by the shipped template for `fmt`, or by `template`."""
    return _render(context(doc, site), fmt, SHIPPED[fmt], template)


def render_site(
    site: SiteReport, fmt: str, lang: str, client: str, version: str, template: Path | None = None
) -> str:
    """`altgafam site` alone, as Markdown or HTML."""
    values = {**helpers(lang), "site": site, "client": client, "version": version}
    return _render(values, fmt, f"site.{'md' if fmt == 'markdown' else 'html'}.j2", template)
