"""Demo accounts (their password and second-factor secrets are in the README) never exist in production."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.demo import DEMO_STAFF, demo_seed
from accounts.models import User


@pytest.mark.django_db
def test_the_demo_is_never_seeded_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        demo_seed()
    assert not User.objects.filter(email__in=[staff.email for staff in DEMO_STAFF]).exists()


@pytest.mark.django_db
def test_the_demo_is_seeded_elsewhere_and_seeding_again_changes_nothing():
    demo_seed()
    assert demo_seed() == "0 demo staff created"
    assert User.objects.filter(email__in=[staff.email for staff in DEMO_STAFF]).count() == len(DEMO_STAFF)
