"""The target stack: for each function the client needs (mail, files, calendar...), one
recommended libre target, the reasons for it, and who hosts it when the client should not."""

from __future__ import annotations

from collections.abc import Iterable

from altgafam.advice.plan import EU, NO_SERVER, as_recommendation
from altgafam.catalog.schema import EFFORTS
from altgafam.models import (
    Alternative,
    Catalog,
    HostedOffer,
    Profile,
    Reason,
    Recommendation,
    Target,
    Text,
    ToolItem,
)
from altgafam.normalize import key

# Who a provider serves, for each kind of organisation (a provider that says nothing of whom
# it serves may serve anyone).
AUDIENCE = {
    "association": {"associations"},
    "public-body": {"public-bodies", "organisations"},
    "company": {"organisations"},
    "agency": {"organisations"},
}
EFFORT_RANK = {effort: rank for rank, effort in enumerate(EFFORTS)}


def in_use(catalog: Catalog, libre: Iterable[ToolItem], profile: Profile | None) -> set[str]:
    """The libre alternatives the client already runs: the list's libre lines, and the tools
    the organisation file says are adopted (by name or alias)."""
    used = {t.match.id for t in libre}
    if profile is not None and profile.adopted:
        names: dict[str, str] = {}
        for alt in catalog.alternatives.values():
            for name in (alt.name, *alt.aliases):
                names.setdefault(key(name), alt.id)
        used.update(names[k] for k in map(key, profile.adopted) if k in names)
    return used


def _feasible(alt: Alternative | Recommendation, profile: Profile | None) -> bool:
    """Whether the client can adopt it: it needs no server, or a provider hosts it, or the
    client runs servers."""
    if alt.kind in NO_SERVER or alt.hosted_offers:
        return True
    # Servers the client runs itself, or with its IT provider's help.
    return profile is None or profile.servers != "no"


def _hostable(alt: Alternative | Recommendation) -> bool:
    """Whether the client can have it without running a server: nothing to run, or hosts."""
    return alt.kind in NO_SERVER or bool(alt.hosted_offers)


def choose_host(
    offers: Iterable[HostedOffer],
    catalog: Catalog,
    profile: Profile | None,
    require: tuple[str, ...] = (),
) -> HostedOffer | None:
    """The provider to name: the profile's hosting preference first (a CHATONS member, a host
    in the EU), then one that serves this kind of organisation, then by name."""
    wanted = profile.hosting if profile is not None else "eu"
    audience = AUDIENCE[profile.kind if profile is not None else "company"]

    def serves(offer: HostedOffer) -> bool:
        provider = catalog.providers.get(offer.provider_id)
        return provider is None or not provider.serves or bool(audience & set(provider.serves))

    def rank(offer: HostedOffer) -> tuple[int, int, int, str]:
        provider = catalog.providers.get(offer.provider_id)
        return (
            0 if wanted == "chatons" and offer.chatons else 1,
            0 if wanted in ("chatons", "eu") and offer.country in EU else 1,
            # A provider that says whom it serves, and serves this kind, before the others.
            0 if provider is not None and provider.serves else 1,
            offer.provider.casefold(),
        )

    def allowed(offer: HostedOffer) -> bool:
        # What the user required of every alternative holds of the host named too.
        return ("chatons" not in require or offer.chatons) and (
            "eu" not in require or offer.country in EU
        )

    ranked = sorted((o for o in offers if serves(o) and allowed(o)), key=rank)
    return ranked[0] if ranked else None


def target_stack(
    tools: Iterable[ToolItem],
    libre: Iterable[ToolItem],
    catalog: Catalog,
    profile: Profile | None = None,
    require: tuple[str, ...] = (),
) -> tuple[Target, ...]:
    """One target per function of the client's proprietary tools that have alternatives,
    functions taken most critical first. A target is preferred when the client already runs
    it, when it was already chosen for another function or covers several of the client's
    functions (one Nextcloud for files, calendar and contacts), when the profile can adopt
    it (no server to run, or a provider hosts it), when a host fits the hosting preference,
    and, all else equal, for the catalog's ranking and the lower effort."""
    by_function: dict[str, list[ToolItem]] = {}
    for tool in tools:
        if tool.alternatives:
            by_function.setdefault(tool.match.category, []).append(tool)
    needed = set(by_function)
    used = in_use(catalog, libre, profile)
    weights = {"high": 0, "medium": 1, "low": 2}

    def criticality(function: str) -> tuple[int, str]:
        category = catalog.categories.get(function)
        return (weights[category.criticality] if category else 1, function)

    chosen: dict[str, str] = {}
    targets: list[Target] = []

    def _pick(function: str, members: list[ToolItem]) -> Target:
        """The best target for some of a function's tools, and the tools it replaces."""
        options: dict[str, tuple[Recommendation, int]] = {}
        for tool in members:
            for rank, rec in enumerate(tool.alternatives):
                if rec.id not in options or rank < options[rec.id][1]:
                    options[rec.id] = (rec, rank)
        # A libre tool the client runs that serves this function is a candidate too.
        for ident in sorted(used):
            alt = catalog.alternatives.get(ident)
            if alt is not None and function in alt.categories and ident not in options:
                options[ident] = (as_recommendation(alt, "low"), len(options))

        def score(item: tuple[Recommendation, int], function: str = function) -> tuple[int, ...]:
            rec, rank = item
            alt = catalog.alternatives[rec.id]
            covers = len(needed & set(alt.categories))
            host = choose_host(rec.hosted_offers, catalog, profile, require)
            fits_host = host is not None and (
                (profile is not None and profile.hosting == "chatons" and host.chatons)
                or host.country in EU
            )
            # What the client does not have to run comes before what covers more, unless
            # the client runs its own servers.
            hostable = (_hostable(rec) and host is not None) or rec.kind in NO_SERVER
            return (
                # A target the client can adopt (no server to run, a host, or servers of its
                # own), then one that does the whole job (its categories hold the function).
                int(_feasible(rec, profile)),
                int(function in alt.categories),
                int(rec.id in used),
                int(rec.id in chosen.values()),
                int(hostable or (profile is not None and profile.self_hosts)),
                covers,
                int(fits_host),
                -rank,
                -EFFORT_RANK.get(rec.effort, 1),
            )

        ranked = sorted(options.values(), key=score, reverse=True)
        top = score(ranked[0])[:5]
        # One target for all the function's tools when one is an alternative of each of
        # them; else the best, for the tools it is an alternative of.
        # Not at the cost of what matters more: one the client can adopt, that does the whole
        # job, that it runs or that was chosen elsewhere, that needs no server of its own.
        listed = [{r.id for r in t.alternatives} for t in members]
        common = [
            item
            for item in ranked
            if all(item[0].id in ids for ids in listed) and score(item)[:5] == top
        ]
        best, _ = (common or ranked)[0]
        alt = catalog.alternatives[best.id]
        reasons: list[Reason] = []
        if best.id in used:
            reasons.append(Reason("in_use"))
        elif best.id in chosen.values():
            first = next(f for f, i in chosen.items() if i == best.id)
            reasons.append(Reason("chosen_elsewhere", _labels("function", [first], catalog)))
        also = sorted((needed & set(alt.categories)) - {function})
        if also and best.id not in chosen.values():
            reasons.append(Reason("covers", _labels("functions", also, catalog)))
        host = None
        feasible = _feasible(best, profile)
        if best.kind in NO_SERVER:
            reasons.append(Reason("no_server"))
        elif profile is not None and profile.self_hosts and best.kind == "server":
            reasons.append(Reason("self_host"))
        else:
            host = choose_host(best.hosted_offers, catalog, profile, require)
            if host is not None:
                reasons.append(Reason("host", (("provider", host.provider),)))
            elif best.kind == "client":
                reasons.append(Reason("client_app"))
            else:
                reasons.append(Reason("needs_host"))
        if function not in alt.categories:
            # The catalog's best option covers part of the function only (openElec for a
            # town hall suite: its elections, not its accounts).
            reasons.insert(0, Reason("partial"))
        chosen.setdefault(function, best.id)
        label = catalog.categories[function].label if function in catalog.categories else None
        # It replaces the tools whose alternatives name it (all of them when it is a libre
        # tool the client already runs that none of them names).
        covered = [t for t in members if any(r.id == best.id for r in t.alternatives)]
        return Target(
            function=function,
            label=label or Text(function, function),
            replaces=tuple(t.match.name for t in covered or members),
            choice=best,
            host=host,
            reasons=tuple(reasons),
            others=tuple(
                rec.name
                for rec, _ in sorted(options.values(), key=lambda o: o[1])
                if rec.id != best.id
            ),
            feasible=feasible,
        )

    for function in sorted(needed, key=criticality):
        remaining = by_function[function]
        while remaining:
            target = _pick(function, remaining)
            same = next(
                (
                    i
                    for i, t in enumerate(targets)
                    if (t.function, t.choice.id) == (function, target.choice.id)
                ),
                None,
            )
            if same is None:
                targets.append(target)
            else:
                # The same target again (one the client runs): one line for all it replaces.
                replaces = targets[same].replaces + target.replaces
                targets[same] = targets[same]._replace(replaces=replaces)
            # The tools the target replaces; the others of this function (an image viewer
            # and a streaming studio share one) get a target of their own.
            remaining = [t for t in remaining if t.match.name not in target.replaces]
    return tuple(targets)


def _labels(name: str, functions: list[str], catalog: Catalog) -> tuple[tuple[str, str], ...]:
    """A reason's value in both languages: the functions' names, lowercase."""
    labels = [catalog.categories[f].label for f in functions if f in catalog.categories]
    return tuple(
        (f"{name}_{lang}", ", ".join(label.get(lang).lower() for label in labels))
        for lang in ("en", "fr")
    )
