"""`catalog new`: commented skeletons of a service and an alternative, ready to fill in."""

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
    alternatives:                    # libre alternatives, best first
      - id: nextcloud                # an alternative id
        effort: medium               # low | medium | high
        note:                        # optional: how to export, import, what is lost
          en: Export ... then import ...
          fr: Exportez ... puis importez ...
    reviewed: YYYY-MM-DD             # the day you checked these facts
"""

ALTERNATIVE = """\
# A libre alternative. Paste under `alternatives:` in a catalog file, fill in every field,
# then run: altgafam catalog validate
  - id: example-tool                 # lowercase words joined by hyphens, unique
    name: Example Tool
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
    hosted_offers: []                # organisations that run it for you:
    #  - provider: Example Host
    #    url: https://host.example
    #    country: FR                 # ISO 3166-1 alpha-2
    #    chatons: true               # member of the CHATONS collective
    reviewed: YYYY-MM-DD
"""

SKELETONS = {"service": SERVICE, "alternative": ALTERNATIVE}
