"""Volunteering, internships, research requests and donations in a real browser: each public form in Dutch,
French and English at 360 px, once without JavaScript, accessible (axe-core, WCAG 2.2 AA), and the donation
page's QR code drawn on the server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.testing import make_trio
from donations.models import BankAccount
from tests.browser.languages import LANGS, assert_fits, shot, t
from volunteering import services as volunteering_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def org():  # type: ignore[no-untyped-def]
    from core.scopes import scope

    trio = make_trio()
    start = timezone.localdate() + timedelta(days=300)
    volunteering_services.semester_save(
        organisation=trio.org_a,
        semester=None,
        starts_on=start,
        ends_on=start + timedelta(days=120),
        places=2,
        published=True,
    )
    with scope(organisation=trio.org_a):
        BankAccount.objects.create(
            organisation=trio.org_a, holder="Organisation A", iban="BE68539007547034", remittance="Gift", is_demo=True
        )
    return trio.org_a


PUBLIC = [
    "/{lang}/volunteer/org-a/",
    "/{lang}/volunteer/org-a/vacancies/",
    "/{lang}/volunteer/org-a/internship/",
    "/{lang}/research/org-a/",
    "/{lang}/donate/org-a/?amount=25",
]


def test_the_public_pages_have_no_violations_at_360_px(axe, org):
    for lang in LANGS:
        for path in PUBLIC:
            axe(path.format(lang=lang), viewport=PHONE)
    axe("/en/donate/org-a/?amount=abc", viewport=PHONE)  # with an error message
    axe("/en/volunteer/org-b/vacancies/", viewport=PHONE)  # "no vacancies"


@pytest.mark.parametrize("lang", LANGS)
def test_a_volunteer_applies_on_a_phone(context_factory, org, lang):
    page = context_factory(viewport=PHONE).new_page()
    page.goto(f"/{lang}/volunteer/org-a/")
    expect(page.locator("h1")).to_have_text(t(lang, "Volunteer with us"))
    page.fill("input[name=name]", "Noor")
    page.fill("input[name=email]", "noor@example.org")
    page.check("input[name=areas][value=translation]")
    page.get_by_role("button", name=t(lang, "Send my application")).click()
    expect(page.locator("#id_languages_error, .errorlist").first).to_be_visible()  # languages and availability
    assert page.input_value("input[name=name]") == "Noor"
    page.fill("input[name=languages]", "Arabic, Dutch")
    page.fill("textarea[name=availability]", "Sundays")
    page.get_by_role("button", name=t(lang, "Send my application")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Thank you for offering your help"))
    shot(page, f"volunteer-thanks-{lang}-360")


@pytest.mark.parametrize("lang", LANGS)
def test_an_intern_applies_on_a_phone(context_factory, org, lang):
    page = context_factory(viewport=PHONE).new_page()
    page.goto(f"/{lang}/volunteer/org-a/vacancies/")
    shot(page, f"vacancies-{lang}-360")
    page.get_by_role("link", name=t(lang, "Apply for an internship")).click()
    page.fill("input[name=name]", "Ilse")
    page.fill("input[name=email]", "ilse@example.org")
    page.fill("input[name=school]", "Hogeschool")
    page.fill("textarea[name=motivation]", "Because it matters.")
    page.check("input[name=sex_work_experience]")
    page.get_by_role("button", name=t(lang, "Send my application")).click()
    expect(page.locator(".errorlist").first).to_be_visible()  # the social-assistant confirmation is required
    page.check("input[name=no_social_assistant_required]")
    shot(page, f"internship-form-{lang}-360")
    page.get_by_role("button", name=t(lang, "Send my application")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Your internship application was sent"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_researcher_sends_a_request_on_a_phone(context_factory, org, lang):
    page = context_factory(viewport=PHONE).new_page()
    page.goto(f"/{lang}/research/org-a/")
    expect(page.get_by_text(t(lang, "Testimonies are rarely possible."))).to_be_visible()
    page.fill("input[name=name]", "Jo")
    page.fill("input[name=email]", "jo@example.org")
    page.select_option("select[name=kind]", "student")
    page.fill("textarea[name=questions]", "What changed since 2022?")
    page.fill("input[name=duration]", "One interview")
    page.fill("textarea[name=anonymisation]", "No names, no voices")
    page.check("input[name=compensation_offered][value=no]")
    page.fill("input[name=needed_by]", (timezone.localdate() + timedelta(days=20)).isoformat())
    shot(page, f"research-form-{lang}-360")
    page.get_by_role("button", name=t(lang, "Send my request")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Your request was sent"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_donor_makes_a_qr_code_on_a_phone(context_factory, org, lang):
    page = context_factory(viewport=PHONE).new_page()
    page.goto(f"/{lang}/donate/org-a/")
    expect(page.get_by_text(t(lang, "Demonstration: these bank details are made up."))).to_be_visible()
    assert page.locator("figure.epc-qr svg").count() == 0
    page.fill("input[name=amount]", "12,50")
    page.get_by_role("button", name=t(lang, "Make the QR code")).click()
    expect(page.locator("figure.epc-qr svg")).to_be_visible()
    box = page.locator("figure.epc-qr svg").bounding_box()
    assert box and box["width"] <= 360 and box["width"] >= 150
    shot(page, f"donate-{lang}-360")


def test_every_form_works_without_javascript(context_factory, org):
    page = context_factory(java_script_enabled=False, viewport=PHONE).new_page()
    page.goto("/fr/donate/org-a/")
    page.fill("input[name=amount]", "20")
    page.get_by_role("button", name=t("fr", "Make the QR code")).click()
    expect(page.locator("figure.epc-qr svg")).to_be_visible()
    page.goto("/nl/volunteer/org-a/")
    page.fill("input[name=name]", "Sam")
    page.fill("input[name=email]", "sam@example.org")
    page.check("input[name=areas][value=events]")
    page.fill("textarea[name=availability]", "Zaterdag")
    page.get_by_role("button", name=t("nl", "Send my application")).click()
    expect(page.locator("h1")).to_have_text(t("nl", "Thank you for offering your help"))
    page.goto("/en/volunteer/org-a/internship/")
    page.fill("input[name=name]", "Ilse")
    page.fill("input[name=email]", "ilse@example.org")
    page.fill("input[name=school]", "School")
    page.fill("textarea[name=motivation]", "Motivation")
    page.check("input[name=no_social_assistant_required]")
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator("h1")).to_have_text("Your internship application was sent")
    page.goto("/en/research/org-a/")
    page.fill("input[name=name]", "Jo")
    page.fill("input[name=email]", "jo@example.org")
    page.fill("textarea[name=questions]", "Q")
    page.fill("input[name=duration]", "D")
    page.fill("textarea[name=anonymisation]", "A")
    page.check("input[name=compensation_offered][value=yes]")
    page.fill("input[name=compensation]", "A voucher")
    page.fill("input[name=needed_by]", (timezone.localdate() + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("h1")).to_have_text("Your request was sent")


@pytest.mark.parametrize("lang", LANGS)
def test_an_admin_downloads_a_years_gifts_on_a_phone(context_factory, live_server, org, lang):
    from decimal import Decimal

    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from accounts.testing import sign_in
    from donations import services as donation_services

    alice = User.objects.get(email="alice@example.org")
    donation_services.gift_create(
        actor=alice, organisation=org, amount=Decimal("25"), received_on=timezone.localdate(), donor=None
    )
    client = Client()
    sign_in(client, alice)
    context = context_factory(viewport=PHONE)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    page = context.new_page()
    page.goto(f"/{lang}/donate/manage/org/org-a/")
    expect(
        page.get_by_text(t(lang, "Download every gift of a year (CSV, for the accounts and tax certificates):"))
    ).to_be_visible()
    year = str(timezone.localdate().year)
    with page.expect_download() as download:
        page.get_by_role("link", name=year, exact=True).click()
    assert download.value.suggested_filename == f"gifts-org-a-{year}.csv"
    assert_fits(page)
    shot(page, f"ledger-{lang}-360")
