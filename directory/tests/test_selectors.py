"""Reads other apps use (``services_for``) and the opening-hours rule behind "open now"."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from directory.models import Schedule, Service
from directory.selectors import is_open, services_for

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.mark.django_db
def test_services_for_returns_open_services_for_the_domains_in_the_region():
    found = services_for(domains=["trafficking", "residence"], region="wallonia", lang="fr", limit=5)
    assert found[0].slug == "surya-victim-support"  # matches both domains
    assert found[0].title == "Aide aux victimes de la traite des êtres humains"
    assert found[0].url == "/fr/directory/service/surya-victim-support/"
    assert found[0].lang == "fr"
    assert all(s.slug != "pag-asa-victim-support" for s in found)  # Brussels only
    assert len(found) <= 5


@pytest.mark.django_db
def test_services_for_without_a_region_and_with_nothing_to_find():
    housing = Service.objects.filter(domains__slug="housing").count()
    assert len(services_for(domains=["housing"], region=None, lang="en", limit=10)) == housing >= 4
    assert services_for(domains=[], region=None, lang="en", limit=10) == []
    assert services_for(domains=["housing"], region="atlantis", lang="en", limit=10) == []
    Service.objects.filter(slug="pag-asa-shelter-accommodation").update(status="inactive")
    assert "pag-asa-shelter-accommodation" not in [
        s.slug for s in services_for(domains=["housing"], region=None, lang="en", limit=10)
    ]


@pytest.mark.django_db
def test_the_personal_planner_can_use_it():
    from plans.selectors import directory_services

    suggestions = directory_services(domains=["sexual-health"], region="flanders", lang="nl", limit=3)
    assert suggestions and all(s.url.startswith("/nl/directory/service/") for s in suggestions)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23 + day, hour, minute, tzinfo=BRUSSELS)  # 23 November 2026 is a Monday


def test_opening_hours_within_a_day():
    schedule = Schedule(byday="MO,TU", opens_at=time(9), closes_at=time(17))
    assert is_open(schedule, at(0, 9)) and is_open(schedule, at(1, 16, 59))
    assert not is_open(schedule, at(0, 17)) and not is_open(schedule, at(2, 10))


def test_opening_hours_past_midnight():
    schedule = Schedule(byday="FR", opens_at=time(22), closes_at=time(4))
    assert is_open(schedule, at(4, 23)) and is_open(schedule, at(5, 3, 59))
    assert not is_open(schedule, at(5, 4)) and not is_open(schedule, at(3, 23))


def test_opening_hours_use_brussels_time_whatever_the_clock_says():
    schedule = Schedule(byday="MO", opens_at=time(9), closes_at=time(10))
    utc = datetime(2026, 11, 23, 8, 30, tzinfo=ZoneInfo("UTC"))  # 09:30 in Brussels (winter time)
    assert is_open(schedule, utc)
