"""Two admins accept the last place at the same moment: PostgreSQL serialises them on the semester row."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from core.scopes import scope
from volunteering import services
from volunteering.models import InternshipApplication, Status
from volunteering.tests.factories import internship_application, semester

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.parametrize("places", [1, 2])
def test_two_admins_accepting_at_once_never_fill_more_places_than_there_are(trio, places):
    found = semester(trio.org_a, places=places)
    applications = [internship_application(trio.org_a, found, name=f"Intern {n}") for n in range(places + 3)]
    start = threading.Barrier(len(applications))
    outcomes: list[str] = []

    def accept(application: InternshipApplication) -> None:
        try:
            with scope(organisation=trio.org_a):
                start.wait()
                services.internship_update(actor=trio.alice, application=application, status=Status.ACCEPTED, notes="")
            outcomes.append("accepted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes).count("accepted") == places
    with scope(organisation=trio.org_a):
        assert InternshipApplication.objects.filter(status=Status.ACCEPTED).count() == places
