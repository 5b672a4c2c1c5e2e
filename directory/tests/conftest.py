"""Fixtures of the directory tests: an owned listing (PAG-ASA belongs to the trio's organisation A), and the
HSDS 3.0 schemas read from the workspace's shared/ folder (skipped when absent, never under CI=true)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.testing import shared_file

HSDS = Path(__file__).resolve().parents[3] / "shared" / "hsds-3.0"
SHELTERS = ("pag-asa-shelter", "surya-shelter")


@pytest.fixture
def owned(trio):  # type: ignore[no-untyped-def]
    """PAG-ASA's listing is kept by organisation A (alice: admin, bob: caseworker); charlie is outside."""
    from directory.models import Organization

    listing = Organization.objects.get(slug="pag-asa")
    listing.owner = trio.org_a
    listing.save()
    return listing


def hsds_schema(name: str) -> dict[str, Any]:
    return json.loads(shared_file(HSDS / name).read_text(encoding="utf-8"))


def validator(name: str) -> Any:
    """A JSON Schema validator (with format checks) for a file of shared/hsds-3.0, resolving its $refs."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    schema = hsds_schema(name)
    resources = [
        (
            path.name,
            Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012),
        )
        for path in sorted(HSDS.glob("*.json"))
    ]
    registry: Registry = Registry().with_resources(resources)
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _bundled_counts() -> tuple[int, int]:
    import tomllib

    from directory.bundle import DIRECTORY_DIR

    files = [tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(DIRECTORY_DIR.glob("*.toml"))]
    return len(files), sum(len(entry.get("services", [])) for entry in files)


# What content/directory/ holds today: tests count against the files, not a number that goes stale.
BUNDLED_ORGANIZATIONS, BUNDLED_SERVICES = _bundled_counts()
