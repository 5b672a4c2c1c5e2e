"""Emails are plain text, rendered in the recipient's language, and never HTML-escaped."""

import pytest

from core.email import email_enqueue

ORGANISATION = "Centre d'accueil & Co <Bruxelles>"


@pytest.mark.django_db
def test_a_text_email_shows_names_as_written(mailoutbox):
    email_enqueue(
        to="someone@example.org",
        template="accounts/email/added",
        context={
            "name": 'Anne "Nan" O\'Neil',
            "role": "admin",
            "organisation": ORGANISATION,
            "link": "https://x/?a=1&b=2",
        },
        language="en",
    )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert ORGANISATION in message.subject
    assert ORGANISATION in message.body
    assert 'Anne "Nan" O\'Neil' in message.body
    assert "https://x/?a=1&b=2" in message.body
    assert "&amp;" not in message.body + message.subject and "&#x27;" not in message.body


@pytest.mark.django_db
def test_a_text_email_is_in_the_recipients_language(mailoutbox):
    context = {"name": "An", "role": "admin", "organisation": ORGANISATION, "link": "https://x/"}
    email_enqueue(to="someone@example.org", template="accounts/email/added", context=context, language="fr")
    assert ORGANISATION in mailoutbox[0].body
    assert "You now have the role" not in mailoutbox[0].body


@pytest.mark.django_db
def test_web_pages_still_escape_what_they_show(client):
    from django.template.loader import render_to_string

    assert "&amp;" in render_to_string("core/error.html", {"status": "&"})
