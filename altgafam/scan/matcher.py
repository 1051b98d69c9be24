"""Recognise each line of a tool list: normalise, exact look-ups first, RapidFuzz second. Pure."""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from altgafam.models import Candidate, Catalog, Entry, Match, PerLine, Status
from altgafam.normalize import by_host, fold, key

# A match needs this score; below it, candidates down to SUGGEST are offered as "did you mean".
DEFAULT_MIN_SCORE = 88.0
SUGGEST = 70.0
# Two different products scoring within this margin are a tie the user must settle.
AMBIGUITY_MARGIN = 3.0
# A fuzzy hit on part of the line counts a little less than one on the whole line.
PART_PENALTY = 0.97
# Parts shorter than this are never fuzzy-matched (a short word must not pull in a long name).
MIN_FUZZY_CHARS = 4
MAX_WINDOW = 4
TYPO_WINDOW_CHARS = 6
PROGRESS_STEP = 500
# A line whose words all belong to a longer name ("HubSpot", "Lightroom") names that product
# when only one has them, is ambiguous between a few, and says nothing when many share them.
SUBSET_SCORE = 90.0
SUBSET_MAX = 6
# A whole-line fuzzy reading this good beats an exact hit that explains fewer of its words
# ("Active Directory Azure" is Entra ID, not Azure).
REORDER_SCORE = 95.0

_URL = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})"
    r"(?::\d+)?(?:/\S*)?",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+[/+&]\s+|\s+(?:et|and)\s+(?=\S)")
_VERSION = re.compile(
    r"^(?:v?\d+(?:\.\d+)*[a-z]?|cs\d*|cc|(?:19|20)\d\d|x{0,3}(?:ix|iv|v?i{1,3}))$"
)
# Words people add around a product name, in French and English. They are dropped before
# fuzzy scoring, never before exact look-up (so "Microsoft 365" or "Teams" stay intact).
FILLERS = frozenset(
    """
    a an and the of for with my our your their on in at to by via from new old un une le la les
    l d de du des et ou en au aux pour par avec sur chez notre nos votre vos mon ma mes son sa
    ses leur leurs ce cette ces account accounts compte comptes licence licences license
    licenses abonnement abonnements subscription gratuit gratuite free paid payant payante pro
    premium plus business entreprise enterprise edition standard basic starter essentials plan
    offre offer forfait app apps application applications appli desktop mobile web online ligne
    version versions client clients logiciel logiciels software tool tools outil outils service
    services plateforme platform site sites www http https com fr org net io perso personnel
    personnelle personal equipe equipes team interne internal utilise utilises used usage use
    utilisation partage partagee shared commun commune principal principale etc tbd todo na
    """.split()
)
# Product names that are also everyday words. Found inside a longer line they name the product
# only when written with a capital (Tableau, Notion) or alone: "tableau blanc de la salle" is
# a whiteboard, "signal d'alarme" an alarm.
COMMON_WORDS = frozenset(
    """
    tableau box signal element word pages numbers keynote notion plane ghost mural monday
    smash tally sage teams office drive meet chat forms sheets docs photos maps keep plans
    notes rappels calendrier contacts reminders calendar mail podcasts music news wallet
    health books journal outlook access project publisher planner lists loop stream bookings
    sway visio
    webmail cloud studio online reader server live search translate photo video
    """.split()
)
# Words dropped from a vendor's name before matching it: "Sage Group" is written "Sage".
_CORPORATE = frozenset(
    "group groupe inc corp corporation company labs platforms communications software "
    "technologies technology holdings sa sas ag gmbh ltd llc bv nv plc se".split()
)


class _Key(NamedTuple):
    entry: str
    via: str


class Index(NamedTuple):
    """The catalog prepared once for matching: exact keys, domains and fuzzy choices."""

    exact: dict[str, _Key]
    domains: dict[str, str]
    choices: list[str]
    # Each choice with its words sorted: token_sort_ratio is plain ratio over sorted words,
    # and sorting once here instead of on every query makes fuzzy look-ups 4 times faster.
    sorted_choices: list[str]
    choice_ids: list[str]
    postings: dict[str, frozenset[int]]
    names: dict[str, str]
    libre: frozenset[str]
    vendors: dict[str, tuple[str, ...]]


def build_index(catalog: Catalog) -> Index:
    """Index every name, alias, former name and domain of the catalog."""
    exact: dict[str, _Key] = {}
    domains: dict[str, str] = {}
    choices: list[str] = []
    choice_ids: list[str] = []
    postings: dict[str, set[int]] = defaultdict(set)
    names: dict[str, str] = {}
    entries = [
        (s.id, s.name, s.aliases, s.former_names, s.domains) for s in catalog.services.values()
    ] + [(a.id, a.name, a.aliases, (), a.domains) for a in catalog.alternatives.values()]
    for ident, name, aliases, former, hosts in entries:
        names[ident] = name
        for via, values in (("name", (name,)), ("alias", aliases), ("former_name", former)):
            for value in values:
                exact.setdefault(key(value), _Key(ident, via))
                folded = fold(value)
                if folded:
                    for token in folded.split():
                        postings[token].add(len(choices))
                    choices.append(folded)
                    choice_ids.append(ident)
        for host in hosts:
            domains.setdefault(host.lower(), ident)
    # A hosted offer's address names the software it runs (framaspace.org is Nextcloud).
    for alt in catalog.alternatives.values():
        for offer in alt.hosted_offers:
            found = _addresses(offer.url)
            if found:
                domains.setdefault(found[0][0].removeprefix("www."), alt.id)
    frozen = {token: frozenset(ids) for token, ids in postings.items()}
    return Index(
        exact,
        domains,
        choices,
        [_sorted_words(c) for c in choices],
        choice_ids,
        frozen,
        names,
        frozenset(catalog.alternatives),
        _vendor_products(catalog),
    )


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _vendor_products(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Vendor name -> its services (suites first), for lines that name only the company."""
    products: dict[str, list[str]] = defaultdict(list)
    order = sorted(
        catalog.services.values(),
        key=lambda s: (s.category != "suites", s.discontinued is not None, s.id),
    )
    for service in order:
        vendor = catalog.vendors[service.vendor]
        words = [w for w in fold(vendor.name).split() if w not in _CORPORATE]
        for name in {key(vendor.name), "".join(words)}:
            if name:
                products[name].append(service.id)
    return {name: tuple(ids) for name, ids in products.items()}


def _addresses(text: str) -> list[tuple[str, str]]:
    """Every (host, first path segment) written in the line."""
    out = []
    for m in _URL.finditer(text):
        rest = m.group(0)[m.end(1) - m.start(0) :]
        segment = rest.split("/")[1].split("?")[0].split("#")[0].lower() if "/" in rest else ""
        out.append((m.group(1).lower().rstrip("."), segment))
    return out


def content_words(tokens: list[str]) -> list[str]:
    """The words that can name a product: fillers and versions dropped."""
    return [t for t in tokens if t not in FILLERS and not _VERSION.match(t)]


def match_entry(entry: Entry, index: Index, min_score: float = DEFAULT_MIN_SCORE) -> Match:
    """Recognise one entry of the tool list."""
    text = entry.text
    for host, segment in _addresses(text):
        ident = by_host(index.domains, host, segment)
        if ident is not None:
            return _found(entry, index, ident, 100.0, "domain", ())
    stripped = _URL.sub(_url_words, text)
    tokens = fold(stripped).split()
    words = content_words(tokens)
    capitalised = _capitalised(stripped)
    hit = _exact(tokens, index, capitalised, alone=len(words) <= 1)
    if hit is not None:
        ident, via, others, covered = hit
        if covered < len(words):
            # Words are left over: a reading of the whole line may explain them all.
            whole = sorted(_scores(" ".join(words), index, whole=True), key=lambda x: -x[1])
            if whole and whole[0][0] != ident and whole[0][1] >= REORDER_SCORE:
                return _found(entry, index, whole[0][0], round(whole[0][1], 1), "fuzzy", (ident,))
            # One name among several other name-like words ("Windows Live Mail") is a
            # product the catalog does not know, not the one it happens to contain.
            if covered == 1 and _named_neighbours(tokens, ident, index) >= 2:
                return Match(
                    entry, Status.UNKNOWN, candidates=(Candidate(ident, index.names[ident], 50.0),)
                )
        return _found(entry, index, ident, 100.0, via, others)
    company = index.vendors.get("".join(words)) if words else None
    if company:
        # Only the company is named ("Adobe", "compte Google"): which of its products? Its
        # libre editions count too ("Odoo" is Enterprise or Community).
        shared = _subset(words, index)
        options = list(company) + sorted(i for i in shared if i in index.libre)
        if len(options) == 1:
            return _found(entry, index, options[0], SUBSET_SCORE, "vendor", ())
        cands = tuple(Candidate(i, index.names[i], 0.0) for i in options[:5])
        return Match(entry, Status.AMBIGUOUS, via="vendor", candidates=cands)
    return _fuzzy(entry, words, index, min_score, capitalised)


def _named_neighbours(tokens: list[str], ident: str, index: Index) -> int:
    """How many name-like words stand right next to the matched word, with no filler
    between ("windows live mail": two; "bitwarden pour les mots de passe": none)."""
    for position, token in enumerate(tokens):
        hit = index.exact.get(token)
        if hit is None or hit.entry != ident:
            continue
        count = 0
        for step in (1, -1):
            other = position + step
            while 0 <= other < len(tokens) and tokens[other] in index.postings:
                if tokens[other] in FILLERS:
                    break
                count += 1
                other += step
        return count
    return 0


def _capitalised(text: str) -> frozenset[str]:
    """Folded forms of the words written with a capital letter."""
    return frozenset(fold(w) for w in re.findall(r"\w+", text) if w[:1].isupper())


def _url_words(m: re.Match[str]) -> str:
    """A URL becomes the name-like label of its host (app.asana.com/0/12 -> asana); a bare
    dotted name (Draw.io, Monday.com, Node.js) stays as written."""
    whole = m.group(0)
    if "/" in whole or whole.lower().startswith("www."):
        labels = m.group(1).split(".")
        return " " + (labels[-2] if len(labels) > 1 else labels[0]) + " "
    return whole


def _exact(
    tokens: list[str], index: Index, capitalised: frozenset[str], alone: bool
) -> tuple[str, str, tuple[str, ...], int] | None:
    """The leftmost, then longest, run of words that is exactly a known name, with the number
    of content words it covers."""
    found: list[tuple[int, int, str, str]] = []
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + MAX_WINDOW), start, -1):
            joined = "".join(tokens[start:end])
            hit = index.exact.get(joined)
            if hit is None and len(joined) > 4 and joined.endswith("s"):
                hit = index.exact.get(joined[:-1])  # "Chromebooks", "Google Sheet"s
            if hit is None:
                continue
            word = tokens[start]
            if end - start == 1 and word in COMMON_WORDS and not alone and word not in capitalised:
                continue
            found.append((start, -(end - start), hit.entry, hit.via))
            break
    if not found:
        return None
    found.sort()
    start, negative_length, ident, via = found[0]
    covered = len(content_words(tokens[start : start - negative_length]))
    others = tuple(dict.fromkeys(f[2] for f in found[1:] if f[2] != ident))
    return ident, via, others, max(covered, 1)


def _fuzzy(
    entry: Entry,
    words: list[str],
    index: Index,
    min_score: float,
    capitalised: frozenset[str] = frozenset(),
) -> Match:
    if not words:
        return Match(entry, Status.UNKNOWN)
    best: dict[str, float] = {}
    namey = [w for w in words if w in index.postings]
    parts: list[tuple[str, float]] = [(" ".join(words), 1.0)]
    if len(words) > 1:
        for size in range(1, min(MAX_WINDOW, len(words) - 1) + 1):
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if any(w in COMMON_WORDS and w not in capitalised for w in window):
                    # An everyday word in lower case names nothing inside a longer line
                    # ("une visio par mois" is a video call, not Microsoft Visio).
                    continue
                # Around a window, words that belong to no name are context ("trelo pour
                # le suivi des chantiers"): the window is then the whole product name.
                context = all(w not in index.postings for w in words if w not in window)
                parts.append((" ".join(window), 1.0 if context else PART_PENALTY))
    for part, weight in parts:
        if len(part.replace(" ", "")) < MIN_FUZZY_CHARS:
            continue
        for ident, score in _scores(part, index, whole=weight == 1):
            best[ident] = max(best.get(ident, 0.0), score * weight)
    distinctive = [w for w in namey if w not in COMMON_WORDS or w in capitalised]
    settles = len(namey) == len(words) and bool(distinctive)
    subset = _subset(distinctive or namey, index)
    # Only distinctive words filling the whole line settle on one product ("Lightroom");
    # with context around, or everyday words alone, shared words can only raise a question
    # ("Drive partagé": which Drive?), never settle ("agenda papier" is not Google's,
    # "webmail Free" is not Roundcube).
    fuzzy_found = max(best.values(), default=0.0) >= min_score
    if (settles and 0 < len(subset) <= SUBSET_MAX) or (
        not fuzzy_found and 1 < len(subset) <= SUBSET_MAX
    ):
        for ident in subset:
            best[ident] = max(best.get(ident, 0.0), SUBSET_SCORE)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < min_score:
        suggestions = tuple(
            Candidate(i, index.names[i], round(s, 1)) for i, s in ranked[:3] if s >= SUGGEST
        )
        return Match(entry, Status.UNKNOWN, candidates=suggestions)
    top_id, top = ranked[0]
    close = [(i, s) for i, s in ranked[1:] if top - s <= AMBIGUITY_MARGIN and s >= min_score]
    # A libre tool close behind a proprietary one: never call the line proprietary on a guess.
    libre_close = [
        (i, s) for i, s in ranked[1:] if i in index.libre and top - s <= 2 * AMBIGUITY_MARGIN
    ]
    if close or (top_id not in index.libre and libre_close):
        rivals = close or libre_close
        cands = tuple(Candidate(i, index.names[i], round(s, 1)) for i, s in [ranked[0], *rivals])
        return Match(entry, Status.AMBIGUOUS, score=round(top, 1), via="fuzzy", candidates=cands)
    runners = tuple(
        Candidate(i, index.names[i], round(s, 1)) for i, s in ranked[1:3] if s >= SUGGEST
    )
    return _found(entry, index, top_id, round(top, 1), "fuzzy", (), runners)


def _scores(part: str, index: Index, whole: bool) -> list[tuple[str, float]]:
    """Fuzzy scores of one part of the line against every name: spelling and word order
    (token_sort_ratio), and typos counted as people make them (a swap of two letters is one
    slip, not two), allowed only when the first letter is right and the word long enough:
    a slip in a short word inside a longer line ("Apple Plans") is another word, not a typo."""
    # RapidFuzz is loaded on the first fuzzy look-up: a list whose every line is known by
    # name, alias or address never pays its import (a sixth of a warm scan's start-up).
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    mine = set(part.split())
    out = [
        (index.choice_ids[pos], score)
        for choice, score, pos in process.extract(
            _sorted_words(part),
            index.sorted_choices,
            scorer=fuzz.ratio,
            limit=5,
            score_cutoff=SUGGEST,
        )
        # Words that all belong to a longer name are the subset rule's to judge
        # ("Authenticator" is Google's or Microsoft's); sorting kept the words.
        if not mine < set(choice.split())
    ]
    if len(part) < (MIN_FUZZY_CHARS if whole else TYPO_WINDOW_CHARS):
        return out
    allowed = 1 if len(part) < 6 else 2
    initials = [w[:1] for w in part.split()]
    for choice, distance, pos in process.extract(
        part, index.choices, scorer=OSA.distance, limit=5, score_cutoff=allowed
    ):
        theirs = [w[:1] for w in choice.split()]
        # People rarely get a word's first letter wrong: "google trad" is not "google bard".
        if choice[:1] == part[:1] and (len(theirs) != len(initials) or theirs == initials):
            out.append((index.choice_ids[pos], 100.0 * (1 - distance / (len(part) + len(choice)))))
    return out


def _subset(words: list[str], index: Index) -> set[str]:
    """Entries one of whose names contains every word of the line."""
    if len("".join(words)) < MIN_FUZZY_CHARS or len(words) > 2:
        return set()
    positions: frozenset[int] | None = None
    for word in words:
        posting = index.postings.get(word, frozenset())
        positions = posting if positions is None else positions & posting
    return {index.choice_ids[p] for p in positions or ()}


def _found(
    entry: Entry,
    index: Index,
    ident: str,
    score: float,
    via: str,
    others: tuple[str, ...],
    runners: tuple[Candidate, ...] = (),
) -> Match:
    status = Status.LIBRE if ident in index.libre else Status.PROPRIETARY
    cands = runners or tuple(Candidate(i, index.names[i], 100.0) for i in others)
    return Match(entry, status, ident, score, via, cands)


def split_parts(text: str) -> list[str]:
    """The parts of a line that lists several tools ("Slack, Zoom; Trello", "Slack / Teams"),
    never cut inside parentheses ("Google Workspace (Gmail, Drive)")."""
    parts: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += (ch in "([{") - (ch in ")]}")
        sep = _SEPARATOR.match(text, i) if depth <= 0 else None
        if sep is not None:
            parts.append(current)
            current = ""
            i = sep.end()
            continue
        current += ch
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _match_line(entry: Entry, index: Index, min_score: float) -> list[Match]:
    """One line: split into several tools when at least two of its parts are tools."""
    if _SEPARATOR.search(entry.text):
        parts = split_parts(entry.text)
        if len(parts) > 1:
            matches = [match_entry(Entry(entry.line, part), index, min_score) for part in parts]
            known = sum(m.status in (Status.PROPRIETARY, Status.LIBRE) for m in matches)
            if known >= 2:
                return matches
    return [match_entry(entry, index, min_score)]


def match_lines(
    entries: Iterable[Entry],
    index: Index,
    min_score: float = DEFAULT_MIN_SCORE,
    progress: Callable[[int], None] | None = None,
) -> PerLine[Match]:
    """Match every entry, splitting lines that list several tools; identical lines are scored
    once and kept once (models.PerLine), so memory grows with the distinct lines. `progress`,
    when given, is told every PROGRESS_STEP entries."""
    ids: dict[str, int] = {}
    verdicts: list[tuple[Match, ...]] = []
    lines, which = array("q"), array("l")
    for count, entry in enumerate(entries, start=1):
        if progress is not None and count % PROGRESS_STEP == 0:
            progress(PROGRESS_STEP)
        k = ids.get(entry.text)
        if k is None:
            k = ids[entry.text] = len(verdicts)
            verdicts.append(tuple(_match_line(entry, index, min_score)))
        lines.append(entry.line)
        which.append(k)
    return PerLine(verdicts, lines, which)


def match_all(
    entries: Iterable[Entry],
    index: Index,
    min_score: float = DEFAULT_MIN_SCORE,
    progress: Callable[[int], None] | None = None,
) -> list[Match]:
    """`match_lines`, one Match per line (or per part of a split line) in a list."""
    return list(match_lines(entries, index, min_score, progress))
