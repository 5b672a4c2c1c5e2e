"""Test helpers: a tally for an organisation."""

from __future__ import annotations

import datetime
from typing import Any

from accounts.models import Organisation
from outreach import services
from outreach.models import Setting, Tally
from vocabulary.selectors import region_by_slug


def make_tally(organisation: Organisation, **values: Any) -> Tally:
    fields: dict[str, Any] = {
        "date": datetime.date(2026, 3, 2),
        "setting": Setting.OFFLINE,
        "region": region_by_slug("brussels"),
        "contacts": 7,
        "handed_out": ["condoms"],
    }
    fields.update(values)
    return services.tally_create(organisation=organisation, actor=None, **fields)


def tally_rows(trio: Any) -> tuple[Tally, Tally]:
    return make_tally(trio.org_a), make_tally(trio.org_b)
