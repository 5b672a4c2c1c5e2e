"""Phone numbers: stored in E.164, shown in international form, dialled in E.164; short numbers as they are."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from directory.models import Phone, Service, validate_phone_number
from lib.phones import InvalidPhoneNumber, international, tel_target, to_e164


@pytest.mark.parametrize(
    ("written", "stored", "shown"),
    [
        ("+32 2 511 64 64", "+3225116464", "+32 2 511 64 64"),
        ("02 511 64 64", "+3225116464", "+32 2 511 64 64"),
        ("0800 30 030", "+3280030030", "+32 800 30 030"),
        ("03 201 16 90", "+3232011690", "+32 3 201 16 90"),
        ("+31 20 123 4567", "+31201234567", "+31 20 123 4567"),
    ],
)
def test_a_number_is_stored_in_e164_and_shown_in_international_form(written, stored, shown):
    assert to_e164(written) == stored
    assert international(written) == shown
    assert tel_target(written) == stored


@pytest.mark.parametrize("short", ["112", "101", "106", "107", "1712"])
def test_short_numbers_stay_as_they_are(short):
    assert to_e164(short) == international(short) == tel_target(short) == short


def test_a_number_without_a_country_code_is_read_in_the_given_country():
    assert to_e164("020 123 4567", "NL") == "+31201234567"


@pytest.mark.parametrize("bad", ["12", "+32 2 000 00 00", "call us", ""])
def test_a_number_that_cannot_be_dialled_is_refused(bad):
    with pytest.raises(InvalidPhoneNumber):
        to_e164(bad)
    with pytest.raises(ValidationError):
        validate_phone_number(bad)


@pytest.mark.django_db
def test_the_loader_stores_every_phone_in_e164_or_as_a_short_number():
    numbers = list(Phone.objects.values_list("number", flat=True))
    assert numbers
    for number in numbers:
        assert (number.startswith("+") and " " not in number) or (number.isdigit() and len(number) <= 4), number
    assert Phone.objects.filter(service__slug="ecoute-violences-conjugales-line", number="+3280030030").exists()
    assert Phone.objects.filter(service__slug="tele-accueil-107", number="107").exists()


@pytest.mark.django_db
def test_a_service_page_shows_the_international_form_and_dials_e164(client: Client):
    html = client.get("/fr/directory/service/ecoute-violences-conjugales-line/").content.decode()
    assert '<a class="phone" href="tel:+3280030030">+32 800 30 030</a>' in html
    html = client.get("/en/directory/service/emergency-112/").content.decode()
    assert '<a class="phone" href="tel:112">112</a>' in html


@pytest.mark.django_db
def test_the_helpline_box_dials_e164(client: Client):
    from knowledge.models import Item

    slug = Item.objects.filter(emergency_box=True).values_list("slug", flat=True).first()
    html = client.get(f"/en/knowledge/{slug}/").content.decode()
    assert 'href="tel:+3280030030">+32 800 30 030</a>' in html
    assert 'href="tel:112">112</a>' in html
    assert "tel:0800" not in html


@pytest.mark.django_db
def test_a_staff_edit_stores_the_number_in_e164():
    service = Service.objects.get(slug="pag-asa-victim-support")
    phone = Phone(service=service, number="02 511 64 64")
    phone.full_clean()
    assert phone.number == "+3225116464"


def test_a_short_number_the_library_does_not_know_yet_is_kept():
    assert to_e164("113", "NL") == "113"
