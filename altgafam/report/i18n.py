"""The report's words in English and French, with named placeholders."""

# French is written with its own marks, the apostrophe (U+2019) and the narrow no-break space:
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import datetime as dt
import os

LANGUAGES = ("en", "fr")

WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Migration report", "fr": "Rapport de migration"},
    # French typography puts a narrow no-break space (U+202F) before : ; ? ! and inside « »;
    # typography.french applies the same rules to everything else a French report prints.
    "colon": {"en": ": ", "fr": "\u202f: "},
    "semicolon": {"en": "; ", "fr": "\u202f; "},
    "quoted": {"en": "“{text}”", "fr": "«\u202f{text}\u202f»"},
    "subtitle": {
        "en": "Moving off GAFAM and proprietary services to libre software",
        "fr": "Sortir des GAFAM et des services propriétaires pour des logiciels libres",
    },
    "client": {"en": "Client", "fr": "Client"},
    "date": {"en": "Date", "fr": "Date"},
    "catalog": {"en": "Catalog", "fr": "Catalogue"},
    "catalog_line": {
        "en": "altgafam {version}, {services} services and {alternatives} libre alternatives, "
        "facts reviewed up to {reviewed}",
        "fr": "altgafam {version}, {services} services et {alternatives} alternatives libres, "
        "faits vérifiés jusqu’au {reviewed}",
    },
    "summary": {"en": "Summary", "fr": "Synthèse"},
    "listed": {"en": "Tools listed", "fr": "Outils listés"},
    "proprietary": {"en": "Proprietary", "fr": "Propriétaires"},
    "gafam_owned": {"en": "Owned by the GAFAM", "fr": "Détenus par les GAFAM"},
    "already_libre": {"en": "Already libre", "fr": "Déjà libres"},
    "ambiguous": {"en": "To clarify", "fr": "À préciser"},
    "unknown": {"en": "Not recognised", "fr": "Non reconnus"},
    "by_company": {"en": "GAFAM tools by company", "fr": "Outils GAFAM par entreprise"},
    "credit": {
        "en": "Already libre, well done: {names}.",
        "fr": "Déjà libres, bravo\u202f: {names}.",
    },
    "score": {"en": "Dependency score", "fr": "Score de dépendance"},
    "score_line": {
        "en": "{score}/100, {band}.",
        "fr": "{score}/100, {band}.",
    },
    "band_low": {
        "en": "low dependency: few of your tools are in GAFAM hands",
        "fr": "dépendance faible\u202f: peu de vos outils sont aux mains des GAFAM",
    },
    "band_moderate": {
        "en": "moderate dependency: a part of your daily work runs on GAFAM services",
        "fr": "dépendance modérée\u202f: une partie de votre travail quotidien repose "
        "sur les GAFAM",
    },
    "band_high": {
        "en": "high dependency: most of your critical tools are in GAFAM hands",
        "fr": "dépendance forte\u202f: la plupart de vos outils critiques sont aux mains des GAFAM",
    },
    "band_very_high": {
        "en": "very high dependency: your organisation runs on GAFAM services",
        "fr": "dépendance très forte\u202f: votre organisation fonctionne sur des services "
        "des GAFAM",
    },
    "score_explained": {
        "en": "The share of your recognised tools owned by one of the GAFAM, each weighted by "
        "how critical its category is (high 3, medium 2, low 1): 0 is none, 100 is all.",
        "fr": "La part de vos outils reconnus détenus par un des GAFAM, chacun pondéré par "
        "l’importance de sa catégorie (forte 3, moyenne 2, faible 1)\u202f: 0 aucun, 100 tous.",
    },
    "tools": {"en": "Tool by tool", "fr": "Outil par outil"},
    "as_written": {"en": "As written", "fr": "Tel qu’écrit"},
    "more_lines": {"en": "+{n} line|+{n} lines", "fr": "+{n} ligne|+{n} lignes"},
    "vendor": {"en": "Vendor", "fr": "Éditeur"},
    "owner": {"en": "Owner", "fr": "Propriétaire"},
    "gafam": {"en": "GAFAM", "fr": "GAFAM"},
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "discontinued": {"en": "Closed on {date}.", "fr": "Fermé le {date}."},
    "successor": {"en": "Replaced by {name}.", "fr": "Remplacé par {name}."},
    "renamed": {"en": "Formerly {name}.", "fr": "Anciennement {name}."},
    "alternatives": {"en": "Libre alternatives", "fr": "Alternatives libres"},
    "alternative": {"en": "Alternative", "fr": "Alternative"},
    "license": {"en": "License", "fr": "Licence"},
    "kind": {"en": "Kind", "fr": "Type"},
    "kind_server": {"en": "server software", "fr": "logiciel serveur"},
    "kind_client": {"en": "client app", "fr": "application cliente"},
    "kind_application": {"en": "application", "fr": "application"},
    "kind_os": {"en": "operating system", "fr": "système d’exploitation"},
    "kind_protocol": {"en": "open standard", "fr": "standard ouvert"},
    "kind_library": {"en": "library", "fr": "bibliothèque"},
    "kind_extension": {"en": "browser extension", "fr": "extension de navigateur"},
    "open_standard": {"en": "open standard", "fr": "standard ouvert"},
    "with_pieces": {"en": "with {names}", "fr": "avec {names}"},
    "host_yourself": {
        "en": "to host yourself (no provider in the catalog)",
        "fr": "à héberger vous-même (aucun hébergeur au catalogue)",
    },
    "no_server": {"en": "nothing to host", "fr": "rien à héberger"},
    "suite_member": {"en": "Part of {suites}", "fr": "Fait partie de {suites}"},
    "keep_reason": {"en": "Keep it: {reason}", "fr": "À conserver : {reason}"},
    "advice_text": {
        "en": "No libre replacement: {advice}",
        "fr": "Pas de remplaçant libre : {advice}",
    },
    "filtered": {
        "en": "Your preferences ({options}) removed every alternative the catalog has for it.",
        "fr": "Vos préférences ({options}) ont écarté toutes les alternatives que le catalogue "
        "lui connaît.",
    },
    "kept_title": {"en": "Kept on purpose", "fr": "Conservés à dessein"},
    "advised_title": {
        "en": "No libre replacement: how to depend on them less",
        "fr": "Sans remplaçant libre : comment en dépendre moins",
    },
    "filtered_title": {
        "en": "Left out by your preferences",
        "fr": "Écartés par vos préférences",
    },
    "filtered_text": {
        "en": "Every alternative of these tools was removed by the preferences given ({options}); "
        "without them the catalog has some: {names}.",
        "fr": "Toutes les alternatives de ces outils ont été écartées par les préférences données "
        "({options}) ; sans elles, le catalogue en a : {names}.",
    },
    "hosting": {"en": "Hosting", "fr": "Hébergement"},
    "effort": {"en": "Effort", "fr": "Effort"},
    "effort_low": {"en": "low", "fr": "faible"},
    "effort_medium": {"en": "medium", "fr": "moyen"},
    "effort_high": {"en": "high", "fr": "élevé"},
    "note": {"en": "How to migrate", "fr": "Comment migrer"},
    "no_alternative": {
        "en": "No libre replacement in the catalog yet.",
        "fr": "Pas encore de remplaçant libre dans le catalogue.",
    },
    "self_host": {"en": "self-hostable", "fr": "auto-hébergeable"},
    "chatons": {"en": "CHATONS member", "fr": "membre des CHATONS"},
    "eu": {"en": "EU", "fr": "UE"},
    "stack": {"en": "Target stack", "fr": "Environnement cible"},
    "stack_text": {
        "en": "One libre target per function, and who runs it.",
        "fr": "Une cible libre par fonction, et qui l’héberge.",
    },
    "profile_line": {
        "en": "Profile: {kind}; servers run in-house: {servers}; hosting preference: {hosting}.",
        "fr": "Profil : {kind} ; serveurs gérés en interne : {servers} ; "
        "préférence d’hébergement : {hosting}.",
    },
    "profile_association": {"en": "association", "fr": "association"},
    "profile_public-body": {"en": "public body", "fr": "collectivité"},
    "profile_company": {"en": "company", "fr": "entreprise"},
    "profile_agency": {"en": "agency", "fr": "agence"},
    "servers_no": {"en": "no", "fr": "non"},
    "servers_with-help": {"en": "with help", "fr": "avec de l’aide"},
    "servers_yes": {"en": "yes", "fr": "oui"},
    "hosting_chatons": {"en": "a CHATONS member", "fr": "un membre des CHATONS"},
    "hosting_eu": {"en": "in the EU", "fr": "dans l’UE"},
    "hosting_any": {"en": "none", "fr": "aucune"},
    "function": {"en": "Function", "fr": "Fonction"},
    "today": {"en": "Today", "fr": "Aujourd’hui"},
    "target": {"en": "Target", "fr": "Cible"},
    "why": {"en": "Why", "fr": "Pourquoi"},
    "why_in_use": {"en": "already in use", "fr": "déjà utilisé"},
    "why_chosen_elsewhere": {
        "en": "already chosen for {function}",
        "fr": "déjà retenu pour {function}",
    },
    "why_covers": {"en": "also covers {functions}", "fr": "couvre aussi {functions}"},
    "why_host": {"en": "hosted by {provider}", "fr": "hébergé par {provider}"},
    "why_self_host": {"en": "run by your team", "fr": "géré par votre équipe"},
    "why_no_server": {"en": "nothing to host", "fr": "rien à héberger"},
    "why_needs_host": {
        "en": "needs a server: no provider in the catalog hosts it",
        "fr": "demande un serveur : aucun hébergeur du catalogue ne le propose",
    },
    "why_partial": {
        "en": "covers part of it only",
        "fr": "n’en couvre qu’une partie",
    },
    "why_client_app": {
        "en": "an app that connects to the service chosen for it",
        "fr": "une application qui se connecte au service retenu",
    },
    "host_missing": {
        "en": "to find (no host in the catalog)",
        "fr": "à trouver (aucun hébergeur au catalogue)",
    },
    "first_actions": {"en": "First actions", "fr": "Premières actions"},
    "action": {
        "en": "{phase}: move from {service} to {target}.",
        "fr": "{phase}\u202f: passer {de_service} à {target}.",
    },
    "move": {
        "en": "Move from {service} to {target}.",
        "fr": "Passer {de_service} à {target}.",
    },
    "roadmap": {"en": "Roadmap", "fr": "Feuille de route"},
    "roadmap_text": {
        "en": "Projects in phases, what the others build on first. Efforts are ranges of "
        "person-days for the migration itself (setting up, moving the data, helping people), "
        "to budget with the host's own prices.",
        "fr": "Des projets par phases, ce sur quoi les autres reposent d’abord. Les efforts sont "
        "des fourchettes de jours-personnes pour la migration elle-même (mise en place, "
        "déplacement des données, accompagnement), à budgéter avec les tarifs de l’hébergeur.",
    },
    "phase_number": {"en": "Phase {n}", "fr": "Phase {n}"},
    "phase_foundations": {
        "en": "Phase 1: domain, mail and accounts",
        "fr": "Phase 1 : domaine, messagerie et comptes",
    },
    "phase_files": {
        "en": "Phase 2: files and documents",
        "fr": "Phase 2 : fichiers et documents",
    },
    "phase_communication": {
        "en": "Phase 3: calendars, chat and video",
        "fr": "Phase 3 : agendas, messagerie instantanée et visio",
    },
    "phase_business": {
        "en": "Phase 4: business tools and website",
        "fr": "Phase 4 : outils métier et site web",
    },
    "replaces": {"en": "Replaces", "fr": "Remplace"},
    "effort_days": {
        "en": "{low} to {high} person-days",
        "fr": "{low} à {high} jours-personnes",
    },
    "for_people": {"en": "for {n} people", "fr": "pour {n} personnes"},
    "training": {
        "en": "Training: {n} session of {hours} h|Training: {n} sessions of {hours} h",
        "fr": "Formation : {n} séance de {hours} h|Formation : {n} séances de {hours} h",
    },
    "checklist": {"en": "Export checklist", "fr": "Exports à faire"},
    "host_label": {"en": "Host", "fr": "Hébergeur"},
    "self_hosted": {"en": "your own server", "fr": "votre serveur"},
    "jurisdiction": {
        "en": "Of the {tools} proprietary tools, {non_eu} belong to companies outside the "
        "European Union, {us} of them to US companies, whose data US law (the CLOUD Act) can "
        "reach. Facts to check with your data protection officer, not a legal opinion.",
        "fr": "Sur les {tools} outils propriétaires, {non_eu} appartiennent à des entreprises "
        "hors de l’Union européenne, dont {us} à des entreprises américaines, dont le droit "
        "américain (le CLOUD Act) peut atteindre les données. Des faits à vérifier avec votre "
        "délégué à la protection des données, pas un avis juridique.",
    },
    "owner_country": {
        "en": "Owner’s country: {country}",
        "fr": "Pays du propriétaire : {country}",
    },
    "cloud_act": {
        "en": "US law (the CLOUD Act) can reach its data: check with your DPO",
        "fr": "le droit américain (CLOUD Act) peut en atteindre les données : à vérifier "
        "avec votre DPO",
    },
    "annex": {"en": "Annex: tool by tool", "fr": "Annexe : outil par outil"},
    "spend_line": {
        "en": "Today, as the list gives it: {seats} paid seats and {cost} a year for the "
        "proprietary tools (in the list's currency).",
        "fr": "Aujourd’hui, d’après la liste\u202f: {seats} licences et {cost} par an pour les "
        "outils propriétaires (dans la devise de la liste).",
    },
    "tool_spend": {
        "en": "Seats: {seats}; annual cost: {cost}",
        "fr": "Postes\u202f: {seats}\u202f; coût annuel\u202f: {cost}",
    },
    "not_given": {"en": "not given", "fr": "non indiqué"},
    "column_read": {
        "en": "The tools were read from column {number} ({name}) of the list, {why}.",
        "fr": "Les outils ont été lus dans la colonne {number} ({name}) de la liste, {why}.",
    },
    "column_content": {
        "en": "the one whose cells the catalog recognises most ({recognised} of {cells} sampled)",
        "fr": "celle dont le catalogue reconnaît le plus de cellules ({recognised} sur {cells} "
        "examinées)",
    },
    "column_header": {"en": "chosen by its header", "fr": "choisie d’après son en-tête"},
    "column_given": {"en": "as given", "fr": "comme demandé"},
    "keep": {"en": "No libre replacement yet", "fr": "Pas encore de remplaçant libre"},
    "keep_text": {
        "en": "Keep for now, and watch: {names}.",
        "fr": "À garder pour l’instant, en veille\u202f: {names}.",
    },
    "clarify": {"en": "To clarify", "fr": "À préciser"},
    "clarify_text": {
        "en": "These lines could not be read with certainty: tell us which product you meant.",
        "fr": "Ces lignes n’ont pas pu être lues avec certitude\u202f: précisez le produit visé.",
    },
    "which": {"en": "which one: {names}?", "fr": "lequel\u202f: {names}\u202f?"},
    "did_you_mean": {"en": "did you mean {names}?", "fr": "vouliez-vous dire {names}\u202f?"},
    "not_found": {"en": "not in the catalog", "fr": "absent du catalogue"},
    "line": {"en": "Line", "fr": "Ligne"},
    "method": {"en": "Method and limits", "fr": "Méthode et limites"},
    "method_text": {
        "en": "Each line of your list was matched to the catalog by web address, name, alias "
        "or former name first, then by spelling (fuzzy matching), never by guesswork: when two "
        "products were close, the line is listed under To clarify. A line naming a libre tool is "
        "reported as libre. Owners follow acquisitions to the ultimate parent company. Licenses "
        "are SPDX identifiers, OSI-approved or FSF-free. Facts were checked on each entry's "
        "review date (up to {reviewed}); products, owners and offers change, so check a fact "
        "before you act on it.",
        "fr": "Chaque ligne de votre liste a été rapprochée du catalogue d’abord par adresse web, "
        "nom, alias ou ancien nom, puis par l’orthographe (correspondance approchée), jamais au "
        "hasard\u202f: quand deux produits étaient proches, la ligne figure sous À préciser. Une "
        "ligne qui nomme un logiciel libre est comptée comme libre. Les propriétaires suivent les "
        "rachats jusqu’à la maison mère. Les licences sont des identifiants SPDX approuvés par "
        "l’OSI ou libres selon la FSF. Les faits ont été vérifiés à la date de revue de chaque "
        "entrée (jusqu’au {reviewed})\u202f; produits, propriétaires et offres "
        "changent\u202f: vérifiez un fait avant d’agir.",
    },
    "generated": {
        "en": "Generated by altgafam {version}, libre software (GPL-3.0-or-later).",
        "fr": "Produit par altgafam {version}, logiciel libre (GPL-3.0-or-later).",
    },
    "website": {"en": "Your website", "fr": "Votre site web"},
    "website_title": {"en": "Website dependencies", "fr": "Dépendances du site web"},
    "website_intro": {
        "en": "What your web pages load from third parties ({pages_read} from {targets}): "
        "each is a service your visitors' browsers contact, often without their consent.",
        "fr": "Ce que vos pages web chargent chez des tiers ({pages_read} depuis "
        "{targets})\u202f: autant de services que les navigateurs de vos visiteurs contactent, "
        "souvent sans leur consentement.",
    },
    "website_none": {
        "en": "None of these pages loads anything from a third party altgafam knows.",
        "fr": "Aucune de ces pages ne charge quoi que ce soit d’un tiers connu d’altgafam.",
    },
    "evidence": {"en": "Evidence", "fr": "Preuves"},
    "service": {"en": "Service", "fr": "Service"},
    "libre_fix": {"en": "Libre fix", "fr": "Remède libre"},
    "tag_web": {"en": "web", "fr": "web"},
    "tag_desktop": {"en": "desktop", "fr": "bureau"},
    "tag_mobile": {"en": "mobile", "fr": "mobile"},
    "tag_self-hostable": {"en": "self-hostable", "fr": "auto-hébergeable"},
    "tag_hosted-offer": {"en": "hosted offer", "fr": "offre hébergée"},
    "pages_read": {"en": "{n} page read|{n} pages read", "fr": "{n} page lue|{n} pages lues"},
    "contents": {"en": "Contents", "fr": "Sommaire"},
    "site_pages": {"en": "Pages read", "fr": "Pages lues"},
    "site_found": {"en": "Third-party services found", "fr": "Services tiers trouvés"},
    "site_gafam": {"en": "Owned by the GAFAM", "fr": "Détenus par les GAFAM"},
    "site_evidence": {"en": "Pieces of evidence", "fr": "Preuves relevées"},
    "targets": {"en": "Addresses read", "fr": "Adresses lues"},
    "site_domains": {"en": "Domains looked up", "fr": "Domaines interrogés"},
    "site_libre": {"en": "Libre software in use", "fr": "Logiciels libres utilisés"},
    "site_cdn": {"en": "Libre code served by a CDN", "fr": "Code libre servi par un CDN"},
    "site_unreviewed": {"en": "Not reviewed by altgafam", "fr": "Non examinés par altgafam"},
    "kind_cdn": {
        "en": "libre code loaded from {via}",
        "fr": "code libre chargé depuis {via}",
    },
    "kind_libre": {"en": "libre software", "fr": "logiciel libre"},
    "kind_third_party": {
        "en": "third-party service ({category}), not reviewed",
        "fr": "service tiers ({category}), non examiné",
    },
    "unknown_category": {"en": "uncategorised", "fr": "sans catégorie"},
    "owner_unknown": {"en": "owner not known", "fr": "propriétaire inconnu"},
    "serve_yourself": {
        "en": "Serve it yourself: copy the file to your own server and load it from there.",
        "fr": "Servez-le vous-même : copiez le fichier sur votre serveur et chargez-le "
        "depuis celui-ci.",
    },
    "t_serve_yourself": {"en": "serve it yourself", "fr": "servez-le vous-même"},
    "libre_keep": {
        "en": "Libre: nothing to replace.",
        "fr": "Libre : rien à remplacer.",
    },
    "category_alternatives": {
        "en": "What the catalog recommends for this category (not reviewed for this service)",
        "fr": "Ce que le catalogue recommande pour cette catégorie (non examiné pour ce service)",
    },
    "technologies_seen": {"en": "Detected as", "fr": "Détecté comme"},
    "gdpr": {"en": "GDPR", "fr": "RGPD"},
    "gdpr_sets-cookies": {
        "en": "sets cookies: check that consent is asked before, unless they are strictly "
        "necessary",
        "fr": "dépose des cookies : vérifiez que le consentement est demandé avant, sauf "
        "s’ils sont strictement nécessaires",
    },
    "gdpr_before-consent": {
        "en": "loaded by the page and no consent manager was found: check that it waits for "
        "the visitor's consent",
        "fr": "chargé par la page sans gestionnaire de consentement détecté : vérifiez "
        "qu’il attend le consentement du visiteur",
    },
    "gdpr_check-consent-manager": {
        "en": "loaded by the page: check that the consent manager holds it back until consent",
        "fr": "chargé par la page : vérifiez que le gestionnaire de consentement le "
        "retient jusqu’au consentement",
    },
    "t_gdpr_sets-cookies": {"en": "sets cookies", "fr": "dépose des cookies"},
    "t_gdpr_before-consent": {
        "en": "check it waits for consent",
        "fr": "vérifier qu’il attend le consentement",
    },
    "t_gdpr_check-consent-manager": {
        "en": "check the consent manager holds it",
        "fr": "vérifier que le gestionnaire le retient",
    },
    "gdpr_hint": {
        "en": "These are hints to check with your data protection officer, not a legal verdict.",
        "fr": "Ce sont des pistes à vérifier avec votre délégué à la protection des données, "
        "pas un avis juridique.",
    },
    "fingerprints_line": {
        "en": "Technologies told by webappanalyzer's fingerprints ({technologies} loaded, "
        "{skipped} patterns skipped as unsafe).",
        "fr": "Technologies reconnues grâce aux empreintes de webappanalyzer ({technologies} "
        "chargées, {skipped} motifs écartés car risqués).",
    },
    # The terminal tables.
    "t_scan": {"en": "altgafam scan", "fr": "altgafam scan"},
    "t_scan_summary": {
        "en": "altgafam scan (summary by product)",
        "fr": "altgafam scan (synthèse par produit)",
    },
    "t_site": {"en": "altgafam site ({pages})", "fr": "altgafam site ({pages})"},
    "t_pages": {"en": "{n} page|{n} pages", "fr": "{n} page|{n} pages"},
    "t_number": {"en": "#", "fr": "n°"},
    "t_recognised": {"en": "Recognised as", "fr": "Reconnu comme"},
    "t_vendor_owner": {"en": "Vendor (owner)", "fr": "Éditeur (propriétaire)"},
    "t_lines": {"en": "Lines", "fr": "Lignes"},
    "t_alternatives_detail": {
        "en": "Libre alternatives (license, effort)",
        "fr": "Alternatives libres (licence, effort)",
    },
    "t_service_owner": {"en": "Service (owner)", "fr": "Service (propriétaire)"},
    "t_closed": {"en": "closed {year}", "fr": "fermé en {year}"},
    "t_more": {"en": "+{n} more", "fr": "+{n} autre|+{n} autres"},
    "status_proprietary": {"en": "proprietary", "fr": "propriétaire"},
    "status_libre": {"en": "libre", "fr": "libre"},
    "status_ambiguous": {"en": "ambiguous", "fr": "ambigu"},
    "status_unknown": {"en": "unknown", "fr": "inconnu"},
    "n_tools": {"en": "{n} tool|{n} tools", "fr": "{n} outil|{n} outils"},
    "n_lines": {"en": "{n} line|{n} lines", "fr": "{n} ligne|{n} lignes"},
    "n_proprietary": {
        "en": "{n} proprietary",
        "fr": "{n} propriétaire|{n} propriétaires",
    },
    "n_libre": {"en": "{n} libre", "fr": "{n} libre|{n} libres"},
    "n_ambiguous": {"en": "{n} ambiguous", "fr": "{n} ambigu|{n} ambigus"},
    "n_unknown": {"en": "{n} unknown", "fr": "{n} inconnu|{n} inconnus"},
    "t_caption": {
        "en": "{counted}: {proprietary} ({gafam} GAFAM), {libre}, {ambiguous}, {unknown}",
        "fr": "{counted}\u202f: {proprietary} ({gafam} GAFAM), {libre}, {ambiguous}, {unknown}",
    },
    "t_every_line": {
        "en": "For every line: --output FILE with --format markdown or json.",
        "fr": "Pour chaque ligne\u202f: --output FICHIER avec --format markdown ou json.",
    },
    "t_site_caption": {
        "en": "{found}, {gafam} owned by the GAFAM",
        "fr": "{found}, {gafam} détenu par les GAFAM|{found}, {gafam} détenus par les GAFAM",
    },
    "n_services_found": {
        "en": "{n} service found|{n} services found",
        "fr": "{n} service trouvé|{n} services trouvés",
    },
}

MONTHS = {
    "en": "January February March April May June July August September October November "
    "December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre".split(),
}


def default_language() -> str:
    """French when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def de(name: str) -> str:
    """French "de" before a name, elided before a vowel sound only: "d’Instagram", "de Gmail",
    "de YouTube" (a consonant y), "de HubSpot" (brand names keep their h aspirated)."""
    first = name[:1].casefold()
    return f"d’{name}" if first and first in "aeiouàâéèêëîïôöùûü" else f"de {name}"


def long_date(lang: str, day: dt.date) -> str:
    """A date in words, as a sentence writes it: "14 October 2025", "1er octobre 2025"."""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    month = MONTHS.get(lang, MONTHS["en"])[day.month - 1]
    return f"{number} {month} {day.year}"


def t(lang: str, key: str, **values: object) -> str:
    """The words for `key` in `lang`, with the named placeholders filled in. Words that
    depend on a number hold "singular|plural" and take it as `n` (French counts 0 and 1 as
    singular: "0 page lue", English "0 pages read")."""
    words = WORDS[key]
    if "service" in values:
        values.setdefault("de_service", de(str(values["service"])))
    text = words.get(lang) or words["en"]
    if "|" in text:
        n = values["n"]
        assert isinstance(n, int), key
        one, many = text.split("|")
        text = one if (n in (0, 1) if lang == "fr" else n == 1) else many
    return text.format(**values)
