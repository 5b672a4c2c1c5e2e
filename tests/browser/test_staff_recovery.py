"""A lost phone, in a real browser at 360 px, in NL, FR and EN: a staff member signs in with a recovery code,
then, as their organisation's admin, resets a colleague's second step. Screenshots of the staff pages go to
``var/screenshots/staff/`` for people to look at (tables included)."""

from pathlib import Path

import pytest
from django.conf import settings

from accounts import services
from accounts.models import Role, TOTPDevice
from accounts.testing import TEST_PASSWORD, MembershipFactory, OrganisationFactory, UserFactory
from tests.browser.languages import assert_fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "staff"
PHONE = {"width": 360, "height": 740}
WORDS = {
    "nl": {
        "continue": "Verder",
        "use": "Een herstelcode gebruiken",
        "sign_in": "Aanmelden",
        "members": "Leden",
        "reset": "Tweede stap opnieuw instellen",
        "done": "is opnieuw ingesteld",
    },
    "fr": {
        "continue": "Continuer",
        "use": "Utiliser un code de récupération",
        "sign_in": "Se connecter",
        "members": "Membres",
        "reset": "Réinitialiser la deuxième étape",
        "done": "est réinitialisée",
    },
    "en": {
        "continue": "Continue",
        "use": "Use a recovery code",
        "sign_in": "Sign in",
        "members": "Members",
        "reset": "Reset the second step",
        "done": "is reset",
    },
}


def _shot(page, lang: str, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{lang}-{name}.png"), full_page=True)
    assert_fits(page)


@pytest.mark.parametrize(("lang", "js"), [("nl", True), ("fr", True), ("en", True), ("en", False)])
def test_recovery_code_sign_in_and_an_admin_resetting_a_members_second_step(context_factory, lang, js):
    words = WORDS[lang]
    shot_lang = lang if js else f"{lang}-nojs"
    organisation = OrganisationFactory(name="Straatwerk Demo", slug="straatwerk")
    admin = UserFactory(name="Ada Admin", email="ada@example.org", language=lang)
    member = UserFactory(name="Bo Member", email="bo.member.with.a.long.address@example.org", language=lang)
    MembershipFactory(user=admin, organisation=organisation, role=Role.ADMIN)
    MembershipFactory(user=admin, organisation=organisation, role=Role.EDITOR)
    MembershipFactory(user=member, organisation=organisation, role=Role.CASEWORKER)
    code = services.recovery_codes_create(user=admin)[0]

    page = context_factory(viewport=PHONE, java_script_enabled=js).new_page()
    page.goto(f"/{lang}/accounts/sign-in/")
    page.fill("input[name=email]", admin.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click(f"button[type=submit] >> text={words['continue']}")
    page.wait_for_url(f"**/{lang}/accounts/sign-in/code/")
    _shot(page, shot_lang, "1-second-step")
    page.click(f"text={words['use']}")
    page.fill("input[name=code]", code)
    _shot(page, shot_lang, "2-recovery-code")
    page.click(f"button[type=submit] >> text={words['sign_in']}")
    page.wait_for_url(f"**/{lang}/accounts/security/")
    _shot(page, shot_lang, "3-security")
    assert services.recovery_codes_left(user=admin) == 9

    page.goto(f"/{lang}/accounts/")
    _shot(page, shot_lang, "4-home")
    page.goto(f"/{lang}/accounts/sessions/")
    _shot(page, shot_lang, "5-sessions")
    page.goto(f"/{lang}/accounts/org/straatwerk/members/")
    _shot(page, shot_lang, "6-members")
    page.click(f"a[href*='/members/{member.pk}/second-step/']")
    page.wait_for_url(f"**/members/{member.pk}/second-step/")
    _shot(page, shot_lang, "7-reset-confirm")
    page.click(f"button[type=submit] >> text={words['reset']}")
    page.wait_for_url(f"**/{lang}/accounts/org/straatwerk/members/")
    assert words["done"] in page.text_content(".messages")
    _shot(page, shot_lang, "8-reset-done")
    assert not TOTPDevice.objects.filter(user=member).exists()

    page.goto(f"/{lang}/accounts/security/recovery-codes/")
    page.click("form.recovery-create button[type=submit]")
    page.wait_for_selector(".recovery-codes")
    _shot(page, shot_lang, "9-new-codes")


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_staff_page_fits_a_360_px_screen(context_factory, live_server, lang):
    """Wide tables (the knowledge matrix, directory lists) scroll inside their own box, not the page."""
    from django.core.management import call_command

    from conftest import load_all_content

    load_all_content()
    call_command("seed_demo")
    from accounts.models import User

    admin = User.objects.get(email="admin@example.org")  # admin and editor of the demo outreach service
    admin.language = lang
    admin.save()
    context = context_factory(viewport=PHONE)
    page = context.new_page()
    from django.test import Client

    from accounts.testing import sign_in

    client = Client()
    sign_in(client, admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    for name, path in [
        ("knowledge", f"/{lang}/knowledge/edit/"),
        ("directory", f"/{lang}/directory/manage/org/demo-outreach/"),
        ("listing", f"/{lang}/directory/manage/org/demo-outreach/listing/demo-outreach-service/"),
        ("plans", f"/{lang}/plan/org/demo-outreach/shared/"),
    ]:
        page.goto(path)
        _shot(page, lang, f"page-{name}")
