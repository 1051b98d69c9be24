"""Recognise each line of a tool list: normalise, exact look-ups first, RapidFuzz second. Pure."""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import compress, pairwise
from typing import NamedTuple

from altgafam.models import Candidate, Catalog, Entry, Match, PerLine, Status, Text
from altgafam.normalize import by_host, fold, key
from altgafam.scan.vocabulary import (
    CORPORATE,
    GENERIC_OWNERS,
    TRADE,
    TRADE_REST,
    Vocabulary,
    WordList,
    common_words,
    learn,
)

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
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+[/+&]\s+|\s+(?:et|and|pis)\s+(?=\S)")
# "Payfit ? non, Silae", "Payfit? non c'est Silae": a tool named then taken back, with what
# follows the taking back; the tools listed before it stay ("Zoom, Payfit ? non, Silae").
_TAKEN_BACK = re.compile(
    r"[^?,;/+]*\?\s*(?:non|no|nope|pas)\b[\s,;:.!-]*(?:(?:(?:ici|là|here|chez\s+nous)\s*,?\s+)?"
    r"(?:c['\u2019]est|plutôt|it['\u2019]s|"
    r"it\s+is|rather)\s+)?"
    # "Skype - no wait, we use Zoom now", "Skype, non attends, c'est Zoom", "Doodle, enfin
    # Framadate", "Slack, I mean Mattermost", "Zoom - actually Teams now".
    r"|[^?,;/+]*?\s*(?:[-\u2013\u2014,]|\.{2,}|\u2026)\s*(?:(?:no|non)[\s,]+(?:wait|attends?)|enfin(?:\s*,?\s*(?:non|pas\s+encore|plutôt)\b)?|euh(?:\s*,?\s*non\b)?|I\s+mean|sorry|(?:non\s*,?\s*)?pardon|actually|en\s+fait|ou\s+plutôt|or\s+rather"
    # "Zoom - no, we use Teams now", "Zoom - non, on utilise Teams".
    r"|(?:no|non)\s*,\s*(?=(?:we|on|nous)\s))\b"
    r"[\s,;:.!-]*"
    r"(?:(?:c['\u2019]est|it['\u2019]s|it\s+is)\s+)?",
    re.IGNORECASE,
)
# "on a quitté Titan pour NetSoins", "on est passés sur Cloudbeds", "moved to Xero",
# "mailchimp → listmonk", "boutique sur prestashop, maintenant shopify": the tool used now
# is what follows (a move done: "on passe à OpenTofu" is one to come).
_MOVED = re.compile(
    r"^.*?(?:\b|[)\]])(?:\s*(?:→|->|=>)|"
    # "now" after a comma or an ellipsis, unless "sur" follows it as below ("maintenant tout
    # est sur X").
    r"[)\]]?\s*(?:[,;]|\.{2,}|\u2026)\s*(?:maintenant|désormais|now|et\s+là)(?!(?:\s+\w+){0,3}?\s+(?:sur|chez|on)\s)|"
    r"quitt(?:ée?s?|es|ee)\s+.+?\s+pour|"
    # A move not done yet names the tool still used ("MuseScore 3.6 (pas encore passé à
    # la 4)"); one from a tool to another names the second ("passé de Win-Cim à Gescime").
    r"(?<!pas\s)(?<!encore\s)(?<!jamais\s)(?:re)?pass(?:ée?s?|es|ee)\s+(?:de\s+.+?\s+)?(?:sur|à|chez)|"
    r"(?<!pas\s)(?<!encore\s)migr(?:ée?s?|es|ee)\s+(?:de\s+.+?\s+)?(?:sur|vers)|"
    r"remplac(?:ée?s?|es|ee)\s+par|"
    # "Koha jusqu'en 2024 puis Alma", "Sage until 2023, then Xero": the tool after the date.
    r"(?:jusqu['\u2019]\s*(?:en|à|au)|until|till)\s+(?:\w+\s+)?\d{4}\s*[,;]?\s*(?:puis|then|now|maintenant)|"
    r"(?:revenu|retourné)(?:e?s?)\s+(?:au|à\s+la|à|sur)|went\s+back\s+to|"
    r"(?:maintenant|désormais)(?:\s+\w+){0,3}?\s+(?:sur|chez)|"
    r"(?<!not\s)(?<!yet\s)(?:moved|switched|migrated)\s+(?:over\s+)?(?:from\s+.+?\s+|\w+\s+)?to|replaced\s+by|now\s+(?:on|using|use)|"
    # "X ou Y ? j'ai testé les 2, je garde X": the one kept, named.
    r"(?:je|on|nous)\s+gard(?:e|ons)(?=\s+(?-i:[A-Z\u00c0-\u00dd]))|we\s+(?:kept|keep)(?=\s+(?-i:[A-Z]))|"
    # "Deliveroo, enfin plus depuis qu'on est en coop : CoopCycle", "Skype, no longer used:
    # Jitsi": a tool given up, then, after a colon, the one used instead.
    r"[,;]\s*(?:enfin\s+plus|plus\s+(?:depuis|utilisée?s?|du\s+tout)|no\s+longer|"
    r"not\s+any\s*more)\b[^:?]*:|"
    # "l'appli Géoportail (maintenant Cartes IGN)", "IGNrando (devenu Cartes IGN)": the new
    # name in brackets.
    r"\s*\(\s*(?:maintenant|désormais|now|actually|en\s+fait|devenue?s?|renamed|rebaptisée?s?))"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
# "Sage One, or whatever it's called now", "Ciel ou un truc comme ça": a doubt about the
# name, no second tool.
_HEDGE = re.compile(
    r"\s*[,;]?\s*\b(?:or|ou)\s+(?:whatever|something|un\s+truc|quelque\s+chose)\b"
    r"(?:\s+(?:it|its|it['\u2019]s|ça|comme|like|du\s+genre|dans\s+le\s+genre)\b[^,;()]*)?\s*$",
    re.IGNORECASE,
)
# "c'est Shopify", "it's PlayHQ": words that only say which tool, before it.
_IT_IS_WORDS = r"(?:c['\u2019]\s*est|it['\u2019]s|it\s+is)"
_IT_IS = re.compile(rf"^\s*{_IT_IS_WORDS}\s+(?=\S)", re.IGNORECASE)
# The writer as the subject of a remark ("on a changé", "we switched").
_SUBJECTS = frozenset("on nous je j we i".split())
# A slash between two words of three letters or more, with no space: "Kstars/Ekos".
_GLUED_SLASH = re.compile(r"(?<=[^\W\d_]{3})/(?=[^\W\d_]{3})")
# "Obat, avant c'était Tolteck", "Xero, previously MYOB": a part of a list that names the
# tool used before, no longer in use.
_FORMER_PART = re.compile(
    r"^(?:avant(?:\s*:|\s+(?:c['\u2019](?:é|e)tait|on\s+(?:avait|(?:é|e)tait\s+sur|utilisait)|"
    r"nous\s+avions))?|anciennement|auparavant|pr(?:é|e)c(?:é|e)demment|ex|"
    r"before(?:\s+that|\s+it\s+was|\s+we\s+(?:had|used))?|previously|formerly)(?=[\s:-])",
    re.IGNORECASE,
)
# The arrow of a move ("mailchimp → listmonk"), or of where the work goes.
_ARROW = re.compile(r"\s*(?:→|->|=>)\s*$")
# "l'appli Cartes IGN": an article and a kind of tool before a name.
_KIND_BEFORE_NAME = re.compile(
    r"^(?:(?:l['\u2019]|le\s|la\s|les\s|the\s)\s*)?"
    r"(?:(?:appli|app|application|logiciel|outil|site|plateforme)\s+)?",
    re.IGNORECASE,
)
# "le registre des DIA", "the list of SENs": an acronym after "des", "du", "of" says what
# records are of, no product's name.
_OF_ACRONYM = re.compile(r"\b(?:des|du|d['\u2019]|of)\s*[A-Z]{2,6}s?\b")
# "(notre Moodle)", "(our Nextcloud)": the product of which the name before is one.
_INSTANCE_OF = re.compile(r"\s*\(\s*(?:notre|our|un|une|an?)\s+([^()]+?)\s*\)\s*", re.IGNORECASE)
# "enfin on passe sur Dorico", "I mean we use Teams": who uses the tool named next, and how.
_WE_USE = re.compile(
    r"^(?:on|nous|we)\s+\w+(?:\s+(?:sur|à|au|vers|to|on))?\s+(?=\S)", re.IGNORECASE
)
# "Doodle, non, framadate depuis 2024", "stripe, non payplug", "Tithe.ly - no, Pushpay since
# January": a tool, then "non" and the one in use.
_NO_THEN = re.compile(
    r"^([^,?;\u2026]+?)(?:,|\s+[-\u2013\u2014]|\.{2,}|\u2026)\s*(?:non|no)\s*,?\s+(\S.*)$",
    re.IGNORECASE,
)
# Words that only say a correction is one, around the tool named ("en fait c'est Teams
# maintenant", "actually it's Zoom now").
_SAID_SO = re.compile(
    rf"^(?:(?:en\s+fait|actually|plutôt|rather|pardon|sorry|I\s+mean)\s*,?\s*)?(?:{_IT_IS_WORDS}\s+)?"
    r"|\s+(?:maintenant|désormais|now)\s*[.!]*$",
    re.IGNORECASE,
)
# The elided articles and prepositions, as folded ("l'", "d'").
_ELIDED = frozenset({"l", "d"})
# "the club's Spond": a possessive, whose "s" is no word of the line.
_POSSESSIVE = re.compile(r"(\w+)['\u2019]s\b")
# "le Géoportail de l'urbanisme": an article before a name.
_ARTICLE_START = re.compile(r"^\s*(?:le|la|les|l['\u2019]|the)\s*", re.IGNORECASE)
# "(Interacoustics)": a bracket that opens the context, whatever follows it ("(Interacoustics)
# en cabine"), and what it holds.
_BRACKET_FIRST = re.compile(r"\s*\(\s*([^()]+?)\s*\)")
# "on line", "on-line": the word "online" split in two.
_ON_LINE = re.compile(r"\bon[\s-]+line\b", re.IGNORECASE)
# A word written with a capital after a small letter, not all capitals: "AtoM", "iMuse".
_INNER_CAPITAL = re.compile(r"^(?=.*[a-z])\w+?[a-z]\w*?[A-Z]\w*$|^[a-z]+[A-Z]\w*$")
# "uBO", "apCV": a short word that starts in lower case and holds capitals.
_CASED = re.compile(r"^(?=.{2,4}$)[a-z]+[A-Z][A-Za-z]*$")
# A former name given after a comma inside brackets: "(Brevo, ex-Sendinblue)": no tool.
_FORMERLY = re.compile(
    r"\s*,\s*(?:ex|anciennement|formerly|previously)\b[-\s]*[^,()]+(?=\))", re.IGNORECASE
)
# An acronym in capitals alone after an article: "le CMI".
_ACRONYM_AFTER = re.compile(r"\s*(?:(?:le|la|les|l['\u2019]|the)\s*)?([A-Z]{3,5})\s*")
# The last labels of addresses people type whole: an address ending so is complete.
_TOP_LABELS = frozenset("com org net fr be ch ca uk de io eu info gov gouv edu".split())
# A word written in capitals in a name ("ACTES").
_CAPITAL_WORD = re.compile(r"\b[A-Z]{3,}\b")
# "Primo (Ex Libris)": a name, then something in brackets, such as its company.
_COMPANY_AFTER = re.compile(r"(.*\S)\s*\(([^()]+)\)\s*")
# "Registre national des entreprises (RNE)": a name, then its acronym in brackets; one this
# short counts only typed in capitals.
SHORT_GIVEN_ACRONYM = 3
# "Registre national des entreprises (RNE)": a name, then its acronym in brackets.
_GIVEN_ACRONYM = re.compile(r"\S\s*\(((?=(?:[^()]*[A-Z]){2})[A-Za-z]{2,8})\)\s*$")
# "google (mail, drive, agenda)": a company, then a list in brackets.
_COMPANY_LIST = re.compile(r"^\s*([^()\[\]{},;/+]+?)\s*[(\[]([^()\[\]]+)[)\]]\s*$")
# "WordPress with WooCommerce", "Excel sur OneDrive": a tool used with another.
_TOGETHER = re.compile(r"\s+(?:with|avec|on|in|sur|dans|via)\s+", re.IGNORECASE)
# "Teams ou Meet ?", "Excel or Calc": the writer names a choice, not both tools.
_CHOICE = re.compile(r"\s(?:ou|or)\s", re.IGNORECASE)
# "WhatsApp ou Messenger ? les deux", "SumUp ou Zettle, on a les deux", "Zoom or Teams? we use
# both": a choice its writer answers with both tools.
_BOTH = re.compile(
    r"^(.+?)\s*[?,;:.!-]+\s*(?:(?:on|nous)\s+(?:a|avons|utilise|utilisons|prend|garde)\s+|"
    r"(?:we|they)\s+(?:use|have|keep|kept)\s+)?(?:les\s+deux|both(?:\s+of\s+them)?)\s*[.!]*\s*$",
    re.IGNORECASE,
)
# "Zoom ou Teams selon le client", "AnyDesk or TeamViewer, depends on who": no doubt (no
# question mark) but a rule for when each tool is used, so both are.
_DEPENDS = re.compile(
    r"^([^?]+?)\s*[,;:(-]?\s*\b(?:selon|suivant|en\s+fonction|(?:ça|ca|cela)\s+dépend|"
    r"depends?|depending|according\s+to)\b[^?]*$",
    re.IGNORECASE,
)
_VERSION = re.compile(
    r"^(?:v?\d+(?:\.\d+)*[a-z]?|cs\d*|cc|(?:19|20)\d\d|x{0,3}(?:ix|iv|v?i{1,3}))$"
)
# A letter written twice or more in a row ("tt" of "wattsapp").
_DOUBLED = re.compile(r"([a-z])\1+")
# A model number ("SN310", "DS920+"): letters then digits, which names no product when no
# catalog name has it ("EC2", "M365" are names).
_MODEL = re.compile(r"^[a-z]{1,4}\d{2,5}[a-z+]*$")
# A word names a kind of product through the names that end with it when they are this short
# ("Google Drive"), not through long descriptive names ("Fichier central des ... volontés").
NAMED_KIND_WORDS = 3
# The small words that join the words of a name ("Guichet unique des réseaux").
_LINKS = frozenset("de du des d l la le les of the et and".split())
# Articles before an everyday word that is also a product's name make it the word: "la box"
# is the internet router, "the notes" a pile of notes.
ARTICLES = frozenset("le la les l un une des the a an my ma mon mes notre nos our".split())
_FRENCH_ARTICLES = frozenset("l le la les".split())
# Edition words, in French and English, as product names write them.
_EDITIONS = {
    "communautaire": "community",
    "community": "community",
    "entreprise": "enterprise",
    "enterprise": "enterprise",
}
_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")
_LEADING_DASH = re.compile(r"^\s*[-\u2013\u2014]\s+")
# "l'Office du Bac", "l'Office public de la langue bretonne", "the Office for Students": a noun
# that names a kind of public body, after an article and before what body it is, is that body,
# whatever product has the noun for its short name (Microsoft's "Office").
_BODY = re.compile(
    r"(?:\bl['\u2019]\s*|\b(?:le|la|the)\s+)(office|agence|agency|bureau|conseil|council|centre|"
    r"center|institut|institute|maison|chambre|caisse|board)\s+(?:du|des|de|d['\u2019]|public|"
    r"publique|national|nationale|municipal|municipale|régional|régionale|départemental|"
    r"départementale|intercommunal|intercommunale|of|for)\b",
    re.IGNORECASE,
)
# ... and so do these before it ("logiciel de garage" is a car repair shop's software).
_OF = frozenset("de du d of".split())
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
    now maintenant dessus dedans
    """.split()
)
# The plans a name is bought in ("premium", "pro"), typed after it.
_PLANS = frozenset("premium pro plus business free gratuit gratuite paid payant payante".split())
# Product names that are also everyday words. Found inside a longer line they name the product
# only when written with a capital (Tableau, Notion) or alone: "tableau blanc de la salle" is
# a whiteboard, "signal d'alarme" an alarm.
COMMON_WORDS = frozenset(
    """
    tableau box signal element word pages numbers keynote notion plane ghost mural monday
    smash tally sage teams office drive meet chat forms sheets docs photos maps keep plans
    notes rappels calendrier contacts reminders calendar mail podcasts music news wallet
    health books journal outlook access project publisher planner lists loop stream bookings
    sway visio later garage frontrunner folios guide agate mariages
    webmail cloud studio online reader server live search translate photo video latex
    soprano
    """.split()
)
# A context word shorter than this says too little to choose between products ("de", "le").
CONTEXT_WORD = 4
# The fewest letters of a product's first word read as its brand before a job word.
BRAND_WORD = 4
# The fewest letters of a name's word that two slips may leave recognisable ("Valts").
SLIP_TWICE = 5
# The least a shortened name leaves out of the word it shortens ("Illu" of Illustrator).
SHORTENED_LEFT_OUT = 3
# A generic word this long at the end of a name ("cloud" in Nextcloud) leaves its start to
# tell brands apart.
GENERIC_TAIL = 4
# Two words sharing this many first letters (and two thirds of the shorter one) are one
# word's forms ("étiqueteuse", "étiquettes").
STEM = 6
# More kinds of product than this following one word in names: the word names no job.
SPREAD_JOBS = 5
# A name this short is easily the start of another one.
SHORT_NAME = 3
# The fewest letters an acronym of a whole name must have to be read alone ("TGTG").
NAME_INITIALS = 4
# ... and of this many, through a tool whose description the words before it match.
CONTEXT_INITIALS = 3
# An acronym of at most this many letters, typed alone, is read as a kind of tool unless it
# starts a name.
SHORT_ACRONYM = 5
# A line naming only a category ("visio", "agenda") is ambiguous between at most this many.
CATEGORY_CANDIDATES = 5
# What follows these is context, not the product: "Trello (projets clients)", "mattermost pour
# les tests", "Canva - affiches", "Altissia depuis la rentrée". Markers of use, after which the
# product is what came first...
_CONTEXT_USE = re.compile(
    r"\s*[(\[{]|\s+(?:pour|avec|for|with|via|sur|sous|selon|chez|dans|au|aux|in|on|at|entre|between|among|depuis|since|quand|lorsque|when|whenever)\s|\s+[-\u2013\u2014:]\s|\s*:\s",
    re.IGNORECASE,
)
# "dons via HelloAsso": what is done, then the tool it is done through.
_THROUGH = re.compile(r"\s+(?:via|through)\s+", re.IGNORECASE)
# "postes sous Deep Freeze": what runs under, or with, a tool.
_UNDER = re.compile(r"\s+(?:sous|under|avec|with)\s+", re.IGNORECASE)
# ...and markers of belonging, after which it may be a phrase ("tableau de bord").
_CONTEXT_OF = re.compile(r"\s+(?:(?:de\s+la|du|des)(?=\s)|de\s+l'|de\s+l\u2019)\s*", re.IGNORECASE)


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
    # Each choice with its doubled letters single ("whatsap" of WhatsApp): whether a letter is
    # doubled is what people least remember ("wattsapp", "watsap").
    undoubled: list[str]
    choice_ids: list[str]
    postings: dict[str, frozenset[int]]
    names: dict[str, str]
    libre: frozenset[str]
    vendors: dict[str, tuple[str, ...]]
    vocabulary: Vocabulary
    # Everyday words that are a product's whole name and name a category ("visio",
    # "office"): alone on a line, the products they may mean.
    category_names: dict[str, tuple[str, ...]]
    # Each live service's category, the GAFAM's first, then in the catalog's order.
    categories: dict[str, str]
    # Every entry's categories.
    kinds: dict[str, tuple[str, ...]]
    # A product's whole name that is also another product's name without its owner's brand
    # ("SIECLE", the ministry's, and Logitud's "Siècle"): alone, which one only the user knows.
    homonyms: dict[str, tuple[str, ...]]
    # Each entry's own description, in both languages: what it is. The catalog's own texts,
    # which the cache then stores once with the catalog, read word by word only when a rule
    # asks (_description_words): folding them all would cost every rebuild a fifth more.
    described: dict[str, Text]
    # Each service's owner (the root of its vendor's parent chain).
    owners: dict[str, str]
    # The known addresses without a path, and the names written with a dot ("Rocket.Chat"),
    # with their entries: what a dotted line may be a slip of.
    dotted: list[tuple[str, str]]
    # Each known address's main label ("framagit" of framagit.org) and its entries.
    labels: dict[str, frozenset[str]]
    # The choices that are former names with no word written as a brand: what a product was
    # called, whose words alone call it no more ("Simply", of Simply Accounting, is no Sage
    # 50; "iPhone", of iPhone OS, is still iOS).
    former: frozenset[int]
    # The short acronyms names give in brackets, with their entries: read only on a line
    # nothing else names, typed in capitals ("TES"; "tes outils" is French for "your tools").
    acronyms: dict[str, str]
    # Short aliases whose casing is their spelling ("uBO", "apCV"): typed in capitals, they
    # are some other acronym ("registre UBO", the register of beneficial owners).
    cased: frozenset[str]
    # The names of four words or more by the initials of all their words ("tgtg": Too Good
    # To Go): what an acronym no name has may spell.
    initials: dict[str, tuple[str, ...]]
    # The words each entry's names and aliases write in capitals ("ACTES", an alias of
    # @ctes): typed in lower case after an article, the everyday word they spell.
    capitals: dict[str, frozenset[str]]


def build_index(catalog: Catalog) -> Index:
    """Index every name, alias, former name and domain of the catalog."""
    exact: dict[str, _Key] = {}
    domains: dict[str, str] = {}
    choices: list[str] = []
    choice_ids: list[str] = []
    former_choices: set[int] = set()
    unlinked: list[tuple[str, _Key]] = []
    postings: dict[str, set[int]] = defaultdict(set)
    names: dict[str, str] = {}
    entries = [
        (s.id, s.name, s.aliases, s.former_names, s.domains) for s in catalog.services.values()
    ] + [(a.id, a.name, a.aliases, (), a.domains) for a in catalog.alternatives.values()]
    companies = {
        key(called)
        for vendor in catalog.vendors.values()
        for value in (vendor.name, *vendor.aliases)
        for called in (value, *_GIVEN_ACRONYM.findall(value))
    }
    for ident, name, aliases, former, hosts in entries:
        names[ident] = name
        for via, values in (("name", (name,)), ("alias", aliases), ("former_name", former)):
            for value in values:
                exact.setdefault(key(value), _Key(ident, via))
                # A company named in brackets after the name ("Primo (Ex Libris)") is whose
                # it is, not words of it to be matched ("Ex Libris" is no Primo).
                owned = _COMPANY_AFTER.fullmatch(value)
                folded = fold(
                    owned.group(1) if owned and key(owned.group(2)) in companies else value
                )
                if folded:
                    said = [w for w in folded.split() if w not in _LINKS]
                    if len(said) >= 2:
                        unlinked.append(("".join(said), _Key(ident, via)))
                    for token in folded.split():
                        postings[token].add(len(choices))
                    if via == "former_name" and not any(
                        _INNER_CAPITAL.match(w) for w in value.split()
                    ):
                        former_choices.add(len(choices))
                    choices.append(folded)
                    choice_ids.append(ident)
        for host in hosts:
            domains.setdefault(host.lower(), ident)
    # A name of several words is also typed without its small words ("Guichet unique
    # réseaux"): keyed so too, after every name as written, which it never shadows.
    for joined, written in unlinked:
        exact.setdefault(joined, written)
    # The acronym a name gives in brackets is typed alone ("RNE", of "Registre national des
    # entreprises (RNE)"), when only that name gives it, and it is no company's nor an
    # everyday word; the word list has no words this short, so these count only in capitals.
    acronyms: dict[str, set[str]] = defaultdict(set)
    for ident, name, aliases, _, _ in entries:
        for value in (name, *aliases):
            given = _GIVEN_ACRONYM.search(value)
            if given is not None:
                acronyms[key(given.group(1))].add(ident)
    common = common_words()
    short: dict[str, str] = {}
    for acronym, given_by in acronyms.items():
        if (
            len(given_by) == 1
            and acronym not in companies
            and acronym not in common
            and acronym not in exact
        ):
            if len(acronym) <= SHORT_GIVEN_ACRONYM:
                short[acronym] = next(iter(given_by))
            else:
                exact[acronym] = _Key(next(iter(given_by)), "alias")
    # A hosted offer's address names the software it runs (frama.space is Nextcloud), when
    # it is the offer's own: not the provider's website, which sells much else
    # (infomaniak.com is no mailbox).
    for alt in catalog.alternatives.values():
        for offer in alt.hosted_offers:
            found = _addresses(offer.url)
            provider = catalog.providers.get(offer.provider_id)
            home = _addresses(provider.url) if provider is not None else []
            host = found[0][0].removeprefix("www.") if found else ""
            if host and not (home and home[0][0].removeprefix("www.") == host):
                domains.setdefault(host, alt.id)
    frozen = {token: frozenset(ids) for token, ids in postings.items()}
    vocabulary = learn(catalog, FILLERS)
    kinds = {
        **{s.id: (s.category,) for s in catalog.services.values()},
        **{a.id: a.categories for a in catalog.alternatives.values()},
    }
    return Index(
        exact,
        domains,
        choices,
        [_sorted_words(c) for c in choices],
        [_undoubled(c) for c in choices],
        choice_ids,
        frozen,
        names,
        frozenset(catalog.alternatives),
        _vendor_products(catalog),
        vocabulary,
        _category_names(catalog, exact, frozen, choice_ids, vocabulary),
        # The GAFAM's first: a client naming only a function most likely means theirs.
        {
            s.id: s.category
            for s in sorted(
                catalog.services.values(), key=lambda s: not catalog.owner(s.vendor).gafam
            )
            if s.discontinued is None
        },
        kinds,
        _homonyms(exact, names, vocabulary, kinds),
        {
            **{s.id: s.description for s in catalog.services.values()},
            **{a.id: a.description for a in catalog.alternatives.values()},
        },
        {s.id: catalog.owner(s.vendor).id for s in catalog.services.values()},
        [(host, ident) for host, ident in domains.items() if "/" not in host]
        + [
            (".".join(fold(value).split()), ident)
            for ident, name, aliases, _, _ in entries
            for value in (name, *aliases)
            if "." in value.strip(".") and len(fold(value).split()) == 2
        ],
        _labels(domains),
        frozenset(former_choices),
        short,
        frozenset(
            key(alias)
            for _, _, aliases, _, _ in entries
            for alias in aliases
            if _CASED.match(alias) and exact[key(alias)].via == "alias"
        ),
        _name_initials_table(names),
        {
            ident: frozenset(cap_words)
            for ident, name, aliases, _, _ in entries
            if (cap_words := {fold(w) for v in (name, *aliases) for w in _CAPITAL_WORD.findall(v)})
        },
    )


def _name_initials_table(names: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Each name of CONTEXT_INITIALS words or more, by the initials of all its words (those
    of three words are read only with a context that describes them, _through)."""
    table: dict[str, list[str]] = defaultdict(list)
    for ident, name in names.items():
        words = re.findall(r"\w+", fold(name))
        if len(words) >= CONTEXT_INITIALS:
            table["".join(w[0] for w in words)].append(ident)
    return {k: tuple(v) for k, v in table.items()}


def _labels(domains: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each domain's main label and the entries whose own domain it is."""
    labels: dict[str, set[str]] = defaultdict(set)
    for host, ident in domains.items():
        parts = host.split("/")[0].removeprefix("www.").split(".")
        # Only a product's own domain: under another's ("ci.codeberg.org", Woodpecker on
        # Codeberg) the label is that other's name.
        if len(parts) == 2:
            labels[parts[0]].add(ident)
    return {label: frozenset(ids) for label, ids in labels.items()}


def _short_spellings(ident: str, index: Index) -> set[str]:
    """A product's name as written, and without its owner's words ("Alma" of "Ex Libris
    Alma"): the ways a line may spell that product exactly."""
    name = index.names[ident]
    house = index.vocabulary.house.get(ident, frozenset())
    short = " ".join(w for w in name.split() if fold(w) not in house)
    return {name, short} if short else {name}


def _homonyms(
    exact: dict[str, _Key],
    names: dict[str, str],
    vocabulary: Vocabulary,
    kinds: dict[str, tuple[str, ...]],
) -> dict[str, tuple[str, ...]]:
    """The whole names that are also another product's name without its owner's words, for
    another job ("SIECLE", pupils' records; Logitud's "Siècle", civil status). For the same
    job the whole name is the one meant ("App Store" is Apple's, not Amazon's Appstore)."""
    found: dict[str, tuple[str, ...]] = {}
    for ident, name in names.items():
        words = fold(name).split()
        house = vocabulary.house.get(ident, frozenset())
        short = [w for w in words if w not in house]
        if not short or len(short) == len(words):
            continue
        hit = exact.get("".join(short))
        if (
            hit is not None
            and hit.entry != ident
            and hit.via == "name"
            and not set(kinds.get(hit.entry, ())) & set(kinds.get(ident, ()))
        ):
            found["".join(short)] = (hit.entry, ident)
    return found


def _category_names(
    catalog: Catalog,
    exact: dict[str, _Key],
    postings: dict[str, frozenset[int]],
    choice_ids: list[str],
    vocabulary: Vocabulary,
) -> dict[str, tuple[str, ...]]:
    """Each one-word name that is an everyday word naming a category -> the entries it may
    mean: those named with it first, then the category's services."""
    common = common_words()
    out: dict[str, tuple[str, ...]] = {}
    for word in exact:
        # The category look-up first: it is a dictionary's, the everyday-word one a search.
        named = category_of(word, vocabulary) if word in postings else ()
        if named and plain_word(word, vocabulary, common):
            out[word] = _category_candidates(word, named, catalog, exact, postings, choice_ids)
    return out


def _category_candidates(
    word: str,
    categories: tuple[str, ...],
    catalog: Catalog,
    exact: dict[str, _Key],
    postings: dict[str, frozenset[int]],
    choice_ids: list[str],
) -> tuple[str, ...]:
    # The product the word names first, then the category's, then others named with it.
    found = dict.fromkeys([exact[word].entry])
    for service in catalog.services.values():
        if service.category in categories and service.discontinued is None:
            found.setdefault(service.id)
    found.update(dict.fromkeys(sorted({choice_ids[p] for p in postings.get(word, ())})))
    return tuple(found)[:CATEGORY_CANDIDATES]


def plain_word(word: str, vocabulary: Vocabulary, common: WordList) -> bool:
    """An everyday French or English word, or its plural, not a brand ("visio", "cloud",
    "spreadsheets"; not "google")."""
    listed = word in common or (len(word) > 4 and word.endswith("s") and word[:-1] in common)
    return listed and word not in vocabulary.brands


def category_of(word: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The categories a word names, whole or by its first letters ("compta": accounting)."""
    return vocabulary.categories.get(word, ())


def _undoubled(text: str) -> str:
    """A text with every doubled letter written once ("wattsapp": "watsap")."""
    return _DOUBLED.sub(r"\1", text)


def _doubled_apart(typed: str, word: str) -> bool:
    """Whether every letter one of two words doubles is a letter of the other: then they may
    differ by how often a letter is written ("wattsap", WhatsApp), where a slip typed twice
    is no letter of the name ("Slaxxk" is two slips from Slack)."""
    return all(m.group(1) in word for m in _DOUBLED.finditer(typed)) and all(
        m.group(1) in typed for m in _DOUBLED.finditer(word)
    )


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _vendor_products(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Vendor name -> its services (suites first), for lines that name only the company."""
    order = sorted(
        catalog.services.values(),
        key=lambda s: (s.category != "suites", s.discontinued is not None, s.id),
    )
    by_vendor: dict[str, list[str]] = defaultdict(list)
    for service in order:
        by_vendor[service.vendor].append(service.id)
    # Each vendor's names once, its products in that order; a name two vendors share keeps
    # the same order across both.
    rank = {service.id: n for n, service in enumerate(order)}
    products: dict[str, set[str]] = defaultdict(set)
    common = common_words()
    for vendor_id, ids in by_vendor.items():
        vendor = catalog.vendors[vendor_id]
        for called in (vendor.name, *vendor.aliases):
            words = [w for w in fold(called).split() if w not in CORPORATE]
            untraded = "".join(w for w in words if w not in TRADE)
            names = {key(called), "".join(words)}
            if len(untraded) >= TRADE_REST and untraded not in common:
                names.add(untraded)
            for name in names:
                if name:
                    products[name].update(ids)
    return {name: tuple(sorted(ids, key=rank.__getitem__)) for name, ids in products.items()}


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
    """Recognise one entry of the tool list: what comes before its context first ("Trello
    (projets clients)", "mattermost pour les tests"), the whole line when that names nothing;
    what is done through a tool, when that names nothing either, names the tool."""
    found = _match_entry(entry, index, min_score)
    if found.id is not None and (
        # A name the catalog writes in capitals, typed in lower case after an article, is the
        # everyday word it spells ("les traces gpx" are GPS tracks, no TRACES NT)...
        _acronym_as_word(entry.text, found.id, index)
        # ... and a public body's kind, named as such ("l'Office de tourisme"), is no product
        # whose short name it is...
        or any(
            fold(body.group(1)) in {fold(n) for n in _short_spellings(found.id, index)}
            for body in _BODY.finditer(entry.text)
        )
        # ... and a slip of one word of a name joined by a hyphen to a word it lacks is
        # another name ("telemac-mascaret" is no Telepac).
        or (found.via == "fuzzy" and _hyphened(entry.text, found.id, index))
        # ... and a product's name as the label of another country's address is that
        # country's site ("le geoportail.lu pour les hikes").
        or any(
            len(labels := address.group(1).lower().split(".")) > 1
            and (hit := index.exact.get(key(labels[-2]))) is not None
            and hit.entry == found.id
            and _other_country(labels[-1], found.id, index)
            for address in _URL.finditer(entry.text)
        )
    ):
        return Match(
            entry, Status.UNKNOWN, candidates=(Candidate(found.id, index.names[found.id], 50.0),)
        )
    if found.via == "alias" and any(
        key(word) in index.cased and index.exact[key(word)].entry == found.id and word.isupper()
        for word in re.findall(r"\w+", entry.text)
    ):
        return Match(entry, Status.UNKNOWN)
    if (
        found.via == "fuzzy"
        and found.id is not None
        and (
            _everyday_head(entry.text, found.id, index)
            or _article_piece(entry.text, found.id, index)
            or _cut_after_article(entry.text, found.id, index)
        )
    ):
        return Match(entry, Status.UNKNOWN)
    if found.status is not Status.UNKNOWN:
        return found
    return (
        _through(entry, index, min_score)
        or _planned(entry, index, min_score)
        or _initials(entry, index, min_score)
        or _initials_of_maker(entry, index, min_score)
        or _short_acronym(entry, index)
        or _name_initials(entry, index)
        or _kind_of_company(entry, index, min_score)
        or _word_inside(entry, index)
        or found
    )


def _word_inside(entry: Entry, index: Index) -> Match | None:
    """The one name of several words, not all everyday ones, that the words before any context
    spell with one everyday word more inside it ("FFE Club SIF" is the FFE's SIF, for clubs)."""
    core = _CONTEXT_USE.split(entry.text, maxsplit=1)[0]
    typed = content_words(fold(core).split())
    common = common_words()
    named = {
        hit.entry
        for i in range(1, len(typed) - 1)
        if typed[i] in common
        # A name of everyday words only is a phrase with another word in it ("Planning
        # Applications Wales portal" is no Planning Portal).
        and not all(w in common for w in typed[:i] + typed[i + 1 :])
        and (hit := index.exact.get("".join(typed[:i] + typed[i + 1 :]))) is not None
    }
    if len(named) != 1:
        return None
    return _found(entry, index, named.pop(), SUBSET_SCORE, "name", ())


# "le drive des éducateurs (Google)": a kind of tool, whose, then its company in brackets.
_KIND_OF_COMPANY = re.compile(
    r"^(?P<kind>[^()]+?)" + _CONTEXT_OF.pattern + r"[^()]+?(?P<company>\([^()]+\))\s*$",
    re.IGNORECASE,
)


def _kind_of_company(entry: Entry, index: Index, min_score: float) -> Match | None:
    """Everyday words in lower case that say what kind of tool, then whose it is, then its
    company's name alone in brackets: that company's product of that kind, as when the words
    of belonging are left out ("le drive des éducateurs (Google)" is "le drive (Google)")."""
    given = _KIND_OF_COMPANY.match(entry.text)
    if given is None or not _plain_lower(given.group("kind"), index):
        return None
    company = key(given.group("company")[1:-1])
    if company not in index.vendors:
        return None
    kind = _match_entry(
        Entry(entry.line, f"{given.group('kind')} {given.group('company')}"), index, min_score
    )
    if (
        kind.status not in (Status.PROPRIETARY, Status.LIBRE)
        or kind.id not in index.vendors[company]
    ):
        return None
    return kind._replace(entry=entry)


def _everyday_head(text: str, ident: str, index: Index) -> bool:
    """Whether a line of several words names, as its only content word, an everyday word in
    lower case that is one word of a longer name whose other words, no generic ones, it lacks
    ("l'appli du festival" is no Festival Scope)."""
    tokens = fold(text).split()
    words = content_words(tokens)
    if len(tokens) < 2 or len(words) != 1 or words[0] in _capitalised(text):
        return False
    word = words[0]
    name = fold(index.names[ident]).split()
    rest = [w for w in name if w != word and w not in FILLERS]
    return (
        word in common_words()
        and word in name
        and bool(rest)
        and all(w not in index.vocabulary.generic and w not in tokens for w in rest)
    )


def _article_piece(text: str, ident: str, index: Index) -> bool:
    """Whether a line is an article, then one word in lower case that is only the first part
    of a longer name: the everyday noun ("the rota" is no RotaCloud), where a slip of the
    whole name still reads ("the trelo"); or that word used on a name the catalog lacks."""
    tokens = fold(text).split()
    typed = text.split()
    if len(tokens) == 2 and tokens[0] in ARTICLES and typed[-1].islower():
        word = tokens[1]
    elif (
        # ... or one such word used on a name the catalog lacks ("rota on Rosterfy").
        len(typed) == 3
        and typed[0].islower()
        and _TOGETHER.fullmatch(f" {typed[1]} ") is not None
        and typed[2][:1].isupper()
        and fold(typed[2]) not in index.postings
    ):
        word = tokens[0]
    else:
        return False
    name = fold(index.names[ident]).split()
    return (word not in name and "".join(name).startswith(word)) or word in name[:-1]


def _cut_after_article(text: str, ident: str, index: Index) -> bool:
    """Whether a one-word name is read from a word in lower case after a French article that is
    only its start, one or two letters short: a word French cuts short on purpose ("la
    plateforme de l'interco", the intercommunality, is no Intercom), no slip of the name."""
    name = fold(index.names[ident]).split()
    if len(name) != 1:
        return False
    words = [(w, fold(w)) for w in re.findall(r"\w+", text)]
    return any(
        typed.islower()
        and i > 0
        and words[i - 1][1] in _FRENCH_ARTICLES
        and len(word) >= MIN_FUZZY_CHARS
        and name[0].startswith(word)
        and 0 < len(name[0]) - len(word) <= 2
        for i, (typed, word) in enumerate(words)
    )


def _planned(entry: Entry, index: Index, min_score: float) -> Match | None:
    """A name, then only its plan ("windy premium"), which no name has whole: the name
    alone; not a name the catalog knows for an everyday word ("box pro" is a business
    internet router)."""
    words = entry.text.split()
    if (
        len(words) < 2
        or fold(words[0]) in COMMON_WORDS
        or _CONTEXT_USE.search(entry.text) is not None
        or not all(fold(w) in _PLANS for w in words[1:])
    ):
        return None
    alone = _match_entry(Entry(entry.line, words[0]), index, min_score)
    if alone.status in (Status.PROPRIETARY, Status.LIBRE):
        return alone._replace(entry=entry)
    return None


def _short_acronym(entry: Entry, index: Index) -> Match | None:
    """The one product whose name gives, in brackets, a short acronym the line types in
    capitals ("guichet BCE": the Banque-Carrefour des Entreprises (BCE))."""
    given = {
        index.acronyms[key(word)]
        for word in re.findall(r"\b[A-Z][A-Za-z]{1,2}\b", entry.text)
        if word.isupper() and key(word) in index.acronyms
    }
    if len(given) != 1:
        return None
    return _found(entry, index, given.pop(), SUBSET_SCORE, "alias", ())


def _initials(entry: Entry, index: Index, min_score: float) -> Match | None:
    """The product named beside an acronym no name has that its own description spells out
    ("Trillium SIS": a student information system, as PowerSchool Trillium's says), or beside
    its company's name by the initials of its own words ("Avid MC": Avid Media Composer)."""
    if len(entry.text.split()) < 2:
        return None
    capitals = re.findall(r"\b[A-Z]{2,5}\b", entry.text)
    # A company's name is a word or two: "Avid MC", "HMRC EMCS", not a sentence.
    short = len(entry.text.split()) <= SHORT_NAME
    for acronym in dict.fromkeys(capitals if short else ()):
        rest = " ".join(re.sub(rf"\b{acronym}\b", " ", entry.text, count=1).split())
        if not any(len(w) >= BRAND_WORD - 1 for w in content_words(fold(rest).split())):
            continue
        company = _match_entry(Entry(entry.line, rest), index, min_score)
        if company.status is not Status.AMBIGUOUS or company.via != "vendor":
            continue
        # A company's name and the initials of one of its products' own words: that product
        # ("Avid MC", "Adobe AE" After Effects, "HMRC EMCS"), whatever other name has them.
        spelt_out = [
            c.id
            for c in company.candidates
            if "".join(
                w[0]
                for w in fold(index.names[c.id]).split()
                if w not in index.vocabulary.house.get(c.id, ()) and w not in _LINKS
            )
            == fold(acronym)
        ]
        if len(spelt_out) == 1:
            return _found(entry, index, spelt_out[0], SUBSET_SCORE, "initials", ())
    acronyms = [w for w in capitals if fold(w) not in index.postings]
    if len(acronyms) != 1:
        return None
    rest = re.sub(rf"\b{acronyms[0]}\b", " ", entry.text, count=1)
    if not any(len(w) >= BRAND_WORD for w in content_words(fold(rest).split())):
        # Only small words left ("le TPE"): nothing names a product.
        return None
    found = _match_entry(Entry(entry.line, " ".join(rest.split())), index, min_score)
    if found.status not in (Status.PROPRIETARY, Status.LIBRE) or found.id is None:
        return None
    described = index.described.get(found.id)
    if described is None:
        return None
    letters = fold(acronyms[0])
    for text in (described.en, described.fr):
        words = [w for w in fold(text).split() if w not in _LINKS]
        spelt = ("".join(w[0] for w in words[i : i + len(letters)]) for i in range(len(words)))
        if letters in spelt or letters in words:
            return found._replace(entry=entry)
    return None


def _initials_of_maker(entry: Entry, index: Index, min_score: float) -> Match | None:
    """Initials, then their company in brackets, before any context: that company's product
    the initials spell ("HM (Softway) pour le dossier patient" is Softway's Hôpital Manager)."""
    given = re.match(r"^\s*([A-Z]{2,5})\s*\(([^()]+)\)", entry.text)
    if given is None:
        return None
    found = _initials(Entry(entry.line, f"{given.group(2)} {given.group(1)}"), index, min_score)
    return found._replace(entry=entry) if found is not None else None


def _name_initials(entry: Entry, index: Index) -> Match | None:
    """The one product whose whole name's words have, as initials, an acronym typed in
    capitals that no name has ("TGTG pour les invendus" is Too Good To Go)."""
    typed = [
        w
        for w in re.findall(rf"\b[A-Z]{{{NAME_INITIALS},6}}\b", entry.text)
        if key(w) not in index.exact and fold(w) not in index.postings
    ]
    found = index.initials.get(fold(typed[0]), ()) if len(typed) == 1 else ()
    if len(found) != 1:
        return None
    return _found(entry, index, found[0], SUBSET_SCORE, "initials", ())


def _acronym_as_word(text: str, ident: str, index: Index) -> bool:
    """Whether a line of several words holds, in lower case after an article or "de" ("les
    relevés d'actes"), an everyday word that the product's names write in capitals, and no
    other word of its names."""
    capitals = index.capitals.get(ident, frozenset())
    if not capitals:
        return False
    typed = fold(text).split()
    words = content_words(typed)
    own = {w for name in _own_names(ident, index) for w in name.split()} - capitals
    written = _capitalised(text)
    common = common_words()
    return (
        len(words) > 1
        and not any(w in own for w in words)
        and any(
            w in capitals
            and w in common
            and w not in written
            and i > 0
            and (typed[i - 1] in ARTICLES or typed[i - 1] in _OF)
            for i, w in enumerate(typed)
        )
    )


def _hyphened(text: str, ident: str, index: Index) -> bool:
    """Whether the line holds two words joined by a hyphen, neither of them a word of the
    product's names and one a slip of one of them."""
    own = {w for name in _own_names(ident, index) for w in name.split()}
    return any(
        fold(a) not in own
        and fold(b) not in own
        and any(_spelled(fold(part), w) for part in (a, b) for w in own)
        for a, b in re.findall(r"\b([^\W\d_]{4,})-([^\W\d_]{4,})\b", text)
    )


def _through(entry: Entry, index: Index, min_score: float) -> Match | None:
    """The tool after "via" when what comes before it is no product the catalog knows ("gift
    aid via HMRC": HMRC's Charities Online, whose description says it takes Gift Aid claims)."""
    channel = _THROUGH.search(entry.text)
    if channel is None:
        # Under or with a tool, when what comes before names no product either, not even one
        # the catalog lacks ("postes publics sous Deep Freeze", "natel avec Field Maps").
        channel = _UNDER.search(entry.text)
        if channel is not None and _unknown_name(entry.text[: channel.start()], index):
            return None
    if channel is None or channel.start() == 0:
        return None
    through = _match_text(Entry(entry.line, entry.text[channel.end() :]), index, min_score)
    if through.status in (Status.PROPRIETARY, Status.LIBRE):
        return through._replace(entry=entry)
    if through.status is Status.AMBIGUOUS:
        settled = _described_by(entry.text[: channel.start()], through.candidates, index)
        if settled is not None:
            return _found(entry, index, settled, SUBSET_SCORE, "context", ())
    acronym = _ACRONYM_AFTER.fullmatch(entry.text[channel.end() :])
    if through.status is Status.UNKNOWN and acronym is not None:
        # An acronym no name has, spelling a name's words, through which what is said
        # before is done, as its description says ("paiement des frais via le CMI": the
        # Centre monétique interbancaire, which takes card payments online).
        spelt = (
            ()
            if key(acronym.group(1)) in index.exact
            else index.initials.get(fold(acronym.group(1)), ())
        )
        cands = tuple(Candidate(i, index.names[i], 0.0) for i in spelt)
        settled = _described_by(entry.text[: channel.start()], cands, index) if cands else None
        if settled is not None:
            return _found(entry, index, settled, SUBSET_SCORE, "initials", ())
    return None


def _match_entry(entry: Entry, index: Index, min_score: float) -> Match:
    text = entry.text
    for host, segment in _addresses(text):
        ident = by_host(index.domains, host, segment)
        if ident is not None:
            return _found(entry, index, ident, 100.0, "domain", ())
    address = _URL.fullmatch(text.strip())
    if address is not None:
        # An address is typed exactly, often copied: one the catalog does not know is no
        # slip of another product's name ("guso.fr" is not Gusto). Its name, or its main
        # label, may still be a name ("Draw.io", "monday.com").
        labels = address.group(1).lower().split(".")
        # Under a government's domain, the first label names the service ("monpsy" of
        # monpsy.sante.gouv.fr).
        public = [labels[0]] if len(labels) > 2 and {"gouv", "gov"} & set(labels[1:]) else []
        for name in (address.group(0), labels[-2] if len(labels) > 1 else labels[0], *public):
            hit = index.exact.get(key(name))
            if hit is not None and not (
                name != address.group(0) and _other_country(labels[-1], hit.entry, index)
            ):
                return _found(entry, index, hit.entry, 100.0, hit.via, ())
        # An address typed without its last label ("map.geo.admin" of map.geo.admin.ch),
        # when one known address is that.
        prefix = address.group(0).lower() + "."
        unlabelled = (
            {
                i
                for host, i in index.dotted
                if host.startswith(prefix) and "." not in host[len(prefix) :]
            }
            if labels[-1] not in _TOP_LABELS
            else set()
        )
        if len(unlabelled) == 1:
            return _found(entry, index, unlabelled.pop(), SUBSET_SCORE, "domain", ())
        # A slip inside a dotted name or an address the catalog has ("Rocket.Cht",
        # "Booking.cm"); "guso.fr" is too far from gusto.com to be one.
        near = _near_address(address.group(0).lower(), index)
        if near is not None and not _other_country(labels[-1], near, index):
            return _found(entry, index, near, SUBSET_SCORE, "fuzzy", ())
        return Match(entry, Status.UNKNOWN)
    if len(text.split()) == 1 and _CONTEXT_USE.search(text) is None:
        found = _match_text(entry, index, min_score)
        if found.status is Status.AMBIGUOUS and found.via == "fuzzy":
            # Close to several names, but one's name is the word and its address's ending,
            # and that address's main label ("booking" is Booking.com, though TryBooking is
            # as close; "bible" is no more YouVersion's for its bible.com).
            labelled = _labelled(fold(text), index)
            label_name = fold(index.names.get(labelled or "", "")).split()
            if (
                labelled in {c.id for c in found.candidates}
                and label_name[:1] == [fold(text)]
                and all(w in FILLERS for w in label_name[1:])
            ):
                return _found(entry, index, labelled or "", SUBSET_SCORE, "domain", ())
        if found.status is Status.UNKNOWN and not found.candidates:
            # A word no name has that is the main label of one address the catalog knows
            # ("framagit", of framagit.org): that address's product.
            labelled = _labelled(fold(text), index)
            if labelled is not None:
                return _found(entry, index, labelled, SUBSET_SCORE, "domain", ())
        return found
    core = _core(text, index)
    bracketed = _bracketed(core, text, index) if core is not None else None
    if bracketed is not None:
        # Everyday words in lower case, though a name has them, say what kind of tool; the
        # product named whole in brackets after them is the one in use ("messagerie
        # sécurisée de santé (Mailiz)": Mailiz, one such messaging).
        return _found(entry, index, bracketed, 100.0, "context", ())
    if core is not None:
        # A name that holds a word of context is whole: "Python Editor for micro:bit", also
        # before context of its own ("Sign in with Google - comptes élèves").
        cuts = [len(text), *(m.start() for m in _CONTEXT_USE.finditer(text))]
        # ...after an article too ("le Géoportail de l'urbanisme").
        start = _ARTICLE_START.match(text)
        begin = start.end() if start else 0
        for cut in sorted(cuts, reverse=True):
            for head in dict.fromkeys((0, begin)):
                key_ = index.exact.get(key(text[head:cut]))
                if key_ is not None and len(text[head:cut].split()) > 1:
                    return _found(entry, index, key_.entry, 100.0, key_.via, ())
    if core is not None:
        # An address before its context is read as an address: one the catalog lacks is no
        # slip of a name ("dict.fr pour les DT-DICT" is Sogelink's, no State's guichet).
        reader = _match_entry if _URL.fullmatch(core.strip()) else _match_text
        found = reader(Entry(entry.line, core), index, min_score)
        if found.status is Status.AMBIGUOUS and found.via == "fuzzy" and len(core.split()) == 1:
            # One word close to several names is read as alone, where the address it is the
            # label of settles it ("Booking pour le remplissage" is Booking.com).
            found = _match_entry(Entry(entry.line, core), index, min_score)
        if found.status in (Status.PROPRIETARY, Status.LIBRE):
            # The whole line may be a longer name of the same owner's, with a slip: the
            # context word is part of it ("Duolinggo for Schools").
            longer = _longer_name(text, found.id or "", index)
            if longer is not None:
                return _found(entry, index, longer, SUBSET_SCORE, "fuzzy", ())
            said = content_words(fold(re.sub(r"[()\[\]{}]", " ", text[len(core) :])).split())
            completed = next(
                (
                    hit.entry
                    for size in (2, 1)
                    if len(said) >= size
                    and (hit := index.exact.get(key(core + " " + " ".join(said[:size]))))
                    is not None
                    and hit.entry != found.id
                ),
                None,
            )
            if completed is None and said:
                # ... or the context says what another owner's longer name that starts with
                # this one does ("Opera pour les TP de réception": Oracle's OPERA PMS, whose
                # description says so, no browser).
                longer_names = tuple(
                    Candidate(i, index.names[i], 0.0)
                    for i in _started_by(core, index)
                    if index.owners.get(i) != index.owners.get(found.id or "")
                )
                if longer_names:
                    itself = Candidate(found.id or "", index.names.get(found.id or "", ""), 0.0)
                    settled = _described_by(text[len(core) :], (itself, *longer_names), index)
                    completed = settled if settled != found.id else None
            if completed is not None:
                # The first words of the context complete the name into another product's
                # ("Opera (PMS de l'hôtel)" is Oracle's OPERA PMS, no browser).
                return _found(entry, index, completed, 100.0, "name", ())
            instance = _instance(
                text[len(core) :], fold(index.names.get(found.id or "", "")).split(), index
            )
            if (
                instance is not None
                and instance != found.id
                and (instance not in index.libre or found.id in index.libre)
            ):
                # A product in brackets that is one of the named kind ("MSSanté (Mailiz)":
                # Mailiz, an MSSanté messaging, as its description says) is the one in use;
                # a libre one after a proprietary one may be the move to come, or only alike
                # ("Slack (Mattermost)", which its description says is close to Slack).
                return _found(entry, index, instance, 100.0, "context", ())
            if (
                _maker_apart(text[len(core) :], index)
                or _other_maker(text[len(core) :], found.id, index)
            ) and (
                not _spelt_whole(core, found.id, index)
                or _everyday_name(core, found.id or "", index)
            ):
                # A maker the catalog lacks, in brackets after words that are not the product's
                # whole name: that maker's product ("Affinity Compact (Interacoustics)" is no
                # Affinity of Canva's, "Apricot (Bonterra)" no Wild Apricot); the name typed
                # whole stays itself ("i-parapheur (Libriciel)"), unless it is everyday words
                # in lower case ("the council's planning portal (Idox)": Idox's, no Planning
                # Portal). The maker's own product is it, when the words say what that one does.
                inside = _BRACKET_FIRST.match(text[len(core) :])
                made = index.vendors.get(key(inside.group(1))) if inside is not None else None
                mades = tuple(Candidate(i, index.names[i], 0.0) for i in made or ())
                settled = _described_by(core, mades, index) if mades else None
                if settled is not None:
                    return _found(entry, index, settled, SUBSET_SCORE, "context", ())
                return Match(entry, Status.UNKNOWN)
            return found._replace(entry=entry)
        if found.status is Status.AMBIGUOUS:
            # The context is no product, so it never makes the question unknown; it may
            # answer it, by naming one of the candidates ("visio (Zoom)") or by saying what
            # it does ("Horizon (compta)": the one that keeps accounts).
            asked = {c.id for c in found.candidates}
            context = re.sub(r"[()\[\]{}]", " ", text[len(core) :])
            named = _match_text(Entry(entry.line, context), index, min_score)
            if named.id in asked and named.status in (Status.PROPRIETARY, Status.LIBRE):
                return named._replace(entry=entry)
            whole = _match_text(entry, index, min_score)
            # The whole line may complete the name ("Google (Drive)"), or its context name
            # the product of a line that only says what kind of tool ("logiciel de paie
            # (Silae)"); a company's name before another company's product is neither
            # ("Free (box)" is no Box).
            owners = {index.owners.get(c.id) for c in found.candidates}
            foreign = found.via == "vendor" and index.owners.get(whole.id or "") not in owners
            # An everyday word that names a kind of tool is no more its product for being
            # followed by context ("Visio de la mairie" is a video call).
            same_word = found.via == "category" and whole.id == _exact_entry(core, index)
            # Words after "de", "du", "des" say whose the tool is, not what job it does ("Adobe
            # (la licence de l'école)": the school's licence, no e-learning tool).
            whose = whole.via == "brand and job" and not content_words(
                fold(_CONTEXT_OF.split(context, maxsplit=1)[0]).split()
            )
            if (
                whole.status in (Status.PROPRIETARY, Status.LIBRE)
                and not foreign
                and not same_word
                and not whose
            ):
                return whole
            # A number typed with a name that candidates carry numbers in is part of it:
            # "Sage 300" is none of Sage 50, 100 or 200, nor Ciel, whatever its context says.
            typed = set(re.findall(r"\d+", core))
            numbers = {c.id: set(re.findall(r"\d+", index.names[c.id])) for c in found.candidates}
            asked_for = found.candidates
            if typed and any(numbers.values()):
                asked_for = tuple(c for c in asked_for if typed & numbers[c.id])
            # An edition named in the context, in French too ("version communautaire"), is the
            # candidate whose name says it.
            editions = {
                _EDITIONS.get(w, w) for w in fold(text[len(core) :]).split() if w in _EDITIONS
            }
            edited = [
                c.id
                for c in asked_for
                if editions & set(fold(" ".join(_own_names(c.id, index))).split())
            ]
            if len(edited) == 1:
                return _found(entry, index, edited[0], SUBSET_SCORE, "context", ())
            settled = _described_by(text[len(core) :], asked_for, index)
            if settled is not None:
                return _found(entry, index, settled, SUBSET_SCORE, "context", ())
            said = content_words(fold(core).split())
            if (
                found.via == "vendor"
                and said
                and not set(said) & _capitalised(core)
                and all(w in common_words() and w not in FILLERS for w in said)
            ):
                # A company's name that is an everyday word, in lower case, before more words
                # that do not say which of its products, is the word ("faire des devis": to
                # make quotes, no marketplace called Faire).
                return whole
            return found._replace(entry=entry)
        owned = _kind_of_whose(core, text, index) if found.status is Status.UNKNOWN else None
        if owned is not None:
            # What kind of tool, whose, then the product in brackets: "le courriel du CSSDM
            # (Outlook)" is Outlook, the school board's.
            return _found(entry, index, owned, 100.0, "context", ())
        if (
            found.status is Status.UNKNOWN
            and not _unknown_name(core, index)
            and not _unknown_address(core, index)
        ):
            # Words of some products' names before a context that says what one of them does:
            # "ADE (emplois du temps)" is Adesoft's ADE Campus, whose description says so.
            said = content_words(fold(core).split())
            common = common_words()
            written = _capitalised(core)
            if all(plain_word(w, index.vocabulary, common) and w not in written for w in said) and (
                any(
                    w in COMMON_WORDS
                    or w in index.vocabulary.generic
                    or category_of(w, index.vocabulary)
                    for w in said
                )
            ):
                # Everyday words in lower case that name products of several owners, or kinds
                # of tool, say what kind of tool, not which product's name ("notes sur l'appli
                # Notes de l'iphone" is no notes app of another); one product's word is read
                # with what the context says it does ("artisan (logiciel de torréfaction)").
                said = []
            postings = [index.postings.get(w, frozenset()) for w in said]
            shared = (
                {index.choice_ids[p] for p in frozenset.intersection(*postings)} if said else set()
            )
            instance = _instance(text[len(core) :], said, index)
            if instance is not None:
                # The product named in brackets is one of the kind the words before say
                # ("Linux (Ubuntu)"), not another whose description mentions it.
                return _found(entry, index, instance, 100.0, "context", ())
            if said and all(w in common and w not in written for w in said):
                # Everyday words that are only part of a name made of everyday words read as
                # that name only when the line holds its other words too: "prêt entre
                # bibliothèques" is interlibrary loan, not the Prêt numérique en bibliothèque
                # scheme ("whisper pour transcrire" is still OpenAI Whisper).
                typed = {w.rstrip("s") for w in fold(text).split()}
                name_words = {i: content_words(fold(index.names[i]).split()) for i in shared}
                shared = {
                    i
                    for i in shared
                    if not all(w in common for w in name_words[i])
                    or all(w.rstrip("s") in typed for w in name_words[i])
                }
            capitals = {w for w in map(fold, re.findall(r"\b[A-Z]{3,}\b", core)) if w in common}
            if capitals:
                # An everyday word typed in capitals is an acronym: only names that write it
                # so are read with it ("PASS for bed allocation" is no Pass'Sport).
                shared = {
                    i
                    for i in shared
                    if all(
                        w in {fold(n) for n in re.findall(r"\b[A-Z]{3,}\b", index.names[i])}
                        or ((hit := index.exact.get(w)) is not None and hit.entry == i)
                        for w in capitals
                    )
                }
            if 0 < len(shared) <= SUBSET_MAX:
                cands = tuple(Candidate(i, index.names[i], 0.0) for i in sorted(shared))
                settled = _described_by(text[len(core) :], cands, index)
                if settled is not None:
                    return _found(entry, index, settled, SUBSET_SCORE, "context", ())
        # An acronym after "des" is what is listed, no name ("le registre des DIA sur Excel").
        if _unknown_name(_OF_ACRONYM.sub(" ", core), index):
            # The product is named before its context, and the catalog lacks it: a product
            # the context mentions is not it ("Google Admin console (Chromebooks)")... unless
            # the name is only its owner's word and the context names that owner's product
            # ("portail DGFiP (helios)").
            own = {
                w for w in content_words(fold(core).split()) if w not in index.vocabulary.generic
            }
            # Only brand words, and only lower-case words beside them ("Admin console" is a
            # name): then, and only then, is the context read.
            context = re.sub(r"[()\[\]{}]", " ", text[len(core) :])
            if own and own <= index.vocabulary.brands and _capitalised(core) <= own:
                named = _match_text(Entry(entry.line, context), index, min_score)
                house = index.vocabulary.house.get(named.id or "", frozenset())
                if named.status in (Status.PROPRIETARY, Status.LIBRE) and own <= house:
                    return named._replace(entry=entry)
            # Only a context in brackets spells a name out, never one of a choice.
            # Spelt out in the brackets, with more context after them or not ("OM (orange
            # money) pour les parents").
            bracket = _BRACKET_FIRST.match(text[len(core) :])
            spelt = (
                _spelt_in_context(core, bracket.group(1), index)
                if bracket is not None and not _CHOICE.search(core)
                else None
            )
            if spelt is not None:
                return _found(entry, index, spelt, 100.0, "context", ())
            # A product's whole name in brackets after "notre", "our", "un": the name before
            # is what they call their instance of it ("Cyberlearn (notre Moodle)").
            ours = _INSTANCE_OF.fullmatch(text[len(core) :])
            named_instance = _named_whole(ours.group(1), index) if ours is not None else None
            if named_instance is not None:
                return _found(entry, index, named_instance, 100.0, "context", ())
            return found._replace(entry=entry)
    whole = _match_text(entry, index, min_score)
    if core is not None and whole.id is not None and _named_apart(core, text, whole.id, index):
        # A name written with capitals in everyday words, which the catalog lacks, then a
        # product's name in lower case in its context: the context says what for ("Clear
        # Outside pour la météo astro" is no Astro).
        return Match(
            entry, Status.UNKNOWN, candidates=(Candidate(whole.id, index.names[whole.id], 50.0),)
        )
    return whole


def _named_apart(core: str, text: str, ident: str, index: Index) -> bool:
    """Whether a line's words before its context are a name of two words or more, each
    written with a capital, none a word of the product's names, and the product's words in
    the context are all typed in lower case."""
    # The name runs up to "pour", "for"... ("Carte du Ciel pour ...": its "du" is no context).
    use = _CONTEXT_USE.search(text)
    if use is not None and use.start() > len(core):
        core = text[: use.start()]
    said = content_words(fold(core).split())
    own = {w for name in _own_names(ident, index) for w in fold(name).split()}
    context = text[len(core) :]
    return (
        len(said) > 1
        and set(said) <= _capitalised(core)
        and not set(said) & own
        and bool(set(fold(context).split()) & own)
        and not _capitalised(context) & own
    )


def _kind_of_whose(core: str, text: str, index: Index) -> str | None:
    """The product named whole in brackets after everyday words in lower case that say what
    kind of tool, then whose it is ("le courriel du CSSDM", "la messagerie de la mairie")."""
    of = _CONTEXT_OF.search(core)
    if of is None or not _plain_lower(core[: of.start()], index):
        return None
    return _named_in_brackets(core, text, index)


def _spelt_in_context(core: str, context: str, index: Index) -> str | None:
    """The product a context spells out in full: an acronym's words ("DSS (deep sky
    stacker)"), or the rest of a name whose brand the line gives ("NAS synology (hyper
    backup)" is Synology Hyper Backup)."""
    said = content_words(fold(context).split())
    if not said:
        return None
    acronym = core.strip()
    if re.fullmatch(r"[A-Z]{2,5}", acronym) and acronym.lower() == "".join(w[0] for w in said):
        whole = index.exact.get("".join(said))
        if whole is not None:
            return whole.entry
    brands = [w for w in fold(core).split() if w in index.vocabulary.brands]
    for brand in brands:
        for joined in (brand + "".join(said), "".join(said) + brand):
            hit = index.exact.get(joined)
            if hit is not None:
                return hit.entry
    return None


def _company_word_beside(
    tokens: list[str], span: slice, ident: str, capitalised: frozenset[str], index: Index
) -> bool:
    """Whether a company's name that is also a filler ("free"), written with a capital,
    stands before a name that is an everyday word, or after it written in lower case."""
    name = tokens[span]
    lower = not set(name) & capitalised
    beside = any(
        t in FILLERS
        and t in capitalised
        and ident not in index.vendors.get(t, (ident,))
        and (i < span.start or (i >= span.stop and lower))
        for i, t in enumerate(tokens)
    )
    # The word list is read last: most lines name no such company.
    return beside and all(t in COMMON_WORDS or t in common_words() for t in name)


def _exact_entry(text: str, index: Index) -> str | None:
    """The entry a text names exactly, whole, by name, alias or former name."""
    found = index.exact.get(key(text))
    return found.entry if found is not None else None


def _near_address(typed: str, index: Index) -> str | None:
    """The one entry a dotted name or address is a slip of: one or two letters off one of
    its dotted names or domains, the first letter right."""
    from rapidfuzz.distance import OSA

    typed = typed.split("/")[0].removeprefix("www.")
    # Two slips only in a long name, its ending aside: "make.com" is two letters from
    # "malt.com", and no slip of it.
    allowed = 1 if len(typed.rsplit(".", 1)[0]) < 6 else 2
    found = {
        ident
        for host, ident in index.dotted
        if host[:1] == typed[:1] and OSA.distance(typed, host, score_cutoff=allowed) <= allowed
    }
    return found.pop() if len(found) == 1 else None


def _labelled(word: str, index: Index) -> str | None:
    """The one entry whose known addresses have `word` as their main label, for a word that
    is no everyday word ("framagit"; not "live", of live.com)."""
    if " " in word or plain_word(word, index.vocabulary, common_words()):
        return None
    found = index.labels.get(word, frozenset())
    return next(iter(found)) if len(found) == 1 else None


def _bracketed(core: str, text: str, index: Index) -> str | None:
    """The product a line names whole in brackets after everyday words in lower case only,
    which are the name of another product."""
    named = _named_in_brackets(core, text, index) if _plain_lower(core, index) else None
    if named is None:
        return None
    # Only where those words are some product's name ("messagerie sécurisée de santé"):
    # words that only say what the tool does are read with their context as before.
    read = _match_text(Entry(0, core), index, DEFAULT_MIN_SCORE)
    known = read.status in (Status.PROPRIETARY, Status.LIBRE) and read.id != named
    return named if known else None


def _former_word(hit: _Key, joined: str, text: str, index: Index) -> bool:
    """Whether a name found is a former name that is an everyday word, typed in lower case
    (`text`, when given, has no capital): then it is the word, not the product once called
    so. Not one the product's own address still spells ("twitter", twitter.com)."""
    return (
        hit.via == "former_name"
        and not _capitalised(text)
        and plain_word(joined, index.vocabulary, common_words())
        and hit.entry not in index.labels.get(joined, frozenset())
    )


def _plain_lower(text: str, index: Index) -> bool:
    """Whether a text holds words and only everyday words in lower case ("messagerie
    sécurisée de santé", "le courriel")."""
    said = content_words(fold(text).split())
    common = common_words()
    return (
        bool(said)
        and not _capitalised(text)
        and all(plain_word(w, index.vocabulary, common) for w in said)
    )


def _named_in_brackets(core: str, text: str, index: Index) -> str | None:
    """The product named whole in the brackets that are all of a line after its core."""
    rest = text[len(core) :].strip()
    if not (rest.startswith("(") and rest.endswith(")")):
        return None
    return _named_whole(rest[1:-1], index)


def _instance(context: str, words: list[str], index: Index) -> str | None:
    """The product named whole in brackets whose own description has every word before
    them: one of that kind, or one built on it ("Linux (Ubuntu)")."""
    inside = re.fullmatch(r"\s*[(\[]([^()\[\]]+)[)\]]\s*", context)
    if inside is None or not words:
        return None
    hit = index.exact.get(key(inside.group(1)))
    if hit is None or hit.via not in ("name", "alias"):
        return None
    described = _description_words(index.described.get(hit.entry))
    return hit.entry if set(words) <= described else None


def _unknown_name(text: str, index: Index) -> bool:
    """Whether a text holds a word written with a capital, no everyday word, that no catalog
    name has or that is a brand: a product's name ("ActivInspire", "Google Admin console"),
    where "Mon ENT" only says what kind of tool."""
    common = common_words()
    stripped = _URL.sub(_url_words, text)
    if any(_INNER_CAPITAL.match(w) for w in stripped.split()):
        # A word written with a capital inside it ("AtoM", "iMuse") is written as a brand,
        # whatever everyday word or name it also spells.
        return True
    return any(
        w in _capitalised(stripped)
        and w not in FILLERS
        and (w not in index.postings or w in index.vocabulary.brands)
        and not plain_word(w, index.vocabulary, common)
        for w in fold(stripped).split()
    )


def _other_country(ending: str, ident: str, index: Index) -> bool:
    """Whether an address's country ending is another than every one of a product's own
    addresses, all national: "geoportail.lu" is Luxembourg's geoportal, no IGN Géoportail
    (geoportail.gouv.fr); "cryptpad.fr" stays CryptPad, whose cryptpad.org is no country's."""
    if len(ending) != 2:
        return False
    own = [host.split("/")[0].rsplit(".", 1)[-1] for host, i in index.domains.items() if i == ident]
    return bool(own) and all(len(end) == 2 and end != ending for end in own)


def _unknown_address(text: str, index: Index) -> bool:
    """Whether a text holds an address whose main label is no name the catalog has, on a
    domain none of its products has: a product's own address, of a product the catalog lacks
    ("DICT.fr", Sogelink's, is no State's guichet for the same declarations)."""
    for address in _URL.finditer(text):
        labels = address.group(1).lower().split(".")
        known = any(".".join(labels[i:]) in index.domains for i in range(len(labels) - 1))
        label = labels[-2] if len(labels) > 1 else ""
        if (
            not known
            and label
            and label not in index.exact
            and label not in index.vocabulary.brands
        ):
            return True
    return False


# More candidates than this, and one word of context describing one of them is not enough.
MANY_DESCRIBED = 4


def _described_by(context: str, candidates: tuple[Candidate, ...], index: Index) -> str | None:
    """The one candidate whose own description uses most of the context's words, a longer
    form of them ("compta": comptabilité), their singular ("shares": share) or another of the
    same stem ("déclaration": déclarent), when one does more than all the others. An acronym
    in capitals counts however short ("GAMMA pour les DAE")."""
    if _CONTEXT_OF.match(context):
        # A context of belonging says whose the tool is, not what it does ("ENT du
        # département" is the département's, whatever product says it serves départements).
        return None
    acronyms = {fold(w) for w in re.findall(r"\b[A-Z]{3}\b", context)}
    words = [
        w for w in content_words(fold(context).split()) if len(w) >= CONTEXT_WORD or w in acronyms
    ]
    counts: dict[str, int] = {}
    for candidate in candidates:
        described = _description_words(index.described.get(candidate.id))
        counts[candidate.id] = sum(
            any(d.startswith(w) or w == f"{d}s" or _same_stem(w, d) for d in described)
            for w in words
        )
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    # Most of the context's words, not one of several ("grants module": only "module").
    # A lone candidate needs half of them ("G7 (radio taxi)": taxis); one of several, most.
    # Among many products of one company, one word a description shares says little ("Sage
    # for the books": several of Sage's products keep books).
    one_owner = len({index.owners.get(c.id, c.id) for c in candidates}) == 1
    if (
        ranked
        and ranked[0][1] > (1 if one_owner and len(ranked) > MANY_DESCRIBED else 0)
        and ranked[0][1] * 2 >= len(words) + (len(ranked) > 1)
        and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])
    ):
        return ranked[0][0]
    return None


def recognises(text: str, index: Index) -> bool:
    """Whether the catalog knows a line by an address, a name or an alias, with no fuzzy
    guess: what tells a table's tool column from its other columns, fast."""
    for host, segment in _addresses(text):
        if by_host(index.domains, host, segment) is not None:
            return True
    stripped = _URL.sub(_url_words, text)
    tokens = fold(stripped).split()
    alone = len(content_words(tokens)) <= 1
    return _exact(tokens, index, _capitalised(stripped), alone) is not None


def _maker_apart(context: str, index: Index) -> bool:
    """Whether a bracket, after a name followed by a word none of its names has, holds only a
    maker's name the catalog does not know, written as a name, whatever context follows it
    ("Affinity Compact (Interacoustics)": Interacoustics' audiometer, no Affinity of Canva's)."""
    inside = _BRACKET_FIRST.match(context)
    if inside is None:
        return False
    words = inside.group(1).split()
    common = common_words()
    if 1 < len(words) <= SHORT_NAME:
        # Several words, each written with a capital, none a word of any name the catalog
        # has: a company's name ("Transcribe! (Seventh String)").
        return key(inside.group(1)) not in index.vendors and all(
            w[:1].isupper() and w[1:].islower() and fold(w) not in index.postings for w in words
        )
    return len(words) == 1 and all(
        len(w) > 4
        and w[:1].isupper()
        and w[1:].islower()
        and fold(w) not in index.postings
        and fold(w) not in common
        and fold(w) not in index.vendors
        for w in words
    )


def _everyday_name(text: str, ident: str, index: Index) -> bool:
    """Whether a product's name is everyday words only, typed in lower case in the text
    ("planning portal")."""
    words = content_words(fold(index.names.get(ident, "")).split())
    capitalised = _capitalised(text)
    common = common_words()
    return bool(words) and all(
        plain_word(w, index.vocabulary, common) and w not in capitalised for w in words
    )


def _other_maker(context: str, ident: str | None, index: Index) -> bool:
    """Whether a bracket holds only the name of a company the catalog knows that neither
    makes the product nor belongs with its maker ("Apricot (Bonterra)")."""
    inside = _BRACKET_FIRST.match(context)
    made = index.vendors.get(key(inside.group(1))) if inside is not None else None
    if not made or ident is None or ident in made:
        return False
    owner = index.owners.get(ident, ident)
    return all(index.owners.get(p, p) != owner for p in made)


def _spelt_whole(text: str, ident: str | None, index: Index) -> bool:
    """Whether the text ends with words that are, side by side, exactly one of the entry's
    names ("i-parapheur"; not "Affinity Compact")."""
    tokens = fold(text).split()
    return any(
        (hit := index.exact.get("".join(tokens[i:]))) is not None and hit.entry == ident
        for i in range(max(0, len(tokens) - MAX_WINDOW), len(tokens))
    )


def _core(text: str, index: Index) -> str | None:
    """The line before its context, when it has some: before a parenthesis, "pour", "avec",
    a dash..., or before "de la", "du" unless what comes first is only everyday words in lower
    case ("tableau de bord" is a dashboard, "Excel du trésorier" is Excel)."""
    use = _CONTEXT_USE.search(text)
    cut = use.start() if use is not None and use.start() > 0 else len(text)
    of = _CONTEXT_OF.search(text, 0, cut)
    if of is not None and of.start() > 0:
        before = text[: of.start()]
        common = common_words()
        # A product's name that is an everyday word, in lower case, is that word here too
        # ("tableau des contrats": a table, not Tableau).
        lower = set(fold(before).split()) - _capitalised(before)
        everyday = all(
            plain_word(w, index.vocabulary, common)
            or w in FILLERS
            or (w in COMMON_WORDS and w in lower)
            for w in fold(before).split()
        )
        # An article written with a capital only starts the line ("Le tableau des ...").
        if not everyday or _capitalised(before) - FILLERS:
            cut = of.start()
    core = text[:cut].strip()
    return core if core and core != text.strip() else None


def _possessive(found: re.Match[str], index: Index) -> str:
    """A possessive's "'s" dropped, unless the word with it is a name's ("Moody's")."""
    word = found.group(1)
    folded = fold(word)
    owned = any(
        f"{folded} s" in index.choices[n] for n in index.postings.get(folded.split()[-1], ())
    )
    return found.group(0) if owned else word


def _singular(token: str, index: Index) -> str:
    """A French plural in "-aux" of a word names have only in "-al", as that word
    ("terminaux Bloomberg": Bloomberg Terminal)."""
    if len(token) > 4 and token.endswith("aux") and token not in index.postings:
        single = token[:-3] + "al"
        if single in index.postings:
            return single
    return token


def _match_text(entry: Entry, index: Index, min_score: float) -> Match:
    text = entry.text
    stripped = _POSSESSIVE.sub(lambda m: _possessive(m, index), _URL.sub(_url_words, text))
    tokens = [_singular(t, index) for t in fold(stripped).split()]
    words = content_words(tokens)
    capitalised = _capitalised(stripped)
    hit = _exact(tokens, index, capitalised, alone=len(words) <= 1)
    if len(tokens) in (2, 3) and (hit is None or hit[3] < len(words)):
        # French puts the noun first: "Sites Google" is Google Sites; a brand may come last
        # ("Active Directory Azure" is Azure Active Directory).
        for turned in (
            index.exact.get("".join(tokens[i:] + tokens[:i])) for i in range(1, len(tokens))
        ):
            if turned is not None:
                return _found(entry, index, turned.entry, 100.0, turned.via, ())
    if hit is not None:
        ident, via, others, covered, span = hit
        if _everyday_name(stripped, ident, index) and _after_a_name(
            tokens, span, ident, index, capitalised
        ):
            # A product's name of everyday words, in lower case, right after words written as
            # a name no name has: that body's own tool ("the Highland Council planning
            # portal" is no Planning Portal).
            return Match(
                entry, Status.UNKNOWN, candidates=(Candidate(ident, index.names[ident], 50.0),)
            )
        if _company_word_beside(tokens, span, ident, capitalised, index):
            # A company whose name is a filler word, written as a name, before a product
            # name that is an everyday word, or after it in lower case: its own product
            # ("Free Box", "box Free" are Free's box, not Box), where "Notion Free" is
            # Notion's free plan.
            return Match(entry, Status.UNKNOWN)
        for other in others:
            # A brand before its product's own name ("AWS S3"), also by its short name ("fb
            # messenger"): the product.
            rest = [w for w in words if w not in tokens[span]]
            named = index.exact.get("".join(rest))
            if (
                named is not None
                and named.entry == other
                and _in_house(tokens[span], other, index)
                and _in_house(tokens[span], ident, index)
            ):
                return _found(entry, index, other, 100.0, named.via, ())
        homonyms = index.homonyms.get("".join(tokens[span]))
        if homonyms:
            question = Match(
                entry,
                Status.AMBIGUOUS,
                via="homonym",
                candidates=tuple(Candidate(i, index.names[i], 0.0) for i in homonyms),
            )
            if covered == len(words):
                # Written exactly as one of them writes its name, capitals and all ("SIECLE",
                # the ministry's, not Logitud's Siècle): that one.
                # A version number is no part of the name ("Basecamp 4").
                typed = " ".join(w for w in text.split() if not _VERSION.match(fold(w)))
                # Not when another one's name without its owner's words is spelt the same
                # ("Alma": Alma's payments, or Ex Libris Alma?).
                spelt = [i for i in homonyms if index.names[i] == typed and not text.islower()]
                alike = [i for i in homonyms if typed in _short_spellings(i, index)]
                if len(spelt) == 1 and len(alike) == 1:
                    return _found(entry, index, spelt[0], 100.0, "name", ())
                return question
            # Words beside a name two products share: one's owner named says which ("Orbis
            # (BvD)"); words no name has say nothing, and which one stays a question
            # ("Orbis / Diane": Moody's or Dedalus's?).
            rest = [w for w in words if w not in tokens[span]]
            owned = [
                i for i in homonyms if any(w in index.vocabulary.house.get(i, ()) for w in rest)
            ]
            if len(owned) == 1:
                return _found(entry, index, owned[0], 100.0, "name", ())
            if not owned and not any(w in index.postings for w in rest):
                return question
        bare = [t for t in tokens if t not in FILLERS]
        if len(bare) == 1 and bare[0] in index.category_names:
            # An everyday word alone that names a category ("visio" is a video call in
            # French, "office" any office suite): which product, only the user can say.
            return _category(entry, index, index.category_names[bare[0]])
        if covered < len(words):
            # Words are left over: a reading of the whole line may explain them all.
            # That reading may be this name with a slip ("GMX Mial", "Chrome Remoet Desktop").
            readings = {" ".join(words), " ".join(tokens)}
            whole = sorted(
                (found for typed in readings for found in _scores(typed, index, whole=True)),
                key=lambda x: -x[1],
            )
            if whole and whole[0][1] >= REORDER_SCORE:
                read, score = whole[0]
                others = (ident,) if read != ident else ()
                return _found(entry, index, read, round(score, 1), "fuzzy", others)
            if _slip_of(words, tokens[span], ident, index):
                return _found(entry, index, ident, SUBSET_SCORE, "fuzzy", ())
            kind_word = "".join(tokens[span])
            if kind_word in index.category_names:
                beside = " ".join(t for t in stripped.split() if key(t) != kind_word)
                product = _exact_entry(beside, index)
                if product is not None and product != ident:
                    # An everyday word that names a kind of tool, beside another product's
                    # name: that product ("Visio Livestorm", "visio Jitsi"), not Microsoft's.
                    return _found(entry, index, product, SUBSET_SCORE, "name", ())
                if _unknown_name(beside, index):
                    # ... or beside a name the catalog lacks ("Visio Pexip"): that one.
                    return Match(entry, Status.UNKNOWN)
            # One name among several other name-like words ("Windows Live Mail") is a
            # product the catalog does not know, not the one it happens to contain.
            if (covered == 1 and _named_neighbours(tokens, ident, index, capitalised) >= 2) or (
                _another_product(text, tokens, span, ident, index)
            ):
                # Only a brand's short name asks for its owner's product for the job ("OVH
                # Mail"); a product's own name with a job word is not another of its owner's
                # ("Tableaux Excel" is no Whiteboard).
                by_brand = set(tokens[span]) <= index.vocabulary.house.get(ident, frozenset())
                job = _for_the_job(tokens, span, ident, index) if by_brand else None
                if job is not None:
                    return _found(entry, index, job, SUBSET_SCORE, "brand and job", ())
                return Match(
                    entry, Status.UNKNOWN, candidates=(Candidate(ident, index.names[ident], 50.0),)
                )
        if "-" in text and _glued(text, tokens[span], index):
            # A letter hyphened before the name, though it reads as a filler ("D-Edge").
            return Match(entry, Status.UNKNOWN)
        if (
            homonyms
            and ident in homonyms
            and not {w for w in words if w not in tokens[span]}
            & {w for name in _own_names(ident, index) for w in name.split()}
        ):
            # Words beside a name two products share that neither owner's nor the name's
            # own: which one stays a question ("Alma pour la bibliothèque": the context may
            # answer it), where "Orbis (DPI)" is the ORBIS whose names say DPI.
            return question
        sibling = _sibling(tokens, span, ident, index)
        if sibling is not None:
            return _found(entry, index, sibling, SUBSET_SCORE, "name", ())
        return _found(entry, index, ident, 100.0, via, others)
    if (
        len(words) == 1
        and words[0] in COMMON_WORDS
        and words[0] not in capitalised
        and any(t in ARTICLES for t in tokens)
    ):
        # "la box", "the notes": the everyday word, not the company that took it as a name.
        return _fuzzy(entry, words, index, min_score, capitalised)
    whole_name = index.exact.get("".join(words)) if len(words) > 1 else None
    unversioned = [t for t in tokens if not _VERSION.match(t)]
    if whole_name is None and 1 < len(unversioned) < len(tokens):
        # A version inside a name whose other words are fillers ("Odoo 17 CE").
        whole_name = index.exact.get("".join(unversioned))
    if whole_name is not None and _former_word(whole_name, "".join(words), text, index):
        whole_name = None
    if whole_name is not None:
        # A name with a version or a filler inside it: "Odoo 18 Community".
        return _found(entry, index, whole_name.entry, 100.0, whole_name.via, ())
    written = len(words) > 1 and set(words) <= capitalised
    kinds = any(category_of(w, index.vocabulary) for w in words)
    unbranded = _bare_name(words, index) if written and not kinds else ()
    if len(unbranded) > 1:
        return Match(
            entry,
            Status.AMBIGUOUS,
            via="homonym",
            candidates=tuple(Candidate(i, index.names[i], 0.0) for i in unbranded),
        )
    if unbranded:
        # Words written as a name that are a product's whole name but its owner's words,
        # everyday words though they are ("Deep Freeze" is Faronics Deep Freeze); not
        # where one says what kind of product ("Field Maps" needs ArcGIS beside it).
        return _found(entry, index, unbranded[0], SUBSET_SCORE, "name", ())
    # A company's name that is also a filler word counts here ("Free mail").
    asked = _company_and_job(
        [t for t in tokens if t in words or t in index.vendors], index, capitalised, entry.text
    )
    if asked:
        # A company and a job ("Sage compta"): its products for that job.
        if len(asked) == 1:
            return _found(entry, index, asked[0], SUBSET_SCORE, "brand and job", ())
        cands = tuple(Candidate(i, index.names[i], 0.0) for i in asked[:CATEGORY_CANDIDATES])
        return Match(entry, Status.AMBIGUOUS, via="brand and job", candidates=cands)
    described = (
        _company_described(words, index, capitalised)
        if _CONTEXT_USE.search(entry.text) is None
        else None
    )
    if described is not None:
        # A company's name with lower-case words one of its products' descriptions uses
        # ("serrures Salto": the software of Salto's locks).
        return _found(entry, index, described, SUBSET_SCORE, "brand and job", ())
    # A company whose name is a filler word ("Free") is still named alone.
    called_words = words or [t for t in tokens if not _VERSION.match(t)]
    called = "".join(called_words)
    company = index.vendors.get(called) if called else None
    if company:
        # Only the company is named ("Adobe", "compte Google"): which of its products? Its
        # libre editions count too ("Odoo" is Enterprise or Community). Even when the catalog
        # knows one of them ("EBP" keeps accounts, and also pays staff): the company's name
        # is not that product's, so it stays a question with that one candidate.
        # One product, though, may carry the company's name with only a word in brackets
        # saying what it is ("Wise (money transfer)", "Uber (ride-hailing app)"): the
        # company's name alone is what people call that product. Not an acronym's, which
        # has other meanings ("ACD").
        plain = [i for i in company if key(_BRACKET_FIRST.sub("", index.names[i])) == called]
        acronym = entry.text.isupper() and len(called) <= SHORT_ACRONYM
        if len(plain) == 1 and not acronym:
            return _found(entry, index, plain[0], SUBSET_SCORE, "name", ())
        # A word dropped as a filler that one of its products' names has says which
        # ("Charity Commission online" is its online services, not its register).
        # Not a plan ("Adobe pro": which one?), nor the company's own name ("Free").
        dropped = set(tokens) - set(words) - _PLANS - set(called_words)
        bearing = [i for i in company if dropped and dropped <= set(fold(index.names[i]).split())]
        if len(bearing) == 1:
            return _found(entry, index, bearing[0], SUBSET_SCORE, "name", ())
        shared = _subset(words, index)
        # Another maker's product whose name the company's name heads ("MUSE", GE's, beside
        # the Muse Group) is asked about too.
        headed = (
            sorted(i for i in shared if i not in company and _head(words[0], i, index))
            if len(words) == 1
            else []
        )
        options = list(company) + sorted(i for i in shared if i in index.libre) + headed
        options = list(dict.fromkeys(options))
        cands = tuple(Candidate(i, index.names[i], 0.0) for i in options[:5])
        return Match(entry, Status.AMBIGUOUS, via="vendor", candidates=cands)
    return _fuzzy(entry, words, index, min_score, capitalised, " ".join(tokens))


def _in_house(words: list[str], ident: str, index: Index) -> bool:
    """Whether words are an entry's owner's house words, or the alias of a name made of them
    ("fb" is Facebook)."""
    house = index.vocabulary.house.get(ident, frozenset())
    if set(words) <= house:
        return True
    short = index.exact.get("".join(words))
    return (
        short is not None
        and short.via == "alias"
        and set(fold(index.names[short.entry]).split()) <= house
    )


def _longer_name(text: str, ident: str, index: Index) -> str | None:
    """Another product of the entry's owner whose name the whole line spells, every word
    typed (slips allowed) and every word of the name typed, when only one does."""
    tokens = fold(text).split()
    owner = index.owners.get(ident, ident)
    found = set()
    for word in tokens:
        if word in FILLERS or word in index.vocabulary.generic:
            continue
        for pos in index.postings.get(word, ()):
            other = index.choice_ids[pos]
            if (
                other != ident
                and index.owners.get(other, other) == owner
                and len(index.choices[pos].split()) == len(tokens)
                and _spelt_as(tokens, index.choices[pos], other, index)
            ):
                found.add(other)
    return found.pop() if len(found) == 1 else None


def _slip_of(words: list[str], found: list[str], ident: str, index: Index) -> bool:
    """Whether a line, some of whose words name a product exactly, is one of that product's
    names with a slip in its other words ("OBS Sudio"; not "Windows Live Mail")."""
    return any(
        index.choice_ids[pos] == ident and _spelt_as(words, index.choices[pos], ident, index)
        for pos in set.intersection(*(set(index.postings.get(w, ())) for w in found))
    )


def _spelt_as(words: list[str], name: str, ident: str, index: Index) -> bool:
    """Whether each word typed spells a word of the name, and each of the name's own words
    (not its owner's, no filler) is typed, slips allowed."""
    house = index.vocabulary.house.get(ident, frozenset())
    theirs = name.split()
    own = [w for w in theirs if w not in house and w not in FILLERS]
    return all(any(_spelled(w, t) for t in theirs) for w in words) and all(
        any(_spelled(w, t) for w in words) for t in own
    )


def _sibling(tokens: list[str], span: slice, ident: str, index: Index) -> str | None:
    """The product of another owner named by the words beside a name, when that owner also
    makes a product the name names: "eos nomad" is ETC's ETCnomad (ETC's consoles run Eos),
    not /e/OS beside a word."""
    rest = content_words(tokens[: span.start] + tokens[span.stop :])
    if not rest or any(_VERSION.match(w) for w in rest):
        return None
    found = {
        index.choice_ids[p]
        for p in frozenset.intersection(*(index.postings.get(w, frozenset()) for w in rest))
        if _unhoused(p, index, fillers=True) == rest
    }
    if len(found) != 1:
        return None
    other = found.pop()
    owner = index.owners.get(other, other)
    if owner == index.owners.get(ident, ident):
        return None
    named = frozenset.intersection(*(index.postings.get(w, frozenset()) for w in tokens[span]))
    if any(index.owners.get(index.choice_ids[p]) == owner for p in named):
        return other
    return None


def _another_product(text: str, tokens: list[str], span: slice, ident: str, index: Index) -> bool:
    """Whether a line holding a name names another product: the name is its owner's brand
    alone among more words ("Zoho Mail" is not Zoho CRM), or the words around it name another
    category ("OVH Mail" is not OVH's web hosting), or it is glued to an unknown word
    ("BIMcollab Zoom", "AWS-Achat")."""
    vocabulary = index.vocabulary
    house = vocabulary.house.get(ident, frozenset())
    found = tokens[span]
    if any(
        _INNER_CAPITAL.match(w)
        and fold(w) not in found
        and fold(w) not in house
        and fold(w) not in index.postings
        for w in re.findall(r"\w+", _URL.sub(" ", text))
    ):
        # Beside a word written as a brand of its own ("iNot Office"): that brand's product;
        # not in an address, where the product is reached ("FAFSA on StudentAid.gov").
        return True
    rest = [
        w
        for w in content_words(tokens[: span.start] + tokens[span.stop :])
        # A letter alone names nothing ("SciFinder-n"), whatever name it ends ("990-N").
        if not (_MODEL.match(w) and w not in index.postings) and len(w) > 1
    ]
    if not rest:
        # Only a model number beside the name ("Stormshield SN310"): the product.
        return False
    untyped = [w for w in fold(index.names[ident]).split() if w not in found and w.isalnum()]
    if len(untyped) > 1 and all(w.replace("&", "") == "".join(u[0] for u in untyped) for w in rest):
        # The initials of the words of its name left untyped ("Veeam B&R", Veeam Backup &
        # Replication): the product.
        return False
    if all((hit := index.exact.get(w)) is not None and hit.entry == ident for w in rest):
        # Every other word is another name of the same entry ("AWS EC2").
        return False
    name = fold(index.names[ident]).split()
    # A name of its own, no part of the product's ("Framacalc" for EtherCalc), is not short.
    # "AWS" is Amazon Web Services' short name, by its initials.
    own_name = found[0] != "".join(n[0] for n in name) and not any(
        n.startswith(found[0]) or found[0].startswith(n) for n in name
    )
    shortened = len(found) == 1 and found[0] != "".join(name) and not own_name
    if (
        shortened
        and not any(_spelled(w, n) for w in rest for n in name)
        and not _described(text, found, rest, ident, index)
    ):
        # A short name of a longer one ("Zoho" for Zoho CRM, "OVH" for its web hosting),
        # with a word the long name lacks: the brand's own product ("Zoho Mail"), or one of
        # another category ("OVH Mail").
        if found[0] in house:
            return True
        # The word after it, as products are named ("Tuta Drive"); a job word before it says
        # what the product is used for ("Tableaux Excel", "compta Excel").
        following = tokens[span.stop : span.stop + 1]
        # ... unless, in lower case, it starts a longer phrase saying what the product is
        # used for ("Excel planning des gardes" is Excel; "Teams planning" is none of it).
        written = _capitalised(text)
        phrase = len(content_words(tokens[span.stop :])) > 1
        if any(
            _another_job(word, ident, index, names_too=True) and (word in written or not phrase)
            for word in following
        ):
            return True
    elif len(found) == 1 and found[0] in house and span.stop < len(tokens):
        # A product named by its brand alone ("Baidu", the search engine) before a
        # capitalised word naming another category ("Baidu Maps"): another of its products.
        word = tokens[span.stop]
        if word in _capitalised(text) and _another_job(word, ident, index, names_too=False):
            return True
    before = tokens[span.start - 1] if span.start else ""
    if (
        len(before) >= BRAND_WORD
        and before in vocabulary.brands
        and before not in house
        and (before not in common_words() or before in _capitalised(text))
    ):
        # Another owner's brand right before the name: that owner's product of the same
        # name ("Garmin BaseCamp" is no Basecamp of 37signals).
        return True
    if (
        before
        and before not in FILLERS
        and before not in index.postings
        and not _VERSION.match(before)
        and not plain_word(before, vocabulary, common_words())
        # A slip in the owner's name is the owner ("Microsft Teams").
        and not any(_spelled(before, w) for w in house)
        # A word in lower case before a name written with capitals says what it is
        # ("firewall Stormshield"); "bimcollab zoom" and "BIMcollab Zoom" stay another name.
        and not (before not in _capitalised(text) and set(found) <= _capitalised(text))
        # So does a word the product's own description uses ("NAS Synology DSM"), or an
        # acronym many products' descriptions use ("TPE SumUp": a card terminal).
        and before not in _description_words(index.described.get(ident))
        and before not in vocabulary.acronyms
    ):
        return True
    written = _capitalised(text)
    if (
        len(found) == 1
        and before in written
        and found[0] in written
        and plain_word(found[0], vocabulary, common_words())
        and plain_word(before, vocabulary, common_words())
        and before not in FILLERS | ARTICLES
        and before not in house
        and before not in vocabulary.generic
        and not category_of(before, vocabulary)
        and before not in _description_words(index.described.get(ident))
        and not any(before in name.split() for name in _own_names(ident, index))
        # Written together, no colon or comma between ("Pharmacie: Excel pour les stups").
        and any(
            f"{before} {found[0]}" in " ".join(fold(piece).split())
            for piece in re.split(r"[:;,()\[\]{}/+]", text)
        )
    ):
        # A name that is an everyday word after another everyday word, both written as a
        # name, is another product's two-word name ("Kiwi Pocket", "Signal Messenger").
        return True
    # A short name before a capitalised word no name has is the start of another name
    # ("Cap Collectif" is not Cap).
    after = tokens[span.stop] if span.stop < len(tokens) else ""
    if (
        len("".join(found)) <= SHORT_NAME
        and after
        and after not in FILLERS
        and after not in index.postings
        and not _VERSION.match(after)
        and after in _capitalised(text)
    ):
        return True
    return _glued(text, found, index)


def _glued(text: str, found: list[str], index: Index) -> bool:
    """Whether the name is typed glued to another word the catalog lacks, with no space
    between them ("AWS-Achat", "Télé@ctes"): a word of another product's name. Versions,
    fillers, short pieces ("Zoom.us") and other names ("Word/Excel") glue nothing."""
    size = len(found)
    for typed in text.split():
        parts = fold(typed).split()
        for i in range(len(parts) - size + 1):
            if parts[i : i + size] != found:
                continue
            extra = parts[:i] + parts[i + size :]
            if i == 1 and re.match(r"^[^\W\d_]-", typed):
                # One letter hyphened before it ("D-Edge"): a name of its own, no elision.
                return True
            if any(
                len(w) > 2
                and w.isalpha()
                and w not in FILLERS
                and w not in index.exact
                and not _VERSION.match(w)
                for w in extra
            ):
                return True
    return False


def _company_and_job(
    words: list[str], index: Index, capitalised: frozenset[str] = frozenset(), text: str = ""
) -> list[str]:
    """A company's name and words that each name a job ("Sage compta", "Google agenda"):
    the company's live products for that job, none when a word names no job. A word that
    names a job only through products' names ("webmail") must leave one product, as for a
    brand (`_for_the_job`): "Zoho Docs" is none of Zoho's office apps. With no company
    named, a product's first word, written as a name or no everyday word, is its brand
    ("Crésus compta" is Crésus Comptabilité)."""
    common = common_words()
    named = [w for w in words if w in index.vendors]
    # The words side by side as typed, punctuation kept apart ("partagé (google)" is none).
    adjacent = _adjacent(text) if named else set()
    for i, word in enumerate(words):
        others = words[:i] + words[i + 1 :]
        if named:
            products = index.vendors.get(word)
            before = words[i - 1] if i > 0 else ""
            if (
                products
                and before
                and word not in capitalised
                and (before, word) in adjacent
                and before in common
                and before not in index.postings
                and not category_of(before, index.vocabulary)
            ):
                # A company's name in lower case after an everyday word that names no job is
                # a phrase, or another name ("clear outside" is no Outside).
                continue
        elif (
            len(word) < BRAND_WORD
            or word in index.vocabulary.acronyms
            or category_of(word, index.vocabulary)
            or (word not in capitalised and plain_word(word, index.vocabulary, common))
            # Nor is an everyday word that starts a line and the names of several owners'
            # products ("Guichet unique de la mairie" is none of the guichets the catalog has).
            or (
                i == 0
                and plain_word(word, index.vocabulary, common)
                and len({index.owners.get(p) for p in _first_word_of(word, index)}) > 1
            )
        ):
            # Short words and acronyms name kinds of things ("ENT", "RDV"), everyday words
            # in lower case what for.
            continue
        elif i > 0 and _named_before(words[i - 1], word, index, capitalised, text):
            # A first word after a word written as a name no name has is the end of another
            # name ("Sail Canada's member portal" is no CanadaHelps).
            continue
        else:
            products = _first_word_of(word, index)
            if set(others) & capitalised:
                # A first word only a former name starts with is the former maker's name,
                # which makes other things too: beside other words written as a name, it
                # reads as that product only when they are words of that name ("le PACS
                # Carestream" is Philips's Vue PACS, once Carestream's; "CS Imaging
                # (Carestream)" is Carestream Dental's, no PACS).
                current = _first_word_of(word, index, former=False)
                products = tuple(
                    p
                    for p in products
                    if p in current or set(others) <= _former_words(word, p, index)
                )
        # Everyday words no name has say what for, not which job ("agenda de tournée").
        said = [
            w
            for w in others
            if w in index.postings or category_of(w, index.vocabulary) or w not in common
        ]
        others = said if said else others
        if not products or not others:
            continue
        for names_too in (False, True):
            jobs = _jobs(others, index, names_too=names_too)
            found = [p for p in products if p in index.categories and jobs & set(index.kinds[p])]
            if names_too and any(
                i in index.libre and jobs & set(index.kinds.get(i, ()))
                for i in _subset([word], index)
            ):
                # A job said only through names, for a company with a libre edition for it
                # ("Odoo (modules coop)"): which edition, only the user knows.
                break
            if found and (not names_too or len(found) == 1):
                if names_too and all(
                    len(_named_jobs(w, index, names_too)) > SPREAD_JOBS for w in others
                ):
                    # A word that follows names of every kind ("portal", "manager") names no
                    # job: "the RFL safeguarding portal" is no app of the RFL's, "Tribunals
                    # Ontario portal" none of Ontario Health's.
                    continue
                return found
        if named:
            return []
    return []


def _named_before(
    before: str, word: str, index: Index, capitalised: frozenset[str], text: str
) -> bool:
    """Whether a word comes right after one written as a name that no name or company in the
    catalog has ("Sail" before "Canada")."""
    return (
        before in capitalised
        and before not in index.postings
        and before not in index.vendors
        and (before, word) in _adjacent(text)
    )


def _adjacent(text: str) -> set[tuple[str, str]]:
    """The words of a text side by side as typed, folded, punctuation kept apart."""
    return set(pairwise(fold(t) for t in re.findall(r"\w+|[^\w\s]", text)))


def _company_described(words: list[str], index: Index, capitalised: frozenset[str]) -> str | None:
    """The one product of the company named among the words whose description uses every
    other word, in lower case (or a form of it), none a word several owners' names share."""
    named = [w for w in words if w in index.vendors]
    rest = [w for w in words if w not in index.vendors]
    if (
        len(named) != 1
        or not rest
        # A company's name that is an everyday word, in lower case, is the word ("tableau
        # de bord" is a dashboard).
        or (named[0] not in capitalised and named[0] in COMMON_WORDS)
        or any(
            w in capitalised
            or len(w) < CONTEXT_WORD
            or w in COMMON_WORDS
            or w in index.vocabulary.generic
            for w in rest
        )
    ):
        return None
    found = []
    for product in index.vendors[named[0]]:
        described = _description_words(index.described.get(product))
        if all(w in described or any(_same_stem(w, d) for d in described) for w in rest):
            found.append(product)
    return found[0] if len(found) == 1 else None


def _first_word_of(word: str, index: Index, former: bool = True) -> tuple[str, ...]:
    """The products whose name or an alias of two words or more starts with a word (with
    `former` false, not counting their former names)."""
    found = {
        index.choice_ids[p]
        for p in index.postings.get(word, frozenset())
        if index.choices[p].split()[0] == word
        and " " in index.choices[p]
        and (former or not _former_choice(p, index))
    }
    return tuple(sorted(found))


def _started_by(text: str, index: Index) -> tuple[str, ...]:
    """The products a longer name or alias of which starts with all of a text's words."""
    words = fold(text).split()
    if not words:
        return ()
    found = {
        index.choice_ids[p]
        for p in index.postings.get(words[0], frozenset())
        if len(called := index.choices[p].split()) > len(words) and called[: len(words)] == words
    }
    return tuple(sorted(found))


def _former_choice(position: int, index: Index) -> bool:
    """Whether a choice is only a former name of its entry."""
    hit = index.exact.get(key(index.choices[position]))
    return hit is not None and hit.via == "former_name" and hit.entry == index.choice_ids[position]


def _former_words(word: str, ident: str, index: Index) -> set[str]:
    """The words of an entry's former names that start with a word."""
    return {
        w
        for p in index.postings.get(word, frozenset())
        if index.choice_ids[p] == ident and index.choices[p].split()[0] == word
        for w in index.choices[p].split()
    }


def _for_the_job(tokens: list[str], span: slice, ident: str, index: Index) -> str | None:
    """A name's brand with words that each name a job: the one product of the same owner for
    that job ("OVH Mail": not OVHcloud's web hosting, its mail offer), if there is one."""
    jobs = _jobs(content_words(tokens[: span.start] + tokens[span.stop :]), index, names_too=True)
    owner = index.owners.get(ident)
    mine = [
        other
        for other, whose in index.owners.items()
        if whose == owner
        and other != ident
        and other in index.categories
        and jobs & set(index.kinds.get(other, ()))
    ]
    return mine[0] if jobs and len(mine) == 1 else None


@lru_cache(maxsize=256)
def _description_words(description: Text | None) -> frozenset[str]:
    """The words of a description in both languages, folded as lines are."""
    if description is None:
        return frozenset()
    return frozenset(fold(f"{description.en} {description.fr}").split())


def _described(text: str, found: list[str], rest: list[str], ident: str, index: Index) -> bool:
    """Whether the words beside a name written with capitals are lower-case words its own
    description uses, none naming another category: they say what it is ("Stormshield
    firewall", whose description says firewall), not which other product of the brand."""
    capitalised = _capitalised(text)
    words = _description_words(index.described.get(ident))
    return (
        bool(rest)
        and set(found) <= capitalised
        and all(
            w not in capitalised
            and (w in words or any(_same_stem(w, d) for d in words))
            and not _another_job(w, ident, index, names_too=True)
            for w in rest
        )
    )


def _same_stem(typed: str, word: str) -> bool:
    """Whether two words share their first STEM letters at least, and two thirds of the
    shorter one: "étiqueteuse" and "étiquettes" (label printer, labels)."""
    shorter = min(len(typed), len(word))
    pairs = enumerate(zip(typed, word, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), shorter)
    return shorter >= STEM and shared >= max(STEM, (shorter * 2 + 2) // 3)


def _another_job(word: str, ident: str, index: Index, names_too: bool) -> bool:
    """Whether a generic word names categories the entry is not in: by the category labels
    ("maps"), or with `names_too` by the products whose names carry it ("drive": storage)."""
    if word not in index.vocabulary.generic:
        return False
    named = _named_jobs(word, index, names_too)
    return bool(named) and not named & set(index.kinds.get(ident, ()))


def _named_jobs(word: str, index: Index, names_too: bool) -> set[str]:
    """The categories a word names: by the category labels ("compta"), or with `names_too`,
    for a generic word, by the products whose names carry it ("drive": storage)."""
    named = set(category_of(word, index.vocabulary))
    if not named and names_too and word in index.vocabulary.generic:
        # Where it follows a brand, as a kind of product does ("Google Drive"), not where it
        # heads a long name ("Fichier central des dernières volontés": "fichier" is a file).
        named = {
            c
            for p in index.postings.get(word, ())
            if _after_brand(word, p, index)
            for c in index.kinds[index.choice_ids[p]]
        }
    return named


def _after_brand(word: str, choice: int, index: Index) -> bool:
    """Whether a word follows a product's own name in a short name, as a kind of product
    does ("Google Drive", "Roundcube Webmail"), rather than heading a long one."""
    called = index.choices[choice].split()
    return called.index(word) > 0 and len(called) <= NAMED_KIND_WORDS


def _jobs(words: list[str], index: Index, names_too: bool) -> set[str]:
    """The categories some words name together, none when one of them names none. A
    dictionary word may name one by the stem it shares with a category's word ("traducteur":
    traduction); a misspelt one does not ("Comptabiilité" stays a slip of a name)."""
    jobs: set[str] = set()
    common = common_words()
    for word in words:
        named = _named_jobs(word, index, names_too)
        if not named and len(word) > STEM + 1 and word in common:
            named = set(category_of(word[: STEM + 1], index.vocabulary))
        if not named:
            return set()
        jobs |= named
    return jobs


def _category(entry: Entry, index: Index, options: tuple[str, ...]) -> Match:
    cands = tuple(Candidate(i, index.names[i], 0.0) for i in options)
    return Match(entry, Status.AMBIGUOUS, via="category", candidates=cands)


def _after_a_name(
    tokens: list[str], span: slice, ident: str, index: Index, capitalised: frozenset[str]
) -> bool:
    """Whether the words right before a name are written with capitals, one of them a word
    no name has, none a word of the product's own names or its owner's."""
    before: list[str] = []
    for token in reversed(tokens[: span.start]):
        if token not in capitalised or token in FILLERS:
            break
        before.append(token)
    if not any(w not in index.postings for w in before):
        return False
    own = {w for name in _own_names(ident, index) for w in name.split()}
    own |= index.vocabulary.house.get(ident, frozenset())
    return not set(before) & own


def _named_neighbours(
    tokens: list[str], ident: str, index: Index, capitalised: frozenset[str]
) -> int:
    """How many name-like words stand right next to the matched word, with no filler
    between ("Windows Live Mail": two; "bitwarden pour les mots de passe": none). A version
    ("PrestaShop 1.7") is not name-like, nor an everyday word in lower case ("TeamViewer
    remote support")."""
    common = common_words()
    for position, token in enumerate(tokens):
        hit = index.exact.get(token)
        if hit is None or hit.entry != ident:
            continue
        count = 0
        for step in (1, -1):
            other = position + step
            while 0 <= other < len(tokens) and tokens[other] in index.postings:
                word = tokens[other]
                if word in FILLERS or _VERSION.match(word):
                    break
                if word not in capitalised and plain_word(word, index.vocabulary, common):
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
) -> tuple[str, str, tuple[str, ...], int, slice] | None:
    """The leftmost, then longest, run of words that is exactly a known name, with the number
    of content words it covers and where it stands among the tokens."""
    found: list[tuple[int, int, str, str]] = []
    whole = index.exact.get("".join(tokens)) if len(tokens) > MAX_WINDOW else None
    if whole is not None:
        # A long name written whole ("La Ruche qui dit Oui !").
        return whole.entry, whole.via, (), len(content_words(tokens)) or 1, slice(0, len(tokens))
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + MAX_WINDOW), start, -1):
            if end - start > 1 and tokens[end - 1] == "s":
                # A possessive's "s" is no plural of the word before ("the team's app").
                continue
            joined = "".join(tokens[start:end])
            hit = index.exact.get(joined)
            # "Chromebooks", "Google Sheet"s; not a name that is an everyday word ("Elements"
            # is no Element, "Signals" no Signal), nor an everyday word of its own ("Canvas"
            # is no Canva).
            if (
                hit is None
                and len(joined) > 4
                and joined.endswith("s")
                and joined[:-1] not in COMMON_WORDS
                and not (end - start == 1 and joined in common_words())
            ):
                hit = index.exact.get(joined[:-1])
            if hit is None:
                continue
            if (
                end - start > 1
                and tokens[start] in _ELIDED
                and " ".join(tokens[start:end]) not in _own_names(hit.entry, index)
            ):
                # An elided article glued to the next word makes no name whose words split
                # elsewhere ("l'ANEF" is no La Nef), where "L'Oréal" is its own.
                continue
            word = tokens[start]
            if end - start == 1 and word in capitalised and _split_apart(joined, hit.entry, index):
                # One word written with a capital that a name writes apart around a single
                # letter in lower case is another word: "EOS" (Canon's cameras, ETC's
                # consoles) is no "/e/OS", where "Vray" is V-Ray.
                continue
            if (
                end - start == 1
                and word in COMMON_WORDS
                and word not in capitalised
                and (not alone or (start > 0 and tokens[start - 1] in ARTICLES | _OF))
            ):
                continue
            if len(joined) == 1 and not alone:
                # A one-letter name ("X") names nothing inside a longer line ("Projet X").
                continue
            if not set(tokens[start:end]) & capitalised and _former_word(hit, joined, "", index):
                # A former name that is an everyday word, in lower case, is the word: "on
                # vend sur leboncoin" sells, on no Vend (Lightspeed Retail's old name), also
                # written in two ("le club-house" is no Clubhouse, Shortcut's old name). Not
                # one the product's own address still spells ("twitter", twitter.com).
                continue
            if end - start == 1 and start > 0 and _VERSION.match(word):
                # Nor does a number after a word: "11" in "Windows 11" is a version, no "1&1".
                continue
            found.append((start, -(end - start), hit.entry, hit.via))
            break
    if not found:
        return None
    found.sort()
    start, negative_length, ident, via = found[0]
    covered = len(content_words(tokens[start : start - negative_length]))
    # Other names on the line, outside this one ("office" in "WPS Office" is none).
    stop = start - negative_length
    others = tuple(dict.fromkeys(f[2] for f in found[1:] if f[2] != ident and f[0] >= stop))
    return ident, via, others, max(covered, 1), slice(start, start - negative_length)


def _split_apart(joined: str, ident: str, index: Index) -> bool:
    """Whether every name of an entry that gives this key writes it as several words, one of
    them a single letter, and none writes it whole, the name starting in lower case."""
    forms = [n.split() for n in _own_names(ident, index) if n.replace(" ", "") == joined]
    letter = next((c for c in index.names[ident] if c.isalpha()), "")
    return (
        bool(forms)
        and letter.islower()
        and all(len(f) > 1 and min(len(w) for w in f) == 1 for f in forms)
    )


def _fuzzy(
    entry: Entry,
    words: list[str],
    index: Index,
    min_score: float,
    capitalised: frozenset[str] = frozenset(),
    typed: str = "",
) -> Match:
    if not words:
        return Match(entry, Status.UNKNOWN)
    common = common_words()
    vocabulary = index.vocabulary
    everyday = {w for w in words if plain_word(w, vocabulary, common)}
    if len(everyday) == len(words):
        # Everyday words only ("messagerie", "cloud", "tableur", "agenda partagé") are no
        # typo of a brand: at most they name a category, whose products the user must pick.
        # One word that is not generic may still be a whole name but for generic words
        # ("Exchange" Online), never one that leaves its brand out ("messagerie" is not
        # Orange's Messagerie).
        own = [w for w in words if w not in vocabulary.generic]
        # A lone word naming a category ("agenda": calendars) is the category, not the one
        # product named with it ("Google Agenda").
        lone_category = len(words) == 1 and bool(category_of(words[0], vocabulary))
        whole = (
            _subset(own, index, complete=True, house=False)
            if len(own) == 1 and not lone_category
            else set()
        )
        if len(whole) == 1:
            ident = whole.pop()
            # Several everyday words make a name only with its owner's word in them
            # ("agenda google"; "logiciel médical" is not the Dossier médical partagé).
            house = vocabulary.house.get(ident, frozenset())
            # Alone, or written as a name: "Exchange" is Exchange Online, "le logiciel de
            # l'hôpital" no product called Hôpital something.
            alone = len(fold(entry.text).split()) == 1 or words[0] in capitalised
            # ...but not a word hyphened in a company's name ("météo" is the weather, where
            # Météo-France is one name).
            if (
                len(words) == 1
                and alone
                and words[0] not in vocabulary.joined
                and _head(words[0], ident, index)
            ) or any(
                # An owner's word that is an everyday word in lower case is the word ("l'appli
                # du festival" is no Festival Scope); a company's name is not ("agenda google").
                w in house and w in vocabulary.brands and (w in capitalised or w in index.vendors)
                for w in words
            ):
                return _found(entry, index, ident, SUBSET_SCORE, "fuzzy", ())
        shared = _subset(words, index) if len(words) == 1 else set()
        if len(words) == 1 and category_of(words[0], vocabulary):
            # A common noun naming a category and no product ("messagerie", "cloud"): no
            # product is meant, and none is offered. One that is also a product's name is
            # asked about above ("visio": Microsoft Visio, or a video call).
            return Match(entry, Status.UNKNOWN)
        if len(words) > 1:
            # Several everyday words typed close to a name made of everyday words, each one
            # of its words with a slip: that name ("Démarches simplifiés").
            reading = max(
                _scores(" ".join(words), index, whole=True), key=lambda x: x[1], default=None
            )
            if (
                reading is not None
                and reading[1] >= REORDER_SCORE
                and _spelt_as(words, fold(index.names[reading[0]]), reading[0], index)
            ):
                return _found(entry, index, reading[0], round(reading[1], 1), "fuzzy", ())
        headed = {i for i in shared if _head(words[0], i, index)}
        # Only when they do one job, or it is all their names say but their owners' words
        # ("Horizon", for accounts or virtual desktops): "internet" heads a browser's name
        # and an analytics suite's, and asks about neither.
        if (
            words[0] in vocabulary.generic
            and len(headed) > 1
            and (
                # Heading the names of a few owners' products only, an everyday word is no
                # product family ("caisse": a till, though two tills are called with it).
                (
                    set.intersection(*(set(index.kinds[i]) for i in headed))
                    and len({index.owners.get(i, i) for i in headed}) > GENERIC_OWNERS
                )
                or all(_whole_but_house(words[0], i, index) for i in headed)
            )
        ):
            # A generic word heading the names of several products after their brand
            # ("Google Drive", "iCloud Drive"): which one? The GAFAM's first, as for a
            # category. A qualifier inside names calls nothing ("médical").
            shared = headed
            likely = [i for i in index.categories if i in shared]
            rest = sorted(shared - set(likely))
            return _category(entry, index, tuple([*likely, *rest][:CATEGORY_CANDIDATES]))
        return Match(entry, Status.UNKNOWN)
    best: dict[str, float] = {}
    namey = [w for w in words if w in index.postings]
    # A word written as a brand, with a capital inside it ("FineReader"), names a product
    # with the words beside it: it is no context around them ("ABBYY FineReader" is no Abby).
    branded = {fold(w) for w in re.findall(r"\w+", entry.text) if _INNER_CAPITAL.match(w)}
    # Each part with its weight, and the everyday words beside it that several owners'
    # names share, which may be part of the name typed: they make it context only for a
    # product none of whose names has them.
    parts: list[tuple[str, float, frozenset[str]]] = [(" ".join(words), 1.0, frozenset())]
    # The line as typed, with the words dropped as fillers, is a reading of the whole line too:
    # "Exchnage Online", "Mircosoft 365" are slips of names that carry those words.
    wholes = 2 if typed and typed != parts[0][0] else 1
    if wholes == 2:
        parts.append((typed, 1.0, frozenset()))
    if len(words) > 1:
        for size in range(1, min(MAX_WINDOW, len(words) - 1) + 1):
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if any(w in COMMON_WORDS and w not in capitalised for w in window):
                    # An everyday word in lower case names nothing inside a longer line
                    # ("une visio par mois" is a video call, not Microsoft Visio).
                    continue
                if all(w in everyday for w in window):
                    continue
                # Around a window, words that belong to no name are context ("trelo pour
                # le suivi des chantiers"): the window is then the whole product name.
                # So is an everyday word one owner's long name has, and one the names of
                # several owners share ("search") for a product none of whose names has it
                # ("fichier des bénévoles sur exel" is Excel, whatever registers are files).
                outside = [w for w in words if w not in window]
                # Only beside a word no dictionary has, a slip ("exel"): a dictionary word
                # ("Search Console": "console") is no reading of a name alone.
                slip = any(w not in common for w in window)
                beside = frozenset(
                    w for w in outside if slip and w in everyday and w in vocabulary.generic
                )
                context = all(
                    (w not in index.postings and w not in branded and w in everyday)
                    or (w in everyday and w not in vocabulary.generic)
                    or w in beside
                    for w in outside
                )
                weight = 1.0 if context and not beside else PART_PENALTY
                parts.append((" ".join(window), weight, beside if context else frozenset()))
    # What the whole line reads as, apart: a rival read in a piece of it only ("ofice" in
    # "Libre Ofice") does not make a reading of the whole line a question.
    entire: dict[str, float] = {}
    for number, (part, weight, beside) in enumerate(parts):
        if len(part.replace(" ", "")) < MIN_FUZZY_CHARS:
            continue
        # The products whose names have the words beside the part: for them it stays a
        # piece of a longer name. None counts when the whole line reads as a name
        # ("Graafna Cloud": Grafana Cloud), where the wholes, scored first, say so.
        lifted = bool(beside) and max(entire.values(), default=0.0) < min_score
        carriers = (
            {index.choice_ids[p] for w in beside for p in index.postings.get(w, ())}
            if lifted
            else set()
        )
        # One word in lower case is read with one slip at most: two make another word
        # ("centrage", of a home-made weight-and-balance sheet, is no CentraVet).
        lone = " " not in part and part not in capitalised
        for ident, score in _scores(part, index, whole=weight == 1, slips=1 if lone else 2):
            kept = 1.0 if lifted and ident not in carriers else weight
            best[ident] = max(best.get(ident, 0.0), score * kept)
            if number < wholes:
                entire[ident] = max(entire.get(ident, 0.0), score)
    named = [w for w in namey if w not in COMMON_WORDS or w in capitalised]
    # Settling needs a distinctive word, one that says whose product it is: no generic word
    # ("drive"), no everyday word ("front"), no product name that is a word in lower case.
    settles = len(namey) == len(words) and any(
        w not in vocabulary.generic and w not in everyday for w in named
    )
    subset = _subset(named or namey, index)
    if settles and len(subset) == 1:
        # One product has the words: it must have no others but its owner's and generic
        # ones ("Microsoft Power" is not Power BI when Power Apps is missing).
        subset = _subset(named or namey, index, complete=True)
        said = named or namey
        if len(subset) == 1 and all(
            w in vocabulary.house.get(i, ()) and w not in fold(index.names[i]).split()
            for i in subset
            for w in said
        ):
            # Only its owner's brand is typed, which the product's own name lacks
            # ("Schneider", whose only product here is EcoStruxure Machine Expert): the
            # company is named, which of its products is a question, as for a company's
            # whole name.
            cands = tuple(Candidate(i, index.names[i], 0.0) for i in subset)
            return Match(entry, Status.AMBIGUOUS, via="vendor", candidates=cands)
    # Only distinctive words filling the whole line settle on one product ("Lightroom");
    # with context around, or everyday words alone, shared words can only raise a question
    # ("Drive partagé": which Drive?), never settle ("agenda papier" is not Google's,
    # "webmail Free" is not Roundcube).
    fuzzy_found = max(best.values(), default=0.0) >= min_score
    # A word no name has, that is no everyday word, is another brand: "Synology Drive" raises
    # no question about Google's Drive.
    # So does a word written with a capital that no name has ("Pôle emploi" is no question
    # between two products named with "emploi").
    foreign = any(
        w not in index.postings and (w not in everyday or w in capitalised) for w in words
    )
    # A generic word that products of unrelated functions share ("internet": a payment
    # portal, a browser, an analytics suite) raises no question either.
    one_job = bool(subset) and bool(set.intersection(*(set(index.kinds[i]) for i in subset)))
    related = one_job or not all(w in vocabulary.generic for w in named or namey)
    if (settles and 0 < len(subset) <= SUBSET_MAX) or (
        not fuzzy_found and not foreign and related and 1 < len(subset) <= SUBSET_MAX
    ):
        for ident in subset:
            best[ident] = max(best.get(ident, 0.0), SUBSET_SCORE)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < min_score:
        # "Did you mean" only for a close spelling of a distinctive word: a line of words
        # the catalog does not know offers nothing ("tableur" is no typo of Tableau).
        suggestions = tuple(
            Candidate(i, index.names[i], round(s, 1)) for i, s in ranked[:3] if s >= SUGGEST
        )
        return Match(entry, Status.UNKNOWN, candidates=suggestions)
    top_id, top = ranked[0]
    written = [t for t in re.findall(r"\w+", entry.text) if fold(t) == words[0]]
    acronym = (
        len(words) == 1
        and bool(written)
        and written[0].isalpha()
        and written[0].isupper()
        and len(written[0]) <= SHORT_ACRONYM
    )
    if acronym and words[0] in index.postings and not _head(words[0], top_id, index):
        # An acronym alone, found only after the start of a product's name ("CARL Source
        # GMAO"), says what kind of tool that product is: "GMAO" names none.
        return Match(entry, Status.UNKNOWN)
    if (
        (acronym and words[0] not in index.postings)
        or _typed_acronym(entry.text, top_id, index)
        or _swapped_acronym(entry.text, words, top_id, index)
    ):
        # An acronym no name has is typed on purpose, no slip of a name: "SIRA" is no Apidae,
        # once Sitra, and "the UNFI ordering portal" (United Natural Foods) no UniFi.
        return Match(
            entry, Status.UNKNOWN, candidates=(Candidate(top_id, index.names[top_id], 50.0),)
        )
    close = [(i, s) for i, s in ranked[1:] if top - s <= AMBIGUITY_MARGIN and s >= min_score]
    if len(words) > 1 and entire.get(top_id, 0.0) >= top:
        close = [(i, s) for i, s in close if entire.get(i, 0.0) >= s]
    # A libre tool close behind a proprietary one: never call the line proprietary on a guess.
    libre_close = [
        (i, s) for i, s in ranked[1:] if i in index.libre and top - s <= 2 * AMBIGUITY_MARGIN
    ]
    if close or (top_id not in index.libre and libre_close):
        rivals = close or libre_close
        spelt = [i for i, _ in [ranked[0], *close] if _spelt_out(entry.text, i, index)]
        if close and len(spelt) == 1:
            # Every word typed, those dropped as fillers too, starts a word of one rival's
            # name only: "Dragon Pro" is Dragon Professional, not Dragon Medical One.
            return _found(entry, index, spelt[0], round(top, 1), "fuzzy", ())
        # One word typed: the rivals whose names have it as typed.
        holders = (
            {index.choice_ids[n] for n in index.postings.get(words[0], ())}
            if len(words) == 1
            else set()
        )
        typed_right = [i for i, _ in [ranked[0], *close] if i in holders]
        if close and len(typed_right) == 1:
            # One word, typed as it is in one rival's name and a slip of the others' only:
            # the word typed right ("AccèsD" is Desjardins', no slip of Access).
            return _found(entry, index, typed_right[0], round(top, 1), "fuzzy", ())
        cands = tuple(Candidate(i, index.names[i], round(s, 1)) for i, s in [ranked[0], *rivals])
        return Match(entry, Status.AMBIGUOUS, score=round(top, 1), via="fuzzy", candidates=cands)
    runners = tuple(
        Candidate(i, index.names[i], round(s, 1)) for i, s in ranked[1:3] if s >= SUGGEST
    )
    # A brand the catalog knows, spelled right, that is not this product's owner's: another
    # product of that brand, never a typo of this one ("Zoho Meeting" is not Zoom Meetings).
    house = vocabulary.house.get(top_id, frozenset())
    if any(w in vocabulary.brands and w not in house for w in words):
        return Match(entry, Status.UNKNOWN)
    if any(w in vocabulary.companies and w not in house for w in words):
        # Another company's name typed right, even one whose products the catalog lacks, is
        # that company: "Civadis (compta communale)" is no Covadis.
        return Match(entry, Status.UNKNOWN)
    if (
        len(words) > 1
        and any(w in house and w in vocabulary.brands for w in words)
        and _other_words(words, top_id, index)
    ):
        # The brand spelled right beside words none of which is this product's own word or a
        # slip of one: another product of the brand ("google street view" is no Sheets).
        return Match(
            entry, Status.UNKNOWN, candidates=(Candidate(top_id, index.names[top_id], 50.0),)
        )
    if (
        any(_another_stem(w, top_id, index) for w in words)
        or any(_cased_apart(typed_word, top_id, index) for typed_word in entry.text.split())
        or any(_near_brand(w, top_id, index) for w in words)
    ):
        return Match(
            entry, Status.UNKNOWN, candidates=(Candidate(top_id, index.names[top_id], 50.0),)
        )
    return _found(entry, index, top_id, round(top, 1), "fuzzy", (), runners)


def _other_words(words: list[str], ident: str, index: Index) -> bool:
    """Whether a product's own words, apart from the brands typed, are all missing from
    words, neither typed with a slip (two in a word of five letters or more, its first two
    letters right: "valts" for "vault", not "street" for "sheet") nor inside a longer word
    ("spreadsheets")."""
    from rapidfuzz.distance import OSA

    typed = {w for w in words if w in index.vocabulary.brands}
    own = {w for name in _own_names(ident, index) for w in name.split()} - typed
    rest = [w for w in words if w not in typed]
    return (
        bool(own)
        and bool(rest)
        and not any(
            OSA.distance(w, o, score_cutoff=2)
            <= (2 if len(o) >= SLIP_TWICE and w[:2] == o[:2] else 1)
            or (len(w) >= CONTEXT_WORD and (w in o or o in w))
            for w in rest
            for o in own
        )
    )


def _capital_acronyms(text: str) -> list[str]:
    """The words of a line typed in capitals, short as acronyms, folded."""
    return [
        fold(word)
        for word in re.findall(r"\w+", text)
        if word.isalpha() and word.isupper() and 2 <= len(word) <= SHORT_ACRONYM
    ]


def _typed_acronym(text: str, ident: str, index: Index) -> bool:
    """Whether the line holds a word in capitals, short as an acronym, that no name of the
    catalog has and that stands for a word of the product's names (of four letters or more)
    only as a slip."""
    typed = _capital_acronyms(text)
    return any(
        w not in index.postings
        and w not in index.exact
        and _slip_of_own_name(w, ident, index, shortest=4)
        for w in typed
    )


def _swapped_acronym(text: str, words: list[str], ident: str, index: Index) -> bool:
    """Whether the line holds an acronym in capitals that no name of the catalog has, where
    the product's name has one the line lacks: another body's name ("RTB online portal" is
    no TAJ Portal), no slip of it."""
    from rapidfuzz.distance import OSA

    typed = _capital_acronyms(text)
    name = fold(index.names[ident]).split()
    missing = [w for w in name if w not in words and len(w) <= SHORT_ACRONYM and w not in FILLERS]
    return bool(missing) and any(
        w not in index.postings
        and w not in index.exact
        and not any(OSA.distance(w, m, score_cutoff=1) <= 1 for m in missing)
        for w in typed
    )


def _slip_of_own_name(typed: str, ident: str, index: Index, shortest: int = 1) -> bool:
    """Whether a word is one edit from a word (of `shortest` letters or more) of the entry's
    names that share a word with its main name."""
    from rapidfuzz.distance import OSA

    return any(
        OSA.distance(typed, word, score_cutoff=1) <= 1
        for name in _own_names(ident, index)
        for word in name.split()
        if len(word) >= shortest
    )


def _own_names(ident: str, index: Index) -> list[str]:
    """The entry's names (folded) that share a word with its main name, found through the
    postings, not by reading every name of the catalog."""
    numbers = {n for w in fold(index.names[ident]).split() for n in index.postings.get(w, ())}
    return [index.choices[n] for n in numbers if index.choice_ids[n] == ident]


# Letters next to each other on French and English keyboards (AZERTY, QWERTY): a slip of a
# finger hits a neighbour.
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn")
_NEIGHBOURS = frozenset(
    pair
    for layout in (_KEY_ROWS[:3], _KEY_ROWS[3:])
    for r, row in enumerate(layout)
    for c, key_ in enumerate(row)
    for other_row in layout[max(r - 1, 0) : r + 2]
    for d in (-1, 0, 1)
    if 0 <= c + d < len(other_row) and other_row[c + d] != key_
    for pair in ((key_, other_row[c + d]),)
)


def _near_brand(typed: str, ident: str, index: Index) -> bool:
    """Whether a word no name has is one or two letters from a word of the product's names in
    a way fingers do not slip: another letter that is no neighbour on the keyboard, or one
    added that is neither a neighbour's double nor its neighbour on the keyboard ("sylae" is no
    slip of Silae, "Calames" none of Calaméo; "Slacl" is one of Slack); two letters off, each
    must be such a slip, or the two letters swapped ("Digiforma" is no slip of DigiFarm)."""
    from rapidfuzz.distance import OSA, Levenshtein

    if len(typed) < MIN_FUZZY_CHARS:
        return False
    theirs = {w for name in _own_names(ident, index) for w in name.split()}
    if typed in theirs:
        return False
    if any(typed == f"{w}e" for w in theirs if len(w) >= MIN_FUZZY_CHARS + 1):
        # A silent "e" written after the name, as French spells ("doctolibe"), is a slip of
        # memory, not of the fingers.
        return False
    # Whether a letter is doubled is no slip of the fingers but of memory: the words are
    # compared with each written once ("wattsap" is WhatsApp typed as it sounds).
    if any(_doubled_apart(typed, w) for w in theirs):
        typed = _undoubled(typed)
        theirs = {_undoubled(w) for w in theirs}
        if typed in theirs or len(typed) < MIN_FUZZY_CHARS:
            return False
    # A word other names have is a slip of this one's only as fingers slip, too ("extranet",
    # in Booking.com's Extranet, is no extraNat: "a" is no neighbour of "e").
    apart = {w: Levenshtein.distance(typed, w, score_cutoff=2) for w in theirs}
    nearest = min(apart.values(), default=3)
    if nearest > 2:
        # Two letters swapped and one more off: a slip only if fingers make that one
        # ("solea" is no slip of SYLAé: the "o" is no neighbour of "y").
        return any(
            OSA.distance(typed, w, score_cutoff=2) == 2 and not _swap_and_slip(typed, w)
            for w in theirs
            if abs(len(w) - len(typed)) <= 1
        )
    for word in (w for w, d in apart.items() if d == nearest):
        if _other_ending(typed, word):
            return True
        if nearest == 2 and OSA.distance(typed, word, score_cutoff=1) == 1:
            # Two neighbouring letters typed the other way round.
            return False
        ops = Levenshtein.editops(typed, word)
        if all(_finger(op.tag, op.src_pos, op.dest_pos, typed, word) for op in ops):
            return False
    return True


def _other_ending(typed: str, word: str) -> bool:
    """Whether two words share a start and end in two different everyday words, two letters
    apart or more: another name of the same family, no slip ("Framacarte" is no Framadate:
    "carte", not "date")."""
    from rapidfuzz.distance import OSA

    same = next(
        (i for i, (a, b) in enumerate(zip(typed, word, strict=False)) if a != b),
        min(len(typed), len(word)),
    )
    own, theirs = typed[same:], word[same:]
    common = common_words()
    # One letter apart, or two swapped, the ending is the name's own with a slip ("Facbook":
    # "book" is "ebook" less a letter; "Farmtsar": "tsar" is "star" swapped).
    return (
        same > 0
        and min(len(own), len(theirs)) >= CONTEXT_WORD
        and own in common
        and theirs in common
        and OSA.distance(own, theirs, score_cutoff=1) > 1
    )


def _swap_and_slip(typed: str, word: str) -> bool:
    """Whether a word is a name's word with two neighbouring letters swapped and one
    more edit that fingers make."""
    from rapidfuzz.distance import Levenshtein

    for i in range(len(typed) - 1):
        if typed[i] == typed[i + 1]:
            continue
        back = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]
        if Levenshtein.distance(back, word, score_cutoff=1) == 1:
            ops = Levenshtein.editops(back, word)
            if all(_finger(op.tag, op.src_pos, op.dest_pos, back, word) for op in ops):
                return True
    return False


def _finger(tag: str, src: int, dest: int, typed: str, word: str) -> bool:
    """Whether one edit from the word typed to a name's word is one fingers make."""
    if tag == "replace":
        # Another letter: a neighbour on the keyboard.
        return (typed[src], word[dest]) in _NEIGHBOURS
    if tag == "insert":
        # A letter left out: fingers do that.
        return True
    # A letter added: a neighbour's key, or a letter of the word typed again nearby
    # ("iClould"); a digit is a version glued to the name ("archicad27"), a final "s" a
    # plural ("valts").
    extra = typed[src]
    if extra.isdigit() or (extra == "s" and src == len(typed) - 1):
        return True
    near = typed[max(src - 3, 0) : src] + typed[src + 1 : src + 4]
    around = typed[src - 1 : src] + typed[src + 1 : src + 2]
    return extra in near or any((extra, c) in _NEIGHBOURS for c in around)


def _cased_apart(text: str, ident: str, index: Index) -> bool:
    """Whether a word typed with a capital inside it differs from the name just there:
    "memoQ" is written as its own brand, no slip of Memos ("LibreOfice" keeps its O)."""
    from rapidfuzz.distance import Levenshtein

    # Accents aside, letter for letter: "AccèsD" is "AccesD".
    typed = "".join(
        c for c in unicodedata.normalize("NFKD", text.strip()) if not unicodedata.combining(c)
    )
    if not typed.isascii() or not typed.isalnum() or typed.isupper() or typed[1:].islower():
        return False
    folded = typed.lower()
    mine = _own_names(ident, index)
    # Each name whole, and each of its words: a word of a longer line is compared with the
    # word it stands for ("vSphre" with "vsphere", not with "vmwarevsphere").
    names = [n.replace(" ", "") for n in mine] + [w for n in mine for w in n.split()]
    name = min(names, key=lambda n: Levenshtein.distance(folded, n), default="")
    edited = {op.src_pos for op in Levenshtein.editops(folded, name) if op.tag == "replace"}
    if any(typed[i].isupper() for i in edited if i > 0):
        return True
    # Humps of capitals against a name written all in capitals: another brand's camel case,
    # no slip of the acronym ("CalMac" is no CAMAC).
    acronym = any(
        w.isupper() and len(w) > 2 and fold(w) == name
        for w in re.findall(r"\w+", index.names[ident])
    )
    if acronym and re.search(r"[a-z][A-Z]", typed):
        return True
    # Capitals the name lacks, two or more: written as another brand ("uniFLOW" is no slip
    # of Ubiflow), where "NextClod" is Nextcloud typed in camel case with a slip.
    shown = index.names[ident]
    return sum(c.isupper() for c in typed[1:]) >= sum(c.isupper() for c in shown[1:]) + 2


def _spelt_out(text: str, ident: str, index: Index) -> bool:
    """Whether every word of a line but its version is a word of one of the entry's names or
    the start of one, of SHORT_NAME letters at least ("pro" of "professional")."""
    typed = [t for t in fold(text).split() if not _VERSION.match(t)]
    if len(typed) < 2:
        return False
    # The entry's names that have one of the words whole (a name without any is not spelt).
    numbers = {n for t in typed for n in index.postings.get(t, ())}
    named = {
        word for n in numbers if index.choice_ids[n] == ident for word in index.choices[n].split()
    }
    return all(
        t in named or (len(t) >= SHORT_NAME and any(n.startswith(t) for n in named)) for t in typed
    )


def _another_stem(word: str, ident: str, index: Index) -> bool:
    """Whether a typed word ends with the same generic word as a word of the name but starts
    otherwise: only "cloud" is shared, so "ownCloud" is no slip of OpenCloud (nor "kCloud" of
    pCloud), while "nexcloud" is Nextcloud's."""
    from rapidfuzz.distance import OSA

    generic = index.vocabulary.generic
    for name_word in fold(index.names[ident]).split():
        for size in range(GENERIC_TAIL, min(len(word), len(name_word))):
            tail = word[-size:]
            if tail != name_word[-size:] or tail not in generic:
                continue
            typed, named = word[:-size], name_word[:-size]
            if typed[:1] != named[:1] or OSA.distance(typed, named, score_cutoff=1) > 1:
                return True
    return False


def _unhoused(position: int, index: Index, fillers: bool = False) -> list[str]:
    """The words of a choice (a name or an alias), its owner's house words aside, and with
    `fillers` the filler words too ("ETC Nomad": "nomad")."""
    house = index.vocabulary.house.get(index.choice_ids[position], frozenset())
    return [
        w
        for w in index.choices[position].split()
        if w not in house and not (fillers and w in FILLERS)
    ]


def _bare_name(words: list[str], index: Index) -> tuple[str, ...]:
    """The one entry one of whose names is these words after its owner's words; with the
    entries of other owners whose names are these words and one more, when there are any:
    then which is meant is a question."""
    postings = [index.postings.get(w, frozenset()) for w in words]
    found = set()
    near = set()
    for p in frozenset.intersection(*postings):
        ident = index.choice_ids[p]
        named = index.choices[p].split()
        if _unhoused(p, index) == words:
            found.add(ident)
        elif len(named) == len(words) + 1 and words in (named[1:], named[:-1]):
            # The same words and one more, a place or a body's initials, in another owner's
            # name ("Singapore Charity Portal" beside the "ACNC Charity Portal"): which one?
            near.add(ident)
    if len(found) != 1:
        return ()
    ident = found.pop()
    owner = index.owners.get(ident, ident)
    return (ident, *sorted(i for i in near if index.owners.get(i, i) != owner))


def _whole_but_house(word: str, ident: str, index: Index) -> bool:
    """Whether a word is a product's name without its owner's words ("Horizon" of JVS
    Horizon; not "Caisse" of the alias "Caisse SumUp")."""
    return _own_words(ident, index) == [word]


def _head(word: str, ident: str, index: Index) -> bool:
    """Whether an everyday word heads one of a product's names, after its owner's words
    ("Exchange" Online, Microsoft "Teams"): a qualifier inside a name calls nothing alone
    ("médical" is not the Dossier médical partagé), nor a name it had, unless written as a
    brand ("iPhone" OS is iOS; "Simply" Accounting is no Sage 50)."""
    house = index.vocabulary.house.get(ident, frozenset())
    for p in index.postings.get(word, frozenset()):
        if index.choice_ids[p] != ident or p in index.former:
            continue
        before = index.choices[p].split()
        before = before[: before.index(word)] if word in before else before
        if all(w in house or w in FILLERS for w in before):
            return True
    return False


def _scores(part: str, index: Index, whole: bool, slips: int = 2) -> list[tuple[str, float]]:
    """Fuzzy scores of one part of the line against every name: spelling and word order
    (token_sort_ratio), and typos counted as people make them (a swap of two letters is one
    slip, not two), allowed only when the first letter is right and the word long enough:
    a slip in a short word inside a longer line ("Apple Plans") is another word, not a typo.
    A name is scored only when the part has its brand (brand_agrees)."""
    # RapidFuzz is loaded on the first fuzzy look-up: a list whose every line is known by
    # name, alias or address never pays its import (a sixth of a warm scan's start-up).
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    words = part.split()
    mine = set(words)
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
        and _sign_kept(part, index.choices[pos])
        and brand_agrees(words, index.choices[pos], pos, index)
    ]
    if len(part) < (MIN_FUZZY_CHARS if whole else TYPO_WINDOW_CHARS):
        return out
    allowed = 1 if len(part) < 6 else slips
    initials = [w[:1] for w in words]
    for choice, distance, pos in process.extract(
        part, index.choices, scorer=OSA.distance, limit=5, score_cutoff=allowed
    ):
        theirs = [w[:1] for w in choice.split()]
        # People rarely get a word's first letter wrong: "google trad" is not "google bard".
        if (
            choice[:1] == part[:1]
            and (len(theirs) != len(initials) or theirs == initials)
            # Words cut or joined are one slip, with at most one more: "Fix It app" is no
            # "Fitbit app", where "libre ofice" is LibreOffice.
            and (
                len(theirs) == len(initials)
                or OSA.distance(part.replace(" ", ""), choice.replace(" ", "")) <= 1
            )
            and _sign_kept(part, choice)
            and brand_agrees(words, choice, pos, index)
        ):
            out.append((index.choice_ids[pos], 100.0 * (1 - distance / (len(part) + len(choice)))))
    if (
        len(words) == 1
        and not any(score >= DEFAULT_MIN_SCORE for _, score in out)
        and part not in common_words()
    ):
        # One slip beside a doubled letter typed once or a single one twice ("watsap",
        # "wattsapp": WhatsApp) is one slip: doubled letters are compared written once. Only
        # asked when nothing closer was found, and never of an everyday word.
        single = _undoubled(part)
        for choice, distance, pos in process.extract(
            single, index.undoubled, scorer=OSA.distance, limit=3, score_cutoff=1
        ):
            if (
                choice[:1] == single[:1]
                and " " not in choice
                and _doubled_apart(part, index.choices[pos])
                and _sign_kept(part, index.choices[pos])
                and brand_agrees(words, index.choices[pos], pos, index)
            ):
                out.append(
                    (index.choice_ids[pos], 100.0 * (1 - distance / (len(single) + len(choice))))
                )
    return out


def _sign_kept(typed: str, choice: str) -> bool:
    """Whether a name's closing sign, when it has one, is typed too: the sign is the name
    ("Notepad++", "Google+"), so "goggle" is no slip of Google+ (but of Google, a company)."""
    return choice[-1:] not in "+#" or typed[-1:] in "+#"


def brand_agrees(words: list[str], choice: str, pos: int, index: Index) -> bool:
    """Whether a line's words can be a spelling of a name: they share one of its words that is
    not generic, typos allowed ("Gogle Drive" is Google Drive; "Proton Drive" shares only
    "drive"), and leave out none of its own words but its owner's house words ("Lightroom"
    is Adobe Lightroom; "Microsoft Power" is not Power BI)."""
    vocabulary = index.vocabulary
    theirs = [w for w in choice.split() if w not in vocabulary.generic and not _VERSION.match(w)]
    forms = [*words, *(a + b for a, b in pairwise(words))]
    if not theirs:
        # A name of generic words only must be spelled whole ("carnet de vol électronique" is
        # no "PV électronique": "vol" spells no "pv").
        from rapidfuzz.distance import OSA

        return all(
            any(
                _spelled(form, w)
                or (form[:1] == w[:1] and OSA.distance(form, w, score_cutoff=1) <= 1)
                for form in forms
            )
            for w in choice.split()
            if w not in FILLERS and not _VERSION.match(w)
        )
    house = vocabulary.house.get(index.choice_ids[pos], frozenset())
    shared = False
    for word in theirs:
        if any(_spelled(form, word) for form in forms):
            shared = True
        elif word not in house and word not in FILLERS:
            return False
    return shared


def _spelled(typed: str, word: str) -> bool:
    """`typed` is `word`, or a slip of it: same first letter, one or two letters off."""
    if typed == word:
        return True
    if typed[:1] != word[:1] or min(len(typed), len(word)) < MIN_FUZZY_CHARS:
        return False
    if typed.rstrip("+#") == word.rstrip("+#"):
        # The signs are the name: "Google" is not Google+, "Notepad" not Notepad++.
        return False
    from rapidfuzz.distance import OSA

    allowed = 1 if min(len(typed), len(word)) < 5 else 2
    if OSA.distance(typed, word, score_cutoff=allowed) <= allowed:
        return True
    # A doubled letter typed once, or a single one twice, is no slip of its own ("wattsap").
    return (
        allowed == 2
        and _doubled_apart(typed, word)
        and OSA.distance(_undoubled(typed), _undoubled(word), score_cutoff=1) <= 1
    )


def _subset(words: list[str], index: Index, complete: bool = False, house: bool = True) -> set[str]:
    """Entries one of whose names contains every word of the line; `complete`: only names
    whose other words are generic words, fillers or (`house`) their owner's house words
    ("Lightroom" is Adobe Lightroom, "Microsoft Power" is no more Power BI than Power Apps)."""
    if len("".join(words)) < MIN_FUZZY_CHARS or len(words) > 2:
        return set()
    positions: frozenset[int] | None = None
    for word in words:
        posting = index.postings.get(word, frozenset())
        positions = posting if positions is None else positions & posting
    if not complete:
        return {index.choice_ids[p] for p in positions or ()}
    vocabulary = index.vocabulary
    found = set()
    for p in positions or ():
        ident = index.choice_ids[p]
        owned = vocabulary.house.get(ident, frozenset()) if house else frozenset()
        choice = index.choices[p].split()
        rest = [w for w in choice if w not in words]
        # An alias that is the entry's whole name and a part of it ("LibreOffice Calc") is
        # that part: the name may be left out ("Calc"), not for its owner's name ("BCDI
        # Canopé": "Canopé" is the company).
        name = fold(index.names[ident]).split()
        if (
            house
            and len(choice) > len(name)
            and choice[: len(name)] == name
            and not set(words) & owned
        ):
            rest = [w for w in rest if w not in name]
        if all(
            w in owned or w in vocabulary.generic or w in FILLERS or _VERSION.match(w) for w in rest
        ):
            found.add(ident)
    return found


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


def _comment(part: str) -> bool:
    """Whether a part of a list is a remark in lower case whose subject is the writer ("on a
    changé", "we switched"), not a tool: "plausible, enfin matomo, on a changé" is no
    Change.org."""
    words = part.split()
    return (
        len(words) > 1
        and fold(words[0]) in _SUBJECTS
        and not any(w[:1].isupper() for w in words[1:])
    )


def _remark(entry: Entry, index: Index, min_score: float) -> Match:
    """A remark of the writer in a list names a tool only by a word no dictionary has, or a
    brand, after the word that says on what or with what ("on vote sur framadate"); "on
    recrute sur audition" names a way of recruiting, and "on a changé" nothing."""
    cut = list(_TOGETHER.finditer(entry.text))
    tail = entry.text[cut[-1].end() :] if cut else ""
    common = common_words()
    if any(not plain_word(w, index.vocabulary, common) for w in fold(tail).split()):
        found = match_entry(entry._replace(text=tail), index, min_score)
        if found.status in (Status.PROPRIETARY, Status.LIBRE):
            return found._replace(entry=entry)
    return Match(entry, Status.UNKNOWN)


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


def _choice(entry: Entry, index: Index, min_score: float) -> Match | None:
    """A line that names a choice of tools ("Teams ou Meet ?", "tableur (Excel ou Calc
    selon les postes)") is ambiguous between them: which one is used, only its writer knows.
    Each side must name a product or a capitalised name ("Calc"); "Drive ou équivalent" is
    no choice."""
    pieces = _CHOICE.split(re.sub(r"[()\[\]{}?]", " ", entry.text))
    if len(pieces) < 2:
        return None
    # What follows a comma after the last side is said of the choice ("Paheko ou Garradin,
    # c'est pareil"; "Teams ou Meet, selon les jours").
    pieces[-1] = pieces[-1].split(",")[0] or pieces[-1]
    found: list[str] = []
    sides = 0
    # A question after the choice makes a side of words in lower case too, when they are more
    # than one word ("PIX ou les bons clics ?"), not "Excel ou papier ?".
    asked = "?" in entry.text
    matches = [match_entry(Entry(entry.line, piece.strip()), index, min_score) for piece in pieces]
    for piece, m in zip(pieces, matches, strict=True):
        if m.status in (Status.PROPRIETARY, Status.LIBRE) and m.id is not None:
            found.append(m.id)
            sides += 1
        elif m.status is Status.AMBIGUOUS and m.candidates:
            # A side that is itself a question ("Crésus": its accounts or its payroll?) offers
            # its candidates.
            found.extend(c.id for c in m.candidates)
            sides += 1
        elif (
            _name_like(piece)
            or (asked and len(content_words(fold(piece).split())) > 1)
            or any(
                # A word no dictionary has, in lower case too, is a name ("kidizz ou meeko ?").
                w not in FILLERS and not plain_word(w, index.vocabulary, common_words())
                for w in fold(piece).split()
            )
            or any(
                # An everyday word a letter from the other side's name is a doubt between
                # two names ("canvas or canva?").
                len(fold(piece).split()) == 1
                and _slip_of_own_name(fold(piece).strip(), o.id, index)
                for o in matches
                if o.id is not None and o is not m
            )
        ):
            sides += 1
    if sides < 2 or not found:
        return None
    if sides == len(found) and len(set(found)) == 1:
        # Every side names one product, by its name and an old or short one ("Paheko ou
        # Garradin, c'est pareil"): no doubt is left.
        return next(m for m in matches if m.id == found[0])
    cands = tuple(Candidate(i, index.names[i], 0.0) for i in dict.fromkeys(found))
    return Match(entry, Status.AMBIGUOUS, via="choice", candidates=cands)


def _name_like(text: str, everyday: bool = True) -> bool:
    """Whether a part of a line reads as a product's name: a word written with a capital
    that is no filler ("BIMx"; not "et autres"), nor (`everyday` False) an everyday word
    ("Petite Entreprise", an edition's words after "et")."""
    common = common_words()
    return any(
        w[:1].isupper() and fold(w) not in FILLERS and (everyday or fold(w) not in common)
        for w in re.findall(r"\w+", text)
    )


def _taken_back(found: re.Match[str], index: Index) -> str:
    """What a line keeps of the words it takes back: nothing, unless the correction only
    changes their context ("Nextcloud chez Infomaniak ? non, chez Zaclys": Nextcloud stays,
    at another host)."""
    rest = found.string[found.end() :]
    # The name may follow an article and a kind of tool ("enfin l'appli Cartes IGN").
    named = _KIND_BEFORE_NAME.sub("", rest)
    # ... or follow who uses it and how ("enfin on passe sur Dorico").
    named = _WE_USE.sub("", named)
    first = fold(named).split()[:1]
    if (
        re.search(
            r"\b(?:enfin|euh|I\s+mean|sorry|pardon|actually|en\s+fait|plutôt|rather)\b",
            found.group(0),
            re.IGNORECASE,
        )
        # "enfin non", "enfin pas encore": a correction whatever follows ("enfin non, on est
        # sur Nextcloud").
        and not re.search(r"\b(?:non|no|pas\s+encore)\b", found.group(0), re.IGNORECASE)
        and not named[:1].isupper()
        # ... or a name in lower case that is no everyday word ("enfin mattermost").
        and not (first and first[0] in index.exact and first[0] not in common_words())
    ):
        # "enfin" that no name follows is no correction ("Zoom, enfin surtout pour les AG").
        return found.group(0)
    said = _CONTEXT_USE.search(found.group(0))
    # "on" after a correction may be who uses the tool named next ("enfin, on teste
    # Superset"), no context.
    if (
        said is not None
        and said.start() > 0
        and _CONTEXT_USE.match(" " + _WE_USE.sub("", rest)) is not None
    ):
        return found.group(0)[: said.start()].strip() + " "
    return ""


def _match_line(entry: Entry, index: Index, min_score: float) -> list[Match]:
    """One line, as typed; when it names nothing, with two names glued by a slash read apart
    ("Kstars/Ekos" is KStars, "Stellarium/Ekos" Stellarium; "TCP/IP" stays whole)."""
    found = _match_typed(entry, index, min_score)
    if (
        all(m.status is Status.UNKNOWN for m in found)
        and _GLUED_SLASH.search(entry.text)
        and not _URL.search(entry.text)
    ):
        apart = _match_typed(
            entry._replace(text=_GLUED_SLASH.sub(" / ", entry.text)), index, min_score
        )
        if any(m.status in (Status.PROPRIETARY, Status.LIBRE) for m in apart):
            return apart
    return found


def _match_typed(entry: Entry, index: Index, min_score: float) -> list[Match]:
    """One line: a choice of tools is ambiguous between them; a list of tools is split when
    at least two of its parts are tools."""
    # "On line", "on-line": the word "online", split, and no tool used on LINE. A tool the
    # line takes back is not one of its tools (unless it is all the line names).
    corrected = _NO_THEN.match(entry.text)
    if corrected is not None:
        # A tool, then "non," and another tool: the second is the one in use ("Doodle, non,
        # framadate depuis 2024"); "non" before words naming none is no correction.
        first = match_entry(Entry(entry.line, corrected.group(1)), index, min_score)
        # "non en fait c'est Teams maintenant": the words around the tool only say so.
        said = _SAID_SO.sub("", corrected.group(2)).strip() or corrected.group(2)
        then = _match_line(entry._replace(text=said), index, min_score)
        # A name the catalog lacks, taken back, is as much a tool as a known one ("Footyweb
        # - no, it's PlayHQ now").
        taken_back = first.status in (Status.PROPRIETARY, Status.LIBRE) or (
            first.status is Status.UNKNOWN and _unknown_name(corrected.group(1), index)
        )
        # ... and so is the name that replaces it ("Rentman, non pardon Flex": Flex, which
        # the catalog lacks).
        if taken_back and (
            any(m.status in (Status.PROPRIETARY, Status.LIBRE) for m in then)
            or (_SEPARATOR.search(said) is None and _unknown_name(said, index))
        ):
            return [m._replace(entry=entry) for m in then]
    rewritten = _IT_IS.sub("", _ON_LINE.sub("online", entry.text)) or entry.text
    rewritten = _FORMERLY.sub("", rewritten)
    if "?" not in rewritten:
        # Asked ("Hastus ou un truc du genre ?"), the doubt is the writer's question.
        rewritten = _HEDGE.sub("", rewritten) or rewritten
    # A list written with dashes ("PNB - Cafeyn - Tënk", "- Pennylane - Stripe - Qonto"): two
    # dashes between names, or one after a leading dash, part the tools as commas do.
    undashed = _LEADING_DASH.sub("", rewritten)
    if len(_DASH.findall(undashed)) >= (1 if undashed != rewritten else 2):
        rewritten = _DASH.sub(", ", undashed)
    rewritten = (
        _TAKEN_BACK.sub(lambda m: _taken_back(m, index), rewritten).strip(" ,;") or rewritten
    )
    moved = _MOVED.search(rewritten)
    if moved is not None:
        again = _match_line(entry._replace(text=rewritten[moved.end() :]), index, min_score)
        arrow = _ARROW.search(moved.group(0))
        if arrow is not None and not any(
            m.status in (Status.PROPRIETARY, Status.LIBRE) for m in again
        ):
            # An arrow to what names no tool is where the work goes, not a move: "inkscape →
            # découpeuse laser" is Inkscape, "fatmap (fermé) → on cherche" still FATMAP.
            again = _match_line(
                entry._replace(text=moved.group(0)[: arrow.start()]), index, min_score
            )
        return [m._replace(entry=entry) for m in again]
    if rewritten != entry.text:
        again = _match_line(entry._replace(text=rewritten), index, min_score)
        return [m._replace(entry=entry) for m in again]
    both = _BOTH.match(entry.text) or _DEPENDS.match(entry.text)
    if both is not None and _CHOICE.search(both.group(1)):
        # Both sides of the choice are in use, when each names a tool.
        sides = [
            match_entry(Entry(entry.line, piece.strip(" ?")), index, min_score)
            for piece in _CHOICE.split(both.group(1))
        ]
        if all(m.status in (Status.PROPRIETARY, Status.LIBRE) for m in sides):
            return [m._replace(entry=entry) for m in sides]
    if _CHOICE.search(entry.text):
        choice = _choice(entry, index, min_score)
        if choice is not None:
            return [choice]
    listed = _company_list(entry, index, min_score)
    if listed:
        return listed
    if _SEPARATOR.search(entry.text):
        parts = split_parts(entry.text)
        former = [_FORMER_PART.match(part) is not None for part in parts]
        if any(former) and not all(former):
            parts = [part for part, gone in zip(parts, former, strict=True) if not gone]
            if len(parts) == 1:
                return [
                    match_entry(Entry(entry.line, parts[0]), index, min_score)._replace(entry=entry)
                ]
        if len(parts) > 1:
            remarks = [_comment(part) for part in parts]
            matches = [
                _remark(Entry(entry.line, part), index, min_score)
                if remark
                else match_entry(Entry(entry.line, part), index, min_score)
                for part, remark in zip(parts, remarks, strict=True)
            ]
            matches = _by_siblings(_shortened(matches, index), index)
            # Everyday words in lower case after a part that gave its context ("Foireann for
            # registrations and memberships") go on with that context: no tool, though a
            # name may be spelt near them.
            common = common_words()
            kept = [
                not (
                    i > 0
                    and m.via == "fuzzy"
                    and _CONTEXT_USE.search(parts[i - 1]) is not None
                    and not _capitalised(parts[i])
                    and all(w in common or w in FILLERS for w in fold(parts[i]).split())
                )
                for i, m in enumerate(matches)
            ]
            if not all(kept):
                parts = list(compress(parts, kept))
                remarks = list(compress(remarks, kept))
                matches = list(compress(matches, kept))
            if len(matches) == 1:
                return [matches[0]._replace(entry=entry)]
            known = sum(m.status in (Status.PROPRIETARY, Status.LIBRE) for m in matches)
            if known and any(remarks):
                # The writer's remark beside the tools is none, nor is the line read whole
                # through it ("on recrute sur audition, juste Parcoursup" is no Audition);
                # a brand it names is a tool ("on vote sur framadate").
                return [
                    m
                    for m, remark in zip(matches, remarks, strict=True)
                    if not remark or m.status in (Status.PROPRIETARY, Status.LIBRE)
                ]
            # A known tool beside names the catalog lacks ("Archicad + BIMx"): each is a line
            # of its own, the unknown one reported as such rather than swallowed.
            others = [m for m in matches if m.status not in (Status.PROPRIETARY, Status.LIBRE)]
            # Two names of one product ("RPVA / e-Barreau") are that product once.
            ids = [m.id for m in matches if m.status in (Status.PROPRIETARY, Status.LIBRE)]
            if len(set(ids)) == 1 and not others:
                return [matches[0]._replace(entry=entry)]
            named = all(_name_like(m.entry.text, everyday=False) for m in others)
            slashed = len(parts) == 2 and re.fullmatch(r"[^/]+\s/\s[^/]+", entry.text)
            if slashed and known == 1 and all(m.status is Status.UNKNOWN for m in others):
                # Two names of one thing, one the catalog lacks: a former name, or the
                # company's ("IGNrando / Cartes IGN", "REU / ELIRE"): the one it knows.
                return [m._replace(entry=entry) for m in matches if m not in others]
            if known >= 2 or (known and named):
                return matches
            if known:
                # A known tool beside words the catalog lacks ("outlook + exchange 2016"): the
                # whole line, when it names a tool ("Excel + macros"), else each part.
                whole = match_entry(entry, index, min_score)
                return [whole] if whole.status in (Status.PROPRIETARY, Status.LIBRE) else matches
    tokens = fold(entry.text).split()
    named_whole = index.exact.get("".join(tokens)) if len(tokens) > 1 else None
    if named_whole is not None and _former_word(named_whole, "".join(tokens), entry.text, index):
        # A former name that is an everyday word written in two, in lower case, is the word
        # ("club-house"), as in a longer line (_exact).
        named_whole = None
    if named_whole is not None:
        # A name whose words read as a tool used with another: "Horizon Villages On Line".
        return [_found(entry, index, named_whole.entry, 100.0, named_whole.via, ())]
    cuts = list(_TOGETHER.finditer(entry.text))
    if not cuts:
        return [match_entry(entry, index, min_score)]
    # Each piece of the line read once, whichever rule below asks.
    seen: dict[str, Match] = {}

    def read(piece: str) -> Match:
        if piece not in seen:
            seen[piece] = match_entry(Entry(entry.line, piece), index, min_score)
        return seen[piece]

    before, after = entry.text[: cuts[0].start()], entry.text[cuts[0].end() :]
    # Not inside a context in brackets: "forScore (partitions sur iPad)" names one tool.
    other = _named_whole(after, index)
    if other is not None and not re.search(r"[(\[{]", before):
        # "WordPress with WooCommerce", "Gemini in Gmail": a product used with another one the
        # line names whole, not with something it says what ("Zoom avec les partenaires"),
        # nor with the system it runs on ("Classroom sur les iPad").
        if before.strip().islower() and all(
            w in COMMON_WORDS or w in FILLERS for w in fold(before).split()
        ):
            # A product's name that is an everyday word, in lower case before a tool, is the
            # thing kept on it ("tableau sur Excel" is a table in Excel, no Tableau).
            tool = read(after)
            if tool.status in (Status.PROPRIETARY, Status.LIBRE):
                return [tool._replace(entry=entry)]
        first = read(before)
        if first.id is not None and first.id in index.vendors.get(key(after), ()):
            # Through or with the company that makes it ("PNB via Dilicom"): the product,
            # though the company's name is also one of its products'.
            return [first._replace(entry=entry)]
        if (
            first.status in (Status.PROPRIETARY, Status.LIBRE)
            and first.id != other
            and "operating-systems" not in index.kinds.get(other, ())
        ):
            second = read(after)
            # The other must read as a tool, not an everyday word ("Zoom in the office").
            if second.status in (Status.PROPRIETARY, Status.LIBRE):
                return [first, second]
        if first.status is Status.UNKNOWN and _job_done_by(before, other, index):
            # A job done on a tool the line names whole: "AG en visio sur Jitsi" is Jitsi.
            return [read(after)._replace(entry=entry)]
    # What is done on a tool the line ends with, said in everyday words or a short acronym
    # no name has: "QCM sur Google Forms", "CV avec les jeunes sur Canva" are that tool.
    head, tail = entry.text[: cuts[-1].start()], entry.text[cuts[-1].end() :]
    last = other if len(cuts) == 1 else _named_whole(tail, index)
    if last is not None and _says_what(head, index, last) and read(head).status is Status.UNKNOWN:
        return [read(tail)._replace(entry=entry)]
    if (
        last is None
        and len(tail.split()) == 1
        and _says_what(head, index)
        and read(head).status is Status.UNKNOWN
    ):
        # ... also a word the line ends with that asks which product, when what is done
        # says which ("caisse de la boutique sur Lightspeed": Lightspeed's till for shops).
        company = read(tail)
        settled = _described_by(head, company.candidates, index)
        if company.status is Status.AMBIGUOUS and settled is not None:
            return [_found(entry, index, settled, SUBSET_SCORE, "context", ())]
    return [match_entry(entry, index, min_score)]


def _says_what(text: str, index: Index, tool: str | None = None) -> bool:
    """Whether a text only says what is done, naming no product: everyday words, and short
    acronyms in capitals that no name has ("QCM", "CV"), or that the names of the tool it is
    done on have ("le PMSI SMR sur e-PMSI"). One word alone must be in lower case or such an
    acronym, since an everyday word with a capital may be a name ("Planète")."""
    common = common_words()
    words = [w for w in content_words(fold(text).split()) if len(w) > 1]
    written = _capitalised(text)
    short = {fold(w) for w in re.findall(r"\b[A-Z]{2,3}\b", text)}
    capitals = {fold(w) for w in re.findall(r"\b[A-Z]{2,5}\b", text)}
    own = {w for name in _own_names(tool, index) for w in name.split()} if tool else set()
    if not words:
        return False
    return all(
        (w in short and w not in index.postings and w not in index.vocabulary.brands)
        or (w in capitals and w in own)
        or (plain_word(w, index.vocabulary, common) and (len(words) > 1 or w not in written))
        for w in words
    )


def _job_done_by(text: str, ident: str, index: Index) -> bool:
    """Whether a text's words name a job (a category) that the entry does: "visio" for a
    video-call tool."""
    kinds = set(index.kinds.get(ident, ()))
    return any(
        kinds & set(category_of(w, index.vocabulary)) for w in content_words(fold(text).split())
    )


def _company_list(entry: Entry, index: Index, min_score: float) -> list[Match]:
    """A company followed by a list of its products' short names in brackets: "google (mail,
    drive, agenda)" is Gmail, Google Drive and Google Calendar; each part read with the
    company's name must be that company's product, else the line is read as usual."""
    m = _COMPANY_LIST.match(entry.text)
    if m is None:
        return []
    company, listed = m.group(1).strip(), split_parts(m.group(2))
    products = index.vendors.get("".join(fold(company).split()))
    if not products or len(listed) < 2:
        return []
    owner = index.owners.get(products[0])
    found = [
        match_entry(Entry(entry.line, f"{company} {part}"), index, min_score) for part in listed
    ]
    ids = {f.id for f in found}
    if len(ids) == len(found) and all(
        f.status is Status.PROPRIETARY and index.owners.get(f.id or "") == owner for f in found
    ):
        return [f._replace(entry=entry) for f in found]
    return []


def _by_siblings(matches: list[Match], index: Index) -> list[Match]:
    """In a list of tools, a question whose one candidate does the job of a tool the list
    names is that candidate: "Wave et Orange money" is Wave's mobile money, no accounts. A
    tool typed as one everyday word says too little ("Orbis / Diane": Diane is also a name)."""
    common = common_words()
    jobs = {
        kind
        for m in matches
        if m.status in (Status.PROPRIETARY, Status.LIBRE)
        and m.id is not None
        and (typed := content_words(fold(_CONTEXT_USE.split(m.entry.text, maxsplit=1)[0]).split()))
        and (len(typed) > 1 or typed[0] not in common)
        for kind in index.kinds.get(m.id, ())
    }
    out = []
    for m in matches:
        # Homonyms of several owners, or a company's one product; not which of a company's
        # products ("Scaleway + OVH": OVHcloud's hosting, its servers or its domains?).
        owners = {index.owners.get(c.id) for c in m.candidates}
        if m.status is Status.AMBIGUOUS and jobs and (len(owners) > 1 or len(m.candidates) == 1):
            alike = [c.id for c in m.candidates if jobs & set(index.kinds.get(c.id, ()))]
            if len(alike) == 1:
                m = _found(m.entry, index, alike[0], SUBSET_SCORE, "beside", ())
        out.append(m)
    return out


def _shortened(matches: list[Match], index: Index) -> list[Match]:
    """In a list of tools, a word the catalog lacks that starts the name of one product of an
    owner the list names is that product: "Illu + InDesign" is Illustrator."""
    owners = {index.owners.get(m.id or "") for m in matches if m.id} - {None}
    if not owners:
        return matches
    out = []
    for m in matches:
        typed = fold(m.entry.text).split()
        # A listed owner's product named without its house words, unknown or a question
        # alone: "ArcGIS Online + Field Maps" is ArcGIS Field Maps, "Gmail, Drive" Google's.
        asked = m.status in (Status.UNKNOWN, Status.AMBIGUOUS)
        bare = {
            ident
            for ident, owner in (index.owners.items() if asked else ())
            if owner in owners
            and any(
                [w for w in name.split() if w not in index.vocabulary.house.get(ident, frozenset())]
                == typed
                for name in _own_names(ident, index)
            )
        }
        if len(bare) == 1:
            m = _found(m.entry, index, bare.pop(), SUBSET_SCORE, "shortened", ())
        elif m.status is Status.UNKNOWN and len(typed) == 1 and len(typed[0]) >= CONTEXT_WORD:
            word = typed[0]
            listed = {
                ident: _own_words(ident, index)
                for ident, owner in index.owners.items()
                if owner in owners
            }
            found = {
                ident
                for ident, own in listed.items()
                # A shortened name leaves out more than an ending ("iPad" is no "iPadOS"),
                # or is the first of its own words ("Premiere + After": After Effects).
                if any(n.startswith(word) and len(n) - len(word) >= SHORTENED_LEFT_OUT for n in own)
                or (own[:1] == [word] and len(own) > 1)
            }
            if len(found) == 1:
                m = _found(m.entry, index, found.pop(), SUBSET_SCORE, "shortened", ())
        out.append(m)
    return out


def _own_words(ident: str, index: Index) -> list[str]:
    """The words of a product's main name, its owner's house words aside."""
    house = index.vocabulary.house.get(ident, frozenset())
    return [n for n in fold(index.names[ident]).split() if n not in house]


def _named_whole(text: str, index: Index) -> str | None:
    """The entry a text is one of the names of, fillers, versions and a last remark in
    brackets aside ("Paheko (ex Garradin)"): a dictionary look-up, before any matching."""
    remark = text.rstrip().endswith(")") and "(" in text
    for typed in (text, text[: text.rindex("(")]) if remark else (text,):
        words = fold(typed).split()
        # Fillers aside, or kept when they are the name's own ("le Compte Asso").
        for joined in ("".join(content_words(words)), "".join(words)):
            hit = index.exact.get(joined)
            if hit is not None:
                return hit.entry
    return None


def match_lines(
    entries: Iterable[Entry],
    index: Index,
    min_score: float = DEFAULT_MIN_SCORE,
    progress: Callable[[int], None] | None = None,
) -> PerLine[Match]:
    """Match every entry, splitting lines that list several tools; identical lines are scored
    once and kept once (models.PerLine), so memory grows with the distinct lines. `progress`,
    when given, is told every PROGRESS_STEP entries."""
    if isinstance(entries, PerLine):
        # Already kept once per distinct line (scan.inputs): score each distinct line once,
        # without walking the lines again.
        items, numbers, indexes = entries.parts()
        scored: list[tuple[Match, ...]] = []
        for done, (entry, *_) in enumerate(items, start=1):
            if progress is not None and done % PROGRESS_STEP == 0:
                progress(PROGRESS_STEP)
            scored.append(tuple(_match_line(entry, index, min_score)))
        if progress is not None:
            progress(len(numbers) - len(items) + len(items) % PROGRESS_STEP)
        return PerLine(scored, numbers, indexes)
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


def settle_by_vendor(
    matches: PerLine[Match], vendors: dict[str, str], index: Index
) -> PerLine[Match]:
    """Lines a table's vendor column settles: an ambiguous line ("Siècle") whose vendor cell
    ("Logitud") names the owner of exactly one of its candidates is that candidate. Only a
    question already asked is answered: an unknown line stays unknown."""
    if not vendors:
        return matches
    items, numbers, which = matches.parts()
    settled: list[tuple[Match, ...]] = []
    changed = False
    for verdicts in items:
        if len(verdicts) == 1 and verdicts[0].status is Status.AMBIGUOUS:
            found = verdicts[0]
            made_by = vendors.get(found.entry.text)
            words = set(fold(made_by).split()) if made_by else set()
            owned = [
                c for c in found.candidates if words & index.vocabulary.house.get(c.id, frozenset())
            ]
            if len(owned) == 1:
                settled_id = owned[0].id
                verdicts = (
                    _found(found.entry, index, settled_id, SUBSET_SCORE, "vendor column", ()),
                )
                changed = True
        settled.append(verdicts)
    return PerLine(settled, numbers, which) if changed else matches
