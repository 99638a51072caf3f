"""The JSON Schema of `cni-catalogue/1`, built from the field declarations.

The schema is published (see `write_catalogue_schema`) and the importer
validates structure against it; building it from the same declarations the
importer writes with keeps the two from ever disagreeing.
"""

import json
from pathlib import Path

from catalogue.format import FORMAT
from catalogue.format.composite import object_schema
from catalogue.format.kinds import ALL_KINDS, CITIES, PRACTICES
from catalogue.format.values import ID_PATTERN, LANG_PATTERN, PDATE_PATTERN

SCHEMA_ID = "https://cities-network.example/api/schema/catalogue-1.json"

DEFINITIONS = {
    "id": {
        "type": "string",
        "pattern": ID_PATTERN,
        "maxLength": 80,
        "description": "lower-case letters and digits in words joined by single hyphens, at most 80 characters",
    },
    "lang": {"type": "string", "pattern": LANG_PATTERN, "description": "a language code such as el or en"},
    "ltext": {
        "anyOf": [
            {"type": "string"},
            {
                "type": "object",
                "propertyNames": {"$ref": "#/$defs/lang"},
                "additionalProperties": {"type": "string"},
                "minProperties": 1,
            },
        ],
        "description": "a string in the record's source language, or an object {language: text}",
    },
    "url": {
        "type": "string",
        "pattern": "^https?://[^\\s/$.?#][^\\s]*$",
        "maxLength": 500,
        "description": "an absolute http or https address",
    },
    "pdate": {
        "type": "string",
        "pattern": PDATE_PATTERN,
        "description": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    },
    "path": {
        "type": "string",
        "minLength": 1,
        "maxLength": 500,
        "description": "a file path relative to the catalogue file's folder",
    },
}

RECORD_EXTRAS = {
    CITIES.key: {"source_language": {"$ref": "#/$defs/lang"}},
    PRACTICES.key: {
        "city": {"$ref": "#/$defs/id"},
        "source_language": {"$ref": "#/$defs/lang"},
    },
}
RECORD_REQUIRED = {PRACTICES.key: ["city"]}


def record_schema(kind):
    schema = object_schema(kind.fields, extra_required=["id", *RECORD_REQUIRED.get(kind.key, [])])
    schema["properties"] = {
        "id": {"$ref": "#/$defs/id"},
        **RECORD_EXTRAS.get(kind.key, {}),
        **schema["properties"],
    }
    return schema


def catalogue_schema():
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": FORMAT,
        "description": "The interchange format of the Cities Network for Integration practice catalogue.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "source_language": {"$ref": "#/$defs/lang"},
            **{kind.key: {"type": "array", "items": record_schema(kind)} for kind in ALL_KINDS},
        },
        "required": ["format"],
        "additionalProperties": False,
        "$defs": DEFINITIONS,
    }


SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "catalogue-1.schema.json"


def schema_text():
    return json.dumps(catalogue_schema(), ensure_ascii=False, indent=2) + "\n"
