"""Loading content/directory/: idempotent by slug, stable ids, staff edits kept, search documents written."""

import tomllib

import pytest

from directory.bundle import DIRECTORY_DIR, directory_load
from directory.models import Location, Organization, Service, stable_id
from directory.tests.conftest import BUNDLED_ORGANIZATIONS, BUNDLED_SERVICES
from search.models import Document


def _bundled_counts() -> tuple[int, int]:
    """(organisations, services) in content/directory/, counted from the files themselves."""
    files = [tomllib.loads(path.read_text(encoding="utf-8")) for path in DIRECTORY_DIR.glob("*.toml")]
    return len(files), sum(len(data.get("services", [])) for data in files)


ORGANIZATIONS, SERVICES = _bundled_counts()


def test_the_bundle_holds_belgian_and_dutch_organizations():
    assert ORGANIZATIONS >= 21 + 16 and SERVICES >= 44 + 18


@pytest.mark.django_db
def test_every_seeded_organization_and_service_is_loaded():
    assert Organization.objects.count() == BUNDLED_ORGANIZATIONS
    assert Service.objects.count() == BUNDLED_SERVICES
    assert set(Location.including_confidential.filter(confidential=True).values_list("slug", flat=True)) == {
        "pag-asa-shelter",
        "surya-shelter",
    }


@pytest.mark.django_db
def test_loading_again_changes_nothing():
    summary = directory_load()
    assert (summary.created, summary.updated, summary.conflicts) == (0, 0, [])
    assert summary.unchanged == BUNDLED_ORGANIZATIONS + BUNDLED_SERVICES


@pytest.mark.django_db
def test_ids_are_the_same_on_every_installation():
    assert Service.objects.get(slug="pag-asa-victim-support").pk == stable_id("service", "pag-asa-victim-support")
    assert Organization.objects.get(slug="pag-asa").pk == stable_id("organization", "pag-asa")


@pytest.mark.django_db
def test_a_listing_edited_by_staff_is_kept_unless_asked():
    service = Service.objects.get(slug="payoke-victim-support")
    service.name = {"en": "Edited in the application"}
    service.edited_in_app = True
    service.bundle_digest = "outdated"
    service.save()

    summary = directory_load()
    assert service.slug in summary.conflicts
    assert "edited in the application and kept" in str(summary)
    assert Service.objects.get(pk=service.pk).name == {"en": "Edited in the application"}

    directory_load(overwrite_edits=True)
    reloaded = Service.objects.get(pk=service.pk)
    assert reloaded.name["en"] != "Edited in the application"
    assert not reloaded.edited_in_app


@pytest.mark.django_db
def test_a_bad_file_is_refused_with_its_name(tmp_path):
    (tmp_path / "broken.toml").write_text(
        'slug = "broken"\nname = { en = "Broken" }\ndescription = { en = "x", nl = "x", fr = "x" }\n', encoding="utf-8"
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=r"broken\.toml: name is missing"):
        directory_load(path=tmp_path)
    assert not Organization.objects.filter(slug="broken").exists()


@pytest.mark.django_db
def test_every_service_and_organization_is_searchable_in_three_languages():
    for kind, count in (("service", BUNDLED_SERVICES), ("organisation", BUNDLED_ORGANIZATIONS)):
        for lang in ("nl", "fr", "en"):
            assert Document.objects.filter(kind=kind, lang=lang).count() == count, (kind, lang)
    document = Document.objects.get(kind="service", key="pag-asa-victim-support", lang="fr")
    assert document.url == "/fr/directory/service/pag-asa-victim-support/"


@pytest.mark.django_db
def test_a_removed_listing_leaves_the_search_index():
    Organization.objects.get(slug="violett").delete()  # its services go with it
    assert not Document.objects.filter(key__startswith="violett").exists()


def _countries(kind: str, key: str) -> set[str]:
    return set(Document.objects.filter(kind=kind, key=key).values_list("country", flat=True))


@pytest.mark.django_db
def test_a_listing_in_one_country_is_a_document_of_that_country_and_one_in_both_of_none():
    from directory.models import ServiceArea
    from directory.services import organization_index, service_index
    from vocabulary.selectors import country_by_code

    assert _countries("service", "nl-csg-care-after-sexual-violence") == {"nl"}  # areas = ["NL"]
    assert _countries("organisation", "nl-centrum-seksueel-geweld") == {"nl"}
    assert _countries("service", "actiris-job-seeker-registration") == {"be"}  # areas = ["brussels"]
    assert _countries("organisation", "actiris") == {"be"}
    service = Service.objects.get(slug="actiris-job-seeker-registration")
    ServiceArea.objects.create(service=service, country=country_by_code("NL"))
    service_index(service=service)
    organization_index(organization=service.organization)
    assert _countries("service", "actiris-job-seeker-registration") == {""}
    assert _countries("organisation", "actiris") == {""}


@pytest.mark.django_db
def test_a_public_place_counts_for_the_country_of_a_listing_and_a_confidential_one_does_not():
    from directory.models import ServiceAtLocation
    from directory.services import service_index
    from vocabulary.selectors import city_by_slug

    service = Service.objects.get(slug="actiris-job-seeker-registration")  # Brussels only: "be"
    place = Location.objects.create(
        organization=service.organization, slug="quokka-amsterdam", confidential=True, city=city_by_slug("amsterdam")
    )
    ServiceAtLocation.objects.create(service=service, location=place)
    service_index(service=service)
    assert _countries("service", "actiris-job-seeker-registration") == {"be"}
    Location.including_confidential.filter(pk=place.pk).update(confidential=False)
    service_index(service=service)
    assert _countries("service", "actiris-job-seeker-registration") == {""}
