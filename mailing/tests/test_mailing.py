from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from mailing import services
from mailing.models import Newsletter, NewsletterStatus, Segment
from members import services as member_services
from members.models import Member
from members.tests.helpers import make_member

pytestmark = pytest.mark.django_db


def _subscriber(trio, name, language, kind="active", email=None):  # type: ignore[no-untyped-def]
    member, _ = make_member(
        trio.org_a, pseudonym=name, language=language, kind=kind, email=email or f"{name}@example.org"
    )
    with scope(organisation=trio.org_a):
        Member.objects.filter(pk=member.pk).update(email_confirmed=True)
    return member


def _newsletter(trio, **fields):  # type: ignore[no-untyped-def]
    values = {
        "subject": {"nl": "Nieuws", "fr": "Nouvelles", "en": "News"},
        "body": {"nl": "Hallo allemaal", "fr": "Bonjour à toutes et tous", "en": "Hello everyone"},
        "segment": Segment.ALL,
        "language": "",
    }
    values.update(fields)
    return services.newsletter_save(actor=trio.alice, organisation=trio.org_a, **values)


def test_each_member_receives_it_in_their_language_with_progress_counted(trio, django_capture_on_commit_callbacks):
    _subscriber(trio, "an", "nl")
    _subscriber(trio, "bo", "fr", kind="supporting")
    _subscriber(trio, "cy", "en")
    make_member(trio.org_b, pseudonym="other", email="other@example.org")  # another organisation
    newsletter = _newsletter(trio)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        count = services.newsletter_send(actor=trio.alice, newsletter=newsletter, base_url="https://haven.test")
    assert count == 3
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["an@example.org"].subject == "Nieuws" and "Hallo allemaal" in by_address["an@example.org"].body
    assert by_address["bo@example.org"].subject == "Nouvelles"
    assert "https://haven.test/fr/mailing/unsubscribe/" in by_address["bo@example.org"].body
    with scope(organisation=trio.org_a):
        newsletter.refresh_from_db()
    assert (newsletter.status, newsletter.total, newsletter.sent) == (NewsletterStatus.SENT, 3, 3)


def test_segments_active_and_by_language(trio):
    _subscriber(trio, "an", "nl")
    _subscriber(trio, "bo", "fr", kind="supporting")
    assert len(services.recipients_of(_newsletter(trio, segment=Segment.ACTIVE))) == 1
    assert [m.language for m in services.recipients_of(_newsletter(trio, segment=Segment.LANGUAGE, language="fr"))] == [
        "fr"
    ]


def test_no_tracking_in_the_email(trio, django_capture_on_commit_callbacks):
    _subscriber(trio, "an", "nl")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(actor=trio.alice, newsletter=_newsletter(trio), base_url="https://haven.test")
    message = mail.outbox[0]
    assert not message.alternatives  # plain text only: no pixel, no HTML
    links = re.findall(r"https?://\S+", message.body)
    assert len(links) == 1 and "/mailing/unsubscribe/" in links[0]


def test_the_unsubscribe_link_works_without_signing_in_and_erases_the_address(trio, django_capture_on_commit_callbacks):
    member = _subscriber(trio, "an", "nl")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(actor=trio.alice, newsletter=_newsletter(trio), base_url="https://haven.test")
    link = re.findall(r"https?://\S+", mail.outbox[0].body)[0].replace("https://haven.test", "")
    assert mail.outbox[0].extra_headers["List-Unsubscribe"] == f"<https://haven.test{link}>"
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client = Client()
    page = client.get(link)
    assert page.status_code == 200 and not page.cookies
    page = client.post(link)
    assert page.status_code == 200 and not page.cookies
    assert "gewist" in page.content.decode()  # the member reads Dutch: the link is /nl/
    with scope(organisation=trio.org_a):
        fresh = Member.objects.get(pk=member.pk)
    assert fresh.email == "" and not fresh.newsletter
    assert Client().get("/en/mailing/unsubscribe/forged-token/").status_code == 404


@pytest.mark.django_db
def test_a_mail_programs_one_click_unsubscribe_works(trio, django_capture_on_commit_callbacks):
    """RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the header's address, with no cookie."""
    member = _subscriber(trio, "an", "fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(actor=trio.alice, newsletter=_newsletter(trio), base_url="https://haven.test")
    address = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").replace("https://haven.test", "")
    response = Client(enforce_csrf_checks=True).post(
        address, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and not response.cookies
    with scope(organisation=trio.org_a):
        fresh = Member.objects.get(pk=member.pk)
    assert fresh.email == "" and not fresh.newsletter


def test_a_member_who_leaves_the_list_before_delivery_is_skipped(trio):
    member = _subscriber(trio, "an", "nl")
    newsletter = _newsletter(trio)
    recipients = services.recipients_of(newsletter)
    member_services.member_unsubscribe(member=member)
    from mailing.tasks import newsletter_deliver

    with scope(organisation=trio.org_a):
        Newsletter.objects.filter(pk=newsletter.pk).update(total=1, status=NewsletterStatus.SENDING)
    newsletter_deliver.call(
        organisation_id=trio.org_a.pk, newsletter_id=str(newsletter.pk), member_id=str(recipients[0].pk), base_url=""
    )
    with scope(organisation=trio.org_a):
        newsletter.refresh_from_db()
    assert (newsletter.skipped, newsletter.sent, newsletter.status) == (1, 0, NewsletterStatus.SENT)


def test_staff_pages_owner_colleague_outsider_anonymous(trio):
    newsletter = _newsletter(trio)
    base = f"/en/mailing/manage/org/{trio.org_a.slug}/"
    for url in (base, base + "new/", base + f"{newsletter.pk}/", base + f"{newsletter.pk}/edit/"):
        assert Client().get(url).status_code == 302
        for user, expected in ((trio.alice, 200), (trio.bob, 403), (trio.charlie, 404)):
            client = Client()
            sign_in(client, user)
            assert client.get(url).status_code == expected, (url, user)
    client = Client()
    sign_in(client, trio.charlie)
    assert client.get(f"/en/mailing/manage/org/{trio.org_b.slug}/{newsletter.pk}/").status_code == 404


def test_compose_and_send_through_the_pages(trio, django_capture_on_commit_callbacks):
    _subscriber(trio, "an", "nl")
    client = Client()
    sign_in(client, trio.alice)
    base = f"/en/mailing/manage/org/{trio.org_a.slug}/"
    data = {
        "subject_nl": "Nieuws",
        "subject_fr": "",
        "subject_en": "",
        "body_nl": "Tekst",
        "body_fr": "",
        "body_en": "",
        "segment": "language",
        "language": "",
    }
    response = client.post(base + "new/", data)
    assert response.status_code == 200 and "Choose the language" in response.content.decode()
    response = client.post(base + "new/", {**data, "language": "nl"})
    assert response.status_code == 302
    detail = response["Location"]
    assert "1 member" in client.get(detail).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail + "send/")
    assert len(mail.outbox) == 1
    assert "1 of 1 handled" in client.get(detail).content.decode()
