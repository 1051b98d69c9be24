"""The roadmap: migration projects (a suite, or a function), in phases ordered by what depends
on what, each with its target and host, effort in person-days, training and export steps."""

from __future__ import annotations

import math
from collections.abc import Iterable

from altgafam.catalog.schema import EFFORTS
from altgafam.models import Catalog, Project, Target, Text, ToolItem

# Phases, in order: what the others build on comes first (the domain and the mail, and the
# accounts people sign in with; then the files; then how people talk; then the rest).
PHASES = ("foundations", "files", "communication", "business")
PHASE_OF = {
    "mail": "foundations",
    "web-hosting": "foundations",
    "identity": "foundations",
    "passwords-2fa": "foundations",
    "operating-systems": "foundations",
    "storage": "files",
    "office": "files",
    "suites": "files",
    "wiki-notes": "files",
    "file-transfer": "files",
    "calendar": "communication",
    "contacts": "communication",
    "chat": "communication",
    "video-calls": "communication",
    "messaging": "communication",
    "scheduling-polls": "communication",
}
# Person-days of a project by its effort, and per person who uses it (moving their data,
# setting up their devices): a range, low to high.
BASE_DAYS = {"low": (0.5, 1.0), "medium": (2.0, 4.0), "high": (5.0, 10.0)}
PER_SEAT = {"low": (0.02, 0.05), "medium": (0.05, 0.1), "high": (0.1, 0.2)}
TRAINING_GROUP = 10  # people per training session
TRAINING_HOURS = {"low": 1, "medium": 2, "high": 3}


def _phase(targets: Iterable[Target]) -> str:
    return min((PHASE_OF.get(t.function, "business") for t in targets), key=PHASES.index)


def roadmap(
    targets: tuple[Target, ...],
    tools: Iterable[ToolItem],
    catalog: Catalog,
    headcount: int | None = None,
    seats: dict[str, int] | None = None,
) -> tuple[Project, ...]:
    """The projects, phase by phase. The tools of one suite that the client uses (two of
    its members at least, or the suite itself) are one project; every other function is a
    project of its own. `seats`: the people using each tool (by tool name), when the list
    said; else the organisation's headcount."""
    tools_by_name = {t.match.name: t for t in tools if t.alternatives}
    suite_of: dict[str, str] = {}
    for service in catalog.services.values():
        bundled = [catalog.services[m].name for m in service.members if m in catalog.services]
        present = [m for m in bundled if m in tools_by_name]
        if len(present) >= 2 or (service.name in tools_by_name and present):
            for name in [*present, service.name]:
                suite_of.setdefault(name, service.name)
    suites = set(suite_of.values())
    groups: dict[str, list[Target]] = {}
    labels: dict[str, Text] = {}
    for target in targets:
        suite = next((suite_of[r] for r in target.replaces if r in suite_of), None)
        name = suite or target.label.en
        groups.setdefault(name, []).append(target)
        labels.setdefault(name, Text(suite, suite) if suite else target.label)
    projects = []
    for name, members in groups.items():
        replaced = tuple(dict.fromkeys(r for t in members for r in t.replaces))
        # Each replaced tool with the catalog's advice for moving it to the chosen target.
        moves = [
            (tool, ref)
            for t in members
            for tool in (tools_by_name.get(r) for r in t.replaces)
            if tool is not None
            for ref in tool.alternatives
            if ref.id == t.choice.id
        ]
        efforts = [ref.effort for _, ref in moves] or [t.choice.effort for t in members]
        effort = max(efforts, key=EFFORTS.index)
        people = _seats(replaced, seats, headcount)
        low, high = BASE_DAYS[effort]
        if people:
            low += PER_SEAT[effort][0] * people
            high += PER_SEAT[effort][1] * people
        sessions = math.ceil(people / TRAINING_GROUP) if people else 1
        checklist = tuple(
            (tool.match.name, ref.note) for tool, ref in moves if ref.note is not None
        )
        projects.append(
            Project(
                name=name,
                label=labels[name],
                phase=_phase(members),
                tools=replaced,
                targets=tuple(members),
                effort=effort,
                days=(round(low, 1), round(high, 1)),
                seats=people,
                training_sessions=sessions,
                training_hours=TRAINING_HOURS[effort],
                checklist=checklist,
                suite=name if name in suites else None,
            )
        )
    return tuple(sorted(projects, key=lambda p: (PHASES.index(p.phase), -len(p.targets), p.name)))


def _seats(
    tools: tuple[str, ...], seats: dict[str, int] | None, headcount: int | None
) -> int | None:
    """The people a project concerns: the most seats among its tools, else the headcount."""
    known = [seats[t] for t in tools if seats and t in seats]
    return max(known) if known else headcount
