"""Writes for organisations, staff, second factors and staff sessions."""

from __future__ import annotations

import pyotp
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts import selectors
from accounts.models import Membership, Organisation, Role, StaffSession, TOTPDevice, User
from audit.services import Action, audit_log
from core.email import email_enqueue
from core.scopes import scope

TOTP_ISSUER = "Haven"


def organisation_create(*, actor: User | None, name: str, slug: str) -> Organisation:
    organisation = Organisation(name=name.strip(), slug=slug.strip().lower())
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        audit_log(actor=actor, action=Action.CREATE, target=organisation)
    return organisation


def user_create(
    *, email: str, name: str, language: str = "en", password: str | None = None, is_platform_admin: bool = False
) -> User:
    return User.objects.create_user(
        email=email, password=password, name=name.strip(), language=language, is_platform_admin=is_platform_admin
    )


def _set_password_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:set-password", kwargs={"uidb64": uid, "token": token})


def member_invite(
    *, actor: User, organisation: Organisation, email: str, name: str, role: str, language: str, base_url: str
) -> Membership:
    """Add someone to an organisation. A new person gets an email to choose a password."""
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    email = User.objects.normalize_email(email).lower()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        is_new = user is None
        if user is None:
            user = user_create(email=email, name=name, language=language)
        with scope(organisation=organisation):
            membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
        audit_log(actor=actor, action=Action.CREATE, target=membership, organisation_id=organisation.pk)
    context: dict[str, object] = {
        "name": user.name,
        "organisation": organisation.name,
        "role": membership.get_role_display(),
        "link": base_url + _set_password_link(user) if is_new else base_url + reverse("accounts:login"),
    }
    email_enqueue(
        to=user.email,
        template="accounts/email/invite" if is_new else "accounts/email/added",
        context=context,
        language=user.language,
    )
    return membership


def membership_remove(*, actor: User, membership: Membership) -> None:
    with transaction.atomic():
        last_admin = (
            membership.role == Role.ADMIN
            and selectors.admin_count(organisation=membership.organisation, lock=True) <= 1
        )
        if last_admin:
            raise ValidationError(_("An organisation needs at least one admin."))
        audit_log(actor=actor, action=Action.DELETE, target=membership, organisation_id=membership.organisation_id)
        membership.delete()


def password_set(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_log(actor=user, action=Action.UPDATE, target=user, target_type="accounts.user.password")


# --- TOTP ------------------------------------------------------------------------------------


def totp_device_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed authenticator secret (replacing any earlier unconfirmed one)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, secret=pyotp.random_base32())


def totp_provisioning_uri(device: TOTPDevice) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(name=device.user.email, issuer_name=TOTP_ISSUER)


def _totp_check(device: TOTPDevice, code: str) -> bool:
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(device.secret)
    now = timezone.now().timestamp()
    for offset in (-1, 0, 1):
        step = int(now // totp.interval) + offset
        if step <= device.last_used_step:
            continue  # a code is accepted once: no replay
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            device.last_used_step = step
            device.save(update_fields=["last_used_step"])
            return True
    return False


def totp_device_confirm(*, device: TOTPDevice, code: str) -> bool:
    if not _totp_check(device, code):
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit_log(actor=device.user, action=Action.UPDATE, target=device.user, target_type="accounts.user.totp")
    return True


def totp_verify(*, user: User, code: str) -> bool:
    return any(_totp_check(device, code) for device in user.totp_devices.filter(confirmed=True))


# --- Staff sessions --------------------------------------------------------------------------


def staff_session_start(*, user: User) -> StaffSession:
    session = StaffSession.objects.create(user=user)
    audit_log(actor=user, action=Action.SIGN_IN, target=user)
    return session


def staff_session_end(*, session: StaffSession, reason: str) -> None:
    if session.ended_at is None:
        session.ended_at = timezone.now()
        session.end_reason = reason
        session.save(update_fields=["ended_at", "end_reason"])


def staff_sessions_end_all(*, user: User, except_key: str | None = None, reason: str = "ended") -> int:
    sessions = StaffSession.objects.filter(user=user, ended_at__isnull=True)
    if except_key:
        sessions = sessions.exclude(key=except_key)
    return sessions.update(ended_at=timezone.now(), end_reason=reason)


def staff_session_touch(*, session: StaffSession) -> None:
    now = timezone.now()
    if (now - session.last_seen_at).total_seconds() >= 30:
        session.last_seen_at = now
        session.save(update_fields=["last_seen_at"])


def session_expired_reason(session: StaffSession) -> str | None:
    now = timezone.now()
    if session.ended_at is not None:
        return session.end_reason or "ended"
    if (now - session.last_seen_at).total_seconds() > settings.HAVEN_STAFF_IDLE_TIMEOUT:
        return "idle"
    if (now - session.created_at).total_seconds() > settings.HAVEN_STAFF_ABSOLUTE_TIMEOUT:
        return "absolute"
    return None


# --- The rights of staff over their own data ---------------------------------------------------


def user_export(*, user: User) -> dict[str, object]:
    """Everything Haven holds about a staff member, as plain data (never the 2FA secret itself)."""
    audit_log(actor=user, action=Action.EXPORT, target=user)
    return {
        "email": user.email,
        "name": user.name,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "is_platform_admin": user.is_platform_admin,
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in selectors.all_memberships_of(user=user)
        ],
        "authenticator_app": user.totp_devices.filter(confirmed=True).exists(),
        "security_keys": [
            {
                "name": c.name,
                "added": c.created_at.isoformat(),
                "last_used": c.last_used_at.isoformat() if c.last_used_at else None,
            }
            for c in user.webauthn_credentials.all()
        ],
        "sessions": [
            {
                "started": s.created_at.isoformat(),
                "last_used": s.last_seen_at.isoformat(),
                "ended": s.ended_at.isoformat() if s.ended_at else None,
            }
            for s in user.staff_sessions.all()
        ],
    }


def user_delete(*, actor: User, user: User) -> None:
    """Delete a staff account and everything tied to it. Audit entries keep only the number it had."""
    with transaction.atomic():
        for membership in selectors.all_memberships_of(user=user):
            if membership.role == Role.ADMIN and selectors.admin_count(organisation=membership.organisation) <= 1:
                raise ValidationError(
                    _("This person is the last admin of %(organisation)s. Add another admin first.")
                    % {"organisation": membership.organisation.name}
                )
        audit_log(actor=actor, action=Action.DELETE, target=user)
        user.delete()
