"""The matching rules of a client's trust: brand words decide, everyday words are no typos,
context is not the product, suggestions only when plausible. Lines chosen apart from the ones
the rules were drawn from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from altgafam.models import Catalog, Entry, Status
from altgafam.scan import matcher, vocabulary

from .conftest import Runner


def _read(text: str, index: matcher.Index) -> tuple[Status, str | None]:
    found = matcher.match_entry(Entry(1, text), index)
    return found.status, found.id


def _two_vendors() -> Catalog:
    """Two vendors each selling a "Vault" and a "Notes", one libre "Vault" besides."""
    from altgafam.models import Alternative, Category, Service, Text, Vendor

    text = Text("x", "x")
    services = {
        i: Service(i, name, vendor, "storage", text)
        for i, name, vendor in [
            ("acme-vault", "Acme Vault", "acme"),
            ("acme-notes", "Acme Notes", "acme"),
            ("bolt-vault", "Bolt Vault", "bolt"),
            ("bolt-sheets", "Bolt Sheets", "bolt"),
        ]
    }
    alts = {"openvault": Alternative("openvault", "OpenVault", "MIT", "h", "s", text)}
    vendors = {"acme": Vendor("acme", "Acme Inc"), "bolt": Vendor("bolt", "Bolt")}
    storage = {"storage": Category("storage", Text("File storage", "Stockage de fichiers"))}
    return Catalog(vendors, storage, {}, services, alts)


def test_brand_and_generic_words_are_learnt_from_the_catalog() -> None:
    learnt = vocabulary.learn(_two_vendors(), matcher.FILLERS)
    # "vault" is in the names of two owners: it says what, not whose.
    assert "vault" in learnt.generic
    assert {"acme", "bolt"} <= learnt.brands
    assert "inc" not in learnt.brands  # a company's form is no brand
    # Category labels are generic words too, and name their category by their first letters.
    assert "stockage" in learnt.generic
    assert learnt.categories["stoc"] == ("storage",)


def test_a_line_sharing_only_generic_words_with_a_name_is_not_that_product() -> None:
    index = matcher.build_index(_two_vendors())
    assert _read("Zeta Vault", index)[0] is Status.UNKNOWN
    assert _read("Acme Vault", index) == (Status.PROPRIETARY, "acme-vault")
    # A slip in the brand is still the brand; "Vault" alone asks which one.
    assert _read("Acme Valt", index) == (Status.PROPRIETARY, "acme-vault")
    assert _read("Acmee Vault", index) == (Status.PROPRIETARY, "acme-vault")
    assert _read("Vault", index)[0] is Status.AMBIGUOUS


@pytest.mark.parametrize(
    "text",
    [
        "Koofr Drive",
        "Samsung Drive",
        "Zoho Docs",
        "Zoho Calendar",
        "Tuta Calendar",
        "Tuta Drive",
        "Zoho Vault",
        "Samsung Cloud",
        "Yandex Translate",
        "Baidu Maps",
        "Brave Search",
        "Microsoft Viva Glint",
    ],
)
def test_another_brand_is_never_given_a_shipped_product(
    text: str, shipped_index: matcher.Index
) -> None:
    found = matcher.match_entry(Entry(1, text), shipped_index)
    assert found.status is Status.UNKNOWN, (text, found)


@pytest.mark.parametrize("text", ["courriel", "sauvegarde", "diaporama", "sondages"])
def test_an_everyday_word_is_no_typo_and_gets_no_suggestion(
    text: str, shipped_index: matcher.Index
) -> None:
    found = matcher.match_entry(Entry(1, text), shipped_index)
    # Never one product, never a suggestion, even when the word names a category
    # ("sauvegarde": backup).
    assert (found.status, found.candidates) == (Status.UNKNOWN, ())


@pytest.mark.parametrize("text", ["traduction", "navigateur", "bureautique", "courriel"])
def test_an_everyday_word_naming_a_category_names_no_product(
    text: str, shipped_index: matcher.Index
) -> None:
    found = matcher.match_entry(Entry(1, text), shipped_index)
    assert (found.status, found.candidates) == (Status.UNKNOWN, ())


@pytest.mark.parametrize(
    ("text", "first"), [("office", "microsoft-office"), ("access", "microsoft-access")]
)
def test_a_category_word_that_is_also_a_product_s_name_is_ambiguous(
    text: str, first: str, shipped_index: matcher.Index
) -> None:
    # "Office" is Microsoft's suite, or any office suite: only the user can say.
    found = matcher.match_entry(Entry(1, text), shipped_index)
    assert (found.status, found.via) == (Status.AMBIGUOUS, "category")
    assert first in [c.id for c in found.candidates]


def test_the_everyday_words_come_from_the_generated_list() -> None:
    words = vocabulary.common_words()
    listed = vocabulary.COMMON_WORDS_FILE.read_text(encoding="utf-8").split()
    assert len(listed) > 20_000
    assert all(w in words for w in ["courriel", "sauvegarde", "meeting", "spreadsheet"])
    assert not any(w in words for w in ["trello", "nextcloud", "bitwarden", "courrielx", ""])
    assert listed[-1] in words and listed[-3] in words  # the bisection reaches the ends
    # The list is wordfreq's, with its license next to it.
    header = vocabulary.COMMON_WORDS_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert "wordfreq" in header
    notice = vocabulary.COMMON_WORDS_FILE.with_suffix(".LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("Slack (canal général)", "slack"),
        ("zoom pour les webinaires", "zoom"),
        ("Figma avec les graphistes", "figma"),
        ("Dropbox du service compta", "dropbox"),
        ("Miro de la direction", "miro"),
        ("asana - suivi des chantiers", "asana"),
        ("Bitwarden for the whole team", "bitwarden"),
        ("JITSI", "jitsi-meet"),
        ("NEXTCLOUD", "nextcloud"),
        ("bitwarden", "bitwarden"),
    ],
)
def test_context_and_case_never_hide_a_clear_name(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index)[1] == ident


def test_a_phrase_of_everyday_words_is_not_cut_at_de(shipped_index: matcher.Index) -> None:
    # "tableau de bord" is a dashboard: its first word alone would be Tableau.
    assert _read("tableau de bord", shipped_index)[0] is Status.UNKNOWN


def test_suggestions_need_a_close_spelling_of_a_distinctive_word(
    shipped_index: matcher.Index,
) -> None:
    # ("Trellloo" was the example here: its letters written once are Trello's, which it now is.)
    found = matcher.match_entry(Entry(1, "Trallox"), shipped_index)
    assert found.status is Status.UNKNOWN
    assert [c.id for c in found.candidates] == ["trello"]
    # Everyday words and unknown brands beside a generic word get none.
    for text in ("sondages", "Koofr Drive"):
        assert matcher.match_entry(Entry(1, text), shipped_index).candidates == ()


@pytest.mark.parametrize(
    "text", ["Zoho Calendar", "Tuta Drive", "Foobar-Slack", "Cap Ferret", "Box Zorblex"]
)
def test_a_brand_with_a_word_its_product_lacks_names_another_product(
    text: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index)[0] is Status.UNKNOWN


@pytest.mark.parametrize("text", ["médical", "logiciel médical", "Médical"])
def test_an_everyday_word_inside_a_name_calls_nothing_alone(
    text: str, shipped_index: matcher.Index
) -> None:
    # "Dossier médical partagé" is a name of Mon espace santé: "médical" qualifies it, and
    # a medical practice's software is not the public health record.
    found = matcher.match_entry(Entry(1, text), shipped_index)
    assert found.status is Status.UNKNOWN, (text, found)


@pytest.mark.parametrize(("text", "ident"), [("Teams", "microsoft-teams")])
def test_an_everyday_word_heading_a_name_still_calls_it(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (Status.PROPRIETARY, ident)
    # Heading two names of one owner (Exchange Online, Exchange Server), it asks which.
    assert _read("Exchange", shipped_index)[0] is Status.AMBIGUOUS


def test_a_brand_another_owner_once_bore_stays_a_brand() -> None:
    # Trimble's SketchUp was "Google SketchUp": "google" still says whose, not what.
    catalog = _two_vendors()
    vault = catalog.services["bolt-vault"]
    catalog.services["bolt-vault"] = vault._replace(former_names=("Acme Bolt Vault",))
    learnt = vocabulary.learn(catalog, matcher.FILLERS)
    assert "acme" in learnt.brands and "acme" not in learnt.generic
    index = matcher.build_index(catalog)
    assert _read("Acme Valts", index) == (Status.PROPRIETARY, "acme-vault")


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("Google Spreadsheet", "google-sheets"),
        ("\U0001d54f", "x"),
        ("\uff27\uff4d\uff41\uff49\uff4c", "gmail"),
    ],
)
def test_shipped_names_however_written(text: str, ident: str, shipped_index: matcher.Index) -> None:
    assert _read(text, shipped_index)[1] == ident


@pytest.mark.parametrize(
    ("text", "ident"), [("Google Plus", "google-plus"), ("Google+", "google-plus")]
)
def test_a_name_s_signs_are_part_of_it(text: str, ident: str, shipped_index: matcher.Index) -> None:
    assert _read(text, shipped_index) == (Status.PROPRIETARY, ident)


@pytest.mark.parametrize("text", ["Google Bookmarks", "Google Books", "Google Wallet"])
def test_a_brand_without_its_sign_is_not_that_product(
    text: str, shipped_index: matcher.Index
) -> None:
    # "google" is a one-letter slip of "google+" by spelling, never by meaning.
    assert _read(text, shipped_index)[1] != "google-plus"


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # A version, or everyday words in lower case, beside a name are no other name.
        ("WooCommerce 8 e-shop", "woocommerce"),
        ("AnyDesk remote access", "anydesk"),
        # Two names of one product on one line are that product.
        ("O365 Microsoft 365", "microsoft-365"),
    ],
)
def test_words_beside_a_name_that_name_nothing_else_keep_it(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index)[1] == ident


def test_name_like_words_beside_a_name_still_make_another_product(
    shipped_index: matcher.Index,
) -> None:
    # Capitalised, or not everyday words: a product the catalog does not know.
    assert _read("Windows Live Mail", shipped_index)[0] is Status.UNKNOWN
    assert _read("Windows Live Messenger", shipped_index)[0] is Status.UNKNOWN


def test_a_category_s_own_word_names_no_product(shipped_index: matcher.Index) -> None:
    # "Parapheur" is what French public bodies call the signing workflow: the category's
    # label says so, so it is a generic word and no single vendor's product.
    assert _read("parapheur de la mairie", shipped_index)[0] is Status.UNKNOWN
    assert _read("FAST Parapheur", shipped_index)[1] == "docaposte-fast-parapheur"


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Slack ou Mattermost ?", ["slack", "mattermost"]),
        ("Dropbox or pCloud", ["dropbox", "pcloud"]),
        ("traitement de texte (Word ou Pages selon les postes)", ["microsoft-word"]),
    ],
)
def test_a_choice_of_tools_is_ambiguous_between_them(
    text: str, ids: list[str], shipped_index: matcher.Index
) -> None:
    found = matcher.match_lines([Entry(1, text)], shipped_index)
    assert [m.status for m in found] == [Status.AMBIGUOUS]
    assert [c.id for c in found[0].candidates] == ids


def test_or_before_a_common_word_is_no_choice(shipped_index: matcher.Index) -> None:
    found = matcher.match_lines([Entry(1, "Google Drive ou équivalent")], shipped_index)
    assert [(m.status, m.id) for m in found] == [(Status.PROPRIETARY, "google-drive")]


def test_a_generic_word_unrelated_products_share_raises_no_question(
    shipped_index: matcher.Index,
) -> None:
    # "internet" is in the names of a payment portal, a browser and an analytics suite.
    assert _read("connexion internet", shipped_index) == (Status.UNKNOWN, None)


def test_a_name_another_product_bears_without_its_brand_is_ambiguous(
    shipped_index: matcher.Index,
) -> None:
    # The ministry's SIECLE (pupils' records) and Logitud's Siècle (civil status): two jobs,
    # one word; with its brand, Logitud's is named.
    found = matcher.match_entry(Entry(1, "siècle"), shipped_index)
    assert found.status is Status.AMBIGUOUS
    assert [c.id for c in found.candidates] == ["siecle", "logitud-siecle"]
    assert _read("Siècle Logitud", shipped_index) == (Status.PROPRIETARY, "logitud-siecle")
    # The same job: the whole name is the one meant.
    assert _read("App Store", shipped_index) == (Status.PROPRIETARY, "apple-app-store")


@pytest.mark.parametrize(
    ("text", "ident"), [("visioconf Zoom", "zoom"), ("kanban Trello", "trello")]
)
def test_a_lowercase_word_before_a_capitalised_name_says_what_it_is(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (Status.PROPRIETARY, ident)


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # Lower-case words the product's own description uses say what it is...
        ("Stormshield firewall", Status.PROPRIETARY, "stormshield-network-security"),
        ("pare-feu Stormshield", Status.PROPRIETARY, "stormshield-network-security"),
        # ...others still make another product of the brand.
        ("Stormshield endpoint", Status.UNKNOWN, None),
        ("stormshield firewall", Status.UNKNOWN, None),
    ],
)
def test_a_brand_beside_words_its_description_uses_is_that_product(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


def test_context_never_makes_a_question_unknown_and_may_answer_it(
    shipped_index: matcher.Index,
) -> None:
    # Three products are called Horizon: alone, a question...
    found = matcher.match_entry(Entry(1, "horizon"), shipped_index)
    assert found.status is Status.AMBIGUOUS
    assert {c.id for c in found.candidates} == {"jvs-horizon", "omnissa-horizon", "lely-horizon"}
    # ...which a context the candidates' own descriptions tell apart answers...
    assert _read("Horizon (compta)", shipped_index) == (Status.PROPRIETARY, "jvs-horizon")
    assert _read("Horizon - bureaux virtuels", shipped_index) == (
        Status.PROPRIETARY,
        "omnissa-horizon",
    )
    # ...and one that tells nothing leaves asked, not unknown.
    assert _read("Horizon (voir avec Paul)", shipped_index) == (Status.AMBIGUOUS, None)


def test_an_everyday_word_among_fillers_names_no_product_it_heads(
    shipped_index: matcher.Index,
) -> None:
    # "Hopital Manager" is a product; "the hospital's planning" is not it.
    assert _read("le planning de l'hôpital", shipped_index) == (Status.UNKNOWN, None)


def test_a_known_tool_beside_an_unknown_name_keeps_both(shipped_index: matcher.Index) -> None:
    found = matcher.match_lines([Entry(1, "Slack + Zorblex")], shipped_index)
    assert [(m.status, m.id) for m in found] == [
        (Status.PROPRIETARY, "slack"),
        (Status.UNKNOWN, None),
    ]
    # Words that name nothing stay with the tool.
    found = matcher.match_lines([Entry(1, "Trello + quelques fichiers")], shipped_index)
    assert [(m.status, m.id) for m in found] == [(Status.PROPRIETARY, "trello")]


def test_a_vendor_column_settles_a_shared_name(runner: Runner, tmp_path: Path) -> None:
    table = tmp_path / "inventaire.csv"
    table.write_text(
        "Logiciel;Éditeur;Postes\nSiècle;Logitud;2\nZorblex;Logitud;1\n", encoding="utf-8"
    )
    result = runner.invoke(["scan", str(table), "-f", "json"])
    assert result.exit_code == 0, result.output
    found = [
        (r["status"], (r["match"] or {}).get("id")) for r in json.loads(result.stdout)["results"]
    ]
    # The question "which Siècle?" is answered by the vendor; an unknown name stays unknown.
    assert found == [("proprietary", "logitud-siecle"), ("unknown", None)]
    # Without the column, the question stays.
    table.write_text("Logiciel;Postes\nSiècle;2\n", encoding="utf-8")
    result = runner.invoke(["scan", str(table), "-f", "json"])
    assert json.loads(result.stdout)["results"][0]["status"] == "ambiguous"


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # A plural is the name's only when the name is no everyday word.
        ("Chromebooks", Status.PROPRIETARY, "chromeos"),
        ("Signals", Status.UNKNOWN, None),
        # Only the generic end is shared ("Seacloud" and Sendcloud): another brand, not a slip...
        ("Seacloud", Status.UNKNOWN, None),
        ("kCloud", Status.UNKNOWN, None),
        # ...while a slip in the brand is still read.
        ("nexcloud", Status.LIBRE, "nextcloud"),
        # A one-letter name counts alone, not inside a longer line.
        ("Projet X", Status.UNKNOWN, None),
        ("Twitter / X", Status.PROPRIETARY, "x"),
    ],
)
def test_a_spelling_close_to_a_name_is_not_always_that_name(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # A product named before its context that the catalog lacks stays unknown: the
        # product its context mentions is not it.
        ("Zorblex (Slack)", Status.UNKNOWN, None),
        ("Google Vids (Chromebooks)", Status.UNKNOWN, None),
        # Context naming a kind of tool only lets the product in it speak.
        ("logiciel de paie (Silae)", Status.PROPRIETARY, "silae"),
        # A question the context answers by naming one of its candidates.
        ("visio (Zoom)", Status.PROPRIETARY, "zoom"),
        ("Drive (Google)", Status.PROPRIETARY, "google-drive"),
    ],
)
def test_the_product_comes_before_its_context(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # A brand's short name beside a word naming a job is its product for that job...
        ("messagerie OVH", "ovhcloud-mx-plan"),
        ("OVH webmail", "ovhcloud-mx-plan"),
        # ...and the short name alone still its best-known product.
        ("hébergement OVH", "ovhcloud-web-hosting"),
    ],
)
def test_a_brand_with_a_job_is_its_product_for_that_job(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (Status.PROPRIETARY, ident)


def test_a_brand_with_a_job_it_has_no_product_for_is_unknown(
    shipped_index: matcher.Index,
) -> None:
    # Baidu has no maps product in the catalog: never its search engine.
    assert _read("Baidu Maps", shipped_index) == (Status.UNKNOWN, None)


def test_a_company_and_a_job_asks_among_its_products_for_that_job(
    shipped_index: matcher.Index,
) -> None:
    found = matcher.match_entry(Entry(1, "Sage comptabilité"), shipped_index)
    assert found.status is Status.AMBIGUOUS
    # Several of Sage's accounting products, and only Sage's.
    asked = {c.id for c in found.candidates}
    assert "ciel-compta" in asked and len(asked) > 1
    assert {shipped_index.owners[i] for i in asked} == {shipped_index.owners["ciel-compta"]}
    assert {shipped_index.categories[i] for i in asked} == {"accounting"}
    # One product for the job: that one.
    assert _read("Infomaniak stockage", shipped_index) == (
        Status.PROPRIETARY,
        "infomaniak-kdrive",
    )


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # French word order: the noun first.
        ("Formulaires Google", Status.PROPRIETARY, "google-forms"),
        # A brand before its product's own name is the product.
        ("AWS S3 (sauvegardes)", Status.PROPRIETARY, "amazon-s3"),
        # A model number names no other product.
        ("Stormshield SN210", Status.PROPRIETARY, "stormshield-network-security"),
        # An article makes an everyday word the word: "la box" is the internet router.
        ("la box", Status.UNKNOWN, None),
        ("Box", Status.PROPRIETARY, "box"),
        # A word the product's own description uses says what it is, whatever its case.
        ("NAS Synology DiskStation Manager", Status.PROPRIETARY, "synology-dsm"),
        # A slip read in the whole line is not made a question by a piece of it ("Ofice").
        ("Libre Ofice", Status.LIBRE, "libreoffice"),
    ],
)
def test_how_people_write_a_name_around_it(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


def test_a_company_named_alone_is_a_question_even_with_one_product_known() -> None:
    """The company's name is not its product's: "Quill" may be its ledger or its payroll,
    though the catalog knows only the ledger. Its other names ask the same question, and
    beside a job word they name its product for that job."""
    from altgafam.models import Category, Service, Text, Vendor

    text = Text("x", "x")
    categories = {
        "accounting": Category("accounting", Text("Accounting", "Comptabilité")),
        "mail": Category("mail", Text("Mail", "Messagerie")),
    }
    services = {
        "quill-ledger": Service("quill-ledger", "Quill Ledger", "quill", "accounting", text),
        "north-mail": Service("north-mail", "Northstar Mailbox", "northstar", "mail", text),
        "north-books": Service("north-books", "Northstar Books", "northstar", "accounting", text),
    }
    vendors = {
        "quill": Vendor("quill", "Quill Software"),
        "northstar": Vendor("northstar", "Northstar", aliases=("NSTR",)),
    }
    index = matcher.build_index(Catalog(vendors, categories, {}, services, {}))
    found = matcher.match_entry(Entry(1, "Quill"), index)
    assert found.status is Status.AMBIGUOUS
    assert [c.id for c in found.candidates] == ["quill-ledger"]
    assert _read("Quill Ledger", index) == (Status.PROPRIETARY, "quill-ledger")
    assert _read("nstr", index)[0] is Status.AMBIGUOUS
    assert _read("NSTR compta", index) == (Status.PROPRIETARY, "north-books")
    assert _read("messagerie NSTR", index) == (Status.PROPRIETARY, "north-mail")


def test_a_shortened_word_tells_two_products_of_one_name_apart() -> None:
    """ "Pro" is dropped as a filler word, yet it starts a word of one of the two names only."""
    from altgafam.models import Category, Service, Text, Vendor

    text = Text("x", "x")
    services = {
        "falcon-medical": Service("falcon-medical", "Falcon Medical", "quill", "office", text),
        "falcon-pro": Service("falcon-pro", "Falcon Professional", "quill", "office", text),
    }
    catalog = Catalog(
        {"quill": Vendor("quill", "Quill")},
        {"office": Category("office", Text("Office", "Bureautique"))},
        {},
        services,
        {},
    )
    index = matcher.build_index(catalog)
    assert _read("Falcon Pro 15", index) == (Status.PROPRIETARY, "falcon-pro")
    assert _read("falcon med", index)[1] != "falcon-pro"
    # Alone, or with a word that starts neither name, it is still a question.
    assert _read("Falcon", index)[0] is Status.AMBIGUOUS
    assert _read("Falcon Premium", index)[0] is Status.AMBIGUOUS


def test_a_version_number_after_a_name_is_no_other_product(shipped_index: matcher.Index) -> None:
    # "11" is also 1&1's name once folded: after a word it is a version.
    found = matcher.match_entry(Entry(1, "Windows 11 Famille"), shipped_index)
    assert (found.status, found.id, found.candidates) == (Status.PROPRIETARY, "windows", ())
    assert _read("1&1", shipped_index) == (Status.PROPRIETARY, "ionos")


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # A generic word heading names of unrelated jobs (a browser, an analytics suite).
        ("Internet", Status.UNKNOWN, None),
        # A company whose name is also a filler word ("free" as in "Zoom free").
        ("Free", Status.AMBIGUOUS, None),
        ("mail Free", Status.PROPRIETARY, "free-mail"),
        ("Zoom free", Status.PROPRIETARY, "zoom"),
        # The context alone names a product; the line is not that product.
        ("Free (box)", Status.AMBIGUOUS, None),
    ],
)
def test_words_that_are_generic_or_fillers_name_no_other_product(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


def test_two_names_of_one_product_on_a_line_are_that_product_once(
    shipped_index: matcher.Index,
) -> None:
    found = matcher.match_lines([Entry(1, "Office 365 / Microsoft 365")], shipped_index)
    assert [(m.id, m.entry.text) for m in found] == [
        ("microsoft-365", "Office 365 / Microsoft 365")
    ]
    # Two products stay two.
    assert len(matcher.match_lines([Entry(1, "Teams / Slack")], shipped_index)) == 2


def test_a_provider_website_names_none_of_its_offers(shipped_index: matcher.Index) -> None:
    # Infomaniak's offer of mailboxes is a page of its website: the site is not a mailbox...
    site = "https://www.infomaniak.com/fr/hebergement"
    found = matcher.match_entry(Entry(1, site), shipped_index)
    assert found.id != "email-imap"
    # ...while an address that is the offer's own names the software it runs.
    assert _read("frama.space", shipped_index) == (Status.LIBRE, "nextcloud")


def test_a_name_inside_the_name_found_is_no_other_product(shipped_index: matcher.Index) -> None:
    found = matcher.match_entry(Entry(1, "WPS Office 2023"), shipped_index)
    assert (found.id, found.candidates) == ("wps-office", ())


def test_a_capitalised_word_no_name_has_raises_no_question(shipped_index: matcher.Index) -> None:
    # Two products carry "emploi"; "Maison" is in neither name: another product, not a question.
    # (The example was "Pôle emploi" until France Travail's employer space, formerly Pôle emploi,
    # entered the catalog under that name.)
    assert _read("Maison emploi", shipped_index) == (Status.UNKNOWN, None)


def test_a_capital_inside_a_word_where_a_name_differs_is_another_brand(
    shipped_index: matcher.Index,
) -> None:
    from altgafam.models import Alternative, Text

    # "memoQ", a translation tool, is written as its brand, not as a slip of the libre Memos
    # (the shipped catalog now has memoQ itself; a catalog without it shows the rule)...
    text = Text("x", "x")
    alts = {"memos": Alternative("memos", "Memos", "MIT", "h", "s", text)}
    alone = matcher.build_index(Catalog({}, {}, {}, {}, alts))
    assert matcher.match_entry(Entry(1, "memoQ"), alone).status is Status.UNKNOWN
    assert _read("memos", alone) == (Status.LIBRE, "memos")
    assert _read("memoQ", shipped_index) == (Status.PROPRIETARY, "memoq")
    # ...while a slip keeps its capitals where they belong.
    assert _read("LibreOfice", shipped_index) == (Status.LIBRE, "libreoffice")
    assert _read("iClould", shipped_index) == (Status.PROPRIETARY, "icloud")


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # A tool used with another the line names whole: both.
        ("Excel sur OneDrive", ["microsoft-excel", "microsoft-onedrive"]),
        ("Ghost with Mailgun", ["ghost", "mailgun"]),
        # With something that is no product, or the system it runs on: one tool.
        ("Zoom avec les bénévoles", ["zoom"]),
        ("GIMP sur Windows", ["gimp"]),
        # Inside a context in brackets: one tool.
        ("Canva (export sur Dropbox)", ["canva"]),
    ],
)
def test_a_tool_used_with_another_named_whole_is_both(
    text: str, ids: list[str], shipped_index: matcher.Index
) -> None:
    assert [m.id for m in matcher.match_lines([Entry(1, text)], shipped_index)] == ids


def test_a_tool_the_line_takes_back_is_not_reported(shipped_index: matcher.Index) -> None:
    found = matcher.match_lines([Entry(1, "Zoom ? non, Teams")], shipped_index)
    assert [(m.id, m.entry.text) for m in found] == [("microsoft-teams", "Zoom ? non, Teams")]
    # The tools listed before the one taken back stay.
    found = matcher.match_lines([Entry(1, "Trello, Asana ? non, Notion")], shipped_index)
    assert [m.id for m in found] == ["trello", "notion"]


def test_a_shortened_name_in_a_list_of_its_owner_tools_is_that_tool(
    shipped_index: matcher.Index,
) -> None:
    found = matcher.match_lines([Entry(1, "Photoshop, Illus, Premiere")], shipped_index)
    assert [m.id for m in found] == ["adobe-photoshop", "adobe-illustrator", "adobe-premiere-pro"]
    # Alone, nothing says whose it is.
    assert _read("Illus", shipped_index)[0] is Status.UNKNOWN


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # A job word before a product's own name says what it is used for...
        ("Tableaux Excel", Status.PROPRIETARY, "microsoft-excel"),
        ("compta Excel", Status.PROPRIETARY, "microsoft-excel"),
        # ...and a category's word is no company's brand: "paie" names what Sage's payroll
        # products do; heading two owners' names only, it names no product family either.
        ("paie", Status.UNKNOWN, None),
        ("logiciel de caisse", Status.UNKNOWN, None),
    ],
)
def test_a_job_word_says_what_a_tool_is_used_for(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


def test_a_part_named_without_its_whole_is_the_whole(shipped_index: matcher.Index) -> None:
    # The catalog names LibreOffice's spreadsheet "LibreOffice Calc": "Calc" alone is it.
    assert _read("Calc", shipped_index) == (Status.LIBRE, "libreoffice")
    # A company's name is no part: Réseau Canopé's BCDI is not "Canopé".
    assert _read("Canopé", shipped_index)[1] is None


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # A name longer than the words usually looked at together, written whole.
        ("Gestion et Réservation de Ressources", ["grr"]),
        # An edition's words after "et" are no other product.
        ("Microsoft Office Famille et Petite Entreprise 2021", ["microsoft-office"]),
    ],
)
def test_long_names_and_editions_are_one_product(
    text: str, ids: list[str], shipped_index: matcher.Index
) -> None:
    assert [m.id for m in matcher.match_lines([Entry(1, text)], shipped_index)] == ids


def test_a_form_of_a_word_the_description_uses_keeps_the_brand(
    shipped_index: matcher.Index,
) -> None:
    # DYMO Connect's description speaks of "étiquettes"; an "étiqueteuse" is its printer.
    assert _read("Dymo étiqueteuse du secrétariat", shipped_index) == (
        Status.PROPRIETARY,
        "dymo-connect",
    )


def test_a_category_word_in_a_company_name_is_no_brand(shipped_index: matcher.Index) -> None:
    # "Planning Center" makes no brand of "planning": a slip of Excel beside it is Excel.
    assert _read("Excell planning des bénévoles", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-excel",
    )


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # A slip in a name whose other words are dropped as fillers ("365", "Online",
        # "Desktop", "Pro"): the line as typed is still read whole.
        ("Microsfot 365", "microsoft-365"),
        ("Exchagne Online", "exchange-online"),
        ("Chrous Pro", "chorus-pro"),
        # "Desktop" begins with "des" and is no "des" of belonging: the name is not cut there.
        ("Docker Desktpo", "docker-desktop"),
        # One word of the name found exactly, a slip in the others: that name, not unknown.
        ("Cisco Secure Clinet", "cisco-secure-client"),
        ("Chrome Remote Dekstop", "chrome-remote-desktop"),
    ],
)
def test_a_slip_beside_words_the_matcher_drops_is_still_the_name(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (Status.PROPRIETARY, ident)


def test_a_name_holding_a_word_of_context_is_whole(shipped_index: matcher.Index) -> None:
    # "for" usually starts context ("Python for data science" is Python), but here it is in
    # the name, written whole.
    assert _read("python editor for micro:bit", shipped_index) == (
        Status.LIBRE,
        "microbit-python-editor",
    )
    assert _read("Python pour les TP", shipped_index) == (Status.LIBRE, "python")


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # Everyday words typed close to a name made of everyday words, each one of its words.
        ("Démarches simplifiés", "demarches-simplifiees"),
        # A word of the name found exactly, a slip in the other.
        ("OBS Stduio", "obs-studio"),
    ],
)
def test_a_name_of_everyday_words_or_with_one_word_right_is_read_through_a_slip(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (Status.LIBRE, ident)


def test_a_slip_needs_every_word_of_the_name(shipped_index: matcher.Index) -> None:
    # "Windows" is found exactly, but "Live Mail" spells no word of any of its names.
    assert _read("Windows Live Mail", shipped_index)[0] is Status.UNKNOWN
    # Everyday words that leave a word of the name out are no slip of it.
    assert _read("démarches administratives", shipped_index)[0] is Status.UNKNOWN


def test_a_name_with_a_word_of_context_keeps_its_own_context(
    shipped_index: matcher.Index,
) -> None:
    assert _read("Sign in with Apple - comptes élèves", shipped_index) == (
        Status.PROPRIETARY,
        "sign-in-with-apple",
    )


def test_a_word_with_a_capital_inside_is_a_brand_before_its_context(
    shipped_index: matcher.Index,
) -> None:
    # Written as a brand of its own, it is no Excel, and the product in brackets is context.
    assert _read("ExcelLent (Word)", shipped_index)[0] is Status.UNKNOWN


def test_an_owner_named_before_its_product_in_brackets_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    assert _read("espace DGFiP (helios)", shipped_index) == (Status.PROPRIETARY, "dgfip-helios")


def test_a_version_inside_a_name_leaves_the_name(shipped_index: matcher.Index) -> None:
    # "Odoo Community" is the libre edition, whatever number sits in the middle.
    assert _read("Odoo 17 Community", shipped_index) == (Status.LIBRE, "odoo")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A known tool beside words the catalog lacks, when the whole line names nothing:
        # each part, the unknown one reported as such.
        ("word + imprimante réseau", [("proprietary", "microsoft-word"), ("unknown", None)]),
        # A job named before a tool the line names whole: that tool.
        ("CA en visio sur jitsi", [("libre", "jitsi-meet")]),
    ],
)
def test_parts_of_a_line_that_names_one_known_tool(
    text: str, found: list[tuple[str, str | None]], shipped_index: matcher.Index
) -> None:
    got = [(m.status.value, m.id) for m in matcher.match_lines([Entry(1, text)], shipped_index)]
    assert got == found


def test_words_of_a_name_with_context_that_its_description_says(
    shipped_index: matcher.Index,
) -> None:
    # "ADE" alone is no name (Adesoft's ADE Campus, or Adobe's e-book reader?); the context
    # says what it plans, as ADE Campus's description does.
    assert _read("ADE (salles et cours)", shipped_index) == (Status.PROPRIETARY, "ade-campus")
    assert _read("ADE", shipped_index)[0] is Status.UNKNOWN


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # A company, then its products' short names in brackets: each product.
        ("Microsoft (Word, Teams)", ["microsoft-word", "microsoft-teams"]),
        # A product's own name before its uses is that product once.
        ("Zoom (réunions, webinaires)", ["zoom"]),
        # "On Line" is "online" split in two, no tool used on another.
        ("Excel On Line", ["microsoft-excel"]),
    ],
)
def test_a_company_with_its_products_in_brackets(
    text: str, ids: list[str], shipped_index: matcher.Index
) -> None:
    assert [m.id for m in matcher.match_lines([Entry(1, text)], shipped_index)] == ids


def test_a_context_settles_a_question_only_with_most_of_its_words(
    shipped_index: matcher.Index,
) -> None:
    # Only "paie" of three words is in one candidate's description: which Horizon stays a
    # question; "paie" alone settles it.
    assert _read("Horizon (module paie agents)", shipped_index)[0] is Status.AMBIGUOUS
    assert _read("Horizon (paie)", shipped_index) == (Status.PROPRIETARY, "jvs-horizon")


@pytest.mark.parametrize("text", ["slakc.fr", "notoin.fr"])
def test_an_address_the_catalog_lacks_is_no_slip_of_a_name(
    text: str, shipped_index: matcher.Index
) -> None:
    # Close to the name Slack, Notion, but far from their addresses (slack.com, notion.so).
    assert _read(text, shipped_index)[0] is Status.UNKNOWN


def test_a_slip_inside_a_known_address_or_dotted_name_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    assert _read("slakc.com", shipped_index) == (Status.PROPRIETARY, "slack")
    assert _read("Rocket.Caht", shipped_index) == (Status.LIBRE, "rocket-chat")


@pytest.mark.parametrize(
    "text",
    [
        # Glued to a word no name has, with no space: a word of another product's name.
        "Trello@Compta",
        # Beside a word written as a brand of its own.
        "iNova Excel",
        # Accents aside, a capital inside a word where the name has none.
        "AccèsC",
    ],
)
def test_a_name_glued_or_beside_another_brand_is_another_product(
    text: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index)[0] is Status.UNKNOWN


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A tool taken back in the same breath, the one in use after it.
        ("Slack? non c'est Mattermost", [("libre", "mattermost")]),
        # "on line" is "online": Sage's accounting asked about, no LINE.
        ("sage compta on line", [("ambiguous", None)]),
        # A product's everyday name in lower case before "des" is that word: the context names
        # the tool ("tableau des cotisations (excel)").
        ("tableau des cotisations (excel)", [("proprietary", "microsoft-excel")]),
    ],
)
def test_a_line_s_own_words_decide_what_it_names(
    text: str, found: list[tuple[str, str | None]], shipped_index: matcher.Index
) -> None:
    got = [(m.status.value, m.id) for m in matcher.match_lines([Entry(1, text)], shipped_index)]
    assert got == found


def test_a_plural_of_an_everyday_word_is_everyday(shipped_index: matcher.Index) -> None:
    # "spreadsheets" is in an alias of Google Sheets ("Google Spreadsheets"), and a plural of
    # an everyday word: alone with context, it names no product.
    assert _read("spreadsheets for the budget", shipped_index)[0] is Status.UNKNOWN


def test_a_shortened_name_leaves_out_more_than_an_ending(shipped_index: matcher.Index) -> None:
    # "iPad" starts iPadOS, Apple's like Apple School Manager, but only "OS" is left out: the
    # device, which the catalog lacks, not its system.
    found = matcher.match_lines([Entry(1, "iPad, Apple School Manager")], shipped_index)
    assert [m.id for m in found] == [None, "apple-school-manager"]


def test_a_word_that_is_the_main_label_of_a_known_address(shipped_index: matcher.Index) -> None:
    # Orange's mail is known by its old address wanadoo.fr, too.
    assert _read("Wanadoo", shipped_index) == (Status.PROPRIETARY, "orange-mail")
    # An everyday word is no address's label ("live", of live.com).
    assert _read("live", shipped_index)[0] is not Status.PROPRIETARY


def test_a_slip_in_a_longer_name_of_the_same_owner_holding_a_context_word(
    shipped_index: matcher.Index,
) -> None:
    # "for" starts context, but the whole line spells Duolingo for Schools, a slip aside.
    assert _read("Duolinggo for Schools", shipped_index) == (
        Status.PROPRIETARY,
        "duolingo-for-schools",
    )
    assert _read("Duolingo pour les élèves", shipped_index) == (Status.PROPRIETARY, "duolingo")


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # One letter off in a way fingers do not slip: another brand, not the product.
        ("Notiun", Status.UNKNOWN, None),
        ("Canvo", Status.UNKNOWN, None),
        # A neighbouring key, a letter left out, a doubled one: slips of the name.
        ("Slacl", Status.PROPRIETARY, "slack"),
        ("Canca", Status.PROPRIETARY, "canva"),
        ("Zoomm", Status.PROPRIETARY, "zoom"),
    ],
)
def test_a_word_one_letter_from_a_name_is_a_slip_only_as_fingers_slip(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # "visio" is a video call in French: with context, still a question, not Microsoft's.
        ("Visio avec les bénévoles", Status.AMBIGUOUS, None),
        ("Visio du rectorat", Status.AMBIGUOUS, None),
        # A context that says what Visio does settles it.
        ("Visio pour les schémas", Status.PROPRIETARY, "microsoft-visio"),
        # Beside another product's name, that product.
        ("Visio Livestorm", Status.PROPRIETARY, "livestorm"),
        ("Office LibreOffice", Status.LIBRE, "libreoffice"),
        # Beside a name the catalog lacks, that unknown product.
        ("Visio Pexip", Status.UNKNOWN, None),
        # The product's own names still name it.
        ("Visio Microsoft", Status.PROPRIETARY, "microsoft-visio"),
        ("Office 2019", Status.PROPRIETARY, "microsoft-office"),
    ],
)
def test_an_everyday_word_naming_a_kind_of_tool_is_not_its_product_beside_other_words(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


@pytest.mark.parametrize(
    ("text", "status", "ident"),
    [
        # An acronym many products' descriptions use says what kind of thing: a card
        # terminal, a small business; the product follows.
        ("TPE Zettle", Status.PROPRIETARY, "zettle"),
        ("PME Pennylane", Status.PROPRIETARY, "pennylane"),
        # A word no description uses before the name is still another product's.
        ("Zorglub Lucca", Status.UNKNOWN, None),
    ],
)
def test_an_acronym_many_descriptions_use_is_no_brand_before_a_name(
    text: str, status: Status, ident: str | None, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (status, ident)


def test_acronyms_are_learnt_from_descriptions_and_never_a_company_s_name(
    shipped_index: matcher.Index,
) -> None:
    acronyms = shipped_index.vocabulary.acronyms
    assert {"tpe", "crm", "vpn"} <= acronyms
    assert not acronyms & {"ibm", "sap", "ovh"}


def test_a_correction_of_the_context_alone_keeps_the_tool(shipped_index: matcher.Index) -> None:
    def read(text: str) -> list[tuple[Status, str | None]]:
        return [(m.status, m.id) for m in matcher.match_lines([Entry(1, text)], shipped_index)]

    # The host is taken back, not the tool.
    assert read("Mattermost sur notre serveur ? non, sur Framateam") == [
        (Status.LIBRE, "mattermost")
    ]
    assert read("Drive chez Google ? non, chez Infomaniak") == [
        (Status.PROPRIETARY, "infomaniak-kdrive")
    ]
    # A correction that names another tool still replaces it.
    assert read("Mailchimp pour la lettre ? non, Brevo") == [(Status.PROPRIETARY, "brevo")]


def test_an_everyday_word_in_companies_names_of_several_owners_is_no_brand(
    shipped_index: matcher.Index,
) -> None:
    brands = shipped_index.vocabulary.brands
    # What kind of body: agencies, federations of several owners.
    assert not {"agence", "national", "federation"} & brands
    # A company's own name stays its brand, though a dictionary has it.
    assert {"orange", "google"} <= brands


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # A slip beside an everyday word that some long name or agency's name holds: context.
        ("trelo agence", "trello"),
        ("Dropbx agence", "dropbox"),
        ("fichier des bénévoles sur exel", "microsoft-excel"),
        # ... though registers of several owners are called "fichier" something; nor is it
        # another product of Microsoft's after Excel's short name (only words ending short
        # names after a product's own, as "Drive", name kinds of products).
        ("fichier des donateurs sous exel", "microsoft-excel"),
        ("Excel fichier donateurs", "microsoft-excel"),
        # A word beside a slip that the whole line's name has is no context ("cloud").
        ("Graafna Cloud", "grafana-cloud"),
    ],
)
def test_a_slip_beside_an_everyday_word_a_long_name_holds_is_still_read(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _read(text, shipped_index) == (Status.PROPRIETARY, ident)


def test_capitals_a_name_lacks_make_another_brand_not_a_slip(shipped_index: matcher.Index) -> None:
    # A brand one neighbouring key from Ubiflow (invented here: uniFLOW, the real one, is now in
    # the catalog), written with capitals Ubiflow does not have, is a brand of its own...
    assert _read("UbiFLOX (copieurs)", shipped_index) == (Status.UNKNOWN, None)
    # ...while the same letters typed in lower case are a slip of the name.
    assert _read("ubiflox (copieurs)", shipped_index) == (Status.PROPRIETARY, "ubiflow")
    # Camel case with one capital more is still a slip of the name.
    assert _read("NextClod", shipped_index) == (Status.LIBRE, "nextcloud")


def _lines(text: str, index: matcher.Index) -> list[tuple[Status, str | None]]:
    return [(m.status, m.id) for m in matcher.match_lines([Entry(1, text)], index)]


def test_a_letter_hyphened_before_a_name_makes_another_name(
    shipped_index: matcher.Index,
) -> None:
    # D-Edge (hotel software) is not Microsoft's Edge; X-Teams is not Teams.
    assert _lines("X-Teams", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("E-Sidoc", shipped_index) == [(Status.PROPRIETARY, "e-sidoc")]


def test_a_choice_with_a_name_the_catalog_lacks_is_still_a_question(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("trello ou zorblax ?", shipped_index)[0][0] is Status.AMBIGUOUS
    # An everyday word is no side of a choice.
    assert _lines("Canva ou rien", shipped_index) == [(Status.PROPRIETARY, "canva")]


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("on a quitté Gmail pour Proton Mail", "proton-mail"),
        ("compta : maintenant chez Pennylane", "pennylane"),
        ("we moved over to Xero", "xero"),
        # A move still to come keeps the tool in use.
        ("Gmail (on passe à Proton Mail)", "gmail"),
    ],
)
def test_a_move_done_names_the_tool_used_now(
    text: str, ident: str, shipped_index: matcher.Index
) -> None:
    assert _lines(text, shipped_index)[0][1] == ident


def test_in_at_dans_and_entre_start_context(shipped_index: matcher.Index) -> None:
    assert _lines("Square in the shop", shipped_index) == [(Status.PROPRIETARY, "square-pos")]
    assert _lines("Slack dans l'équipe", shipped_index) == [(Status.PROPRIETARY, "slack")]
    # So do "entre", "between" and "among": whom a tool joins.
    assert _lines("signal entre voisins", shipped_index) == [(Status.LIBRE, "signal")]
    assert _lines("Teams between the two offices", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-teams")
    ]
    # A name that holds the word stays whole.
    assert _lines("Sign in with Apple", shipped_index) == [
        (Status.PROPRIETARY, "sign-in-with-apple")
    ]


def test_a_tool_used_with_an_everyday_word_is_one_line(shipped_index: matcher.Index) -> None:
    # "office" names a kind of suite, and here a room: one tool, not two lines.
    assert _lines("Zoom in the office", shipped_index) == [(Status.PROPRIETARY, "zoom")]
    assert _lines("Gemini in Gmail", shipped_index) == [
        (Status.PROPRIETARY, "google-gemini"),
        (Status.PROPRIETARY, "gmail"),
    ]


def test_everyday_words_no_name_has_say_what_for_beside_a_company_and_a_job(
    shipped_index: matcher.Index,
) -> None:
    # "des bénévoles": what for; "agenda": the job; Google: whose.
    assert _lines("agenda des bénévoles (google)", shipped_index) == [
        (Status.PROPRIETARY, "google-calendar")
    ]
    # Without a job word, the company alone is still no product.
    assert _lines("google des bénévoles", shipped_index)[0][1] is None


def test_in_a_list_a_listed_owner_s_product_may_be_named_without_its_house_words(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("Gmail, Agenda, Drive", shipped_index) == [
        (Status.PROPRIETARY, "gmail"),
        (Status.PROPRIETARY, "google-calendar"),
        (Status.PROPRIETARY, "google-drive"),
    ]
    assert _lines("ArcGIS Pro + Field Maps", shipped_index)[1] == (
        Status.PROPRIETARY,
        "arcgis-field-maps",
    )
    # No owner in the list names it: the part stays as it reads alone.
    assert _lines("Zoom + Field Maps", shipped_index) == [(Status.PROPRIETARY, "zoom")]


def test_a_remark_in_brackets_after_the_tool_a_job_is_done_on_does_not_hide_it(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("AG en visio sur Jitsi (serveur asso)", shipped_index) == [
        (Status.LIBRE, "jitsi-meet")
    ]
    assert _lines("WordPress with WooCommerce (boutique)", shipped_index) == [
        (Status.LIBRE, "wordpress"),
        (Status.LIBRE, "woocommerce"),
    ]


def test_an_acronym_alone_found_only_inside_a_longer_name_names_no_product(
    shipped_index: matcher.Index,
) -> None:
    # GMAO is a kind of software; CARL Source GMAO one product of that kind.
    assert _lines("notre GMAO", shipped_index) == [(Status.UNKNOWN, None)]
    # An acronym that starts a name is that product.
    assert _lines("OBS", shipped_index) == [(Status.LIBRE, "obs-studio")]


def test_a_company_named_by_a_filler_word_beside_an_everyday_name_is_its_own_product(
    shipped_index: matcher.Index,
) -> None:
    # Free's box (the internet box of the French operator Free), not Box Inc.
    assert _lines("Free Box du bureau", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("box Free", shipped_index) == [(Status.UNKNOWN, None)]
    # After a product's own name, "Free" is a plan.
    assert _lines("Trello Free", shipped_index) == [(Status.PROPRIETARY, "trello")]


def test_a_context_says_which_product_by_the_stems_and_acronyms_of_its_description(
    shipped_index: matcher.Index,
) -> None:
    # The youth ministry's TAM, whose description says organisers declare their stays:
    # "déclarer" shares its stem with "déclarent".
    assert _lines("TAM pour déclarer le séjour", shipped_index) == [
        (Status.PROPRIETARY, "tam-accueils-mineurs")
    ]
    # An acronym in capitals is read however short: the customs' GAMMA issues the DSA.
    assert _lines("GAMMA pour nos DSA", shipped_index) == [(Status.PROPRIETARY, "gamma-douane")]
    # A context the description does not use leaves the short name unknown.
    assert _lines("TAM (réseau de bus)", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("GAMMA (la radio)", shipped_index) == [(Status.UNKNOWN, None)]


def test_a_brand_s_short_name_before_its_product_s_name_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    # "fb" is Facebook's short name, Messenger one of its owner's products.
    assert _lines("FB messenger des bénévoles", shipped_index) == [
        (Status.PROPRIETARY, "facebook-messenger")
    ]


def test_a_product_s_first_word_is_its_brand_before_a_job_word(
    shipped_index: matcher.Index,
) -> None:
    # Crésus Comptabilité's first word, written as a name, before "compta".
    assert _lines("Crésus compta", shipped_index) == [(Status.PROPRIETARY, "cresus-comptabilite")]
    assert _lines("Banana compta du club", shipped_index) == [
        (Status.PROPRIETARY, "banana-accounting")
    ]
    # A job the product does not do names none of it (Crésus paie is now Crésus Salaires).
    assert _lines("Banana paie", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("Crésus paie", shipped_index) == [(Status.PROPRIETARY, "cresus-salaires")]
    # An everyday word in lower case, or an acronym of a kind of tool, names no brand.
    assert _lines("cloud compta", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("ENT compta", shipped_index) == [(Status.UNKNOWN, None)]


def test_a_short_word_in_capitals_no_name_has_is_an_acronym_not_a_slip(
    shipped_index: matcher.Index,
) -> None:
    # Apidae Tourisme was once Sitra: "SIRA" is another acronym, no slip of that old name.
    assert _lines("SIRA", shipped_index) == [(Status.UNKNOWN, None)]
    # United Natural Foods' UNFI, one letter from UniFi, beside words: an acronym, not Ubiquiti.
    assert _lines("the UNFI ordering portal", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("SLAK", shipped_index) == [(Status.UNKNOWN, None)]
    # The same slips typed as words are slips.
    assert _lines("Slak", shipped_index) == [(Status.PROPRIETARY, "slack")]
    # An acronym beside a name two letters short of any name's word is not that word's slip.
    assert _lines("douane : GAMMA pour les DAE", shipped_index) == [
        (Status.PROPRIETARY, "gamma-douane")
    ]


def test_an_everyday_word_ending_in_s_is_no_plural_of_a_name(
    shipped_index: matcher.Index,
) -> None:
    # Canvas (Instructure's learning platform, or a painter's canvas) is not Canva.
    assert _lines("Canvas", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("Chromebooks", shipped_index) == [(Status.PROPRIETARY, "chromeos")]
    # A doubt between two names a letter apart is still a question.
    assert _lines("canvas ou canva ?", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_a_brand_beside_words_none_of_its_product_s_own_is_another_product(
    shipped_index: matcher.Index,
) -> None:
    # Microsoft Stream (video) is no slip of the Microsoft Store, nor a Google street of Sheets.
    assert _lines("microsoft stream", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("google street art", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("Google Sheet", shipped_index) == [(Status.PROPRIETARY, "google-sheets")]


def test_a_homonym_written_exactly_as_one_of_them_writes_its_name_is_that_one(
    shipped_index: matcher.Index,
) -> None:
    # The ministry writes SIECLE in capitals; Logitud's civil-status software is Siècle.
    assert _lines("SIECLE du lycée", shipped_index) == [(Status.PROPRIETARY, "siecle")]
    assert _lines("siecle", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_a_context_s_plural_is_read_as_the_description_s_singular(
    shipped_index: matcher.Index,
) -> None:
    # Crowdfunder UK's description speaks of community share offers.
    assert _lines("Crowdfunder (community shares)", shipped_index) == [
        (Status.PROPRIETARY, "crowdfunder-uk")
    ]
    # A company's name alone stays a question.
    assert _lines("crowdfunder", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_under_a_government_s_domain_the_first_label_names_the_service(
    shipped_index: matcher.Index,
) -> None:
    # MonPsy was the first name of Mon soutien psy.
    assert _lines("https://monpsy.sante.gouv.fr", shipped_index) == [
        (Status.PROPRIETARY, "mon-soutien-psy")
    ]
    # Elsewhere the first label is no name: "drive" of an unknown address is not Drive.
    assert _lines("drive.example.com", shipped_index) == [(Status.UNKNOWN, None)]


def test_a_brand_alone_that_its_only_product_s_name_lacks_names_the_company(
    shipped_index: matcher.Index,
) -> None:
    # Schneider Electric's one product here is EcoStruxure Machine Expert: which product?
    assert _lines("schneider", shipped_index) == [(Status.AMBIGUOUS, None)]
    # A product whose own name starts with the brand is still that product.
    assert _lines("Coyote", shipped_index) == [(Status.PROPRIETARY, "coyote-driving-assistant")]


def test_a_context_in_brackets_that_spells_the_name_out_names_it(
    shipped_index: matcher.Index,
) -> None:
    # An acronym and its words: OM is Organic Maps.
    assert _lines("OM (organic maps)", shipped_index) == [(Status.LIBRE, "organic-maps")]
    # The brand before, the rest of the name in brackets.
    assert _lines("le NAS Synology (hyper backup)", shipped_index) == [
        (Status.PROPRIETARY, "synology-hyper-backup")
    ]
    # Other words in brackets spell nothing.
    assert _lines("OM (pour les cartes)", shipped_index) == [(Status.UNKNOWN, None)]


def test_a_company_s_only_product_is_settled_by_half_of_the_context(
    shipped_index: matcher.Index,
) -> None:
    # G7's one product here is its taxi app, whose description speaks of taxis.
    assert _lines("G7 (taxi parisien)", shipped_index) == [(Status.PROPRIETARY, "g7-taxi")]
    # Alone, the company is a question.
    assert _lines("G7", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_a_job_word_sharing_a_stem_with_a_category_s_word_names_that_job(
    shipped_index: matcher.Index,
) -> None:
    # "traducteur" shares "traduct" with "traduction": Google's translation product.
    assert _lines("traducteur google", shipped_index) == [(Status.PROPRIETARY, "google-translate")]


def test_a_context_of_belonging_says_whose_not_which_product(
    shipped_index: matcher.Index,
) -> None:
    # "de la région", "du lycée" say whose the tool is: some product's description serving
    # regions or lycées does not make it that product.
    assert _read("ENT de la région", shipped_index) == (Status.UNKNOWN, None)
    assert _read("ENT du lycée", shipped_index) == (Status.UNKNOWN, None)
    # A name before it is still read ("Pronote du collège").
    assert _read("Pronote du collège", shipped_index) == (Status.PROPRIETARY, "pronote")


def test_a_name_of_its_own_before_a_job_word_is_no_short_name(
    shipped_index: matcher.Index,
) -> None:
    # "Framacalc" is EtherCalc's whole name at Framasoft, not a short form of it: a job word
    # after it says what the sheet is for, not which other product.
    assert _read("framacalc budget du club", shipped_index) == (Status.LIBRE, "ethercalc")
    # A short name by initials is still short: "AWS achats" is no Amazon Web Services, but
    # Avenue Web Systèmes' procurement platform AWS-Achat.
    assert _read("AWS achats", shipped_index) == (Status.PROPRIETARY, "aws-achat")
    assert _read("Teams planning", shipped_index) == (Status.UNKNOWN, None)


def test_everyday_words_before_a_context_name_no_product_its_description_fits(
    shipped_index: matcher.Index,
) -> None:
    # "planning", "notes" in lower case say what kind of tool: a product whose name has the
    # word and whose description fits the context is not named by them.
    assert _read("planning (réservation des salles)", shipped_index) == (Status.UNKNOWN, None)
    assert _read("notes sur l'appli Notes de l'ipad", shipped_index) == (Status.UNKNOWN, None)
    # A name before the context still is ("ADE (emplois du temps)": Adesoft's ADE Campus).
    assert _read("ADE (emplois du temps)", shipped_index) == (Status.PROPRIETARY, "ade-campus")


def test_a_word_no_name_has_that_is_no_everyday_word_is_no_context_around_a_slip(
    shipped_index: matcher.Index,
) -> None:
    # "Lingvo" and "flexicapture" are names of their own: beside them, a word close to a
    # name is part of another product's name, not a slip of the catalog's ("Abby").
    assert _read("ABBYY Lingvo", shipped_index)[0] is Status.UNKNOWN
    assert _read("abbyy flexicapture", shipped_index)[0] is Status.UNKNOWN
    # Everyday words around a slip are still context ("trelo chantiers" is Trello).
    assert _read("trelo chantiers", shipped_index) == (Status.PROPRIETARY, "trello")


def test_two_letters_off_a_name_are_a_slip_only_when_fingers_make_both(
    shipped_index: matcher.Index,
) -> None:
    # "Substucko": a letter no neighbour of the one replaced, and one added far from its
    # like: another brand, not Substack.
    assert _read("Substucko", shipped_index)[0] is Status.UNKNOWN
    # Two letters swapped, or each a neighbour's key, are slips.
    assert _read("Substakc", shipped_index) == (Status.PROPRIETARY, "substack")
    assert _read("Mircosoft Teams", shipped_index) == (Status.PROPRIETARY, "microsoft-teams")


def test_another_owner_s_brand_written_before_a_name_makes_its_own_product(
    shipped_index: matcher.Index,
) -> None:
    # Garmin's Messenger app is not Meta's.
    assert _read("Garmin Messenger", shipped_index)[0] is Status.UNKNOWN
    # The product's own brand before it still names it.
    assert _read("Samsung Notes", shipped_index) == (Status.PROPRIETARY, "samsung-notes")


def test_an_everyday_word_hyphened_in_a_public_body_s_name_is_no_brand_alone(
    shipped_index: matcher.Index,
) -> None:
    # "météo" is the weather; Météo-France is named whole.
    assert _read("météo", shipped_index)[0] is not Status.PROPRIETARY
    assert _read("Météo-France", shipped_index) == (Status.PROPRIETARY, "meteo-france-app")


def test_what_is_done_on_a_tool_said_in_everyday_words_is_that_tool(
    shipped_index: matcher.Index,
) -> None:
    # An acronym no name has, or everyday words, before the tool the line ends with.
    assert _lines("RIB sur Qonto", shipped_index) == [(Status.PROPRIETARY, "qonto")]
    assert _lines("comptes rendus avec les élus sur Slack", shipped_index) == [
        (Status.PROPRIETARY, "slack")
    ]
    # One capitalised word may be a product of its own the catalog lacks: no answer for it.
    assert _lines("Planète sur Chrome", shipped_index) == [(Status.UNKNOWN, None)]


def test_a_number_typed_with_a_name_of_a_numbered_family_is_part_of_the_name(
    shipped_index: matcher.Index,
) -> None:
    # Sage sells products numbered 50, 100, 200, 300...: "Sage 500" is none of the catalog's,
    # whatever the context says it does.
    assert _read("Sage 500 (comptabilité)", shipped_index) == (Status.AMBIGUOUS, None)
    # The number the catalog has settles it.
    assert _read("Sage 100 (compta)", shipped_index) == (Status.PROPRIETARY, "sage-100")


def test_an_arrow_says_the_tool_moved_to(shipped_index: matcher.Index) -> None:
    assert _lines("Dropbox → Nextcloud", shipped_index) == [(Status.LIBRE, "nextcloud")]
    assert _lines("doodle -> framadate", shipped_index) == [(Status.LIBRE, "framadate")]


def test_an_everyday_word_heading_a_former_name_calls_the_product_no_more(
    shipped_index: matcher.Index,
) -> None:
    # Sage 50 was Simply Accounting: "simply" alone is the adverb.
    assert _read("simply", shipped_index)[0] is Status.UNKNOWN
    assert _read("Simply Accounting", shipped_index) == (Status.PROPRIETARY, "sage-50")
    # A former name's word written as a brand still calls it: iOS was iPhone OS.
    assert _read("iPhone", shipped_index) == (Status.PROPRIETARY, "ios")


def test_a_product_named_in_brackets_after_everyday_words_is_the_one_in_use(
    shipped_index: matcher.Index,
) -> None:
    # "data studio", in lower case, says what kind of tool, though it was Looker Studio's
    # name; the product named in brackets is the one in use.
    assert _read("data studio (Grafana)", shipped_index) == (Status.LIBRE, "grafana")
    # Words that only say what the tool does are read with their context as before.
    assert _read("logiciel de caisse (SumUp)", shipped_index)[1] == "sumup-caisse-pro"


def test_now_after_a_comma_says_the_tool_moved_to(shipped_index: matcher.Index) -> None:
    assert _lines("trello, désormais wekan", shipped_index) == [(Status.LIBRE, "wekan")]
    # "maintenant" before words and "sur" still reads what follows "sur".
    moved = _lines("Slack avant, maintenant tout est sur Mattermost", shipped_index)
    assert moved == [(Status.LIBRE, "mattermost")]
    # Gone back to something else is a move too: to paper, no tool.
    back = _lines("doodle ? on est revenus au tableau papier", shipped_index)
    assert [status for status, _ in back] == [Status.UNKNOWN]


def test_two_names_of_one_thing_across_a_slash_are_the_one_the_catalog_knows(
    shipped_index: matcher.Index,
) -> None:
    # Bokeh, a library portal the catalog lacks, beside Koha: one line, Koha.
    assert _lines("Bokeh / Koha", shipped_index) == [(Status.LIBRE, "koha")]
    # With "+", two tools: the unknown one is reported.
    both = _lines("Koha + Bokeh", shipped_index)
    assert [status for status, _ in both] == [Status.LIBRE, Status.UNKNOWN]


def test_a_name_is_read_without_its_small_joining_words(shipped_index: matcher.Index) -> None:
    # "Guichet unique du spectacle occasionnel", typed without "du".
    assert _read("guichet unique spectacle occasionnel", shipped_index) == (
        Status.PROPRIETARY,
        "guso",
    )


def test_everyday_words_written_as_a_name_name_the_product_they_are_but_its_brand(
    shipped_index: matcher.Index,
) -> None:
    # "Deep Freeze" is Faronics Deep Freeze; in lower case the words are only words.
    assert _read("Deep Freeze", shipped_index) == (Status.PROPRIETARY, "deep-freeze")
    assert _read("deep freeze", shipped_index)[0] is Status.UNKNOWN


def test_a_former_name_that_is_an_everyday_word_in_lower_case_is_the_word(
    shipped_index: matcher.Index,
) -> None:
    # Lightspeed Retail was Vend: "vend" (sells) in lower case names nothing.
    assert _read("vend", shipped_index)[0] is Status.UNKNOWN
    assert _read("Vend", shipped_index) == (Status.PROPRIETARY, "lightspeed-retail")


def test_camel_case_against_a_name_in_capitals_is_another_brand(
    shipped_index: matcher.Index,
) -> None:
    # Caledonian MacBrayne's "CalMac" is no slip of the CAMAC of Vaud.
    # (Since catalog batch 21d the catalog has CalMac's own app, which the line now names.)
    assert _read("CalMac ferries", shipped_index)[1] != "camac-vaud"
    assert _read("CAMAC", shipped_index) == (Status.PROPRIETARY, "camac-vaud")


def test_a_swap_and_one_more_letter_off_is_a_slip_only_if_fingers_make_it(
    shipped_index: matcher.Index,
) -> None:
    # "SOLEA": "ea" swapped and an "o" far from the "y" of SYLAé: another name.
    assert _read("portail SOLEA", shipped_index)[1] != "sylae"
    # Two letters swapped alone are still a slip.
    assert _read("Goolge Agenda", shipped_index) == (Status.PROPRIETARY, "google-calendar")


def test_a_job_word_in_lower_case_after_a_short_name_says_what_it_is_used_for(
    shipped_index: matcher.Index,
) -> None:
    # "planning" after Excel's short name: Excel used for a schedule, no other product.
    assert _read("Excel planning bénévoles", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-excel",
    )
    # Written as part of a name, the word still makes another of the owner's products.
    assert _read("Excel Planning", shipped_index)[0] is Status.UNKNOWN


def test_one_products_everyday_word_is_read_with_what_its_context_says_it_does(
    shipped_index: matcher.Index,
) -> None:
    # "artisan" and "whisper" name one product each: the context saying what that product
    # does (roasting coffee, transcribing) makes the lower-case word its name...
    assert _read("artisan pour la torréfaction", shipped_index) == (
        Status.LIBRE,
        "artisan-roaster-scope",
    )
    assert _read("whisper (transcription des réunions)", shipped_index) == (
        Status.LIBRE,
        "openai-whisper",
    )
    # ... and another context leaves it the everyday word.
    assert _read("artisan (menuiserie)", shipped_index)[0] is Status.UNKNOWN
    # Words several owners' names share still only say what kind of tool.
    assert _read("drive (partage de fichiers)", shipped_index)[0] is Status.AMBIGUOUS


def test_since_when_is_context(shipped_index: matcher.Index) -> None:
    # "depuis", "since" say for how long the tool is used, not which product.
    assert _read("Altissia depuis la rentrée", shipped_index) == (
        Status.PROPRIETARY,
        "altissia-platform",
    )
    assert _read("OVH depuis toujours", shipped_index)[0] is Status.AMBIGUOUS


def test_what_is_done_through_a_tool_names_the_tool_when_it_names_nothing_else(
    shipped_index: matcher.Index,
) -> None:
    # "Tax Repayments" is no product: the company after "via" is, and of its products the one
    # whose description says it claims tax repayments.
    assert _read("Tax Repayments via HMRC", shipped_index) == (
        Status.PROPRIETARY,
        "hmrc-charities-online",
    )
    # Nothing the company sells is described by what is done: no guess.
    assert _read("Sauvegardes Nocturnes via OVH", shipped_index)[0] is not Status.PROPRIETARY
    # A product before "via" stays the product ("Silae via le cabinet comptable").
    assert _read("Europresse via le portail", shipped_index)[1] == "europresse"


def test_an_acronym_the_products_description_spells_out_says_what_it_is(
    shipped_index: matcher.Index,
) -> None:
    # "SIS": a student information system, as PowerSchool Trillium's description says.
    assert _read("Trillium SIS du conseil scolaire", shipped_index) == (
        Status.PROPRIETARY,
        "powerschool-trillium",
    )
    # Letters the description does not spell out leave the line unknown.
    assert _read("Trillium ABC du conseil", shipped_index)[0] is Status.UNKNOWN
    # An acronym alone, with small words, names nothing ("le TPE").
    assert _read("le TPE", shipped_index)[0] is Status.UNKNOWN


def test_a_company_with_words_one_of_its_products_descriptions_uses_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    # Reviews from customers: Google's Business Profile, whose description says so.
    assert _read("avis clients Google", shipped_index) == (
        Status.PROPRIETARY,
        "google-business-profile",
    )
    # Words no description of the company's products uses leave the question open...
    assert _read("factures Salto", shipped_index)[1] is None
    # ... and so do words after a marker of use: what the tool is used for, not which.
    assert _read("Salto pour les affiches", shipped_index)[0] is Status.AMBIGUOUS


def test_a_question_after_a_choice_makes_its_other_side_a_tool(
    shipped_index: matcher.Index,
) -> None:
    # "or the media library's database?": the writer does not know which; a question.
    assert _lines("Zotero ou la base de la médiathèque ?", shipped_index) == [
        (Status.AMBIGUOUS, None)
    ]
    # One everyday word on the other side is no tool ("or paper?").
    assert _lines("Excel ou papier ?", shipped_index) == [(Status.PROPRIETARY, "microsoft-excel")]


def test_a_product_in_brackets_of_the_kind_named_before_is_the_one_in_use(
    shipped_index: matcher.Index,
) -> None:
    # Ubuntu's description says it is a Linux: the distribution in use, not another whose
    # description mentions Ubuntu.
    assert _read("Linux (Ubuntu)", shipped_index) == (Status.LIBRE, "ubuntu")
    # Vaultwarden implements Bitwarden's server, as its description says.
    assert _read("Bitwarden (Vaultwarden)", shipped_index) == (Status.LIBRE, "vaultwarden")
    # A libre product after a proprietary one may be the move to come, or only alike.
    assert _read("Slack (Mattermost)", shipped_index) == (Status.PROPRIETARY, "slack")


def test_an_address_beside_a_name_is_where_it_is_reached_not_another_brand(
    shipped_index: matcher.Index,
) -> None:
    # "MyBank.com" is written as a brand, but it is an address: where Qonto is reached.
    assert _read("Qonto on MyBank.com", shipped_index) == (Status.PROPRIETARY, "qonto")
    # Written as a word of the line, such a brand still makes another product.
    assert _read("Qonto MyBank", shipped_index)[0] is Status.UNKNOWN


def test_a_word_that_is_a_dotted_name_without_its_ending_settles_a_tie(
    shipped_index: matcher.Index,
) -> None:
    # As close to TryBooking, but Booking.com is the word and its address's ending.
    assert _read("BOOKING", shipped_index) == (Status.PROPRIETARY, "booking-com")
    # An address's label alone is not enough: bible.com does not make "bible" YouVersion's.
    assert _read("bible", shipped_index)[0] is Status.AMBIGUOUS


def test_a_short_address_two_letters_off_a_known_one_is_another_address(
    shipped_index: matcher.Index,
) -> None:
    # "trxlo.com" is two letters from trello.com in a five-letter name: another address.
    assert _read("trxlo.com", shipped_index)[0] is Status.UNKNOWN
    # One letter off is still a slip; two in a longer name too.
    assert _read("trelo.com", shipped_index) == (Status.PROPRIETARY, "trello")
    assert _read("Boking.cm", shipped_index) == (Status.PROPRIETARY, "booking-com")


def test_a_companys_name_that_is_an_everyday_word_in_lower_case_before_more_words_is_the_word(
    shipped_index: matcher.Index,
) -> None:
    # "faire" is the French verb ("to do"), not the wholesale marketplace called Faire.
    assert _read("faire des devis", shipped_index)[0] is Status.UNKNOWN
    assert _read("A faire : relancer les adhérents", shipped_index)[0] is Status.UNKNOWN
    # Written as a name, or as its address, it is the company's product.
    assert _read("faire.com", shipped_index) == (Status.PROPRIETARY, "faire")
    # A company's name that is a filler word stays the company ("free (box)").
    assert _read("free (box)", shipped_index)[0] is Status.AMBIGUOUS


def test_a_family_name_ending_in_another_everyday_word_is_no_slip(
    shipped_index: matcher.Index,
) -> None:
    # Framasoft's map service is no Framadate: "carte" and "date" are two words, not a slip.
    assert _read("framacarte de la fête du village", shipped_index)[1] != "framadate"
    # A slip at the join is still one ("Facbook": "book" is "ebook" less a letter)...
    assert _read("Facbook", shipped_index) == (Status.PROPRIETARY, "facebook")
    # ... and so are two letters swapped ("Framadtae").
    assert _read("Framadtae", shipped_index) == (Status.LIBRE, "framadate")


def test_a_slip_joined_by_a_hyphen_to_a_word_the_name_lacks_is_another_name(
    shipped_index: matcher.Index,
) -> None:
    # "Trelo-Kanban": a compound name, not Trello with a slip.
    assert _read("Trelo-Kanban", shipped_index)[0] is Status.UNKNOWN
    # A name's own words joined by a hyphen stay the name.
    assert _read("Google-Drive", shipped_index) == (Status.PROPRIETARY, "google-drive")
    # A hyphened word in the context is no part of the name ("expert-comptable").
    assert _read("Quadra (chez l'expert-comptable)", shipped_index)[1] == "cegid-quadra"


def test_no_wait_takes_back_what_came_before(shipped_index: matcher.Index) -> None:
    # "no wait", "non attends": the writer corrects what came before.
    assert _lines("Trello - no wait, it's Wekan", shipped_index) == [(Status.LIBRE, "wekan")]
    assert _lines("Skype, non attends, c'est Zoom", shipped_index) == [(Status.PROPRIETARY, "zoom")]


def test_what_is_done_on_a_company_says_which_of_its_products(
    shipped_index: matcher.Index,
) -> None:
    # Lightspeed sells tills for shops and for restaurants: stock kept for shops is the first.
    assert _lines("stock des magasins sur Lightspeed", shipped_index) == [
        (Status.PROPRIETARY, "lightspeed-retail")
    ]
    # What is done that no description says leaves the question ("tickets du resto" does
    # not say "restaurant").
    assert _lines("tickets du resto sur Lightspeed", shipped_index)[0][0] is Status.AMBIGUOUS


def test_a_name_that_is_an_everyday_word_after_de_is_the_word(
    shipped_index: matcher.Index,
) -> None:
    # "logiciel de garage": software for a car repair shop, not Garage, the S3 server.
    assert _read("outil de garage", shipped_index)[0] is Status.UNKNOWN
    # Alone it is still the product.
    assert _read("garage", shipped_index) == (Status.LIBRE, "garage")


def test_a_name_whose_own_words_are_fillers_is_found_whole_after_with(
    shipped_index: matcher.Index,
) -> None:
    # "le Compte Asso": "le" and "compte" are words people add, and here the name's own.
    assert _lines("FranceConnect via le Compte Asso", shipped_index) == [
        (Status.LIBRE, "franceconnect"),
        (Status.PROPRIETARY, "le-compte-asso"),
    ]


def test_a_word_other_names_have_is_a_slip_only_as_fingers_slip(
    shipped_index: matcher.Index,
) -> None:
    # "extranet" (Booking.com's Extranet has it) is no extraNat: "a" is no neighbour of "e".
    assert _read("extranet des adhérents", shipped_index)[1] != "extranat"
    # A slip fingers make is still read ("exel" for Excel).
    assert _read("fichier des dons sous exel", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-excel",
    )


def test_an_everyday_word_starting_a_line_and_several_owners_names_is_no_brand(
    shipped_index: matcher.Index,
) -> None:
    # "Guichet" starts the INPI's, the State's and the Urssaf's one-stop shops: a town hall's
    # own is none of them.
    assert _read("Guichet unique de la mairie", shipped_index)[0] is Status.UNKNOWN
    # A brand's first word before a job word still names its product.
    assert _read("Crésus compta", shipped_index) == (Status.PROPRIETARY, "cresus-comptabilite")


def test_an_ampersand_inside_a_word_keeps_it_one_word(shipped_index: matcher.Index) -> None:
    # "F&B" (food and beverage) is no "fb", Facebook's short name.
    assert _read("logiciel F&B de l'hôtel", shipped_index)[1] != "facebook"
    # A name with one is still found ("d&b ArrayCalc"), and "&" between words is punctuation.
    assert _read("d&b ArrayCalc", shipped_index) == (Status.PROPRIETARY, "dbaudio-arraycalc")
    assert matcher.fold("Procter & Gamble") == "procter gamble"


def test_a_capitalised_word_a_name_splits_around_a_lower_case_letter_is_another_word(
    shipped_index: matcher.Index,
) -> None:
    # Canon's EOS cameras are no /e/OS, whose name folds to the same letters.
    assert _read("boîtiers EOS du studio", shipped_index)[1] != "e-os"
    assert _read("/e/OS", shipped_index) == (Status.LIBRE, "e-os")
    # A name split around a capital letter is typed whole ("Vray" is V-Ray).
    assert _read("Vray", shipped_index) == (Status.PROPRIETARY, "v-ray")


def test_a_name_of_generic_words_only_is_spelled_whole(shipped_index: matcher.Index) -> None:
    # "PV électronique" has no word of its own: "vol" spells no "pv".
    assert _read("cahier de vol électronique", shipped_index)[0] is Status.UNKNOWN
    # With a slip in each short word, such a name is still read.
    assert _read("Cie Compta", shipped_index) == (Status.PROPRIETARY, "ciel-compta")


def test_only_a_products_own_domain_lends_it_its_main_label(
    shipped_index: matcher.Index,
) -> None:
    # framagit.org is Framasoft's GitLab: "framagit" names it.
    assert _read("framagit", shipped_index) == (Status.LIBRE, "gitlab-ce")
    # A product under another's domain lends that name nothing.
    labels = matcher._labels({"ci.example.org": "woodpecker-ci", "example.org": "forgejo"})
    assert labels == {"example": frozenset({"forgejo"})}


def test_a_name_written_in_capitals_typed_as_an_everyday_word_after_an_article_is_the_word(
    shipped_index: matcher.Index,
) -> None:
    # "les traces du parcours": GPS tracks, no TRACES NT, the EU's trade system.
    assert _read("les traces du parcours", shipped_index)[0] is Status.UNKNOWN
    # Written in capitals, or without the article, it is still the system.
    assert _read("TRACES pour les certificats", shipped_index)[1] == "traces-nt"


def test_enfin_before_a_name_takes_back_what_came_before(shipped_index: matcher.Index) -> None:
    # "Slack, I mean Mattermost": the writer corrects the first name.
    assert _lines("Slack, I mean Mattermost", shipped_index) == [(Status.LIBRE, "mattermost")]
    # "enfin" that no name follows is no correction.
    assert (Status.PROPRIETARY, "zoom") in _lines("Zoom, enfin surtout pour les AG", shipped_index)


def test_sous_starts_context_the_system_a_tool_runs_on(shipped_index: matcher.Index) -> None:
    # "Photoshop sous Windows": Photoshop, running on Windows.
    assert _read("Photoshop sous Windows", shipped_index) == (
        Status.PROPRIETARY,
        "adobe-photoshop",
    )


def test_in_a_list_a_products_first_own_word_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    # "Photoshop + After": Adobe's After Effects, the listed owner's product that word starts.
    assert _lines("Photoshop + After", shipped_index) == [
        (Status.PROPRIETARY, "adobe-photoshop"),
        (Status.PROPRIETARY, "adobe-after-effects"),
    ]


def test_what_runs_under_or_with_a_tool_names_the_tool(shipped_index: matcher.Index) -> None:
    # "ordinateurs de la classe sous Deep Freeze": the computers are no product; the tool is.
    assert _read("ordinateurs de la classe sous Deep Freeze", shipped_index) == (
        Status.PROPRIETARY,
        "deep-freeze",
    )
    assert _read("laptops with Keynote", shipped_index) == (Status.PROPRIETARY, "apple-keynote")
    # A name the catalog lacks before "avec" is the tool in use, not the one after it.
    assert _read("Zorglubix avec Keynote", shipped_index)[0] is Status.UNKNOWN


def test_a_name_then_only_its_plan_is_the_name(shipped_index: matcher.Index) -> None:
    # "windy pro": Windy.com bought in its paid plan, as "windy" alone is.
    assert _read("windy pro", shipped_index) == (Status.PROPRIETARY, "windy-com")


def test_the_acronym_a_name_gives_in_brackets_is_typed_alone(
    shipped_index: matcher.Index,
) -> None:
    # "Revenue Online Service (ROS)": "ROS" alone, with its context, is that service.
    assert _read("ROS for the tax returns", shipped_index) == (
        Status.PROPRIETARY,
        "revenue-online-service",
    )
    # A short one counts only typed in capitals: "tes outils" is French for "your tools", no
    # "Titres électroniques sécurisés (TES)".
    assert _read("tes outils", shipped_index)[0] is Status.UNKNOWN
    assert _read("TES", shipped_index)[1] == "tes-titres-electroniques-securises"


def test_a_plan_word_a_name_has_keeps_the_name(shipped_index: matcher.Index) -> None:
    # "arcgis pro" is ArcGIS Pro, a name of its own, not ArcGIS Online's plan.
    assert _read("arcgis pro", shipped_index) == (Status.PROPRIETARY, "arcgis-pro")


def test_a_company_in_brackets_after_a_name_is_whose_it_is(shipped_index: matcher.Index) -> None:
    # "Kairos (France Travail)": a slip of the name with its company after it is still Kairos;
    # the company's words are not the name's, to be outscored by its other products.
    assert _read("Kaiiros (France Travail)", shipped_index) == (
        Status.PROPRIETARY,
        "france-travail-kairos",
    )


def test_a_short_alias_whose_casing_is_its_spelling_typed_in_capitals_is_another_acronym(
    shipped_index: matcher.Index,
) -> None:
    # "uBO" is uBlock Origin; "UBO" is an ultimate beneficial owner.
    assert _read("déclaration UBO annuelle", shipped_index)[0] is Status.UNKNOWN
    assert _read("uBO", shipped_index) == (Status.LIBRE, "ublock-origin")


def test_on_starts_context_in_english(shipped_index: matcher.Index) -> None:
    # "Deep Freeze on the lab machines": Deep Freeze, running on those machines.
    assert _read("Deep Freeze on the lab machines", shipped_index) == (
        Status.PROPRIETARY,
        "deep-freeze",
    )


def test_a_company_named_right_is_that_company_even_when_the_catalog_lacks_its_products(
    shipped_index: matcher.Index,
) -> None:
    # Civadis, a Belgian maker of municipal software the catalog knows only as a company,
    # is one letter from Géomédia's Covadis: named right, it is Civadis, not Covadis.
    assert _read("Civadis (compta communale)", shipped_index) == (Status.UNKNOWN, None)
    # The slip of the product's own name is still read.
    assert _read("Covadiss", shipped_index) == (Status.PROPRIETARY, "covadis")


def test_an_everyday_word_hyphened_to_a_letter_in_a_name_is_the_word_alone(
    shipped_index: matcher.Index,
) -> None:
    # "e-Attestations" collects subcontractors' certificates; "attestations" alone are
    # certificates, no product.
    assert _read("attestations", shipped_index) == (Status.UNKNOWN, None)
    assert _read("e-Attestations (sous-traitants)", shipped_index) == (
        Status.PROPRIETARY,
        "e-attestations-platform",
    )


def test_a_new_name_in_brackets_after_now_is_the_tool_used(shipped_index: matcher.Index) -> None:
    # The IGN's app was renamed: the line names the new one in brackets.
    assert _lines("l'appli Géoportail (maintenant Cartes IGN)", shipped_index) == [
        (Status.LIBRE, "cartes-ign")
    ]


def test_no_then_what_we_use_takes_back_the_tool_before(shipped_index: matcher.Index) -> None:
    assert _lines("Zoom - no, we use Teams now the council gave us licences", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-teams")
    ]


def test_a_name_that_holds_context_words_stays_whole_after_an_article(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("le Géoportail de l'urbanisme", shipped_index) == [
        (Status.PROPRIETARY, "geoportail-urbanisme")
    ]


def test_actually_in_brackets_names_the_tool_used(shipped_index: matcher.Index) -> None:
    assert _lines("Zoom (actually Teams now, the council pays for it)", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-teams")
    ]


def test_a_maker_the_catalog_lacks_in_brackets_after_a_longer_name_is_another_product(
    shipped_index: matcher.Index,
) -> None:
    # Interacoustics' Affinity audiometers are no Affinity of Canva's: the catalog now has the
    # Affinity Compact, not the Affinity Balance.
    assert _read("Affinity Balance (Interacoustics)", shipped_index) == (Status.UNKNOWN, None)
    assert _read("Affinity Compact (Interacoustics)", shipped_index) == (
        Status.PROPRIETARY,
        "interacoustics-affinity-compact",
    )
    # The name alone before its maker stays the product ("Affinity Photo (Serif)").
    assert _read("Affinity Photo (Serif)", shipped_index) == (Status.PROPRIETARY, "affinity")


def test_a_choice_between_two_names_of_one_product_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    # Brevo was called Sendinblue: the writer knows both are the same tool.
    assert _lines("Sendinblue ou Brevo, c'est le même outil", shipped_index) == [
        (Status.PROPRIETARY, "brevo")
    ]
    # What a comma adds after the last side is said of the choice, which stays one.
    assert _lines("Teams ou Meet, selon les jours", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_a_doubled_letter_is_no_slip_of_its_own(shipped_index: matcher.Index) -> None:
    # Typed as it sounds: a doubled letter once, another slip beside it.
    assert _read("le fasebok du club", shipped_index) == (Status.PROPRIETARY, "facebook")
    assert _read("wattsap pour le club", shipped_index) == (Status.PROPRIETARY, "whatsapp")
    # A slip typed twice is two slips: its letter is no letter of the name.
    assert _read("Slaxxk", shipped_index)[0] is Status.UNKNOWN
    # Undoubling never makes a short word long enough to be a slip ("coop" is no name's).
    assert _lines("EBP pour la compta de la coop", shipped_index) == [
        (Status.PROPRIETARY, "ebp-compta")
    ]


def test_when_starts_context(shipped_index: matcher.Index) -> None:
    # What follows "quand"/"when" says when the tool is used, not which.
    assert _read("Inkscape quand la MacBook est prise", shipped_index) == (Status.LIBRE, "inkscape")
    assert _read("Scribus when the MacBook is out", shipped_index) == (Status.LIBRE, "scribus")


def test_words_beside_a_name_two_products_share_settle_only_by_an_owner(
    shipped_index: matcher.Index,
) -> None:
    # Orbis is Moody's (Bureau van Dijk's company data) and Dedalus's (a hospital system).
    assert _read("Orbis (Bureau van Dijk)", shipped_index) == (Status.PROPRIETARY, "moodys-orbis")
    assert _read("ORBIS (Dedalus)", shipped_index) == (Status.PROPRIETARY, "orbis")
    # Words no name has say nothing of which: a question, never one of them on a guess.
    assert _read("Orbis du CHU", shipped_index) == (Status.AMBIGUOUS, None)


def test_enfin_non_takes_back_the_tool_before(shipped_index: matcher.Index) -> None:
    assert _lines("Skype, enfin non, Zoom depuis la rentrée", shipped_index) == [
        (Status.PROPRIETARY, "zoom")
    ]


def test_a_move_from_a_tool_to_another_names_the_second(shipped_index: matcher.Index) -> None:
    assert _lines("on est passés de Trello à Wekan cet été", shipped_index) == [
        (Status.LIBRE, "wekan")
    ]
    assert _lines("we switched from Dropbox to Nextcloud", shipped_index) == [
        (Status.LIBRE, "nextcloud")
    ]


def test_a_move_not_done_yet_names_the_tool_still_used(shipped_index: matcher.Index) -> None:
    assert _lines("Inkscape 0.92 (pas encore passé à la 1.3)", shipped_index) == [
        (Status.LIBRE, "inkscape")
    ]


def test_a_kind_of_tool_and_whose_then_the_product_in_brackets(
    shipped_index: matcher.Index,
) -> None:
    assert _read("la messagerie du rectorat (Outlook)", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-outlook",
    )
    assert _read("le forum des adhérents (Discourse)", shipped_index) == (
        Status.LIBRE,
        "discourse",
    )


def test_et_la_after_a_comma_names_the_tool_used_now(shipped_index: matcher.Index) -> None:
    assert _lines("sondages : Doodle au début, et là Framadate", shipped_index) == [
        (Status.LIBRE, "framadate")
    ]


def test_a_company_and_the_initials_of_its_product_s_words(shipped_index: matcher.Index) -> None:
    assert _read("Adobe AE", shipped_index) == (Status.PROPRIETARY, "adobe-after-effects")
    # Initials no product of the company has ask as before.
    assert _read("Adobe QQ", shipped_index)[1] is None


def test_a_host_s_one_word_name_typed_right_is_that_company(shipped_index: matcher.Index) -> None:
    # iMio makes and hosts libre software for Walloon communes: no slip of France Travail's i-milo.
    assert _read("iMio pour les délibérations", shipped_index)[1] is None


def test_an_address_the_catalog_lacks_is_no_product_its_context_describes(
    shipped_index: matcher.Index,
) -> None:
    # What the line says it is for is the job of a State platform, but the address is
    # another's: a product the catalog lacks.
    assert _read("DICT.net pour les déclarations de travaux", shipped_index) == (
        Status.UNKNOWN,
        None,
    )


def test_an_everyday_name_after_another_everyday_word_both_as_a_name_is_another_product(
    shipped_index: matcher.Index,
) -> None:
    # Pocket is Mozilla's read-it-later app; "Kiwi Pocket" is some other product.
    assert _read("Kiwi Pocket", shipped_index)[0] is Status.UNKNOWN
    # Not across a colon, nor after a word saying what the tool does.
    assert _read("Pharmacie: Excel pour les stups", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-excel",
    )
    assert _read("Agenda Google", shipped_index)[0] is Status.PROPRIETARY


def test_a_company_and_its_product_s_initials_whatever_other_name_has_them(
    shipped_index: matcher.Index,
) -> None:
    # EMCS is also a word of the French customs' GAMMA's names: beside HMRC, it is HMRC's.
    assert _read("HMRC EMCS", shipped_index) == (Status.PROPRIETARY, "hmrc-emcs")


def test_sorry_takes_back_and_enfin_may_name_a_tool_after_its_kind(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("Skype, sorry, Zoom these days", shipped_index) == [(Status.PROPRIETARY, "zoom")]
    assert _lines("Doodle, enfin l'appli Framadate", shipped_index) == [(Status.LIBRE, "framadate")]


def test_a_product_s_name_at_another_country_s_address_is_that_country_s_site(
    shipped_index: matcher.Index,
) -> None:
    # The IGN's Géoportail lives at geoportail.gouv.fr: a Belgian geoportail.be is another.
    assert _read("geoportail.be", shipped_index) == (Status.UNKNOWN, None)
    assert _read("le geoportail.ch des randonneurs", shipped_index)[1] is None
    # A product whose addresses are no country's stays itself at any ending.
    assert _read("cryptpad.be", shipped_index) == (Status.LIBRE, "cryptpad")


def test_a_name_s_closing_sign_must_be_typed_for_a_slip(shipped_index: matcher.Index) -> None:
    # "goggle" is a word, or a slip of the company Google: never the closed Google+.
    assert _read("goggle", shipped_index)[1] != "google-plus"
    assert _read("Google+", shipped_index) == (Status.PROPRIETARY, "google-plus")


def test_the_first_words_of_a_context_may_complete_a_name_into_another_product(
    shipped_index: matcher.Index,
) -> None:
    assert _read("Opera (PMS de la résidence)", shipped_index) == (
        Status.PROPRIETARY,
        "opera-pms",
    )
    assert _read("Opera (navigateur)", shipped_index) == (Status.PROPRIETARY, "opera")


def test_more_corrections_and_moves(shipped_index: matcher.Index) -> None:
    assert _lines("Skype, euh Zoom maintenant", shipped_index) == [(Status.PROPRIETARY, "zoom")]
    assert _lines("Slack, enfin on est repassé sur Zulip", shipped_index) == [
        (Status.LIBRE, "zulip")
    ]
    assert _lines("Trello, no wait, we moved everything to Wekan", shipped_index) == [
        (Status.LIBRE, "wekan")
    ]
    assert _lines("Skype, non, jitsi depuis la rentrée", shipped_index) == [
        (Status.LIBRE, "jitsi-meet")
    ]
    # "non" before words naming no tool corrects nothing.
    assert _lines("Zoom, non, pas pour les AG", shipped_index) == [(Status.PROPRIETARY, "zoom")]
    # Québec's "pis" joins two tools.
    assert _lines("Teams pis Zoom pour les réunions", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-teams"),
        (Status.PROPRIETARY, "zoom"),
    ]


def test_an_everyday_word_of_a_name_of_everyday_words_needs_the_name_s_other_words(
    shipped_index: matcher.Index,
) -> None:
    # Interlibrary loan between media libraries: no Prêt numérique en bibliothèque.
    assert _read("prêt entre les médiathèques", shipped_index)[1] is None
    assert _read("le prêt numérique en bibliothèque (PNB)", shipped_index) == (
        Status.PROPRIETARY,
        "pnb",
    )
    # A name's own distinctive word is still read with its context.
    assert _read("whisper pour les sous-titres", shipped_index) == (Status.LIBRE, "openai-whisper")


def test_a_word_saying_when_is_no_part_of_a_name(shipped_index: matcher.Index) -> None:
    # "now" is in some names (Epos Now); after a tool it only says the tool is in use.
    assert _read("Teams now", shipped_index) == (Status.PROPRIETARY, "microsoft-teams")
    assert _read("Acrobat now", shipped_index) == (Status.PROPRIETARY, "adobe-acrobat")
    assert _read("Epos Now", shipped_index) == (Status.PROPRIETARY, "epos-now")


def test_a_brand_typed_last_is_the_name_turned(shipped_index: matcher.Index) -> None:
    assert _read("Drive Google", shipped_index) == (Status.PROPRIETARY, "google-drive")
    assert _read("Active Directory Azure", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-entra-id",
    )


def test_non_without_a_comma_and_actually_correct_the_tool_before(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("Doodle, non Framadate pour les AG", shipped_index) == [
        (Status.LIBRE, "framadate")
    ]
    assert _lines("Dropbox - actually Nextcloud since May", shipped_index) == [
        (Status.LIBRE, "nextcloud")
    ]
    assert _lines("Skype, en fait Jitsi", shipped_index) == [(Status.LIBRE, "jitsi-meet")]
    # Nothing corrected when no tool follows.
    assert _lines("Excel, non merci pour les macros", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-excel")
    ]
    assert _lines("Slack - actually pretty good", shipped_index) == [(Status.PROPRIETARY, "slack")]


def test_a_known_company_in_brackets_that_makes_none_of_it_names_another_product(
    shipped_index: matcher.Index,
) -> None:
    # Part of Wild Apricot's name, with another known company: that company's product.
    assert _read("Apricot (Salesforce)", shipped_index) == (Status.UNKNOWN, None)
    # A name typed whole stays itself, whatever maker the catalog lacks follows it.
    assert _read("i-parapheur (Adullact)", shipped_index) == (Status.LIBRE, "iparapheur")


def test_through_its_own_maker_and_au_as_context(shipped_index: matcher.Index) -> None:
    # The company that makes it, named after "via", is no second product.
    assert _lines("Wooflash via Wooclap", shipped_index) == [(Status.PROPRIETARY, "wooflash")]
    # "au" starts context, like "pour" ("Square au stand de la kermesse").
    assert _read("Square au stand", shipped_index) == (Status.PROPRIETARY, "square-pos")


def test_an_address_before_its_context_is_read_as_an_address(
    shipped_index: matcher.Index,
) -> None:
    # An address the catalog lacks is no slip of a word of a name (e-PMSI's "PMSI").
    assert _read("pmsi.fr pour les séjours", shipped_index) == (Status.UNKNOWN, None)


def test_initials_then_their_maker_in_brackets_before_context(
    shipped_index: matcher.Index,
) -> None:
    assert _read("MC (Avid) pour le montage des films", shipped_index) == (
        Status.PROPRIETARY,
        "avid-media-composer",
    )


def test_acronyms_of_the_tool_s_own_name_say_what_is_done_on_it(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("le PMSI SSR sur e-PMSI", shipped_index) == [(Status.PROPRIETARY, "e-pmsi")]


def test_an_article_written_with_a_capital_only_starts_the_line(
    shipped_index: matcher.Index,
) -> None:
    # "Le tableau des adhérents" is a table, as "le tableau des adhérents" is.
    assert _read("Le tableau des adhérents", shipped_index) == (Status.UNKNOWN, None)
    assert _read("Le Tableau des ventes", shipped_index) == (Status.PROPRIETARY, "tableau")


def test_a_maker_of_several_capitalised_words_the_catalog_lacks_unmakes_part_of_a_name(
    shipped_index: matcher.Index,
) -> None:
    assert _read("Apricot (Harbour Tech)", shipped_index) == (Status.UNKNOWN, None)
    # A name typed whole stays itself.
    assert _read("Outlook (Mairie Centrale)", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-outlook",
    )


def test_a_job_said_only_through_names_leaves_a_company_s_editions_a_question(
    shipped_index: matcher.Index,
) -> None:
    # Odoo has a libre Community edition and a proprietary Enterprise one for the same job.
    assert _read("Odoo (gestion coop)", shipped_index) == (Status.AMBIGUOUS, None)


def test_an_everyday_word_in_capitals_is_an_acronym(shipped_index: matcher.Index) -> None:
    # "PASS" is some system's acronym, not the first word of Pass'Sport.
    assert _read("PASS pour les allocations", shipped_index) == (Status.UNKNOWN, None)


def test_a_possessive_s_makes_no_plural_name(shipped_index: matcher.Index) -> None:
    # "team's" is no "Teams".
    assert _read("the volunteer team's spreadsheet", shipped_index) == (Status.UNKNOWN, None)


def test_a_version_inside_a_short_alias(shipped_index: matcher.Index) -> None:
    # "Odoo CE" with its version inside: Odoo Community, not the question about Odoo.
    assert _read("Odoo 16 CE", shipped_index) == (Status.LIBRE, "odoo")


def test_the_tool_kept_after_a_choice(shipped_index: matcher.Index) -> None:
    assert _lines("Doodle ou Framadate ? on garde Framadate", shipped_index) == [
        (Status.LIBRE, "framadate")
    ]
    assert _lines("Zoom or Teams? we kept Zoom", shipped_index) == [(Status.PROPRIETARY, "zoom")]
    # "on garde" before no name keeps the line as it is.
    assert _lines("Excel (on garde pour l'instant)", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-excel")
    ]


def test_an_owner_s_everyday_word_in_lower_case_is_the_word(
    shipped_index: matcher.Index,
) -> None:
    # "iphone" in lower case is the phone, not iOS (its former name iPhone OS).
    assert _read("photos de l'iphone", shipped_index)[1] != "ios"
    assert _read("agenda google", shipped_index) == (Status.PROPRIETARY, "google-calendar")


def test_a_move_after_a_bracket_or_an_ellipsis(shipped_index: matcher.Index) -> None:
    assert _lines("Trello (2019)... maintenant Wekan", shipped_index) == [(Status.LIBRE, "wekan")]
    assert _lines("Teams (jusqu'en 2023), maintenant Jitsi", shipped_index) == [
        (Status.LIBRE, "jitsi-meet")
    ]


def test_the_initials_of_the_words_of_a_name_left_untyped(shipped_index: matcher.Index) -> None:
    # Acronis Cyber Protect, by its brand and the initials of the rest of its name.
    assert _read("Acronis CP", shipped_index) == (Status.PROPRIETARY, "acronis")


def test_ou_plutot_and_or_rather_correct(shipped_index: matcher.Index) -> None:
    assert _lines("Zoom, or rather Jitsi", shipped_index) == [(Status.LIBRE, "jitsi-meet")]
    assert _lines("Doodle, ou plutôt Framadate", shipped_index) == [(Status.LIBRE, "framadate")]
    # A question stays a question.
    assert _lines("Teams ou plutôt Zoom ?", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_an_acronym_of_a_whole_name_s_initials(shipped_index: matcher.Index) -> None:
    # Too Good To Go, by the initials of its four words.
    assert _read("TGTG", shipped_index) == (Status.PROPRIETARY, "too-good-to-go")
    # An acronym that spells no name is nothing.
    assert _read("RGPD", shipped_index) == (Status.UNKNOWN, None)


def test_an_everyday_word_alone_among_fillers_is_no_longer_name_s_head(
    shipped_index: matcher.Index,
) -> None:
    # "le festival" is the festival, not Festival Scope; the name written whole still is.
    assert _read("le festival", shipped_index) == (Status.UNKNOWN, None)
    assert _read("Festival Scope", shipped_index) == (Status.PROPRIETARY, "festival-scope")


def test_an_article_before_the_first_part_of_a_name_is_the_everyday_noun(
    shipped_index: matcher.Index,
) -> None:
    # "our rota" is the team's rota, not RotaCloud; a slip of a whole name still reads.
    assert _read("our rota", shipped_index) == (Status.UNKNOWN, None)
    assert _read("the trelo", shipped_index) == (Status.PROPRIETARY, "trello")


def test_an_unknown_acronym_in_place_of_a_name_s_acronym_is_another_body(
    shipped_index: matcher.Index,
) -> None:
    # Zambia's revenue authority is no Tax Administration Jamaica; TAJ's own name still is.
    # (Zambia's own portal, now in the catalog, is read as itself.)
    assert _read("ZRA online portal", shipped_index)[1] != "taj-portal"
    assert _read("TAJ online portal", shipped_index) == (Status.PROPRIETARY, "taj-portal")


def test_a_french_plural_in_aux_of_a_name_s_word_in_al(shipped_index: matcher.Index) -> None:
    assert _read("nos terminaux Bloomberg", shipped_index) == (
        Status.PROPRIETARY,
        "bloomberg-terminal",
    )
    assert _read("les terminaux de paiement", shipped_index) == (Status.UNKNOWN, None)


def test_a_maker_in_brackets_counts_whatever_context_follows(shipped_index: matcher.Index) -> None:
    # Bonterra's Apricot is no Wild Apricot, with more context after the bracket too: it is
    # Bonterra's case-management product.
    assert _read("Apricot (Bonterra) for case notes", shipped_index) == (
        Status.PROPRIETARY,
        "bonterra-impact-management",
    )
    assert _read("Affinity Photo (Serif) pour les retouches", shipped_index) == (
        Status.PROPRIETARY,
        "affinity",
    )


def test_a_choice_answered_with_both_names_both_tools(shipped_index: matcher.Index) -> None:
    assert _lines("Trello ou Asana ? on a les deux", shipped_index) == [
        (Status.PROPRIETARY, "trello"),
        (Status.PROPRIETARY, "asana"),
    ]
    # Both sides must name a tool.
    assert _lines("Excel ou papier ? les deux", shipped_index) == [(Status.AMBIGUOUS, None)]


def test_a_correction_to_a_name_in_lower_case(shipped_index: matcher.Index) -> None:
    assert _lines("Doodle, enfin framadate", shipped_index) == [(Status.LIBRE, "framadate")]
    # An everyday word after "enfin" is no name: no correction is read.
    assert _lines("Skype, enfin teams", shipped_index) == [(Status.PROPRIETARY, "skype")]


def test_dessus_is_a_filler(shipped_index: matcher.Index) -> None:
    assert _read("Outlook dessus pour les mails", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-outlook",
    )


def test_a_name_two_products_share_stays_a_question_until_something_says_which(
    shipped_index: matcher.Index,
) -> None:
    # "Alma" is Alma's split payments and, without its owner's words, Ex Libris Alma.
    assert _read("Alma", shipped_index) == (Status.AMBIGUOUS, None)
    # What the line says it does answers the question, in either direction.
    assert _read("Alma pour la bibliothèque", shipped_index) == (
        Status.PROPRIETARY,
        "ex-libris-alma",
    )
    assert _read("Alma pour le paiement en plusieurs fois", shipped_index) == (
        Status.PROPRIETARY,
        "alma",
    )


def test_a_possessive_before_a_name_is_no_name_of_its_own(shipped_index: matcher.Index) -> None:
    # The "s" of "club's" is neither a name beside Spond nor part of a name with "district".
    assert _read("the club's Spond", shipped_index) == (Status.PROPRIETARY, "spond")
    assert _read("the coach's own Trello board", shipped_index) == (Status.PROPRIETARY, "trello")
    assert _read("the district's site", shipped_index) == (Status.UNKNOWN, None)


def test_the_first_part_of_a_name_used_on_a_name_the_catalog_lacks(
    shipped_index: matcher.Index,
) -> None:
    # "rota" is the team's rota, kept on a tool the catalog does not know: no RotaCloud.
    assert _read("rota on Shiftbase", shipped_index) == (Status.UNKNOWN, None)


def test_latex_in_lower_case_inside_a_line_is_the_material(shipped_index: matcher.Index) -> None:
    # Latex gloves are no typesetting system; LaTeX written as its name is.
    assert _read("gants latex", shipped_index) == (Status.UNKNOWN, None)
    assert _read("LaTeX pour les rapports", shipped_index) == (Status.LIBRE, "latex")


def test_an_elided_article_glued_to_a_word_makes_no_name_split_elsewhere(
    shipped_index: matcher.Index,
) -> None:
    # "l'ANEF" (the foreigners' online services) is no La Nef, the bank, whose name is "la nef".
    assert _read("dossier sur le site de l'ANEF", shipped_index) == (Status.PROPRIETARY, "anef")


def test_soprano_in_lower_case_inside_a_line_is_the_voice(shipped_index: matcher.Index) -> None:
    assert _read("pupitre soprano", shipped_index) == (Status.UNKNOWN, None)
    assert _read("SOPRANO pour les autorisations douanières", shipped_index) == (
        Status.PROPRIETARY,
        "soprano-douane",
    )


def test_an_everyday_word_name_in_lower_case_before_a_tool_is_the_thing_kept_on_it(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("le tableau sur Excel", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-excel")
    ]
    # Written as a name, it is the product used with the other.
    assert _lines("Tableau sur Excel", shipped_index) == [
        (Status.PROPRIETARY, "tableau"),
        (Status.PROPRIETARY, "microsoft-excel"),
    ]


def test_everyday_lines_the_catalog_s_names_must_not_catch(shipped_index: matcher.Index) -> None:
    # The US tax agency is no Canadian registry that gave "IRS" in brackets; a plan is no
    # PlanX, whose stylised "Plan✕" folds to "plan".
    assert _read("IRS e-file", shipped_index)[1] != "indian-registration-system"
    assert _read("plan du cimetière", shipped_index)[1] != "planx"


def test_a_correction_after_a_dash(shipped_index: matcher.Index) -> None:
    assert _lines("Stripe - no, Mollie since June", shipped_index) == [
        (Status.PROPRIETARY, "mollie")
    ]


def test_a_word_cut_short_after_a_french_article_is_no_slip_of_a_name(
    shipped_index: matcher.Index,
) -> None:
    # "l'interco" is the intercommunality, no Intercom; a slip inside a name still reads.
    assert _read("le portail de l'interco", shipped_index) == (Status.UNKNOWN, None)
    assert _read("la trelo", shipped_index) == (Status.PROPRIETARY, "trello")


def test_a_company_s_name_alone_is_its_product_named_after_it(
    shipped_index: matcher.Index,
) -> None:
    # "Uber (ride-hailing app)", "Wise (money transfer)": the words in brackets only say what
    # the product is, so the company's name is what people call it.
    assert _read("Uber pour les déplacements du CA", shipped_index) == (
        Status.PROPRIETARY,
        "uber-rides",
    )
    assert _read("Wise for paying the Kenyan partners", shipped_index) == (
        Status.PROPRIETARY,
        "wise-transfers",
    )
    # A company none of whose products is named after it alone stays a question.
    assert _read("Adobe", shipped_index)[0] is Status.AMBIGUOUS


def test_one_word_typed_right_is_no_slip_of_another_name(shipped_index: matcher.Index) -> None:
    # "logos" is a word of Logos Bible Software's name, and only a slip of LokOS.
    assert _read("Logos 9 for sermon prep", shipped_index) == (
        Status.PROPRIETARY,
        "logos-bible-software",
    )
    assert _read("ACCESD", shipped_index) == (Status.PROPRIETARY, "desjardins-accesd")


def test_a_choice_with_a_rule_for_when_is_both_tools(shipped_index: matcher.Index) -> None:
    # No doubt, but which tool when: both are in use. A question mark keeps it a doubt.
    assert _lines("Jitsi ou Zoom selon les intervenants", shipped_index) == [
        (Status.LIBRE, "jitsi-meet"),
        (Status.PROPRIETARY, "zoom"),
    ]
    assert _lines("Lydia or PayPal, depending on the parent", shipped_index) == [
        (Status.PROPRIETARY, "lydia"),
        (Status.PROPRIETARY, "paypal"),
    ]
    assert _lines("Jitsi ou Zoom selon les intervenants ?", shipped_index)[0][0] is (
        Status.AMBIGUOUS
    )


def test_a_company_s_name_that_heads_another_maker_s_product_asks_about_both(
    shipped_index: matcher.Index,
) -> None:
    # "MUSE" is the Muse Group and GE's MUSE: the question holds both, and what is done
    # with it says which.
    found = matcher.match_entry(Entry(1, "MUSE"), shipped_index)
    assert found.status is Status.AMBIGUOUS
    assert {"musescore-com", "ge-muse"} <= {c.id for c in found.candidates}
    assert _read("MUSE for the ECG archive", shipped_index) == (Status.PROPRIETARY, "ge-muse")


def test_a_public_body_s_kind_before_what_body_it_is_is_no_product(
    shipped_index: matcher.Index,
) -> None:
    # "l'Office de tourisme" is a body; "Office" alone stays Microsoft's.
    assert _read("les stats de l'Office de tourisme", shipped_index) == (Status.UNKNOWN, None)
    assert _read("the Office for National Statistics data", shipped_index)[0] is not (
        Status.PROPRIETARY
    )
    assert _read("la suite Office du collège", shipped_index) == (
        Status.PROPRIETARY,
        "microsoft-office",
    )


def test_a_list_written_with_dashes(shipped_index: matcher.Index) -> None:
    assert _lines("Trello - Slack - Zoom", shipped_index) == [
        (Status.PROPRIETARY, "trello"),
        (Status.PROPRIETARY, "slack"),
        (Status.PROPRIETARY, "zoom"),
    ]
    assert _lines("- Canva - Notion", shipped_index) == [
        (Status.PROPRIETARY, "canva"),
        (Status.PROPRIETARY, "notion"),
    ]


def test_a_tool_given_up_then_after_a_colon_the_one_used(shipped_index: matcher.Index) -> None:
    assert _lines("Mailchimp, enfin plus depuis l'AG : Brevo", shipped_index) == [
        (Status.PROPRIETARY, "brevo")
    ]


def test_a_former_name_its_address_still_spells_is_no_everyday_word(
    shipped_index: matcher.Index,
) -> None:
    # "twitter" in lower case is X (twitter.com); "vend" stays a verb.
    assert _read("le compte twitter du club", shipped_index) == (Status.PROPRIETARY, "x")
    assert _read("on vend sur leboncoin", shipped_index)[1] != "lightspeed-retail"


def test_an_edition_named_in_the_context_says_which(shipped_index: matcher.Index) -> None:
    # "version communautaire" is the Community edition, whatever the job says.
    assert _read("Odoo pour les adhésions (version communautaire)", shipped_index) == (
        Status.LIBRE,
        "odoo",
    )
    assert _read("Odoo pour la facturation, version entreprise", shipped_index) == (
        Status.PROPRIETARY,
        "odoo-enterprise",
    )


def test_a_silent_e_after_a_name_is_a_slip(shipped_index: matcher.Index) -> None:
    assert _read("les rdv passent par doctolibe", shipped_index) == (
        Status.PROPRIETARY,
        "doctolib",
    )


def test_a_maker_in_brackets_after_an_everyday_name_is_that_maker_s_product(
    shipped_index: matcher.Index,
) -> None:
    # "planning portal" is everyday words, and Idox, in brackets, makes a planning site: no
    # Planning Portal, and Idox's site when the words say what it does.
    assert _read("the district's planning portal (Idox)", shipped_index)[1] != "planning-portal"
    assert _read("planning applications portal (Idox)", shipped_index) == (
        Status.PROPRIETARY,
        "idox-public-access",
    )
    # A name typed whole and written as one stays itself.
    assert _read("Planning Portal (TerraQuest)", shipped_index) == (
        Status.PROPRIETARY,
        "planning-portal",
    )


def test_a_company_s_name_in_lower_case_after_an_everyday_word_is_a_phrase(
    shipped_index: matcher.Index,
) -> None:
    # "clear outside" (an astronomy forecast the catalog lacks) is no product of Outside, the
    # company; written as the company's name, with a job, it still is.
    assert _read("météo du soir sur clear outside", shipped_index) == (Status.UNKNOWN, None)
    assert _read("agenda de tournée partagé (google)", shipped_index) == (
        Status.PROPRIETARY,
        "google-calendar",
    )


def test_an_everyday_word_only_inside_one_owner_s_names_is_no_brand(
    shipped_index: matcher.Index,
) -> None:
    # "lettre" is in several of La Poste's names, heading only one: "la lettre de l'amicale"
    # is a newsletter. A word heading several ("Dragon") stays the brand.
    assert _read("la lettre de l'amicale", shipped_index) == (Status.UNKNOWN, None)
    assert _read("Dragon Pro pour les comptes rendus", shipped_index) == (
        Status.PROPRIETARY,
        "dragon-professional",
    )


def test_enfin_non_takes_back_whatever_follows(shipped_index: matcher.Index) -> None:
    assert _lines("WeTransfer, enfin non, on passe par Nextcloud", shipped_index) == [
        (Status.LIBRE, "nextcloud")
    ]
    assert _lines("Teams ? non, ici c'est Jitsi", shipped_index) == [(Status.LIBRE, "jitsi-meet")]


def test_an_owner_s_everyday_house_word_names_none_of_its_products(shipped: Catalog) -> None:
    # Without Bank of Ireland's own entries (a product the catalog lacks), its name is no
    # product of the Central Bank of Ireland, whose names share "bank" and "Ireland".
    services = {i: s for i, s in shipped.services.items() if not i.startswith("boi-")}
    index = matcher.build_index(shipped._replace(services=services))
    assert _read("Bank of Ireland 365 online", index)[1] != "central-credit-register"


def test_a_correction_said_in_more_words(shipped_index: matcher.Index) -> None:
    # "non en fait c'est X maintenant": the words around X only say it is a correction.
    assert _lines("Skype, non en fait c'est Jitsi maintenant", shipped_index) == [
        (Status.LIBRE, "jitsi-meet")
    ]


def test_a_former_maker_s_name_beside_another_name_is_not_its_old_product(
    shipped_index: matcher.Index,
) -> None:
    # Philips's Vue PACS was once "Carestream Vue PACS": Carestream beside a name of its own
    # is Carestream's other product; beside the words of that old name, it is still the PACS.
    assert _read("Imaging Suite (Carestream)", shipped_index) == (Status.UNKNOWN, None)
    assert _read("le PACS de Carestream", shipped_index) == (
        Status.PROPRIETARY,
        "philips-vue-pacs",
    )


def test_a_word_that_follows_names_of_every_kind_says_nothing_of_an_only_product(
    shipped_index: matcher.Index,
) -> None:
    # "portal" follows product names of a dozen kinds: the RFL's coaching portal is no app
    # the catalog knows, though the RFL has one.
    assert _read("the RFL coaching portal", shipped_index) == (Status.UNKNOWN, None)


def test_an_arrow_to_no_tool_is_where_the_work_goes(shipped_index: matcher.Index) -> None:
    assert _lines("krita → traceur de découpe", shipped_index) == [(Status.LIBRE, "krita")]
    # A tool marked closed, then an arrow to another tool: the move.
    assert _lines("dropbox (abandonné) → nextcloud", shipped_index) == [(Status.LIBRE, "nextcloud")]


def test_a_context_that_describes_another_owner_s_longer_name(
    shipped_index: matcher.Index,
) -> None:
    # "Opera" is the browser; OPERA PMS, Oracle's hotel software, starts with the same word,
    # and its description says what the context does.
    assert _read("Opera pour la réception de l'hôtel", shipped_index) == (
        Status.PROPRIETARY,
        "opera-pms",
    )
    assert _read("Opera pour naviguer", shipped_index) == (Status.PROPRIETARY, "opera")


def test_a_name_taken_back_need_not_be_known(shipped_index: matcher.Index) -> None:
    # The first tool, written as a name the catalog lacks, is corrected by a known one.
    assert _lines("Zorblix - no, it's Trello now", shipped_index) == [
        (Status.PROPRIETARY, "trello")
    ]


def test_a_doubt_about_the_name_is_no_second_tool(shipped_index: matcher.Index) -> None:
    assert _lines("Trello, or whatever it's called these days", shipped_index) == [
        (Status.PROPRIETARY, "trello")
    ]
    assert _lines("Pennylane ou un truc comme ça", shipped_index) == [
        (Status.PROPRIETARY, "pennylane")
    ]
    # Asked, it stays the writer's question.
    assert _lines("Pennylane ou un truc du genre ?", shipped_index)[0][0] is Status.AMBIGUOUS


def test_sage_one_is_sage_accounting_s_former_name(shipped_index: matcher.Index) -> None:
    assert _read("Sage One", shipped_index) == (Status.PROPRIETARY, "sage-accounting")


def test_enfin_pas_encore_takes_back_the_tool_before(shipped_index: matcher.Index) -> None:
    assert _lines("Teams, enfin pas encore, on est toujours sur Zoom", shipped_index) == [
        (Status.PROPRIETARY, "zoom")
    ]


def test_a_word_that_follows_names_of_every_kind_names_no_job_for_a_company(
    shipped_index: matcher.Index,
) -> None:
    # "portal" says nothing of which of Ontario Health's products.
    assert _read("Courts Ontario portal", shipped_index) == (Status.UNKNOWN, None)


def test_the_new_name_after_devenu_in_brackets(shipped_index: matcher.Index) -> None:
    assert _lines("Skype (devenu Teams)", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-teams")
    ]
    assert _lines("Hangouts (renamed Google Chat)", shipped_index) == [
        (Status.PROPRIETARY, "google-chat")
    ]


def test_an_ellipsis_before_non_marks_a_correction(shipped_index: matcher.Index) -> None:
    assert _lines("Doodle... non, Framadate", shipped_index) == [(Status.LIBRE, "framadate")]


def test_c_est_before_a_tool_only_says_which(shipped_index: matcher.Index) -> None:
    assert _lines("Wix, maintenant c'est WordPress", shipped_index) == [(Status.LIBRE, "wordpress")]


def test_a_remark_of_the_writer_in_a_list_is_no_tool(shipped_index: matcher.Index) -> None:
    # "on a changé" (we changed) is no Change.org.
    assert _lines("Canva, on a changé", shipped_index) == [(Status.PROPRIETARY, "canva")]


def test_a_remark_in_a_list_is_not_read_whole_but_names_a_tool_by_its_brand(
    shipped_index: matcher.Index,
) -> None:
    # "on recrute sur audition" is recruiting by audition: no Adobe Audition, even though the
    # whole line, read at once, ends with that word.
    assert _lines("Indeed ? non, on recrute sur audition, juste HelloWork", shipped_index) == [
        (Status.PROPRIETARY, "hellowork")
    ]
    # A word no dictionary has, after "sur", is the tool the remark names.
    assert _lines("Doodle, on vote sur framadate", shipped_index) == [
        (Status.PROPRIETARY, "doodle"),
        (Status.LIBRE, "framadate"),
    ]


def test_a_name_without_its_owner_that_another_owner_bears_with_a_place_is_a_question(
    shipped_index: matcher.Index,
) -> None:
    # The ACNC's "ACNC Charity Portal" and the "Singapore Charity Portal": the bare name is
    # either, and the line does not say which country.
    found = matcher.match_entry(Entry(1, "Charity Portal (annual return)"), shipped_index)
    assert found.status is Status.AMBIGUOUS
    assert {c.id for c in found.candidates} == {"acnc-charity-portal", "charity-portal-singapore"}
    # One owner's name alone stays that product ("Deep Freeze" is Faronics Deep Freeze).
    assert _lines("Deep Freeze (salle info)", shipped_index) == [
        (Status.PROPRIETARY, "deep-freeze")
    ]


def test_an_acronym_spelt_out_in_brackets_before_more_context_is_that_name(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("DSS (deep sky stacker) pour les photos", shipped_index) == [
        (Status.LIBRE, "deepskystacker")
    ]
    assert _lines("OM (Orange Money) pour les cotisations", shipped_index) == [
        (Status.PROPRIETARY, "orange-money")
    ]


def test_a_tool_used_until_a_date_then_another_names_the_second(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("PMB jusqu\u2019en juin 2025 puis Koha", shipped_index) == [
        (Status.LIBRE, "koha")
    ]
    assert _lines("Sage until 2023, then Xero", shipped_index) == [(Status.PROPRIETARY, "xero")]
    # A date alone moves nowhere.
    assert _lines("Excel until 2024", shipped_index) == [(Status.PROPRIETARY, "microsoft-excel")]


def test_one_word_before_its_context_is_settled_as_it_is_alone(
    shipped_index: matcher.Index,
) -> None:
    # "Booking" alone is Booking.com (its address's label), though TryBooking is as close.
    assert _lines("Booking pour les chambres d'hôtes", shipped_index) == [
        (Status.PROPRIETARY, "booking-com")
    ]
    assert _lines("Airbnb + Booking (gîte)", shipped_index) == [
        (Status.PROPRIETARY, "airbnb"),
        (Status.PROPRIETARY, "booking-com"),
    ]


def test_a_company_and_a_word_one_of_its_products_names_bear_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    # "online" is a filler word, but only the Charity Commission's online services bear it.
    assert _lines("charity commission online", shipped_index) == [
        (Status.PROPRIETARY, "charity-commission-online")
    ]
    # A plan says no product ("Adobe pro": which?); nor does the company's name alone.
    assert _lines("Adobe pro", shipped_index)[0][0] is Status.AMBIGUOUS
    assert _lines("charity commission", shipped_index)[0][0] is Status.AMBIGUOUS


def test_words_beside_a_name_that_name_a_product_of_the_owner_of_its_homonym(
    shipped_index: matcher.Index,
) -> None:
    # "eos" is /e/OS's name, and also what ETC's consoles run; "nomad" beside it is ETC's
    # ETCnomad, the Eos software on a computer.
    assert _lines("eos nomad pour préparer les conduites", shipped_index) == [
        (Status.PROPRIETARY, "etcnomad")
    ]
    # /e/OS with words of no such product stays /e/OS.
    assert _lines("eos sur les fairphone", shipped_index)[0] == (Status.LIBRE, "e-os")


def test_one_word_of_context_does_not_pick_one_of_a_companys_many_products(
    shipped_index: matcher.Index,
) -> None:
    # "books" is in the description of several of Sage's accounting products: which one?
    assert _lines("Sage for our books", shipped_index) == [(Status.AMBIGUOUS, None)]
    assert _lines("Infomaniak (mail et site web)", shipped_index) == [(Status.AMBIGUOUS, None)]
    # One candidate, or a few, are still settled by their description ("radio taxi").
    assert _lines("G7 (radio taxi)", shipped_index) == [(Status.PROPRIETARY, "g7-taxi")]


def test_dans_joins_a_tool_to_what_is_kept_in_it_as_sur_does(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("les rendez-vous des bénévoles dans Outlook", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-outlook")
    ]
    assert _lines("Stockfish dans Lichess", shipped_index) == [
        (Status.LIBRE, "stockfish"),
        (Status.LIBRE, "lichess"),
    ]


def test_an_everyday_word_an_alias_writes_in_capitals_is_the_word_in_lower_case(
    shipped_index: matcher.Index,
) -> None:
    # "ACTES" is an alias of the State's @ctes; "des actes", "d'actes" are deeds.
    assert _lines("le registre des actes de l'état civil", shipped_index) == [
        (Status.UNKNOWN, None)
    ]
    assert _lines("saisie d'actes notariés", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("ACTES pour le contrôle de légalité", shipped_index) == [
        (Status.PROPRIETARY, "actes")
    ]


def test_a_former_name_that_is_an_everyday_word_written_in_two_is_the_word(
    shipped_index: matcher.Index,
) -> None:
    # Shortcut was called Clubhouse: "le club-house" of a sports club is its clubhouse.
    assert _lines("les clés du club-house", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("club-house", shipped_index) == [(Status.UNKNOWN, None)]
    # Written as a name, the old name still reads as the product.
    assert _lines("Clubhouse", shipped_index) == [(Status.PROPRIETARY, "shortcut")]


def test_a_former_name_after_a_comma_in_brackets_is_no_other_tool(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("les campagnes d'emailing (Brevo, ex-Sendinblue)", shipped_index) == [
        (Status.PROPRIETARY, "brevo")
    ]


def test_an_acronym_through_which_a_described_job_is_done_is_the_name_it_spells(
    shipped_index: matcher.Index,
) -> None:
    # CMI: the Centre monétique interbancaire, which takes card payments online in Morocco.
    assert _lines("les paiements en ligne via CMI", shipped_index) == [
        (Status.PROPRIETARY, "centre-monetique-interbancaire")
    ]
    # Without a context its description matches, a three-letter acronym stays unknown.
    assert _lines("CMI", shipped_index) == [(Status.UNKNOWN, None)]


def test_an_address_typed_without_its_last_label_is_the_known_address(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("photos.google", shipped_index) == [(Status.PROPRIETARY, "google-photos")]
    # crm.zoho.com and crm.zoho.eu are one product's.
    assert _lines("crm.zoho", shipped_index) == [(Status.PROPRIETARY, "zoho-crm")]


def test_a_kind_of_tool_whose_then_its_company_in_brackets_is_that_companys_product(
    shipped_index: matcher.Index,
) -> None:
    # "du club" says whose drive, not which product: Google's drive is Google Drive.
    assert _lines("le drive du club (Google)", shipped_index) == [
        (Status.PROPRIETARY, "google-drive")
    ]
    assert _lines("le drive de la chorale (Google)", shipped_index) == [
        (Status.PROPRIETARY, "google-drive")
    ]
    # A company whose products of that kind are several stays a question.
    assert _lines("la messagerie des profs (Microsoft)", shipped_index)[0][0] is Status.AMBIGUOUS


def test_a_name_typed_with_one_everyday_word_inside_it_is_that_name(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("FFE espace SIF", shipped_index) == [(Status.PROPRIETARY, "ffe-sif")]
    assert _lines("Zoho super CRM", shipped_index) == [(Status.PROPRIETARY, "zoho-crm")]
    # A name of everyday words with a word inside is another phrase.
    assert _lines("Planning Applications Wales portal", shipped_index) == [(Status.UNKNOWN, None)]


def test_more_ways_of_taking_a_tool_back(shipped_index: matcher.Index) -> None:
    # "non pardon", "enfin plutôt", "enfin on passe sur": the tool named after is the one.
    assert _lines("Zoom, non pardon Jitsi", shipped_index) == [(Status.LIBRE, "jitsi-meet")]
    assert _lines("Skype, enfin plutôt Zoom depuis mars", shipped_index) == [
        (Status.PROPRIETARY, "zoom")
    ]
    assert _lines("Sibelius, enfin on passe sur MuseScore", shipped_index) == [
        (Status.LIBRE, "musescore")
    ]
    assert _lines("Tableau - enfin, on teste Metabase", shipped_index) == [
        (Status.LIBRE, "metabase")
    ]
    # A name the catalog lacks replaces the one taken back just as well.
    assert _lines("Trello, non pardon Zwrkly", shipped_index) == [(Status.UNKNOWN, None)]
    # "enfin" before no name is no correction.
    assert _lines("Zoom, enfin on l'utilise peu", shipped_index) == [(Status.PROPRIETARY, "zoom")]


def test_a_name_the_catalog_lacks_then_our_product_in_brackets_is_that_product(
    shipped_index: matcher.Index,
) -> None:
    # What the organisation calls its own Nextcloud or Moodle.
    assert _lines("MonEspace (notre Nextcloud)", shipped_index) == [(Status.LIBRE, "nextcloud")]
    assert _lines("Campus Zeta (our Moodle)", shipped_index) == [(Status.LIBRE, "moodle")]
    # Without "notre", "our", "un", a product in brackets is only context.
    assert _lines("Zwrkly (Nextcloud)", shipped_index) == [(Status.UNKNOWN, None)]


def test_an_acronym_after_des_says_what_records_are_of_not_a_products_name(
    shipped_index: matcher.Index,
) -> None:
    # The PAI and AESH are what the files list; the tools are Excel and Google Sheets.
    assert _lines("le suivi des PAI sous Excel", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-excel")
    ]
    assert _lines("le fichier des AESH dans Google Sheets", shipped_index) == [
        (Status.PROPRIETARY, "google-sheets")
    ]
    # A name the catalog lacks, before its context, still stays unknown.
    assert _lines("Zwrkly sur Excel", shipped_index)[0][0] is not Status.PROPRIETARY


def test_words_after_de_in_a_companys_context_say_whose_not_which_job(
    shipped_index: matcher.Index,
) -> None:
    # The lycée's licence is no education product of Adobe's or Autodesk's.
    assert _lines("Adobe (la licence du lycée)", shipped_index)[0][0] is Status.AMBIGUOUS
    assert _lines("Autodesk (la licence du lycée)", shipped_index)[0][0] is Status.AMBIGUOUS
    # A job in the context still says which product.
    assert _lines("Google (agenda)", shipped_index) == [(Status.PROPRIETARY, "google-calendar")]


def test_everyday_words_after_a_part_with_context_go_on_with_that_context(
    shipped_index: matcher.Index,
) -> None:
    # "memberships" goes on with "for the rota": no Paid Memberships Pro.
    assert _lines("Spond for the rota and memberships", shipped_index) == [
        (Status.PROPRIETARY, "spond")
    ]
    # A tool's own name after the context is still a tool.
    assert _lines("Zoom pour les réunions et teams", shipped_index) == [
        (Status.PROPRIETARY, "zoom"),
        (Status.PROPRIETARY, "microsoft-teams"),
    ]


def test_a_company_is_named_without_the_word_of_its_trade(
    shipped_index: matcher.Index,
) -> None:
    # "Laerdal" is Laerdal Medical: which of its products?
    assert _lines("Laerdal", shipped_index)[0][0] is Status.AMBIGUOUS
    found = matcher.match_entry(Entry(1, "Laerdal"), shipped_index)
    assert {c.id for c in found.candidates} >= {"simman-3g", "lleap"}
    # Initials of its product, then the company without its trade word.
    assert _lines("HM (Softway) au bloc", shipped_index) == [
        (Status.PROPRIETARY, "hopital-manager")
    ]
    # Not when the rest is an everyday word: "Malta" is no Malta Informatique.
    assert _lines("Malta", shipped_index) == [(Status.UNKNOWN, None)]


def test_a_question_in_a_list_is_the_candidate_that_does_a_listed_tools_job(
    shipped_index: matcher.Index,
) -> None:
    # Wave beside mobile money is Wave's mobile money; beside accounts, Wave's accounting.
    assert _lines("Wave + Orange Money", shipped_index) == [
        (Status.PROPRIETARY, "wave-mobile-money"),
        (Status.PROPRIETARY, "orange-money"),
    ]
    assert _lines("Wave + QuickBooks", shipped_index) == [
        (Status.PROPRIETARY, "wave"),
        (Status.PROPRIETARY, "quickbooks"),
    ]
    # Beside a tool of another job, the question stays; so does which of a company's products.
    assert _lines("Wave, Zoom", shipped_index)[0][0] is Status.AMBIGUOUS
    assert _lines("Gandi + OVH", shipped_index)[1][0] is Status.AMBIGUOUS


def test_a_letter_glued_to_a_name_names_no_other_product(
    shipped_index: matcher.Index,
) -> None:
    # "N" ends the IRS's "990-N"; after a hyphen it is still no word of another product.
    assert _lines("PowerPoint-n", shipped_index) == [(Status.PROPRIETARY, "microsoft-powerpoint")]
    assert _lines("SciFinder x", shipped_index) == [(Status.PROPRIETARY, "cas-scifinder")]


def test_a_first_word_after_a_name_the_catalog_lacks_ends_that_name(
    shipped_index: matcher.Index,
) -> None:
    # "Rowing Canada" is a federation, no CanadaHelps for its members.
    assert _lines("Rowing Canada's member portal", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("Tennis Canada portal for members", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("Crésus compta", shipped_index) == [(Status.PROPRIETARY, "cresus-comptabilite")]


def test_a_part_of_a_list_that_names_the_tool_used_before_is_left_out(
    shipped_index: matcher.Index,
) -> None:
    assert _lines("Xero, previously MYOB", shipped_index) == [(Status.PROPRIETARY, "xero")]
    assert _lines("Obat, ex Tolteck", shipped_index) == [(Status.PROPRIETARY, "obat")]
    assert _lines("Obat, Excel, avant Tolteck", shipped_index) == [
        (Status.PROPRIETARY, "obat"),
        (Status.PROPRIETARY, "microsoft-excel"),
    ]


def test_words_cut_apart_are_one_slip_with_at_most_one_more(
    shipped_index: matcher.Index,
) -> None:
    # A space for a letter of "Fitbit" and one more slip: no Fitbit ("Fix It app", the line
    # this rule was made for, is now Seattle's Find It, Fix It).
    assert _lines("Fit ix app", shipped_index)[0] == (Status.UNKNOWN, None)
    assert _lines("fit bit app", shipped_index) == [(Status.PROPRIETARY, "fitbit-app")]
    assert _lines("libre ofice", shipped_index) == [(Status.LIBRE, "libreoffice")]


def test_a_name_in_capitals_then_a_product_in_lower_case_in_its_context_is_no_product(
    shipped_index: matcher.Index,
) -> None:
    # "astro" says what the weather is for; "Mon Ciel Étoilé" is the app, which the catalog lacks.
    assert _lines("Mon Ciel Étoilé pour la météo astro", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("Plan de Formation (Excel)", shipped_index) == [
        (Status.PROPRIETARY, "microsoft-excel")
    ]


def test_a_choice_whose_side_is_a_question_is_a_question_between_their_candidates(
    shipped_index: matcher.Index,
) -> None:
    # "Sage", "Cegid": companies, each a question of its own; the line is one question.
    found = matcher.match_lines([Entry(1, "Sage ou Cegid ? (le comptable décide)")], shipped_index)
    assert [m.status for m in found] == [Status.AMBIGUOUS]
    assert {"sage-100", "ciel-compta"} <= {c.id for c in found[0].candidates}


def test_two_names_glued_by_a_slash_are_read_apart_when_the_line_names_nothing(
    shipped_index: matcher.Index,
) -> None:
    # Ekos is KStars' tool, which the catalog lacks; "TCP/IP" and "devis/factures" stay whole.
    assert _lines("Stellarium/Ekos", shipped_index) == [(Status.LIBRE, "stellarium")]
    assert _lines("TCP/IP", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("devis/factures", shipped_index) == [(Status.UNKNOWN, None)]


def test_one_word_in_lower_case_is_read_with_one_slip_at_most(
    shipped_index: matcher.Index,
) -> None:
    # "centrage" (weight and balance) is two slips from CentraVet: another word.
    assert _lines("la feuille de masse et centrage du club", shipped_index)[-1][1] is None
    assert _lines("le calcul de centrage des avions", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("trelo pour le suivi", shipped_index) == [(Status.PROPRIETARY, "trello")]


def test_a_products_everyday_name_after_a_name_the_catalog_lacks_is_that_bodys_tool(
    shipped_index: matcher.Index,
) -> None:
    # Fife Council's planning portal, no Planning Portal (England and Wales).
    assert _lines("the Fife Council planning portal", shipped_index) == [(Status.UNKNOWN, None)]
    assert _lines("planning portal", shipped_index) == [(Status.PROPRIETARY, "planning-portal")]
