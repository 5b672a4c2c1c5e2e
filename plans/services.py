"""Writes of private plans: spaces and their keys, parts, shares, deletion.

Functions take keyword-only arguments and run in a transaction. The data key comes from the caller's open
plan (``plans.session``); it is never stored in clear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.i18n import current_language
from crypto.primitives import DecryptionError, b64d, b64e, new_key
from plans import keys, parts
from plans.keys import KdfParams
from plans.models import Part, Share, ShareView, Space
from plans.selectors import (
    empty_sealed,
    part_aad,
    parts_read,
    share_details_aad,
    share_is_open,
    share_snapshot_aad,
    today,
)

PASSPHRASE_AAD = b"haven.plans.wrapped:passphrase"
RECOVERY_AAD = b"haven.plans.wrapped:recovery"
SHARE_TARGET = "plans.share"


class PartConflict(Exception):
    """The part changed since the form was opened (on another device, or in another tab)."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"the part is now at version {current_version}")
        self.current_version = current_version


@dataclass
class Unlocked:
    space: Space
    key: bytes


# --- Keys ------------------------------------------------------------------------------------


def _group_salt(lookups: list[str], params: KdfParams) -> bytes:
    """Spaces sharing a pseudonym share a salt (see plans.keys); a new pseudonym gets a new one."""
    existing = Space.objects.filter(lookup__in=lookups, kdf=params.encode()).values_list("salt", flat=True).first()
    return b64d(existing) if existing else keys.new_salt()


def _opens_another(*, lookups: list[str], salt: bytes, params: KdfParams, kek: bytes, exclude: int | None) -> bool:
    """True if this pseudonym and passphrase already open another space: the two could not be told apart."""
    others = Space.objects.filter(lookup__in=lookups, salt=b64e(salt), kdf=params.encode())
    if exclude is not None:
        others = others.exclude(pk=exclude)
    for other in others:
        try:
            keys.unwrap(kek, other.passphrase_wrapped, PASSPHRASE_AAD)
        except DecryptionError:
            continue
        return True
    return False


def _set_passphrase(space: Space, *, pseudonym: str, passphrase: str, data_key: bytes) -> None:
    params = keys.current_params()
    lookups = keys.pseudonym_lookups(pseudonym)
    salt = _group_salt(lookups, params)
    kek = keys.derive_key(keys.normalize_passphrase(passphrase), salt, params)
    if _opens_another(lookups=lookups, salt=salt, params=params, kek=kek, exclude=space.pk):
        raise ValidationError({"passphrase": _("Choose another passphrase for this pseudonym.")})
    space.lookup, space.salt, space.kdf = lookups[0], b64e(salt), params.encode()
    space.passphrase_wrapped = keys.wrap(kek, data_key, PASSPHRASE_AAD)


def _set_recovery(space: Space, *, data_key: bytes) -> str:
    params = keys.current_params()
    code = keys.new_code(keys.RECOVERY_CODE_GROUPS)
    salt = keys.new_salt()
    kek = keys.derive_key(code, salt, params)
    space.recovery_lookup = keys.code_lookup("recovery", code)
    space.recovery_salt, space.recovery_kdf = b64e(salt), params.encode()
    space.recovery_wrapped = keys.wrap(kek, data_key, RECOVERY_AAD)
    return code


def space_create(*, pseudonym: str, passphrase: str) -> tuple[Unlocked, str]:
    """A new private space with every part empty; returns it opened, and its recovery code (show it once)."""
    data_key = new_key()
    space = Space()
    _set_passphrase(space, pseudonym=pseudonym, passphrase=passphrase, data_key=data_key)
    code = _set_recovery(space, data_key=data_key)
    space.full_clean()
    with transaction.atomic():
        space.save()
        Part.objects.bulk_create(
            [
                Part(space=space, kind=kind, sealed=empty_sealed(space_id=space.pk, key=data_key, kind=kind))
                for kind in parts.KINDS
            ]
        )
    return Unlocked(space=space, key=data_key), code


def space_unlock(*, pseudonym: str, passphrase: str) -> Unlocked | None:
    """Open a space with its pseudonym and passphrase, or None. An unknown pseudonym costs the same work."""
    lookups = keys.pseudonym_lookups(pseudonym)
    candidates = list(Space.objects.filter(lookup__in=lookups))
    secret = keys.normalize_passphrase(passphrase)
    if not candidates:
        keys.derive_key(secret, keys.decoy_salt(pseudonym), keys.current_params())
        return None
    groups: dict[tuple[str, str], list[Space]] = {}
    for space in candidates:
        groups.setdefault((space.salt, space.kdf), []).append(space)
    for (salt, kdf), spaces in groups.items():
        try:
            kek = keys.derive_key(secret, b64d(salt), KdfParams.decode(kdf))
        except (ValueError, KeyError):
            continue
        for space in spaces:
            try:
                data_key = keys.unwrap(kek, space.passphrase_wrapped, PASSPHRASE_AAD)
            except DecryptionError:
                continue
            if space.lookup != lookups[0] or space.kdf != keys.current_params().encode():
                # After a secret-key rotation or stronger parameters: store the current form.
                with transaction.atomic():
                    _set_passphrase(space, pseudonym=pseudonym, passphrase=passphrase, data_key=data_key)
                    space.save(update_fields=["lookup", "salt", "kdf", "passphrase_wrapped"])
            return Unlocked(space=space, key=data_key)
    return None


def space_recover(*, recovery_code: str, pseudonym: str, passphrase: str) -> tuple[Unlocked, str] | None:
    """Open a space with its recovery code; set a (new) pseudonym and passphrase and a new recovery code."""
    code = keys.normalize_code(recovery_code, keys.RECOVERY_CODE_GROUPS)
    space = Space.objects.filter(recovery_lookup=keys.code_lookup("recovery", code)).first() if code else None
    if space is None:
        keys.derive_key(code or "-", keys.decoy_salt(recovery_code), keys.current_params())
        return None
    try:
        kek = keys.derive_key(code, b64d(space.recovery_salt), KdfParams.decode(space.recovery_kdf))
        data_key = keys.unwrap(kek, space.recovery_wrapped, RECOVERY_AAD)
    except (DecryptionError, ValueError, KeyError):
        return None
    with transaction.atomic():
        _set_passphrase(space, pseudonym=pseudonym, passphrase=passphrase, data_key=data_key)
        new_code = _set_recovery(space, data_key=data_key)
        space.full_clean()
        space.save()
    return Unlocked(space=space, key=data_key), new_code


def passphrase_change(*, space: Space, key: bytes, current: str, new: str) -> bool:
    """Re-wrap the data key under a new passphrase. False when the current passphrase is wrong."""
    try:
        kek = keys.derive_key(keys.normalize_passphrase(current), b64d(space.salt), KdfParams.decode(space.kdf))
        if keys.unwrap(kek, space.passphrase_wrapped, PASSPHRASE_AAD) != key:
            return False
    except (DecryptionError, ValueError, KeyError):
        return False
    params = keys.current_params()
    salt = b64d(space.salt) if space.kdf == params.encode() else _group_salt([space.lookup], params)
    new_kek = keys.derive_key(keys.normalize_passphrase(new), salt, params)
    if _opens_another(lookups=[space.lookup], salt=salt, params=params, kek=new_kek, exclude=space.pk):
        raise ValidationError({"passphrase": _("Choose another passphrase for this pseudonym.")})
    with transaction.atomic():
        Space.objects.filter(pk=space.pk).update(
            salt=b64e(salt), kdf=params.encode(), passphrase_wrapped=keys.wrap(new_kek, key, PASSPHRASE_AAD)
        )
    return True


# --- Parts -----------------------------------------------------------------------------------


def part_save(*, space: Space, key: bytes, kind: str, data: dict[str, Any], expected_version: int) -> int:
    """Replace a part with what the person saw at ``expected_version``; returns the new version.

    Raises PartConflict when the part changed since: nothing is written, and the caller keeps the form.
    """
    sealed = keys.seal_json(key, parts.clean(kind, data), part_aad(space.pk, kind))
    with transaction.atomic():
        if expected_version == 0 and not Part.objects.filter(space=space, kind=kind).exists():
            Part.objects.create(space=space, kind=kind, sealed=sealed, version=1)
            return 1
        updated = Part.objects.filter(space=space, kind=kind, version=expected_version).update(
            sealed=sealed, version=F("version") + 1
        )
        if not updated:
            current = Part.objects.filter(space=space, kind=kind).values_list("version", flat=True).first()
            raise PartConflict(current or 0)
    return expected_version + 1


def part_change(
    *,
    space: Space,
    key: bytes,
    kind: str,
    change: Callable[[dict[str, Any]], dict[str, Any]],
    expected_version: int | None = None,
) -> int:
    """Apply ``change`` to the newest document of a part (a merge: adding, ticking, removing one item).

    With ``expected_version`` it refuses, like ``part_save``, when the part changed since.
    """
    with transaction.atomic():
        part = Part.objects.select_for_update().filter(space=space, kind=kind).first()
        if part is None:
            part = Part(space=space, kind=kind, version=0, sealed="")
            data = parts.empty(kind)
        else:
            data = parts.clean(kind, keys.unseal_json(key, part.sealed, part_aad(space.pk, kind)))
        if expected_version is not None and part.version != expected_version:
            raise PartConflict(part.version)
        part.sealed = keys.seal_json(key, parts.clean(kind, change(data)), part_aad(space.pk, kind))
        part.version += 1
        part.save()
    return part.version


# --- Shares ----------------------------------------------------------------------------------


@dataclass
class Snapshot:
    share: Share
    sections: list[str]
    docs: dict[str, dict[str, Any]]
    created: str


def share_create(*, space: Space, key: bytes, sections: list[str], days: int) -> tuple[Share, str]:
    """A read-only snapshot of the chosen parts, sealed under a new share code (show it once)."""
    sections = [kind for kind in parts.KINDS if kind in sections]
    if not sections or days not in (1, 7, 30):
        raise ValidationError(_("Choose at least one part to share."))
    docs = {kind: doc.data for kind, doc in parts_read(space=space, key=key, kinds=sections).items()}
    code = keys.new_code(keys.SHARE_CODE_GROUPS)
    params, salt = keys.current_params(), keys.new_salt()
    lookup = keys.code_lookup("share", code)
    created = today().isoformat()
    snapshot = {"sections": sections, "parts": docs, "created": created, "lang": current_language()}
    share = Share(
        space=space,
        lookup=lookup,
        salt=b64e(salt),
        kdf=params.encode(),
        snapshot=keys.seal_json(keys.derive_key(code, salt, params), snapshot, share_snapshot_aad(lookup)),
        details=keys.seal_json(key, {"sections": sections, "created": created}, share_details_aad(space.pk, lookup)),
        expires_on=today() + timedelta(days=days),
    )
    share.full_clean()
    with transaction.atomic():
        share.save()
    return share, code


def share_revoke(*, space: Space, share_id: int) -> bool:
    """Stop a share at once: the snapshot is erased; the record of views stays for the person to see."""
    with transaction.atomic():
        return bool(Share.objects.filter(space=space, pk=share_id, revoked=False).update(revoked=True, snapshot=""))


def shares_revoke_for_organisation(*, organisation: Organisation) -> dict[str, int]:
    """An organisation is offboarded: the shares it redeemed stop at once and their snapshots are erased."""
    revoked = Share.objects.filter(organisation=organisation, revoked=False).update(
        revoked=True, snapshot="", organisation=None
    )
    return {"plans.Share (revoked)": revoked}


def shares_purge_expired() -> int:
    """Erase the snapshots of shares past their expiry (run daily; also done when one is opened)."""
    with transaction.atomic():
        return Share.objects.filter(expires_on__lt=today()).exclude(snapshot="").update(snapshot="")


def share_open(*, code: str, organisation: Organisation, actor: User) -> Snapshot | None:
    """A caseworker opens a share: the first organisation to open it redeems it; no other organisation can.

    Every opening is audit-logged and shown to the person (the date and the organisation's name).
    Returns None, whatever the reason, when the code does not open a snapshot for this organisation.
    """
    normalized = keys.normalize_code(code, keys.SHARE_CODE_GROUPS)
    if not normalized:
        return None
    lookup = keys.code_lookup("share", normalized)
    share = Share.objects.filter(lookup=lookup).first()
    if share is None:
        return None
    if not share_is_open(share):
        if share.snapshot:
            shares_purge_expired()
        return None
    if share.organisation_id not in (None, organisation.pk):
        return None
    try:
        code_key = keys.derive_key(normalized, b64d(share.salt), KdfParams.decode(share.kdf))
        data = keys.unseal_json(code_key, share.snapshot, share_snapshot_aad(lookup))
    except (DecryptionError, ValueError, KeyError):
        return None
    with transaction.atomic():
        locked = Share.objects.select_for_update().get(pk=share.pk)
        if locked.organisation_id is None:
            locked.organisation = organisation
            locked.save(update_fields=["organisation"])
        elif locked.organisation_id != organisation.pk:
            return None  # another organisation redeemed it a moment ago
        ShareView.objects.create(share=locked, organisation_name=organisation.name, viewed_on=today())
        audit_log(
            actor=actor,
            action=Action.READ,
            target_type=SHARE_TARGET,
            target_id=str(locked.pk),
            organisation_id=organisation.pk,
        )
    sections = [kind for kind in data.get("sections", []) if kind in parts.KINDS]
    docs = {kind: parts.clean(kind, data.get("parts", {}).get(kind)) for kind in sections}
    return Snapshot(share=locked, sections=sections, docs=docs, created=str(data.get("created", "")))


# --- Leaving ---------------------------------------------------------------------------------


def space_delete(*, space: Space) -> None:
    """Delete the space and everything in it, at once and for good: parts, shares and their view records."""
    with transaction.atomic():
        ShareView.objects.filter(share__space=space).delete()
        Share.objects.filter(space=space).delete()
        Part.objects.filter(space=space).delete()
        Space.objects.filter(pk=space.pk).delete()
