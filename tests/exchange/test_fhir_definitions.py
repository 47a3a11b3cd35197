"""The app's FHIR extensions and code systems, published in resources/fhir: the files match
their declarations, are valid FHIR, and cover every extension and code a handover uses."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.structuredefinition import StructureDefinition

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.exchange.fhir_bundle import handover_bundle
from alliance_desktop.exchange.fhir_definitions import EXTENSIONS, code_systems, definition_files
from alliance_desktop.exchange.fhir_terms import alliance_extension, alliance_system
from alliance_desktop.services import Practice
from tests.exchange.samples import EVERYTHING, PROFILE, populate

PUBLISHED = Path(__file__).resolve().parents[2] / "resources" / "fhir"


@pytest.fixture
def bundle(practice: Practice) -> dict[str, Any]:
    client_id = populate(practice)
    client = replace(practice.client(client_id), status=ClientStatus.ACTIVE)
    record = practice.handover.record_for(client, EVERYTHING)
    return handover_bundle(
        record, PROFILE, dt.datetime(2026, 3, 14, tzinfo=dt.UTC), uuid.uuid4(), vault_identifier="v"
    )


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_the_published_files_are_the_declarations() -> None:
    """After changing a declaration: python -m alliance_desktop.exchange.fhir_definitions"""
    expected = definition_files()
    assert sorted(p.name for p in PUBLISHED.iterdir()) == sorted(expected)
    for name, data in expected.items():
        assert (PUBLISHED / name).read_bytes() == data, name


def test_each_file_is_valid_fhir() -> None:
    for path in PUBLISHED.iterdir():
        document = json.loads(path.read_text("utf-8"))
        model = (
            StructureDefinition if document["resourceType"] == "StructureDefinition" else CodeSystem
        )
        model.model_validate(document)


def test_every_extension_and_code_in_a_handover_is_published(bundle: dict[str, Any]) -> None:
    declared = {alliance_extension(d.name): d for d in EXTENSIONS}
    systems = {
        alliance_system(name): {c for c, _ in codes} for name, (_, codes) in code_systems().items()
    }
    used_extensions = 0
    for node in _walk(bundle):
        url = node.get("url")
        if isinstance(url, str) and url in declared:
            used_extensions += 1
            definition = declared[url]
            if definition.parts:
                parts = {part for part, _ in definition.parts}
                assert {e["url"] for e in node["extension"]} <= parts, url
            else:
                value_keys = [k for k in node if k.startswith("value")]
                assert value_keys == [
                    f"value{definition.value_type[0].upper()}{definition.value_type[1:]}"
                ], url
        elif isinstance(url, str) and url.startswith("https://alliance-desktop.org/"):
            pytest.fail(f"undeclared extension {url}")
        system = node.get("system")
        if isinstance(system, str) and system.startswith(
            "https://alliance-desktop.org/fhir/CodeSystem/"
        ):
            assert system in systems, system
            assert node["code"] in systems[system], (system, node["code"])
    assert used_extensions > 30
