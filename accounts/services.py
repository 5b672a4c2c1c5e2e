"""Writes for organisations, staff, second factors and staff sessions."""

from __future__ import annotations

import hashlib
import secrets

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
from accounts.models import (
    Membership,
    Organisation,
    RecoveryCode,
    Role,
    StaffSession,
    TOTPDevice,
    User,
    WebAuthnCredential,
)
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
        # Someone who never chose a password (an expired invitation) gets a fresh link to choose one.
        is_new = user is None or not user.has_usable_password()
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
            # One atomic conditional update: of two requests racing with the same code, only one moves the
            # step forward; the other updates no row and is refused.
            claimed = TOTPDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(last_used_step=step)
            if claimed:
                device.last_used_step = step
            return bool(claimed)
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


# --- Recovery codes --------------------------------------------------------------------------

RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to copy by hand
RECOVERY_CODE_LENGTH = 16  # about 79 bits: a plain hash cannot be reversed by trying


def _recovery_normalise(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def _recovery_hash(user: User, code: str) -> str:
    return hashlib.sha256(f"haven-recovery:{user.pk}:{_recovery_normalise(code)}".encode()).hexdigest()


def recovery_codes_create(*, user: User) -> list[str]:
    """Ten new recovery codes, replacing all earlier ones. Returned once, to be shown once; only hashes are kept."""
    codes = []
    for _i in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _j in range(RECOVERY_CODE_LENGTH))
        codes.append("-".join(raw[k : k + 4] for k in range(0, RECOVERY_CODE_LENGTH, 4)))
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create([RecoveryCode(user=user, code_hash=_recovery_hash(user, c)) for c in codes])
        audit_log(actor=user, action=Action.CREATE, target=user, target_type="accounts.user.recovery-codes")
    return codes


def recovery_codes_left(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def recovery_code_use(*, user: User, code: str) -> bool:
    """Spend one recovery code. An atomic conditional update: a code works once, even under concurrency."""
    if len(_recovery_normalise(code)) != RECOVERY_CODE_LENGTH:
        return False
    with transaction.atomic():
        used = RecoveryCode.objects.filter(
            user=user, code_hash=_recovery_hash(user, code), used_at__isnull=True
        ).update(used_at=timezone.now())
        if not used:
            return False
        audit_log(actor=user, action=Action.SIGN_IN, target=user, target_type="accounts.user.recovery-code")
    email_enqueue(
        to=user.email,
        template="accounts/email/recovery_code_used",
        context={"name": user.name, "left": recovery_codes_left(user=user)},
        language=user.language,
    )
    return True


def second_factor_verify(*, user: User, code: str) -> bool:
    """For re-authentication: a code from the authenticator app, or else one recovery code."""
    return totp_verify(user=user, code=code) or recovery_code_use(user=user, code=code)


# --- Second factors: removal and reset ----------------------------------------------------------


def webauthn_credential_remove(*, user: User, credential: WebAuthnCredential) -> None:
    """A member removes one of their security keys, but never their last second factor."""
    if credential.user_id != user.pk:
        raise ValidationError(_("This key is not yours."))
    with transaction.atomic():
        others = WebAuthnCredential.objects.filter(user=user).exclude(pk=credential.pk).exists()
        if not others and not user.totp_devices.filter(confirmed=True).exists():
            raise ValidationError(
                _("This is your only second step. Set up an authenticator app or add another key first.")
            )
        audit_log(
            actor=user,
            action=Action.DELETE,
            target=user,
            target_type="accounts.user.webauthn",
            target_id=f"{user.pk}:{credential.pk}",
        )
        credential.delete()


def second_factor_reset(*, actor: User, organisation: Organisation, member: User, base_url: str) -> None:
    """An organisation admin clears a member's lost second factor. The member sets up a new one at their next
    sign-in; their sessions end at once, they are told by email, and the reset is in the organisation's log."""
    if member.pk == actor.pk:
        raise ValidationError(_("You cannot reset your own second step here. Use your recovery codes."))
    if member.is_platform_admin:
        raise ValidationError(_("The second step of a platform admin can only be reset by the people who run Haven."))
    with scope(organisation=organisation):
        is_member = Membership.objects.filter(user=member).exists()
    if not is_member:
        raise ValidationError(_("This person is not a member of your organisation."))
    with transaction.atomic():
        TOTPDevice.objects.filter(user=member).delete()
        WebAuthnCredential.objects.filter(user=member).delete()
        RecoveryCode.objects.filter(user=member).delete()
        staff_sessions_end_all(user=member, reason="second-factor-reset")
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            target=member,
            target_type="accounts.user.second-factor-reset",
            organisation_id=organisation.pk,
        )
    email_enqueue(
        to=member.email,
        template="accounts/email/second_factor_reset",
        context={
            "name": member.name,
            "organisation": organisation.name,
            "admin": actor.name,
            "link": base_url + reverse("accounts:login"),
        },
        language=member.language,
    )


def second_factor_reset_by_operator(*, email: str) -> User:
    """For the people who run Haven (``manage.py staff_reset_second_factor``), e.g. for a platform admin."""
    member = User.objects.get(email__iexact=email.strip())
    with transaction.atomic():
        TOTPDevice.objects.filter(user=member).delete()
        WebAuthnCredential.objects.filter(user=member).delete()
        RecoveryCode.objects.filter(user=member).delete()
        staff_sessions_end_all(user=member, reason="second-factor-reset")
        audit_log(actor=None, action=Action.UPDATE, target=member, target_type="accounts.user.second-factor-reset")
    email_enqueue(
        to=member.email,
        template="accounts/email/second_factor_reset_operator",
        context={"name": member.name},
        language=member.language,
    )
    return member


# --- Staff sessions --------------------------------------------------------------------------


def staff_session_start(*, user: User) -> StaffSession:
    session = StaffSession.objects.create(user=user)
    audit_log(actor=user, action=Action.SIGN_IN, target=user)
    return session


# Sessions someone ended on purpose are audit-logged; timeouts are not (they are in the session list).
AUDITED_END_REASONS = {"signed-out", "ended", "password-changed", "second-factor-reset"}


def staff_session_end(*, session: StaffSession, reason: str) -> None:
    if session.ended_at is None:
        with transaction.atomic():
            session.ended_at = timezone.now()
            session.end_reason = reason
            session.save(update_fields=["ended_at", "end_reason"])
            if reason in AUDITED_END_REASONS:
                audit_log(
                    actor=session.user,
                    action=Action.SIGN_OUT,
                    target=session.user,
                    target_type=f"accounts.user.session.{reason}",
                )


def staff_sessions_end_all(*, user: User, except_key: str | None = None, reason: str = "ended") -> int:
    sessions = StaffSession.objects.filter(user=user, ended_at__isnull=True)
    if except_key:
        sessions = sessions.exclude(key=except_key)
    with transaction.atomic():
        count = sessions.update(ended_at=timezone.now(), end_reason=reason)
        if count and reason in AUDITED_END_REASONS:
            audit_log(actor=None, action=Action.SIGN_OUT, target=user, target_type=f"accounts.user.session.{reason}")
    return count


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
        "recovery_codes_left": recovery_codes_left(user=user),
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
