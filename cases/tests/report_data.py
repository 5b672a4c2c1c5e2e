"""Test data for the funder report: cases made through the services, with known counts."""

from __future__ import annotations

import datetime
from typing import Any

from accounts.models import Organisation, User
from cases import services
from cases.models import ContactRoute, NeedStatus, Outcome, SubBranch
from core.scopes import scope
from vocabulary.selectors import region_by_slug

YEAR = 2025


def add_cases(
    organisation: Organisation,
    worker: User,
    n: int,
    *,
    day: datetime.date = datetime.date(YEAR, 2, 10),
    sub_branch: str = SubBranch.WINDOW,
    route: str = ContactRoute.FIELDWORK_OFFLINE,
    region: str | None = "brussels",
    outcome: str | None = None,
    closed_on: datetime.date | None = None,
    needs: list[dict[str, Any]] | None = None,
    marker: str = "",
) -> list[Any]:
    made = []
    with scope(organisation=organisation):
        profile = services.profiles_ensure(organisation=organisation)[0]
        for _ in range(n):
            case = services.client_create(
                organisation=organisation,
                actor=worker,
                working_name=f"Client {marker}",
                contact_route=route,
                sub_branch=sub_branch,
                opened_on=day,
                region=region_by_slug(region) if region else None,
                profile=profile,
                wishes=marker,
            )
            for n_assessment, statuses in enumerate(needs or []):
                services.assessment_create(
                    case=case,
                    actor=worker,
                    assessed_on=day + datetime.timedelta(days=30 * n_assessment),
                    note=marker,
                    needs={slug: (status, marker) for slug, status in statuses.items()},
                )
            if outcome:
                case = services.case_close(
                    case=case,
                    actor=worker,
                    expected_version=case.version,
                    outcome=outcome,
                    closed_on=closed_on or day + datetime.timedelta(days=100),
                    note=marker,
                    follow_up=False,
                )
            made.append(case)
    return made


def standard(organisation: Organisation, worker: User, marker: str = "") -> None:
    """40 windows in Brussels (Q1), 3 street workers in Brussels (Q1), 6 escorts in Flanders (Q2),
    2 online in Flanders (Q2); 5 of the windows closed as exits in Q2, 2 as moved away."""
    add_cases(organisation, worker, 33, marker=marker)
    add_cases(organisation, worker, 5, outcome=Outcome.EXITED, marker=marker)
    add_cases(organisation, worker, 2, outcome=Outcome.MOVED, marker=marker)
    add_cases(organisation, worker, 3, sub_branch=SubBranch.STREET, route=ContactRoute.PEER, marker=marker)
    add_cases(
        organisation,
        worker,
        6,
        day=datetime.date(YEAR, 5, 3),
        sub_branch=SubBranch.ESCORT_INDEPENDENT,
        route=ContactRoute.SELF,
        region="flanders",
        needs=[{"housing": NeedStatus.URGENT}, {"housing": NeedStatus.MOSTLY}],
        marker=marker,
    )
    add_cases(
        organisation,
        worker,
        2,
        day=datetime.date(YEAR, 5, 3),
        sub_branch=SubBranch.ONLINE,
        route=ContactRoute.SELF,
        region="flanders",
        needs=[{"housing": NeedStatus.SERIOUS}, {"housing": NeedStatus.URGENT}],
        marker=marker,
    )
