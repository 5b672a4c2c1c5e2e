"""Schemathesis against both OpenAPI documents, in-process on the WSGI app: the official HSDS 3.0 one (from the
workspace's shared/hsds-3.0/, its remote ``$ref``s resolved to the schema files beside it) and Haven's own
``/api/v1/openapi.json``. Generated requests, valid and invalid, must never get a server error, and every
documented answer must match its schema. Bounded: a fixed number of examples per operation, derandomised."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from directory.hsds import TAXONOMIES, term_id
from directory.models import stable_id
from directory.tests.conftest import HSDS
from search.api import api_throttle, openapi_document

REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
EXAMPLES = 25
BOUNDED = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=list(HealthCheck),
)


def _component_name(path: Path) -> str:
    return path.relative_to(HSDS).with_suffix("").as_posix().replace("/", "_")


def hsds_openapi() -> dict[str, Any]:
    """The official document, with every non-local ``$ref`` moved into ``components/schemas``."""
    document = json.loads((HSDS / "openapi.json").read_text(encoding="utf-8"))
    # Erratum of the spec: it says /service_at_locations/{id} answers a service; the answer is a service at location.
    single = document["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]
    single["application/json"]["schema"]["$ref"] = REMOTE + "compiled/service_at_location.json"
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    pending: list[tuple[Any, Path]] = [(document, HSDS)]
    while pending:
        node, base = pending.pop()
        if isinstance(node, list):
            pending += [(item, base) for item in node]
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                target = (HSDS / ref.removeprefix(REMOTE)) if ref.startswith(REMOTE) else (base / ref)
                target = Path(os.path.normpath(target))
                name = _component_name(target)
                if name not in schemas:
                    schemas[name] = json.loads(target.read_text(encoding="utf-8"))
                    pending.append((schemas[name], target.parent))
                node["$ref"] = f"#/components/schemas/{name}"
            pending += [(value, base) for key, value in node.items() if key != "$ref"]
    for path, ids in _real_ids().items():  # generated ids are all unknown: these make sure real records are seen
        for parameter in document["paths"][path]["parameters"]:
            if parameter["name"] == "id":
                parameter["schema"]["examples"] = ids
    document["servers"] = [{"url": "/api/hsds"}]
    return document


def _real_ids() -> dict[str, list[str]]:
    """Ids of bundled records (the same on every installation), and one of a confidential place (a 404)."""
    return {
        "/services/{id}": [str(stable_id("service", "pag-asa-victim-support"))],
        "/organizations/{id}": [str(stable_id("organization", "pag-asa"))],
        "/taxonomies/{id}": [str(taxonomy.id) for taxonomy in TAXONOMIES],
        "/taxonomy_terms/{id}": [str(term_id(TAXONOMIES[0].slug, "housing"))],
        "/service_at_locations/{id}": [
            str(stable_id("service_at_location", "pag-asa-victim-support", "pag-asa-brussels")),
            str(stable_id("service_at_location", "pag-asa-shelter-accommodation", "pag-asa-shelter")),
        ],
    }


def test_the_official_document_is_resolved_to_local_schemas_only():
    text = json.dumps(hsds_openapi())
    assert REMOTE not in text and '.json"' not in text.replace('openapi.json"', "")


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    """As Django's test client does: a request through the WSGI app must not close the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _one_client_may_ask_many_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every generated call comes from the same client: check the answers, not the search API's rate limit."""
    monkeypatch.setattr(api_throttle, "limit", 1_000_000)


def _on_app(document: dict[str, Any]) -> Any:
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()
    return schema


if not (HSDS / "openapi.json").exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"{HSDS} is missing, and CI must not skip the HSDS conformance tests")
    pytest.skip(f"{HSDS} is not beside the project", allow_module_level=True)

# The WSGI transport does not decompress as an HTTP client does: ask for the body as it is.
IDENTITY = {"Accept-Encoding": "identity"}
hsds = _on_app(hsds_openapi())
haven = _on_app({**openapi_document(), "servers": [{"url": "/"}]})


@pytest.mark.django_db
@hsds.parametrize()
@BOUNDED
def test_the_hsds_api_never_fails_and_keeps_to_the_official_openapi(case: Any) -> None:
    case.call_and_validate(checks=CHECKS, headers=IDENTITY)


@pytest.mark.django_db
@haven.parametrize()
@BOUNDED
def test_the_search_api_never_fails_and_keeps_to_its_own_openapi(case: Any) -> None:
    case.call_and_validate(checks=CHECKS, headers=IDENTITY)


def test_the_search_api_serves_the_document_the_test_reads(client: Any) -> None:
    assert client.get("/api/v1/openapi.json").json() == json.loads(json.dumps(openapi_document()))
