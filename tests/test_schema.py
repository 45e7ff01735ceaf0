"""The JSON Schema of the export: a dialect and a stable id, a German description with examples
for every field, no reST markup from the code's docstrings, and the samples' exports valid
against it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from vorlage_cli.model import SCHEMA_ID, SCHEMA_VERSION, document_schema

from .conftest import ROOT

ENGLISH = re.compile(r"\b(the|of|and|is|are|when|where|which|file|could not)\b")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return document_schema()


def _definitions(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "Dokument", schema
    yield from schema["$defs"].items()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_schema_names_its_dialect_and_a_stable_id(run, schema) -> None:
    printed = json.loads(run("schema").stdout)
    assert printed == schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID == f"urn:vorlage:schema:dokument:{SCHEMA_VERSION}"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_object_and_field_is_described_in_german_with_examples(schema) -> None:
    for name, definition in _definitions(schema):
        assert definition.get("title") and definition.get("description"), name
        for key, field in definition["properties"].items():
            where = f"{name}.{key}"
            description = field.get("description", "")
            assert len(description) > 15, where
            assert description[0].isupper() or description.startswith(("true", "null")), where
            assert not ENGLISH.search(description), (where, ENGLISH.search(description))
            assert field.get("examples"), where
            assert "title" not in field, where


def test_no_rest_markup_reaches_the_schema(schema) -> None:
    for text in _strings(schema):
        assert "``" not in text and not re.search(r":(class|func|data|meth):`", text), text


def test_every_example_is_valid_for_its_field(schema) -> None:
    """Examples a reader copies must be right: each validates against its own field."""
    for name, definition in _definitions(schema):
        for key, field in definition["properties"].items():
            wrapper = {"$schema": schema["$schema"], "$defs": schema["$defs"], **field}
            validator = jsonschema.Draft202012Validator(
                wrapper, format_checker=jsonschema.FormatChecker()
            )
            for example in field["examples"]:
                assert not list(validator.iter_errors(example)), (name, key, example)


def test_the_samples_exports_are_valid(run, run_with_input, schema, monkeypatch) -> None:
    """Every sample in every format, and an unreadable file beside them."""
    monkeypatch.chdir(ROOT)
    result = run("export", "samples", "tests/snapshots", "--allow-empty")
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    formats = {document["source"]["format"] for document in documents}
    assert {"txt", "pdf", "docx", "odt"} <= formats
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for document in documents:
        errors = [error.message for error in validator.iter_errors(document)]
        assert not errors, (document["source"]["path"], errors)
    unreadable = run_with_input(b"", "export", "-")
    document = json.loads(unreadable.stdout)
    assert document["vorlage"] is None
    assert not list(validator.iter_errors(document))
