"""The client report in Markdown or HTML, from Jinja2 templates (the shipped ones, or an
agency's own with --template): the same content in both, every word through i18n."""

from __future__ import annotations

import datetime as dt
import json
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from altgafam.advice.plan import EU, NO_SERVER
from altgafam.advice.roadmap import PHASES
from altgafam.advice.stack import AUDIENCE
from altgafam.errors import InputError
from altgafam.models import ClientReport, HostedOffer, Project, Recommendation, Target, Text
from altgafam.normalize import sanitize
from altgafam.report.i18n import long_date, t
from altgafam.report.typography import for_language, french

if TYPE_CHECKING:
    from altgafam.site.plan import SiteReport


class Verbatim(str):
    """Text already made for its place (a YAML or CSS string): neither escaped for HTML
    (`__html__` is what autoescaping asks) nor set again by the French finalizer."""

    def __html__(self) -> str:
        return str(self)


TEMPLATES = Path(__file__).resolve().parent / "templates"
SHIPPED = {"markdown": "report.md.j2", "html": "report.html.j2"}
# How people reach an alternative, shown after its kind.
ACCESS_TAGS = ("web", "desktop", "mobile")


def helpers(lang: str, audience: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The functions every template uses, speaking `lang`; `audience`, whom the client is
    (associations, organisations...), when a profile says."""

    def words(key: str, **values: object) -> str:
        return t(lang, key, **values)

    def text(value: Text | None) -> str:
        return value.get(lang) if value is not None else ""

    def effort(level: str) -> str:
        return t(lang, f"effort_{level}")

    def kinds(rec: Recommendation) -> str:
        access = [t(lang, f"tag_{tag}") for tag in ACCESS_TAGS if tag in rec.tags]
        kind = t(lang, f"kind_{rec.kind}")
        return f"{kind} ({', '.join(access)})" if access else kind

    def license(rec: Recommendation) -> str:
        return rec.license or t(lang, "open_standard")

    def pieces(rec: Recommendation) -> str:
        if not rec.pieces:
            return ""
        return t(lang, "with_pieces", names=", ".join(name for _, name, _ in rec.pieces))

    def host(target: Target) -> str:
        if target.host is not None:
            return offer(target.host)
        if target.choice.kind in NO_SERVER:
            return t(lang, "no_server")
        if target.choice.kind == "client":
            return "—"
        # A server the client runs itself, when it can; else a host still to find.
        return t(lang, "self_hosted" if target.feasible else "host_missing")

    def reasons(target: Target) -> str:
        said = []
        for reason in target.reasons:
            values = {
                k.removesuffix(f"_{lang}"): v
                for k, v in reason.values
                if k.endswith(f"_{lang}") or "_" not in k
            }
            said.append(t(lang, f"why_{reason.key}", **values))
        return ", ".join(said)

    def action(project: Project, phase: bool = True) -> str:
        # "Phase 1: move from Google Workspace (Gmail, Google Drive) to IMAP/SMTP with
        # Thunderbird (Mailo), Nextcloud (Zaclys)": each target once, with its host.
        seen: dict[str, str] = {}
        for target in project.targets:
            name = target.choice.name
            if target.choice.pieces:
                name += f" {pieces(target.choice)}"
            where = host(target)
            seen.setdefault(name, f"{name} ({where})" if where != "—" else name)
        tools = ", ".join(project.tools)
        if project.suite is not None and project.suite not in project.tools:
            tools = f"{project.suite} ({tools})"
        targets = ", ".join(seen.values())
        if not phase:
            return t(lang, "move", service=tools, target=targets)
        number = t(lang, "phase_number", n=PHASES.index(project.phase) + 1)
        return t(lang, "action", phase=number, service=tools, target=targets)

    def number(value: float | None) -> str:
        if value is None:
            return t(lang, "not_given")
        if value == int(value) and abs(value) >= 1000:
            # Thousands grouped as each language writes them: 4 800 / 4,800.
            grouped = f"{int(value):,}"
            return grouped.replace(",", "\u202f") if lang == "fr" else grouped
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "fr" else text

    def hosts(rec: Recommendation) -> str:
        # Only the providers that serve this kind of organisation, when the report knows it
        # (Apps.education.fr serves the Education ministry's staff alone).
        offers = [
            o for o in rec.hosted_offers if not audience or not o.serves or audience & set(o.serves)
        ]
        if offers:
            return ", ".join(offer(o) for o in offers)
        if rec.kind == "client":
            # An app for a service, as in `host`: nothing to host, the service is elsewhere.
            return "—"
        return t(lang, "no_server" if rec.kind in NO_SERVER else "host_yourself")

    def offer(o: HostedOffer) -> str:
        marks = [o.country] if o.country else []
        if o.country in EU:
            marks.append(t(lang, "eu"))
        if o.chatons:
            marks.append(t(lang, "chatons"))
        return f"{o.provider} ({', '.join(marks)})" if marks else o.provider

    def names(values: Any, sep: str = ", ") -> str:
        # Plain text in, plain text out: escaping happens once, where the words are printed.
        return sep.join(str(v) for v in values)

    def day(value: object) -> str:
        # In words, as a sentence says it: "fermé le 14 octobre 2025".
        return long_date(lang, value) if isinstance(value, dt.date) else str(value)

    def yaml(value: object) -> Verbatim:
        # A double-quoted YAML scalar (JSON's string syntax is valid YAML), set in the
        # report's language first, since the finalizer leaves it alone.
        return Verbatim(json.dumps(for_language(lang, str(value)), ensure_ascii=False))

    def css(value: object) -> Verbatim:
        # A CSS string for a `content:` rule, every character but letters, digits and
        # spaces written as a hex escape, so no quote, backslash or </style> survives; the
        # space after each escape ends it (CSS reads it as part of the escape).
        chars = (
            c if c.isalnum() or c == " " else f"\\{ord(c):x} "
            for c in for_language(lang, sanitize(str(value)))
        )
        return Verbatim('"' + "".join(chars) + '"')

    return {
        "t": words,
        "text": text,
        "effort": effort,
        "kinds": kinds,
        "license": license,
        "pieces": pieces,
        "hosts": hosts,
        "host": host,
        "reasons": reasons,
        "action": action,
        "number": number,
        "phases": PHASES,
        "offer": offer,
        "day": day,
        "yaml": yaml,
        "css": css,
        "names": names,
        "lang": lang,
    }


def context(doc: ClientReport, site: SiteReport | None = None) -> dict[str, Any]:
    """What the report templates see: the report (and the website's findings, when the scan
    covered a site), and the helpers."""
    audience = frozenset(AUDIENCE[doc.profile.kind]) if doc.profile is not None else frozenset()
    return {
        **helpers(doc.lang, audience),
        "doc": doc,
        "summary": doc.report.summary,
        "site": site,
        "version": doc.version,
        "client": doc.client,
        "date": doc.date,
    }


def _verbatim(value: object) -> object:
    # Text already made for its place (HTML from a macro, a CSS or YAML string: all have
    # __html__) is printed as it is; everything else is French text, set in French.
    if hasattr(value, "__html__") or not isinstance(value, str):
        return value
    return french(value)


def _location(exc: BaseException, template: Path) -> str:
    """Where in the agency's template an error happened: FILE:LINE (Jinja2 rewrites the
    traceback so that its frames point into the templates)."""
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None) or str(template)
    if lineno is None:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2") or frame.filename == str(template):
                filename, lineno = frame.filename, frame.lineno
                break
    return f"{filename}:{lineno or 1}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "the template includes or calls itself without end"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    return str(exc) or type(exc).__name__


def _render(values: dict[str, Any], fmt: str, name: str, template: Path | None = None) -> str:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from altgafam.report.markdown import escape

    folder, chosen = (template.parent, template.name) if template else (TEMPLATES, name)
    # Sandboxed: an agency's template is a file from outside, and a plain Environment lets
    # it reach Python's internals (cycler.__init__.__globals__.os) and run commands.
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(folder)), jinja2.FileSystemLoader(str(TEMPLATES))]
        ),
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_verbatim if values["lang"] == "fr" else None,
    )
    env.filters["md"] = escape
    env.filters["offer"] = values["offer"]
    env.filters["yaml"] = values["yaml"]
    env.filters["css"] = values["css"]
    try:
        return env.get_template(chosen).render(**values)
    except jinja2.TemplateNotFound as exc:
        raise InputError(f"{template or chosen}: no such template ({exc})") from None
    except UnicodeDecodeError as exc:
        # Where the file stops being UTF-8: the line of the first bad byte.
        where = template or TEMPLATES / chosen
        line = exc.object[: exc.start].count(b"\n") + 1 if isinstance(exc.object, bytes) else 1
        raise InputError(f"{where}:{line}: template error: {_reason(exc)}") from None
    except jinja2.TemplateError as exc:
        raise InputError(
            f"{_location(exc, template or TEMPLATES / chosen)}: template error: {_reason(exc)}"
        ) from None
    except Exception as exc:
        if template is None:
            raise  # a bug in a shipped template: let it show
        # An agency's template that divides by zero, recurses, calls a helper wrongly:
        # the template's fault, told as one line with its place.
        raise InputError(f"{_location(exc, template)}: template error: {_reason(exc)}") from None


def render(
    doc: ClientReport, fmt: str, template: Path | None = None, site: SiteReport | None = None
) -> str:
    """The client report rendered by the shipped template for `fmt`, or by `template`."""
    return _render(context(doc, site), fmt, SHIPPED[fmt], template)


def render_site(
    site: SiteReport,
    fmt: str,
    lang: str,
    client: str,
    version: str,
    template: Path | None = None,
    date: dt.date | None = None,
) -> str:
    """`altgafam site` alone, as Markdown or HTML, dated `date` (today by default)."""
    values = {
        **helpers(lang),
        "site": site,
        "client": client,
        "version": version,
        "date": date or dt.date.today(),
    }
    return _render(values, fmt, f"site.{'md' if fmt == 'markdown' else 'html'}.j2", template)
