"""What a word is worth for naming a product: learnt from the catalog (generic words, house
brands, category words) and from everyday French and English (data/common-words.txt). Pure."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from altgafam.models import Catalog
from altgafam.normalize import fold

COMMON_WORDS_FILE = Path(__file__).parent / "data" / "common-words.txt"
# A word in the names of this many owners is generic ("drive", "docs", "cloud", "forms"):
# it says what a product does, not whose it is.
GENERIC_OWNERS = 2
# A word in the names of this many products of one owner, and of no other owner, is the
# owner's house brand ("azure", "icloud").
HOUSE_ENTRIES = 2
# A category word is named by its first letters from this length on ("visio", "compta").
CATEGORY_PREFIX = 4
# An acronym the descriptions of this many owners' products use is a kind of thing ("TPE",
# "NAS", "CRM"), not a brand.
ACRONYM_OWNERS = 3
_ACRONYM = re.compile(r"\b(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,4}\b")
# Words dropped from a vendor's name: "Sage Group" is written "Sage".
CORPORATE = frozenset(
    "group groupe inc corp corporation company labs platforms communications software "
    "technologies technology systems holdings sa sas ag gmbh ltd llc bv nv plc se".split()
)
# Words saying a company's trade after its name ("Softway Medical", "C3rb Informatique"), which
# people leave out when the rest is no everyday word ("Softway"; "Malta Informatique" is not
# "Malta").
TRADE = frozenset("medical healthcare informatique".split())
# ... and the shortest rest that still names the company alone.
TRADE_REST = 4


class Vocabulary(NamedTuple):
    """The catalog's words sorted by what they can tell."""

    # Words shared by the names of several owners, and the words of category labels.
    generic: frozenset[str]
    # Each entry's owner's house words: its vendor's and owner's names, the words many of
    # the owner's products share. A name may leave them out ("Lightroom" is Adobe's).
    house: dict[str, frozenset[str]]
    # Every owner's house words: brands, never everyday words ("google", "orange",
    # "icloud"), though a dictionary has them.
    brands: frozenset[str]
    # A word, or the first letters of one, of a category's labels -> those categories.
    categories: dict[str, tuple[str, ...]]
    # Acronyms the descriptions of several owners' products use, no company's name: kinds
    # of things ("tpe", a card terminal; "nas"), not brands, though written in capitals.
    acronyms: frozenset[str]
    # Everyday words hyphened in a company's name to a word that says what kind of body
    # ("météo" of Météo-France): part of that one name, neither a brand nor a name alone.
    joined: frozenset[str] = frozenset()
    # Companies' names of one word, no everyday word ("civadis"): typed right, each is that
    # company, whether or not the catalog knows its products, never a slip of a product's name.
    companies: frozenset[str] = frozenset()


class WordList:
    """A sorted list of words, one a line, looked up by bisection in its text: reading the
    file is all it costs (a set of its 68,000 words would take 30 ms to build, more than a
    warm scan of 50 lines)."""

    def __init__(self, text: str) -> None:
        # Comment lines come first ('#' sorts before letters); the words follow, sorted.
        start = 0
        while text.startswith("#", start):
            start = text.index("\n", start) + 1
        self._text, self._start = text, start

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        text = self._text
        lo, hi = self._start, len(text)
        while lo < hi:
            mid = (lo + hi) // 2
            begin = text.rfind("\n", lo, mid) + 1 if mid > lo else lo
            begin = max(begin, lo)
            end = text.find("\n", begin)
            end = len(text) if end < 0 else end
            line = text[begin:end]
            if line == word:
                return True
            if line < word:
                lo = end + 1
            else:
                hi = begin
        return False


@lru_cache(maxsize=1)
def common_words() -> WordList:
    """The everyday French and English words (folded), read once, on first need."""
    return WordList(COMMON_WORDS_FILE.read_text(encoding="utf-8"))


def learn(catalog: Catalog, fillers: frozenset[str]) -> Vocabulary:
    """Sort the catalog's words: generic, house brands, category words."""
    owners: dict[str, str] = {}
    names: dict[str, list[str]] = defaultdict(list)
    vendor_words: dict[str, set[str]] = defaultdict(set)
    # An everyday word in the names of companies of several owners says what kind of body
    # they are ("agence", "national", "federation"), not whose product it is.
    bearers: dict[str, set[str]] = defaultdict(set)
    for vendor in catalog.vendors.values():
        for called in (vendor.name, *vendor.aliases):
            for word in fold(called).split():
                bearers[word].add(catalog.owner(vendor.id).id)
    common = common_words()
    kind_words = {w for w, found in bearers.items() if len(found) > GENERIC_OWNERS and w in common}
    # An everyday word hyphened to a word that says what kind of body ("Météo-France") is
    # part of that one name, no brand alone: "météo" is the weather.
    joined = {
        w
        for vendor in catalog.vendors.values()
        for called in (vendor.name, *vendor.aliases)
        for part in called.split()
        if "-" in part.strip("-") and set(fold(part).split()) & kind_words
        for w in fold(part).split()
        if w in common and w not in kind_words
    }
    # So is an everyday word hyphened to a letter in a product's name ("e-Attestations"):
    # "attestations" alone are certificates.
    joined |= {
        fold(part.split("-", 1)[1])
        for value in [
            *(v for s in catalog.services.values() for v in (s.name, *s.aliases)),
            *(v for a in catalog.alternatives.values() for v in (a.name, *a.aliases)),
        ]
        for part in value.split()
        if re.fullmatch(r"[^\W\d_]-[^\W\d_]+", part) and fold(part.split("-", 1)[1]) in common
    }
    for s in catalog.services.values():
        owner = catalog.owner(s.vendor)
        owners[s.id] = owner.id
        names[s.id] = [s.name, *s.aliases, *s.former_names]
        for vendor in (catalog.vendors[s.vendor], owner):
            for called in (vendor.name, *vendor.aliases):
                vendor_words[owner.id].update(
                    w
                    for w in fold(called).split()
                    if w not in CORPORATE and w not in kind_words and w not in joined
                )
    described: dict[str, set[str]] = defaultdict(set)
    descriptions = [
        *((s.id, s.description) for s in catalog.services.values()),
        *((a.id, a.description) for a in catalog.alternatives.values()),
    ]
    for ident, description in descriptions:
        for text in (description.en, description.fr):
            for word in _ACRONYM.findall(text):
                described[word.lower()].add(ident)
    for a in catalog.alternatives.values():
        # A libre project has no vendor: its name's first word stands for one (the
        # OnlyOffice editors, the Apache projects).
        first = fold(a.name).split()[:1]
        owners[a.id] = "libre:" + (first[0] if first else a.id)
        names[a.id] = [a.name, *a.aliases]
    word_owners: dict[str, set[str]] = defaultdict(set)
    owner_entries: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ident, values in names.items():
        for value in values:
            for word in set(fold(value).split()) - fillers:
                word_owners[word].add(owners[ident])
                owner_entries[(owners[ident], word)].add(ident)
    categories: dict[str, set[str]] = defaultdict(set)
    label_words: set[str] = set()
    for category in catalog.categories.values():
        text = " ".join([category.id.replace("-", " "), category.label.en, category.label.fr])
        label_words.update(set(fold(text).split()) - fillers)
        # A category is called by its id's words and the first word of its labels
        # ("visio" for Visioconférence, "compta" for Comptabilité), not by a qualifier
        # ("instantanée" in "Messagerie instantanée": "insta" is Instagram).
        heads = fold(category.id.replace("-", " ")).split()
        for label in (category.label.en, category.label.fr):
            heads += [w for w in fold(label).split() if w not in fillers][:1]
        for word in heads:
            for end in range(CATEGORY_PREFIX, len(word) + 1):
                categories[word[:end]].add(category.id)
    # How many of each owner's products a word heads, after the owner's own name.
    headed_by: dict[tuple[str, str], int] = defaultdict(int)
    for s in catalog.services.values():
        owner_id = owners[s.id]
        own = [w for w in fold(s.name).split() if w not in vendor_words.get(owner_id, ())]
        if own:
            headed_by[(owner_id, own[0])] += 1
    house_of: dict[str, set[str]] = defaultdict(set)
    brands: set[str] = set()
    for (owner_id, word), entries in owner_entries.items():
        # A vendor's name counts where its products carry it ("Google Drive"), not where it
        # is only a company's ("United Internet" sells IONOS: "internet" stays a word); so
        # does a word many of one owner's products share ("icloud", "azure").
        # A word of a category's label ("paie", in several of Sage's names) says what the
        # products do, not whose they are, unless it is the company's own name.
        # Two letters ("SI" of SI-SAMU and SI-VIC, information systems) are a kind of thing,
        # no house word, however many of one owner's names start with them.
        if word in vendor_words.get(owner_id, ()) or (
            len(entries) >= HOUSE_ENTRIES
            and not word.isdigit()
            and word not in label_words
            and len(word) > 2
        ):
            house_of[owner_id].add(word)
            # An everyday word several of one owner's products share is a brand when it heads
            # their names ("Dragon" Professional, "Azure" DevOps); only in them ("lettre", in
            # La Poste's registered-letter services), it is the owner's house word and no
            # brand in other lines: "la lettre du club" is a newsletter.
            if (
                word in vendor_words.get(owner_id, ())
                or word not in common
                or headed_by[(owner_id, word)] >= HOUSE_ENTRIES
            ):
                brands.add(word)
    # A company's own name carried by its products stays its brand when one other owner's
    # product bears it too (Trimble's SketchUp was "Google SketchUp"); a word in many
    # owners' names says what, not whose ("cloud", though Clever Cloud's).
    named_brands = {w for owner, words in house_of.items() for w in words & vendor_words[owner]}
    generic = {
        w
        for w, found in word_owners.items()
        if len(found) >= (GENERIC_OWNERS + 1 if w in named_brands else GENERIC_OWNERS)
    }
    # One frozen set per owner, shared by its entries.
    frozen = {owner: frozenset(words) for owner, words in house_of.items()}
    empty: frozenset[str] = frozenset()
    company_words = set().union(*vendor_words.values())
    return Vocabulary(
        frozenset(generic | label_words),
        {ident: frozen.get(owner, empty) for ident, owner in owners.items()},
        # A word of a category's label is no brand even in a company's name ("Planning
        # Center": "planning" stays a word, as in "Excel planning cuisine").
        frozenset(brands - generic - label_words),
        {w: tuple(sorted(ids)) for w, ids in categories.items()},
        frozenset(
            word
            for word, ids in described.items()
            if len({owners[i] for i in ids}) >= ACRONYM_OWNERS and word not in company_words
        ),
        frozenset(joined),
        frozenset(
            words[0]
            for called in (
                *(c for vendor in catalog.vendors.values() for c in (vendor.name, *vendor.aliases)),
                # Hosts are companies too ("iMio", which makes and hosts libre software).
                *(provider.name for provider in catalog.providers.values()),
            )
            if len(words := [w for w in fold(called).split() if w not in CORPORATE]) == 1
            and len(words[0]) > 3
            and words[0] not in common
        ),
    )
