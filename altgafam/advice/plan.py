"""Turn matches into a report (facts, ranked alternatives, counts) and into a client's plan
(dependency score, tools by category, the target stack and roadmap, what to clarify)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from altgafam.models import (
    Alternative,
    Catalog,
    ClientReport,
    Entry,
    Match,
    PerLine,
    Preferences,
    Profile,
    Recognised,
    Recommendation,
    Report,
    Result,
    Status,
    Summary,
    Text,
    ToolItem,
)
from altgafam.normalize import fold

Recs = tuple[Recommendation, ...]

EU = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
# Preference words that are not catalog tags: where an alternative can be had.
DERIVED_TAGS = ("eu", "chatons")
TAG_SYNONYMS = {"self-hosted": "self-hostable", "hosted": "hosted-offer"}
WEIGHTS = {"low": 1, "medium": 2, "high": 3}
BANDS = ((25, "band_low"), (50, "band_moderate"), (75, "band_high"), (101, "band_very_high"))
NO_PREFERENCES = Preferences()


def preference_tags(catalog: Catalog) -> set[str]:
    """Every word --prefer, --require and --exclude accept."""
    return set(catalog.tags) | set(DERIVED_TAGS) | set(TAG_SYNONYMS)


def has_tag(alternative: Alternative, tag: str) -> bool:
    """Whether an alternative carries a tag, or a derived one: hosted-offer (a provider hosts
    it), eu (a provider in the European Union), chatons (a CHATONS member hosts it)."""
    tag = TAG_SYNONYMS.get(tag, tag)
    if tag == "hosted-offer":
        return bool(alternative.hosted_offers)
    if tag == "eu":
        return any(o.country in EU for o in alternative.hosted_offers)
    if tag == "chatons":
        return any(o.chatons for o in alternative.hosted_offers)
    return tag in alternative.tags


# Software nobody has to run a server for (a client app needs a service: someone hosts it)...
NO_SERVER = frozenset({"application", "extension", "os", "library"})
# ...and all a client installs on its own devices, client apps included.
ON_DEVICES = NO_SERVER | {"client"}


def _keeps(alternative: Alternative, prefs: Preferences) -> tuple[str, ...]:
    """The options that drop this alternative (empty: it is kept). --exclude self-hosted
    drops only what the client would have to run itself (a server no provider hosts);
    --require hosted keeps what a provider hosts, and software that needs no server only
    when the client asked for it (desktop or mobile among the preferences)."""
    wanted = {*prefs.prefer, *prefs.require}
    dropped = []
    for tag in prefs.require:
        if TAG_SYNONYMS.get(tag, tag) == "hosted-offer":
            ok = bool(alternative.hosted_offers) or (
                alternative.kind in ON_DEVICES
                and any(has_tag(alternative, t) for t in wanted & {"desktop", "mobile"})
            )
        else:
            ok = has_tag(alternative, tag)
        if not ok:
            dropped.append(f"--require {tag}")
    for tag in prefs.exclude:
        if TAG_SYNONYMS.get(tag, tag) == "self-hostable":
            hit = alternative.kind == "server" and not alternative.hosted_offers
        else:
            hit = has_tag(alternative, tag)
        if hit:
            dropped.append(f"--exclude {tag}")
    return tuple(dropped)


def recognised(match: Match, catalog: Catalog) -> Recognised | None:
    """The facts about the entry a match points to (None for ambiguous and unknown lines)."""
    if match.id is None:
        return None
    service = catalog.services.get(match.id)
    if service is not None:
        vendor = catalog.vendors[service.vendor]
        owner = catalog.owner(service.vendor)
        former = None
        if match.via == "former_name":
            written = fold(match.entry.text)
            former = next(
                (n for n in service.former_names if fold(n) in written),
                service.former_names[0] if service.former_names else None,
            )
        return Recognised(
            id=service.id,
            name=service.name,
            category=service.category,
            score=match.score,
            vendor=vendor.name,
            owner=owner.name,
            gafam=owner.gafam,
            discontinued=service.discontinued,
            successor=service.successor,
            former=former,
            keep=service.keep,
            advice=service.advice,
            suites=tuple(catalog.services[s].name for s in catalog.suites_of(service.id)),
            country=owner.country,
        )
    alternative = catalog.alternatives[match.id]
    return Recognised(
        alternative.id,
        alternative.name,
        alternative.categories[0],
        match.score,
        discontinued=alternative.archived,
    )


def recommendations(service_id: str, catalog: Catalog, prefs: Preferences = NO_PREFERENCES) -> Recs:
    """The service's alternatives as the catalog ranks them, filtered by --require and
    --exclude, those with a --prefer tag moved first (keeping the catalog's order otherwise),
    cut at --max-alternatives."""
    return _recommend(service_id, catalog, prefs)[0]


def _recommend(
    service_id: str, catalog: Catalog, prefs: Preferences
) -> tuple[Recs, tuple[str, ...]]:
    """The recommendations, and the options that removed every one the catalog has (empty
    when some are left, or when the catalog has none)."""
    service = catalog.services[service_id]
    kept = []
    removed: dict[str, None] = {}
    for ref in service.alternatives:
        alt = catalog.alternatives[ref.id]
        if alt.archived is not None:
            continue  # an overlay may rank one; a project nobody maintains is no advice
        dropped = _keeps(alt, prefs)
        if dropped:
            removed.update(dict.fromkeys(dropped))
        else:
            kept.append((ref, alt))
    if prefs.prefer:
        kept.sort(key=lambda pair: -sum(has_tag(pair[1], t) for t in prefs.prefer))
    if prefs.max_alternatives is not None:
        kept = kept[: prefs.max_alternatives]

    def piece(ident: str) -> tuple[str, str, str]:
        alt = catalog.alternatives[ident]
        return (alt.id, alt.name, alt.kind)

    recs = tuple(
        as_recommendation(alt, ref.effort, ref.note, tuple(piece(p) for p in ref.pieces))
        for ref, alt in kept
    )
    return recs, (() if recs else tuple(removed))


def as_recommendation(
    alt: Alternative,
    effort: str,
    note: Text | None = None,
    pieces: tuple[tuple[str, str, str], ...] = (),
) -> Recommendation:
    """An alternative as recommended, with the effort and note of moving to it."""
    return Recommendation(
        alt.id,
        alt.name,
        alt.license,
        alt.homepage,
        effort,
        alt.tags,
        note,
        alt.hosted_offers,
        alt.kind,
        pieces,
    )


def category_recommendations(
    category: str, catalog: Catalog, prefs: Preferences = NO_PREFERENCES, top: int = 3
) -> Recs:
    """For a service the catalog does not know, only its category: the alternatives the
    catalog most often recommends for the services of that category (first places weigh
    more), filtered and ordered by the preferences as for a known service. Their notes are
    about other services, so none is given."""
    score: dict[str, float] = {}
    effort: dict[str, str] = {}
    for service in catalog.services.values():
        if service.category != category:
            continue
        for rank, ref in enumerate(service.alternatives):
            score[ref.id] = score.get(ref.id, 0.0) + 1.0 / (rank + 1)
            effort.setdefault(ref.id, ref.effort)
    ranked = sorted(score, key=lambda ident: (-score[ident], ident))
    kept = [catalog.alternatives[i] for i in ranked if not _keeps(catalog.alternatives[i], prefs)]
    if prefs.prefer:
        kept.sort(key=lambda alt: -sum(has_tag(alt, t) for t in prefs.prefer))
    limit = top if prefs.max_alternatives is None else min(top, prefs.max_alternatives)
    return tuple(as_recommendation(alt, effort[alt.id]) for alt in kept[:limit])


def build_report(
    matches: Sequence[Match], catalog: Catalog, prefs: Preferences = NO_PREFERENCES
) -> Report:
    """Assemble the report for every matched line, in input order. Matches kept once per
    distinct line (matcher.match_lines) give results kept the same way."""
    if isinstance(matches, PerLine):
        distinct, lines, which = matches.parts()
    else:
        distinct = [(m,) for m in matches]
        lines, which = [m.entry.line for m in matches], range(len(matches))
    # An inventory names the same tools again and again: build their facts once.
    known: dict[
        tuple[str | None, float, Status, str], tuple[Recognised | None, Recs, tuple[str, ...]]
    ] = {}

    def result(match: Match) -> Result:
        key = (match.id, match.score, match.status, match.via)
        facts = known.get(key)
        if facts is None:
            alts: Recs = ()
            removed: tuple[str, ...] = ()
            if match.status is Status.PROPRIETARY and match.id:
                alts, removed = _recommend(match.id, catalog, prefs)
            facts = known[key] = (recognised(match, catalog), alts, removed)
        info, alts, removed = facts
        return Result(match.entry, match.status, info, match.candidates, alts, removed)

    results = [tuple(result(m) for m in parts) for parts in distinct]
    times = Counter(which)
    counts: Counter[Status] = Counter()
    gafam = 0
    for k, parts in enumerate(results):
        for r in parts:
            counts[r.status] += times[k]
            gafam += times[k] if r.match is not None and r.match.gafam else 0
    summary = Summary(
        entries=sum(counts.values()),
        proprietary=counts[Status.PROPRIETARY],
        gafam=gafam,
        libre=counts[Status.LIBRE],
        ambiguous=counts[Status.AMBIGUOUS],
        unknown=counts[Status.UNKNOWN],
    )
    per_line = PerLine(results, lines, which)
    return Report(per_line, summary, len(catalog.services), len(catalog.alternatives))


def dependency(tools: list[ToolItem]) -> tuple[int, str]:
    """The dependency score (0-100) and its band: the share of the distinct recognised tools
    owned by one of the GAFAM, each weighted by its category's criticality (3, 2, 1). A tool
    kept on purpose (keep) or with no libre replacement (advice) is left out: depending on
    it is not a failure of the plan."""
    tools = [t for t in tools if not _outside_plan(t)]
    total = sum(WEIGHTS[t.criticality] for t in tools)
    owned = sum(WEIGHTS[t.criticality] for t in tools if t.match.gafam)
    score = round(100 * owned / total) if total else 0
    return score, next(band for limit, band in BANDS if score < limit)


def _figures(
    entries: Sequence[Entry], figures: dict[int, tuple[int | None, float | None]]
) -> tuple[int | None, float | None]:
    """A tool's seats and annual cost: its lines' figures added up (None when none says)."""
    if not figures:
        return None, None
    found = [figures[e.line] for e in entries if e.line in figures]
    seats = [s for s, _ in found if s is not None]
    costs = [c for _, c in found if c is not None]
    return (sum(seats) if seats else None, round(sum(costs), 2) if costs else None)


def _outside_plan(tool: ToolItem) -> bool:
    """A proprietary tool the plan does not replace: kept on purpose, or with advice only."""
    return (
        not tool.alternatives
        and not tool.removed_by
        and (tool.match.keep is not None or tool.match.advice is not None)
    )


def _per_line(results: Sequence[Result]) -> PerLine[Result]:
    if isinstance(results, PerLine):
        return results
    return PerLine([(r,) for r in results], [r.entry.line for r in results], range(len(results)))


def client_report(
    report: Report,
    catalog: Catalog,
    client: str = "",
    date: dt.date | None = None,
    lang: str = "en",
    version: str = "",
    profile: Profile | None = None,
    require: tuple[str, ...] = (),
    column: tuple[str, int, str, int, int] | None = None,
) -> ClientReport:
    """Group the report by distinct tool and category, score the dependency, and lay out the
    phased plan: quick wins first (low effort, most critical and GAFAM-owned first), then
    medium, then heavy moves."""
    results = _per_line(report.results)
    by_tool = results.group(
        lambda r: (
            r.match.id
            if r.match is not None and r.status in (Status.PROPRIETARY, Status.LIBRE)
            else None
        )
    )
    items = []
    for named in by_tool.values():
        first = named[0]
        assert first.match is not None
        category = catalog.categories.get(first.match.category)
        entries = named.entries()
        seats, cost = _figures(entries, report.figures)
        items.append(
            ToolItem(
                first.match,
                first.status,
                entries,
                first.alternatives,
                category.criticality if category else "medium",
                first.removed_by,
                seats,
                cost,
            )
        )
    score, band = dependency(items)
    owners = Counter(t.match.owner for t in items if t.match.gafam and t.match.owner)

    def weight(t: ToolItem) -> tuple[int, int, str]:
        return (-int(t.match.gafam), -WEIGHTS[t.criticality], t.match.name.casefold())

    proprietary = sorted((t for t in items if t.status is Status.PROPRIETARY), key=weight)
    proprietary_all = proprietary
    libre = tuple(sorted((t for t in items if t.status is Status.LIBRE), key=weight))
    from altgafam.advice import roadmap, stack  # they use this module's facts (EU)

    in_plan = [t for t in proprietary if t.alternatives]
    targets = stack.target_stack(in_plan, libre, catalog, profile, require)
    people = {t.match.name: t.seats for t in in_plan if t.seats}
    projects = roadmap.roadmap(
        targets, in_plan, catalog, profile.headcount if profile else None, people
    )
    spent = [t for t in proprietary if t.seats is not None or t.annual_cost is not None]
    spend = (
        sum(t.seats for t in spent if t.seats is not None) if spent else None,
        round(sum(t.annual_cost for t in spent if t.annual_cost is not None), 2)
        if any(t.annual_cost is not None for t in spent)
        else None,
    )
    groups = []
    for category in sorted(catalog.categories.values(), key=lambda c: c.label.get(lang).casefold()):
        members = [t for t in proprietary if t.match.category == category.id]
        if members:
            groups.append((category, tuple(members)))
    successors = {s.id: s.name for s in catalog.services.values()}
    return ClientReport(
        report=report,
        client=client,
        date=date or dt.date.today(),
        lang=lang,
        version=version,
        reviewed=max((s.reviewed for s in catalog.services.values() if s.reviewed), default=None),
        distinct=len(items),
        gafam_by_owner=tuple(sorted(owners.items(), key=lambda kv: (-kv[1], kv[0]))),
        libre=libre,
        score=score,
        band=band,
        groups=tuple(groups),
        without_alternative=tuple(
            t
            for t in proprietary
            if not t.alternatives and not t.removed_by and not _outside_plan(t)
        ),
        kept=tuple(t for t in proprietary if _outside_plan(t) and t.match.keep is not None),
        advised=tuple(t for t in proprietary if _outside_plan(t) and t.match.keep is None),
        filtered=tuple(t for t in proprietary if t.removed_by),
        profile=profile,
        target_stack=targets,
        roadmap=projects,
        spend=spend,
        column=column,
        jurisdiction=(
            len(proprietary_all),
            sum(1 for t in proprietary_all if t.match.country and t.match.country not in EU),
            sum(1 for t in proprietary_all if t.match.country == "US"),
        ),
        ambiguous=results.select(lambda r: r.status is Status.AMBIGUOUS),
        unknown=results.select(lambda r: r.status is Status.UNKNOWN),
        successors=successors,
    )
