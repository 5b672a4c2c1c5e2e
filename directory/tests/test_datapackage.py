"""The HSDS tabular datapackage: the tables of the spec, export then import round-trips, imports are
idempotent, and a bad row is reported with its file and line while nothing is imported."""

import csv
import filecmp
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from directory.datapackage import TABLES, export_datapackage
from directory.hsds_import import ImportFailed, import_datapackage
from directory.models import Location, Organization, Phone, Schedule, Service, ServiceAtLocation
from directory.tests.conftest import BUNDLED_ORGANIZATIONS, BUNDLED_SERVICES, hsds_schema
from search.models import Document


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rewrite(folder: Path, name: str, change) -> None:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, data = reader.fieldnames, list(reader)
    change(data)
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)


def test_the_tables_are_those_of_hsds_3():
    tabular = hsds_schema("compiled/tabular.json")["properties"]
    assert [table.name for table in TABLES] == list(tabular)
    for table in TABLES:
        spec = tabular[table.name]["items"]
        assert table.path == spec["path"]
        scalar = [
            name
            for name, prop in spec["properties"].items()
            if prop.get("type") not in ("array", "object") and "$ref" not in prop
        ]
        assert list(table.columns) == scalar, table.name


@pytest.mark.django_db
def test_the_export_is_a_datapackage_of_csv_files(tmp_path):
    summary = export_datapackage(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert files(tmp_path) == sorted(["datapackage.json", *(table.path for table in TABLES)])
    for resource, table in zip(descriptor["resources"], TABLES, strict=True):
        assert resource["path"] == table.path
        assert [field["name"] for field in resource["schema"]["fields"]] == list(rows_header(tmp_path / table.path))
    assert summary.rows["organization"] == BUNDLED_ORGANIZATIONS and summary.rows["service"] == BUNDLED_SERVICES
    services = {row["name_fr"]: row for row in rows(tmp_path, "services.csv")}
    assert "Soins et aide sociale" in services
    assert services["Soins et aide sociale"]["name"] == "Health care and social help"


def rows_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.mark.django_db
def test_export_wipe_import_export_gives_the_same_files(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    export_datapackage(first)
    Organization.objects.all().delete()
    assert Service.objects.count() == Location.including_confidential.count() == Phone.objects.count() == 0

    summary = import_datapackage(first)
    assert summary.total("created") > 200
    export_datapackage(second)

    assert files(first) == files(second)
    different = [name for name in files(first) if not filecmp.cmp(first / name, second / name, shallow=False)]
    assert different == []
    assert Document.objects.filter(kind="service", lang="nl").count() == BUNDLED_SERVICES  # searchable again


@pytest.mark.django_db
def test_importing_the_same_package_again_changes_nothing(tmp_path):
    export_datapackage(tmp_path)
    before = {s.pk: s.updated_at for s in Service.objects.all()}
    summary = import_datapackage(tmp_path)
    assert summary.total("created") == summary.total("updated") == 0
    assert not summary.removed
    assert {s.pk: s.updated_at for s in Service.objects.all()} == before
    assert not Service.objects.filter(edited_in_app=True).exists()


@pytest.mark.django_db
def test_an_import_updates_and_removes_what_the_package_says(tmp_path):
    export_datapackage(tmp_path)

    def rename(data):
        for row in data:
            if row["slug"] == "violett-health-care":
                row["name_nl"] = "Gezondheidszorg bij Violett"

    rewrite(tmp_path, "services.csv", rename)
    service = Service.objects.get(slug="pag-asa-victim-support")
    schedules = Schedule.objects.count()
    rewrite(tmp_path, "schedules.csv", lambda data: data.clear())
    schedules = Schedule.objects.count()
    summary = import_datapackage(tmp_path)
    assert summary.counts["service"]["updated"] == 1
    changed = Service.objects.get(slug="violett-health-care")
    assert changed.name["nl"] == "Gezondheidszorg bij Violett" and changed.edited_in_app
    assert not Schedule.objects.filter(service=service).exists()
    assert schedules > 3 and summary.removed["schedule"] == schedules


@pytest.mark.django_db
def test_an_import_never_touches_confidential_locations(tmp_path):
    export_datapackage(tmp_path)
    import_datapackage(tmp_path)
    assert ServiceAtLocation.objects.filter(location__slug__in=["pag-asa-shelter", "surya-shelter"]).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        ("services.csv", lambda data: data[4].update(status="open"), "services.csv line 6: status"),
        (
            "services.csv",
            lambda data: data[2].update(id="not-a-uuid"),
            "services.csv line 4: id 'not-a-uuid' is not a UUID",
        ),
        (
            "services.csv",
            lambda data: data[0].update(organization_id="9b2f8c1e-0000-4000-8000-000000000000"),
            "services.csv line 2: organization",
        ),
        ("phones.csv", lambda data: data[1].update(number="call us"), "phones.csv line 3: number"),
        (
            "schedules.csv",
            lambda data: data[0].update(opens_at="nine"),
            "schedules.csv line 2: opens_at 'nine' is not a time",
        ),
        ("languages.csv", lambda data: data[0].update(code="English"), "languages.csv line 2: code must be"),
        (
            "attributes.csv",
            lambda data: data[0].update(taxonomy_term_id="9b2f8c1e-0000-4000-8000-000000000000"),
            "attributes.csv line 2: taxonomy_term_id",
        ),
        ("locations.csv", lambda data: data[0].update(city="atlantis"), "locations.csv line 2: city 'atlantis'"),
        (
            "service_areas.csv",
            lambda data: data[0].update(area="mars", name="Mars"),
            "service_areas.csv line 2: area 'mars'",
        ),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_imported(tmp_path, file, change, message):
    export_datapackage(tmp_path)
    rewrite(tmp_path, "organizations.csv", lambda data: data[0].update(name="Renamed by the package"))
    rewrite(tmp_path, file, change)
    with pytest.raises(ImportFailed) as failed:
        import_datapackage(tmp_path)
    assert any(error.startswith(message) for error in failed.value.errors), failed.value.errors
    assert not Organization.objects.filter(name__en="Renamed by the package").exists()  # rolled back


@pytest.mark.django_db
def test_the_commands_show_progress_and_a_summary(tmp_path):
    out, err = StringIO(), StringIO()
    call_command("export_hsds", str(tmp_path), stdout=out, stderr=err)
    assert f"organization: {BUNDLED_ORGANIZATIONS}" in out.getvalue()
    assert f"service: {BUNDLED_SERVICES}" in out.getvalue()
    assert "Exporting tables [" in err.getvalue() and f"{len(TABLES)}/{len(TABLES)}" in err.getvalue()
    out, err = StringIO(), StringIO()
    call_command("import_hsds", str(tmp_path), stdout=out, stderr=err)
    assert "0 created, 0 updated" in out.getvalue()
    assert "Importing rows [##############################]" in err.getvalue()


@pytest.mark.django_db
def test_the_import_command_reports_problems_and_fails(tmp_path):
    export_datapackage(tmp_path)
    rewrite(tmp_path, "services.csv", lambda data: data[0].update(status="open"))
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_hsds", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "services.csv line 2: status" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path / "missing"), stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_tables_haven_does_not_use_are_skipped_and_said_so(tmp_path):
    export_datapackage(tmp_path)
    (tmp_path / "programs.csv").write_text(
        "id,organization_id,name,alternate_name,description\n"
        "0f2b6a7e-1111-4a8b-9c0d-222222222222,,A programme,,Words\n",
        encoding="utf-8",
    )
    assert "programs.csv" in str(import_datapackage(tmp_path))


@pytest.mark.django_db
def test_a_package_cannot_reach_a_confidential_location(tmp_path):
    export_datapackage(tmp_path)
    shelter = Location.including_confidential.get(slug="pag-asa-shelter")
    service = Service.objects.get(slug="pag-asa-shelter-accommodation")
    link = ServiceAtLocation.objects.get(location=shelter)

    def add_link(data):
        data.append(
            {"id": str(link.pk), "service_id": str(service.pk), "location_id": str(shelter.pk), "description": ""}
        )

    rewrite(tmp_path, "service_at_location.csv", add_link)
    with pytest.raises(ImportFailed) as failed:
        import_datapackage(tmp_path)
    assert any("confidential" in error for error in failed.value.errors)

    export_datapackage(tmp_path)
    rewrite(tmp_path, "locations.csv", lambda data: data.append({**data[0], "id": str(shelter.pk), "slug": "x"}))
    with pytest.raises(ImportFailed) as failed:
        import_datapackage(tmp_path)
    assert any("locations.csv" in error and "confidential" in error for error in failed.value.errors)
    assert Location.including_confidential.get(pk=shelter.pk).confidential
