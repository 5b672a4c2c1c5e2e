"""Decrypt every encrypted field of the database in use: the proof that a backup (or a key rotation) left
every value readable. Used by ``manage.py verify_encryption`` and, through it, by ``restore_drill``."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

from core.scopes import all_organisations
from crypto.fields import encrypted_fields
from crypto.primitives import DecryptionError

REASON = "decrypting every encrypted field to prove a restore or a key rotation, a platform-wide job"


@dataclass
class FieldReport:
    model: str
    rows: int = 0
    values: int = 0
    failures: int = 0
    failed_pks: list[str] = field(default_factory=list)  # primary keys only: no content


def encrypted_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if encrypted_fields(model)]


def verify_encrypted_fields(*, batch: int = 500) -> tuple[list[FieldReport], float]:
    """Read every row of every model with an ``EncryptedTextField`` and decrypt each value."""
    started = time.perf_counter()
    reports = []
    with all_organisations(reason=REASON):
        for model in encrypted_models():
            report = FieldReport(model=model._meta.label)
            names = [f.attname for f in encrypted_fields(model)]
            for row in model._base_manager.order_by("pk").iterator(chunk_size=batch):
                report.rows += 1
                for name in names:
                    try:
                        value = getattr(row, name)
                    except DecryptionError:
                        report.failures += 1
                        if len(report.failed_pks) < 20:
                            report.failed_pks.append(str(row.pk))
                        continue
                    if value not in (None, ""):
                        report.values += 1
            reports.append(report)
    return reports, time.perf_counter() - started
