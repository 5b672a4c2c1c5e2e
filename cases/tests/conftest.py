from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from cases import services
from cases.models import Case, ContactRoute, SubBranch
from core.scopes import scope


def open_case_for(organisation: Any, worker: Any, name: str = "Jade") -> Case:
    with scope(organisation=organisation):
        return services.client_create(
            organisation=organisation,
            actor=worker,
            working_name=name,
            contact_route=ContactRoute.FIELDWORK_OFFLINE,
            sub_branch=SubBranch.WINDOW,
            languages=["nl"],
            opened_on=timezone.localdate() - timedelta(days=10),
            profile=services.profiles_ensure(organisation=organisation)[0],
        )


@pytest.fixture
def case(trio: Any) -> Case:
    """An open case of organisation A, led by Bob (the colleague of Alice, the owner)."""
    return open_case_for(trio.org_a, trio.bob)
