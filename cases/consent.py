"""The one gate every share, referral and export passes: does a valid consent cover it?

A consent covers a use when, on the day: it was given on or before it, is valid until on or after it, was not
withdrawn, names the purpose, names every item to be shared, and (for a referral) names the service or says
"any service in the directory". The newest covering consent is returned; none raises :class:`ConsentMissing`.
Withdrawing a consent takes effect at once, because nothing is shared without passing here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Case, Consent, Purpose
from directory.models import Service


class ConsentMissing(ValidationError):
    """No valid consent covers this use: nothing is shared."""


def consent_covers(
    consent: Consent, *, purpose: str, items: Iterable[str] = (), service: Service | None = None, on: date
) -> bool:
    if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
        return False
    if not (consent.given_on <= on <= consent.valid_until):
        return False
    if purpose not in consent.purposes:
        return False
    if not set(items) <= set(consent.shared_items):
        return False
    if service is not None and not consent.any_service:
        return any(allowed.pk == service.pk for allowed in consent.services.all())
    return True


def consent_required(
    case: Case,
    *,
    purpose: Purpose | str,
    items: Iterable[str] = (),
    service: Service | None = None,
    on: date | None = None,
) -> Consent:
    """Return the consent that covers this use of the case's data, or raise ``ConsentMissing``."""
    on = on or timezone.localdate()
    items = list(items)
    for consent in Consent.objects.filter(case=case, withdrawn_on__isnull=True).prefetch_related("services"):
        if consent_covers(consent, purpose=str(purpose), items=items, service=service, on=on):
            return consent
    raise ConsentMissing(
        _("No valid consent covers this. Record the person's consent first (what, with whom, until when)."),
        code="consent",
    )
