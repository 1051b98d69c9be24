"""The JSON Schema of catalog files, generated from the format's declaration in schema.py, so
that editors with the YAML language server complete and check entries as they are typed."""

from __future__ import annotations

from typing import Any

from altgafam.catalog import schema

SCHEMA_ID = "https://altgafam.invalid/catalog-v1.schema.json"


def _field(fld: schema.Field) -> dict[str, Any]:
    kind = fld.kind
    if kind == "list":
        assert fld.item is not None
        return {"type": "array", "items": _field(fld.item)}
    if kind == "record":
        assert fld.record is not None
        return _record(fld.record)
    if kind == "text":
        return {"$ref": "#/$defs/text"}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind == "choice":
        return {"enum": list(fld.choices)}
    patterns = {
        "id": schema.ID_RE.pattern,
        "country": schema.COUNTRY_RE.pattern,
        "domain": schema.DOMAIN_RE.pattern,
        "url": schema.URL_RE.pattern,
    }
    out: dict[str, Any] = {"type": "string", "minLength": 1}
    if kind in patterns:
        out["pattern"] = patterns[kind]
    if kind == "ref":
        out["pattern"] = schema.ID_RE.pattern
        out["description"] = f"the id of an entry of `{fld.ref}`"
    if kind == "license":
        out["description"] = "an SPDX license expression, OSI-approved or FSF-free"
    return out


def _record(spec: dict[str, schema.Field]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, fld in spec.items() if fld.required],
        "properties": {name: _field(fld) for name, fld in spec.items()},
    }


def catalog_schema() -> dict[str, Any]:
    """The schema of one catalog file: a mapping of sections, each a list of entries. An
    overlay's patch of an existing entry is accepted too (validation tells them apart)."""
    defs = {"text": _record(schema.TEXT_RECORD)}
    properties: dict[str, Any] = {}
    for section, spec in schema.SECTIONS.items():
        entry = _record(spec)
        patch = schema.PATCHES.get(section)
        items = {"anyOf": [entry, _record(patch)]} if patch else entry
        properties[section] = {"type": ["array", "null"], "items": items}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"altgafam catalog file, format version {schema.FORMAT_VERSION}",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": defs,
    }
