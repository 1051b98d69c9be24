"""The catalog: its format (schema, JSON Schema), YAML with positions, loading with overlays,
validation, licenses, the cache, search, stats and skeletons for new entries."""
