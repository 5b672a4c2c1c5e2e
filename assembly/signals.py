"""A member who is forgotten (``members.signals.member_forgotten``): their pseudonym leaves the ballots' options.

Participations keep their row without the member (SET_NULL) so that counts still add up; proxies and candidacies
go with the member (CASCADE); nothing else here names a member."""

from __future__ import annotations

from typing import Any


def _forget(sender: Any, organisation_id: int, member_id: Any, **kwargs: Any) -> None:
    from assembly.models import Option
    from core.scopes import scope

    with scope(organisation=organisation_id):
        for option in Option.objects.filter(candidacy__member_id=member_id):
            option.label = ""
            option.candidacy = None
            option.save(update_fields=["label", "candidacy"])


def connect() -> None:
    from members.signals import member_forgotten

    member_forgotten.connect(_forget, dispatch_uid="assembly-forget-member")
