"""The access log: who read or changed which record of personal data, and when. Never the content.

Entries form one keyed hash chain per organisation (and one for the platform), so that tenants do not
wait on each other and a changed, removed or inserted entry breaks its chain; signed checkpoints kept
outside the database catch a cut tail. The database refuses updates and deletes of entries (triggers on
SQLite and PostgreSQL), and on PostgreSQL the application's role may only read and append.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models

from core.scopes import ScopedManager, ScopedQuerySet


class AppendOnlyQuerySet(ScopedQuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> NoReturn:
        raise PermissionError("The audit log is append-only.")


class AuditEntry(models.Model):
    chain = models.CharField(max_length=40)
    seq = models.PositiveBigIntegerField()
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    organisation_id = models.BigIntegerField(null=True, db_index=True)
    action = models.CharField(max_length=40)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    # Scoped by organisation; the platform chain (no organisation) is read in platform_scope().
    objects = ScopedManager.from_queryset(AppendOnlyQuerySet)("organisation_id")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_chain_seq_unique")]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        ordering = ["chain", "seq"]

    def __str__(self) -> str:
        return f"{self.chain}#{self.seq} {self.action} {self.target_type}:{self.target_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log is append-only.")
