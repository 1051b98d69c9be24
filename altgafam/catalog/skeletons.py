"""`catalog new`: commented skeletons of a service, an alternative and a provider, ready to
fill in (catalog format v2)."""

SERVICE = """\
# A proprietary service. Paste under `services:` in a catalog file (an overlay folder of your
# own, or catalog/services/AREA.yaml), fill in every field, then run: altgafam catalog validate
  - id: example-service              # lowercase words joined by hyphens, unique
    name: Example Service            # the product's name as its vendor writes it
    vendor: example-vendor           # a vendor id (see `altgafam catalog list`); add the
                                     # company under `vendors:` with its parent if it is new
    category: office                 # a category id (catalog/categories.yaml)
    aliases: []                      # other names people type: abbreviations, French names
    former_names: []                 # names it had before (reported as "formerly")
    domains: []                      # hosts that identify it, e.g. app.example.com
    description:
      en: One sentence, in your own words, on what it does.
      fr: Une phrase, avec vos mots, sur ce qu'il fait.
    # discontinued: 2025-05-05       # the date it closed, if it did
    # successor: other-service-id    # the service that replaced it, if any
    # members: []                    # a suite: the services it bundles
    alternatives:                    # libre alternatives, best first
      - id: nextcloud                # an alternative id
        effort: medium               # low | medium | high
        note:                        # optional: how to export, import, what is lost
          en: Export ... then import ...
          fr: Exportez ... puis importez ...
        # with: [thunderbird]        # pieces it needs (a mailbox is read with a mail client)
    # No libre replacement? Instead of alternatives, say why it stays, or how to depend on it
    # less (one or the other):
    # keep: {en: "The law requires it.", fr: "La loi l'impose."}
    # advice: {en: "...", fr: "..."}
    sources: []                      # https:// pages where you read these facts
    reviewed: YYYY-MM-DD             # the day you checked these facts
"""

ALTERNATIVE = """\
# A libre alternative. Paste under `alternatives:` in a catalog file, fill in every field,
# then run: altgafam catalog validate
  - id: example-tool                 # lowercase words joined by hyphens, unique
    name: Example Tool
    kind: server                     # server (someone must run it), client (talks to a
                                     # service), application, os, protocol (an open
                                     # standard: give `standard:` instead of license and
                                     # source), library, extension
    aliases: []                      # other names people type
    license: AGPL-3.0-or-later       # SPDX expression; OSI-approved or FSF-free only
                                     # (BUSL, SSPL, Elastic License... are not libre)
    homepage: https://example.org
    source: https://codeberg.org/example/tool   # the public source repository
    categories: [office]             # category ids
    tags: [web, self-hostable]       # from catalog/tags.yaml: kind, hosting, privacy
    description:
      en: One sentence, in your own words, on what it does.
      fr: Une phrase, avec vos mots, sur ce qu'il fait.
    sources: []                      # https:// pages where you read these facts
    reviewed: YYYY-MM-DD
    # Who hosts it for a client goes under `providers:` (altgafam catalog new provider).
"""

PROVIDER = """\
# Who runs libre software for a client. Paste under `providers:` in a catalog file, fill in
# every field you could check (leave out what you could not), then run: altgafam catalog validate
  - id: example-host                 # lowercase words joined by hyphens, unique
    name: Example Host
    country: FR                      # ISO 3166-1 alpha-2 of its seat (EU is derived from it)
    chatons: false                   # true only if it is in the current CHATONS member list
    serves: [associations, organisations]   # individuals, associations, organisations
    pricing: paid                    # free | donation | paid
    url: https://host.example
    offers:                          # what it hosts, each with the page of the offer
      - alternative: nextcloud       # an alternative id (email-imap for a mailbox)
        url: https://host.example/nextcloud
    note:                            # optional: what matters to a buyer
      en: IMAP only on paid plans.
      fr: IMAP seulement avec les formules payantes.
    sources: [https://host.example/legal]   # where you read the facts above
    reviewed: YYYY-MM-DD
"""

SKELETONS = {"service": SERVICE, "alternative": ALTERNATIVE, "provider": PROVIDER}
