"""The staff home: drafts waiting for review for editors, and no link that leads to a 403."""

import re

import pytest
from django.test import Client

from accounts.models import Role
from accounts.testing import MembershipFactory, UserFactory, sign_in
from knowledge.models import State, Translation
from knowledge.services import revision_save

HOME = "/en/accounts/"
STAFF_PAGES = ["/en/accounts/", "/en/accounts/security/", "/en/accounts/sessions/"]


@pytest.fixture
def editor(trio):  # type: ignore[no-untyped-def]
    user = UserFactory(name="Edna Editor")
    MembershipFactory(user=user, organisation=trio.org_a, role=Role.EDITOR)
    return user


@pytest.mark.django_db
def test_editors_see_drafts_waiting_for_review_on_their_home(client: Client, editor):
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    revision_save(
        translation=translation, author=editor, title="Dépistage à relire", summary="", body="x", state=State.REVIEW
    )
    sign_in(client, editor)
    page = client.get(HOME).content.decode()
    assert "Drafts waiting for review" in page
    assert "Dépistage à relire" in page
    assert "/en/knowledge/edit/sti-testing/fr/history/" in page


@pytest.mark.django_db
def test_plain_drafts_are_not_listed_as_waiting(client: Client, editor):
    translation = Translation.objects.get(item__slug="sti-testing", language="fr")
    revision_save(translation=translation, author=editor, title="Brouillon privé", summary="", body="x")
    sign_in(client, editor)
    page = client.get(HOME).content.decode()
    assert "Brouillon privé" not in page and "Nothing is waiting for review." in page


@pytest.mark.django_db
def test_people_who_are_not_editors_do_not_see_the_review_queue(client: Client, trio):
    sign_in(client, trio.bob)
    page = client.get(HOME).content.decode()
    assert "Drafts waiting for review" not in page
    assert "/en/knowledge/edit/" not in page


def _links(html: str) -> set[str]:
    return {href for href in re.findall(r'href="(/en/[^"#]*)"', html) if not href.startswith("/en/exit")}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["alice", "bob", "charlie", "editor", "platform"])
def test_no_staff_page_shows_a_link_that_leads_to_a_403(client: Client, trio, editor, who):
    platform = UserFactory(is_platform_admin=True)
    user = {"editor": editor, "platform": platform}.get(who) or getattr(trio, who)
    sign_in(client, user)
    seen: set[str] = set()
    for page in STAFF_PAGES:
        seen |= _links(client.get(page).content.decode())
    assert seen
    for href in sorted(seen):
        status = client.get(href).status_code
        assert status != 403, f"{who} sees a link to {href}, which answers 403"
        assert status < 500, href
