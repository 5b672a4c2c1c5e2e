from django.db import models


class DataKey(models.Model):
    """A data-encryption key, stored only wrapped under a key-encryption key from settings.

    A scope is whose data the key protects: ``platform`` or ``org:<id>``. A scope can have several keys
    (after a rotation); the newest active one encrypts, all of them decrypt. Deleting a scope's keys
    makes its encrypted data unreadable for good (crypto-shredding).
    """

    scope = models.CharField(max_length=64, db_index=True)
    kek_id = models.CharField(max_length=32)
    wrapped = models.TextField()
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"DataKey {self.pk} ({self.scope})"
