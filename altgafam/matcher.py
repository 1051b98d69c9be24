"""Recognise each line of a tool list: normalise, exact look-ups first, RapidFuzz second. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from altgafam.models import Candidate, Catalog, Entry, Match, Status
from altgafam.normalize import fold, key

# A match needs this score; below it, candidates down to SUGGEST are offered as "did you mean".
DEFAULT_MIN_SCORE = 85.0
SUGGEST = 70.0
# Two different products scoring within this margin are a tie the user must settle.
AMBIGUITY_MARGIN = 3.0
# A fuzzy hit on part of the line counts a little less than one on the whole line.
PART_PENALTY = 0.95
# Parts shorter than this are never fuzzy-matched (a short word must not pull in a long name).
MIN_FUZZY_CHARS = 4
MAX_WINDOW = 4
TYPO_WINDOW_CHARS = 6
# A line whose words all belong to a longer name ("HubSpot", "Lightroom") names that product
# when only one has them, is ambiguous between a few, and says nothing when many share them.
SUBSET_SCORE = 87.0
SUBSET_MAX = 4
# A whole-line fuzzy reading this good beats an exact hit that explains fewer of its words
# ("Active Directory Azure" is Entra ID, not Azure).
REORDER_SCORE = 95.0

_URL = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})"
    r"(?::\d+)?(?:/\S*)?",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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
    tableau box signal element word pages numbers keynote notion plane twenty ghost mural
    monday discord threads messenger telegram smash tally sage teams slack zoom office drive
    meet chat forms sheets docs photos maps keep plans notes rappels calendrier contacts
    reminders calendar mail podcasts music news wallet health books journal copilot bard
    excel outlook access project publisher planner lists loop stream bookings sway visio
    """.split()
)


@dataclass(frozen=True)
class _Key:
    entry: str
    via: str


@dataclass(frozen=True)
class Index:
    """The catalog prepared once for matching: exact keys, domains and fuzzy choices."""

    exact: dict[str, _Key]
    domains: dict[str, str]
    choices: list[str]
    choice_ids: list[str]
    postings: dict[str, frozenset[int]]
    names: dict[str, str]
    libre: frozenset[str]


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
    frozen = {token: frozenset(ids) for token, ids in postings.items()}
    return Index(
        exact, domains, choices, choice_ids, frozen, names, frozenset(catalog.alternatives)
    )


def clean(text: str) -> str:
    """The entry as the report shows it: control characters removed, spaces folded."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    return " ".join(text.split())


def hosts_in(text: str) -> list[str]:
    """Every host name written in the line, as a URL or a bare domain."""
    return [m.group(1).lower().rstrip(".") for m in _URL.finditer(text)]


def content_words(tokens: list[str]) -> list[str]:
    """The words that can name a product: fillers and versions dropped."""
    return [t for t in tokens if t not in FILLERS and not _VERSION.match(t)]


def match_entry(entry: Entry, index: Index, min_score: float = DEFAULT_MIN_SCORE) -> Match:
    """Recognise one entry of the tool list."""
    text = entry.text
    for host in hosts_in(text):
        ident = _domain(host, index)
        if ident is not None:
            return _found(entry, index, ident, 100.0, "domain", ())
    stripped = _URL.sub(_url_words, text)
    tokens = fold(stripped).split()
    words = content_words(tokens)
    hit = _exact(tokens, index, _capitalised(stripped))
    if hit is not None:
        ident, via, others, covered = hit
        if covered < len(words):
            # Words are left over: a reading of the whole line may explain them all.
            whole = sorted(_scores(" ".join(words), index, whole=True), key=lambda x: -x[1])
            if whole and whole[0][0] != ident and whole[0][1] >= REORDER_SCORE:
                return _found(entry, index, whole[0][0], round(whole[0][1], 1), "fuzzy", (ident,))
        return _found(entry, index, ident, 100.0, via, others)
    return _fuzzy(entry, words, index, min_score)


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


def _domain(host: str, index: Index) -> str | None:
    labels = host.split(".")
    for start in range(len(labels) - 1):
        ident = index.domains.get(".".join(labels[start:]))
        if ident is not None:
            return ident
    return None


def _exact(
    tokens: list[str], index: Index, capitalised: frozenset[str]
) -> tuple[str, str, tuple[str, ...], int] | None:
    """The leftmost, then longest, run of words that is exactly a known name, with the number
    of content words it covers."""
    found: list[tuple[int, int, str, str]] = []
    alone = len(content_words(tokens)) <= 1
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + MAX_WINDOW), start, -1):
            hit = index.exact.get("".join(tokens[start:end]))
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


def _fuzzy(entry: Entry, words: list[str], index: Index, min_score: float) -> Match:
    if not words:
        return Match(entry, Status.UNKNOWN)
    best: dict[str, float] = {}
    query = " ".join(words)
    parts: list[tuple[str, float]] = [(query, 1.0)]
    if len(words) > 1:
        for size in range(1, min(MAX_WINDOW, len(words) - 1) + 1):
            for start in range(len(words) - size + 1):
                parts.append((" ".join(words[start : start + size]), PART_PENALTY))
    for part, weight in parts:
        if len(part.replace(" ", "")) < MIN_FUZZY_CHARS or (weight < 1 and part in COMMON_WORDS):
            # An everyday word inside a longer line was already refused by the exact step.
            continue
        for ident, score in _scores(part, index, whole=weight == 1):
            best[ident] = max(best.get(ident, 0.0), score * weight)
    subset = _subset(words, index)
    if 0 < len(subset) <= SUBSET_MAX:
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
    out = [
        (index.choice_ids[pos], score)
        for _, score, pos in process.extract(
            part, index.choices, scorer=fuzz.token_sort_ratio, limit=5, score_cutoff=SUGGEST
        )
    ]
    if len(part) < (MIN_FUZZY_CHARS if whole else TYPO_WINDOW_CHARS):
        return out
    allowed = 1 if len(part) < 6 else 2
    for choice, distance, pos in process.extract(
        part, index.choices, scorer=OSA.distance, limit=5, score_cutoff=allowed
    ):
        if choice[:1] == part[:1]:
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


def match_all(
    entries: list[Entry], index: Index, min_score: float = DEFAULT_MIN_SCORE
) -> list[Match]:
    """Match every entry; identical lines are scored once."""
    memo: dict[str, Match] = {}
    out: list[Match] = []
    for entry in entries:
        known = memo.get(entry.text)
        if known is None:
            known = memo[entry.text] = match_entry(entry, index, min_score)
            out.append(known)
        else:
            out.append(
                Match(entry, known.status, known.id, known.score, known.via, known.candidates)
            )
    return out
