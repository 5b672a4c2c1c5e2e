"""Background jobs of the core: email. Run by `manage.py db_worker` (database queue) in production."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_email(
    *, to: list[str], template: str, context: dict[str, object], language: str, headers: dict[str, str] | None = None
) -> int:
    """Render ``<template>_subject.txt`` and ``<template>.txt`` in the recipient's language and send (with any
    extra ``headers``, such as a newsletter's List-Unsubscribe)."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        # The "text" template engine does not escape HTML: these are plain-text emails.
        subject = " ".join(render_to_string(f"{template}_subject.txt", context, using="text").split())
        body = render_to_string(f"{template}.txt", context, using="text")
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=headers)
    return message.send()
