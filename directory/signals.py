"""Keep the search index free of removed listings, however they were removed (cascades included)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete

from directory.models import Organization, Service
from search.services import document_delete


def _service_removed(sender: type[Service], instance: Service, **kwargs: Any) -> None:
    document_delete(kind="service", key=instance.slug)


def _organization_removed(sender: type[Organization], instance: Organization, **kwargs: Any) -> None:
    document_delete(kind="organisation", key=instance.slug)


def connect() -> None:
    post_delete.connect(_service_removed, sender=Service, dispatch_uid="directory-service-removed")
    post_delete.connect(_organization_removed, sender=Organization, dispatch_uid="directory-organization-removed")
