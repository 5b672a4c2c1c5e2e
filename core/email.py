from __future__ import annotations

from core.tasks import send_email


def email_enqueue(*, to: str, template: str, context: dict[str, object], language: str) -> None:
    """Queue an email; it is rendered in ``language`` (the recipient's) when the worker sends it."""
    send_email.enqueue(to=[to], template=template, context=context, language=language)
