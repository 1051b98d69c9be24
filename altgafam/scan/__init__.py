"""Reading a team's tool list (text, CSV, TSV, JSON; any encoding) and matching each line to
the catalog: normalisation, exact look-ups, fuzzy spelling."""
