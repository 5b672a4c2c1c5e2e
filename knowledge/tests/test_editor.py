"""Editors: who may edit, drafts and review, publishing, history with diffs, rollback, conflicts."""

import pytest
from django.test import Client

from accounts.models import Membership, Role
from accounts.testing import OrganisationFactory, UserFactory, sign_in
from knowledge.models import Revision, State, Translation
from search.selectors import search

EDIT = "/en/knowledge/edit/sti-testing/fr/"


@pytest.fixture
def editor(db):
    user = UserFactory(name="Eda")
    Membership.objects.create(user=user, organisation=OrganisationFactory(), role=Role.EDITOR)
    return user


def _form(translation: Translation, **changes):
    latest = translation.revisions.order_by("-number").first()
    data = {
        "title": latest.title,
        "summary": latest.summary,
        "body": latest.body,
        "keywords": latest.keywords,
        "note": "",
        "base": latest.number,
        "action": "draft",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_only_editors_may_edit(client: Client, trio, editor):
    assert client.get(EDIT).status_code == 302  # anonymous: to sign-in
    sign_in(client, trio.bob)  # a caseworker
    assert client.get(EDIT).status_code == 403
    other = Client()
    sign_in(other, editor)
    assert other.get(EDIT).status_code == 200
    assert other.get("/en/knowledge/edit/").status_code == 200


@pytest.mark.django_db
def test_a_draft_does_not_change_the_public_page(client: Client, editor):
    sign_in(client, editor)
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    published_title = translation.title
    response = client.post(EDIT, _form(translation, title="Brouillon en cours"))
    assert response.status_code == 302
    assert Translation.objects.get(pk=translation.pk).title == published_title
    assert "Brouillon en cours" not in client.get("/fr/knowledge/sti-testing/").content.decode()


@pytest.mark.django_db
def test_review_then_publish_updates_the_page_and_the_search(client: Client, editor):
    sign_in(client, editor)
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    client.post(EDIT, _form(translation, title="Dépistage zanzibarique", action="review"))
    revision = Revision.objects.get(translation=translation, state=State.REVIEW)
    assert b"sti-testing (fr)" in client.get("/en/knowledge/edit/").content  # in the review queue
    client.post(f"/en/knowledge/edit/sti-testing/fr/revision/{revision.number}/", {"action": "publish"})
    assert "zanzibarique" in client.get("/fr/knowledge/sti-testing/").content.decode()
    assert [r.key for r in search("zanzibarique", lang="fr")] == ["sti-testing"]


@pytest.mark.django_db
def test_history_shows_a_diff_and_rollback_restores_an_older_text(client: Client, editor):
    sign_in(client, editor)
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    original = translation.title
    first = translation.published_revision.number
    client.post(EDIT, _form(translation, title="Nouveau titre", action="publish"))
    history = client.get("/en/knowledge/edit/sti-testing/fr/history/").content.decode()
    assert "Nouveau titre" not in history  # the history lists versions, not text
    diff = client.get(f"/en/knowledge/edit/sti-testing/fr/diff/{first}/{first + 1}/").content.decode()
    assert "<del>-" in diff and "Nouveau titre" in diff
    client.post(f"/en/knowledge/edit/sti-testing/fr/revision/{first}/", {"action": "rollback"})
    translation.refresh_from_db()
    assert translation.title == original
    assert translation.revisions.count() == first + 2  # history is kept, not rewritten


@pytest.mark.django_db
def test_a_stale_form_does_not_overwrite_a_newer_version_and_keeps_the_text(client: Client, editor):
    sign_in(client, editor)
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    stale = _form(translation, title="Ma version", action="publish")
    client.post(EDIT, _form(translation, title="Version de quelqu'un d'autre", action="publish"))
    response = client.post(EDIT, stale)
    assert response.status_code == 200
    assert "newer version" in response.content.decode()
    assert 'value="Ma version"' in response.content.decode()
    assert Translation.objects.get(pk=translation.pk).title == "Version de quelqu'un d'autre"


@pytest.mark.django_db
def test_an_empty_title_is_refused_and_the_rest_is_kept(client: Client, editor):
    sign_in(client, editor)
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    response = client.post(EDIT, _form(translation, title="", body="Mon texte à garder"))
    assert response.status_code == 200
    assert "Mon texte à garder" in response.content.decode()


@pytest.mark.django_db
def test_publishing_the_english_source_marks_translations_outdated(client: Client, editor):
    sign_in(client, editor)
    english = Translation.objects.get(item__slug="sti-testing", language="en")
    client.post(
        "/en/knowledge/edit/sti-testing/en/", _form(english, body=english.body + "\n\nNew fact.", action="publish")
    )
    dashboard = client.get("/en/knowledge/edit/").content.decode()
    row = dashboard.split("<td>sti-testing</td>", 1)[1].split("</tr>", 1)[0]
    assert row.count(">outdated<") == 2


@pytest.mark.django_db
def test_sources_must_be_real_addresses(client: Client, editor):
    sign_in(client, editor)
    response = client.post(
        "/en/knowledge/edit/sti-testing/",
        {"sources": "Just a title", "last_verified": "2026-11-23", "emergency_box": ""},
    )
    assert response.status_code == 200
    assert "https://" in response.content.decode()
    response = client.post(
        "/en/knowledge/edit/sti-testing/",
        {"sources": "Espace P | https://espacep.be/im-sex-worker/", "last_verified": "2026-11-24"},
    )
    assert response.status_code == 302
