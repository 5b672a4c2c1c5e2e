"""Dates on staff pages follow each language's conventions: day first, never the US month-first order."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from accounts.models import StaffSession
from accounts.testing import UserFactory, sign_in

MOMENT = datetime(2026, 3, 4, 13, 5, tzinfo=UTC)  # 14:05 in Brussels


@pytest.mark.parametrize(
    ("language", "date", "datetime_", "short"),
    [
        ("en", "4 March 2026", "4 March 2026, 14:05", "04/03/2026"),
        ("nl", "4 maart 2026", "4 maart 2026 14:05", "4-3-2026"),
        ("fr", "4 mars 2026", "4 mars 2026 14:05", "04/03/2026"),
    ],
)
def test_dates_are_day_first_in_every_language(language, date, datetime_, short):
    template = Template('{{ m|date:"DATE_FORMAT" }}|{{ m|date:"DATETIME_FORMAT" }}|{{ m|date:"SHORT_DATE_FORMAT" }}')
    with translation.override(language):
        assert template.render(Context({"m": MOMENT})).split("|") == [date, datetime_, short]


@pytest.mark.django_db
def test_the_sessions_page_shows_english_dates_day_first(client: Client):
    user = UserFactory()
    StaffSession.objects.create(user=user, created_at=MOMENT, last_seen_at=MOMENT)
    sign_in(client, user)
    page = client.get("/en/accounts/sessions/").content.decode()
    assert "4 March 2026, 14:05" in page
    assert "March 4" not in page
