"""Event capacity under concurrent registrations (PostgreSQL: the event row is locked while places are counted)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from core.scopes import scope
from events import services
from events.models import Registration, RegistrationStatus
from events.tests.helpers import make_event


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_capacity_holds_when_many_register_at_once(trio):
    event = make_event(trio.org_a, capacity=3)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def register(n: int) -> None:
        try:
            barrier.wait()
            services.registration_create(event=event, pseudonym=f"P{n}", language="en")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with scope(organisation=trio.org_a):
        confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count()
        waiting = Registration.objects.filter(status=RegistrationStatus.WAITING).count()
    assert (confirmed, waiting) == (3, 5)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_place_given_back_goes_to_one_person_when_two_give_back_at_once(trio):
    event = make_event(trio.org_a, capacity=2)
    regs = [services.registration_create(event=event, pseudonym=f"P{n}", language="en").registration for n in range(5)]
    barrier = threading.Barrier(2)

    def cancel(registration: Registration) -> None:
        try:
            barrier.wait()
            services.registration_cancel(registration=registration)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in regs[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with scope(organisation=trio.org_a):
        confirmed = set(Registration.objects.filter(status=RegistrationStatus.CONFIRMED).values_list("pk", flat=True))
    assert confirmed == {regs[2].pk, regs[3].pk}
