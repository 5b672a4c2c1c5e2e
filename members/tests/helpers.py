"""Test helpers: make members and sign them in."""

from __future__ import annotations

from django.test import Client

from accounts.models import Organisation
from members import services
from members.models import Member, MemberKind

PASSPHRASE = "lamp river seven tulips"


def make_member(
    organisation: Organisation,
    *,
    pseudonym: str = "Robin",
    kind: str = MemberKind.ACTIVE,
    approve: bool = True,
    email: str = "",
    language: str = "en",
    actor: object = None,
) -> tuple[Member, str]:
    applied = services.member_apply(
        organisation=organisation,
        pseudonym=pseudonym,
        kind=kind,
        states_experience=kind == MemberKind.ACTIVE,
        passphrase=PASSPHRASE,
        language=language,
        email=email,
    )
    if approve:
        services.member_decide(actor=actor, member=applied.member, approve=True)  # type: ignore[arg-type]
    return applied.member, applied.code


def member_sign_in(client: Client, organisation: Organisation, code: str, passphrase: str = PASSPHRASE) -> None:
    response = client.post(f"/en/members/{organisation.slug}/sign-in/", {"code": code, "passphrase": passphrase})
    assert response.status_code == 302, response.content.decode()[:2000]
