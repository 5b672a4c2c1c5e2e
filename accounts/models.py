"""Organisations (tenants), staff, their roles, second factors and sessions.

Only staff have accounts. People who use Haven for themselves never need one.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra["is_platform_admin"] = True
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser):
    """A staff member. Platform admins run Haven itself; organisation admins run one organisation."""

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    is_active = models.BooleanField(default=True)
    is_platform_admin = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def has_second_factor(self) -> bool:
        return self.totp_devices.filter(confirmed=True).exists() or self.webauthn_credentials.exists()


class Organisation(models.Model):
    """A support organisation: a tenant. Its data is isolated from every other organisation's."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    CASEWORKER = "caseworker", _("Caseworker")
    MODERATOR = "moderator", _("Moderator")
    EDITOR = "editor", _("Editor")


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager("organisation")  # who works where is the organisation's

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")]
        ordering = ["organisation__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.role}"


class TOTPDevice(EncryptedFieldsMixin, models.Model):
    """An authenticator app. The shared secret is encrypted at rest."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="totp_devices")
    secret = EncryptedTextField()
    confirmed = models.BooleanField(default=False)
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Authenticator of {self.user}"

    def encryption_scope(self) -> str:
        return "platform"


class WebAuthnCredential(models.Model):
    """A security key or passkey: the phishing-resistant second factor."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="webauthn_credentials")
    name = models.CharField(_("name"), max_length=80)
    credential_id = models.CharField(max_length=512, unique=True)
    public_key = models.TextField()
    sign_count = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


def _session_key() -> str:
    return secrets.token_urlsafe(24)


class StaffSession(models.Model):
    """One signed-in browser of a staff member, so they can see and end their sessions.

    No address, no user agent: only when it started and when it was last used.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_sessions")
    key = models.CharField(max_length=64, unique=True, default=_session_key)
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"Session of {self.user} since {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class RecoveryCode(models.Model):
    """A one-time code for signing in when the phone or key is lost. Only its hash is kept; each works once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "code_hash"], name="recovery_code_unique")]

    def __str__(self) -> str:
        return f"Recovery code of {self.user}"
