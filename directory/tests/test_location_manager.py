"""Confidential places by construction: the default manager of locations returns public rows only, and code
that needs a confidential address asks for it by name (``Location.including_confidential``)."""

import pytest
from django.core.exceptions import ValidationError

from directory.models import Location, Organization, ServiceAtLocation
from directory.tests.conftest import SHELTERS


@pytest.mark.django_db
def test_the_default_manager_returns_only_public_locations():
    assert Location.including_confidential.filter(slug__in=SHELTERS).count() == len(SHELTERS)
    assert not Location.objects.filter(slug__in=SHELTERS).exists()
    assert not Location.objects.filter(confidential=True).exists()
    assert Location.objects.exists()
    with pytest.raises(Location.DoesNotExist):
        Location.objects.get(slug=SHELTERS[0])


@pytest.mark.django_db
def test_related_managers_and_prefetches_leave_confidential_locations_out():
    shelter = Location.including_confidential.get(slug=SHELTERS[0])
    organization = Organization.objects.prefetch_related("locations").get(pk=shelter.organization_id)
    assert shelter not in organization.locations.all()
    service = ServiceAtLocation.objects.filter(location=shelter).first().service
    assert shelter not in service.locations.all()
    assert shelter not in Location.objects.public()


@pytest.mark.django_db
def test_code_that_needs_the_confidential_address_asks_for_it_by_name():
    shelter = Location.including_confidential.get(slug=SHELTERS[0])
    assert shelter.confidential
    place = ServiceAtLocation.objects.filter(location_id=shelter.pk).select_related("location").get()
    assert place.location == shelter  # a foreign key reaches it, for staff who hold the link
    assert ServiceAtLocation.objects.get(pk=place.pk).location == shelter


@pytest.mark.django_db
def test_deleting_an_organization_deletes_its_confidential_locations_too():
    shelter = Location.including_confidential.get(slug=SHELTERS[0])
    Organization.objects.filter(pk=shelter.organization_id).delete()
    assert not Location.including_confidential.filter(pk=shelter.pk).exists()


@pytest.mark.django_db
def test_a_new_location_cannot_take_the_slug_of_a_confidential_one():
    shelter = Location.including_confidential.get(slug=SHELTERS[0])
    twin = Location(organization_id=shelter.organization_id, slug=shelter.slug, name={"en": "Twin"})
    with pytest.raises(ValidationError) as error:
        twin.validate_unique()
    assert "slug" in error.value.message_dict
