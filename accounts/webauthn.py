"""Security keys and passkeys (WebAuthn): the phishing-resistant second factor.

The relying party is the host the request came to (already checked against ALLOWED_HOSTS), so the
browser's own origin check ties a key to this site and no other.
"""

from __future__ import annotations

import json
from typing import Any

import webauthn
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from accounts.models import User, WebAuthnCredential
from audit.services import Action, audit_log

CHALLENGE_KEY = "haven_webauthn_challenge"


class WebAuthnError(Exception):
    pass


def _rp(request: HttpRequest) -> tuple[str, str]:
    host = request.get_host()
    return host.rsplit(":", 1)[0].strip("[]"), f"{request.scheme}://{host}"


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(id=webauthn.base64url_to_bytes(c.credential_id))
        for c in user.webauthn_credentials.all()
    ]


def registration_options(request: HttpRequest, user: User) -> str:
    rp_id, _origin = _rp(request)
    options = webauthn.generate_registration_options(
        rp_id=rp_id,
        rp_name="Haven",
        user_name=user.email,
        user_id=f"haven-{user.pk}".encode(),
        user_display_name=user.name,
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED, user_verification=UserVerificationRequirement.PREFERRED
        ),
    )
    request.session[CHALLENGE_KEY] = bytes_to_base64url(options.challenge)
    return webauthn.options_to_json(options)


def _challenge(request: HttpRequest) -> bytes:
    challenge = request.session.pop(CHALLENGE_KEY, None)
    if not challenge:
        raise WebAuthnError("no challenge")
    return webauthn.base64url_to_bytes(challenge)


def credential_register(request: HttpRequest, *, user: User, name: str, credential: str) -> WebAuthnCredential:
    rp_id, origin = _rp(request)
    try:
        verified = webauthn.verify_registration_response(
            credential=json.loads(credential),
            expected_challenge=_challenge(request),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as exc:
        raise WebAuthnError(str(exc)) from exc
    with transaction.atomic():
        stored = WebAuthnCredential.objects.create(
            user=user,
            name=name.strip()[:80] or "Security key",
            credential_id=bytes_to_base64url(verified.credential_id),
            public_key=bytes_to_base64url(verified.credential_public_key),
            sign_count=verified.sign_count,
        )
        audit_log(actor=user, action=Action.UPDATE, target=user, target_type="accounts.user.webauthn")
    return stored


def authentication_options(request: HttpRequest, user: User) -> str:
    rp_id, _origin = _rp(request)
    options = webauthn.generate_authentication_options(rp_id=rp_id, allow_credentials=_descriptors(user))
    request.session[CHALLENGE_KEY] = bytes_to_base64url(options.challenge)
    return webauthn.options_to_json(options)


def credential_authenticate(request: HttpRequest, *, user: User, credential: str) -> WebAuthnCredential:
    rp_id, origin = _rp(request)
    try:
        data: dict[str, Any] = json.loads(credential)
        stored = user.webauthn_credentials.get(credential_id=data.get("id", ""))
        verified = webauthn.verify_authentication_response(
            credential=data,
            expected_challenge=_challenge(request),
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=webauthn.base64url_to_bytes(stored.public_key),
            credential_current_sign_count=stored.sign_count,
        )
    except (InvalidAuthenticationResponse, WebAuthnCredential.DoesNotExist, ValueError, KeyError, TypeError) as exc:
        raise WebAuthnError(str(exc)) from exc
    stored.sign_count = verified.new_sign_count
    stored.last_used_at = timezone.now()
    stored.save(update_fields=["sign_count", "last_used_at"])
    return stored
