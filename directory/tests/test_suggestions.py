"""Anyone can suggest a correction; it queues for the organisation that keeps the listing, or for platform
admins when nobody does, who mark it done."""

import pytest
from django.test import Client

from accounts.testing import UserFactory, sign_in
from core.scopes import platform_scope, scope
from directory.models import Suggestion

SUGGEST = "/en/directory/service/pag-asa-victim-support/suggest/"


@pytest.mark.django_db
def test_the_service_page_links_to_the_form(client: Client):
    html = client.get("/en/directory/service/pag-asa-victim-support/").content.decode()
    assert f'href="{SUGGEST}"' in html


@pytest.mark.django_db
def test_anyone_can_send_a_correction_without_a_name(client: Client, owned):
    form = client.get(SUGGEST).content.decode()
    assert 'name="text"' in form
    assert "email" not in form.split("<form", 1)[1].split("</form>")[0].lower()  # asks for no contact
    response = client.post(SUGGEST, {"text": "The phone number changed to +32 2 000 00 00."})
    assert response.status_code == 302
    assert response["Location"] == "/en/directory/service/pag-asa-victim-support/suggest/thanks/"
    assert "Thank you" in client.get(response["Location"]).content.decode()
    with scope(organisation=owned.owner):
        suggestion = Suggestion.objects.get()
    assert suggestion.service.slug == "pag-asa-victim-support"
    assert suggestion.language == "en"
    assert suggestion.done_on is None


@pytest.mark.django_db
def test_a_form_with_an_error_keeps_what_was_typed(client: Client):
    response = client.post(SUGGEST, {"text": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "\nabc</textarea>" in html
    assert "errorlist" in html
    too_long = client.post(SUGGEST, {"text": "x" * 2001}).content.decode()
    assert "x" * 2001 in too_long
    with platform_scope():  # the listing has no owner
        assert not Suggestion.objects.exists()


@pytest.mark.django_db
def test_there_is_no_form_for_an_unknown_service(client: Client):
    assert client.get("/en/directory/service/nope/suggest/").status_code == 404
    assert client.post("/en/directory/service/nope/suggest/", {"text": "Hello there"}).status_code == 404


@pytest.mark.django_db
def test_many_corrections_from_one_place_are_slowed_down(client: Client):
    for _ in range(10):
        assert client.post(SUGGEST, {"text": "Something is wrong here."}).status_code == 302
    response = client.post(SUGGEST, {"text": "Something is wrong here."})
    assert response.status_code == 200 and "try again later" in response.content.decode()
    with platform_scope():
        assert Suggestion.objects.count() == 10


@pytest.mark.django_db
def test_the_owner_sees_the_correction_and_marks_it_done(client: Client, owned, trio):
    Client().post(SUGGEST, {"text": "Opening hours changed to 10-18."})
    with scope(organisation=trio.org_a):
        suggestion = Suggestion.objects.get()
    sign_in(client, trio.alice)
    html = client.get("/en/directory/manage/org/org-a/").content.decode()
    assert "Opening hours changed to 10-18." in html
    done = f"/en/directory/manage/org/org-a/suggestion/{suggestion.pk}/done/"
    assert client.post(done).status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.done_on is not None and suggestion.done_by == trio.alice
    assert "Opening hours changed to 10-18." not in client.get("/en/directory/manage/org/org-a/").content.decode()
    assert client.post(done).status_code == 404  # already done


@pytest.mark.django_db
def test_colleagues_outsiders_and_platform_admins_do_not_see_an_owned_listings_corrections(client: Client, owned, trio):
    Client().post(SUGGEST, {"text": "Opening hours changed to 10-18."})
    with scope(organisation=trio.org_a):
        suggestion = Suggestion.objects.get()
    sign_in(client, trio.bob)
    assert client.post(f"/en/directory/manage/org/org-a/suggestion/{suggestion.pk}/done/").status_code == 403
    sign_in(client, trio.charlie)
    assert client.post(f"/en/directory/manage/org/org-b/suggestion/{suggestion.pk}/done/").status_code == 404
    assert "Opening hours changed" not in client.get("/en/directory/manage/org/org-b/").content.decode()
    admin = UserFactory(is_platform_admin=True)
    sign_in(client, admin)
    assert "Opening hours changed" not in client.get("/en/directory/manage/platform/").content.decode()
    assert client.post(f"/en/directory/manage/platform/suggestion/{suggestion.pk}/done/").status_code == 404
    with scope(organisation=trio.org_a):
        assert Suggestion.objects.get().done_on is None


@pytest.mark.django_db
def test_corrections_to_listings_without_an_owner_go_to_platform_admins(client: Client, trio):
    Client().post("/fr/directory/service/surya-victim-support/suggest/", {"text": "Le numéro a changé."})
    with platform_scope():
        suggestion = Suggestion.objects.get()
    assert suggestion.language == "fr"
    admin = UserFactory(is_platform_admin=True)
    sign_in(client, admin)
    html = client.get("/en/directory/manage/platform/").content.decode()
    assert "Le numéro a changé." in html and 'lang="fr"' in html
    assert client.post(f"/en/directory/manage/platform/suggestion/{suggestion.pk}/done/").status_code == 302
    with platform_scope():
        assert Suggestion.objects.get().done_by == admin
    sign_in(client, trio.alice)
    assert "Le numéro a changé." not in client.get("/en/directory/manage/org/org-a/").content.decode()


MARKER = "zq-suggestion-marker-5b1"


@pytest.mark.django_db(transaction=True)
def test_a_suggestion_is_encrypted_at_rest_and_read_back_by_the_listings_editors(client: Client):
    from accounts.testing import make_trio
    from conftest import load_all_content
    from core.testing import raw_database_dump
    from directory.models import Organization

    load_all_content()
    trio = make_trio()
    Organization.objects.filter(slug="pag-asa").update(owner=trio.org_a)
    assert client.post(SUGGEST, {"text": f"{MARKER}: the phone number changed."}).status_code == 302
    dump = raw_database_dump()
    assert MARKER.encode() not in dump and MARKER.encode("utf-16-le") not in dump
    with scope(organisation=trio.org_a):
        suggestion = Suggestion.objects.get()
    assert suggestion.text == f"{MARKER}: the phone number changed."
    assert suggestion.encryption_scope() == "platform"
    editor = Client()
    sign_in(editor, trio.alice)
    assert MARKER in editor.get(f"/en/directory/manage/org/{trio.org_a.slug}/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_suggestions_sent_before_encryption_are_encrypted_by_the_migration():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from conftest import load_all_content
    from directory.models import Service

    load_all_content()
    service = Service.objects.get(slug="pag-asa-victim-support")
    executor = MigrationExecutor(connection)
    executor.migrate([("directory", "0001_initial")])
    old = MigrationExecutor(connection).loader.project_state([("directory", "0001_initial")]).apps
    old.get_model("directory", "Suggestion").objects.create(
        service_id=service.pk, text=f"{MARKER} sent long ago", language="en", sent_on="2026-11-30"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM directory_suggestion")
        (stored,) = cursor.fetchone()
    assert MARKER not in stored
    with platform_scope():  # the listing has no owner
        assert Suggestion.objects.get().text == f"{MARKER} sent long ago"
