"""`altgafam clarify`: settle a list's unknown and ambiguous lines with the user, and keep the
answers as a catalog overlay (aliases on existing entries), so the next scan gets them right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from altgafam.cli.common import CatalogDirs, Lang, fail, load_prepared, say
from altgafam.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from altgafam.models import Catalog, Match
    from altgafam.scan.matcher import Index

HELP = (
    "Settle, with you, the lines of FILE that scan left unknown or ambiguous.\n\n"
    "For each, pick one of the candidates or search the catalog; the answers are saved in "
    "DIR/clarify.yaml as aliases on catalog entries, a catalog overlay: scan the same client "
    "with [bold]--catalog DIR[/bold] and those lines are recognised. --answers FILE gives the "
    "answers without asking (a JSON object: line -> catalog id, null to skip)."
)
EXAMPLES = (
    "[bold]Examples[/bold]\n"
    "  altgafam clarify tools.txt --to clients/mairie\n"
    "  altgafam scan tools.txt --catalog clients/mairie\n"
    "  altgafam clarify tools.csv --to clients/mairie --answers answers.json"
)
OVERLAY_FILE = "clarify.yaml"
# The candidates and search hits offered at one prompt.
MAX_OFFERED = 8

# What clarify says, in the report's two languages, with named placeholders.
WORDS = {
    "en": {
        "title": "[{n}/{total}] {line}",
        "unknown": "not in the catalog",
        "ambiguous": "ambiguous",
        "choose": "Number, s to search the catalog, Enter to skip",
        "search": "Search the catalog for",
        "none": "nothing found",
        "taken": "'{line}' is already a name of {name}: it cannot name {chosen}; skipped",
        "saved": "answers saved: {count} new, {total} in {path}; scan with --catalog {folder} "
        "to use them",
        "nothing": "nothing to clarify in {source}",
        "bad_id": "{path}: '{ident}' is not a catalog entry",
    },
    "fr": {
        "title": "[{n}/{total}] {line}",
        "unknown": "absent du catalogue",
        "ambiguous": "ambigu",
        "choose": "Numéro, s pour chercher dans le catalogue, Entrée pour passer",
        "search": "Chercher dans le catalogue",
        "none": "rien trouvé",
        "taken": "« {line} » est déjà un nom de {name} : il ne peut nommer {chosen} ; ignoré",
        "saved": "réponses enregistrées : {count} nouvelles, {total} dans {path} ; scannez avec "
        "--catalog {folder} pour en tenir compte",
        "nothing": "rien à clarifier dans {source}",
        "bad_id": "{path} : « {ident} » n'est pas une entrée du catalogue",
    },
}


class Question(NamedTuple):
    """A distinct line to settle, with what the matcher offers for it."""

    text: str
    status: str
    candidates: tuple[tuple[str, str], ...]


def clarify(
    file: Annotated[
        str,
        typer.Argument(
            help="The tool list, as scan reads it ('-': standard input).", show_default=False
        ),
    ],
    to: Annotated[
        Path,
        typer.Option(
            "--to",
            metavar="DIR",
            help="The client's overlay folder (created when missing; its earlier answers kept).",
            show_default=False,
        ),
    ],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Answer from this JSON object (line -> catalog id, null to skip) instead of "
            "asking.",
            show_default=False,
        ),
    ] = None,
    lang: Lang = None,
    column: Annotated[
        str | None,
        typer.Option("--column", help="As for scan.", show_default=False),
    ] = None,
    catalog_dirs: CatalogDirs = None,
) -> None:
    """The clarify command (its help is HELP): match, ask, save the overlay."""
    from altgafam.report.i18n import default_language
    from altgafam.scan import matcher
    from altgafam.scan.inputs import read_tools

    words = WORDS[lang.value if lang is not None else default_language()]
    if to.exists() and not to.is_dir():
        fail(f"{to}: not a folder")
    layers = [*(catalog_dirs or []), *([to] if (to / OVERLAY_FILE).is_file() else [])]
    catalog, index = load_prepared(matcher.build_index, layers)
    assert index is not None
    known = index
    try:
        tools = read_tools(file, "auto", column, recognise=lambda t: matcher.recognises(t, known))
        given = _read_answers(answers) if answers is not None else None
    except InputError as exc:
        fail(str(exc))
    questions = _questions(matcher.match_lines(tools.entries, index))
    if not questions:
        say("", words["nothing"].format(source=tools.source))
        return
    settled: dict[str, str] = {}
    for n, question in enumerate(questions, start=1):
        if given is not None:
            chosen = given.get(question.text)
        else:
            chosen = _ask(question, n, len(questions), catalog, words)
        if chosen is None:
            continue
        if chosen not in catalog.services and chosen not in catalog.alternatives:
            fail(words["bad_id"].format(path=answers, ident=chosen))
        clash = _claimed(question.text, chosen, index)
        if clash is not None:
            say("warning", words["taken"].format(line=question.text, name=clash, chosen=chosen))
            continue
        settled[question.text] = chosen
    path, total = save(to, settled, catalog)
    say("", words["saved"].format(count=len(settled), total=total, path=path, folder=to))
    # The overlay is checked as scan will read it: an invalid one is said now, not later.
    load_prepared(None, [*(catalog_dirs or []), to])


def _questions(matches: object) -> list[Question]:
    """The distinct unknown and ambiguous lines (or parts of lines), in the list's order."""
    from altgafam.models import Status

    seen: dict[str, Question] = {}
    for match in matches:  # type: ignore[attr-defined]
        m: Match = match
        if m.status in (Status.UNKNOWN, Status.AMBIGUOUS) and m.entry.text not in seen:
            offered = tuple((c.id, c.name) for c in m.candidates)
            seen[m.entry.text] = Question(m.entry.text, m.status.value, offered)
    return list(seen.values())


def _read_answers(path: Path) -> dict[str, str | None]:
    """The answers file: a JSON object, each line of the list -> a catalog id or null."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or not all(
        isinstance(v, str) or v is None for v in data.values()
    ):
        raise InputError(f"{path}: expected a JSON object of line -> catalog id (or null)")
    return data


def _claimed(text: str, chosen: str, index: Index) -> str | None:
    """The entry that already has this line as a name or alias, when it is another one: an
    alias may not be claimed twice (catalog validation refuses it)."""
    from altgafam.normalize import key

    hit = index.exact.get(key(text))
    return index.names[hit.entry] if hit is not None and hit.entry != chosen else None


def _ask(
    question: Question, n: int, total: int, catalog: Catalog, words: dict[str, str]
) -> str | None:
    """Ask for one line: a candidate's number, a search, or nothing."""
    from rich.markup import escape
    from rich.prompt import Prompt

    from altgafam.cli.common import console
    from altgafam.normalize import sanitize

    out = console(stderr=True)
    title = words["title"].format(n=n, total=total, line=escape(sanitize(question.text)))
    out.print(f"[bold]{title}[/bold] ({words[question.status]})")
    offered = list(question.candidates[:MAX_OFFERED])
    while True:
        _offer(out, offered)
        answer = Prompt.ask(words["choose"], console=out, default="", show_default=False).strip()
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(offered):
            return offered[int(answer) - 1][0]
        if answer.casefold() in ("s", "/"):
            answer = Prompt.ask(words["search"], console=out, default="", show_default=False)
        from altgafam.catalog.search import search

        offered = [(h.id, h.name) for h in search(catalog, answer, limit=MAX_OFFERED)]
        if not offered:
            out.print(words["none"])


def _offer(out: Console, offered: list[tuple[str, str]]) -> None:
    from rich.markup import escape

    for number, (ident, name) in enumerate(offered, start=1):
        out.print(f"  {number}) {escape(name)} [dim]({escape(ident)})[/dim]")


def save(folder: Path, settled: dict[str, str], catalog: Catalog) -> tuple[Path, int]:
    """Add the answers to the folder's clarify.yaml (earlier ones kept, a line answered again
    takes its new entry); its path and how many answers it holds. The file is YAML written
    as JSON, which YAML reads too: clarify reads it back without a YAML parser."""
    path = folder / OVERLAY_FILE
    aliases: dict[str, str] = {}
    if path.is_file():
        aliases = _aliases(path)
    aliases.update(settled)
    by_entry: dict[str, list[str]] = {}
    for text, ident in aliases.items():
        by_entry.setdefault(ident, []).append(text)
    sections: dict[str, list[dict[str, object]]] = {}
    for ident in sorted(by_entry):
        section = "services" if ident in catalog.services else "alternatives"
        entry: dict[str, object] = {"id": ident, "aliases": sorted(by_entry[ident])}
        sections.setdefault(section, []).append(entry)
    body = json.dumps(dict(sorted(sections.items())), ensure_ascii=False, indent=2)
    header = (
        "# Answers given to `altgafam clarify`: lines of a client's list, each an alias of the\n"
        "# catalog entry it names. Scan with --catalog on this folder to use them.\n"
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(header + body + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
    return path, len(aliases)


def _aliases(path: Path) -> dict[str, str]:
    """The answers already in a clarify.yaml: each alias -> its entry."""
    text = "".join(
        line for line in path.read_text(encoding="utf-8").splitlines(True) if line[:1] != "#"
    )
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        fail(f"{path}: not written by clarify (edit it as a catalog file, or move it away)")
    found: dict[str, str] = {}
    for entries in data.values() if isinstance(data, dict) else ():
        for entry in entries:
            for alias in entry.get("aliases", ()):
                found[alias] = entry["id"]
    return found
