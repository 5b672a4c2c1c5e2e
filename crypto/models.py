from django.db import models
from django.db.models import Q


class DataKey(models.Model):
    """A data-encryption key, stored only wrapped under a key-encryption key from settings.

    A scope is whose data the key protects: ``platform`` or ``org:<id>``. A scope can have several keys
    (after a rotation); the one active key encrypts (the database allows only one), all of them decrypt.
    Deleting a scope's keys makes its encrypted data unreadable for good (crypto-shredding).
    """

    scope = models.CharField(max_length=64, db_index=True)
    kek_id = models.CharField(max_length=32)
    wrapped = models.TextField()
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["scope"], condition=Q(active=True), name="datakey_one_active_per_scope")
        ]

    def __str__(self) -> str:
        return f"DataKey {self.pk} ({self.scope})"


class ShredRecord(models.Model):
    """That a scope's data keys were destroyed, when, and how many: no name, no content, no person."""

    scope = models.CharField(max_length=64)
    shredded_at = models.DateTimeField(auto_now_add=True)
    data_keys = models.PositiveIntegerField()
    reason = models.CharField(max_length=40, blank=True)
    rows_removed = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-shredded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.scope} shredded at {self.shredded_at:%Y-%m-%d}"
